package events

// Anaphora: a definite event noun with no time of its own ("the summit",
// "that meeting") refers back to the event of its type the article told
// and dated shortly before, and takes its date.

import (
	"slices"
	"strings"

	"github.com/timeline-news/timeline/model"
	"github.com/timeline-news/timeline/rules"
)

// anaphora is the compiled rules.AnaphoraRules.
type anaphora struct {
	window                                int
	dets, nouns, lasting, blockers, preps map[string]bool
	indefinites                           map[string]bool
	kin                                   map[string]int // type -> its set of equivalents (0: alone)
}

func compileAnaphora(r rules.AnaphoraRules) anaphora {
	a := anaphora{window: r.Window, dets: set(r.Determiners), nouns: set(r.Nouns), lasting: set(r.Lasting),
		blockers: set(r.Blockers), indefinites: set(r.Indefinites), preps: set(r.Prepositions), kin: map[string]int{}}
	for i, g := range r.Equivalents {
		for _, t := range g {
			a.kin[t] = i + 1
		}
	}
	return a
}

// same reports types one noun may refer back across.
func (a *anaphora) same(t, u string) bool {
	return t == u || a.kin[t] > 0 && a.kin[t] == a.kin[u]
}

// told is an event the article told, for anaphora; an empty date is one
// told without a date that may be another event (see another) or a dated
// one not told as fact: a noun after it may mean either.
type told struct {
	si    int
	typ   string
	d     dated
	start int // the mention's trigger_start, to find its participants
}

// toldState is what the article told in the window so far.
type toldState struct{ told []told }

func (st *toldState) reset() { st.told = st.told[:0] }

// referent is a resolved anaphor: trigger index, the date it takes and the
// type of the event it refers to.
type referent struct {
	trig  int
	d     dated
	typ   string
	start int
}

// typeOf is a trigger's type, recast or the rule's.
func (x *Extractor) typeOf(t trigger) string {
	if t.typ != "" {
		return t.typ
	}
	return x.rules.Rules[t.rule].Type
}

// definite returns the determiner of a noun trigger that can refer back:
// a noun of the list after a determiner, with at most three modifiers
// (adjectives, nouns, names) between, none a blocker, and no noun after it
// ("the summit declaration"); -1 when there is none.
func (x *Extractor) definite(s *model.Sentence, words []string, t trigger) int {
	a := &x.ana
	if t.kind != "noun" || !a.nouns[words[t.to-1]] {
		return -1
	}
	if t.to < len(words) && strings.HasPrefix(s.Tokens[t.to].Tag, "NN") {
		return -1
	}
	for k := t.from - 1; k >= 0 && k >= t.from-4; k-- {
		switch w, tag := words[k], s.Tokens[k].Tag; {
		case a.blockers[w]:
			return -1
		case a.dets[w]:
			if tag != "DT" {
				return -1 // "said that talks": a conjunction
			}
			return k
		case strings.HasPrefix(tag, "JJ") || strings.HasPrefix(tag, "NN") || tag == "VBN":
		default:
			return -1
		}
	}
	return -1
}

// another reports a content trigger that tells, without a date, an event
// that may be another than one told before: a verb or phrase ("Biden also
// met Xi", "hopes to meet Xi"), or a noun introduced as new ("a summit",
// "the next meeting"). A bare noun ("talks continued", "paper ballots")
// or a definite one names no new event.
func (x *Extractor) another(s *model.Sentence, words []string, t trigger) bool {
	if x.class(t) != "content" {
		return false
	}
	if t.kind != "noun" {
		return true
	}
	a := &x.ana
	for k := t.from - 1; k >= 0 && k >= t.from-4; k-- {
		switch w, tag := words[k], s.Tokens[k].Tag; {
		case a.indefinites[w] || a.blockers[w]:
			return true
		case strings.HasPrefix(tag, "JJ") || strings.HasPrefix(tag, "NN") || tag == "VBN":
		default:
			return false
		}
	}
	return false
}

// referBack resolves the sentence's anaphors (called after attach, so a
// noun with a time of its own is none) and lends each one's date, through a
// governing preposition, to what the phrase dates: the phrase joins ds as a
// time expression would, and attach gives it to its trigger (via
// "anaphora"). The anaphors themselves take their date in dateAnaphors.
func (x *Extractor) referBack(st *toldState, si int, s *model.Sentence, words []string, trigs []trigger, ds []dated) ([]dated, []referent) {
	a := &x.ana
	if a.window <= 0 {
		return ds, nil
	}
	var refs []referent
	first := len(ds)
	for i, t := range trigs {
		if t.time >= 0 || t.quoted || !realis(t.modality) {
			continue
		}
		det := x.definite(s, words, t)
		if det < 0 {
			continue
		}
		d, typ, start, ok := x.resolve(st, si, s, words, trigs, ds, i)
		if !ok {
			continue
		}
		refs = append(refs, referent{trig: i, d: d, typ: typ, start: start})
		if det == 0 || !a.preps[words[det-1]] || a.lasting[words[t.to-1]] {
			continue
		}
		d.from, d.to, d.anaphor = det-1, t.to, true
		ds = append(ds[:len(ds):len(ds)], d)
	}
	if len(ds) > first {
		x.attachFrom(s, words, trigs, ds, first)
		for i := range trigs {
			if t := &trigs[i]; t.time >= first {
				t.via = "anaphora"
			}
		}
	}
	return ds, refs
}

