package timex

import (
	"regexp"
	"strings"

	"github.com/timeline-news/timeline/model"
)

// The TIMEX3 value forms the tagger may write: a calendar point (year,
// decade "199", century "19", month, day, ISO week, weekend, quarter, half,
// season, X for unknown digits) or a reference word; a clock time or part
// of the day on such a point; a duration, X for an unknown count or unit.
var (
	pointRe    = regexp.MustCompile(`^(?:PAST_REF|PRESENT_REF|FUTURE_REF|(?:[0-9]{4}|[0-9]{3}X?|[0-9]{2}(?:XX)?|XXXX)(?:-(?:[0-9]{2}|XX)(?:-(?:[0-9]{2}|XX))?|-W(?:[0-9]{2}|XX)(?:-(?:WE|[1-7]))?|-Q[1-4X]|-H[12]|-(?:SP|SU|FA|WI))?)$`)
	clockRe    = regexp.MustCompile(`^T(?:(?:[01][0-9]|2[0-4])(?::[0-5][0-9](?::[0-5][0-9])?)?|MO|MI|AF|EV|NI|DT)$`)
	durationRe = regexp.MustCompile(`^P(?:(?:[0-9]+(?:\.[0-9]+)?|X)[YMWDQECLX])*(?:T(?:(?:[0-9]+(?:\.[0-9]+)?|X)[HMS])+)?$`)
)

// wellFormed reports whether value is a TIMEX3 value of type typ: a rule
// that writes "FUTURE_REFT13:21" or "P1night" has a bug. "" is a relative
// expression left unresolved for want of a DCT.
func wellFormed(typ, value string) bool {
	if value == "" {
		return true
	}
	switch typ {
	case model.TimexDuration:
		return value != "P" && durationRe.MatchString(value)
	case model.TimexDate:
		return pointRe.MatchString(value)
	case model.TimexTime, model.TimexSet:
		if pointRe.MatchString(value) || typ == model.TimexSet && value != "P" && durationRe.MatchString(value) {
			return true
		}
		i := strings.LastIndexByte(value, 'T')
		return i > 0 && !strings.HasSuffix(value[:i], "_REF") && pointRe.MatchString(value[:i]) && clockRe.MatchString(value[i:])
	}
	return false
}
