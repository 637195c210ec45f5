package events_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/timeline-news/timeline/model"
)

// TestCoordinatedTimes: a trigger with two coordinated times gives a
// mention at each, with the same actors, and the places the text pairs
// with each time; shapes that are one time, or two times of two clauses,
// give one.
func TestCoordinatedTimes(t *testing.T) {
	_, x := compileDefault(t)
	pub := time.Date(2022, 4, 8, 0, 0, 0, 0, time.UTC) // a Friday
	for _, tc := range []struct {
		text, trigger string
		want          map[string][]string // date -> places
	}{
		{"The ministers met in Geneva on Monday and in Vienna on Thursday.", "met",
			map[string][]string{"2022-04-04": {"Geneva"}, "2022-04-07": {"Vienna"}}},
		{"On Monday in Kyiv and on Thursday in Lviv, Zelensky met the ministers.", "met",
			map[string][]string{"2022-04-04": {"Kyiv"}, "2022-04-07": {"Lviv"}}},
		{"Army companies conducted exercises in Poland on Monday and then on Wednesday in Estonia, Latvia and Lithuania.", "exercises",
			map[string][]string{"2022-04-04": {"Poland"}, "2022-04-06": {"Estonia", "Latvia", "Lithuania"}}},
		{"Army companies conducted exercises on Monday in the former Soviet republics of Estonia and Latvia and then on Wednesday in Poland.", "exercises",
			map[string][]string{"2022-04-04": {"Estonia", "Latvia"}, "2022-04-06": {"Poland"}}},
		// places on one side only, or outside both: every mention has them
		{"The foreign ministers met on Monday and again on Thursday in Geneva.", "met",
			map[string][]string{"2022-04-04": {"Geneva"}, "2022-04-07": {"Geneva"}}},
		{"Russian aircraft bombed Mariupol on Tuesday and Wednesday.", "bombed",
			map[string][]string{"2022-04-05": {"Mariupol"}, "2022-04-06": {"Mariupol"}}},
		// one period, two clauses, a deadline, a range, a possessive
		{"The ministers met between Monday and Wednesday in Geneva.", "met",
			map[string][]string{"2022-04-04": {"Geneva"}}},
		{"The ministers met in Geneva on Monday and said on Tuesday that the talks had failed.", "met",
			map[string][]string{"2022-04-04": {"Geneva"}}},
		{"The ministers met in Geneva on Monday, and on Tuesday he flew home.", "met",
			map[string][]string{"2022-04-04": {"Geneva"}}},
		{"Russian troops fought in Mariupol from Jan. 10 to Jan. 12.", "fought",
			map[string][]string{"2022-01-10": {"Mariupol"}}},
		{"The ministers met in Geneva on Monday and Tuesday's talks failed.", "met",
			map[string][]string{"2022-04-04": {"Geneva"}}},
	} {
		doc, err := x.Process(&model.Article{ID: "a", Text: tc.text, Published: pub})
		if err != nil {
			t.Fatal(err)
		}
		got := map[string][]string{}
		var actors [][]string
		for _, m := range doc.Events {
			if strings.EqualFold(m.Trigger, tc.trigger) {
				got[m.Date] = m.Places
				actors = append(actors, m.Actors)
			}
		}
		if len(got) != len(tc.want) {
			t.Errorf("%q: dates %v, want %v", tc.text, got, tc.want)
			continue
		}
		for d, places := range tc.want {
			if !slices.Equal(got[d], places) {
				t.Errorf("%q: places at %s %q, want %q", tc.text, d, got[d], places)
			}
		}
		for _, a := range actors[1:] {
			if !slices.Equal(a, actors[0]) {
				t.Errorf("%q: actors %q and %q, want the same", tc.text, actors[0], a)
			}
		}
	}
}

// TestCoordinatedTimesMerge: the two mentions of one sentence are two
// events, and another article's report of one of them joins that one only.
func TestCoordinatedTimesMerge(t *testing.T) {
	_, x := compileDefault(t)
	pub := time.Date(2014, 4, 22, 0, 0, 0, 0, time.UTC)
	var ms []model.Mention
	for id, text := range map[string]string{
		"a": "Army companies will conduct exercises in Poland starting Wednesday and then next week in the former Soviet republics of Estonia, Latvia and Lithuania.",
		"b": "U.S. troops will also hold exercises in Estonia, Latvia and Lithuania next week.",
	} {
		doc, err := x.Process(&model.Article{ID: id, Text: text, Published: pub})
		if err != nil {
			t.Fatal(err)
		}
		ms = append(ms, doc.Events...)
	}
	tl := x.Merger.Merge(ms)
	got := map[string]int{}
	for _, e := range tl.Events {
		if e.Type == "military-movement" {
			got[e.Date] = len(e.Mentions)
		}
	}
	if want := map[string]int{"2014-04-23": 1, "2014-W18": 2}; len(got) != len(want) || got["2014-04-23"] != 1 || got["2014-W18"] != 2 {
		t.Errorf("events (date: mentions) %v, want %v", got, want)
	}
}

// TestCoordinatedTimesAnaphora: "the meeting" after two coordinated
// meetings refers to neither: nothing tells which.
func TestCoordinatedTimesAnaphora(t *testing.T) {
	_, x := compileDefault(t)
	pub := time.Date(2022, 4, 8, 0, 0, 0, 0, time.UTC)
	doc, err := x.Process(&model.Article{ID: "a", Text: "The foreign ministers met on Monday and again on Thursday in Geneva. The meeting ended without agreement.", Published: pub})
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range doc.Events {
		if m.Trigger == "meeting" {
			t.Errorf("the meeting dated %s via %s, want undated", m.Date, m.Time.Via)
		}
	}
}
