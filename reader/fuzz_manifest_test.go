package reader

import (
	"context"
	"os"
	"strings"
	"testing"
)

// FuzzManifest feeds arbitrary bytes to the manifest parser and applies
// every entry it yields to an article: no panic, exactly one of a manifest
// or an error, and an error names the manifest. The committed corpus is in
// testdata/fuzz/FuzzManifest.
func FuzzManifest(f *testing.F) {
	for _, name := range []string{"seeds/manifest.yaml", "badmanifest/manifest.yaml", "../../testdata/seeds/manifest.yaml"} {
		if b, err := os.ReadFile("testdata/" + name); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte("a.txt: {published: 2014-04-09, source: X, title: T, url: u}\n"))
	f.Add([]byte("a.txt: {published: [1, 2]}\n"))
	f.Add([]byte("&x a.txt: *x\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		const path = "dir/manifest.yaml"
		m, e := parseManifest(path, data)
		if (m == nil) == (e == nil) {
			t.Fatalf("want exactly one of manifest/error, got %v and %v", m, e)
		}
		if e != nil {
			if !strings.HasPrefix(e.Error(), path) || e.Line < 0 {
				t.Fatalf("error does not name the manifest: %v (line %d)", e, e.Line)
			}
			return
		}
		r := &run{ctx: context.Background(), opts: Options{MaxBytes: 1 << 20}, seen: map[string]origin{}, manifests: map[string]*manifest{}}
		for name, entry := range m.entries {
			if entry == nil {
				t.Fatalf("nil entry for %q", name)
			}
			a, _, e := r.parseText("dir/a.txt", "a", []byte("Talks resumed on Monday."), entry)
			if e != nil || a == nil {
				t.Fatalf("entry %q: a good article failed: %v", name, e)
			}
			if a.HasPublished() && a.PublishedFrom == "" {
				t.Fatalf("entry %q: published without a source", name)
			}
		}
	})
}
