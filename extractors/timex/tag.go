package timex

import (
	"sort"
	"strings"
	"time"

	"github.com/timeline-news/timeline/model"
)

// Tag finds and normalises the time expressions of every sentence of doc,
// anchored on the publication date, and appends them to doc.Timexes.
func (t *Tagger) Tag(doc *model.Document) {
	text := doc.Article.Text
	dct := doc.Article.Published
	for _, s := range doc.Sentences {
		st := s.Text
		if st == "" && s.Start >= 0 && s.End <= len(text) && s.Start < s.End {
			st = text[s.Start:s.End]
		}
		for _, x := range t.tag(st, dct) {
			x.Start += s.Start
			x.End += s.Start
			x.Sentence = s.Index
			doc.Timexes = append(doc.Timexes, x)
		}
	}
}

// TagText tags one plain text against dct; offsets are relative to text.
func (t *Tagger) TagText(text string, dct time.Time) []model.Timex {
	return t.tag(text, dct)
}

// cand is one regexp match of one rule.
type cand struct {
	start, end int // the expression (the span group when there is one)
	rule       int
	m          []int
}

func (t *Tagger) tag(text string, dct time.Time) []model.Timex {
	if text == "" || t == nil {
		return nil
	}
	run := make([]bool, len(t.rules))
	occs := t.pre.scan(text, run)
	var cs []cand
	var wins [][2]int
	for i := range t.rules {
		if !run[i] {
			continue
		}
		r := &t.rules[i]
		wins = t.pre.windows(text, i, occs, wins)
		for _, w := range wins {
			for _, m := range r.re.FindAllStringSubmatchIndex(text[w[0]:w[1]], -1) {
				for k := range m {
					if m[k] >= 0 {
						m[k] += w[0]
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
			}
		}
	}
	if len(cs) == 0 {
		return nil
	}
	// A match whose normalisation fails ("a few days later" has no
	// computable date) gives way to the shorter matches it overlapped;
	// a reject rule's match still hides them.
	chosen := resolve(cs, t.rules)
	for pass := 0; ; pass++ {
		out, failed := t.normalizeAll(text, dct, chosen)
		if len(failed) == 0 || pass == 4 {
			return out
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
			return out // nothing was hidden by the failed matches
		}
		chosen = next
	}
}

// normalizeAll normalises the resolved candidates in text order; failed
// lists the candidates (start, end, rule) that could not be normalised.
func (t *Tagger) normalizeAll(text string, dct time.Time, cs []cand) ([]model.Timex, map[[3]int]bool) {
	ctx := &normCtx{t: t, text: text, dct: dct}
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
		out = append(out, x)
		ctx.noteAnchor(&t.rules[c.rule], &x)
		if x.Type == model.TimexDate && len(x.Value) == 10 && !strings.HasPrefix(x.Value, "X") {
			ctx.lastDay = x.Value // anchors a following clock time
		}
	}
	return out, failed
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
