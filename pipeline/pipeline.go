// Package pipeline wires the stages into a concurrent batch: read, clean,
// tokenize, entities, time, events, each in its own goroutines joined by
// bounded channels, then merge. Stages know nothing of each other; this
// package is the only one that imports them all.
package pipeline

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"runtime/debug"
	"sync"
	"unicode/utf8"

	"github.com/timeline-news/timeline/extractors/clean"
	"github.com/timeline-news/timeline/extractors/entities"
	"github.com/timeline-news/timeline/extractors/events"
	"github.com/timeline-news/timeline/extractors/timex"
	"github.com/timeline-news/timeline/extractors/tokens"
	"github.com/timeline-news/timeline/internal/spill"
	"github.com/timeline-news/timeline/merge"
	"github.com/timeline-news/timeline/model"
	"github.com/timeline-news/timeline/reader"
	"github.com/timeline-news/timeline/rules"
)

// Extractors are the compiled per-article stages.
type Extractors struct {
	Rules    *rules.Set
	Cleaner  *clean.Cleaner
	Tokens   *tokens.Splitter
	Entities *entities.Tagger
	Timex    *timex.Tagger
	Events   *events.Extractor
	Merger   *merge.Merger
	// Model runs prose's entity model on sentences the gazetteer leaves
	// with unknown names (slow).
	Model bool
}

// Compile compiles every stage's rules once.
func Compile(rs *rules.Set) (*Extractors, error) {
	x := &Extractors{Rules: rs}
	var err error
	if x.Cleaner, err = clean.Compile(rs.Clean); err != nil {
		return nil, fmt.Errorf("clean rules: %w", err)
	}
	if x.Tokens, err = tokens.Compile(rs.Tokens); err != nil {
		return nil, fmt.Errorf("token rules: %w", err)
	}
	if x.Entities, err = entities.Compile(rs.Gazetteer); err != nil {
		return nil, fmt.Errorf("gazetteer: %w", err)
	}
	if x.Timex, err = timex.Compile(rs.Timex); err != nil {
		return nil, fmt.Errorf("timex rules: %w", err)
	}
	if x.Events, err = events.Compile(rs.Events); err != nil {
		return nil, fmt.Errorf("event rules: %w", err)
	}
	x.Merger = merge.New(rs.Events)
	return x, nil
}

// Stage is one per-article step.
type Stage struct {
	Name string
	Run  func(*model.Document)
}

// Stages lists the per-article steps in order.
func (x *Extractors) Stages() []Stage {
	return []Stage{
		{"clean", x.Cleaner.Clean},
		{"tokens", x.Tokens.Split},
		{"entities", func(d *model.Document) { x.Entities.Tag(d, entities.Options{Model: x.Model}) }},
		{"time", x.Timex.Tag},
		{"events", x.Events.Extract},
	}
}

// Process runs every per-article stage on one article, in the calling
// goroutine. A panic in a stage becomes an error naming the stage. The text
// must be valid UTF-8 (as the reader guarantees): prose's tokenizer cannot
// take anything else.
func (x *Extractors) Process(a *model.Article) (*model.Document, error) {
	doc := &model.Document{Article: *a}
	if !utf8.ValidString(a.Text) {
		return doc, fmt.Errorf("%s: text is not valid UTF-8", where(a))
	}
	for _, s := range x.Stages() {
		if err := runStage(s, doc); err != nil {
			return doc, err
		}
	}
	return doc, nil
}

func runStage(s Stage, doc *model.Document) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%s: internal error in stage %s: %v\n%s", where(&doc.Article), s.Name, r, debug.Stack())
		}
	}()
	s.Run(doc)
	return nil
}

// where names an article for messages: its path (and line for JSON Lines).
func where(a *model.Article) string {
	switch {
	case a.Path != "" && a.Line > 0:
		return fmt.Sprintf("%s:%d", a.Path, a.Line)
	case a.Path != "":
		return a.Path
	}
	return a.ID
}

// Config sets up a batch run. The zero value of every field is usable.
type Config struct {
	Reader reader.Options
	// Workers per expensive stage; 0 means GOMAXPROCS.
	Workers int
	// OnError is told of every article that failed, in input order.
	OnError func(error)
	// OnWarn is told of non-fatal problems, in input order.
	OnWarn func(string)
	// OnArticle is called after each article is done (progress).
	OnArticle func(done int)
	// Keep keeps every processed document in the result (explain, diff).
	Keep bool
	// Stream leaves Result.Timeline nil: the caller writes the events one
	// at a time from Result.Chronology and then closes the result, so that
	// a big batch never holds every mention at once.
	Stream bool
	// SpillDir is where the mentions go once they pass SpillLimit bytes
	// ("" is $TMPDIR); a SpillLimit of 0 means spill.DefaultLimit, below 0
	// never spills.
	SpillDir   string
	SpillLimit int
}

// Result is what a batch produced.
type Result struct {
	// Timeline is every event with its mentions; nil with Config.Stream.
	Timeline *model.Timeline
	// Chronology builds the events one at a time; with Config.Stream it
	// reads the mentions back from the spill, until Close.
	Chronology *merge.Chronology
	Articles   int               // articles processed
	Failed     int               // inputs that failed
	Mentions   int               // mentions found
	Docs       []*model.Document // with Config.Keep, in input order
	store      *spill.Store
}

