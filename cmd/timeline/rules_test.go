package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// repoRel makes output name files relative to the repository, as an
// editor at the root would see them (the tests run in cmd/timeline).
func repoRel(s string) string { return strings.ReplaceAll(s, "../../", "") }

const (
	overlayDir = "../../testdata/rules-edit/overlay"
	brokenDir  = "../../testdata/rules-edit/broken"
	editSeeds  = "../../testdata/seeds"
)

func TestGoldenRulesCheck(t *testing.T) {
	out, errs, code := runCmd(t, "rules", "check", "--rules", brokenDir)
	if code != exitFailed {
		t.Fatalf("exit %d, want %d: %s", code, exitFailed, errs)
	}
	golden(t, "rules-check.txt", []byte(repoRel(out)))
}

func TestGoldenRulesCheckOverlay(t *testing.T) {
	// The overlay's timex edit breaks an example of a default rule.
	out, errs, code := runCmd(t, "rules", "check", "--rules", overlayDir)
	if code != exitFailed {
		t.Fatalf("exit %d, want %d: %s", code, exitFailed, errs)
	}
	golden(t, "rules-check-overlay.txt", []byte(repoRel(out)))
}

// TestRulesCheckPointsAtLine: each kind of problem in each kind of file is
// reported at the line (and column) of the offending rule, key or example.
func TestRulesCheckPointsAtLine(t *testing.T) {
	out, _, _ := runCmd(t, "rules", "check", "--rules", brokenDir)
	for _, want := range []string{
		"broken/clean.yaml:3:5: rule promo-banner: pattern",                 // bad regexp
		"broken/clean.yaml:11:5: rule promo-footer: unknown key \"colour\"", // unknown key
		"broken/clean.yaml:19:5: rule promo-teaser: duplicate id",           // duplicate id
		"broken/clean.yaml:24:5: rule promo-more: example \"Read more:\" does not match",
		"broken/gazetteer.yaml:3:5: rule Mariupol: kind \"CITY\"",
		"broken/gazetteer.yaml:6:5: line 8: cannot unmarshal", // wrong type
		"broken/gazetteer.yaml:11:5: unknown key \"population\"",
		"broken/timex.yaml:3:5: rule fortnight: unknown vocabulary or pattern {shfit}",
		"broken/timex.yaml:9:5: rule eve: type \"DAY\"",
		"broken/timex.yaml:21:54: rule month-alone: unknown key \"valeu\"",
		"broken/events.yaml:3:5: rule evacuate: undefined event type \"evacuation\"",
		"broken/events.yaml:10:5: rule shell: class must be content or speech",
		"broken/events.yaml:24:5: rule evacuate: duplicate id",
		"broken/tokens.yaml:3:12: abbreviations.titles: \"Gen\" must be a word with its final period",
		"broken/tokens.yaml:5:11: abbreviations.ranks: \"Col.\" given twice",
		"broken/tokens.yaml:6:17: starters: \"however\" must be capitalised",
		"broken/tokens.yaml:7:1: unknown key \"spelling\"",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("rules check output lacks %q:\n%s", want, out)
		}
	}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if !strings.HasPrefix(line, brokenDir+"/") {
			t.Errorf("problem without a file position: %q", line)
		}
	}
}

// TestRulesCheckBrokenCopies breaks a full copy of every default rule file
// at a known line and checks that the problem is reported there.
func TestRulesCheckBrokenCopies(t *testing.T) {
	cases := []struct {
		file, find, replace string
		wantLineOf          string // the reported line is the one holding this text (after the edit)
		wantMsg             string
	}{
		{"clean.yaml", "    pattern: ", "    colour: red\n    pattern: ", "colour: red", "unknown key \"colour\""},
		{"gazetteer.yaml", "kind: GPE, country: Moldova", "kind: CITY, country: Moldova", "CITY", "kind \"CITY\""},
		{"gazetteer.yaml", "{name: Poland,", "{name: Poland, colour: red,", "colour", "unknown key \"colour\""},
		{"timex.yaml", "    type: DATE", "    type: DAY", "", "type \"DAY\""},
		{"events.yaml", "    class: content", "    class: action", "", "class must be content or speech"},
		{"events.yaml", "fires: true, date: 2014-04-09}", "fires: true, date: 2014-04-10}", "date: 2014-04-10}", "want 2014-04-10"},
		{"timex.yaml", "value: 2014-04-09}", "value: 2014-04-10}", "value: 2014-04-10}", "want \"2014-04-10\""},
		{"tokens.yaml", "Capt., ", "Capt, ", "Capt, ", "\"Capt\" must be a word with its final period"},
	}
	for _, c := range cases {
		t.Run(c.file+"/"+c.wantMsg, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("..", "..", "rules", c.file))
			if err != nil {
				t.Fatal(err)
			}
			text := string(data)
			i := strings.Index(text, c.find)
			if i < 0 {
				t.Fatalf("%q not in %s", c.find, c.file)
			}
			text = text[:i] + c.replace + text[i+len(c.find):]
			dir := t.TempDir()
			path := filepath.Join(dir, c.file)
			if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
			out, _, code := runCmd(t, "rules", "check", "--rules", dir)
			if code != exitFailed {
				t.Fatalf("exit %d, want 1:\n%s", code, out)
			}
			// The edited rule is the list item around the edit; examples
			// are reported at the example itself.
			line := strings.Count(text[:i], "\n") + 1
			if c.wantLineOf == "" {
				line = itemLine(text, i)
			}
			prefix := fmt.Sprintf("%s:%d:", path, line)
			for _, l := range strings.Split(out, "\n") {
				if strings.HasPrefix(l, prefix) && strings.Contains(l, c.wantMsg) {
					return
				}
			}
			t.Errorf("want a problem at %s saying %q, got:\n%s", prefix, c.wantMsg, out)
		})
	}
}

