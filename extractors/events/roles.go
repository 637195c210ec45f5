package events

// Roles: actors, targets, places and the speaker of a speech act.

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/timeline-news/timeline/model"
)

// roles splits the entities of the trigger's clause into actors (named
// before the trigger: who did it), targets (named after it: to whom) and
// places. A place name after a locative preposition is a place; so is a town
// or region (a place inside a country), while a country or a seat of
// government (Moscow for Russia) acts unless a preposition makes it a
// location. A passive verb turns it round: the name after "by" acts, the one
// before is acted on. Inside a relative clause the name the clause follows
// acts ("Ukraine's government, which met with Mr. Biden"). A name in a
// prepositional phrase before the trigger ("assistance for Ukraine") is no
// subject, and a name that only qualifies a side ("pro-Russia militants",
// "Moscow-backed president") takes no part.
func (x *Extractor) roles(s *model.Sentence, words []string, t trigger, ents []model.Entity, quoted []bool) (actors, targets, places []string) {
	t = asNoun(s.Tokens, t)
	speech := x.class(t) == "speech"
	c := x.clauseOf(s, words, t)
	passive, reduced, agent := false, false, -1
	if !speech && t.kind == "verb" {
		passive, reduced = x.isPassive(s.Tokens, words, t.from)
		if passive {
			for k := t.to; k < c.hi && k <= t.to+5; k++ {
				if words[k] == "by" {
					agent = k
					break
				}
			}
		}
	}
	gov, _ := x.nounGovernor(s, words, t) // names before it belong to another phrase
	nounAgent := x.byAgent(s, words, t)   // "a poll released by Pew": the agent of the noun's participle
	btw := betweenAfter(s, words, t)      // "talks in Vienna scheduled for next week between Russia, Ukraine, ..."
	frontEnd := len(words)                // a fronted adjunct ends at its comma: the names after it are the main clause's
	if gov >= 0 && (gov == 0 || gov == c.lo) && x.adjuncts[words[gov]] || t.kind == "noun" && initialPhrase(s.Tokens) && !boundaryIn(words, 0, t.from) {
		for k := t.to; k < len(words); k++ {
			if words[k] == "," {
				frontEnd = k
				break
			}
		}
	}
	var subjLo, subjHi int
	if speech && t.kind == "verb" {
		subjLo, subjHi = x.subjectSpan(s, words, t)
	}
	// the phrase a relative clause or a reduced one around the trigger
	// follows, which may be an apposition of the name before its comma
	apposed := -1
	switch {
	case c.ante >= 0:
		apposed = c.anteLo
	case reduced:
		at := t.from
		for at > 0 && strings.HasPrefix(s.Tokens[at-1].Tag, "RB") {
			at-- // "the opposition leader now appointed as speaker"
		}
		apposed = npStart(s.Tokens, at)
	}
	dateline := datelineEnd(s.Tokens, words)
	owned := -1 // the region a country's possessive names as the subject: "Ukraine's Crimean peninsula declared"
	for i, e := range ents {
		first, _ := tokenRange(s, e.Span)
		last := lastToken(s, e.Span)
		if first < len(quoted) && quoted[first] != t.quoted {
			continue // names inside a quotation take no part in the event outside it, and back
		}
		if first < dateline {
			if e.Kind == model.Place {
				places = appendUnique(places, e.Canonical) // "SIMFEROPOL, Ukraine -- Crimea declared": where the story is filed
			}
			continue
		}
		if j := x.possessedRegion(s, words, ents, i); j >= 0 && !passive && !speech && t.kind != "noun" && strings.HasPrefix(s.Tokens[t.from].Tag, "VB") && lastToken(s, ents[j].Span) < t.from && x.listPrep(s, words, ents, first) == "" {
			owned = j
			continue // the phrase is the region's: it acts, not its country
		}
		if e.Medium || x.qualifier(s, e) {
			continue // a news medium reports the event; "pro-Russia" qualifies a side
		}
		if speech && (first >= t.to+3 || first > t.to && slices.Contains(words[t.to:first], "that")) {
			continue // after a speech verb only its addressee is a target, not what was said ("said Monday that Russia")
		}
		isAnte := c.antecedent(last) || e.Kind == model.Person && last+2 == apposed && words[last+1] == ","
		// ("Gennady Kernes, the mayor of Kharkiv who was shot": the apposition's name)
		holder := !isAnte && first < t.from && x.officeHolder(s, words, c, ents, e, first, last)
		if speech && t.kind == "verb" && first < t.from && !holder && (first < subjLo || last >= subjHi || !isAnte && !participial(s.Tokens, words, t.from) && x.objectOf(s, words, subjLo, first)) {
			continue // only the speech verb's subject speaks: "X, a senior official said"
		}
		if !isAnte && (first < c.lo && !speech || first >= c.hi) {
			continue // another clause
		}
		if !isAnte && gov >= 0 && last < gov {
			continue // "Biden warned Russia during a visit": Russia is warned
		}
		if first > frontEnd {
			continue // "In a call to Lavrov, Kerry underscored": Kerry comes by impliedActors
		}
		if first > 0 && last < t.from && x.namer(s.Tokens, words, first, last) {
			continue // "what Kyiv called an attack": Kyiv only names it
		}
		if !isAnte && first < t.from && c.inside(first) && !holder {
			continue // a relative clause or apposition before the trigger
		}
		// A name right before a noun trigger is its participant ("the Nato
		// meeting", "Russia's invasion"), whatever governs the phrase.
		compound := t.kind == "noun" && last < t.from && t.from-last <= 3 && x.modifiesNoun(s, words, last+1, t.from)
		town := e.Kind == model.Place && e.Country != "" && e.Country != e.Canonical
		compound = compound || town && last+1 < len(words) && (s.Tokens[last+1].Tag == "NN" || s.Tokens[last+1].Tag == "NNS") // "Kiev mayor"
		between := btw >= 0 && first > btw && (!boundaryIn(words, btw, first) || x.listPrep(s, words, ents, first) == "between")
		if between {
			actors = appendUnique(actors, e.ActorName()) // "talks between Putin and Merkel"
			continue
		}
		if t.kind == "noun" && !e.Medium && e.Kind != model.Place || t.kind == "noun" && e.Source == "demonym" {
			// A noun's participants stand next to it: "Russia's invasion",
			// "the release of seven observers"; the subject of the
			// sentence's verb ("the U.S. does not recognize the
			// referendum") is no participant of it.
			if (last < t.from && t.from-last > 3) || first >= t.to+6 {
				continue
			}
		}
		if t.kind == "noun" && !isAnte && last < t.from && x.speechBetween(s, words, last+1, t.from) {
			continue // "Avakov said military operations had resumed": Avakov speaks (a support verb's subject comes by impliedActors)
		}
		if t.kind == "noun" && !isAnte && !compound && last < t.from && t.from-last > 3 && x.verbBefore(s, words, last+1, t.from) {
			continue // "the U.S. does not recognize the referendum held Sunday": the U.S. holds no referendum
		}
		prep := x.listPrep(s, words, ents, first)
		locative := prep != "" && x.preps[prep]
		subnational := e.Country != "" && e.Country != e.Canonical && e.Actor == ""
		switch {
		case i == owned && (t.kind != "verb" || !x.objectOf(s, words, c.lo, first)):
			actors = appendUnique(actors, e.Canonical)
			places = appendUnique(places, e.Canonical)
		case e.Source == "demonym" && last+1 < len(words) && x.placeNouns[words[last+1]]:
			places = appendUnique(places, e.Canonical) // "in 54 Russian cities", "on Ukrainian soil"
		case t.kind == "noun" && first == t.to+1 && words[t.to] == "on" && e.Source != "demonym" && e.Country == e.Canonical:
			targets = appendUnique(targets, e.ActorName()) // "sanctions on Russia", "an attack on Ukraine": a country a noun is aimed at
		case e.Kind == model.Place && e.Source != "demonym" && (locative && !compound || subnational || compound && town || x.placeContinues(s, words, ents, first)):
			places = appendUnique(places, e.Canonical) // "in Kyiv", "a Washington forum"
		case reduced && !isAnte && first < t.from && t.from-last > 3:
			// "the Kyiv region attacked by Russian troops": only the region is acted on
		case !isAnte && !speech && !passive && (t.kind == "verb" || t.kind == "phrase" && !nominalPhrase(s, t)) && first < t.from && x.objectOf(s, words, c.lo, first):
			// "Mr. Yatsenyuk, who visited Washington and met": Washington is visited
		case isAnte && c.subjRel && !passive:
			actors = appendUnique(actors, e.ActorName())
		case isAnte:
			targets = appendUnique(targets, e.ActorName()) // "Crimea, which it annexed", "the mayor who was shot"
		case passive && agent >= 0 && first > agent:
			actors = appendUnique(actors, e.ActorName()) // "seized by pro-Moscow groups"
		case nounAgent >= 0 && first >= nounAgent && first <= nounAgent+2:
			actors = appendUnique(actors, e.ActorName()) // "a poll released last week by Pew Research"
		case passive && first < t.from:
			targets = appendUnique(targets, e.ActorName()) // "the mayor was shot"
		case first < t.from && prep != "" && prep != "of" && !compound && e.Source != "demonym":
			targets = appendUnique(targets, e.ActorName()) // "assistance for Ukraine", "talks with Putin"
		case compound && x.possessedPatients[words[t.to-1]] && last+1 < t.from && (words[last+1] == "'s" || words[last+1] == "s"):
			targets = appendUnique(targets, e.ActorName()) // "Tymoshenko's release": she is released
		case first < t.from:
			actors = appendUnique(actors, e.ActorName())
		case t.kind == "noun" && x.adjunctBefore(words, first):
			// "a 1999 offensive ... during Putin's first month": an adjunct, no target
		case t.kind == "noun" && first >= t.to+6:
			// "ready to issue new sanctions last week but decided to wait ...
			// to destabilize Ukraine": a country far after a noun is another phrase's
		default:
			targets = appendUnique(targets, e.ActorName())
		}
	}
	if obj := x.accusedOf(s, words, t, ents); len(obj) > 0 {
		// "Ukraine accused Russia of bombing the theater": Russia bombed;
		// the accuser takes no part
		kept := targets[:0]
		for _, n := range targets {
			if !slices.Contains(obj, n) {
				kept = append(kept, n)
			}
		}
		actors, targets = obj, kept
	}
	if len(actors) == 0 && !speech && !passive {
		for _, n := range x.impliedActors(s, words, t, c, ents) {
			actors = appendUnique(actors, n)
		}
	} else if verb := x.supportVerb(s, words, t, ents); verb >= 0 {
		// "U.K. Prime Minister Boris Johnson made a surprise visit": the
		// whole subject visits, not only the country the window kept
		for _, n := range x.subjectNames(s, words, ents, subjectStart(s.Tokens, c.lo, verb), verb) {
			actors = appendUnique(actors, n)
		}
	}
	places, targets = x.withDestination(s, words, t, ents, places, targets) // "traveling to Moscow for negotiations"
	// One name both acting and acted on ("Russia ... Russian troops") acts.
	kept := targets[:0]
	for _, n := range targets {
		if !slices.Contains(actors, n) {
			kept = append(kept, n)
		}
	}
	return actors, kept, places
}

