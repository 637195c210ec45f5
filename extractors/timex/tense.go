package timex

import "strings"

// tenseCue is a compiled rules.TenseCue.
type tenseCue struct {
	tense    string
	suffixes []string
	absorb   map[string]string
	notAfter map[string]string
}

// phrase is one cue word sequence.
type phrase struct {
	words []string
	cue   int
}

// cue is one tense cue found in the text.
type cue struct {
	start, end int
	tense      string
}

// word is one lower-cased word of a sentence.
type word struct {
	start, end int
	text       string
}

// tenseAt is the tense of the sentence around [start, end): the nearest
// cue before the expression, else the nearest after it, within the same
// sentence; "" when there is none. The cue's text is returned for How.
func (c *normCtx) tenseAt(start, end int) (string, string) {
	q, ok := c.cueAt(start, end)
	if !ok {
		return "", ""
	}
	return q.tense, c.text[q.start:q.end]
}

// cueAt is the cue tenseAt reads.
func (c *normCtx) cueAt(start, end int) (cue, bool) {
	if len(c.t.cues) == 0 {
		return cue{}, false
	}
	lo, hi := sentenceBounds(c.text, start, end)
	if !c.cuesOK || lo != c.cueLo || hi != c.cueHi {
		c.cuesOK, c.cueLo, c.cueHi = true, lo, hi
		c.cues = c.t.findCues(c.text, lo, hi, c.cues[:0])
	}
	before, after := -1, -1
	for i, q := range c.cues {
		if q.start < start {
			// cues are in text order: the last one is nearest (a cue may
			// have absorbed the expression's first word as its verb)
			before = i
		} else if q.start >= end && after < 0 {
			after = i
		}
	}
	pick := before
	if pick < 0 {
		pick = after
	}
	if pick < 0 {
		return cue{}, false
	}
	return c.cues[pick], true
}

// findCues lists the tense cues of text[lo:hi] in order.
func (t *Tagger) findCues(text string, lo, hi int, out []cue) []cue {
	words := splitWords(text, lo, hi)
	for i := 0; i < len(words); {
		n, ci := t.cueAt(words, i)
		if n == 0 {
			i++
			continue
		}
		j := i + n
		if ab := t.cues[ci].absorb; ab != nil {
			for j < len(words) {
				if _, ok := ab[words[j].text]; !ok {
					break
				}
				j++
			}
			if j < len(words) && !t.outranks(words, j, ci) {
				j++ // the verb the auxiliaries lead to, unless a stronger cue ("is expected to")
			}
		}
		out = append(out, cue{words[i].start, words[j-1].end, t.cues[ci].tense})
		i = j
	}
	return out
}

// outranks reports whether a cue of higher priority than cue ci starts at
// words[i].
func (t *Tagger) outranks(words []word, i, ci int) bool {
	n, cj := t.cueAt(words, i)
	return n > 0 && cj < ci
}

// cueAt returns how many words of a cue start at words[i], and which cue.
func (t *Tagger) cueAt(words []word, i int) (int, int) {
	for _, p := range t.phrases[words[i].text] {
		if i+len(p.words) > len(words) || t.after(words, i, p.cue) {
			continue
		}
		ok := true
		for k, w := range p.words[1:] {
			if words[i+1+k].text != w {
				ok = false
				break
			}
		}
		if ok {
			return len(p.words), p.cue
		}
	}
	w := words[i].text
	for ci, c := range t.cues {
		if t.after(words, i, ci) {
			continue
		}
		for _, suf := range c.suffixes {
			if len(w) > len(suf)+1 && strings.HasSuffix(w, suf) {
				return 1, ci
			}
		}
	}
	return 0, 0
}

// after reports whether words[i] follows a word of cue ci's not_after
// vocabulary ("the proposed deal", "agreed to meet").
func (t *Tagger) after(words []word, i, ci int) bool {
	if i == 0 || t.cues[ci].notAfter == nil {
		return false
	}
	_, ok := t.cues[ci].notAfter[words[i-1].text]
	return ok
}

// splitWords lower-cases the ASCII words (letters and apostrophes) of
// text[lo:hi].
func splitWords(text string, lo, hi int) []word {
	var out []word
	for i := lo; i < hi; {
		if !isLetter(text[i]) {
			i++
			continue
		}
		s := i
		for i < hi && (isLetter(text[i]) || text[i] == '\'') {
			i++
		}
		out = append(out, word{s, i, asciiLower(text[s:i])})
	}
	return out
}

// sentenceBounds approximates the sentence around [start, end) when the
// text is a whole paragraph: it stops at ". ", "? ", "! " and newlines.
func sentenceBounds(text string, start, end int) (int, int) {
	lo, hi := 0, len(text)
	for i := start - 1; i >= 0; i-- {
		if text[i] == '\n' || (text[i] == ' ' && stopBefore(text, i)) {
			lo = i + 1
			break
		}
	}
	for i := end; i < len(text); i++ {
		if text[i] == '\n' || (isStop(text[i]) && stopAfter(text, i+1)) {
			hi = i
			break
		}
	}
	return lo, hi
}

// stopBefore reports whether text[:i] ends a sentence: a stop, perhaps
// followed by closing quotes or a bracket (`response.” McCurry`).
func stopBefore(text string, i int) bool {
	for i > 0 {
		n := closerBefore(text[:i])
		if n == 0 {
			break
		}
		i -= n
	}
	return i > 0 && isStop(text[i-1])
}

// stopAfter reports whether a stop before text[i:] ends a sentence: what
// follows is closing quotes or a bracket, then a space.
func stopAfter(text string, i int) bool {
	for i < len(text) {
		n := closerAt(text[i:])
		if n == 0 {
			break
		}
		i += n
	}
	return i < len(text) && text[i] == ' '
}

// closers are closing quotes and brackets.
var closers = []string{"'", "\"", ")", "’", "”"}

// closerBefore is the byte length of the closer s ends with (0: none).
func closerBefore(s string) int {
	for _, c := range closers {
		if strings.HasSuffix(s, c) {
			return len(c)
		}
	}
	return 0
}

// closerAt is the byte length of the closer s starts with (0: none).
func closerAt(s string) int {
	for _, c := range closers {
		if strings.HasPrefix(s, c) {
			return len(c)
		}
	}
	return 0
}
func isStop(c byte) bool { return c == '.' || c == '?' || c == '!' }

// asciiLower lower-cases ASCII letters only, keeping byte offsets.
func asciiLower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if b[j] >= 'A' && b[j] <= 'Z' {
					b[j] += 32
				}
			}
			return string(b)
		}
	}
	return s
}
