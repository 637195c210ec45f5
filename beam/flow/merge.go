package flow

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"sort"

	"github.com/timeline-news/timeline/merge"
	"github.com/timeline-news/timeline/model"
	"github.com/timeline-news/timeline/writer"
)

// mention is one mention on its way to the merge. Index is its place in
// its article, so that the merge sees one date's mentions in the order a
// single-machine run gives them whatever order the shuffle delivers.
type mention struct {
	Index int           `json:"i"`
	M     model.Mention `json:"m"`
}

// mergeFn merges one date's mentions into events, writes the date's shard
// and emits the events (as JSON) for the global ordering.
type mergeFn struct {
	Rules  []RuleDoc
	Shards string // directory of per-date shards; "" writes none
	Format string
	m      *merge.Merger
}

func (f *mergeFn) Setup() error {
	m, err := merger(f.Rules)
	if err != nil {
		return err
	}
	f.m = m
	return nil
}

func (f *mergeFn) ProcessElement(ctx context.Context, date string, recs func(*string) bool, emit func(string)) error {
	var ms []mention
	var s string
	for recs(&s) {
		var m mention
		if err := json.Unmarshal([]byte(s), &m); err != nil {
			return fmt.Errorf("date %s: decode mention: %w", date, err)
		}
		ms = append(ms, m)
	}
	sort.Slice(ms, func(i, j int) bool {
		if ms[i].M.Article != ms[j].M.Article {
			return ms[i].M.Article < ms[j].M.Article
		}
		return ms[i].Index < ms[j].Index
	})
	list := make([]model.Mention, len(ms))
	for i := range ms {
		list[i] = ms[i].M
	}
	tl := f.m.Merge(list)
	if f.Shards != "" {
		var buf bytes.Buffer
		if err := writer.Encode(&buf, f.Format, tl); err != nil {
			return err
		}
		if err := writeFile(ctx, f.Shards+shardName(date)+"."+f.Format, buf.Bytes()); err != nil {
			return err
		}
	}
	for i := range tl.Events {
		b, err := json.Marshal(&tl.Events[i])
		if err != nil {
			return fmt.Errorf("date %s: encode event: %w", date, err)
		}
		emit(string(b))
	}
	counters.events.Inc(ctx, int64(len(tl.Events)))
	return nil
}

// shardName makes a TIMEX3 date value safe as a file name on any
// filesystem (values are 2014-04-09, 2014-W15, 2014-SU ...).
func shardName(date string) string {
	b := []byte(date)
	for i, c := range b {
		if !(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '-' || c == '_') {
			b[i] = '_'
		}
	}
	if len(b) == 0 {
		return "_"
	}
	return string(b)
}
