package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/timeline-news/timeline/model"
	"github.com/timeline-news/timeline/pipeline"
)

// runExplain prints the chain of decisions behind one event or sentence.
func runExplain(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("explain", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var c common
	c.register(fs)
	event := fs.String("event", "", "event id (or a unique prefix) from the chronology")
	article := fs.String("article", "", "article id (file stem or front-matter id)")
	sentence := fs.Int("sentence", -1, "sentence number in the article (0-based, as sentence_index)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: timeline explain [--event ID | --article ID --sentence N] [--rules DIR] INPUT...\n\n"+
			"Shows what cleaning kept or dropped, the entities, each time expression with its rule and\n"+
			"how its value was resolved, the event rules that fired and the merge decisions.")
		fs.PrintDefaults()
	}
	inputs, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	switch {
	case len(inputs) == 0:
		fs.Usage()
		return usagef("no input")
	case (*event == "") == (*article == ""):
		return usagef("give --event ID, or --article ID with --sentence N")
	case *article != "" && *sentence < 0:
		return usagef("--article needs --sentence N")
	}
	src, err := ruleSource(ctx, c.rulesDir)
	if err != nil {
		return usageError{err}
	}
	x, cfg, err := c.setupSource(src)
	cfg.Keep = true // every document, for the decisions behind each event
	if err != nil {
		return err
	}
	res, err := c.runBatch(ctx, x, cfg, inputs, stderr)
	if err != nil && !errors.Is(err, pipeline.ErrSomeFailed) {
		return err
	}
	e := &explainer{x: x, tl: res.Timeline, docs: map[string]*model.Document{}, eventOf: map[string]*model.Event{}}
	for _, d := range res.Docs {
		e.docs[d.Article.ID] = d
	}
	for i := range res.Timeline.Events {
		ev := &res.Timeline.Events[i]
		for _, m := range ev.Mentions {
			e.eventOf[mentionKey(m.Article, m.TriggerStart)+"@"+m.Date] = ev // a trigger with two coordinated times has a mention at each
		}
	}
	var b strings.Builder
	if *event != "" {
		ev, err := e.findEvent(*event)
		if err != nil {
			return usageError{err}
		}
		e.event(&b, ev)
	} else {
		doc := e.docs[*article]
		if doc == nil {
			return usagef("article %q not found in the input", *article)
		}
		if *sentence >= len(doc.Sentences) {
			return usagef("article %s has %d sentences (0 to %d)", *article, len(doc.Sentences), len(doc.Sentences)-1)
		}
		e.sentence(&b, doc, *sentence)
	}
	_, err = io.WriteString(stdout, b.String())
	return err
}

func mentionKey(article string, start int) string { return article + "@" + strconv.Itoa(start) }

type explainer struct {
	x       *pipeline.Extractors
	tl      *model.Timeline
	docs    map[string]*model.Document
	eventOf map[string]*model.Event // by mentionKey
}

func (e *explainer) findEvent(id string) (*model.Event, error) {
	var found []*model.Event
	for i := range e.tl.Events {
		ev := &e.tl.Events[i]
		if ev.ID == id {
			return ev, nil
		}
		if strings.HasPrefix(ev.ID, id) {
			found = append(found, ev)
		}
	}
	switch len(found) {
	case 0:
		return nil, fmt.Errorf("no event %q in the chronology", id)
	case 1:
		return found[0], nil
	}
	ids := make([]string, len(found))
	for i, ev := range found {
		ids[i] = ev.ID
	}
	return nil, fmt.Errorf("%q names %d events: %s", id, len(found), strings.Join(ids, ", "))
}

