// Package merge joins the mentions that report the same happening, from one
// article or several, into events, and orders the chronology.
package merge

import (
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/timeline-news/timeline/extractors/events"
	"github.com/timeline-news/timeline/model"
	"github.com/timeline-news/timeline/rules"
)

// Merger holds the compiled merge criteria.
type Merger struct {
	group  map[string]int // type -> group id (types alone get their own)
	ignore map[string]bool
	labels map[string]string
	strict bool
	// maxApart is, per precision, how far apart two dates of one
	// happening may be to count as a conflict rather than two events.
	maxApart   map[string]int
	noConflict map[string]bool
	bySpeaker  map[string]bool
	// triggerNeedsName: see rules.MergeRules.TriggerNeedsCommonName.
	triggerNeedsName bool
	// sameArticle: see rules.MergeRules.SameArticleCommonName.
	sameArticle bool
	// lone: the types whose anonymous reports join the only other event
	// of their type and date (rules.AnonymousSingleRules).
	lone map[string]bool
}

// New compiles the merge rules and the ontology's labels.
func New(r *rules.EventRules) *Merger {
	m := &Merger{group: map[string]int{}, ignore: map[string]bool{}, labels: map[string]string{}, strict: r.Merge.RequireOverlap}
	for i, t := range r.Types {
		m.group[t.ID] = -1 - i
		m.labels[t.ID] = t.Label
	}
	for gi, g := range r.Merge.Groups {
		// Types already grouped keep their first group; a type in two
		// groups joins them (union by rewriting ids).
		id := gi + 1
		for _, t := range g {
			if old := m.group[t]; old > 0 && old != id {
				for k, v := range m.group {
					if v == old {
						m.group[k] = id
					}
				}
			}
			m.group[t] = id
		}
	}
	for _, a := range r.Merge.IgnoreActors {
		m.ignore[a] = true
	}
	m.bySpeaker = map[string]bool{}
	for _, t := range r.Merge.BySpeaker {
		m.bySpeaker[t] = true
	}
	m.triggerNeedsName = r.Merge.TriggerNeedsCommonName
	m.sameArticle = r.Merge.SameArticleCommonName
	m.lone = map[string]bool{}
	for _, t := range r.Merge.AnonymousSingle.Types {
		if !m.bySpeaker[t] {
			m.lone[t] = true
		}
	}
	m.maxApart = r.Merge.Conflicts.MaxApart
	m.noConflict = map[string]bool{}
	for _, t := range r.Merge.Conflicts.ExcludeTypes {
		m.noConflict[t] = true
	}
	return m
}

// Same reports whether two mentions of one date report the same happening.
func (m *Merger) same(a, b *model.Mention) bool {
	if !m.mayMerge(a.Type, b.Type) {
		return false
	}
	if !m.strict {
		return true
	}
	if m.bySpeaker[a.Type] || m.bySpeaker[b.Type] {
		return a.Source != "" && a.Source == b.Source // told apart by who speaks
	}
	if m.sameTrigger(a, b) || m.shareName(a, b, true) || a.Rule == b.Rule && anonymous(a) && anonymous(b) {
		return true
	}
	return m.sameArticle && a.Article == b.Article && retold(a, b)
}

// anonymous reports a mention that names nobody and nowhere ("100
// protesters died Thursday"): two of one rule and day are one happening
// told twice, as nothing tells them apart.
func anonymous(x *model.Mention) bool { return len(x.Actors)+len(x.Targets)+len(x.Places) == 0 }

// mayMerge reports whether mentions of types a and b may be one event.
func (m *Merger) mayMerge(a, b string) bool {
	return a == b || m.group[a] > 0 && m.group[a] == m.group[b]
}

// retold reports two mentions of one article that share an actor or
// target, common or not, and name no disjoint places: the article telling
// one happening twice.
func retold(a, b *model.Mention) bool {
	if len(a.Places) > 0 && len(b.Places) > 0 && !intersects(a.Places, b.Places) {
		return false
	}
	return retoldParticipants(a, b)
}

func intersects(a, b []string) bool {
	for _, x := range a {
		if slices.Contains(b, x) {
			return true
		}
	}
	return false
}

// sameTrigger: the same trigger and rule, and (when the rules ask) not two
// sets of participants with no name in common.
func (m *Merger) sameTrigger(a, b *model.Mention) bool {
	if !strings.EqualFold(a.Trigger, b.Trigger) || a.Rule != b.Rule {
		return false
	}
	if !m.triggerNeedsName || !hasParticipants(a) || !hasParticipants(b) {
		return true
	}
	for _, list := range [][]string{b.Actors, b.Targets, b.Places} {
		for _, n := range list {
			if slices.Contains(a.Actors, n) || slices.Contains(a.Targets, n) || slices.Contains(a.Places, n) {
				return true
			}
		}
	}
	return false
}

func hasParticipants(x *model.Mention) bool { return len(x.Actors)+len(x.Targets) > 0 }

