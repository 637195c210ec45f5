// Package spill keeps a batch's mentions until their events are written:
// in memory while they are few, in a temporary file once they pass a limit,
// so that a big batch holds only what the merge needs (see merge.Table),
// never every evidence sentence at once.
package spill

import (
	"bufio"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"unsafe"

	"github.com/timeline-news/timeline/model"
)

// Store holds mentions, numbered in the order they are put. It is not
// safe for concurrent use.
type Store struct {
	dir   string
	limit int
	n     int
	// In memory: the mentions themselves (strings cloned, so that no
	// article text is pinned), and an estimate of their size.
	mem      [][]model.Mention
	memBytes int
	// In a file, once memBytes passed limit: JSON records, each after its
	// length as a uvarint, and where each starts.
	f        *os.File
	w        *bufio.Writer
	unlinked bool // the file was removed as soon as it was created
	offs     [][]int64
	size     int64
	rbuf     []byte
	err      error // first write error; every later call returns it
}

// DefaultLimit is how many bytes of mentions stay in memory before the
// store moves them to a file.
const DefaultLimit = 32 << 20

// chunk is how many mentions (or offsets) the store grows by: growing one
// slice would hold up to twice them while it is copied. A chunk of
// mentions is about 200 KB.
const chunk = 512

// New returns a store that keeps up to limit bytes in memory and then
// spills to a temporary file in dir ("" is the system's temporary
// directory, $TMPDIR). A limit below 0 never spills.
func New(dir string, limit int) *Store {
	return &Store{dir: dir, limit: limit}
}

// Len is the number of mentions put.
func (s *Store) Len() int { return s.n }

// Put stores m as mention number Len().
func (s *Store) Put(m *model.Mention) error {
	if s.err != nil {
		return s.err
	}
	if s.f == nil {
		if s.n%chunk == 0 {
			s.mem = append(s.mem, make([]model.Mention, 0, chunk))
			s.memBytes += chunk * int(unsafe.Sizeof(*m))
		}
		c := &s.mem[len(s.mem)-1]
		*c = append(*c, clone(m))
		s.memBytes += footprint(m)
		s.n++
		if s.limit >= 0 && s.memBytes > s.limit {
			s.err = s.toFile()
		}
		return s.err
	}
	if err := s.write(m); err != nil {
		s.err = err
		return err
	}
	s.n++
	return nil
}

// toFile moves the mentions in memory to a new temporary file, where every
// later one goes.
func (s *Store) toFile() error {
	f, err := os.CreateTemp(s.dir, "timeline-mentions-*")
	if err != nil {
		return fmt.Errorf("spill: %w", err)
	}
	// Unlinked at once where the system allows: nothing is left behind
	// even if the process is killed.
	s.unlinked = os.Remove(f.Name()) == nil
	s.f = f
	s.w = bufio.NewWriterSize(f, 256<<10)
	for i, c := range s.mem {
		for k := range c {
			if err := s.write(&c[k]); err != nil {
				return err
			}
		}
		s.mem[i] = nil
	}
	s.mem, s.memBytes = nil, 0
	return nil
}

// write appends m to the file and records where it starts.
func (s *Store) write(m *model.Mention) error {
	b, err := json.Marshal(m)
	if err != nil {
		return fmt.Errorf("spill: encode mention: %w", err)
	}
	var hdr [binary.MaxVarintLen64]byte
	h := binary.PutUvarint(hdr[:], uint64(len(b)))
	if _, err := s.w.Write(hdr[:h]); err != nil {
		return fmt.Errorf("spill: write %s: %w", s.f.Name(), err)
	}
	if _, err := s.w.Write(b); err != nil {
		return fmt.Errorf("spill: write %s: %w", s.f.Name(), err)
	}
	if len(s.offs) == 0 || len(s.offs[len(s.offs)-1]) == chunk {
		s.offs = append(s.offs, make([]int64, 0, chunk))
	}
	last := &s.offs[len(s.offs)-1]
	*last = append(*last, s.size)
	s.size += int64(h + len(b))
	return nil
}

// Err is the first error the store met, if any.
func (s *Store) Err() error { return s.err }

// Spilled reports whether the store has moved to a file.
func (s *Store) Spilled() bool { return s.f != nil }

// MemBytes estimates the memory the mentions kept in memory take, their
// chunks included.
func (s *Store) MemBytes() int { return s.memBytes }

