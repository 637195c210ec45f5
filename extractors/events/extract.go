package events

import (
	"fmt"
	"sort"
	"strings"

	"github.com/timeline-news/timeline/extractors/postag"
	"github.com/timeline-news/timeline/model"
	"github.com/timeline-news/timeline/rules"
)

// Extractor finds event mentions with a compiled set of event rules.
type Extractor struct {
	rules     *rules.EventRules
	lex       lexicon
	requires  []map[string]bool // per rule
	excludes  []map[string]bool // per rule
	mods      []modality
	preps     map[string]bool
	pronouns  map[string]bool
	modifiers map[string]bool
	aux       map[string]bool
	subord    map[string]bool
	clear     [][]string // transparent word sequences
	pos       *postag.Tagger
}

// modality is a compiled cue: phrases are word sequences.
type modality struct {
	name     string
	kinds    map[string]bool // empty: any form
	phrases  [][]string
	byFirst  map[string][][]string // phrases by their first word
	anywhere bool                  // an empty phrase: always present
	window   int
	after    bool
	sentence bool
}

// realis modalities report something that happened; only those may borrow
// a time from the sentence or the context.
func realis(m string) bool {
	return m == "" || m == "reported" || m == "disputed" || m == "denied"
}

// Compile builds the trigger lexicon and cue sets once.
func Compile(r *rules.EventRules) (*Extractor, error) {
	if r == nil {
		return nil, fmt.Errorf("events: no rules")
	}
	x := &Extractor{rules: r, lex: buildLexicon(r), preps: set(r.Places.Prepositions), pronouns: set(r.Speakers.Pronouns), modifiers: set(r.Places.Modifiers), aux: set(r.Attach.Auxiliaries), subord: set(r.Attach.Subordinators), pos: postag.New()}
	for _, p := range r.Attach.Transparent {
		x.clear = append(x.clear, strings.Fields(strings.ToLower(p)))
	}
	for _, rule := range r.Rules {
		x.requires = append(x.requires, set(rule.Requires))
		x.excludes = append(x.excludes, set(rule.Excludes))
	}
	for _, m := range r.Modality {
		mod := modality{name: m.Modality, window: m.Window, after: m.After, sentence: m.Sentence, kinds: set(m.Kinds)}
		mod.byFirst = map[string][][]string{}
		for _, w := range m.Words {
			p := strings.Fields(strings.ToLower(w))
			mod.phrases = append(mod.phrases, p)
			if len(p) > 0 {
				mod.byFirst[p[0]] = append(mod.byFirst[p[0]], p)
			} else {
				mod.anywhere = true
			}
		}
		x.mods = append(x.mods, mod)
	}
	return x, nil
}

func set(words []string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[strings.ToLower(w)] = true
	}
	return m
}

// Types returns the ontology, for writers and explain.
func (x *Extractor) Types() []rules.EventType { return x.rules.Types }

// trigger is one rule match in a sentence: tokens [from, to).
type trigger struct {
	rule     int
	from, to int
	lemma    string
	kind     string // verb, noun or phrase
	modality string
	quoted   bool // inside quotation marks
	// time is the index into the sentence's dated timexes, -1 when none.
	time int
	via  string
}

func (x *Extractor) class(t trigger) string { return x.rules.Rules[t.rule].Class }

// findTriggers matches the lexicon against the normalised tokens: at each
// position the longest form wins, and matches never overlap.
func (x *Extractor) findTriggers(words []string) []trigger {
	var out []trigger
	for i := 0; i < len(words); {
		best := trigger{rule: -1}
		for _, e := range x.lex[words[i]] {
			n := 1 + len(e.rest)
			if i+n > len(words) || n <= best.to-best.from {
				continue
			}
			ok := true
			for k, w := range e.rest {
				if words[i+1+k] != w {
					ok = false
					break
				}
			}
			if ok && x.contextOK(e.rule, words, i, i+n) {
				best = trigger{rule: e.rule, from: i, to: i + n, lemma: e.lemma, kind: e.kind, time: -1}
			}
		}
		if best.rule < 0 {
			i++
			continue
		}
		out = append(out, best)
		i = best.to
	}
	return out
}

