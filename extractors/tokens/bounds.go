package tokens

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/timeline-news/timeline/model"
	"github.com/timeline-news/timeline/rules"
)

// Punctuation classes of sentence segmentation (orthography, not
// vocabulary).
const (
	finalPunct   = ".!?…"
	closingPunct = "\"'”’»)]"
	openingPunct = "\"'“‘«([•-–—"
)

// bound is a sentence end; abbr marks one after an abbreviation's period,
// which a heading does not take (every word of a heading is capitalised).
type bound struct {
	at   int
	abbr bool
}

// sentenceEnds returns the sentence ends in text: after a final
// punctuation token (and any closing quotes or brackets) followed by a
// token that can start a sentence. The period of an abbreviation ends a
// sentence only before a starter word ("Apple Inc. The company").
func (sp *Splitter) sentenceEnds(text string, toks []model.Token) []bound {
	var ends []bound
	for i := 0; i < len(toks); i++ {
		var abbr bool
		switch t := toks[i].Text; {
		case isFinal(t):
			if initialBefore(text, toks, i) {
				continue
			}
			// prose splits the period off a word of four letters or more ("Sept", ".")
			abbr = t == "." && i > 0 && toks[i-1].End == toks[i].Start && sp.abbrev[toks[i-1].Text+"."]
		case sp.isAbbrev(t): // kept whole: "U.S.", "Gen."
			abbr = true
		default:
			continue
		}
		j := i + 1
		for j < len(toks) && isOneOf(toks[j].Text, closingPunct) && toks[j].Start == toks[j-1].End {
			j++
		}
		if abbr && (j == len(toks) || !sp.startsAfterAbbrev(toks, j)) {
			continue
		}
		if j < len(toks) && !startsSentence(toks[j].Text) {
			continue
		}
		ends = append(ends, bound{at: toks[j-1].End, abbr: abbr})
		i = j - 1
	}
	return ends
}

// isAbbrev reports a token prose kept whole that is a known abbreviation
// or an initialism.
func (sp *Splitter) isAbbrev(tok string) bool {
	return len(tok) >= 3 && tok[len(tok)-1] == '.' && (sp.abbrev[tok] || rules.IsInitialism(tok))
}

// startsAfterAbbrev reports whether toks[j] is a starter word, and not an
// initial ("Gen. A. Smith").
func (sp *Splitter) startsAfterAbbrev(toks []model.Token, j int) bool {
	if !sp.starters[toks[j].Text] {
		return false
	}
	return j+1 == len(toks) || toks[j+1].Text != "." || toks[j+1].Start != toks[j].End
}

// isFinal: ".", "!", "?", "...", "?!" and the like.
func isFinal(tok string) bool {
	if tok == "" {
		return false
	}
	for _, r := range tok {
		if !strings.ContainsRune(finalPunct, r) {
			return false
		}
	}
	return true
}

func isOneOf(tok, set string) bool {
	r, n := utf8.DecodeRuneInString(tok)
	return n == len(tok) && strings.ContainsRune(set, r)
}

// initialBefore reports a period right after a single capital letter
// ("John F. Kerry"), which is an initial, not a sentence end.
func initialBefore(text string, toks []model.Token, i int) bool {
	if i == 0 || toks[i].Text != "." || toks[i-1].End != toks[i].Start {
		return false
	}
	r, n := utf8.DecodeRuneInString(toks[i-1].Text)
	return n == len(toks[i-1].Text) && unicode.IsUpper(r)
}

func startsSentence(tok string) bool {
	r, _ := utf8.DecodeRuneInString(tok)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune(openingPunct, r)
}

// splitFinalPeriods splits the period off a word prose kept whole as an
// abbreviation when the word is none of the known ones and the next token
// opens a sentence with a capital letter: "told Vox. NATO allies", "the
// Black Sea. Zelenskyy said". The period becomes a final token of its own.
// prose keeps every capital with one or two lower-case letters and a
// period whole, which would otherwise glue the two sentences.
func (sp *Splitter) splitFinalPeriods(toks []model.Token) []model.Token {
	var out []model.Token
	for i, t := range toks {
		if i+1 < len(toks) && len(t.Text) >= 3 && len(t.Text) <= 4 && t.Text[len(t.Text)-1] == '.' &&
			isUpperASCII(t.Text[0]) && lowerASCII(t.Text[1:len(t.Text)-1]) && !sp.abbrev[t.Text] &&
			toks[i+1].Start > t.End && isUpperASCII(toks[i+1].Text[0]) {
			if out == nil {
				out = append(make([]model.Token, 0, len(toks)+8), toks[:i]...)
			}
			w, p := t, t
			w.End--
			w.Text = t.Text[:len(t.Text)-1]
			p.Start = w.End
			p.Text = "."
			out = append(out, w, p)
			continue
		}
		if out != nil {
			out = append(out, t)
		}
	}
	if out == nil {
		return toks
	}
	return out
}

func isUpperASCII(c byte) bool { return c >= 'A' && c <= 'Z' }

func lowerASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return s != ""
}
