// Package postag tags parts of speech with prose's perceptron model, one
// sentence at a time and only when asked: the model is the slowest part of
// prose after its entity model, so callers tag only the sentences that need
// it (the events stage: sentences that hold a candidate trigger).
package postag

import (
	"strings"
	"sync"

	"github.com/jdkato/prose/v2"

	"github.com/timeline-news/timeline/model"
)

// Tagger holds prose's model, loaded once on first use. It is safe for
// concurrent use: tagging only reads the model.
type Tagger struct {
	once  sync.Once
	model *prose.Model
}

// New returns a tagger; the model loads on the first Tag.
func New() *Tagger { return &Tagger{} }

func (t *Tagger) load() *prose.Model {
	t.once.Do(func() {
		if d, err := prose.NewDocument("x", prose.WithSegmentation(false), prose.WithExtraction(false)); err == nil {
			t.model = d.Model
		}
	})
	return t.model
}

// Tag sets the Tag of every token of s (whose offsets index text). Tokens
// prose splits differently keep an empty tag. A sentence already tagged is
// left alone.
func (t *Tagger) Tag(text string, s *model.Sentence) {
	if len(s.Tokens) == 0 || s.Tokens[0].Tag != "" {
		return
	}
	m := t.load()
	if m == nil {
		return
	}
	doc, err := prose.NewDocument(text[s.Start:s.End], prose.UsingModel(m),
		prose.WithSegmentation(false), prose.WithExtraction(false))
	if err != nil {
		return
	}
	align(text, s.Tokens, doc.Tokens())
}

// align copies tags from prose's tokens onto ours, walking both in order and
// resynchronising on equal texts when the tokenizations differ.
func align(text string, ours []model.Token, theirs []prose.Token) {
	j := 0
	for i := range ours {
		w := fold(text[ours[i].Start:ours[i].End])
		for k := j; k < len(theirs) && k < j+4; k++ {
			if fold(theirs[k].Text) == w {
				ours[i].Tag = theirs[k].Tag
				j = k + 1
				break
			}
		}
	}
}

// fold maps the quote characters prose rewrites to their ASCII forms.
var fold = strings.NewReplacer("‘", "'", "’", "'", "“", `"`, "”", `"`, "``", `"`, "''", `"`).Replace
