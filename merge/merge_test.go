package merge

import (
	"fmt"
	"math/rand"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"
	"unsafe"

	"github.com/timeline-news/timeline/internal/unionfind"

	"github.com/timeline-news/timeline/model"
	"github.com/timeline-news/timeline/rules"
)

func testRules() *rules.EventRules {
	return &rules.EventRules{
		Types: []rules.EventType{{ID: "statement", Label: "Statement"}, {ID: "threat", Label: "Threat"}, {ID: "release", Label: "Release"}, {ID: "meeting", Label: "Meeting"}},
		Merge: rules.MergeRules{
			Groups:         [][]string{{"statement", "threat"}},
			BySpeaker:      []string{"statement", "threat"},
			RequireOverlap: true,
			IgnoreActors:   []string{"Russia"},
		},
	}
}

func mention(article, date, typ, trigger string, start int, actors, places []string) model.Mention {
	m := model.Mention{Article: article, Date: date, Type: typ, Trigger: trigger, Rule: typ,
		Start: start, TriggerStart: start, Actors: actors, Places: places, Sentence: trigger}
	if len(actors) > 0 && (typ == "statement" || typ == "threat") {
		m.Source = actors[len(actors)-1] // the speaker, in these tests the last actor named
	}
	return m
}

func TestMergeJoinsSameHappening(t *testing.T) {
	m := New(testRules())
	ms := []model.Mention{
		mention("a", "2014-04-09", "release", "allowed to leave", 10, nil, []string{"Luhansk"}),
		mention("b", "2014-04-09", "release", "freed", 50, []string{"SBU"}, []string{"Luhansk"}),
		mention("a", "2014-04-09", "threat", "warned", 90, []string{"Arsen Avakov"}, nil),
		mention("b", "2014-04-09", "statement", "said", 70, []string{"Arsen Avakov"}, nil),
		// Same type and day, different speakers: two events.
		mention("a", "2014-04-09", "statement", "said", 200, []string{"Russia"}, nil),
		mention("b", "2014-04-09", "statement", "said", 300, []string{"Russia", "Nuland"}, nil),
		// Same place, other day: not merged.
		mention("b", "2014-04-08", "release", "freed", 400, nil, []string{"Luhansk"}),
	}
	tl := m.Merge(ms)
	var sizes []int
	for _, e := range tl.Events {
		sizes = append(sizes, len(e.Mentions))
	}
	if len(tl.Events) != 5 {
		t.Fatalf("got %d events %v, want 5", len(tl.Events), sizes)
	}
	if tl.Events[0].Date != "2014-04-08" {
		t.Errorf("first event %s, want the earliest date", tl.Events[0].Date)
	}
	found := map[string]int{}
	for _, e := range tl.Events {
		found[e.Type] += len(e.Mentions)
		if e.Type == "release" && e.Date == "2014-04-09" && len(e.Mentions) != 2 {
			t.Errorf("release on 04-09 has %d mentions, want 2", len(e.Mentions))
		}
	}
}

func TestMergeTriggerOverlap(t *testing.T) {
	m := New(testRules())
	tl := m.Merge([]model.Mention{
		mention("a", "2014-W16", "meeting", "talks", 1, []string{"Russia"}, []string{"Vienna"}),
		mention("b", "2014-W16", "meeting", "talks", 1, []string{"Russia"}, nil),
	})
	if len(tl.Events) != 1 {
		t.Fatalf("got %d events, want one: same trigger, same week", len(tl.Events))
	}
	if e := tl.Events[0]; e.Precision != model.PrecisionWeek || e.Date != "2014-W16" {
		t.Errorf("date %s precision %s", e.Date, e.Precision)
	}
}

