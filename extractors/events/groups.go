package events

// Groups: the side a text gives by a common noun rather than a name ("the
// protesters captured 67 officers", "militants who attacked a police
// station", "held hostage by the protesters").

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/timeline-news/timeline/model"
)

// actorGroups is who does t when the text gives it by a common noun: the
// agent after "by" of a passive, the phrase a subject relative clause
// follows, or the subject of t's verb (for a noun trigger, of the support
// verb it is the object of). A passive with no agent has none: its subject
// is acted on.
func (x *Extractor) actorGroups(s *model.Sentence, words []string, t trigger, ents []model.Entity, ds []dated) []string {
	if len(x.groupHeads) == 0 {
		return nil
	}
	t = asNoun(s.Tokens, t)
	c := x.clauseOf(s, words, t)
	verb := t.from
	if !strings.HasPrefix(s.Tokens[t.from].Tag, "VB") {
		verb = x.supportVerb(s, words, t, ents)
		if verb < 0 && t.kind == "phrase" {
			verb = lastVerb(s.Tokens, c.lo, t.from) // "forced the president from power"
		}
		if verb < 0 {
			return nil
		}
	}
	if passive, _ := x.isPassive(s.Tokens, words, verb); passive {
		for k := t.to; k < c.hi && k <= t.to+5; k++ {
			if words[k] == "by" {
				if g := x.groupAfter(s, words, ents, k+1); g != "" {
					return []string{g} // "held hostage by the protesters"
				}
				return nil
			}
		}
		return nil // "protesters attacked on Saturday were taken to hospital"
	}
	if v := governingVerb(s.Tokens, words, ds, verb); v >= 0 {
		verb = v // "Protesters worked frantically Thursday afternoon to rebuild barricades": the workers rebuild
	}
	if c.ante >= 0 && c.subjRel && verb >= c.lo {
		if g := x.groupPhrase(s, words, ents, npStart(s.Tokens, c.ante+1), c.ante); g != "" {
			return []string{g} // "militants who attacked a police station"
		}
		return nil
	}
	return x.subjectGroups(s, words, ents, ds, c, verb)
}

// governingVerb is the verb whose infinitive the verb at k is ("worked
// ... to rebuild", "began to withdraw"), over adverbs and a time between;
// -1 when k is no infinitive. Its subject is the infinitive's.
func governingVerb(toks []model.Token, words []string, ds []dated, k int) int {
	if k < 2 || words[k-1] != "to" {
		return -1
	}
	for j := k - 2; j >= 0; j-- {
		switch {
		case datedAt(ds, j) >= 0:
			j = ds[datedAt(ds, j)].from // "worked Thursday afternoon to"
		case strings.HasPrefix(toks[j].Tag, "RB"):
		case strings.HasPrefix(toks[j].Tag, "VB"):
			return j
		default:
			return -1
		}
	}
	return -1
}

// lastVerb is the last verb in toks[lo:hi], -1 when none.
func lastVerb(toks []model.Token, lo, hi int) int {
	for k := hi - 1; k >= lo; k-- {
		if strings.HasPrefix(toks[k].Tag, "VB") {
			return k
		}
	}
	return -1
}

// subjectGroups are the groups of the noun phrase right before verb, over
// adverbs, auxiliaries and a time ("protesters on Sunday seized"), and the
// phrases coordinated with it ("protesters and police clashed").
func (x *Extractor) subjectGroups(s *model.Sentence, words []string, ents []model.Entity, ds []dated, c clause, verb int) []string {
	k := verb - 1
	for k >= c.lo {
		if d := datedAt(ds, k); d >= 0 {
			k = ds[d].from - 1
			if k >= c.lo && (words[k] == "on" || words[k] == "in" || words[k] == "last" || words[k] == "this") {
				k--
			}
			continue
		}
		if x.aux[words[k]] || words[k] == "not" || strings.HasPrefix(s.Tokens[k].Tag, "RB") || s.Tokens[k].Tag == "MD" {
			k--
			continue
		}
		if r := c.setOffAt(k); r[1] > 0 {
			k = r[0] - 1 // "the protesters, who had camped there for weeks, seized": the phrase before the relative clause
			if k >= c.lo && words[k] == "," {
				k--
			}
			continue
		}
		break
	}
	if k > 0 && k >= c.lo && words[k] == "they" {
		// "the building they have occupied": the sentence's first group
		for v := 0; v < k; v++ {
			if finite(s.Tokens[v].Tag) {
				return x.subjectGroups(s, words, ents, ds, clause{hi: len(words), ante: -1}, v)
			}
		}
		return nil
	}
	var out []string
	for k >= c.lo && !c.inside(k) {
		lo := max(npStart(s.Tokens, k+1), c.lo)
		for lo <= k && datedAt(ds, lo) >= 0 {
			lo++ // "in March the Monitor": the time is no modifier
		}
		if lo > k {
			break
		}
		if pp := lo - 1; pp-1 >= c.lo && len(out) == 0 && x.preps[words[pp]] && words[pp] != "of" && x.groupPhrase(s, words, ents, lo, k) == "" && npTag(s.Tokens[pp-1].Tag) {
			k = pp - 1 // "separatists in Ukraine's Crimean peninsula declared": the phrase the place qualifies
			continue
		}
		whole := lo // where the whole phrase starts, for what is coordinated before it
		if lo-2 >= c.lo && words[lo-1] == "of" {
			switch outer := lo - 2; {
			case x.quantities[words[outer]]:
				whole = max(npStart(s.Tokens, outer+1), c.lo) // "dozens of protesters": the protesters
			case x.groupHeads[words[outer]]:
				lo = max(npStart(s.Tokens, outer+1), c.lo) // "leaders of the separatists"
				whole = lo
			default:
				return out // "the deaths of protesters shocked": no group acts
			}
		}
		g := x.groupPhrase(s, words, ents, lo, k)
		if g == "" {
			break
		}
		out = append([]string{g}, out...)
		if whole < 2 || words[whole-1] != "and" && words[whole-1] != "," {
			break
		}
		k = whole - 2 // "protesters and police", "activists, students and police"
		if words[k] == "," {
			k--
		}
	}
	return out
}