// datelineEnd is the token after the dash that closes a dateline opening
// the sentence ("SIMFEROPOL, Ukraine --", "KRASNOARMEISK, Ukraine —",
// "BELFAST, Northern Ireland (AP) _"): a word in capitals, then capitalised
// words, commas and a bracketed agency; 0 when none.
func datelineEnd(toks []model.Token, words []string) int {
	if len(toks) < 3 || len(toks[0].Text) < 3 || strings.ToUpper(toks[0].Text) != toks[0].Text || strings.ToLower(toks[0].Text) == toks[0].Text {
		return 0
	}
	for k := 1; k < len(toks) && k <= 9; k++ {
		switch w := words[k]; {
		case w == "--" || w == "—" || w == "–" || w == "-" || w == "_" || strings.HasSuffix(w, ")_") || strings.HasSuffix(w, ")—"):
			return k + 1 // "(AP)_" may come as one token
		case w == "," || w == "(" || w == ")" || capitalised(toks[k].Text):
		default:
			return 0
		}
	}
	return 0
}

// background reports a content trigger inside a relative clause that the
// sentence's speech verb stands outside of ("warned Putin ... about Ukraine,
// where demonstrators forced the president from power", "Russia, which
// annexed Crimea, said"), or set off between the speech verb and its subject
// (an apposition): the clause tells background, not the report.
func (x *Extractor) background(s *model.Sentence, words []string, t trigger, trigs []trigger, verb int) bool {
	if verb >= 0 && trigs[verb].from > t.from {
		for _, r := range x.clauseOf(s, words, trigs[verb]).skip {
			if words[r[0]] == "," && t.from > r[0] && t.from < r[1] {
				return true // "Turchynov, the opposition leader now appointed as speaker, said": an apposition
			}
		}
	}
	c := x.clauseOf(s, words, t)
	if c.lo < 2 || !(x.relatives[words[c.lo-1]] || x.relAdverbs[words[c.lo-1]] && words[c.lo-2] == ",") {
		return false
	}
	if verb < 0 {
		return true // a speech noun ("at a news conference") reports no relative clause either
	}
	v := trigs[verb]
	return v.from < c.lo-1 || v.from >= c.hi
}

// possessedRegion is the index of a region of the country ents[i] that
// its possessive governs ("Ukraine's Crimean peninsula", "Ukraine's
// eastern Donetsk region"), -1 when none: the phrase names the region.
func (x *Extractor) possessedRegion(s *model.Sentence, words []string, ents []model.Entity, i int) int {
	e := ents[i]
	k := lastToken(s, e.Span) + 1
	if e.Kind != model.Place || e.Country != e.Canonical || i+1 >= len(ents) || k >= len(words) || !(words[k] == "s" || words[k] == "'s" || words[k] == "’s" || s.Tokens[k].Tag == "POS") {
		return -1
	}
	y := ents[i+1]
	first, _ := tokenRange(s, y.Span)
	if y.Kind != model.Place || y.Country != e.Canonical || y.Canonical == e.Canonical || y.Actor != "" || first-k > 3 {
		return -1
	}
	for j := k + 1; j < first; j++ {
		if !x.isModifier(words[j]) && !strings.HasPrefix(s.Tokens[j].Tag, "JJ") {
			return -1
		}
	}
	return i + 1
}

// asNoun gives a phrase trigger that is a noun phrase ("military
// operation", "press conference") the participants of a noun: "Putin
// announced a special military operation" is Putin's. Narrower than
// nominalPhrase: a phrase that opens with a preposition ("by phone", "in
// a call") keeps a phrase's participants, the subject of its clause.
func asNoun(toks []model.Token, t trigger) trigger {
	if t.kind != "phrase" || !strings.HasPrefix(toks[t.to-1].Tag, "NN") {
		return t
	}
	for k := t.from; k < t.to-1; k++ {
		if tag := toks[k].Tag; !strings.HasPrefix(tag, "NN") && !strings.HasPrefix(tag, "JJ") {
			return t
		}
	}
	t.kind = "noun"
	return t
}

// betweenAfter returns the "between" that a noun trigger's phrase goes on
// to ("talks between Putin and Merkel", "talks in Vienna scheduled for next
// week between Russia, Ukraine, the EU and the US"), -1 when none: the
// names it takes are the sides.
func betweenAfter(s *model.Sentence, words []string, t trigger) int {
	if t.kind != "noun" {
		return -1
	}
	for k := t.to; k < len(words) && k <= t.to+8; k++ {
		switch {
		case words[k] == "between":
			return k
		case isBoundary(words[k]) || s.Tokens[k].Tag == "MD":
			return -1
		case finite(s.Tokens[k].Tag) && !(s.Tokens[k].Tag == "VBD" && strings.HasPrefix(s.Tokens[k-1].Tag, "NN")):
			return -1 // a past tense right after a noun is a participle: "talks in Vienna scheduled for next week between"
		}
	}
	return -1
}

// impliedActor is the actor a clause names only by a pronoun or not at
// all: a pronoun opening the clause ("announced that they were
// implementing sanctions", "Crimea, which it annexed") stands for the
// sentence's first name that can act; so does the subject of a clause
// whose adjunct holds a noun trigger ("Biden delivered a warning during a
// Tuesday visit to Kiev", "In a telephone call Sunday to Lavrov, Kerry
// underscored").
func (x *Extractor) impliedActors(s *model.Sentence, words []string, t trigger, c clause, ents []model.Entity) []string {
	for k := c.lo; k < t.from; k++ {
		if x.groupPronouns[words[k]] || x.pronouns[words[k]] || x.possessives[words[k]] {
			return x.subjectNames(s, words, ents, 0, c.lo) // "and about two weeks ago, he also had a call", "said its forces had"
		}
		if tag := s.Tokens[k].Tag; strings.HasPrefix(tag, "VB") || strings.HasPrefix(tag, "NN") && !timeNoun[words[k]] {
			break // the clause's subject is no pronoun
		}
	}
	if t.kind != "noun" && t.kind != "phrase" {
		return nil
	}
	if verb := x.supportVerb(s, words, t, ents); verb >= 0 {
		lo := c.lo
		if verb < lo {
			lo = x.spanStart(words, verb) // a verb of saying is the support verb: "the UK announced £100m of weapons"
		}
		return x.subjectNames(s, words, ents, subjectStart(s.Tokens, lo, verb), verb) // "Biden held a virtual summit with Putin", "made visits to Ukraine for talks"
	}
	k, _ := x.nounGovernor(s, words, t)
	if k < 0 || !x.adjuncts[words[k]] {
		return nil
	}
	if k == 0 || k == c.lo {
		// a fronted adjunct: the subject follows its comma
		for j := t.to; j < len(words) && j < t.to+12; j++ {
			if words[j] != "," {
				continue
			}
			for i, e := range ents {
				first, _ := tokenRange(s, e.Span)
				if first > j && first <= j+6 && !e.Medium && !x.qualifier(s, e) && !x.placeContinues(s, words, ents, first) && (e.Kind != model.Place || e.Actor != "" || e.Country == e.Canonical) {
					return x.subjectNames(s, words, ents[i:], 0, len(words))
				}
			}
			return nil
		}
		return nil
	}
	return x.subjectNames(s, words, ents, c.lo, k)
}

// subjectStart is where the subject of verb starts in a clause from lo: at
// lo, unless the noun phrase right before the verb follows another verb
// whose object clause it opens ("Ukrainian officials say Russian troops
// took": the troops take).
func subjectStart(toks []model.Token, lo, verb int) int {
	if np := npStart(toks, verb); np > lo && np < verb && strings.HasPrefix(toks[np-1].Tag, "VB") {
		return np
	}
	return lo
}

// nounGovernor is the preposition that governs a noun trigger's phrase
// ("during a Tuesday visit", "in a telephone call", a phrase trigger that
// starts with one), -1 when none; verb is the verb the phrase is the object
// of ("held a virtual summit", "unveiled a raft of new sanctions"), -1 when
// none.
func (x *Extractor) nounGovernor(s *model.Sentence, words []string, t trigger) (gov, verb int) {
	if t.kind == "phrase" && x.adjuncts[words[t.from]] {
		return t.from, -1
	}
	if t.kind != "noun" && !nominalPhrase(s, t) {
		return -1, -1
	}
	for k := t.from - 1; k >= 0; k-- {
		if w := x.renamed(s.Tokens, words, k); w >= 0 {
			k = w // "launched what it calls a special military operation": what was launched
			continue
		}
		switch tag := s.Tokens[k].Tag; {
		case words[k] == "of" && k > 1 && strings.HasPrefix(s.Tokens[k-1].Tag, "NN") && s.Tokens[k-2].Tag == "DT":
			k -= 2 // "a raft of", "a series of": part of the phrase
		case words[k] == "":
			// a quotation mark: "announced new 'humanitarian corridors'"
		case closesParenthetical(words, k) >= 0:
			k = closesParenthetical(words, k) // "took 500 people ― about 100 doctors ― hostage"
		case x.approximatorStart(words, k) >= 0:
			k = x.approximatorStart(words, k) // "at least 127 casualties": a count, not "at" a place
		case tag == "IN" || tag == "TO":
			return k, -1
		case tag == "DT" || tag == "PRP$" || tag == "CD" || tag == "POS" || strings.HasPrefix(tag, "JJ") || strings.HasPrefix(tag, "NN") || strings.HasPrefix(tag, "RB"):
		case nounAsVerb(s.Tokens, k):
			// "a war crimes investigation": a noun inside the phrase, tagged as a verb
		case strings.HasPrefix(tag, "VB"):
			return -1, k
		default:
			return -1, -1
		}
	}
	return -1, -1
}

