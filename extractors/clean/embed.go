package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/timeline-news/timeline/extractors/tokens"
	"github.com/timeline-news/timeline/model"
	"github.com/timeline-news/timeline/rules"
)

// Embedded social-media posts (rules/clean.yaml, embed): a line is cut into
// paragraphs at gaps and after attributions, each paragraph into the
// tokenizer's sentences; sentences with a marker or an attribution seed a
// post, which grows over the sentences around it as the rules allow.

// sentence kinds inside a line with embed matches
const (
	sentPlain = iota
	sentProse // reports a post: article text, never taken
	sentPost  // has a marker outside quotes
	sentAttr  // holds an attribution
)

type embedSent struct {
	start, end int // in the article text
	kind       int
	rule       *rules.CleanRule
	quote      bool // holds a quotation mark
}

// hasEmbed reports whether an attribution or a marker matches s.
func (c *Cleaner) hasEmbed(s string) bool {
	for _, list := range [][]*rules.CleanRule{c.embed.Attribution, c.embed.Marker} {
		for _, r := range list {
			if r.Matches(s) {
				return true
			}
		}
	}
	return false
}

// posts returns the spans of [s, e) that are embedded posts, in order and
// disjoint.
func (c *Cleaner) posts(text string, s, e int) []model.Removal {
	if !c.hasEmbed(text[s:e]) {
		return nil
	}
	var out []model.Removal
	for _, p := range c.paragraphs(text, s, e) {
		if !c.hasEmbed(text[p[0]:p[1]]) {
			continue // a post starts at a sentence with a marker or attribution: none here
		}
		out = append(out, c.paragraphPosts(text, c.sentences(text, p[0], p[1]))...)
	}
	// posts of adjacent paragraphs (only a gap between them) are one stretch
	merged := out[:0]
	for _, r := range out {
		if n := len(merged); n > 0 && strings.TrimSpace(text[merged[n-1].End:r.Start]) == "" {
			merged[n-1].End = r.End
			continue
		}
		merged = append(merged, r)
	}
	return merged
}

// paragraphs cuts [s, e) at runs of two or more spaces or tabs (a flattened
// page keeps its paragraph breaks as such gaps) and after each attribution.
func (c *Cleaner) paragraphs(text string, s, e int) [][2]int {
	cuts := map[int]bool{}
	for _, r := range c.embed.Attribution {
		for i, re := range r.Re {
			if !r.MayMatch(i, text[s:e]) {
				continue
			}
			for _, m := range re.FindAllStringIndex(text[s:e], -1) {
				cuts[s+m[1]] = true
			}
		}
	}
	var out [][2]int
	start := s
	for i := s; i < e; {
		if cuts[i] && i > start {
			out = append(out, [2]int{start, i})
			start = i
		}
		if (text[i] == ' ' || text[i] == '\t') && i+1 < e && (text[i+1] == ' ' || text[i+1] == '\t') {
			j := i
			for j < e && (text[j] == ' ' || text[j] == '\t') {
				j++
			}
			if i > start {
				out = append(out, [2]int{start, i})
			}
			start, i = j, j
			continue
		}
		i++
	}
	if start < e {
		out = append(out, [2]int{start, e})
	}
	return out
}

// sentences classifies the tokenizer's sentences of the paragraph [s, e).
func (c *Cleaner) sentences(text string, s, e int) []embedSent {
	var out []embedSent
	for _, st := range tokens.Default().SplitText(text[s:e]) {
		es := embedSent{start: s + st.Start, end: s + st.End}
		sent := text[es.start:es.end]
		es.quote = strings.ContainsAny(sent, `"“”«»`)
		switch {
		case c.matchAny(c.embed.Attribution, sent, false) != nil:
			es.kind, es.rule = sentAttr, c.matchAny(c.embed.Attribution, sent, false)
		case c.matchAny(c.embed.Prose, sent, false) != nil:
			es.kind = sentProse
		case c.matchAny(c.embed.Marker, sent, true) != nil:
			es.kind, es.rule = sentPost, c.matchAny(c.embed.Marker, sent, true)
		}
		out = append(out, es)
	}
	return out
}

