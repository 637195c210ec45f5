package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/timeline-news/timeline/chronodiff"
	"github.com/timeline-news/timeline/model"
	"github.com/timeline-news/timeline/pipeline"
)

// runRulesDiff runs two rule sets over the same articles and reports the
// change in the chronology. Exit 0 when nothing changed, 1 when something
// did, 2 on trouble (like diff).
func runRulesDiff(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("rules diff", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var c common
	c.register(fs)
	base := fs.String("base", "", "rules before the change: a directory or a git revision (default: the embedded rules)")
	head := fs.String("head", "", "rules after the change: a directory or a git revision (default: the embedded rules)")
	format := fs.String("format", "text", "output format: "+strings.Join(chronodiff.Formats, ", "))
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: timeline rules diff [--base DIR|GITREF] [--head DIR|GITREF] [--format text|md|json] INPUT...\n\n"+
			"A directory with every rule file is a complete rule set (rules/); one with some is an overlay\n"+
			"on the embedded rules; anything else is a git revision whose rules/ is read. --rules DIR is\n"+
			"overlaid on both sides. Exit 0: no change, 1: the chronology changed, 2: trouble.")
		fs.PrintDefaults()
	}
	inputs, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	switch {
	case *base == "" && *head == "":
		fs.Usage()
		return usagef("give --base, --head or both")
	case len(inputs) == 0:
		fs.Usage()
		return usagef("no input")
	case !hasString(chronodiff.Formats, *format):
		return usagef("unknown format %q (want %s)", *format, strings.Join(chronodiff.Formats, ", "))
	}
	var sides [2]*sideRun
	for i, spec := range []string{*base, *head} {
		name := [2]string{"base", "head"}[i]
		s, err := c.runSide(ctx, spec, inputs, stderr, i == 0)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		sides[i] = s
	}
	why := func(side string, m model.Mention) string {
		s := sides[0]
		if side == "head" {
			s = sides[1]
		}
		return whyNot(s.x, s.docs, m)
	}
	d := chronodiff.Compare(sides[0].res.Timeline, sides[1].res.Timeline, why)
	d.Base, d.Head, d.Articles = sideLabel(*base, c.rulesDir), sideLabel(*head, c.rulesDir), sides[0].res.Articles
	if err := chronodiff.Write(stdout, *format, d); err != nil {
		return err
	}
	if f := sides[0].res.Failed; f > 0 {
		return usagef("%d of %d inputs failed", f, f+sides[0].res.Articles)
	}
	if !d.Empty() {
		return errReported
	}
	return nil
}

// sideLabel names a side in the report.
func sideLabel(spec, overlay string) string {
	if spec == "" {
		spec = "embedded"
	}
	if overlay != "" {
		spec += " + " + overlay
	}
	return spec
}

func hasString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// sideRun is the pipeline run of one rule set.
type sideRun struct {
	x    *pipeline.Extractors
	res  *pipeline.Result
	docs map[string]*model.Document // by article id
}

// runSide resolves spec (+ --rules), compiles it and runs the inputs.
// Only the first side reports input errors and warnings.
func (c *common) runSide(ctx context.Context, spec string, inputs []string, stderr io.Writer, report bool) (*sideRun, error) {
	src, err := ruleSource(ctx, spec)
	if err != nil {
		return nil, usageError{err}
	}
	if src, err = withOverlay(src, c.rulesDir); err != nil {
		return nil, usageError{err}
	}
	x, cfg, err := c.setupSource(src)
	cfg.Keep = true // every document, for the decisions behind each event
	if err != nil {
		return nil, err
	}
	var res *pipeline.Result
	if report {
		res, err = c.runBatch(ctx, x, cfg, inputs, stderr)
	} else {
		res, err = x.Run(ctx, inputs, cfg)
	}
	if err != nil && !errors.Is(err, pipeline.ErrSomeFailed) {
		return nil, err
	}
	s := &sideRun{x: x, res: res, docs: map[string]*model.Document{}}
	for _, d := range res.Docs {
		s.docs[d.Article.ID] = d
	}
	return s, nil
}
