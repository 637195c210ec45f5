package merge

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/timeline-news/timeline/model"
)

// Reason says whether Merge joins two mentions directly and why, for
// `timeline explain`. The verdict is the one Merge uses (same), the words
// name the criterion that decided it. Mentions of different dates are never
// joined directly; they may still end in one event when their events are
// joined as a date conflict (see the event's Conflicts).
func (m *Merger) Reason(a, b *model.Mention) (bool, string) {
	if a.Date != b.Date {
		return false, fmt.Sprintf("different dates (%s, %s)", a.Date, b.Date)
	}
	ok := m.same(a, b)
	var types string
	switch {
	case a.Type == b.Type:
		types = "same type " + a.Type
	case ok || (m.group[a.Type] > 0 && m.group[a.Type] == m.group[b.Type]):
		types = fmt.Sprintf("types %s and %s merge (merge group)", a.Type, b.Type)
	default:
		return false, fmt.Sprintf("types %s and %s are in no common merge group", a.Type, b.Type)
	}
	if !m.strict {
		return ok, "same date, " + types
	}
	if m.bySpeaker[a.Type] || m.bySpeaker[b.Type] {
		if ok {
			return true, fmt.Sprintf("same date, %s, same speaker %s", types, a.Source)
		}
		return false, fmt.Sprintf("same date, %s, but speakers differ (%q, %q)", types, a.Source, b.Source)
	}
	shared := m.sharedNames(a, b)
	switch {
	case ok && m.shareName(a, b, true):
		return true, fmt.Sprintf("same date, %s, shared names: %s", types, strings.Join(shared, ", "))
	case ok && m.sameTrigger(a, b):
		return true, fmt.Sprintf("same date, %s, same trigger %q by rule %s", types, strings.ToLower(a.Trigger), a.Rule)
	case ok && a.Rule == b.Rule && anonymous(a) && anonymous(b):
		return true, fmt.Sprintf("same date, %s, same rule %s, both name nobody and nowhere", types, a.Rule)
	case ok:
		return true, fmt.Sprintf("same date, %s, one article telling it twice: shared names %s", types, strings.Join(shared, ", "))
	}
	if len(shared) == 0 && strings.EqualFold(a.Trigger, b.Trigger) && a.Rule == b.Rule {
		return false, fmt.Sprintf("same date, %s, same trigger %q, but both name participants and none in common", types, strings.ToLower(a.Trigger))
	}
	if len(shared) == 0 {
		return false, fmt.Sprintf("same date, %s, but no shared actor, place or trigger", types)
	}
	if hasParticipants(a) && hasParticipants(b) && !retoldParticipants(a, b) {
		return false, fmt.Sprintf("same date, %s, shared place %s, but each names other actors", types, strings.Join(shared, ", "))
	}
	return false, fmt.Sprintf("same date, %s, but the only shared name (%s) is too common on its own", types, strings.Join(shared, ", "))
}

// sharedNames lists the actors, targets and places two mentions have in common,
// marking those the rules find too common to prove anything.
func (m *Merger) sharedNames(a, b *model.Mention) []string {
	names := map[string]bool{}
	for _, l := range [][]string{a.Actors, a.Targets, a.Places} {
		for _, n := range l {
			names[n] = true
		}
	}
	var out []string
	for _, n := range slices.Concat(b.Actors, b.Targets, b.Places) {
		if !names[n] {
			continue
		}
		delete(names, n)
		if m.ignore[n] {
			n += " (common)"
		}
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// LoneReason says whether two mentions of one event may have been joined
// by the anonymous_single rule, which judges the events of a date, not a
// pair (see joinLone): one date and type of the rule, and one of them
// names nobody and nowhere.
func (m *Merger) LoneReason(a, b *model.Mention) (bool, string) {
	if !m.strict || a.Date != b.Date || a.Type != b.Type || !m.lone[a.Type] || !anonymous(a) && !anonymous(b) {
		return false, ""
	}
	return true, fmt.Sprintf("same date, same type %s, one names nobody and nowhere and the other is the only other event of the type that date (anonymous_single)", a.Type)
}