// matchAny returns the first rule that matches s (outside quotation marks
// when unquoted: a post quoted in running prose is news).
func (c *Cleaner) matchAny(rs []*rules.CleanRule, s string, unquoted bool) *rules.CleanRule {
	for _, r := range rs {
		for i, re := range r.Re {
			if !r.MayMatch(i, s) {
				continue
			}
			var q quotes
			for _, m := range re.FindAllStringIndex(s, -1) {
				if !unquoted || !q.inside(s, m[1]-1) {
					return r
				}
			}
		}
	}
	return nil
}

// quotes tracks, left to right, whether a position of a sentence lies inside
// a quotation opened before it.
type quotes struct {
	at, depth int
	straight  bool
}

// inside reports whether byte i (at or after the last one asked) is quoted.
func (q *quotes) inside(s string, i int) bool {
	if i < q.at {
		i = q.at
	}
	for _, r := range s[q.at:i] {
		switch r {
		case '“', '«':
			q.depth++
		case '”', '»':
			q.depth = max(0, q.depth-1)
		case '"':
			q.straight = !q.straight
		}
	}
	q.at = i
	return q.depth > 0 || q.straight
}

// paragraphPosts grows posts from the seeds of one paragraph's sentences.
func (c *Cleaner) paragraphPosts(text string, ss []embedSent) []model.Removal {
	plain := func(from, to int) bool { // ss[from:to] holds no prose
		for k := from; k < to; k++ {
			if ss[k].kind == sentProse {
				return false
			}
		}
		return true
	}
	size := func(a, b int) int { return ss[b].end - ss[a].start }
	var out []model.Removal
	n, limit := len(ss), c.embed.MaxLength
	for i := 0; i < n; i++ {
		if ss[i].kind != sentPost && ss[i].kind != sentAttr {
			continue
		}
		a, b, rule := i, i, ss[i].rule
		for j := b + 1; j < n && j-b-1 <= c.embed.Bridge; j++ {
			if ss[j].kind == sentProse {
				break
			}
			if ss[j].kind == sentPost || ss[j].kind == sentAttr {
				b = j
				if ss[j].kind == sentAttr {
					rule = ss[j].rule
				}
			}
		}
		// the embed's text comes right before its attribution; a quotation
		// there is more likely the article's
		if ss[b].kind == sentAttr {
			for a > 0 && ss[a-1].kind == sentPlain && !ss[a-1].quote && size(a-1, b) <= limit {
				a--
			}
		}
		if b < n-1 && plain(b+1, n) && size(a, n-1) <= limit {
			b = n - 1
		}
		if a > 0 && plain(0, a) && size(0, b) <= limit {
			a = 0
		}
		out = append(out, model.Removal{Span: model.Span{Start: ss[a].start, End: ss[b].end}, Rule: rule.ID, Reason: rule.Description})
		i = b
	}
	return out
}

// residue reports whether s is nothing but embed matches (no letter is left
// outside them), and whether one of them is an attribution.
func (c *Cleaner) residue(s string) (only, attribution bool) {
	b := []byte(s)
	blank := func(rs []*rules.CleanRule) bool {
		found := false
		for _, r := range rs {
			for i, re := range r.Re {
				if !r.MayMatch(i, s) {
					continue
				}
				for _, m := range re.FindAllStringIndex(s, -1) {
					found = true
					for k := m[0]; k < m[1]; k++ {
						b[k] = ' '
					}
				}
			}
		}
		return found
	}
	attribution = blank(c.embed.Attribution)
	blank(c.embed.Marker)
	for rest := string(b); rest != ""; {
		r, n := utf8.DecodeRuneInString(rest)
		if unicode.IsLetter(r) {
			return false, false
		}
		rest = rest[n:]
	}
	return true, attribution
}
