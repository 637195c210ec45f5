package rules

import (
	"slices"
	"strings"
	"testing"
)

func cleanSource(overlay string) *Source {
	docs := Defaults().Docs("clean.yaml")
	if overlay != "" {
		docs = append(docs, Doc{Name: "user/clean.yaml", Data: []byte(overlay)})
	}
	return FromDocs(map[string][]Doc{"clean.yaml": docs})
}

func TestLoadCleanDefaults(t *testing.T) {
	c, errs := loadClean(cleanSource(""))
	if len(errs) > 0 {
		t.Fatal(errs.Err())
	}
	if len(c.Line) == 0 || len(c.Block) == 0 || len(c.Boilerplate) == 0 {
		t.Fatalf("empty rule lists: %d line, %d block, %d boilerplate", len(c.Line), len(c.Block), len(c.Boilerplate))
	}
	for _, list := range [][]*CleanRule{c.Line, c.Block, c.Boilerplate} {
		for _, r := range list {
			if len(r.Re) == 0 || r.Description == "" || len(r.Examples.Match) == 0 {
				t.Errorf("rule %s incomplete", r.ID)
			}
			// Examples are checked at load; check them here too so that a
			// broken example shows up as a test failure with its rule.
			for _, ex := range r.Examples.Match {
				if !r.Matches(ex) {
					t.Errorf("rule %s: %q does not match", r.ID, ex)
				}
			}
			for _, ex := range r.Examples.NoMatch {
				if r.Matches(ex) {
					t.Errorf("rule %s: %q matches", r.ID, ex)
				}
			}
		}
	}
}

func TestLoadCleanOverlay(t *testing.T) {
	c, errs := loadClean(cleanSource(`
line:
  - id: weather-widget
    description: weather widget
    pattern: '^\d+ ?°$'
    examples: {match: ["21°"]}
  - id: my-rule
    description: a user rule
    pattern: '^Subscribe now$'
    examples: {match: ["Subscribe now"]}
`))
	if len(errs) > 0 {
		t.Fatal(errs.Err())
	}
	var found, replaced bool
	for _, r := range c.Line {
		if r.ID == "my-rule" {
			found = true
		}
		if r.ID == "weather-widget" && r.Matches("21°") && !r.Matches("3.8 C") {
			replaced = true
		}
	}
	if !found || !replaced {
		t.Errorf("overlay: added %v, replaced %v", found, replaced)
	}
}

func TestLoadCleanEmbedOverlay(t *testing.T) {
	c, errs := loadClean(cleanSource(`
embed:
  max_length: 300
  marker:
    - id: post-hashtag
      description: only hashtags in brackets
      pattern: '\[#\w+\]'
      examples: {match: ["[#peace]"]}
`))
	if len(errs) > 0 {
		t.Fatal(errs.Err())
	}
	if c.Embed.MaxLength != 300 || c.Embed.Bridge != 2 || len(c.Embed.Attribution) == 0 || len(c.Embed.Prose) == 0 {
		t.Errorf("embed settings not layered: %+v", c.Embed)
	}
	for _, r := range c.Embed.Marker {
		if r.ID == "post-hashtag" && (r.Matches("#peace") || !r.Matches("[#peace]")) {
			t.Errorf("post-hashtag not replaced")
		}
	}
	if n := len(c.All()); n != len(c.Line)+len(c.Block)+len(c.Boilerplate)+len(c.Embed.Attribution)+len(c.Embed.Marker)+len(c.Embed.Prose) {
		t.Errorf("All: %d rules", n)
	}
}

func TestLoadCleanErrors(t *testing.T) {
	tests := []struct{ yaml, want string }{
		{"line:\n  - id: a\n    description: d\n    pattern: '('\n    examples: {match: [x]}\n", "user/clean.yaml:2:5: rule a: pattern \"(\""},
		{"line:\n  - id: a\n    description: d\n    pattern: '^x$'\n    examples: {match: [y]}\n", "example \"y\" does not match"},
		{"line:\n  - id: a\n    description: d\n    pattern: '^x$'\n    examples: {match: [x], no_match: [x]}\n", "no_match example \"x\" matches"},
		{"line:\n  - id: a\n    description: d\n    pattern: '^x$'\n", "examples.match is required"},
		{"line:\n  - id: a\n    pattern: '^x$'\n    examples: {match: [x]}\n", "description is required"},
		{"line:\n  - id: a\n    description: d\n    pattern: '^x$'\n    max_lines: 2\n    examples: {match: [x]}\n", "only apply to block rules"},
		{"line:\n  - id: a\n    description: d\n    patern: '^x$'\n", "user/clean.yaml:4:5: rule a: unknown key \"patern\""},
		{"lines: []\n", "unknown key \"lines\""},
		{"line:\n  - id: a\n    description: d\n    pattern: '^x$'\n    examples: {match: [x]}\n  - id: a\n    description: d\n    pattern: '^y$'\n    examples: {match: [y]}\n", "duplicate id"},
		{"layout:\n  title_case_ratio: 2\n", "title_case_ratio"},
		{"embed:\n  max_length: 0\n", "embed: max_length must be > 0"},
		{"embed:\n  bridge: -1\n", "embed: bridge must be >= 0"},
		{"embed:\n  max_lenght: 10\n", "unknown key \"max_lenght\""},
		{"embed: [x]\n", "embed: expected a mapping"},
		{"embed:\n  marker:\n    - id: a\n      description: d\n      pattern: '@x'\n      max_lines: 2\n      examples: {match: [\"@x\"]}\n", "only apply to block rules"},
	}
	for _, tt := range tests {
		_, errs := loadClean(cleanSource(tt.yaml))
		if !strings.Contains(errs.Error(), tt.want) {
			t.Errorf("%q:\n got %v\nwant %q", tt.yaml, errs.Error(), tt.want)
		}
	}
}

func TestPrefilter(t *testing.T) {
	tests := []struct {
		pattern string
		lits    []string
		ranges  bool
	}{
		{`(^|[^\w.])@[A-Za-z0-9_]{2,15}\b`, []string{"@"}, false},
		{`[—–-]{1,2}\s*[^()]{1,80}\(@\w{1,15}\)`, []string{"(@"}, false},
		{`\bpic\.twitter\.com/\w+`, []string{"pic.twitter.com/"}, false},
		{`(?i)\ba post shared by [^()]{0,80}\(@\w+\)`, []string{"(@"}, false},
		{`(?i)^(share|tweet)$`, nil, false},
		{`^(Apple|Android)$`, []string{"pple", "ndroid"}, false}, // the parser factors out "A"
		{`x?y*`, nil, false},
		{`[\x{1F000}-\x{1FAFF}\x{2600}-\x{26FF}]`, nil, true},
	}
	for _, tt := range tests {
		p := needOf(tt.pattern)
		if !slices.Equal(p.lits, tt.lits) || (len(p.ranges) > 0) != tt.ranges {
			t.Errorf("%s: prefilter %+v, want %q (ranges %v)", tt.pattern, p, tt.lits, tt.ranges)
		}
	}
	p := needOf(`[\x{1F000}-\x{1FAFF}]`)
	if !p.may("Surprise 😉") || p.may("Surprise ;)") || !needOf(`x?`).may("") {
		t.Error("may")
	}
}
