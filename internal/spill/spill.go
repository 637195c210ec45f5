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

	"github.com/timeline-news/timeline/model"
)

// Store holds encoded mentions, each under the offset Put returns. It is
// not safe for concurrent use.
type Store struct {
	dir   string
	limit int
	mem   [][]byte // records, while they fit under limit, in chunks of memChunk bytes
	f     *os.File
	w     *bufio.Writer
	size  int64 // bytes written so far (mem or file)
	rbuf  []byte
	err   error // first write error; every later call returns it
	// unlinked: the file was removed as soon as it was created.
	unlinked bool
}

// DefaultLimit is how many bytes of mentions stay in memory before the
// store moves them to a file.
const DefaultLimit = 32 << 20

// New returns a store that keeps up to limit bytes in memory and then
// spills to a temporary file in dir ("" is the system's temporary
// directory, $TMPDIR). A limit below 0 never spills.
func New(dir string, limit int) *Store {
	return &Store{dir: dir, limit: limit}
}

// Put stores m and returns its reference.
func (s *Store) Put(m *model.Mention) (int64, error) {
	if s.err != nil {
		return 0, s.err
	}
	b, err := json.Marshal(m)
	if err != nil {
		return 0, fmt.Errorf("spill: encode mention: %w", err)
	}
	var hdr [binary.MaxVarintLen64]byte
	h := binary.PutUvarint(hdr[:], uint64(len(b)))
	ref := s.size
	if s.f == nil && s.limit >= 0 && s.size+int64(h+len(b)) > int64(s.limit) {
		if s.err = s.toFile(); s.err != nil {
			return 0, s.err
		}
	}
	if s.f == nil {
		s.memWrite(hdr[:h])
		s.memWrite(b)
	} else {
		if _, err := s.w.Write(hdr[:h]); err != nil {
			s.err = fmt.Errorf("spill: write %s: %w", s.f.Name(), err)
			return 0, s.err
		}
		if _, err := s.w.Write(b); err != nil {
			s.err = fmt.Errorf("spill: write %s: %w", s.f.Name(), err)
			return 0, s.err
		}
	}
	s.size += int64(h + len(b))
	return ref, nil
}

// toFile moves what is in memory to a new temporary file, where every
// later record goes.
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
	for _, c := range s.mem {
		if _, err := s.w.Write(c); err != nil {
			return fmt.Errorf("spill: write %s: %w", f.Name(), err)
		}
	}
	s.mem = nil
	return nil
}

// memChunk is the size of the memory store's chunks: growing one slice
// would hold up to twice the records while it is copied.
const memChunk = 1 << 20

func (s *Store) memWrite(b []byte) {
	for len(b) > 0 {
		if len(s.mem) == 0 || len(s.mem[len(s.mem)-1]) == memChunk {
			s.mem = append(s.mem, make([]byte, 0, memChunk))
		}
		c := &s.mem[len(s.mem)-1]
		n := min(len(b), memChunk-len(*c))
		*c = append(*c, b[:n]...)
		b = b[n:]
	}
}

func (s *Store) fileRead(p []byte, off int64) error {
	if _, err := s.f.ReadAt(p, off); err != nil {
		return fmt.Errorf("spill: read %s: %w", s.f.Name(), err)
	}
	return nil
}

// memRead copies the stored bytes at [off, off+len(p)) into p.
func (s *Store) memRead(p []byte, off int64) error {
	for len(p) > 0 {
		c := s.mem[off/memChunk][off%memChunk:]
		n := copy(p, c)
		p, off = p[n:], off+int64(n)
	}
	return nil
}

// Err is the first error the store met, if any.
func (s *Store) Err() error { return s.err }

// Spilled reports whether the store has moved to a file.
func (s *Store) Spilled() bool { return s.f != nil }

// Size is the number of bytes stored.
func (s *Store) Size() int64 { return s.size }

// Mention reads back the mention stored under ref.
func (s *Store) Mention(ref int64) (model.Mention, error) {
	var m model.Mention
	if s.err != nil {
		return m, s.err
	}
	if ref < 0 || ref >= s.size {
		return m, fmt.Errorf("spill: no mention at %d", ref)
	}
	read := s.memRead
	if s.f != nil {
		if err := s.w.Flush(); err != nil {
			s.err = fmt.Errorf("spill: write %s: %w", s.f.Name(), err)
			return m, s.err
		}
		read = s.fileRead
	}
	var hdr [binary.MaxVarintLen64]byte
	k := int(min(int64(len(hdr)), s.size-ref))
	if err := read(hdr[:k], ref); err != nil {
		return m, err
	}
	n, h := binary.Uvarint(hdr[:k])
	if h <= 0 || int64(h)+int64(n) > s.size-ref {
		return m, fmt.Errorf("spill: bad record at %d", ref)
	}
	if cap(s.rbuf) < int(n) {
		s.rbuf = make([]byte, n)
	}
	rec := s.rbuf[:n]
	if err := read(rec, ref+int64(h)); err != nil {
		return m, err
	}
	if err := json.Unmarshal(rec, &m); err != nil {
		return m, fmt.Errorf("spill: decode mention at %d: %w", ref, err)
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
