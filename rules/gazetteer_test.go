package rules

import (
	"strings"
	"testing"
)

func gazSource(overlay string) *Source {
	docs := Defaults().Docs("gazetteer.yaml")
	if overlay != "" {
		docs = append(docs, Doc{Name: "user/gazetteer.yaml", Data: []byte(overlay)})
	}
	return FromDocs(map[string][]Doc{"gazetteer.yaml": docs})
}

func TestLoadGazetteerDefaults(t *testing.T) {
	g, errs := loadGazetteer(gazSource(""))
	if len(errs) > 0 {
		t.Fatal(errs.Err())
	}
	if len(g.Entries) < 200 || len(g.Titles) == 0 || len(g.Stoplist) == 0 {
		t.Fatalf("%d entries, %d titles, %d stop words", len(g.Entries), len(g.Titles), len(g.Stoplist))
	}
	byName := map[string]*GazEntry{}
	for _, e := range g.Entries {
		byName[e.Name] = e
	}
	for name, alias := range map[string]string{"Kyiv": "Kiev", "Luhansk": "Lugansk", "Odesa": "Odessa", "Kharkiv": "Kharkov",
		"Sloviansk": "Slovyansk", "Sergei Lavrov": "Lavrov", "Volodymyr Zelensky": "Zelenskiy", "United States": "U.S."} {
		e := byName[name]
		if e == nil || !contains(e.Aliases, alias) {
			t.Errorf("%s should have alias %s", name, alias)
		}
	}
	if e := byName["Moscow"]; e == nil || e.Actor != "Russia" {
		t.Errorf("Moscow should act as Russia")
	}
	if e := byName["Russia"]; e == nil || !contains(e.Demonyms, "Russian") {
		t.Errorf("Russia should have demonym Russian")
	}
	if !contains(g.Stoplist, "February") {
		t.Errorf("months must be in the stoplist")
	}
}

func TestLoadGazetteerOverlay(t *testing.T) {
	g, errs := loadGazetteer(gazSource("entities:\n  - {name: Kyiv, kind: GPE, country: Ukraine, aliases: [Kiev, Kyjiw]}\n  - {name: Andriy Parubiy, kind: PERSON, country: Ukraine}\nstoplist: [Holodomor]\n"))
	if len(errs) > 0 {
		t.Fatal(errs.Err())
	}
	var kyiv *GazEntry
	n := 0
	for _, e := range g.Entries {
		if e.Name == "Kyiv" {
			kyiv = e
			n++
		}
	}
	if n != 1 || !contains(kyiv.Aliases, "Kyjiw") || kyiv.Actor != "" {
		t.Errorf("overlay should replace Kyiv in place: %+v (%d)", kyiv, n)
	}
	if !contains(g.Stoplist, "Holodomor") || !contains(g.Stoplist, "February") {
		t.Errorf("overlay stoplist should add words")
	}
}

func TestLoadGazetteerErrors(t *testing.T) {
	tests := []struct{ yaml, want string }{
		{"entities:\n  - {name: X, kind: CITY}\n", "user/gazetteer.yaml:2:5: rule X: kind \"CITY\" is not one of PERSON, GPE, ORG"},
		{"entities:\n  - {kind: GPE}\n", "entity has no name"},
		{"entities:\n  - {name: X, kind: ORG, demonyms: [Xian]}\n", "demonyms only apply to GPE"},
		{"entities:\n  - {name: X, kind: ORG, alias: [Y]}\n", "unknown key \"alias\""},
		{"entities:\n  - {name: Y, kind: ORG, aliases: [Kiev]}\n", "alias \"Kiev\" already belongs to \"Kyiv\""},
		{"entities:\n  - {name: Y, kind: ORG}\n  - {name: Y, kind: GPE}\n", "duplicate id"},
		{"titles: Mr\n", "user/gazetteer.yaml:1:9"},
		{"places: []\n", "unknown key \"places\""},
	}
	for _, tt := range tests {
		_, errs := loadGazetteer(gazSource(tt.yaml))
		if !strings.Contains(errs.Error(), tt.want) {
			t.Errorf("%q:\n got %v\nwant %q", tt.yaml, errs.Error(), tt.want)
		}
	}
}
