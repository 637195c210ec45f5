package reader

import (
	"strings"
	"time"
)

// Dateline search limits: a dateline sits near the top, on a short line
// that is essentially just a date (plus a word or two such as "Updated").
const (
	datelineLines     = 15 // non-empty lines looked at
	datelineMaxLen    = 64 // bytes; longer lines are prose
	datelineMaxTokens = 12
	datelineMaxExtra  = 3 // tokens not part of the date/time
)

// findDateline looks for a date line near the top of text. Prose is ruled
// out by length, by sentence-final punctuation, and by requiring the date
// to cover all but a few tokens of the line.
func findDateline(text string) (time.Time, bool, bool) {
	seen := 0
	for rest := text; rest != "" && seen < datelineLines; {
		line := rest
		if i := strings.IndexByte(rest, '\n'); i >= 0 {
			line, rest = rest[:i], rest[i+1:]
		} else {
			rest = ""
		}
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		seen++
		if len(line) > datelineMaxLen || yearIn(line) == 0 {
			continue
		}
		if t, hasTime, ok := datelineOf(line); ok {
			return t, hasTime, true
		}
	}
	return time.Time{}, false, false
}

type tok struct{ start, end int }

func fields(s string) []tok {
	var out []tok
	start := -1
	for i := 0; i <= len(s); i++ {
		space := i == len(s) || s[i] == ' ' || s[i] == '\t'
		if space && start >= 0 {
			out = append(out, tok{start, i})
			start = -1
		} else if !space && start < 0 {
			start = i
		}
	}
	return out
}

// datelineOf parses a line that is essentially a date: the longest run of
// tokens dateparse accepts as a full date (day and year present), extended
// by a clock time found elsewhere on the line.
func datelineOf(line string) (time.Time, bool, bool) {
	if strings.ContainsAny(line[len(line)-1:], ".!?") {
		return time.Time{}, false, false // a sentence, not a dateline
	}
	toks := fields(line)
	if len(toks) > datelineMaxTokens {
		return time.Time{}, false, false
	}
	for n := len(toks); n >= 1; n-- {
		if len(toks)-n > datelineMaxExtra+2 {
			break // even with a time added, too much is left over
		}
		for i := 0; i+n <= len(toks); i++ {
			s := trimPunct(line[toks[i].start:toks[i+n-1].end])
			t, ok := fullDate(s)
			if !ok {
				continue
			}
			// dateparse ignores trailing words ("March 31, 2014 in Paris"):
			// shrink to the tokens that really make the date.
			i, j := shrink(line, toks, i, i+n, t)
			s = trimPunct(line[toks[i].start:toks[j-1].end])
			covered := j - i
			hasTime := hasClock(s)
			if !hasTime {
				if tt, k, ok := addClock(line, toks, i, j, s, t); ok {
					t, hasTime, covered = tt, true, covered+k
				}
			}
			if countWords(line, toks)-covered > datelineMaxExtra {
				return time.Time{}, false, false
			}
			return wallUTC(t, hasTime), hasTime, true
		}
	}
	return time.Time{}, false, false
}

// shrink drops tokens from either end of [i,j) while the rest still
// parses to the same time t.
func shrink(line string, toks []tok, i, j int, t time.Time) (int, int) {
	same := func(i, j int) bool {
		got, ok := fullDate(trimPunct(line[toks[i].start:toks[j-1].end]))
		return ok && got.Equal(t)
	}
	for j-i > 1 && same(i, j-1) {
		j--
	}
	for j-i > 1 && same(i+1, j) {
		i++
	}
	return i, j
}

// fullDate parses s when it names a day of a year: the 4-digit year must
// be in s and parse as that year, and some other number (the day) is needed.
func fullDate(s string) (time.Time, bool) {
	y := yearIn(s)
	if y == 0 || digitRuns(s) < 2 {
		return time.Time{}, false
	}
	t, err := parseAny(s)
	if err != nil || t.Year() != y {
		return time.Time{}, false
	}
	return t, true
}

// addClock tries "date + time" with a run of up to two tokens outside
// [i,j) starting with an h:mm time (so "10:37 PM" is kept whole), returning
// the combined time and how many tokens it used. The result must show the
// clock's minutes: dateparse silently ignores words it cannot place.
func addClock(line string, toks []tok, i, j int, date string, d time.Time) (time.Time, int, bool) {
	for k, tk := range toks {
		if k >= i && k < j {
			continue
		}
		h, m, ok := clockIn(line[tk.start:tk.end])
		if !ok {
			continue
		}
		for e := k + 2; e > k; e-- {
			if e > len(toks) || (k < i && e > i) {
				continue
			}
			t, err := parseAny(date + " " + trimPunct(line[tk.start:toks[e-1].end]))
			if err == nil && t.YearDay() == d.YearDay() && t.Year() == d.Year() && t.Minute() == m && t.Hour()%12 == h%12 {
				return t, e - k, true
			}
		}
	}
	return time.Time{}, 0, false
}

// clockIn finds "h:mm" or "hh:mm" at the start of s.
func clockIn(s string) (h, m int, ok bool) {
	c := strings.IndexByte(s, ':')
	if c < 1 || c > 2 || len(s) < c+3 || !isDigit(s[c+1]) || !isDigit(s[c+2]) {
		return 0, 0, false
	}
	for i := 0; i < c; i++ {
		if !isDigit(s[i]) {
			return 0, 0, false
		}
		h = h*10 + int(s[i]-'0')
	}
	return h, int(s[c+1]-'0')*10 + int(s[c+2]-'0'), true
}

// countWords counts the tokens that are more than punctuation ("|", "-").
func countWords(line string, toks []tok) int {
	n := 0
	for _, t := range toks {
		if trimPunct(line[t.start:t.end]) != "" {
			n++
		}
	}
	return n
}

func trimPunct(s string) string { return strings.Trim(s, ",;|·-–—:()[] ") }

// yearIn returns the first standalone 4-digit number in 1900..2099, or 0.
func yearIn(s string) int {
	for i := 0; i < len(s); {
		if !isDigit(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && isDigit(s[j]) {
			j++
		}
		if j-i == 4 {
			y := int(s[i]-'0')*1000 + int(s[i+1]-'0')*100 + int(s[i+2]-'0')*10 + int(s[i+3]-'0')
			if y >= 1900 && y <= 2099 {
				return y
			}
		}
		i = j
	}
	return 0
}

func digitRuns(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if isDigit(s[i]) && (i == 0 || !isDigit(s[i-1])) {
			n++
		}
	}
	return n
}
