package merge

import (
	"fmt"
	"sort"
	"strings"

	"github.com/timeline-news/timeline/model"
)

// Mentions gives back the full mention number i, in the order the table's
// rows were added.
type Mentions interface {
	Mention(i int) (model.Mention, error)
}

// Chronology is a merged timeline whose events are built, with their
// mentions, one at a time when they are asked for: a big batch is written
// event by event without ever holding every mention's text at once.
type Chronology struct {
	m      *Merger
	t      *Table
	src    Mentions
	groups []group
	views  []model.Mention // Header's buffer
}

// group is one event: its mentions (rows of the table, in canonical order)
// and what orders it in the chronology.
type group struct {
	rows []int32
	date string
	orderKey
	conflicts       []string
	conflictingFrom string // the first mention's date when conflicts moved the event
}

// Len is the number of events.
func (c *Chronology) Len() int { return len(c.groups) }

// Header builds event i without its mentions: everything the event says
// comes from the merge table. The merge built it once already, to order
// the events, and kept only the order: building it again here costs less
// than holding every event's names and summary until it is written. A
// Chronology is not safe for concurrent use.
func (c *Chronology) Header(i int) (model.Event, error) {
	g := &c.groups[i]
	c.views = viewsOf(c.t, g.rows, c.views)
	e := c.m.event(c.views)
	e.Mentions = nil
	if g.conflicts != nil {
		e.ID = strings.Replace(e.ID, g.conflictingFrom, g.date, 1)
		e.Date = g.date
		e.Conflicts = g.conflicts
	}
	return e, nil
}

// Mentions reads the mentions of event i back from the source, one at a
// time, in order, and gives each to yield.
func (c *Chronology) Mentions(i int, yield func(*model.Mention) error) error {
	g := &c.groups[i]
	for _, r := range g.rows {
		m, err := c.src.Mention(int(r))
		if err != nil {
			return fmt.Errorf("event %s: %w", g.id, err)
		}
		if err := yield(&m); err != nil {
			return err
		}
	}
	return nil
}

// Event builds event i with its mentions.
func (c *Chronology) Event(i int) (model.Event, error) {
	e, err := c.Header(i)
	if err != nil {
		return e, err
	}
	e.Mentions = make([]model.Mention, 0, len(c.groups[i].rows))
	err = c.Mentions(i, func(m *model.Mention) error {
		e.Mentions = append(e.Mentions, *m)
		return nil
	})
	return e, err
}

// TableBytes estimates the memory of the merge table behind c.
func (c *Chronology) TableBytes() int { return c.t.Bytes() }

// Timeline builds every event.
func (c *Chronology) Timeline() (*model.Timeline, error) {
	tl := &model.Timeline{Events: make([]model.Event, 0, len(c.groups))}
	for i := range c.groups {
		e, err := c.Event(i)
		if err != nil {
			return nil, err
		}
		tl.Events = append(tl.Events, e)
	}
	return tl, nil
}

// sliceMentions serves the mentions of a slice, by index.
type sliceMentions []model.Mention

func (s sliceMentions) Mention(i int) (model.Mention, error) { return s[i], nil }

// Merge builds the timeline from all mentions. The result does not depend
// on the order of the mentions, which are left as they are.
func (m *Merger) Merge(mentions []model.Mention) *model.Timeline {
	t := NewTable()
	for i := range mentions {
		t.Add(&mentions[i])
	}
	tl, _ := m.Chronology(t, sliceMentions(mentions)).Timeline() // a slice never fails
	return tl
}

// Chronology merges the mentions of t into events and orders them. src
// gives back the full mentions when the events are built.
func (m *Merger) Chronology(t *Table, src Mentions) *Chronology {
	n := t.Len()
	order := make([]int32, n)
	for i := range order {
		order[i] = int32(i)
	}
	sort.SliceStable(order, func(i, j int) bool { return t.less(int(order[i]), int(order[j])) })
	c := &Chronology{m: m, t: t, src: src}
	var views []model.Mention
	for lo := 0; lo < n; {
		hi := lo
		date := t.row(int(order[lo])).date
		for hi < n && t.row(int(order[hi])).date == date {
			hi++
		}
		day := order[lo:hi]
		for _, rows := range m.layDay(t, day) {
			views = viewsOf(t, rows, views)
			e := m.event(views)
			c.groups = append(c.groups, group{rows: rows, date: e.Date, orderKey: keyOf(&e)})
		}
		lo = hi
	}
	c.groups = m.joinConflicts(t, c.groups)
	sort.SliceStable(c.groups, func(i, j int) bool { return c.groups[i].less(&c.groups[j].orderKey) })
	return c
}

// viewsOf fills buf (grown if need be) with the views of rows.
func viewsOf(t *Table, rows []int32, buf []model.Mention) []model.Mention {
	if cap(buf) < len(rows) {
		buf = make([]model.Mention, len(rows))
	}
	buf = buf[:len(rows)]
	for k, r := range rows {
		t.view(int(r), &buf[k])
	}
	return buf
}

// layDay joins the mentions of one date (rows day, in canonical order):
// two mentions are one event when their types may merge and they share an
// actor, a place or a trigger (see same and components). It returns the
// events in order of their first mention, each one's rows in canonical
// order (windows of one new slice).
func (m *Merger) layDay(t *Table, day []int32) [][]int32 {
	roots := m.components(len(day), func(k int, x *model.Mention) { t.view(int(day[k]), x) })
	size := map[int]int{}
	var first []int // roots by first mention
	for _, r := range roots {
		if size[r] == 0 {
			first = append(first, r)
		}
		size[r]++
	}
	laid := make([]int32, len(day))
	at := make(map[int]int, len(first))
	out := make([][]int32, 0, len(first))
	n := 0
	for _, r := range first {
		at[r] = n
		out = append(out, laid[n:n+size[r]:n+size[r]])
		n += size[r]
	}
	for k, r := range roots {
		laid[at[r]] = day[k]
		at[r]++
	}
	return out
}
