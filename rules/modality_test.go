package rules

import (
	"strings"
	"testing"
)

// A reversal cue names cues it undoes and sets no modality of its own.
func TestReversalCues(t *testing.T) {
	for _, tt := range []struct{ cue, want string }{
		{"{id: rev, reverses: [negated], words: [reversed], window: 8}", ""},
		{"{id: rev, reverses: [negatd], words: [reversed], window: 8}", `rule rev: reverses unknown modality cue "negatd"`},
		{"{id: rev, reverses: [negated], words: [reversed]}", "rule rev: a reversal needs a positive window"},
		{"{id: rev, reverses: [negated], modality: negated, words: [reversed], window: 8}", "rule rev: a reversal (reverses) takes no modality"},
		{"{id: rev, words: [reversed], window: 8}", "rule rev: modality cue needs a modality (or reverses)"},
		{"{id: rev, reverses: [negated], window: 8}", "rule rev: modality cue has no words"},
		{"{id: rev, reverses: [intended], infinitive: true, words: [forced], window: 6}", ""},
		{"{id: rev, modality: negated, infinitive: true, words: [forced], window: 6}", "rule rev: infinitive needs reverses"},
	} {
		docs := append(Defaults().Docs("events.yaml"), Doc{Name: "user/events.yaml", Data: []byte("modality:\n  - " + tt.cue + "\n")})
		_, errs := loadEvents(FromDocs(map[string][]Doc{"events.yaml": docs}))
		got := errs.Error()
		if tt.want == "" && len(errs) > 0 || tt.want != "" && !strings.Contains(got, "user/events.yaml:2:5: "+tt.want) {
			t.Errorf("%s:\n got %s\nwant %s", tt.cue, got, tt.want)
		}
	}
}
