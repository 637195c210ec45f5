package main

// Robustness of the extract command, as batch runs over broken archives
// need it: hostile inputs, exit statuses, signals, determinism. Tests that
// need a real process share one binary built with go build.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/timeline-news/timeline/model"
)

const seedsDir = "../../testdata/seeds"

// goodText yields one dated event (a meeting on 2014-03-30).
const goodText = "Kerry and Lavrov met in Paris on March 30, 2014, to discuss the crisis.\n"

var (
	binOnce sync.Once
	binDir  string
	binFile string
	binErr  error
)

func TestMain(m *testing.M) {
	code := m.Run()
	if binDir != "" {
		os.RemoveAll(binDir)
	}
	os.Exit(code)
}

// timelineBin builds the command once per test binary and returns its path.
func timelineBin(t *testing.T) string {
	t.Helper()
	binOnce.Do(func() {
		goTool, err := exec.LookPath("go")
		if err != nil {
			goTool = filepath.Join(os.Getenv("GOROOT"), "bin", "go")
		}
		if binDir, binErr = os.MkdirTemp("", "timeline-bin-"); binErr != nil {
			return
		}
		binFile = filepath.Join(binDir, "timeline")
		if out, err := exec.Command(goTool, "build", "-o", binFile, ".").CombinedOutput(); err != nil {
			binErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if binErr != nil {
		t.Fatal(binErr)
	}
	return binFile
}

// runBin runs the binary to completion and returns stdout, stderr, status.
func runBin(t *testing.T, env []string, args ...string) (string, string, int) {
	t.Helper()
	cmd := exec.Command(timelineBin(t), args...)
	cmd.Env = append(os.Environ(), env...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	if err != nil && cmd.ProcessState == nil {
		t.Fatal(err)
	}
	return out.String(), errb.String(), cmd.ProcessState.ExitCode()
}

func writeFile(t *testing.T, path string, data []byte) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// frontMatter wraps body in front matter with a publication date.
func frontMatter(id, body string) []byte {
	return []byte("---\nid: " + id + "\npublished: 2014-04-01\n---\n" + body)
}

func jsonLine(id, text string) string {
	b, _ := json.Marshal(map[string]string{"id": id, "published": "2014-04-01", "text": text})
	return string(b) + "\n"
}

// hugeLine writes a file of one line of n bytes: prefix, filler, suffix.
func hugeLine(t *testing.T, path, prefix, suffix string, n int) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	chunk := bytes.Repeat([]byte("a"), 1<<20)
	f.WriteString(prefix)
	for left := n - len(prefix) - len(suffix); left > 0; left -= len(chunk) {
		if _, err := f.Write(chunk[:min(left, len(chunk))]); err != nil {
			t.Fatal(err)
		}
	}
	f.WriteString(suffix)
}

// hostile is one broken input: make creates it under dir and returns the
// path given on the command line and the path the message must name.
type hostile struct {
	name   string
	make   func(t *testing.T, dir string) (arg, named string)
	reason string   // in the message
	line   int      // line named in the message (JSON Lines, front matter), 0 if none
	warn   bool     // a warning (the article or run still succeeds), not an error
	good   []string // ids of good articles in the same input that must come out
	root   bool     // cannot be tested as root
}

func hostiles() []hostile {
	file := func(name string, data []byte) func(*testing.T, string) (string, string) {
		return func(t *testing.T, dir string) (string, string) {
			p := writeFile(t, filepath.Join(dir, name), data)
			return p, p
		}
	}
	return []hostile{
		{name: "binary", make: file("logo.txt", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00")), reason: "binary data"},
		{name: "invalid UTF-8", make: file("latin1.txt", []byte("Caf\xe9 talks in Kyiv on March 30, 2014.\n")), reason: "not valid UTF-8 at byte 3"},
		{name: "empty", make: file("empty.txt", nil), reason: "empty article"},
		{name: "whitespace only", make: file("blank.txt", []byte(" \n\t\r\n   \n")), reason: "empty article"},
		{name: "50 MB line", make: func(t *testing.T, dir string) (string, string) {
			p := filepath.Join(dir, "huge.txt")
			hugeLine(t, p, "", "", 50<<20)
			return p, p
		}, reason: "over the 10485760-byte limit"},
		{name: "50 MB JSONL line", make: func(t *testing.T, dir string) (string, string) {
			p := filepath.Join(dir, "huge.jsonl")
			hugeLine(t, p, `{"id": "huge", "text": "`, "\"}\n"+jsonLine("after-huge", goodText), 50<<20)
			return p, p
		}, reason: "line is over the 10485760-byte limit", line: 1, good: []string{"after-huge"}},
		{name: "10,000-line front matter", make: func(t *testing.T, dir string) (string, string) {
			var b strings.Builder
			b.WriteString("---\n")
			for i := range 10000 {
				fmt.Fprintf(&b, "key%d: value\n", i)
			}
			b.WriteString("---\n" + goodText)
			p := writeFile(t, filepath.Join(dir, "longfm.md"), []byte(b.String()))
			return p, p
		}, reason: "front matter not closed within 1000 lines", line: 1},
		{name: "front matter not YAML", make: file("notyaml.md", []byte("---\ntitle: [unclosed\nid: x\n---\n"+goodText)), reason: "invalid front matter", line: 2},
		{name: "front matter not a mapping", make: file("list.md", []byte("---\n- a\n- b\n---\n"+goodText)), reason: "not a YAML mapping", line: 2},
		{name: "published nobody understands", make: file("badpub.md", []byte("---\npublished: the day after the storm\n---\n"+goodText)),
			reason: `published "the day after the storm" not understood`, warn: true, good: []string{"badpub"}},
		{name: "duplicate ids across files", make: func(t *testing.T, dir string) (string, string) {
			d := filepath.Join(dir, "dup")
			writeFile(t, filepath.Join(d, "a.md"), frontMatter("same", goodText))
			return d, writeFile(t, filepath.Join(d, "b.md"), frontMatter("same", goodText))
		}, reason: "duplicate article id same, first from", good: []string{"same"}},
		{name: "JSONL line not JSON", make: file("notjson.jsonl", []byte(jsonLine("j1", goodText)+`{"id": "j2", "text": `+"\n")),
			reason: "not a valid JSON article", line: 2, good: []string{"j1"}},
		{name: "JSONL line without text", make: file("notext.jsonl", []byte(`{"id": "j3", "title": "no body"}`+"\n"+jsonLine("j4", goodText))),
			reason: `no "text" field`, line: 1, good: []string{"j4"}},
		{name: "no read permission", make: func(t *testing.T, dir string) (string, string) {
			p := writeFile(t, filepath.Join(dir, "secret.txt"), []byte(goodText))
			if err := os.Chmod(p, 0); err != nil {
				t.Fatal(err)
			}
			return p, p
		}, reason: "permission denied", root: true},
		{name: "directory symlink loop", make: func(t *testing.T, dir string) (string, string) {
			d := filepath.Join(dir, "loop")
			writeFile(t, filepath.Join(d, "a.md"), frontMatter("loopgood", goodText))
			if err := os.MkdirAll(filepath.Join(d, "sub"), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.Symlink("..", filepath.Join(d, "sub", "up")); err != nil {
				t.Skip("symlinks not supported:", err)
			}
			return d, filepath.Join(d, "sub", "up")
		}, reason: "directory already read as", warn: true, good: []string{"loopgood"}},
		{name: "path does not exist", make: func(t *testing.T, dir string) (string, string) {
			p := filepath.Join(dir, "nope.txt")
			return p, p
		}, reason: "no such file or directory"},
	}
}

// messages returns the error and warning lines of stderr.
func messages(stderr string) []string {
	var out []string
	for _, l := range strings.Split(stderr, "\n") {
		if strings.HasPrefix(l, "error: ") || strings.HasPrefix(l, "warning: ") {
			out = append(out, l)
		}
	}
	return out
}

// articlesOut lists the ids of the articles with a mention in JSON output.
func articlesOut(t *testing.T, out string) map[string]bool {
	t.Helper()
	var tl model.Timeline
	if err := json.Unmarshal([]byte(out), &tl); err != nil {
		t.Fatalf("output is not a JSON timeline: %v\n%.500s", err, out)
	}
	ids := map[string]bool{}
	for _, e := range tl.Events {
		for _, m := range e.Mentions {
			ids[m.Article] = true
		}
	}
	return ids
}

// Each hostile input, next to a good article, gets exactly one message
// naming it (and its line) with the reason; the good articles still come
// out; the status is 1 for a failed input and 0 for a warning. (The real
// binary: fast even under -race; TestHostileInputsTogether runs in-process.)
func TestHostileInputs(t *testing.T) {
	good := writeFile(t, filepath.Join(t.TempDir(), "good.md"), frontMatter("good", goodText))
	for _, h := range hostiles() {
		t.Run(h.name, func(t *testing.T) {
			if h.root && os.Geteuid() == 0 {
				t.Skip("running as root, which reads files without read permission")
			}
			arg, named := h.make(t, t.TempDir())
			stdout, stderr, code := runBin(t, nil, "extract", "--format", "json", arg, good)
			want := exitFailed
			if h.warn {
				want = exitOK
			}
			if code != want {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, want, stderr)
			}
			msgs := messages(stderr)
			if len(msgs) != 1 {
				t.Fatalf("want exactly one message, got %d:\n%s", len(msgs), stderr)
			}
			where := named + ": "
			if h.line > 0 {
				where = fmt.Sprintf("%s:%d: ", named, h.line)
			}
			if !strings.Contains(msgs[0], where) || !strings.Contains(msgs[0], h.reason) {
				t.Errorf("message %q does not name %q with %q", msgs[0], where, h.reason)
			}
			if len(msgs[0]) > 400 {
				t.Errorf("message is %d bytes long, not one clear line", len(msgs[0]))
			}
			ids := articlesOut(t, stdout)
			for _, id := range append(h.good, "good") {
				if !ids[id] {
					t.Errorf("good article %s is missing from the output (have %v)", id, ids)
				}
			}
		})
	}
}

// All the hostile inputs in one run with the sample: one message each, and
// the sample's chronology is exactly what it is without them.
func TestHostileInputsTogether(t *testing.T) {
	clean, stderr, code := runCmd(t, "extract", "--quiet", "--format", "json", seedsDir)
	if code != exitOK {
		t.Fatalf("sample alone: exit %d: %s", code, stderr)
	}
	dir := t.TempDir()
	args := []string{"extract", "--format", "json"}
	var named []string
	for _, h := range hostiles() {
		if h.root && os.Geteuid() == 0 {
			continue
		}
		d := filepath.Join(dir, strings.ReplaceAll(h.name, " ", "_"))
		arg, n := h.make(t, d)
		args = append(args, arg)
		named = append(named, n)
	}
	stdout, stderr, code := runCmd(t, append(args, seedsDir)...)
	if code != exitFailed {
		t.Errorf("exit %d, want %d", code, exitFailed)
	}
	msgs := messages(stderr)
	if len(msgs) != len(named) {
		t.Errorf("%d messages for %d hostile inputs:\n%s", len(msgs), len(named), stderr)
	}
	for _, n := range named {
		found := 0
		for _, m := range msgs {
			if strings.Contains(m, n+":") {
				found++
			}
		}
		if found != 1 {
			t.Errorf("%d messages name %s, want 1", found, n)
		}
	}
	if !strings.Contains(stderr, "some inputs failed") {
		t.Errorf("no summary of failed inputs in stderr:\n%s", stderr)
	}
	// Every mention of the sample is there, unchanged (the events they
	// join may also hold the good hostile articles' mentions).
	got := mentions(t, stdout)
	for k := range mentions(t, clean) {
		if !got[k] {
			t.Errorf("sample mention missing: %s", k)
		}
	}
}

// mentions lists the mentions of JSON output, with their dates.
func mentions(t *testing.T, out string) map[string]bool {
	t.Helper()
	var tl model.Timeline
	if err := json.Unmarshal([]byte(out), &tl); err != nil {
		t.Fatal(err)
	}
	ms := map[string]bool{}
	for _, e := range tl.Events {
		for _, m := range e.Mentions {
			ms[fmt.Sprintf("%s %s@%d %q %s %s", e.Date, m.Article, m.Start, m.Trigger, m.Type, m.Date)] = true
		}
	}
	return ms
}

// --max-bytes rejects larger articles and JSON Lines lines, and nothing
// else; the message names the limit.
func TestMaxBytes(t *testing.T) {
	dir := t.TempDir()
	small := writeFile(t, filepath.Join(dir, "small.md"), frontMatter("small", goodText))
	big := writeFile(t, filepath.Join(dir, "big.md"), frontMatter("big", goodText+strings.Repeat("More words here. ", 20)))
	lines := writeFile(t, filepath.Join(dir, "lines.jsonl"), []byte(jsonLine("l1", goodText)+jsonLine("l2", goodText+strings.Repeat("x", 300))+jsonLine("l3", goodText)))
	stdout, stderr, code := runCmd(t, "extract", "--format", "json", "--max-bytes", "300", small, big, lines)
	if code != exitFailed {
		t.Errorf("exit %d, want 1", code)
	}
	msgs := messages(stderr)
	if len(msgs) != 2 || !strings.Contains(msgs[0], big+": ") || !strings.Contains(msgs[0], "over the 300-byte limit") ||
		!strings.Contains(msgs[1], lines+":2: ") || !strings.Contains(msgs[1], "over the 300-byte limit") {
		t.Errorf("messages:\n%s", stderr)
	}
	ids := articlesOut(t, stdout)
	for _, id := range []string{"small", "l1", "l3"} {
		if !ids[id] {
			t.Errorf("article %s missing", id)
		}
	}
}

// The documented exit statuses, of the real process: 0 all good, 1 some
// inputs failed, 2 usage or rules error.
func TestExitStatus(t *testing.T) {
	dir := t.TempDir()
	good := writeFile(t, filepath.Join(dir, "good.md"), frontMatter("good", goodText))
	badRules := filepath.Join(dir, "rules")
	writeFile(t, filepath.Join(badRules, "events.yaml"), []byte("rules: [unclosed\n"))
	file := writeFile(t, filepath.Join(dir, "plain"), []byte("x"))
	tests := []struct {
		name string
		args []string
		want int
		msg  string
	}{
		{"all good", []string{"extract", good}, exitOK, ""},
		{"some failed", []string{"extract", good, filepath.Join(dir, "missing.txt")}, exitFailed, "missing.txt: no such file"},
		{"only failures", []string{"extract", filepath.Join(dir, "missing.txt")}, exitFailed, "missing.txt: no such file"},
		{"help", []string{"help"}, exitOK, "usage:"},
		{"command help", []string{"extract", "-h"}, exitOK, "usage:"},
		{"no command", nil, exitUsage, "usage:"},
		{"unknown command", []string{"extrakt", good}, exitUsage, `unknown command "extrakt"`},
		{"no input", []string{"extract"}, exitUsage, "no input"},
		{"unknown flag", []string{"extract", "--fast", good}, exitUsage, "flag provided but not defined"},
		{"unknown format", []string{"extract", "--format", "xml", good}, exitUsage, `unknown format "xml"`},
		{"bad --published", []string{"extract", "--published", "someday", good}, exitUsage, `--published "someday"`},
		{"broken rules", []string{"extract", "--rules", badRules, good}, exitUsage, "events.yaml"},
		{"output directory missing", []string{"extract", "-o", filepath.Join(dir, "no", "such", "out.yaml"), good}, exitUsage, "output directory"},
		{"output directory is a file", []string{"extract", "-o", filepath.Join(file, "out.yaml"), good}, exitUsage, "not a directory"},
		{"output is a directory", []string{"extract", "-o", dir, good}, exitUsage, "is a directory"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, stderr, code := runBin(t, nil, tc.args...)
			if code != tc.want {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, tc.want, stderr)
			}
			if !strings.Contains(stderr, tc.msg) {
				t.Errorf("stderr does not say %q:\n%s", tc.msg, stderr)
			}
		})
	}
}

// An unusable output path fails before any input is read.
func TestOutputCheckedBeforeWork(t *testing.T) {
	dir := t.TempDir()
	bad := writeFile(t, filepath.Join(dir, "bad.txt"), []byte("\x00binary"))
	outs := map[string]string{
		"missing directory": filepath.Join(dir, "missing", "out.yaml"),
		"parent is a file":  filepath.Join(bad, "out.yaml"),
	}
	if os.Geteuid() != 0 {
		ro := filepath.Join(dir, "ro")
		if err := os.Mkdir(ro, 0o555); err != nil {
			t.Fatal(err)
		}
		outs["directory not writable"] = filepath.Join(ro, "out.yaml")
	}
	for name, out := range outs {
		t.Run(name, func(t *testing.T) {
			_, stderr, code := runCmd(t, "extract", "-o", out, bad)
			if code != exitUsage {
				t.Errorf("exit %d, want 2", code)
			}
			if strings.Contains(stderr, "binary") || len(messages(stderr)) != 0 {
				t.Errorf("inputs were read before the output was checked:\n%s", stderr)
			}
			if !strings.Contains(stderr, "output") {
				t.Errorf("stderr does not blame the output:\n%s", stderr)
			}
		})
	}
}

// seedArticles returns the sample as JSON Lines records (id, published,
// text), copies times over with distinct ids.
func seedArticles(t *testing.T, copies int) []string {
	t.Helper()
	published := map[string]string{
		"000_031727c20054018d": "2014-04-09", "001_cd5f89b67cd1c36f": "2014-04-09", "002_29e402713f7036bf": "2014-05-03",
		"003_e202a6dc5c90db69": "2014-03-31T10:37:00", "004_23f917353d8c43ba": "2022-03-07",
	}
	var lines []string
	for c := range copies {
		for stem, pub := range published {
			text, err := os.ReadFile(filepath.Join(seedsDir, stem+".txt"))
			if err != nil {
				t.Fatal(err)
			}
			b, _ := json.Marshal(map[string]string{"id": fmt.Sprintf("%s-%d", stem, c), "published": pub, "text": string(text)})
			lines = append(lines, string(b))
		}
	}
	slices.Sort(lines)
	return lines
}

// The same inputs give byte-identical output: 5 runs of a fresh process,
// and GOMAXPROCS 1, 2 and 8.
func TestDeterministicRuns(t *testing.T) {
	copies := 4
	if testing.Short() {
		copies = 1
	}
	lines := seedArticles(t, copies)
	jsonl := writeFile(t, filepath.Join(t.TempDir(), "copies.jsonl"), []byte(strings.Join(lines, "\n")+"\n"))
	args := []string{"extract", "--quiet", "--format", "json", seedsDir, jsonl}
	want, stderr, code := runBin(t, nil, args...)
	if code != exitOK || len(want) < 1000 {
		t.Fatalf("exit %d, %d bytes of output: %s", code, len(want), stderr)
	}
	runs := []struct {
		name string
		env  []string
	}{
		{"run 2", nil}, {"run 3", nil}, {"run 4", nil}, {"run 5", nil},
		{"GOMAXPROCS=1", []string{"GOMAXPROCS=1"}},
		{"GOMAXPROCS=2", []string{"GOMAXPROCS=2"}},
		{"GOMAXPROCS=8", []string{"GOMAXPROCS=8"}},
	}
	for _, r := range runs {
		got, stderr, code := runBin(t, r.env, args...)
		if code != exitOK {
			t.Fatalf("%s: exit %d: %s", r.name, code, stderr)
		}
		if got != want {
			t.Errorf("%s: output differs from run 1:\n%s", r.name, firstDiff([]byte(want), []byte(got)))
		}
	}
}

// Input order does not matter: the sample's files given one by one in
// shuffled orders, and JSON Lines in shuffled line order, give the same bytes.
func TestDeterministicInputOrder(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	want, stderr, code := runBin(t, nil, "extract", "--quiet", seedsDir)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	files, err := filepath.Glob(filepath.Join(seedsDir, "*.txt"))
	if err != nil || len(files) != 5 {
		t.Fatalf("seed files: %v %v", files, err)
	}
	for i := range 3 {
		rng.Shuffle(len(files), func(a, b int) { files[a], files[b] = files[b], files[a] })
		got, stderr, code := runBin(t, nil, append([]string{"extract", "--quiet"}, files...)...)
		if code != exitOK {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		if got != want {
			t.Errorf("files in order %d (%v) give other output:\n%s", i, files, firstDiff([]byte(want), []byte(got)))
		}
	}

	lines := seedArticles(t, 2)
	dir := t.TempDir()
	jsonlWant := ""
	for i := range 4 {
		if i > 0 {
			rng.Shuffle(len(lines), func(a, b int) { lines[a], lines[b] = lines[b], lines[a] })
		}
		// Same stem, another directory: only the order differs.
		p := writeFile(t, filepath.Join(dir, fmt.Sprint(i), "articles.jsonl"), []byte(strings.Join(lines, "\n")+"\n"))
		got, stderr, code := runBin(t, nil, "extract", "--quiet", p)
		if code != exitOK {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		if i == 0 {
			jsonlWant = got
			continue
		}
		if got != jsonlWant {
			t.Errorf("JSON Lines shuffled (%d) give other output:\n%s", i, firstDiff([]byte(jsonlWant), []byte(got)))
		}
	}
}

// JSON Lines on stdin are streamed: only each line is held to --max-bytes,
// not the whole stream.
func TestStdinJSONLStreamed(t *testing.T) {
	var in strings.Builder
	for i := range 20 {
		in.WriteString(jsonLine(fmt.Sprintf("s%d", i), goodText))
	}
	cmd := exec.Command(timelineBin(t), "extract", "--quiet", "--format", "json", "--max-bytes", "500", "-")
	cmd.Stdin = strings.NewReader(in.String())
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("%v (%d bytes on stdin, limit 500): %s", err, in.Len(), errb.String())
	}
	ids := articlesOut(t, out.String())
	if len(ids) != 20 {
		t.Errorf("%d articles out of 20", len(ids))
	}
}

// bigInput writes a JSON Lines file long enough that a run takes many
// seconds: the sample, copied n times.
func bigInput(t *testing.T, n int) string {
	t.Helper()
	lines := seedArticles(t, n)
	return writeFile(t, filepath.Join(t.TempDir(), "big.jsonl"), []byte(strings.Join(lines, "\n")+"\n"))
}

// SIGINT or SIGTERM during a long run stops the process within a second,
// with status 1, no temporary file left, and an existing output untouched.
func TestInterrupt(t *testing.T) {
	bin := timelineBin(t)
	big := bigInput(t, 300)
	old := time.Date(2001, 2, 3, 4, 5, 6, 0, time.UTC)
	tests := []struct {
		name     string
		sig      syscall.Signal
		existing bool // an output file from an earlier run is there
		stdin    bool // read a pipe on stdin that never closes
	}{
		{"SIGINT, existing output", syscall.SIGINT, true, false},
		{"SIGTERM, existing output", syscall.SIGTERM, true, false},
		{"SIGINT, no output yet", syscall.SIGINT, false, false},
		{"SIGTERM, stdin never closes", syscall.SIGTERM, true, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			out := filepath.Join(dir, "out.yaml")
			const precious = "events: [] # from an earlier run\n"
			if tc.existing {
				writeFile(t, out, []byte(precious))
				if err := os.Chtimes(out, old, old); err != nil {
					t.Fatal(err)
				}
			}
			input := big
			if tc.stdin {
				input = "-"
			}
			cmd := exec.Command(bin, "extract", "-o", out, input)
			var errb bytes.Buffer
			cmd.Stderr = &errb
			if tc.stdin {
				r, w, err := os.Pipe()
				if err != nil {
					t.Fatal(err)
				}
				defer w.Close() // held open: stdin never ends
				defer r.Close()
				cmd.Stdin = r
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			select {
			case <-done:
				t.Fatalf("the run ended before the signal; make the input longer: %s", errb.String())
			case <-time.After(time.Second):
			}
			sent := time.Now()
			if err := cmd.Process.Signal(tc.sig); err != nil {
				t.Fatal(err)
			}
			select {
			case <-done:
				d := time.Since(sent)
				if d > time.Second {
					t.Errorf("stopped %v after the signal, want within 1s", d.Round(time.Millisecond))
				}
				t.Logf("stopped %v after %v", d.Round(time.Millisecond), tc.sig)
			case <-time.After(10 * time.Second):
				cmd.Process.Kill()
				<-done
				t.Fatalf("still running 10s after %v", tc.sig)
			}
			if code := cmd.ProcessState.ExitCode(); code != exitFailed {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, exitFailed, errb.String())
			}
			if !strings.Contains(errb.String(), "interrupted") {
				t.Errorf("stderr does not say it was interrupted:\n%s", errb.String())
			}
			entries, err := os.ReadDir(dir)
			if err != nil {
				t.Fatal(err)
			}
			var names []string
			for _, e := range entries {
				names = append(names, e.Name())
			}
			want := "[]"
			if tc.existing {
				want = "[out.yaml]"
			}
			if fmt.Sprint(names) != want {
				t.Errorf("output directory holds %v, want %s", names, want)
			}
			if !tc.existing {
				return
			}
			data, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			fi, err := os.Stat(out)
			if err != nil {
				t.Fatal(err)
			}
			if string(data) != precious || !fi.ModTime().Equal(old) {
				t.Errorf("existing output was touched: %q, modified %v", data, fi.ModTime())
			}
		})
	}
}
