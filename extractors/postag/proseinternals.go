package postag

import (
	"regexp"
	"strings"
	_ "unsafe" // go:linkname

	_ "github.com/jdkato/prose/v2" // the symbols below live there

	"github.com/timeline-news/timeline/extractors/prosetok"
)

// prose's tagger applies a few context-free rules before its perceptron
// (emoticons, links, e-mail addresses, "-NONE-" and "-XXX-" tokens). To give
// exactly prose's tags, this package uses prose's own patterns rather than
// copies of them: they are not exported, so they are linked by name (the
// tokenizer's tables, emoticons included, in prosetok). go.mod pins prose v2.0.0; should a
// name disappear the build fails at link time, and TestSameTagsAsProse
// checks the result against prose itself.

//go:linkname proseNone github.com/jdkato/prose/v2.none
var proseNone *regexp.Regexp

//go:linkname proseKeep github.com/jdkato/prose/v2.keep
var proseKeep *regexp.Regexp

//go:linkname linkRegex github.com/mingrammer/commonregex.LinkRegex
var linkRegex *regexp.Regexp

//go:linkname emailRegex github.com/mingrammer/commonregex.EmailRegex
var emailRegex *regexp.Regexp

// special returns the tag prose's rules give word before its model, if any.
// The regular expressions run only when the cheap conditions they imply
// hold: a link has a '.' and four bytes at least, an e-mail an '@', a
// "-NONE-" token is "0" or starts with '*', a kept one is "-XXX-".
func special(word string) (string, bool) {
	switch {
	case word == "":
		return "", false
	case word == "-":
		return "-", true
	}
	if prosetok.IsEmoticon(word) {
		return "SYM", true
	}
	link := len(word) >= 4 && strings.IndexByte(word, '.') >= 0 && linkRegex.MatchString(word)
	mail := strings.IndexByte(word, '@') >= 0 && emailRegex.MatchString(word)
	if link || mail || word[0] == '@' {
		return "NN", true
	}
	if (word == "0" || word[0] == '*') && proseNone.MatchString(word) {
		return "-NONE-", true
	}
	if len(word) == 5 && word[0] == '-' && proseKeep.MatchString(word) {
		return word, true
	}
	return "", false
}