// event explains one event: its mentions, how they were joined, the events
// of the same date they were not joined with, then each evidence sentence.
func (e *explainer) event(b *strings.Builder, ev *model.Event) {
	fmt.Fprintf(b, "event %s\n  %s %s (%s), %d mention(s): %s\n", ev.ID, ev.Type, ev.Date, ev.Precision, len(ev.Mentions), ev.Summary)
	if ev.Modality != "" {
		fmt.Fprintf(b, "  modality %s\n", ev.Modality)
	}
	if len(ev.Conflicts) > 0 {
		fmt.Fprintf(b, "  other dates reported (joined as a conflict): %s\n", strings.Join(ev.Conflicts, ", "))
	}
	b.WriteString("\nmerge:\n")
	for i := range ev.Mentions {
		m := &ev.Mentions[i]
		if i == 0 {
			fmt.Fprintf(b, "  %s starts the event\n", mentionName(m))
			continue
		}
		joined := false
		for j := range ev.Mentions {
			if j == i {
				continue
			}
			if ok, why := e.x.Merger.Reason(m, &ev.Mentions[j]); ok {
				fmt.Fprintf(b, "  %s joins %s: %s\n", mentionName(m), mentionName(&ev.Mentions[j]), why)
				joined = true
				break
			}
		}
		for j := range ev.Mentions {
			if joined || j == i {
				continue
			}
			if ok, why := e.x.Merger.LoneReason(m, &ev.Mentions[j]); ok {
				fmt.Fprintf(b, "  %s joins %s: %s\n", mentionName(m), mentionName(&ev.Mentions[j]), why)
				joined = true
			}
		}
		if !joined {
			fmt.Fprintf(b, "  %s joins as a date conflict: %s\n", mentionName(m), m.Date)
		}
	}
	var misses []string
	for i := range e.tl.Events {
		o := &e.tl.Events[i]
		if o.ID == ev.ID || o.Date != ev.Date {
			continue
		}
		_, why := e.x.Merger.Reason(&ev.Mentions[0], &o.Mentions[0])
		if lone, _ := e.x.Merger.LoneReason(&ev.Mentions[0], &o.Mentions[0]); lone {
			why += "; one names nobody and nowhere, but the other is not the only other event of the type that date, or not from other articles only"
		}
		misses = append(misses, fmt.Sprintf("  %s (%s %q): %s\n", o.ID, o.Type, o.Mentions[0].Trigger, why))
	}
	if len(misses) > 0 {
		b.WriteString("not joined with the other events of " + ev.Date + ":\n")
		for _, s := range misses {
			b.WriteString(s)
		}
	}
	seen := map[string]bool{}
	for i, m := range ev.Mentions {
		k := mentionKey(m.Article, m.Start)
		if seen[k] {
			continue
		}
		seen[k] = true
		doc := e.docs[m.Article]
		if doc == nil {
			continue
		}
		si := sentenceAt(doc, m.TriggerStart)
		if si < 0 {
			continue
		}
		fmt.Fprintf(b, "\n--- mention %d of %d\n", i+1, len(ev.Mentions))
		e.sentence(b, doc, si)
	}
}

func mentionName(m *model.Mention) string {
	return fmt.Sprintf("%s sentence %d %q (%s, rule %s)", m.Article, m.SentenceIndex, m.Trigger, m.Type, m.Rule)
}

// sentenceAt is the index of the sentence holding byte off, or -1.
func sentenceAt(doc *model.Document, off int) int {
	i := sort.Search(len(doc.Sentences), func(i int) bool { return doc.Sentences[i].End > off })
	if i < len(doc.Sentences) && doc.Sentences[i].Start <= off {
		return i
	}
	return -1
}

// sentence explains every stage's decisions on sentence si of doc.
func (e *explainer) sentence(b *strings.Builder, doc *model.Document, si int) {
	a := &doc.Article
	s := &doc.Sentences[si]
	fmt.Fprintf(b, "article %s", a.ID)
	if a.Path != "" {
		fmt.Fprintf(b, " (%s)", a.Path)
	}
	if a.HasPublished() {
		fmt.Fprintf(b, ", published %s", a.Published.Format("Mon 2006-01-02"))
		if a.PublishedFrom != "" {
			fmt.Fprintf(b, " (from %s)", a.PublishedFrom)
		}
	} else {
		b.WriteString(", no publication date: relative dates stay unresolved")
	}
	fmt.Fprintf(b, "\nsentence %d, bytes %d-%d: %q\n", s.Index, s.Start, s.End, s.Text)
	e.cleaning(b, doc, s)
	e.entities(b, doc, s)
	e.timexes(b, doc, s)
	e.triggers(b, doc, si)
}

