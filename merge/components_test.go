package merge

import (
	"fmt"
	"math/rand"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/timeline-news/timeline/internal/unionfind"

	"github.com/timeline-news/timeline/model"
	"github.com/timeline-news/timeline/rules"
)

// pairwise is the definition components implements: join every pair i < j
// for which same holds.
func (m *Merger) pairwise(ms []model.Mention) []int {
	parent := make([]int, len(ms))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		if parent[i] != i {
			parent[i] = find(parent[i])
		}
		return parent[i]
	}
	for i := range ms {
		for j := i + 1; j < len(ms); j++ {
			if m.same(&ms[i], &ms[j]) {
				if a, b := find(i), find(j); a != b {
					parent[max(a, b)] = min(a, b)
				}
			}
		}
	}
	for i := range parent {
		parent[i] = find(i)
	}
	return m.lonely(ms, parent)
}

// lonely is joinLone's definition, event by event: an event whose mentions
// all name nobody and nowhere and have one type of m.lone joins the only
// other event with a mention of that type, when that one has no mention
// from the first one's articles; every decision is taken on the events of
// root.
func (m *Merger) lonely(ms []model.Mention, root []int) []int {
	if !m.strict {
		return root
	}
	events := map[int][]int{}
	for i, r := range root {
		events[r] = append(events[r], i)
	}
	sets := unionfind.New(len(ms))
	for i, r := range root {
		sets.Union(i, r)
	}
	var joins [][2]int
	for c, cm := range events {
		t := ms[cm[0]].Type
		if !m.lone[t] || slices.ContainsFunc(cm, func(i int) bool { return !anonymous(&ms[i]) || ms[i].Type != t }) {
			continue
		}
		var others []int
		for d, dm := range events {
			if d != c && slices.ContainsFunc(dm, func(i int) bool { return ms[i].Type == t }) {
				others = append(others, d)
			}
		}
		if len(others) != 1 {
			continue
		}
		fromSame := func(j int) bool {
			return slices.ContainsFunc(cm, func(i int) bool { return ms[i].Article == ms[j].Article })
		}
		if !slices.ContainsFunc(events[others[0]], fromSame) {
			joins = append(joins, [2]int{c, others[0]})
		}
	}
	for _, j := range joins { // after every decision
		sets.Union(j[0], j[1])
	}
	out := make([]int, len(ms))
	for i := range out {
		out[i] = sets.Find(i)
	}
	return out
}

// pick returns up to n names of list, at random ("" is skipped).
func pick(rng *rand.Rand, list []string, n int) []string {
	var out []string
	for range rng.Intn(n + 1) {
		if x := list[rng.Intn(len(list))]; x != "" {
			out = append(out, x)
		}
	}
	return out
}

