package prosetok

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
	_ "unsafe" // go:linkname

	_ "github.com/jdkato/prose/v2" // the tables below live there
)

// prose's tokenizer tables are not exported; they are linked by name rather
// than copied, so that the tokens stay exactly prose's. go.mod pins prose
// v2.0.0: should a name disappear the build fails at link time, and
// TestSameTokensAsProse compares the result with prose itself.

//go:linkname proseEmoticons github.com/jdkato/prose/v2.emoticons
var proseEmoticons map[string]int

//go:linkname internalRE github.com/jdkato/prose/v2.internalRE
var internalRE *regexp.Regexp

//go:linkname proseSanitizer github.com/jdkato/prose/v2.sanitizer
var proseSanitizer *strings.Replacer

//go:linkname prefixes github.com/jdkato/prose/v2.prefixes
var prefixes []string

//go:linkname suffixes github.com/jdkato/prose/v2.suffixes
var suffixes []string

// Byte tables of the above: prose's prefixes and suffixes are single
// bytes (should that change, affix falls back to comparing strings),
// emoticons are looked up only when their first and
// last bytes can be an emoticon's.
var (
	isPrefix, isSuffix [256]bool
	multiByteAffixes   bool
	emoticonEnds       [2][256]bool
	asciiSpace         [utf8.RuneSelf]bool
)

func init() {
	for _, t := range []struct {
		list []string
		set  *[256]bool
	}{{prefixes, &isPrefix}, {suffixes, &isSuffix}} {
		for _, a := range t.list {
			if len(a) != 1 {
				multiByteAffixes = true
				continue
			}
			t.set[a[0]] = true
		}
	}
	for e := range proseEmoticons {
		if e != "" {
			emoticonEnds[0][e[0]], emoticonEnds[1][e[len(e)-1]] = true, true
		}
	}
	for r := range asciiSpace {
		asciiSpace[r] = unicode.IsSpace(rune(r))
	}
}

// The clitics doSplit cuts off are literals in its code, not tables:
// grammar of the tokenizer, not vocabulary.
var (
	clitics   = []string{"'ll", "'s", "'re", "'m"}
	negations = []string{"n't"}
)
