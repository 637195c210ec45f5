package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/jdkato/prose/v2"

	"github.com/timeline-news/timeline/extractors/postag"
	"github.com/timeline-news/timeline/model"
	"github.com/timeline-news/timeline/pipeline"
)

// row is one line of the table.
type row struct {
	name  string
	procs int
	t     sample
	bytes int
	arts  int // 0: no articles/s column
	note  string
}

// mbps is MB per wall second, cpuMBps MB per CPU second.
func (r row) mbps() float64    { return float64(r.bytes) / 1e6 / r.t.wall.Seconds() }
func (r row) cpuMBps() float64 { return float64(r.bytes) / 1e6 / r.t.cpu.Seconds() }

type report struct {
	articles, bytes int
	// The end-to-end batch: the articles repeated.
	batchArts, batchBytes int
	rows                  []row
	base                  *row // prose default NewDocument
	e2e1, e2e2            *row
	rssPipeline           int64 // VmHWM after the pipeline runs, before prose's models load
	rssEnd                int64
}

// measure runs every measure; stages and baselines on one core.
func measure(x *pipeline.Extractors, arts []*model.Article, o options) (*report, error) {
	r := &report{articles: len(arts)}
	for _, a := range arts {
		r.bytes += len(a.Text)
	}
	ctx := context.Background()
	// Warm up: load the POS model, fault the rules in.
	for _, a := range arts {
		if _, err := x.Process(a); err != nil {
			return nil, err
		}
	}
	// End to end runs on a batch: the articles repeated (distinct ids) to
	// 1 MB of JSON Lines, so that filling and draining the pipeline and
	// the merge weigh what they weigh in a real run.
	dir, err := os.MkdirTemp("", "timeline-bench")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	batch := filepath.Join(dir, "batch.jsonl")
	batchArts, batchBytes, err := genJSONL(batch, arts, 1e6)
	if err != nil {
		return nil, err
	}
	r.batchArts, r.batchBytes = batchArts, batchBytes
	runBatch := func(workers int) error {
		_, err := x.Run(ctx, []string{batch}, pipeline.Config{Workers: workers})
		if errors.Is(err, pipeline.ErrSomeFailed) {
			err = nil // counted as read failures, the same in every run
		}
		return err
	}
	withProcs(1, func() {
		stages := x.Stages()
		for k, s := range stages {
			r.add(row{name: "stage " + s.Name, procs: 1, bytes: r.bytes, t: timeStage(o.repeat, arts, stages[:k], s.Run)})
			if s.Name == "time" { // postag sits inside events: time it alone here
				tg := postag.New()
				r.add(row{name: "stage postag (every sentence)", procs: 1, bytes: r.bytes,
					t:    timeStage(o.repeat, arts, stages[:k+1], func(d *model.Document) { tagAll(tg, d) }),
					note: "events tags only sentences with a trigger"})
			}
		}
		last := stages[len(stages)-1]
		tg := postag.New()
		r.add(row{name: "stage events, sentences already tagged", procs: 1, bytes: r.bytes,
			t: timeStage(o.repeat, arts, append(stages[:len(stages)-1:len(stages)-1],
				pipeline.Stage{Name: "postag", Run: func(d *model.Document) { tagAll(tg, d) }}), last.Run)})

		var stop func()
		if stop, err = startProfile(o.cpuProfile); err != nil {
			return
		}
		r.e2e1 = r.add(row{name: "end to end (read ... merge), batch", procs: 1, bytes: r.batchBytes, arts: r.batchArts,
			t: median(o.repeat, func() { err = errors.Join(err, runBatch(1)) })})
		stop()
	})
	if err != nil {
		return nil, err
	}
	withProcs(2, func() {
		r.e2e2 = r.add(row{name: "end to end (read ... merge), batch", procs: 2, bytes: r.batchBytes, arts: r.batchArts,
			t: median(o.repeat, func() { err = errors.Join(err, runBatch(2)) })})
	})
	if err != nil {
		return nil, err
	}
	r.rssPipeline = vmHWM()
	if o.baseRepeat > 0 {
		withProcs(1, func() { err = r.baselines(arts, o.baseRepeat) })
		if err != nil {
			return nil, err
		}
	}
	r.rssEnd = vmHWM()
	return r, nil
}

func (r *report) add(x row) *row {
	r.rows = append(r.rows, x)
	return &r.rows[len(r.rows)-1]
}

