package main

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files with the current output")

// golden compares got with the file golden/NAME at the repository root, or
// rewrites it with -update. The diff of a golden file is the review.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("..", "..", "golden", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run 'make golden' to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s; run 'make golden' and review the diff.\n%s", path, firstDiff(want, got))
	}
}

// firstDiff shows the first differing line, enough to start looking.
func firstDiff(want, got []byte) string {
	wl, gl := bytes.Split(want, []byte("\n")), bytes.Split(got, []byte("\n"))
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g []byte
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if !bytes.Equal(w, g) {
			return "line " + strconv.Itoa(i+1) + ":\n- " + string(w) + "\n+ " + string(g)
		}
	}
	return ""
}

// runCmd runs the command in-process and returns stdout, stderr, status.
func runCmd(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), args, &out, &errb)
	return out.String(), errb.String(), code
}

// TestGoldenSeeds runs the sample in every output format.
func TestGoldenSeeds(t *testing.T) {
	for _, format := range []string{"yaml", "json", "jsonl"} {
		t.Run(format, func(t *testing.T) {
			out, errs, code := runCmd(t, "extract", "--quiet", "--format", format, "../../testdata/seeds")
			if code != exitOK {
				t.Fatalf("exit %d: %s", code, errs)
			}
			golden(t, "seeds."+format, []byte(out))
		})
	}
}
