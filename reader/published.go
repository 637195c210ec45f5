package reader

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/araddon/dateparse"
)

// ParsePublished parses a publication date as dateparse does (plus plain
// YYYY-MM-DD), reporting whether a time of day was given. The wall clock is
// kept as written and returned in UTC.
func ParsePublished(s string) (t time.Time, hasTime bool, err error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, false, errors.New("empty date")
	}
	if len(s) == len("2006-01-02") {
		if t, err := time.Parse("2006-01-02", s); err == nil {
			return t, false, nil
		}
	}
	t, err = parseAny(s)
	if err != nil {
		return time.Time{}, false, fmt.Errorf("unrecognised date %q: %w", s, err)
	}
	if t.Year() < 1000 {
		return time.Time{}, false, fmt.Errorf("date %q has no year", s)
	}
	hasTime = hasClock(s)
	return wallUTC(t, hasTime), hasTime, nil
}

// parseAny is dateparse.ParseIn guarded against panics on odd input.
func parseAny(s string) (t time.Time, err error) {
	defer func() {
		if p := recover(); p != nil {
			t, err = time.Time{}, fmt.Errorf("unparseable date: %v", p)
		}
	}()
	return dateparse.ParseIn(s, time.UTC)
}

// hasClock reports whether s has an h:mm time of day.
func hasClock(s string) bool {
	for i := 1; i+1 < len(s); i++ {
		if s[i] == ':' && isDigit(s[i-1]) && isDigit(s[i+1]) {
			return true
		}
	}
	return false
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// dateAliases are the other names exports give the publication date: "date"
// (static-site front matter, most CMS exports), "published_at" and
// "publishedAt" (news APIs). "published" wins when both are there.
type dateAliases struct {
	Date           string `yaml:"date" json:"date"`
	PublishedAt    string `yaml:"published_at" json:"published_at"`
	PublishedAtAPI string `yaml:"publishedAt" json:"publishedAt"`
}

// or returns published, or else the first alias given.
func (d dateAliases) or(published string) string {
	for _, v := range []string{published, d.PublishedAt, d.PublishedAtAPI, d.Date} {
		if strings.TrimSpace(v) != "" {
			return v
		}
	}
	return ""
}
