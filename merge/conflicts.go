package merge

import (
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/timeline-news/timeline/internal/unionfind"
	"github.com/timeline-news/timeline/model"
)

// joinConflicts joins events that are one happening reported with different
// dates: same type (not a speech act), from disjoint sets of articles, with
// a distinctive name and a trigger in common, dated at the same precision no
// further apart than the rules allow ("annexed in February" in one article,
// "annexed last month" in another). The date most mentions agree on wins (on
// a tie, the one given by the latest published article, then the earlier);
// the others are kept in Conflicts. Only events that share type, precision
// and a trigger are compared, so the cost follows those buckets, not the
// square of the events.
func (m *Merger) joinConflicts(t *Table, gs []group) []group {
	if len(m.maxApart) == 0 {
		return gs
	}
	buckets := map[string][]int{}
	var x model.Mention
	for i := range gs {
		g := &gs[i]
		if _, ok := m.maxApart[g.prec]; !ok || m.noConflict[g.typ] {
			continue
		}
		seen := map[string]bool{}
		for _, r := range g.rows {
			t.view(int(r), &x)
			k := g.typ + "\x00" + g.prec + "\x00" + strings.ToLower(x.Trigger)
			if !seen[k] {
				seen[k] = true
				buckets[k] = append(buckets[k], i)
			}
		}
	}
	keys := make([]string, 0, len(buckets))
	for k := range buckets {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	sets := unionfind.New(len(gs))
	facts := map[int]*groupFacts{}
	get := func(i int) *groupFacts {
		if f, ok := facts[i]; ok {
			return f
		}
		f := m.facts(t, &gs[i])
		facts[i] = f
		return f
	}
	for _, k := range keys {
		b := buckets[k]
		for x, i := range b {
			for _, j := range b[x+1:] {
				if sets.Find(i) != sets.Find(j) && m.conflicting(&gs[i], &gs[j], get(i), get(j)) {
					sets.Union(i, j)
				}
			}
		}
	}
	members := map[int][]int{} // root -> the other events joined to it
	for i := range gs {
		if r := sets.Find(i); r != i {
			members[r] = append(members[r], i)
		}
	}
	if len(members) == 0 {
		return gs
	}
	out := make([]group, 0, len(gs))
	for i := range gs {
		switch {
		case sets.Find(i) != i:
			continue // joined into its root, which came first
		case len(members[i]) == 0:
			out = append(out, gs[i])
		default:
			out = append(out, m.resolve(t, gs, append([]int{i}, members[i]...)))
		}
	}
	return out
}

// groupFacts is what conflicting compares of an event.
type groupFacts struct {
	articles, triggers map[string]bool
	names              []string // distinctive actors and places
}

func (m *Merger) facts(t *Table, g *group) *groupFacts {
	f := &groupFacts{articles: map[string]bool{}, triggers: map[string]bool{}}
	var x model.Mention
	for _, r := range g.rows {
		t.view(int(r), &x)
		f.articles[x.Article] = true
		f.triggers[strings.ToLower(x.Trigger)] = true
		for _, list := range [][]string{x.Actors, x.Places} {
			for _, n := range list {
				if !m.ignore[n] && !slices.Contains(f.names, n) {
					f.names = append(f.names, n)
				}
			}
		}
	}
	return f
}

func (m *Merger) conflicting(a, b *group, fa, fb *groupFacts) bool {
	if a.typ != b.typ || a.date == b.date || a.prec != b.prec || m.noConflict[a.typ] {
		return false
	}
	limit, ok := m.maxApart[a.prec]
	if !ok || apart(a.date, b.date, a.prec) > limit {
		return false
	}
	sameTrigger := false
	for art := range fb.articles {
		if fa.articles[art] {
			return false // one article giving two dates reports two happenings
		}
	}
	for tr := range fb.triggers {
		sameTrigger = sameTrigger || fa.triggers[tr]
	}
	if !sameTrigger {
		return false
	}
	for _, n := range fb.names {
		if slices.Contains(fa.names, n) {
			return true
		}
	}
	return false
}

// resolve builds the joined event of the groups g (g[0] first).
func (m *Merger) resolve(t *Table, gs []group, g []int) group {
	type cand struct {
		date   string
		n      int
		latest string // latest publication date among its mentions
	}
	var cs []cand
	var all []int32
	var x model.Mention
	for _, i := range g {
		c := cand{date: gs[i].date, n: len(gs[i].rows)}
		for _, r := range gs[i].rows {
			t.view(int(r), &x)
			if x.Published > c.latest {
				c.latest = x.Published
			}
		}
		cs = append(cs, c)
		all = append(all, gs[i].rows...)
	}
	sort.Slice(cs, func(i, j int) bool {
		switch {
		case cs[i].n != cs[j].n:
			return cs[i].n > cs[j].n
		case cs[i].latest != cs[j].latest:
			return cs[i].latest > cs[j].latest
		}
		return StartOf(cs[i].date) < StartOf(cs[j].date)
	})
	sort.SliceStable(all, func(i, j int) bool { return t.less(int(all[i]), int(all[j])) })
	views := viewsOf(t, all, nil)
	e := m.event(views)
	e.ID = strings.Replace(e.ID, views[0].Date, cs[0].date, 1)
	e.Date = cs[0].date
	out := group{rows: all, date: e.Date, orderKey: keyOf(&e), conflictingFrom: views[0].Date}
	for _, c := range cs[1:] {
		out.conflicts = append(out.conflicts, c.date)
	}
	sort.Slice(out.conflicts, func(i, j int) bool { return StartOf(out.conflicts[i]) < StartOf(out.conflicts[j]) })
	return out
}

// apart is the distance between two dates of one precision, in its units.
func apart(a, b, precision string) int {
	ta, tb := startTime(a), startTime(b)
	if ta.IsZero() || tb.IsZero() {
		return 1 << 30
	}
	if tb.Before(ta) {
		ta, tb = tb, ta
	}
	switch precision {
	case model.PrecisionDay:
		return int(tb.Sub(ta).Hours() / 24)
	case model.PrecisionWeek:
		return int(tb.Sub(ta).Hours() / (24 * 7))
	case model.PrecisionMonth:
		return (tb.Year()-ta.Year())*12 + int(tb.Month()) - int(ta.Month())
	case model.PrecisionYear:
		return tb.Year() - ta.Year()
	}
	return 1 << 30
}

func startTime(date string) time.Time {
	s := StartOf(date)
	if len(s) != 10 {
		return time.Time{}
	}
	y, _ := strconv.Atoi(s[:4])
	mo, _ := strconv.Atoi(s[5:7])
	d, _ := strconv.Atoi(s[8:10])
	return time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
}
