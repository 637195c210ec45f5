package events

// Dating triggers: which time expression governs which trigger, and when a
// trigger may borrow a time from its sentence or from the narrative.

import (
	"strings"

	"github.com/timeline-news/timeline/model"
)

// attach gives each dated time expression to the trigger it governs: the
// nearest in tokens, where a clause boundary (comma, dash, quote) between
// them counts as two tokens more and so does a bare noun (the time modifies
// the predicate: "due to meet at a forum on Thursday"), a content trigger
// beats a speech act, the higher priority wins, and the trigger before the
// expression wins a tie. A verb heading another clause in between takes the
// time itself (see blockedBetween).
// A speech act never takes a time across a boundary ("meet on Thursday,
// Ankara said") unless the time is fronted ("On May 3, the SBU blamed").
func (x *Extractor) attach(s *model.Sentence, words []string, trigs []trigger, ds []dated) {
	x.attachFrom(s, words, trigs, ds, 0)
}

// attachFrom attaches ds[first:] only: the phrases of anaphors, after the
// sentence's own times have been attached (a time of its own wins).
func (x *Extractor) attachFrom(s *model.Sentence, words []string, trigs []trigger, ds []dated, first int) {
	blocks := x.blockingVerbs(s, words, trigs)
	held := func(di int) bool {
		for _, t := range trigs {
			if t.time == di {
				return true
			}
		}
		return false
	}
	var lost []int // times that chose a trigger which then took a closer one
	for di := first; di < len(ds); di++ {
		best := x.bestTrigger(s, words, trigs, ds, di, blocks, false)
		if best < 0 {
			continue
		}
		if prev := trigs[best].time; x.give(s, words, &trigs[best], ds, di) && prev >= first {
			lost = append(lost, prev)
		} else if trigs[best].time != di {
			lost = append(lost, di)
		}
	}
	// A lost time goes to the best trigger that has none: "expected to
	// enact further sanctions today for its annexation in March": today is
	// the sanctions'.
	for _, di := range lost {
		if held(di) {
			continue
		}
		if best := x.bestTrigger(s, words, trigs, ds, di, blocks, true); best >= 0 {
			x.give(s, words, &trigs[best], ds, di)
		}
	}
}

// give dates t by ds[di] when t has no time yet or ds[di] is closer than
// its own; it reports whether t took it.
func (x *Extractor) give(s *model.Sentence, words []string, t *trigger, ds []dated, di int) bool {
	d := ds[di]
	if t.time >= 0 && (d.anaphor || distance(t.from, t.to, d.from, d.to) >= distance(t.from, t.to, ds[t.time].from, ds[t.time].to)) {
		return false
	}
	t.time, t.via = di, "own"
	if d.deadline && realis(t.modality) && !pastTense(s.Tokens, words, *t) {
		t.modality = "planned" // "new elections by December"
	}
	return true
}

