package reader

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// want describes one expected Result. err, when set, is a substring of
// the error; published is "2006-01-02T15:04" or "" for none.
type want struct {
	id, from, published string
	hasTime             bool
	err, warn           string
}

func collect(t *testing.T, inputs []string, opts Options) []Result {
	t.Helper()
	var out []Result
	err := Read(context.Background(), inputs, opts, func(r Result) error {
		if r.Article != nil && r.Err != nil || r.Article == nil && r.Err == nil && r.Warn == "" {
			t.Errorf("result must have exactly one of Article/Err, or only Warn: %+v", r)
		}
		out = append(out, r)
		return nil
	})
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	return out
}

func check(t *testing.T, got []Result, wants []want) {
	t.Helper()
	if len(got) != len(wants) {
		for _, r := range got {
			if r.Err != nil {
				t.Logf("err: %v", r.Err)
			} else if r.Article == nil {
				t.Logf("notice: %s", r.Warn)
			} else {
				t.Logf("article %s from %q warn %q", r.Article.ID, r.Article.PublishedFrom, r.Warn)
			}
		}
		t.Fatalf("got %d results, want %d", len(got), len(wants))
	}
	for i, w := range wants {
		r := got[i]
		if w.err != "" {
			if r.Err == nil || !strings.Contains(r.Err.Error(), w.err) {
				t.Errorf("#%d: err = %v, want %q", i, r.Err, w.err)
			}
			continue
		}
		if r.Err != nil {
			t.Errorf("#%d: unexpected error %v", i, r.Err)
			continue
		}
		if r.Article == nil || w.id == "" {
			if r.Article != nil || w.id != "" || !strings.Contains(r.Warn, w.warn) {
				t.Errorf("#%d: got article %v warn %q, want notice %q", i, r.Article, r.Warn, w.warn)
			}
			continue
		}
		a := r.Article
		pub := ""
		if a.HasPublished() {
			pub = a.Published.Format("2006-01-02T15:04")
		}
		if a.ID != w.id || a.PublishedFrom != w.from || pub != w.published || a.PublishedHasTime != w.hasTime {
			t.Errorf("#%d: got id=%q from=%q published=%q hasTime=%v, want %+v", i, a.ID, a.PublishedFrom, pub, a.PublishedHasTime, w)
		}
		if (w.warn == "") != (r.Warn == "") || !strings.Contains(r.Warn, w.warn) {
			t.Errorf("#%d: warn = %q, want %q", i, r.Warn, w.warn)
		}
	}
}

const noDate = "no publication date"

