package events

import (
	"strings"

	"github.com/timeline-news/timeline/model"
)

// DateOf turns a TIMEX3 value into an event date and its precision. Only
// anchored calendar values date an event: "2014", "2014-02", "2014-W16",
// "2014-Q1", "2014-SU", "2014-04-09" and times or parts of a day
// ("2014-05-04TMO": the date part is kept). A weekend dates to its week
// ("2014-W18-WE": no precision is finer than a week and coarser than a day)
// and a half year to its year ("1989-H2"), which hold them. Unanchored
// ("XXXX-02-24", "2014-WXX": the week is unknown), reference ("PAST_REF"),
// decade, century and duration values give "".
func DateOf(v string) (date, precision string) {
	if len(v) < 4 || !digits(v[:4]) {
		return "", ""
	}
	switch {
	case len(v) == 11 && v[4:6] == "-W" && digits(v[6:8]) && v[8:] == "-WE":
		return v[:8], model.PrecisionWeek
	case len(v) == 7 && v[4:6] == "-H" && (v[6] == '1' || v[6] == '2'):
		return v[:4], model.PrecisionYear
	case len(v) == 4:
		return v, model.PrecisionYear
	case len(v) == 7 && v[4] == '-' && digits(v[5:7]):
		return v, model.PrecisionMonth
	case len(v) == 8 && v[4:6] == "-W" && digits(v[6:8]):
		return v, model.PrecisionWeek
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
