package events_test

import (
	"testing"
	"time"

	"github.com/timeline-news/timeline/model"
)

// TestOffsetResolution: an event counted from the main clause ("a day
// after", "the day before") takes the main clause's date less or plus the
// count, via offset, with the phrase as its time; the main clause's events
// keep their own dates (or none), and without a known main date, or with a
// vague count, the counted event has none.
func TestOffsetResolution(t *testing.T) {
	_, x := compileDefault(t)
	pub := time.Date(2022, 4, 9, 0, 0, 0, 0, time.UTC) // a Saturday
	type want struct {
		trigger, date, via, text string // date "": no mention
	}
	for _, c := range []struct {
		text  string
		wants []want
	}{
		{"The move comes a day after the United States announced sanctions on Russian banks.", []want{
			{"announced", "2022-04-08", "offset", "a day after"}}},
		{"The move comes a day after the United States announced sanctions on Russian banks.", []want{
			{"sanctions", "2022-04-08", "offset", "a day after"}}},
		{"On Thursday, Russian troops shelled Kharkiv, two days after Zelensky met Johnson.", []want{
			{"shelled", "2022-04-07", "own", "Thursday"},
			{"met", "2022-04-05", "offset", "two days after"}}},
		{"Russian troops shelled Kharkiv on Thursday, the day before the talks in Istanbul.", []want{
			{"shelled", "2022-04-07", "own", "Thursday"},
			{"talks", "2022-04-08", "offset", "the day before"}}},
		{"Biden met Scholz on Friday, a month after Russia invaded Ukraine.", []want{
			{"met", "2022-04-08", "own", "Friday"},
			{"invaded", "2022-03", "offset", "a month after"}}},
		// the offset's own time dates it, and neither dates the main clause
		{"A day after the US imposed sanctions on Friday, Russian troops attacked Kharkiv.", []want{
			{"sanctions", "2022-04-08", "own", "Friday"},
			{"attacked", "", "", ""}}},
		// no main date: the summit has none, nor what it came after
		{"The summit came the day after Russia attacked Kharkiv.", []want{
			{"summit", "", "", ""},
			{"attacked", "", "", ""}}},
		// vague counts
		{"Russian troops shelled Kharkiv on Thursday, days after Zelensky met Johnson.", []want{
			{"met", "", "", ""}}},
		{"Russian troops shelled Kharkiv on Thursday, about a week after Zelensky met Johnson.", []want{
			{"met", "", "", ""}}},
		// a report's time is not the reported event's
		{"Officials said on Friday that troops moved a day after Zelensky met Johnson.", []want{
			{"met", "", "", ""}}},
	} {
		doc, err := x.Process(&model.Article{ID: "a", Text: c.text, Published: pub})
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range c.wants {
			var m *model.Mention
			for i := range doc.Events {
				if doc.Events[i].Trigger == w.trigger {
					m = &doc.Events[i]
				}
			}
			switch {
			case w.date == "" && m != nil:
				t.Errorf("%q: %q dated %s via %s (%q), want no date", c.text, w.trigger, m.Date, m.Time.Via, m.Time.Text)
			case w.date == "":
			case m == nil:
				t.Errorf("%q: %q has no date, want %s via %s", c.text, w.trigger, w.date, w.via)
			case m.Date != w.date || m.Time.Via != w.via || m.Time.Text != w.text:
				t.Errorf("%q: %q dated %s via %s (%q), want %s via %s (%q)", c.text, w.trigger, m.Date, m.Time.Via, m.Time.Text, w.date, w.via, w.text)
			}
		}
	}
}
