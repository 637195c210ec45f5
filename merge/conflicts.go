package merge

import (
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
// the others are kept in Conflicts.
func (m *Merger) joinConflicts(evs []model.Event) []model.Event {
	if len(m.maxApart) == 0 {
		return evs
	}
	sets := unionfind.New(len(evs))
	find := sets.Find
	for i := range evs {
		for j := i + 1; j < len(evs); j++ {
			if m.conflicting(&evs[i], &evs[j]) {
				sets.Union(i, j)
			}
		}
	}
	groups := map[int][]int{}
	for i := range evs {
		groups[find(i)] = append(groups[find(i)], i)
	}
	out := make([]model.Event, 0, len(evs))
	for i := range evs {
		g := groups[i]
		if len(g) == 0 {
			continue
		}
		if len(g) == 1 {
			out = append(out, evs[g[0]])
			continue
		}
		out = append(out, m.resolve(evs, g))
	}
	return out
}

func (m *Merger) conflicting(a, b *model.Event) bool {
	if a.Type != b.Type || a.Date == b.Date || a.Precision != b.Precision || m.noConflict[a.Type] {
		return false
	}
	limit, ok := m.maxApart[a.Precision]
	if !ok || apart(a.Date, b.Date, a.Precision) > limit {
		return false
	}
	arts := map[string]bool{}
	trig := map[string]bool{}
	for _, x := range a.Mentions {
		arts[x.Article] = true
		trig[strings.ToLower(x.Trigger)] = true
	}
	sameTrigger := false
	for _, x := range b.Mentions {
		if arts[x.Article] {
			return false // one article giving two dates reports two happenings
		}
		sameTrigger = sameTrigger || trig[strings.ToLower(x.Trigger)]
	}
	if !sameTrigger {
		return false
	}
	ma := model.Mention{Actors: a.Actors, Places: a.Places}
	mb := model.Mention{Actors: b.Actors, Places: b.Places}
	return m.shareDistinctive(&ma, &mb)
}

// shareDistinctive: at least one name in common that is not too common.
func (m *Merger) shareDistinctive(a, b *model.Mention) bool {
	names := map[string]bool{}
	for _, n := range append(append([]string{}, a.Actors...), a.Places...) {
		if !m.ignore[n] {
			names[n] = true
		}
	}
	for _, n := range append(append([]string{}, b.Actors...), b.Places...) {
		if names[n] {
			return true
		}
	}
	return false
}

// resolve builds the joined event of group g.
func (m *Merger) resolve(evs []model.Event, g []int) model.Event {
	type cand struct {
		date   string
		n      int
		latest string // latest publication date among its mentions
	}
	var cs []cand
	var all []model.Mention
	for _, i := range g {
		c := cand{date: evs[i].Date, n: len(evs[i].Mentions)}
		for _, x := range evs[i].Mentions {
			if x.Published > c.latest {
				c.latest = x.Published
			}
		}
		cs = append(cs, c)
		all = append(all, evs[i].Mentions...)
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
	sort.SliceStable(all, func(i, j int) bool { return mentionLess(&all[i], &all[j]) })
	e := m.event(all)
	e.Date = cs[0].date
	e.ID = strings.Replace(e.ID, all[0].Date, e.Date, 1)
	for _, c := range cs[1:] {
		e.Conflicts = append(e.Conflicts, c.date)
	}
	sort.Slice(e.Conflicts, func(i, j int) bool { return StartOf(e.Conflicts[i]) < StartOf(e.Conflicts[j]) })
	return e
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
