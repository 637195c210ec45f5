package main

import (
	"strings"
	"testing"
)

func TestGoldenExplain(t *testing.T) {
	cases := []struct {
		name string
		args []string
	}{
		// An event by a unique id prefix, so that the golden file survives
		// a change of the hash.
		{"explain-event.txt", []string{"--event", "2014-04-09-release"}},
		// A sentence with a dated event, an undated noun and a time
		// expression resolved against the publication date.
		{"explain-sentence.txt", []string{"--article", "000_031727c20054018d", "--sentence", "7"}},
		// The same sentence with the overlay: explain takes --rules too.
		{"explain-overlay.txt", []string{"--rules", overlayDir, "--event", "2022-03-03-meeting"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			args := append([]string{"explain", "--quiet"}, c.args...)
			out, errs, code := runCmd(t, append(args, editSeeds)...)
			if code != exitOK {
				t.Fatalf("exit %d: %s", code, errs)
			}
			golden(t, c.name, []byte(repoRel(out)))
		})
	}
}

func TestExplainSays(t *testing.T) {
	out, errs, code := runCmd(t, "explain", "--quiet", "--event", "2014-04-09-release", editSeeds)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"merge:", "starts the event", "joins", "cleaning:", "entities:", "time expressions:",
		"by rule weekday", "DCT Wed 2014-04-09", "rule allowed-to-leave", "dated by"} {
		if !strings.Contains(out, want) {
			t.Errorf("explain lacks %q", want)
		}
	}
}

func TestExplainUsage(t *testing.T) {
	for _, args := range [][]string{
		{"explain", editSeeds},
		{"explain", "--event", "x", "--article", "y", editSeeds},
		{"explain", "--article", "000_031727c20054018d", editSeeds},
		{"explain", "--event", "no-such-event", editSeeds},
		{"explain", "--event", "2014", editSeeds}, // ambiguous prefix
		{"explain", "--article", "nope", "--sentence", "1", editSeeds},
		{"explain", "--article", "000_031727c20054018d", "--sentence", "100000", editSeeds},
		{"explain", "--event", "x"},
	} {
		if _, _, code := runCmd(t, append(args, "--quiet")...); code != exitUsage {
			t.Errorf("%q: exit %d, want %d", args, code, exitUsage)
		}
	}
}
