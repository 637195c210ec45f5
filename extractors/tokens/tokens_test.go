package tokens

import (
	"os"
	"strings"
	"testing"
	"unicode"

	"github.com/timeline-news/timeline/model"
	"github.com/timeline-news/timeline/rules"
)

func texts(ss []model.Sentence) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = s.Text
	}
	return out
}

func TestSplitTextSentences(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"U.S. Secretary of State John Kerry met Mr Lavrov. The invasion launched on Feb. 24 has caused thousands of deaths.",
			[]string{"U.S. Secretary of State John Kerry met Mr Lavrov.", "The invasion launched on Feb. 24 has caused thousands of deaths."}},
		{"Kerry and Lavrov agreed, officials say.It comes as activists continue to occupy buildings.",
			[]string{"Kerry and Lavrov agreed, officials say.", "It comes as activists continue to occupy buildings."}},
		{"“These incidents bear all the hallmarks,” Ms Nuland said. The U.S. and Russia disagree.",
			[]string{"“These incidents bear all the hallmarks,” Ms Nuland said.", "The U.S. and Russia disagree."}},
		{"He left at 3 p.m. on Monday. Mr Kerry's aide said: \"We don't know.\"",
			[]string{"He left at 3 p.m. on Monday.", "Mr Kerry's aide said: \"We don't know.\""}},
		{"Odesa Deaths", []string{"Odesa Deaths"}},
		{"The analyst told Vox. NATO allies released a statement. Gen. Smith and Sen. Jones met in St. Petersburg on Feb. 24.",
			[]string{"The analyst told Vox.", "NATO allies released a statement.", "Gen. Smith and Sen. Jones met in St. Petersburg on Feb. 24."}},
		{"a strategic post in the Black Sea. Zelenskyy said at least 137 died. Rep. Steve Scalise (La.) said so.",
			[]string{"a strategic post in the Black Sea.", "Zelenskyy said at least 137 died.", "Rep. Steve Scalise (La.) said so."}},
		{"   ", nil},
	}
	for _, tt := range tests {
		got := texts(SplitText(tt.in))
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("SplitText(%q)\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
}

// The period of an abbreviation ends a sentence only before a word that
// clearly opens one; an unknown word with a period ends it before any
// capital.
func TestSplitAbbreviations(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		// No split: a title, a month, a suffix before a name, number or lower-case word.
		{"Capt. Smith and Prof. Jones met Supt. Brown, Insp. Gray and Cmdr. Lee.", nil},
		{"Lt. Col. Ivan Petrov, Sgt. Maj. Kuz and Adm. Grey spoke with Gov. Stone, Sen. Reed and Rep. Cole.", nil},
		{"Fr. Brown climbed Mt. Elbrus near Ft. Bragg on Sept. 11, Aug. 24 and Oct. 5.", nil},
		{"Gen. A. Smith spoke.", nil}, // "A." is an initial, not the article
		{"Acme Corp. officials and Ukraine vs. Russia talks, tanks, jets, etc. were listed.", nil},
		{"He met Jan. Smith at No. 10 on Dec. 5 and Nov. 3 with Co. Kerry officials.", nil},
		{"Sanctions were imposed by the U.S. Russia responded at 3 p.m. Monday.", nil},
		// Split: an abbreviation or initialism ending a sentence before a starter.
		{"He works for Apple Inc. The company said so.", []string{"He works for Apple Inc.", "The company said so."}},
		{"The meeting was held at the Co. It ended early.", []string{"The meeting was held at the Co.", "It ended early."}},
		{"Sanctions were imposed by the U.S. The EU followed.", []string{"Sanctions were imposed by the U.S.", "The EU followed."}},
		{"He left at 3 p.m. However, talks went on.", []string{"He left at 3 p.m.", "However, talks went on."}},
		{"It was signed in Sept. In October it failed.", []string{"It was signed in Sept.", "In October it failed."}},
		{"The talks ended on Dec. 5. A new round begins Jan. 10.", []string{"The talks ended on Dec. 5.", "A new round begins Jan. 10."}},
		{"He met Martin Luther King Jr. They spoke.", []string{"He met Martin Luther King Jr.", "They spoke."}},
		{"tanks, jets, etc. But none came.", []string{"tanks, jets, etc.", "But none came."}},
		// An unknown word with a period ends a sentence before any capital.
		{"He told Vox. NATO allies agreed.", []string{"He told Vox.", "NATO allies agreed."}},
	}
	for _, tt := range tests {
		want := tt.want
		if want == nil {
			want = []string{tt.in}
		}
		got := texts(SplitText(tt.in))
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("SplitText(%q)\n got %q\nwant %q", tt.in, got, want)
		}
	}
}

