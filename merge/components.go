package merge

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/timeline-news/timeline/internal/unionfind"
	"github.com/timeline-news/timeline/model"
)

// components returns, for the mentions of one day (ms(i), i < n), the
// root of each one's event (fill(i, x) sets x to mention i): the smallest index of the mentions joined to
// it, exactly as joining every pair i < j for which same(ms(i), ms(j))
// holds, then the anonymous events as joinLone says. Instead of comparing every pair, which is quadratic in the
// mentions of a day (and a busy day of a big batch has tens of thousands),
// each criterion of same is a key, and the mentions that share a key are
// joined:
//   - not strict: the type's merge group;
//   - a type told apart by its speaker: the group and the speaker, and
//     nothing else;
//   - the same trigger (case folded) and rule: each mention after the first
//     joins it; or, when the rules want a name in common too, the trigger
//     and each name, and a mention naming no participant joins them all;
//   - a distinctive actor or target of both: the group and the name;
//   - a distinctive name that is a place in one of them: a mention naming
//     no actor or target joins every mention of the name (as with the
//     trigger), the others join through the name and an actor or target
//     they share (the group, the name and the participant);
//   - two common names that are not distinctive: the group and the pair;
//   - naming nobody and nowhere: the group and the rule;
//   - within one article (sameArticle), the mentions of the article are
//     compared pair by pair with retold: an article tells few things a day.
//
// Then, on the events these make, an anonymous event joins the only other
// event of its type (joinLone): a criterion on the day's events, not on a
// pair of mentions.
func (m *Merger) components(n int, fill func(int, *model.Mention)) []int {
	sets := unionfind.New(n)
	union := sets.Union
	first := map[string]int{} // key -> first mention with it
	join := func(key string, i int) {
		if j, ok := first[key]; ok {
			union(j, i)
		} else {
			first[key] = i
		}
	}
	// With triggerNeedsName, a trigger joins mentions that name
	// participants only through a name, or through a mention that names
	// none (open: the first such mention of the trigger; bucket: the
	// mentions of the trigger seen before it).
	open, bucket := map[string]int{}, map[string][]int{}
	// joinAll: a mention naming no participant joins every mention of the
	// key, those before it now and those after it when they come.
	joinAll := func(key string, i int) {
		if j, ok := open[key]; ok {
			union(j, i)
			return
		}
		for _, j := range bucket[key] {
			union(j, i)
		}
		open[key] = i
		bucket[key] = nil
	}
	// waitFor: a mention naming participants joins the first that names
	// none, now or when it comes.
	waitFor := func(key string, i int) {
		if j, ok := open[key]; ok {
			union(j, i)
		} else {
			bucket[key] = append(bucket[key], i)
		}
	}
	byArticle := map[string][]int{}
	var names, common []string
	var key strings.Builder
	x := &model.Mention{}
	for i := range n {
		fill(i, x)
		group := m.groupKey(x.Type)
		if !m.strict {
			join(group, i)
			continue
		}
		if m.bySpeaker[x.Type] {
			if x.Source != "" {
				join(group+"\x00s\x00"+x.Source, i) // told apart by who speaks
			}
			continue
		}
		key.Reset()
		key.WriteString(group)
		key.WriteString("\x00t\x00")
		key.WriteString(x.Rule)
		key.WriteByte(0)
		foldKey(&key, x.Trigger)
		tk := key.String()
		names, common = names[:0], common[:0]
		for _, list := range [][]string{x.Actors, x.Places, x.Targets} {
			for _, nm := range list {
				if !slices.Contains(names, nm) {
					names = append(names, nm)
				}
			}
		}
		switch {
		case !m.triggerNeedsName:
			join(tk, i)
		case !hasParticipants(x):
			joinAll(tk, i)
		default:
			waitFor(tk, i)
			for _, nm := range names {
				join(tk+"\x00"+nm, i) // the trigger and any name, common or not
			}
		}
		if anonymous(x) {
			join(group+"\x00a\x00"+x.Rule, i) // nobody and nowhere: one happening of the rule
		}
		parts := hasParticipants(x)
		for _, nm := range names {
			if m.ignore[nm] {
				common = append(common, nm)
				continue
			}
			if isParticipant(x, nm) {
				join(group+"\x00n\x00"+nm, i)
			}
			nk := group + "\x00x\x00" + nm
			if !parts {
				joinAll(nk, i)
				continue
			}
			waitFor(nk, i)
			for _, l := range [][]string{x.Actors, x.Targets} {
				for _, q := range l {
					if q != nm {
						join(nk+"\x00"+q, i) // the name and a participant in common
					}
				}
			}
		}
		if m.sameArticle {
			byArticle[x.Article] = append(byArticle[x.Article], i)
		}
		for a := range common {
			for b := range common {
				if common[a] < common[b] {
					join(group+"\x00p\x00"+common[a]+"\x00"+common[b], i)
				}
			}
		}
	}
	a, b := &model.Mention{}, &model.Mention{}
	for _, idx := range byArticle {
		for p, i := range idx {
			fill(i, a)
			for _, j := range idx[p+1:] {
				fill(j, b)
				if m.mayMerge(a.Type, b.Type) && !m.bySpeaker[a.Type] && !m.bySpeaker[b.Type] && retold(a, b) {
					union(i, j)
				}
			}
		}
	}
	for i := range sets {
		sets[i] = sets.Find(i)
	}
	if m.strict && len(m.lone) > 0 {
		m.joinLone(sets, fill)
		for i := range sets {
			sets[i] = sets.Find(i)
		}
	}
	return sets
}

// groupKey names the set of types that may merge with t: its merge group,
// or t alone.
func (m *Merger) groupKey(t string) string {
	if g := m.group[t]; g > 0 {
		return "\x00g" + string(rune(g))
	}
	return t
}

// foldKey writes s with every rune replaced by the smallest rune of its
// case-folding orbit, so that two strings have the same key exactly when
// strings.EqualFold holds.
func foldKey(b *strings.Builder, s string) {
	for _, r := range s {
		if r == utf8.RuneError {
			b.WriteRune(r)
			continue
		}
		lo := r
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			lo = min(lo, f)
		}
		b.WriteRune(lo)
	}
}
