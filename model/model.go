// Package model is the data model shared by every stage of the timeline
// pipeline: the article as read, the annotations each extractor adds to it,
// and the chronology that is written out.
//
// Offsets are byte offsets into Article.Text, half-open [Start, End), so that
// every annotation can be traced back to the text exactly as it was read.
package model

import "time"

// Article is one news article as the reader found it.
type Article struct {
	ID     string `json:"id" yaml:"id"`
	Path   string `json:"path,omitempty" yaml:"path,omitempty"` // file it came from ("-" for stdin)
	Line   int    `json:"line,omitempty" yaml:"line,omitempty"` // 1-based line for JSON Lines input
	Title  string `json:"title,omitempty" yaml:"title,omitempty"`
	Source string `json:"source,omitempty" yaml:"source,omitempty"`
	URL    string `json:"url,omitempty" yaml:"url,omitempty"`

	// Published is the document creation time, the anchor for relative
	// dates. Zero when unknown: only absolute dates are resolved then.
	Published time.Time `json:"published" yaml:"published"`
	// PublishedFrom says where Published came from: "front matter",
	// "manifest", "jsonl", "dateline", "flag", or "" when unknown.
	PublishedFrom string `json:"published_from,omitempty" yaml:"published_from,omitempty"`
	// PublishedHasTime is true when the source gave a time of day.
	PublishedHasTime bool `json:"-" yaml:"-"`

	Text string `json:"-" yaml:"-"` // body, front matter removed
	// TextOffset is where Text starts in the file (after front matter), so
	// that offsets can be reported against the file as well.
	TextOffset int `json:"-" yaml:"-"`
}

// HasPublished reports whether the publication date is known.
func (a *Article) HasPublished() bool { return !a.Published.IsZero() }

// Span is a half-open byte range [Start, End) into Article.Text.
type Span struct {
	Start int `json:"start" yaml:"start"`
	End   int `json:"end" yaml:"end"`
}

// Len is the span's length in bytes.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether o lies inside s.
func (s Span) Contains(o Span) bool { return o.Start >= s.Start && o.End <= s.End }

// Overlaps reports whether s and o share at least one byte.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }

// BlockKind classifies a stretch of cleaned text.
type BlockKind string

const (
	// BlockBody is running prose: its sentences may carry events.
	BlockBody BlockKind = "body"
	// BlockHeading is a title or sub-heading: kept for entities, not for events.
	BlockHeading BlockKind = "heading"
	// BlockCaption is an image caption that reads as a sentence: kept.
	BlockCaption BlockKind = "caption"
)

// Block is a paragraph or line the cleaner kept.
type Block struct {
	Span
	Kind BlockKind `json:"kind" yaml:"kind"`
}

// Removal is a stretch of text the cleaner dropped, with the rule that dropped it.
type Removal struct {
	Span
	Rule   string `json:"rule" yaml:"rule"`
	Reason string `json:"reason" yaml:"reason"`
}

// Token is one word or punctuation mark.
type Token struct {
	Span
	Text string `json:"text" yaml:"text"`
	Tag  string `json:"tag,omitempty" yaml:"tag,omitempty"` // part of speech, when tagged
}

// Sentence is one sentence of a kept block.
type Sentence struct {
	Span
	Index  int       `json:"index" yaml:"index"` // 0-based within the article
	Block  int       `json:"block" yaml:"block"` // index into Document.Blocks
	Kind   BlockKind `json:"kind" yaml:"kind"`   // kind of the block it belongs to
	Text   string    `json:"text" yaml:"text"`   // Article.Text[Start:End]
	Tokens []Token   `json:"-" yaml:"-"`
}

// Entity kinds.
const (
	Person = "PERSON"
	Place  = "GPE"
	Org    = "ORG"
)

// Entity is a named entity mention with its canonical name.
type Entity struct {
	Span
	Text      string `json:"text" yaml:"text"`
	Canonical string `json:"canonical" yaml:"canonical"`
	Kind      string `json:"kind" yaml:"kind"` // Person, Place or Org
	// Country is the country the entity belongs to, from the gazetteer.
	Country string `json:"country,omitempty" yaml:"country,omitempty"`
	// Actor is the name to use when the entity acts (Moscow, the Kremlin ->
	// Russia); empty means Canonical.
	Actor    string `json:"actor,omitempty" yaml:"actor,omitempty"`
	Sentence int    `json:"sentence" yaml:"sentence"`
	Source   string `json:"source" yaml:"source"` // "gazetteer", "model" or "coref"
	// Medium: a news organisation or platform, which reports events but
	// takes no part in them.
	Medium bool `json:"medium,omitempty" yaml:"medium,omitempty"`
}

// ActorName is the name used when the entity is an actor.
func (e Entity) ActorName() string {
	if e.Actor != "" {
		return e.Actor
	}
	return e.Canonical
}

// TIMEX3 types.
const (
	TimexDate     = "DATE"
	TimexTime     = "TIME"
	TimexDuration = "DURATION"
	TimexSet      = "SET"
)

