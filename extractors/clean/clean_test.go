package clean

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/timeline-news/timeline/model"
	"github.com/timeline-news/timeline/rules"
)

func newCleaner(t testing.TB) *Cleaner {
	t.Helper()
	c, err := Compile(loadRules(t).Clean)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func cleanText(c *Cleaner, text string) *model.Document {
	doc := &model.Document{Article: model.Article{Text: text}}
	c.Clean(doc)
	return doc
}

// kept returns the text of the kept blocks of the given kinds.
func kept(doc *model.Document, kinds ...model.BlockKind) string {
	var b strings.Builder
	for _, bl := range doc.Blocks {
		for _, k := range kinds {
			if bl.Kind == k {
				b.WriteString(doc.Article.Text[bl.Start:bl.End])
				b.WriteByte('\n')
			}
		}
	}
	return b.String()
}

// Forbidden strings (from the gold chronology) and gold evidence for each seed.
var forbidden = []string{"Peshawar", "Aceh", "Pakistani Taliban", "Dresden", "Shinzo Abe", "Nuba", "Sydney",
	"jerry k", "JohnWV", "Nexus789", "Sign up for our weekly newsletter", "Find Al Jazeera America",
	"RFE/RL journalists", "please wait", "16x9 Image", "Accessibility links", "Comment Sorting", "Featured Videos"}

var evidence = map[string][]string{
	"000": {"Yanukovych", "takeover of Crimea", "Sunday", "banner", "accused Russia of orchestrating", "barricades", "56",
		"Avakov", "Pyatt", "Lavrov", "Nuland", "told Western powers", "next week"},
	"001": {"Yanukovych", "annexed", "Sunday", "56", "Avakov", "Lavrov", "Nuland", "next week"},
	"002": {"Odesa", "OSCE observers", "Burkhalter", "resumed", "foreign interference", "Peskov"},
	"003": {"Paris", "NATO foreign ministers"},
	"004": {"Poroshenko", "150,000", "Feb", "last week", "Chernihiv", "Saturday", "Erdogan", "third round",
		"humanitarian corridors", "1.7 million", "share prices", "Thursday"},
}

func TestSeeds(t *testing.T) {
	c := newCleaner(t)
	files, _ := filepath.Glob("../../testdata/seeds/*.txt")
	if len(files) != 5 {
		t.Fatalf("want 5 seeds, found %d", len(files))
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		id := filepath.Base(f)[:3]
		doc := cleanText(c, string(data))
		all := kept(doc, model.BlockBody, model.BlockCaption, model.BlockHeading)
		for _, s := range forbidden {
			if strings.Contains(all, s) {
				t.Errorf("%s: forbidden %q kept", id, s)
			}
		}
		prose := strings.ToLower(kept(doc, model.BlockBody, model.BlockCaption))
		for _, s := range evidence[id] {
			if !strings.Contains(prose, strings.ToLower(s)) {
				t.Errorf("%s: evidence %q not kept as body/caption", id, s)
			}
		}
		checkSpans(t, doc)
		n := map[model.BlockKind]int{}
		for _, b := range doc.Blocks {
			n[b.Kind]++
		}
		rules := map[string]int{}
		for _, r := range doc.Removed {
			rules[r.Rule]++
		}
		t.Logf("%s: kept body=%d caption=%d heading=%d; dropped %v", id, n[model.BlockBody], n[model.BlockCaption], n[model.BlockHeading], rules)
	}
}

// checkSpans asserts that blocks and removals are in bounds, in order and
// disjoint.
func checkSpans(t *testing.T, doc *model.Document) {
	t.Helper()
	var spans []model.Span
	for _, b := range doc.Blocks {
		spans = append(spans, b.Span)
	}
	for _, r := range doc.Removed {
		if r.Rule == "" || r.Reason == "" {
			t.Errorf("removal without rule or reason: %+v", r)
		}
		for _, s := range spans {
			if s.Overlaps(r.Span) {
				t.Errorf("removal %+v overlaps block %+v", r.Span, s)
			}
		}
	}
	prev := 0
	for _, s := range spans {
		if s.Start < prev || s.End <= s.Start || s.End > len(doc.Article.Text) {
			t.Errorf("bad block span %+v (prev end %d, len %d)", s, prev, len(doc.Article.Text))
		}
		prev = s.End
	}
}

func TestRuleExamplesAreDropped(t *testing.T) {
	c := newCleaner(t)
	set := loadRules(t).Clean
	all := append(append(append([]*ruleRef{}, refs("line", set.Line)...), refs("block", set.Block)...), refs("boilerplate", set.Boilerplate)...)
	for _, r := range all {
		for _, ex := range r.match {
			doc := cleanText(c, "Kerry met Lavrov in Paris on Sunday.\n\n"+ex+"\n")
			if got := kept(doc, model.BlockBody, model.BlockCaption, model.BlockHeading); strings.Contains(got, ex) {
				t.Errorf("%s %s: example %q kept as %q", r.kind, r.id, ex, got)
			}
			if len(doc.Blocks) != 1 {
				t.Errorf("%s %s: the body line was lost: %+v", r.kind, r.id, doc.Blocks)
			}
		}
	}
}

type ruleRef struct {
	kind, id string
	match    []string
}

func refs(kind string, rs []*rules.CleanRule) []*ruleRef {
	out := make([]*ruleRef, len(rs))
	for i, r := range rs {
		out[i] = &ruleRef{kind: kind, id: r.ID, match: r.Examples.Match}
	}
	return out
}

func TestKinds(t *testing.T) {
	c := newCleaner(t)
	tests := []struct {
		line string
		want model.BlockKind
	}{
		{"Kerry, Lavrov Discuss Ukraine Crisis As Offensive Continues", model.BlockHeading},
		{"Odesa Deaths", model.BlockHeading},
		{"Troop pullback", model.BlockHeading},
		{"In other developments:", model.BlockHeading},
		{"Mr Lavrov is expected to meet Mr Kerry, EU foreign policy chief Catherine Ashton and Ukraine’s Foreign Minister Andriy Deshchytsia.", model.BlockBody},
		{"A view shows a residential building damaged by recent shelling, as Russia's invasion of Ukraine continues, in Chernihiv, Ukraine March 3, 2022", model.BlockCaption},
		{"Standoff continues in Luhansk as Russia, Ukraine and Western powers prepare for crunch talks next week", model.BlockCaption},
		{"\"Attempts to accuse Russia of a buildup of troops are unfounded.\"", model.BlockBody},
		{"  • 56 members of Ukraine’s security services held inside the Luhansk offices were allowed to leave following negotiations", model.BlockCaption},
	}
	for _, tt := range tests {
		doc := cleanText(c, tt.line)
		if len(doc.Blocks) != 1 {
			t.Errorf("%q: want one block, got %+v (removed %+v)", tt.line, doc.Blocks, doc.Removed)
			continue
		}
		if got := doc.Blocks[0].Kind; got != tt.want {
			t.Errorf("%q: kind %s, want %s", tt.line, got, tt.want)
		}
	}
}

func TestBulletExcludedAndWrappedLinesJoined(t *testing.T) {
	c := newCleaner(t)
	text := "  • Russian troops massed along the border\n\nThe talks in Geneva were\nexpected to last two days.\n"
	doc := cleanText(c, text)
	if len(doc.Blocks) != 2 {
		t.Fatalf("blocks %+v", doc.Blocks)
	}
	if got := text[doc.Blocks[0].Start:doc.Blocks[0].End]; got != "Russian troops massed along the border" {
		t.Errorf("bullet block %q", got)
	}
	if got := text[doc.Blocks[1].Start:doc.Blocks[1].End]; got != "The talks in Geneva were\nexpected to last two days." {
		t.Errorf("wrapped block %q", got)
	}
}

func TestBlockRulesStopAtEnd(t *testing.T) {
	c := newCleaner(t)
	text := "Kerry spoke.\n\nVideo\n\nVideo Turkey's Authoritarianism Dismays Western Allies\n\nThe Turkish government has been defiant.\nVideo\n\nVideo Aceh Rebuilt Decade After Tsunami\n\nA decade later the scars remain.\n"
	doc := cleanText(c, text)
	if got := kept(doc, model.BlockBody, model.BlockCaption, model.BlockHeading); got != "Kerry spoke.\n" {
		t.Errorf("kept %q", got)
	}
	if len(doc.Removed) != 2 {
		t.Errorf("want 2 teaser removals, got %+v", doc.Removed)
	}
}

func TestNoPanicOnOddInput(t *testing.T) {
	c := newCleaner(t)
	for _, text := range []string{"", "\n", "\n\n\n", " • ", "•", "\r\n\r\n", "Comments", "x\xff\xfe", "Related\n", "  -  \n- -"} {
		doc := cleanText(c, text)
		checkSpans(t, doc)
	}
}

func BenchmarkClean(b *testing.B) {
	c := newCleaner(b)
	var text strings.Builder
	files, _ := filepath.Glob("../../testdata/seeds/*.txt")
	for _, f := range files {
		data, _ := os.ReadFile(f)
		text.Write(data)
		text.WriteString("\n\n")
	}
	s := text.String()
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		cleanText(c, s)
	}
}
