package flow

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"sort"

	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/timeline-news/timeline/merge"
	"github.com/timeline-news/timeline/model"
	"github.com/timeline-news/timeline/writer"
)

// writeTimelineFn is the global step: it orders every event as the
// single-machine merge does and writes the timeline. It runs once, on an
// impulse, so an empty input still gets an (empty) timeline.
type writeTimelineFn struct {
	Path   string
	Format string
}

func (f *writeTimelineFn) ProcessElement(ctx context.Context, _ []byte, events func(*string) bool) error {
	tl := &model.Timeline{Events: []model.Event{}}
	var s string
	for events(&s) {
		var e model.Event
		if err := json.Unmarshal([]byte(s), &e); err != nil {
			return fmt.Errorf("decode event: %w", err)
		}
		tl.Events = append(tl.Events, e)
	}
	merge.SortEvents(tl.Events)
	var buf bytes.Buffer
	if err := writer.Encode(&buf, f.Format, tl); err != nil {
		return err
	}
	return writeFile(ctx, f.Path, buf.Bytes())
}

// writeLinesFn writes lines sorted (the shuffle has no order), one file.
type writeLinesFn struct {
	Path string
}

func (f *writeLinesFn) ProcessElement(ctx context.Context, _ []byte, lines func(*string) bool) error {
	var all []string
	var s string
	for lines(&s) {
		all = append(all, s)
	}
	sort.Strings(all)
	var buf bytes.Buffer
	for _, l := range all {
		buf.WriteString(l)
		buf.WriteByte('\n')
	}
	return writeFile(ctx, f.Path, buf.Bytes())
}

// writeFile writes data to path on whatever filesystem Beam has for it.
// Writes are whole-file and idempotent, so a retried bundle is harmless.
func writeFile(ctx context.Context, path string, data []byte) (err error) {
	fs, err := filesystem.New(ctx, path)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer fs.Close()
	w, err := fs.OpenWrite(ctx, path)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if _, err := w.Write(data); err != nil {
		w.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := w.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
