package rules

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// TimexRules is the decoded timex.yaml: word lists, named regexp fragments,
// tense cues and the tagging rules. Patterns are stored with every {macro}
// already expanded, so extractors compile them as they are.
type TimexRules struct {
	// Vocab maps a vocabulary name to its words (lower-cased) and values.
	Vocab map[string]map[string]string
	Tense []TenseCue
	Rules []TimexRule
}

// TenseCue is one kind of tense-signalling word: the words and phrases of
// a vocabulary, and words ending in one of Suffixes. After a cue, words of
// the Absorb vocabulary and the one word after them ("will be held") belong
// to it. A cue word right after a word of the NotAfter vocabulary does
// not count ("the proposed deal", "agreed to meet"). Earlier cues win when both apply
// to the same word.
type TenseCue struct {
	Pos      Pos      `yaml:"-"`
	Tense    string   `yaml:"tense"`
	Vocab    string   `yaml:"vocab"`
	Suffixes []string `yaml:"suffixes"`
	Absorb   string   `yaml:"absorb"`
	NotAfter string   `yaml:"not_after"`
}

// TimexRule is one temporal-expression pattern and how to normalise it.
type TimexRule struct {
	Pos       Pos               `yaml:"-"`
	ID        string            `yaml:"id"`
	Pattern   string            `yaml:"pattern"`
	Type      string            `yaml:"type"`
	Normalize string            `yaml:"normalize"`
	Value     string            `yaml:"value"`
	Mod       string            `yaml:"mod"`
	Params    map[string]string `yaml:"params"`
	Priority  int               `yaml:"priority"`
	Examples  []TimexExample    `yaml:"examples"`
	// Source is the pattern as written, before macro expansion.
	Source string `yaml:"-"`
}

// TimexExample is a test sentence for a rule: either the value the rule
// must produce, or None when the rule must not match at all.
type TimexExample struct {
	Pos       Pos    `yaml:"-"`
	Text      string `yaml:"text"`
	Published string `yaml:"published"`
	Value     string `yaml:"value"`
	Type      string `yaml:"type"`
	Mod       string `yaml:"mod"`
	Match     string `yaml:"match"` // expected matched text, when given
	None      bool   `yaml:"none"`
	// DCT is Published parsed (zero when not given).
	DCT time.Time `yaml:"-"`
}

// TimexNormalizers lists the normalisers the timex extractor implements and
// the params each requires.
var TimexNormalizers = map[string][]string{
	"template": {"value"},
	"date":     nil,
	"weekday":  nil,
	"relative": nil,
	"duration": nil,
	"season":   nil,
	"time":     nil,
	"anchored": nil,
	"ordinal":  nil,
	"reject":   nil,
	"named":    {"names"},
}

// TimexRoles are the capture-group roles normalisers read. A group is named
// ROLE or ROLE_VOCAB (the vocabulary its word is looked up in; ROLE by default).
var TimexRoles = []string{"span", "year", "month", "day", "weekday", "hour", "minute", "ampm",
	"number", "unit", "shift", "part", "season", "quarter", "mod", "decade", "hundreds", "tens", "ones"}

// timexVocabParams are the rule params that name a vocabulary.
var timexVocabParams = []string{"compare", "nearest_after", "after", "not_after", "week_end", "names", "event_noun", "event_det", "event_ahead", "event_retro",
	"schedule_noun", "schedule_verb", "schedule_prep", "schedule_over"}

var timexTypes = []string{"DATE", "TIME", "DURATION", "SET"}
var timexTenses = []string{"past", "future", "present", "reporting"}

var macroRe = regexp.MustCompile(`\{([a-z][a-z0-9_]*)\}`)

// ParseDCT parses an example's published date.
func ParseDCT(s string) (time.Time, error) {
	for _, layout := range []string{"2006-01-02", "2006-01-02T15:04:05", "2006-01-02T15:04", time.RFC3339} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("published %q: want YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS]", s)
}

type timexLoader struct {
	vocab    map[string]map[string]string
	order    map[string][]string // words of each vocab in file order
	patterns map[string]string
	tense    []TenseCue
	rules    idList[TimexRule]
	errs     Errors
}

