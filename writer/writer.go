// Package writer encodes a timeline as YAML, JSON or JSON Lines and writes
// it to a file atomically.
package writer

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/timeline-news/timeline/model"
	"gopkg.in/yaml.v3"
)

// Formats lists the supported output formats: "yaml", "json", "jsonl".
var Formats = []string{"yaml", "json", "jsonl"}

// CheckFormat reports an unsupported format.
func CheckFormat(format string) error {
	for _, f := range Formats {
		if f == format {
			return nil
		}
	}
	return fmt.Errorf("unknown output format %q (want one of %s)", format, strings.Join(Formats, ", "))
}

// Encode writes tl in format to w. Output is byte-identical for equal
// timelines. Nil lists are written as empty lists ([]), never null.
func Encode(w io.Writer, format string, tl *model.Timeline) error {
	if err := CheckFormat(format); err != nil {
		return err
	}
	out := normalise(tl)
	switch format {
	case "yaml":
		enc := yaml.NewEncoder(w)
		enc.SetIndent(2)
		if err := enc.Encode(out); err != nil {
			return fmt.Errorf("encode yaml: %w", err)
		}
		if err := enc.Close(); err != nil {
			return fmt.Errorf("encode yaml: %w", err)
		}
		return nil
	case "json":
		return encodeJSON(w, out, "  ")
	default: // jsonl
		for i := range out.Events {
			if err := encodeJSON(w, &out.Events[i], ""); err != nil {
				return err
			}
		}
		return nil
	}
}

// encodeJSON writes v with HTML escaping off and a trailing newline.
func encodeJSON(w io.Writer, v any, indent string) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if indent != "" {
		enc.SetIndent("", indent)
	}
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("encode json: %w", err)
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("write: %w", err)
	}
	return nil
}

// normalise returns a shallow copy of tl whose nil lists are empty, so
// that JSON and YAML both print [] (and tl itself is left untouched).
func normalise(tl *model.Timeline) *model.Timeline {
	out := &model.Timeline{Events: []model.Event{}}
	if tl == nil {
		return out
	}
	for _, e := range tl.Events {
		e.Actors = nonNil(e.Actors)
		e.Places = nonNil(e.Places)
		if e.Mentions == nil {
			e.Mentions = []model.Mention{}
		}
		out.Events = append(out.Events, e)
	}
	return out
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
