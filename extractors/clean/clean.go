// Package clean separates the article from the page furniture around it:
// navigation, widgets, related-story lists, comment threads and video
// teasers are dropped (with the rule that dropped them), and the lines kept
// are classified as body, heading or caption.
package clean

import (
	"errors"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/timeline-news/timeline/internal/span"
	"github.com/timeline-news/timeline/model"
	"github.com/timeline-news/timeline/rules"
)

// Cleaner applies compiled clean rules.
type Cleaner struct {
	layout rules.Layout
	line   []*rules.CleanRule
	block  []*rules.CleanRule
	boiler []*rules.CleanRule
	embed  rules.EmbedRules
}

// Compile prepares the rules (their patterns are compiled at load).
func Compile(r *rules.CleanRules) (*Cleaner, error) {
	if r == nil {
		return nil, errors.New("clean: no rules")
	}
	return &Cleaner{layout: r.Layout, line: r.Line, block: r.Block, boiler: r.Boilerplate, embed: r.Embed}, nil
}

// line is one line of the article: its full span and the span of its
// content without surrounding space and list bullet.
type line struct {
	start, end int // full line, without the newline
	cs, ce     int // content
}

func (l line) blank() bool { return l.cs >= l.ce }

// Clean fills doc.Blocks and doc.Removed. The text is never modified.
func (c *Cleaner) Clean(doc *model.Document) {
	text := doc.Article.Text
	lines := c.splitLines(text)
	doc.Blocks, doc.Removed = doc.Blocks[:0], doc.Removed[:0]
	var cur *model.Block // block a continuation line may join
	// afterBlock: since the last kept block, only blank lines and embed
	// residue; an attribution line then takes that block as its post.
	afterBlock, popped := false, false
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if l.blank() {
			cur = nil
			continue
		}
		content := text[l.cs:l.ce]
		if r := c.blockStart(content); r != nil {
			last := c.blockEnd(text, lines, i, r)
			doc.Removed = append(doc.Removed, model.Removal{
				Span: model.Span{Start: l.cs, End: lines[last].ce}, Rule: r.ID, Reason: r.Description})
			i, cur, afterBlock = last, nil, false
			continue
		}
		if r := c.lineRule(content); r != nil {
			doc.Removed = append(doc.Removed, model.Removal{
				Span: model.Span{Start: l.cs, End: l.ce}, Rule: r.ID, Reason: r.Description})
			cur, afterBlock = nil, false
			continue
		}
		if posts := c.posts(text, l.cs, l.ce); len(posts) > 0 {
			only, attribution := c.residue(content)
			if only && attribution && afterBlock && c.takePost(doc, posts[0]) {
				popped = true
			}
			doc.Removed = append(doc.Removed, posts...)
			from, kept := l.cs, false
			for _, p := range append(posts, model.Removal{Span: model.Span{Start: l.ce, End: l.ce}}) {
				if s, e := span.Trim(text, from, p.Start); s < e {
					doc.Blocks = append(doc.Blocks, model.Block{Span: model.Span{Start: s, End: e}, Kind: c.kind(text[s:e])})
					kept = true
				}
				from = p.End
			}
			// hashtags or a link between a post's text and its attribution
			cur, afterBlock = nil, afterBlock && only && !attribution && !kept
			continue
		}
		afterBlock = true
		// A hard-wrapped paragraph: the previous line did not end a
		// sentence and this one starts in lower case.
		if cur != nil && !c.endsSentence(text[cur.Start:cur.End]) && startsLower(content) {
			cur.End = l.ce
			cur.Kind = c.kind(text[cur.Start:cur.End])
			continue
		}
		doc.Blocks = append(doc.Blocks, model.Block{Span: model.Span{Start: l.cs, End: l.ce}, Kind: c.kind(content)})
		cur = &doc.Blocks[len(doc.Blocks)-1]
	}
	if popped {
		slices.SortStableFunc(doc.Removed, func(a, b model.Removal) int { return a.Start - b.Start })
	}
}

// takePost turns the last kept block into a removal by the attribution that
// follows it (post), when it can be the post's text: no longer than
// embed.max_length, no prose about a post, not a lead-in ending in a colon.
func (c *Cleaner) takePost(doc *model.Document, post model.Removal) bool {
	n := len(doc.Blocks)
	if n == 0 {
		return false
	}
	b := doc.Blocks[n-1]
	s := doc.Article.Text[b.Start:b.End]
	if len(s) > c.embed.MaxLength || strings.HasSuffix(s, ":") || c.matchAny(c.embed.Prose, s, false) != nil {
		return false
	}
	doc.Blocks = doc.Blocks[:n-1]
	doc.Removed = append(doc.Removed, model.Removal{Span: b.Span, Rule: post.Rule, Reason: post.Reason})
	return true
}

