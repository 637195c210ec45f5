package progress

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestLine(t *testing.T) {
	tests := []struct {
		done, total int
		elapsed     time.Duration
		want        string
	}{
		{50, 0, 2 * time.Second, "50 articles | 25.0/s"},
		{50, 200, 2 * time.Second, "50/200 articles  25% | 25.0/s | ETA 6s"},
		{0, 10, 0, "0/10 articles   0% | 0.0/s | ETA ?"},
		{255, 300, 5500 * time.Millisecond, "255/300 articles  85% | 46.4/s | ETA 1s"},
		{1000, 100000, 20 * time.Second, "1000/100000 articles   1% | 50.0/s | ETA 33m0s"},
		{12, 10, time.Second, "12/10 articles 100% | 12.0/s | ETA 0s"}, // more than counted
	}
	for _, tt := range tests {
		if got := Line(tt.done, tt.total, tt.elapsed); got != tt.want {
			t.Errorf("Line(%d, %d, %v) = %q, want %q", tt.done, tt.total, tt.elapsed, got, tt.want)
		}
	}
}

// Redraws are throttled, drawn in place, and Finish blanks the line.
func TestBarThrottleAndFinish(t *testing.T) {
	var buf bytes.Buffer
	clock := time.Unix(0, 0)
	b := New(&buf, 100)
	b.now = func() time.Time { return clock }
	b.start = clock
	clock = clock.Add(time.Second)
	b.Update(10)
	b.Update(11) // same instant: not drawn
	clock = clock.Add(50 * time.Millisecond)
	b.Update(12) // too soon
	clock = clock.Add(time.Second)
	b.Update(20)
	out := buf.String()
	if n := strings.Count(out, "\r"); n != 2 {
		t.Fatalf("%d redraws, want 2: %q", n, out)
	}
	if !strings.Contains(out, "10/100 articles") || !strings.Contains(out, "20/100 articles") || strings.Contains(out, "11/100") {
		t.Errorf("unexpected lines: %q", out)
	}
	buf.Reset()
	b.Finish()
	if got := buf.String(); !strings.HasPrefix(got, "\r ") || !strings.HasSuffix(got, " \r") || strings.TrimSpace(got) != "" {
		t.Errorf("Finish wrote %q, want the line blanked", got)
	}
	var nilBar *Bar
	nilBar.Update(1) // no-ops
	nilBar.Finish()
}

func TestIsTerminal(t *testing.T) {
	if IsTerminal(&bytes.Buffer{}) {
		t.Error("a buffer is no terminal")
	}
	f, err := os.CreateTemp(t.TempDir(), "x")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if IsTerminal(f) {
		t.Error("a regular file is no terminal")
	}
}

func TestCount(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"a.txt", "b.md", "sub/c.TXT", "manifest.yaml", "notes.json"} {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if got := Count([]string{dir, filepath.Join(dir, "a.txt")}); got != 4 {
		t.Errorf("Count = %d, want 4", got)
	}
	if got := Count([]string{dir, "-"}); got != 0 {
		t.Errorf("stdin: Count = %d, want 0 (unknown)", got)
	}
	if err := os.WriteFile(filepath.Join(dir, "sub", "d.jsonl"), []byte("{}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := Count([]string{dir}); got != 0 {
		t.Errorf("with JSON Lines: Count = %d, want 0 (unknown)", got)
	}
}
