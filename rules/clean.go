package rules

import (
	"fmt"
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// CleanRules is the page-furniture filter: which lines and blocks of an
// article are not news text, and how kept lines are classified.
type CleanRules struct {
	Layout      Layout
	Line        []*CleanRule // drop one line
	Block       []*CleanRule // drop from a start line to an end line or the article end
	Boilerplate []*CleanRule // publisher self-descriptions, matched anywhere in a line
	Embed       EmbedRules   // social-media posts pasted into the article
}

// EmbedRules find social-media posts embedded in the article text. Their
// patterns match anywhere in a sentence.
type EmbedRules struct {
	// MaxLength is the longest post, in bytes, that the context around its
	// marked sentences grows to.
	MaxLength int
	// Bridge is how many unmarked sentences between two marked ones are
	// taken as the same post.
	Bridge int
	// Attribution ends a post: "— Name (@handle) April 9, 2022".
	Attribution []*CleanRule
	// Marker makes a sentence post text: an @handle, #hashtag, emoji, post link.
	Marker []*CleanRule
	// Prose makes a sentence article prose, never post text ("tweeted").
	Prose []*CleanRule
}

// embedSettings are the scalar keys of the embed section.
var embedSettings = []string{"max_length", "bridge"}

// Layout holds the thresholds that classify kept lines.
type Layout struct {
	// Bullets are list markers stripped from the start of a line before
	// matching and excluded from the kept block.
	Bullets []string `yaml:"bullets"`
	// FinalPunct are the characters that end a sentence (closing quotes
	// count when they follow one of them).
	FinalPunct string `yaml:"final_punct"`
	// ClosingQuotes may follow the final punctuation.
	ClosingQuotes string `yaml:"closing_quotes"`
	// LineMaxLength is the default max_length of line and block rules:
	// longer lines are never furniture, which keeps regexps off body text.
	LineMaxLength int `yaml:"line_max_length"`
	// SentenceMinWords: an unpunctuated line with at least this many words
	// and mostly lower-case words reads as a sentence (caption).
	SentenceMinWords int `yaml:"sentence_min_words"`
	// TitleCaseRatio: share of capitalised long words above which an
	// unpunctuated line is a title (heading).
	TitleCaseRatio float64 `yaml:"title_case_ratio"`
	// LongWord is the minimum length of a word counted by TitleCaseRatio
	// (short function words are lower case in titles too).
	LongWord int `yaml:"long_word"`
}

// CleanRule is one line, block or boilerplate rule.
type CleanRule struct {
	ID          string   `yaml:"id"`
	Description string   `yaml:"description"`
	Pattern     string   `yaml:"pattern"`
	Patterns    []string `yaml:"patterns"`
	// End patterns close a block rule (the end line is kept unless
	// IncludeEnd); without them the block runs to the article end.
	End        []string `yaml:"end"`
	IncludeEnd bool     `yaml:"include_end"`
	// MaxLines caps a block rule to this many non-blank lines (0: no cap).
	MaxLines int `yaml:"max_lines"`
	// MaxLength: the rule only looks at lines up to this many bytes
	// (0: layout default; -1: any length).
	MaxLength int      `yaml:"max_length"`
	Examples  Examples `yaml:"examples"`

	Pos   Pos              `yaml:"-"`
	Re    []*regexp.Regexp `yaml:"-"` // compiled Pattern + Patterns
	EndRe []*regexp.Regexp `yaml:"-"`
	need  []prefilter      // per Re: what any match contains
}

// Examples are lines a rule must and must not match; they are checked at
// load time so that a user overlay cannot silently break a rule.
type Examples struct {
	Match   []string `yaml:"match"`
	NoMatch []string `yaml:"no_match"`
}

// Matches reports whether one of the rule's start patterns matches line.
func (r *CleanRule) Matches(line string) bool {
	for i, re := range r.Re {
		if r.MayMatch(i, line) && re.MatchString(line) {
			return true
		}
	}
	return false
}

// MayMatch is false when pattern i cannot match s: s lacks every literal (or
// rune range) that a match contains. Unanchored patterns over long lines are
// slow in Go's regexp; this check is a substring search.
func (r *CleanRule) MayMatch(i int, s string) bool {
	if i >= len(r.need) {
		return true
	}
	return r.need[i].may(s)
}

// EndMatches reports whether line closes the block rule.
func (r *CleanRule) EndMatches(line string) bool {
	for _, re := range r.EndRe {
		if re.MatchString(line) {
			return true
		}
	}
	return false
}

func loadClean(src *Source) (*CleanRules, Errors) {
	var errs Errors
	var line, block, boiler, attrib, marker, prose idList[*CleanRule]
	out := &CleanRules{}
	for _, d := range src.Docs("clean.yaml") {
		top, err := parseDoc(d)
		if err != nil {
			errs = append(errs, asError(d.Name, err))
			continue
		}
		secs, e := sections(d.Name, top, "layout", "line", "block", "boilerplate", "embed")
		errs = append(errs, e...)
		if s, ok := secs["layout"]; ok {
			if err := decodeStrict(d.Name, s.value, &out.Layout); err != nil {
				errs = append(errs, asError(d.Name, err))
			}
		}
		if s, ok := secs["embed"]; ok {
			if s.value.Kind != yaml.MappingNode {
				errs = append(errs, &Error{Pos: posOf(d.Name, s.value), Msg: "embed: expected a mapping"})
			} else {
				sub, e := sections(d.Name, s.value, append(embedSettings, "attribution", "marker", "prose")...)
				errs = append(errs, e...)
				for key, dst := range map[string]*int{"max_length": &out.Embed.MaxLength, "bridge": &out.Embed.Bridge} {
					if v, ok := sub[key]; ok {
						if err := v.value.Decode(dst); err != nil {
							errs = append(errs, &Error{Pos: posOf(d.Name, v.value), Msg: "embed." + key + ": " + cleanYAMLErr(err)})
						}
					}
				}
				for _, key := range []string{"attribution", "marker", "prose"} {
					if v, ok := sub[key]; ok {
						secs["embed."+key] = v
					}
				}
			}
		}
		for key, list := range map[string]*idList[*CleanRule]{"line": &line, "block": &block, "boilerplate": &boiler,
			"embed.attribution": &attrib, "embed.marker": &marker, "embed.prose": &prose} {
			s, ok := secs[key]
			if !ok {
				continue
			}
			errs = append(errs, eachItem(d.Name, s.value, func(pos Pos, r *CleanRule) {
				r.Pos = pos
				if e := compileCleanRule(r, key); e != nil {
					errs = append(errs, e...)
					return
				}
				if e := list.put(r.ID, pos, r); e != nil {
					errs = append(errs, e)
				}
			})...)
		}
	}
	out.Line, out.Block, out.Boilerplate = line.items, block.items, boiler.items
	out.Embed.Attribution, out.Embed.Marker, out.Embed.Prose = attrib.items, marker.items, prose.items
	if docs := src.Docs("clean.yaml"); len(docs) > 0 {
		errs = append(errs, checkLayout(docs[0].Name, out.Layout)...)
		errs = append(errs, checkEmbed(docs[0].Name, out.Embed)...)
	}
	return out, errs
}

func checkEmbed(file string, e EmbedRules) Errors {
	bad := func(msg string) Errors {
		return Errors{{Pos: Pos{File: file}, Msg: "embed: " + msg}}
	}
	switch {
	case len(e.Attribution)+len(e.Marker) > 0 && e.MaxLength <= 0:
		return bad("max_length must be > 0")
	case e.Bridge < 0:
		return bad("bridge must be >= 0")
	}
	return nil
}

// All lists every clean rule: line, block, boilerplate, then embed rules.
func (c *CleanRules) All() []*CleanRule {
	var out []*CleanRule
	for _, l := range [][]*CleanRule{c.Line, c.Block, c.Boilerplate, c.Embed.Attribution, c.Embed.Marker, c.Embed.Prose} {
		out = append(out, l...)
	}
	return out
}

func asError(file string, err error) *Error {
	if e, ok := err.(*Error); ok {
		return e
	}
	return &Error{Pos: Pos{File: file}, Msg: err.Error()}
}

func checkLayout(file string, l Layout) Errors {
	bad := func(msg string) Errors {
		return Errors{{Pos: Pos{File: file}, Msg: "layout: " + msg}}
	}
	switch {
	case l.FinalPunct == "":
		return bad("final_punct is required")
	case l.LineMaxLength <= 0:
		return bad("line_max_length must be > 0")
	case l.SentenceMinWords <= 0:
		return bad("sentence_min_words must be > 0")
	case l.TitleCaseRatio <= 0 || l.TitleCaseRatio > 1:
		return bad("title_case_ratio must be in (0, 1]")
	}
	return nil
}

// compileCleanRule compiles the patterns of r and runs its examples.
func compileCleanRule(r *CleanRule, kind string) Errors {
	fail := func(msg string, a ...any) Errors {
		return Errors{{Pos: r.Pos, Rule: r.ID, Msg: fmt.Sprintf(msg, a...)}}
	}
	if r.ID == "" {
		return fail("rule has no id")
	}
	if r.Description == "" {
		return fail("description is required (it is the removal reason)")
	}
	pats := r.Patterns
	if r.Pattern != "" {
		pats = append([]string{r.Pattern}, pats...)
	}
	if len(pats) == 0 {
		return fail("pattern or patterns is required")
	}
	if kind != "block" && (len(r.End) > 0 || r.MaxLines != 0 || r.IncludeEnd) {
		return fail("end, include_end and max_lines only apply to block rules")
	}
	if r.MaxLines < 0 {
		return fail("max_lines must be >= 0")
	}
	for _, p := range pats {
		re, err := regexp.Compile(p)
		if err != nil {
			return fail("pattern %q: %v", p, err)
		}
		r.Re = append(r.Re, re)
		r.need = append(r.need, needOf(p))
	}
	for _, p := range r.End {
		re, err := regexp.Compile(p)
		if err != nil {
			return fail("end pattern %q: %v", p, err)
		}
		r.EndRe = append(r.EndRe, re)
	}
	if len(r.Examples.Match) == 0 {
		return fail("examples.match is required: give at least one line the rule drops")
	}
	var errs Errors
	for _, ex := range r.Examples.Match {
		if !r.Matches(ex) {
			errs = append(errs, fail("example %q does not match", ex)...)
		}
	}
	for _, ex := range r.Examples.NoMatch {
		if r.Matches(ex) {
			errs = append(errs, fail("no_match example %q matches", ex)...)
		}
	}
	return errs
}

// prefilter is what every match of a pattern contains: one of lits, or a
// rune in ranges (pairs lo, hi). The zero value lets everything through.
type prefilter struct {
	lits   []string
	ranges []rune
}

func (p prefilter) any() bool { return len(p.lits) > 0 || len(p.ranges) > 0 }

func (p prefilter) may(s string) bool {
	if !p.any() {
		return true
	}
	for _, l := range p.lits {
		if strings.Contains(s, l) {
			return true
		}
	}
	if len(p.ranges) > 0 {
		for _, c := range s {
			for k := 0; k+1 < len(p.ranges); k += 2 {
				if p.ranges[k] <= c && c <= p.ranges[k+1] {
					return true
				}
			}
		}
	}
	return false
}

// rank prefers longer literals, then literals to rune ranges.
func (p prefilter) rank() int {
	switch {
	case len(p.lits) > 0 && len(p.ranges) == 0:
		n := len(p.lits[0])
		for _, l := range p.lits {
			n = min(n, len(l))
		}
		return 1 + n
	case p.any():
		return 1
	}
	return 0
}

func needOf(pattern string) prefilter {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return prefilter{}
	}
	return need(re.Simplify())
}

