package events

// Modality: whether the text says an event happened.

import (
	"slices"
	"strings"

	"github.com/timeline-news/timeline/model"
)

// setModality reads each trigger's cues; a noun with none takes the
// modality of a verb before it in the same clause ("are due to meet at a
// forum": the forum is planned too). A speech noun whose participle names
// its author ("a plan outlined Monday by the OSCE") was put forward, so it
// keeps no cue of the clause around it.
func (x *Extractor) setModality(s *model.Sentence, words []string, trigs []trigger, ds []dated) {
	if len(ds) > 0 {
		// a time expression holds no cue: "elections May 25" is not "may"
		masked := append([]string(nil), words...)
		for _, d := range ds {
			for k := d.from; k < d.to && k < len(masked); k++ {
				masked[k] = "\x00"
			}
		}
		words = masked
	}
	for i := range trigs {
		trigs[i].modality = x.modality(s, words, trigs[i])
	}
	for i := range trigs {
		t := &trigs[i]
		if t.modality != "" || t.kind != "noun" {
			continue
		}
		if _, verb := x.nounGovernor(s, words, *t); verb > 0 && words[verb-1] == "to" && s.Tokens[verb].Tag == "VB" {
			t.modality = "intended" // "decided last week to impose the new sanctions": an aim
			if m := x.modality(s, words, trigger{from: verb, to: verb + 1, kind: "verb"}); m == "" {
				t.modality = "" // "forced Russia to sign a treaty": done (see implicatives)
			}
			continue
		}
		for j := i - 1; j >= 0; j-- {
			v := trigs[j]
			if v.kind != "verb" || t.from-v.to > 6 || boundaries(words, v, dated{from: t.from, to: t.to}) > 0 {
				continue
			}
			t.modality = v.modality
			break
		}
	}
	for i := range trigs {
		if trigs[i].modality != "" && x.class(trigs[i]) == "speech" && x.byAgent(s, words, trigs[i]) >= 0 {
			trigs[i].modality = "" // "agree to a plan outlined Monday by the OSCE": the outlining happened, whatever is asked of the plan
		}
	}
}

// modality reads the cue words around a trigger; the first cue that applies wins.
func (x *Extractor) modality(s *model.Sentence, words []string, t trigger) string {
	for i, m := range x.mods {
		if x.reversal(i) {
			continue // sets no modality of its own
		}
		if len(m.kinds) > 0 && !m.kinds[t.kind] {
			continue
		}
		from, to := max(0, t.from-m.window), t.from
		for k := t.from - 1; k >= from; k-- {
			if x.relatives[words[k]] {
				from = k + 1 // "the demands of militants who attacked": the demands are not the attack's
				break
			}
		}
		switch {
		case m.sentence:
			from, to = 0, len(words)
		case m.around:
			to = min(len(words), t.to+m.window)
		case m.after:
			end := phraseEnd(s, words, t.to)
			from, to = end, min(len(words), end+m.window)
		}
		k, n := m.find(words, from, to)
		if k < 0 {
			continue
		}
		if r, ok := x.reversedAt(s, words, i, k, n); ok {
			return x.modality(s, words, r)
		}
		if v := implicativeBefore(s, words, m, x.motion, k); v >= 0 {
			return x.modality(s, words, trigger{from: v, to: v + 1, kind: "verb"})
		}
		return m.name
	}
	return ""
}

// phraseEnd is where the noun phrase of a noun trigger ending at to ends:
// after its of-phrase and an apposition between commas ("Russia's invasion
// of Ukraine, a country of 44 million, could create": the invasion is the
// subject of "could").
func phraseEnd(s *model.Sentence, words []string, to int) int {
	if len(s.Tokens) != len(words) {
		return to
	}
	k := to
	if k < len(words) && words[k] == "of" {
		for k++; k < len(words) && npTag(s.Tokens[k].Tag); k++ {
		}
	}
	if k < len(words) && words[k] == "," {
		j := k + 1
		for j < len(words) && j <= k+10 && words[j] != "," && (npTag(s.Tokens[j].Tag) || s.Tokens[j].Tag == "IN") {
			j++
		}
		if j > k+1 && j < len(words) && words[j] == "," {
			k = j + 1
		}
	}
	return k
}

// reversal reports whether cue i undoes other cues rather than setting a
// modality. x.mods is compiled from the rules' cues in order.
func (x *Extractor) reversal(i int) bool { return len(x.rules.Modality[i].Reverses) > 0 }

