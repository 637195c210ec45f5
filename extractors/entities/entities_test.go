package entities

import (
	"os"
	"strings"
	"testing"

	"github.com/timeline-news/timeline/extractors/tokens"
	"github.com/timeline-news/timeline/model"
	"github.com/timeline-news/timeline/rules"
)

// newTagger compiles the default gazetteer alone, so that a rule file of
// another stage in progress cannot break these tests.
func newTagger(t testing.TB) *Tagger {
	t.Helper()
	data, err := os.ReadFile("../../rules/gazetteer.yaml")
	if err != nil {
		t.Fatal(err)
	}
	set, err := rules.Load(rules.FromDocs(map[string][]rules.Doc{"gazetteer.yaml": {{Name: "rules/gazetteer.yaml", Data: data}}}))
	if err != nil {
		t.Fatal(err)
	}
	tg, err := Compile(set.Gazetteer)
	if err != nil {
		t.Fatal(err)
	}
	return tg
}

// tag runs tokens and the tagger on text, one body block per paragraph.
func tag(tg *Tagger, text string, opts Options) *model.Document {
	doc := &model.Document{Article: model.Article{Text: text}}
	start := 0
	for _, p := range strings.SplitAfter(text, "\n") {
		if e := start + len(strings.TrimRight(p, "\n")); strings.TrimSpace(text[start:e]) != "" {
			doc.Blocks = append(doc.Blocks, model.Block{Span: model.Span{Start: start, End: e}, Kind: model.BlockBody})
		}
		start += len(p)
	}
	tokens.Split(doc)
	tg.Tag(doc, opts)
	return doc
}

func find(doc *model.Document, text string) *model.Entity {
	for i := range doc.Entities {
		if doc.Entities[i].Text == text {
			return &doc.Entities[i]
		}
	}
	return nil
}

func TestGazetteer(t *testing.T) {
	tg := newTagger(t)
	tests := []struct {
		text, mention               string
		canonical, kind, actor, src string
	}{
		{"Protesters marched in Kiev on Sunday.", "Kiev", "Kyiv", model.Place, "Ukraine", SourceGazetteer},
		{"Rebels hold Lugansk.", "Lugansk", "Luhansk", model.Place, "", SourceGazetteer},
		{"Clashes in Odessa left 42 dead.", "Odessa", "Odesa", model.Place, "", SourceGazetteer},
		{"Kharkov was calm.", "Kharkov", "Kharkiv", model.Place, "", SourceGazetteer},
		{"Rebels in Slavyansk released them.", "Slavyansk", "Sloviansk", model.Place, "", SourceGazetteer},
		{"Moscow said the claims were unfounded.", "Moscow", "Moscow", model.Place, "Russia", SourceGazetteer},
		{"Talks were held in Moscow.", "Moscow", "Moscow", model.Place, "Russia", SourceGazetteer},
		{"The Kremlin denied it.", "Kremlin", "Kremlin", model.Org, "Russia", SourceGazetteer},
		{"Ukraine is a sovereign state.", "Ukraine", "Ukraine", model.Place, "", SourceGazetteer},
		{"U.S. Secretary of State John Kerry spoke.", "U.S.", "United States", model.Place, "", SourceGazetteer},
		{"U.S. Secretary of State John Kerry spoke.", "John Kerry", "John Kerry", model.Person, "", SourceGazetteer},
		{"Russian troops massed on the border.", "Russian", "Russia", model.Place, "Russia", SourceDemonym},
		{"Pro-Russian activists seized buildings.", "Russian", "Russia", model.Place, "Russia", SourceDemonym},
		{"Ukraine's Interior Ministry said so.", "Ukraine's Interior Ministry", "Interior Ministry of Ukraine", model.Org, "", SourceGazetteer},
		{"President Volodymyr Zelenskiy spoke.", "Volodymyr Zelenskiy", "Volodymyr Zelensky", model.Person, "", SourceGazetteer},
		{"The Organization for Security and Co-operation in Europe sent monitors.", "Organization for Security and Co-operation in Europe", "OSCE", model.Org, "", SourceGazetteer},
		{"They called for a Donetsk People's Republic.", "Donetsk People's Republic", "Donetsk People's Republic", model.Place, "", SourceGazetteer},
		{"He met Ban Ki-moon.", "Ban Ki-moon", "Ban Ki-moon", model.Person, "", SourceGazetteer},
	}
	for _, tt := range tests {
		doc := tag(tg, tt.text, Options{})
		e := find(doc, tt.mention)
		if e == nil {
			t.Errorf("%q: no entity %q in %+v", tt.text, tt.mention, doc.Entities)
			continue
		}
		if e.Canonical != tt.canonical || e.Kind != tt.kind || e.Actor != tt.actor || e.Source != tt.src {
			t.Errorf("%q: %q -> %s/%s actor %q source %s; want %s/%s actor %q source %s", tt.text, tt.mention,
				e.Canonical, e.Kind, e.Actor, e.Source, tt.canonical, tt.kind, tt.actor, tt.src)
		}
		if doc.Article.Text[e.Start:e.End] != e.Text {
			t.Errorf("%q: span %+v is not %q", tt.text, e.Span, e.Text)
		}
	}
}

