package flow

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"
	"github.com/timeline-news/timeline/model"
	"github.com/timeline-news/timeline/pipeline"
	"github.com/timeline-news/timeline/reader"
	"github.com/timeline-news/timeline/rules"
	"github.com/timeline-news/timeline/writer"
)

// TestMain runs the pipelines on prism (Beam's local portable runner) unless
// --runner says otherwise.
func TestMain(m *testing.M) { ptest.Main(m) }

const seeds = "../../testdata/seeds"

// jsonLine is the JSON Lines form of an article, as reader reads it.
type jsonLine struct {
	ID        string `json:"id"`
	Title     string `json:"title,omitempty"`
	Text      string `json:"text"`
	Published string `json:"published,omitempty"`
	URL       string `json:"url,omitempty"`
	Source    string `json:"source,omitempty"`
}

// seedShards converts testdata/seeds (with the manifest's dates) into two
// JSON Lines shards, then adds what a real corpus has too: a blank line, a
// broken line, an id already used in the other shard and a line with no id.
func seedShards(t *testing.T, dir string) []string {
	t.Helper()
	var lines []string
	err := reader.Read(context.Background(), []string{seeds}, reader.Options{}, func(r reader.Result) error {
		if r.Err != nil {
			return r.Err
		}
		a := r.Article
		j := jsonLine{ID: a.ID, Title: a.Title, Text: a.Text, URL: a.URL, Source: a.Source}
		switch {
		case !a.HasPublished():
		case a.PublishedHasTime:
			j.Published = a.Published.Format("2006-01-02T15:04:05")
		default:
			j.Published = a.Published.Format("2006-01-02")
		}
		b, err := json.Marshal(j)
		lines = append(lines, string(b))
		return err
	})
	if err != nil || len(lines) < 4 {
		t.Fatalf("seeds: %d articles, %v", len(lines), err)
	}
	half := len(lines) / 2
	shards := [][]string{
		lines[:half],
		append(append([]string{}, lines[half:]...), "", `{"id": "broken", "text": `, lines[0], `{"text": "Nothing to report.", "published": "2014-04-10"}`),
	}
	var paths []string
	for i, sh := range shards {
		p := filepath.Join(dir, fmt.Sprintf("shard-%d.jsonl", i))
		if err := os.WriteFile(p, []byte(strings.Join(sh, "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	return paths
}

// single is what the single-machine pipeline gives for the same inputs.
func single(t *testing.T, inputs []string) (*model.Timeline, []string) {
	t.Helper()
	rs, err := rules.LoadDefault("")
	if err != nil {
		t.Fatal(err)
	}
	x, err := pipeline.Compile(rs)
	if err != nil {
		t.Fatal(err)
	}
	var problems []string
	cfg := pipeline.Config{
		OnError: func(err error) { problems = append(problems, "error: "+err.Error()) },
		OnWarn:  func(w string) { problems = append(problems, "warning: "+w) },
	}
	res, err := x.Run(context.Background(), inputs, cfg)
	if err != nil && !errors.Is(err, pipeline.ErrSomeFailed) {
		t.Fatal(err)
	}
	sort.Strings(problems)
	return res.Timeline, problems
}

func encode(t *testing.T, tl *model.Timeline) string {
	t.Helper()
	var buf bytes.Buffer
	if err := writer.Encode(&buf, "json", tl); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func read(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestSameAsSingleMachine runs the Beam pipeline and the single-machine one
// on the same shards: the timelines must be byte-identical (same events,
// ids, dates, types, mentions, order), the problems the same, and each
// per-date shard must hold exactly that date's events.
func TestSameAsSingleMachine(t *testing.T) {
	dir := t.TempDir()
	inputs := seedShards(t, dir)
	want, wantProblems := single(t, inputs)
	if len(want.Events) < 20 {
		t.Fatalf("single-machine run gave only %d events: fixture broken?", len(want.Events))
	}
	if len(wantProblems) != 2 {
		t.Fatalf("fixture should give 2 failures, got %q", wantProblems)
	}

	// The shards are a faithful copy of the seeds: same timeline.
	if fromSeeds, _ := single(t, []string{seeds}); encode(t, fromSeeds) != encode(t, want) {
		t.Errorf("JSONL shards and testdata/seeds give different timelines")
	}

	out := filepath.Join(dir, "out", "tl")
	p, s := beam.NewPipelineWithRoot()
	if err := Build(s, Options{Inputs: []string{filepath.Join(dir, "shard-*.jsonl")}, Output: out, Format: "json"}); err != nil {
		t.Fatal(err)
	}
	if err := ptest.Run(p); err != nil {
		t.Fatalf("pipeline: %v", err)
	}
	paths := PathsOf(out, "json")

	if got := read(t, paths.Timeline); got != encode(t, want) {
		t.Errorf("Beam timeline differs from single-machine one\n got %d bytes\nwant %d bytes\n%s", len(got), len(encode(t, want)), firstDiff(got, encode(t, want)))
	}
	if got := strings.Split(strings.TrimSuffix(read(t, paths.Problems), "\n"), "\n"); strings.Join(got, "\n") != strings.Join(wantProblems, "\n") {
		t.Errorf("problems:\n got %q\nwant %q", got, wantProblems)
	}

	byDate := map[string][]string{}
	for _, e := range want.Events {
		d := e.Mentions[0].Date
		byDate[d] = append(byDate[d], e.ID)
	}
	files, _ := filepath.Glob(paths.Shards + "*.json")
	if len(files) != len(byDate) {
		t.Errorf("%d date shards, want %d", len(files), len(byDate))
	}
	for d, ids := range byDate {
		var tl model.Timeline
		if err := json.Unmarshal([]byte(read(t, paths.Shards+shardName(d)+".json")), &tl); err != nil {
			t.Fatalf("shard %s: %v", d, err)
		}
		var got []string
		for _, e := range tl.Events {
			got = append(got, e.ID)
		}
		sort.Strings(got)
		sort.Strings(ids)
		if strings.Join(got, " ") != strings.Join(ids, " ") {
			t.Errorf("shard %s: events %v, want %v", d, got, ids)
		}
	}
}

func firstDiff(a, b string) string {
	la, lb := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < min(len(la), len(lb)); i++ {
		if la[i] != lb[i] {
			return fmt.Sprintf("line %d:\n got %s\nwant %s", i+1, la[i], lb[i])
		}
	}
	return "one is a prefix of the other"
}

func TestBuildRejects(t *testing.T) {
	bad := t.TempDir()
	if err := os.WriteFile(filepath.Join(bad, "events.yaml"), []byte("types: [\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		o    Options
		want string
	}{
		{"no input", Options{Output: "x"}, "no input"},
		{"no output", Options{Inputs: []string{"a.jsonl"}}, "no output"},
		{"format", Options{Inputs: []string{"a.jsonl"}, Output: "x", Format: "xml"}, "unknown output format"},
		{"published", Options{Inputs: []string{"a.jsonl"}, Output: "x", Published: "someday"}, "published"},
		{"rules dir", Options{Inputs: []string{"a.jsonl"}, Output: "x", RulesDir: filepath.Join(bad, "nope")}, "rules directory"},
		{"bad rules", Options{Inputs: []string{"a.jsonl"}, Output: "x", RulesDir: bad}, "events.yaml"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, s := beam.NewPipelineWithRoot()
			err := Build(s, tc.o)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Build: %v, want an error containing %q", err, tc.want)
			}
		})
	}
}

func TestShardName(t *testing.T) {
	for in, want := range map[string]string{
		"2014-04-09": "2014-04-09", "2014-W15": "2014-W15", "2014-SU": "2014-SU",
		"": "_", "../x": "___x", "2014-04-09T10:00": "2014-04-09T10_00",
	} {
		if got := shardName(in); got != want {
			t.Errorf("shardName(%q) = %q, want %q", in, got, want)
		}
	}
}
