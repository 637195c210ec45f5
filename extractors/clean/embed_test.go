package clean

import (
	"os"
	"strings"
	"testing"

	"github.com/timeline-news/timeline/extractors/tokens"
	"github.com/timeline-news/timeline/model"
)

// readFixture returns the text of a testdata article without its front matter.
func readFixture(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	if strings.HasPrefix(s, "---\n") {
		if i := strings.Index(s[4:], "\n---\n"); i >= 0 {
			s = s[4+i+5:]
		}
	}
	return s
}

// The fixtures are made up in the shapes of embeds in scraped news: one post
// a line with its attribution, a post and its attribution on lines of their
// own, and pages flattened to one line where a post is only marked by its
// hashtags, handles, emoji or attribution.
func TestEmbedFixtures(t *testing.T) {
	c := newCleaner(t)
	tests := []struct {
		file       string
		drop, keep []string
	}{
		{"embed_lines.md",
			[]string{"Great talks with my colleague", "(@AnaRuizCL)", "Harbour closed until further notice", "We stand with our fishermen",
				"#FishingRights", "pic.twitter.com", "(@FishUnionCL)", "Thank you to every volunteer", "Posted by Coastal Watch"},
			[]string{"The foreign ministers of Norway and Chile met in Oslo on Friday", "The Chilean minister later wrote on Twitter:",
				"The port authority confirmed the closure:", "Fishermen blockaded the harbour entrance",
				`Ruiz tweeted: "Today I met @NorwayFM and we agreed on a plan."`, "The union's account, @FishUnionCL, was suspended",
				"The navy withdrew its patrol boats"}},
		{"embed_flat.md",
			[]string{"Big day", "Today I welcomed my friend", "We are starting a new chapter", "The storm hit our coast",
				"Since then, our towns", "is rebuilding", "Talks continue tomorrow", "#OceanTalks", "(@DailyCoastCL)"},
			[]string{"Norway's foreign minister arrived in Santiago", `"a lasting partnership between our two coasts."`,
				"The Norwegian government announced a new research grant", "according to the ministry.",
				"The minister also visited the port", "Local officials said the repairs would take a year.",
				"The docks are about 2 miles long", `Ruiz wrote on Instagram that the visit was "a gift to @NorwayFM and his team."`,
				`The mayor thanked the navy, saying its crews "worked day and night."`, "The ministers will sign the agreement on Sunday"}},
	}
	embedRule := map[string]bool{}
	for _, r := range append(append([]*ruleRef{}, refs("attribution", c.embed.Attribution)...), refs("marker", c.embed.Marker)...) {
		embedRule[r.id] = true
	}
	for _, tt := range tests {
		doc := cleanText(c, readFixture(t, tt.file))
		checkSpans(t, doc)
		all := kept(doc, model.BlockBody, model.BlockCaption, model.BlockHeading)
		for _, s := range tt.drop {
			if strings.Contains(all, s) {
				t.Errorf("%s: post text %q kept", tt.file, s)
			}
			found := false
			for _, r := range doc.Removed {
				if strings.Contains(doc.Article.Text[r.Start:r.End], s) {
					found = embedRule[r.Rule]
				}
			}
			if !found {
				t.Errorf("%s: %q not dropped by an embed rule", tt.file, s)
			}
		}
		for _, s := range tt.keep {
			if !strings.Contains(all, s) {
				t.Errorf("%s: prose %q not kept", tt.file, s)
			}
		}
		// the tokenizer sees no post text glued onto a kept sentence
		tokens.Split(doc)
		for _, s := range doc.Sentences {
			for _, d := range tt.drop {
				if strings.Contains(s.Text, d) {
					t.Errorf("%s: sentence %q holds post text %q", tt.file, s.Text, d)
				}
			}
		}
	}
}

// Each example a marker or attribution must match is dropped on a line of its
// own; an attribution alone on its line takes the paragraph above it (the
// post text), any other example leaves it.
func TestEmbedRuleExamplesAreDropped(t *testing.T) {
	c := newCleaner(t)
	const body = "Kerry met Lavrov in Paris on Sunday."
	for _, r := range append(refs("attribution", c.embed.Attribution), refs("marker", c.embed.Marker)...) {
		for _, ex := range r.match {
			doc := cleanText(c, body+"\n\n"+ex+"\n")
			if got := kept(doc, model.BlockBody, model.BlockCaption, model.BlockHeading); strings.Contains(got, ex) {
				t.Errorf("%s %s: example %q kept as %q", r.kind, r.id, ex, got)
			}
			only, attribution := c.residue(ex)
			if only && attribution {
				if len(doc.Blocks) != 0 {
					t.Errorf("%s %s: %q did not take the post text above it: %+v", r.kind, r.id, ex, doc.Blocks)
				}
			} else if len(doc.Blocks) != 1 {
				t.Errorf("%s %s: the body line was lost: %+v", r.kind, r.id, doc.Blocks)
			}
			checkSpans(t, doc)
		}
	}
}

