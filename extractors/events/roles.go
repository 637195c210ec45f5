package events

// Roles: actors, targets, places and the speaker of a speech act.

import (
	"strings"

	"github.com/timeline-news/timeline/model"
)

// roles splits the sentence's entities into actors (named before the
// trigger: who did it), targets (named after it: to whom) and places. A place
// name after a locative preposition is a place; so is a town or region (a
// place inside a country), while a country or a seat of government (Moscow
// for Russia) acts unless a preposition makes it a location.
func (x *Extractor) roles(s *model.Sentence, words []string, t trigger, ents []model.Entity, quoted []bool) (actors, targets, places []string) {
	speech := x.class(t) == "speech"
	for _, e := range ents {
		first, _ := tokenRange(s, e.Span)
		if first < len(quoted) && quoted[first] != t.quoted {
			continue // names inside a quotation take no part in the event outside it, and back
		}
		if e.Medium {
			continue // a news medium reports the event; it takes no part in it
		}
		if speech && first >= t.to+3 {
			continue // after a speech verb only its addressee is a target, not what was said
		}
		if !speech && e.Kind != model.Place && first < t.from && x.subordinateBetween(words, lastToken(s, e.Span)+1, t.from) {
			// "activists visited the White House, arguing that the Russian
			// attack ... killed": the White House is in another clause
			continue
		}
		if t.kind == "noun" && !e.Medium && e.Kind != model.Place || t.kind == "noun" && e.Source == "demonym" {
			// A noun's participants stand next to it: "Russia's invasion",
			// "the release of seven observers"; the subject of the
			// sentence's verb ("the U.S. does not recognize the
			// referendum") is no participant of it.
			if last := lastToken(s, e.Span); (last < t.from && t.from-last > 3) || first >= t.to+6 {
				continue
			}
		}
		locative := false
		for k := first - 1; k >= 0 && k >= first-4; k-- {
			if x.preps[words[k]] {
				locative = true
				break
			}
			if !x.isModifier(words[k]) {
				break
			}
		}
		subnational := e.Country != "" && e.Country != e.Canonical && e.Actor == ""
		switch {
		case e.Kind == model.Place && e.Source != "demonym" && (locative || subnational):
			places = appendUnique(places, e.Canonical)
		case first < t.from:
			actors = appendUnique(actors, e.ActorName())
		default:
			targets = appendUnique(targets, e.ActorName())
		}
	}
	// One name both acting and acted on ("Russia ... Russian troops") acts.
	kept := targets[:0]
	for _, n := range targets {
		if !contains(actors, n) {
			kept = append(kept, n)
		}
	}
	return actors, kept, places
}

// subordinateBetween reports a subordinator in words[from:to]: what stands
// before it belongs to another clause.
func (x *Extractor) subordinateBetween(words []string, from, to int) bool {
	for k := max(0, from); k < to && k < len(words); k++ {
		if x.subord[words[k]] {
			return true
		}
	}
	return false
}

// lastToken is the index of the last token of a span.
func lastToken(s *model.Sentence, sp model.Span) int {
	_, to := tokenRange(s, sp)
	return to - 1
}

// isModifier reports words that may stand between a preposition and a place
// name ("in the eastern city of", "in southern").
func (x *Extractor) isModifier(w string) bool {
	if x.modifiers[w] {
		return true
	}
	for _, suf := range x.rules.Places.ModifierSuffixes {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func appendUnique(list []string, s string) []string {
	if s == "" {
		return list
	}
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, strings.Clone(s)) // names may point into the article text
}

// speaker is the person or body that performs a speech act: a personal
// pronoun next to the verb ("he said", "said she") is the first person named
// earlier in the sentence, else the subject (first person) of the last
// sentence that names one; otherwise the nearest actor entity before the verb, or right
// after it ("said Kerry").
func (x *Extractor) speaker(s *model.Sentence, words []string, t trigger, ents []model.Entity, ds []dated, lastPerson string) string {
	if (t.from > 0 && x.pronouns[words[t.from-1]]) || (t.to < len(words) && x.pronouns[words[t.to]]) {
		for _, e := range ents {
			if e.Kind == model.Person && e.End <= s.Tokens[t.from].Start {
				return e.Canonical
			}
		}
		return lastPerson
	}
	// An apposition right before the verb ("Podolyak, a senior aide to
	// Zelenskyy, told") describes the speaker; the names in it do not speak.
	appLo, appHi := -1, -1
	if t.from > 0 && words[t.from-1] == "," {
		for k := t.from - 2; k >= 0; k-- {
			if words[k] == "," {
				appLo, appHi = k, t.from-1
				break
			}
		}
	}
	best, bestDist := "", 1<<30
	for _, e := range ents {
		from, to := tokenRange(s, e.Span)
		if from > appLo && to <= appHi {
			continue
		}
		var d int
		switch {
		case to <= t.from:
			d = t.from - to
		case from == t.to && !e.Medium: // "said Kerry", not "told ABC News" or "told reporters in Moscow"
			d = 1
		default:
			continue
		}
		if e.Kind == model.Place && e.Actor == "" && d > 1 {
			continue
		}
		if d < bestDist {
			best, bestDist = e.ActorName(), d
		}
	}
	if best == "" {
		best = properNounNextTo(s, t, ds)
	}
	return best
}

// properNounNextTo is the run of proper nouns (by prose's tags) right
// before a speech verb ("Palmer says") or right after it ("said Palmer"): a
// speaker the gazetteer does not know.
func properNounNextTo(s *model.Sentence, t trigger, ds []dated) string {
	isName := func(k int) bool {
		for _, d := range ds {
			if k >= d.from && k < d.to {
				return false // "said Wednesday"
			}
		}
		return k >= 0 && k < len(s.Tokens) && strings.HasPrefix(s.Tokens[k].Tag, "NNP")
	}
	from, to := t.from, t.from
	for from > 0 && isName(from-1) && t.from-from < 3 {
		from--
	}
	if from == to {
		from, to = t.to, t.to
		for isName(to) && to-t.to < 3 {
			to++
		}
	}
	if from == to {
		return ""
	}
	return s.Text[s.Tokens[from].Start-s.Start : s.Tokens[to-1].End-s.Start]
}
