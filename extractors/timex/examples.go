package timex

import (
	"fmt"

	"github.com/timeline-news/timeline/model"
)

// CheckExamples runs every rule's YAML examples through the whole tagger
// and returns one error per failing example (FILE:LINE: rule ID: ...).
func (t *Tagger) CheckExamples() []error {
	var errs []error
	for i := range t.rules {
		r := &t.rules[i]
		for _, ex := range r.Examples {
			pos := ex.Pos
			if pos.Line == 0 {
				pos = r.Pos
			}
			fail := func(format string, args ...any) {
				errs = append(errs, fmt.Errorf("%s:%d: rule %s: example %q: %s", pos.File, pos.Line, r.ID, ex.Text, fmt.Sprintf(format, args...)))
			}
			got := t.TagText(ex.Text, ex.DCT)
			for _, x := range got {
				if !wellFormed(x.Type, x.Value) {
					fail("%q by rule %s: %s %q is no TIMEX3 value", x.Text, x.Rule, x.Type, x.Value)
				}
			}
			var mine *model.Timex
			for k := range got {
				if got[k].Rule == r.ID {
					mine = &got[k]
					break
				}
			}
			switch {
			case ex.None && mine != nil:
				fail("must not match, got %q = %s", mine.Text, mine.Value)
			case ex.None:
			case mine == nil:
				fail("no match by this rule (got %s)", describe(got))
			default:
				want := ex.Type
				if want == "" {
					want = r.Type
				}
				if mine.Value != ex.Value {
					fail("value %q, want %q (%s)", mine.Value, ex.Value, mine.How)
				}
				if mine.Type != want {
					fail("type %s, want %s", mine.Type, want)
				}
				if ex.Mod != "" && mine.Mod != ex.Mod {
					fail("mod %q, want %q", mine.Mod, ex.Mod)
				}
				if ex.Match != "" && mine.Text != ex.Match {
					fail("matched %q, want %q", mine.Text, ex.Match)
				}
			}
		}
	}
	return errs
}

func describe(xs []model.Timex) string {
	if len(xs) == 0 {
		return "nothing"
	}
	s := ""
	for i, x := range xs {
		if i > 0 {
			s += ", "
		}
		s += fmt.Sprintf("%q=%s by %s", x.Text, x.Value, x.Rule)
	}
	return s
}