// bestTrigger is the trigger ds[di] dates, -1 when none may take it; with
// free, only a trigger that has no time yet.
func (x *Extractor) bestTrigger(s *model.Sentence, words []string, trigs []trigger, ds []dated, di int, blocks []bool, free bool) int {
	d := ds[di]
	// a time that ends a fronted phrase dates the main clause: "On
	// Sunday, ...", "Speaking at the U.N. on Wednesday, Thomas-Greenfield
	// warned"
	fronted := d.to < len(words) && words[d.to] == "," && (d.from <= 1 || initialPhrase(s.Tokens) && !boundaryIn(words, 0, d.from)) || x.dateline(words, d)
	// "..., and about two weeks ago, he also had a call": the time opens
	// the coordinated clause and dates nothing before it
	coordFront := d.from >= 2 && (words[d.from-1] == "and" || words[d.from-1] == "but") && words[d.from-2] == ","
	possessive := !d.anaphor && (strings.HasSuffix(d.tx.Text, "'s") || strings.HasSuffix(d.tx.Text, "’s") || (d.to < len(words) && words[d.to] == "s"))
	best, bestCost := -1, 0
	for ti, t := range trigs {
		if free && t.time >= 0 || t.quoted != d.quoted && !d.anaphor {
			continue // a quotation's time dates what it tells, and only that
		}
		if t.scope != d.scope {
			continue // "On Sunday, ..., two days after police arrested": Sunday is the main clause's
		}
		if coordFront && t.to <= d.from {
			continue
		}
		if t.modality == "intended" {
			continue // an infinitive's time is its governing verb's: "signed up to fight in March"
		}
		if d.deadline && x.class(t) == "speech" {
			continue // "had been telling its sales force that by 1992 it intended": a deadline dates what is due, not the telling
		}
		if d.anchored || d.rangeEnd {
			continue // "the day after the UK announced": a day counted from another event; "from Jan. 10 to Jan. 12": the start dates
		}
		if d.anaphor && t.from >= d.from && t.to <= d.to {
			continue // "at the summit" dates what it governs, the summit has its own date
		}
		if !fronted && d.to <= t.from && t.kind == "verb" {
			if _, reduced := x.isPassive(s.Tokens, words, t.from); reduced {
				continue // "responded on Sunday to ... the region attacked by Russian troops"
			}
		}
		if t.kind == "noun" && d.from >= t.to && coordinatedNoun(s.Tokens, words, t.to, d.from) {
			continue // "that election and revisions to the constitution by this summer": the revisions' time
		}
		if !fronted && d.to <= t.from && x.class(t) == "speech" && x.adverbialBetween(words, d.to, t.from) {
			continue // "started an investigation on Monday after it said": Monday is not the saying's
		}
		if lo, hi := x.aside(words, d.from); lo >= 0 && (t.from < lo || t.from > hi) {
			continue // "Kernes, who was elected mayor in 2010, was shot on Monday": 2010 is the election's
		}
		if !fronted && d.to <= t.from && x.relativeBetween(words, d.to, t.from) {
			continue // "proposed a ban on Tuesday, which must be agreed": Tuesday is the proposal's
		}
		if possessive && t.from >= d.to && t.from <= d.to+3 && t.kind != "verb" && bestCost != -1<<20 {
			// "last month's takeover": the time belongs to the first noun
			// after it ("Sunday's referendums, claiming": not the verb)
			best, bestCost = ti, -1<<20
			continue
		}
		if possessive {
			continue // "today's developments": the time belongs to the noun after it
		}
		if d.span && (x.class(t) == "speech" || t.kind != "verb" || !perfect(words, t.from)) {
			continue // "the death toll since Tuesday", "hiding since March told": a period's start dates no act
		}
		b := boundaries(words, t, d)
		speech := x.class(t) == "speech"
		if speech && b > 0 && !fronted {
			continue
		}
		if !fronted && x.blockedBetween(s, words, blocks, t, d) {
			continue // another verb in between takes the time
		}
		cost := distance(t.from, t.to, d.from, d.to) * 100
		if !fronted {
			cost += 200 * b
		}
		if speech {
			cost += 50
		}
		if t.kind == "noun" {
			cost += 200 // the time modifies the predicate unless the noun is much closer
		}
		cost -= x.rules.Rules[t.rule].Priority / 10
		if t.from > d.from {
			cost++
		}
		if best < 0 || cost < bestCost {
			best, bestCost = ti, cost
		}
	}
	return best
}

// adverbialBetween reports a subordinator that opens an adverbial clause
// ("after", "because", "while") in words[from:to]; "that" and the relative
// pronouns open a complement or a relative clause, which the report or the
// relative rules decide.
func (x *Extractor) adverbialBetween(words []string, from, to int) bool {
	for k := from; k < to; k++ {
		if words[k] != "that" && !x.relatives[words[k]] && x.opensClause(words, k) {
			return true
		}
	}
	return false
}

