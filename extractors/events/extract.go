package events

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/timeline-news/timeline/extractors/postag"
	"github.com/timeline-news/timeline/model"
	"github.com/timeline-news/timeline/rules"
)

// Extractor finds event mentions with a compiled set of event rules.
type Extractor struct {
	rules             *rules.EventRules
	lex               lexicon
	requires          []map[string]bool // per rule
	excludes          []map[string]bool // per rule
	exclBefore        []map[string]bool // per rule, before the trigger only
	mods              []modality
	preps             map[string]bool
	pronouns          map[string]bool
	modifiers         map[string]bool
	aux               map[string]bool
	subord            map[string]bool
	relatives         map[string]bool
	obliques          map[string]bool
	deadlines         map[string]bool
	spans             map[string]bool
	anchors           map[string]bool
	support           map[string]bool
	motion            map[string]bool
	destinations      map[string]bool
	roleHeads         map[string]bool
	roleMods          map[string]bool
	honorific         map[string]bool
	inverted          map[string]bool
	groupPronouns     map[string]bool
	possessives       map[string]bool
	reporterHeads     map[string]bool
	documents         map[string]bool
	datePrefix        map[string]bool // what may open a live blog's time stamp
	dateZone          map[string]bool // and stand after it
	adjuncts          map[string]bool
	purposes          map[string]bool
	unnamed           map[string]bool
	groupHeads        map[string]bool // nouns that head a group, with their plurals
	quantities        map[string]bool
	placeNouns        map[string]bool
	approx            [][]string      // "at least", "more than": a count, no governing phrase
	possessedPatients map[string]bool // "Tymoshenko's release": the possessor is released
	naming            map[string]bool // verbs that name what they govern ("what it calls", "described as")
	relAdverbs        map[string]bool // "where", "when" after a comma: a relative clause
	clear             [][]string      // transparent word sequences
	pos               *postag.Tagger
	recasts           []recast      // per rule; an empty type when the rule has none
	patients          []patientType // per rule; an empty type when the rule has none
	ana               anaphora
	offs              offsetRules
	coord             coordination
}

// recast is a compiled rules.Recast.
type recast struct {
	typ             string
	context, unless map[string]bool
}

