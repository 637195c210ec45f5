package merge

import (
	"strings"
	"unsafe"

	"github.com/timeline-news/timeline/model"
)

// Table holds what the merge needs of each mention, and nothing else: the
// strings it compares (date, type, trigger, names ...) interned to ids.
// The full mentions are kept elsewhere (in a slice, or on disk in a big
// batch), numbered as they were added, and only read back when their event
// is written. A row is 28 bytes whatever the sentence, so a batch's merge state is sized
// by its mentions and events, not by its text.
type Table struct {
	strs   []string
	ids    map[string]uint32
	lists  [][]string // interned name lists, shared by every row that has one
	listID map[string]uint32
	// Fields that come together are interned together: (article,
	// published), (type, rule, modality), (actors, places, targets,
	// source, groups). Few distinct tuples, one id in the row.
	tuples  [][5]uint32
	tupleID map[[5]uint32]uint32
	key     strings.Builder
	chunks  [][]row
	n       int
	bytes   int // estimate of the interned strings, lists and tuples, with their maps
}

// row is one mention: ids into Table.strs and Table.tuples.
type row struct {
	date, trigger       uint32 // strs
	doc, kind, names    uint32 // tuples: (article, published), (type, rule, modality), (actors, places, targets, source, groups)
	start, triggerStart int32
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
	t.tupleID = map[[5]uint32]uint32{}
	return t
}

// Len is the number of mentions added.
func (t *Table) Len() int { return t.n }

// Add records m as mention number Len().
func (t *Table) Add(m *model.Mention) {
	if t.n%rowChunk == 0 {
		t.chunks = append(t.chunks, make([]row, 0, rowChunk))
	}
	c := &t.chunks[len(t.chunks)-1]
	*c = append(*c, row{
		date: t.str(m.Date), trigger: t.str(m.Trigger),
		doc:   t.tuple([5]uint32{t.str(m.Article), t.str(m.Published)}),
		kind:  t.tuple([5]uint32{t.str(m.Type), t.str(m.Rule), t.str(m.Modality)}),
		names: t.tuple([5]uint32{t.list(m.Actors), t.list(m.Places), t.list(m.Targets), t.str(m.Source), t.list(m.Groups)}),
		start: int32(m.Start), triggerStart: int32(m.TriggerStart),
	})
	t.n++
}

func (t *Table) row(i int) *row { return &t.chunks[i/rowChunk][i%rowChunk] }

// Bytes estimates the table's memory: its rows and interned strings.
func (t *Table) Bytes() int {
	return len(t.chunks)*rowChunk*int(unsafe.Sizeof(row{})) + t.bytes
}

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

func (t *Table) tuple(k [5]uint32) uint32 {
	if id, ok := t.tupleID[k]; ok {
		return id
	}
	id := uint32(len(t.tuples))
	t.tuples = append(t.tuples, k)
	t.tupleID[k] = id
	t.bytes += 20 + 64
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
	doc, kind, names := &t.tuples[r.doc], &t.tuples[r.kind], &t.tuples[r.names]
	*m = model.Mention{
		Article: s[doc[0]], Published: s[doc[1]], Date: s[r.date], Type: s[kind[0]], Rule: s[kind[1]],
		Trigger: s[r.trigger], Source: s[names[3]], Modality: s[kind[2]],
		Actors: t.lists[names[0]], Places: t.lists[names[1]], Targets: t.lists[names[2]], Groups: t.lists[names[4]],
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
	if aa, ba := t.tuples[a.doc][0], t.tuples[b.doc][0]; aa != ba {
		return s[aa] < s[ba]
	}
	if a.triggerStart != b.triggerStart {
		return a.triggerStart < b.triggerStart
	}
	return s[t.tuples[a.kind][0]] < s[t.tuples[b.kind][0]]
}