func loadTimex(src *Source) (*TimexRules, Errors) {
	l := &timexLoader{vocab: map[string]map[string]string{}, order: map[string][]string{}, patterns: map[string]string{}}
	for _, d := range src.Docs("timex.yaml") {
		l.doc(d)
	}
	out := &TimexRules{Vocab: l.vocab, Tense: l.tense}
	for _, c := range l.tense {
		for _, v := range []string{c.Vocab, c.Absorb, c.NotAfter} {
			if _, ok := l.vocab[v]; v != "" && !ok {
				l.add(c.Pos, "", "tense %s: unknown vocabulary %q", c.Tense, v)
			}
		}
		if c.Vocab == "" && len(c.Suffixes) == 0 {
			l.add(c.Pos, "", "tense %s: needs vocab or suffixes", c.Tense)
		}
	}
	for _, r := range l.rules.items {
		l.checkRule(&r)
		out.Rules = append(out.Rules, r)
	}
	return out, l.errs
}

func (l *timexLoader) add(pos Pos, rule, format string, args ...any) {
	l.errs = append(l.errs, &Error{Pos: pos, Rule: rule, Msg: fmt.Sprintf(format, args...)})
}

func (l *timexLoader) doc(d Doc) {
	top, err := parseDoc(d)
	if err != nil {
		l.errs = append(l.errs, err.(*Error))
		return
	}
	secs, errs := sections(d.Name, top, "vocab", "patterns", "tense", "rules")
	l.errs = append(l.errs, errs...)
	if s, ok := secs["vocab"]; ok {
		l.vocabSection(d.Name, s.value)
	}
	if s, ok := secs["patterns"]; ok {
		var m map[string]string
		if err := decodeStrict(d.Name, s.value, &m); err != nil {
			l.errs = append(l.errs, err.(*Error))
		}
		for k, v := range m {
			l.patterns[k] = v
		}
	}
	if s, ok := secs["tense"]; ok {
		var cues []TenseCue // a later layer's tense list replaces the earlier one
		l.errs = append(l.errs, eachItem(d.Name, s.value, func(pos Pos, c *TenseCue) {
			c.Pos = pos
			if !contains(timexTenses, c.Tense) {
				l.add(pos, "", "tense %q: want one of %s", c.Tense, strings.Join(timexTenses, ", "))
			}
			cues = append(cues, *c)
		})...)
		l.tense = cues
	}
	if s, ok := secs["rules"]; ok {
		l.errs = append(l.errs, eachItem(d.Name, s.value, func(pos Pos, r *TimexRule) {
			r.Pos = pos
			if e := l.rules.put(r.ID, pos, *r); e != nil {
				l.errs = append(l.errs, e)
			}
		})...)
		l.examplePositions(d.Name, s.value)
	}
}

// vocabSection reads name -> {word: value} or name -> [word, ...]. A later
// layer's vocabulary of the same name replaces the earlier one.
func (l *timexLoader) vocabSection(file string, n *yaml.Node) {
	if n.Kind != yaml.MappingNode {
		l.add(posOf(file, n), "", "vocab: expected a mapping of name to words")
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		name, v := n.Content[i].Value, n.Content[i+1]
		words := map[string]string{}
		var order []string
		switch v.Kind {
		case yaml.MappingNode:
			for j := 0; j+1 < len(v.Content); j += 2 {
				w, val := v.Content[j].Value, v.Content[j+1].Value
				order = append(order, w)
				words[strings.ToLower(w)] = val
			}
		case yaml.SequenceNode:
			for _, c := range v.Content {
				order = append(order, c.Value)
				words[strings.ToLower(c.Value)] = c.Value
			}
		default:
			l.add(posOf(file, v), "", "vocab %s: expected a mapping or a list", name)
			continue
		}
		if len(order) == 0 {
			l.add(posOf(file, v), "", "vocab %s is empty", name)
		}
		l.vocab[name], l.order[name] = words, order
	}
}

// examplePositions records each example's line, which eachItem cannot see.
func (l *timexLoader) examplePositions(file string, list *yaml.Node) {
	if list.Kind != yaml.SequenceNode {
		return
	}
	for _, rn := range list.Content {
		id := idOf(rn)
		i, ok := l.rules.index[id]
		if !ok || l.rules.pos[i].File != file || rn.Kind != yaml.MappingNode {
			continue
		}
		for k := 0; k+1 < len(rn.Content); k += 2 {
			if rn.Content[k].Value != "examples" || rn.Content[k+1].Kind != yaml.SequenceNode {
				continue
			}
			for j, en := range rn.Content[k+1].Content {
				if j < len(l.rules.items[i].Examples) {
					l.rules.items[i].Examples[j].Pos = posOf(file, en)
				}
			}
		}
	}
}