// discourse is what the article has said so far, for recasts: per rule,
// the position (in words read) of the last context and unless word.
type discourse struct {
	read       int
	ctx, block []int
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
	around   bool
	// implicatives: inflections of verbs whose infinitive happened as they did
	implicatives map[string]bool
	// objectVerbs: inflections of verbs whose object does the infinitive
	objectVerbs map[string]bool
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
	x.adjuncts = set(r.Places.Adjuncts)
	x.ana = compileAnaphora(r.Anaphora)
	x.offs = compileOffsets(r.Attach.Offsets)
	x.purposes = set(r.Places.Purposes)
	x.motion = set(r.Places.MotionVerbs)
	x.unnamed, x.possessives = set(r.Speakers.Unnamed), set(r.Speakers.Possessives)
	x.reporterHeads, x.documents = set(r.Speakers.Reporters), nounSet(r.Speakers.Documents)
	x.datePrefix, x.dateZone = set(r.Attach.Dateline.Prefixes), set(r.Attach.Dateline.Zones)
	x.groupHeads, x.quantities = nounSet(r.Groups.Heads), nounSet(r.Groups.Quantities)
	for _, p := range r.Groups.Approximators {
		x.approx = append(x.approx, strings.Fields(strings.ToLower(p)))
	}
	x.placeNouns = nounSet(r.Places.PlaceNouns)
	x.naming, x.relAdverbs = set(r.Actors.NamingVerbs), set(r.Actors.RelativeAdverbs)
	x.possessedPatients = nounSet(r.Actors.PossessedPatients)
	x.destinations = set(r.Places.Destinations)
	x.inverted, x.groupPronouns = set(r.Speakers.Inverted), set(r.Speakers.GroupPronouns)
	x.relatives, x.obliques = set(r.Attach.Relatives), set(r.Places.Obliques)
	x.deadlines, x.spans = set(r.Attach.Deadlines), set(r.Attach.Spans)
	x.support, x.anchors = set(r.Places.SupportVerbs), set(r.Attach.Anchors)
	x.roleHeads, x.roleMods, x.honorific = set(r.Roles.Heads), set(r.Roles.Modifiers), set(r.Roles.Honorifics)
	for _, p := range r.Attach.Transparent {
		x.clear = append(x.clear, strings.Fields(strings.ToLower(p)))
	}
	x.coord = coordination{links: set(r.Attach.Coordination.Links), periods: set(r.Attach.Coordination.Periods)}
	for _, p := range r.Attach.Coordination.Coordinators {
		if f := strings.Fields(strings.ToLower(p)); len(f) > 0 {
			x.coord.coordinators = append(x.coord.coordinators, f)
		}
	}
	for _, rule := range r.Rules {
		rc := recast{}
		if rule.Recast != nil {
			rc = recast{typ: rule.Recast.Type, context: set(rule.Recast.Context), unless: set(rule.Recast.Unless)}
		}
		x.recasts = append(x.recasts, rc)
		pt := patientType{}
		if rule.Patients != nil {
			pt = patientType{typ: rule.Patients.Type, nouns: nounSet(rule.Patients.Nouns)}
		}
		x.patients = append(x.patients, pt)
		x.requires = append(x.requires, set(rule.Requires))
		x.excludes = append(x.excludes, set(rule.Excludes))
		x.exclBefore = append(x.exclBefore, set(rule.ExcludesBefore))
	}
	for _, m := range r.Modality {
		mod := modality{name: m.Modality, window: m.Window, after: m.After, sentence: m.Sentence, around: m.Around, kinds: set(m.Kinds)}
		mod.implicatives, mod.objectVerbs = inflected(m.Implicatives, r.Forms), inflected(m.ObjectImplicatives, r.Forms)
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

// nounSet holds nouns with their plurals.
func nounSet(nouns []string) map[string]bool {
	m := map[string]bool{}
	for _, n := range nouns {
		for _, f := range nounForms(strings.ToLower(n)) {
			m[f] = true
		}
	}
	return m
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

// dated is a time expression of the sentence that can date an event.
type dated struct {
	tx        *model.Timex
	date      string
	precision string
	from, to  int // token range
	// deadline: the time follows "by" or "until" ("elections by
	// December"): what is due by then has not happened.
	deadline bool
	// span: the time follows "since": it starts a period.
	span bool
	// anchored: an anaphoric time counted from another event ("the day
	// after the UK announced"): its value is not that event's day.
	anchored bool
	// anaphor: no time expression of the sentence but the date of an
	// event told before, lent by a noun that refers back to it.
	anaphor bool
	// quoted: the time stands inside a quotation, and dates only what
	// the quotation tells.
	quoted bool
	// rangeEnd: the time closes a range opened by the one before it
	// ("from Jan. 10 to Jan. 12"): what happened over it starts at the first.
	rangeEnd bool
	// scope is 1 + the offset clause the time stands in, 0 in the main
	// clause: a time dates only triggers of its own scope.
	scope int
}

// Extract appends a mention to doc.Events for every dated event it finds.
func (x *Extractor) Extract(doc *model.Document) {
	ents := entitiesBySentence(doc)
	times := timexBySentence(doc)
	focus := focusState{}
	var told toldState             // events told so far, for "the summit" to refer back to
	lastPerson := ""               // the first person of the last sentence that names one
	known := map[string]string{}   // person -> role, as the article gave it so far
	reporters := map[string]bool{} // the outlet's own reporters: their names and the words of them
	published := ""
	if doc.Article.HasPublished() {
		published = doc.Article.Published.Format("2006-01-02")
	}
	if published != "" && x.rules.Attach.Lede > 0 {
		focus.lede = &dated{tx: &model.Timex{Type: model.TimexDate, Value: published, Rule: "publication-date"}, date: published, precision: model.PrecisionDay}
		focus.ledeLeft = x.rules.Attach.Lede
	}
	disc := discourse{ctx: make([]int, len(x.recasts)), block: make([]int, len(x.recasts))}
	for i := range disc.ctx {
		disc.ctx[i], disc.block[i] = -1, -1
	}
	for si := range doc.Sentences {
		s := &doc.Sentences[si]
		focus.age++
		if s.Kind == model.BlockHeading || len(s.Tokens) == 0 {
			focus.reset()
			told.reset()
			x.readDiscourse(&disc, normTokens(s))
			continue
		}
		words := normTokens(s)
		var ds []dated
		for _, tx := range times[si] {
			date, prec := DateOf(tx.Value)
			if date == "" || (tx.Type != model.TimexDate && tx.Type != model.TimexTime) {
				continue
			}
			if partOfName(tx, ents[si]) {
				continue // "Fox News Sunday" is a programme, not a day
			}
			from, to := tokenRange(s, tx.Span)
			ds = append(ds, dated{tx: tx, date: date, precision: prec, from: from, to: to, deadline: from > 0 && x.deadlines[words[from-1]], span: from > 0 && x.spans[words[from-1]],
				anchored: to < len(words) && x.anchors[words[to]] && (words[from] == "the" || words[from] == "that")})
		}
		offs := x.findOffsets(s, words, times[si])
		for i := range ds {
			ds[i].scope = scopeOf(offs, ds[i].from)
		}
		for i := 1; i < len(ds); i++ {
			p, d := ds[i-1], ds[i]
			if p.from > 0 && words[p.from-1] == "from" && d.from == p.to+1 && (words[p.to] == "to" || words[p.to] == "through" || words[p.to] == "until") {
				ds[i].rangeEnd = true
			}
		}
		trigs := x.findTriggers(words)
		if len(trigs) > 0 {
			x.pos.Tag(doc.Article.Text, s)
			trigs = x.filter(s, trigs, ds, ents[si])
		}
		for i := range trigs {
			trigs[i].scope = scopeOf(offs, trigs[i].from)
		}
		x.personRoles(s, words, ents[si], known)
		x.noteReporters(doc.Article.Text, s, words, ents[si], known, reporters)
		x.recastTypes(&disc, words, trigs)
		x.patientTypes(s, words, trigs, ents[si])
		x.readDiscourse(&disc, words)
		x.setModality(s, words, trigs, ds)
		quoted := continuedQuote(s, words, quotedTokens(words))
		if allQuoted(words, quoted) {
			focus.age-- // a sentence of a quotation moves the narrative's day on no further
		}
		for i := range trigs {
			trigs[i].quoted = quoted[trigs[i].from]
		}
		for i := range ds {
			ds[i].quoted = quoted[ds[i].from]
		}
		x.attach(s, words, trigs, ds)
		x.coordinate(s, words, trigs, ds, ents[si])
		all, refs := x.referBack(&told, si, s, words, trigs, ds)
		x.inherit(s, words, trigs, all, !namesTime(times[si]), &focus)
		all = dateAnaphors(trigs, all, refs)
		all = x.dateOffsets(doc, s, words, trigs, all, offs, ents[si], &focus, published)
		ante := antecedents{person: lastPerson}
		if si > 0 && len(words) > 0 && (x.pronouns[words[0]] || x.groupPronouns[words[0]]) && len(trigs) > 0 {
			ante.prev = x.previousSubject(doc, si-1, ents[si-1])
		}
		n := len(doc.Events)
		speaker := x.emit(doc, s, words, trigs, all, ents[si], &focus, ante, quoted, known, reporters)
		x.record(&told, doc, n, si, s, words, trigs, refs)
		for _, e := range ents[si] {
			if e.Kind == model.Person {
				lastPerson = e.Canonical // the sentence's first person: usually its subject
				break
			}
		}
		if speaker != "" && unknownName(speaker, ents[si]) {
			lastPerson = speaker // "Soraya says ...": a speaker the gazetteer does not know is the one "she" stands for next
		}
		focus.set(ds, published)
		focus.ledeLeft--
		if namesOtherDay(times[si], published) {
			focus.ledeLeft = 0 // the article has named another day: it tells its own days
		}
	}
}

var viaRank = map[string]int{"own": 0, "offset": 1, "reporting": 1, "sentence": 2, "context": 3, "lede": 3, "anaphora": 4}

// emit turns dated triggers into mentions, one per event type and date in
// the sentence. A speech act is kept only when a time expression of its own
// dates it; the content events it reports are attributed to its speaker.
func (x *Extractor) emit(doc *model.Document, s *model.Sentence, words []string, trigs []trigger, ds []dated, ents []model.Entity, focus *focusState, ante antecedents, quoted []bool, known map[string]string, reporters map[string]bool) string {
	dateOf := func(t trigger) *dated {
		switch {
		case t.time >= 0:
			return &ds[t.time]
		case t.time == -2:
			return focus.d
		case t.time == -3:
			return focus.lede
		}
		return nil
	}
	// The sentence's speech act is its first speech verb (a speech noun,
	// "at a press conference", has the verb's subject as its speaker): a
	// verb coordinated after it ("said ... and told the minister") does not
	// name another speaker for what the sentence reports.
	verb := -1
	for i, t := range trigs {
		if x.class(t) == "speech" && t.kind == "verb" && (verb < 0 || trigs[verb].quoted && !t.quoted) {
			verb = i // the first speech verb outside a quotation: "“I urge you not to despair,” Litvinovich said"
			if !t.quoted {
				break
			}
		}
	}
	speaker := ""
	if verb >= 0 {
		speaker = x.speaker(s, words, trigs[verb], ents, ds, ante, quoted)
	} else {
		for _, t := range trigs {
			if x.class(t) == "speech" {
				if speaker = x.speaker(s, words, t, ents, ds, ante, quoted); speaker != "" {
					break
				}
			}
		}
	}
	seen := map[string]int{} // type|date -> index in doc.Events
	for _, t := range withSides(trigs, ds) {
		d := dateOf(t)
		if d == nil {
			continue
		}
		rule := x.rules.Rules[t.rule]
		if rule.Class == "speech" && (t.via != "own" && t.via != "anaphora" && t.via != "lede" && t.via != "offset" || t.quoted) {
			continue // a speech act is dated only by its own time (or "at the summit", "a day after"), and quoted speech is no report
		}
		if pub := doc.Article.Published; !pub.IsZero() {
			day := pub.Format("2006-01-02")
			if d.deadline && !realis(t.modality) && d.date < day[:min(len(d.date), 10)] {
				continue // a deadline lies ahead of the writing
			}
			if t.modality == "" && after(d.date, day) {
				if pastTense(s.Tokens, words, t) {
					continue // what the text tells in the past lies before the writing: the date is misread
				}
				t.modality = "planned" // "money to help run elections May 25": still to come
			}
		}
		typ := rule.Type
		if t.typ != "" {
			typ = t.typ
		}
		key := typ + "|" + d.date
		if i, dup := seen[key]; dup && viaRank[doc.Events[i].Time.Via] <= viaRank[t.via] {
			continue // keep the mention whose time is most its own
		}
		m := x.mention(doc, s, words, t, d, ds, ents, ante, quoted, trigs, verb)
		m.Places = pairPlaces(s, words, ents, t, m.Places)
		if rule.Class == "speech" && t.kind == "noun" && m.Source == "" && len(m.Actors) == 0 {
			continue // a threat or an accusation nobody makes is a danger, not a speech act: "the threat of sniper fire"
		}
		if rule.Class == "speech" && reporters[m.Source] {
			continue // "Palmer says ...": the outlet's correspondent narrates
		}
		if rule.Class == "content" && speaker != "" && m.Source == "" && !x.background(s, words, t, trigs, verb) {
			m.Source = speaker
			if m.Modality == "" {
				m.Modality = "reported"
			}
		}
		mentionRoles(&m, known)
		if i, dup := seen[key]; dup {
			doc.Events[i] = m
			continue
		}
		seen[key] = len(doc.Events)
		doc.Events = append(doc.Events, m)
	}
	return speaker
}

// unknownName reports a speaker no entity of the sentence names: a proper
// noun the gazetteer does not know ("Soraya says").
func unknownName(name string, ents []model.Entity) bool {
	for _, e := range ents {
		if e.Canonical == name || e.ActorName() == name || strings.Contains(name, e.Canonical) || e.Text != "" && strings.Contains(name, e.Text) {
			return false
		}
	}
	return true
}

func (x *Extractor) mention(doc *model.Document, s *model.Sentence, words []string, t trigger, d *dated, ds []dated, ents []model.Entity, ante antecedents, quoted []bool, trigs []trigger, verb int) model.Mention {
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
	if t.typ != "" {
		m.Type = t.typ
	}
	if a.HasPublished() {
		m.Published = a.Published.Format("2006-01-02")
	}
	actorsOf := t
	if rule.Class == "speech" {
		if t.kind != "verb" && !strings.HasPrefix(s.Tokens[t.from].Tag, "VB") && verb >= 0 && trigs[verb].quoted == t.quoted {
			actorsOf = trigs[verb] // "Speaking at a press conference on Friday, Mr Johnson said"
		}
		m.Source = x.speaker(s, words, actorsOf, ents, ds, ante, quoted)
	}
	m.Actors, m.Targets, m.Places = x.roles(s, words, t, ents, quoted)
	if actorsOf != t {
		m.Actors, _, _ = x.roles(s, words, actorsOf, ents, quoted)
		kept := m.Targets[:0]
		for _, n := range m.Targets {
			if !slices.Contains(m.Actors, n) {
				kept = append(kept, n)
			}
		}
		m.Targets = kept
	}
	if len(m.Actors) == 0 && (rule.Class != "speech" || m.Source == "" || len(ante.prev.names) > 1 && m.Source == ante.prev.names[0]) {
		if names := x.pronounSubject(s, words, actorsOf, ante); len(names) > 0 {
			m.Actors = append([]string(nil), names...) // "The ministers of Germany and France met. They said ..."
			if rule.Class == "speech" && m.Source == "" {
				m.Source = strings.Clone(names[0])
			}
		}
	}
	m.Groups = x.actorGroups(s, words, actorsOf, ents, ds)
	if len(m.Actors) == 0 && len(m.Groups) == 0 && ante.prev.group != "" && x.pronounOpens(s, words, actorsOf, ante.prev) {
		m.Groups = []string{ante.prev.group} // "The protesters stormed the building. They said ..."
	}
	if rule.Class == "speech" && len(m.Actors) == 0 && m.Source != "" {
		m.Actors = []string{strings.Clone(m.Source)} // the speaker acts, even when named after the verb
	}
	return m
}

// after reports a date (year, month or day) later than the day published.
func after(date, published string) bool {
	switch len(date) {
	case 4, 7, 10:
		return date > published[:len(date)]
	}
	return false
}

// allQuoted reports a sentence that is all quotation, its marks aside.
func allQuoted(words []string, quoted []bool) bool {
	for k, w := range words {
		if !quoted[k] && w != "" && w != "." && w != "," {
			return false
		}
	}
	return true
}

// namesTime reports a date or a time among a sentence's time expressions: a
// duration ("for several hours of talks") or a set names no day.
func namesTime(txs []*model.Timex) bool {
	for _, tx := range txs {
		if tx.Type == model.TimexDate || tx.Type == model.TimexTime {
			return true
		}
	}
	return false
}

// namesOtherDay reports a date or a time among a sentence's time
// expressions that is not the publication day: "This post was updated at
// 9:30 a.m. ET" names the day the lede tells, "on Monday" another.
func namesOtherDay(txs []*model.Timex, published string) bool {
	for _, tx := range txs {
		if tx.Type != model.TimexDate && tx.Type != model.TimexTime {
			continue
		}
		if date, _ := DateOf(tx.Value); published == "" || date != published {
			return true
		}
	}
	return false
}

// partOfName reports a time expression inside a name ("Fox News Sunday",
// "Meet the Press": programmes the gazetteer knows). "Reuters Monday" is no
// name: "told Reuters Monday that" names a day.
func partOfName(tx *model.Timex, ents []model.Entity) bool {
	for _, e := range ents {
		if e.Start <= tx.Start && tx.End <= e.End {
			return true
		}
	}
	return false
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

// recastTypes gives a trigger its rule's second type when the words the
// article used last say so: "the vote" after "the referendum" is the
// referendum, unless its sentence speaks of an election ("a vote for a new
// president").
func (x *Extractor) recastTypes(disc *discourse, words []string, trigs []trigger) {
	for i := range trigs {
		t := &trigs[i]
		rc := x.recasts[t.rule]
		if rc.typ == "" {
			continue
		}
		ctx, block := disc.ctx[t.rule], disc.block[t.rule]
		blocked := false
		for k, w := range words {
			if rc.unless[w] && (k < t.from || k >= t.to) {
				blocked = true
				break
			}
			if rc.context[w] && k < t.from {
				ctx = disc.read + k
			}
		}
		if !blocked && ctx >= 0 && ctx > block {
			t.typ = rc.typ
		}
	}
}

// readDiscourse records the context and unless words of a sentence read.
func (x *Extractor) readDiscourse(disc *discourse, words []string) {
	for r, rc := range x.recasts {
		if rc.typ == "" {
			continue
		}
		for k, w := range words {
			switch {
			case rc.context[w]:
				disc.ctx[r] = disc.read + k
			case rc.unless[w]:
				disc.block[r] = disc.read + k
			}
		}
	}
	disc.read += len(words)
}

// continuedQuote marks the start of a sentence quoted when its first
// quotation mark closes a quotation opened in a sentence before ("... But I
// urge you not to despair,” Litvinovich said"): a right double quotation
// mark, or a straight one right after the quotation's final punctuation.
func continuedQuote(s *model.Sentence, words []string, q []bool) []bool {
	for i, w := range words {
		if w != "" {
			continue
		}
		t := s.Tokens[i].Text
		closing := t == "”" || t == "\"" && i > 0 && s.Tokens[i-1].End == s.Tokens[i].Start && strings.ContainsAny(s.Tokens[i-1].Text, ",.?!")
		if !closing || i <= 4 {
			return q
		}
		out := make([]bool, len(words))
		for k := 0; k < i; k++ {
			out[k] = true
		}
		copy(out[i+1:], quotedTokens(words[i+1:]))
		return out
	}
	return q
}