// A heading capitalises every word: "In" after "U.S." starts no sentence.
func TestHeadingKeepsAbbreviations(t *testing.T) {
	doc := lineBlocks("EU Follows U.S. In Imposing New Sanctions On Russia\nThe EU followed the U.S. In a statement, it said so.")
	doc.Blocks[0].Kind = model.BlockHeading
	Split(doc)
	want := []string{"EU Follows U.S. In Imposing New Sanctions On Russia", "The EU followed the U.S.", "In a statement, it said so."}
	if got := texts(doc.Sentences); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

// The splitter takes its rules: without "Capt." and with no starters, a
// captain's period ends the sentence and Inc. never does.
func TestCompileRules(t *testing.T) {
	sp, err := Compile(&rules.TokenRules{Abbreviations: []rules.WordGroup{{Name: "suffixes", Words: []string{"Inc."}}}})
	if err != nil {
		t.Fatal(err)
	}
	got := texts(sp.SplitText("Capt. Smith works for Apple Inc. The company said so."))
	want := []string{"Capt.", "Smith works for Apple Inc. The company said so."}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q\nwant %q", got, want)
	}
	if _, err := Compile(nil); err == nil {
		t.Error("Compile(nil) gives no error")
	}
}

func TestTokens(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"Mr Kerry's aide met U.S. envoys on Feb. 24.", "Mr|Kerry|'s|aide|met|U.S.|envoys|on|Feb.|24|."},
		{"‘Dialogue, not force’ was the message.", "‘|Dialogue|,|not|force|’|was|the|message|."},
		{"“We don't know,” Peskov said.", "“|We|do|n't|know|,|”|Peskov|said|."},
	}
	for _, tt := range tests {
		var got []string
		for _, s := range SplitText(tt.in) {
			for _, tk := range s.Tokens {
				got = append(got, tk.Text)
			}
		}
		if strings.Join(got, "|") != tt.want {
			t.Errorf("tokens(%q)\n got %s\nwant %s", tt.in, strings.Join(got, "|"), tt.want)
		}
	}
}

// checkCoverage asserts offsets index the text, sentences and tokens are
// ordered and disjoint, and every non-space byte of each block is in a token.
func checkCoverage(t *testing.T, doc *model.Document) {
	t.Helper()
	text := doc.Article.Text
	covered := make([]bool, len(text))
	prev := 0
	for i, s := range doc.Sentences {
		if s.Index != i || s.Start < prev || s.End > len(text) || s.Start >= s.End || text[s.Start:s.End] != s.Text {
			t.Fatalf("bad sentence %d: %+v", i, s.Span)
		}
		b := doc.Blocks[s.Block]
		if !b.Contains(s.Span) || s.Kind != b.Kind {
			t.Errorf("sentence %d %+v crosses block %+v", i, s.Span, b.Span)
		}
		prev = s.End
		tp := s.Start
		for _, tk := range s.Tokens {
			if tk.Start < tp || tk.End > s.End || tk.Start >= tk.End || text[tk.Start:tk.End] != tk.Text {
				t.Fatalf("bad token %+v in sentence %q", tk, s.Text)
			}
			tp = tk.End
			for k := tk.Start; k < tk.End; k++ {
				covered[k] = true
			}
		}
	}
	for _, b := range doc.Blocks {
		for k, r := range text[b.Start:b.End] {
			if !unicode.IsSpace(r) && !covered[b.Start+k] {
				t.Fatalf("byte %d (%q) of block %+v lost", b.Start+k, r, b.Span)
			}
		}
	}
}

