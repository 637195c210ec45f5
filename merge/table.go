package merge

import (
	"strings"
	"unsafe"

	"github.com/timeline-news/timeline/model"
)

// Table holds what the merge needs of each mention, and nothing else: the
// strings it compares (date, type, trigger, names ...) interned to ids, and
// a reference to the full mention, which is kept elsewhere (in a slice, or
// on disk in a big batch) and only read back when its event is written.
// A row is 64 bytes whatever the sentence, so a batch's merge state is sized
// by its mentions and events, not by its text.
type Table struct {
	strs   []string
	ids    map[string]uint32
	lists  [][]string // interned name lists, shared by every row that has one
	listID map[string]uint32
	key    strings.Builder
	chunks [][]row
	n      int
	bytes  int // estimate of the interned strings and lists, with their maps
}

// row is one mention: ids into Table.strs (and Table.lists for the names).
type row struct {
	date, typ, rule, trigger, source, modality, article, published uint32
	actors, places, targets                                        uint32
	start, triggerStart                                            int32
	ref                                                            int64
}

// rowChunk is how many rows the table grows by: appending to one big slice
// would hold twice the rows (and copy them) each time it grows.
const rowChunk = 8192

// NewTable returns an empty table.
func NewTable() *Table {
	t := &Table{ids: map[string]uint32{}, listID: map[string]uint32{}}
	t.strs = append(t.strs, "")
	t.ids[""] = 0
	t.lists = append(t.lists, nil)
	t.listID[""] = 0
	return t
}

// Len is the number of mentions added.
func (t *Table) Len() int { return t.n }

// Add records m, whose full text the caller keeps under ref.
func (t *Table) Add(m *model.Mention, ref int64) {
	if t.n%rowChunk == 0 {
		t.chunks = append(t.chunks, make([]row, 0, rowChunk))
	}
	c := &t.chunks[len(t.chunks)-1]
	*c = append(*c, row{
		date: t.str(m.Date), typ: t.str(m.Type), rule: t.str(m.Rule), trigger: t.str(m.Trigger),
		source: t.str(m.Source), modality: t.str(m.Modality), article: t.str(m.Article), published: t.str(m.Published),
		actors: t.list(m.Actors), places: t.list(m.Places), targets: t.list(m.Targets),
		start: int32(m.Start), triggerStart: int32(m.TriggerStart), ref: ref,
	})
	t.n++
}

func (t *Table) row(i int) *row { return &t.chunks[i/rowChunk][i%rowChunk] }

// Bytes estimates the table's memory: its rows and interned strings.
func (t *Table) Bytes() int {
	return len(t.chunks)*rowChunk*int(unsafe.Sizeof(row{})) + t.bytes
}

// Ref is the caller's reference of mention i.
func (t *Table) Ref(i int) int64 { return t.row(i).ref }

func (t *Table) str(s string) uint32 {
	if id, ok := t.ids[s]; ok {
		return id
	}
	s = strings.Clone(s) // don't pin the article the string points into
	id := uint32(len(t.strs))
	t.strs = append(t.strs, s)
	t.ids[s] = id
	t.bytes += len(s) + 16 + 48 // slice entry, map entry
	return id
}

func (t *Table) list(l []string) uint32 {
	if len(l) == 0 {
		return 0
	}
	t.key.Reset()
	for _, s := range l {
		t.key.WriteString(s)
		t.key.WriteByte(0)
	}
	if id, ok := t.listID[t.key.String()]; ok {
		return id
	}
	out := make([]string, len(l))
	for i, s := range l {
		out[i] = t.strs[t.str(s)]
	}
	id := uint32(len(t.lists))
	t.lists = append(t.lists, out)
	t.listID[strings.Clone(t.key.String())] = id
	t.bytes += 2*t.key.Len() + 16*len(l) + 24 + 48
	return id
}

// view fills m with what the table knows of mention i: every field the
// merge reads, but no sentence or time. The name lists are shared and must
// not be modified.
func (t *Table) view(i int, m *model.Mention) {
	r := t.row(i)
	s := t.strs
	*m = model.Mention{
		Article: s[r.article], Published: s[r.published], Date: s[r.date], Type: s[r.typ], Rule: s[r.rule],
		Trigger: s[r.trigger], Source: s[r.source], Modality: s[r.modality],
		Actors: t.lists[r.actors], Places: t.lists[r.places], Targets: t.lists[r.targets],
		Start: int(r.start), TriggerStart: int(r.triggerStart),
	}
}

// less is mentionLess on rows, without building the mentions.
func (t *Table) less(i, j int) bool {
	a, b := t.row(i), t.row(j)
	s := t.strs
	if a.date != b.date {
		return s[a.date] < s[b.date]
	}
	if a.article != b.article {
		return s[a.article] < s[b.article]
	}
	if a.triggerStart != b.triggerStart {
		return a.triggerStart < b.triggerStart
	}
	return s[a.typ] < s[b.typ]
}
