// Package eval scores temporal expressions the way TempEval-3 does: strict
// (identical span) and relaxed (overlapping span, one-to-one) matching, and
// the accuracy of the type and value attributes over the relaxed matches.
package eval

import (
	"sort"
	"strconv"
	"strings"

	"github.com/timeline-news/timeline/timeml"
)

// Scores are TempEval-3 timex figures, as fractions in [0, 1].
type Scores struct {
	StrictP, StrictR, StrictF1    float64
	RelaxedP, RelaxedR, RelaxedF1 float64
	// TypeAcc and ValueAcc are over relaxed matches; TypeF1 and ValueF1 are
	// RelaxedF1 times the accuracy (TempEval-3's "value F1").
	TypeAcc, ValueAcc, TypeF1, ValueF1 float64

	Gold, System, StrictMatch, RelaxedMatch int
	TypeMatch, ValueMatch                   int // relaxed matches with the right type, value
}

// DocScore is one document's scores.
type DocScore struct {
	Name string
	Scores
	// Problem is why the document was not scored normally ("" if it was).
	Problem string
}

// Kind is a kind of error, most severe first.
type Kind int

// Error kinds.
const (
	Missed     Kind = iota // gold timex no system timex overlaps
	Spurious               // system timex no gold timex overlaps
	WrongValue             // relaxed match, different value
	WrongType              // relaxed match, different type
	WrongSpan              // relaxed match, different span
)

var kindNames = [...]string{"missed", "spurious", "value", "type", "span"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "?"
}

// Error is one scoring error. Text and the Gold fields are the gold
// timex's, SystemText and the System fields the system's (empty when there
// is none). Start and End are the gold span, or the system span for
// Spurious.
type Error struct {
	Doc                     string
	Kind                    Kind
	Start, End              int
	Text, SystemText        string
	GoldType, GoldValue     string
	SystemType, SystemValue string
}

// Score compares system documents with gold ones, matched by Name. A gold
// document without a system one counts as all missed; system documents
// without gold are listed with a Problem and not counted. Timexes with empty
// spans (non-consuming TIMEX3) are not scored. Errors come sorted by kind,
// document and offset.
func Score(gold, system []*timeml.Doc) (Scores, []DocScore, []Error) {
	sys := map[string]*timeml.Doc{}
	for _, d := range system {
		sys[d.Name] = d
	}
	var total counts
	var docs []DocScore
	var errs []Error
	seen := map[string]bool{}
	for _, g := range gold {
		seen[g.Name] = true
		gx := consuming(g.Timexes)
		s := sys[g.Name]
		var c counts
		problem := ""
		switch {
		case s == nil:
			c.gold, problem = len(gx), "no system document"
		case s.Text != g.Text:
			c.gold, problem = len(gx), "system text differs from gold at byte "+strconv.Itoa(diffAt(g.Text, s.Text))
		default:
			var e []Error
			c, e = scoreDoc(g, s)
			errs = append(errs, e...)
		}
		total.add(c)
		docs = append(docs, DocScore{Name: g.Name, Scores: c.scores(), Problem: problem})
	}
	for _, s := range system {
		if !seen[s.Name] {
			docs = append(docs, DocScore{Name: s.Name, Scores: counts{sys: len(consuming(s.Timexes))}.scores(), Problem: "no gold document"})
		}
	}
	sort.SliceStable(errs, func(i, j int) bool {
		a, b := errs[i], errs[j]
		if a.Kind != b.Kind {
			return a.Kind < b.Kind
		}
		if a.Doc != b.Doc {
			return a.Doc < b.Doc
		}
		return a.Start < b.Start
	})
	return total.scores(), docs, errs
}

// counts are the raw numbers behind Scores.
type counts struct{ gold, sys, strict, relaxed, typ, val int }

func (c *counts) add(o counts) {
	c.gold += o.gold
	c.sys += o.sys
	c.strict += o.strict
	c.relaxed += o.relaxed
	c.typ += o.typ
	c.val += o.val
}

func (c counts) scores() Scores {
	s := Scores{Gold: c.gold, System: c.sys, StrictMatch: c.strict, RelaxedMatch: c.relaxed, TypeMatch: c.typ, ValueMatch: c.val}
	s.StrictP, s.StrictR, s.StrictF1 = prf(c.strict, c.sys, c.gold)
	s.RelaxedP, s.RelaxedR, s.RelaxedF1 = prf(c.relaxed, c.sys, c.gold)
	s.TypeAcc = ratio(c.typ, c.relaxed)
	s.ValueAcc = ratio(c.val, c.relaxed)
	s.TypeF1 = s.RelaxedF1 * s.TypeAcc
	s.ValueF1 = s.RelaxedF1 * s.ValueAcc
	return s
}

func prf(match, sys, gold int) (p, r, f float64) {
	p, r = ratio(match, sys), ratio(match, gold)
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func consuming(tx []timeml.Timex) []timeml.Timex {
	out := make([]timeml.Timex, 0, len(tx))
	for _, x := range tx {
		if x.End > x.Start {
			out = append(out, x)
		}
	}
	return out
}

// scoreDoc matches the timexes of one document pair.
func scoreDoc(g, s *timeml.Doc) (counts, []Error) {
	gx, sx := consuming(g.Timexes), consuming(s.Timexes)
	c := counts{gold: len(gx), sys: len(sx)}
	gm := match(gx, sx)
	sm := make([]int, len(sx))
	for i := range sm {
		sm[i] = -1
	}
	var errs []Error
	for i, j := range gm {
		x := gx[i]
		e := Error{Doc: g.Name, Start: x.Start, End: x.End, Text: g.Span(x), GoldType: x.Type, GoldValue: x.Value}
		if j < 0 {
			e.Kind = Missed
			errs = append(errs, e)
			continue
		}
		sm[j] = i
		y := sx[j]
		e.SystemText, e.SystemType, e.SystemValue = s.Span(y), y.Type, y.Value
		c.relaxed++
		if x.Start == y.Start && x.End == y.End {
			c.strict++
		} else {
			e.Kind = WrongSpan
			errs = append(errs, e)
		}
		if strings.EqualFold(strings.TrimSpace(x.Type), strings.TrimSpace(y.Type)) {
			c.typ++
		} else {
			e.Kind = WrongType
			errs = append(errs, e)
		}
		if strings.TrimSpace(x.Value) == strings.TrimSpace(y.Value) {
			c.val++
		} else {
			e.Kind = WrongValue
			errs = append(errs, e)
		}
	}
	for j, i := range sm {
		if i < 0 {
			y := sx[j]
			errs = append(errs, Error{Doc: g.Name, Kind: Spurious, Start: y.Start, End: y.End,
				SystemText: s.Span(y), SystemType: y.Type, SystemValue: y.Value})
		}
	}
	return c, errs
}

// diffAt is the first byte where a and b differ.
func diffAt(a, b string) int {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	return i
}
