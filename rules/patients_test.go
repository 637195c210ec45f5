package rules

import (
	"strings"
	"testing"
)

// A rule's patients name a defined type and nouns; an actors section is
// read like the others.
func TestPatients(t *testing.T) {
	rule := "{id: grab, type: seizure, class: content, verbs: [grab], examples: [{text: a, fires: true}, {text: b, fires: false}], "
	for _, tt := range []struct{ yaml, want string }{
		{"rules:\n  - " + rule + "patients: {type: arrest, nouns: [officer]}}\n", ""},
		{"rules:\n  - " + rule + "patients: {type: arest, nouns: [officer]}}\n", "user/events.yaml:2:5: rule grab: patients needs a defined type and nouns"},
		{"rules:\n  - " + rule + "patients: {type: arrest}}\n", "user/events.yaml:2:5: rule grab: patients needs a defined type and nouns"},
		{"actors:\n  naming_verbs: [call]\n  relative_adverbs: [where]\n", ""},
		{"actors:\n  naming: [call]\n", "user/events.yaml:2:3"},
	} {
		docs := append(Defaults().Docs("events.yaml"), Doc{Name: "user/events.yaml", Data: []byte(tt.yaml)})
		r, errs := loadEvents(FromDocs(map[string][]Doc{"events.yaml": docs}))
		got := errs.Error()
		if tt.want == "" && len(errs) > 0 || tt.want != "" && !strings.Contains(got, tt.want) {
			t.Errorf("%q:\n got %s\nwant %s", tt.yaml, got, tt.want)
		}
		if tt.want == "" && strings.HasPrefix(tt.yaml, "actors") && (len(r.Actors.NamingVerbs) != 1 || len(r.Actors.RelativeAdverbs) != 1) {
			t.Errorf("%q: actors %+v", tt.yaml, r.Actors)
		}
	}
}
