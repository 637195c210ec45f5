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
