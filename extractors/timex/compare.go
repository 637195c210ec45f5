package timex

import (
	"fmt"
	"strings"

	"github.com/timeline-news/timeline/model"
)

// Comparison granularity (TimeML): "from $3 million a year ago" compares
// with the period the text is talking about. When the nearest period word
// in the few hundred bytes before the expression is a quarter
// word ("third-quarter", "the quarter", "the latest period"), the
// expression is that quarter a year back (1988-Q3); otherwise a year. The
// rule's param compare names the vocabulary of period words (word -> Q or
// Y), compare_back how many bytes before the expression to search.

// compareGrain returns the grain of the nearest period word in the back
// bytes before start ("" when there is none). A comparison in that window
// with no period word after it passes on its own grain: "net was $2
// million a year ago. Sales were $3 million a year earlier" compares the
// same quarter twice (the "year" of "a year ago" is no period word).
func (c *normCtx) compareGrain(vocab string, back, start int) string {
	words := c.t.vocab[vocab]
	if len(words) == 0 {
		return ""
	}
	// a byte window rather than sentences: abbreviations ("Co.", "St.")
	// cut news sentences short
	lo := max(0, start-back)
	prev := c.cmpGrain != "" && c.cmpEnd > lo && c.cmpEnd <= start
	if prev {
		lo = c.cmpEnd
	}
	ws := splitWords(c.text, lo, start)
	for i := len(ws) - 1; i >= 0; i-- {
		if g, ok := words[ws[i].text]; ok {
			return g
		}
	}
	if prev {
		return c.cmpGrain
	}
	return ""
}

// compareQuarter normalises a comparison of off years in a quarter
// context: the quarter last named (else the last one ended before the
// DCT) moved by off years. ok is false when the rule has no compare param,
// the unit is not years or the context is not a quarter.
func (c *normCtx) compareQuarter(r *crule, unit string, off int, x *model.Timex) (string, bool) {
	v := r.Params["compare"]
	if v == "" || unit != "Y" || off >= 0 {
		return "", false
	}
	grain := c.compareGrain(v, atoi(r.Params["compare_back"]), x.Start)
	if grain != "" {
		c.cmpEnd, c.cmpGrain = x.End, grain
	}
	if grain != "Q" {
		return "", false
	}
	a := c.byGrain[strings.IndexByte(grains, 'Q')]
	if r.Params["first"] == "yes" {
		a = c.firstByGrain[strings.IndexByte(grains, 'Q')]
	}
	how := "quarter context, anchored on " + a.String()
	if a.grain == 0 {
		if c.dct.IsZero() {
			return "", false
		}
		a = anchor{t: truncDay(c.dct), grain: 'D'}.coarsen('Q').shift(-1, "Q")
		how = "quarter context, last quarter before DCT " + dctStr(c.dct)
	}
	a = a.shift(off, "Y")
	x.Value = a.String()
	x.How = fmt.Sprintf("%s, %+d Y", how, off)
	return x.Value, true
}
