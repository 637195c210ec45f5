// Package postag tags parts of speech with prose's perceptron model, one
// sentence at a time and only when asked: callers tag only the sentences
// that need it (the events stage: sentences that hold a candidate trigger).
//
// The tags are exactly prose's (same tokenizer, weights, features and
// decoding, see perceptron.go), but computed without prose's per-token
// maps and strings, which made its tagger run at ~400 KB/s.
package postag

import (
	"strings"
	"sync"

	"github.com/timeline-news/timeline/extractors/prosetok"
	"github.com/timeline-news/timeline/model"
)

// Tagger holds the model, loaded once on first use. It is safe for
// concurrent use: tagging only reads the model.
type Tagger struct {
	once  sync.Once
	model *perceptron
	pool  sync.Pool // *scratch
}

// New returns a tagger; the model loads on the first Tag.
func New() *Tagger {
	return &Tagger{pool: sync.Pool{New: func() any { return new(scratch) }}}
}

func (t *Tagger) load() *perceptron {
	t.once.Do(func() {
		if p, err := loadPerceptron(); err == nil {
			t.model = p
		}
	})
	return t.model
}

// Tag sets the Tag of every token of s (whose offsets index text). Tokens
// prose splits differently keep an empty tag. A sentence already tagged is
// left alone.
func (t *Tagger) Tag(text string, s *model.Sentence) {
	if len(s.Tokens) == 0 || s.Tokens[0].Tag != "" || s.Start < 0 || s.End > len(text) || s.Start > s.End {
		return
	}
	m := t.load()
	if m == nil {
		return
	}
	sc := t.pool.Get().(*scratch)
	defer t.pool.Put(sc)
	proseTokens(text[s.Start:s.End], sc)
	m.tag(sc.toks, sc)
	shareTags(sc)
	align(text, s.Tokens, sc)
}

// proseTokens tokenizes the sentence as prose does, into sc.toks and
// sc.chunks.
func proseTokens(sent string, sc *scratch) {
	sc.toks, sc.chunks = sc.toks[:0], sc.chunks[:0]
	prosetok.EachChunk(prosetok.Sanitize(sent), func(c string, final bool) {
		from := len(sc.toks)
		sc.texts = prosetok.SplitChunk(c, sc.texts[:0])
		for _, x := range sc.texts {
			sc.toks = append(sc.toks, token{text: x})
		}
		sc.chunks = append(sc.chunks, chunk{text: c, cached: !final, from: from, to: len(sc.toks)})
	})
}

// chunk is a run of non-space text as prose's tokenizer splits it. prose
// memoises the tokens of each chunk by its text, so repeated chunks share
// token objects and every copy ends up with the tags of the last one; the
// final chunk of the text is not memoised. shareTags reproduces that.
type chunk struct {
	text     string
	cached   bool
	from, to int // its tokens
}

// token is one of prose's tokens.
type token struct{ text, tag string }

// shareTags gives every memoised chunk the tags of the last memoised chunk
// with the same text, as prose's shared tokens end up.
func shareTags(sc *scratch) {
	for ci, c := range sc.chunks {
		if !c.cached {
			continue
		}
		for cj := len(sc.chunks) - 1; cj > ci; cj-- {
			d := sc.chunks[cj]
			if !d.cached || d.text != c.text {
				continue
			}
			for k := 0; k < c.to-c.from && k < d.to-d.from; k++ {
				sc.toks[c.from+k].tag = sc.toks[d.from+k].tag
			}
			break
		}
	}
}

// align copies tags from prose's tokens onto ours, walking both in order and
// resynchronising on equal texts when the tokenizations differ.
func align(text string, ours []model.Token, sc *scratch) {
	theirs := sc.toks
	j := 0
	for i := range ours {
		w := text[ours[i].Start:ours[i].End]
		folded := false
		for k := j; k < len(theirs) && k < j+4; k++ {
			same := theirs[k].text == w // equal texts fold equal: no folding
			if !same {
				if !folded {
					sc.fa, folded = fold(sc.fa[:0], w), true
				}
				sc.fb = fold(sc.fb[:0], theirs[k].text)
				same = string(sc.fa) == string(sc.fb)
			}
			if same {
				ours[i].Tag = theirs[k].tag
				j = k + 1
				break
			}
		}
	}
}

// fold appends s with the quote characters prose rewrites in their ASCII
// forms: ‘ ’ as ', “ ” “ ” as ".
func fold(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		switch {
		case strings.HasPrefix(s[i:], "‘") || strings.HasPrefix(s[i:], "’"):
			dst, i = append(dst, '\''), i+len("‘")
		case strings.HasPrefix(s[i:], "“") || strings.HasPrefix(s[i:], "”"):
			dst, i = append(dst, '"'), i+len("“")
		case strings.HasPrefix(s[i:], "``") || strings.HasPrefix(s[i:], "''"):
			dst, i = append(dst, '"'), i+2
		default:
			dst, i = append(dst, s[i]), i+1
		}
	}
	return dst
}
