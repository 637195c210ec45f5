package writer

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/timeline-news/timeline/model"
	"gopkg.in/yaml.v3"
)

func sample() *model.Timeline {
	m := model.Mention{
		Article: "000_031727c20054018d", Published: "2014-04-09",
		Sentence: "Pro-Russia activists <released> 56 people & left.", SentenceIndex: 3,
		Start: 10, End: 60, Trigger: "released", TriggerStart: 31, Type: "release",
		Actors: []string{"Pro-Russia activists"}, Date: "2014-04-09",
		Time: model.TimeRef{Text: "Wednesday", Type: "DATE", Value: "2014-04-09", Rule: "weekday", Via: "own", Start: 40, End: 49},
		Rule: "release-hostages",
	}
	return &model.Timeline{Events: []model.Event{
		{ID: "e1", Date: "2014-04-09", Precision: "day", Type: "release", Summary: "Activists release hostages in Luhansk",
			Actors: []string{"Pro-Russia activists"}, Places: []string{"Luhansk"}, Mentions: []model.Mention{m}},
		{ID: "e2", Date: "2014-04", Precision: "month", Type: "talks", Summary: "Talks in Vienna",
			Modality: "planned", Conflicts: []string{"e1"}, Mentions: []model.Mention{m}},
	}}
}

func decode(t *testing.T, format string, b []byte) *model.Timeline {
	t.Helper()
	var tl model.Timeline
	var err error
	switch format {
	case "yaml":
		err = yaml.Unmarshal(b, &tl)
	case "json":
		err = json.Unmarshal(b, &tl)
	case "jsonl":
		tl.Events = []model.Event{}
		for _, line := range strings.Split(strings.TrimSuffix(string(b), "\n"), "\n") {
			if line == "" {
				continue
			}
			var e model.Event
			if err = json.Unmarshal([]byte(line), &e); err != nil {
				break
			}
			tl.Events = append(tl.Events, e)
		}
	}
	if err != nil {
		t.Fatalf("decode %s: %v\n%s", format, err, b)
	}
	return &tl
}

func TestEncodeRoundTrip(t *testing.T) {
	for _, format := range Formats {
		for name, tl := range map[string]*model.Timeline{"sample": sample(), "empty": {}} {
			t.Run(format+"/"+name, func(t *testing.T) {
				var a, b bytes.Buffer
				if err := Encode(&a, format, tl); err != nil {
					t.Fatal(err)
				}
				if err := Encode(&b, format, tl); err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(a.Bytes(), b.Bytes()) {
					t.Fatal("two encodings differ")
				}
				got := decode(t, format, a.Bytes())
				if want := normalised(tl); !reflect.DeepEqual(normalised(got), want) {
					t.Errorf("round trip differs:\n got %+v\nwant %+v", got, want)
				}
			})
		}
	}
}

func TestEncodeShape(t *testing.T) {
	tests := []struct {
		format string
		tl     *model.Timeline
		want   []string // substrings, in order
		not    []string
	}{
		{"yaml", &model.Timeline{}, []string{"events: []\n"}, nil},
		{"yaml", nil, []string{"events: []\n"}, nil},
		{"json", &model.Timeline{}, []string{"{\n  \"events\": []\n}\n"}, nil},
		{"jsonl", &model.Timeline{}, nil, []string{"\n"}},
		{"yaml", sample(), []string{"events:\n  - id: e1\n    date: \"2014-04-09\"\n    precision: day\n", "    actors:\n      - Pro-Russia activists\n"}, []string{"modality: \"\""}},
		{"json", sample(), []string{"\"id\": \"e1\",\n      \"date\": \"2014-04-09\",\n      \"precision\": \"day\"", "<released> 56 people & left.", "\"places\": []"}, []string{`\u003c`, `\u0026`, "null"}},
		{"jsonl", sample(), []string{`{"id":"e1","date":"2014-04-09",`, "}\n{\"id\":\"e2\""}, []string{"\n  "}},
	}
	for _, tc := range tests {
		var buf bytes.Buffer
		if err := Encode(&buf, tc.format, tc.tl); err != nil {
			t.Fatal(err)
		}
		out := buf.String()
		rest := out
		for _, w := range tc.want {
			i := strings.Index(rest, w)
			if i < 0 {
				t.Errorf("%s: missing (or out of order) %q in\n%s", tc.format, w, out)
				break
			}
			rest = rest[i+len(w):]
		}
		for _, n := range tc.not {
			if strings.Contains(out, n) {
				t.Errorf("%s: unexpected %q in\n%s", tc.format, n, out)
			}
		}
		if tc.format == "jsonl" && tc.tl.Events != nil && strings.Count(out, "\n") != len(tc.tl.Events) {
			t.Errorf("jsonl: want %d lines, got\n%s", len(tc.tl.Events), out)
		}
	}
}

