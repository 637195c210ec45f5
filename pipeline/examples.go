package pipeline

import (
	"fmt"
	"slices"
	"strings"

	"github.com/timeline-news/timeline/model"
	"github.com/timeline-news/timeline/reader"
)

// CheckEventExamples runs every event rule's examples through the whole
// per-article pipeline and returns one error per example that does not hold,
// named FILE:LINE: rule ID.
func (x *Extractors) CheckEventExamples() []error {
	var errs []error
	for _, r := range x.Rules.Events.Rules {
		for i, ex := range r.Examples {
			fail := func(format string, a ...any) {
				errs = append(errs, fmt.Errorf("%s: rule %s: example %d %q: %s", r.Pos, r.ID, i+1, ex.Text, fmt.Sprintf(format, a...)))
			}
			art := model.Article{ID: "example", Text: ex.Text}
			if ex.Published != "" {
				t, _, err := reader.ParsePublished(ex.Published)
				if err != nil {
					fail("bad published: %v", err)
					continue
				}
				art.Published = t
			}
			doc, err := x.Process(&art)
			if err != nil {
				fail("%v", err)
				continue
			}
			var hits []string
			for si := range doc.Sentences {
				for _, h := range x.Events.Triggers(doc, si) {
					if h.Rule == r.ID {
						hits = append(hits, h.Trigger)
					}
				}
			}
			fires := ex.Fires != nil && *ex.Fires
			switch {
			case fires && len(hits) == 0:
				fail("does not fire")
				continue
			case !fires && len(hits) > 0:
				fail("fires on %q but must not", hits[0])
				continue
			case !fires:
				continue
			}
			if ex.Trigger != "" && !containsFold(hits, ex.Trigger) {
				fail("trigger %q, want %q", strings.Join(hits, ", "), ex.Trigger)
			}
			if ex.Date == "" && ex.Modality == "" && ex.Dates == nil {
				continue
			}
			var m *model.Mention
			var dates []string
			for k := range doc.Events {
				// with a trigger given, its mention ("the summit" after "met")
				if doc.Events[k].Rule == r.ID && (ex.Trigger == "" || strings.EqualFold(doc.Events[k].Trigger, ex.Trigger)) {
					if m == nil {
						m = &doc.Events[k]
					}
					dates = append(dates, doc.Events[k].Date)
				}
			}
			if ex.Dates != nil && !sameDates(dates, ex.Dates) {
				fail("dates %v, want %v", dates, ex.Dates)
				continue
			}
			switch {
			case m == nil:
				fail("fires but no dated event comes out (time expressions: %s)", timexList(doc))
			case ex.Date != "" && m.Date != ex.Date:
				fail("date %s (from %q, %s), want %s", m.Date, m.Time.Text, m.Time.Via, ex.Date)
			case ex.Modality != "" && m.Modality != ex.Modality:
				fail("modality %q, want %q", m.Modality, ex.Modality)
			}
		}
	}
	return errs
}

// sameDates reports two lists of dates equal in any order.
func sameDates(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

func timexList(doc *model.Document) string {
	if len(doc.Timexes) == 0 {
		return "none"
	}
	var parts []string
	for _, t := range doc.Timexes {
		parts = append(parts, fmt.Sprintf("%q=%s", t.Text, t.Value))
	}
	return strings.Join(parts, ", ")
}
