// Package entities tags named entities: gazetteer names by longest match on
// a token trie, surnames and "Mr X" by coreference within the article, and
// optionally prose's statistical NER for capitalised spans the gazetteer
// does not know, filtered so that the gazetteer always wins.
package entities

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/jdkato/prose/v2"

	"github.com/timeline-news/timeline/model"
	"github.com/timeline-news/timeline/rules"
)

// Entity sources beyond the gazetteer.
const (
	SourceGazetteer = "gazetteer"
	SourceCoref     = "coref"
	SourceModel     = "model"
	// SourceDemonym marks a nationality word ("Russian") tagged as its
	// country: an actor, but not a place.
	SourceDemonym = "demonym"
	// SourceTitle marks an unknown name after a personal title ("Ms Psaki").
	SourceTitle = "title"
)

// hit is what a complete trie path names.
type hit struct {
	entry   *rules.GazEntry
	demonym bool
}

type node struct {
	next map[string]*node
	hit  *hit
}

// Tagger is a compiled gazetteer. It is safe for concurrent use.
type Tagger struct {
	root         *node
	titles       map[string]bool
	personTitles map[string]bool
	roleNouns    map[string]bool
	stop         map[string]bool
	surnames     map[string][]*rules.GazEntry // PERSON surname -> entries
	forms        map[string]*hit              // surface form -> entry, to fix model labels

	modelOnce sync.Once
	model     *prose.Model
}

// Options select the optional, slower parts of tagging.
type Options struct {
	// Model also runs prose's NER on sentences with a capitalised span the
	// gazetteer did not cover.
	Model bool
}

// Compile builds the token trie of every name, alias and demonym.
func Compile(g *rules.Gazetteer) (*Tagger, error) {
	if g == nil {
		return nil, errors.New("entities: no gazetteer")
	}
	t := &Tagger{
		root:         &node{},
		titles:       set(g.Titles),
		personTitles: set(g.PersonTitles),
		roleNouns:    set(g.RoleNouns),
		stop:         set(g.Stoplist),
		surnames:     map[string][]*rules.GazEntry{},
		forms:        map[string]*hit{},
	}
	var buf []word
	for _, en := range g.Entries {
		forms := append([]string{en.Name}, en.Aliases...)
		for _, f := range forms {
			if err := t.add(f, &hit{entry: en}, &buf); err != nil {
				return nil, fmt.Errorf("entities: %s: %w", en.Name, err)
			}
		}
		for _, f := range en.Demonyms {
			if err := t.add(f, &hit{entry: en, demonym: true}, &buf); err != nil {
				return nil, fmt.Errorf("entities: %s: %w", en.Name, err)
			}
		}
		if en.Kind == model.Person {
			buf = words(en.Name, buf[:0])
			if len(buf) > 1 {
				s := buf[len(buf)-1].key
				if !containsEntry(t.surnames[s], en) {
					t.surnames[s] = append(t.surnames[s], en)
				}
			}
		}
	}
	return t, nil
}

func containsEntry(list []*rules.GazEntry, en *rules.GazEntry) bool {
	for _, e := range list {
		if e == en {
			return true
		}
	}
	return false
}