// renamed reports a free relative that renames the noun phrase after k
// ("what it calls", "what Moscow described as"): the index of its "what",
// from which the phrase's governor is sought, or -1.
func (x *Extractor) renamed(toks []model.Token, words []string, k int) int {
	if words[k] == "as" && k > 0 {
		k-- // "described as"
	}
	if !x.naming[words[k]] || !strings.HasPrefix(toks[k].Tag, "VB") {
		return -1
	}
	j := k
	for j > 0 && (x.aux[words[j-1]] || strings.HasPrefix(toks[j-1].Tag, "RB")) {
		j-- // "what it has called"
	}
	if np := npStart(toks, j); np < j {
		j = np
	} else if j > 0 && toks[j-1].Tag == "PRP" {
		j--
	}
	if j > 0 && j < k && words[j-1] == "what" {
		return j - 1
	}
	return -1
}

// namer reports a name that is the subject of a free relative renaming
// what follows ("what Kyiv called", "what Moscow has described as").
func (x *Extractor) namer(toks []model.Token, words []string, first, last int) bool {
	if words[first-1] != "what" {
		return false
	}
	for k := last + 1; k < len(words) && k <= last+4; k++ {
		if x.renamed(toks, words, k) == first-1 {
			return true
		}
	}
	return false
}

// approximatorStart returns where an approximator ("at least", "more
// than") that covers position k starts, or -1.
func (x *Extractor) approximatorStart(words []string, k int) int {
	for _, p := range x.approx {
		for start := max(0, k-len(p)+1); start <= k; start++ {
			if start+len(p) <= len(words) && phraseIn(words, p, start, start+len(p)) {
				return start
			}
		}
	}
	return -1
}

// supportVerb is the support verb whose object the noun trigger is ("held
// a virtual summit"), or whose object the noun is the purpose of, through
// at most one more prepositional phrase ("made visits to Ukraine for
// talks": who visits holds the talks), or whose purpose it is after a
// verb of motion and its phrases of where and when ("traveling to Moscow
// on Monday for negotiations"); -1 when none. A name is a noun
// whatever its tag.
func (x *Extractor) supportVerb(s *model.Sentence, words []string, t trigger, ents []model.Entity) int {
	gov, verb := x.nounGovernor(s, words, t)
	if verb >= 0 {
		if x.support[words[verb]] {
			return verb
		}
		return -1
	}
	if gov < 1 || !x.purposes[words[gov]] || t.kind != "noun" {
		return -1
	}
	for k := gov + 1; k < t.from; k++ {
		if s.Tokens[k].Tag == "PRP$" || s.Tokens[k].Tag == "POS" {
			return -1 // "sanctions against Russia for its annexation of Crimea": a cause with its own actor
		}
	}
	if v, _, _ := x.motionVerb(s, words, t, ents); v >= 0 {
		return v // "flew to Kyiv, Ukraine, on Tuesday for talks"
	}
	inName := make([]bool, len(words))
	for _, e := range ents {
		from, to := tokenRange(s, e.Span)
		for k := from; k < to && k < len(inName); k++ {
			inName[k] = true
		}
	}
	preps, nouns := 0, 0
	for k := gov - 1; k >= 0 && k >= gov-10; k-- {
		switch tag := s.Tokens[k].Tag; {
		case inName[k] || strings.HasPrefix(tag, "NN"):
			nouns++
		case tag == "DT" || tag == "PRP$" || tag == "CD" || tag == "POS" || strings.HasPrefix(tag, "JJ") || words[k] == "":
		case (tag == "IN" || tag == "TO") && preps < 2 && nouns > 0 && !x.purposes[words[k]]:
			preps++ // "visits to Ukraine", "to Moscow on Monday"
		case strings.HasPrefix(tag, "VB") && nouns > 0 && x.support[words[k]] && preps < 2:
			return k
		case strings.HasPrefix(tag, "VB") && preps > 0 && x.motion[words[k]] && (tag == "TO" || k+1 < len(words) && (s.Tokens[k+1].Tag == "IN" || s.Tokens[k+1].Tag == "TO")):
			return k // "was traveling to Moscow on Monday for negotiations"
		default:
			return -1 // "voted for talks", "ready for talks"
		}
	}
	return -1
}

// modifiesNoun reports that words[from:to] only join a name to the noun
// after them: a possessive, adjectives, nouns ("Russia's full-scale").
func (x *Extractor) modifiesNoun(s *model.Sentence, words []string, from, to int) bool {
	for k := from; k < to; k++ {
		tag := s.Tokens[k].Tag
		if !(words[k] == "s" || words[k] == "'s" || words[k] == "’s" || tag == "POS" || strings.HasPrefix(tag, "JJ") || tag == "NN" || tag == "NNS" || tag == "VBN") {
			return false
		}
	}
	return true
}

// placeContinues reports a place name right after a comma that follows a
// place: "in Bucharest, Romania" names one location.
func (x *Extractor) placeContinues(s *model.Sentence, words []string, ents []model.Entity, first int) bool {
	if first < 2 || words[first-1] != "," {
		return false
	}
	var prev, this *model.Entity
	for i := range ents {
		switch f, _ := tokenRange(s, ents[i].Span); {
		case lastToken(s, ents[i].Span) == first-2:
			prev = &ents[i]
		case f == first:
			this = &ents[i]
		}
	}
	if prev == nil || this == nil || prev.Kind != model.Place || prev.Source == "demonym" || prev.Country != this.Canonical || prev.Canonical == this.Canonical {
		return false
	}
	// "in Bucharest, Romania, members": the country closes the place;
	// "In Moscow, Russia's defense minister told" starts the clause
	next := lastToken(s, this.Span) + 1
	return next >= len(words) || isBoundary(words[next]) || words[next] == "."
}

// adjectival reports a participle used as an adjective before a noun ("the
// acting Interior Minister", "a ruling party"), not one right after a noun
// that takes an object ("the unrest gripping Ukraine").
func adjectival(toks []model.Token, k int) bool {
	tag := toks[k].Tag
	if tag != "VBN" && tag != "VBG" || k+1 >= len(toks) || !strings.HasPrefix(toks[k+1].Tag, "NN") {
		return false
	}
	return k == 0 || toks[k-1].Tag != "NN" && toks[k-1].Tag != "NNS"
}

// objectOf reports a name after a verb of its own clause before the
// trigger ("who visited Washington ... and met"): that verb's object, not
// the trigger's subject. A speech verb's complement clause is no object:
// "Kerry said Russia attacked".
func (x *Extractor) objectOf(s *model.Sentence, words []string, lo, first int) bool {
	for k := lo; k < first; k++ {
		tag := s.Tokens[k].Tag
		if !strings.HasPrefix(tag, "VB") || x.aux[words[k]] && verbFollows(s.Tokens, k) || contraction[words[k]] || adjectival(s.Tokens, k) {
			continue // a "was" or "has" with no verb after it is the clause's own verb: "was an ally of Putin and fled"
		}
		if x.speechVerb(words[k]) {
			continue
		}
		if tag == "VBG" && boundaryIn(words, k, first) {
			continue // "According to an editor of the Kyiv Post, Tymoshenko has arrived": a fronted adjunct
		}
		if k > lo && nounAsVerb(s.Tokens, k) {
			continue // "human rights activist Marina Litvinovich": a noun inside a noun phrase, tagged as a verb
		}
		for j := k + 1; j < first; j++ {
			if (words[j] == "and" || words[j] == "but") && finiteAhead(s.Tokens, words, first) {
				return false // "considers the vote legitimate and Russian President Putin was to address": a clause of its own
			}
		}
		return true
	}
	return false
}

// clause is the stretch of a sentence a trigger's participants stand in:
// tokens [lo, hi), minus the relative clauses and appositions in skip.
// ante is the last token of the name a relative clause around the trigger
// follows (-1 when none).
type clause struct {
	lo, hi int
	// [anteLo, ante] is the noun phrase a relative clause around the
	// trigger follows; subjRel: the pronoun is the clause's subject ("who
	// visited"), not its object ("which it annexed").
	anteLo, ante int
	subjRel      bool
	skip         [][2]int
}

// antecedent reports a name ending in the relative clause's antecedent.
func (c clause) antecedent(last int) bool {
	return c.ante >= 0 && last >= c.anteLo && last <= c.ante
}

// setOffAt is the skipped stretch that ends at token k, {0, 0} when none.
func (c clause) setOffAt(k int) [2]int {
	for _, r := range c.skip {
		if r[1] == k+1 {
			return r
		}
	}
	return [2]int{}
}

func (c clause) inside(k int) bool {
	for _, r := range c.skip {
		if k >= r[0] && k < r[1] {
			return true
		}
	}
	return false
}