// Timex is a temporal expression normalised to a TimeML TIMEX3 value.
type Timex struct {
	Span
	Text  string `json:"text" yaml:"text"`
	Type  string `json:"type" yaml:"type"`   // DATE, TIME, DURATION or SET
	Value string `json:"value" yaml:"value"` // TIMEX3 value: 2014-04-09, 2014-W16, P2D, PAST_REF, XXXX-02-24 ...
	Mod   string `json:"mod,omitempty" yaml:"mod,omitempty"`
	Rule  string `json:"rule" yaml:"rule"` // id of the rule that matched
	// How explains the normalisation ("weekday, past tense, DCT Wed 2014-04-09 -> same day").
	How      string `json:"how,omitempty" yaml:"how,omitempty"`
	Sentence int    `json:"sentence" yaml:"sentence"`
}

// Precision of a TIMEX3 date value.
const (
	PrecisionYear    = "year"
	PrecisionQuarter = "quarter"
	PrecisionMonth   = "month"
	PrecisionWeek    = "week"
	PrecisionDay     = "day"
	PrecisionTime    = "time"
)

// Document is an article with every annotation the stages added. Stages fill
// it in order; each only reads what earlier stages wrote.
type Document struct {
	Article   Article    `json:"article" yaml:"article"`
	Blocks    []Block    `json:"blocks,omitempty" yaml:"blocks,omitempty"`
	Removed   []Removal  `json:"removed,omitempty" yaml:"removed,omitempty"`
	Sentences []Sentence `json:"sentences,omitempty" yaml:"sentences,omitempty"`
	Entities  []Entity   `json:"entities,omitempty" yaml:"entities,omitempty"`
	Timexes   []Timex    `json:"timexes,omitempty" yaml:"timexes,omitempty"`
	Events    []Mention  `json:"events,omitempty" yaml:"events,omitempty"`
	// Warnings are non-fatal problems found while processing the article.
	Warnings []string `json:"warnings,omitempty" yaml:"warnings,omitempty"`
}

// TimeRef is the time expression that dates a mention.
type TimeRef struct {
	Text  string `json:"text" yaml:"text"`
	Type  string `json:"type" yaml:"type"`
	Value string `json:"value" yaml:"value"`
	Rule  string `json:"rule" yaml:"rule"`
	// Via says how the event got this time: "own" (a time expression in
	// the sentence governs the trigger), "reporting" (the time of the
	// reporting verb of the same sentence), "context" (an earlier sentence of
	// the same paragraph), "anaphora" (the event a definite noun refers back
	// to: "the summit", "at the summit"), "published" (the publication
	// date, for present-perfect reports with no time of their own), or
	// "offset" (the main clause's date less or plus a count: "a day after").
	Via   string `json:"via" yaml:"via"`
	Start int    `json:"start" yaml:"start"`
	End   int    `json:"end" yaml:"end"`
}

// Mention is one article's report of an event: the evidence for it.
type Mention struct {
	Article   string `json:"article" yaml:"article"`
	Published string `json:"published,omitempty" yaml:"published,omitempty"`
	Sentence  string `json:"sentence" yaml:"sentence"`
	// SentenceIndex is the 0-based sentence number in the article.
	SentenceIndex int      `json:"sentence_index" yaml:"sentence_index"`
	Start         int      `json:"start" yaml:"start"` // sentence offsets in the article text
	End           int      `json:"end" yaml:"end"`
	Trigger       string   `json:"trigger" yaml:"trigger"`
	TriggerStart  int      `json:"trigger_start" yaml:"trigger_start"`
	Type          string   `json:"type" yaml:"type"`
	Modality      string   `json:"modality,omitempty" yaml:"modality,omitempty"` // planned, reported, denied, disputed ...
	Source        string   `json:"source,omitempty" yaml:"source,omitempty"`     // who said it, for reported events
	Actors        []string `json:"actors,omitempty" yaml:"actors,omitempty"`     // named before the trigger: who did it
	Targets       []string `json:"targets,omitempty" yaml:"targets,omitempty"`   // named after it: to whom
	// Groups are who did it as the text gives them by a common noun
	// ("the protesters", "pro-Russian separatists"): descriptions, not
	// names, so the merge never compares them.
	Groups []string `json:"groups,omitempty" yaml:"groups,omitempty"`
	Places []string `json:"places,omitempty" yaml:"places,omitempty"`
	// Roles are the titles or offices the text gives the people of the
	// mention, by canonical name ("Arsen Avakov": "Interior Minister").
	Roles map[string]string `json:"roles,omitempty" yaml:"roles,omitempty"`
	Date  string            `json:"date" yaml:"date"`
	Time  TimeRef           `json:"time" yaml:"time"`
	Rule  string            `json:"rule" yaml:"rule"` // id of the event rule that fired
}

// Event is one real-world happening with every mention that reports it.
type Event struct {
	ID        string    `json:"id" yaml:"id"`
	Date      string    `json:"date" yaml:"date"`
	Precision string    `json:"precision" yaml:"precision"`
	Type      string    `json:"type" yaml:"type"`
	Summary   string    `json:"summary" yaml:"summary"`
	Actors    []string  `json:"actors" yaml:"actors"`
	Targets   []string  `json:"targets,omitempty" yaml:"targets,omitempty"`
	Groups    []string  `json:"groups,omitempty" yaml:"groups,omitempty"` // actors given by a common noun
	Places    []string  `json:"places" yaml:"places"`
	Modality  string    `json:"modality,omitempty" yaml:"modality,omitempty"`
	Conflicts []string  `json:"conflicts,omitempty" yaml:"conflicts,omitempty"`
	Mentions  []Mention `json:"mentions" yaml:"mentions"`
}

// Timeline is the whole output.
type Timeline struct {
	Events []Event `json:"events" yaml:"events"`
}
