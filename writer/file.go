package writer

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/timeline-news/timeline/model"
)

// WriteFile writes atomically: temp file in the same directory, fsync,
// rename. On error no temp file is left and an existing file is untouched.
// Path "-" writes to standard output.
func WriteFile(path, format string, tl *model.Timeline) error {
	return WriteFileContext(context.Background(), path, format, tl)
}

// WriteFileContext is WriteFile that gives up, leaving no trace, when ctx
// is cancelled before the rename.
func WriteFileContext(ctx context.Context, path, format string, tl *model.Timeline) error {
	var evs timelineEvents
	if tl != nil {
		evs = tl.Events
	}
	return StreamFileContext(ctx, path, format, evs)
}

// StreamFileContext is WriteFileContext for events taken one at a time
// (see Stream); it gives up, leaving no trace, when ctx is cancelled or an
// event fails.
func StreamFileContext(ctx context.Context, path, format string, evs Events) error {
	return writeFile(ctx, path, format, func(w io.Writer) error { return Stream(w, format, cancellable{ctx, evs}) })
}

// cancellable stops a stream between events once ctx is done.
type cancellable struct {
	ctx context.Context
	Events
}

func (c cancellable) Header(i int) (model.Event, error) {
	if err := c.ctx.Err(); err != nil {
		return model.Event{}, err
	}
	return c.Events.Header(i)
}

// stdout is replaced in tests.
var stdout io.Writer = os.Stdout

func writeFile(ctx context.Context, path, format string, encode func(io.Writer) error) (err error) {
	if err := CheckFormat(format); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if path == "-" {
		bw := bufio.NewWriter(stdout)
		if err := encode(bw); err != nil {
			return err
		}
		return bw.Flush()
	}
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	mode := os.FileMode(0o644)
	if fi, err := os.Stat(path); err == nil {
		switch {
		case fi.IsDir():
			return fmt.Errorf("write %s: is a directory", path)
		case !fi.Mode().IsRegular():
			return writeDevice(path, encode) // /dev/null, a named pipe: nothing to replace atomically
		}
		mode = fi.Mode().Perm()
	}
	tmp, err := os.CreateTemp(dir, "."+base+".tmp-*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	bw := bufio.NewWriterSize(tmp, 64<<10)
	if err := encode(bw); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Chmod(mode); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("write %s: sync: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	syncDir(dir)
	return nil
}

// writeDevice writes straight into an existing file that is no regular
// file (a device or a named pipe).
func writeDevice(path string, encode func(io.Writer) error) error {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	bw := bufio.NewWriterSize(f, 64<<10)
	if err := encode(bw); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := bw.Flush(); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// syncDir makes the rename durable; best effort, as some systems refuse it.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
}

// CheckWritable fails early (before any work) when path's directory does
// not exist or is not writable, or path is a directory. "-" is always fine.
func CheckWritable(path string) error {
	if path == "-" {
		return nil
	}
	if path == "" {
		return errors.New("empty output path")
	}
	dir := filepath.Dir(path)
	fi, err := os.Stat(dir)
	if err != nil {
		return fmt.Errorf("output directory %s: %w", dir, unwrap(err))
	}
	if !fi.IsDir() {
		return fmt.Errorf("output directory %s: not a directory", dir)
	}
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return fmt.Errorf("output %s: is a directory", path)
	}
	// Creating a file is the only reliable test (ACLs, read-only mounts).
	f, err := os.CreateTemp(dir, ".timeline-check-*")
	if err != nil {
		return fmt.Errorf("output directory %s: not writable: %w", dir, unwrap(err))
	}
	f.Close()
	os.Remove(f.Name())
	return nil
}

func unwrap(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
