package merge

import (
	"math/rand"
	"reflect"
	"strings"
	"testing"

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
	return parent
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
	rs.Types = append(rs.Types, rules.EventType{ID: "attack"})
	names := []string{"Russia", "Ukraine", "EU", "Kerry", "Lavrov", "Luhansk", "SBU", ""}
	triggers := []string{"said", "SAID", "Said", "met", "freed", "ſaid"} // long s folds with s
	types := []string{"statement", "threat", "release", "meeting", "attack", "unknown"}
	rng := rand.New(rand.NewSource(7))
	for _, c := range []struct{ strict, needName, sameArticle bool }{{true, false, false}, {true, true, false}, {true, true, true}, {false, false, false}} {
		strict := c.strict
		rs.Merge.RequireOverlap = strict
		rs.Merge.TriggerNeedsCommonName = c.needName
		rs.Merge.SameArticleCommonName = c.sameArticle
		m := New(rs)
		for round := range 300 {
			ms := make([]model.Mention, 1+rng.Intn(25))
			for i := range ms {
				typ := types[rng.Intn(len(types))]
				rule := typ
				if rng.Intn(3) == 0 {
					rule = "other"
				}
				ms[i] = model.Mention{Article: []string{"a", "b", "c"}[rng.Intn(3)], Type: typ, Rule: rule, Trigger: triggers[rng.Intn(len(triggers))],
					Actors: pick(rng, names, 3), Places: pick(rng, names, 2), Targets: pick(rng, names, 2)}
			}
			want := m.pairwise(ms)
			got := m.components(len(ms), func(k int, x *model.Mention) { *x = ms[k] })
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%+v round %d: components %v, pairwise %v", c, round, got, want)
			}
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
