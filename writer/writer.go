// Package writer encodes a timeline as YAML, JSON or JSON Lines and writes
// it to a file atomically.
package writer

import (
	"bytes"
	"encoding/json"
	"errors"
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
	var evs timelineEvents
	if tl != nil {
		evs = tl.Events
	}
	return Stream(w, format, evs)
}

// Events is a timeline the writer can take one event, and one mention, at
// a time (merge.Chronology is one).
type Events interface {
	Len() int
	// Header returns event i; its Mentions are ignored.
	Header(i int) (model.Event, error)
	// Mentions gives event i's mentions to yield, in order.
	Mentions(i int, yield func(*model.Mention) error) error
}

type timelineEvents []model.Event

func (t timelineEvents) Len() int                          { return len(t) }
func (t timelineEvents) Header(i int) (model.Event, error) { return t[i], nil }
func (t timelineEvents) Mentions(i int, yield func(*model.Mention) error) error {
	for k := range t[i].Mentions {
		if err := yield(&t[i].Mentions[k]); err != nil {
			return err
		}
	}
	return nil
}

// Stream writes the events of evs in order, one event and one mention at
// a time: the output is Encode's for the timeline of those events, but
// only one mention need be in memory, however many an event has.
func Stream(w io.Writer, format string, evs Events) error {
	if err := CheckFormat(format); err != nil {
		return err
	}
	enc := &encoder{w: w, format: format}
	n := evs.Len()
	if err := enc.begin(n); err != nil {
		return err
	}
	for i := range n {
		e, err := evs.Header(i)
		if err != nil {
			return err
		}
		normalise(&e)
		if err := enc.header(i, &e); err != nil {
			return err
		}
		k := 0
		err = evs.Mentions(i, func(m *model.Mention) error {
			k++
			return enc.mention(k-1, m)
		})
		if err != nil {
			return err
		}
		if err := enc.endEvent(k); err != nil {
			return err
		}
	}
	return enc.end(n)
}

// encoder writes what yaml.v3 (indent 2) or encoding/json (indent 2, or
// none for JSON Lines) write for a model.Timeline, piece by piece: each
// event is encoded with no mentions, which are its last field, and the
// empty list that ends it is replaced by the mentions, each encoded alone
// at the depth it has in the whole document.
type encoder struct {
	w      io.Writer
	format string
	buf    bytes.Buffer
	out    bytes.Buffer
}

func (e *encoder) begin(n int) error {
	switch {
	case e.format == "yaml" && n == 0:
		return write(e.w, []byte("events: []\n"))
	case e.format == "yaml":
		return write(e.w, []byte("events:\n"))
	case e.format == "json" && n == 0:
		return write(e.w, []byte("{\n  \"events\": []\n}\n"))
	case e.format == "json":
		return write(e.w, []byte("{\n  \"events\": [\n"))
	}
	return nil
}

func (e *encoder) end(n int) error {
	if e.format == "json" && n > 0 {
		return write(e.w, []byte("\n  ]\n}\n"))
	}
	return nil
}

// Where an event's encoding ends, with no mentions.
const (
	yamlNoMentions  = "mentions: []\n"
	jsonNoMentions  = "\"mentions\": []\n    }"
	jsonlNoMentions = "\"mentions\":[]}"
)

func (e *encoder) header(i int, ev *model.Event) error {
	ev.Mentions = []model.Mention{}
	e.out.Reset()
	switch e.format {
	case "yaml":
		if err := e.yaml([]*model.Event{ev}, "  "); err != nil {
			return err
		}
		if err := e.cut(yamlNoMentions, len("mentions:")); err != nil {
			return err
		}
	case "json":
		if i > 0 {
			e.out.WriteString(",\n")
		}
		if err := e.json(ev, "    "); err != nil {
			return err
		}
		if err := e.cut(jsonNoMentions, len(`"mentions": [`)); err != nil {
			return err
		}
	default:
		if err := e.json(ev, ""); err != nil {
			return err
		}
		if err := e.cut(jsonlNoMentions, len(`"mentions":[`)); err != nil {
			return err
		}
	}
	return write(e.w, e.out.Bytes())
}

func (e *encoder) mention(k int, m *model.Mention) error {
	e.out.Reset()
	switch e.format {
	case "yaml":
		if k == 0 {
			e.out.WriteByte('\n')
		}
		if err := e.yaml([]*model.Mention{m}, "      "); err != nil {
			return err
		}
	case "json":
		if k > 0 {
			e.out.WriteByte(',')
		}
		e.out.WriteByte('\n')
		if err := e.json(m, "        "); err != nil {
			return err
		}
	default:
		if k > 0 {
			e.out.WriteByte(',')
		}
		if err := e.json(m, ""); err != nil {
			return err
		}
	}
	return write(e.w, e.out.Bytes())
}

// endEvent closes an event after its k mentions.
func (e *encoder) endEvent(k int) error {
	switch {
	case e.format == "yaml" && k == 0:
		return write(e.w, []byte(" []\n"))
	case e.format == "yaml":
		return nil
	case e.format == "json" && k == 0:
		return write(e.w, []byte("]\n    }"))
	case e.format == "json":
		return write(e.w, []byte("\n      ]\n    }"))
	}
	return write(e.w, []byte("]}\n"))
}

// cut replaces the empty mention list that ends the event in e.out (the
// suffix noMentions) by its first keep bytes, where the mentions go.
func (e *encoder) cut(noMentions string, keep int) error {
	if !bytes.HasSuffix(e.out.Bytes(), []byte(noMentions)) {
		return errors.New("encode: an event does not end with its mentions")
	}
	e.out.Truncate(e.out.Len() - len(noMentions) + keep)
	return nil
}

// yaml appends v encoded with indent 2, every line but empty ones
// prefixed with indent, to e.out.
func (e *encoder) yaml(v any, indent string) error {
	e.buf.Reset()
	enc := yaml.NewEncoder(&e.buf)
	enc.SetIndent(2)
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("encode yaml: %w", err)
	}
	if err := enc.Close(); err != nil {
		return fmt.Errorf("encode yaml: %w", err)
	}
	for line := range bytes.Lines(e.buf.Bytes()) {
		if len(line) > 1 { // block scalars' empty lines carry no indentation
			e.out.WriteString(indent)
		}
		e.out.Write(line)
	}
	return nil
}

// json appends v to e.out as encoding/json writes it at that depth (no
// indentation when prefix is ""), without the trailing newline.
func (e *encoder) json(v any, prefix string) error {
	e.out.WriteString(prefix)
	enc := json.NewEncoder(&e.out)
	enc.SetEscapeHTML(false)
	if prefix != "" {
		enc.SetIndent(prefix, "  ")
	}
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("encode json: %w", err)
	}
	e.out.Truncate(e.out.Len() - 1)
	return nil
}

func write(w io.Writer, b []byte) error {
	if _, err := w.Write(b); err != nil {
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
