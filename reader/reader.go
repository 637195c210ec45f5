// Package reader turns input paths (files, directories, JSON Lines, stdin)
// into articles with their publication metadata.
package reader

import (
	"bufio"
	"bytes"
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

// Result is one article or one failure: exactly one of Article/Err is set,
// except for a notice (a directory skipped because it was already read, as
// through a symlink loop) that has only Warn. Err names the path (and line
// for JSONL) and the reason; Warn starts with the path.
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
	seen      map[string]origin // article id -> where it was first read
	manifests map[string]*manifest
}

// Read walks inputs in a deterministic order and calls emit for every
// article or failure, in order. It stops early only when ctx is cancelled
// or emit returns an error.
func Read(ctx context.Context, inputs []string, opts Options, emit func(Result) error) error {
	if opts.MaxBytes <= 0 {
		opts.MaxBytes = DefaultMaxBytes
	}
	r := &run{ctx: ctx, opts: opts, emit: emit, seen: map[string]origin{}, manifests: map[string]*manifest{}}
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
	files, errs, skips := walk(in)
	for _, e := range errs {
		if err := r.fail(e); err != nil {
			return err
		}
	}
	for _, e := range skips {
		if err := r.emit(Result{Warn: e.Error()}); err != nil {
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

// walk lists the article files under root, sorted by path, with the errors
// met. Symlinked directories are followed once: a directory already visited
// (a loop, or a second link to it) is skipped and listed in skips.
func walk(root string) (files []string, errs, skips []*Error) {
	visited := map[string]string{} // real path -> the path it was read as
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
		if first, ok := visited[real]; ok {
			skips = append(skips, errAt(dir, 0, "directory already read as %s (symlink loop or second link), skipped", first))
			return
		}
		visited[real] = dir
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
	sort.Slice(skips, func(i, j int) bool { return skips[i].Path < skips[j].Path })
	return files, errs, skips
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

// origin is where an article was read: its file (the string every
// article of the file shares) and line. The reader keeps one per article,
// so it is kept small.
type origin struct {
	path string
	line int
}

func (o origin) String() string {
	if o.line > 0 {
		return fmt.Sprintf("%s:%d", o.path, o.line)
	}
	return o.path
}

// add checks the id for duplicates and emits the article.
func (r *run) add(a *model.Article, warns []string) error {
	where := origin{a.Path, a.Line}
	if first, ok := r.seen[a.ID]; ok {
		return r.fail(&Error{Path: a.Path, Line: a.Line, Err: fmt.Errorf("duplicate article id %s, first from %s", a.ID, first)})
	}
	r.seen[strings.Clone(a.ID)] = where // the id may be cut from the whole file
	warn := ""
	if len(warns) > 0 {
		warn = where.String() + ": " + strings.Join(warns, "; ") // one line per article, naming it
	}
	return r.emit(Result{Article: a, Warn: warn})
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

// stdin reads standard input: JSON Lines (first character "{") are
// streamed line by line, so only each line is held to MaxBytes; anything
// else is one article.
func (r *run) stdin() error {
	br := bufio.NewReaderSize(stdin, 64<<10)
	lead, err := leadingBlank(br, r.opts.MaxBytes)
	if err != nil {
		return r.fail(&Error{Path: "-", Err: fmt.Errorf("read: %w", err)})
	}
	in := io.MultiReader(bytes.NewReader(lead), br)
	if next, err := br.Peek(1); err == nil && next[0] == '{' {
		return r.jsonl("-", "stdin", in)
	}
	data, err := io.ReadAll(io.LimitReader(in, r.opts.MaxBytes+1))
	if err != nil {
		return r.fail(&Error{Path: "-", Err: fmt.Errorf("read: %w", err)})
	}
	if int64(len(data)) > r.opts.MaxBytes {
		return r.fail(errAt("-", 0, "input is over the %d-byte limit", r.opts.MaxBytes))
	}
	a, warns, e := r.parseText("-", "stdin", data, nil)
	if e != nil {
		return r.fail(e)
	}
	return r.add(a, warns)
}

// leadingBlank consumes a byte order mark and blank space (at most max+1
// bytes) and returns them, leaving br at the first other byte.
func leadingBlank(br *bufio.Reader, max int64) ([]byte, error) {
	var lead []byte
	for int64(len(lead)) <= max {
		c, err := br.ReadByte()
		if err == io.EOF {
			return lead, nil
		}
		if err != nil {
			return lead, err
		}
		inBOM := len(lead) < len(bom) && bytes.HasPrefix(bom, append(lead, c))
		if !inBOM && c != ' ' && c != '\t' && c != '\r' && c != '\n' {
			return lead, br.UnreadByte()
		}
		lead = append(lead, c)
	}
	return lead, nil
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