func TestEncodeUnknownFormat(t *testing.T) {
	if err := Encode(io.Discard, "xml", sample()); err == nil || !strings.Contains(err.Error(), "yaml, json, jsonl") {
		t.Fatalf("want unknown format error, got %v", err)
	}
}

func TestEncodeDoesNotMutate(t *testing.T) {
	tl := &model.Timeline{Events: []model.Event{{ID: "x"}}}
	if err := Encode(io.Discard, "json", tl); err != nil {
		t.Fatal(err)
	}
	if tl.Events[0].Actors != nil || tl.Events[0].Mentions != nil {
		t.Fatal("Encode changed its input")
	}
}

func dirEntries(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

func TestWriteFile(t *testing.T) {
	for _, format := range Formats {
		dir := t.TempDir()
		path := filepath.Join(dir, "out."+format)
		if err := WriteFile(path, format, sample()); err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		var want bytes.Buffer
		if err := Encode(&want, format, sample()); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want.Bytes()) {
			t.Errorf("%s: file differs from Encode output", format)
		}
		if names := dirEntries(t, dir); len(names) != 1 {
			t.Errorf("%s: want only the output file, got %v", format, names)
		}
		if fi, _ := os.Stat(path); fi.Mode().Perm()&0o044 == 0 {
			t.Errorf("%s: output not readable by others: %v", format, fi.Mode())
		}
	}
}

func TestWriteFileFailureLeavesNoTrace(t *testing.T) {
	const old = "previous content\n"
	boom := errors.New("boom")
	tests := []struct {
		name   string
		ctx    func() context.Context
		format string
		encode func(io.Writer) error
	}{
		{"encoder fails midway", context.Background, "json", func(w io.Writer) error {
			w.Write(bytes.Repeat([]byte("x"), 100<<10))
			return boom
		}},
		{"cancelled", func() context.Context {
			ctx, cancel := context.WithCancel(context.Background())
			cancel()
			return ctx
		}, "json", func(w io.Writer) error { return Encode(w, "json", sample()) }},
		{"unknown format", context.Background, "xml", func(w io.Writer) error { return nil }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "out.json")
			if err := os.WriteFile(path, []byte(old), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := writeFile(tc.ctx(), path, tc.format, tc.encode); err == nil {
				t.Fatal("want error")
			}
			if got, _ := os.ReadFile(path); string(got) != old {
				t.Errorf("existing file changed: %q", got)
			}
			if names := dirEntries(t, dir); len(names) != 1 {
				t.Errorf("temp file left: %v", names)
			}
		})
	}
}

func TestWriteFileUnwritableDir(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "no", "such", "out.yaml")
	if err := WriteFile(missing, "yaml", sample()); err == nil {
		t.Error("want error for missing directory")
	}
	if os.Geteuid() == 0 {
		t.Skip("root ignores directory permissions")
	}
	ro := filepath.Join(dir, "ro")
	if err := os.Mkdir(ro, 0o555); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(filepath.Join(ro, "out.yaml"), "yaml", sample()); err == nil {
		t.Error("want error for read-only directory")
	}
	if names := dirEntries(t, ro); len(names) != 0 {
		t.Errorf("temp file left: %v", names)
	}
}

func TestWriteFileStdout(t *testing.T) {
	var buf bytes.Buffer
	stdout = &buf
	defer func() { stdout = os.Stdout }()
	if err := WriteFile("-", "yaml", &model.Timeline{}); err != nil {
		t.Fatal(err)
	}
	if buf.String() != "events: []\n" {
		t.Errorf("stdout got %q", buf.String())
	}
}

