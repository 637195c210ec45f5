package reader

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzParse feeds arbitrary bytes to the front matter, text and JSONL
// parsers and the date parsers: they must never panic, and every result
// must be exactly one of an article or an error.
func FuzzParse(f *testing.F) {
	for _, name := range []string{"fm.md", "fm_crlf.md", "fm_bad.md", "fm_badpub.md", "dateline.txt", "articles.jsonl", "invalid_utf8.txt"} {
		if b, err := os.ReadFile("testdata/" + name); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte("---\n---\n"))
	f.Add([]byte("---\n&a [*a]\n---\nx"))
	f.Add([]byte(`{"id": {"x": 1}, "text": "t"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		r := &run{ctx: context.Background(), opts: Options{MaxBytes: 1 << 20}, seen: map[string]origin{}, manifests: map[string]*manifest{}}
		r.emit = func(res Result) error {
			if (res.Article == nil) == (res.Err == nil) {
				t.Fatalf("result must have exactly one of Article/Err: %+v", res)
			}
			if a := res.Article; a != nil && (!utf8.ValidString(a.Text) || strings.TrimSpace(a.Text) == "") {
				t.Fatalf("bad article text %q", a.Text)
			}
			return nil
		}
		if a, _, e := r.parseText("f.md", "f", data, nil); e == nil {
			if a.TextOffset < 0 || a.TextOffset > len(data) || string(data[a.TextOffset:]) != a.Text {
				t.Fatalf("TextOffset %d does not locate Text", a.TextOffset)
			}
		}
		if err := r.jsonl("f.jsonl", "f", bytes.NewReader(data)); err != nil {
			t.Fatal(err)
		}
		if len(data) < 200 {
			ParsePublished(string(data))
			findDateline(string(data))
		}
	})
}
