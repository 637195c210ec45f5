package flow

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/timeline-news/timeline/pipeline"
)

// extractFn runs the single-machine stages on one article and emits its
// mentions keyed by date.
type extractFn struct {
	Rules []RuleDoc
	Model bool
	x     *pipeline.Extractors
}

func (f *extractFn) Setup() error {
	x, err := extractors(f.Rules, f.Model)
	if err != nil {
		return err
	}
	f.x = x
	return nil
}

// ProcessElement emits (date, mention as JSON). A failed article is
// reported, as the single-machine run reports it, and yields nothing.
func (f *extractFn) ProcessElement(ctx context.Context, a Article, emit func(string, string), problem func(string)) error {
	art, err := a.toModel()
	if err != nil {
		problem("error: " + err.Error())
		counters.failed.Inc(ctx, 1)
		return nil
	}
	doc, err := f.x.Process(art)
	if err != nil {
		problem("error: " + err.Error())
		counters.failed.Inc(ctx, 1)
		return nil
	}
	if a.Warn != "" {
		problem("warning: " + a.Warn)
	}
	counters.articles.Inc(ctx, 1)
	for i := range doc.Events {
		b, err := json.Marshal(mention{Index: i, M: doc.Events[i]})
		if err != nil {
			return fmt.Errorf("%s: encode mention: %w", a.where(), err)
		}
		emit(doc.Events[i].Date, string(b))
	}
	counters.mentions.Inc(ctx, int64(len(doc.Events)))
	return nil
}