// shareName reports whether two mentions name the same participants: one
// distinctive actor or target of both in common; one distinctive name in
// common that is a place in one of them, when one names no actor or
// target or they share one (Johnson's visit to Kyiv and Nehammer's meeting
// in Kyiv are two events); or at least two common names (the EU, Russia,
// the US and Ukraine meeting next week).
func (m *Merger) shareName(a, b *model.Mention, commonPairs bool) bool {
	aParts, bParts := len(a.Actors)+len(a.Targets) > 0, len(b.Actors)+len(b.Targets) > 0
	placeOK := !aParts || !bParts || retoldParticipants(a, b)
	names := map[string]bool{}
	for _, l := range [][]string{a.Actors, a.Places, a.Targets} {
		for _, n := range l {
			names[n] = true
		}
	}
	common := 0
	for _, list := range [][]string{b.Actors, b.Targets, b.Places} {
		for _, n := range list {
			if !names[n] {
				continue
			}
			if !m.ignore[n] && (placeOK || isParticipant(a, n) && isParticipant(b, n)) {
				return true
			}
			delete(names, n) // count each common name once
			if m.ignore[n] {
				common++
			}
		}
	}
	return commonPairs && common >= 2
}

// isParticipant reports n among x's actors or targets.
func isParticipant(x *model.Mention, n string) bool {
	return slices.Contains(x.Actors, n) || slices.Contains(x.Targets, n)
}

// retoldParticipants reports an actor or target of a among b's.
func retoldParticipants(a, b *model.Mention) bool {
	return intersects(a.Actors, b.Actors) || intersects(a.Actors, b.Targets) || intersects(a.Targets, b.Actors) || intersects(a.Targets, b.Targets)
}

// event builds one event from its mentions (already in canonical order).
func (m *Merger) event(ms []model.Mention) model.Event {
	first := ms[0]
	date, prec := events.DateOf(first.Date)
	if date == "" {
		date = first.Date
	}
	e := model.Event{Date: date, Precision: prec, Type: first.Type, Mentions: ms, Actors: []string{}, Places: []string{}}
	// The most frequent type among the mentions names the event.
	count := map[string]int{}
	for _, x := range ms {
		count[x.Type]++
	}
	for t, n := range count {
		if n > count[e.Type] || (n == count[e.Type] && t < e.Type) {
			e.Type = t
		}
	}
	mods := map[string]bool{}
	for _, x := range ms {
		for _, a := range x.Actors {
			e.Actors = appendUnique(e.Actors, a)
		}
		for _, p := range x.Places {
			e.Places = appendUnique(e.Places, p)
		}
		for _, t := range x.Targets {
			e.Targets = appendUnique(e.Targets, t)
		}
		for _, g := range x.Groups {
			e.Groups = appendUnique(e.Groups, g)
		}
		mods[x.Modality] = true
	}
	// A name that acts in one report and is acted on in another acts.
	targets := e.Targets[:0]
	for _, t := range e.Targets {
		if !slices.Contains(e.Actors, t) {
			targets = append(targets, t)
		}
	}
	e.Targets = targets
	if len(mods) == 1 {
		e.Modality = first.Modality
	}
	e.Summary = m.summary(e, first)
	h := sha1.New()
	var line []byte
	for _, x := range ms {
		// "article|start|trigger_start|type\n", as the ids have always hashed
		line = append(line[:0], x.Article...)
		line = append(strconv.AppendInt(append(line, '|'), int64(x.Start), 10), '|')
		line = append(strconv.AppendInt(line, int64(x.TriggerStart), 10), '|')
		line = append(append(line, x.Type...), '\n')
		h.Write(line)
	}
	e.ID = fmt.Sprintf("%s-%s-%s", date, e.Type, hex.EncodeToString(h.Sum(nil))[:8])
	return e
}

func (m *Merger) summary(e model.Event, first model.Mention) string {
	label := m.labels[e.Type]
	if label == "" {
		label = e.Type
	}
	actors := e.Actors
	if len(actors) == 0 {
		actors = e.Groups // "Seizure: protesters (...)" when the text names nobody
	}
	var b strings.Builder
	b.WriteString(label)
	if len(actors)+len(e.Targets) > 0 {
		b.WriteString(":")
	}
	if len(actors) > 0 {
		b.WriteString(" ")
		b.WriteString(strings.Join(actors[:min(3, len(actors))], ", "))
	}
	if len(e.Targets) > 0 {
		b.WriteString(" → ")
		b.WriteString(strings.Join(e.Targets[:min(3, len(e.Targets))], ", "))
	}
	fmt.Fprintf(&b, " (%q", first.Trigger)
	if len(e.Places) > 0 {
		b.WriteString(" in ")
		b.WriteString(strings.Join(e.Places[:min(2, len(e.Places))], ", "))
	}
	b.WriteString(")")
	return b.String()
}

func appendUnique(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// orderKey is what places an event in the chronology: the start of its
// date, coarser dates first on the same start, then type and id.
type orderKey struct {
	start, prec, typ, id string
}

func keyOf(e *model.Event) orderKey {
	return orderKey{start: StartOf(e.Date), prec: e.Precision, typ: e.Type, id: e.ID}
}

func (a *orderKey) less(b *orderKey) bool {
	if a.start != b.start {
		return a.start < b.start
	}
	if ra, rb := precRank(a.prec), precRank(b.prec); ra != rb {
		return ra < rb
	}
	if a.typ != b.typ {
		return a.typ < b.typ
	}
	return a.id < b.id
}

var precOrder = []string{model.PrecisionYear, "season", model.PrecisionQuarter, model.PrecisionMonth, model.PrecisionWeek, model.PrecisionDay}

func precRank(p string) int {
	for i, x := range precOrder {
		if x == p {
			return i
		}
	}
	return len(precOrder)
}
