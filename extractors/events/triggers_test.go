package events_test

import (
	"testing"
	"time"

	"github.com/timeline-news/timeline/model"
	"github.com/timeline-news/timeline/pipeline"
	"github.com/timeline-news/timeline/rules"
)

// TestTriggerAlternatives: a word that is a verb of one rule and a noun of
// another triggers the rule whose kind its tag fits, and a form turned down
// by a rule's requires window is listed by Candidates with the reason.
func TestTriggerAlternatives(t *testing.T) {
	rs, err := rules.LoadDefault("")
	if err != nil {
		t.Fatal(err)
	}
	no := false
	ex := []rules.EventExample{{Text: "x", Fires: &no}}
	rs.Events.Rules = append(rs.Events.Rules,
		rules.EventRule{ID: "zz-verb", Type: "statement", Class: "content", Verbs: []string{"zzquell"}, Examples: ex},
		rules.EventRule{ID: "zz-noun", Type: "protest", Class: "content", Nouns: []string{"zzquell"}, Examples: ex},
		rules.EventRule{ID: "zz-req", Type: "protest", Class: "content", Verbs: []string{"zzstir"}, Requires: []string{"crowds"}, Window: 2, Examples: ex})
	x, err := pipeline.Compile(rs)
	if err != nil {
		t.Fatal(err)
	}
	pub := time.Date(2014, 2, 20, 0, 0, 0, 0, time.UTC)
	for text, want := range map[string]string{
		"Police will zzquell the crowd.": "zz-verb",
		"The zzquell ended on Tuesday.":  "zz-noun",
	} {
		doc, err := x.Process(&model.Article{ID: "a", Text: text, Published: pub})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, h := range x.Events.Triggers(doc, 0) {
			got = append(got, h.Rule)
		}
		if len(got) != 1 || got[0] != want {
			t.Errorf("%q: rules %q, want [%s]", text, got, want)
		}
	}
	doc, err := x.Process(&model.Article{ID: "a", Text: "They zzstir the town.", Published: pub})
	if err != nil {
		t.Fatal(err)
	}
	cs := x.Events.Candidates(doc, 0)
	if len(cs) != 1 || cs[0].Rule != "zz-req" || cs[0].Rejected == "" {
		t.Errorf("candidates %+v, want zz-req rejected for want of a required word", cs)
	}
}
