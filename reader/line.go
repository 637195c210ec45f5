package reader

import (
	"context"
	"io"
)

// ReadJSONL reads JSON Lines articles from in as Read reads the file path:
// the same ids (a line without one gets STEM-LINE), line numbers, metadata,
// errors and warnings, and duplicate ids rejected within this input. It lets
// a caller that opens files itself (a distributed runner reading any
// filesystem) share the reader's rules. Duplicates across inputs are the
// caller's to detect.
func ReadJSONL(ctx context.Context, path string, in io.Reader, opts Options, emit func(Result) error) error {
	if opts.MaxBytes <= 0 {
		opts.MaxBytes = DefaultMaxBytes
	}
	r := &run{ctx: ctx, opts: opts, emit: emit, seen: map[string]origin{}, manifests: map[string]*manifest{}}
	return r.jsonl(path, stem(path), in)
}
