package events

// Places a trigger takes from the verb of motion it is the purpose of.

import (
	"strings"

	"github.com/timeline-news/timeline/model"
)

// withDestination gives a noun trigger that is the purpose of a verb of
// motion in its clause, and names no place of its own, the verb's
// destination as its place: "traveling to Moscow on Monday for
// negotiations", "arrived in Kyiv for talks". The destination takes no
// other part: who is travelled to is not talked to.
func (x *Extractor) withDestination(s *model.Sentence, words []string, t trigger, ents []model.Entity, places, targets []string) ([]string, []string) {
	if len(places) > 0 {
		return places, targets // "for talks with Kerry in Geneva": the talks' own place
	}
	dest := x.destination(s, words, t, ents)
	if dest < 0 {
		return places, targets
	}
	e := ents[dest]
	kept := targets[:0]
	for _, n := range targets {
		if n != e.ActorName() || namedElse(ents, dest, n) {
			kept = append(kept, n)
		}
	}
	return append(places, e.Canonical), kept
}

// namedElse reports another entity than ents[i] with actor name n: "to
// Moscow for talks with Russia" keeps Russia.
func namedElse(ents []model.Entity, i int, n string) bool {
	for j, e := range ents {
		if j != i && e.ActorName() == n {
			return true
		}
	}
	return false
}

// destination is the index in ents of the place a noun trigger after a
// purpose preposition is headed for: the verb of motion its phrase ends
// ("was traveling to Moscow on Monday for negotiations", "flew from Warsaw
// to Kyiv, Ukraine, for talks") and the place after the first of the
// verb's destination prepositions. Of a town and its country the town is
// taken. -1 when there is none: no verb of motion in the clause, or only
// an origin ("returned from Moscow for talks").
func (x *Extractor) destination(s *model.Sentence, words []string, t trigger, ents []model.Entity) int {
	verb, gov, at := x.motionVerb(s, words, t, ents)
	if verb < 0 {
		return -1
	}
	for k := verb + 1; k < gov; k++ {
		if !x.destinations[words[k]] || s.Tokens[k].Tag != "IN" && s.Tokens[k].Tag != "TO" {
			continue
		}
		best := -1
		for j := k + 1; j < gov; j++ {
			if i := at[j] - 1; i >= 0 {
				e := ents[i]
				if e.Kind != model.Place || e.Source == "demonym" || e.Medium {
					break
				}
				if best < 0 || e.Country == ents[best].Canonical {
					best = i // "Kyiv, Ukraine", "Ukraine's capital Kyiv": the town
				}
				j = lastToken(s, e.Span)
				continue
			}
			if w := words[j]; !x.isModifier(w) && w != "," && w != "s" && s.Tokens[j].Tag != "POS" && !strings.HasPrefix(s.Tokens[j].Tag, "JJ") && s.Tokens[j].Tag != "NN" {
				break // the phrase ends: "to Moscow on Monday"
			}
		}
		if best >= 0 {
			return best
		}
	}
	return -1
}

// motionVerb is the verb of motion whose purpose a noun trigger after a
// purpose preposition (gov) is, over the verb's phrases of where and when
// ("was traveling to Moscow on Monday for negotiations", "flew from Warsaw
// to Kyiv, Ukraine, on Tuesday for talks"), -1 when none in its clause; at
// maps tokens to entity index + 1.
func (x *Extractor) motionVerb(s *model.Sentence, words []string, t trigger, ents []model.Entity) (verb, gov int, at []int) {
	if t.kind != "noun" {
		return -1, -1, nil
	}
	gov, _ = x.nounGovernor(s, words, t)
	if gov < 1 || !x.purposes[words[gov]] {
		return -1, -1, nil
	}
	at = make([]int, len(words))
	for i, e := range ents {
		from, to := tokenRange(s, e.Span)
		for k := from; k < to && k < len(at); k++ {
			at[k] = i + 1
		}
	}
	preps, nouns := 0, 0
	for k := gov - 1; k >= 0 && k >= gov-16; k-- {
		switch tag := s.Tokens[k].Tag; {
		case at[k] > 0 || strings.HasPrefix(tag, "NN"):
			nouns++
		case tag == "DT" || tag == "PRP$" || tag == "CD" || tag == "POS" || strings.HasPrefix(tag, "JJ") || tag == "RB" || words[k] == "":
		case words[k] == "," && x.placeApposition(s, words, ents, at, k):
			// "to Kyiv, Ukraine, for talks": one place
		case (tag == "IN" || tag == "TO") && preps < 3 && nouns > 0 && !x.purposes[words[k]]:
			preps++
		case strings.HasPrefix(tag, "VB") && preps > 0 && x.motion[words[k]]:
			return k, gov, at
		default:
			return -1, -1, nil // another clause, or no verb of motion: "ready for talks"
		}
	}
	return -1, -1, nil
}

// placeApposition reports a comma that opens or closes a country after a
// town ("Kyiv, Ukraine, for talks"), at token k.
func (x *Extractor) placeApposition(s *model.Sentence, words []string, ents []model.Entity, at []int, k int) bool {
	if k+1 < len(words) && at[k+1] > 0 && x.placeContinues(s, words, ents, k+1) {
		return true // the opening comma
	}
	if k > 0 && at[k-1] > 0 {
		first, _ := tokenRange(s, ents[at[k-1]-1].Span)
		return x.placeContinues(s, words, ents, first) // the closing comma
	}
	return false
}