// sinceClause reports a trigger in a clause that "since" opens ("70 have
// been killed since violence erupted Tuesday"): it starts a period, and
// lends its day to nothing else of the sentence.
func (x *Extractor) sinceClause(words []string, t trigger) bool {
	for k := t.from - 1; k >= 0 && k >= t.from-4; k-- {
		if isBoundary(words[k]) {
			return false
		}
		if x.spans[words[k]] {
			return true
		}
	}
	return false
}

// relativeBetween reports a relative pronoun in words[from:to].
func (x *Extractor) relativeBetween(words []string, from, to int) bool {
	for k := from; k < to; k++ {
		if x.relatives[words[k]] {
			return true
		}
	}
	return false
}

// pastTense reports a trigger told in the past: a past-tense verb, or a
// past participle after "had" or "have" ("had withdrawn by March").
func pastTense(toks []model.Token, words []string, t trigger) bool {
	if t.kind != "verb" {
		return false
	}
	switch toks[t.from].Tag {
	case "VBD":
		return true
	case "VBN":
		for k := t.from - 1; k >= 0 && k >= t.from-3; k-- {
			switch words[k] {
			case "had", "has", "have", "'d":
				return true
			}
		}
	}
	return false
}

// pastPerfect reports a verb trigger in the past perfect ("had agreed",
// "had been taken"): it happened before the time of the sentence's report.
func pastPerfect(toks []model.Token, words []string, t trigger) bool {
	if t.kind != "verb" || toks[t.from].Tag != "VBN" && toks[t.from].Tag != "VBD" {
		return false
	}
	for k := t.from - 1; k >= 0 && k >= t.from-3; k-- {
		switch {
		case words[k] == "had" || words[k] == "'d":
			return true
		case words[k] == "been" || strings.HasPrefix(toks[k].Tag, "RB"):
		default:
			return false
		}
	}
	return false
}

// blockingVerbs marks the verbs of a sentence that can take a time
// expression for their own clause: tagged as verbs, not auxiliaries of a
// verb that follows, not a
// trigger, not part of a transparent sequence ("took place").
func (x *Extractor) blockingVerbs(s *model.Sentence, words []string, trigs []trigger) []bool {
	b := make([]bool, len(words))
	for k, tok := range s.Tokens {
		b[k] = strings.HasPrefix(tok.Tag, "VB") && !(x.aux[words[k]] && verbFollows(s.Tokens, k))
	}
	for _, t := range trigs {
		for k := t.from; k < t.to; k++ {
			b[k] = false
		}
	}
	for _, p := range x.clear {
		for i := 0; i+len(p) <= len(words); i++ {
			if phraseIn(words, p, i, i+len(p)) {
				for k := i; k < i+len(p); k++ {
					b[k] = false
				}
			}
		}
	}
	return b
}

// verbFollows reports a verb within two tokens after k: an auxiliary then
// helps it ("were killed"); without one it is a verb of its own ("when
// Russians were in control").
func verbFollows(toks []model.Token, k int) bool {
	for j := k + 1; j < len(toks) && j <= k+2; j++ {
		if strings.HasPrefix(toks[j].Tag, "VB") {
			return true
		}
	}
	return false
}