func TestRead(t *testing.T) {
	flag := time.Date(2014, 4, 1, 0, 0, 0, 0, time.UTC)
	td := func(name string) string { return filepath.Join("testdata", name) }
	tests := []struct {
		name   string
		inputs []string
		opts   Options
		wants  []want
	}{
		{"front matter", []string{td("fm.md")}, Options{}, []want{{id: "fm-1", from: "front matter", published: "2014-02-20T00:00"}}},
		{"front matter CRLF datetime", []string{td("fm_crlf.md")}, Options{}, []want{{id: "crlf", from: "front matter", published: "2022-04-09T19:36", hasTime: true}}},
		{"front matter date alias", []string{td("fm_date.md")}, Options{}, []want{{id: "alias", from: "front matter", published: "2022-04-09T19:36", hasTime: true}}},
		{"jsonl date aliases, published first", []string{td("alias.jsonl")}, Options{}, []want{
			{id: "n1", from: "jsonl", published: "2022-04-05T18:59", hasTime: true},
			{id: "n2", from: "jsonl", published: "2014-03-17T00:00"},
		}},
		{"manifest date aliases", []string{td("aliasmanifest")}, Options{}, []want{
			{id: "x", from: "manifest", published: "2014-04-09T00:00"},
			{id: "y", from: "manifest", published: "2014-03-31T10:37", hasTime: true},
		}},
		{"front matter bad YAML", []string{td("fm_bad.md")}, Options{}, []want{{err: "fm_bad.md:3: invalid front matter"}}},
		{"front matter wrong type", []string{td("fm_type.md")}, Options{}, []want{{err: "fm_type.md:2: invalid front matter"}}},
		{"front matter not a mapping", []string{td("fm_notmap.md")}, Options{}, []want{{err: "fm_notmap.md:2: invalid front matter: not a YAML mapping"}}},
		{"front matter unclosed", []string{td("fm_unclosed.md")}, Options{}, []want{{err: "fm_unclosed.md:1: front matter not closed"}}},
		{"front matter only", []string{td("fm_empty_body.md")}, Options{}, []want{{err: "empty article"}}},
		{"unparseable published falls back to dateline", []string{td("fm_badpub.md")}, Options{},
			[]want{{id: "badpub", from: "dateline", published: "2014-03-31T10:37", hasTime: true, warn: `"sometime soon"`}}},
		{"dateline with extra words", []string{td("dateline.txt")}, Options{}, []want{{id: "dateline", from: "dateline", published: "2014-03-31T10:37", hasTime: true}}},
		{"date inside a sentence is not a dateline", []string{td("nodate.txt")}, Options{}, []want{{id: "nodate", warn: noDate}}},
		{"flag fallback", []string{td("nodate.txt")}, Options{Published: flag}, []want{{id: "nodate", from: "flag", published: "2014-04-01T00:00"}}},
		{"dateline beats flag", []string{td("dateline.txt")}, Options{Published: flag}, []want{{id: "dateline", from: "dateline", published: "2014-03-31T10:37", hasTime: true}}},
		{"empty", []string{td("empty.txt")}, Options{}, []want{{err: "empty.txt: empty article"}}},
		{"invalid UTF-8", []string{td("invalid_utf8.txt")}, Options{}, []want{{err: "invalid_utf8.txt: not valid UTF-8 at byte 12"}}},
		{"binary", []string{td("binary.txt")}, Options{}, []want{{err: "binary.txt: binary data (NUL byte at byte 3)"}}},
		{"missing path", []string{td("nope.txt"), td("fm.md")}, Options{}, []want{{err: "nope.txt: no such file"}, {id: "fm-1", from: "front matter", published: "2014-02-20T00:00"}}},
		{"too large", []string{td("fm.md")}, Options{MaxBytes: 50}, []want{{err: "over the 50-byte limit"}}},
		{"duplicate ids", []string{td("dup_a.md"), td("dup_b.md"), td("dup_a.md")}, Options{}, []want{
			{id: "same", warn: noDate},
			{err: "dup_b.md: duplicate article id same, first from testdata/dup_a.md"},
			{err: "dup_a.md: duplicate article id same"},
		}},
		{"jsonl", []string{td("articles.jsonl")}, Options{}, []want{
			{id: "j1", from: "jsonl", published: "2014-03-18T00:00"},
			{err: "articles.jsonl:2: not a valid JSON article"},
			{err: `articles.jsonl:3: no "text" field`},
			{id: "17", warn: noDate},
			{id: "articles-6", warn: `jsonl published "whenever"`},
			{err: "articles.jsonl:7: empty article"},
			{id: "j8", from: "jsonl", published: "2022-04-05T18:59", hasTime: true},
		}},
		{"jsonl long line", []string{td("articles.jsonl")}, Options{MaxBytes: 80}, []want{
			{err: "articles.jsonl:1: line is over the 80-byte limit"},
			{err: "articles.jsonl:2: not a valid JSON article"},
			{err: `articles.jsonl:3: no "text" field`},
			{id: "17", warn: noDate},
			{id: "articles-6", warn: `jsonl published "whenever"`},
			{err: "articles.jsonl:7: empty article"},
			{id: "j8", from: "jsonl", published: "2022-04-05T18:59", hasTime: true},
		}},
		{"directory with manifest, sorted, recursive", []string{td("seeds")}, Options{}, []want{
			{id: "a", from: "manifest", published: "2014-04-09T00:00"},
			{id: "b", from: "manifest", published: "2014-03-31T10:37", hasTime: true},
			{id: "c", from: "dateline", published: "2014-04-02T00:00", warn: `manifest published "not a date"`},
			{id: "d", from: "front matter", published: "2014-05-03T00:00"},
		}},
		{"single file uses its directory's manifest", []string{td("seeds/b.txt")}, Options{}, []want{{id: "b", from: "manifest", published: "2014-03-31T10:37", hasTime: true}}},
		{"broken manifest reported once", []string{td("badmanifest"), td("badmanifest/x.txt")}, Options{}, []want{
			{err: "manifest.yaml:1: invalid manifest"},
			{id: "x", warn: noDate},
			{err: "duplicate article id x"},
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { check(t, collect(t, tc.inputs, tc.opts), tc.wants) })
	}
}

func TestArticleFields(t *testing.T) {
	rs := collect(t, []string{"testdata/fm.md", "testdata/seeds/b.txt"}, Options{})
	a := rs[0].Article
	data, _ := os.ReadFile("testdata/fm.md")
	if a.Title != "Truce crumbles in Kiev" || a.Source != "CNN" || a.URL != "http://example.com/a" || a.Path != "testdata/fm.md" {
		t.Errorf("front matter fields: %+v", a)
	}
	if string(data[a.TextOffset:]) != a.Text || !strings.HasPrefix(a.Text, "Opposition medics") {
		t.Errorf("TextOffset %d does not locate Text %q", a.TextOffset, a.Text)
	}
	b := rs[1].Article
	if b.Title != "US, Russia Disagree" || b.Source != "VOA" || b.URL != "http://example.com/b" || b.TextOffset != 0 {
		t.Errorf("manifest fields: %+v", b)
	}
	crlf := collect(t, []string{"testdata/fm_crlf.md"}, Options{})[0].Article
	if crlf.Text != "Body line one.\r\n" {
		t.Errorf("CRLF text not kept byte-identical: %q", crlf.Text)
	}
}

func TestStdin(t *testing.T) {
	defer func() { stdin = os.Stdin }()
	tests := []struct {
		in    string
		wants []want
	}{
		{"Headline\n2014-03-31\nBody.\n", []want{{id: "stdin", from: "dateline", published: "2014-03-31T00:00"}}},
		{"---\nid: s1\npublished: 2014-01-02\n---\nBody.\n", []want{{id: "s1", from: "front matter", published: "2014-01-02T00:00"}}},
		{"\n{\"text\": \"a\"}\n{\"text\": \"b\", \"id\": \"x\"}\n", []want{{id: "stdin-2", warn: noDate}, {id: "x", warn: noDate}}},
		{"   \n", []want{{err: "-: empty article"}}},
	}
	for _, tc := range tests {
		stdin = strings.NewReader(tc.in)
		check(t, collect(t, []string{"-"}, Options{}), tc.wants)
	}
}

func TestSymlinkLoop(t *testing.T) {
	dir := t.TempDir()
	sub := filepath.Join(dir, "sub")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(sub, "a.txt"), []byte("2014-03-31\nBody.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(dir, filepath.Join(sub, "loop")); err != nil {
		t.Skip("symlinks not supported:", err)
	}
	if err := os.Symlink(sub, filepath.Join(dir, "again")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "gone"), filepath.Join(dir, "broken.txt")); err != nil {
		t.Fatal(err)
	}
	got := collect(t, []string{dir}, Options{})
	check(t, got, []want{
		{err: "broken.txt: no such file"},
		{warn: filepath.Join(dir, "again", "loop") + ": directory already read as " + dir},
		{warn: filepath.Join(dir, "sub") + ": directory already read as " + filepath.Join(dir, "again")},
		{id: "a", from: "dateline", published: "2014-03-31T00:00"},
	})
}

