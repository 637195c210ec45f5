package events

import (
	"slices"
	"strings"
	"testing"

	"github.com/timeline-news/timeline/extractors/tokens"
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
		"2014-SU":          {"2014-SU", "season"},
		"2014-W18-WE":      {"2014-W18", "week"},
		"2014-05-04TNI":    {"2014-05-04", "day"},
		"1989-H2":          {"1989", "year"},
		"1989-WXX":         {"", ""},
		"2014-W18-XX":      {"", ""},
		"1989-H3":          {"", ""},
		"XXXX-WXX-WE":      {"", ""},
		"FUTURE_REF":       {"", ""},
		"P1Y":              {"", ""},
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

func TestPossessiveMarks(t *testing.T) {
	for text, want := range map[string]string{
		// a plural's possessive is no quotation mark
		"The United Nations’ top court said Wednesday that it found no evidence.": "the united nations s top court said wednesday that it found no evidence .",
		"The workers' union said it would strike.":                                "the workers s union said it would strike .",
		"The U.S.’ allies said so.":                                               "the u.s. s allies said so .",
		"The rebels’ ‘people’s republic’ was declared.":                           "the rebels s  people s republic  was declared .",
		// single quotation marks stay quotation marks
		"He said ‘we will not give up the cities’ on Monday.":                  "he said  we will not give up the cities  on monday .",
		"‘We will not give up the cities,’ the minister said.":                 " we will not give up the cities ,  the minister said .",
		"He said 'we will not give up the towns' and left.":                    "he said  we will not give up the towns  and left .",
		"‘The rebels’ leader has fled the city,’ she said.":                    " the rebels s leader has fled the city ,  she said .",
		"‘The talks are over for good and so are the rebels’ he said.":         " the talks are over for good and so are the rebels  he said .",
		"‘The talks are over,’ he said, and the rebels’ leader left the city.": " the talks are over ,  he said , and the rebels s leader left the city .",
		// other apostrophes and marks are untouched
		"Russia’s forces said the ‘referendum’ was over.": "russia s forces said the  referendum  was over .",
	} {
		ss := tokens.SplitText(text)
		if len(ss) != 1 {
			t.Fatalf("%q: %d sentences", text, len(ss))
		}
		if got := strings.Join(normTokens(&ss[0]), " "); got != want {
			t.Errorf("%q:\n got %q\nwant %q", text, got, want)
		}
	}
}