// clauseOf finds the trigger's clause. Going back from the trigger, a
// subordinator or relative pronoun with no boundary in between opens the
// trigger's clause (and a relative pronoun's antecedent is the name right
// before it); one followed by a comma before the trigger opens a clause
// that closed there ("Mr. Yatsenyuk, who visited Washington ..., urged"),
// whose names are skipped. Going forward, the clause ends at a strong
// boundary (semicolon, colon, dash, bracket), at a subordinator, or at a
// comma that closes the trigger's relative clause or starts a participle
// ("in a call on Monday ― scuttling a yearslong process").
func (x *Extractor) clauseOf(s *model.Sentence, words []string, t trigger) clause {
	c := clause{lo: 0, hi: len(words), ante: -1}
	closeAt := -1 // the boundary nearest before the trigger
	relative := false
	pair := -1 // the boundary right before closeAt, which may open a stretch set off up to it
	for k := t.from - 1; k >= 0; k-- {
		w := words[k]
		if isBoundary(w) && w != "" {
			switch {
			case closeAt < 0:
				closeAt, pair = k, -1
			case pair < 0:
				pair = k
				if x.setOff(s.Tokens, words, k, closeAt) {
					c.skip = append(c.skip, [2]int{k, closeAt + 1}) // "Kernes, the mayor of Kharkiv, was shot": Kharkiv is not shot
					closeAt = -1
				}
			}
			continue
		}
		if w == "as" && closeAt >= 0 && !finiteBefore(s.Tokens, k+1, closeAt) && predicateAt(s.Tokens, closeAt+1) {
			continue // "who rose as a heroine of Ukraine's movement, was freed": a preposition, in a stretch the predicate follows
		}
		if closeAt < 0 && x.class(t) == "content" && t.kind != "noun" && x.inverted[words[k]] && strings.HasPrefix(s.Tokens[k].Tag, "VB") {
			c.lo = k + 1 // "Zelenskyy said 137 people have been killed": the speaker is no actor
			break
		}
		if !x.opensClause(words, k) && !x.coordinatesClause(s, words, k) {
			continue
		}
		if closeAt >= 0 && !verbIn(s.Tokens, k+1, closeAt) {
			closeAt = -1 // "as the US, Russia, the EU, and Ukraine were meeting": a list, not a closed clause
		}
		if closeAt < 0 || x.coordinatesClause(s, words, k) {
			c.lo = k + 1
			if x.relatives[w] {
				relative = true
				j := k - 1
				if j >= 0 && isBoundary(words[j]) {
					j--
				}
				c.ante = j
				c.anteLo = antecedentStart(s.Tokens, words, k)
				// "who visited ... and met": the pronoun is the subject;
				// "which it annexed": the object
				for i := k + 1; i < len(words); i++ {
					tag := s.Tokens[i].Tag
					if end := parenthetical(words, i); end > i {
						i = end // "which – along with many others – helped"
						continue
					}
					if strings.HasPrefix(tag, "RB") || tag == "MD" {
						continue
					}
					c.subjRel = strings.HasPrefix(tag, "VB")
					break
				}
			}
			break
		}
		c.skip = append(c.skip, [2]int{k, closeAt + 1})
		if x.relatives[w] {
			if lo := antecedentStart(s.Tokens, words, k); lo > 1 && words[lo-1] == "," && x.setOff(s.Tokens, words, lo-1, closeAt) {
				c.skip[len(c.skip)-1][0] = lo - 1 // "Kernes, the mayor of Kharkiv who was shot on Monday, has been flown"
				k = lo - 1
			}
		}
		closeAt = -1
	}
	for k := c.lo; k < t.from; k++ {
		if end := parenthetical(words, k); end > k && end < t.from {
			c.skip = append(c.skip, [2]int{k, end + 1}) // a parenthetical names no participant
			k = end
		}
	}
	for k := t.to; k < len(words); k++ {
		w := words[k]
		switch {
		case w == ";" || w == ":" || w == "—" || w == "–" || w == "―" || w == "--" || w == "(":
			c.hi = k
		case x.opensClause(words, k) && !(w == "that" && x.class(t) == "speech"):
			c.hi = k
		case w == "," && (relative || k+1 < len(words) && (x.opensClause(words, k+1) || participle(s.Tokens[k+1].Tag) || x.speechClause(s, words, k+1))):
			c.hi = k
		case w == "," && k+1 < len(words) && k > t.to && x.coordinatesClause(s, words, k+1) && finiteAhead(s.Tokens, words, k+2):
			c.hi = k // "made visits to Ukraine for talks on Friday, and Nehammer met him in Kyiv": Kyiv is the other clause's
		default:
			continue
		}
		break
	}
	return c
}

// antecedentStart is where the noun phrase a relative pronoun at k
// follows starts, over its of-phrases and participles: "the mayor of
// Kharkiv who", "the armed men who".
func antecedentStart(toks []model.Token, words []string, k int) int {
	j := k
	if j > 0 && isBoundary(words[j-1]) {
		j--
	}
	lo := npStart(toks, j)
	for lo > 1 && (words[lo-1] == "of" || participle(toks[lo-1].Tag) && npTag(toks[lo-2].Tag)) {
		lo = npStart(toks, lo-1) // "the armed men who"
	}
	return lo
}

// setOff reports the stretch between the commas at open and close as one
// set off between a subject and its predicate: an apposition that
// describes the name before it ("Gennady Kernes, the mayor of Kharkiv, was
// shot", "Turchinov, a top opposition figure and speaker of parliament,
// assumed"), an adjunct or an adverb ("the ministry, in a statement, said",
// "Russia, however, said"). The stretch has no verb of its own, though a
// relative clause may follow its noun phrase ("the mayor of Kharkiv who was
// shot on Monday"), and a verb follows it. A proper name alone renames the
// phrase before it and is no apposition ("his Russian counterpart, Sergei
// Lavrov, spoke"), nor is a list ("Germany, France, Poland and Britain").
func (x *Extractor) setOff(toks []model.Token, words []string, open, close int) bool {
	if open < 1 || close-open < 2 || words[open] != "," || words[close] != "," || !predicateAt(toks, close+1) {
		return false
	}
	if before := toks[open-1].Tag; !strings.HasPrefix(before, "NN") && before != "PRP" && words[open-1] != ")" {
		return false
	}
	first := toks[open+1].Tag
	if !npTag(first) && first != "IN" && !strings.HasPrefix(first, "RB") {
		return false // "X, citing officials, said"
	}
	named := true
	for k := open + 1; k < close; k++ {
		if x.relatives[words[k]] {
			break
		}
		tag := toks[k].Tag
		if finite(tag) && !(tag == "VBD" && strings.HasPrefix(toks[k-1].Tag, "NN")) || tag == "MD" {
			return false // a past tense right after a noun is a participle: "the opposition leader appointed prime minister"
		}
		named = named && (tag == "NNP" || tag == "NNPS")
	}
	return !named
}

// renames reports a proper name alone between the commas at open and
// close after a common noun: "his Russian counterpart, Sergei Lavrov,".
func renames(toks []model.Token, words []string, open, close int) bool {
	if open < 1 || words[open] != "," || toks[open-1].Tag != "NN" && toks[open-1].Tag != "NNS" || close-open < 2 {
		return false
	}
	for k := open + 1; k < close; k++ {
		if toks[k].Tag != "NNP" && toks[k].Tag != "NNPS" {
			return false
		}
	}
	return true
}

// setOffBefore is the comma or dash that opens a stretch set off right
// before the predicate at k (a relative clause, an apposition, an adjunct:
// "Podolyak, a senior aide to Zelenskyy, told", "Cavusoglu - Turkey's
// foreign minister - announced"), -1 when none.
func (x *Extractor) setOffBefore(toks []model.Token, words []string, k int) int {
	open, ok := apposition(words, trigger{from: k})
	if !ok || words[open] == "," && !x.relatives[words[open+1]] && !x.setOff(toks, words, open, k-1) {
		return -1
	}
	return open
}

// officeHolder reports a name in a title set off after a person whose
// office it names, as a title before the name does ("Russian Defence
// Minister Sergei Shoigu"): the side before the title's head ("Sergei
// Shoigu, Russia's defence minister,", "Borrell, the EU's chief diplomat,")
// or after its "of" ("the foreign minister of Poland"). It takes the
// person's part. A place inside a country ("the mayor of Kharkiv") or a
// person the title is relative to ("a senior aide to Zelenskyy") does not.
func (x *Extractor) officeHolder(s *model.Sentence, words []string, c clause, ents []model.Entity, e model.Entity, first, last int) bool {
	if !x.canAct(s, e) || e.Kind == model.Person {
		return false
	}
	var r [2]int
	for _, sk := range c.skip {
		if first > sk[0] && first < sk[1] {
			r = sk
		}
	}
	if r[1] == 0 || words[r[0]] != "," || x.appositionAfter(s, words, r[0]) == "" {
		return false // no apposition, or one that holds no title
	}
	person := false
	for _, o := range ents {
		person = person || o.Kind == model.Person && lastToken(s, o.Span) == r[0]-1
	}
	if !person {
		return false
	}
	head := r[0] + 1 // the title's head: its first head noun
	for head < r[1]-1 && !x.roleHeads[words[head]] {
		head++
	}
	if first > head {
		k := first - 1
		if words[k] == "the" {
			k--
		}
		return k == head+1 && words[k] == "of" // "the foreign minister of Poland", not "a spokesman for Russian President Putin"
	}
	for k := last + 1; k < head; k++ {
		if w := words[k]; !(w == "s" || w == "'s" || w == "’s" || s.Tokens[k].Tag == "POS" || x.roleMods[w] || strings.HasPrefix(s.Tokens[k].Tag, "JJ") || strings.HasPrefix(s.Tokens[k].Tag, "NN")) {
			return false
		}
	}
	return true // "Russia's defence minister", "the Russian envoy"
}

// predicateAt reports a verb at k, over adverbs: the predicate of a
// subject set off before it ("Kernes, the mayor, was shot"; prose may tag
// a past tense as a participle), not a participle's clause (", saying").
func predicateAt(toks []model.Token, k int) bool {
	for k < len(toks) && strings.HasPrefix(toks[k].Tag, "RB") {
		k++
	}
	return k < len(toks) && (finite(toks[k].Tag) || toks[k].Tag == "MD" || toks[k].Tag == "VBN")
}

// coordinatesClause reports "and", "but" or "while" after a comma that
// closes a full clause (one with a finite verb): "..., and Austrian
// Chancellor Karl Nehammer met him". A list of names ("Germany, France,
// and Poland met") has no verb before it.
func (x *Extractor) coordinatesClause(s *model.Sentence, words []string, k int) bool {
	if k < 2 || words[k-1] != "," || (words[k] != "and" && words[k] != "but") {
		return false
	}
	for j := k - 2; j >= 0; j-- {
		if words[j] == ";" || x.opensClause(words, j) {
			return false
		}
		switch s.Tokens[j].Tag {
		case "VBD", "VBZ", "VBP", "MD":
			return true
		}
	}
	return false
}

// opensClause reports a subordinator or relative pronoun at k; "as" only as
// a conjunction ("as Russia said"), not in "as well as" or "such as".
func (x *Extractor) opensClause(words []string, k int) bool {
	w := words[k]
	if !x.subord[w] && !x.relatives[w] {
		return false
	}
	if w == "as" && (k > 0 && (words[k-1] == "well" || words[k-1] == "such" || x.naming[words[k-1]]) || k+1 < len(words) && words[k+1] == "well") {
		return false
	}
	return true
}

func participle(tag string) bool { return tag == "VBG" || tag == "VBN" }

// isPassive reports a past participle after a form of "be" ("were seized",
// "has been signed"), or right after a noun or a comma that follows one
// ("the region attacked by", "Makeyenko, appointed in January by"): the
// last two are reduced relative clauses.
func (x *Extractor) isPassive(toks []model.Token, words []string, k int) (passive, reduced bool) {
	tag := toks[k].Tag
	if tag != "VBN" && tag != "VBD" {
		return false, false
	}
	j := k - 1
	for j >= 0 && strings.HasPrefix(toks[j].Tag, "RB") {
		j--
	}
	if j < 0 {
		return false, false
	}
	switch words[j] {
	case "is", "are", "was", "were", "be", "been", "being", "get", "got", "gets", "getting":
		return tag == "VBN", false
	case ",":
		if open, ok := apposition(words, trigger{from: k}); tag == "VBD" && ok && (x.setOffBefore(toks, words, k) >= 0 || renames(toks, words, open, j)) {
			return false, false // "The protesters, who had camped there for weeks, seized", "his counterpart, Sergei Lavrov, met": the predicate
		}
		// "Viktor Yanukovych, ousted Saturday": prose often tags it VBD
		ok := j > 0 && strings.HasPrefix(toks[j-1].Tag, "NN")
		return ok, ok
	}
	ok := (tag == "VBN" || x.setOffAround(toks, words, k)) && strings.HasPrefix(toks[j].Tag, "NN") && x.reducedRelative(toks, words, k)
	return ok, ok
}

