package timex

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/timeline-news/timeline/model"
)

// Narrative anchoring: "a year earlier", "the quarter", "the following
// day" refer to the time the text last spoke of, not to the DCT. The
// anchor is the last calendar value tagged before the expression, with its
// granularity; anaphoric expressions do not move it (a comparison "from a
// year earlier" must not turn the next "the quarter" into last year's).

// grains, coarse to fine.
const grains = "YQMWD"

// anchor is a calendar reference: its first day and its granularity.
type anchor struct {
	t     time.Time
	grain byte // one of grains; 0 = none
	seq   int  // order of tagging, to find the latest
}

// parseAnchor reads a TIMEX3 calendar value (YYYY, YYYY-QN, YYYY-MM,
// YYYY-Www, YYYY-MM-DD with an optional time part).
func parseAnchor(v string) (anchor, bool) {
	if len(v) < 4 {
		return anchor{}, false
	}
	y, err := strconv.Atoi(v[:4])
	if err != nil || y < 1000 {
		return anchor{}, false
	}
	rest := v[4:]
	date := func(m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }
	switch {
	case rest == "":
		return anchor{t: date(1, 1), grain: 'Y'}, true
	case len(rest) == 3 && rest[:2] == "-Q" && rest[2] >= '1' && rest[2] <= '4':
		return anchor{t: date(3*int(rest[2]-'0')-2, 1), grain: 'Q'}, true
	case len(rest) == 4 && rest[:2] == "-W":
		w, err := strconv.Atoi(rest[2:])
		if err != nil || w < 1 || w > 53 {
			return anchor{}, false
		}
		// Monday of ISO week w: week 1 holds January 4th
		jan4 := date(1, 4)
		mon := jan4.AddDate(0, 0, 1-isoWeekday(jan4)+7*(w-1))
		return anchor{t: mon, grain: 'W'}, true
	case len(rest) == 3 && rest[0] == '-':
		m, err := strconv.Atoi(rest[1:])
		if err != nil || m < 1 || m > 12 {
			return anchor{}, false
		}
		return anchor{t: date(m, 1), grain: 'M'}, true
	case len(rest) >= 6 && rest[0] == '-' && rest[3] == '-' && (len(rest) == 6 || rest[6] == 'T'):
		m, err1 := strconv.Atoi(rest[1:3])
		d, err2 := strconv.Atoi(rest[4:6])
		if err1 != nil || err2 != nil || m < 1 || m > 12 || d < 1 || d > daysIn(m, y) {
			return anchor{}, false
		}
		return anchor{t: date(m, d), grain: 'D'}, true
	}
	return anchor{}, false
}

// finer reports whether grain a is finer than b.
func finer(a, b byte) bool { return strings.IndexByte(grains, a) > strings.IndexByte(grains, b) }

