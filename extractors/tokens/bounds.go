package tokens

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/timeline-news/timeline/model"
)

// Punctuation classes of sentence segmentation (orthography, not
// vocabulary).
const (
	finalPunct   = ".!?…"
	closingPunct = "\"'”’»)]"
	openingPunct = "\"'“‘«([•-–—"
)

// sentenceEnds returns the end offsets of the sentences in text: after a
// final punctuation token (and any closing quotes or brackets) followed by
// a token that can start a sentence.
func sentenceEnds(text string, toks []model.Token) []int {
	var ends []int
	for i := 0; i < len(toks); i++ {
		if !isFinal(toks[i].Text) || initialBefore(text, toks, i) {
			continue
		}
		j := i + 1
		for j < len(toks) && isOneOf(toks[j].Text, closingPunct) && toks[j].Start == toks[j-1].End {
			j++
		}
		if j < len(toks) && !startsSentence(toks[j].Text) {
			continue
		}
		ends = append(ends, toks[j-1].End)
		i = j - 1
	}
	return ends
}

// isFinal: ".", "!", "?", "...", "?!" and the like.
func isFinal(tok string) bool {
	if tok == "" {
		return false
	}
	for _, r := range tok {
		if !strings.ContainsRune(finalPunct, r) {
			return false
		}
	}
	return true
}

func isOneOf(tok, set string) bool {
	r, n := utf8.DecodeRuneInString(tok)
	return n == len(tok) && strings.ContainsRune(set, r)
}

// initialBefore reports a period right after a single capital letter
// ("John F. Kerry"), which is an initial, not a sentence end.
func initialBefore(text string, toks []model.Token, i int) bool {
	if i == 0 || toks[i].Text != "." || toks[i-1].End != toks[i].Start {
		return false
	}
	r, n := utf8.DecodeRuneInString(toks[i-1].Text)
	return n == len(toks[i-1].Text) && unicode.IsUpper(r)
}

func startsSentence(tok string) bool {
	r, _ := utf8.DecodeRuneInString(tok)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune(openingPunct, r)
}