// reversedAt finds a reversal of cue i, whose words are words[k:k+n]: a
// reversal word before it, governing the phrase the cue's words hang on
// ("reversed its policy of not sending", "dropped its decision not to
// send"). It returns the reversal word as a trigger, to read its own
// modality.
func (x *Extractor) reversedAt(s *model.Sentence, words []string, i, k, n int) (trigger, bool) {
	if len(s.Tokens) != len(words) {
		return trigger{}, false
	}
	// the cue hangs on a noun phrase: "policy of not", "decision not to"
	if k == 0 || !(s.Tokens[k-1].Tag == "IN" || k+n < len(words) && words[k+n] == "to" && strings.HasPrefix(s.Tokens[k-1].Tag, "NN")) {
		return trigger{}, false
	}
	id := x.rules.Modality[i].ID
	for j, m := range x.mods {
		if !x.reversal(j) || !slices.Contains(x.rules.Modality[j].Reverses, id) {
			continue
		}
		p, pn := m.find(words, max(0, k-m.window), k)
		if p < 0 || !nounPhrase(s, p+pn, k) {
			continue
		}
		kind := "noun"
		if strings.HasPrefix(s.Tokens[p].Tag, "VB") {
			kind = "verb"
		}
		return trigger{from: p, to: p + pn, kind: kind}, true
	}
	return trigger{}, false
}

// nounPhrase reports whether tokens [from, to) are the object of a
// reversal up to the negated complement: determiners, adjectives, nouns and
// prepositions, at least one noun, and no verb, comma or conjunction
// ("its long-standing policy of").
func nounPhrase(s *model.Sentence, from, to int) bool {
	noun := false
	for _, tk := range s.Tokens[from:to] {
		switch tag := tk.Tag; {
		case strings.HasPrefix(tag, "NN"):
			noun = true
		case tag == "DT" || tag == "PRP$" || tag == "POS" || tag == "CD" || tag == "IN" || tag == "HYPH" ||
			strings.HasPrefix(tag, "JJ") || tag == "VBN" || tag == "VBG":
		default:
			return false
		}
	}
	return noun
}

// find returns the start and length of the last of the cue's phrases that
// lies inside words[from:to] (the one nearest the trigger), or -1: each
// word is looked up once, not once per phrase.
func (m *modality) find(words []string, from, to int) (int, int) {
	for i := min(to, len(words)) - 1; i >= max(0, from); i-- {
		for _, p := range m.byFirst[words[i]] {
			if i+len(p) <= to && phraseIn(words, p, i, i+len(p)) {
				return i, len(p)
			}
		}
	}
	if m.anywhere && from <= to {
		return from, 0
	}
	return -1, 0
}

// phraseIn reports whether p occurs inside words[from:to].
func phraseIn(words, p []string, from, to int) bool {
	for i := from; i+len(p) <= to; i++ {
		ok := true
		for k, w := range p {
			if words[i+k] != w {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// implicativeBefore returns the implicative verb that the cue at k follows:
// right before it, adverbs and a time expression allowed between ("worked
// frantically Thursday afternoon to rebuild"), or, for a verb whose object
// does the infinitive, before that object ("forced Russia to sign", "were
// forced to flee"), or a verb of motion before its destination, whose
// purpose is done where it goes ("will travel to Kyiv to meet the
// president later in the week"). -1 when none: "Russian forces to
// withdraw" is a noun.
func implicativeBefore(s *model.Sentence, words []string, m modality, motion map[string]bool, k int) int {
	if m.implicatives == nil && m.objectVerbs == nil {
		return -1
	}
	tagged := len(s.Tokens) == len(words)
	object, prep := 0, 0 // noun-phrase tokens passed (the verb's object), prepositions (its destination)
	for j := k - 1; j >= 0 && j >= k-8; j-- {
		w, tag := words[j], ""
		if tagged {
			tag = s.Tokens[j].Tag
		}
		verb := !tagged || strings.HasPrefix(tag, "VB")
		switch {
		case m.objectVerbs[w] && (verb || tag == "JJ") && prep == 0: // the tagger may read "forced" after a name as an adjective
			return j
		case m.implicatives[w] && verb && object == 0 && prep == 0:
			return j
		case motion[w] && verb && prep == 1:
			return j
		case tagged && prep == 0 && object > 0 && (tag == "TO" || tag == "IN"):
			prep++ // "travel to Kyiv": a destination, not an object
		case w == "\x00" || strings.HasPrefix(tag, "RB"):
			// a time expression (masked) or an adverb
		case tagged && (tag == "IN" || tag == "TO") && j+1 < k && words[j+1] == "\x00":
			// the preposition of a time: "flew to Kyiv on Saturday to meet"
		case tagged && object < 5 && (npTag(tag) || tag == "PRP"):
			object++
		default:
			return -1
		}
	}
	return -1
}
