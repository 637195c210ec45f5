package events

import (
	"strings"

	"github.com/timeline-news/timeline/model"
)

// DateOf turns a TIMEX3 value into an event date and its precision. Only
// anchored calendar values date an event: "2014", "2014-02", "2014-W16",
// "2014-Q1", "2014-SU", "2014-04-09", times on a day (the date part is
// kept) and weekends ("2014-W08-WE", as their week). Unanchored ("XXXX-02-24"), reference ("PAST_REF") and duration
// values give "".
func DateOf(v string) (date, precision string) {
	if len(v) < 4 || !digits(v[:4]) {
		return "", ""
	}
	switch {
	case len(v) == 4:
		return v, model.PrecisionYear
	case len(v) == 7 && v[4] == '-' && digits(v[5:7]):
		return v, model.PrecisionMonth
	case len(v) == 8 && v[4:6] == "-W" && digits(v[6:8]):
		return v, model.PrecisionWeek
	case len(v) == 11 && v[4:6] == "-W" && digits(v[6:8]) && v[8:] == "-WE":
		return v[:8], model.PrecisionWeek // "over the weekend": its week
	case len(v) == 7 && v[4:6] == "-Q" && digits(v[6:7]):
		return v, model.PrecisionQuarter
	case len(v) == 7 && v[4] == '-' && isSeason(v[5:7]):
		return v, "season"
	case len(v) >= 10 && v[4] == '-' && v[7] == '-' && digits(v[5:7]) && digits(v[8:10]):
		if len(v) > 10 && !strings.HasPrefix(v[10:], "T") {
			return "", ""
		}
		return v[:10], model.PrecisionDay
	}
	return "", ""
}

func isSeason(s string) bool { return s == "SP" || s == "SU" || s == "FA" || s == "WI" }

func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
