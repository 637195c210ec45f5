// Package events finds event mentions in tagged sentences: triggers from the
// YAML event rules, the time expression that governs each trigger, its
// actors, places, modality and the speaker who reports it.
package events

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/timeline-news/timeline/model"
	"github.com/timeline-news/timeline/rules"
)

// entry is one trigger form: the words after the first, and its rule.
type entry struct {
	rule  int
	rest  []string // following words, lower case
	kind  string   // "verb", "noun" or "phrase"
	lemma string   // the lemma or phrase, for merging on trigger
}

// lexicon maps a trigger's first word (lower case) to its forms.
type lexicon map[string][]entry

func (l lexicon) add(word string, e entry) {
	for i, x := range l[word] {
		if x.rule == e.rule && strings.Join(x.rest, " ") == strings.Join(e.rest, " ") {
			if x.kind != e.kind {
				l[word][i].kind = "any" // listed as verb and noun: "ousting"
			}
			return
		}
	}
	l[word] = append(l[word], e)
}

func (l lexicon) addPhrase(phrase string, e entry) {
	words := strings.Fields(phrase)
	if len(words) == 0 {
		return
	}
	e.rest = words[1:]
	l.add(words[0], e)
}

// verbForms generates the regular inflections of a lemma, plus the
// irregular forms the rules list. Over-generation is harmless: a form that is
// not an English word never matches.
func verbForms(lemma string, irregular map[string][]string) []string {
	words := strings.Fields(lemma)
	head, tail := words[0], ""
	if len(words) > 1 {
		tail = " " + strings.Join(words[1:], " ")
	}
	forms := []string{head}
	stem := head
	switch {
	case strings.HasSuffix(head, "e"):
		stem = head[:len(head)-1]
		forms = append(forms, head+"s", head+"d", stem+"ing")
	case strings.HasSuffix(head, "y") && len(head) > 1 && !isVowel(head[len(head)-2]):
		stem = head[:len(head)-1]
		forms = append(forms, stem+"ies", stem+"ied", head+"ing")
	case hasAnySuffix(head, "s", "sh", "ch", "x", "z"):
		forms = append(forms, head+"es", head+"ed", head+"ing")
	default:
		forms = append(forms, head+"s", head+"ed", head+"ing")
		if n := len(head); n >= 3 && !isVowel(head[n-1]) && isVowel(head[n-2]) && !isVowel(head[n-3]) && !strings.ContainsRune("wxy", rune(head[n-1])) {
			last := head[n-1:]
			forms = append(forms, head+last+"ed", head+last+"ing")
		}
	}
	forms = append(forms, irregular[head]...)
	for i := range forms {
		forms[i] += tail
	}
	return forms
}

// nounForms gives singular and plural of a noun or noun phrase (the plural
// inflects the last word; a noun given in the plural stays as it is).
// inflected is the set of every form of the verbs (lemmas), nil for none.
func inflected(lemmas []string, irregular map[string][]string) map[string]bool {
	if len(lemmas) == 0 {
		return nil
	}
	out := map[string]bool{}
	for _, v := range lemmas {
		for _, f := range verbForms(strings.ToLower(v), irregular) {
			out[f] = true
		}
	}
	return out
}

func nounForms(noun string) []string {
	words := strings.Fields(noun)
	last := words[len(words)-1]
	var plural string
	switch {
	case strings.HasSuffix(last, "s") && !hasAnySuffix(last, "ss", "us", "is"):
		return []string{noun} // already plural: "talks"
	case hasAnySuffix(last, "s", "sh", "ch", "x", "z"):
		plural = last + "es"
	case strings.HasSuffix(last, "y") && len(last) > 1 && !isVowel(last[len(last)-2]):
		plural = last[:len(last)-1] + "ies"
	default:
		plural = last + "s"
	}
	words[len(words)-1] = plural
	return []string{noun, strings.Join(words, " ")}
}

func isVowel(b byte) bool { return strings.IndexByte("aeiou", b) >= 0 }

func hasAnySuffix(s string, suffixes ...string) bool {
	for _, x := range suffixes {
		if strings.HasSuffix(s, x) {
			return true
		}
	}
	return false
}

