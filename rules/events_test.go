package rules

import (
	"strings"
	"testing"
)

func TestMergeAnonymousSingleValidated(t *testing.T) {
	r, errs := loadEvents(Defaults())
	if len(errs) > 0 {
		t.Fatalf("default event rules: %v", errs)
	}
	if len(r.Merge.AnonymousSingle.Types) == 0 {
		t.Errorf("defaults join no anonymous report")
	}
	for _, c := range []struct{ overlay, want string }{
		{"merge: {anonymous_single: {types: [deaths, nope]}}", `undefined type "nope"`},
		{"merge: {anonymous_single: {types: [deaths, statement]}}", "told apart by its speaker"},
	} {
		src := Defaults()
		src.layers["events.yaml"] = append(src.layers["events.yaml"], Doc{Name: "user/events.yaml", Data: []byte(c.overlay)})
		_, errs := loadEvents(src)
		if len(errs) != 1 || !strings.Contains(errs[0].Error(), c.want) {
			t.Errorf("%s: errors %v, want one saying %q", c.overlay, errs, c.want)
		}
	}
}