// resolve finds the one date the earlier mentions of trigs[ti]'s type (or
// an equivalent) in the window give, in earlier sentences or before it in
// its own; ok is false when there is none, or more than one, or one of them
// was told without a date.
func (x *Extractor) resolve(st *toldState, si int, s *model.Sentence, words []string, trigs []trigger, ds []dated, ti int) (d dated, typ string, start int, ok bool) {
	t := trigs[ti]
	want := x.typeOf(t)
	cands := make([]told, 0, len(st.told)+ti)
	for _, e := range st.told {
		if si-e.si <= x.ana.window {
			cands = append(cands, e)
		}
	}
	for _, o := range trigs[:ti] {
		switch {
		case o.scope != t.scope:
			// "a week after the vote": the main clause's events are others
		case o.time >= 0 && !ds[o.time].anaphor:
			od := ds[o.time]
			od.deadline, od.span = false, false // the event's date, whatever the phrase said of it
			cands = append(cands, told{si: si, typ: x.typeOf(o), d: od, start: s.Tokens[o.from].Start})
		case o.time < 0 && x.another(s, words, o):
			cands = append(cands, told{si: si, typ: x.typeOf(o)}) // "Biden met Putin and hopes for another summit"
		}
	}
	for _, e := range cands {
		if !x.ana.same(want, e.typ) {
			continue
		}
		if e.d.date == "" || ok && e.d.date != d.date {
			return dated{}, "", 0, false
		}
		d, typ, start, ok = e.d, e.typ, e.start, true
	}
	return d, typ, start, ok
}

// dateAnaphors gives each resolved anaphor its referent's date and type,
// over any date inherit lent it: "Biden said on Friday the summit had been
// useful" speaks of the summit told, not of Friday.
func dateAnaphors(trigs []trigger, ds []dated, refs []referent) []dated {
	for _, r := range refs {
		d := r.d
		d.from, d.to, d.anaphor = trigs[r.trig].from, trigs[r.trig].to, true
		ds = append(ds[:len(ds):len(ds)], d)
		t := &trigs[r.trig]
		t.time, t.via, t.typ = len(ds)-1, "anaphora", r.typ
	}
	return ds
}

// record gives the sentence's anaphors (emitted in doc.Events[from:]) the
// participants of their referents, and adds the sentence's events to what
// the article told: a mention with its date when it is stated as fact or
// planned, and a content trigger that may be another event (see another)
// told without a date, or with one only guessed from the context, with none.
func (x *Extractor) record(st *toldState, doc *model.Document, from, si int, s *model.Sentence, words []string, trigs []trigger, refs []referent) {
	if x.ana.window <= 0 {
		return
	}
	for _, r := range refs {
		m, src := mentionAt(doc, from, s.Tokens[trigs[r.trig].from].Start), mentionAt(doc, 0, r.start)
		if m != nil && src != nil && m.Time.Via == "anaphora" {
			borrow(m, src) // "the hourslong talks" are the foreign ministers' talks
		}
	}
	keep := st.told[:0]
	for _, e := range st.told {
		if si-e.si < x.ana.window {
			keep = append(keep, e)
		}
	}
	st.told = keep
	for _, t := range trigs {
		// a date guessed from the sentences before (via context) is no
		// referent to pass on: such an event counts as told without one
		switch m := mentionAt(doc, from, s.Tokens[t.from].Start); {
		case m != nil && m.Time.Via != "context":
			st.told = append(st.told, toldOf(doc, si, m))
			for k := from; t.also > 0 && k < len(doc.Events); k++ {
				if o := &doc.Events[k]; o != m && o.TriggerStart == m.TriggerStart {
					st.told = append(st.told, toldOf(doc, si, o)) // "met on Monday and again on Thursday": "the meeting" is either
				}
			}
		case (m != nil || t.time == -1) && x.another(s, words, t):
			st.told = append(st.told, told{si: si, typ: x.typeOf(t)})
		}
	}
}

// toldOf is the told event of mention m of sentence si.
func toldOf(doc *model.Document, si int, m *model.Mention) told {
	e := told{si: si, typ: m.Type, start: m.TriggerStart}
	if realis(m.Modality) || m.Modality == "planned" {
		e.d = dated{tx: timexOf(doc, m.Time), date: m.Date}
		_, e.d.precision = DateOf(m.Date)
	}
	return e
}

// mentionAt is the mention in doc.Events[from:] whose trigger starts at
// start, nil when none.
func mentionAt(doc *model.Document, from, start int) *model.Mention {
	for k := len(doc.Events) - 1; k >= from; k-- {
		if doc.Events[k].TriggerStart == start {
			return &doc.Events[k]
		}
	}
	return nil
}

// borrow gives an anaphor the participants of the mention it refers back
// to, with their roles, and its places when it has none: the names around
// "the vote" are mostly the clause's ("Putin praised the vote"), not the
// vote's.
func borrow(m, src *model.Mention) {
	m.Actors = append([]string(nil), src.Actors...)
	m.Targets = append([]string(nil), src.Targets...)
	if len(m.Places) == 0 {
		m.Places = append([]string(nil), src.Places...)
	}
	var roles map[string]string
	for n, r := range src.Roles {
		if slices.Contains(m.Actors, n) || slices.Contains(m.Targets, n) {
			if roles == nil {
				roles = map[string]string{}
			}
			roles[n] = r
		}
	}
	if r, ok := m.Roles[m.Source]; ok && m.Source != "" {
		if roles == nil {
			roles = map[string]string{}
		}
		roles[m.Source] = r
	}
	m.Roles = roles
}

// timexOf finds the time expression a mention's time is.
func timexOf(doc *model.Document, r model.TimeRef) *model.Timex {
	for i := range doc.Timexes {
		if tx := &doc.Timexes[i]; tx.Start == r.Start && tx.End == r.End {
			return tx
		}
	}
	return &model.Timex{Span: model.Span{Start: r.Start, End: r.End}, Text: r.Text, Type: r.Type, Value: r.Value, Rule: r.Rule}
}
