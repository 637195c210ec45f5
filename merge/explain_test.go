package merge

import (
	"strings"
	"testing"

	"github.com/timeline-news/timeline/model"
)

// TestReasonAgreesWithMerge: explain must never contradict the merge.
func TestReasonAgreesWithMerge(t *testing.T) {
	m := New(testRules())
	cases := []struct {
		name string
		a, b model.Mention
		want bool
		says string
	}{
		{"shared place", mention("a", "2014-04-09", "release", "allowed to leave", 10, nil, []string{"Luhansk"}),
			mention("b", "2014-04-09", "release", "freed", 50, []string{"SBU"}, []string{"Luhansk"}), true, "shared names: Luhansk"},
		{"grouped types", mention("a", "2014-04-09", "threat", "warned", 90, []string{"Arsen Avakov"}, nil),
			mention("b", "2014-04-09", "statement", "said", 70, []string{"Arsen Avakov"}, nil), true, "merge group"},
		{"other speakers", mention("a", "2014-04-09", "statement", "said", 200, []string{"Russia"}, nil),
			mention("b", "2014-04-09", "statement", "said", 300, []string{"Russia", "Nuland"}, nil), false, "speakers differ"},
		{"only a common actor", mention("a", "2014-04-09", "meeting", "met", 200, []string{"Russia"}, nil),
			mention("b", "2014-04-09", "meeting", "talks", 300, []string{"Russia", "Nuland"}, nil), false, "too common"},
		{"other day", mention("a", "2014-04-09", "release", "freed", 10, nil, []string{"Luhansk"}),
			mention("b", "2014-04-08", "release", "freed", 400, nil, []string{"Luhansk"}), false, "different dates"},
		{"types apart", mention("a", "2014-04-09", "release", "freed", 10, nil, []string{"Luhansk"}),
			mention("b", "2014-04-09", "meeting", "met", 400, nil, []string{"Luhansk"}), false, "no common merge group"},
		{"same trigger", mention("a", "2014-04-09", "meeting", "talks", 10, nil, nil),
			mention("b", "2014-04-09", "meeting", "Talks", 400, nil, nil), true, `same trigger "talks"`},
		{"both anonymous", mention("a", "2014-04-09", "meeting", "talks", 10, nil, nil),
			mention("b", "2014-04-09", "meeting", "met", 400, nil, nil), true, "same rule meeting, both name nobody"},
		{"nothing shared", mention("a", "2014-04-09", "meeting", "talks", 10, []string{"EU"}, nil),
			mention("b", "2014-04-09", "meeting", "met", 400, []string{"NATO"}, nil), false, "no shared actor"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ok, why := m.Reason(&c.a, &c.b)
			if ok != c.want {
				t.Errorf("Reason = %v (%s), want %v", ok, why, c.want)
			}
			if c.a.Date == c.b.Date && ok != m.same(&c.a, &c.b) {
				t.Errorf("Reason %v disagrees with same", ok)
			}
			if !strings.Contains(why, c.says) {
				t.Errorf("reason %q does not say %q", why, c.says)
			}
		})
	}
}

func TestLoneReason(t *testing.T) {
	rs := testRules()
	rs.Merge.AnonymousSingle.Types = []string{"release", "statement"}
	m := New(rs)
	anon := mention("a", "2014-W08", "release", "freed", 10, nil, nil)
	named := mention("b", "2014-W08", "release", "released", 90, []string{"SBU"}, []string{"Luhansk"})
	if ok, why := m.LoneReason(&named, &anon); !ok || !strings.Contains(why, "anonymous_single") {
		t.Errorf("anonymous release: %v %q", ok, why)
	}
	for _, c := range []struct {
		name string
		a, b model.Mention
	}{
		{"both named", named, mention("a", "2014-W08", "release", "freed", 10, []string{"SBU"}, nil)},
		{"other date", mention("a", "2014-W07", "release", "freed", 10, nil, nil), named},
		{"other type", mention("a", "2014-W08", "meeting", "talks", 10, nil, nil), mention("b", "2014-W08", "meeting", "met", 9, []string{"SBU"}, nil)},
		{"by speaker", mention("a", "2014-W08", "statement", "said", 10, nil, nil), mention("b", "2014-W08", "statement", "said", 9, []string{"SBU"}, nil)},
	} {
		if ok, why := m.LoneReason(&c.a, &c.b); ok {
			t.Errorf("%s: %q", c.name, why)
		}
	}
}