func TestCheckWritable(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		path    string
		wantErr string
	}{
		{filepath.Join(dir, "out.yaml"), ""},
		{file, ""}, // overwriting an existing file is fine
		{"-", ""},
		{"", "empty output path"},
		{filepath.Join(dir, "missing", "out.yaml"), "no such file or directory"},
		{filepath.Join(file, "out.yaml"), "not a directory"},
		{dir, "is a directory"},
	}
	for _, tc := range tests {
		err := CheckWritable(tc.path)
		switch {
		case tc.wantErr == "" && err != nil:
			t.Errorf("CheckWritable(%q) = %v, want nil", tc.path, err)
		case tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)):
			t.Errorf("CheckWritable(%q) = %v, want %q", tc.path, err, tc.wantErr)
		}
	}
	if names := dirEntries(t, dir); len(names) != 1 {
		t.Errorf("CheckWritable left files: %v", names)
	}
	if os.Geteuid() != 0 {
		ro := filepath.Join(dir, "ro")
		os.Mkdir(ro, 0o555)
		if err := CheckWritable(filepath.Join(ro, "x")); err == nil || !strings.Contains(err.Error(), "not writable") {
			t.Errorf("read-only dir: got %v", err)
		}
	}
}

// normalised is a copy of tl with the lists Encode writes as [] made empty.
func normalised(tl *model.Timeline) *model.Timeline {
	out := &model.Timeline{Events: []model.Event{}}
	if tl != nil {
		for _, e := range tl.Events {
			normalise(&e)
			out.Events = append(out.Events, e)
		}
	}
	return out
}

// wholeDocument encodes the timeline in one go, as yaml.v3 and encoding/json
// do: what Stream, which writes one event at a time, must reproduce.
func wholeDocument(t *testing.T, format string, tl *model.Timeline) []byte {
	t.Helper()
	var buf bytes.Buffer
	switch format {
	case "yaml":
		enc := yaml.NewEncoder(&buf)
		enc.SetIndent(2)
		if err := enc.Encode(tl); err != nil {
			t.Fatal(err)
		}
		enc.Close()
	case "json":
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(tl); err != nil {
			t.Fatal(err)
		}
	default:
		for i := range tl.Events {
			enc := json.NewEncoder(&buf)
			enc.SetEscapeHTML(false)
			if err := enc.Encode(&tl.Events[i]); err != nil {
				t.Fatal(err)
			}
		}
	}
	return buf.Bytes()
}

func TestStreamIsWholeDocument(t *testing.T) {
	tricky := sample()
	tricky.Events[0].Summary = "two\nlines\n\nand a blank one, 'quotes' and \"more\": yes # not a comment"
	tricky.Events[0].Mentions[0].Sentence = "  leading spaces\n\ttab\n- dash: colon\n"
	tricky.Events[1].Conflicts = []string{"2014-02", "2014-03"}
	many := tricky.Events[0]
	many.ID = "e3"
	many.Mentions = append([]model.Mention{tricky.Events[0].Mentions[0]}, sample().Events[0].Mentions[0], tricky.Events[0].Mentions[0])
	tricky.Events = append(tricky.Events, many, model.Event{ID: "e4", Summary: "no mentions"})
	for _, format := range Formats {
		for name, tl := range map[string]*model.Timeline{"sample": sample(), "tricky": tricky, "empty": {}, "one": {Events: sample().Events[:1]}} {
			var got bytes.Buffer
			if err := Encode(&got, format, tl); err != nil {
				t.Fatal(err)
			}
			if want := wholeDocument(t, format, normalised(tl)); !bytes.Equal(got.Bytes(), want) {
				t.Errorf("%s/%s: streamed output differs from the whole document:\n--- got\n%s\n--- want\n%s", format, name, got.Bytes(), want)
			}
		}
	}
}

// A device or a named pipe is written into; a directory is refused.
func TestWriteFileDevice(t *testing.T) {
	if err := WriteFile(os.DevNull, "json", sample()); err != nil {
		t.Errorf("%s: %v", os.DevNull, err)
	}
	if err := WriteFile(t.TempDir(), "json", sample()); err == nil || !strings.Contains(err.Error(), "directory") {
		t.Errorf("a directory: %v, want an error naming it", err)
	}
}
