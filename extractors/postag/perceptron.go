package postag

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"math"
	"math/bits"
	"strings"
	"unicode/utf8"

	"github.com/jdkato/prose/v2"
)

// perceptron is prose's averaged-perceptron POS model (the same weights,
// features and decoding; see features.go) laid out for speed. prose builds
// 14 feature strings and a map of them per token, looks each up in one big
// map and scores into another map. Here the features are indexed by what
// they are about: a context word's five word features and its tag-word
// pairs are one lookup, tags are small integers, scores an array; three
// small-map lookups per token and no allocation.
//
// prose's weights are thousandths (it rounds them so when training), so
// they are kept as integers: k<<8 | class, four bytes instead of a map
// entry, which keeps the 271,000 weights in cache, and scores are exact
// integer sums. prose's float sums pick the same class except on an exact
// tie, which prose breaks by map order (at random) and this by class order.
type perceptron struct {
	classes []string
	tagMap  map[string]string // words prose tags without the model
	spans   []int32           // weights of feature i: ws[spans[i]:spans[i+1]]
	ws      []int32           // k<<8 | class: weight k/1000 for class
	features
	// The bias feature's scores and classes, where every prediction starts.
	biasScores  []int64
	biasTouched []uint64
}

// packWeight packs a weight that is a whole number of thousandths.
func packWeight(class int, w float64) (int32, bool) {
	k := math.Round(w * 1000)
	if k/1000 != w || math.Abs(k) >= 1<<23 || class >= 256 {
		return 0, false
	}
	return int32(k)<<8 | int32(class), true
}

// loadPerceptron decodes prose's embedded model and indexes its features.
func loadPerceptron() (*perceptron, error) {
	var classes []string
	var tags map[string]string
	var wts map[string]map[string]float64
	for _, a := range []struct {
		name string
		dst  any
	}{{"classes.gob", &classes}, {"tags.gob", &tags}, {"weights.gob", &wts}} {
		b, err := prose.Asset("model/AveragedPerceptron/" + a.name)
		if err != nil {
			return nil, fmt.Errorf("postag: %w", err)
		}
		if err := gob.NewDecoder(bytes.NewReader(b)).Decode(a.dst); err != nil {
			return nil, fmt.Errorf("postag: decode %s: %w", a.name, err)
		}
	}
	p := &perceptron{classes: classes, tagMap: tags}
	p.features = newFeatures()
	index := map[string]int32{}
	for i, c := range classes {
		index[c] = int32(i)
	}
	p.spans = append(p.spans, 0)
	for f, ws := range wts {
		if !p.index(f, int32(len(p.spans)-1)) {
			return nil, fmt.Errorf("postag: unknown feature %q in prose's model", f)
		}
		for c, w := range ws {
			ci, ok := index[c]
			if !ok { // a label outside the class list: keep it scorable
				ci = int32(len(p.classes))
				p.classes = append(p.classes, c)
				index[c] = ci
			}
			pw, ok := packWeight(int(ci), w)
			if !ok {
				return nil, fmt.Errorf("postag: weight %v of %q is not a whole number of thousandths", w, f)
			}
			p.ws = append(p.ws, pw)
		}
		p.spans = append(p.spans, int32(len(p.ws)))
	}
	p.indexPairs()
	p.biasScores, p.biasTouched = make([]int64, len(p.classes)), make([]uint64, (len(p.classes)+63)/64)
	if p.bias >= 0 {
		for _, x := range p.ws[p.spans[p.bias]:p.spans[p.bias+1]] {
			c := x & 0xff
			p.biasTouched[c>>6] |= 1 << (c & 63)
			p.biasScores[c] += int64(x >> 8)
		}
	}
	return p, nil
}

// scratch is the per-call working memory of tagging.
type scratch struct {
	ctx     []byte // normalised words, back to back
	offs    []int  // word k of the context is ctx[offs[k]:offs[k+1]]
	recs    []*wordFeats
	sufs    []*suffixFeats
	scores  []int64  // by class, thousandths
	touched []uint64 // bit set of the classes scored
	toks    []token
	texts   []string
	chunks  []chunk
	fa, fb  []byte // folded token texts
}

// Context padding, as prose has it.
const (
	start1, start2 = "-START-", "-START2-"
	end1, end2     = "-END-", "-END2-"
)

