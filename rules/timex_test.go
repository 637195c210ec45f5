package rules

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func loadTimexOverlay(t *testing.T, overlay string) (*TimexRules, Errors) {
	t.Helper()
	src := Defaults()
	src.layers["timex.yaml"] = append(src.layers["timex.yaml"], Doc{Name: "user/timex.yaml", Data: []byte(overlay)})
	return loadTimex(src)
}

func TestTimexDefaultsLoad(t *testing.T) {
	r, errs := loadTimex(Defaults())
	if len(errs) > 0 {
		t.Fatalf("default timex rules: %v", errs)
	}
	if len(r.Rules) < 20 || len(r.Tense) == 0 || r.Vocab["month"]["feb."] != "2" {
		t.Fatalf("defaults look incomplete: %d rules, %d tense cues", len(r.Rules), len(r.Tense))
	}
	for _, rule := range r.Rules {
		if strings.Contains(rule.Pattern, "{month}") {
			t.Errorf("rule %s: macro not expanded", rule.ID)
		}
		for _, ex := range rule.Examples {
			if ex.Pos.Line == 0 || ex.Pos.File != "rules/timex.yaml" {
				t.Errorf("rule %s: example %q has no position", rule.ID, ex.Text)
			}
		}
	}
}

func TestTimexOverlayOverridesByID(t *testing.T) {
	r, errs := loadTimexOverlay(t, `
rules:
  - id: decade
    pattern: '\b(?P<decade>1[89][0-9])0s\b'
    type: DATE
    normalize: template
    value: '{decade}'
    examples:
      - {text: "1990s", value: "199"}
`)
	if len(errs) > 0 {
		t.Fatalf("overlay: %v", errs)
	}
	n := 0
	for _, rule := range r.Rules {
		if rule.ID == "decade" {
			n++
			if rule.Pos.File != "user/timex.yaml" {
				t.Errorf("decade not overridden: %s", rule.Pos)
			}
		}
	}
	if n != 1 {
		t.Errorf("decade appears %d times", n)
	}
}

func TestTimexErrors(t *testing.T) {
	cases := []struct {
		name, yaml, want string
		line             int
	}{
		{"unknown top key", "vocabs: {}\n", `unknown key "vocabs"`, 1},
		{"unknown rule key", "rules:\n  - id: x\n    patern: 'a'\n", `unknown key "patern"`, 3},
		{"duplicate id", "rules:\n  - {id: x, pattern: 'now', type: DATE, normalize: date, examples: [{text: now, value: x}]}\n  - {id: x, pattern: 'now', type: DATE, normalize: date, examples: [{text: now, value: x}]}\n", "duplicate id", 3},
		{"unknown macro", "rules:\n  - id: x\n    pattern: '{monthz} 3'\n    type: DATE\n    normalize: date\n    examples: [{text: a, value: b}]\n", "unknown vocabulary or pattern {monthz}", 2},
		{"bad regexp", "rules:\n  - id: x\n    pattern: '(?P<year>19'\n    type: DATE\n    normalize: date\n    examples: [{text: a, value: b}]\n", "pattern: error parsing regexp", 2},
		{"unknown normalizer", "rules:\n  - id: x\n    pattern: 'now'\n    type: DATE\n    normalize: guess\n    examples: [{text: a, value: b}]\n", `unknown normalizer "guess"`, 2},
		{"template without value", "rules:\n  - id: x\n    pattern: 'now'\n    type: DATE\n    normalize: template\n    examples: [{text: a, value: b}]\n", "needs value", 2},
		{"bad type", "rules:\n  - id: x\n    pattern: 'now'\n    type: DAY\n    normalize: date\n    examples: [{text: a, value: b}]\n", `type "DAY"`, 2},
		{"unknown role", "rules:\n  - id: x\n    pattern: '(?P<yr>19)'\n    type: DATE\n    normalize: date\n    examples: [{text: a, value: b}]\n", `unknown role "yr"`, 2},
		{"example without value", "rules:\n  - id: x\n    pattern: 'now'\n    type: DATE\n    normalize: date\n    examples:\n      - {text: now}\n", "example needs value", 7},
		{"example without text", "rules:\n  - id: x\n    pattern: 'now'\n    type: DATE\n    normalize: date\n    examples:\n      - {value: now}\n", "example without text", 7},
		{"bad published", "rules:\n  - id: x\n    pattern: 'now'\n    type: DATE\n    normalize: date\n    examples:\n      - {text: now, value: x, published: yesterday}\n", `published "yesterday"`, 7},
		{"bad tense", "tense:\n  - {tense: past-ish, vocab: month}\n", `tense "past-ish"`, 2},
		{"tense unknown vocab", "tense:\n  - {tense: past, vocab: verbz}\n", `unknown vocabulary "verbz"`, 2},
		{"yaml syntax", "rules: [\n", "yaml:", 0},
		{"param vocab", "rules:\n  - id: x\n    pattern: 'ago'\n    type: DATE\n    normalize: relative\n    params: {compare: grainz}\n    examples: [{text: a, value: b}]\n", `param compare: unknown vocabulary "grainz"`, 2},
		{"template role", "rules:\n  - id: x\n    pattern: 'now'\n    type: DATE\n    normalize: template\n    value: '{yr}'\n    examples: [{text: a, value: b}]\n", "{yr} is not a group role", 2},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, errs := loadTimexOverlay(t, c.yaml)
			if len(errs) == 0 {
				t.Fatalf("no error, want %q", c.want)
			}
			for _, e := range errs {
				if strings.Contains(e.Error(), c.want) {
					if e.Pos.File != "user/timex.yaml" {
						t.Errorf("error names %q, want the overlay file", e.Pos.File)
					}
					if c.line > 0 && e.Pos.Line != c.line {
						t.Errorf("error at line %d, want %d: %v", e.Pos.Line, c.line, e)
					}
					return
				}
			}
			t.Errorf("errors %v, want one containing %q", errs, c.want)
		})
	}
}

// TestTimexOverlayDirError loads a broken overlay directory the way the
// program does and checks the message names the user's file and line.
func TestTimexOverlayDirError(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "timex.yaml")
	broken := "rules:\n  - id: my-rule\n    pattern: '{nosuch} day'\n    type: DATE\n    normalize: date\n    examples: [{text: x, value: y}]\n"
	if err := os.WriteFile(path, []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := LoadDefault(dir)
	if err == nil {
		t.Fatal("broken overlay loaded without error")
	}
	want := path + ":2:5: rule my-rule: unknown vocabulary or pattern {nosuch}"
	if !strings.Contains(err.Error(), want) {
		t.Errorf("error %q, want it to contain %q", err, want)
	}
}
