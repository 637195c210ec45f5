// Package chronodiff compares two chronologies of the same articles (one per
// rule set) and says which events appear, vanish, move date, change type,
// merge or split, with the evidence sentences and the rules on each side.
//
// Events are paired through their mentions: a mention is the same on both
// sides when it has the same article and trigger offset, whatever rule,
// type or date it got. Events that share a mention across the sides form one
// change.
package chronodiff

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/timeline-news/timeline/internal/unionfind"
	"github.com/timeline-news/timeline/merge"
	"github.com/timeline-news/timeline/model"
)

// Change kinds.
const (
	Added     = "added"
	Removed   = "removed"
	Redated   = "redated"
	Retyped   = "retyped"
	Merged    = "merged"    // several base events are one head event
	Split     = "split"     // one base event is several head events
	Regrouped = "regrouped" // several on both sides
	Changed   = "changed"   // same event, other mentions, modality, names or rules
)

// KindOrder is the order kinds are counted and listed in.
var KindOrder = []string{Added, Removed, Redated, Retyped, Merged, Split, Regrouped, Changed}

// Diff is the change between two chronologies.
type Diff struct {
	Base       string      `json:"base"`
	Head       string      `json:"head"`
	Articles   int         `json:"articles"`
	BaseEvents int         `json:"base_events"`
	HeadEvents int         `json:"head_events"`
	Counts     []KindCount `json:"counts"`
	Changes    []Change    `json:"changes"`
}

// KindCount is how many changes are of one kind.
type KindCount struct {
	Kind  string `json:"kind"`
	Count int    `json:"count"`
}

// Change is one group of events that differ between the sides.
type Change struct {
	// Kinds has one entry for added, removed, merged, split and regrouped;
	// a one-to-one change may be redated and retyped at once.
	Kinds []string `json:"kinds"`
	// Date is the head date (the base date when removed), for ordering.
	Date     string     `json:"date"`
	Notes    []string   `json:"notes,omitempty"`
	Base     []EventRef `json:"base"`
	Head     []EventRef `json:"head"`
	Evidence []Evidence `json:"evidence"`
}

// EventRef is one event of one side, with the rules behind its mentions.
type EventRef struct {
	ID        string   `json:"id"`
	Date      string   `json:"date"`
	Type      string   `json:"type"`
	Summary   string   `json:"summary"`
	Mentions  int      `json:"mentions"`
	Rules     []string `json:"rules"`      // event rules that fired
	TimeRules []string `json:"time_rules"` // timex rules that dated them
}

// Evidence is one mention of the change: the sentence and what each side
// made of its trigger.
type Evidence struct {
	Article       string      `json:"article"`
	SentenceIndex int         `json:"sentence_index"`
	Sentence      string      `json:"sentence"`
	Trigger       string      `json:"trigger"`
	TriggerStart  int         `json:"trigger_start"`
	Base          *MentionRef `json:"base,omitempty"`
	Head          *MentionRef `json:"head,omitempty"`
	// Why says what the side without the mention did with the trigger.
	Why string `json:"why,omitempty"`
}

// MentionRef is what one side made of a mention.
type MentionRef struct {
	Event     string   `json:"event"`
	Date      string   `json:"date"`
	Type      string   `json:"type"`
	Rule      string   `json:"rule"`
	Trigger   string   `json:"trigger"`
	Modality  string   `json:"modality,omitempty"`
	TimeText  string   `json:"time_text"`
	TimeValue string   `json:"time_value"`
	TimeRule  string   `json:"time_rule"`
	Via       string   `json:"via"`
	Actors    []string `json:"actors,omitempty"`
	Places    []string `json:"places,omitempty"`
	Groups    []string `json:"groups,omitempty"`
}

// WhyFunc explains what side ("base" or "head") did with the trigger of a
// mention that only the other side has. It may be nil.
type WhyFunc func(side string, m model.Mention) string

// Empty reports whether nothing changed.
func (d *Diff) Empty() bool { return len(d.Changes) == 0 }

type loc struct {
	side int // 0 base, 1 head
	ev   int
	m    *model.Mention
}

func key(m *model.Mention) string { return m.Article + "@" + strconv.Itoa(m.TriggerStart) }

