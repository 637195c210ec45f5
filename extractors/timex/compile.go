// Package timex finds temporal expressions in sentences and normalises them
// to TimeML TIMEX3 values, HeidelTime-style: patterns and word lists come
// from rules/timex.yaml, the normalisation semantics (tense, year inference,
// ISO weeks) live here as a few named normalisers.
package timex

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/timeline-news/timeline/rules"
)

// Roles, in the order of rules.TimexRoles (checked by a test).
const (
	rSpan = iota
	rYear
	rMonth
	rDay
	rWeekday
	rHour
	rMinute
	rAmpm
	rNumber
	rUnit
	rShift
	rPart
	rSeason
	rQuarter
	rMod
	rDecade
	rHundreds // a spoken year: "nineteen" (19) ninety (90) -six (6)
	rTens
	rOnes
	nRoles
)

// group is one named capture of a compiled rule.
type group struct {
	index int               // submatch number
	role  int               // r* constant
	vocab map[string]string // words -> values (nil: keep the text)
}

// crule is a compiled rule.
type crule struct {
	*rules.TimexRule
	re     *regexp.Regexp
	anch   *regexp.Regexp // re anchored at the start (nil: no start keys)
	groups []group
	always bool // no keyword prefilter could be derived
}

// Tagger is a compiled rule set; it is safe for concurrent use.
type Tagger struct {
	rules   []crule
	vocab   map[string]map[string]string
	cues    []tenseCue
	phrases map[string][]phrase // tense cue phrases by first word
	pre     prefilter
}

// Compile compiles every rule of r once.
func Compile(r *rules.TimexRules) (*Tagger, error) {
	if r == nil {
		return nil, fmt.Errorf("timex: no rules")
	}
	t := &Tagger{vocab: r.Vocab}
	roleIndex := map[string]int{}
	for i, name := range rules.TimexRoles {
		roleIndex[name] = i
	}
	for i := range r.Rules {
		rr := &r.Rules[i]
		re, err := regexp.Compile(rr.Pattern)
		if err != nil {
			return nil, fmt.Errorf("timex: %s: rule %s: %w", rr.Pos, rr.ID, err)
		}
		c := crule{TimexRule: rr, re: re}
		for gi, name := range re.SubexpNames() {
			if name == "" {
				continue
			}
			roleName, vocabName, has := strings.Cut(name, "_")
			role, ok := roleIndex[roleName]
			if !ok {
				return nil, fmt.Errorf("timex: %s: rule %s: unknown group role %q", rr.Pos, rr.ID, roleName)
			}
			if !has {
				vocabName = roleName
			}
			c.groups = append(c.groups, group{index: gi, role: role, vocab: r.Vocab[vocabName]})
		}
		t.rules = append(t.rules, c)
	}
	if err := t.compileTense(r.Tense); err != nil {
		return nil, err
	}
	t.pre = buildPrefilter(t.rules)
	return t, nil
}

// compileTense indexes the cue phrases by their first word.
func (t *Tagger) compileTense(cues []rules.TenseCue) error {
	t.phrases = map[string][]phrase{}
	for i, c := range cues {
		tc := tenseCue{tense: c.Tense, suffixes: c.Suffixes, absorb: t.vocab[c.Absorb], notAfter: t.vocab[c.NotAfter]}
		t.cues = append(t.cues, tc)
		if c.Vocab == "" {
			continue
		}
		words, ok := t.vocab[c.Vocab]
		if !ok {
			return fmt.Errorf("timex: %s: tense %s: unknown vocabulary %q", c.Pos, c.Tense, c.Vocab)
		}
		for w := range words {
			f := strings.Fields(w)
			if len(f) > 0 {
				t.phrases[f[0]] = append(t.phrases[f[0]], phrase{words: f, cue: i})
			}
		}
	}
	// longest phrase first, then cue order
	for _, ps := range t.phrases {
		sort.Slice(ps, func(a, b int) bool {
			if len(ps[a].words) != len(ps[b].words) {
				return len(ps[a].words) > len(ps[b].words)
			}
			return ps[a].cue < ps[b].cue
		})
	}
	return nil
}
