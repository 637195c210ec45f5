package timex

import (
	"regexp/syntax"
	"sort"
)

// The prefilter decides cheaply which rules can match a text. From each
// pattern's syntax tree it derives a set of triggers such that every match
// contains one of them: a word starting with a given (up to 3-letter) prefix,
// or a digit. A text is scanned once for its word prefixes; only rules with a
// trigger present run their regexp.

const digitKey = 1 << 31

// A clause is satisfied when any of its keys occurs; a rule runs when all
// its clauses are satisfied (no clause: always).
type clause []uint32

type prefilter struct {
	ids   map[uint32]int // key -> dense id
	rules [][][]int      // per rule, clauses of key ids
	// anchor[r][id] marks the keys of rule r's most selective clause: the
	// rule's regexp only runs in windows around their occurrences.
	anchor [][]bool
}

// occ is one occurrence of a key in a text.
type occ struct {
	id, pos int
}

// keyLen is how many leading letters of a word a key holds.
const keyLen = 4

// key packs a lower-case ASCII prefix of 1-4 letters, 5 bits a letter.
func key(b []byte) uint32 {
	k := uint32(len(b)) << 20
	for i, c := range b {
		k |= uint32(c-'a'+1) << (5 * uint(i))
	}
	return k
}

func buildPrefilter(rs []crule) prefilter {
	p := prefilter{ids: map[uint32]int{}}
	var anchors []clause
	for i := range rs {
		var cnf []clause
		if re, err := syntax.Parse(rs[i].re.String(), syntax.Perl); err == nil {
			cnf = triggers(re.Simplify(), false)
		}
		rs[i].always = len(cnf) == 0
		var rc [][]int
		var best clause
		for _, c := range cnf {
			var ids []int
			for _, k := range c {
				id, ok := p.ids[k]
				if !ok {
					id = len(p.ids)
					p.ids[k] = id
				}
				ids = append(ids, id)
			}
			rc = append(rc, ids)
			if best == nil || cost(c) < cost(best) {
				best = c
			}
		}
		p.rules = append(p.rules, rc)
		anchors = append(anchors, best)
	}
	for _, c := range anchors {
		var a []bool
		if c != nil {
			a = make([]bool, len(p.ids))
			for _, k := range c {
				a[p.ids[k]] = true
			}
		}
		p.anchor = append(p.anchor, a)
	}
	return p
}

// scan finds the key occurrences of text and marks in run the rules whose
// clauses it satisfies.
func (p *prefilter) scan(text string, run []bool) []occ {
	present := make([]bool, len(p.ids))
	var occs []occ
	var buf [keyLen]byte
	digitID, hasDigit := p.ids[digitKey]
	for i := 0; i < len(text); {
		c := text[i]
		if c >= '0' && c <= '9' {
			if hasDigit {
				present[digitID] = true
				occs = append(occs, occ{digitID, i})
			}
			for i < len(text) && text[i] >= '0' && text[i] <= '9' {
				i++
			}
			continue
		}
		if !isLetter(c) {
			i++
			continue
		}
		start, n := i, 0
		for i < len(text) && isLetter(text[i]) {
			if n < keyLen {
				buf[n] = text[i] | 0x20
				n++
			}
			i++
		}
		for l := 1; l <= n; l++ {
			if id, ok := p.ids[key(buf[:l])]; ok {
				present[id] = true
				occs = append(occs, occ{id, start})
			}
		}
	}
	for r, cnf := range p.rules {
		run[r] = satisfied(cnf, present)
	}
	return occs
}

// Windows around anchors: wide enough for any rule's match, widened to
// whitespace so that \b, ^ and $ behave as in the whole text.
const (
	windowBack = 32
	windowFwd  = 32
)

// windows returns the merged text ranges around rule r's anchors, or the
// whole text when the rule has none.
func (p *prefilter) windows(text string, r int, occs []occ, buf [][2]int) [][2]int {
	buf = buf[:0]
	a := p.anchor[r]
	if a == nil {
		return append(buf, [2]int{0, len(text)})
	}
	for _, o := range occs {
		if !a[o.id] {
			continue
		}
		lo, hi := o.pos-windowBack, o.pos+windowFwd
		if n := len(buf); n > 0 && lo <= buf[n-1][1] {
			if hi > buf[n-1][1] {
				buf[n-1][1] = widenRight(text, hi)
			}
			continue
		}
		buf = append(buf, [2]int{widenLeft(text, lo), widenRight(text, hi)})
	}
	// in a long text, keep only windows that satisfy every clause themselves
	kept := buf[:0]
	for _, w := range buf {
		if p.windowOK(r, w, occs) {
			kept = append(kept, w)
		}
	}
	return kept
}

// windowOK reports whether the key occurrences inside w satisfy all of rule
// r's clauses.
func (p *prefilter) windowOK(r int, w [2]int, occs []occ) bool {
	first := sort.Search(len(occs), func(i int) bool { return occs[i].pos >= w[0] })
	for _, c := range p.rules[r] {
		ok := false
		for i := first; i < len(occs) && occs[i].pos < w[1] && !ok; i++ {
			for _, id := range c {
				if occs[i].id == id {
					ok = true
					break
				}
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

func widenLeft(text string, lo int) int {
	if lo <= 0 {
		return 0
	}
	for lo > 0 && !isSpace(text[lo-1]) {
		lo--
	}
	return lo
}

func widenRight(text string, hi int) int {
	if hi >= len(text) {
		return len(text)
	}
	for hi < len(text) && !isSpace(text[hi]) {
		hi++
	}
	return hi
}

func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

func satisfied(cnf [][]int, present []bool) bool {
	for _, c := range cnf {
		ok := false
		for _, id := range c {
			if present[id] {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

func isLetter(c byte) bool { return (c|0x20) >= 'a' && (c|0x20) <= 'z' }
