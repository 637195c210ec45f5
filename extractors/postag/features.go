package postag

import (
	"strings"
	"unicode/utf8"
)

// prose's feature templates (featurize in its tag.go): a feature's key is
// the template name, a space, and its arguments joined by spaces.
const (
	fBias        = "bias"
	fISuffix     = "i suffix "
	fIPref1      = "i pref1 "
	fTag1        = "i-1 tag "
	fTag2        = "i-2 tag "
	fTagPair     = "i tag+i-2 tag "
	fIWord       = "i word "
	fTagWord     = "i-1 tag+i word "
	fIMinus1Word = "i-1 word "
	fIMinus1Suf  = "i-1 suffix "
	fIMinus2Word = "i-2 word "
	fIPlus1Word  = "i+1 word "
	fIPlus1Suf   = "i+1 suffix "
	fIPlus2Word  = "i+2 word "
)

// The five features of a context word, by position.
const (
	iWord = iota
	iMinus1Word
	iMinus2Word
	iPlus1Word
	iPlus2Word
)

// wordFeats are the features that name one (normalised) context word.
type wordFeats struct {
	f     [5]int32
	pairs []tagFeat // "i-1 tag+i word": previous tag -> feature
}

type tagFeat struct{ tag, feat int32 }

// suffixFeats are the "i-1 suffix" and "i+1 suffix" features of a suffix.
type suffixFeats [2]int32

// tagFeats are features indexed by a tag's index.
type tagFeats []int32

// features indexes every feature of the model; -1 means none.
type features struct {
	bias      int32
	iSuffix   map[string]int32
	pref1     [256]int32 // by the word's first byte
	tagIdx    map[string]int32
	tag1      tagFeats
	tag2      tagFeats
	tagPair   map[[2]int32]int32 // while loading
	pairs     []int32            // then: tagPair by a*len(tagIdx)+b
	words     map[string]*wordFeats
	ctxSuffix map[string]*suffixFeats
}

func newFeatures() features {
	f := features{bias: -1, iSuffix: map[string]int32{}, tagIdx: map[string]int32{},
		tagPair: map[[2]int32]int32{}, words: map[string]*wordFeats{}, ctxSuffix: map[string]*suffixFeats{}}
	for i := range f.pref1 {
		f.pref1[i] = -1
	}
	return f
}

// index files feature key under its template; false for a key no template
// of prose's makes.
func (f *features) index(key string, fi int32) bool {
	if key == fBias {
		f.bias = fi
		return true
	}
	arg := func(prefix string) (string, bool) { return strings.CutPrefix(key, prefix) }
	two := func(prefix string) (string, string, bool) {
		rest, ok := arg(prefix)
		if !ok {
			return "", "", false
		}
		return strings.Cut(rest, " ") // tags have no spaces
	}
	if a, b, ok := two(fTagPair); ok {
		f.tagPair[[2]int32{f.addTag(a), f.addTag(b)}] = fi
		return true
	}
	if a, b, ok := two(fTagWord); ok {
		w := f.word(b)
		w.pairs = append(w.pairs, tagFeat{f.addTag(a), fi})
		return true
	}
	for _, t := range []struct {
		prefix string
		set    func(string)
	}{
		{fISuffix, func(a string) { f.iSuffix[a] = fi }},
		{fIPref1, func(a string) {
			if r, n := utf8.DecodeRuneInString(a); n == len(a) && r < 256 && r != utf8.RuneError {
				f.pref1[r] = fi // string(w[0]) is the rune of that byte
			}
		}},
		{fTag1, func(a string) { f.tag1.set(f.addTag(a), fi) }},
		{fTag2, func(a string) { f.tag2.set(f.addTag(a), fi) }},
		{fIWord, func(a string) { f.word(a).f[iWord] = fi }},
		{fIMinus1Word, func(a string) { f.word(a).f[iMinus1Word] = fi }},
		{fIMinus2Word, func(a string) { f.word(a).f[iMinus2Word] = fi }},
		{fIPlus1Word, func(a string) { f.word(a).f[iPlus1Word] = fi }},
		{fIPlus2Word, func(a string) { f.word(a).f[iPlus2Word] = fi }},
		{fIMinus1Suf, func(a string) { f.suffix(a)[0] = fi }},
		{fIPlus1Suf, func(a string) { f.suffix(a)[1] = fi }},
	} {
		if a, ok := arg(t.prefix); ok {
			t.set(a)
			return true
		}
	}
	return false
}

func (f *features) addTag(t string) int32 {
	if i, ok := f.tagIdx[t]; ok {
		return i
	}
	i := int32(len(f.tagIdx))
	f.tagIdx[t] = i
	return i
}

// tagIndex is the index of a tag the model knows, -1 for others.
func (f *features) tagIndex(t string) int32 {
	if i, ok := f.tagIdx[t]; ok {
		return i
	}
	return -1
}

func (f *features) word(w string) *wordFeats {
	x := f.words[w]
	if x == nil {
		x = &wordFeats{f: [5]int32{-1, -1, -1, -1, -1}}
		f.words[w] = x
	}
	return x
}

func (f *features) suffix(s string) *suffixFeats {
	x := f.ctxSuffix[s]
	if x == nil {
		x = &suffixFeats{-1, -1}
		f.ctxSuffix[s] = x
	}
	return x
}

// indexPairs turns the tag pairs into a table, once every tag is known.
func (f *features) indexPairs() {
	n := len(f.tagIdx)
	f.pairs = make([]int32, n*n)
	for i := range f.pairs {
		f.pairs[i] = -1
	}
	for k, fi := range f.tagPair {
		f.pairs[int(k[0])*n+int(k[1])] = fi
	}
	f.tagPair = nil
}

func (f *features) pair(a, b int32) int32 {
	if a < 0 || b < 0 {
		return -1
	}
	return f.pairs[int(a)*len(f.tagIdx)+int(b)]
}

func (t *tagFeats) set(i, fi int32) {
	for int(i) >= len(*t) {
		*t = append(*t, -1)
	}
	(*t)[i] = fi
}

func (t tagFeats) at(i int32) int32 {
	if i < 0 || int(i) >= len(t) {
		return -1
	}
	return t[i]
}

func (w *wordFeats) at(k int) int32 {
	if w == nil {
		return -1
	}
	return w.f[k]
}

func (w *wordFeats) tagWord(t int32) int32 {
	if w == nil || t < 0 {
		return -1
	}
	for _, x := range w.pairs {
		if x.tag == t {
			return x.feat
		}
	}
	return -1
}

func (s *suffixFeats) at(k int) int32 {
	if s == nil {
		return -1
	}
	return s[k]
}

func lookup(m map[string]int32, k string) int32 {
	if fi, ok := m[k]; ok {
		return fi
	}
	return -1
}
