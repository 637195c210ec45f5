package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/timeline-news/timeline/pipeline"
	"github.com/timeline-news/timeline/rules"
)

// runRulesStats counts hits per rule over a corpus and lists the rules that
// never fired.
func runRulesStats(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("rules stats", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var c common
	c.register(fs)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: timeline rules stats [--rules DIR] INPUT...\n\n"+
			"Hits per rule over the articles: clean rules (stretches dropped), gazetteer entries\n"+
			"(names found), time rules (expressions), event rules (triggers kept, mentions dated),\n"+
			"then the rules that never fired.")
		fs.PrintDefaults()
	}
	inputs, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(inputs) == 0 {
		fs.Usage()
		return usagef("no input")
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
	res, runErr := c.runBatch(ctx, x, cfg, inputs, stderr)
	if runErr != nil && !errors.Is(runErr, pipeline.ErrSomeFailed) {
		return runErr
	}
	var b strings.Builder
	writeStats(&b, x, res)
	if _, err := io.WriteString(stdout, b.String()); err != nil {
		return err
	}
	if runErr != nil {
		fmt.Fprintf(stderr, "timeline rules stats: %v\n", runErr)
		return errReported
	}
	return nil
}

// ruleCount is one rule with its hits, in rule file order.
type ruleCount struct {
	id   string
	pos  rules.Pos
	hits []int
}

func writeStats(b *strings.Builder, x *pipeline.Extractors, res *pipeline.Result) {
	rs := x.Rules
	var clean, gaz, tx, ev []ruleCount
	cleanIdx, gazIdx, txIdx, evIdx := map[string]int{}, map[string]int{}, map[string]int{}, map[string]int{}
	for _, r := range rs.Clean.All() {
		cleanIdx[r.ID] = len(clean)
		clean = append(clean, ruleCount{id: r.ID, pos: r.Pos, hits: make([]int, 1)})
	}
	for _, en := range rs.Gazetteer.Entries {
		gazIdx[en.Name] = len(gaz)
		gaz = append(gaz, ruleCount{id: en.Name, pos: en.Pos, hits: make([]int, 1)})
	}
	for _, r := range rs.Timex.Rules {
		txIdx[r.ID] = len(tx)
		tx = append(tx, ruleCount{id: r.ID, pos: r.Pos, hits: make([]int, 1)})
	}
	for _, r := range rs.Events.Rules {
		evIdx[r.ID] = len(ev)
		ev = append(ev, ruleCount{id: r.ID, pos: r.Pos, hits: make([]int, 2)})
	}
	hit := func(list []ruleCount, idx map[string]int, id string, col int) {
		if i, ok := idx[id]; ok {
			list[i].hits[col]++
		}
	}
	sentences := 0
	for _, d := range res.Docs {
		sentences += len(d.Sentences)
		for _, r := range d.Removed {
			hit(clean, cleanIdx, r.Rule, 0)
		}
		for _, e := range d.Entities {
			hit(gaz, gazIdx, e.Canonical, 0)
		}
		for _, t := range d.Timexes {
			hit(tx, txIdx, t.Rule, 0)
		}
		for si := range d.Sentences {
			for _, c := range x.Events.Candidates(d, si) {
				if c.Rejected == "" {
					hit(ev, evIdx, c.Rule, 0)
				}
			}
		}
		for _, m := range d.Events {
			hit(ev, evIdx, m.Rule, 1)
		}
	}
	fmt.Fprintf(b, "rules stats: %d articles, %d sentences, %d events\n", res.Articles, sentences, len(res.Timeline.Events))
	section(b, "clean rules", []string{"dropped"}, clean)
	section(b, "gazetteer entries", []string{"names"}, gaz)
	section(b, "time rules", []string{"expressions"}, tx)
	section(b, "event rules", []string{"triggers", "mentions"}, ev)
}

// section prints the rules that fired, most hits first, then the ids of
// those that never did.
func section(b *strings.Builder, title string, cols []string, list []ruleCount) {
	var fired, never []ruleCount
	for _, r := range list {
		if r.hits[0] > 0 || r.hits[len(r.hits)-1] > 0 {
			fired = append(fired, r)
		} else {
			never = append(never, r)
		}
	}
	sort.SliceStable(fired, func(i, j int) bool {
		if fired[i].hits[0] != fired[j].hits[0] {
			return fired[i].hits[0] > fired[j].hits[0]
		}
		return fired[i].id < fired[j].id
	})
	fmt.Fprintf(b, "\n%s: %d of %d fired\n", title, len(fired), len(list))
	width := 4
	for _, r := range fired {
		width = max(width, len(r.id))
	}
	if len(fired) > 0 {
		fmt.Fprintf(b, "  %-*s", width, "rule")
		for _, c := range cols {
			fmt.Fprintf(b, " %11s", c)
		}
		b.WriteString("\n")
	}
	for _, r := range fired {
		fmt.Fprintf(b, "  %-*s", width, r.id)
		for _, h := range r.hits {
			fmt.Fprintf(b, " %11d", h)
		}
		b.WriteString("\n")
	}
	if len(never) == 0 {
		return
	}
	b.WriteString("  never fired:\n")
	for _, r := range never {
		fmt.Fprintf(b, "    %s %s\n", r.pos, r.id)
	}
}
