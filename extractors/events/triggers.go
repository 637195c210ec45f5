package events

// Finding triggers: the lexicon match, the rules' context windows and the
// part-of-speech and name filters.

import (
	"slices"
	"strings"

	"github.com/timeline-news/timeline/model"
)

// trigger is one rule match in a sentence: tokens [from, to).
type trigger struct {
	rule     int
	from, to int
	lemma    string
	kind     string // verb, noun or phrase
	modality string
	quoted   bool // inside quotation marks
	// typ overrides the rule's type when the discourse recasts it ("the
	// vote" after "the referendum"); "" keeps the rule's.
	typ string
	// time is the index into the sentence's dated timexes, -1 when none.
	time int
	via  string
	// scope is 1 + the offset clause the trigger stands in ("a day after
	// the US announced"), 0 in the main clause.
	scope int
	// also is 1 + the index of a second time coordinated with time ("met
	// on Monday and again on Thursday"), 0 when none; coord and coordEnd
	// are the coordinator's tokens, side (1 or 2) the side of it the
	// mention's time stands on.
	also, coord, coordEnd, side int
}

func (x *Extractor) class(t trigger) string { return x.rules.Rules[t.rule].Class }

// findTriggers matches the lexicon against the normalised tokens: at each
// position the longest form wins, and matches never overlap. Forms of one
// length from several rules ("blame": a verb of one rule, a noun of
// another) are all returned, in rule order, as alternatives of one span:
// filter keeps the first whose part of speech fits.
func (x *Extractor) findTriggers(words []string) []trigger {
	var out []trigger
	for i := 0; i < len(words); {
		n0 := len(out)
		best := 0
		for _, e := range x.lex[words[i]] {
			n := 1 + len(e.rest)
			if i+n > len(words) || n < best {
				continue
			}
			ok := true
			for k, w := range e.rest {
				if words[i+1+k] != w {
					ok = false
					break
				}
			}
			if !ok || !x.contextOK(e.rule, words, i, i+n) {
				continue
			}
			if n > best {
				out, best = out[:n0], n
			}
			out = append(out, trigger{rule: e.rule, from: i, to: i + n, lemma: e.lemma, kind: e.kind, time: -1})
		}
		if best == 0 {
			i++
			continue
		}
		i += best
	}
	return out
}

// contextOK applies a rule's requires and excludes windows.
func (x *Extractor) contextOK(rule int, words []string, from, to int) bool {
	ok, _ := x.context(rule, words, from, to)
	return ok
}

// context applies a rule's requires and excludes windows and returns the
// word that excluded the form ("" when none did).
func (x *Extractor) context(rule int, words []string, from, to int) (bool, string) {
	w := x.rules.Rules[rule].Window
	if ex := x.excludes[rule]; len(ex) > 0 {
		for i := max(0, from-w); i < min(len(words), to+w); i++ {
			if (i < from || i >= to) && ex[words[i]] {
				return false, words[i]
			}
		}
	}
	for i := max(0, from-w); i < from; i++ {
		if x.exclBefore[rule][words[i]] {
			return false, words[i]
		}
	}
	if req := x.requires[rule]; len(req) > 0 {
		for i := max(0, from-w); i < min(len(words), to+w); i++ {
			if req[words[i]] {
				return true, ""
			}
		}
		return false, ""
	}
	return true, ""
}

// contextMisses lists the forms that a rule's requires or excludes window
// turned down at positions where no trigger was found, with the reason,
// for explain: "freed" with no word for people near it.
func (x *Extractor) contextMisses(words []string, found []trigger) []contextMiss {
	var out []contextMiss
	covered := func(i int) bool {
		for _, t := range found {
			if i >= t.from && i < t.to {
				return true
			}
		}
		return false
	}
	for i := range words {
		if covered(i) {
			continue
		}
		for _, e := range x.lex[words[i]] {
			n := 1 + len(e.rest)
			if i+n > len(words) || !slices.Equal(words[i+1:i+n], e.rest) {
				continue
			}
			if ok, ex := x.context(e.rule, words, i, i+n); !ok {
				out = append(out, contextMiss{trigger: trigger{rule: e.rule, from: i, to: i + n, lemma: e.lemma, kind: e.kind, time: -1}, excluded: ex})
			}
		}
	}
	return out
}

type contextMiss struct {
	trigger
	excluded string // the word that vetoed it; "" when a required word was missing
}

