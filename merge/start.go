package merge

import (
	"fmt"
	"strconv"
	"time"
)

// StartOf returns the first day ("YYYY-MM-DD") of a date at any precision,
// so dates of different precisions sort chronologically.
func StartOf(date string) string {
	if len(date) < 4 {
		return date
	}
	year := date[:4]
	switch {
	case len(date) == 4:
		return year + "-01-01"
	case len(date) == 7 && date[4:6] == "-Q":
		q, _ := strconv.Atoi(date[6:])
		return fmt.Sprintf("%s-%02d-01", year, (q-1)*3+1)
	case len(date) == 8 && date[4:6] == "-W":
		y, _ := strconv.Atoi(year)
		w, _ := strconv.Atoi(date[6:])
		// ISO week 1 holds January 4th.
		jan4 := time.Date(y, 1, 4, 0, 0, 0, 0, time.UTC)
		monday := jan4.AddDate(0, 0, -((int(jan4.Weekday())+6)%7)+(w-1)*7)
		return monday.Format("2006-01-02")
	case len(date) == 7:
		if m, ok := seasonStart[date[5:]]; ok {
			return year + "-" + m + "-01"
		}
		return date + "-01"
	}
	return date
}

var seasonStart = map[string]string{"SP": "03", "SU": "06", "FA": "09", "WI": "12"}