func TestMergeIsOrderIndependent(t *testing.T) {
	m := New(testRules())
	ms := []model.Mention{
		mention("a", "2014-04-09", "release", "released", 10, nil, []string{"Luhansk"}),
		mention("b", "2014-04-09", "release", "freed", 50, nil, []string{"Luhansk"}),
		mention("c", "2014", "meeting", "met", 5, []string{"X"}, nil),
		mention("c", "2014-02", "meeting", "met", 9, []string{"X"}, nil),
		mention("a", "2014-W14", "statement", "said", 3, []string{"Y"}, nil),
	}
	want := m.Merge(ms)
	r := rand.New(rand.NewSource(1))
	for range 20 {
		r.Shuffle(len(ms), func(i, j int) { ms[i], ms[j] = ms[j], ms[i] })
		if got := m.Merge(ms); !reflect.DeepEqual(got, want) {
			t.Fatalf("shuffled input changed the timeline")
		}
	}
	var dates []string
	for _, e := range want.Events {
		dates = append(dates, e.Date)
	}
	if !reflect.DeepEqual(dates, []string{"2014", "2014-02", "2014-W14", "2014-04-09"}) {
		t.Errorf("order %v", dates)
	}
}

func TestStartOf(t *testing.T) {
	for in, want := range map[string]string{
		"2014": "2014-01-01", "2014-02": "2014-02-01", "2014-W16": "2014-04-14", "2015-W01": "2014-12-29",
		"2014-Q2": "2014-04-01", "2014-SU": "2014-06-01", "2014-04-09": "2014-04-09",
	} {
		if got := StartOf(in); got != want {
			t.Errorf("StartOf(%s) = %s, want %s", in, got, want)
		}
	}
}

func TestConflictingDatesJoinOneEvent(t *testing.T) {
	r := testRules()
	r.Types = append(r.Types, rules.EventType{ID: "annexation", Label: "Annexation"})
	r.Merge.Conflicts = rules.ConflictRules{MaxApart: map[string]int{"month": 1}, ExcludeTypes: []string{"statement"}}
	m := New(r)
	crimea := []string{"Crimea"}
	a := mention("a", "2014-02", "annexation", "annexed", 10, []string{"Russia"}, crimea)
	a.Published = "2014-04-09"
	b := mention("b", "2014-03", "annexation", "annexed", 20, []string{"Russia"}, crimea)
	b.Published = "2014-04-10"
	c := mention("c", "2014-03", "annexation", "annexed", 30, nil, crimea)
	c.Published = "2014-04-01"
	tl := m.Merge([]model.Mention{a, b, c})
	if len(tl.Events) != 1 {
		t.Fatalf("got %d events, want one with a conflict", len(tl.Events))
	}
	e := tl.Events[0]
	if e.Date != "2014-03" || !reflect.DeepEqual(e.Conflicts, []string{"2014-02"}) || len(e.Mentions) != 3 {
		t.Errorf("date %s conflicts %v mentions %d; want 2014-03 (two sources) with conflict 2014-02", e.Date, e.Conflicts, len(e.Mentions))
	}

	// Too far apart, the same article, or only a common name: separate events.
	far := mention("d", "2014-06", "annexation", "annexed", 1, nil, crimea)
	same := mention("a", "2014-03", "annexation", "annexed", 99, nil, crimea)
	common := mention("e", "2014-01", "annexation", "annexed", 1, []string{"Russia"}, nil)
	for _, x := range []model.Mention{far, same, common} {
		if tl := m.Merge([]model.Mention{a, x}); len(tl.Events) != 2 {
			t.Errorf("%s %s joined %s: %+v", x.Article, x.Date, a.Date, tl.Events)
		}
	}
}

// Statements are told apart by their speakers: two of one day that share
// only common names stay two events.
func TestSpeechActsMergeOnlyOnTheirSpeaker(t *testing.T) {
	r := testRules()
	r.Merge.IgnoreActors = append(r.Merge.IgnoreActors, "Ukraine")
	m := New(r)
	tl := m.Merge([]model.Mention{
		mention("a", "2022-03-16", "statement", "said", 1, []string{"Ukraine", "Russia"}, nil),
		mention("b", "2022-03-16", "statement", "said", 9, []string{"Russia", "Ukraine"}, nil),
	})
	if len(tl.Events) != 2 {
		t.Fatalf("got %d events, want 2: nothing but common names in common", len(tl.Events))
	}
	// The same two common names join other events (a meeting of the two).
	tl = m.Merge([]model.Mention{
		mention("a", "2022-03-16", "meeting", "met", 1, []string{"Ukraine", "Russia"}, nil),
		mention("b", "2022-03-16", "meeting", "talks", 9, []string{"Russia", "Ukraine"}, nil),
	})
	if len(tl.Events) != 1 {
		t.Fatalf("got %d meetings, want 1", len(tl.Events))
	}
}

