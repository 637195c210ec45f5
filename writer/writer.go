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
	var evs []model.Event
	if tl != nil {
		evs = tl.Events
	}
	return Stream(w, format, len(evs), func(i int) (model.Event, error) { return evs[i], nil })
}

// Stream writes the n events that event(i) returns, in order, one at a
// time: the output is the same as Encode's for the timeline of those
// events, but only one event need be in memory.
func Stream(w io.Writer, format string, n int, event func(i int) (model.Event, error)) error {
	if err := CheckFormat(format); err != nil {
		return err
	}
	var enc eventEncoder
	switch format {
	case "yaml":
		enc = &yamlEncoder{w: w}
	case "json":
		enc = &jsonEncoder{w: w}
	default:
		enc = &jsonlEncoder{w: w}
	}
	if err := enc.begin(n); err != nil {
		return err
	}
	for i := range n {
		e, err := event(i)
		if err != nil {
			return err
		}
		normalise(&e)
		if err := enc.event(i, &e); err != nil {
			return err
		}
	}
	return enc.end(n)
}

// eventEncoder writes a timeline event by event.
type eventEncoder interface {
	begin(n int) error
	event(i int, e *model.Event) error
	end(n int) error
}

// yamlEncoder writes what yaml.v3 writes for a model.Timeline (indent 2):
// each event is encoded as a one-item list and indented under "events:".
type yamlEncoder struct {
	w   io.Writer
	buf bytes.Buffer
	out bytes.Buffer
}

func (y *yamlEncoder) begin(n int) error {
	if n == 0 {
		return write(y.w, []byte("events: []\n"))
	}
	return write(y.w, []byte("events:\n"))
}

func (y *yamlEncoder) event(_ int, e *model.Event) error {
	y.buf.Reset()
	enc := yaml.NewEncoder(&y.buf)
	enc.SetIndent(2)
	if err := enc.Encode([]*model.Event{e}); err != nil {
		return fmt.Errorf("encode yaml: %w", err)
	}
	if err := enc.Close(); err != nil {
		return fmt.Errorf("encode yaml: %w", err)
	}
	y.out.Reset()
	for line := range bytes.Lines(y.buf.Bytes()) {
		if len(line) > 1 { // no trailing spaces on empty lines of block scalars
			y.out.WriteString("  ")
		}
		y.out.Write(line)
	}
	return write(y.w, y.out.Bytes())
}

func (y *yamlEncoder) end(int) error { return nil }

// jsonEncoder writes what encoding/json writes for a model.Timeline
// indented by two spaces.
type jsonEncoder struct {
	w   io.Writer
	buf bytes.Buffer
}

func (j *jsonEncoder) begin(n int) error {
	if n == 0 {
		return write(j.w, []byte("{\n  \"events\": []\n}\n"))
	}
	return write(j.w, []byte("{\n  \"events\": [\n"))
}

func (j *jsonEncoder) event(i int, e *model.Event) error {
	j.buf.Reset()
	if i > 0 {
		j.buf.WriteString(",\n")
	}
	j.buf.WriteString("    ")
	enc := json.NewEncoder(&j.buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("    ", "  ")
	if err := enc.Encode(e); err != nil {
		return fmt.Errorf("encode json: %w", err)
	}
	j.buf.Truncate(j.buf.Len() - 1) // the encoder's newline: a comma may follow
	return write(j.w, j.buf.Bytes())
}

func (j *jsonEncoder) end(n int) error {
	if n == 0 {
		return nil
	}
	return write(j.w, []byte("\n  ]\n}\n"))
}

// jsonlEncoder writes one compact JSON event a line.
type jsonlEncoder struct{ w io.Writer }

func (j *jsonlEncoder) begin(int) error { return nil }
func (j *jsonlEncoder) event(_ int, e *model.Event) error {
	return encodeJSON(j.w, e, "")
}
func (j *jsonlEncoder) end(int) error { return nil }

func write(w io.Writer, b []byte) error {
	if _, err := w.Write(b); err != nil {
		return fmt.Errorf("write: %w", err)
	}
	return nil
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

// normalise makes e's nil lists empty, so that JSON and YAML both print [].
func normalise(e *model.Event) {
	e.Actors = nonNil(e.Actors)
	e.Places = nonNil(e.Places)
	if e.Mentions == nil {
		e.Mentions = []model.Mention{}
	}
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