// Close releases the mentions kept for Chronology (a temporary file in a
// big batch). It is safe to call more than once, and on a nil result.
func (r *Result) Close() error {
	if r == nil || r.store == nil {
		return nil
	}
	err := r.store.Close()
	r.store = nil
	return err
}

// ErrSomeFailed is returned (wrapped) when some inputs failed but the batch
// completed.
var ErrSomeFailed = errors.New("some inputs failed")

// item travels down the pipeline: one article (or failure) with its input
// sequence number, used to restore input order at the end.
type item struct {
	seq  int
	doc  *model.Document
	err  error
	warn string
}

// Run reads inputs and runs the batch. It returns the merged timeline; the
// error is ErrSomeFailed (wrapped) when some inputs failed, ctx.Err() when
// cancelled.
func (x *Extractors) Run(ctx context.Context, inputs []string, cfg Config) (*Result, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	workers := cfg.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	buf := 2 * workers

	read := make(chan item, buf)
	var readErr error
	go func() {
		defer close(read)
		seq := 0
		readErr = reader.Read(ctx, inputs, cfg.Reader, func(r reader.Result) error {
			it := item{seq: seq, err: r.Err, warn: r.Warn}
			if r.Article != nil {
				it.doc = &model.Document{Article: *r.Article}
			}
			seq++
			select {
			case read <- it:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
	}()

	var ch <-chan item = read
	for _, s := range x.Stages() {
		n := workers
		if s.Name == "clean" || s.Name == "tokens" {
			n = max(1, workers/2) // cheap stages
		}
		ch = stage(ctx, s, n, buf, ch)
	}
	res, table := x.collect(ctx, ch, cfg, cancel)
	res.Mentions = table.Len()
	if err := res.store.Err(); err != nil {
		res.Close()
		return res, err
	}
	if err := ctx.Err(); err != nil {
		res.Close()
		return res, err
	}
	if readErr != nil && !errors.Is(readErr, context.Canceled) {
		res.Close()
		return res, fmt.Errorf("read: %w", readErr)
	}
	res.Chronology = x.Merger.Chronology(table, res.store)
	if !cfg.Stream {
		tl, err := res.Chronology.Timeline()
		res.Close()
		if err != nil {
			return res, err
		}
		res.Timeline = tl
	}
	if res.Failed > 0 {
		return res, fmt.Errorf("%d of %d inputs: %w", res.Failed, res.Failed+res.Articles, ErrSomeFailed)
	}
	return res, nil
}

// stage runs s on n goroutines between in and the returned channel. Items
// that already failed pass through untouched; order is restored later.
func stage(ctx context.Context, s Stage, n, buf int, in <-chan item) <-chan item {
	out := make(chan item, buf)
	var wg sync.WaitGroup
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				// Waiting for input also gives way to cancellation, so no
				// goroutine outlives a cancelled run by more than one article.
				var it item
				select {
				case x, ok := <-in:
					if !ok {
						return
					}
					it = x
				case <-ctx.Done():
					return
				}
				if it.err == nil && it.doc != nil && ctx.Err() == nil {
					it.err = runStage(s, it.doc)
				}
				select {
				case out <- it:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() {
		wg.Wait()
		close(out)
	}()
	return out
}

// collect gathers results, reporting errors and warnings in input order.
// The mentions go to a spill store (full text) and a merge table (what the
// merge compares), in input order; a store that cannot write cancels the
// run.
func (x *Extractors) collect(ctx context.Context, in <-chan item, cfg Config, cancel func()) (*Result, *merge.Table) {
	limit := cfg.SpillLimit
	if limit == 0 {
		limit = spill.DefaultLimit
	}
	res := &Result{store: spill.New(cfg.SpillDir, limit)}
	table := merge.NewTable()
	pending := map[int]item{}
	next := 0
	flush := func() {
		for {
			it, ok := pending[next]
			if !ok {
				return
			}
			delete(pending, next)
			next++
			if it.warn != "" && cfg.OnWarn != nil {
				cfg.OnWarn(it.warn)
			}
			if it.err == nil && it.doc == nil {
				continue // a notice from the reader, not an article
			}
			if it.err != nil {
				res.Failed++
				if cfg.OnError != nil {
					cfg.OnError(it.err)
				}
				continue
			}
			res.Articles++
			for i := range it.doc.Events {
				if err := res.store.Put(&it.doc.Events[i]); err != nil {
					cancel()
					return
				}
				table.Add(&it.doc.Events[i])
			}
			if cfg.Keep {
				res.Docs = append(res.Docs, it.doc)
			}
			if cfg.OnArticle != nil {
				cfg.OnArticle(res.Articles + res.Failed)
			}
		}
	}
	for {
		select {
		case it, ok := <-in:
			if !ok {
				flush()
				return res, table
			}
			if it.doc != nil && !cfg.Keep {
				// Articles done ahead of a slow one wait here: keep only
				// their mentions, not their text and tokens.
				it.doc = &model.Document{Events: it.doc.Events}
			}
			pending[it.seq] = it
			flush()
		case <-ctx.Done():
			return res, table
		}
	}
}
