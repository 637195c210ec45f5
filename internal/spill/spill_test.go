package spill

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unsafe"

	"github.com/timeline-news/timeline/model"
)

func mentions(n int) []model.Mention {
	var ms []model.Mention
	for i := range n {
		ms = append(ms, model.Mention{
			Article: fmt.Sprintf("a%d", i), Sentence: strings.Repeat("word ", i%50) + "é\n\"quoted\"",
			SentenceIndex: i, Start: i * 10, End: i*10 + 5, Trigger: "met", Type: "meeting",
			Actors: []string{"Sergei Lavrov"}, Date: "2014-04-17",
			Time:  model.TimeRef{Text: "Thursday", Type: "DATE", Value: "2014-04-17", Via: "own", Start: 3, End: 11},
			Roles: map[string]string{"Sergei Lavrov": "Foreign Minister"},
		})
		if i%3 == 0 {
			ms[i].Actors, ms[i].Roles = nil, nil
			ms[i].Places = []string{"Geneva"}
		}
	}
	return ms
}

// Mentions come back as they went in, in any order, whether the store
// stays in memory or spills to a file part way.
func TestRoundTrip(t *testing.T) {
	for _, limit := range []int{-1, 0, 5000, DefaultLimit} {
		t.Run(fmt.Sprint(limit), func(t *testing.T) {
			s := New(t.TempDir(), limit)
			defer s.Close()
			ms := mentions(300)
			for i := range ms {
				if err := s.Put(&ms[i]); err != nil {
					t.Fatal(err)
				}
			}
			if want := limit >= 0 && limit < 10000; s.Spilled() != want {
				t.Errorf("spilled %v, want %v (%d bytes in memory)", s.Spilled(), want, s.MemBytes())
			}
			if s.Len() != len(ms) {
				t.Errorf("Len %d, want %d", s.Len(), len(ms))
			}
			for _, i := range rand.New(rand.NewPCG(1, 2)).Perm(len(ms)) {
				got, err := s.Mention(i)
				if err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(got, ms[i]) {
					t.Fatalf("mention %d:\n got %+v\nwant %+v", i, got, ms[i])
				}
			}
			if _, err := s.Mention(len(ms)); err == nil {
				t.Error("a mention past the end gave no error")
			}
		})
	}
}

// A mention kept in memory shares no string with the one put: it must not
// pin the article its sentence was cut from. Every string field of
// model.Mention, found by reflection, so that a new field is not missed.
func TestCloneOwnsItsStrings(t *testing.T) {
	text := strings.Repeat("x", 4096)
	var m model.Mention
	at := 0
	var fill func(v reflect.Value)
	fill = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.String:
			v.SetString(text[at : at+3])
			at += 3
		case reflect.Struct:
			for i := range v.NumField() {
				fill(v.Field(i))
			}
		case reflect.Slice:
			if v.Type().Elem().Kind() == reflect.String {
				v.Set(reflect.ValueOf([]string{text[at : at+2]}))
				at += 2
			}
		case reflect.Map:
			v.Set(reflect.ValueOf(map[string]string{text[at : at+2]: text[at+2 : at+4]}))
			at += 4
		}
	}
	fill(reflect.ValueOf(&m).Elem())
	c := clone(&m)
	if !reflect.DeepEqual(c, m) {
		t.Fatal("the clone differs")
	}
	inText := func(s string) bool {
		p := uintptr(unsafe.Pointer(unsafe.StringData(s)))
		base := uintptr(unsafe.Pointer(unsafe.StringData(text)))
		return p >= base && p < base+uintptr(len(text))
	}
	var check func(path string, v reflect.Value)
	check = func(path string, v reflect.Value) {
		switch v.Kind() {
		case reflect.String:
			if inText(v.String()) {
				t.Errorf("%s still points into the article", path)
			}
		case reflect.Struct:
			for i := range v.NumField() {
				check(path+"."+v.Type().Field(i).Name, v.Field(i))
			}
		case reflect.Slice:
			for i := range v.Len() {
				check(fmt.Sprintf("%s[%d]", path, i), v.Index(i))
			}
		case reflect.Map:
			for _, k := range v.MapKeys() {
				check(path+" key", k)
				check(path+" value", v.MapIndex(k))
			}
		}
	}
	check("Mention", reflect.ValueOf(c))
}

// The file is gone once the store is closed, and nothing is left in its
// directory even while it is open where the system allows unlinking.
func TestNoFileLeft(t *testing.T) {
	dir := t.TempDir()
	s := New(dir, 0)
	ms := mentions(10)
	for i := range ms {
		if err := s.Put(&ms[i]); err != nil {
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
	err := s.Put(&m)
	if err == nil || !strings.Contains(err.Error(), "missing") {
		t.Fatalf("got %v, want an error naming the directory", err)
	}
	if err2 := s.Put(&m); err2 == nil {
		t.Error("a later Put succeeded after a failed one")
	}
	if _, err := os.Stat(dir); err == nil {
		t.Error("directory created")
	}
}