// groupAfter is the group of the noun phrase starting at from ("by the
// protesters", "by a group of gunmen").
func (x *Extractor) groupAfter(s *model.Sentence, words []string, ents []model.Entity, from int) string {
	k := from
	for k < len(words) && npTag(s.Tokens[k].Tag) {
		k++
	}
	if k == from {
		return ""
	}
	head := k - 1
	if x.quantities[words[head]] && k+1 < len(words) && words[k] == "of" {
		return x.groupAfter(s, words, ents, k+1) // "by dozens of protesters"
	}
	return x.groupPhrase(s, words, ents, from, head)
}

// groupPhrase renders the noun phrase [lo, head] when its head names a
// group: from its first modifier to its head, without determiners or
// numbers ("the 67 pro-Russian separatists" is "pro-Russian separatists"),
// lower case at the start of a sentence unless a name stands there.
func (x *Extractor) groupPhrase(s *model.Sentence, words []string, ents []model.Entity, lo, head int) string {
	if head < 0 || head >= len(words) || !x.groupHeads[words[head]] || !strings.HasPrefix(s.Tokens[head].Tag, "NN") {
		return ""
	}
	if head > 0 && capitalised(s.Tokens[head].Text) && !clauseStart(words, head) {
		return "" // "the Monitor", "the National Guard": a name
	}
	if inEntity(s, ents, head) {
		return "" // "Human Rights Watch", "the Security Service": a name, which the actors give
	}
	for k := head - 1; k >= lo; k-- {
		if x.speechVerb(words[k]) && !capitalised(s.Tokens[k].Text) || inMedium(s, ents, k) {
			lo = k + 1 // "The Kyiv Post reports parliament will vote": a noun phrase the tagger ran on
			break
		}
	}
	for lo < head && (s.Tokens[lo].Tag == "DT" || s.Tokens[lo].Tag == "PRP$" || s.Tokens[lo].Tag == "CD" || x.quantities[words[lo]] || isBoundary(words[lo])) {
		lo++
	}
	if head-lo > 3 {
		lo = head - 3
	}
	out := s.Text[s.Tokens[lo].Start-s.Start : s.Tokens[head].End-s.Start]
	if (lo == 0 || clauseStart(words, lo)) && !nameAt(s, ents, lo) {
		r, n := utf8.DecodeRuneInString(out)
		out = string(unicode.ToLower(r)) + out[n:]
	}
	return strings.Clone(out)
}

// clauseStart reports a word that opens a clause after a colon or dash
// ("UPDATE 1:19 PM ET: Protestors are converging"): capitalised as a
// sentence's first word is.
func clauseStart(words []string, k int) bool {
	switch words[k-1] {
	case ":", "—", "–", "--":
		return true
	}
	return false
}

func npTag(tag string) bool {
	return tag == "DT" || tag == "PRP$" || tag == "CD" || tag == "POS" || strings.HasPrefix(tag, "JJ") || strings.HasPrefix(tag, "NN")
}

func inEntity(s *model.Sentence, ents []model.Entity, k int) bool {
	tk := s.Tokens[k]
	for _, e := range ents {
		if tk.Start < e.End && e.Start < tk.End {
			return true
		}
	}
	return false
}

// inMedium reports token k inside a news medium's name.
func inMedium(s *model.Sentence, ents []model.Entity, k int) bool {
	tk := s.Tokens[k]
	for _, e := range ents {
		if e.Medium && tk.Start < e.End && e.Start < tk.End {
			return true
		}
	}
	return false
}

// nameAt reports a name starting at token k ("Pro-Russia" holds one, but
// does not start with it).
func nameAt(s *model.Sentence, ents []model.Entity, k int) bool {
	for _, e := range ents {
		if e.Start == s.Tokens[k].Start {
			return true
		}
	}
	return false
}

// datedAt is the index of the time expression covering token k, -1 when none.
func datedAt(ds []dated, k int) int {
	for i, d := range ds {
		if k >= d.from && k < d.to {
			return i
		}
	}
	return -1
}