// The keyed join gives exactly the events of comparing every pair.
func TestComponentsAgreeWithPairwise(t *testing.T) {
	rs := testRules()
	rs.Merge.IgnoreActors = []string{"Russia", "Ukraine", "EU"}
	rs.Merge.Groups = append(rs.Merge.Groups, []string{"release", "attack"}) // an anonymous event of two types
	rs.Types = append(rs.Types, rules.EventType{ID: "attack"})
	names := []string{"Russia", "Ukraine", "EU", "Kerry", "Lavrov", "Luhansk", "SBU", ""}
	triggers := []string{"said", "SAID", "Said", "met", "freed", "ſaid"} // long s folds with s
	types := []string{"statement", "threat", "release", "meeting", "attack", "unknown"}
	rng := rand.New(rand.NewSource(7))
	for _, c := range []struct{ strict, needName, sameArticle, lone bool }{
		{true, false, false, false}, {true, true, false, false}, {true, true, true, false}, {false, false, false, false},
		{true, true, true, true}, {true, false, false, true}, {false, false, false, true},
	} {
		strict := c.strict
		rs.Merge.RequireOverlap = strict
		rs.Merge.TriggerNeedsCommonName = c.needName
		rs.Merge.SameArticleCommonName = c.sameArticle
		rs.Merge.AnonymousSingle.Types = nil
		if c.lone {
			rs.Merge.AnonymousSingle.Types = []string{"release", "meeting", "attack", "statement"} // statement: by speaker, never
		}
		m := New(rs)
		lonely := 0 // rounds the anonymous joins changed
		for round := range 600 {
			ms := make([]model.Mention, 1+rng.Intn(25))
			if round%2 == 1 {
				ms = ms[:1+len(ms)/4] // few events of a type: the anonymous joins fire
			}
			for i := range ms {
				typ := types[rng.Intn(len(types))]
				rule := typ
				if rng.Intn(3) == 0 {
					rule = "other"
				}
				ms[i] = model.Mention{Article: []string{"a", "b", "c"}[rng.Intn(3)], Type: typ, Rule: rule, Trigger: triggers[rng.Intn(len(triggers))],
					Actors: pick(rng, names, 3), Places: pick(rng, names, 2), Targets: pick(rng, names, 2)}
				if rng.Intn(3) == 0 {
					ms[i].Actors, ms[i].Places, ms[i].Targets = nil, nil, nil
				}
			}
			want := m.pairwise(ms)
			got := m.components(len(ms), func(k int, x *model.Mention) { *x = ms[k] })
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%+v round %d: components %v, pairwise %v", c, round, got, want)
			}
			saved := m.lone
			m.lone = nil
			if !reflect.DeepEqual(m.pairwise(ms), want) {
				lonely++
			}
			m.lone = saved
		}
		if c.lone && c.strict && lonely < 20 {
			t.Errorf("%+v: the anonymous joins changed only %d rounds", c, lonely)
		}
	}
}

func TestFoldKeyIsEqualFold(t *testing.T) {
	words := []string{"said", "SAID", "ſaid", "Ǆ", "ǅ", "ǆ", "K", "k", "K", "straße", "STRASSE", "σ", "ς", "Σ", ""}
	for _, a := range words {
		for _, b := range words {
			var ka, kb strings.Builder
			foldKey(&ka, a)
			foldKey(&kb, b)
			if (ka.String() == kb.String()) != strings.EqualFold(a, b) {
				t.Errorf("%q vs %q: keys equal %v, EqualFold %v", a, b, ka.String() == kb.String(), strings.EqualFold(a, b))
			}
		}
	}
}

// A day with many copies of the same mentions merges in linear time.
func BenchmarkMergeRepeated(b *testing.B) {
	m := New(testRules())
	var ms []model.Mention
	for i := range 20000 {
		ms = append(ms, mention(string(rune('a'+i%26))+strings.Repeat("x", i%7), "2014-04-09", "release", "freed", i, []string{"SBU"}, []string{"Luhansk"}))
	}
	for b.Loop() {
		m.Merge(ms)
	}
}

// A busy day where many reports name nobody: the anonymous joins cost a
// few passes over the day, with the rule off and on.
func BenchmarkMergeAnonymous(b *testing.B) {
	var ms []model.Mention
	places := []string{"Kyiv", "Lviv", "Luhansk", "Donetsk", "Kharkiv"}
	for i := range 20000 {
		var pl []string
		if i%3 != 0 {
			pl = []string{places[i%len(places)]}
		}
		typ := []string{"release", "meeting", "attack"}[i%3]
		x := mention(fmt.Sprintf("a%03d", i%500), fmt.Sprintf("2014-04-%02d", 1+i%30), typ, fmt.Sprintf("t%d", i%13), i, nil, pl)
		x.Rule = fmt.Sprintf("r%d", i%17)
		ms = append(ms, x)
	}
	for _, lone := range []bool{false, true} {
		rs := testRules()
		rs.Types = append(rs.Types, rules.EventType{ID: "attack"})
		if lone {
			rs.Merge.AnonymousSingle.Types = []string{"release", "meeting", "attack"}
		}
		m := New(rs)
		b.Run(fmt.Sprintf("lone=%v", lone), func(b *testing.B) {
			for b.Loop() {
				m.Merge(ms)
			}
		})
	}
}
