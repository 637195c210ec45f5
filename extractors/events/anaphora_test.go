package events_test

import (
	"strings"
	"testing"
	"time"

	"github.com/timeline-news/timeline/model"
)

// TestAnaphoraBounds: "the summit" refers back only within its article,
// within the window and not across a heading.
func TestAnaphoraBounds(t *testing.T) {
	rs, x := compileDefault(t)
	pub := time.Date(2021, 6, 18, 0, 0, 0, 0, time.UTC)
	const told = "Joe Biden and Vladimir Putin met in Geneva on Wednesday."
	const later = "The summit ended in acrimony."
	summit := func(text string) *model.Mention {
		t.Helper()
		doc, err := x.Process(&model.Article{ID: "a", Text: text, Published: pub})
		if err != nil {
			t.Fatal(err)
		}
		for i := range doc.Events {
			if doc.Events[i].Trigger == "summit" {
				return &doc.Events[i]
			}
		}
		return nil
	}
	filler := strings.Repeat(" Aides were pleased.", rs.Events.Anaphora.Window-1)
	if m := summit(told + filler + " " + later); m == nil || m.Date != "2021-06-16" || m.Time.Via != "anaphora" {
		t.Fatalf("within the window: got %+v, want the summit of 2021-06-16 via anaphora", m)
	}
	for name, text := range map[string]string{
		"another article": later,
		"beyond window":   told + filler + " Aides were pleased. " + later,
		"after heading":   told + "\n\n## Reactions\n\n" + later,
	} {
		if m := summit(text); m != nil {
			t.Errorf("%s: the summit is dated %s via %s, want no date", name, m.Date, m.Time.Via)
		}
	}
	// another article after one that told the summit: nothing carries over
	if summit(told); summit(later) != nil {
		t.Error("a summit told in another article dates the summit")
	}
}
