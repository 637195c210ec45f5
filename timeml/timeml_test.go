package timeml

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"
)

const fixtures = "../testdata/timeml"

func load(t *testing.T, name string) ([]byte, *Doc) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(fixtures, name))
	if err != nil {
		t.Fatal(err)
	}
	d, err := Parse(name, data)
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return data, d
}

type want struct{ text, typ, value, mod string }

func TestParseFixtures(t *testing.T) {
	tests := []struct {
		file     string
		dctValue string
		dct      time.Time
		timexes  []want
		inText   []string
	}{
		{"wire1.tml", "2014-04-09", time.Date(2014, 4, 9, 0, 0, 0, 0, time.UTC), []want{
			{"Wednesday", "DATE", "2014-04-09", ""},
			{"late Tuesday evening", "TIME", "2014-04-08TEV", ""},
			{"1998", "DATE", "1998", ""},
			{"two weeks", "DURATION", "P2W", "LESS_THAN"},
		}, []string{"Smith &amp; Sons", "authority said Wednesday that"}},
		{"wire2.tml", "2021-11-30", time.Date(2021, 11, 30, 0, 0, 0, 0, time.UTC), []want{
			{"late this month", "DATE", "2021-11", "END"},
			{"", "DURATION", "P1Y", ""},
			{"on Friday", "DATE", "2021-12-03", ""},
			{"every week", "SET", "P1W", ""},
			{"further notice", "DATE", "FUTURE_REF", ""},
		}, []string{"month, the <b>bureau</b> & co said.", "&#8220;until further notice&#x201D;"}},
		{"nodct.tml", "", time.Time{}, []want{
			{"31 December 1999", "DATE", "1999-12-31", ""},
		}, []string{"Café owners met on 31 December 1999."}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			_, d := load(t, tt.file)
			if d.DCTValue != tt.dctValue || !d.DCT.Equal(tt.dct) {
				t.Errorf("DCT = %q %v, want %q %v", d.DCTValue, d.DCT, tt.dctValue, tt.dct)
			}
			var got []want
			for _, x := range d.Timexes {
				got = append(got, want{d.Span(x), x.Type, x.Value, x.Mod})
			}
			if !reflect.DeepEqual(got, tt.timexes) {
				t.Errorf("timexes\n got %q\nwant %q", got, tt.timexes)
			}
			for _, s := range tt.inText {
				if !strings.Contains(d.Text, s) {
					t.Errorf("Text lacks %q:\n%s", s, d.Text)
				}
			}
			if strings.Contains(d.Text, "<EVENT") || strings.Contains(d.Text, "<TIMEX3") {
				t.Errorf("tags left in Text")
			}
		})
	}
}

var (
	tagRE   = regexp.MustCompile(`<[^>]*>`)
	cdataRE = regexp.MustCompile(`(?s)<!\[CDATA\[.*?\]\]>`)
)

// textSection returns the bytes between <TEXT> and </TEXT>.
func textSection(b []byte) []byte {
	i := bytes.Index(b, []byte("<TEXT>"))
	j := bytes.LastIndex(b, []byte("</TEXT>"))
	return b[i+6 : j]
}

func TestRoundTrip(t *testing.T) {
	for _, name := range []string{"wire1.tml", "wire2.tml", "nodct.tml"} {
		t.Run(name, func(t *testing.T) {
			in, d := load(t, name)
			var out bytes.Buffer
			if err := Write(&out, d, d.Timexes); err != nil {
				t.Fatal(err)
			}
			d2, err := Parse(name, out.Bytes())
			if err != nil {
				t.Fatalf("re-parse: %v\n%s", err, out.String())
			}
			if d2.Text != d.Text || d2.DCTValue != d.DCTValue {
				t.Errorf("text or DCT changed:\n%q\n%q", d.Text, d2.Text)
			}
			if !reflect.DeepEqual(d2.Timexes, d.Timexes) {
				t.Errorf("timexes changed:\n%+v\n%+v", d.Timexes, d2.Timexes)
			}
			// Everything outside TEXT byte-identical.
			i := bytes.Index(in, []byte("<TEXT>"))
			j := bytes.LastIndex(in, []byte("</TEXT>"))
			o := out.Bytes()
			if !bytes.Equal(o[:i], in[:i]) || !bytes.HasSuffix(o, in[j:]) {
				t.Errorf("markup outside TEXT changed:\n%s", o)
			}
			// Only TIMEX3 tags remain inside TEXT.
			for _, tag := range tagRE.FindAll(cdataRE.ReplaceAll(textSection(o), nil), -1) {
				if !bytes.HasPrefix(tag, []byte("<TIMEX3 ")) && !bytes.Equal(tag, []byte("</TIMEX3>")) {
					t.Errorf("tag %s kept inside TEXT", tag)
				}
			}
		})
	}
}

func TestWriteSystemTimexes(t *testing.T) {
	_, d := load(t, "wire2.tml")
	find := func(s string) (int, int) {
		i := strings.Index(d.Text, s)
		if i < 0 {
			t.Fatalf("%q not in text", s)
		}
		return i, i + len(s)
	}
	s1, e1 := find("this month")
	s2, e2 := find("bureau</b> & co said.\nTalks") // crosses the end of the CDATA section
	s3, e3 := find("&#8220;until")
	tx := []Timex{
		{Start: s2, End: e2, Type: "DATE", Value: `odd "value" <&>`},
		{Start: s1, End: e1, Type: "DATE", Value: "2021-11", Mod: "END"},
		{Start: s3, End: e3, TID: "t1", Type: "DATE", Value: "X"},
	}
	var out bytes.Buffer
	if err := Write(&out, d, tx); err != nil {
		t.Fatal(err)
	}
	d2, err := Parse("wire2.tml", out.Bytes())
	if err != nil {
		t.Fatalf("re-parse: %v\n%s", err, out.String())
	}
	if d2.Text != d.Text {
		t.Fatalf("text changed:\n%q\n%q", d.Text, d2.Text)
	}
	got := []string{}
	for _, x := range d2.Timexes {
		got = append(got, x.TID+"|"+d2.Span(x)+"|"+x.Value+"|"+x.Mod)
	}
	wantTx := []string{"t2|this month|2021-11|END", `t3|bureau</b> & co said.` + "\nTalks" + `|odd "value" <&>|`, "t1|&#8220;until|X|"}
	if !reflect.DeepEqual(got, wantTx) {
		t.Errorf("got %q\nwant %q", got, wantTx)
	}
}

