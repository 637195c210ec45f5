package timex

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/timeline-news/timeline/model"
	"github.com/timeline-news/timeline/rules"
)

var (
	tgOnce sync.Once
	tg     *Tagger
	tgErr  error
)

func defaultTagger(t testing.TB) *Tagger {
	t.Helper()
	tgOnce.Do(func() {
		set, err := rules.Load(rules.Defaults())
		if err != nil {
			tgErr = err
			return
		}
		tg, tgErr = Compile(set.Timex)
	})
	if tgErr != nil {
		t.Fatalf("default rules: %v", tgErr)
	}
	return tg
}

func day(s string) time.Time {
	d, err := rules.ParseDCT(s)
	if err != nil {
		panic(err)
	}
	return d
}

// TestExamples runs every example of rules/timex.yaml.
func TestExamples(t *testing.T) {
	for _, err := range defaultTagger(t).CheckExamples() {
		t.Error(err)
	}
}

func TestRoleOrder(t *testing.T) {
	if len(rules.TimexRoles) != nRoles {
		t.Fatalf("rules.TimexRoles has %d roles, package timex %d", len(rules.TimexRoles), nRoles)
	}
	for name, i := range map[string]int{"span": rSpan, "year": rYear, "weekday": rWeekday, "ampm": rAmpm, "shift": rShift, "mod": rMod, "decade": rDecade} {
		if rules.TimexRoles[i] != name {
			t.Errorf("role %d is %q, want %q", i, rules.TimexRoles[i], name)
		}
	}
}

// one tags text and returns the single expression whose text is want.
func one(t *testing.T, text, dct, want string) model.Timex {
	t.Helper()
	var d time.Time
	if dct != "" {
		d = day(dct)
	}
	got := defaultTagger(t).TagText(text, d)
	for _, x := range got {
		if x.Text == want {
			return x
		}
	}
	t.Fatalf("%q (DCT %s): no expression %q in %s", text, dct, want, describe(got))
	return model.Timex{}
}

func TestWeekdayByTense(t *testing.T) {
	cases := []struct{ text, dct, expr, want string }{
		{"Rebels took the airport on Friday", "2014-04-09", "Friday", "2014-04-04"},
		{"Rebels will take the airport on Friday", "2014-04-09", "Friday", "2014-04-11"},
		{"The summit is scheduled for Wednesday", "2014-04-09", "Wednesday", "2014-04-09"}, // the DCT's weekday: the DCT
		{"The summit is scheduled for Thursday", "2014-04-09", "Thursday", "2014-04-10"},   // future: after the DCT
		{"The summit opened Wednesday", "2014-04-09", "Wednesday", "2014-04-09"},
		{"Talks on Sunday", "2014-04-09", "Sunday", "2014-04-06"}, // no cue: past
		{"He said on Monday that talks would resume", "2014-01-01", "Monday", "2013-12-30"},
		{"They are expected to vote on Monday", "2013-12-31", "Monday", "2014-01-06"},
		{"Talks on Sunday", "", "Sunday", "XXXX-WXX-7"},
		{"The summit is on Friday", "2014-04-09", "Friday", "2014-04-11"}, // present: nearest
		{"The summit is on Monday", "2014-04-09", "Monday", "2014-04-07"},
		{"Officials said Friday the talks", "2014-04-09", "Friday", "2014-04-04"}, // reported: past
	}
	for _, c := range cases {
		x := one(t, c.text, c.dct, c.expr)
		if x.Value != c.want {
			t.Errorf("%q DCT %s: %s, want %s (%s)", c.text, c.dct, x.Value, c.want, x.How)
		}
	}
}

func TestISOWeekAtYearEnds(t *testing.T) {
	cases := []struct{ text, dct, want string }{
		{"next week", "2014-12-29", "2015-W02"}, // 2014-12-29 is in 2015-W01
		{"this week", "2014-12-29", "2015-W01"},
		{"last week", "2016-01-02", "2015-W52"}, // 2016-01-02 is in 2015-W53
		{"this week", "2016-01-02", "2015-W53"},
		// a Sunday ends its week (vocabulary week_end_shift)
		{"last week", "2016-01-03", "2015-W53"},
		{"this week", "2016-01-03", "2016-W01"},
		{"next week", "2016-01-03", "2016-W01"},
		{"last week", "2021-01-04", "2020-W53"},
		{"next week", "2020-12-31", "2021-W01"},
	}
	for _, c := range cases {
		x := one(t, c.text, c.dct, c.text)
		if x.Value != c.want {
			t.Errorf("%q DCT %s: %s, want %s", c.text, c.dct, x.Value, c.want)
		}
	}
}

