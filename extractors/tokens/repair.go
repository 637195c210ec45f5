package tokens

import (
	"unicode"
	"unicode/utf8"

	"github.com/timeline-news/timeline/internal/span"
)

// repairBounds fixes the sentence ends (ascending, the last one the
// segment end) of the segment starting at start: it splits sentences
// glued by a missing space ("officials say.It comes") and rejoins a split
// after a short abbreviation when the next part starts with a digit or a
// lower-case letter ("Feb. 24", "Gen. (ret.) smith").
func repairBounds(text string, start int, ends []int) []int {
	out := ends[:0:0]
	prev := start
	for i, e := range ends {
		out = appendGlueSplits(text, prev, e, out)
		last := i == len(ends)-1
		if !last && endsWithAbbrev(text, prev, e) && startsLowerOrDigit(text, e, ends[i+1]) {
			continue // join with the next part
		}
		out = append(out, e)
		prev = e
	}
	return out
}

// appendGlueSplits appends a bound after each "ab.Cd" (two lower-case
// letters, a period, an upper-case and a lower-case letter) in [s, e).
func appendGlueSplits(text string, s, e int, out []int) []int {
	for i := s + 2; i+2 < e; i++ {
		if text[i] == '.' && isLower(text[i-1]) && isLower(text[i-2]) && isUpper(text[i+1]) && isLower(text[i+2]) {
			out = append(out, i+1)
		}
	}
	return out
}

func isLower(c byte) bool { return c >= 'a' && c <= 'z' }
func isUpper(c byte) bool { return c >= 'A' && c <= 'Z' }

// endsWithAbbrev reports whether [s, e) ends with a short capitalised word
// and a period ("Feb.", "Gen.", "U.S."), which punkt may take for a
// sentence end.
func endsWithAbbrev(text string, s, e int) bool {
	_, e = span.Trim(text, s, e)
	if e <= s || text[e-1] != '.' {
		return false
	}
	w := e - 1
	letters := 0
	for w > s {
		r, n := utf8.DecodeLastRuneInString(text[s:w])
		if r != '.' && !unicode.IsLetter(r) {
			break
		}
		if r != '.' {
			letters++
		}
		w -= n
	}
	if letters == 0 || letters > 4 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[w:e])
	return unicode.IsUpper(r)
}

func startsLowerOrDigit(text string, s, e int) bool {
	s, e = span.Trim(text, s, e)
	if s >= e {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[s:e])
	return unicode.IsLower(r) || unicode.IsDigit(r)
}
