package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/timeline-news/timeline/eval"
	"github.com/timeline-news/timeline/timeml"
)

// runEval scores system output against gold annotations. Only "timex"
// (TempEval-3 TIMEX3 scoring) exists so far.
func runEval(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fl := flag.NewFlagSet("eval", flag.ContinueOnError)
	fl.SetOutput(stderr)
	gold := fl.String("gold", "", "gold TimeML file or directory (recursive: *.tml)")
	system := fl.String("system", "", "system TimeML file or directory, documents matched by file name")
	nErr := fl.Int("errors", 20, "how many of the most frequent errors to list")
	fl.Usage = func() {
		fmt.Fprintln(stderr, "usage: timeline eval timex --gold DIR --system DIR [--errors N]\n\n"+
			"Scores TIMEX3 as TempEval-3 does: strict and relaxed span P/R/F1, type and value\n"+
			"accuracy over relaxed matches, value F1 = relaxed F1 x value accuracy.")
		fl.PrintDefaults()
	}
	pos, err := parseFlags(fl, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 || pos[0] != "timex" {
		fl.Usage()
		return usagef("want exactly one task, timex; got %q", pos)
	}
	if *gold == "" || *system == "" {
		fl.Usage()
		return usagef("--gold and --system are required")
	}
	if *nErr < 0 {
		return usagef("--errors %d: must not be negative", *nErr)
	}
	g, gFailed, err := loadDocs(ctx, *gold, stderr)
	if err != nil {
		return err
	}
	s, sFailed, err := loadDocs(ctx, *system, stderr)
	if err != nil {
		return err
	}
	total, docs, errs := eval.Score(g, s)
	if err := eval.WriteReport(stdout, total, docs, errs, *nErr); err != nil {
		return fmt.Errorf("write: %w", err)
	}
	if gFailed+sFailed > 0 {
		fmt.Fprintf(stderr, "timeline eval: %d gold and %d system documents could not be read\n", gFailed, sFailed)
		return errReported
	}
	return nil
}

// loadDocs parses every TimeML file under root, naming each document by its
// file name; unreadable ones are reported and counted.
func loadDocs(ctx context.Context, root string, stderr io.Writer) ([]*timeml.Doc, int, error) {
	files, err := tmlFiles([]string{root})
	if err != nil {
		return nil, 0, usageError{err}
	}
	var docs []*timeml.Doc
	seen := map[string]string{}
	failed := 0
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return nil, 0, err
		}
		name := filepath.Base(f)
		if prev, ok := seen[name]; ok {
			return nil, 0, usagef("%s and %s have the same name: documents are matched by name", prev, f)
		}
		seen[name] = f
		data, err := os.ReadFile(f)
		if err == nil {
			var d *timeml.Doc
			if d, err = timeml.Parse(f, data); err == nil {
				d.Name = name
				docs = append(docs, d)
				continue
			}
		}
		fmt.Fprintf(stderr, "error: %v\n", err)
		failed++
	}
	return docs, failed, nil
}