func TestMonthInference(t *testing.T) {
	cases := []struct{ text, dct, expr, want string }{
		{"The law passed in December", "2014-01-10", "December", "2013-12"},
		{"The vote will be held in December", "2014-01-10", "December", "2014-12"},
		{"The law passed in January", "2014-01-10", "January", "2014-01"},
		{"elections will be held in January", "2014-12-10", "January", "2015-01"},
		{"The ceasefire signed on Dec. 28", "2015-01-02", "Dec. 28", "2014-12-28"},
		{"Talks will resume on January 3", "2014-12-28", "January 3", "2015-01-03"},
		{"Talks on January 3", "2014-12-28", "January 3", "2015-01-03"}, // no cue: nearest
		{"Talks on December 30", "2015-01-02", "December 30", "2014-12-30"},
		{"Feb. 29 was", "2016-03-05", "Feb. 29", "2016-02-29"},
		{"in February", "", "February", "XXXX-02"},
		{"The rate is highest in December", "2014-01-10", "December", "2013-12"}, // present: nearest
		{"The rate is highest in March", "2014-01-10", "March", "2014-03"},
	}
	for _, c := range cases {
		x := one(t, c.text, c.dct, c.expr)
		if x.Value != c.want {
			t.Errorf("%q DCT %s: %s, want %s (%s)", c.text, c.dct, x.Value, c.want, x.How)
		}
	}
}

func TestRejects(t *testing.T) {
	tg := defaultTagger(t)
	for _, text := range []string{
		"more than 150,000 people fled", "1500+ soldiers", "202 schools were closed",
		"February 30 is not a date", "You May Like", "now in its 12th day",
	} {
		for _, x := range tg.TagText(text, day("2014-04-09")) {
			if x.Type == model.TimexDate && x.Value != "PRESENT_REF" {
				t.Errorf("%q: unexpected %q = %s by %s", text, x.Text, x.Value, x.Rule)
			}
		}
	}
}

func TestTimeAnchorsOnPrecedingDate(t *testing.T) {
	x := one(t, "Fighting resumed on May 2 and at 10:30 p.m. shells fell", "2014-05-03", "10:30 p.m.")
	if x.Value != "2014-05-02T22:30" || x.Type != model.TimexTime {
		t.Errorf("got %s %s, want TIME 2014-05-02T22:30", x.Type, x.Value)
	}
}

func TestTagDocumentOffsets(t *testing.T) {
	text := "Headline.\nRebels seized the building Sunday. Talks are due next week."
	s1 := strings.Index(text, "Rebels")
	s2 := strings.Index(text, "Talks")
	doc := &model.Document{
		Article: model.Article{Text: text, Published: day("2014-04-09")},
		Sentences: []model.Sentence{
			{Span: model.Span{Start: s1, End: s2 - 1}, Index: 1, Text: text[s1 : s2-1]},
			{Span: model.Span{Start: s2, End: len(text)}, Index: 2}, // Text left empty: taken from the span
		},
	}
	defaultTagger(t).Tag(doc)
	want := []model.Timex{
		{Text: "Sunday", Value: "2014-04-06", Sentence: 1},
		{Text: "next week", Value: "2014-W16", Sentence: 2},
	}
	if len(doc.Timexes) != len(want) {
		t.Fatalf("got %s", describe(doc.Timexes))
	}
	for i, w := range want {
		x := doc.Timexes[i]
		if x.Text != w.Text || x.Value != w.Value || x.Sentence != w.Sentence || text[x.Start:x.End] != w.Text || x.How == "" {
			t.Errorf("timex %d: %+v, want %+v at its offsets", i, x, w)
		}
	}
}

func seeds(t testing.TB) []string {
	t.Helper()
	files, err := filepath.Glob("../../testdata/seeds/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no seeds: %v", err)
	}
	var out []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, string(b))
	}
	return out
}

// TestPrefilterIsSound checks that skipping rules by keyword never loses a
// match: the result equals running every rule.
func TestPrefilterIsSound(t *testing.T) {
	tg := defaultTagger(t)
	all := *tg
	all.pre = prefilter{ids: map[uint32]int{}, rules: make([][][]int, len(tg.rules)), anchor: make([][]int, len(tg.rules))}
	texts := append(seeds(t), "two days ago", "Q3 2013", "at 1430 GMT", "the 1990s", "every Sunday", "a daily brief")
	for _, text := range texts {
		// whole texts too: several matches of one rule in one window
		for _, para := range append(strings.Split(text, "\n"), text) {
			got, want := tg.TagText(para, day("2014-04-09")), all.TagText(para, day("2014-04-09"))
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%q:\nprefiltered %s\nall rules   %s", para, describe(got), describe(want))
			}
		}
	}
	for _, r := range tg.rules {
		if r.always {
			t.Errorf("rule %s has no keyword prefilter", r.ID)
		}
	}
}

func FuzzTagText(f *testing.F) {
	for _, s := range []string{"March 31, 2014 10:37 AM", "late Sunday", "Feb. 24", "the next 48 hours", "in the near future. 1:21 PM", "every night", "é May 3 ü", "\xff2014's"} {
		f.Add(s)
	}
	tg := defaultTagger(f)
	f.Fuzz(func(t *testing.T, text string) {
		// rune starts as Go decodes them (a stray byte of invalid UTF-8 is one rune)
		starts := map[int]bool{len(text): true}
		for i := range text {
			starts[i] = true
		}
		for _, x := range tg.TagText(text, day("2014-04-09")) {
			if x.Start < 0 || x.End > len(text) || x.Start >= x.End {
				t.Fatalf("span %v outside %q", x.Span, text)
			}
			if !starts[x.Start] || !starts[x.End] {
				t.Fatalf("span %v not on rune boundaries in %q", x.Span, text)
			}
			if x.Text != text[x.Start:x.End] {
				t.Fatalf("text %q != span %q", x.Text, text[x.Start:x.End])
			}
			if !wellFormed(x.Type, x.Value) {
				t.Fatalf("%q in %q: %s %q is no TIMEX3 value", x.Text, text, x.Type, x.Value)
			}
		}
	})
}

