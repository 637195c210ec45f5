package timex

import (
	"fmt"
	"strings"
	"time"

	"github.com/timeline-news/timeline/model"
)

// Ordinal days: "the invasion launched on Feb. 24 ... now in its 12th
// day" is Feb. 24 + 11 days. The start date may be named anywhere in the
// text, even after the ordinal, so these are resolved once the whole text
// is tagged: of the day dates the text names, the start is the one that
// puts the ordinal day nearest the publication date (news counts the days
// of what is going on). Without a day date in the text there is no value
// and the expression is dropped.

// ordinal is an ordinal-day expression waiting for its start date.
type ordinal struct {
	index int // in the tagged list
	n     int // the day's number, 1-based
	dct   time.Time
}

// normOrdinal reads the day's number; the value comes later. Param
// min_day skips smaller numbers.
func normOrdinal(c *normCtx, r *crule, g *groups, x *model.Timex) bool {
	v := strings.TrimRightFunc(g.val[rNumber], func(r rune) bool { return r < '0' || r > '9' })
	n := atoi(v)
	if n < max(1, atoi(r.Params["min_day"])) || n > 366 {
		return false
	}
	c.pendingN = n
	x.How = fmt.Sprintf("ordinal day %d", n)
	return true
}

// resolveOrdinals values the pending ordinal days of xs and drops those
// without a start date.
func resolveOrdinals(xs []model.Timex, ords []ordinal) []model.Timex {
	if len(ords) == 0 {
		return xs
	}
	var days []time.Time
	for _, x := range xs {
		if x.Type != model.TimexDate || len(x.Value) != 10 || x.Value[0] == 'X' {
			continue
		}
		if d, err := time.Parse("2006-01-02", x.Value); err == nil {
			days = append(days, d)
		}
	}
	drop := map[int]bool{}
	for _, o := range ords {
		if o.index >= len(xs) {
			continue
		}
		x := &xs[o.index]
		best, found := time.Time{}, false
		ref := truncDay(o.dct)
		for _, d := range days {
			v := d.AddDate(0, 0, o.n-1)
			if !found || (!ref.IsZero() && absDays(v, ref) < absDays(best, ref)) {
				best, found = v, true
			}
		}
		if !found {
			drop[o.index] = true
			continue
		}
		x.Value = dayStr(best)
		x.How += fmt.Sprintf(", counted from %s", dayStr(best.AddDate(0, 0, 1-o.n)))
	}
	if len(drop) == 0 {
		return xs
	}
	out := xs[:0]
	for i, x := range xs {
		if !drop[i] {
			out = append(out, x)
		}
	}
	return out
}

func absDays(a, b time.Time) int { return abs(int(a.Sub(b).Hours() / 24)) }