// filter drops triggers that are not events here: inside a time expression
// ("the day of the meeting") or a name ("Ukraine's State Security Service"),
// or whose part of speech is wrong for the form ("free and fair elections"
// is no release). Phrases are taken as they are.
func (x *Extractor) filter(s *model.Sentence, trigs []trigger, ds []dated, ents []model.Entity) []trigger {
	out := trigs[:0]
	for _, t := range trigs {
		if n := len(out); n > 0 && out[n-1].from == t.from {
			continue // an alternative of a span already kept
		}
		if x.insideTimex(t, ds) || insideEntity(s, t, ents) || !posOK(t.kind, s.Tokens[t.from].Tag) && !x.namedEvent(s, t) {
			continue
		}
		if t.kind == "any" { // a form that is both ("meeting"): the tag decides
			t.kind = "noun"
			if strings.HasPrefix(s.Tokens[t.from].Tag, "VB") {
				t.kind = "verb"
			}
		}
		if t.kind == "noun" && t.to < len(s.Tokens) && (s.Tokens[t.to].Tag == "NN" || s.Tokens[t.to].Tag == "NNS") && strings.HasPrefix(s.Tokens[t.to-1].Tag, "NN") {
			continue // a noun before a noun modifies it: "refugee processing centers", "invasion fears"
		}
		if t.kind == "verb" && t.to-t.from == 1 && t.to < len(s.Tokens) && attributive(s.Tokens, t.from) {
			continue // a participle before a noun describes it: "Ousted President Yanukovych", "the seized buildings"
		}
		out = append(out, t)
	}
	return out
}

// namedEvent reports a noun of a named rule that ends a capitalised name
// ("the 2004 Orange Revolution", "the Revolution of Dignity"), not one
// that names a place or a body after it ("Revolution Square").
func (x *Extractor) namedEvent(s *model.Sentence, t trigger) bool {
	if t.kind != "noun" || !x.rules.Rules[t.rule].Named || t.from == 0 {
		return false // a capitalised first word is no sign of a name
	}
	if tag := s.Tokens[t.from].Tag; tag != "NNP" && tag != "NNPS" {
		return false
	}
	return t.to >= len(s.Tokens) || !strings.HasPrefix(s.Tokens[t.to].Tag, "NNP")
}

func (x *Extractor) insideTimex(t trigger, ds []dated) bool {
	for _, d := range ds {
		if t.from >= d.from && t.to <= d.to {
			return true
		}
	}
	return false
}

func insideEntity(s *model.Sentence, t trigger, ents []model.Entity) bool {
	sp := model.Span{Start: s.Tokens[t.from].Start, End: s.Tokens[t.to-1].End}
	for _, e := range ents {
		if e.Span.Overlaps(sp) {
			return true
		}
	}
	return false
}

// attributive reports a participle used as an adjective: tagged VBN or JJ,
// followed by a noun, and not after an auxiliary ("have blockaded state
// buildings" is a verb, "the seized buildings" is not).
func attributive(toks []model.Token, k int) bool {
	tag := toks[k].Tag
	if (tag != "VBN" && tag != "JJ") || k+1 >= len(toks) || !strings.HasPrefix(toks[k+1].Tag, "NN") {
		return false
	}
	j := k - 1
	for j >= 0 && strings.HasPrefix(toks[j].Tag, "RB") {
		j-- // "have already seized"
	}
	// after a noun it is the noun's verb, which the tagger read as a
	// participle: "Russian forces attacked Kharkiv"
	return j < 0 || !(strings.HasPrefix(toks[j].Tag, "VB") || toks[j].Tag == "MD" || toks[j].Tag == "NNS" || toks[j].Tag == "NNPS")
}

// posOK checks a trigger's first tag against its form: a verb must be
// tagged as a verb ("free and fair elections" is no release), a noun must
// not be tagged as a proper noun or a finite verb. prose often tags plural
// nouns as verbs ("talks" VBZ), so that is let through. An untagged token
// passes.
func posOK(kind, tag string) bool {
	switch {
	case tag == "":
		return true
	case kind == "verb":
		return strings.HasPrefix(tag, "VB")
	case kind == "noun":
		switch tag {
		case "NNP", "NNPS", "VB", "VBD", "VBN", "VBP", "MD":
			return false
		}
	}
	return true
}

// Hit is a trigger found in a sentence, before dating: what explain and the
// rule examples look at.
type Hit struct {
	Rule    string
	Type    string
	Class   string
	Trigger string
	Start   int // byte offset of the trigger in the article text
}

// Triggers lists the triggers of sentence si of a tagged document, after
// the same filters Extract applies.
func (x *Extractor) Triggers(doc *model.Document, si int) []Hit {
	s := &doc.Sentences[si]
	var ds []dated
	for i := range doc.Timexes {
		if tx := &doc.Timexes[i]; tx.Sentence == si {
			from, to := tokenRange(s, tx.Span)
			ds = append(ds, dated{tx: tx, from: from, to: to})
		}
	}
	var ents []model.Entity
	for _, e := range doc.Entities {
		if e.Sentence == si {
			ents = append(ents, e)
		}
	}
	trigs := x.findTriggers(normTokens(s))
	if len(trigs) > 0 {
		x.pos.Tag(doc.Article.Text, s)
		trigs = x.filter(s, trigs, ds, ents)
	}
	var out []Hit
	for _, t := range trigs {
		r := x.rules.Rules[t.rule]
		out = append(out, Hit{Rule: r.ID, Type: r.Type, Class: r.Class,
			Trigger: doc.Article.Text[s.Tokens[t.from].Start:s.Tokens[t.to-1].End], Start: s.Tokens[t.from].Start})
	}
	return out
}
