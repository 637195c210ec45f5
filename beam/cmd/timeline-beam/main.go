// Command timeline-beam runs the timeline pipeline on Apache Beam: JSON
// Lines shards in, a per-date sharded and a whole ordered timeline out.
// Runner flags are Beam's (--runner, --endpoint, --environment_type,
// --project, --region, --staging_location ...).
//
//	timeline-beam --input 'corpus/*.jsonl' --output out/timeline --format json
//	timeline-beam --runner universal --endpoint localhost:8099 --environment_type LOOPBACK ...
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/log"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"
	"github.com/timeline-news/timeline/beam/flow"
	"github.com/timeline-news/timeline/writer"

	// S3 on top of the local and GCS filesystems beamx brings.
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/s3"
)

// globs is a repeatable, comma-separated flag.
type globs []string

func (g *globs) String() string { return strings.Join(*g, ",") }

func (g *globs) Set(s string) error {
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			*g = append(*g, p)
		}
	}
	return nil
}

func main() {
	var o flow.Options
	var inputs globs
	flag.Var(&inputs, "input", "glob(s) of JSON Lines shards, comma-separated or repeated (local, gs://, s3:// ...)")
	flag.StringVar(&o.Output, "output", "", "output prefix: PREFIX.FORMAT (timeline), PREFIX-dates/DATE.FORMAT (per date), PREFIX.problems.txt")
	flag.StringVar(&o.Format, "format", "yaml", "output format: "+strings.Join(writer.Formats, ", "))
	flag.StringVar(&o.RulesDir, "rules", "", "directory of rule files that add to or override the embedded defaults by id (read at launch)")
	flag.StringVar(&o.Published, "published", "", "publication date for articles that give none")
	flag.Int64Var(&o.MaxBytes, "max-bytes", 10<<20, "largest article accepted, in bytes")
	flag.BoolVar(&o.Model, "model", false, "also run prose's entity model on sentences with unknown names (slow)")
	flag.Parse()
	beam.Init() // after flag.Parse; on a worker this call never returns
	o.Inputs = inputs
	if len(o.Inputs) == 0 || o.Output == "" {
		fmt.Fprintln(os.Stderr, "usage: timeline-beam --input GLOB[,GLOB] --output PREFIX [--format yaml|json|jsonl] [--rules DIR] [beam flags: --runner ...]")
		os.Exit(2)
	}
	p, s := beam.NewPipelineWithRoot()
	if err := flow.Build(s, o); err != nil {
		fmt.Fprintln(os.Stderr, "timeline-beam:", err)
		os.Exit(2)
	}
	ctx := context.Background()
	res, err := beamx.RunWithMetrics(ctx, p)
	if err != nil {
		log.Exitf(ctx, "timeline-beam: %v", err)
	}
	os.Exit(report(ctx, res, flow.PathsOf(o.Output, o.Format).Problems))
}

// report prints the runner's counters (summed over steps) and returns the
// exit status: 1 when some articles failed, as for timeline extract. The
// failures are counted in the problems file, not the counters, which some
// runners report only in part.
func report(ctx context.Context, res beam.PipelineResult, problems string) int {
	if res != nil {
		sum := map[string]int64{}
		for _, c := range res.Metrics().AllMetrics().Counters() {
			if c.Key.Namespace == "timeline" {
				sum[c.Key.Name] += c.Result()
			}
		}
		fmt.Fprintf(os.Stderr, "counters: %d articles, %d failed, %d mentions, %d events\n", sum["articles"], sum["failed"], sum["mentions"], sum["events"])
	}
	data, err := readFile(ctx, problems)
	if err != nil {
		fmt.Fprintln(os.Stderr, "timeline-beam:", err)
		return 1
	}
	failed := 0
	for _, l := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(l, "error: ") {
			failed++
		}
	}
	if failed > 0 {
		fmt.Fprintf(os.Stderr, "%d inputs failed: see %s\n", failed, problems)
		return 1
	}
	return 0
}

func readFile(ctx context.Context, path string) ([]byte, error) {
	fs, err := filesystem.New(ctx, path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	defer fs.Close()
	r, err := fs.OpenRead(ctx, path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	defer r.Close()
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return data, nil
}