// contextOK applies a rule's requires and excludes windows.
func (x *Extractor) contextOK(rule int, words []string, from, to int) bool {
	w := x.rules.Rules[rule].Window
	if ex := x.excludes[rule]; len(ex) > 0 {
		for i := max(0, from-w); i < min(len(words), to+w); i++ {
			if (i < from || i >= to) && ex[words[i]] {
				return false
			}
		}
	}
	if req := x.requires[rule]; len(req) > 0 {
		for i := max(0, from-w); i < min(len(words), to+w); i++ {
			if req[words[i]] {
				return true
			}
		}
		return false
	}
	return true
}

// dated is a time expression of the sentence that can date an event.
type dated struct {
	tx        *model.Timex
	date      string
	precision string
	from, to  int // token range
}

// Extract appends a mention to doc.Events for every dated event it finds.
func (x *Extractor) Extract(doc *model.Document) {
	ents := entitiesBySentence(doc)
	times := timexBySentence(doc)
	focus := focusState{}
	lastPerson := "" // the first person of the last sentence that names one
	published := ""
	if doc.Article.HasPublished() {
		published = doc.Article.Published.Format("2006-01-02")
	}
	for si := range doc.Sentences {
		s := &doc.Sentences[si]
		focus.age++
		if s.Kind == model.BlockHeading || len(s.Tokens) == 0 {
			focus.reset()
			continue
		}
		words := normTokens(s)
		var ds []dated
		for _, tx := range times[si] {
			date, prec := DateOf(tx.Value)
			if date == "" || (tx.Type != model.TimexDate && tx.Type != model.TimexTime) {
				continue
			}
			from, to := tokenRange(s, tx.Span)
			ds = append(ds, dated{tx: tx, date: date, precision: prec, from: from, to: to})
		}
		trigs := x.findTriggers(words)
		if len(trigs) > 0 {
			x.pos.Tag(doc.Article.Text, s)
			trigs = x.filter(s, trigs, ds, ents[si])
		}
		x.setModality(words, trigs)
		quoted := quotedTokens(words)
		for i := range trigs {
			trigs[i].quoted = quoted[trigs[i].from]
		}
		x.attach(s, words, trigs, ds)
		x.inherit(s, words, trigs, ds, len(times[si]) == 0, &focus)
		x.emit(doc, s, words, trigs, ds, ents[si], &focus, lastPerson, quoted)
		for _, e := range ents[si] {
			if e.Kind == model.Person {
				lastPerson = e.Canonical // the sentence's first person: usually its subject
				break
			}
		}
		focus.set(ds, published)
	}
}

