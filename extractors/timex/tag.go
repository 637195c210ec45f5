package timex

import (
	"sort"
	"time"

	"github.com/timeline-news/timeline/model"
)

// Tag finds and normalises the time expressions of every sentence of doc,
// anchored on the publication date, and appends them to doc.Timexes.
func (t *Tagger) Tag(doc *model.Document) {
	text := doc.Article.Text
	dct := doc.Article.Published
	base := len(doc.Timexes)
	var ords []ordinal
	// The anchors of anaphoric expressions ("that year", "a year earlier",
	// "the quarter") carry from sentence to sentence.
	var carry anchors
	for _, s := range doc.Sentences {
		st := s.Text
		if st == "" && s.Start >= 0 && s.End <= len(text) && s.Start < s.End {
			st = text[s.Start:s.End]
		}
		xs, os := t.tagIn(st, dct, &carry)
		for _, o := range os {
			o.index += len(doc.Timexes) - base
			ords = append(ords, o)
		}
		for _, x := range xs {
			x.Start += s.Start
			x.End += s.Start
			x.Sentence = s.Index
			doc.Timexes = append(doc.Timexes, x)
		}
	}
	doc.Timexes = append(doc.Timexes[:base], resolveOrdinals(doc.Timexes[base:], ords)...)
}

// TagText tags one plain text against dct; offsets are relative to text.
func (t *Tagger) TagText(text string, dct time.Time) []model.Timex {
	xs, ords := t.tag(text, dct)
	return resolveOrdinals(xs, ords)
}

// cand is one regexp match of one rule.
type cand struct {
	start, end int // the expression (the span group when there is one)
	rule       int
	m          []int
}

func (t *Tagger) tag(text string, dct time.Time) ([]model.Timex, []ordinal) {
	return t.tagIn(text, dct, nil)
}

// anchors are the dates a text has named so far, which anaphoric
// expressions refer to.
type anchors struct {
	anchor       anchor
	byGrain      [len(grains)]anchor
	firstByGrain [len(grains)]anchor
	seq          int
}

// tagIn tags text starting from the anchors of carry (nil: none) and leaves
// in carry the anchors at its end.
func (t *Tagger) tagIn(text string, dct time.Time, carry *anchors) ([]model.Timex, []ordinal) {
	if text == "" || t == nil {
		return nil, nil
	}
	run := make([]bool, len(t.rules))
	h := t.pre.scan(text, run)
	var cs []cand
	var wins [][2]int
	var scratch []int32
	for i := range t.rules {
		if !run[i] {
			continue
		}
		r := &t.rules[i]
		wins = t.pre.windows(text, i, h, wins, &scratch)
		for _, w := range wins {
			if r.anch != nil && i < len(t.pre.start) && t.pre.start[i] != nil {
				cs = t.tryStarts(text, i, w, h.occs, cs)
				continue
			}
			for _, m := range r.re.FindAllStringSubmatchIndex(text[w[0]:w[1]], -1) {
				cs = addCand(cs, r, i, m, w[0])
			}
		}
	}
	if len(cs) == 0 {
		return nil, nil
	}
	// A match whose normalisation fails ("a few days later" has no
	// computable date) gives way to the shorter matches it overlapped;
	// a reject rule's match still hides them.
	chosen := resolve(cs, t.rules)
	for pass := 0; ; pass++ {
		out, failed, ords, end := t.normalizeAll(text, dct, chosen, carry)
		if len(failed) == 0 || pass == 4 {
			if carry != nil {
				*carry = end
			}
			return out, ords
		}
		kept := cs[:0]
		for _, c := range cs {
			if !failed[[3]int{c.start, c.end, c.rule}] {
				kept = append(kept, c)
			}
		}
		cs = kept
		next := resolve(cs, t.rules)
		if len(next) == len(chosen)-len(failed) {
			if carry != nil {
				*carry = end
			}
			return out, ords // nothing was hidden by the failed matches
		}
		chosen = next
	}
}

