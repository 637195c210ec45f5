package timeml

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// FuzzParse checks that Parse never panics and that whatever it accepts
// writes back to a document that parses to the same text and timexes.
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join(fixtures, "*.tml"))
	for _, p := range files {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte(`<TEXT><TIMEX3 tid="t1" value="&quot;"/>a&amp;b<![CDATA[<x>]]></TEXT>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := Parse("fuzz.tml", data)
		if err != nil {
			return
		}
		var out bytes.Buffer
		if err := Write(&out, d, d.Timexes); err != nil {
			t.Fatalf("Write of a parsed doc: %v", err)
		}
		d2, err := Parse("fuzz.tml", out.Bytes())
		if err != nil {
			t.Fatalf("re-parse: %v\n%q", err, out.Bytes())
		}
		if d2.Text != d.Text || d2.DCTValue != d.DCTValue {
			t.Fatalf("text changed: %q -> %q", d.Text, d2.Text)
		}
		want := append([]Timex(nil), d.Timexes...)
		assignTIDs(want) // Write names timexes that have no tid
		if len(want) > 0 && !reflect.DeepEqual(d2.Timexes, want) {
			t.Fatalf("timexes changed: %+v -> %+v", d.Timexes, d2.Timexes)
		}
	})
}
