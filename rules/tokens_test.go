package rules

import (
	"slices"
	"strings"
	"testing"
)

func tokensSource(overlay string) *Source {
	docs := Defaults().Docs("tokens.yaml")
	if overlay != "" {
		docs = append(docs, Doc{Name: "user/tokens.yaml", Data: []byte(overlay)})
	}
	return FromDocs(map[string][]Doc{"tokens.yaml": docs})
}

func abbreviations(r *TokenRules) []string {
	var out []string
	for _, g := range r.Abbreviations {
		out = append(out, g.Words...)
	}
	return out
}

func TestLoadTokensDefaults(t *testing.T) {
	r, err := DefaultTokens()
	if err != nil {
		t.Fatal(err)
	}
	words := abbreviations(r)
	for _, w := range []string{"Gen.", "Capt.", "Sept.", "Corp.", "vs.", "St."} {
		if !slices.Contains(words, w) {
			t.Errorf("%s is no abbreviation", w)
		}
	}
	if !slices.Contains(r.Starters, "The") {
		t.Errorf("starters lack The: %v", r.Starters)
	}
}

// A group of an overlay replaces the group of the same name; a new group
// adds; starters replace the list.
func TestLoadTokensOverlay(t *testing.T) {
	r, errs := loadTokens(tokensSource(`
abbreviations:
  titles: [Gen.]
  ukrainian: [vul.]
starters: [The]
`))
	if len(errs) > 0 {
		t.Fatal(errs.Err())
	}
	words := abbreviations(r)
	if slices.Contains(words, "Capt.") || !slices.Contains(words, "Gen.") || !slices.Contains(words, "vul.") || !slices.Contains(words, "Sept.") {
		t.Errorf("overlay gives %v", words)
	}
	if !slices.Equal(r.Starters, []string{"The"}) {
		t.Errorf("starters %v", r.Starters)
	}
}

func TestLoadTokensErrors(t *testing.T) {
	for _, tt := range []struct{ yaml, want string }{
		{"abbreviations:\n  titles: [Gen]\n", "user/tokens.yaml:2:12: abbreviations.titles: \"Gen\" must be a word with its final period"},
		{"abbreviations:\n  titles: [St.Kitts.]\n", ""}, // letters and periods are fine
		{"abbreviations:\n  titles: [No 1.]\n", "user/tokens.yaml:2:12: abbreviations.titles: \"No 1.\" may hold only letters and periods"},
		{"abbreviations:\n  titles: [U.K.]\n", "user/tokens.yaml:2:12: abbreviations.titles: \"U.K.\" is an initialism"},
		{"abbreviations:\n  a: [Gen.]\n  b: [Gen.]\n", "user/tokens.yaml:3:7: abbreviations.b: \"Gen.\" given twice (first at user/tokens.yaml:2:7)"},
		{"abbreviations: [Gen.]\n", "user/tokens.yaml:1:16: abbreviations: expected a mapping of named lists"},
		{"abbreviations:\n  titles: Gen.\n", "user/tokens.yaml:2:11: abbreviations.titles: expected a list of words"},
		{"starters: [The, however]\n", "user/tokens.yaml:1:17: starters: \"however\" must be capitalised"},
		{"starters: [In-Between]\n", "user/tokens.yaml:1:12: starters: \"In-Between\" must be one word of letters"},
		{"starter: [The]\n", "user/tokens.yaml:1:1: unknown key \"starter\""},
		{"starters: [The\n", "user/tokens.yaml:1:"}, // a YAML syntax error has its line too
	} {
		_, errs := loadTokens(tokensSource(tt.yaml))
		got := errs.Error()
		if tt.want == "" && len(errs) > 0 || tt.want != "" && !strings.Contains(got, tt.want) {
			t.Errorf("%q:\n got %s\nwant %s", tt.yaml, got, tt.want)
		}
	}
}