func buildLexicon(r *rules.EventRules) lexicon {
	lex := lexicon{}
	for i, rule := range r.Rules {
		for _, v := range rule.Verbs {
			for _, f := range verbForms(v, r.Forms) {
				lex.addPhrase(f, entry{rule: i, kind: "verb", lemma: v})
			}
		}
		for _, n := range rule.Nouns {
			for _, f := range nounForms(n) {
				lex.addPhrase(f, entry{rule: i, kind: "noun", lemma: n})
			}
		}
		for _, p := range rule.Phrases {
			lex.addPhrase(p, entry{rule: i, kind: "phrase", lemma: p})
		}
	}
	return lex
}

// norm lower-cases a token and strips the quotes and apostrophes that
// tokenizers leave attached ("'humanitarian" -> "humanitarian").
// buf is reused to avoid an allocation per token.
func norm(tok string, buf []byte) []byte {
	buf = buf[:0]
	tok = strings.TrimFunc(tok, isQuote)
	for _, r := range tok {
		if r == '’' {
			r = '\''
		}
		buf = utf8.AppendRune(buf, unicode.ToLower(r))
	}
	return buf
}

func isQuote(r rune) bool {
	switch r {
	case '\'', '"', '‘', '’', '“', '”', '«', '»':
		return true
	}
	return false
}

// normTokens returns the normalised form of every token of s. A quotation
// mark becomes "", except a plural's possessive apostrophe, which becomes
// "s" as a singular's "’s" does (see possessiveMarks).
func normTokens(s *model.Sentence) []string {
	out := make([]string, len(s.Tokens))
	var buf []byte
	for i, t := range s.Tokens {
		buf = norm(t.Text, buf)
		if string(buf) == t.Text {
			out[i] = t.Text // already normal (most words): no copy
		} else {
			out[i] = string(buf)
		}
	}
	possessiveMarks(s.Tokens, out)
	return out
}

// possessiveMarks sets to "s" each ’ or ' that marks a plural's
// possessive ("the United Nations’ court said"), which would otherwise open
// a quotation running to the end of the sentence: one right after a word
// ending in s, then a space and a word. It closes a single quotation open
// before it instead ("‘the talks are over for good, and the rebels’ he
// said"), unless a mark that can only close one comes later ("‘the
// rebels’ leader has fled the city,’ she said").
func possessiveMarks(toks []model.Token, words []string) {
	open := false
	for i, t := range toks {
		if words[i] != "" || !isSingleQuote(t.Text) {
			continue
		}
		before := i > 0 && toks[i-1].End == t.Start
		after := i+1 < len(toks) && toks[i+1].Start == t.End
		switch {
		case t.Text == "‘" || !before && after:
			open = true
		case before && possessiveAt(toks, words, i) && (!open || closerAfter(toks, words, i)):
			words[i] = "s"
		case before:
			open = false
		}
	}
}

// possessiveAt reports a mark at i, right after a word ending in s
// ("Nations", "U.S."), that a space and a word or an opening mark follow.
func possessiveAt(toks []model.Token, words []string, i int) bool {
	prev := strings.TrimSuffix(toks[i-1].Text, ".")
	if prev == "" || prev[len(prev)-1] != 's' && prev[len(prev)-1] != 'S' || i+1 >= len(toks) || toks[i+1].Start == toks[i].End {
		return false
	}
	next, _ := utf8.DecodeRuneInString(toks[i+1].Text)
	return unicode.IsLetter(next) || unicode.IsDigit(next) || words[i+1] == "" && isSingleQuote(toks[i+1].Text)
}

// closerAfter reports a mark after i that can only close a quotation: one
// right after a word or punctuation that is no possessive ("city,’ she").
func closerAfter(toks []model.Token, words []string, i int) bool {
	for j := i + 1; j < len(toks); j++ {
		if words[j] == "" && isSingleQuote(toks[j].Text) && toks[j].Text != "‘" && toks[j-1].End == toks[j].Start && !possessiveAt(toks, words, j) {
			return true
		}
	}
	return false
}

func isSingleQuote(t string) bool { return t == "'" || t == "’" || t == "‘" }