// Joining date conflicts bucket by type, precision and trigger; the result
// is the one comparing every pair of events gives.
func TestConflictBucketsArePairwise(t *testing.T) {
	r := testRules()
	r.Types = append(r.Types, rules.EventType{ID: "annexation", Label: "Annexation"})
	conflicts := rules.ConflictRules{MaxApart: map[string]int{"month": 1, "day": 2, "year": 1}, ExcludeTypes: []string{"statement"}}
	r.Merge.Conflicts = conflicts
	m := New(r)
	r2 := *r
	r2.Merge.Conflicts = rules.ConflictRules{}
	plain := New(&r2) // the same merge without conflicts: the oracle's input
	rng := rand.New(rand.NewSource(7))
	dates := []string{"2014-02", "2014-03", "2014-04", "2014-06", "2014", "2015", "2014-03-01", "2014-03-02", "2014-03-05"}
	types := []string{"annexation", "meeting", "statement", "release"}
	triggers := []string{"annexed", "met", "said", "freed", "Annexed"}
	names := []string{"Russia", "Crimea", "Kiev", "X", "Y"}
	joined := 0
	for round := range 200 {
		var ms []model.Mention
		for i := range 2 + rng.Intn(14) {
			x := mention(string(rune('a'+rng.Intn(5))), dates[rng.Intn(len(dates))], types[rng.Intn(len(types))],
				triggers[rng.Intn(len(triggers))], i, pick(rng, names, 2), pick(rng, names, 1))
			x.Published = fmt.Sprintf("2014-05-%02d", 1+rng.Intn(9))
			ms = append(ms, x)
		}
		want := pairwiseConflicts(m, plain.Merge(ms).Events)
		got := m.Merge(ms)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("round %d: bucketed conflicts\n%+v\nwant\n%+v", round, got, want)
		}
		for _, e := range got.Events {
			if len(e.Conflicts) > 0 {
				joined++
			}
		}
	}
	if joined < 10 {
		t.Errorf("only %d events with conflicts in 200 rounds: the test tests little", joined)
	}
}

