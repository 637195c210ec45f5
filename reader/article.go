package reader

import (
	"bytes"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/timeline-news/timeline/model"
)

var bom = []byte("\xef\xbb\xbf")

func trimBOM(b []byte) []byte { return bytes.TrimPrefix(b, bom) }

// checkText rejects binary, non-UTF-8 and empty input.
func checkText(b []byte) error {
	if i := bytes.IndexByte(b, 0); i >= 0 {
		return fmt.Errorf("binary data (NUL byte at byte %d)", i)
	}
	if !utf8.Valid(b) {
		return fmt.Errorf("not valid UTF-8 at byte %d", invalidUTF8At(b))
	}
	return nil
}

func invalidUTF8At(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(b)
}

func isBlank(s string) bool { return strings.TrimSpace(s) == "" }

// meta is publication metadata from one source of the precedence chain.
type meta struct {
	ID, Title, Source, URL, Published string
}

// parseText builds an article from a text or Markdown file's bytes.
func (r *run) parseText(path, defaultID string, data []byte, entry *manifestEntry) (*model.Article, []string, *Error) {
	if err := checkText(data); err != nil {
		return nil, nil, &Error{Path: path, Err: err}
	}
	off := len(data) - len(trimBOM(data))
	fm, bodyOff, e := frontMatter(path, data[off:])
	if e != nil {
		return nil, nil, e
	}
	off += bodyOff
	a := &model.Article{ID: defaultID, Path: path, Text: string(data[off:]), TextOffset: off}
	if isBlank(a.Text) {
		return nil, nil, errAt(path, 0, "empty article")
	}
	var layers []layer
	if fm != nil {
		layers = append(layers, layer{fm, "front matter"})
	}
	if entry != nil {
		layers = append(layers, layer{&entry.meta, "manifest"})
	}
	warns := r.applyMeta(a, layers)
	return a, warns, nil
}

type layer struct {
	m    *meta
	from string
}

// applyMeta fills the article's metadata from layers in precedence order,
// then the dateline, then the --published flag.
func (r *run) applyMeta(a *model.Article, layers []layer) []string {
	var warns []string
	for _, l := range layers {
		setIfEmpty(&a.Title, l.m.Title)
		setIfEmpty(&a.Source, l.m.Source)
		setIfEmpty(&a.URL, l.m.URL)
		if l.m.ID != "" && l.from != "manifest" {
			a.ID = l.m.ID
		}
		if a.HasPublished() || strings.TrimSpace(l.m.Published) == "" {
			continue
		}
		t, hasTime, err := ParsePublished(l.m.Published)
		if err != nil {
			warns = append(warns, fmt.Sprintf("%s published %q not understood, ignored", l.from, l.m.Published))
			continue
		}
		a.Published, a.PublishedHasTime, a.PublishedFrom = t, hasTime, l.from
	}
	if !a.HasPublished() {
		if t, hasTime, ok := findDateline(a.Text); ok {
			a.Published, a.PublishedHasTime, a.PublishedFrom = t, hasTime, "dateline"
		}
	}
	if !a.HasPublished() && !r.opts.Published.IsZero() {
		p := r.opts.Published
		a.Published, a.PublishedFrom = p, "flag"
		a.PublishedHasTime = p.Hour() != 0 || p.Minute() != 0 || p.Second() != 0
	}
	if !a.HasPublished() {
		warns = append(warns, "no publication date: only absolute dates will be resolved")
	}
	return warns
}

func setIfEmpty(dst *string, v string) {
	if *dst == "" {
		*dst = strings.TrimSpace(v)
	}
}

// wallUTC keeps the wall clock of t (the article's own local time) in UTC:
// the local calendar date is what relative dates are anchored to.
func wallUTC(t time.Time, withClock bool) time.Time {
	if !withClock {
		return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	}
	return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, time.UTC)
}