// coarsen moves a to the start of its period at grain g (g coarser or equal).
func (a anchor) coarsen(g byte) anchor {
	if !finer(a.grain, g) {
		return a
	}
	t := a.t
	switch g {
	case 'Y':
		t = time.Date(t.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
	case 'Q':
		t = time.Date(t.Year(), time.Month((int(t.Month())-1)/3*3+1), 1, 0, 0, 0, 0, time.UTC)
	case 'M':
		t = time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
	case 'W':
		t = t.AddDate(0, 0, 1-isoWeekday(t))
	}
	return anchor{t: t, grain: g}
}

// shift moves a by n units (Y, Q, M, W, D, TH, TM). Hours and minutes
// move a day anchor from its middle: "24 hours earlier" is the day before,
// "a few hours earlier" (not counted) or "12 hours earlier" the same day.
func (a anchor) shift(n int, unit string) anchor {
	switch unit {
	case "TH", "TM":
		d := time.Duration(n) * time.Hour
		if unit == "TM" {
			d = time.Duration(n) * time.Minute
		}
		t := a.t.Add(12 * time.Hour).Add(d)
		a.t = time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	case "Y":
		a.t = a.t.AddDate(n, 0, 0)
	case "Q":
		a.t = a.t.AddDate(0, 3*n, 0)
	case "M":
		a.t = a.t.AddDate(0, n, 0)
	case "W":
		a.t = a.t.AddDate(0, 0, 7*n)
	case "D":
		a.t = a.t.AddDate(0, 0, n)
	}
	return a
}

func (a anchor) String() string {
	t := a.t
	switch a.grain {
	case 'Y':
		return fmt.Sprintf("%04d", t.Year())
	case 'Q':
		return fmt.Sprintf("%04d-Q%d", t.Year(), (int(t.Month())-1)/3+1)
	case 'M':
		return t.Format("2006-01")
	case 'W':
		y, w := t.ISOWeek()
		return fmt.Sprintf("%04d-W%02d", y, w)
	}
	return dayStr(t)
}

// noteAnchor records x as the narrative anchor when it is a calendar date
// tagged by a non-anaphoric rule.
// A rule with param anchor: "no" (a DCT-relative comparison: "a year
// ago") does not either; an anaphoric rule with anchor: "yes" does ("the
// latest quarter" names the report's quarter again).
func (c *normCtx) noteAnchor(r *crule, x *model.Timex) {
	if (r.Normalize == "anchored" && r.Params["anchor"] != "yes") || r.Params["anchor"] == "no" || (x.Type != model.TimexDate && x.Type != model.TimexTime) {
		return
	}
	if a, ok := parseAnchor(x.Value); ok {
		c.seq++
		a.seq = c.seq
		c.anchor = a
		gi := strings.IndexByte(grains, a.grain)
		if c.firstByGrain[gi].grain == 0 {
			c.firstByGrain[gi] = a
		}
		c.byGrain[gi] = a
	}
}

// normAnchored shifts the narrative anchor (else the DCT) by the shift word
// or offset param times the number, in the unit. Params: grain (Y, Q, M, W,
// D: the value's granularity, or "unit": the unit's, at most the anchor's;
// default the anchor's), from (only anchors
// of that granularity count: "the quarter" refers to a quarter named, not
// to the day of an announcement; "unit": the unit's granularity and finer
// ones, "later in the month" after a day names that day's month), fallback (units of grain to move the DCT
// by when no anchor of that grain precedes: "the quarter" of an earnings
// report is the last one).
func normAnchored(c *normCtx, r *crule, g *groups, x *model.Timex) bool {
	unit, off, counted := c.offset(r, g)
	if !counted {
		return false // "a few days later": no date, the duration remains
	}
	if _, ok := c.compareQuarter(r, unit, off, x); ok {
		return true
	}
	grain, byUnit := byte(0), false
	if r.Params["compare"] != "" && unit == "Y" && off < 0 {
		grain = 'Y' // a comparison outside a quarter context: the year
	}
	switch gs := r.Params["grain"]; {
	case gs == "unit":
		// "the following year": a year, however precise the anchor
		grain, byUnit = unit[0], true
	case gs != "":
		grain = gs[0]
	}
	if v := r.Params["compare"]; v != "" && off == 0 {
		cg := c.compareGrain(v, atoi(r.Params["compare_back"]), x.Start)
		if cg != "" {
			c.cmpEnd, c.cmpGrain = x.End, cg // a comparison after it compares the same
		}
		if cg == "Y" {
			// "the 1988 period" after "the first nine months": the year's
			grain, byUnit = 'Y', true
		}
	}
	a := c.anchor
	if f := r.Params["from"]; f != "" {
		if f == "unit" {
			f = grains[max(strings.IndexByte(grains, unit[0]), 0):]
		}
		a = anchor{}
		for i := range grains {
			if strings.IndexByte(f, grains[i]) >= 0 && c.byGrain[i].grain != 0 && (a.grain == 0 || c.byGrain[i].seq > a.seq) {
				a = c.byGrain[i] // the latest of the allowed granularities
				if r.Params["first"] == "yes" {
					a = c.firstByGrain[i]
				}
			}
		}
	}
	how := "anchored on " + a.String()
	if a.grain == 0 || (grain != 0 && !byUnit && finer(grain, a.grain)) {
		if c.dct.IsZero() {
			return false
		}
		g0 := grain
		if g0 == 0 {
			g0 = unit[0]
		}
		if !strings.ContainsRune(grains, rune(g0)) {
			return false
		}
		a = anchor{t: truncDay(c.dct), grain: 'D'}.coarsen(g0)
		a = a.shift(atoi(r.Params["fallback"]), string(g0))
		how = "no anchor: DCT " + dctStr(c.dct)
	} else if grain != 0 {
		a = a.coarsen(grain)
	}
	if g.has[rYear] {
		a.t = time.Date(atoi(g.raw[rYear]), a.t.Month(), a.t.Day(), 0, 0, 0, 0, time.UTC)
	}
	a = a.shift(off, unit)
	if q := atoi(g.val[rQuarter]); q >= 1 && q <= 4 {
		a = anchor{t: time.Date(a.t.Year(), time.Month(3*q-2), 1, 0, 0, 0, 0, time.UTC), grain: 'Q'}
	}
	x.Value = a.String()
	x.How = fmt.Sprintf("%s, %+d %s", how, off, unit)
	if g.has[rPart] && a.grain == 'D' {
		x.Value += "T" + g.val[rPart] // "in the morning": that day's
		x.Type = model.TimexTime
	}
	return true
}

// normReject drops the match: a context that looks like a time expression
// but is not one ("Copyright 1998"); being longest, it hides the shorter match.
func normReject(*normCtx, *crule, *groups, *model.Timex) bool { return false }
