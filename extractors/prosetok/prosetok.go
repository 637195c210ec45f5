// Package prosetok is prose's word tokenizer (iterTokenizer, prose v2.0.0)
// reimplemented to give exactly its tokens, several times faster: prose
// allocates a token object per token, a map per call and lower-cases and
// regexp-matches every word at each splitting step. Here the tables are
// prose's own (linked by name, see tables.go), the special-case regexp runs
// only on words that can match it, and nothing is allocated per token.
package prosetok

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sanitize rewrites the characters prose replaces before tokenizing (curly
// quotes, "&rsquo;"); token texts are substrings of the result.
func Sanitize(s string) string { return proseSanitizer.Replace(s) }

// Tokenize appends prose's tokens of s to out.
func Tokenize(s string, out []string) []string {
	EachChunk(Sanitize(s), func(c string, _ bool) { out = SplitChunk(c, out) })
	return out
}

// EachChunk calls fn with every maximal run of non-space text of a
// sanitized text, in order; final is true for a run that ends the text
// (prose does not memoise that one).
func EachChunk(s string, fn func(chunk string, final bool)) {
	start := -1
	for i := 0; i < len(s); {
		r, n := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		if isSpace(r) {
			if start >= 0 {
				fn(s[start:i], false)
				start = -1
			}
		} else if start < 0 {
			start = i
		}
		i += n
	}
	if start >= 0 {
		fn(s[start:], true)
	}
}

// SplitChunk appends the tokens of one run of non-space text (prose's
// doSplit): leading $ ( " [ and trailing punctuation split off, clitics
// ('ll 's 're 'm n't) apart, emoticons and abbreviations whole.
func SplitChunk(token string, out []string) []string {
	var suffs [8]string // trailing marks, innermost first; spills to more
	extra := suffs[:0]
	last := 0
	for token != "" {
		n := utf8.RuneCountInString(token)
		if n == last {
			break
		}
		if isSpecial(token) {
			out = append(out, token)
			break
		}
		last = n
		if hasPrefix(token) {
			out = append(out, byteString(token[0]))
			token = token[1:]
		} else if idx := cliticIndex(token, clitics); idx > -1 {
			idx = min(idx, len(token)) // see cliticIndex
			out = appendNonEmpty(out, token[:idx])
			token = token[idx:]
		} else if idx := cliticIndex(token, negations); idx > -1 {
			idx = min(idx, len(token))
			out = appendNonEmpty(out, token[:idx])
			token = token[idx:]
		} else if hasSuffix(token) {
			extra = append(extra, byteString(token[len(token)-1]))
			token = token[:len(token)-1]
		} else {
			out = append(out, token)
		}
	}
	for i := len(extra) - 1; i >= 0; i-- { // prose prepends each one
		out = append(out, extra[i])
	}
	return out
}

func appendNonEmpty(out []string, s string) []string {
	if s != "" {
		out = append(out, s)
	}
	return out
}

// byteString is prose's string(token[i]): the byte as a rune. For the ASCII
// marks it splits off that is the byte itself.
func byteString(b byte) string {
	if b < utf8.RuneSelf {
		return asciiStrings[b]
	}
	return string(rune(b))
}

var asciiStrings = func() (t [utf8.RuneSelf]string) {
	for i := range t {
		t[i] = string(rune(i))
	}
	return t
}()

// hasPrefix and hasSuffix are prose's hasAnyPrefix(token, prefixes) and
// hasAnySuffix(token, suffixes): an affix that is not the whole word.
func hasPrefix(s string) bool {
	if len(s) > 1 && isPrefix[s[0]] {
		return true
	}
	return multiByteAffixes && hasAnyAffix(s, prefixes, strings.HasPrefix)
}

func hasSuffix(s string) bool {
	if len(s) > 1 && isSuffix[s[len(s)-1]] {
		return true
	}
	return multiByteAffixes && hasAnyAffix(s, suffixes, strings.HasSuffix)
}

func hasAnyAffix(s string, affixes []string, has func(s, affix string) bool) bool {
	for _, a := range affixes {
		if len(s) > len(a) && has(s, a) {
			return true
		}
	}
	return false
}

// IsEmoticon reports whether prose takes token for an emoticon.
func IsEmoticon(token string) bool {
	if token == "" || !emoticonEnds[0][token[0]] || !emoticonEnds[1][token[len(token)-1]] {
		return false
	}
	_, ok := proseEmoticons[token]
	return ok
}

func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiSpace[r]
	}
	return unicode.IsSpace(r)
}

// cliticIndex is prose's hasAnyIndex(strings.ToLower(s), list): the index,
// in the lower-cased word, of the first listed form found (in list order)
// when the word is longer than the form. prose cuts the original word at
// that index; when lower-casing lengthened the word (invalid UTF-8 becomes
// U+FFFD) the index can lie past its end, where prose panics and SplitChunk
// ends the word instead.
func cliticIndex(s string, list []string) int {
	if strings.IndexByte(s, '\'') < 0 {
		return -1 // every form has an apostrophe
	}
	lower := s
	if !isASCII(s) {
		lower = strings.ToLower(s)
	}
	for _, c := range list {
		var idx int
		if lower == s {
			idx = indexFoldASCII(s, c)
		} else {
			idx = strings.Index(lower, c)
		}
		if idx >= 0 && len(lower) > len(c) {
			return idx
		}
	}
	return -1
}

// indexFoldASCII finds lower-case sub in the ASCII s lower-cased.
func indexFoldASCII(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		j := 0
		for j < len(sub) && toLowerASCII(s[i+j]) == sub[j] {
			j++
		}
		if j == len(sub) {
			return i
		}
	}
	return -1
}

func toLowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// isSpecial is prose's test for a word kept whole: an emoticon, or an
// abbreviation its regexp knows ("U.S.", "Mr."), which always ends in a
// period after two characters at least.
func isSpecial(token string) bool {
	if IsEmoticon(token) {
		return true
	}
	return len(token) >= 3 && token[len(token)-1] == '.' && internalRE.MatchString(token)
}