func BenchmarkTagSeeds(b *testing.B) {
	tg := defaultTagger(b)
	texts := seeds(b)
	n := 0
	for _, s := range texts {
		n += len(s)
	}
	dct := day("2014-04-09")
	b.SetBytes(int64(n))
	b.ResetTimer()
	cpu0 := cpuNow()
	for i := 0; i < b.N; i++ {
		for _, s := range texts {
			tg.TagText(s, dct)
		}
	}
	reportCPURate(b, cpu0, n)
}

func BenchmarkTagSeedLines(b *testing.B) {
	tg := defaultTagger(b)
	var lines []string
	n := 0
	for _, s := range seeds(b) {
		for _, l := range strings.Split(s, "\n") {
			lines = append(lines, l)
			n += len(l) + 1
		}
	}
	dct := day("2014-04-09")
	b.SetBytes(int64(n))
	b.ResetTimer()
	cpu0 := cpuNow()
	for i := 0; i < b.N; i++ {
		for _, l := range lines {
			tg.TagText(l, dct)
		}
	}
	reportCPURate(b, cpu0, n)
}

// TestSentenceBounds checks that closing quotes after a stop end a
// sentence, so that a tense cue of the quote does not leak into the next.
func TestSentenceBounds(t *testing.T) {
	for _, c := range []struct{ text, at, want string }{
		{"He left. She arrived Friday. Then", "Friday", "She arrived Friday"},
		{"We will respond.'' McCurry on Friday said no.'' Then", "Friday", "McCurry on Friday said no"},
		{"“We will respond.” He spoke Friday.” Then", "Friday", "He spoke Friday"},
		{"He said: \"no.\" Then Friday came", "Friday", "Then Friday came"},
	} {
		i := strings.Index(c.text, c.at)
		lo, hi := sentenceBounds(c.text, i, i+len(c.at))
		if got := c.text[lo:hi]; got != c.want {
			t.Errorf("%q: sentence %q, want %q", c.text, got, c.want)
		}
	}
}

// Anaphoric expressions refer to dates of earlier sentences of the article.
func TestTagCarriesAnchorsAcrossSentences(t *testing.T) {
	text := "NATO met in Bucharest in 2008. During the summit that year, members invited Croatia."
	cut := strings.Index(text, "During")
	doc := &model.Document{Article: model.Article{Text: text, Published: time.Date(2022, 4, 3, 0, 0, 0, 0, time.UTC)}}
	doc.Sentences = []model.Sentence{
		{Span: model.Span{Start: 0, End: cut - 1}, Index: 0, Text: text[:cut-1]},
		{Span: model.Span{Start: cut, End: len(text)}, Index: 1, Text: text[cut:]},
	}
	defaultTagger(t).Tag(doc)
	for _, x := range doc.Timexes {
		if x.Text == "that year" && x.Value != "2008" {
			t.Errorf("%q = %s, want 2008 (the year the previous sentence names)", x.Text, x.Value)
		}
	}
}

func TestWellFormed(t *testing.T) {
	for _, c := range []struct {
		typ, value string
		ok         bool
	}{
		{"DATE", "2014-02-22", true}, {"DATE", "1989-W43-WE", true}, {"DATE", "1988-Q3", true},
		{"DATE", "199", true}, {"DATE", "19", true}, {"DATE", "XXXX-07", true}, {"DATE", "2015-WI", true},
		{"DATE", "PAST_REF", true}, {"DATE", "1990-H1", true}, {"TIME", "2014-02-22T13:21", true},
		{"TIME", "1989-10-27T24:00", true}, {"TIME", "2014-02-20TNI", true}, {"TIME", "PRESENT_REF", true},
		{"DURATION", "PXY", true}, {"DURATION", "PT1M30S", true}, {"DURATION", "P2Y6M", true},
		{"DURATION", "PXX", true}, {"SET", "P1D", true}, {"SET", "XXXX-WXX-7", true}, {"SET", "XXXX-WXX-2TNI", true},
		{"TIME", "FUTURE_REFT13:21", false}, {"SET", "P1night", false}, {"DURATION", "P", false},
		{"DATE", "P1Y", false}, {"DURATION", "1997", false}, {"DATE", "2014-2-3", false}, {"TIME", "2014-02-22T25", false},
	} {
		if got := wellFormed(c.typ, c.value); got != c.ok {
			t.Errorf("wellFormed(%s, %q) = %v, want %v", c.typ, c.value, got, c.ok)
		}
	}
}