func set(words []string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// add puts one surface form into the trie.
func (t *Tagger) add(form string, h *hit, buf *[]word) error {
	*buf = words(form, (*buf)[:0])
	if len(*buf) == 0 {
		return fmt.Errorf("alias %q has no word", form)
	}
	n := t.root
	for _, w := range *buf {
		if n.next == nil {
			n.next = map[string]*node{}
		}
		c, ok := n.next[w.key]
		if !ok {
			c = &node{}
			n.next[w.key] = c
		}
		n = c
	}
	if n.hit == nil || (n.hit.demonym && !h.demonym) {
		n.hit = h
	}
	t.forms[form] = n.hit
	return nil
}

// Tag fills doc.Entities from doc.Sentences.
func (t *Tagger) Tag(doc *model.Document, opts Options) {
	doc.Entities = doc.Entities[:0]
	st := state{seen: map[string]string{}, heads: map[string]model.Entity{}, foreign: map[string]bool{}}
	for si := range doc.Sentences {
		s := &doc.Sentences[si]
		if s.Start < 0 || s.End > len(doc.Article.Text) || s.Start > s.End {
			continue
		}
		text := doc.Article.Text[s.Start:s.End]
		st.words = words(text, st.words[:0])
		first := len(doc.Entities)
		doc.Entities = t.tagSentence(doc.Entities, text, s.Start, si, &st)
		// Headings are title case: capitals there say nothing to the model.
		if opts.Model && s.Kind != model.BlockHeading && t.hasUnknownName(st.words, doc.Entities[first:], s.Start) {
			doc.Entities = t.modelEntities(doc.Entities, first, text, s.Start, si, &st)
			ents := doc.Entities[first:]
			sort.Slice(ents, func(a, b int) bool { return ents[a].Start < ents[b].Start })
		}
	}
}

// state is what tagging remembers across the sentences of one article.
type state struct {
	words []word
	seen  map[string]string // surname -> canonical full name seen earlier
	// heads maps the lower-cased head noun of an organisation named earlier
	// ("ministry" of "Ukraine's Interior Ministry") to that entity, so a
	// later "the ministry" refers to it.
	heads map[string]model.Entity
	// foreign marks a head a qualified title set ("Russian President
	// Vladimir Putin"): a bare title ("President Joe Biden") replaces it,
	// it does not replace a bare one.
	foreign map[string]bool
}

// tagSentence appends the gazetteer and coreference entities of one
// sentence (text at offset base).
func (t *Tagger) tagSentence(out []model.Entity, text string, base, si int, st *state) []model.Entity {
	ws := st.words
	for i := 0; i < len(ws); i++ {
		if end, h := t.longest(ws, i); h != nil {
			e := t.entity(text, base, si, ws[i].start, ws[end].end, h)
			out = append(out, e)
			if h.entry.Kind == model.Person && !h.demonym {
				t.remember(h.entry.Name, st)
				t.rememberTitle(ws, i, e, st)
			}
			i = end
			continue
		}
		if end, ok := t.roleName(ws, i); ok {
			name := text[ws[i].start:ws[end].end]
			e := model.Entity{Span: model.Span{Start: base + ws[i].start, End: base + ws[end].end}, Text: name,
				Canonical: name, Kind: model.Person, Sentence: si, Source: SourceTitle}
			out = append(out, e)
			t.remember(name, st)
			t.rememberTitle(ws, i, e, st)
			i = end
			continue
		}
		if e, ok := t.coref(text, base, si, ws, i, st); ok {
			out = append(out, e)
			continue
		}
		if e, ok := definite(text, base, si, ws, i, st); ok {
			out = append(out, e)
			i++
		}
	}
	for _, e := range out {
		if e.Kind == model.Org && e.Source != SourceCoref {
			if w := lastWord(e.Text); w != "" {
				st.heads[w] = e
			}
		}
	}
	return out
}

// roleName finds an unknown person named after a role noun or a title:
// "activist Marina Litvinovich", "Commissioner Filippo Grandi". It needs two
// or three capitalised words that are neither titles nor stop words, and
// returns the index of the last.
func (t *Tagger) roleName(ws []word, i int) (int, bool) {
	prev := ""
	switch {
	case i > 1 && ws[i-1].key == ".":
		prev = ws[i-2].key + "." // "Rep. Steve Scalise"
	case i > 0:
		prev = ws[i-1].key
	}
	if !(t.roleNouns[prev] || t.titles[prev] || t.titles[strings.TrimSuffix(prev, ".")]) {
		return 0, false
	}
	end := i - 1
	for j := i; j < len(ws) && j < i+3; j++ {
		w := ws[j]
		if !w.capital || t.stop[w.key] || t.titles[w.key] || t.forms[w.key] != nil {
			break
		}
		if _, h := t.longest(ws, j); h != nil {
			break // a known name starts here: the words before it end its title ("Minister of Foreign Affairs Dmytro Kuleba")
		}
		end = j
	}
	if end < i+1 {
		return 0, false // one word is too little to be sure of a name
	}
	return end, true
}

// rememberTitle records the title before a person's name ("President Joe
// Biden"), so that a later "the president" refers to that person.
func (t *Tagger) rememberTitle(ws []word, i int, e model.Entity, st *state) {
	if i > 0 && (t.titles[ws[i-1].key] || t.roleNouns[ws[i-1].key]) {
		// "Ukrainian President Volodymyr Zelenskyy" names another
		// country's president: "the president" stays the one the article
		// names with the bare title.
		key := strings.ToLower(ws[i-1].key)
		qualified := i > 1 && ws[i-2].capital && t.forms[ws[i-2].key] != nil
		if _, had := st.heads[key]; qualified && had && !st.foreign[key] {
			return
		}
		st.heads[key], st.foreign[key] = e, qualified
	}
}

// definite resolves "the ministry" to the organisation named earlier in the
// article whose name ends with that noun ("Ukraine's Interior Ministry"),
// and "the president" to the person last introduced with that title.
func definite(text string, base, si int, ws []word, i int, st *state) (model.Entity, bool) {
	if i+1 >= len(ws) || !strings.EqualFold(ws[i].key, "the") || ws[i+1].capital {
		return model.Entity{}, false
	}
	prev, ok := st.heads[ws[i+1].key]
	if !ok {
		return model.Entity{}, false
	}
	e := prev
	e.Span = model.Span{Start: base + ws[i].start, End: base + ws[i+1].end}
	e.Text = text[ws[i].start:ws[i+1].end]
	e.Sentence, e.Source = si, SourceCoref
	return e, true
}

// lastWord is the lower-cased head word of a name, when it is a plain
// word that can head a definite description ("Ministry" -> "ministry"): the
// last word, or the one before "of" ("International Court of Justice" ->
// "court", "Ministry of Defence" -> "ministry").
func lastWord(name string) string {
	if k := strings.Index(name, " of "); k > 0 {
		name = name[:k]
	}
	i := strings.LastIndexByte(name, ' ')
	w := name[i+1:]
	if len(w) < 4 || strings.ToUpper(w) == w {
		return "" // acronyms (SBU, NATO) are not heads
	}
	for _, r := range w {
		if !unicode.IsLetter(r) {
			return ""
		}
	}
	return strings.ToLower(w)
}

// longest returns the last word index and hit of the longest gazetteer
// match starting at word i.
func (t *Tagger) longest(ws []word, i int) (int, *hit) {
	n := t.root
	end, best := -1, (*hit)(nil)
	for j := i; j < len(ws); j++ {
		c := n.next[ws[j].key]
		if c == nil {
			break
		}
		if c.hit != nil {
			end, best = j, c.hit
		}
		n = c
	}
	return end, best
}

func (t *Tagger) entity(text string, base, si, s, e int, h *hit) model.Entity {
	en := h.entry
	out := model.Entity{
		Span: model.Span{Start: base + s, End: base + e}, Text: text[s:e],
		Canonical: en.Name, Kind: en.Kind, Country: en.Country, Actor: en.Actor, Medium: en.Medium,
		Sentence: si, Source: SourceGazetteer,
	}
	if h.demonym {
		out.Source = SourceDemonym
		if out.Actor == "" {
			out.Actor = en.Name
		}
	}
	return out
}

// remember records a person's surname for later bare-surname mentions.
func (t *Tagger) remember(full string, st *state) {
	if i := strings.LastIndexByte(full, ' '); i > 0 {
		st.seen[full[i+1:]] = full
	}
}

// coref resolves a capitalised word that is not a gazetteer form: a
// surname seen earlier in the article, a unique gazetteer surname, or an
// unknown name after a personal title.
func (t *Tagger) coref(text string, base, si int, ws []word, i int, st *state) (model.Entity, bool) {
	w := ws[i]
	if !w.capital || t.stop[w.key] || t.titles[w.key] {
		return model.Entity{}, false
	}
	afterTitle := i > 0 && t.titles[ws[i-1].key] || i > 1 && ws[i-1].key == "." && t.titles[ws[i-2].key]
	e := model.Entity{Span: model.Span{Start: base + w.start, End: base + w.end}, Text: text[w.start:w.end],
		Kind: model.Person, Sentence: si, Source: SourceCoref}
	if full, ok := st.seen[w.key]; ok {
		e.Canonical = full
		if h := t.forms[full]; h != nil {
			e.Country = h.entry.Country
		}
		return e, true
	}
	// A bare gazetteer surname needs a title ("Secretary Kerry"): many
	// surnames are also common words or places (Power, Austin, Miller).
	if cands := t.surnames[w.key]; len(cands) == 1 && afterTitle {
		e.Canonical, e.Country = cands[0].Name, cands[0].Country
		t.remember(e.Canonical, st)
		return e, true
	}
	personTitle := i > 0 && t.personTitles[ws[i-1].key] || i > 1 && ws[i-1].key == "." && t.personTitles[ws[i-2].key+"."]
	if personTitle {
		e.Canonical, e.Source = w.key, SourceTitle
		return e, true
	}
	return model.Entity{}, false
}

// word is one word or punctuation mark of a sentence; key is what the trie
// is keyed by (the text, except that every possessive is "'s").
type word struct {
	start, end int
	key        string
	capital    bool
}

// words splits s into words and punctuation marks: letters and digits
// (with inner periods for "U.S."), hyphens and possessives apart.
func words(s string, out []word) []word {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r):
			i += n
		case isApos(r) && i+n < len(s) && s[i+n] == 's' && (i+n+1 == len(s) || !isWordByte(s, i+n+1)):
			out = append(out, word{start: i, end: i + n + 1, key: "'s"})
			i += n + 1
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			j, dotted := i+n, false
			for j < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if unicode.IsLetter(r2) || unicode.IsDigit(r2) {
					j += n2
					continue
				}
				if r2 == '.' && j+1 < len(s) && isLetterAt(s, j+1) && !nextIsWordStart(s, j+1) {
					j, dotted = j+1, true
					continue
				}
				if r2 == '.' && dotted {
					j++ // the final period of "U.S."
				}
				if isApos(r2) && j+n2 < len(s) && isLetterAt(s, j+n2) && !(s[j+n2] == 's' && (j+n2+1 == len(s) || !isWordByte(s, j+n2+1))) {
					j += n2 // O'Brien, but not a possessive
					continue
				}
				break
			}
			out = append(out, word{start: i, end: j, key: s[i:j], capital: unicode.IsUpper(r)})
			i = j
		default:
			out = append(out, word{start: i, end: i + n, key: s[i : i+n]})
			i += n
		}
	}
	return out
}

func isApos(r rune) bool { return r == '\'' || r == '’' }

func isLetterAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r)
}

func isWordByte(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// nextIsWordStart reports two letters after an inner period: "say.It" is
// two sentences glued together, while "U.S." joins single letters.
func nextIsWordStart(s string, i int) bool {
	n := 0
	for j := i; j < len(s) && n < 2; {
		r, k := utf8.DecodeRuneInString(s[j:])
		if !unicode.IsLetter(r) {
			break
		}
		n++
		j += k
	}
	return n >= 2
}
