package eval

import (
	"bytes"
	"math"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/timeline-news/timeline/timeml"
)

// text is long enough for every span used below.
var text = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMN"

func doc(name string, tx ...timeml.Timex) *timeml.Doc {
	d := timeml.New(name, text, time.Time{})
	d.Timexes = tx
	return d
}

func tx(start, end int, typ, value string) timeml.Timex {
	return timeml.Timex{Start: start, End: end, Type: typ, Value: value}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestScore(t *testing.T) {
	tests := []struct {
		name                                 string
		gold, sys                            []timeml.Timex
		strict, relaxed, typeOK, valOK       int
		strictP, strictR, relaxedF1, valueF1 float64
		kinds                                []Kind
	}{
		{"exact", []timeml.Timex{tx(0, 5, "DATE", "2020")}, []timeml.Timex{tx(0, 5, "DATE", "2020")},
			1, 1, 1, 1, 1, 1, 1, 1, nil},
		{"overlap", []timeml.Timex{tx(0, 10, "DATE", "2020")}, []timeml.Timex{tx(3, 8, "DATE", "2020")},
			0, 1, 1, 1, 0, 0, 1, 1, []Kind{WrongSpan}},
		{"missing", []timeml.Timex{tx(0, 5, "DATE", "2020"), tx(10, 15, "TIME", "T10")}, []timeml.Timex{tx(0, 5, "DATE", "2020")},
			1, 1, 1, 1, 1, 0.5, 2.0 / 3, 2.0 / 3, []Kind{Missed}},
		{"spurious", []timeml.Timex{tx(0, 5, "DATE", "2020")}, []timeml.Timex{tx(0, 5, "DATE", "2020"), tx(20, 25, "DATE", "X")},
			1, 1, 1, 1, 0.5, 1, 2.0 / 3, 2.0 / 3, []Kind{Spurious}},
		{"wrong value and type", []timeml.Timex{tx(0, 5, "DATE", "2020"), tx(10, 15, "DATE", "P1D")}, []timeml.Timex{tx(0, 5, "DATE", "2021"), tx(10, 15, "DURATION", "P1D")},
			2, 2, 1, 1, 1, 1, 1, 0.5, []Kind{WrongValue, WrongType}},
		{"one system over two gold", []timeml.Timex{tx(0, 4, "DATE", "a"), tx(5, 10, "DATE", "b")}, []timeml.Timex{tx(0, 10, "DATE", "a")},
			0, 1, 1, 1, 0, 0, 2.0 / 3, 2.0 / 3, []Kind{Missed, WrongSpan}},
		{"two system over one gold", []timeml.Timex{tx(0, 10, "DATE", "a")}, []timeml.Timex{tx(0, 4, "DATE", "a"), tx(5, 10, "DATE", "a")},
			0, 1, 1, 1, 0, 0, 2.0 / 3, 2.0 / 3, []Kind{Spurious, WrongSpan}},
		// Greedy by overlap would give X to A and leave B unmatched.
		{"maximum matching", []timeml.Timex{tx(0, 10, "DATE", "a"), tx(10, 20, "DATE", "b")}, []timeml.Timex{tx(5, 15, "DATE", "b"), tx(8, 10, "DATE", "a")},
			0, 2, 2, 2, 0, 0, 1, 1, []Kind{WrongSpan, WrongSpan}},
		{"exact match kept over overlap", []timeml.Timex{tx(0, 10, "DATE", "a")}, []timeml.Timex{tx(2, 12, "DATE", "a"), tx(0, 10, "DATE", "a")},
			1, 1, 1, 1, 0.5, 1, 2.0 / 3, 2.0 / 3, []Kind{Spurious}},
		{"empty spans ignored", []timeml.Timex{tx(0, 5, "DATE", "a"), tx(7, 7, "DURATION", "P1D")}, []timeml.Timex{tx(0, 5, "DATE", "a"), tx(30, 30, "DATE", "x")},
			1, 1, 1, 1, 1, 1, 1, 1, nil},
		{"nothing", nil, nil, 0, 0, 0, 0, 0, 0, 0, 0, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, docs, errs := Score([]*timeml.Doc{doc("d", tt.gold...)}, []*timeml.Doc{doc("d", tt.sys...)})
			if s.StrictMatch != tt.strict || s.RelaxedMatch != tt.relaxed || s.TypeMatch != tt.typeOK || s.ValueMatch != tt.valOK {
				t.Errorf("matches strict %d relaxed %d type %d value %d, want %d %d %d %d",
					s.StrictMatch, s.RelaxedMatch, s.TypeMatch, s.ValueMatch, tt.strict, tt.relaxed, tt.typeOK, tt.valOK)
			}
			if !near(s.StrictP, tt.strictP) || !near(s.StrictR, tt.strictR) || !near(s.RelaxedF1, tt.relaxedF1) || !near(s.ValueF1, tt.valueF1) {
				t.Errorf("strict P %.3f R %.3f relaxed F1 %.3f value F1 %.3f, want %.3f %.3f %.3f %.3f",
					s.StrictP, s.StrictR, s.RelaxedF1, s.ValueF1, tt.strictP, tt.strictR, tt.relaxedF1, tt.valueF1)
			}
			if !near(s.ValueF1, s.RelaxedF1*s.ValueAcc) || !near(s.TypeF1, s.RelaxedF1*s.TypeAcc) {
				t.Errorf("attribute F1 is not relaxed F1 x accuracy: %+v", s)
			}
			if len(docs) != 1 || docs[0].Scores != s {
				t.Errorf("per-doc scores %+v differ from total %+v", docs, s)
			}
			var kinds []Kind
			for _, e := range errs {
				kinds = append(kinds, e.Kind)
			}
			if !equalKinds(kinds, tt.kinds) {
				t.Errorf("error kinds %v, want %v", kinds, tt.kinds)
			}
		})
	}
}

