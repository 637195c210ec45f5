package merge

import (
	"slices"

	"github.com/timeline-news/timeline/internal/unionfind"
	"github.com/timeline-news/timeline/model"
)

// joinLone joins, among the events of one date's mentions (sets, flat:
// each mention's event as the other criteria made them; fill as for
// components), an anonymous event (every mention of one type in m.lone,
// naming nobody and nowhere) to the only other event with a mention of
// that type, when the other event comes from other articles only: "25
// people were killed last week" and "the deaths of protesters in Kiev last
// week" in another article. With two or more other events of the type
// nothing tells which one it is; an article that gives both events tells
// two happenings ("Turchynov appointed" and "Yanukovych ousted" on one
// day). Every decision is taken on the events of sets, before any of these
// joins, so the result does not depend on the order of the mentions; the
// cost is a few passes over the day.
func (m *Merger) joinLone(sets unionfind.Sets, fill func(int, *model.Mention)) {
	root := sets // read until the joins at the end
	n := len(root)
	anon := make([]bool, n) // by root: an anonymous event of a lone type
	// The events with a mention of each lone type: three are enough to
	// know there are more than two.
	byType := map[string][]int{}
	typeOf := map[int]string{} // the type of each anonymous event
	x := &model.Mention{}
	for i, r := range root {
		fill(i, x)
		switch {
		case i == r && anonymous(x) && m.lone[x.Type]: // the root comes first
			anon[r], typeOf[r] = true, x.Type
		case anon[r] && (!anonymous(x) || x.Type != typeOf[r]):
			anon[r] = false
		}
		if !m.lone[x.Type] {
			continue
		}
		if l := byType[x.Type]; len(l) < 3 && !slices.Contains(l, r) {
			byType[x.Type] = append(l, r)
		}
	}
	// partner[c]: the only other event of anonymous event c's type.
	partner := map[int]int{}
	for r := range n {
		if r == root[r] && anon[r] {
			if l := byType[typeOf[r]]; len(l) == 2 {
				partner[r] = l[0] + l[1] - r
			}
		}
	}
	if len(partner) == 0 {
		return
	}
	// The articles of each anonymous event, then whether its partner has
	// a mention from one of them.
	articles := map[int]map[string]bool{}
	for i, r := range root {
		if _, ok := partner[r]; ok {
			fill(i, x)
			if articles[r] == nil {
				articles[r] = map[string]bool{}
			}
			articles[r][x.Article] = true
		}
	}
	byPartner := map[int][]int{} // at most one anonymous event per lone type
	for c, d := range partner {
		byPartner[d] = append(byPartner[d], c)
	}
	for i, r := range root {
		if cs := byPartner[r]; len(cs) > 0 {
			fill(i, x)
			for _, c := range cs {
				if articles[c][x.Article] {
					partner[c] = -1 // the report's own article gives the other event too
				}
			}
		}
	}
	for c, d := range partner {
		if d >= 0 {
			sets.Union(c, d)
		}
	}
}
