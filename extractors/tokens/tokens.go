// Package tokens segments the kept blocks of an article into sentences and
// tokens with byte offsets into Article.Text.
//
// prose (v2) tokenizes (its tokenizer, exactly, as prosetok reimplements
// it); it returns texts without offsets and rewrites curly
// quotes, so its tokens are aligned back onto the original text, and any
// text they do not cover gets simple-scan tokens: no text is ever lost.
// Sentences end at the final punctuation tokens prose splits off (it keeps
// abbreviations such as "U.S.", "Feb." and "Mr." whole). prose's own punkt
// segmenter is not used: it reloads its model on every call (~15 ms), which
// alone would hold the pipeline to a fraction of its 1 MB/s budget.
// Which words with a period are abbreviations is data (rules/tokens.yaml).
package tokens

import (
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/timeline-news/timeline/extractors/prosetok"
	"github.com/timeline-news/timeline/internal/span"
	"github.com/timeline-news/timeline/model"
	"github.com/timeline-news/timeline/rules"
)

// Splitter segments text with a compiled set of token rules.
type Splitter struct {
	abbrev   map[string]bool // "Gen.", "Sept.", "Inc."
	starters map[string]bool // "The", "It"
}

// Compile builds a splitter from token rules.
func Compile(r *rules.TokenRules) (*Splitter, error) {
	if r == nil {
		return nil, fmt.Errorf("tokens: no rules")
	}
	sp := &Splitter{abbrev: map[string]bool{}, starters: map[string]bool{}}
	for _, g := range r.Abbreviations {
		for _, w := range g.Words {
			sp.abbrev[w] = true
		}
	}
	for _, w := range r.Starters {
		sp.starters[w] = true
	}
	return sp, nil
}

// Default is the splitter of the embedded rules.
var Default = sync.OnceValue(func() *Splitter {
	rs, err := rules.DefaultTokens()
	if err != nil {
		panic(fmt.Sprintf("embedded token rules: %v", err))
	}
	sp, err := Compile(rs)
	if err != nil {
		panic(err)
	}
	return sp
})

// Split segments doc with the embedded rules.
func Split(doc *model.Document) { Default().Split(doc) }

// SplitText segments text with the embedded rules.
func SplitText(text string) []model.Sentence { return Default().SplitText(text) }

// segment is one block copied into the text given to prose.
type segment struct {
	jStart, jEnd int // in the joined text
	aStart       int // in Article.Text
	block        int
	kind         model.BlockKind
}

// blockSep separates blocks in the joined text; punkt treats it as a hard
// break and Split never lets a sentence cross it anyway.
const blockSep = "\n\n"

// Split fills doc.Sentences from doc.Blocks. Sentences never cross blocks.
func (sp *Splitter) Split(doc *model.Document) {
	doc.Sentences = doc.Sentences[:0]
	text := doc.Article.Text
	var b strings.Builder
	segs := make([]segment, 0, len(doc.Blocks))
	for i, bl := range doc.Blocks {
		if bl.Start < 0 || bl.End > len(text) || bl.Start >= bl.End {
			continue // defensive: a bad span must not panic
		}
		if b.Len() > 0 {
			b.WriteString(blockSep)
		}
		s := segment{jStart: b.Len(), aStart: bl.Start, block: i, kind: bl.Kind}
		b.WriteString(text[bl.Start:bl.End])
		s.jEnd = b.Len()
		segs = append(segs, s)
	}
	if len(segs) == 0 {
		return
	}
	joined := b.String()
	doc.Sentences = sp.split(joined, segs, doc.Sentences)
	// Shift to article offsets.
	si := 0
	for i := range doc.Sentences {
		s := &doc.Sentences[i]
		for si < len(segs)-1 && s.Start >= segs[si].jEnd {
			si++
		}
		d := segs[si].aStart - segs[si].jStart
		s.Start += d
		s.End += d
		for j := range s.Tokens {
			s.Tokens[j].Start += d
			s.Tokens[j].End += d
		}
	}
}

// SplitText segments one text; offsets are relative to it. Sentences have
// Block 0 and an empty Kind.
func (sp *Splitter) SplitText(text string) []model.Sentence {
	if strings.TrimSpace(text) == "" {
		return nil
	}
	return sp.split(text, []segment{{jStart: 0, jEnd: len(text), block: 0}}, nil)
}

// split segments joined (whose segments are segs) and appends the
// sentences, with offsets into joined, to out.
func (sp *Splitter) split(joined string, segs []segment, out []model.Sentence) []model.Sentence {
	// prose's tokenizer panics on invalid UTF-8: give it the text with
	// each invalid byte blanked, which keeps every offset.
	safe := blankInvalid(joined)
	toks := sp.splitFinalPeriods(alignTokens(safe, prosetok.Tokenize(safe, nil)))
	bounds := sp.sentenceEnds(joined, toks)
	bi, ti := 0, 0
	for _, sg := range segs {
		// Sentence ends prose found inside this segment.
		var ends []int
		for bi < len(bounds) && bounds[bi].at <= sg.jStart {
			bi++
		}
		for ; bi < len(bounds) && bounds[bi].at < sg.jEnd; bi++ {
			if bounds[bi].abbr && sg.kind == model.BlockHeading {
				continue // "EU Follows U.S. In Imposing New Sanctions"
			}
			ends = append(ends, bounds[bi].at)
		}
		ends = append(ends, sg.jEnd)
		ends = repairBounds(joined, sg.jStart, ends)
		start := sg.jStart
		for _, end := range ends {
			s, e := span.Trim(joined, start, end)
			start = end
			if s >= e {
				continue
			}
			for ti < len(toks) && toks[ti].End <= s {
				ti++
			}
			sent := model.Sentence{Span: model.Span{Start: s, End: e}, Index: len(out), Block: sg.block, Kind: sg.kind, Text: joined[s:e]}
			sent.Tokens, ti = sentenceTokens(joined, s, e, toks, ti)
			out = append(out, sent)
		}
	}
	return out
}

// trimSpan narrows [s, e) to exclude surrounding white space.

// blankInvalid replaces every byte of s that is not part of valid UTF-8
// with a space, so the result has the same length and offsets.
func blankInvalid(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	b := []byte(s)
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			b[i] = ' '
		}
		i += n
	}
	return string(b)
}
