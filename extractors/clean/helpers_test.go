package clean

import (
	"os"
	"testing"

	"github.com/timeline-news/timeline/rules"
)

// loadRules loads the default clean rules alone, so that a rule file of
// another stage in progress cannot break these tests.
func loadRules(t testing.TB) *rules.Set {
	t.Helper()
	data, err := os.ReadFile("../../rules/clean.yaml")
	if err != nil {
		t.Fatal(err)
	}
	set, err := rules.Load(rules.FromDocs(map[string][]rules.Doc{"clean.yaml": {{Name: "rules/clean.yaml", Data: data}}}))
	if err != nil {
		t.Fatal(err)
	}
	return set
}
