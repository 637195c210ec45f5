package rules

import "fmt"

// Set is every kind of rule, decoded and validated. Extractors compile the
// part they own (see each extractor's Compile).
type Set struct {
	Clean     *CleanRules
	Tokens    *TokenRules
	Gazetteer *Gazetteer
	Timex     *TimexRules
	Events    *EventRules
}

// Load decodes and validates every rule file of src. The error, when not
// nil, is an Errors listing every problem found.
func Load(src *Source) (*Set, error) {
	var errs Errors
	s := &Set{}
	var e Errors
	s.Clean, e = loadClean(src)
	errs = append(errs, e...)
	s.Tokens, e = loadTokens(src)
	errs = append(errs, e...)
	s.Gazetteer, e = loadGazetteer(src)
	errs = append(errs, e...)
	s.Timex, e = loadTimex(src)
	errs = append(errs, e...)
	s.Events, e = loadEvents(src)
	errs = append(errs, e...)
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return s, nil
}

// LoadDefault loads the embedded rules overlaid by dir ("" for none).
func LoadDefault(dir string) (*Set, error) {
	src, err := Open(dir)
	if err != nil {
		return nil, err
	}
	return Load(src)
}

// DefaultTokens loads the embedded token rules alone, for a splitter
// built without a rule set.
func DefaultTokens() (*TokenRules, error) {
	r, errs := loadTokens(Defaults())
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return r, nil
}

// idList keeps rules in file order; a later layer's rule with a known id
// replaces the earlier one in place, a duplicate id inside one file is an
// error.
type idList[T any] struct {
	items []T
	pos   []Pos
	index map[string]int
}

func (l *idList[T]) put(id string, pos Pos, item T) *Error {
	if l.index == nil {
		l.index = map[string]int{}
	}
	if id == "" {
		return &Error{Pos: pos, Msg: "rule has no id"}
	}
	if i, ok := l.index[id]; ok {
		if l.pos[i].File == pos.File {
			return &Error{Pos: pos, Rule: id, Msg: fmt.Sprintf("duplicate id (first defined at %s)", l.pos[i])}
		}
		l.items[i], l.pos[i] = item, pos
		return nil
	}
	l.index[id] = len(l.items)
	l.items = append(l.items, item)
	l.pos = append(l.pos, pos)
	return nil
}
