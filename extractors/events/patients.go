package events

// Patients: what a trigger acts on decides some types ("captured the
// town" is a seizure, "captured 67 police officers" an arrest).

import (
	"strings"

	"github.com/timeline-news/timeline/model"
)

// patientType is a compiled rules.Patients.
type patientType struct {
	typ   string
	nouns map[string]bool
}

// patientTypes gives a trigger the type of its rule's patients when what
// it acts on is one of their nouns or a person.
func (x *Extractor) patientTypes(s *model.Sentence, words []string, trigs []trigger, ents []model.Entity) {
	for i := range trigs {
		t := &trigs[i]
		p := x.patients[t.rule]
		if p.typ == "" || t.kind != "verb" {
			continue
		}
		if k := x.patient(s, words, *t); k >= 0 && (p.nouns[words[k]] || personAt(s, ents, k)) {
			t.typ = p.typ
		}
	}
}

// patient is the head token of what verb trigger t acts on: the noun
// phrase after an active verb, the subject of a passive one (for a passive
// that opens a subordinate clause, "after being captured", the subject of
// the clause it hangs on); -1 when none.
func (x *Extractor) patient(s *model.Sentence, words []string, t trigger) int {
	toks := s.Tokens
	passive, reduced := x.isPassive(toks, words, t.from)
	if !passive {
		head := -1
		for k := t.to; k < len(toks) && (npTag(toks[k].Tag) || words[k] == ""); k++ {
			if strings.HasPrefix(toks[k].Tag, "NN") {
				head = k // "capturing European military observers"
			}
		}
		return head
	}
	k := t.from - 1
	if reduced {
		return k // "the officers captured by"
	}
	for k >= 0 && (x.aux[words[k]] || strings.HasPrefix(toks[k].Tag, "RB")) {
		k--
	}
	if k >= 0 && strings.HasPrefix(toks[k].Tag, "NN") {
		return k // "the detainees had been seized"
	}
	if k < 0 || !x.subord[words[k]] {
		return -1
	}
	for v := k - 1; v > 0; v-- {
		if isBoundary(words[v]) && words[v] != "," {
			return -1
		}
		if finite(toks[v].Tag) || toks[v].Tag == "MD" {
			j := v - 1
			for j >= 0 && (x.aux[words[j]] || strings.HasPrefix(toks[j].Tag, "RB")) {
				j--
			}
			if j >= 0 && strings.HasPrefix(toks[j].Tag, "NN") {
				return j // "67 police officers were being held hostage by the protesters after being captured"
			}
			return -1
		}
	}
	return -1
}

// personAt reports token k inside a person's name.
func personAt(s *model.Sentence, ents []model.Entity, k int) bool {
	tk := s.Tokens[k]
	for _, e := range ents {
		if e.Kind == model.Person && tk.Start < e.End && e.Start < tk.End {
			return true
		}
	}
	return false
}
