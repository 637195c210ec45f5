package events

// Modality: whether the text says an event happened.

import "github.com/timeline-news/timeline/model"

// setModality reads each trigger's cues; a noun with none takes the
// modality of a verb before it in the same clause ("are due to meet at a
// forum": the forum is planned too).
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
		trigs[i].modality = x.modality(words, trigs[i])
	}
	for i := range trigs {
		t := &trigs[i]
		if t.modality != "" || t.kind != "noun" {
			continue
		}
		if _, verb := x.nounGovernor(s, words, *t); verb > 0 && words[verb-1] == "to" && s.Tokens[verb].Tag == "VB" {
			t.modality = "intended" // "decided last week to impose the new sanctions": an aim
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
}

// modality reads the cue words around a trigger; the first cue that applies wins.
func (x *Extractor) modality(words []string, t trigger) string {
	for _, m := range x.mods {
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
		case m.after:
			from, to = t.to, min(len(words), t.to+m.window)
		}
		if m.occurs(words, from, to) {
			return m.name
		}
	}
	return ""
}

// occurs reports whether one of the cue's phrases lies inside
// words[from:to]: each word is looked up once, not once per phrase.
func (m *modality) occurs(words []string, from, to int) bool {
	if m.anywhere && from <= to {
		return true
	}
	for i := max(0, from); i < to && i < len(words); i++ {
		for _, p := range m.byFirst[words[i]] {
			if i+len(p) <= to && phraseIn(words, p, i, i+len(p)) {
				return true
			}
		}
	}
	return false
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