// setOffAround reports token k inside a stretch set off between commas
// after a subject (setOff): "Yatsenyuk, the opposition leader appointed
// prime minister on Thursday, said".
func (x *Extractor) setOffAround(toks []model.Token, words []string, k int) bool {
	open, close := -1, -1
	for j := k - 1; j >= 0 && open < 0; j-- {
		if isBoundary(words[j]) {
			open = j
		}
	}
	for j := k + 1; j < len(words) && close < 0; j++ {
		if isBoundary(words[j]) {
			close = j
		}
	}
	return open >= 0 && close >= 0 && x.setOff(toks, words, open, close)
}

// reducedRelative reports a participle after a noun that does not carry the
// clause: an agent follows ("the region attacked by Russian troops"), or a
// finite verb comes before it or after it in its clause ("protesters
// attacked on Saturday were taken to hospital"). Otherwise it is a past
// tense the tagger read as a participle ("Russian forces attacked Kharkiv
// on Tuesday").
func (x *Extractor) reducedRelative(toks []model.Token, words []string, k int) bool {
	for j := k + 1; j < len(words) && j <= k+6; j++ {
		if words[j] == "by" {
			return true
		}
	}
	lo := k
	for lo > 0 && !isBoundary(words[lo-1]) && !x.opensClause(words, lo-1) {
		lo-- // the participle's clause: "made a visit after Russian forces retreated" is no relative
	}
	if finiteBefore(toks, lo, k) || finiteAhead(toks, words, k+1) {
		return true
	}
	// "Turchynov, the opposition leader now appointed as speaker, said": an
	// apposition's participle, with the clause's verb after it
	end := k
	for end > 0 && strings.HasPrefix(toks[end-1].Tag, "RB") {
		end--
	}
	np := npStart(toks, end)
	return np > 0 && words[np-1] == "," && verbIn(toks, k+1, len(toks))
}

// finiteBefore reports a finite verb or modal among toks[lo:k].
func finiteBefore(toks []model.Token, lo, k int) bool {
	for j := lo; j < k; j++ {
		if finite(toks[j].Tag) || toks[j].Tag == "MD" {
			return true
		}
	}
	return false
}

// subjectSpan is where a speech verb's subject stands: the tokens after
// the last boundary before the verb, or before an apposition that ends
// right before it ("Podolyak, a senior aide to Zelenskyy, told"). A
// bracket is skipped ("Rep. Steve Scalise (La.), the No. 2 House
// Republican, told"); in a relative clause ("the EU, which could announce")
// the subject is the name the clause follows; and a stretch with no noun
// before its first verb ("Mr. Obama, at the start of a tour, raised the
// prospect ... and said") continues the subject before the adjunct.
func (x *Extractor) subjectSpan(s *model.Sentence, words []string, t trigger) (int, int) {
	hi := t.from
	if participial(s.Tokens, words, t.from) {
		return max(0, t.from-5), t.from // "comments from Mr. Putin Thursday warning": the comments' author
	}
	if t.from > 1 && words[t.from-1] == "," && s.Tokens[t.from].Tag == "VBG" {
		return x.mainSubject(s, words, t.from-1) // "do not recognize the referendum, saying": who does not recognize it
	}
	at := t.from
	for at > 2 && strings.HasPrefix(s.Tokens[at-1].Tag, "RB") {
		at-- // "Borrell, the EU's chief diplomat, separately acknowledged"
	}
	if lo := x.setOffBefore(s.Tokens, words, at); lo >= 0 {
		hi = lo
	}
	lo := x.spanStart(words, hi)
	if lo > 0 && x.relatives[words[lo-1]] {
		end := lo - 1
		if end > 0 && isBoundary(words[end-1]) {
			end--
		}
		return npStart(s.Tokens, end), end // "the European Union, which could announce"
	}
	for k := hi - 1; k > lo; k-- {
		if (words[k] == "and" || words[k] == "but") && nounFirst(s.Tokens, k+1, hi) && verbIn(s.Tokens, lo, k) {
			return k + 1, hi // "considers the vote legitimate and Russian President Putin was to address"
		}
	}
	if lo > 1 && words[lo-1] == "," && s.Tokens[0].Tag != "" && nounless(s.Tokens, lo, hi) {
		if b := x.spanStart(words, lo-1); b > 1 && words[b-1] == "," {
			return x.spanStart(words, b-1), b - 1
		}
	}
	return lo, hi
}

// mainSubject is where the subject of the clause that ends at end stands
// when a participle after its comma takes it: from the clause's start, or
// after a fronted phrase's comma ("In Kiev, Ukraine's new government
// dismissed the proposal, saying"), to its first finite verb; the
// clause's own stretch when it has none.
func (x *Extractor) mainSubject(s *model.Sentence, words []string, end int) (int, int) {
	lo := x.spanStart(words, end)
	for lo > 1 && words[lo-1] == "," && !finiteBefore(s.Tokens, lo, end) {
		lo = x.spanStart(words, lo-1) // "The U.S., EU and Ukraine's new government do not recognize"
	}
	if lo > 0 && !isBoundary(words[lo-1]) {
		return lo, lo // a subordinate clause's: "after it said, citing"
	}
	if s.Tokens[lo].Tag == "IN" {
		if k := slices.Index(words[lo:end], ","); k > 0 {
			lo += k + 1 // a fronted phrase
		}
	}
	for v := lo; v < end; v++ {
		if finite(s.Tokens[v].Tag) || s.Tokens[v].Tag == "MD" {
			return lo, v
		}
	}
	return lo, end
}

// spanStart goes back from hi to the token after the nearest boundary or
// subordinator, skipping brackets.
func (x *Extractor) spanStart(words []string, hi int) int {
	depth := 0
	for k := hi - 1; k >= 0; k-- {
		switch {
		case words[k] == ")":
			depth++
		case words[k] == "(" && depth > 0:
			depth--
		case depth > 0:
		case words[k] == "" && scareQuote(words, k) >= 0:
			k = scareQuote(words, k) // "the war he described as a “special military operation” during an address": one name, no clause
		case isBoundary(words[k]) || x.opensClause(words, k):
			return k + 1
		}
	}
	return 0
}

// scareQuote returns where the quotation closed at k opened, when it
// quotes a short phrase in running text (at most four words, no
// punctuation, a word right before it): a term the writer holds at arm's
// length, not a quoted statement. Otherwise -1.
func scareQuote(words []string, k int) int {
	for j := k - 1; j >= 1 && j >= k-5; j-- {
		switch {
		case words[j] == "":
			if j < k-1 && !isBoundary(words[j-1]) && words[j-1] != "." {
				return j
			}
			return -1
		case isBoundary(words[j]) || words[j] == "." || words[j] == "?" || words[j] == "!":
			return -1
		}
	}
	return -1
}

// nounFirst reports a stretch with a noun or pronoun before any verb: a
// subject of its own.
func nounFirst(toks []model.Token, lo, hi int) bool {
	for k := lo; k < hi; k++ {
		tag := toks[k].Tag
		switch {
		case strings.HasPrefix(tag, "NN") || strings.HasPrefix(tag, "PRP"):
			return true
		case strings.HasPrefix(tag, "VB") || tag == "MD":
			return false
		}
	}
	return false
}

// nounless reports a stretch whose first verb comes before any noun or
// pronoun: its subject stands further back.
func nounless(toks []model.Token, lo, hi int) bool {
	for k := lo; k < hi; k++ {
		tag := toks[k].Tag
		switch {
		case strings.HasPrefix(tag, "NN") || strings.HasPrefix(tag, "PRP") || tag == "CD":
			return false
		case strings.HasPrefix(tag, "VB"):
			return true
		}
	}
	return false
}

// firstSubject is the first name of the sentence before token end that
// can act: not in a quotation, not a place after a preposition, not after
// an oblique preposition, not a qualifier. A pronoun ("it said", "they were
// implementing") stands for it.
func (x *Extractor) firstSubject(s *model.Sentence, words []string, ents []model.Entity, end int) string {
	if l := x.subjectNames(s, words, ents, 0, end); len(l) > 0 {
		return l[0]
	}
	return ""
}

// canAct reports a name that can be a subject: no news medium, no
// qualifier of a side ("pro-Russia"), no town or region that does not act
// for its country.
func (x *Extractor) canAct(s *model.Sentence, e model.Entity) bool {
	return !e.Medium && !x.qualifier(s, e) && !(e.Kind == model.Place && e.Country != "" && e.Country != e.Canonical && e.Actor == "")
}

// subjectNames are the names of the sentence's first noun phrase that can
// act, up to its verb: "Russian Foreign Minister Sergei Lavrov and
// Ukrainian counterpart Dmytro Kuleba are due to meet" gives all four.
func (x *Extractor) subjectNames(s *model.Sentence, words []string, ents []model.Entity, lo, end int) []string {
	var out []string
	prev := -1
	for _, e := range ents {
		first, _ := tokenRange(s, e.Span)
		if first < lo {
			continue
		}
		if first >= end {
			break
		}
		if prev >= 0 {
			for k := prev + 1; k < first; k++ {
				if strings.HasPrefix(s.Tokens[k].Tag, "VB") || s.Tokens[k].Tag == "MD" || isBoundary(words[k]) && words[k] != "," {
					return out
				}
			}
		}
		if !x.canAct(s, e) || quotedAt(words, first) {
			continue
		}
		if p := x.prepBefore(words, first); p != "" && p != "of" {
			continue
		}
		out = appendUnique(out, e.ActorName())
		prev = lastToken(s, e.Span)
	}
	return out
}

// apposition finds a stretch between two commas (or dashes) right before
// the trigger that describes the name before it ("Borrell, the foreign
// policy chief for the EU, said", "Cavusoglu - Turkey's foreign minister -
// announced").
func apposition(words []string, t trigger) (int, bool) {
	if t.from < 2 {
		return 0, false
	}
	d := words[t.from-1]
	if d != "," && d != "-" && d != "—" && d != "–" && d != "--" {
		return 0, false
	}
	for k := t.from - 2; k > 0; k-- {
		if words[k] == d {
			return k, true
		}
		if isBoundary(words[k]) {
			return 0, false
		}
	}
	return 0, false
}

