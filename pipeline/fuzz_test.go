package pipeline

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/timeline-news/timeline/model"
)

var (
	fuzzOnce sync.Once
	fuzzX    *Extractors
)

// FuzzProcess runs the whole per-article pipeline (clean, tokens, entities,
// time, events) on arbitrary text and publication dates: no stage may panic
// or fail, and every annotation must point into the text it came from.
// The committed corpus is in testdata/fuzz/FuzzProcess.
func FuzzProcess(f *testing.F) {
	f.Add("Kerry and Lavrov met in Paris on March 30, 2014, to discuss the crisis.", int64(1396224000), true)
	f.Add("Separatists said Wednesday that 56 people were released. Talks will resume next week.", int64(1397001600), false)
	f.Add("", int64(0), false)
	// offsets, implicatives, asides, scare quotes and brackets
	f.Add("Johnson's visit came one day after von der Leyen made a trip to Kyiv. The move comes a day after the US announced sanctions.", int64(1649462400), false)
	f.Add("Protesters worked Thursday afternoon to rebuild barricades; Biden will travel to Poland, which borders Ukraine, on Friday to meet Duda.", int64(1648080000), true)
	f.Add("Putin described the war as a “special military operation” in an address (televised) on Feb. 24, forced Russia to sign, 24 hours earlier.", int64(1648512000), false)
	f.Fuzz(func(t *testing.T, text string, unix int64, hasTime bool) {
		fuzzOnce.Do(func() { fuzzX = compiled(t) })
		a := &model.Article{ID: "fuzz", Path: "fuzz.txt", Text: text}
		// Any instant from year 1 to 9999, or none at all (unix 0).
		if unix != 0 {
			const lo, hi = -62135596800, 253402300799
			span := int64(hi - lo + 1)
			sec := lo + ((unix%span)+span)%span
			a.Published = time.Unix(sec, 0).UTC()
			a.PublishedHasTime = hasTime
		}
		doc, err := fuzzX.Process(a)
		if !utf8.ValidString(text) {
			if err == nil || strings.Contains(err.Error(), "internal error") {
				t.Fatalf("Process(%q): want a clean error for invalid UTF-8, got %v", text, err)
			}
			return
		}
		if err != nil {
			t.Fatalf("Process(%q): %v", text, err)
		}
		if err := checkDoc(doc); err != nil {
			t.Fatalf("Process(%q): %v", text, err)
		}
	})
}

// checkDoc verifies that every offset of doc lies within its text and that
// the text recorded for a span is the text at that span.
func checkDoc(doc *model.Document) error {
	text := doc.Article.Text
	in := func(what string, s, e int) error {
		if s < 0 || s > e || e > len(text) {
			return fmt.Errorf("%s [%d,%d) outside the text (%d bytes)", what, s, e, len(text))
		}
		return nil
	}
	for _, b := range doc.Blocks {
		if err := in("block", b.Start, b.End); err != nil {
			return err
		}
	}
	for _, r := range doc.Removed {
		if err := in("removal "+r.Rule, r.Start, r.End); err != nil {
			return err
		}
	}
	for _, s := range doc.Sentences {
		if err := in("sentence", s.Start, s.End); err != nil {
			return err
		}
		if s.Text != text[s.Start:s.End] {
			return fmt.Errorf("sentence %d text %q is not text[%d:%d] %q", s.Index, s.Text, s.Start, s.End, text[s.Start:s.End])
		}
		for _, tk := range s.Tokens {
			if err := in("token "+tk.Text, tk.Start, tk.End); err != nil {
				return err
			}
			if tk.Start < s.Start || tk.End > s.End {
				return fmt.Errorf("token %q [%d,%d) outside its sentence [%d,%d)", tk.Text, tk.Start, tk.End, s.Start, s.End)
			}
		}
	}
	for _, e := range doc.Entities {
		if err := in("entity "+e.Text, e.Start, e.End); err != nil {
			return err
		}
	}
	for _, x := range doc.Timexes {
		if err := in("timex "+x.Text, x.Start, x.End); err != nil {
			return err
		}
		if x.Text != text[x.Start:x.End] {
			return fmt.Errorf("timex text %q is not text[%d:%d] %q", x.Text, x.Start, x.End, text[x.Start:x.End])
		}
	}
	for _, m := range doc.Events {
		if err := in("mention "+m.Trigger, m.Start, m.End); err != nil {
			return err
		}
		if m.Sentence != text[m.Start:m.End] {
			return fmt.Errorf("mention sentence %q is not text[%d:%d] %q", m.Sentence, m.Start, m.End, text[m.Start:m.End])
		}
		if err := in("trigger "+m.Trigger, m.TriggerStart, m.TriggerStart+len(m.Trigger)); err != nil {
			return err
		}
		if m.Trigger != text[m.TriggerStart:m.TriggerStart+len(m.Trigger)] {
			return fmt.Errorf("trigger %q is not the text at %d", m.Trigger, m.TriggerStart)
		}
		if m.TriggerStart < m.Start || m.TriggerStart+len(m.Trigger) > m.End {
			return fmt.Errorf("trigger %q at %d outside its sentence [%d,%d)", m.Trigger, m.TriggerStart, m.Start, m.End)
		}
		if err := in("mention time "+m.Time.Text, m.Time.Start, m.Time.End); err != nil {
			return err
		}
		if !utf8.ValidString(m.Sentence) {
			return fmt.Errorf("mention sentence %q is not valid UTF-8", m.Sentence)
		}
	}
	return nil
}