// normalizeAll normalises the resolved candidates in text order, from the
// anchors of carry; failed lists the candidates (start, end, rule) that could
// not be normalised, and the last result the anchors at the end.
func (t *Tagger) normalizeAll(text string, dct time.Time, cs []cand, carry *anchors) ([]model.Timex, map[[3]int]bool, []ordinal, anchors) {
	ctx := &normCtx{t: t, text: text, dct: dct}
	if carry != nil {
		ctx.anchor, ctx.byGrain, ctx.firstByGrain, ctx.seq = carry.anchor, carry.byGrain, carry.firstByGrain, carry.seq
	}
	var out []model.Timex
	var failed map[[3]int]bool
	for _, c := range cs {
		x, ok := ctx.normalize(c)
		if !ok {
			if t.rules[c.rule].Normalize != "reject" {
				if failed == nil {
					failed = map[[3]int]bool{}
				}
				failed[[3]int{c.start, c.end, c.rule}] = true
			}
			continue
		}
		if ctx.pendingN > 0 {
			ctx.ords = append(ctx.ords, ordinal{index: len(out), n: ctx.pendingN, dct: dct})
			ctx.pendingN = 0
		}
		out = append(out, x)
		ctx.lastEnd = x.End
		ctx.noteAnchor(&t.rules[c.rule], &x)
		if x.Type == model.TimexDate && isCalendarDay(x.Value) {
			ctx.lastDay = x.Value // anchors a following clock time
		}
	}
	return out, failed, ctx.ords, anchors{ctx.anchor, ctx.byGrain, ctx.firstByGrain, ctx.seq}
}

// resolve keeps non-overlapping candidates, longest first so that no
// shorter (or lower-priority) match splits a longer one; ties go to the
// leftmost, then the higher priority, then the earlier rule. The result is
// in text order.
func resolve(cs []cand, rs []crule) []cand {
	sort.Slice(cs, func(i, j int) bool {
		a, b := cs[i], cs[j]
		if la, lb := a.end-a.start, b.end-b.start; la != lb {
			return la > lb
		}
		if a.start != b.start {
			return a.start < b.start
		}
		if pa, pb := rs[a.rule].Priority, rs[b.rule].Priority; pa != pb {
			return pa > pb
		}
		return a.rule < b.rule
	})
	var kept []cand
	for _, c := range cs {
		overlap := false
		for _, k := range kept {
			if c.start < k.end && k.start < c.end {
				overlap = true
				break
			}
		}
		if !overlap {
			kept = append(kept, c)
		}
	}
	sort.Slice(kept, func(i, j int) bool { return kept[i].start < kept[j].start })
	return kept
}

// tryStarts runs rule i anchored at each occurrence of its start keys in
// window w, left to right and without overlap, as a search would.
func (t *Tagger) tryStarts(text string, i int, w [2]int, occs []occ, cs []cand) []cand {
	r, start := &t.rules[i], t.pre.start[i]
	next := w[0] // a match may not start before the end of the previous one
	first := sort.Search(len(occs), func(k int) bool { return occs[k].pos >= w[0] })
	for k := first; k < len(occs) && occs[k].pos < w[1]; k++ {
		o := occs[k]
		if !start[o.id] || o.pos < next || (o.pos > 0 && isWordByte(text[o.pos-1])) {
			continue
		}
		next = o.pos + 1 // each start once, whichever of its keys
		m := r.anch.FindStringSubmatchIndex(text[o.pos:w[1]])
		if m == nil || m[1] == 0 {
			continue
		}
		next = o.pos + m[1]
		cs = addCand(cs, r, i, m, o.pos)
	}
	return cs
}

// addCand adds match m of rule i, found at offset off, as a candidate.
func addCand(cs []cand, r *crule, i int, m []int, off int) []cand {
	for k := range m {
		if m[k] >= 0 {
			m[k] += off
		}
	}
	c := cand{start: m[0], end: m[1], rule: i, m: m}
	for _, g := range r.groups {
		if g.role == rSpan && m[2*g.index] >= 0 {
			c.start, c.end = m[2*g.index], m[2*g.index+1]
		}
	}
	if c.end > c.start {
		cs = append(cs, c)
	}
	return cs
}

// isCalendarDay reports whether v is a TIMEX3 day, YYYY-MM-DD ("FUTURE_REF"
// has ten bytes too: no clock time is on it).
func isCalendarDay(v string) bool {
	if len(v) != 10 || v[4] != '-' || v[7] != '-' {
		return false
	}
	for i := 0; i < len(v); i++ {
		if i != 4 && i != 7 && (v[i] < '0' || v[i] > '9') {
			return false
		}
	}
	return true
}