// timeStage times run over every article, each prepared beforehand by the
// stages before it (untimed).
func timeStage(n int, arts []*model.Article, before []pipeline.Stage, run func(*model.Document)) sample {
	docs := make([]*model.Document, len(arts))
	ss := make([]sample, 0, n)
	for range n {
		for i, a := range arts {
			d := &model.Document{Article: *a}
			for _, s := range before {
				s.Run(d)
			}
			docs[i] = d
		}
		ss = append(ss, timed(func() {
			for _, d := range docs {
				run(d)
			}
		}))
	}
	return medianOf(ss)
}

func tagAll(tg *postag.Tagger, d *model.Document) {
	for i := range d.Sentences {
		tg.Tag(d.Article.Text, &d.Sentences[i])
	}
}

// baselines times prose over the same texts: its default NewDocument
// (tokenize, segment, tag, entities; the model loaded once, which favours
// prose: NewDocument without UsingModel reloads it on every call), and its
// cheaper configurations.
func (r *report) baselines(arts []*model.Article, n int) error {
	d, err := prose.NewDocument("Kyiv")
	if err != nil {
		return fmt.Errorf("prose: %w", err)
	}
	m := d.Model
	runProse := func(opts ...prose.DocOpt) func() {
		return func() {
			for _, a := range arts {
				if _, e := prose.NewDocument(a.Text, opts...); e != nil {
					err = e
				}
			}
		}
	}
	r.add(row{name: "prose tokenize + segment", procs: 1, bytes: r.bytes,
		t: median(n, runProse(prose.WithTagging(false), prose.WithExtraction(false)))})
	r.add(row{name: "prose tokenize + segment + POS tag", procs: 1, bytes: r.bytes,
		t: median(n, runProse(prose.UsingModel(m), prose.WithExtraction(false)))})
	r.base = r.add(row{name: "**prose NewDocument, defaults** (baseline)", procs: 1, bytes: r.bytes, arts: r.articles,
		t: median(n, runProse(prose.UsingModel(m))), note: "tokenize, segment, tag, entities"})
	return err
}

// vmHWM is the process's peak resident set size in bytes (0 if unknown).
func vmHWM() int64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, l := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(l, "VmHWM:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			return kb << 10
		}
	}
	return 0
}

func (r *report) print(w io.Writer) {
	fmt.Fprintf(w, "%d articles, %.2f MB of text; the batch: %d articles, %.2f MB of text (them repeated, as JSON Lines); medians of the runs (Go %s, %d CPUs)\n\n",
		r.articles, float64(r.bytes)/1e6, r.batchArts, float64(r.batchBytes)/1e6, runtime.Version(), runtime.NumCPU())
	fmt.Fprintln(w, "| measure | GOMAXPROCS | wall | MB/s | MB per CPU-s | articles/s | note |")
	fmt.Fprintln(w, "| --- | ---: | ---: | ---: | ---: | ---: | --- |")
	for _, x := range r.rows {
		arts := ""
		if x.arts > 0 {
			arts = fmt.Sprintf("%.1f", float64(x.arts)/x.t.wall.Seconds())
		}
		fmt.Fprintf(w, "| %s | %d | %s | %.3f | %.3f | %s | %s |\n", x.name, x.procs, x.t.wall.Round(time.Microsecond),
			x.mbps(), x.cpuMBps(), arts, x.note)
	}
	fmt.Fprintln(w)
	if r.base != nil {
		fmt.Fprintf(w, "- end to end / prose defaults, one core: **%.1f×** by wall time, **%.1f×** by CPU time\n",
			r.e2e1.mbps()/r.base.mbps(), r.e2e1.cpuMBps()/r.base.cpuMBps())
	}
	fmt.Fprintf(w, "- scaling, GOMAXPROCS 2 / 1 (wall): **%.2f×**; the 2-core runs kept %.2f cores busy on average\n",
		r.e2e1.t.wall.Seconds()/r.e2e2.t.wall.Seconds(), r.e2e2.t.cpu.Seconds()/r.e2e2.t.wall.Seconds())
	fmt.Fprintf(w, "- peak RSS (VmHWM): %d MB after the pipeline runs, %d MB with prose's models loaded for the baseline\n",
		r.rssPipeline>>20, r.rssEnd>>20)
	if l := loadAvg(); l != "" {
		fmt.Fprintf(w, "- load average during the run: %s (other processes share the cores: wall times and scaling suffer, CPU times much less)\n", l)
	}
}

// loadAvg is the 1-minute load average, "" if unknown.
func loadAvg() string {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return ""
	}
	f := strings.Fields(string(data))
	if len(f) == 0 {
		return ""
	}
	return f[0]
}