// prepBefore is the preposition that governs the name starting at token
// first, skipping modifiers ("in the eastern city of"); "" when none.
// listPrep is the preposition that governs the name starting at first, or,
// for a name in a list, the one that governs the list's first name.
func (x *Extractor) listPrep(s *model.Sentence, words []string, ents []model.Entity, first int) string {
	if p := x.prepBefore(words, first); p != "" {
		return p
	}
	k := first - 1
	if k >= 0 && words[k] == "the" {
		k-- // "Russia, Ukraine, the European Union and the United States"
	}
	item := k
	conj := k >= 0 && (words[k] == "and" || words[k] == "or")
	if conj {
		k--
	}
	if k >= 0 && words[k] == "," {
		k--
	}
	if k < 0 || k == item {
		return ""
	}
	var this *model.Entity
	for i := range ents {
		if f, _ := tokenRange(s, ents[i].Span); f == first {
			this = &ents[i]
		}
	}
	if !conj && this != nil {
		// after a bare comma only a list goes on: "the EU, Norway and
		// Switzerland", not "In Moscow, Russia's defense minister"
		next := lastToken(s, this.Span) + 1
		if next >= len(words) || words[next] != "," && words[next] != "and" && words[next] != "or" {
			return ""
		}
	}
	for _, e := range ents {
		if lastToken(s, e.Span) == k {
			f, _ := tokenRange(s, e.Span)
			return x.listPrep(s, words, ents, f) // "in the EU, Norway and Switzerland"
		}
	}
	return ""
}

// prepBefore is the preposition that governs the name starting at first,
// over modifiers ("in the city of"), "" when none.
func (x *Extractor) prepBefore(words []string, first int) string {
	for k := first - 1; k >= 0 && k >= first-4; k-- {
		if words[k] == "of" && k > 0 && (x.roleHeads[words[k-1]] || x.roleHeads[strings.TrimSuffix(words[k-1], "s")]) {
			return "" // "the foreign ministers of Germany": Germany's ministers
		}
		if x.preps[words[k]] || x.obliques[words[k]] {
			return words[k]
		}
		if !x.isModifier(words[k]) {
			break
		}
	}
	return ""
}

