package rules

import (
	"fmt"
	"regexp"
)

// CleanRules is the page-furniture filter: which lines and blocks of an
// article are not news text, and how kept lines are classified.
type CleanRules struct {
	Layout      Layout
	Line        []*CleanRule // drop one line
	Block       []*CleanRule // drop from a start line to an end line or the article end
	Boilerplate []*CleanRule // publisher self-descriptions, matched anywhere in a line
}

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
}

// Examples are lines a rule must and must not match; they are checked at
// load time so that a user overlay cannot silently break a rule.
type Examples struct {
	Match   []string `yaml:"match"`
	NoMatch []string `yaml:"no_match"`
}

// Matches reports whether one of the rule's start patterns matches line.
func (r *CleanRule) Matches(line string) bool {
	for _, re := range r.Re {
		if re.MatchString(line) {
			return true
		}
	}
	return false
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
	var line, block, boiler idList[*CleanRule]
	out := &CleanRules{}
	for _, d := range src.Docs("clean.yaml") {
		top, err := parseDoc(d)
		if err != nil {
			errs = append(errs, asError(d.Name, err))
			continue
		}
		secs, e := sections(d.Name, top, "layout", "line", "block", "boilerplate")
		errs = append(errs, e...)
		if s, ok := secs["layout"]; ok {
			if err := decodeStrict(d.Name, s.value, &out.Layout); err != nil {
				errs = append(errs, asError(d.Name, err))
			}
		}
		for key, list := range map[string]*idList[*CleanRule]{"line": &line, "block": &block, "boilerplate": &boiler} {
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
	if docs := src.Docs("clean.yaml"); len(docs) > 0 {
		errs = append(errs, checkLayout(docs[0].Name, out.Layout)...)
	}
	return out, errs
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