func equalKinds(a, b []Kind) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestScoreDocuments(t *testing.T) {
	g1 := doc("a", tx(0, 5, "DATE", "1"), tx(10, 15, "DATE", "2"))
	g2 := doc("b", tx(0, 5, "DATE", "1"))
	g3 := doc("c", tx(0, 5, "DATE", "1"))
	s1 := doc("a", tx(0, 5, "DATE", "1"))
	s3 := doc("c", tx(0, 5, "DATE", "1"))
	s3.Text = "different"
	s4 := doc("z", tx(0, 5, "DATE", "1"))
	total, docs, errs := Score([]*timeml.Doc{g1, g2, g3}, []*timeml.Doc{s4, s3, s1})
	if total.Gold != 4 || total.System != 1 || total.StrictMatch != 1 {
		t.Errorf("total %+v", total)
	}
	wantProblems := map[string]string{"a": "", "b": "no system document", "c": "system text differs from gold at byte 0", "z": "no gold document"}
	if len(docs) != 4 {
		t.Fatalf("docs %+v", docs)
	}
	for _, d := range docs {
		if d.Problem != wantProblems[d.Name] {
			t.Errorf("%s: problem %q, want %q", d.Name, d.Problem, wantProblems[d.Name])
		}
	}
	if len(errs) != 1 || errs[0].Kind != Missed || errs[0].Doc != "a" || errs[0].Text != "abcde" || errs[0].GoldValue != "2" {
		t.Errorf("errors %+v", errs)
	}
}

func TestReport(t *testing.T) {
	g := doc("doc1", tx(0, 5, "DATE", "2020"), tx(10, 15, "DATE", "P1D"), tx(20, 25, "DATE", "x"), tx(30, 35, "DATE", "y"))
	s := doc("doc1", tx(0, 5, "DATE", "2021"), tx(12, 15, "DATE", "P1D"), tx(40, 45, "DATE", "z"))
	total, docs, errs := Score([]*timeml.Doc{g}, []*timeml.Doc{s})
	var out bytes.Buffer
	if err := WriteReport(&out, total, docs, errs, 3); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	for _, want := range []string{
		"gold 4  system 3",
		"strict      33.33   25.00   28.57        1",
		"relaxed     66.67   50.00   57.14        2",
		"value        50.00  28.57        1",
		"doc1      4     3       28.57      57.14",
		"Errors: missed 2 spurious 1 value 1 type 0 span 1",
		"Most frequent errors (top 3 of 5 groups)",
		`1      missed    "klmno"    DATE x           -            -                  doc1@20`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("report lacks %q:\n%s", want, got)
		}
	}
}

func TestGroups(t *testing.T) {
	g := []*timeml.Doc{
		doc("a", tx(0, 5, "DATE", "1"), tx(10, 15, "DATE", "2")),
		doc("b", tx(0, 5, "DATE", "1"), tx(20, 25, "DATE", "3")),
	}
	s := []*timeml.Doc{
		doc("a", tx(0, 6, "DURATION", "P1Y")),
		doc("b", tx(0, 6, "DURATION", "P1Y"), tx(30, 35, "DATE", "x")),
	}
	_, _, errs := Score(g, s)
	var got []string
	for _, gr := range Groups(errs) {
		got = append(got, strconv.Itoa(gr.Count)+" "+gr.Kinds+" "+gr.Key)
	}
	want := []string{"2 value+type+span 01234 -> 012345", "1 missed abcde", "1 missed klmno", "1 spurious uvwxy"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("groups\n got %q\nwant %q", got, want)
	}
}
