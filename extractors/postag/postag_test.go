package postag

import (
	"strings"
	"testing"

	"github.com/timeline-news/timeline/extractors/tokens"
)

func TestTagVerbsAndNouns(t *testing.T) {
	text := "Kerry and Lavrov met in Paris on Sunday to discuss the crisis."
	ss := tokens.SplitText(text)
	if len(ss) != 1 {
		t.Fatalf("%d sentences", len(ss))
	}
	New().Tag(text, &ss[0])
	tags := map[string]string{}
	for _, tok := range ss[0].Tokens {
		tags[tok.Text] = tok.Tag
	}
	for word, prefix := range map[string]string{"met": "VB", "crisis": "NN", "Paris": "NNP", "discuss": "VB"} {
		if !strings.HasPrefix(tags[word], prefix) {
			t.Errorf("%q tagged %q, want %s*", word, tags[word], prefix)
		}
	}
}

func TestTagOddInput(t *testing.T) {
	for _, text := range []string{"“Hello,” he said — ‘twice’.", "…", "a\x00b", "U.S. troops."} {
		for _, s := range tokens.SplitText(text) {
			New().Tag(text, &s) // must not panic
		}
	}
}