// Mention returns mention number i.
func (s *Store) Mention(i int) (model.Mention, error) {
	var m model.Mention
	if s.err != nil {
		return m, s.err
	}
	if i < 0 || i >= s.n {
		return m, fmt.Errorf("spill: no mention %d (of %d)", i, s.n)
	}
	if s.f == nil {
		return s.mem[i/chunk][i%chunk], nil
	}
	if err := s.w.Flush(); err != nil {
		s.err = fmt.Errorf("spill: write %s: %w", s.f.Name(), err)
		return m, s.err
	}
	off := s.offs[i/chunk][i%chunk]
	end := s.size
	if i+1 < s.n {
		end = s.offs[(i+1)/chunk][(i+1)%chunk]
	}
	if cap(s.rbuf) < int(end-off) {
		s.rbuf = make([]byte, end-off)
	}
	rec := s.rbuf[:end-off]
	if _, err := s.f.ReadAt(rec, off); err != nil {
		return m, fmt.Errorf("spill: read %s: %w", s.f.Name(), err)
	}
	n, h := binary.Uvarint(rec)
	if h <= 0 || int64(h)+int64(n) != end-off {
		return m, fmt.Errorf("spill: bad record %d in %s", i, s.f.Name())
	}
	if err := json.Unmarshal(rec[h:], &m); err != nil {
		return m, fmt.Errorf("spill: decode mention %d: %w", i, err)
	}
	return m, nil
}

// Close releases the store and removes its file.
func (s *Store) Close() error {
	s.mem = nil
	if s.f == nil {
		return nil
	}
	name := s.f.Name()
	err := s.f.Close()
	if !s.unlinked {
		if rerr := os.Remove(name); rerr != nil && err == nil {
			err = rerr
		}
	}
	s.f = nil
	return err
}

// clone copies m with every string and list of its own, so that keeping it
// does not keep the article it was cut from. The strings are cut from one
// new string and the four name lists share one array: two allocations,
// not twenty (the roles, a map, take their own).
func clone(m *model.Mention) model.Mention {
	c := *m
	fields := stringFields(&c)
	n := 0
	for _, p := range fields {
		n += len(*p)
	}
	lists := []*[]string{&c.Actors, &c.Targets, &c.Places, &c.Groups}
	names := 0
	for _, l := range lists {
		names += len(*l)
		for _, x := range *l {
			n += len(x)
		}
	}
	var b strings.Builder
	b.Grow(n)
	for _, p := range fields {
		b.WriteString(*p)
	}
	for _, l := range lists {
		for _, x := range *l {
			b.WriteString(x)
		}
	}
	all, at := b.String(), 0
	cut := func(x string) string {
		at += len(x)
		return all[at-len(x) : at]
	}
	for _, p := range fields {
		*p = cut(*p)
	}
	arr := make([]string, names)
	for _, l := range lists {
		if *l == nil {
			continue
		}
		own := arr[:len(*l):len(*l)]
		if len(own) == 0 {
			own = []string{}
		}
		for i, x := range *l {
			own[i] = cut(x)
		}
		arr = arr[len(*l):]
		*l = own
	}
	if m.Roles != nil {
		c.Roles = make(map[string]string, len(m.Roles))
		for k, v := range m.Roles {
			c.Roles[strings.Clone(k)] = strings.Clone(v)
		}
	}
	return c
}

// footprint estimates the memory a cloned mention takes beyond its place
// in a chunk: its strings, its names, its roles.
func footprint(m *model.Mention) int {
	n := 0
	for _, p := range stringFields(m) {
		n += len(*p)
	}
	names := len(m.Actors) + len(m.Targets) + len(m.Places) + len(m.Groups)
	for _, l := range [][]string{m.Actors, m.Targets, m.Places, m.Groups} {
		for _, s := range l {
			n += len(s)
		}
	}
	n = (n+15)&^15 + 16*names
	if m.Roles != nil {
		n += 256 // a small map
		for k, v := range m.Roles {
			n += 32 + len(k) + len(v)
		}
	}
	return n
}

// stringFields lists the string fields of m, as pointers into m.
func stringFields(m *model.Mention) []*string {
	return []*string{&m.Article, &m.Published, &m.Sentence, &m.Trigger, &m.Type, &m.Modality,
		&m.Source, &m.Date, &m.Rule, &m.Time.Text, &m.Time.Type, &m.Time.Value, &m.Time.Rule, &m.Time.Via}
}