// need computes a prefilter from a parsed pattern.
func need(re *syntax.Regexp) prefilter {
	switch re.Op {
	case syntax.OpLiteral:
		s := string(re.Rune)
		if re.Flags&syntax.FoldCase != 0 && strings.ToLower(s) != strings.ToUpper(s) {
			return prefilter{}
		}
		return prefilter{lits: []string{s}}
	case syntax.OpCapture:
		return need(re.Sub[0])
	case syntax.OpPlus:
		return need(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return need(re.Sub[0])
		}
	case syntax.OpConcat:
		var best prefilter
		for _, sub := range re.Sub {
			if n := need(sub); n.rank() > best.rank() {
				best = n
			}
		}
		return best
	case syntax.OpAlternate:
		var out prefilter
		for _, sub := range re.Sub {
			n := need(sub)
			if !n.any() {
				return prefilter{}
			}
			out.lits = append(out.lits, n.lits...)
			out.ranges = append(out.ranges, n.ranges...)
		}
		return out
	case syntax.OpCharClass:
		if re.Flags&syntax.FoldCase != 0 {
			return prefilter{}
		}
		// a few runes are literals; ranges beyond ASCII are scanned for
		count := 0
		for k := 0; k+1 < len(re.Rune); k += 2 {
			count += int(re.Rune[k+1]-re.Rune[k]) + 1
		}
		if count <= 4 {
			var out prefilter
			for k := 0; k+1 < len(re.Rune); k += 2 {
				for c := re.Rune[k]; c <= re.Rune[k+1]; c++ {
					out.lits = append(out.lits, string(c))
				}
			}
			return out
		}
		if re.Rune[0] >= utf8.RuneSelf {
			return prefilter{ranges: slices.Clone(re.Rune)}
		}
	}
	return prefilter{}
}
