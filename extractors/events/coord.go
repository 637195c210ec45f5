package events

// Two coordinated times of one trigger: "met on Monday and again on
// Thursday" tells two meetings.

import (
	"slices"
	"strings"

	"github.com/timeline-news/timeline/model"
)

// coordination is the compiled rules.Coordination.
type coordination struct {
	coordinators [][]string
	links        map[string]bool
	periods      map[string]bool
}

// coordinate gives each trigger dated by its own time a second time
// coordinated with that one (t.also), when the other dates no trigger: it
// then gives a mention at each date (see sides).
func (x *Extractor) coordinate(s *model.Sentence, words []string, trigs []trigger, ds []dated, ents []model.Entity) {
	if len(x.coord.coordinators) == 0 || len(ds) < 2 {
		return
	}
	held := func(di int) bool {
		return slices.ContainsFunc(trigs, func(t trigger) bool { return t.time == di })
	}
	var at []int // token -> 1 + index of the place entity covering it
	for i := range trigs {
		t := &trigs[i]
		if t.time < 0 || t.time >= len(ds) || t.via != "own" {
			continue
		}
		for o := range ds {
			if o == t.time || held(o) {
				continue
			}
			a, b := t.time, o
			if ds[b].to <= ds[a].from {
				a, b = b, a
			}
			if at == nil {
				at = placeTokens(s, ents, len(words))
			}
			if c, end, ok := x.coordinated(s, words, ds, a, b, *t, at); ok {
				t.also, t.coord, t.coordEnd = o+1, c, end
				break
			}
		}
	}
}

// coordinated reports ds[a] and ds[b] (b after a) joined as two times of
// t, and where their coordinator stands: between them only a place phrase,
// the coordinator, a place phrase and a link ("on Wednesday in Poland and
// next week in Estonia", "on March 10 and March 14"); t outside the pair;
// after ds[b] no clause of its own.
func (x *Extractor) coordinated(s *model.Sentence, words []string, ds []dated, a, b int, t trigger, at []int) (int, int, bool) {
	da, db := ds[a], ds[b]
	for _, d := range []dated{da, db} {
		if d.deadline || d.span || d.anchored || d.anaphor || d.rangeEnd || d.scope != t.scope || d.quoted != t.quoted || d.to < len(words) && words[d.to] == "s" || strings.HasSuffix(d.tx.Text, "'s") || strings.HasSuffix(d.tx.Text, "’s") {
			return 0, 0, false
		}
	}
	if da.to > db.from || t.to > da.from && t.from < db.to || da.from > 0 && x.coord.periods[words[da.from-1]] {
		return 0, 0, false
	}
	for c := da.to; c < db.from; c++ {
		n := 0
		for _, p := range x.coord.coordinators {
			if len(p) > n && c+len(p) <= db.from && phraseIn(words, p, c, c+len(p)) {
				n = len(p)
			}
		}
		if n == 0 {
			continue
		}
		if !x.placePhrase(s, words, at, da.to, c, true) {
			continue
		}
		k := db.from
		if k > c+n && x.coord.links[words[k-1]] {
			k--
		}
		if !x.placePhrase(s, words, at, c+n, k, true) {
			continue
		}
		if x.clauseAfter(s, words, db, t) {
			return 0, 0, false
		}
		return c, c + n, true
	}
	return 0, 0, false
}

// placePhrase reports words[from:to] empty or a phrase of place: a
// preposition, then place names and the words that stand among them,
// ending on a name ("in the former Soviet republics of Estonia, Latvia and
// Lithuania"); with comma, a comma may close it.
func (x *Extractor) placePhrase(s *model.Sentence, words []string, at []int, from, to int, comma bool) bool {
	if comma && to > from && words[to-1] == "," {
		to--
	}
	if from >= to {
		return true
	}
	if !x.preps[words[from]] || to-from < 2 || at[to-1] == 0 {
		return false
	}
	for k := from + 1; k < to; k++ {
		tag := s.Tokens[k].Tag
		switch {
		case at[k] > 0:
		case words[k] == "and" || words[k] == ",":
			if at[k+1] == 0 {
				return false // "in Kyiv and said": another phrase
			}
		case x.isModifier(words[k]), tag == "DT", strings.HasPrefix(tag, "JJ"), strings.HasPrefix(tag, "NN"):
		default:
			return false
		}
	}
	return true
}

