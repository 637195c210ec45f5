package rules

import (
	"strings"
	"testing"
)

// FuzzLoad feeds arbitrary YAML to the loader as each kind of rule file,
// alone and as an overlay on the defaults: it must never panic, and every
// problem it reports must name the file (and a line inside it when it has
// one).
func FuzzLoad(f *testing.F) {
	names := Defaults().Names()
	for i, n := range names {
		f.Add(uint8(i), false, Defaults().Docs(n)[0].Data)
	}
	for i := range names {
		for _, s := range []string{
			"", "[]", "- a\n- b", "rules: {}", "rules: [1, 2]", "rules:\n  - id: x\n    examples: 3",
			"types: [{id: t}]\nrules: [{id: r, type: t, class: content, verbs: [x], examples: [{text: a, fires: true}, {text: b}]}]",
			"line: [{id: x, description: d, pattern: '(('}]", "vocab: {a: 1}\npatterns: {b: '{a}{a}'}\nrules: [{id: r, pattern: '{b}'}]",
			"a: &a [*a]", "entities: [{name: X, kind: GPE, aliases: [Y]}, {name: Y, kind: GPE}]", "layout: {final_punct: 1}",
			"tense: [{tense: past, vocab: nope}]", "merge: {groups: [[nope]]}", "\t- bad indent", "rules:\n  - &r {id: a}\n  - *r",
		} {
			f.Add(uint8(i), i%2 == 0, []byte(s))
		}
	}
	f.Fuzz(func(t *testing.T, which uint8, overlay bool, data []byte) {
		name := names[int(which)%len(names)]
		doc := Doc{Name: "fuzz/" + name, Data: data}
		docs := map[string][]Doc{name: {doc}}
		if overlay {
			docs[name] = append(append([]Doc(nil), Defaults().Docs(name)...), doc)
		}
		_, err := Load(FromDocs(docs))
		if err == nil {
			return
		}
		es, ok := err.(Errors)
		if !ok {
			t.Fatalf("Load returned %T, want Errors: %v", err, err)
		}
		lines := strings.Count(string(data), "\n") + 1
		for _, e := range es {
			if e.Pos.File == "" {
				t.Errorf("problem without a file: %v", e)
			}
			if e.Pos.File == doc.Name && e.Pos.Line > lines+1 {
				t.Errorf("problem at line %d of a %d-line file: %v", e.Pos.Line, lines, e)
			}
		}
	})
}
