package timeml

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strconv"
)

// Write writes d with tx as its only inline tags: every other tag inside
// TEXT is dropped, the character content is written byte for byte as
// parsed, and everything outside TEXT (DCT included) is kept as it was. A
// document made with New gets a minimal TimeML header. Timexes without a TID
// get a fresh one. Invalid timexes (out of range, overlapping, cutting an
// entity reference) are an error; see Clean.
func Write(w io.Writer, d *Doc, tx []Timex) error {
	tx, bad := Clean(d, tx)
	if len(bad) > 0 {
		return fmt.Errorf("%s: %w", d.Name, bad[0])
	}
	if !d.parsed {
		if i := checkChars(d.Text); i >= 0 {
			return fmt.Errorf("%s: text byte %d: bare %q is not XML character data", d.Name, i, d.Text[i])
		}
	}
	assignTIDs(tx)
	bw := bufio.NewWriter(w)
	bw.WriteString(d.head())
	pos := 0
	for _, x := range tx {
		d.writeText(bw, pos, x.Start)
		bw.WriteString(`<TIMEX3 tid="` + escapeAttr(x.TID) + `" type="` + escapeAttr(x.Type) + `" value="` + escapeAttr(x.Value) + `"`)
		if x.Mod != "" {
			bw.WriteString(` mod="` + escapeAttr(x.Mod) + `"`)
		}
		bw.WriteString(">")
		d.writeText(bw, x.Start, x.End)
		bw.WriteString("</TIMEX3>")
		pos = x.End
	}
	d.writeText(bw, pos, len(d.Text))
	bw.WriteString(d.tail())
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write %s: %w", d.Name, err)
	}
	return nil
}

func (d *Doc) head() string {
	if d.parsed {
		return d.prefix
	}
	h := "<?xml version=\"1.0\" ?>\n<TimeML>\n<DOCID>" + escapeAttr(d.Name) + "</DOCID>\n"
	if v := d.DCTValue; v != "" {
		h += `<DCT><TIMEX3 tid="t0" type="DATE" value="` + escapeAttr(v) +
			`" temporalFunction="false" functionInDocument="CREATION_TIME">` + escapeAttr(v) + "</TIMEX3></DCT>\n"
	}
	return h + "<TEXT>"
}

func (d *Doc) tail() string {
	if d.parsed {
		return d.suffix
	}
	return "</TEXT>\n</TimeML>\n"
}

// writeText writes Text[a:b], re-wrapping the parts that were CDATA.
func (d *Doc) writeText(w *bufio.Writer, a, b int) {
	for _, c := range d.cdata {
		if c.end <= a || c.start >= b {
			continue
		}
		if c.start > a {
			w.WriteString(d.Text[a:c.start])
			a = c.start
		}
		e := min(c.end, b)
		w.WriteString("<![CDATA[" + d.Text[a:e] + "]]>")
		a = e
	}
	if a < b {
		w.WriteString(d.Text[a:b])
	}
}

// Clean returns the timexes of tx that Write can write, sorted by offset,
// and an error for each one it dropped: out of range, overlapping an earlier
// (longer ones are kept first), or with a boundary inside an entity
// reference.
func Clean(d *Doc, tx []Timex) ([]Timex, []error) {
	var bad []error
	refs := d.refs()
	inRef := func(off int) bool {
		i := sort.Search(len(refs), func(i int) bool { return refs[i].end > off })
		return i < len(refs) && refs[i].start < off
	}
	cand := make([]Timex, 0, len(tx))
	for _, x := range tx {
		switch {
		case x.Start < 0 || x.End > len(d.Text) || x.Start > x.End:
			bad = append(bad, fmt.Errorf("timex %s [%d,%d) outside the text (%d bytes)", x.TID, x.Start, x.End, len(d.Text)))
		case inRef(x.Start) || inRef(x.End):
			bad = append(bad, fmt.Errorf("timex %s %q cuts an entity reference", x.TID, d.Span(x)))
		default:
			cand = append(cand, x)
		}
	}
	// Longest first so that a containing expression wins over its parts.
	sort.SliceStable(cand, func(i, j int) bool {
		return cand[i].End-cand[i].Start > cand[j].End-cand[j].Start
	})
	kept := cand[:0:0]
	for _, x := range cand {
		clash := -1
		for i, k := range kept {
			if x.Start < k.End && k.Start < x.End || x.Start == x.End && x.Start > k.Start && x.Start < k.End {
				clash = i
				break
			}
		}
		if clash >= 0 {
			k := kept[clash]
			bad = append(bad, fmt.Errorf("timex %s %q overlaps timex %s %q", x.TID, d.Span(x), k.TID, d.Span(k)))
			continue
		}
		kept = append(kept, x)
	}
	sort.SliceStable(kept, func(i, j int) bool {
		if kept[i].Start != kept[j].Start {
			return kept[i].Start < kept[j].Start
		}
		return kept[i].End < kept[j].End // an empty timex before the one starting at its offset
	})
	return kept, bad
}

// refs lists the entity references of Text outside CDATA, in order.
func (d *Doc) refs() []span {
	var out []span
	ci := 0
	for i := 0; i < len(d.Text); i++ {
		for ci < len(d.cdata) && d.cdata[ci].end <= i {
			ci++
		}
		if ci < len(d.cdata) && d.cdata[ci].start <= i {
			i = d.cdata[ci].end - 1
			continue
		}
		if d.Text[i] == '&' {
			if e := refEnd(d.Text, i); e > 0 {
				out = append(out, span{i, e})
				i = e - 1
			}
		}
	}
	return out
}

// assignTIDs gives "tN" ids, unused elsewhere, to timexes without one. t0 is
// kept for the DCT.
func assignTIDs(tx []Timex) {
	used := map[string]bool{"t0": true}
	for _, x := range tx {
		used[x.TID] = true
	}
	n := 1
	for i := range tx {
		if tx[i].TID != "" {
			continue
		}
		for used["t"+strconv.Itoa(n)] {
			n++
		}
		tx[i].TID = "t" + strconv.Itoa(n)
		used[tx[i].TID] = true
	}
}
