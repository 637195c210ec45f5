// Package flow runs the timeline pipeline as an Apache Beam pipeline: the
// same per-article stages (pipeline.Extractors.Process) in a ParDo, mentions
// grouped by date for the merge, then one small global step that orders the
// events and writes the timeline.
//
// Only the final ordering is global: mentions merge only within one date
// (merge.Merger.Merge groups by date), so merging each date's group on its
// own gives exactly the events of a single-machine run.
package flow

import (
	"fmt"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/fileio"
	"github.com/timeline-news/timeline/pipeline"
	"github.com/timeline-news/timeline/reader"
	"github.com/timeline-news/timeline/writer"

	// Local paths work everywhere; the command adds the remote filesystems.
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local"
)

// Options configures a run. Inputs and Output are required.
type Options struct {
	Inputs    []string // globs of JSON Lines shards, on any Beam filesystem
	Output    string   // prefix of every file written (see Paths)
	Format    string   // yaml, json or jsonl; "" means yaml
	RulesDir  string   // overlay of the embedded rules, read at launch
	Published string   // publication date for articles that give none
	MaxBytes  int64    // per-article limit; 0 means reader.DefaultMaxBytes
	Model     bool     // run prose's entity model too (slow)
}

// Paths are the files a run writes.
type Paths struct {
	Timeline string // PREFIX.FORMAT: the whole ordered timeline
	Shards   string // PREFIX-dates/: one timeline per date, DATE.FORMAT
	Problems string // PREFIX.problems.txt: failed articles and warnings, sorted
}

// PathsOf names the output files of a prefix.
func PathsOf(prefix, format string) Paths {
	return Paths{
		Timeline: prefix + "." + ext(format),
		Shards:   prefix + "-dates/",
		Problems: prefix + ".problems.txt",
	}
}

func ext(format string) string {
	if format == "" {
		return "yaml"
	}
	return format
}

// Build adds the pipeline to s. Rules are loaded and compiled here, on the
// launching machine, so that rule errors stop the run before any job is
// submitted; the overlay files travel inside the pipeline, so workers need
// no access to RulesDir.
func Build(s beam.Scope, o Options) error {
	if len(o.Inputs) == 0 {
		return fmt.Errorf("no input")
	}
	if strings.TrimSpace(o.Output) == "" {
		return fmt.Errorf("no output prefix")
	}
	if o.Format == "" {
		o.Format = "yaml"
	}
	if err := writer.CheckFormat(o.Format); err != nil {
		return err
	}
	if o.Published != "" {
		if _, _, err := reader.ParsePublished(o.Published); err != nil {
			return fmt.Errorf("published %q: %w", o.Published, err)
		}
	}
	overlays, err := Overlays(o.RulesDir)
	if err != nil {
		return err
	}
	rs, err := loadRules(overlays)
	if err != nil {
		return err
	}
	if _, err := pipeline.Compile(rs); err != nil {
		return err
	}
	paths := PathsOf(o.Output, o.Format)

	var matched []beam.PCollection
	for _, glob := range o.Inputs {
		matched = append(matched, fileio.MatchFiles(s.Scope("match"), glob))
	}
	files := fileio.ReadMatches(s, beam.Flatten(s, matched...), fileio.ReadDirectorySkip())

	byID, readProblems := beam.ParDo2(s.Scope("read"), &readFn{Published: o.Published, MaxBytes: o.MaxBytes}, files)
	articles, dupProblems := beam.ParDo2(s.Scope("dedupe"), dedupe, beam.GroupByKey(s, byID))
	mentions, extractProblems := beam.ParDo2(s.Scope("extract"), &extractFn{Rules: overlays, Model: o.Model}, articles)
	events := beam.ParDo(s.Scope("merge"), &mergeFn{Rules: overlays, Shards: paths.Shards, Format: o.Format}, beam.GroupByKey(s, mentions))

	// The global step: one worker orders every event (small: the text
	// stayed behind in the extract step).
	beam.ParDo0(s.Scope("timeline"), &writeTimelineFn{Path: paths.Timeline, Format: o.Format}, beam.Impulse(s), beam.SideInput{Input: events})
	problems := beam.Flatten(s, readProblems, dupProblems, extractProblems)
	beam.ParDo0(s.Scope("problems"), &writeLinesFn{Path: paths.Problems}, beam.Impulse(s), beam.SideInput{Input: problems})
	return nil
}