func (e *explainer) cleaning(b *strings.Builder, doc *model.Document, s *model.Sentence) {
	b.WriteString("cleaning:\n")
	if s.Block >= 0 && s.Block < len(doc.Blocks) {
		bl := doc.Blocks[s.Block]
		fmt.Fprintf(b, "  kept: %s block %d, bytes %d-%d\n", bl.Kind, s.Block, bl.Start, bl.End)
		if bl.Kind == model.BlockHeading {
			b.WriteString("  a heading gives entities but no events\n")
		}
	}
	if len(doc.Removed) == 0 {
		b.WriteString("  nothing dropped in this article\n")
		return
	}
	count := map[string]int{}
	var ids []string
	for _, r := range doc.Removed {
		if count[r.Rule] == 0 {
			ids = append(ids, r.Rule)
		}
		count[r.Rule]++
	}
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = fmt.Sprintf("%s x%d", id, count[id])
	}
	fmt.Fprintf(b, "  dropped in this article: %d stretch(es): %s\n", len(doc.Removed), strings.Join(parts, ", "))
	before, after := -1, -1
	for i, r := range doc.Removed {
		if r.End <= s.Start {
			before = i
		} else if r.Start >= s.End && after < 0 {
			after = i
		}
	}
	for _, x := range []struct {
		name string
		i    int
	}{{"nearest drop before", before}, {"nearest drop after", after}} {
		if x.i < 0 {
			continue
		}
		r := doc.Removed[x.i]
		fmt.Fprintf(b, "  %s: bytes %d-%d by rule %s (%s): %q\n", x.name, r.Start, r.End, r.Rule, r.Reason, excerpt(doc.Article.Text[r.Start:r.End]))
	}
}

// excerpt is the start of a text on one line.
func excerpt(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) <= 60 {
		return s
	}
	cut := 60
	for cut > 0 && s[cut]&0xC0 == 0x80 { // do not split a UTF-8 sequence
		cut--
	}
	return s[:cut] + "..."
}

func (e *explainer) entities(b *strings.Builder, doc *model.Document, s *model.Sentence) {
	b.WriteString("entities:\n")
	n := 0
	for _, en := range doc.Entities {
		if en.Sentence != s.Index {
			continue
		}
		n++
		fmt.Fprintf(b, "  %q -> %s (%s, %s)", en.Text, en.Canonical, en.Kind, en.Source)
		if en.Actor != "" && en.Actor != en.Canonical {
			fmt.Fprintf(b, ", acts as %s", en.Actor)
		}
		b.WriteString("\n")
	}
	if n == 0 {
		b.WriteString("  none\n")
	}
}

func (e *explainer) timexes(b *strings.Builder, doc *model.Document, s *model.Sentence) {
	b.WriteString("time expressions:\n")
	n := 0
	for _, t := range doc.Timexes {
		if t.Sentence != s.Index {
			continue
		}
		n++
		fmt.Fprintf(b, "  %q %s %s", t.Text, t.Type, t.Value)
		if t.Mod != "" {
			fmt.Fprintf(b, " mod %s", t.Mod)
		}
		fmt.Fprintf(b, " by rule %s", t.Rule)
		if t.How != "" {
			fmt.Fprintf(b, ": %s", t.How)
		}
		b.WriteString("\n")
	}
	if n == 0 {
		b.WriteString("  none\n")
	}
}

// triggers lists the event rules that found a trigger in the sentence and
// what became of each: a mention (with its date and event) or why none.
func (e *explainer) triggers(b *strings.Builder, doc *model.Document, si int) {
	s := &doc.Sentences[si]
	b.WriteString("events:\n")
	cands := e.x.Events.Candidates(doc, si)
	if len(cands) == 0 {
		b.WriteString("  no event rule fires\n")
	}
	for _, c := range cands {
		fmt.Fprintf(b, "  %q: rule %s (%s, %s, %s)", c.Trigger, c.Rule, c.Type, c.Class, c.Kind)
		if c.Modality != "" {
			fmt.Fprintf(b, ", modality %s", c.Modality)
		}
		b.WriteString("\n")
		m := mentionAt(doc, c.Start)
		switch {
		case c.Rejected != "":
			fmt.Fprintf(b, "    rejected: %s\n", c.Rejected)
		case m == nil:
			fmt.Fprintf(b, "    no event: %s\n", whyNot(e.x, e.docs, model.Mention{Article: doc.Article.ID, TriggerStart: c.Start, Trigger: c.Trigger, SentenceIndex: s.Index}))
		}
		for i := range doc.Events {
			if m = &doc.Events[i]; c.Rejected != "" || m.TriggerStart != c.Start {
				continue
			}
			fmt.Fprintf(b, "    %s %s: %s\n", m.Type, m.Date, timeRef(doc, m))
			if m.Source != "" {
				fmt.Fprintf(b, "    source %s\n", m.Source)
			}
			if len(m.Actors)+len(m.Places) > 0 {
				fmt.Fprintf(b, "    actors %s; places %s\n", listOr(m.Actors), listOr(m.Places))
			}
			if len(m.Groups) > 0 {
				fmt.Fprintf(b, "    groups %s\n", strings.Join(m.Groups, ", "))
			}
			if ev := e.eventOf[mentionKey(m.Article, m.TriggerStart)+"@"+m.Date]; ev != nil {
				fmt.Fprintf(b, "    -> event %s (%d mention(s))\n", ev.ID, len(ev.Mentions))
			}
		}
	}
}

