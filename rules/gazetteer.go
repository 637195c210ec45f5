package rules

import (
	"fmt"
	"strings"
)

// Gazetteer is the list of known named entities with their canonical
// names, plus the vocabulary the entity tagger needs around them.
type Gazetteer struct {
	// Titles are honorifics and office titles that may precede a person's
	// name ("Mr", "President"); "Mr X" marks X as a person.
	Titles []string
	// PersonTitles are the titles that always precede a person (Mr, Ms):
	// an unknown capitalised word after one is a person.
	PersonTitles []string
	// Stoplist are capitalised words that are never an entity on their own
	// (months, weekdays, sentence adverbs) whatever the model says.
	Stoplist []string
	// RoleNouns are lower-case words for a person's role ("activist",
	// "spokeswoman"): two or three capitalised words after one name a
	// person ("human rights activist Marina Litvinovich").
	RoleNouns []string
	Entries   []*GazEntry
}

// GazEntry is one known entity.
type GazEntry struct {
	Name    string   `yaml:"name"` // canonical name, also the id for overlays
	Kind    string   `yaml:"kind"` // PERSON, GPE or ORG
	Aliases []string `yaml:"aliases"`
	Country string   `yaml:"country"`
	// Actor is who acts when this entity is the subject (Moscow -> Russia).
	Actor string `yaml:"actor"`
	// Demonyms are adjectives and nouns of nationality ("Russian") that
	// stand for the country when it acts; tagged with Source "demonym".
	Demonyms []string `yaml:"demonyms"`
	// Medium marks news organisations and platforms: they report events
	// (and may be a source) but take no part in them.
	Medium bool `yaml:"medium"`

	Pos Pos `yaml:"-"`
}

var gazKinds = []string{"PERSON", "GPE", "ORG"}

func loadGazetteer(src *Source) (*Gazetteer, Errors) {
	var errs Errors
	var entries idList[*GazEntry]
	g := &Gazetteer{}
	for _, d := range src.Docs("gazetteer.yaml") {
		top, err := parseDoc(d)
		if err != nil {
			errs = append(errs, asError(d.Name, err))
			continue
		}
		secs, e := sections(d.Name, top, "titles", "person_titles", "stoplist", "role_nouns", "entities")
		errs = append(errs, e...)
		for key, dst := range map[string]*[]string{"titles": &g.Titles, "person_titles": &g.PersonTitles, "stoplist": &g.Stoplist, "role_nouns": &g.RoleNouns} {
			s, ok := secs[key]
			if !ok {
				continue
			}
			var words []string
			if err := decodeStrict(d.Name, s.value, &words); err != nil {
				errs = append(errs, asError(d.Name, err))
				continue
			}
			*dst = append(*dst, words...) // overlays add words
		}
		if s, ok := secs["entities"]; ok {
			errs = append(errs, eachItem(d.Name, s.value, func(pos Pos, en *GazEntry) {
				en.Pos = pos
				if e := checkEntry(en); e != nil {
					errs = append(errs, e)
					return
				}
				if e := entries.put(en.Name, pos, en); e != nil {
					errs = append(errs, e)
				}
			})...)
		}
	}
	g.Entries = entries.items
	errs = append(errs, checkAliases(g.Entries)...)
	return g, errs
}

func checkEntry(en *GazEntry) *Error {
	fail := func(msg string, a ...any) *Error {
		return &Error{Pos: en.Pos, Rule: en.Name, Msg: fmt.Sprintf(msg, a...)}
	}
	if strings.TrimSpace(en.Name) == "" {
		return fail("entity has no name")
	}
	if !contains(gazKinds, en.Kind) {
		return fail("kind %q is not one of %s", en.Kind, strings.Join(gazKinds, ", "))
	}
	if len(en.Demonyms) > 0 && en.Kind != "GPE" {
		return fail("demonyms only apply to GPE entries")
	}
	for _, a := range append(append([]string{}, en.Aliases...), en.Demonyms...) {
		if strings.TrimSpace(a) == "" {
			return fail("empty alias")
		}
	}
	return nil
}

// checkAliases reports a surface form claimed by two entries: the tagger
// could not tell which one is meant.
func checkAliases(entries []*GazEntry) Errors {
	var errs Errors
	owner := map[string]*GazEntry{}
	for _, en := range entries {
		forms := append(append([]string{en.Name}, en.Aliases...), en.Demonyms...)
		seen := map[string]bool{}
		for _, f := range forms {
			if seen[f] {
				continue
			}
			seen[f] = true
			if o, ok := owner[f]; ok && o != en {
				errs = append(errs, &Error{Pos: en.Pos, Rule: en.Name, Msg: fmt.Sprintf("alias %q already belongs to %q (%s)", f, o.Name, o.Pos)})
				continue
			}
			owner[f] = en
		}
	}
	return errs
}