// blockedBetween reports a verb between t and d that heads a clause of
// its own: a clause boundary or a subordinator stands between the trigger and
// that verb ("killed in Kiev, the worst violence since the unrest began 3
// months ago"). A verb in the trigger's own clause is its predicate ("the
// invasion launched on Feb. 24") and lets the time through.
func (x *Extractor) blockedBetween(s *model.Sentence, words []string, blocks []bool, t trigger, d dated) bool {
	if d.to <= t.from { // time before the trigger: walk from the trigger back
		if t.kind == "noun" && x.timeOfVerb(s, words, blocks, d) && verbIn(s.Tokens, d.to, t.from) {
			for k := d.to; k < t.from; k++ {
				if blocks[k] {
					return true // "the territory lost on Tuesday and were met with gunfire": Tuesday is the loss's
				}
			}
		}
		sep, verb := false, false
		for k := t.from - 1; k >= d.to; k-- {
			if x.subord[words[k]] && verb && t.kind != "verb" {
				return true // "acknowledged on Wednesday that the euros ... put into perspective the aid": the clause has its own verb
			}
			sep = sep || isBoundary(words[k]) || x.subord[words[k]]
			verb = verb || blocks[k] && !x.support[words[k]]
			if blocks[k] && sep {
				return true
			}
		}
		return false
	}
	from := t.to
	if v, ok := x.subjectRelative(s, words, blocks, t, d); ok {
		from = v + 1 // "a treaty that gave Chechnya autonomy in 1996": the treaty's own doing
	}
	sep := false
	for k := from; k < d.from && k < len(blocks); k++ {
		if end := x.asideBefore(words, k, d.from); end > 0 {
			k = end // "travel to Poland, which borders Ukraine, on Friday": the relative clause is an aside
			continue
		}
		sep = sep || isBoundary(words[k]) || x.subord[words[k]]
		if blocks[k] && (sep || k > t.to && s.Tokens[k].Tag == "VBN" && (s.Tokens[k-1].Tag == "NN" || s.Tokens[k-1].Tag == "NNS")) {
			return true // "called on all sides to agree to a plan outlined Monday": the plan was outlined then
		}
		if x.class(t) == "speech" && t.kind == "verb" && (blocks[k] && finite(s.Tokens[k].Tag) || s.Tokens[k].Tag == "MD" && k > t.to) {
			return true // "officials say they decided last week", "said the drop will result in lower earnings for the fiscal year": the reported clause's verb takes it
		}
	}
	return false
}

// asideBefore returns the closing comma of a relative clause set off by
// commas that opens at k (", which borders Ukraine,") when the time at
// from follows right after it; otherwise 0.
func (x *Extractor) asideBefore(words []string, k, from int) int {
	if words[k] != "," || k+2 >= from || !x.relatives[words[k+1]] {
		return 0
	}
	if lo, hi := x.aside(words, k+2); lo == k && hi < from && from-hi <= 2 {
		return hi
	}
	return 0
}

// aside returns the commas around a relative clause set off by them
// (", who was elected mayor in 2010,") that holds position k, or -1, -1.
func (x *Extractor) aside(words []string, k int) (int, int) {
	lo := -1
	for j := k - 1; j >= 1 && j >= k-14; j-- {
		if x.relatives[words[j]] && words[j-1] == "," {
			lo = j - 1
			break
		}
		if isBoundary(words[j]) {
			return -1, -1
		}
	}
	if lo < 0 {
		return -1, -1
	}
	if hi := nextComma(words, lo); hi >= k && hi <= lo+16 {
		return lo, hi
	}
	return -1, -1
}

// subjectRelative finds the verb of a relative clause whose subject is
// the noun trigger t and which holds d: "a treaty that gave Chechnya large
// autonomy in 1996", "a deal which ended the war in 1995". The noun acts in
// it, in the past and on an object, so the clause's time is the noun's
// own. Not "the deal that Yanukovych rejected in November" (the clause's
// subject is another), nor "an agreement that expired in 2019" or "that
// came into force" (no object: what became of the noun later).
func (x *Extractor) subjectRelative(s *model.Sentence, words []string, blocks []bool, t trigger, d dated) (int, bool) {
	k, v := t.to, t.to+1
	if t.kind != "noun" || v+1 >= d.from || words[k] != "that" && words[k] != "which" || s.Tokens[v].Tag != "VBD" || !blocks[v] {
		return 0, false
	}
	switch tag := s.Tokens[v+1].Tag; {
	case strings.HasPrefix(tag, "NN"), strings.HasPrefix(tag, "JJ"), tag == "DT", tag == "PRP$", tag == "CD", tag == "PRP":
	default:
		return 0, false
	}
	for j := v + 1; j < d.from; j++ {
		if blocks[j] || x.subord[words[j]] || words[j] == ";" || words[j] == "" {
			return 0, false // another clause in between has its own time
		}
	}
	return v, true
}

