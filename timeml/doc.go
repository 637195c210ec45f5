// Package timeml reads and writes TimeML documents (TempEval-3 style: a DCT
// element, a TEXT element with inline TIMEX3/EVENT/SIGNAL tags, links after
// it).
//
// Convention: Doc.Text is the character content of TEXT exactly as it is in
// the file, every tag removed and entity references (&amp; ...) kept
// verbatim, so that offsets of a parsed gold document and of a document we
// wrote compare byte for byte. CDATA sections contribute their content.
package timeml

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
)

// Doc is one TimeML document.
type Doc struct {
	Name     string    // file name; documents are matched by it
	DCT      time.Time // zero when absent or not a date
	DCTValue string    // the DCT TIMEX3 value as written ("" if none)
	Text     string    // character content of TEXT, entities verbatim
	Timexes  []Timex   // TIMEX3 tags inside TEXT, offsets into Text, in order

	parsed bool
	prefix string // input up to and including the <TEXT> start tag
	suffix string // input from the </TEXT> end tag on
	cdata  []span // ranges of Text that were CDATA sections
}

// Timex is a TIMEX3 element; Start and End are byte offsets into Doc.Text,
// half-open.
type Timex struct {
	Start, End int
	TID        string
	Type       string
	Value      string
	Mod        string
}

type span struct{ start, end int }

// Span returns the text of x.
func (d *Doc) Span(x Timex) string {
	if x.Start < 0 || x.End > len(d.Text) || x.Start > x.End {
		return ""
	}
	return d.Text[x.Start:x.End]
}

// New makes a document that was not parsed; Write synthesises the markup
// around its TEXT.
func New(name, text string, dct time.Time) *Doc {
	d := &Doc{Name: name, Text: text, DCT: dct}
	if !dct.IsZero() {
		d.DCTValue = dct.Format("2006-01-02")
	}
	return d
}

// dctLayouts are the forms DCT values take in TimeML corpora.
var dctLayouts = []string{"2006-01-02T15:04:05Z07:00", "2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02", "20060102"}

// ParseDCT reads a TIMEX3 date value as a time (UTC when no zone is given).
func ParseDCT(v string) (time.Time, error) {
	v = strings.TrimSpace(v)
	for _, l := range dctLayouts {
		if t, err := time.Parse(l, v); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("DCT value %q is not a date", v)
}

// Parse reads a TimeML document. Errors name the file and line.
func Parse(name string, data []byte) (*Doc, error) {
	s := &scanner{file: name, data: data}
	d := &Doc{Name: name, parsed: true}
	inDCT := 0
	for {
		t, err := s.next()
		if errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("%s: no <TEXT> element", name)
		}
		if err != nil {
			return nil, err
		}
		switch {
		case t.kind == tokStart && t.name == "DCT":
			inDCT++
		case t.kind == tokEnd && t.name == "DCT" && inDCT > 0:
			inDCT--
		case (t.kind == tokStart || t.kind == tokEmpty) && t.name == "TIMEX3" && d.DCTValue == "" &&
			(inDCT > 0 || t.get("functionInDocument") == "CREATION_TIME"):
			d.DCTValue = t.get("value")
		case t.kind == tokEmpty && t.name == "TEXT":
			d.prefix, d.suffix = string(data[:t.start])+"<TEXT>", "</TEXT>"+string(data[t.end:])
			d.setDCT()
			return d, nil
		case t.kind == tokStart && t.name == "TEXT":
			d.prefix = string(data[:t.end])
			if err := d.parseText(s); err != nil {
				return nil, err
			}
			d.setDCT()
			return d, nil
		}
	}
}

func (d *Doc) setDCT() {
	if d.DCTValue != "" {
		d.DCT, _ = ParseDCT(d.DCTValue) // a non-date DCT leaves DCT zero: only absolute dates resolve
	}
}

// open is an element open inside TEXT.
type open struct {
	name  string
	start int // byte offset of its start tag in the input
	timex int // index into Timexes, -1 for other elements
}

// parseText reads the content of TEXT up to its end tag.
func (d *Doc) parseText(s *scanner) error {
	var text strings.Builder
	var stack []open
	inTimex := -1 // index into stack of the open TIMEX3
	for {
		t, err := s.next()
		if errors.Is(err, io.EOF) {
			return s.errorf(len(s.data), "<TEXT> is not closed")
		}
		if err != nil {
			return err
		}
		switch t.kind {
		case tokText:
			raw := string(s.data[t.start:t.end])
			if i := checkChars(raw); i >= 0 {
				return s.errorf(t.start+i, "%v", errBareAmp)
			}
			text.WriteString(raw)
		case tokCDATA:
			c := s.data[t.start+9 : t.end-3]
			if len(c) > 0 {
				d.cdata = append(d.cdata, span{text.Len(), text.Len() + len(c)})
				text.Write(c)
			}
		case tokEmpty, tokStart:
			if t.name == "TEXT" {
				return s.errorf(t.start, "<TEXT> inside <TEXT>")
			}
			ti := -1
			if t.name == "TIMEX3" {
				if inTimex >= 0 {
					return s.errorf(t.start, "TIMEX3 nested in the TIMEX3 of line %d", s.line(stack[inTimex].start))
				}
				ti = len(d.Timexes)
				d.Timexes = append(d.Timexes, Timex{Start: text.Len(), End: text.Len(),
					TID: t.get("tid"), Type: t.get("type"), Value: t.get("value"), Mod: t.get("mod")})
			}
			if t.kind == tokStart {
				if ti >= 0 {
					inTimex = len(stack)
				}
				stack = append(stack, open{t.name, t.start, ti})
			}
		case tokEnd:
			if len(stack) == 0 {
				if t.name != "TEXT" {
					return s.errorf(t.start, "</%s> without a start tag", t.name)
				}
				d.Text = text.String()
				d.suffix = string(s.data[t.start:])
				return nil
			}
			top := stack[len(stack)-1]
			if t.name != top.name {
				return s.errorf(t.start, "</%s> closes <%s> of line %d", t.name, top.name, s.line(top.start))
			}
			if top.timex >= 0 {
				d.Timexes[top.timex].End = text.Len()
				inTimex = -1
			}
			stack = stack[:len(stack)-1]
		}
	}
}

func (s *scanner) line(off int) int {
	return bytes.Count(s.data[:off], []byte{'\n'}) + 1
}