func TestCoreference(t *testing.T) {
	tg := newTagger(t)
	text := "Foreign Minister Sergei Lavrov met Anatoliy Hrytsenko.\nMr Lavrov said the talks went well.\nSecretary Hagel agreed.\nMs Ashton and Mr Hrytsenko were not there.\nPower was cut in Donetsk."
	doc := tag(tg, text, Options{})
	want := map[string]string{"Mr Lavrov": "Sergei Lavrov", "Hagel": "Chuck Hagel", "Ashton": "Catherine Ashton", "Hrytsenko": "Hrytsenko"}
	for _, e := range doc.Entities {
		if e.Sentence == 1 && e.Text == "Lavrov" && e.Canonical != "Sergei Lavrov" {
			t.Errorf("Mr Lavrov -> %q", e.Canonical)
		}
		if e.Text == "Power" {
			t.Errorf("bare common-word surname tagged: %+v", e)
		}
		if w, ok := want[e.Text]; ok && e.Canonical != w {
			t.Errorf("%q -> %q, want %q", e.Text, e.Canonical, w)
		}
	}
	if e := find(doc, "Hagel"); e == nil || e.Kind != model.Person {
		t.Errorf("Secretary Hagel not resolved: %+v", doc.Entities)
	}
	if e := find(doc, "Hrytsenko"); e == nil || e.Source != SourceTitle {
		t.Errorf("Mr Hrytsenko (unknown) not tagged by title: %+v", e)
	}
}

func TestMonthsNeverEntities(t *testing.T) {
	tg := newTagger(t)
	for _, opts := range []Options{{}, {Model: !testing.Short()}} {
		doc := tag(tg, "In February, Viktor Yanukovych fled Kiev. On Monday, May 3, Anatoliy Hrytsenko said Ukraine would not give up Crimea.", opts)
		for _, e := range doc.Entities {
			if e.Text == "February" || e.Text == "Monday" || e.Text == "May" {
				t.Errorf("model=%v: %q tagged as %s", opts.Model, e.Text, e.Kind)
			}
			if e.Canonical == "Ukraine" && e.Kind != model.Place {
				t.Errorf("Ukraine tagged as %s", e.Kind)
			}
		}
	}
}

func TestModelFindsUnknownNames(t *testing.T) {
	if testing.Short() {
		t.Skip("prose NER is slow")
	}
	tg := newTagger(t)
	doc := tag(tg, "Ukraine's acting president Oleksandr Turchynov met Anatoliy Hrytsenko in Kiev on Friday.", Options{Model: true})
	var srcs []string
	for _, e := range doc.Entities {
		srcs = append(srcs, e.Text+"="+e.Canonical+"/"+e.Kind+"/"+e.Source)
		if e.Text == "Friday" {
			t.Errorf("weekday from model: %+v", e)
		}
	}
	if e := find(doc, "Kiev"); e == nil || e.Source != SourceGazetteer || e.Canonical != "Kyiv" {
		t.Errorf("gazetteer must win on Kiev: %v", srcs)
	}
	t.Logf("entities: %v", srcs)
}

func TestSeedArticle(t *testing.T) {
	tg := newTagger(t)
	data, err := os.ReadFile("testdata/article.txt")
	if err != nil {
		t.Fatal(err)
	}
	doc := tag(tg, string(data), Options{})
	count := map[string]int{}
	for _, e := range doc.Entities {
		count[e.Canonical]++
		if e.Sentence < 0 || e.Sentence >= len(doc.Sentences) || !doc.Sentences[e.Sentence].Contains(e.Span) {
			t.Errorf("entity %+v outside its sentence", e)
		}
	}
	for _, name := range []string{"John Kerry", "Sergei Lavrov", "Victoria Nuland", "Arsen Avakov", "Kyiv", "Luhansk", "Crimea", "Gazprom", "Vladimir Putin", "Viktor Yanukovych", "Catherine Ashton", "Andriy Deshchytsia"} {
		if count[name] == 0 {
			t.Errorf("%s not found", name)
		}
	}
	if count["Sergei Lavrov"] < 4 {
		t.Errorf("Lavrov mentions %d, want >= 4 (Mr Lavrov coref)", count["Sergei Lavrov"])
	}
}

