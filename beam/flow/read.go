package flow

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/fileio"
	"github.com/timeline-news/timeline/model"
	"github.com/timeline-news/timeline/reader"
)

// Article is model.Article as a PCollection element: flat exported fields
// that Beam's schema coder carries on any runner (model.Article keeps its
// text out of JSON).
type Article struct {
	ID               string
	Path             string
	Line             int
	Title            string
	Source           string
	URL              string
	Published        string // RFC 3339 with nanoseconds; "" when unknown
	PublishedFrom    string
	PublishedHasTime bool
	Text             string
	TextOffset       int
	Warn             string // the reader's warnings, reported if the article is kept
}

func fromModel(a *model.Article, warn string) Article {
	out := Article{
		ID: a.ID, Path: a.Path, Line: a.Line, Title: a.Title, Source: a.Source, URL: a.URL,
		PublishedFrom: a.PublishedFrom, PublishedHasTime: a.PublishedHasTime,
		Text: a.Text, TextOffset: a.TextOffset, Warn: warn,
	}
	if a.HasPublished() {
		out.Published = a.Published.Format(time.RFC3339Nano)
	}
	return out
}

func (a *Article) toModel() (*model.Article, error) {
	out := &model.Article{
		ID: a.ID, Path: a.Path, Line: a.Line, Title: a.Title, Source: a.Source, URL: a.URL,
		PublishedFrom: a.PublishedFrom, PublishedHasTime: a.PublishedHasTime,
		Text: a.Text, TextOffset: a.TextOffset,
	}
	if a.Published != "" {
		t, err := time.Parse(time.RFC3339Nano, a.Published)
		if err != nil {
			return nil, fmt.Errorf("%s: published: %w", a.where(), err)
		}
		out.Published = t.UTC()
	}
	return out, nil
}

func (a *Article) where() string {
	if a.Line > 0 {
		return fmt.Sprintf("%s:%d", a.Path, a.Line)
	}
	return a.Path
}

// readFn reads one JSON Lines shard with the reader's own rules and keys
// every article by id, for the duplicate check across shards.
type readFn struct {
	Published string
	MaxBytes  int64
	opts      reader.Options
}

func (f *readFn) Setup() error {
	f.opts.MaxBytes = f.MaxBytes
	if f.Published != "" {
		t, _, err := reader.ParsePublished(f.Published)
		if err != nil {
			return fmt.Errorf("published %q: %w", f.Published, err)
		}
		f.opts.Published = t
	}
	return nil
}

// ProcessElement fails the bundle (Beam retries it) when the shard cannot be
// opened; a bad line is reported and the rest of the shard still read.
func (f *readFn) ProcessElement(ctx context.Context, file fileio.ReadableFile, emit func(string, Article), problem func(string)) error {
	rc, err := file.Open(ctx)
	if err != nil {
		return fmt.Errorf("open %s: %w", file.Metadata.Path, err)
	}
	defer rc.Close()
	return reader.ReadJSONL(ctx, file.Metadata.Path, rc, f.opts, func(r reader.Result) error {
		if r.Err != nil {
			problem("error: " + r.Err.Error())
			counters.failed.Inc(ctx, 1)
			return nil
		}
		emit(r.Article.ID, fromModel(r.Article, r.Warn))
		return nil
	})
}

// dedupe keeps the first article of an id in (path, line) order, the order
// the single-machine reader sees sorted shards in, and rejects the others
// with the reader's message.
func dedupe(ctx context.Context, id string, arts func(*Article) bool, emit func(Article), problem func(string)) {
	var all []Article
	var a Article
	for arts(&a) {
		all = append(all, a)
	}
	if len(all) == 0 {
		return
	}
	first := 0
	for i := range all {
		if less(&all[i], &all[first]) {
			first = i
		}
	}
	for i := range all {
		if i == first {
			continue
		}
		e := &reader.Error{Path: all[i].Path, Line: all[i].Line, Err: errors.New("duplicate article id " + id + ", first from " + all[first].where())}
		problem("error: " + e.Error())
		counters.failed.Inc(ctx, 1)
	}
	emit(all[first])
}

func less(a, b *Article) bool {
	if a.Path != b.Path {
		return a.Path < b.Path
	}
	return a.Line < b.Line
}

var counters = struct {
	articles, failed, mentions, events beam.Counter
}{
	articles: beam.NewCounter("timeline", "articles"),
	failed:   beam.NewCounter("timeline", "failed"),
	mentions: beam.NewCounter("timeline", "mentions"),
	events:   beam.NewCounter("timeline", "events"),
}