func TestReadStops(t *testing.T) {
	stop := errors.New("stop")
	n := 0
	err := Read(context.Background(), []string{"testdata/seeds"}, Options{}, func(Result) error { n++; return stop })
	if !errors.Is(err, stop) || n != 1 {
		t.Errorf("emit error: got %v after %d results", err, n)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	n = 0
	err = Read(ctx, []string{"testdata/seeds"}, Options{}, func(Result) error { n++; return nil })
	if !errors.Is(err, context.Canceled) || n != 0 {
		t.Errorf("cancelled: got %v after %d results", err, n)
	}
}

func TestParsePublished(t *testing.T) {
	tests := []struct {
		in      string
		want    string // "" = error
		hasTime bool
	}{
		{"2014-04-09", "2014-04-09T00:00:00", false},
		{" 2014-03-31T10:37:00 ", "2014-03-31T10:37:00", true},
		{"2022-04-09T19:36:06+03:00", "2022-04-09T19:36:06", true}, // wall clock kept
		{"March 31, 2014 10:37 AM", "2014-03-31T10:37:00", true},
		{"31 March 2014", "2014-03-31T00:00:00", false},
		{"April 9", "", false},
		{"3.8 C", "", false},
		{"sometime", "", false},
		{"", "", false},
	}
	for _, tc := range tests {
		got, hasTime, err := ParsePublished(tc.in)
		if tc.want == "" {
			if err == nil {
				t.Errorf("ParsePublished(%q) = %v, want error", tc.in, got)
			}
			continue
		}
		if err != nil || got.Format("2006-01-02T15:04:05") != tc.want || hasTime != tc.hasTime || got.Location() != time.UTC {
			t.Errorf("ParsePublished(%q) = %v %v %v, want %s %v", tc.in, got, hasTime, err, tc.want, tc.hasTime)
		}
	}
}

func TestFindDateline(t *testing.T) {
	tests := []struct {
		text string
		want string // "" = none
	}{
		{"Scott Stearns\nMarch 31, 2014 10:37 AM\nBody.", "2014-03-31T10:37"},
		{"Monday, March 31, 2014\nBody.", "2014-03-31T00:00"},
		{"By John Smith | 31 Mar 2014\nBody.", "2014-03-31T00:00"},
		{"Posted: 2014-03-31\n", "2014-03-31T00:00"},
		{"He arrived in Paris on March 31, 2014.\n", ""},
		{"The meeting of March 31, 2014 in Paris between the two ministers\n", ""},
		{"3.8 C\nNew York\n", ""},
		{"Copyright 2014\n", ""}, // a year alone is no date
		{strings.Repeat("line\n", 15) + "March 31, 2014\n", ""},
	}
	for _, tc := range tests {
		got, _, ok := findDateline(tc.text)
		s := ""
		if ok {
			s = got.Format("2006-01-02T15:04")
		}
		if s != tc.want {
			t.Errorf("findDateline(%q) = %q, want %q", tc.text, s, tc.want)
		}
	}
}

func TestFindDatelineClock(t *testing.T) {
	tests := []struct{ text, want string }{
		{"March 31, 2014 10:37 PM\n", "2014-03-31T22:37"},
		{"Updated 9:05 PM ET, Mon March 31, 2014\n", "2014-03-31T21:05"},
		{"31 Mar 2014 10:37 GMT\n", "2014-03-31T10:37"},
		{"2014-03-31T10:37:00\n", "2014-03-31T10:37"},
	}
	for _, tc := range tests {
		got, hasTime, ok := findDateline(tc.text)
		if !ok || !hasTime || got.Format("2006-01-02T15:04") != tc.want {
			t.Errorf("findDateline(%q) = %v %v %v, want %s", tc.text, got, hasTime, ok, tc.want)
		}
	}
}