// boundaries counts clause-boundary tokens between a trigger and a time.
func boundaries(words []string, t trigger, d dated) int {
	from, to := t.to, d.from
	if d.to <= t.from {
		from, to = d.to, t.from
	}
	n := 0
	for i := max(0, from); i < to && i < len(words); i++ {
		if j := parenthetical(words, i); words[i] == "(" && j > i && j < to {
			i = j // "a £100 million ($130 million) aid package on Friday": an aside
			continue
		}
		if isBoundary(words[i]) {
			n++
		}
	}
	return n
}

// quotedTokens marks the tokens inside quotation marks (quote tokens
// normalise to ""); an unclosed quotation runs to the end of the sentence.
// A short quoted phrase (four words or fewer) is a name or scare quotes
// ("an “anti-terrorist operation” was under way"), not quoted speech.
func quotedTokens(words []string) []bool {
	q := make([]bool, len(words))
	open := -1
	mark := func(from, to int) {
		if to-from > 4 {
			for k := from; k < to; k++ {
				q[k] = true
			}
		}
	}
	for i, w := range words {
		if w != "" {
			continue
		}
		if open < 0 {
			open = i + 1
			continue
		}
		mark(open, i)
		open = -1
	}
	if open >= 0 {
		mark(open, len(words))
	}
	return q
}

// isBoundary reports clause-boundary tokens (quotes normalise to "").
func isBoundary(w string) bool {
	switch w {
	case ",", ";", ":", "—", "–", "―", "--", "(", ")", "", "\"", "'":
		return true
	}
	return false
}

func distance(af, at, bf, bt int) int {
	switch {
	case at <= bf:
		return bf - at
	case bt <= af:
		return af - bt
	}
	return 0
}

// inherit dates triggers that govern no time expression of their own. A
// verb or phrase (not a bare noun, which often names an event of another
// time: "the first meeting since the invasion") takes the time of the
// sentence's speech act, else of the nearest dated trigger of the sentence.
// When the sentence names no time at all, a past-tense event that is stated
// as fact takes the narrative's focus: the last day named in the two
// sentences before.
func (x *Extractor) inherit(s *model.Sentence, words []string, trigs []trigger, ds []dated, noTimex bool, focus *focusState) {
	speech, speechFrom, speechAt := -1, 0, 0
	for _, t := range trigs {
		if t.time >= 0 && x.class(t) == "speech" && !ds[t.time].deadline && realis(t.modality) && t.scope == 0 {
			speech, speechFrom, speechAt = t.time, t.from, t.to
			break
		}
	}
	for i := range trigs {
		t := &trigs[i]
		if t.time >= 0 || !realis(t.modality) || t.quoted {
			continue // quoted speech is no narrative: only its own times count
		}
		if t.scope != 0 {
			continue // an offset clause is dated from the main clause's date, later
		}
		if pastPerfect(s.Tokens, words, *t) {
			continue // "said that Yanukovych had agreed": before the report, not at it
		}
		switch {
		case len(ds) > 0 && t.kind == "noun":
			// a bare noun without a time of its own stays undated
		case speech >= 0 && x.class(*t) == "content" && t.kind == "verb" && x.reducedAt(s, words, t.from):
			// "responded on Sunday to the photos out of the Kyiv region
			// attacked by Russian troops": a participle describing a noun
			// tells what had happened to it, not what was said
		case speech >= 0 && x.class(*t) == "content" && t.to <= speechFrom && x.frontedClause(words, t.from, speechFrom):
			// "Even though images have shown the civilians were killed when
			// Russians held Bucha, Putin on Wednesday described": a fronted
			// subordinate clause tells background, not what was said
		case speech >= 0 && x.class(*t) == "content" && t.from > speechAt && x.relativeBetween(words, speechAt, t.from):
			// "pledged Monday to open a dialogue with militants who declared
			// independence": a relative clause tells background, not the report
		case speech >= 0 && x.class(*t) == "content":
			if (t.kind == "noun" || nominalPhrase(s, *t)) && !narrated(s, words, *t, x.subord, true) {
				continue // "warned that the supply of weapons is harming": no happening at the report
			}
			t.time, t.via = speech, "reporting"
		case len(ds) > 0:
			near, nd := -1, 0
			for _, o := range trigs {
				if o.time >= 0 && o.via == "own" && o.scope == 0 && !ds[o.time].deadline && realis(o.modality) && !x.sinceClause(words, o) && !x.clauseOpenedBetween(words, *t, o) {
					if d := distance(t.from, t.to, o.from, o.to); near < 0 || d < nd {
						near, nd = o.time, d
					}
				}
			}
			if near >= 0 {
				t.time, t.via = near, "sentence"
			}
		case noTimex && focus.ledeOK() && x.presentPerfect(s, words, *t):
			t.time, t.via = -3, "lede" // "The US has imposed sanctions on ...": the day's news
		case noTimex && focus.ok() && x.definite(s, words, *t) >= 0:
			// "Militants who conducted the referendum": a definite event
			// noun is the event it names, whose day the narrative's need
			// not be; only its own or an earlier mention's date dates it
		case noTimex && focus.ok() && narrated(s, words, *t, x.subord, x.inAdjunct(s, words, *t)) && !x.speechObject(s, words, trigs, *t) && !presentMain(s, words):
			t.time, t.via = -2, "context"
		}
	}
}

