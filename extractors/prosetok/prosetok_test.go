package prosetok

import (
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jdkato/prose/v2"
)

func proseTokens(s string) []string {
	d, err := prose.NewDocument(s, prose.WithSegmentation(false), prose.WithTagging(false), prose.WithExtraction(false))
	if err != nil {
		return nil
	}
	var out []string
	for _, t := range d.Tokens() {
		out = append(out, t.Text)
	}
	return out
}

func check(t *testing.T, s string) {
	t.Helper()
	got := Tokenize(s, nil) // never panics
	var want []string
	func() {
		defer func() {
			if recover() != nil { // prose panics on some invalid UTF-8
				want = got
			}
		}()
		want = proseTokens(s)
	}()
	if strings.Join(got, "\x00") != strings.Join(want, "\x00") || len(got) != len(want) {
		t.Errorf("Tokenize(%q)\n got %q\nwant %q", s, got, want)
	}
}

var odd = []string{
	"", " ", "U.S. Secretary of State John Kerry met Mr. Lavrov on Feb. 24.",
	"“We don't know,” Peskov said. They'll see; I'm sure we're fine (really!) [sic] $100 'quoted'",
	"'s 's n't n'T 'LL ''s a's", "Email bob@example.com or www.example.com/x :-) :) (-8 xD -__- O.o",
	"e.g. i.e. A.B.C. Jan. St. Mrs. Gen. U.S.-led", "((\"[$$5]\"))", "İstanbul's İ'S DON'T",
	"&rsquo;s here&rsquo;", "...!!!???", "a\u00a0b\u2003c\td\ne", "\xff\xfe bad \xff.", "‘Dialogue, not force’",
	strings.Repeat("x,", 20) + strings.Repeat(")", 12), "!!!!!!!!!!!!x!!!!!!!!!!!!",
}

// The tokens are prose's, exactly.
func TestSameTokensAsProse(t *testing.T) {
	for _, s := range odd {
		check(t, s)
	}
	files, _ := filepath.Glob("../../testdata/seeds/*.txt")
	if len(files) == 0 {
		t.Fatal("no sample articles")
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		check(t, string(data))
	}
}

// Random mixes of the troublesome pieces.
func TestSameTokensAsProseRandom(t *testing.T) {
	pieces := []string{"a", "B", "'s", "'", "n't", "'ll", "$", "(", ")", "\"", "[", "]", ".", ",", "!", "?", ":", ";",
		"U.S.", "Mr.", ":-)", "xD", "“", "”", "‘", "’", "&rsquo;", "é", "İ", " ", " ", "\n", "3", "-", "’s"}
	rng := rand.New(rand.NewSource(1))
	for range 3000 {
		var b strings.Builder
		for range 1 + rng.Intn(12) {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		check(t, b.String())
	}
}

func FuzzSameTokensAsProse(f *testing.F) {
	for _, s := range odd {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { check(t, s) })
}

func BenchmarkTokenize(b *testing.B) {
	data, err := os.ReadFile("../../testdata/seeds/000_031727c20054018d.txt")
	if err != nil {
		b.Fatal(err)
	}
	var out []string
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		out = Tokenize(string(data), out[:0])
	}
}

func BenchmarkProseTokenize(b *testing.B) {
	data, err := os.ReadFile("../../testdata/seeds/000_031727c20054018d.txt")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		proseTokens(string(data))
	}
}