// expand replaces {name} by a vocabulary alternation or a named fragment.
func (l *timexLoader) expand(pos Pos, rule, pattern string) string {
	for depth := 0; depth < 4 && macroRe.MatchString(pattern); depth++ {
		pattern = macroRe.ReplaceAllStringFunc(pattern, func(m string) string {
			name := m[1 : len(m)-1]
			if p, ok := l.patterns[name]; ok {
				return "(?:" + p + ")"
			}
			if words, ok := l.order[name]; ok {
				return alternation(words)
			}
			l.add(pos, rule, "unknown vocabulary or pattern {%s}", name)
			return "(?:)"
		})
	}
	return pattern
}

// alternation quotes words longest first, so the regexp prefers "Sept." to "Sep".
func alternation(words []string) string {
	ws := append([]string(nil), words...)
	sort.SliceStable(ws, func(i, j int) bool { return len(ws[i]) > len(ws[j]) })
	for i, w := range ws {
		ws[i] = regexp.QuoteMeta(w)
	}
	return "(?:" + strings.Join(ws, "|") + ")"
}

func (l *timexLoader) checkRule(r *TimexRule) {
	r.Source = r.Pattern
	if r.Pattern == "" {
		l.add(r.Pos, r.ID, "missing pattern")
	}
	r.Pattern = l.expand(r.Pos, r.ID, r.Pattern)
	re, err := regexp.Compile(r.Pattern)
	if err != nil {
		l.add(r.Pos, r.ID, "pattern: %v", err)
	} else {
		for _, g := range re.SubexpNames()[1:] {
			l.checkGroup(r, g)
		}
	}
	if !contains(timexTypes, r.Type) {
		l.add(r.Pos, r.ID, "type %q: want one of %s", r.Type, strings.Join(timexTypes, ", "))
	}
	need, ok := TimexNormalizers[r.Normalize]
	if !ok {
		names := make([]string, 0, len(TimexNormalizers))
		for n := range TimexNormalizers {
			names = append(names, n)
		}
		sort.Strings(names)
		l.add(r.Pos, r.ID, "unknown normalizer %q (known: %s)", r.Normalize, strings.Join(names, ", "))
	}
	for _, p := range need {
		if p == "value" && r.Value == "" {
			l.add(r.Pos, r.ID, "normalizer %s needs value", r.Normalize)
		} else if p != "value" && r.Params[p] == "" {
			l.add(r.Pos, r.ID, "normalizer %s needs param %s", r.Normalize, p)
		}
	}
	for _, k := range timexVocabParams {
		if v, ok := r.Params[k]; ok {
			if _, known := l.vocab[v]; !known {
				l.add(r.Pos, r.ID, "param %s: unknown vocabulary %q", k, v)
			}
		}
	}
	for _, m := range macroRe.FindAllStringSubmatch(r.Value, -1) {
		if !contains(TimexRoles, m[1]) {
			l.add(r.Pos, r.ID, "value %q: {%s} is not a group role", r.Value, m[1])
		}
	}
	for i := range r.Examples {
		l.checkExample(r, &r.Examples[i])
	}
	if len(r.Examples) == 0 {
		l.add(r.Pos, r.ID, "no examples")
	}
}

func (l *timexLoader) checkGroup(r *TimexRule, g string) {
	if g == "" {
		return
	}
	role, vocab, has := strings.Cut(g, "_")
	if !contains(TimexRoles, role) {
		l.add(r.Pos, r.ID, "group %q: unknown role %q (known: %s)", g, role, strings.Join(TimexRoles, ", "))
	}
	if has {
		if _, ok := l.vocab[vocab]; !ok {
			l.add(r.Pos, r.ID, "group %q: unknown vocabulary %q", g, vocab)
		}
	}
}

func (l *timexLoader) checkExample(r *TimexRule, e *TimexExample) {
	pos := e.Pos
	if pos.Line == 0 {
		pos = r.Pos
	}
	if e.Text == "" {
		l.add(pos, r.ID, "example without text")
	}
	if !e.None && e.Value == "" {
		l.add(pos, r.ID, "example needs value (or none: true)")
	}
	if e.Type != "" && !contains(timexTypes, e.Type) {
		l.add(pos, r.ID, "example type %q: want one of %s", e.Type, strings.Join(timexTypes, ", "))
	}
	if e.Published != "" {
		t, err := ParseDCT(e.Published)
		if err != nil {
			l.add(pos, r.ID, "example %v", err)
		}
		e.DCT = t
	}
}
