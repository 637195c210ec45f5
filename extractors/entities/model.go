package entities

import (
	"strings"
	"unicode"

	"github.com/jdkato/prose/v2"

	"github.com/timeline-news/timeline/model"
)

// modelKinds maps prose's NER labels to entity kinds; other labels are
// dropped.
var modelKinds = map[string]string{"PERSON": model.Person, "GPE": model.Place, "ORG": model.Org}

// hasUnknownName reports a capitalised word not at the sentence start that
// no entity covers and that is not a title or stop word: only such
// sentences are worth the (slow) model.
func (t *Tagger) hasUnknownName(ws []word, ents []model.Entity, base int) bool {
	first := true
	for _, w := range ws {
		if !w.capital {
			if w.key != "\"" && w.key != "“" && w.key != "'" && w.key != "‘" {
				first = false
			}
			continue
		}
		isFirst := first
		first = false
		if isFirst || t.stop[w.key] || t.titles[w.key] || covered(ents, base+w.start) {
			continue
		}
		return true
	}
	return false
}

func covered(ents []model.Entity, off int) bool {
	for _, e := range ents {
		if off >= e.Start && off < e.End {
			return true
		}
	}
	return false
}

// proseModel loads prose's tagger and NER model once.
func (t *Tagger) proseModel() *prose.Model {
	t.modelOnce.Do(func() {
		if d, err := prose.NewDocument("Kyiv", prose.WithSegmentation(false)); err == nil {
			t.model = d.Model
		}
	})
	return t.model
}

// modelEntities runs prose's NER on one sentence and appends the entities
// that survive the filters: no overlap with what the gazetteer found, no
// stop word or title at either end, a known label, gazetteer labels for
// known names.
func (t *Tagger) modelEntities(out []model.Entity, first int, text string, base, si int, st *state) []model.Entity {
	m := t.proseModel()
	if m == nil {
		return out
	}
	d, err := prose.NewDocument(text, prose.WithSegmentation(false), prose.UsingModel(m))
	if err != nil {
		return out
	}
	from := 0
	for _, pe := range d.Entities() {
		kind, ok := modelKinds[pe.Label]
		if !ok {
			continue
		}
		i := strings.Index(text[from:], pe.Text)
		if i < 0 {
			continue
		}
		s, e := from+i, from+i+len(pe.Text)
		from = e
		s, e = t.trimEnds(text, s, e)
		if s >= e || overlaps(out[first:], base+s, base+e) || (s == firstWord(text) && !strings.ContainsRune(text[s:e], ' ')) {
			continue // a lone capitalised first word is no evidence of a name
		}
		ent := model.Entity{Span: model.Span{Start: base + s, End: base + e}, Text: text[s:e], Canonical: text[s:e],
			Kind: kind, Sentence: si, Source: SourceModel}
		if h := t.forms[ent.Text]; h != nil { // a known name: the gazetteer's label wins
			ent = t.entity(text, base, si, s, e, h)
		}
		if ent.Kind == model.Person {
			t.remember(ent.Canonical, st)
		}
		out = append(out, ent)
	}
	return out
}

// trimEnds drops titles, stop words and punctuation at either end of the
// span [s, e) of text.
func (t *Tagger) trimEnds(text string, s, e int) (int, int) {
	ws := words(text[s:e], nil)
	a, b := 0, len(ws)
	for a < b && (t.stop[ws[a].key] || t.titles[ws[a].key] || !ws[a].capital) {
		a++
	}
	for b > a && (t.stop[ws[b-1].key] || t.titles[ws[b-1].key] || !ws[b-1].capital) {
		b--
	}
	if a >= b {
		return s, s
	}
	return s + ws[a].start, s + ws[b-1].end
}

// firstWord is the offset of the first letter of text.
func firstWord(text string) int {
	return strings.IndexFunc(text, unicode.IsLetter)
}

func overlaps(ents []model.Entity, s, e int) bool {
	for _, x := range ents {
		if x.Start < e && s < x.End {
			return true
		}
	}
	return false
}
