package events

import (
	"fmt"
	"slices"
	"strings"

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
	misses := x.contextMisses(words, trigs)
	if len(trigs)+len(misses) == 0 {
		return nil
	}
	x.pos.Tag(doc.Article.Text, s)
	out := make([]Candidate, 0, len(trigs)+len(misses))
	var kept []trigger // what Extract goes on with
	var keptAt []int
	candidate := func(t trigger) Candidate {
		r := x.rules.Rules[t.rule]
		return Candidate{
			Hit: Hit{Rule: r.ID, Type: r.Type, Class: r.Class, Start: s.Tokens[t.from].Start,
				Trigger: doc.Article.Text[s.Tokens[t.from].Start:s.Tokens[t.to-1].End]},
			Kind: t.kind,
		}
	}
	for _, m := range misses {
		if !posOK(m.kind, s.Tokens[m.from].Tag) {
			continue // no trigger here anyway ("the building" is no verb)
		}
		c := candidate(m.trigger)
		r := x.rules.Rules[m.rule]
		if m.excluded != "" {
			c.Rejected = fmt.Sprintf("%q within %d words excludes it", m.excluded, r.Window)
		} else {
			c.Rejected = fmt.Sprintf("none of the words it requires (%s) within %d words", strings.Join(r.Requires, ", "), r.Window)
		}
		out = append(out, c)
	}
	for _, t := range trigs {
		c := candidate(t)
		switch tag := s.Tokens[t.from].Tag; {
		case len(kept) > 0 && kept[len(kept)-1].from == t.from:
			c.Rejected = "another rule's form of these words was kept"
		case x.insideTimex(t, ds):
			c.Rejected = "inside a time expression"
		case insideEntity(s, t, ents):
			c.Rejected = "inside a name"
		case !posOK(t.kind, tag) && !x.namedEvent(s, t):
			c.Rejected = fmt.Sprintf("part of speech %s does not fit a %s trigger", tag, t.kind)
		default:
			kept = append(kept, t)
			keptAt = append(keptAt, len(out))
		}
		out = append(out, c)
	}
	slices.SortStableFunc(out, func(a, b Candidate) int { return a.Start - b.Start })
	keptAt = keptAt[:0] // the kept ones, still in text order
	for i, c := range out {
		if c.Rejected == "" {
			keptAt = append(keptAt, i)
		}
	}
	x.setModality(s, words, kept, ds) // on the kept triggers only, as Extract does
	for i, t := range kept {
		out[keptAt[i]].Modality = t.modality
	}
	return out
}
