// Package reader turns input paths (files, directories, JSON Lines, stdin)
// into articles with their publication metadata.
package reader

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/timeline-news/timeline/model"
)

// DefaultMaxBytes is the per-article size limit when Options.MaxBytes is 0.
const DefaultMaxBytes = 10 << 20

// Options controls reading.
type Options struct {
	Published time.Time // --published fallback (zero: none)
	// MaxBytes is the per-article size limit; 0 means DefaultMaxBytes.
	// Larger articles are rejected with an error, not read whole.
	MaxBytes int64
}

// Result is one article or one failure. Exactly one of Article/Err is set.
// Err names the path (and line for JSONL) and the reason.
type Result struct {
	Article *model.Article
	Err     error
	Warn    string
}

// Error is the error of a failed Result.
type Error struct {
	Path string // file, or "-" for stdin
	Line int    // 1-based line (JSONL, front matter, manifest), 0 if none
	Err  error
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", e.Path, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.Path, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }

func errAt(path string, line int, format string, args ...any) *Error {
	return &Error{Path: path, Line: line, Err: fmt.Errorf(format, args...)}
}

// stdin is replaced in tests.
var stdin io.Reader = os.Stdin

// walkExts are the extensions picked up when walking directories.
var walkExts = map[string]bool{".txt": true, ".md": true, ".jsonl": true}

const manifestName = "manifest.yaml"

// run holds the state of one Read call.
type run struct {
	ctx       context.Context
	opts      Options
	emit      func(Result) error
	seen      map[string]string // article id -> where it was first read
	manifests map[string]*manifest
}

// Read walks inputs in a deterministic order and calls emit for every
// article or failure, in order. It stops early only when ctx is cancelled
// or emit returns an error.
func Read(ctx context.Context, inputs []string, opts Options, emit func(Result) error) error {
	if opts.MaxBytes <= 0 {
		opts.MaxBytes = DefaultMaxBytes
	}
	r := &run{ctx: ctx, opts: opts, emit: emit, seen: map[string]string{}, manifests: map[string]*manifest{}}
	for _, in := range inputs {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := r.input(in); err != nil {
			return err
		}
	}
	return nil
}

func (r *run) input(in string) error {
	if in == "-" {
		return r.stdin()
	}
	fi, err := os.Stat(in)
	if err != nil {
		return r.fail(&Error{Path: in, Err: unwrapPathErr(err)})
	}
	if !fi.IsDir() {
		return r.file(in)
	}
	files, errs := walk(in)
	for _, e := range errs {
		if err := r.fail(e); err != nil {
			return err
		}
	}
	for _, f := range files {
		if err := r.ctx.Err(); err != nil {
			return err
		}
		if err := r.file(f); err != nil {
			return err
		}
	}
	return nil
}

// walk lists the article files under root, sorted by path. Symlinked
// directories are followed once: a directory already visited (a loop, or a
// second link to it) is skipped.
func walk(root string) ([]string, []*Error) {
	var files []string
	var errs []*Error
	visited := map[string]bool{}
	var visit func(dir string)
	visit = func(dir string) {
		real, err := filepath.EvalSymlinks(dir)
		if err != nil {
			errs = append(errs, &Error{Path: dir, Err: unwrapPathErr(err)})
			return
		}
		if abs, err := filepath.Abs(real); err == nil {
			real = abs
		}
		if visited[real] {
			return
		}
		visited[real] = true
		entries, err := os.ReadDir(dir)
		if err != nil {
			errs = append(errs, &Error{Path: dir, Err: unwrapPathErr(err)})
		}
		for _, e := range entries {
			name := e.Name()
			if strings.HasPrefix(name, ".") {
				continue // hidden files and VCS directories
			}
			p := filepath.Join(dir, name)
			isDir := e.IsDir()
			if e.Type()&os.ModeSymlink != 0 {
				fi, err := os.Stat(p)
				if err != nil {
					if walkExts[strings.ToLower(filepath.Ext(name))] {
						errs = append(errs, &Error{Path: p, Err: unwrapPathErr(err)})
					}
					continue
				}
				isDir = fi.IsDir()
			}
			switch {
			case isDir:
				visit(p)
			case name == manifestName:
			case walkExts[strings.ToLower(filepath.Ext(name))]:
				files = append(files, p)
			}
		}
	}
	visit(root)
	sort.Strings(files)
	sort.Slice(errs, func(i, j int) bool { return errs[i].Path < errs[j].Path })
	return files, errs
}

// unwrapPathErr drops the *PathError wrapper: our Error names the path.
func unwrapPathErr(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func (r *run) fail(e *Error) error { return r.emit(Result{Err: e}) }

// add checks the id for duplicates and emits the article.
func (r *run) add(a *model.Article, warns []string) error {
	where := a.Path
	if a.Line > 0 {
		where = fmt.Sprintf("%s:%d", a.Path, a.Line)
	}
	if first, ok := r.seen[a.ID]; ok {
		return r.fail(&Error{Path: a.Path, Line: a.Line, Err: fmt.Errorf("duplicate article id %s, first from %s", a.ID, first)})
	}
	r.seen[a.ID] = where
	return r.emit(Result{Article: a, Warn: strings.Join(warns, "; ")})
}

func (r *run) file(path string) error {
	if strings.EqualFold(filepath.Ext(path), ".jsonl") {
		return r.jsonlFile(path)
	}
	data, e := readLimited(path, r.opts.MaxBytes)
	if e != nil {
		return r.fail(e)
	}
	m, merr := r.manifest(filepath.Dir(path))
	if merr != nil {
		if err := r.fail(merr); err != nil {
			return err
		}
	}
	var entry *manifestEntry
	if m != nil {
		entry = m.entries[filepath.Base(path)]
	}
	a, warns, e := r.parseText(path, stem(path), data, entry)
	if e != nil {
		return r.fail(e)
	}
	return r.add(a, warns)
}

func (r *run) stdin() error {
	data, err := io.ReadAll(io.LimitReader(stdin, r.opts.MaxBytes+1))
	if err != nil {
		return r.fail(&Error{Path: "-", Err: fmt.Errorf("read: %w", err)})
	}
	if int64(len(data)) > r.opts.MaxBytes {
		return r.fail(errAt("-", 0, "input is over the %d-byte limit", r.opts.MaxBytes))
	}
	if t := strings.TrimLeft(string(trimBOM(data)), " \t\r\n"); strings.HasPrefix(t, "{") {
		return r.jsonl("-", "stdin", strings.NewReader(string(data)))
	}
	a, warns, e := r.parseText("-", "stdin", data, nil)
	if e != nil {
		return r.fail(e)
	}
	return r.add(a, warns)
}

// readLimited reads a whole file, refusing files over max bytes.
func readLimited(path string, max int64) ([]byte, *Error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, &Error{Path: path, Err: unwrapPathErr(err)}
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() && fi.Size() > max {
		return nil, errAt(path, 0, "article is %d bytes, over the %d-byte limit", fi.Size(), max)
	}
	data, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, &Error{Path: path, Err: fmt.Errorf("read: %w", unwrapPathErr(err))}
	}
	if int64(len(data)) > max {
		return nil, errAt(path, 0, "article is over the %d-byte limit", max)
	}
	return data, nil
}

func stem(path string) string {
	base := filepath.Base(path)
	return strings.TrimSuffix(base, filepath.Ext(base))
}