// nominalPhrase reports whether a phrase trigger is a noun phrase ("military
// assistance", "by phone", "the ouster") rather than a verb phrase ("held
// talks", "broke out"): like a noun, it names an event without telling that
// it happened at the time of the sentence.
func nominalPhrase(s *model.Sentence, t trigger) bool {
	return t.kind == "phrase" && !strings.HasPrefix(s.Tokens[t.from].Tag, "VB") && !strings.HasPrefix(s.Tokens[t.from].Tag, "MD")
}

// clauseOpenedBetween reports a relative pronoun between two triggers:
// "agreed to set up a panel to investigate who shot down the plane on April
// 6, 1994", "hailed the release on May 3 of observers ... but said the key
// is for Russia to withdraw its support for separatists who have seized
// buildings": what the pronoun's clause tells has a time of its own. An
// adverbial clause may share the time ("the protests last week, when 25
// people were killed").
func (x *Extractor) clauseOpenedBetween(words []string, a, b trigger) bool {
	from, to := a.to, b.from
	if b.to <= a.from {
		from, to = b.to, a.from
	}
	return x.relativeBetween(words, from, to)
}

// reducedAt reports a reduced relative clause's participle at k ("the
// region attacked by Russian troops").
func (x *Extractor) reducedAt(s *model.Sentence, words []string, k int) bool {
	_, reduced := x.isPassive(s.Tokens, words, k)
	return reduced
}

// frontedClause reports whether the trigger at from stands in a subordinate
// clause that opens the sentence before the main clause at main: a
// subordinator before it with no boundary between, and a comma closing the
// clause before main.
func (x *Extractor) frontedClause(words []string, from, main int) bool {
	opened := false
	for k := from - 1; k >= 0; k-- {
		if isBoundary(words[k]) {
			break
		}
		if x.subord[words[k]] && !x.relatives[words[k]] && words[k] != "that" {
			opened = true
			break
		}
	}
	if !opened {
		return false
	}
	for k := from; k < main; k++ {
		if words[k] == "," {
			return true
		}
	}
	return false
}