// filter drops triggers that are not events here: inside a time expression
// ("the day of the meeting") or a name ("Ukraine's State Security Service"),
// or whose part of speech is wrong for the form ("free and fair elections"
// is no release). Phrases are taken as they are.
func (x *Extractor) filter(s *model.Sentence, trigs []trigger, ds []dated, ents []model.Entity) []trigger {
	out := trigs[:0]
	for _, t := range trigs {
		if x.insideTimex(t, ds) || insideEntity(s, t, ents) || !posOK(t.kind, s.Tokens[t.from].Tag) {
			continue
		}
		if t.kind == "any" { // a form that is both ("meeting"): the tag decides
			t.kind = "noun"
			if strings.HasPrefix(s.Tokens[t.from].Tag, "VB") {
				t.kind = "verb"
			}
		}
		if t.kind == "noun" && t.to < len(s.Tokens) && (s.Tokens[t.to].Tag == "NN" || s.Tokens[t.to].Tag == "NNS") {
			continue // a noun before a noun modifies it: "refugee processing centers", "invasion fears"
		}
		if t.kind == "verb" && t.to-t.from == 1 && t.to < len(s.Tokens) && attributive(s.Tokens, t.from) {
			continue // a participle before a noun describes it: "Ousted President Yanukovych", "the seized buildings"
		}
		out = append(out, t)
	}
	return out
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
	return j < 0 || !(strings.HasPrefix(toks[j].Tag, "VB") || toks[j].Tag == "MD")
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

// attach gives each dated time expression to the trigger it governs: the
// nearest in tokens, where a clause boundary (comma, dash, quote) between
// them counts as two tokens more and so does a bare noun (the time modifies
// the predicate: "due to meet at a forum on Thursday"), a content trigger
// beats a speech act, the
// higher priority wins, and the trigger before the expression wins a tie.
// A speech act never takes a time across a boundary ("meet on Thursday,
// Ankara said") unless the time is fronted ("On May 3, the SBU blamed").
func (x *Extractor) attach(s *model.Sentence, words []string, trigs []trigger, ds []dated) {
	blocks := x.blockingVerbs(s, words, trigs)
	for di := range ds {
		d := ds[di]
		fronted := d.from <= 1 && d.to < len(words) && words[d.to] == ","
		possessive := strings.HasSuffix(d.tx.Text, "'s") || strings.HasSuffix(d.tx.Text, "’s") || (d.to < len(words) && words[d.to] == "s")
		best, bestCost := -1, 0
		for ti, t := range trigs {
			if possessive && t.from >= d.to && t.from <= d.to+3 {
				best, bestCost = ti, -1<<20 // "last month's takeover": the time belongs to the noun
				continue
			}
			b := boundaries(words, t, d)
			speech := x.class(t) == "speech"
			if speech && b > 0 && !fronted {
				continue
			}
			if !fronted && x.blockedBetween(words, blocks, t, d) {
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
		if best < 0 {
			continue
		}
		t := &trigs[best]
		if t.time < 0 || distance(t.from, t.to, d.from, d.to) < distance(t.from, t.to, ds[t.time].from, ds[t.time].to) {
			t.time, t.via = di, "own"
		}
	}
}

// blockingVerbs marks the verbs of a sentence that can take a time
// expression for their own clause: tagged as verbs, not auxiliaries, not a
// trigger, not part of a transparent sequence ("took place").
func (x *Extractor) blockingVerbs(s *model.Sentence, words []string, trigs []trigger) []bool {
	b := make([]bool, len(words))
	for k, tok := range s.Tokens {
		b[k] = strings.HasPrefix(tok.Tag, "VB") && !x.aux[words[k]]
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

// blockedBetween reports a verb between t and d that heads a clause of
// its own: a clause boundary or a subordinator stands between the trigger and
// that verb ("killed in Kiev, the worst violence since the unrest began 3
// months ago"). A verb in the trigger's own clause is its predicate ("the
// invasion launched on Feb. 24") and lets the time through.
func (x *Extractor) blockedBetween(words []string, blocks []bool, t trigger, d dated) bool {
	if d.to <= t.from { // time before the trigger: walk from the trigger back
		sep := false
		for k := t.from - 1; k >= d.to; k-- {
			sep = sep || isBoundary(words[k]) || x.subord[words[k]]
			if blocks[k] && sep {
				return true
			}
		}
		return false
	}
	sep := false
	for k := t.to; k < d.from && k < len(blocks); k++ {
		sep = sep || isBoundary(words[k]) || x.subord[words[k]]
		if blocks[k] && sep {
			return true
		}
	}
	return false
}

// boundaries counts clause-boundary tokens between a trigger and a time.
func boundaries(words []string, t trigger, d dated) int {
	from, to := t.to, d.from
	if d.to <= t.from {
		from, to = d.to, t.from
	}
	n := 0
	for i := max(0, from); i < to && i < len(words); i++ {
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
	case ",", ";", ":", "—", "–", "--", "(", ")", "", "\"", "'":
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
	speech := -1
	for _, t := range trigs {
		if t.time >= 0 && x.class(t) == "speech" {
			speech = t.time
			break
		}
	}
	for i := range trigs {
		t := &trigs[i]
		if t.time >= 0 || !realis(t.modality) || t.quoted {
			continue // quoted speech is no narrative: only its own times count
		}
		switch {
		case len(ds) > 0 && t.kind == "noun":
			// a bare noun without a time of its own stays undated
		case speech >= 0 && x.class(*t) == "content":
			t.time, t.via = speech, "reporting"
		case len(ds) > 0:
			near, nd := -1, 0
			for _, o := range trigs {
				if o.time >= 0 && o.via == "own" {
					if d := distance(t.from, t.to, o.from, o.to); near < 0 || d < nd {
						near, nd = o.time, d
					}
				}
			}
			if near >= 0 {
				t.time, t.via = near, "sentence"
			}
		case noTimex && focus.ok() && narrated(s, words, *t):
			t.time, t.via = -2, "context"
		}
	}
}

// narrated reports whether a trigger is told in the simple past: it is a
// past-tense verb itself, or a noun or phrase that a past-tense verb of the
// same clause governs ("delivered the message in a telephone conversation").
// Present perfect does not count ("sanctions have subjected Russia to
// isolation" reports no happening of that day).
func narrated(s *model.Sentence, words []string, t trigger) bool {
	if t.kind == "verb" {
		return s.Tokens[t.from].Tag == "VBD"
	}
	for k := t.from - 1; k >= 0 && k >= t.from-6; k-- {
		if isBoundary(words[k]) {
			return false
		}
		if s.Tokens[k].Tag == "VBD" {
			return true
		}
	}
	return false
}

// focusState is the narrative's current time: the last day-precision date
// stated, valid for the next two sentences when they state no time at all.
type focusState struct {
	d   *dated
	age int
}

func (f *focusState) reset()   { f.d = nil }
func (f *focusState) ok() bool { return f.d != nil && f.age <= 2 }

// set moves the focus to the sentence's last day-precision date, if any,
// and only to a day that has come (a past-tense sentence cannot happen on
// the day of an election announced for next month).
func (f *focusState) set(ds []dated, published string) {
	for i := len(ds) - 1; i >= 0; i-- {
		if published != "" && ds[i].date > published {
			continue
		}
		if ds[i].precision == model.PrecisionDay || ds[i].precision == model.PrecisionTime {
			d := ds[i]
			f.d, f.age = &d, 0
			return
		}
	}
}

var viaRank = map[string]int{"own": 0, "reporting": 1, "sentence": 2, "context": 3}

// emit turns dated triggers into mentions, one per event type and date in
// the sentence. A speech act is kept only when a time expression of its own
// dates it; the content events it reports are attributed to its speaker.
func (x *Extractor) emit(doc *model.Document, s *model.Sentence, words []string, trigs []trigger, ds []dated, ents []model.Entity, focus *focusState, lastPerson string, quoted []bool) {
	dateOf := func(t trigger) *dated {
		switch {
		case t.time >= 0:
			return &ds[t.time]
		case t.time == -2:
			return focus.d
		}
		return nil
	}
	speaker := ""
	for _, t := range trigs {
		if x.class(t) == "speech" {
			if speaker = x.speaker(s, words, t, ents, ds, lastPerson); speaker != "" {
				break
			}
		}
	}
	seen := map[string]int{} // type|date -> index in doc.Events
	for _, t := range trigs {
		d := dateOf(t)
		if d == nil {
			continue
		}
		rule := x.rules.Rules[t.rule]
		if rule.Class == "speech" && (t.via != "own" || t.quoted) {
			continue // a speech act is dated only by its own time, and quoted speech is no report
		}
		key := rule.Type + "|" + d.date
		if i, dup := seen[key]; dup && viaRank[doc.Events[i].Time.Via] <= viaRank[t.via] {
			continue // keep the mention whose time is most its own
		}
		m := x.mention(doc, s, words, t, d, ds, ents, lastPerson, quoted)
		if rule.Class == "content" && speaker != "" && m.Source == "" {
			m.Source = speaker
			if m.Modality == "" {
				m.Modality = "reported"
			}
		}
		if i, dup := seen[key]; dup {
			doc.Events[i] = m
			continue
		}
		seen[key] = len(doc.Events)
		doc.Events = append(doc.Events, m)
	}
}

func (x *Extractor) mention(doc *model.Document, s *model.Sentence, words []string, t trigger, d *dated, ds []dated, ents []model.Entity, lastPerson string, quoted []bool) model.Mention {
	rule := x.rules.Rules[t.rule]
	a := &doc.Article
	m := model.Mention{
		Article:       a.ID,
		Sentence:      strings.Clone(s.Text), // don't pin the article text
		SentenceIndex: s.Index,
		Start:         s.Start,
		End:           s.End,
		Trigger:       strings.Clone(a.Text[s.Tokens[t.from].Start:s.Tokens[t.to-1].End]),
		TriggerStart:  s.Tokens[t.from].Start,
		Type:          rule.Type,
		Date:          d.date,
		Rule:          rule.ID,
		Time: model.TimeRef{
			Text: strings.Clone(d.tx.Text), Type: d.tx.Type, Value: d.tx.Value, Rule: d.tx.Rule,
			Via: t.via, Start: d.tx.Start, End: d.tx.End,
		},
		Modality: t.modality,
	}
	if a.HasPublished() {
		m.Published = a.Published.Format("2006-01-02")
	}
	if rule.Class == "speech" {
		m.Source = x.speaker(s, words, t, ents, ds, lastPerson)
	}
	m.Actors, m.Targets, m.Places = x.roles(s, words, t, ents, quoted)
	if rule.Class == "speech" && len(m.Actors) == 0 && m.Source != "" {
		m.Actors = []string{strings.Clone(m.Source)} // the speaker acts, even when named after the verb
	}
	return m
}

// setModality reads each trigger's cues; a noun with none takes the
// modality of a verb before it in the same clause ("are due to meet at a
// forum": the forum is planned too).
func (x *Extractor) setModality(words []string, trigs []trigger) {
	for i := range trigs {
		trigs[i].modality = x.modality(words, trigs[i])
	}
	for i := range trigs {
		t := &trigs[i]
		if t.modality != "" || t.kind != "noun" {
			continue
		}
		for j := i - 1; j >= 0; j-- {
			v := trigs[j]
			if v.kind != "verb" || t.from-v.to > 6 || boundaries(words, v, dated{from: t.from, to: t.to}) > 0 {
				continue
			}
			t.modality = v.modality
			break
		}
	}
}

// modality reads the cue words around a trigger; the first cue that applies wins.
func (x *Extractor) modality(words []string, t trigger) string {
	for _, m := range x.mods {
		if len(m.kinds) > 0 && !m.kinds[t.kind] {
			continue
		}
		from, to := max(0, t.from-m.window), t.from
		switch {
		case m.sentence:
			from, to = 0, len(words)
		case m.after:
			from, to = t.to, min(len(words), t.to+m.window)
		}
		if m.occurs(words, from, to) {
			return m.name
		}
	}
	return ""
}

// occurs reports whether one of the cue's phrases lies inside
// words[from:to]: each word is looked up once, not once per phrase.
func (m *modality) occurs(words []string, from, to int) bool {
	if m.anywhere && from <= to {
		return true
	}
	for i := max(0, from); i < to && i < len(words); i++ {
		for _, p := range m.byFirst[words[i]] {
			if i+len(p) <= to && phraseIn(words, p, i, i+len(p)) {
				return true
			}
		}
	}
	return false
}

// phraseIn reports whether p occurs inside words[from:to].
func phraseIn(words, p []string, from, to int) bool {
	for i := from; i+len(p) <= to; i++ {
		ok := true
		for k, w := range p {
			if words[i+k] != w {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

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
	best, bestDist := "", 1<<30
	for _, e := range ents {
		from, to := tokenRange(s, e.Span)
		var d int
		switch {
		case to <= t.from:
			d = t.from - to
		case from >= t.to && from-t.to <= 2:
			d = from - t.to + 1
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

// tokenRange maps a byte span to the sentence's token range [from, to).
func tokenRange(s *model.Sentence, sp model.Span) (int, int) {
	from := sort.Search(len(s.Tokens), func(i int) bool { return s.Tokens[i].End > sp.Start })
	to := sort.Search(len(s.Tokens), func(i int) bool { return s.Tokens[i].Start >= sp.End })
	if to < from {
		to = from
	}
	return from, to
}

func entitiesBySentence(doc *model.Document) map[int][]model.Entity {
	out := map[int][]model.Entity{}
	for _, e := range doc.Entities {
		out[e.Sentence] = append(out[e.Sentence], e)
	}
	return out
}

func timexBySentence(doc *model.Document) map[int][]*model.Timex {
	out := map[int][]*model.Timex{}
	for i := range doc.Timexes {
		t := &doc.Timexes[i]
		out[t.Sentence] = append(out[t.Sentence], t)
	}
	return out
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