// tag sets the tag of every token, in order, exactly as prose's
// perceptronTagger.tag decides them.
func (p *perceptron) tag(toks []token, sc *scratch) {
	sc.ctx, sc.offs = sc.ctx[:0], append(sc.offs[:0], 0)
	push := func(s string) {
		sc.ctx = append(sc.ctx, s...)
		sc.offs = append(sc.offs, len(sc.ctx))
	}
	push(start1)
	push(start2)
	for i := range toks {
		sc.ctx = appendNormalized(sc.ctx, toks[i].text)
		sc.offs = append(sc.offs, len(sc.ctx))
	}
	push(end1)
	push(end2)
	sc.recs, sc.sufs = sc.recs[:0], sc.sufs[:0]
	for k := 0; k+1 < len(sc.offs); k++ {
		w := sc.word(k)
		sc.recs = append(sc.recs, p.words[string(w)])
		sc.sufs = append(sc.sufs, p.ctxSuffix[string(w[len(w)-min(len(w), 3):])])
	}
	if n := len(p.classes); len(sc.scores) < n {
		sc.scores, sc.touched = make([]int64, n), make([]uint64, (n+63)/64)
	}
	p1, p2 := p.tagIndex(start1), p.tagIndex(start2)
	for i := range toks {
		w := toks[i].text
		if w == "" { // prose makes no empty tokens; never index one
			p2, p1 = p1, -1
			continue
		}
		tag, ok := special(w)
		if !ok {
			if tag, ok = p.tagMap[w]; !ok {
				tag = p.predict(i+2, w, p1, p2, sc)
			}
		}
		toks[i].tag = tag
		p2, p1 = p1, p.tagIndex(tag)
	}
}

func (sc *scratch) word(k int) []byte { return sc.ctx[sc.offs[k]:sc.offs[k+1]] }

// predict scores prose's 14 features of the word w at context index i
// after tags t1, t2, in prose's order.
func (p *perceptron) predict(i int, w string, t1, t2 int32, sc *scratch) string {
	// Every word has the bias feature: start from its scores.
	copy(sc.touched, p.biasTouched)
	copy(sc.scores, p.biasScores)
	add := func(fi int32) {
		if fi < 0 {
			return
		}
		for _, x := range p.ws[p.spans[fi]:p.spans[fi+1]] {
			c := x & 0xff
			if sc.touched[c>>6]&(1<<(c&63)) == 0 {
				sc.touched[c>>6] |= 1 << (c & 63)
				sc.scores[c] = 0
			}
			sc.scores[c] += int64(x >> 8)
		}
	}
	cur := sc.recs[i]
	add(lookup(p.iSuffix, w[len(w)-min(len(w), 3):]))
	add(p.pref1[w[0]])
	add(p.tag1.at(t1))
	add(p.tag2.at(t2))
	add(p.pair(t1, t2))
	add(cur.at(iWord))
	add(cur.tagWord(t1))
	add(sc.recs[i-1].at(iMinus1Word))
	add(sc.sufs[i-1].at(0))
	add(sc.recs[i-2].at(iMinus2Word))
	add(sc.recs[i+1].at(iPlus1Word))
	add(sc.sufs[i+1].at(1))
	add(sc.recs[i+2].at(iPlus2Word))
	// prose takes the best of the labels some feature scored (ties fall
	// to map order there; here to the first class).
	best, bestScore := -1, int64(0)
	for wi, word := range sc.touched {
		for word != 0 {
			c := wi*64 + bits.TrailingZeros64(word)
			word &= word - 1
			if best < 0 || sc.scores[c] > bestScore {
				best, bestScore = c, sc.scores[c]
			}
		}
	}
	if best < 0 {
		return ""
	}
	return p.classes[best]
}

// appendNormalized appends prose's normalize(word): "!HYPHEN" for inner
// hyphens, "!YEAR" for four-digit numbers, "!DIGITS" for a leading digit,
// else the word in lower case.
func appendNormalized(dst []byte, word string) []byte {
	switch {
	case word == "":
		return dst
	case strings.IndexByte(word, '-') >= 0 && word[0] != '-':
		return append(dst, "!HYPHEN"...)
	case len(word) == 4 && isInt(word):
		return append(dst, "!YEAR"...)
	case word[0] >= '0' && word[0] <= '9':
		return append(dst, "!DIGITS"...)
	}
	for i := 0; i < len(word); i++ {
		if word[i] >= utf8.RuneSelf {
			return append(dst, strings.ToLower(word)...)
		}
	}
	for i := 0; i < len(word); i++ {
		c := word[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

// isInt reports whether strconv.Atoi accepts a short s (a sign and
// digits), without Atoi's error allocation.
func isInt(s string) bool {
	if s != "" && (s[0] == '+' || s[0] == '-') {
		s = s[1:]
	}
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
