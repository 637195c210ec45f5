package rules

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"

	"gopkg.in/yaml.v3"
)

// TokenRules is the decoded tokens.yaml: what the sentence splitter knows
// about words with a period.
type TokenRules struct {
	// Abbreviations are the groups of words written with a period that
	// stand for a longer word ("Gen.", "Sept.", "Inc."), in file order.
	Abbreviations []WordGroup
	// Starters are capitalised words that open a sentence and are no name
	// ("The", "It", "However").
	Starters []string
}

// WordGroup is one named list of words.
type WordGroup struct {
	Name  string
	Words []string
	Pos   Pos
}

// initialism is the shape the splitter knows without a list: "U.S.", "p.m.".
var initialism = regexp.MustCompile(`^(?:\pL\.){2,}$`)

// IsInitialism reports whether w is letters each with a period ("U.S.",
// "p.m."), which needs no abbreviation entry.
func IsInitialism(w string) bool { return initialism.MatchString(w) }

// loadTokens reads every layer of tokens.yaml: a later layer's group
// replaces the group of the same name, its starters replace the list.
func loadTokens(src *Source) (*TokenRules, Errors) {
	var errs Errors
	var groups idList[WordGroup]
	out := &TokenRules{}
	for _, d := range src.Docs("tokens.yaml") {
		top, err := parseDoc(d)
		if err != nil {
			errs = append(errs, asError(d.Name, err))
			continue
		}
		secs, e := sections(d.Name, top, "abbreviations", "starters")
		errs = append(errs, e...)
		seen := map[string]Pos{} // each word once per file
		if s, ok := secs["abbreviations"]; ok {
			if s.value.Kind != yaml.MappingNode {
				errs = append(errs, &Error{Pos: posOf(d.Name, s.value), Msg: fmt.Sprintf("abbreviations: expected a mapping of named lists, found %s", kindName(s.value))})
			} else {
				for i := 0; i+1 < len(s.value.Content); i += 2 {
					k, v := s.value.Content[i], s.value.Content[i+1]
					words, e := wordList(d.Name, "abbreviations."+k.Value, v, seen, checkAbbreviation)
					errs = append(errs, e...)
					if e := groups.put(k.Value, posOf(d.Name, k), WordGroup{Name: k.Value, Words: words, Pos: posOf(d.Name, k)}); e != nil {
						errs = append(errs, e)
					}
				}
			}
		}
		if s, ok := secs["starters"]; ok {
			words, e := wordList(d.Name, "starters", s.value, seen, checkStarter)
			errs = append(errs, e...)
			out.Starters = words
		}
	}
	out.Abbreviations = groups.items
	return out, errs
}

// wordList decodes a list of words, checking each with check and against
// the words already seen in the file.
func wordList(file, what string, n *yaml.Node, seen map[string]Pos, check func(string) string) ([]string, Errors) {
	if n.Kind != yaml.SequenceNode {
		return nil, Errors{{Pos: posOf(file, n), Msg: fmt.Sprintf("%s: expected a list of words, found %s", what, kindName(n))}}
	}
	var errs Errors
	words := make([]string, 0, len(n.Content))
	for _, c := range n.Content {
		pos := posOf(file, c)
		if c.Kind != yaml.ScalarNode {
			errs = append(errs, &Error{Pos: pos, Msg: fmt.Sprintf("%s: expected a word, found %s", what, kindName(c))})
			continue
		}
		if msg := check(c.Value); msg != "" {
			errs = append(errs, &Error{Pos: pos, Msg: fmt.Sprintf("%s: %q %s", what, c.Value, msg)})
			continue
		}
		if p, dup := seen[c.Value]; dup {
			errs = append(errs, &Error{Pos: pos, Msg: fmt.Sprintf("%s: %q given twice (first at %s)", what, c.Value, p)})
			continue
		}
		seen[c.Value] = pos
		words = append(words, c.Value)
	}
	return words, errs
}

// checkAbbreviation: letters and a final period, not an initialism.
func checkAbbreviation(w string) string {
	body, ok := strings.CutSuffix(w, ".")
	if !ok || body == "" {
		return "must be a word with its final period (\"Gen.\")"
	}
	for _, r := range body {
		if !unicode.IsLetter(r) && r != '.' {
			return "may hold only letters and periods"
		}
	}
	if IsInitialism(w) {
		return "is an initialism, which the splitter knows by its shape: it needs no entry"
	}
	return ""
}

// checkStarter: one capitalised word without punctuation.
func checkStarter(w string) string {
	for i, r := range w {
		if !unicode.IsLetter(r) {
			return "must be one word of letters"
		}
		if i == 0 && !unicode.IsUpper(r) {
			return "must be capitalised as it opens a sentence"
		}
	}
	if w == "" {
		return "must be one word of letters"
	}
	return ""
}
