package events

import (
	"slices"
	"testing"
)

func TestVerbForms(t *testing.T) {
	irregular := map[string][]string{"meet": {"met"}}
	for lemma, want := range map[string][]string{
		"seize":     {"seize", "seizes", "seized", "seizing"},
		"accuse":    {"accused"},
		"occupy":    {"occupies", "occupied", "occupying"},
		"meet":      {"met", "meets"},
		"plan":      {"planned", "planning"},
		"attack":    {"attacked", "attacks"},
		"pull back": {"pulled back"},
	} {
		got := verbForms(lemma, irregular)
		for _, w := range want {
			if !slices.Contains(got, w) {
				t.Errorf("verbForms(%q) = %v, missing %q", lemma, got, w)
			}
		}
	}
}

func TestNounForms(t *testing.T) {
	for noun, want := range map[string]string{"talk": "talks", "casualty": "casualties", "round of talks": "round of talks", "congress": "congresses", "humanitarian corridor": "humanitarian corridors", "crash": "crashes"} {
		if forms := nounForms(noun); forms[len(forms)-1] != want {
			t.Errorf("plural of %q = %q, want %q", noun, forms[len(forms)-1], want)
		}
	}
}

func TestDateOf(t *testing.T) {
	for v, want := range map[string][2]string{
		"2014":             {"2014", "year"},
		"2014-02":          {"2014-02", "month"},
		"2014-W16":         {"2014-W16", "week"},
		"2014-W08-WE":      {"2014-W08", "week"},
		"2014-WXX-WE":      {"", ""},
		"2014-04-09":       {"2014-04-09", "day"},
		"2014-05-03TMO":    {"2014-05-03", "day"},
		"2014-03-31T10:37": {"2014-03-31", "day"},
		"2014-Q1":          {"2014-Q1", "quarter"},
		"XXXX-02-24":       {"", ""},
		"PAST_REF":         {"", ""},
		"P2D":              {"", ""},
		"199":              {"", ""},
		"202":              {"", ""},
	} {
		d, p := DateOf(v)
		if d != want[0] || p != want[1] {
			t.Errorf("DateOf(%q) = %q, %q; want %q, %q", v, d, p, want[0], want[1])
		}
	}
}