// itemLine is the line of the "  - " list item that holds offset i.
func itemLine(text string, i int) int {
	j := strings.LastIndex(text[:i], "\n  - ")
	return strings.Count(text[:j+1], "\n") + 1
}

func TestRulesCheckDefaults(t *testing.T) {
	out, errs, code := runCmd(t, "rules", "check")
	if code != exitOK || !strings.HasPrefix(out, "ok: ") {
		t.Fatalf("exit %d: %s%s", code, out, errs)
	}
	// The rules/ directory of the checkout is the complete set, not an
	// overlay on itself (which would report every id twice).
	out, errs, code = runCmd(t, "rules", "check", "--rules", "../../rules")
	if code != exitOK {
		t.Fatalf("rules check --rules ../../rules: exit %d: %s%s", code, out, errs)
	}
}

func TestRulesUsage(t *testing.T) {
	for _, args := range [][]string{
		{"rules"},
		{"rules", "frobnicate"},
		{"rules", "check", "--rules", "../../testdata/no-such-dir"},
		{"rules", "diff", editSeeds},
		{"rules", "diff", "--head", overlayDir, "--format", "xml", editSeeds},
		{"rules", "diff", "--head", overlayDir},
		{"rules", "stats"},
	} {
		if _, _, code := runCmd(t, args...); code != exitUsage {
			t.Errorf("%q: exit %d, want %d", args, code, exitUsage)
		}
	}
}

func TestGoldenRulesDiff(t *testing.T) {
	for _, f := range []struct{ format, file string }{{"text", "rules-diff.txt"}, {"md", "rules-diff.md"}, {"json", "rules-diff.json"}} {
		t.Run(f.format, func(t *testing.T) {
			out, errs, code := runCmd(t, "rules", "diff", "--quiet", "--head", overlayDir, "--format", f.format, editSeeds)
			if code != exitFailed {
				t.Fatalf("exit %d, want 1 (changed): %s", code, errs)
			}
			golden(t, f.file, []byte(repoRel(out)))
		})
	}
}

func TestRulesDiffKinds(t *testing.T) {
	out, errs, code := runCmd(t, "rules", "diff", "--quiet", "--head", overlayDir, editSeeds)
	if code != exitFailed {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"\nretyped ", "type call -> meeting", "\nremoved ", "\nadded ", "\nmerged ", "\nsplit ",
		`no event rule fires on "share prices"`, "by rule weekday", "rules call"} {
		if !strings.Contains(out, want) {
			t.Errorf("diff lacks %q", want)
		}
	}
}

func TestRulesDiffNoChange(t *testing.T) {
	// The checkout's rules/ is what the test binary embeds: nothing changes.
	out, errs, code := runCmd(t, "rules", "diff", "--quiet", "--head", "../../rules", editSeeds)
	if code != exitOK {
		t.Fatalf("exit %d, want 0:\n%s%s", code, out, errs)
	}
	if !strings.Contains(out, "no change") {
		t.Errorf("want 'no change':\n%s", out)
	}
}

func TestRulesDiffGitRef(t *testing.T) {
	if testing.Short() {
		t.Skip("runs git")
	}
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	if _, err := git(context.Background(), "rev-parse", "--verify", "HEAD"); err != nil {
		t.Skip("not in a git checkout")
	}
	src, err := ruleSource(context.Background(), "HEAD")
	if err != nil {
		t.Fatal(err)
	}
	if docs := src.Docs("events.yaml"); len(docs) != 1 || docs[0].Name != "HEAD:rules/events.yaml" {
		t.Errorf("HEAD events.yaml docs: %+v", docs)
	}
	out, errs, code := runCmd(t, "rules", "diff", "--quiet", "--base", "HEAD", "--head", "HEAD", editSeeds)
	if code != exitOK {
		t.Errorf("HEAD vs HEAD: exit %d:\n%s%s", code, out, errs)
	}
	if _, errs, code := runCmd(t, "rules", "diff", "--base", "no-such-revision-xyz", editSeeds); code != exitUsage {
		t.Errorf("bad revision: exit %d, want 2: %s", code, errs)
	}
}

func TestGoldenRulesStats(t *testing.T) {
	out, errs, code := runCmd(t, "rules", "stats", "--quiet", editSeeds)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	golden(t, "rules-stats.txt", []byte(repoRel(out)))
	// The overlay's new rule ids are counted too.
	out, _, _ = runCmd(t, "rules", "stats", "--quiet", "--rules", overlayDir, editSeeds)
	if !strings.Contains(out, "testdata/rules-edit/overlay/events.yaml") && !strings.Contains(out, "\n  call ") {
		t.Errorf("stats with an overlay lists neither its rules nor their hits:\n%s", out)
	}
}

// extract --rules rules/ takes the checkout's rule files as the whole set,
// not as an overlay that would redefine every id.
func TestExtractWithCheckoutRules(t *testing.T) {
	want, _, code := runCmd(t, "extract", "--quiet", "--format", "json", "../../testdata/seeds")
	if code != exitOK {
		t.Fatalf("exit %d", code)
	}
	got, errs, code := runCmd(t, "extract", "--quiet", "--format", "json", "--rules", "../../rules", "../../testdata/seeds")
	if code != exitOK || got != want {
		t.Fatalf("exit %d, same output %v: %s", code, got == want, errs)
	}
}