// Compare pairs the events of base and head through their mentions and
// classifies every difference. The result does not depend on the order of
// the events.
func Compare(base, head *model.Timeline, why WhyFunc) *Diff {
	sides := [2][]model.Event{events(base), events(head)}
	d := &Diff{BaseEvents: len(sides[0]), HeadEvents: len(sides[1]), Changes: []Change{}}
	n0 := len(sides[0])
	node := func(side, ev int) int { return side*n0 + ev }
	sets := unionfind.New(n0 + len(sides[1]))
	find := sets.Find
	byKey := map[string][2]*loc{}
	for s := range sides {
		for e := range sides[s] {
			for k := range sides[s][e].Mentions {
				m := &sides[s][e].Mentions[k]
				pair := byKey[key(m)]
				if pair[s] == nil { // a mention twice on one side: keep the first
					pair[s] = &loc{side: s, ev: e, m: m}
				}
				byKey[key(m)] = pair
			}
		}
	}
	for _, pair := range byKey {
		if pair[0] != nil && pair[1] != nil {
			sets.Union(node(0, pair[0].ev), node(1, pair[1].ev))
		}
	}
	comps := map[int]*[2][]int{}
	for s := range sides {
		for e := range sides[s] {
			r := find(node(s, e))
			if comps[r] == nil {
				comps[r] = &[2][]int{}
			}
			comps[r][s] = append(comps[r][s], e)
		}
	}
	for _, c := range comps {
		if ch, ok := classify(sides, c[0], c[1], byKey, why); ok {
			d.Changes = append(d.Changes, ch)
		}
	}
	sort.Slice(d.Changes, func(i, j int) bool { return changeLess(&d.Changes[i], &d.Changes[j]) })
	count := map[string]int{}
	for _, c := range d.Changes {
		for _, k := range c.Kinds {
			count[k]++
		}
	}
	for _, k := range KindOrder {
		if count[k] > 0 {
			d.Counts = append(d.Counts, KindCount{k, count[k]})
		}
	}
	return d
}

func events(tl *model.Timeline) []model.Event {
	if tl == nil {
		return nil
	}
	return tl.Events
}

// classify builds the change of one component: base events bs and head
// events hs linked by shared mentions. ok is false when nothing differs.
func classify(sides [2][]model.Event, bs, hs []int, byKey map[string][2]*loc, why WhyFunc) (Change, bool) {
	sort.Ints(bs)
	sort.Ints(hs)
	var c Change
	for _, e := range bs {
		c.Base = append(c.Base, ref(&sides[0][e]))
	}
	for _, e := range hs {
		c.Head = append(c.Head, ref(&sides[1][e]))
	}
	if c.Base == nil {
		c.Base = []EventRef{}
	}
	if c.Head == nil {
		c.Head = []EventRef{}
	}
	one := len(bs) == 1 && len(hs) == 1
	switch {
	case len(hs) == 0:
		c.Kinds = []string{Removed}
	case len(bs) == 0:
		c.Kinds = []string{Added}
	case one:
		b, h := c.Base[0], c.Head[0]
		if b.Date != h.Date {
			c.Kinds = append(c.Kinds, Redated)
			c.Notes = append(c.Notes, fmt.Sprintf("date %s -> %s", b.Date, h.Date))
		}
		if b.Type != h.Type {
			c.Kinds = append(c.Kinds, Retyped)
			c.Notes = append(c.Notes, fmt.Sprintf("type %s -> %s", b.Type, h.Type))
		}
	case len(bs) > 1 && len(hs) == 1:
		c.Kinds = []string{Merged}
		c.Notes = append(c.Notes, fmt.Sprintf("%d events -> 1", len(bs)))
	case len(bs) == 1:
		c.Kinds = []string{Split}
		c.Notes = append(c.Notes, fmt.Sprintf("1 event -> %d", len(hs)))
	default:
		c.Kinds = []string{Regrouped}
		c.Notes = append(c.Notes, fmt.Sprintf("%d events -> %d", len(bs), len(hs)))
	}
	// Evidence: every mention of the component; for a one-to-one change
	// only the mentions that differ.
	keys := map[string]bool{}
	for s, list := range [2][]int{bs, hs} {
		for _, e := range list {
			for k := range sides[s][e].Mentions {
				keys[key(&sides[s][e].Mentions[k])] = true
			}
		}
	}
	for k := range keys {
		pair := byKey[k]
		var ev Evidence
		for s := range pair {
			if pair[s] == nil {
				continue
			}
			m := pair[s].m
			ev.Article, ev.SentenceIndex, ev.Sentence, ev.TriggerStart = m.Article, m.SentenceIndex, m.Sentence, m.TriggerStart
			ev.Trigger = m.Trigger
			r := mref(sides[s][pair[s].ev].ID, m)
			if s == 0 {
				ev.Base = r
			} else {
				ev.Head = r
			}
		}
		if one && ev.Base != nil && ev.Head != nil && sameMention(ev.Base, ev.Head) {
			continue
		}
		if why != nil {
			switch {
			case ev.Base == nil:
				ev.Why = why("base", *pair[1].m)
			case ev.Head == nil:
				ev.Why = why("head", *pair[0].m)
			}
		}
		c.Evidence = append(c.Evidence, ev)
	}
	sort.Slice(c.Evidence, func(i, j int) bool {
		a, b := c.Evidence[i], c.Evidence[j]
		if a.Article != b.Article {
			return a.Article < b.Article
		}
		return a.TriggerStart < b.TriggerStart
	})
	if one && len(c.Kinds) == 0 {
		if len(c.Evidence) == 0 && c.Base[0].ID == c.Head[0].ID {
			return c, false
		}
		c.Kinds = []string{Changed}
		c.Notes = append(c.Notes, changedNotes(c)...)
	}
	c.Date = changeDate(c)
	return c, true
}

