package timex

import (
	"regexp"
	"regexp/syntax"
	"slices"
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
	table keyTable       // the same, for the scan's hot loop
	rules [][][]int      // per rule, clauses of key ids
	// anchor[r] lists the keys of rule r's most selective clause: the
	// rule's regexp only runs in windows around their occurrences (nil:
	// no clause, the whole text).
	anchor [][]int
	// start[r][id] marks the keys every match of rule r starts with (nil:
	// unknown); the rule is then tried anchored at their occurrences.
	start [][]bool
}

// occ is one occurrence of a key in a text.
type occ struct {
	id, pos int
}

// hits are the key occurrences of one text: in text order, and their
// positions grouped by key (pos[off[id]:off[id+1]], ascending), so that a
// rule looks only at its own keys.
type hits struct {
	occs []occ
	pos  []int32
	off  []int32
}

// of returns the positions of key id.
func (h *hits) of(id int) []int32 { return h.pos[h.off[id]:h.off[id+1]] }

// group fills pos and off from occs (a counting sort by key).
func (h *hits) group(nids int) {
	h.off = make([]int32, nids+1)
	for _, o := range h.occs {
		h.off[o.id+1]++
	}
	for i := 1; i <= nids; i++ {
		h.off[i] += h.off[i-1]
	}
	h.pos = make([]int32, len(h.occs))
	next := append([]int32(nil), h.off[:nids]...)
	for _, o := range h.occs {
		h.pos[next[o.id]] = int32(o.pos)
		next[o.id]++
	}
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
	var anchors, starts []clause
	for i := range rs {
		var cnf []clause
		var start clause
		if re, err := syntax.Parse(rs[i].re.String(), syntax.Perl); err == nil {
			re = re.Simplify()
			cnf = triggers(re, false)
			if ks, ok := startKeys(re); ok {
				if a, err := regexp.Compile(`^(?:` + rs[i].re.String() + `)`); err == nil {
					start, rs[i].anch = ks, a
				}
			}
		}
		starts = append(starts, start)
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
	for _, c := range starts {
		for _, k := range c {
			if _, ok := p.ids[k]; !ok {
				p.ids[k] = len(p.ids)
			}
		}
	}
	for _, c := range starts {
		var a []bool
		if c != nil {
			a = make([]bool, len(p.ids))
			for _, k := range c {
				a[p.ids[k]] = true
			}
		}
		p.start = append(p.start, a)
	}
	p.table = newKeyTable(p.ids)
	for _, c := range anchors {
		var a []int
		for _, k := range c {
			a = append(a, p.ids[k])
		}
		p.anchor = append(p.anchor, a)
	}
	return p
}

// scan finds the key occurrences of text and marks in run the rules whose
// clauses it satisfies.
func (p *prefilter) scan(text string, run []bool) *hits {
	present := make([]bool, len(p.ids))
	occs := make([]occ, 0, len(text)/8)
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
			if id, ok := p.table.get(key(buf[:l])); ok {
				present[id] = true
				occs = append(occs, occ{id, start})
			}
		}
	}
	for r, cnf := range p.rules {
		run[r] = satisfied(cnf, present)
	}
	h := &hits{occs: occs}
	h.group(len(p.ids))
	return h
}

// Windows around anchors: wide enough for any rule's match, widened to
// whitespace so that \b, ^ and $ behave as in the whole text.
const (
	windowBack = 32
	windowFwd  = 32
)

// windows returns the merged text ranges around rule r's anchors, or the
// whole text when the rule has none. scratch is reused for positions.
func (p *prefilter) windows(text string, r int, h *hits, buf [][2]int, scratch *[]int32) [][2]int {
	buf = buf[:0]
	a := p.anchor[r]
	if a == nil {
		return append(buf, [2]int{0, len(text)})
	}
	ps := (*scratch)[:0]
	for _, id := range a {
		ps = append(ps, h.of(id)...)
	}
	if len(a) > 1 {
		slices.Sort(ps)
	}
	*scratch = ps
	for _, pos := range ps {
		lo, hi := int(pos)-windowBack, int(pos)+windowFwd
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
		if p.windowOK(r, w, h) {
			kept = append(kept, w)
		}
	}
	return kept
}

// windowOK reports whether the key occurrences inside w satisfy all of rule
// r's clauses.
func (p *prefilter) windowOK(r int, w [2]int, h *hits) bool {
	for _, c := range p.rules[r] {
		ok := false
		for _, id := range c {
			ps := h.of(id)
			k, _ := slices.BinarySearch(ps, int32(w[0]))
			if k < len(ps) && int(ps[k]) < w[1] {
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

// keyTable is an open-addressing hash set of keys with their ids: a Go map
// lookup for every prefix of every word was a tenth of the tagging time.
type keyTable struct {
	keys []uint32 // 0: empty (a key always has its length bits set)
	ids  []int32
	mask uint32
}

func newKeyTable(ids map[uint32]int) keyTable {
	n := 16
	for n < 4*len(ids) {
		n *= 2
	}
	t := keyTable{keys: make([]uint32, n), ids: make([]int32, n), mask: uint32(n - 1)}
	for k, id := range ids {
		i := hashKey(k) & t.mask
		for t.keys[i] != 0 {
			i = (i + 1) & t.mask
		}
		t.keys[i], t.ids[i] = k, int32(id)
	}
	return t
}

func (t *keyTable) get(k uint32) (int, bool) {
	if len(t.keys) == 0 {
		return 0, false
	}
	for i := hashKey(k) & t.mask; ; i = (i + 1) & t.mask {
		switch t.keys[i] {
		case k:
			return int(t.ids[i]), true
		case 0:
			return 0, false
		}
	}
}

func hashKey(k uint32) uint32 { return (k * 0x9E3779B1) >> 7 }
