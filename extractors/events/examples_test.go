package events_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/timeline-news/timeline/model"
	"github.com/timeline-news/timeline/pipeline"
	"github.com/timeline-news/timeline/reader"
	"github.com/timeline-news/timeline/rules"
)

// TestExampleRoles runs the parts of every rule's examples that the
// pipeline's example check does not read: the type, actors, targets,
// groups, source and roles of the rule's first dated mention, and no_event.
func TestExampleRoles(t *testing.T) {
	rs, x := compileDefault(t)
	for _, r := range rs.Events.Rules {
		for i, ex := range r.Examples {
			if ex.Type == "" && ex.Actors == nil && ex.Targets == nil && ex.Groups == nil && ex.Places == nil && ex.Source == nil && ex.Roles == nil && !ex.NoEvent && !ex.Realis {
				continue
			}
			art := model.Article{ID: "example", Text: ex.Text}
			if ex.Published != "" {
				p, _, err := reader.ParsePublished(ex.Published)
				if err != nil {
					t.Fatalf("%s: rule %s: example %d: %v", r.Pos, r.ID, i+1, err)
				}
				art.Published = p
			}
			doc, err := x.Process(&art)
			if err != nil {
				t.Fatal(err)
			}
			var m *model.Mention
			for k := range doc.Events {
				// with a trigger given, its mention ("the summit" after "met")
				if doc.Events[k].Rule == r.ID && (ex.Trigger == "" || strings.EqualFold(doc.Events[k].Trigger, ex.Trigger)) {
					m = &doc.Events[k]
					break
				}
			}
			fail := func(format string, a ...any) {
				t.Helper()
				t.Errorf("%s: rule %s: example %d %q: "+format, append([]any{r.Pos, r.ID, i + 1, ex.Text}, a...)...)
			}
			switch {
			case ex.NoEvent && m != nil:
				fail("gives a %s event dated %s from %q, want none", m.Type, m.Date, m.Trigger)
				continue
			case ex.NoEvent:
				continue
			case m == nil:
				fail("gives no dated event")
				continue
			}
			if ex.Realis && m.Modality != "" {
				fail("modality %q, want none", m.Modality)
			}
			if ex.Type != "" && m.Type != ex.Type {
				fail("type %s, want %s", m.Type, ex.Type)
			}
			if ex.Actors != nil && !slices.Equal(m.Actors, ex.Actors) && !(len(m.Actors) == 0 && len(ex.Actors) == 0) {
				fail("actors %q, want %q", m.Actors, ex.Actors)
			}
			if ex.Targets != nil && !slices.Equal(m.Targets, ex.Targets) && !(len(m.Targets) == 0 && len(ex.Targets) == 0) {
				fail("targets %q, want %q", m.Targets, ex.Targets)
			}
			if ex.Groups != nil && !slices.Equal(m.Groups, ex.Groups) && !(len(m.Groups) == 0 && len(ex.Groups) == 0) {
				fail("groups %q, want %q", m.Groups, ex.Groups)
			}
			if ex.Places != nil && !slices.Equal(m.Places, ex.Places) && !(len(m.Places) == 0 && len(ex.Places) == 0) {
				fail("places %q, want %q", m.Places, ex.Places)
			}
			if ex.Source != nil && m.Source != *ex.Source {
				fail("source %q, want %q", m.Source, *ex.Source)
			}
			for name, role := range ex.Roles {
				if m.Roles[name] != role {
					fail("role of %s %q, want %q (roles %v)", name, m.Roles[name], role, m.Roles)
				}
			}
		}
	}
}

// compileDefault loads and compiles the embedded rules.
func compileDefault(t *testing.T) (*rules.Set, *pipeline.Extractors) {
	t.Helper()
	rs, err := rules.LoadDefault("")
	if err != nil {
		t.Fatal(err)
	}
	x, err := pipeline.Compile(rs)
	if err != nil {
		t.Fatal(err)
	}
	return rs, x
}
