package chronodiff

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/timeline-news/timeline/model"
)

// m is a mention of article a at trigger offset off.
func m(a string, off int, date, typ, rule string) model.Mention {
	return model.Mention{Article: a, TriggerStart: off, Date: date, Type: typ, Rule: rule, Trigger: "t" + rule,
		Sentence: "sentence of " + a, Time: model.TimeRef{Text: "Wednesday", Value: date, Rule: "weekday", Via: "own"}}
}

func ev(id, date, typ string, ms ...model.Mention) model.Event {
	return model.Event{ID: id, Date: date, Type: typ, Mentions: ms}
}

func tl(es ...model.Event) *model.Timeline { return &model.Timeline{Events: es} }

func TestCompareKinds(t *testing.T) {
	a1, a2, b1 := m("a", 10, "2014-04-09", "release", "release"), m("a", 50, "2014-04-09", "release", "release"), m("b", 10, "2014-04-09", "release", "release")
	cases := []struct {
		name       string
		base, head *model.Timeline
		want       []string // kinds of each change, in order
		evidence   int      // evidence rows of the first change
	}{
		{"unchanged", tl(ev("e1", "2014-04-09", "release", a1)), tl(ev("e1", "2014-04-09", "release", a1)), nil, 0},
		{"added", tl(), tl(ev("e1", "2014-04-09", "release", a1)), []string{"added"}, 1},
		{"removed", tl(ev("e1", "2014-04-09", "release", a1)), tl(), []string{"removed"}, 1},
		{"redated", tl(ev("e1", "2014-04-09", "release", a1)),
			tl(ev("e2", "2014-04-08", "release", m("a", 10, "2014-04-08", "release", "release"))), []string{"redated"}, 1},
		{"retyped", tl(ev("e1", "2014-04-09", "release", a1)),
			tl(ev("e2", "2014-04-09", "humanitarian", m("a", 10, "2014-04-09", "humanitarian", "release"))), []string{"retyped"}, 1},
		{"redated and retyped", tl(ev("e1", "2014-04-09", "release", a1)),
			tl(ev("e2", "2014-04-08", "humanitarian", m("a", 10, "2014-04-08", "humanitarian", "release"))), []string{"redated,retyped"}, 1},
		{"merged", tl(ev("e1", "2014-04-09", "release", a1), ev("e2", "2014-04-09", "release", b1)),
			tl(ev("e3", "2014-04-09", "release", a1, b1)), []string{"merged"}, 2},
		{"split", tl(ev("e3", "2014-04-09", "release", a1, b1)),
			tl(ev("e1", "2014-04-09", "release", a1), ev("e2", "2014-04-09", "release", b1)), []string{"split"}, 2},
		{"regrouped", tl(ev("e1", "2014-04-09", "release", a1, a2), ev("e2", "2014-04-09", "release", b1)),
			tl(ev("e3", "2014-04-09", "release", a1), ev("e4", "2014-04-09", "release", a2, b1)), []string{"regrouped"}, 3},
		{"lost a mention", tl(ev("e1", "2014-04-09", "release", a1, b1)),
			tl(ev("e2", "2014-04-09", "release", a1)), []string{"changed"}, 1}, // only the lost mention is evidence
		{"other time rule", tl(ev("e1", "2014-04-09", "release", a1)),
			tl(ev("e1", "2014-04-09", "release", func() model.Mention { x := a1; x.Time.Rule = "weekday2"; return x }())), []string{"changed"}, 1},
		{"chronological order", tl(ev("e1", "2014-04-09", "release", a1), ev("e2", "2014-04", "release", b1)), tl(),
			[]string{"removed", "removed"}, 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := Compare(c.base, c.head, func(side string, m model.Mention) string { return "why " + side })
			var got []string
			for _, ch := range d.Changes {
				got = append(got, strings.Join(ch.Kinds, ","))
			}
			if !reflect.DeepEqual(got, c.want) {
				t.Fatalf("kinds %v, want %v", got, c.want)
			}
			if d.Empty() != (len(c.want) == 0) {
				t.Errorf("Empty() = %v", d.Empty())
			}
			if len(d.Changes) > 0 && len(d.Changes[0].Evidence) != c.evidence {
				t.Errorf("evidence %d rows, want %d: %+v", len(d.Changes[0].Evidence), c.evidence, d.Changes[0].Evidence)
			}
		})
	}
}