// clauseAfter reports a clause of its own that ds[b] opens: a finite verb
// after it, before the clause ends ("and on Tuesday he flew home", "and in
// 2022 built a bridge"), other than t itself or a parenthetical speech
// verb ("and again on Thursday, officials said"). Right after the time of
// a noun, the verb is the predicate both share ("talks on March 10 and
// March 14 ended").
func (x *Extractor) clauseAfter(s *model.Sentence, words []string, db dated, t trigger) bool {
	for k := db.to; k < len(words); k++ {
		w := words[k]
		if w != "," && isBoundary(w) || x.subord[w] {
			return false
		}
		tag := s.Tokens[k].Tag
		if !finite(tag) && tag != "MD" || k == db.to && t.kind != "verb" || k >= t.from && k < t.to {
			continue
		}
		if x.speechForm(w) {
			continue
		}
		return true
	}
	return false
}

// speechForm reports a word that is a speech rule's verb form ("said").
func (x *Extractor) speechForm(w string) bool {
	for _, e := range x.lex[w] {
		if len(e.rest) == 0 && e.kind == "verb" && x.rules.Rules[e.rule].Class == "speech" {
			return true
		}
	}
	return false
}

// placeTokens maps each token to 1 + the index of the place entity that
// covers it, 0 elsewhere.
func placeTokens(s *model.Sentence, ents []model.Entity, n int) []int {
	at := make([]int, n)
	for i, e := range ents {
		if e.Kind != model.Place {
			continue
		}
		from, to := tokenRange(s, e.Span)
		for k := from; k < to && k < n; k++ {
			at[k] = i + 1
		}
	}
	return at
}

// withSides is trigs with each trigger that has a coordinated time told
// twice: at its own time and at the other, each knowing which side of the
// coordinator its time stands (for pairPlaces). Without one, trigs itself.
func withSides(trigs []trigger, ds []dated) []trigger {
	if !slices.ContainsFunc(trigs, coordinatedAt) {
		return trigs
	}
	out := make([]trigger, 0, len(trigs)+1)
	for _, t := range trigs {
		if !coordinatedAt(t) {
			out = append(out, t)
			continue
		}
		u := t
		u.time = t.also - 1
		t.also, u.also = 0, 0
		t.side, u.side = sideOf(ds[t.time], t.coord), sideOf(ds[u.time], t.coord)
		out = append(out, t, u)
	}
	return out
}

// coordinatedAt reports a trigger still dated by its own time that has a
// coordinated second one.
func coordinatedAt(t trigger) bool { return t.also > 0 && t.time >= 0 && t.via == "own" }

func sideOf(d dated, coord int) int {
	if d.to <= coord {
		return 1
	}
	return 2
}

// pairPlaces keeps, of a coordinated mention's places, those of its own
// side when the text pairs places with times, each side naming one of its
// own ("in Poland starting Wednesday and then next week in Estonia"); a
// place named on both sides, outside them or by no entity stays on both.
func pairPlaces(s *model.Sentence, words []string, ents []model.Entity, t trigger, places []string) []string {
	if t.side == 0 || len(places) < 2 {
		return places
	}
	lo1, hi2 := t.to, len(words) // the trigger before the times
	if t.from >= t.coordEnd {
		lo1, hi2 = 0, t.from // after them: "On Monday in Kyiv and on Friday in Lviv, he met"
	}
	in := make([]int, len(places)) // bit 1: first side, bit 2: second
	for _, e := range ents {
		i := slices.Index(places, e.Canonical)
		if e.Kind != model.Place || i < 0 {
			continue
		}
		from, _ := tokenRange(s, e.Span)
		switch {
		case from >= lo1 && from < t.coord:
			in[i] |= 1
		case from >= t.coordEnd && from < hi2:
			in[i] |= 2
		default:
			in[i] |= 3
		}
	}
	if !slices.Contains(in, 1) || !slices.Contains(in, 2) {
		return places
	}
	other := 3 - t.side
	kept := make([]string, 0, len(places))
	for i, p := range places {
		if in[i] != other {
			kept = append(kept, p)
		}
	}
	return kept
}
