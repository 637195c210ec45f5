package pipeline

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/timeline-news/timeline/rules"
)

func compiled(t testing.TB) *Extractors {
	t.Helper()
	rs, err := rules.LoadDefault("")
	if err != nil {
		t.Fatal(err)
	}
	x, err := Compile(rs)
	if err != nil {
		t.Fatal(err)
	}
	return x
}

const seeds = "../testdata/seeds"

// Every event rule's examples hold, through the whole per-article pipeline.
func TestEventRuleExamples(t *testing.T) {
	for _, err := range compiled(t).CheckEventExamples() {
		t.Error(err)
	}
}

// The timeline does not depend on the number of workers.
func TestRunDeterministicAcrossWorkers(t *testing.T) {
	x := compiled(t)
	var first *Result
	for _, w := range []int{1, 2, 8} {
		res, err := x.Run(context.Background(), []string{seeds}, Config{Workers: w})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Timeline.Events) == 0 {
			t.Fatal("no events from the sample")
		}
		if first == nil {
			first = res
			continue
		}
		if !reflect.DeepEqual(first.Timeline, res.Timeline) {
			t.Fatalf("workers=%d gives another timeline", w)
		}
	}
}

// A bad input is reported with its path and reason; the good ones still
// come out, and the error says something failed.
func TestRunContinuesPastBadInput(t *testing.T) {
	dir := t.TempDir()
	good := "Kerry and Lavrov met in Paris on March 30, 2014, to discuss the crisis."
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), []byte(good), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "b.txt"), []byte("bad \xff\xfe utf8"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "c.txt"), []byte("   \n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var reported []string
	res, err := compiled(t).Run(context.Background(), []string{dir, filepath.Join(dir, "missing.txt")}, Config{
		OnError: func(err error) { reported = append(reported, err.Error()) },
	})
	if !errors.Is(err, ErrSomeFailed) {
		t.Fatalf("err = %v, want ErrSomeFailed", err)
	}
	if res.Articles != 1 || res.Failed != 3 {
		t.Errorf("articles %d failed %d, want 1 and 3", res.Articles, res.Failed)
	}
	if len(res.Timeline.Events) == 0 || res.Timeline.Events[0].Date != "2014-03-30" {
		t.Errorf("the good article's meeting is missing: %+v", res.Timeline.Events)
	}
	want := []string{"b.txt", "c.txt", "missing.txt"}
	if len(reported) != len(want) {
		t.Fatalf("reported %q", reported)
	}
	for i, w := range want {
		if !strings.Contains(reported[i], w) {
			t.Errorf("report %d = %q, want it to name %s (in input order)", i, reported[i], w)
		}
	}
}

// Cancelling the context stops the run and returns the context's error.
func TestRunCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := compiled(t).Run(ctx, []string{seeds}, Config{})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
}

func BenchmarkProcessSeeds(b *testing.B) {
	x := compiled(b)
	arts := loadSeeds(b)
	var n int64
	for _, a := range arts {
		n += int64(len(a.Text))
	}
	b.SetBytes(n)
	b.ResetTimer()
	for range b.N {
		for _, a := range arts {
			if _, err := x.Process(a); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// Streaming the events from mentions spilled to a file gives the timeline
// a batch held in memory gives, and leaves no file behind.
func TestStreamFromSpill(t *testing.T) {
	x := compiled(t)
	mem, err := x.Run(context.Background(), []string{seeds}, Config{SpillLimit: -1})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	res, err := x.Run(context.Background(), []string{seeds}, Config{Stream: true, SpillDir: dir, SpillLimit: 1})
	if err != nil {
		t.Fatal(err)
	}
	if res.Timeline != nil || !res.store.Spilled() {
		t.Fatalf("stream run: timeline %v, spilled %v", res.Timeline != nil, res.store.Spilled())
	}
	streamed, err := res.Chronology.Timeline()
	if err != nil {
		t.Fatal(err)
	}
	if err := res.Close(); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(mem.Timeline, streamed) {
		t.Error("the spilled, streamed timeline differs from the one held in memory")
	}
	if left, _ := filepath.Glob(filepath.Join(dir, "*")); len(left) > 0 {
		t.Errorf("left behind: %v", left)
	}
	if res.Mentions == 0 || res.Mentions < len(streamed.Events) {
		t.Errorf("%d mentions for %d events", res.Mentions, len(streamed.Events))
	}
}

// A spill that cannot be written fails the run with an error naming the
// place, instead of losing mentions.
func TestSpillFailure(t *testing.T) {
	x := compiled(t)
	dir := filepath.Join(t.TempDir(), "gone")
	_, err := x.Run(context.Background(), []string{seeds}, Config{Stream: true, SpillDir: dir, SpillLimit: 1})
	if err == nil || !strings.Contains(err.Error(), "gone") {
		t.Fatalf("got %v, want a spill error naming %s", err, dir)
	}
}
