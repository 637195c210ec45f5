package merge

import (
	"math/rand"
	"reflect"
	"testing"

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