// Prose that reports a post is news: kept even with a handle or hashtag.
func TestEmbedProseKept(t *testing.T) {
	c := newCleaner(t)
	for _, r := range refs("prose", c.embed.Prose) {
		for _, ex := range r.match {
			doc := cleanText(c, ex)
			if len(doc.Removed) != 0 || len(doc.Blocks) != 1 {
				t.Errorf("%s: %q: removed %+v", r.id, ex, doc.Removed)
			}
		}
	}
	for _, s := range []string{
		`Zelensky tweeted: "Today I met my friend @SomeLeader in Kyiv 🇺🇦."`, // quoted in running text
		`“Today I met my friend @SomeLeader,” the president wrote.`,
		"Write to press@ministry.gov or call the desk at 5pm.",
		"The team was ranked #1 in the world, officials confirmed on Monday.",
	} {
		if doc := cleanText(c, s); len(doc.Removed) != 0 {
			t.Errorf("%q: removed %+v", s, doc.Removed)
		}
	}
}

// An attribution line takes only the paragraph right above it, never a
// lead-in ending in a colon, a long paragraph, or one across other text.
func TestEmbedAttributionTakesOneParagraph(t *testing.T) {
	c := newCleaner(t)
	long := strings.Repeat("The talks went on for hours and ended late at night. ", 10)
	tests := []struct{ text, keep string }{
		{"Kerry met Lavrov.\n\nThe minister wrote:\n\n— Jane Roe (@janeroe) April 9, 2022\n", "The minister wrote:"},
		{"Kerry met Lavrov.\n\n" + long + "\n— Jane Roe (@janeroe) April 9, 2022\n", "The talks went on"},
		{"Kerry met Lavrov.\n\nGreat talks today!\n\nSurprise 😉\n— Jane Roe (@janeroe) April 9, 2022\n", "Great talks today!"},
	}
	for _, tt := range tests {
		doc := cleanText(c, tt.text)
		checkSpans(t, doc)
		got := kept(doc, model.BlockBody, model.BlockCaption, model.BlockHeading)
		if !strings.Contains(got, "Kerry met Lavrov.") || !strings.Contains(got, tt.keep) {
			t.Errorf("%q: kept %q", tt.text, got)
		}
		if strings.Contains(got, "@janeroe") {
			t.Errorf("%q: attribution kept", tt.text)
		}
	}
	// removals stay in text order when the post above is taken
	doc := cleanText(c, "Kerry met Lavrov.\n\nWe stand together.\n#peace\n— Jane Roe (@janeroe) April 9, 2022\n")
	for i := 1; i < len(doc.Removed); i++ {
		if doc.Removed[i].Start < doc.Removed[i-1].End {
			t.Errorf("removals out of order: %+v", doc.Removed)
		}
	}
	if got := kept(doc, model.BlockBody); got != "Kerry met Lavrov.\n" {
		t.Errorf("kept %q", got)
	}
}

// FuzzCleanEmbeds: whatever the text, blocks and removals stay in bounds, in
// order and disjoint.
func FuzzCleanEmbeds(f *testing.F) {
	for _, s := range []string{"Big day 😊  The grant was announced. Today I met @x in Riga.Then more.  End.",
		"A.\n\nWe stand.\n#a #b 🇨🇱\npic.twitter.com/Q\n— U (@u) May 5, 2023\n", "— U (@u) May 5, 2023", "@ab #cd 😊\n\n\n(@ab)"} {
		f.Add(s)
	}
	c := newCleaner(f)
	f.Fuzz(func(t *testing.T, text string) {
		doc := cleanText(c, text)
		checkSpans(t, doc)
		for i := 1; i < len(doc.Removed); i++ {
			if doc.Removed[i].Start < doc.Removed[i-1].End {
				t.Errorf("removals out of order: %+v", doc.Removed)
			}
		}
	})
}
