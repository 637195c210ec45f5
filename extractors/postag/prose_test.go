package postag

import (
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jdkato/prose/v2"

	"github.com/timeline-news/timeline/extractors/tokens"
	"github.com/timeline-news/timeline/model"
)

// sentences of the bundled sample articles and of odd inputs.
func sampleSentences(t testing.TB) []string {
	t.Helper()
	files, err := filepath.Glob("../../testdata/seeds/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no sample articles: %v", err)
	}
	var out []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range tokens.SplitText(string(data)) {
			out = append(out, s.Text)
		}
	}
	return append(out,
		"the talks, the talks and the talks.", // repeated chunks share tags in prose
		"Email bob@example.com or visit www.example.com/x at 3.50 :-) -LRB- * 0 -- 1,000 2014 '90s",
		"“Hello,” he said — ‘twice’ at 10:30 p.m.", "'s 's n't", "Mr. O'Neill's well-known U.S.-led plan.")
}

// Random sentences from the sample's words, punctuation, repeated words
// (prose's shared tokens) and prose's special cases.
func randomSentences(t testing.TB, n int) []string {
	var words []string
	for _, s := range sampleSentences(t) {
		words = append(words, strings.Fields(s)...)
	}
	words = append(words, "-", ":-)", "0", "*", "-LRB-", "a@b.co", "www.x.org", "3.50", "'s", "n't", "U.S.", "“", "”", ",", ".")
	rng := rand.New(rand.NewSource(3))
	out := make([]string, n)
	for i := range out {
		var b strings.Builder
		for k := range 2 + rng.Intn(30) {
			if k > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(words[rng.Intn(len(words))])
		}
		out[i] = b.String()
	}
	return out
}

// Our tagger gives prose's own tags, token for token.
func TestSameTagsAsProse(t *testing.T) {
	pd, err := prose.NewDocument("x", prose.WithSegmentation(false), prose.WithExtraction(false))
	if err != nil {
		t.Fatal(err)
	}
	m := pd.Model
	tg := New()
	p := tg.load()
	if p == nil {
		t.Fatal("model did not load")
	}
	sc := new(scratch)
	for _, s := range append(sampleSentences(t), randomSentences(t, 500)...) {
		want, err := prose.NewDocument(s, prose.UsingModel(m), prose.WithSegmentation(false), prose.WithExtraction(false))
		if err != nil {
			t.Fatal(err)
		}
		proseTokens(s, sc)
		p.tag(sc.toks, sc)
		shareTags(sc)
		got := sc.toks
		wt := want.Tokens()
		if len(got) != len(wt) {
			t.Errorf("%q: %d tokens, prose %d", s, len(got), len(wt))
			continue
		}
		for i := range got {
			if got[i].text != wt[i].Text || got[i].tag != wt[i].Tag {
				t.Errorf("%q: token %d %s/%s, prose %s/%s", s, i, got[i].text, got[i].tag, wt[i].Text, wt[i].Tag)
			}
		}
	}
}

func TestFold(t *testing.T) {
	for in, want := range map[string]string{"‘a’": "'a'", "“b”": `"b"`, "``c''": `"c"`, "d": "d", "'''": `"'`} {
		if got := string(fold(nil, in)); got != want {
			t.Errorf("fold(%q) = %q, want %q", in, got, want)
		}
	}
}

func BenchmarkTag(b *testing.B) {
	var ss []model.Sentence
	var texts []string
	var n int64
	for _, s := range sampleSentences(b) {
		for _, x := range tokens.SplitText(s) {
			ss, texts = append(ss, x), append(texts, s)
		}
		n += int64(len(s))
	}
	tg := New()
	tg.load()
	b.SetBytes(n)
	for b.Loop() {
		for i := range ss {
			ss[i].Tokens[0].Tag = "" // tag again
			tg.Tag(texts[i], &ss[i])
		}
	}
}

func BenchmarkProseTag(b *testing.B) {
	ss := sampleSentences(b)
	var n int64
	for _, s := range ss {
		n += int64(len(s))
	}
	pd, _ := prose.NewDocument("x", prose.WithSegmentation(false), prose.WithExtraction(false))
	b.SetBytes(n)
	for b.Loop() {
		for _, s := range ss {
			prose.NewDocument(s, prose.UsingModel(pd.Model), prose.WithSegmentation(false), prose.WithExtraction(false))
		}
	}
}
