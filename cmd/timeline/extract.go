package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/timeline-news/timeline/merge"
	"github.com/timeline-news/timeline/pipeline"
	"github.com/timeline-news/timeline/progress"
	"github.com/timeline-news/timeline/rules"
	"github.com/timeline-news/timeline/writer"
)

// common flags shared by every command that runs the pipeline.
type common struct {
	rulesDir  string
	published string
	maxBytes  int64
	workers   int
	model     bool
	quiet     bool
	progress  bool
}

func (c *common) register(fs *flag.FlagSet) {
	fs.StringVar(&c.rulesDir, "rules", "", "directory of rule files that add to or override the embedded defaults by id")
	fs.StringVar(&c.published, "published", "", "publication date for articles that give none (any format dateparse accepts)")
	fs.Int64Var(&c.maxBytes, "max-bytes", 10<<20, "largest article accepted, in bytes")
	fs.IntVar(&c.workers, "workers", 0, "goroutines per expensive stage (0: GOMAXPROCS)")
	fs.BoolVar(&c.model, "model", false, "also run prose's entity model on sentences with unknown names (slow)")
	fs.BoolVar(&c.quiet, "quiet", false, "print no warnings")
	fs.BoolVar(&c.progress, "progress", true, "show articles done, rate and ETA on stderr while running (only on a terminal, never with --quiet)")
}

// setup loads the rules of --rules (an overlay, or a checkout's complete
// rules/) and builds the pipeline and its configuration.
func (c *common) setup() (*pipeline.Extractors, pipeline.Config, error) {
	src, err := rules.Open(c.rulesDir)
	if c.rulesDir != "" && complete(c.rulesDir) {
		src, err = dirSet(c.rulesDir) // a checkout's rules/: the whole set, not an overlay
	}
	if err != nil {
		return nil, pipeline.Config{}, usageError{err}
	}
	return c.setupSource(src)
}

// runBatch runs the pipeline, reporting failures and warnings on stderr.
func (c *common) runBatch(ctx context.Context, x *pipeline.Extractors, cfg pipeline.Config, inputs []string, stderr io.Writer) (*pipeline.Result, error) {
	cfg.OnError = func(err error) { fmt.Fprintf(stderr, "error: %v\n", err) }
	if !c.quiet {
		cfg.OnWarn = func(w string) { fmt.Fprintf(stderr, "warning: %s\n", w) }
	}
	if c.progress && !c.quiet && progress.IsTerminal(stderr) {
		bar := progress.New(stderr, progress.Count(inputs))
		defer bar.Finish()
		onErr, onWarn := cfg.OnError, cfg.OnWarn
		cfg.OnError = func(err error) { bar.Finish(); onErr(err) } // messages start on a clean line
		if onWarn != nil {
			cfg.OnWarn = func(w string) { bar.Finish(); onWarn(w) }
		}
		cfg.OnArticle = bar.Update
	}
	return x.Run(ctx, inputs, cfg)
}

func runExtract(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("extract", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var c common
	c.register(fs)
	format := fs.String("format", "yaml", "output format: "+strings.Join(writer.Formats, ", "))
	out := fs.String("o", "", "write to this file (atomically) instead of stdout")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: timeline extract [flags] INPUT...\n\nINPUT is a file, a directory (recursive: .txt, .md, .jsonl), a .jsonl file, or - for stdin.")
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
	if !validFormat(*format) {
		return usagef("unknown format %q (want %s)", *format, strings.Join(writer.Formats, ", "))
	}
	if *out != "" {
		if err := writer.CheckWritable(*out); err != nil {
			return usageError{err}
		}
	}
	x, cfg, err := c.setup()
	if err != nil {
		return err
	}
	cfg.Stream = true // events are written one at a time, mentions read back from the spill
	start := time.Now()
	res, runErr := c.runBatch(ctx, x, cfg, inputs, stderr)
	defer res.Close()
	if ctx.Err() != nil {
		return errInterrupted // even if the signal came during the merge
	}
	if runErr != nil && !errors.Is(runErr, pipeline.ErrSomeFailed) {
		return runErr // unreadable: write nothing
	}
	if err := emit(ctx, res.Chronology, *format, *out, stdout); err != nil {
		if ctx.Err() != nil {
			return errInterrupted
		}
		return err
	}
	if !c.quiet && *out != "" {
		fmt.Fprintf(stderr, "%d events from %d articles in %s -> %s\n", res.Chronology.Len(), res.Articles, time.Since(start).Round(time.Millisecond), *out)
	}
	if runErr != nil {
		fmt.Fprintf(stderr, "timeline extract: %v\n", runErr)
		return errReported
	}
	return nil
}

func validFormat(f string) bool {
	for _, x := range writer.Formats {
		if x == f {
			return true
		}
	}
	return false
}

// errInterrupted is returned when a signal stopped the run: nothing was
// written, and an existing output file is untouched.
var errInterrupted = errors.New("interrupted: no output written")

func emit(ctx context.Context, c *merge.Chronology, format, path string, stdout io.Writer) error {
	if path == "" {
		return writer.Stream(stdout, format, c)
	}
	return writer.StreamFileContext(ctx, path, format, c)
}