// pairwiseConflicts is the plain definition of the conflict join: every
// pair of events compared, the joined events rebuilt from their mentions.
func pairwiseConflicts(m *Merger, evs []model.Event) *model.Timeline {
	sets := unionfind.New(len(evs))
	for i := range evs {
		for j := i + 1; j < len(evs); j++ {
			a, b := &evs[i], &evs[j]
			if a.Type != b.Type || a.Date == b.Date || a.Precision != b.Precision || m.noConflict[a.Type] {
				continue
			}
			if limit, ok := m.maxApart[a.Precision]; !ok || apart(a.Date, b.Date, a.Precision) > limit {
				continue
			}
			arts, trig := map[string]bool{}, map[string]bool{}
			for _, x := range a.Mentions {
				arts[x.Article] = true
				trig[strings.ToLower(x.Trigger)] = true
			}
			ok, sameTrigger := true, false
			for _, x := range b.Mentions {
				ok = ok && !arts[x.Article]
				sameTrigger = sameTrigger || trig[strings.ToLower(x.Trigger)]
			}
			shared := false
			for _, n := range append(append([]string{}, a.Actors...), a.Places...) {
				shared = shared || (!m.ignore[n] && (slices.Contains(b.Actors, n) || slices.Contains(b.Places, n)))
			}
			if ok && sameTrigger && shared {
				sets.Union(i, j)
			}
		}
	}
	groups := map[int][]int{}
	for i := range evs {
		groups[sets.Find(i)] = append(groups[sets.Find(i)], i)
	}
	out := &model.Timeline{Events: []model.Event{}}
	for i := range evs {
		g := groups[i]
		if len(g) == 0 {
			continue
		}
		if len(g) == 1 {
			out.Events = append(out.Events, evs[i])
			continue
		}
		type cand struct {
			date, latest string
			n            int
		}
		var cs []cand
		var all []model.Mention
		for _, k := range g {
			c := cand{date: evs[k].Date, n: len(evs[k].Mentions)}
			for _, x := range evs[k].Mentions {
				c.latest = max(c.latest, x.Published)
			}
			cs = append(cs, c)
			all = append(all, evs[k].Mentions...)
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
		out.Events = append(out.Events, e)
	}
	SortEvents(out.Events)
	return out
}

// A table row stays small: it is what a batch keeps per mention.
func TestRowSize(t *testing.T) {
	if n := unsafe.Sizeof(row{}); n > 28 {
		t.Errorf("a table row is %d bytes, want at most 28", n)
	}
}

// The same trigger does not join two reports that both name participants
// and share none; a report naming nobody joins either.
func TestTriggerNeedsCommonName(t *testing.T) {
	r := testRules()
	r.Merge.TriggerNeedsCommonName = true
	m := New(r)
	biden := mention("a", "2022-04-09", "meeting", "met", 1, []string{"Joe Biden"}, nil)
	biden.Targets = []string{"Olaf Scholz"}
	putin := mention("b", "2022-04-09", "meeting", "met", 5, []string{"Vladimir Putin"}, nil)
	putin.Targets = []string{"Alexander Lukashenko"}
	if tl := m.Merge([]model.Mention{biden, putin}); len(tl.Events) != 2 {
		t.Errorf("two meetings of different people joined: %d events", len(tl.Events))
	}
	if ok, why := m.Reason(&biden, &putin); ok || !strings.Contains(why, "none in common") {
		t.Errorf("Reason = %v, %q", ok, why)
	}
	russia1 := mention("a", "2022-04-09", "meeting", "met", 9, []string{"Russia"}, nil)
	russia2 := mention("b", "2022-04-09", "meeting", "met", 9, []string{"Russia"}, []string{"Istanbul"})
	nobody := mention("c", "2022-04-09", "meeting", "met", 3, nil, nil)
	if tl := m.Merge([]model.Mention{russia1, russia2}); len(tl.Events) != 1 {
		t.Errorf("the same trigger and a common name shared: %d events, want 1", len(tl.Events))
	}
	if tl := m.Merge([]model.Mention{biden, nobody}); len(tl.Events) != 1 {
		t.Errorf("a report naming nobody did not join on the trigger: %d events", len(tl.Events))
	}
}

// mentionLess is the canonical order of mentions, as Table.less gives it
// on rows: date, article, trigger start, type.
func mentionLess(a, b *model.Mention) bool {
	if a.Date != b.Date {
		return a.Date < b.Date
	}
	if a.Article != b.Article {
		return a.Article < b.Article
	}
	if a.TriggerStart != b.TriggerStart {
		return a.TriggerStart < b.TriggerStart
	}
	return a.Type < b.Type
}

// Mentions naming nobody and nowhere are one happening per rule and day;
// a shared place alone does not join two mentions naming other actors; one
// article telling one happening twice joins on a common actor.
func TestMergeAnonymousPlacesAndArticles(t *testing.T) {
	rs := testRules()
	rs.Merge.IgnoreActors = []string{"Russia", "Ukraine"}
	rs.Merge.SameArticleCommonName = true
	m := New(rs)
	count := func(ms []model.Mention) int { return len(m.Merge(ms).Events) }
	died := mention("a", "2014-02-20", "release", "died", 10, nil, nil)
	deaths := mention("b", "2014-02-20", "release", "deaths", 20, nil, nil)
	if n := count([]model.Mention{died, deaths}); n != 1 {
		t.Errorf("two anonymous mentions of one rule: %d events, want 1", n)
	}
	johnson := mention("a", "2022-04-09", "meeting", "visit", 10, []string{"Boris Johnson"}, []string{"Kyiv"})
	nehammer := mention("b", "2022-04-09", "meeting", "met", 20, []string{"Karl Nehammer"}, []string{"Kyiv"})
	if n := count([]model.Mention{johnson, nehammer}); n != 2 {
		t.Errorf("a shared place, other actors: %d events, want 2", n)
	}
	sat := mention("a", "2022-03-07", "meeting", "sat down for", 10, []string{"Russia", "Ukraine"}, nil)
	met := mention("a", "2022-03-07", "meeting", "met", 20, []string{"Ukraine"}, []string{"Brest"})
	if n := count([]model.Mention{sat, met}); n != 1 {
		t.Errorf("one article, a common actor: %d events, want 1", n)
	}
	met.Article = "b"
	if n := count([]model.Mention{sat, met}); n != 2 {
		t.Errorf("two articles, one common actor: %d events, want 2", n)
	}
}

// An anonymous report joins the only other event of its type and date,
// whatever the order of the mentions; never one of two.
func TestMergeAnonymousSingle(t *testing.T) {
	rs := testRules()
	rs.Types = append(rs.Types, rules.EventType{ID: "deaths"}, rules.EventType{ID: "protest"})
	rs.Merge.AnonymousSingle.Types = []string{"deaths", "statement"}
	m := New(rs)
	killed := mention("007", "2014-W08", "deaths", "were killed", 10, nil, nil)
	kiev := mention("009", "2014-W08", "deaths", "deaths", 20, nil, []string{"Kyiv"})
	lviv := mention("010", "2014-W08", "deaths", "died", 30, nil, []string{"Lviv"})
	dead := mention("012", "2014-W08", "deaths", "dead", 40, nil, nil)
	dead.Rule = "toll" // two anonymous mentions of one rule are one event already
	sizes := func(ms []model.Mention) []int {
		var out []int
		r := rand.New(rand.NewSource(3))
		for k := range 10 {
			ms = slices.Clone(ms)
			r.Shuffle(len(ms), func(i, j int) { ms[i], ms[j] = ms[j], ms[i] })
			var s []int
			for _, e := range m.Merge(ms).Events {
				s = append(s, len(e.Mentions))
			}
			sort.Ints(s)
			if k > 0 && !reflect.DeepEqual(s, out) {
				t.Fatalf("order changed the events: %v, then %v", out, s)
			}
			out = s
		}
		return out
	}
	for _, c := range []struct {
		name string
		ms   []model.Mention
		want []int
	}{
		{"the only other event", []model.Mention{killed, kiev}, []int{2}},
		{"two candidates", []model.Mention{killed, kiev, lviv}, []int{1, 1, 1}},
		{"two anonymous, one named", []model.Mention{killed, dead, kiev}, []int{1, 1, 1}},
		{"two anonymous, nothing else", []model.Mention{killed, dead}, []int{2}},
		{"its own article gives the other", []model.Mention{killed, mention("007", "2014-W08", "deaths", "deaths", 90, nil, []string{"Kyiv"}), kiev}, []int{1, 2}},
		{"other type", []model.Mention{mention("007", "2014-W08", "protest", "protests", 10, nil, nil), mention("009", "2014-W08", "protest", "rally", 20, nil, []string{"Kyiv"})}, []int{1, 1}},
		{"other date", []model.Mention{mention("007", "2014-W09", "deaths", "were killed", 10, nil, nil), kiev}, []int{1, 1}},
		{"speech acts never", []model.Mention{mention("007", "2014-W08", "statement", "said", 10, nil, nil), mention("009", "2014-W08", "statement", "said", 20, []string{"Avakov"}, nil)}, []int{1, 1}},
		{"the other event named twice", []model.Mention{killed, kiev, mention("010", "2014-W08", "deaths", "killed", 30, nil, []string{"Kyiv"})}, []int{3}},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := sizes(c.ms); !reflect.DeepEqual(got, c.want) {
				t.Errorf("events of %v mentions, want %v", got, c.want)
			}
		})
	}
}
