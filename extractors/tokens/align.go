package tokens

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/timeline-news/timeline/internal/span"
	"github.com/timeline-news/timeline/model"
)

// fold maps the characters prose's tokenizer rewrites to what it writes.
func fold(r rune) rune {
	switch r {
	case '\u201c', '\u201d', '\u201e', '\u2033':
		return '"'
	case '\u2018', '\u2019', '\u201a', '\u2032':
		return '\''
	}
	return r
}

// alignWindow bounds how far ahead a token that does not match at the
// cursor is looked for.
const alignWindow = 256

// alignTokens finds each prose token in text, in order, and returns the
// tokens it found with their offsets; the text is the original one.
func alignTokens(text string, toks []string) []model.Token {
	out := make([]model.Token, 0, len(toks))
	p := 0
	for _, t := range toks {
		if t == "" {
			continue
		}
		p = span.SkipSpace(text, p, len(text))
		if n := matchAt(text, p, t); n > 0 {
			out = append(out, model.Token{Span: model.Span{Start: p, End: p + n}, Text: text[p : p+n]})
			p += n
			continue
		}
		lim := min(len(text), p+alignWindow)
		for q := p + 1; q < lim; q++ {
			if !utf8.RuneStart(text[q]) {
				continue
			}
			if n := matchAt(text, q, t); n > 0 {
				out = append(out, model.Token{Span: model.Span{Start: q, End: q + n}, Text: text[q : q+n]})
				p = q + n
				break
			}
		}
	}
	return out
}

// matchAt returns the byte length of tok at text[p:] (comparing folded
// runes), or 0.
func matchAt(text string, p int, tok string) int {
	q := p
	for _, r := range tok {
		if q >= len(text) {
			return 0
		}
		o, n := utf8.DecodeRuneInString(text[q:])
		if fold(o) != fold(r) {
			return 0
		}
		q += n
	}
	return q - p
}

// sentenceTokens returns the tokens of [s, e): aligned prose tokens cut to
// the sentence, and simple-scan tokens for any text they do not cover.
// ti is the first candidate token; the returned index is where the next
// sentence should start looking.
func sentenceTokens(text string, s, e int, toks []model.Token, ti int) ([]model.Token, int) {
	out := make([]model.Token, 0, (e-s)/5+1)
	p := s
	for ; ti < len(toks) && toks[ti].Start < e; ti++ {
		t := toks[ti]
		a, b := max(t.Start, s), min(t.End, e)
		if a >= b {
			continue
		}
		if a > p {
			out = scan(text, p, a, out)
		}
		out = appendToken(text, a, b, out)
		p = b
		if t.End > e { // straddles the sentence end: the rest belongs to the next
			break
		}
	}
	if p < e {
		out = scan(text, p, e, out)
	}
	return out, ti
}

// appendToken appends [a, b), splitting off an opening single quote that
// prose leaves on a word ("‘Dialogue"); "'s" after a word is kept whole.
func appendToken(text string, a, b int, out []model.Token) []model.Token {
	r, n := utf8.DecodeRuneInString(text[a:b])
	if (r == '\'' || r == '\u2018' || r == '\u2019') && a+n < b && (a == 0 || text[a-1] == ' ' || text[a-1] == '\n' || text[a-1] == '\t') {
		out = append(out, model.Token{Span: model.Span{Start: a, End: a + n}, Text: text[a : a+n]})
		a += n
	}
	return append(out, model.Token{Span: model.Span{Start: a, End: b}, Text: text[a:b]})
}

// scan is the fallback tokenizer: words (letters and digits, with inner
// . ' ’ - between them) and single punctuation marks.
func scan(text string, s, e int, out []model.Token) []model.Token {
	for i := s; i < e; {
		r, n := utf8.DecodeRuneInString(text[i:e])
		switch {
		case unicode.IsSpace(r):
			i += n
		case isWord(r):
			j := i + n
			for j < e {
				r2, n2 := utf8.DecodeRuneInString(text[j:e])
				if isWord(r2) {
					j += n2
					continue
				}
				if strings.ContainsRune(".'’-", r2) && j+n2 < e {
					if r3, _ := utf8.DecodeRuneInString(text[j+n2 : e]); isWord(r3) {
						j += n2
						continue
					}
				}
				break
			}
			out = append(out, model.Token{Span: model.Span{Start: i, End: j}, Text: text[i:j]})
			i = j
		default:
			out = append(out, model.Token{Span: model.Span{Start: i, End: i + n}, Text: text[i : i+n]})
			i += n
		}
	}
	return out
}

func isWord(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