// lineBlocks makes one body block per non-empty line.
func lineBlocks(text string) *model.Document {
	doc := &model.Document{Article: model.Article{Text: text}}
	start := 0
	for _, l := range strings.SplitAfter(text, "\n") {
		s, e := start, start+len(strings.TrimRight(l, "\n"))
		if strings.TrimSpace(text[s:e]) != "" {
			doc.Blocks = append(doc.Blocks, model.Block{Span: model.Span{Start: s, End: e}, Kind: model.BlockBody})
		}
		start += len(l)
	}
	return doc
}

func TestSplitArticle(t *testing.T) {
	data, err := os.ReadFile("testdata/article.txt")
	if err != nil {
		t.Fatal(err)
	}
	doc := lineBlocks(string(data))
	doc.Blocks[0].Kind = model.BlockHeading
	Split(doc)
	checkCoverage(t, doc)
	if len(doc.Sentences) < len(doc.Blocks) {
		t.Errorf("%d sentences for %d blocks", len(doc.Sentences), len(doc.Blocks))
	}
	if doc.Sentences[0].Kind != model.BlockHeading {
		t.Errorf("first sentence kind %s", doc.Sentences[0].Kind)
	}
	for _, s := range doc.Sentences {
		if strings.HasPrefix(s.Text, "24 ") {
			t.Errorf("sentence split after Feb.: %q", s.Text)
		}
	}
}

func TestSentencesNeverCrossBlocks(t *testing.T) {
	// The first block has no final punctuation: it is still its own sentence.
	text := "Kerry, Lavrov Discuss Ukraine Crisis\n\n  • 56 members of the security services were allowed to leave\n  • Putin suggested Gazprom should make Ukraine pay up front\nThe talks were held on Feb.\n24 in Geneva."
	doc := lineBlocks(text)
	Split(doc)
	checkCoverage(t, doc)
	if len(doc.Sentences) != len(doc.Blocks) {
		t.Errorf("want one sentence per block, got %q", texts(doc.Sentences))
	}
}

func TestOddInputNoPanic(t *testing.T) {
	for _, text := range []string{"", ".", "...", "\xff\xfe bad utf8 \xff.", "“”‘’", "a.b.c.d.e", "&rsquo;s here.", "Mr. . . Kerry", strings.Repeat("Ukraine. ", 50)} {
		doc := lineBlocks(text)
		Split(doc)
		checkCoverage(t, doc)
		SplitText(text)
	}
	// Bad block spans are skipped, not fatal.
	doc := &model.Document{Article: model.Article{Text: "abc"}, Blocks: []model.Block{{Span: model.Span{Start: 2, End: 9}}}}
	Split(doc)
}

func BenchmarkSplit(b *testing.B) {
	data, err := os.ReadFile("testdata/article.txt")
	if err != nil {
		b.Fatal(err)
	}
	doc := lineBlocks(string(data))
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		Split(doc)
	}
}

func TestInvalidUTF8KeepsOffsets(t *testing.T) {
	text := "Troops massed on the bord\xffer on Monday. Talks \xe2 began."
	ss := SplitText(text)
	if len(ss) != 2 {
		t.Fatalf("%d sentences, want 2", len(ss))
	}
	for _, s := range ss {
		if s.Text != text[s.Start:s.End] {
			t.Errorf("sentence %q is not the text at its offsets", s.Text)
		}
	}
}