// narrated reports whether a trigger is told in the simple past: it is a
// past-tense verb itself, or a noun or phrase that a past-tense verb of the
// same clause governs ("delivered the message in a telephone conversation").
// Present perfect does not count ("sanctions have subjected Russia to
// isolation" reports no happening of that day).
func narrated(s *model.Sentence, words []string, t trigger, subord map[string]bool, forward bool) bool {
	if t.kind == "verb" {
		return s.Tokens[t.from].Tag == "VBD"
	}
	for k := t.from - 1; k >= 0 && k >= t.from-6; k-- {
		if isBoundary(words[k]) || subord[words[k]] {
			break
		}
		if s.Tokens[k].Tag == "VBD" {
			return true
		}
	}
	// a noun in an adjunct or subject before its clause's past verb: "in
	// talks between Putin and Merkel, the two leaders stressed"
	for k := t.to; forward && k < len(words) && k < t.to+20; k++ {
		if subord[words[k]] || words[k] == ";" || words[k] == ":" {
			return false
		}
		if s.Tokens[k].Tag == "VBD" {
			return true
		}
		if strings.HasPrefix(s.Tokens[k].Tag, "VB") && !(words[k] == "was" || words[k] == "were") {
			return false // "the supply of weapons is harming": told in the present
		}
	}
	return false
}

// focusState is the narrative's current time: the last day-precision date
// stated, valid for the next two sentences when they state no time at all.
type focusState struct {
	d   *dated
	age int
	// lede is the publication day, which dates a present-perfect lede
	// while ledeLeft body sentences remain and no time has been named.
	lede     *dated
	ledeLeft int
}

// ledeOK reports that the sentence being read is still in the lede.
func (f *focusState) ledeOK() bool { return f.lede != nil && f.ledeLeft > 0 }

func (f *focusState) reset() { f.d = nil }

func (f *focusState) ok() bool { return f.d != nil && f.age <= 2 }

// set moves the focus to the sentence's last day-precision date, if any,
// and only to a day that has come (a past-tense sentence cannot happen on
// the day of an election announced for next month). A sentence that names
// no such day but a past year or month the focus lies outside ("During
// the alliance's summit that year", after "on Sunday") has moved the
// narrative elsewhere: the focus is dropped, so that "said at the summit"
// next does not take Sunday.
func (f *focusState) set(ds []dated, published string) {
	for i := len(ds) - 1; i >= 0; i-- {
		if published != "" && ds[i].date > published {
			continue
		}
		if ds[i].deadline || ds[i].span || ds[i].anchored {
			continue // a period's start ("the death toll since Tuesday") or a day counted from another event is no time of the narrative
		}
		if ds[i].precision == model.PrecisionDay || ds[i].precision == model.PrecisionTime {
			d := ds[i]
			f.d, f.age = &d, 0
			return
		}
	}
	if f.d == nil {
		return
	}
	for _, d := range ds {
		if d.deadline || d.span || d.anchored || (published != "" && d.date > published) {
			continue
		}
		if (d.precision == model.PrecisionYear || d.precision == model.PrecisionMonth) && !strings.HasPrefix(f.d.date, d.date) {
			f.reset()
			return
		}
	}
}

// coordinatedNoun reports "and" or "or" followed by another noun phrase
// in words[from:to]: a time after it belongs to that phrase.
func coordinatedNoun(toks []model.Token, words []string, from, to int) bool {
	for k := from; k < to-1; k++ {
		if words[k] != "and" && words[k] != "or" {
			continue
		}
		for j := k + 1; j < to; j++ {
			tag := toks[j].Tag
			if tag == "NN" || tag == "NNS" {
				return true
			}
			if !(tag == "DT" || tag == "PRP$" || tag == "CD" || strings.HasPrefix(tag, "JJ")) {
				break
			}
		}
	}
	return false
}

// perfect reports a verb in a perfect tense ("have blockaded", "has been
// held"): it may hold since a time.
func perfect(words []string, k int) bool {
	for j := k - 1; j >= 0 && j >= k-3; j-- {
		switch words[j] {
		case "have", "has", "had", "'ve", "ve":
			return true
		}
	}
	return false
}