// changedNotes summarises a one-to-one change that kept date and type.
func changedNotes(c Change) []string {
	gained, lost, altered := 0, 0, 0
	for _, e := range c.Evidence {
		switch {
		case e.Base == nil:
			gained++
		case e.Head == nil:
			lost++
		default:
			altered++
		}
	}
	var notes []string
	if gained > 0 || lost > 0 {
		notes = append(notes, fmt.Sprintf("mentions %d -> %d (+%d -%d)", c.Base[0].Mentions, c.Head[0].Mentions, gained, lost))
	}
	if altered > 0 {
		notes = append(notes, fmt.Sprintf("%d mention(s) read differently", altered))
	}
	return notes
}

// changeDate is the first head date, else the first base date.
func changeDate(c Change) string {
	if len(c.Head) > 0 {
		return c.Head[0].Date
	}
	if len(c.Base) > 0 {
		return c.Base[0].Date
	}
	return ""
}

func ref(e *model.Event) EventRef {
	r := EventRef{ID: e.ID, Date: e.Date, Type: e.Type, Summary: e.Summary, Mentions: len(e.Mentions),
		Rules: []string{}, TimeRules: []string{}}
	for _, m := range e.Mentions {
		r.Rules = addSorted(r.Rules, m.Rule)
		r.TimeRules = addSorted(r.TimeRules, m.Time.Rule)
	}
	return r
}

func addSorted(list []string, s string) []string {
	if s == "" {
		return list
	}
	i := sort.SearchStrings(list, s)
	if i < len(list) && list[i] == s {
		return list
	}
	return append(list[:i], append([]string{s}, list[i:]...)...)
}

func mref(event string, m *model.Mention) *MentionRef {
	return &MentionRef{Event: event, Date: m.Date, Type: m.Type, Rule: m.Rule, Trigger: m.Trigger, Modality: m.Modality,
		TimeText: m.Time.Text, TimeValue: m.Time.Value, TimeRule: m.Time.Rule, Via: m.Time.Via,
		Actors: m.Actors, Places: m.Places, Groups: m.Groups}
}

func sameMention(a, b *MentionRef) bool {
	return a.Date == b.Date && a.Type == b.Type && a.Rule == b.Rule && a.Trigger == b.Trigger &&
		a.Modality == b.Modality && a.TimeText == b.TimeText && a.TimeValue == b.TimeValue &&
		a.TimeRule == b.TimeRule && a.Via == b.Via &&
		strings.Join(a.Actors, "\x00") == strings.Join(b.Actors, "\x00") &&
		strings.Join(a.Places, "\x00") == strings.Join(b.Places, "\x00") &&
		strings.Join(a.Groups, "\x00") == strings.Join(b.Groups, "\x00")
}

// changeLess orders changes chronologically, then by their first evidence.
func changeLess(a, b *Change) bool {
	if sa, sb := merge.StartOf(a.Date), merge.StartOf(b.Date); sa != sb {
		return sa < sb
	}
	if a.Date != b.Date {
		return a.Date < b.Date
	}
	ka, kb := firstKey(a), firstKey(b)
	if ka != kb {
		return ka < kb
	}
	return strings.Join(a.Kinds, ",") < strings.Join(b.Kinds, ",")
}

func firstKey(c *Change) string {
	if len(c.Evidence) > 0 {
		e := c.Evidence[0]
		return fmt.Sprintf("%s@%012d", e.Article, e.TriggerStart)
	}
	for _, list := range [][]EventRef{c.Head, c.Base} {
		if len(list) > 0 {
			return list[0].ID
		}
	}
	return ""
}