// trimSpace narrows [s, e) to exclude surrounding white space.

// splitLines cuts text at newlines and trims each line's content.
func (c *Cleaner) splitLines(text string) []line {
	lines := make([]line, 0, strings.Count(text, "\n")+1)
	for start := 0; start <= len(text); {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		cs, ce := c.trim(text, start, end)
		lines = append(lines, line{start: start, end: end, cs: cs, ce: ce})
		start = end + 1
	}
	return lines
}

// trim narrows [s, e) to the content: no surrounding space, no bullet.
func (c *Cleaner) trim(text string, s, e int) (int, int) {
	for e > s {
		r, n := utf8.DecodeLastRuneInString(text[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		e -= n
	}
	for {
		s = span.SkipSpace(text, s, e)
		b := c.bullet(text[s:e])
		if b == 0 {
			return s, e
		}
		s += b
	}
}

// bullet returns the length of a list bullet at the start of s (a bullet is
// followed by a space, so "-2°C" or "*NSYNC" are not bullets).
func (c *Cleaner) bullet(s string) int {
	for _, b := range c.layout.Bullets {
		if strings.HasPrefix(s, b) {
			rest := s[len(b):]
			if rest == "" || rest[0] == ' ' || rest[0] == '\t' {
				return len(b)
			}
		}
	}
	return 0
}

// applies says whether a rule looks at a line of n bytes.
func (c *Cleaner) applies(r *rules.CleanRule, n int) bool {
	switch {
	case r.MaxLength < 0:
		return true
	case r.MaxLength > 0:
		return n <= r.MaxLength
	}
	return n <= c.layout.LineMaxLength
}

func (c *Cleaner) blockStart(s string) *rules.CleanRule {
	for _, r := range c.block {
		if c.applies(r, len(s)) && r.Matches(s) {
			return r
		}
	}
	return nil
}

func (c *Cleaner) lineRule(s string) *rules.CleanRule {
	for _, r := range c.line {
		if c.applies(r, len(s)) && r.Matches(s) {
			return r
		}
	}
	for _, r := range c.boiler {
		if c.applies(r, len(s)) && r.Matches(s) {
			return r
		}
	}
	return nil
}

// blockEnd returns the index of the last line the block rule r, started at
// line i, drops.
func (c *Cleaner) blockEnd(text string, lines []line, i int, r *rules.CleanRule) int {
	last, count := i, 1
	for j := i + 1; j < len(lines); j++ {
		l := lines[j]
		if l.blank() {
			continue
		}
		if r.MaxLines > 0 && count >= r.MaxLines {
			break
		}
		if len(r.EndRe) > 0 && r.EndMatches(text[l.cs:l.ce]) {
			if r.IncludeEnd {
				last = j
			}
			break
		}
		last, count = j, count+1
	}
	return last
}

// kind classifies a kept line: a sentence is body, an unpunctuated line that
// reads as a sentence is a caption, anything else is a heading.
func (c *Cleaner) kind(s string) model.BlockKind {
	if c.endsSentence(s) {
		return model.BlockBody
	}
	if c.isTitle(s) || wordCount(s) < c.layout.SentenceMinWords {
		return model.BlockHeading
	}
	return model.BlockCaption
}

// endsSentence reports whether s ends with final punctuation, possibly
// followed by closing quotes or brackets.
func (c *Cleaner) endsSentence(s string) bool {
	s = strings.TrimRightFunc(s, unicode.IsSpace)
	for s != "" {
		r, n := utf8.DecodeLastRuneInString(s)
		if strings.ContainsRune(c.layout.FinalPunct, r) {
			return true
		}
		if !strings.ContainsRune(c.layout.ClosingQuotes, r) {
			return false
		}
		s = s[:len(s)-n]
	}
	return false
}

// isTitle reports whether most long words of s are capitalised.
func (c *Cleaner) isTitle(s string) bool {
	long, caps := 0, 0
	for _, w := range strings.Fields(s) {
		w = strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		if utf8.RuneCountInString(w) < c.layout.LongWord {
			continue
		}
		long++
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsUpper(r) || unicode.IsDigit(r) {
			caps++
		}
	}
	if long == 0 {
		return true
	}
	return float64(caps) >= c.layout.TitleCaseRatio*float64(long)
}

func wordCount(s string) int { return len(strings.Fields(s)) }

func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}