func TestCompareWhyAndOrder(t *testing.T) {
	base := tl(ev("e1", "2014-04-09", "release", m("a", 10, "2014-04-09", "release", "release")),
		ev("e0", "2014-02", "leadership", m("b", 5, "2014-02", "leadership", "oust")))
	head := tl(ev("e5", "2014-04-10", "meeting", m("c", 7, "2014-04-10", "meeting", "meet")))
	var asked []string
	d := Compare(base, head, func(side string, m model.Mention) string {
		asked = append(asked, side+":"+m.Article)
		return "no rule fires"
	})
	if len(d.Changes) != 3 || d.Changes[0].Date != "2014-02" || d.Changes[2].Date != "2014-04-10" {
		t.Fatalf("changes not in chronological order: %+v", d.Changes)
	}
	if ev := d.Changes[0].Evidence[0]; ev.Why != "no rule fires" || ev.Head != nil || ev.Base == nil || ev.Base.Rule != "oust" {
		t.Errorf("removed evidence: %+v", ev)
	}
	if strings.Join(asked, " ") == "" || !strings.Contains(strings.Join(asked, " "), "base:c") {
		t.Errorf("why asked about %v", asked)
	}
	// The same chronologies in another order give the same diff.
	rev := tl(base.Events[1], base.Events[0])
	if d2 := Compare(rev, head, nil); !reflect.DeepEqual(kinds(d), kinds(d2)) {
		t.Errorf("order dependent: %v vs %v", kinds(d), kinds(d2))
	}
	want := []KindCount{{"added", 1}, {"removed", 2}}
	if !reflect.DeepEqual(d.Counts, want) {
		t.Errorf("counts %v, want %v", d.Counts, want)
	}
}

func kinds(d *Diff) []string {
	var out []string
	for _, c := range d.Changes {
		out = append(out, strings.Join(c.Kinds, ",")+"@"+c.Date)
	}
	return out
}

func TestWrite(t *testing.T) {
	d := Compare(tl(ev("e1", "2014-04-09", "release", m("a", 10, "2014-04-09", "release", "release"))),
		tl(ev("e2", "2014-04-09", "humanitarian", m("a", 10, "2014-04-09", "humanitarian", "release"))), nil)
	d.Base, d.Head = "main", "rules/"
	for _, f := range []struct{ format, want string }{
		{"text", "retyped 2014-04-09: type release -> humanitarian"},
		{"md", "| retyped | 2014-04-09 | `e1` | `e2` |"},
		{"json", `"kinds": [`},
	} {
		var b bytes.Buffer
		if err := Write(&b, f.format, d); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(b.String(), f.want) {
			t.Errorf("%s lacks %q:\n%s", f.format, f.want, b.String())
		}
	}
	var b bytes.Buffer
	if err := Write(&b, "json", d); err != nil {
		t.Fatal(err)
	}
	var back Diff
	if err := json.Unmarshal(b.Bytes(), &back); err != nil || len(back.Changes) != 1 || back.Changes[0].Evidence[0].Head.Type != "humanitarian" {
		t.Errorf("json does not round-trip: %v %+v", err, back)
	}
	if err := Write(&b, "xml", d); err == nil {
		t.Error("unknown format accepted")
	}
	b.Reset()
	_ = Write(&b, "md", Compare(tl(), tl(), nil))
	if !strings.Contains(b.String(), "no change") {
		t.Errorf("empty md: %s", b.String())
	}
}
