// Package progress draws a one-line progress report (articles done, rate,
// and the ETA when the total is known) on a terminal, redrawn in place at
// most a few times a second and cleared when done.
package progress

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// IsTerminal reports whether w is a character device (a terminal), the
// only place a bar redrawn with carriage returns makes sense.
func IsTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// Bar is a progress line. Its methods are safe for concurrent use; a nil
// *Bar does nothing, so callers need not check whether one is shown.
type Bar struct {
	mu    sync.Mutex
	w     io.Writer
	total int // 0: unknown
	start time.Time
	last  time.Time // last redraw
	width int       // length of the line drawn, to blank it
	every time.Duration
	now   func() time.Time
}

// New starts a bar on w; total is the number of articles expected, 0 when
// unknown (no ETA then).
func New(w io.Writer, total int) *Bar {
	b := &Bar{w: w, total: total, every: 200 * time.Millisecond, now: time.Now}
	b.start = b.now()
	return b
}

// Update reports done articles; the line is redrawn when the last redraw
// is old enough.
func (b *Bar) Update(done int) {
	if b == nil {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	now := b.now()
	if now.Sub(b.last) < b.every {
		return
	}
	b.last = now
	b.draw(Line(done, b.total, now.Sub(b.start)))
}

// Finish clears the line, leaving the terminal as it was.
func (b *Bar) Finish() {
	if b == nil {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.width > 0 {
		fmt.Fprint(b.w, "\r"+strings.Repeat(" ", b.width)+"\r")
		b.width = 0
	}
}

func (b *Bar) draw(line string) {
	pad := ""
	if n := len(line); n < b.width {
		pad = strings.Repeat(" ", b.width-n)
	}
	fmt.Fprint(b.w, "\r"+line+pad)
	b.width = max(b.width, len(line))
}

// Line is the text of the bar: "1234/5000 articles  25% | 61.7/s | ETA 1m1s",
// or without a known total "1234 articles | 61.7/s".
func Line(done, total int, elapsed time.Duration) string {
	rate := 0.0
	if s := elapsed.Seconds(); s > 0 {
		rate = float64(done) / s
	}
	if total <= 0 {
		return fmt.Sprintf("%d articles | %.1f/s", done, rate)
	}
	pct := 100 * float64(min(done, total)) / float64(total)
	eta := "?"
	if rate > 0 {
		eta = time.Duration(float64(max(0, total-done)) / rate * float64(time.Second)).Round(time.Second).String()
	}
	return fmt.Sprintf("%d/%d articles %3.0f%% | %.1f/s | ETA %s", done, total, pct, rate, eta)
}

// articleExts are the files a directory input contributes (as the reader
// walks them); a .jsonl file holds an unknown number of articles.
var articleExts = map[string]bool{".txt": true, ".md": true}

// Count returns the number of articles the inputs hold when that is cheap
// to know (files, directories of .txt and .md), or 0 when some input's
// count is unknown without reading it (JSON Lines, stdin).
func Count(inputs []string) int {
	n := 0
	for _, in := range inputs {
		if in == "-" || strings.EqualFold(filepath.Ext(in), ".jsonl") {
			return 0
		}
		fi, err := os.Stat(in)
		if err != nil {
			n++ // reported as one failed input
			continue
		}
		if !fi.IsDir() {
			n++
			continue
		}
		unknown := false
		filepath.WalkDir(in, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			switch ext := strings.ToLower(filepath.Ext(path)); {
			case ext == ".jsonl":
				unknown = true
				return filepath.SkipAll
			case articleExts[ext]:
				n++
			}
			return nil
		})
		if unknown {
			return 0
		}
	}
	return n
}