func TestNoPanic(t *testing.T) {
	tg := newTagger(t)
	for _, text := range []string{"", "'s", "U.S.", "Mr", "Mr.", "\xff\xfe", "‘’", "Ki-", "-moon"} {
		tag(tg, text, Options{})
	}
	// Sentences with bad spans are skipped.
	doc := &model.Document{Article: model.Article{Text: "Kiev"}, Sentences: []model.Sentence{{Span: model.Span{Start: 2, End: 10}}}}
	tg.Tag(doc, Options{})
}

func BenchmarkTag(b *testing.B) {
	tg := newTagger(b)
	data, err := os.ReadFile("testdata/article.txt")
	if err != nil {
		b.Fatal(err)
	}
	doc := tag(tg, string(data), Options{})
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		tg.Tag(doc, Options{})
	}
}

func TestDefiniteDescription(t *testing.T) {
	text := "Ukraine's Interior Ministry said its forces retook the building. The ministry said earlier that the airport was also taken."
	doc := tag(newTagger(t), text, Options{})
	got := corefs(doc)
	if len(got) != 1 || got[0] != "The ministry=Interior Ministry of Ukraine" {
		t.Errorf("coreference %q, want the ministry resolved to the Interior Ministry", got)
	}
}

func TestRoleNounsAndTitles(t *testing.T) {
	text := "President Joe Biden spoke. Human rights activist Marina Litvinovich said the protests would go on. Later the president said he was worried."
	doc := tag(newTagger(t), text, Options{})
	got := map[string]string{}
	for _, e := range doc.Entities {
		got[e.Text] = e.Canonical + "/" + e.Kind
	}
	for text, want := range map[string]string{
		"Marina Litvinovich": "Marina Litvinovich/PERSON",
		"the president":      "Joe Biden/PERSON",
	} {
		if got[text] != want {
			t.Errorf("%q -> %q, want %q (all: %v)", text, got[text], want, got)
		}
	}
}

// "The president" is the one the article names with the bare title, not
// another country's president introduced later ("Ukrainian President ..."),
// unless the article names no president with the bare title.
func TestBareTitleWins(t *testing.T) {
	tg := newTagger(t)
	doc := tag(tg, "President Joe Biden unveiled sanctions. He met Ukrainian President Volodymyr Zelenskyy. Later the president said he was worried.", Options{})
	if e := find(doc, "the president"); e == nil || e.Canonical != "Joe Biden" {
		t.Errorf("the president -> %+v, want Joe Biden", e)
	}
	doc = tag(tg, "Russian President Vladimir Putin spoke. Then Ukrainian President Volodymyr Zelenskyy replied. Later the president said he was worried.", Options{})
	if e := find(doc, "the president"); e == nil || e.Canonical != "Volodymyr Zelensky" {
		t.Errorf("the president -> %+v, want the last president named", e)
	}
}

// A capitalised run before a known name is the end of its title, not an
// unknown person: "Minister of Foreign Affairs Dmytro Kuleba".
func TestTitleBeforeKnownName(t *testing.T) {
	tg := newTagger(t)
	doc := tag(tg, "Ukrainian Minister of Foreign Affairs Dmytro Kuleba said the theater had been destroyed.", Options{})
	for _, e := range doc.Entities {
		if e.Kind == model.Person && e.Canonical != "Dmytro Kuleba" {
			t.Errorf("unexpected person %q", e.Text)
		}
	}
	if e := find(doc, "Dmytro Kuleba"); e == nil {
		t.Errorf("Dmytro Kuleba not found: %+v", doc.Entities)
	}
}

// A name "X of Y" is headed by X: "the court" after the International
// Court of Justice is that court, not another one named before it.
func TestDefiniteHeadBeforeOf(t *testing.T) {
	text := "The International Criminal Court opened an inquiry. Ukraine brought a case at the International Court of Justice. The court could decide the case this week."
	doc := tag(newTagger(t), text, Options{})
	got := corefs(doc)
	if len(got) != 1 || got[0] != "The court=International Court of Justice" {
		t.Errorf("coreference %q, want the court resolved to the International Court of Justice", got)
	}
}

// corefs lists the entities coreference resolved, as "text=canonical".
func corefs(doc *model.Document) []string {
	var got []string
	for _, e := range doc.Entities {
		if e.Source == SourceCoref {
			got = append(got, e.Text+"="+e.Canonical)
		}
	}
	return got
}