// inAdjunct reports a noun trigger governed by an adjunct preposition ("in
// talks between Putin and Merkel, the two leaders stressed"): the clause's
// verb after it tells whether it happened.
func (x *Extractor) inAdjunct(s *model.Sentence, words []string, t trigger) bool {
	gov, _ := x.nounGovernor(s, words, t)
	return gov >= 0 && x.adjuncts[words[gov]]
}

// finite reports a finite verb tag.
func finite(tag string) bool { return tag == "VBD" || tag == "VBZ" || tag == "VBP" }

// speechObject reports a noun that a speech verb takes as its object
// ("The European Union also criticized the vote"): what is spoken about
// happened before the speaking, not in the narrative's present.
func (x *Extractor) speechObject(s *model.Sentence, words []string, trigs []trigger, t trigger) bool {
	if t.kind != "noun" {
		return false
	}
	_, verb := x.nounGovernor(s, words, t)
	if verb < 0 {
		return false
	}
	for _, o := range trigs {
		if o.from == verb && o.kind == "verb" && x.class(o) == "speech" {
			return true
		}
	}
	return false
}

// timeOfVerb reports a time right after a verb, or after a verb and one
// preposition ("lost on Tuesday", "seized Sunday"): the verb's time.
func (x *Extractor) timeOfVerb(s *model.Sentence, words []string, blocks []bool, d dated) bool {
	k := d.from - 1
	if k >= 0 && s.Tokens[k].Tag == "IN" {
		k--
	}
	return k >= 0 && blocks[k] && !x.aux[words[k]]
}

// presentMain reports a sentence whose first finite verb outside a
// quotation is in the present ("Mr Zelensky has called on the world to
// hold to account forces who carried out the strike"): it narrates no day,
// whatever its relative clauses tell in the past.
func presentMain(s *model.Sentence, words []string) bool {
	q := quotedTokens(words)
	for k, tk := range s.Tokens {
		if q[k] || words[k] == "" {
			continue // quoted words and the quotation marks themselves (tagged at random)
		}
		switch tk.Tag {
		case "VBD":
			return false
		case "VBZ", "VBP", "MD":
			return true
		}
	}
	return false
}

// presentPerfect reports a trigger whose verb (for a noun, the verb it is
// the object of: "has imposed sanctions") is in the present perfect and is
// the sentence's first finite verb, outside any subordinate clause.
func (x *Extractor) presentPerfect(s *model.Sentence, words []string, t trigger) bool {
	v := t.from
	if !strings.HasPrefix(s.Tokens[v].Tag, "VB") {
		if _, v = x.nounGovernor(s, words, t); v < 0 {
			return false
		}
	}
	if s.Tokens[v].Tag != "VBN" {
		return false
	}
	j := v - 1
	for j > 0 && strings.HasPrefix(s.Tokens[j].Tag, "RB") {
		j--
	}
	if j < 1 || words[j] != "has" && words[j] != "have" {
		return false
	}
	for k := 0; k < j; k++ {
		if finite(s.Tokens[k].Tag) || s.Tokens[k].Tag == "MD" || x.opensClause(words, k) || words[k] == "\"" || words[k] == "" {
			return false
		}
	}
	return true
}

// dateline reports a live blog's time stamp: d opens the sentence (after
// "UPDATE" or a dash) and a colon follows it (after a time zone): "UPDATE
// 11:47 AM ET: Tymoshenko says".
func (x *Extractor) dateline(words []string, d dated) bool {
	for k := 0; k < d.from; k++ {
		if !x.datePrefix[words[k]] && words[k] != ":" {
			return false
		}
	}
	k := d.to
	for k < len(words) && x.dateZone[words[k]] {
		k++
	}
	return k < len(words) && words[k] == ":"
}
