package events

import (
	"testing"

	"github.com/timeline-news/timeline/model"
)

// TestShift: a date moved by a count of units comes out at the unit's
// precision, and a date coarser than the unit gives none.
func TestShift(t *testing.T) {
	for _, c := range []struct {
		date, prec string
		n          int
		unit       string
		want       string // "" : none
	}{
		{"2014-02-20", "day", -1, "day", "2014-02-19"},
		{"2022-03-01", "day", -1, "day", "2022-02-28"},
		{"2022-04-07", "day", 1, "day", "2022-04-08"},
		{"2022-04-09", "day", 0, "day", "2022-04-09"},
		{"2022-04-09", "day", -7, "day", "2022-04-02"},
		{"2022-04-08", "day", 1, "week", "2022-W15"},
		{"2022-01-02", "day", -1, "week", "2021-W51"},
		{"2022-W15", "week", -2, "week", "2022-W13"},
		{"2022-03-24", "day", -1, "month", "2022-02"},
		{"2022-03", "month", -1, "month", "2022-02"},
		{"2022-01", "month", -1, "month", "2021-12"},
		{"2022-02-24", "day", -8, "year", "2014"},
		{"2022-W08", "week", -1, "year", "2021"},
		{"2022", "year", 1, "year", "2023"},
		{"2022-03", "month", -2, "day", ""}, // "two days after" a month
		{"2022-W15", "week", -1, "day", ""},
		{"2022-W15", "week", -1, "month", ""},
		{"2022", "year", -1, "month", ""},
	} {
		got, prec, ok := shift(c.date, c.prec, c.n, c.unit)
		if c.want == "" {
			if ok {
				t.Errorf("shift(%s, %+d %s) = %s, want none", c.date, c.n, c.unit, got)
			}
			continue
		}
		if !ok || got != c.want || prec != c.unit {
			t.Errorf("shift(%s, %+d %s) = %s %s %v, want %s %s", c.date, c.n, c.unit, got, prec, ok, c.want, c.unit)
		}
	}
}

// TestDurationCount: exact durations count; vague or modified ones and
// hours that are neither whole days nor within half a day do not.
func TestDurationCount(t *testing.T) {
	for _, c := range []struct {
		value, mod string
		n          int
		unit       string // "" : no count
	}{
		{"P1D", "", 1, "day"},
		{"P10D", "", 10, "day"},
		{"P2W", "", 2, "week"},
		{"P3M", "", 3, "month"},
		{"P1Y", "", 1, "year"},
		{"PT48H", "", 2, "day"},
		{"PT24H", "", 1, "day"},
		{"PT5H", "", 0, "day"},
		{"PT30M", "", 0, "day"},
		{"PT36H", "", 0, ""},
		{"PXD", "", 0, ""},
		{"P1W", "APPROX", 0, ""},
		{"P1M", "MORE_THAN", 0, ""},
	} {
		n, unit, ok := durationCount(&model.Timex{Type: model.TimexDuration, Value: c.value, Mod: c.mod})
		if ok != (c.unit != "") || ok && (n != c.n || unit != c.unit) {
			t.Errorf("durationCount(%s %s) = %d %s %v, want %d %q", c.value, c.mod, n, unit, ok, c.n, c.unit)
		}
	}
}
