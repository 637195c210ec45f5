package spill

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/timeline-news/timeline/model"
)

func mentions(n int) []model.Mention {
	var ms []model.Mention
	for i := range n {
		ms = append(ms, model.Mention{
			Article: fmt.Sprintf("a%d", i), Sentence: strings.Repeat("word ", i%50) + "é\n\"quoted\"",
			SentenceIndex: i, Start: i * 10, End: i*10 + 5, Trigger: "met", Type: "meeting",
			Actors: []string{"Sergei Lavrov"}, Date: "2014-04-17",
			Time: model.TimeRef{Text: "Thursday", Type: "DATE", Value: "2014-04-17", Via: "own", Start: 3, End: 11},
		})
		if i%3 == 0 {
			ms[i].Actors = nil
			ms[i].Places = []string{"Geneva"}
		}
	}
	return ms
}

// Mentions come back as they went in, in any order, whether the store
// stays in memory or spills to a file part way.
func TestRoundTrip(t *testing.T) {
	for _, limit := range []int{-1, 0, 700, DefaultLimit} {
		t.Run(fmt.Sprint(limit), func(t *testing.T) {
			s := New(t.TempDir(), limit)
			defer s.Close()
			ms := mentions(300)
			refs := make([]int64, len(ms))
			for i := range ms {
				ref, err := s.Put(&ms[i])
				if err != nil {
					t.Fatal(err)
				}
				refs[i] = ref
			}
			if want := limit >= 0 && limit < 10000; s.Spilled() != want {
				t.Errorf("spilled %v, want %v (%d bytes)", s.Spilled(), want, s.Size())
			}
			for _, i := range rand.New(rand.NewPCG(1, 2)).Perm(len(ms)) {
				got, err := s.Mention(refs[i])
				if err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(got, ms[i]) {
					t.Fatalf("mention %d:\n got %+v\nwant %+v", i, got, ms[i])
				}
			}
			if _, err := s.Mention(s.Size()); err == nil {
				t.Error("a reference past the end gave no error")
			}
		})
	}
}

// The file is gone once the store is closed, and nothing is left in its
// directory even while it is open where the system allows unlinking.
func TestNoFileLeft(t *testing.T) {
	dir := t.TempDir()
	s := New(dir, 0)
	ms := mentions(10)
	for i := range ms {
		if _, err := s.Put(&ms[i]); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	left, _ := filepath.Glob(filepath.Join(dir, "*"))
	if len(left) > 0 {
		t.Errorf("left behind: %v", left)
	}
}

// A directory that cannot take the file is an error naming it, from the
// Put that needed it and every one after.
func TestSpillError(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "missing")
	s := New(dir, 0)
	m := mentions(1)[0]
	_, err := s.Put(&m)
	if err == nil || !strings.Contains(err.Error(), "missing") {
		t.Fatalf("got %v, want an error naming the directory", err)
	}
	if _, err2 := s.Put(&m); err2 == nil {
		t.Error("a later Put succeeded after a failed one")
	}
	if _, err := os.Stat(dir); err == nil {
		t.Error("directory created")
	}
}
