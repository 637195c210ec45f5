// Package span narrows byte ranges of a text over white space; the cleaning
// and tokenizing stages both keep offsets into the article, so both trim
// ranges rather than strings.
package span

import (
	"unicode"
	"unicode/utf8"
)

// SkipSpace returns the first offset in [s, e) that is not white space, or e.
func SkipSpace(text string, s, e int) int {
	for s < e {
		r, n := utf8.DecodeRuneInString(text[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		s += n
	}
	return s
}

// Trim narrows [s, e) to exclude surrounding white space.
func Trim(text string, s, e int) (int, int) {
	s = SkipSpace(text, s, e)
	for e > s {
		r, n := utf8.DecodeLastRuneInString(text[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		e -= n
	}
	return s, e
}