func TestWriteRejects(t *testing.T) {
	_, d := load(t, "wire1.tml")
	amp := strings.Index(d.Text, "&amp;")
	tests := []struct {
		name string
		tx   []Timex
		msg  string
	}{
		{"out of range", []Timex{{Start: 5, End: len(d.Text) + 1}}, "outside the text"},
		{"reversed", []Timex{{Start: 5, End: 4}}, "outside the text"},
		{"overlap", []Timex{{Start: 1, End: 10}, {Start: 5, End: 12}}, "overlaps"},
		{"entity", []Timex{{Start: amp + 1, End: amp + 10}}, "entity reference"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Write(&bytes.Buffer{}, d, tt.tx)
			if err == nil || !strings.Contains(err.Error(), tt.msg) || !strings.HasPrefix(err.Error(), "wire1.tml: ") {
				t.Errorf("err = %v, want %q", err, tt.msg)
			}
		})
	}
}

func TestClean(t *testing.T) {
	d := New("x", "on Monday morning next week", time.Time{})
	kept, bad := Clean(d, []Timex{{Start: 3, End: 9, TID: "a"}, {Start: 3, End: 17, TID: "b"}, {Start: 18, End: 27, TID: "c"}, {Start: 8, End: 8, TID: "e"}})
	var ids []string
	for _, x := range kept {
		ids = append(ids, x.TID)
	}
	if !reflect.DeepEqual(ids, []string{"b", "c"}) || len(bad) != 2 {
		t.Errorf("kept %v, dropped %v", ids, bad)
	}
}

func TestNewDocWrite(t *testing.T) {
	d := New("made.tml", "Met on 3 May & left.", time.Date(2020, 5, 4, 0, 0, 0, 0, time.UTC))
	if err := Write(&bytes.Buffer{}, d, nil); err == nil {
		t.Fatal("bare & accepted")
	}
	d.Text = "Met on 3 May &amp; left."
	var out bytes.Buffer
	if err := Write(&out, d, []Timex{{Start: 7, End: 12, Type: "DATE", Value: "2020-05-03"}}); err != nil {
		t.Fatal(err)
	}
	d2, err := Parse("made.tml", out.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if d2.Text != d.Text || d2.DCTValue != "2020-05-04" || len(d2.Timexes) != 1 || d2.Span(d2.Timexes[0]) != "3 May" || d2.Timexes[0].TID != "t1" {
		t.Errorf("got %+v\n%s", d2, out.String())
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ name, in, msg string }{
		{"no text", "<TimeML><DCT/></TimeML>", "f.tml: no <TEXT>"},
		{"unclosed text", "<TimeML>\n<TEXT>abc", "f.tml:2: <TEXT> is not closed"},
		{"mismatch", "<TEXT>\n<EVENT>a</SIGNAL></TEXT>", "f.tml:2: </SIGNAL> closes <EVENT> of line 2"},
		{"stray end", "<TEXT>a</EVENT></TEXT>", "f.tml:1: </EVENT> without a start tag"},
		{"bare amp", "<TEXT>\n\nAT&T</TEXT>", "f.tml:3: '&' not starting"},
		{"bare lt", "<TEXT>a < b</TEXT>", "f.tml:1: '<' not starting a tag"},
		{"nested timex", "<TEXT><TIMEX3 tid=\"t1\">a\n<TIMEX3 tid=\"t2\">b</TIMEX3></TIMEX3></TEXT>", "f.tml:2: TIMEX3 nested"},
		{"unquoted", "<TEXT><TIMEX3 tid=t1>a</TIMEX3></TEXT>", "not quoted"},
		{"unterminated value", "<TEXT><TIMEX3 tid=\"t1>a</TIMEX3></TEXT>", "unterminated value"},
		{"lt in value", "<TEXT><TIMEX3 tid=\"a<b\">a</TIMEX3></TEXT>", "'<' in value"},
		{"comment", "<TEXT><!-- a</TEXT>", "unterminated <!--"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("f.tml", []byte(tt.in))
			if err == nil || !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("err = %v, want %q", err, tt.msg)
			}
		})
	}
}

func TestParseDCTForms(t *testing.T) {
	for _, v := range []string{"1998-01-08", "19980108", "1998-01-08T18:30", "1998-01-08T18:30:00"} {
		d, err := Parse("f", []byte(`<DCT><TIMEX3 tid="t0" value="`+v+`"/></DCT><TEXT>x</TEXT>`))
		if err != nil || d.DCT.Year() != 1998 || d.DCT.YearDay() != 8 {
			t.Errorf("%s: %v %v", v, d, err)
		}
	}
	// CREATION_TIME outside a DCT element, entity in the value.
	d, err := Parse("f", []byte(`<TIMEX3 functionInDocument="CREATION_TIME" value="2001&#45;02-03"/><TEXT/>`))
	if err != nil || d.DCTValue != "2001-02-03" || d.Text != "" {
		t.Errorf("%+v %v", d, err)
	}
}
