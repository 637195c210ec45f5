package pipeline

import (
	"strings"

	"github.com/timeline-news/timeline/model"
)

// interner shares the strings of the mentions a batch keeps until the merge:
// the same sentence, trigger, date or list of names, reported by several
// articles (wire copies, updates, a corpus read twice), is kept once. The
// mentions are the whole of what a batch holds on to, so this bounds memory
// by what the articles say rather than by how often they say it.
type interner struct {
	strs  map[string]string
	lists map[string][]string
	key   strings.Builder
}

func newInterner() *interner {
	return &interner{strs: map[string]string{}, lists: map[string][]string{}}
}

func (in *interner) str(s string) string {
	if s == "" {
		return ""
	}
	if x, ok := in.strs[s]; ok {
		return x
	}
	s = strings.Clone(s) // don't pin what s points into
	in.strs[s] = s
	return s
}

// list returns a shared copy of l; callers must not modify it.
func (in *interner) list(l []string) []string {
	if len(l) == 0 {
		return l
	}
	in.key.Reset()
	for _, s := range l {
		in.key.WriteString(s)
		in.key.WriteByte(0)
	}
	if x, ok := in.lists[in.key.String()]; ok {
		return x
	}
	out := make([]string, len(l))
	for i, s := range l {
		out[i] = in.str(s)
	}
	in.lists[strings.Clone(in.key.String())] = out
	return out
}

// mention interns every string of m.
func (in *interner) mention(m *model.Mention) {
	for _, p := range []*string{&m.Article, &m.Published, &m.Sentence, &m.Trigger, &m.Type, &m.Modality,
		&m.Source, &m.Date, &m.Rule, &m.Time.Text, &m.Time.Type, &m.Time.Value, &m.Time.Rule, &m.Time.Via} {
		*p = in.str(*p)
	}
	m.Actors, m.Targets, m.Places = in.list(m.Actors), in.list(m.Targets), in.list(m.Places)
}

// mentionChunk is how many mentions store grows by at a time.
const mentionChunk = 4096

// store keeps a batch's mentions in fixed-size chunks: appending to one
// big slice would hold up to twice the mentions while it grows (and copy
// them each time), the largest allocation of a big batch.
type store struct {
	chunks [][]model.Mention
	n      int
}

func (s *store) add(m model.Mention) {
	if len(s.chunks) == 0 || len(s.chunks[len(s.chunks)-1]) == mentionChunk {
		s.chunks = append(s.chunks, make([]model.Mention, 0, mentionChunk))
	}
	last := &s.chunks[len(s.chunks)-1]
	*last = append(*last, m)
	s.n++
}

// flatten returns the mentions in one slice, letting each chunk go as soon
// as it is copied.
func (s *store) flatten() []model.Mention {
	out := make([]model.Mention, 0, s.n)
	for i, c := range s.chunks {
		out = append(out, c...)
		s.chunks[i] = nil
	}
	s.chunks, s.n = nil, 0
	return out
}
