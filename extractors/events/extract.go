package events

import (
	"fmt"
	"sort"
	"strings"

	"github.com/timeline-news/timeline/model"
	"github.com/timeline-news/timeline/rules"
)

// Extractor finds event mentions with a compiled set of event rules.
type Extractor struct {
	rules    *rules.EventRules
	lex      lexicon
	requires []map[string]bool // per rule
	excludes []map[string]bool // per rule
	mods     []modality
	preps    map[string]bool
}

type modality struct {
	name     string
	words    map[string]bool
	window   int
	after    bool
	sentence bool
}

// Compile builds the trigger lexicon and cue sets once.
func Compile(r *rules.EventRules) (*Extractor, error) {
	if r == nil {
		return nil, fmt.Errorf("events: no rules")
	}
	x := &Extractor{rules: r, lex: buildLexicon(r), preps: set(r.Places.Prepositions)}
	for _, rule := range r.Rules {
		x.requires = append(x.requires, set(rule.Requires))
		x.excludes = append(x.excludes, set(rule.Excludes))
	}
	for _, m := range r.Modality {
		x.mods = append(x.mods, modality{name: m.Modality, words: set(m.Words), window: m.Window, after: m.After, sentence: m.Sentence})
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
				best = trigger{rule: e.rule, from: i, to: i + n, lemma: e.lemma, time: -1}
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
		for i := max(0, from-w); i < from; i++ {
			if ex[words[i]] {
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
	tx         *model.Timex
	date       string
	precision  string
	from, to   int // token range
	ownerFound bool
}

// Extract appends a mention to doc.Events for every dated event it finds.
func (x *Extractor) Extract(doc *model.Document) {
	ents := entitiesBySentence(doc)
	times := timexBySentence(doc)
	focus := focusState{}
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
		trigs = dropInsideTimex(trigs, ds)
		x.attach(trigs, ds)
		x.inherit(trigs, ds, len(times[si]) == 0, &focus)
		x.emit(doc, s, words, trigs, ds, ents[si], &focus)
		focus.set(ds)
	}
}

// dropInsideTimex removes triggers that are part of a time expression
// ("the day of the meeting" is not itself a meeting).
func dropInsideTimex(trigs []trigger, ds []dated) []trigger {
	out := trigs[:0]
	for _, t := range trigs {
		inside := false
		for _, d := range ds {
			if t.from >= d.from && t.to <= d.to {
				inside = true
			}
		}
		if !inside {
			out = append(out, t)
		}
	}
	return out
}

// attach gives each dated time expression to the trigger it governs: the
// nearest in tokens; on a tie a content trigger beats a speech act, then the
// higher priority, then the trigger before the expression.
func (x *Extractor) attach(trigs []trigger, ds []dated) {
	for di := range ds {
		d := ds[di]
		best, bestCost := -1, 0
		for ti, t := range trigs {
			cost := distance(t.from, t.to, d.from, d.to) * 100
			if x.class(t) == "speech" {
				cost += 50
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

func distance(af, at, bf, bt int) int {
	switch {
	case at <= bf:
		return bf - at
	case bt <= af:
		return af - bt
	}
	return 0
}

// inherit dates triggers that govern no time expression of their own:
// first from the speech act of the same sentence, then from the nearest
// dated trigger of the sentence, then (only when the sentence has no time
// expression at all) from the temporal focus of the previous sentences.
func (x *Extractor) inherit(trigs []trigger, ds []dated, noTimex bool, focus *focusState) {
	speech := -1
	for _, t := range trigs {
		if t.time >= 0 && x.class(t) == "speech" {
			speech = t.time
			break
		}
	}
	for i := range trigs {
		t := &trigs[i]
		if t.time >= 0 {
			continue
		}
		switch {
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
		case noTimex && focus.ok():
			t.time, t.via = -2, "context"
		}
	}
}

// focusState is the narrative's current time: the last day-precision date
// stated, valid for the next two sentences when they state no time at all.
type focusState struct {
	d   *dated
	age int
}

func (f *focusState) reset()   { f.d = nil }
func (f *focusState) ok() bool { return f.d != nil && f.age <= 2 }

// set moves the focus to the sentence's last day-precision date, if any.
func (f *focusState) set(ds []dated) {
	for i := len(ds) - 1; i >= 0; i-- {
		if ds[i].precision == model.PrecisionDay || ds[i].precision == model.PrecisionTime {
			d := ds[i]
			f.d, f.age = &d, 0
			return
		}
	}
}

// emit turns dated triggers into mentions, one per event type and date in
// the sentence. A speech act is kept only when a time expression of its own
// dates it; the content events it reports are attributed to its speaker.
func (x *Extractor) emit(doc *model.Document, s *model.Sentence, words []string, trigs []trigger, ds []dated, ents []model.Entity, focus *focusState) {
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
			if speaker = x.speaker(s, t, ents); speaker != "" {
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
		if rule.Class == "speech" && t.via != "own" {
			continue // a speech act is dated only by its own time expression
		}
		key := rule.Type + "|" + d.date
		if i, dup := seen[key]; dup && doc.Events[i].TriggerStart <= s.Tokens[t.from].Start {
			continue
		}
		m := x.mention(doc, s, words, t, d, ents)
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

func (x *Extractor) mention(doc *model.Document, s *model.Sentence, words []string, t trigger, d *dated, ents []model.Entity) model.Mention {
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
		Modality: x.modality(words, t),
	}
	if a.HasPublished() {
		m.Published = a.Published.Format("2006-01-02")
	}
	if rule.Class == "speech" {
		m.Source = x.speaker(s, t, ents)
	}
	m.Actors, m.Places = x.roles(s, words, ents)
	return m
}

// modality reads the cue words around a trigger; the first cue that applies wins.
func (x *Extractor) modality(words []string, t trigger) string {
	for _, m := range x.mods {
		if m.sentence {
			for _, w := range words {
				if m.words[w] {
					return m.name
				}
			}
			continue
		}
		from, to := max(0, t.from-m.window), t.from
		if m.after {
			from, to = t.to, min(len(words), t.to+m.window)
		}
		for i := from; i < to; i++ {
			if m.words[words[i]] {
				return m.name
			}
		}
	}
	return ""
}

// roles splits the sentence's entities into actors and places: a place name
// after a locative preposition is a place, anything else acts.
func (x *Extractor) roles(s *model.Sentence, words []string, ents []model.Entity) (actors, places []string) {
	for _, e := range ents {
		first, _ := tokenRange(s, e.Span)
		locative := false
		for k := first - 1; k >= 0 && k >= first-4; k-- {
			if x.preps[words[k]] {
				locative = true
				break
			}
			if !isModifier(words[k]) {
				break
			}
		}
		// A town or region (a place inside a country) is where things
		// happen; a country or a seat of government (Moscow for Russia)
		// acts unless a preposition makes it a location.
		subnational := e.Country != "" && e.Country != e.Canonical && e.Actor == ""
		if e.Kind == model.Place && (locative || subnational) {
			places = appendUnique(places, e.Canonical)
			continue
		}
		actors = appendUnique(actors, e.ActorName())
	}
	return actors, places
}

// isModifier reports words that may stand between a preposition and a place
// name ("in the eastern city of", "in southern").
func isModifier(w string) bool {
	return w == "the" || w == "a" || w == "city" || w == "of" || w == "region" || w == "town" ||
		strings.HasSuffix(w, "ern") || strings.HasSuffix(w, "ian") || w == "port" || w == "capital"
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

// speaker is the person or body that performs a speech act: the nearest
// actor entity before the verb in the same clause, else right after it
// ("said Kerry").
func (x *Extractor) speaker(s *model.Sentence, t trigger, ents []model.Entity) string {
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
	return best
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

// Triggers lists the triggers of one tokenized sentence.
func (x *Extractor) Triggers(text string, s *model.Sentence) []Hit {
	var out []Hit
	for _, t := range x.findTriggers(normTokens(s)) {
		r := x.rules.Rules[t.rule]
		out = append(out, Hit{Rule: r.ID, Type: r.Type, Class: r.Class,
			Trigger: text[s.Tokens[t.from].Start:s.Tokens[t.to-1].End], Start: s.Tokens[t.from].Start})
	}
	return out
}
