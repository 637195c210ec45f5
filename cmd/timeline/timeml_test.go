package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/timeline-news/timeline/timeml"
)

const tmlFixtures = "../../testdata/timeml"

func runTML(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := run(context.Background(), args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestTimeMLCommand(t *testing.T) {
	dir := t.TempDir()
	code, _, stderr := runTML("timeml", "-o", dir, "--quiet", tmlFixtures)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	files, _ := filepath.Glob(filepath.Join(tmlFixtures, "*.tml"))
	for _, f := range files {
		in, _ := os.ReadFile(f)
		out, err := os.ReadFile(filepath.Join(dir, filepath.Base(f)))
		if err != nil {
			t.Fatal(err)
		}
		gold, err := timeml.Parse(f, in)
		if err != nil {
			t.Fatal(err)
		}
		sys, err := timeml.Parse("out", out)
		if err != nil {
			t.Fatalf("%s: output does not parse: %v", f, err)
		}
		if sys.Text != gold.Text || sys.DCTValue != gold.DCTValue {
			t.Errorf("%s: text or DCT changed", f)
		}
		// The DCT element is kept byte for byte.
		if i := bytes.Index(in, []byte("<DCT>")); i >= 0 {
			j := bytes.Index(in, []byte("</DCT>"))
			if !bytes.Contains(out, in[i:j]) {
				t.Errorf("%s: DCT element changed", f)
			}
		}
		if bytes.Contains(out, []byte("<EVENT")) && bytes.Index(out, []byte("<EVENT")) < bytes.Index(out, []byte("</TEXT>")) {
			t.Errorf("%s: EVENT tags kept inside TEXT", f)
		}
	}
	// wire1 has plain dates our tagger must find.
	out, _ := os.ReadFile(filepath.Join(dir, "wire1.tml"))
	if !bytes.Contains(out, []byte(`value="1998">1998</TIMEX3>`)) {
		t.Errorf("1998 not tagged:\n%s", out)
	}
}

func TestTimeMLCommandStdoutAndUsage(t *testing.T) {
	code, stdout, stderr := runTML("timeml", filepath.Join(tmlFixtures, "nodct.tml"))
	if code != exitOK || !strings.Contains(stdout, "<TEXT>Café owners met on <TIMEX3 ") {
		t.Errorf("exit %d\nstdout %s\nstderr %s", code, stdout, stderr)
	}
	if !strings.Contains(stderr, "no usable DCT") {
		t.Errorf("no DCT warning: %s", stderr)
	}
	tests := []struct {
		args []string
		msg  string
	}{
		{[]string{"timeml"}, "no input"},
		{[]string{"timeml", tmlFixtures}, "use -o DIR"},
		{[]string{"timeml", "no-such-file.tml"}, "no-such-file.tml"},
		{[]string{"timeml", "-o", tmlFixtures, tmlFixtures}, "would overwrite the input"},
		{[]string{"eval", "--gold", tmlFixtures, "--system", tmlFixtures}, "want exactly one task"},
		{[]string{"eval", "timex", "--gold", tmlFixtures}, "--gold and --system are required"},
		{[]string{"eval", "timex", "--gold", "nowhere", "--system", tmlFixtures}, "nowhere"},
	}
	for _, tt := range tests {
		code, _, stderr := runTML(tt.args...)
		if code != exitUsage || !strings.Contains(stderr, tt.msg) {
			t.Errorf("%q: exit %d, stderr %q, want usage error with %q", tt.args, code, stderr, tt.msg)
		}
	}
}

func TestEvalCommand(t *testing.T) {
	// Gold against itself scores 100.
	code, stdout, stderr := runTML("eval", "timex", "--gold", tmlFixtures, "--system", tmlFixtures)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"documents 3  gold 9  system 9", "strict     100.00  100.00  100.00        9", "value       100.00 100.00        9"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("lacks %q:\n%s", want, stdout)
		}
	}
	// A system dir with one changed value, one missing document and a broken one.
	sys := t.TempDir()
	in, _ := os.ReadFile(filepath.Join(tmlFixtures, "wire1.tml"))
	os.WriteFile(filepath.Join(sys, "wire1.tml"), bytes.Replace(in, []byte(`value="P2W"`), []byte(`value="P3W"`), 1), 0o644)
	os.WriteFile(filepath.Join(sys, "nodct.tml"), []byte("<TEXT>broken"), 0o644)
	code, stdout, stderr = runTML("eval", "timex", "--gold", tmlFixtures, "--system", sys, "--errors", "5")
	if code != exitFailed || !strings.Contains(stderr, "nodct.tml:1: <TEXT> is not closed") {
		t.Errorf("exit %d, stderr %s", code, stderr)
	}
	for _, want := range []string{"gold 9  system 4", "no system document", `1      value  "two weeks"  DURATION P2W`} {
		if !strings.Contains(stdout, want) {
			t.Errorf("lacks %q:\n%s", want, stdout)
		}
	}
}