func listOr(xs []string) string {
	if len(xs) == 0 {
		return "-"
	}
	return strings.Join(xs, ", ")
}

// timeRef says how a mention got its date.
func timeRef(doc *model.Document, m *model.Mention) string {
	where := ""
	if si := sentenceAt(doc, m.Time.Start); si >= 0 && si != m.SentenceIndex {
		where = fmt.Sprintf(" in sentence %d", si)
	}
	how := map[string]string{
		"own":       "its own time expression",
		"reporting": "the time of the speech act that reports it",
		"sentence":  "the time of another event of the sentence",
		"context":   "the last day named in the sentences before",
		"anaphora":  "the date of the same event told before (\"the summit\", \"at the summit\")",
		"lede":      "the publication day: a present-perfect lede reports the day's news",
		"offset":    "counting from the main clause's date (\"a day after\", \"the day before\")",
	}[m.Time.Via]
	if how == "" {
		how = m.Time.Via
	}
	return fmt.Sprintf("dated by %s, %q%s = %s (rule %s)", how, m.Time.Text, where, m.Time.Value, m.Time.Rule)
}

func mentionAt(doc *model.Document, start int) *model.Mention {
	for i := range doc.Events {
		if doc.Events[i].TriggerStart == start {
			return &doc.Events[i]
		}
	}
	return nil
}

// whyNot says what a rule set did with the trigger of mention m when it made
// no mention there: the cleaner dropped the text, no rule fires, a filter
// rejected the trigger, or it found no date.
func whyNot(x *pipeline.Extractors, docs map[string]*model.Document, m model.Mention) string {
	doc := docs[m.Article]
	if doc == nil {
		return "the article was not processed"
	}
	off := m.TriggerStart
	si := sentenceAt(doc, off)
	if si < 0 {
		for _, r := range doc.Removed {
			if r.Start <= off && off < r.End {
				return fmt.Sprintf("the cleaner drops this text (rule %s: %s)", r.Rule, r.Reason)
			}
		}
		return "the text is in no kept sentence"
	}
	s := &doc.Sentences[si]
	if s.Kind == model.BlockHeading {
		return "the sentence is in a heading, which gives no events"
	}
	end := off + max(1, len(m.Trigger))
	var here []string
	for _, c := range x.Events.Candidates(doc, si) {
		cEnd := c.Start + len(c.Trigger)
		if c.Start >= end || cEnd <= off {
			here = append(here, fmt.Sprintf("%q by %s", c.Trigger, c.Rule))
			continue
		}
		if o := mentionAt(doc, c.Start); o != nil {
			return fmt.Sprintf("rule %s reads the trigger as %q, an event of its own (%s %s)", c.Rule, c.Trigger, o.Type, o.Date)
		}
		switch {
		case c.Rejected != "":
			return fmt.Sprintf("rule %s finds %q but rejects it: %s", c.Rule, c.Trigger, c.Rejected)
		case c.Class == "speech":
			return fmt.Sprintf("rule %s finds the speech act %q, which only a time expression of its own dates", c.Rule, c.Trigger)
		case c.Modality != "" && c.Modality != "reported" && c.Modality != "disputed" && c.Modality != "denied":
			return fmt.Sprintf("rule %s finds %q, modality %s: no time of its own and it borrows none", c.Rule, c.Trigger, c.Modality)
		}
		for i := range doc.Events {
			if o := &doc.Events[i]; o.SentenceIndex == s.Index && o.Type == c.Type {
				return fmt.Sprintf("rule %s finds %q, but the sentence's %s mention %q is kept instead", c.Rule, c.Trigger, o.Type, o.Trigger)
			}
		}
		return fmt.Sprintf("rule %s finds %q but no time expression dates it (in the sentence: %s)", c.Rule, c.Trigger, timexesIn(doc, s.Index))
	}
	if len(here) == 0 {
		return fmt.Sprintf("no event rule fires on %q", m.Trigger)
	}
	return fmt.Sprintf("no event rule fires on %q (the sentence has %s)", m.Trigger, strings.Join(here, ", "))
}

func timexesIn(doc *model.Document, si int) string {
	var parts []string
	for _, t := range doc.Timexes {
		if t.Sentence == si {
			parts = append(parts, fmt.Sprintf("%q=%s", t.Text, t.Value))
		}
	}
	if len(parts) == 0 {
		return "none"
	}
	return strings.Join(parts, ", ")
}
