package events

import (
	"fmt"

	"github.com/timeline-news/timeline/model"
)

// Candidate is a trigger form found in a sentence with the decision the
// extractor's filters took on it, for `timeline explain` and `rules diff`.
type Candidate struct {
	Hit
	Kind     string // verb, noun, phrase or any
	Modality string // from the modality cues ("" when none)
	// Rejected says why the filters dropped it ("" when kept).
	Rejected string
}

// Candidates lists every trigger form the lexicon finds in sentence si of a
// tagged document, kept or rejected, in text order. It applies the same
// filters as Extract (inside a time expression, inside a name, part of
// speech) and reads the same modality cues; it does not date the triggers:
// the mentions in doc.Events say which got a date and how.
func (x *Extractor) Candidates(doc *model.Document, si int) []Candidate {
	if si < 0 || si >= len(doc.Sentences) {
		return nil
	}
	s := &doc.Sentences[si]
	if len(s.Tokens) == 0 {
		return nil
	}
	words := normTokens(s)
	var ds []dated
	for i := range doc.Timexes {
		tx := &doc.Timexes[i]
		if tx.Sentence != s.Index {
			continue
		}
		date, _ := DateOf(tx.Value)
		if date == "" || (tx.Type != model.TimexDate && tx.Type != model.TimexTime) {
			continue
		}
		from, to := tokenRange(s, tx.Span)
		ds = append(ds, dated{tx: tx, date: date, from: from, to: to})
	}
	var ents []model.Entity
	for _, e := range doc.Entities {
		if e.Sentence == s.Index {
			ents = append(ents, e)
		}
	}
	trigs := x.findTriggers(words)
	if len(trigs) == 0 {
		return nil
	}
	x.pos.Tag(doc.Article.Text, s)
	out := make([]Candidate, 0, len(trigs))
	var kept []trigger // what Extract goes on with
	var keptAt []int
	for _, t := range trigs {
		r := x.rules.Rules[t.rule]
		c := Candidate{
			Hit: Hit{Rule: r.ID, Type: r.Type, Class: r.Class, Start: s.Tokens[t.from].Start,
				Trigger: doc.Article.Text[s.Tokens[t.from].Start:s.Tokens[t.to-1].End]},
			Kind: t.kind,
		}
		switch tag := s.Tokens[t.from].Tag; {
		case x.insideTimex(t, ds):
			c.Rejected = "inside a time expression"
		case insideEntity(s, t, ents):
			c.Rejected = "inside a name"
		case !posOK(t.kind, tag):
			c.Rejected = fmt.Sprintf("part of speech %s does not fit a %s trigger", tag, t.kind)
		default:
			kept = append(kept, t)
			keptAt = append(keptAt, len(out))
		}
		out = append(out, c)
	}
	x.setModality(s, words, kept, ds) // on the kept triggers only, as Extract does
	for i, t := range kept {
		out[keptAt[i]].Modality = t.modality
	}
	return out
}