// qualifier reports a name that only qualifies a side: "pro-Russia",
// "anti-Kremlin", "Moscow-backed".
func (x *Extractor) qualifier(s *model.Sentence, e model.Entity) bool {
	if off := e.Start - s.Start; off >= 0 && off <= len(s.Text) {
		before := strings.ToLower(s.Text[:off])
		for _, p := range x.rules.Places.Qualifiers {
			if strings.HasSuffix(before, p+"-") {
				return true
			}
		}
	}
	if off := e.End - s.Start; off >= 0 && off < len(s.Text) && s.Text[off] == '-' {
		after := strings.ToLower(s.Text[off+1:])
		for _, p := range x.rules.Places.QualifierSuffixes {
			if strings.HasPrefix(after, p) {
				return true
			}
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
// sentence that names one; otherwise the name of the verb's subject nearest
// the verb, or a person right after an inverting verb ("said Kerry"). Names
// in an apposition before the verb, in a quotation the verb is not in, or
// after a locative preposition ("the U.S. Embassy in Kyiv said") do not
// speak; when the subject names no one ("a senior official said") nobody
// named does.
func (x *Extractor) speaker(s *model.Sentence, words []string, t trigger, ents []model.Entity, ds []dated, ante antecedents, quoted []bool) string {
	k := x.byAgent(s, words, t)
	if k < 0 {
		k = sourceAfter(words, t, ds)
	}
	if k >= 0 {
		for _, e := range ents {
			if from, _ := tokenRange(s, e.Span); from >= k && from <= k+2 {
				return e.ActorName() // "a plan outlined Monday by the OSCE", "a report released by Human Rights Watch"
			}
		}
	}
	before := t.from - 1
	for before > 0 && (x.aux[words[before]] || strings.HasPrefix(s.Tokens[before].Tag, "RB")) && before >= t.from-3 {
		before-- // "as she had said", "he also said"
	}
	// "he said", or "said he" closing the clause; in "said he was" the
	// pronoun is the reported clause's subject
	inverted := t.to < len(words) && x.pronouns[words[t.to]] && (t.to+1 == len(words) || isBoundary(words[t.to+1]) || words[t.to+1] == ".")
	if (before >= 0 && x.pronouns[words[before]]) || inverted {
		for _, e := range ents {
			if e.Kind == model.Person && e.End <= s.Tokens[t.from].Start {
				return e.Canonical
			}
		}
		return ante.person
	}
	lo, hi := x.subjectSpan(s, words, t)
	best, bestDist := "", 1<<30
	seat := "" // the side an unnamed speaker sits with
	for _, e := range ents {
		from, to := tokenRange(s, e.Span)
		if from < len(quoted) && quoted[from] != t.quoted || x.qualifier(s, e) {
			continue
		}
		var d int
		switch {
		case from >= lo && to <= hi:
			d = t.from - to
		case from >= t.to && !e.Medium && e.Kind == model.Person && x.inverted[words[t.from]] && x.titleRun(s, words, t.to, from):
			d = 1 // "said Kerry", "said Secretary of State Antony Blinken"
		default:
			continue
		}
		if e.Kind == model.Place && x.preps[x.prepBefore(words, from)] {
			if seat == "" && from >= 2 && words[from-1] == "in" && x.unnamed[words[from-2]] && from < t.from && (e.Actor != "" || e.Country == e.Canonical) {
				seat = e.ActorName() // "a top official in Moscow said"
			}
			continue // "the U.S. Embassy in Kyiv said"
		}
		antecedent := hi < t.from && hi+1 < len(words) && (x.relatives[words[hi]] || x.relatives[words[hi+1]])
		if p := x.prepBefore(words, from); !antecedent && (from < t.from && x.obliques[p] || from < t.from && !participial(s.Tokens, words, t.from) && x.objectOf(s, words, lo, from)) {
			continue // "approved assistance for Ukraine and is expected to announce", "visited the White House to request"
		}
		if d < bestDist {
			best, bestDist = e.ActorName(), d
			if e.Kind != model.Person && to < hi {
				best = x.officeOf(s, words, e, to, hi) // "Russia's defense minister told"
			}
		}
	}
	if best == "" && seat != "" {
		return seat
	}
	if best == "" && hi == t.from {
		best = properNounNextTo(s, t, ds, ents, x.inverted[words[t.from]])
	}
	if best == "" && hi < t.from {
		best = properNounNextTo(s, trigger{from: hi, to: hi}, ds, ents, false) // "Sam Greene, a professor at King's College, tweeted"
	}
	if rel := t.from - 1; best == "" && lo == t.from && rel >= 1 && (x.relatives[words[rel]] || words[rel] == "that") && x.documents[words[rel-1]] {
		best = x.author(s, words, ents, rel-1) // "The White House has released a statement that says"
	}
	if best == "" && participial(s.Tokens, words, t.from) && x.documents[words[t.from-1]] {
		best = x.author(s, words, ents, t.from-1) // "Earlier today, the Interior Ministry had released a statement accusing"
	}
	if best == "" && lo < hi && x.groupPronouns[words[lo]] && hi-lo == 1 {
		best = x.firstSubject(s, words, ents, t.from) // "the government started an investigation after it said"
	}
	if best == "" && lo == 0 && hi == 1 {
		if names := x.pronounSubject(s, words, t, ante); len(names) > 0 {
			best = names[0] // "The ministers of Germany and France met. They said ..."
		}
	}
	return best
}

// byAgent returns where the agent of a noun trigger's participle starts: a
// past participle right after the noun, then "by" within a few words ("a
// plan outlined Monday by the OSCE"); -1 when none.
func (x *Extractor) byAgent(s *model.Sentence, words []string, t trigger) int {
	if t.kind != "noun" || t.to >= len(words) || len(s.Tokens) != len(words) || s.Tokens[t.to].Tag != "VBN" {
		return -1
	}
	for k := t.to + 1; k < len(words)-1 && k <= t.to+5; k++ {
		if words[k] == "by" {
			return k + 1
		}
		if isBoundary(words[k]) || strings.HasPrefix(s.Tokens[k].Tag, "VB") {
			return -1
		}
	}
	return -1
}

// sourceAfter returns where the source of a speech noun starts when "from"
// or "by" follows it, a time allowed between ("comments earlier Thursday
// from President Obama", "remarks by Lavrov"); -1 otherwise.
func sourceAfter(words []string, t trigger, ds []dated) int {
	if t.kind != "noun" {
		return -1
	}
	k := t.to
	for _, d := range ds {
		if d.from == k {
			k = d.to
		}
	}
	if k+1 < len(words) && (words[k] == "from" || words[k] == "by") {
		return k + 1
	}
	return -1
}

// author is who issued the document ending at doc: the first name before
// it that can act and stands after no preposition ("Earlier today, the
// Interior Ministry had released a statement").
func (x *Extractor) author(s *model.Sentence, words []string, ents []model.Entity, doc int) string {
	for _, e := range ents {
		first, _ := tokenRange(s, e.Span)
		if first >= doc {
			break
		}
		if !e.Medium && !x.qualifier(s, e) && x.prepBefore(words, first) == "" {
			return e.ActorName()
		}
	}
	return ""
}

// properNounNextTo is the run of proper nouns (by prose's tags) right
// before a speech verb ("Palmer says") or right after it ("said Palmer"): a
// speaker the gazetteer does not know.
func properNounNextTo(s *model.Sentence, t trigger, ds []dated, ents []model.Entity, after bool) string {
	isName := func(k int) bool {
		for _, d := range ds {
			if k >= d.from && k < d.to {
				return false // "said Wednesday"
			}
		}
		if k < 0 || k >= len(s.Tokens) || !strings.HasPrefix(s.Tokens[k].Tag, "NNP") {
			return false
		}
		r, _ := utf8.DecodeRuneInString(s.Tokens[k].Text)
		if !unicode.IsLetter(r) {
			return false // a quotation mark tagged as a name
		}
		for _, e := range ents {
			if s.Tokens[k].Start < e.End && e.Start < s.Tokens[k].End {
				return false // a known name the speaker rules have judged
			}
		}
		return true
	}
	from, to := t.from, t.from
	for from > 0 && isName(from-1) && t.from-from < 3 {
		from--
	}
	if from == to && after {
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

// personRoles reads the titles the sentence gives its people: a title right
// before the name ("Interior Minister Arsen Avakov", "Secretary of State John
// Kerry", "U.S. Ambassador to Ukraine Geoffrey Pyatt") or an apposition right
// after it ("Mykhailo Podolyak, a senior aide to Zelenskyy,"). Names are
// canonical; known records what earlier sentences of the article gave.
func (x *Extractor) personRoles(s *model.Sentence, words []string, ents []model.Entity, known map[string]string) {
	for _, e := range ents {
		if e.Kind != model.Person {
			continue
		}
		first, to := tokenRange(s, e.Span)
		if r := x.titleBefore(s, words, ents, first); r != "" {
			known[e.Canonical] = r
			continue
		}
		if r := x.appositionAfter(s, words, to); r != "" {
			known[e.Canonical] = r
		}
	}
}

// noteReporters records the outlet's own reporters the sentence names: a
// person whose title ends in a reporter's head ("CBS News correspondent
// Elizabeth Palmer"), or a run of proper nouns after a news medium's
// possessive ("NPR's Soraya Sarhaddi Nelson"). Each word of the name is
// recorded too: the article goes on with "Palmer says", "Soraya adds".
func (x *Extractor) noteReporters(text string, s *model.Sentence, words []string, ents []model.Entity, known map[string]string, reporters map[string]bool) {
	note := func(name string) {
		reporters[name] = true
		for _, w := range strings.Fields(name) {
			reporters[w] = true
		}
	}
	for _, e := range ents {
		switch {
		case e.Kind == model.Person:
			if r := strings.Fields(strings.ToLower(known[e.Canonical])); len(r) > 0 && x.reporterHeads[r[len(r)-1]] {
				note(e.Canonical)
			}
		case e.Medium:
			k := lastToken(s, e.Span) + 1
			if k+1 >= len(words) || s.Tokens[k].Tag != "POS" && words[k] != "s" && words[k] != "'s" && words[k] != "’s" {
				continue
			}
			if s.Tokens[0].Tag == "" {
				x.pos.Tag(text, s) // a sentence without triggers is not tagged yet
			}
			from := k + 1
			to := from
			for to < len(words) && to < from+4 && s.Tokens[to].Tag == "NNP" && capitalised(s.Tokens[to].Text) {
				to++
			}
			if to > from {
				note(strings.Clone(s.Text[s.Tokens[from].Start-s.Start : s.Tokens[to-1].End-s.Start]))
			}
		}
	}
}

// titleBefore is the title ending right before token first: a head noun
// with the modifiers before it, or a head with an "of", "to" or "for"
// phrase of up to three capitalised words.
func (x *Extractor) titleBefore(s *model.Sentence, words []string, ents []model.Entity, first int) string {
	inName := func(k int) bool {
		for _, e := range ents {
			if s.Tokens[k].Start >= e.Start && s.Tokens[k].End <= e.End {
				return true
			}
		}
		return false
	}
	head := -1
	if k := first - 1; k >= 0 && x.roleHeads[words[k]] && !x.honorific[words[k]] {
		head = k
	} else {
		for k := first - 1; k >= 1 && k >= first-3; k-- {
			if !capitalised(s.Tokens[k].Text) {
				break
			}
			if p := words[k-1]; (p == "of" || p == "to" || p == "for") && k >= 2 && x.roleHeads[words[k-2]] {
				head = k - 2
				break
			}
		}
	}
	if head < 0 {
		return ""
	}
	lo := head
	for lo > 0 && (x.roleMods[words[lo-1]] || x.roleHeads[words[lo-1]]) && !x.honorific[words[lo-1]] && !inName(lo-1) {
		lo--
	}
	return strings.Clone(s.Text[s.Tokens[lo].Start-s.Start : s.Tokens[first-1].End-s.Start])
}

// appositionAfter is a description between commas right after a name,
// cut before any verb or adverb ("the opposition leader now appointed as
// speaker" gives "the opposition leader"), without its article, when it
// holds a role head.
func (x *Extractor) appositionAfter(s *model.Sentence, words []string, to int) string {
	if to+1 >= len(words) || words[to] != "," || s.Tokens[to].Tag == "" {
		return "" // an untagged sentence: its verbs are not known
	}
	lo := to + 1
	if w := words[lo]; w == "a" || w == "an" || w == "the" {
		lo++
	}
	hi, hasHead := lo, false
	for hi < len(words) && hi-lo < 9 {
		tag := s.Tokens[hi].Tag
		if isBoundary(words[hi]) || words[hi] == "." || strings.HasPrefix(tag, "VB") || strings.HasPrefix(tag, "RB") || tag == "MD" || tag == "WP" || tag == "WDT" {
			break
		}
		hasHead = hasHead || x.roleHeads[words[hi]]
		hi++
	}
	if !hasHead || hi == lo || hi < len(words) && !isBoundary(words[hi]) && words[hi] != "." && !strings.HasPrefix(s.Tokens[hi].Tag, "VB") && !strings.HasPrefix(s.Tokens[hi].Tag, "RB") {
		return ""
	}
	for hi > lo && !x.roleHeads[words[hi-1]] && !capitalised(s.Tokens[hi-1].Text) && s.Tokens[hi-1].Tag != "NNP" {
		hi-- // end on the head or the name it is of: "senior aide to Zelenskyy"
	}
	if hi == lo {
		return ""
	}
	return strings.Clone(s.Text[s.Tokens[lo].Start-s.Start : s.Tokens[hi-1].End-s.Start])
}

func capitalised(w string) bool { return w != "" && w[0] >= 'A' && w[0] <= 'Z' }

// mentionRoles picks the roles of a mention's people from what the article
// has said of them so far.
func mentionRoles(m *model.Mention, known map[string]string) {
	for _, list := range [][]string{m.Actors, m.Targets, {m.Source}} {
		for _, n := range list {
			if r, ok := known[n]; ok {
				if m.Roles == nil {
					m.Roles = map[string]string{}
				}
				m.Roles[n] = r
			}
		}
	}
}

// speechVerb reports a one-word form of a speech rule's verb ("said").
func (x *Extractor) speechVerb(w string) bool {
	for _, e := range x.lex[w] {
		if len(e.rest) == 0 && e.kind != "noun" && x.rules.Rules[e.rule].Class == "speech" {
			return true
		}
	}
	return false
}

// speechClause reports a short reporting clause at k: a speech verb after
// at most four nouns ("..., Ankara said", "..., the ministry said").
func (x *Extractor) speechClause(s *model.Sentence, words []string, k int) bool {
	for j := k; j < len(words) && j <= k+4; j++ {
		if x.speechVerb(words[j]) && (j > k || x.inverted[words[j]] && strings.HasPrefix(s.Tokens[j].Tag, "VB")) {
			return true // ", Kerry said", ", said Kerry"
		}
		if tag := s.Tokens[j].Tag; !(strings.HasPrefix(tag, "NN") || tag == "DT" || strings.HasPrefix(tag, "JJ") || tag == "POS") {
			return false
		}
	}
	return false
}

// contraction holds auxiliaries as they read once their apostrophe is
// trimmed ("It's likely" has "s").
var contraction = map[string]bool{"s": true, "re": true, "ve": true, "d": true, "ll": true, "m": true}

// boundaryIn reports a clause boundary in words[from:to].
func boundaryIn(words []string, from, to int) bool {
	for k := from; k < to && k < len(words); k++ {
		if isBoundary(words[k]) {
			return true
		}
	}
	return false
}

// quotedAt reports a token inside quotation marks (quote tokens normalise
// to ""), as quotedTokens marks it.
func quotedAt(words []string, k int) bool {
	q := quotedTokens(words)
	return k < len(q) && q[k]
}

// nounAsVerb reports a present-tense verb tag between a noun or adjective
// and a noun: a noun inside a noun phrase the tagger read as a verb ("a war
// crimes investigation", "human rights activist").
func nounAsVerb(toks []model.Token, k int) bool {
	tag := toks[k].Tag
	return (tag == "VBZ" || tag == "VBP") && k > 0 && k+1 < len(toks) &&
		(strings.HasPrefix(toks[k-1].Tag, "JJ") || strings.HasPrefix(toks[k-1].Tag, "NN")) && strings.HasPrefix(toks[k+1].Tag, "NN")
}

// verbIn reports a verb among toks[from:to].
func verbIn(toks []model.Token, from, to int) bool {
	for k := from; k < to && k < len(toks); k++ {
		if strings.HasPrefix(toks[k].Tag, "VB") || toks[k].Tag == "MD" {
			return true
		}
	}
	return false
}

// participial reports a present participle right after a noun that it
// describes ("comments from Mr. Putin Thursday warning", "a statement
// accusing"): its subject is that noun phrase.
func participial(toks []model.Token, words []string, k int) bool {
	return k > 0 && toks[k].Tag == "VBG" && strings.HasPrefix(toks[k-1].Tag, "NN") && !isBoundary(words[k-1])
}

// npStart goes back from end over a noun phrase (determiners, adjectives,
// nouns, possessives, numbers) to its first token.
func npStart(toks []model.Token, end int) int {
	k := end
	for k > 0 {
		switch tag := toks[k-1].Tag; {
		case tag == "DT" || tag == "PRP$" || tag == "CD" || tag == "POS" || strings.HasPrefix(tag, "JJ") || strings.HasPrefix(tag, "NN"):
			k--
			continue
		}
		break
	}
	return k
}

// speechBetween reports a speech verb in words[from:to].
func (x *Extractor) speechBetween(s *model.Sentence, words []string, from, to int) bool {
	for k := from; k < to; k++ {
		if strings.HasPrefix(s.Tokens[k].Tag, "VB") && x.speechVerb(words[k]) {
			return true
		}
	}
	return false
}

// verbBefore reports a verb in words[from:to] other than an auxiliary or a
// support verb ("launched an invasion"): a noun trigger after it is that
// verb's object, and the names before the verb are not its participants.
func (x *Extractor) verbBefore(s *model.Sentence, words []string, from, to int) bool {
	for k := from; k < to; k++ {
		tag := s.Tokens[k].Tag
		if (strings.HasPrefix(tag, "VB") || tag == "MD") && !x.aux[words[k]] && !contraction[words[k]] && !x.support[words[k]] {
			return true
		}
	}
	return false
}

// parenthetical returns the index of the dash or bracket that closes a
// parenthetical opened at k ("– along with many others –", "(La.)"), or k
// when none opens there.
func parenthetical(words []string, k int) int {
	if j := pairOf(words, k, 1); j >= 0 {
		return j
	}
	return k
}

// closesParenthetical is the index of the dash or bracket that opens the
// parenthetical closed at k, -1 when none closes there.
func closesParenthetical(words []string, k int) int { return pairOf(words, k, -1) }

// pairOf is the index of the dash or bracket that pairs with the one at k,
// looking forward from an opener (step 1) or back from a closer (step -1)
// over at most 25 tokens; -1 when none.
func pairOf(words []string, k, step int) int {
	want := words[k]
	switch {
	case want == "—" || want == "–" || want == "―" || want == "--":
	case want == "(" && step > 0:
		want = ")"
	case want == ")" && step < 0:
		want = "("
	default:
		return -1
	}
	for j := k + step; j >= 0 && j < len(words) && j != k+26*step; j += step {
		if words[j] == want {
			return j
		}
	}
	return -1
}

// adjunctBefore reports an adjunct preposition or subordinator ("during",
// "after") governing the name at first, over modifiers.
func (x *Extractor) adjunctBefore(words []string, first int) bool {
	for k := first - 1; k >= 0 && k >= first-4; k-- {
		if x.adjuncts[words[k]] || x.subord[words[k]] {
			return true
		}
		if !x.isModifier(words[k]) {
			return false
		}
	}
	return false
}

// timeNoun holds the nouns of a fronted time ("about two weeks ago, he"),
// which are no subject.
var timeNoun = map[string]bool{"day": true, "days": true, "week": true, "weeks": true, "month": true, "months": true,
	"year": true, "years": true, "morning": true, "afternoon": true, "evening": true, "night": true, "ago": true, "weekend": true, "hours": true}

// accusedOf finds the actor of a gerund after "of" or "for" that follows
// the object of a speech verb: "accused Russia of bombing", "blamed Kyiv for
// killing". It is that object; nil when the pattern does not hold.
func (x *Extractor) accusedOf(s *model.Sentence, words []string, t trigger, ents []model.Entity) []string {
	if x.class(t) != "content" || t.from < 3 || s.Tokens[t.from].Tag != "VBG" || (words[t.from-1] != "of" && words[t.from-1] != "for") {
		return nil
	}
	verb := -1
	for k := t.from - 2; k >= 0 && k >= t.from-8; k-- {
		if isBoundary(words[k]) {
			return nil
		}
		if x.speechVerb(words[k]) && strings.HasPrefix(s.Tokens[k].Tag, "VB") {
			verb = k
			break
		}
	}
	if verb < 0 {
		return nil
	}
	var out []string
	for _, e := range ents {
		if first, _ := tokenRange(s, e.Span); first > verb && first < t.from-1 && !x.qualifier(s, e) {
			out = appendUnique(out, e.ActorName())
		}
	}
	return out
}

// officeOf names a speaker given as an office of a country or body
// ("Russia's defense minister", "Ukrainian officials"): the text from the
// name to the office's head noun, so that two offices of one country are
// two speakers. Without an office after it the name speaks itself.
func (x *Extractor) officeOf(s *model.Sentence, words []string, e model.Entity, from, hi int) string {
	for k := from; k < hi; k++ {
		w := words[k]
		if !(strings.HasPrefix(s.Tokens[k].Tag, "NN") || strings.HasPrefix(s.Tokens[k].Tag, "JJ") || w == "s" || s.Tokens[k].Tag == "POS") {
			break
		}
		if x.roleHeads[w] || x.roleHeads[strings.TrimSuffix(w, "s")] {
			return strings.Clone(s.Text[e.Start-s.Start : s.Tokens[k].End-s.Start])
		}
	}
	return e.ActorName()
}

// initialPhrase reports a sentence that opens with a prepositional or
// participial phrase ("Speaking at Nato's headquarters ahead of Thursday's
// meeting, UK Foreign Secretary Liz Truss said"): a noun in it ends at its
// comma, after which comes the main clause.
func initialPhrase(toks []model.Token) bool {
	return len(toks) > 0 && (toks[0].Tag == "IN" || toks[0].Tag == "VBG")
}

// antecedents are what a pronoun may stand for: person is the first
// person of the last sentence that names one ("he said"); prev is the
// subject of the sentence right before, read only when the sentence opens
// with a pronoun.
type antecedents struct {
	person string
	prev   subject
}

// nextComma is the comma that comes next after the one at k, before any
// other boundary; -1 when none.
func nextComma(words []string, k int) int {
	if words[k] != "," {
		return -1
	}
	for j := k + 1; j < len(words); j++ {
		if words[j] == "," {
			return j
		}
		if isBoundary(words[j]) {
			return -1
		}
	}
	return -1
}

// subject is a sentence's subject: its names, whether it is plural (two
// names or more, or a plural noun: "Russian officials", "the foreign
// ministers of Germany and France") and whether it is one person.
type subject struct {
	names  []string
	group  string // a group the subject gives by a common noun ("the protesters")
	plural bool
	person bool
}

// previousSubject reads the subject of sentence si: the names before its
// first finite verb, with no adjunct or clause before them.
func (x *Extractor) previousSubject(doc *model.Document, si int, ents []model.Entity) subject {
	s := &doc.Sentences[si]
	if s.Kind == model.BlockHeading || len(s.Tokens) == 0 {
		return subject{}
	}
	if s.Tokens[0].Tag == "" {
		x.pos.Tag(doc.Article.Text, s)
	}
	words := normTokens(s)
	start := 0
	if s.Tokens[0].Tag == "IN" || x.opensClause(words, 0) {
		// "In Kyiv, officials said", "As sirens wailed, protesters
		// heeded": the subject follows the fronted phrase's comma
		start = slices.Index(words, ",") + 1
		if start == 0 {
			return subject{}
		}
	}
	v := -1
	for k := start; k < len(s.Tokens); k++ {
		tk := s.Tokens[k]
		if finite(tk.Tag) || tk.Tag == "MD" {
			v = k
			break
		}
		if j := nextComma(words, k); j > k && (x.setOff(s.Tokens, words, k, j) || renames(s.Tokens, words, k, j)) {
			k = j // "The previous president, Viktor Yanukovych, was": one subject, named twice
			continue
		}
		if isBoundary(words[k]) || tk.Tag == "IN" && words[k] != "of" || x.opensClause(words, k) {
			return subject{} // "Officials, after the vote, said": no plain subject
		}
	}
	if v <= start {
		return subject{}
	}
	var sub subject
	persons := 0
	for _, e := range ents {
		first, _ := tokenRange(s, e.Span)
		if first < start {
			continue
		}
		if first >= v {
			break
		}
		if !x.canAct(s, e) {
			continue
		}
		sub.names = appendUnique(sub.names, e.ActorName())
		if e.Kind == model.Person {
			persons++
		}
	}
	plural := len(sub.names) > 1
	for k := start; k < v; k++ {
		if tag := s.Tokens[k].Tag; tag == "NNS" || tag == "NNPS" {
			plural = true
		}
	}
	sub.plural = plural
	if g := x.subjectGroups(s, words, ents, nil, clause{lo: start, hi: len(words), ante: -1}, v); len(g) > 0 {
		sub.group = g[0]
	}
	sub.person = len(sub.names) == 1 && persons == 1 && !plural
	return sub
}

// pronounSubject is what a pronoun opening the sentence stands for when it
// is the subject of trigger t ("They said", "He also met"): the previous
// sentence's subject, when its number agrees; nil otherwise.
func (x *Extractor) pronounSubject(s *model.Sentence, words []string, t trigger, ante antecedents) []string {
	if len(ante.prev.names) == 0 || !x.pronounOpens(s, words, t, ante.prev) {
		return nil
	}
	return ante.prev.names
}

// pronounOpens reports a pronoun opening the sentence that is the subject
// of trigger t and agrees in number with prev ("they" plural, "he" and
// "she" one person).
func (x *Extractor) pronounOpens(s *model.Sentence, words []string, t trigger, prev subject) bool {
	if len(words) == 0 || t.from < 1 || t.kind == "noun" {
		return false
	}
	switch {
	case words[0] == "they" && prev.plural:
	case x.pronouns[words[0]] && prev.person:
	default:
		return false
	}
	end := t.from
	if and := coordinatedPredicate(s.Tokens, words, t.from); and > 1 && strings.HasPrefix(s.Tokens[1].Tag, "VB") {
		end = 1 // "He was an ally of Putin and fled Ukraine": both predicates are the pronoun's
		for k := 1; k < and; k++ {
			if x.speechVerb(words[k]) {
				return false
			}
		}
	}
	for k := 1; k < end; k++ {
		tag := s.Tokens[k].Tag
		if isBoundary(words[k]) || strings.HasPrefix(tag, "NN") || strings.HasPrefix(tag, "PRP") || tag == "CD" || tag == "IN" || tag == "WDT" || x.speechVerb(words[k]) {
			return false // "They said Russia attacked": the pronoun is not the attacker
		}
	}
	return true
}

// coordinatedPredicate returns the "and" or "but" that opens the verb
// phrase of the verb at k with no subject of its own ("... and fled"), over
// adverbs and auxiliaries; 0 when none.
func coordinatedPredicate(toks []model.Token, words []string, k int) int {
	for j := k - 1; j > 0; j-- {
		switch {
		case words[j] == "and" || words[j] == "but":
			return j
		case strings.HasPrefix(toks[j].Tag, "RB") || toks[j].Tag == "MD" || strings.HasPrefix(toks[j].Tag, "VB") && j == k-1:
		default:
			return 0
		}
	}
	return 0
}

// titleRun reports that words[from:to] are only a title before a name
// after an inverting verb ("said Secretary of State Antony Blinken", "says
// US State Department spokeswoman Jen Psaki"): capitalised words, title
// words, "of" and "the", no more than six.
func (x *Extractor) titleRun(s *model.Sentence, words []string, from, to int) bool {
	if to-from > 6 {
		return false
	}
	for k := from; k < to; k++ {
		if !(capitalised(s.Tokens[k].Text) || words[k] == "of" || words[k] == "the" || x.roleHeads[words[k]] || x.roleMods[words[k]]) {
			return false
		}
	}
	return true
}

// finiteAhead reports a finite verb in the few tokens from k on, before any
// boundary: a clause of its own ("and Nehammer met him"), not a list.
func finiteAhead(toks []model.Token, words []string, k int) bool {
	for j := k; j < len(toks) && j < k+8; j++ {
		if isBoundary(words[j]) {
			return false
		}
		if finite(toks[j].Tag) {
			return true
		}
	}
	return false
}
