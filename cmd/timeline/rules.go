package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"path"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/timeline-news/timeline/pipeline"
	"github.com/timeline-news/timeline/rules"
)

// runRules dispatches the rule editor's subcommands.
func runRules(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	subs := map[string]func(context.Context, []string, io.Writer, io.Writer) error{
		"check": runRulesCheck,
		"diff":  runRulesDiff,
		"stats": runRulesStats,
	}
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprintln(stderr, "usage: timeline rules check [--rules DIR]\n"+
			"       timeline rules diff [--base DIR|GITREF] [--head DIR|GITREF] [--format text|md|json] INPUT...\n"+
			"       timeline rules stats [--rules DIR] INPUT...")
		if len(args) == 0 {
			return usagef("no subcommand")
		}
		return flag.ErrHelp
	}
	run, ok := subs[args[0]]
	if !ok {
		return usagef("unknown subcommand %q (want check, diff or stats)", args[0])
	}
	return run(ctx, args[1:], stdout, stderr)
}

// problem is one line of `rules check`: FILE:LINE:COL: rule ID: message.
type problem = rules.Error

// runRulesCheck validates the rules and runs every example.
func runRulesCheck(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("rules check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dir := fs.String("rules", "", "directory of rule files (an overlay on the defaults, or a complete rules/ copy)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: timeline rules check [--rules DIR]\n\n"+
			"Validates the embedded rules overlaid by DIR against the schema and runs every rule's\n"+
			"examples. Each problem is one line FILE:LINE:COL: rule ID: message; exit 1 if any.")
		fs.PrintDefaults()
	}
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("unexpected argument %q", pos[0])
	}
	src, err := ruleSource(ctx, *dir)
	var pe *rules.Error
	switch {
	case errors.As(err, &pe): // an unknown rule file: a problem, not a usage error
		fmt.Fprintln(stdout, pe.Error())
		return errReported
	case err != nil:
		return usageError{err}
	}
	probs, summary := checkSource(src)
	for _, p := range probs {
		fmt.Fprintln(stdout, p.Error())
	}
	if len(probs) > 0 {
		fmt.Fprintf(stderr, "timeline rules check: %d problem(s)\n", len(probs))
		return errReported
	}
	fmt.Fprintln(stdout, summary)
	return nil
}

// checkSource loads src, reports schema problems, and runs the examples
// of every rule file that loads. A broken file is replaced by its default
// so that the examples of the other files still run.
func checkSource(src *rules.Source) ([]*problem, string) {
	var probs []*problem
	rs, err := rules.Load(src)
	broken := map[string]bool{}
	if err != nil {
		probs = append(probs, loadProblems(err)...)
		for _, p := range probs {
			broken[path.Base(p.Pos.File)] = true
		}
		def := rules.Defaults()
		docs := map[string][]rules.Doc{}
		for _, n := range src.Names() {
			docs[n] = src.Docs(n)
			if broken[n] {
				docs[n] = def.Docs(n)
			}
		}
		if rs, err = rules.Load(rules.FromDocs(docs)); err != nil {
			sortProblems(probs)
			return probs, "" // the defaults themselves are broken: no examples
		}
	}
	xs, cerr := pipeline.Compile(rs)
	if cerr != nil {
		probs = append(probs, &problem{Msg: cerr.Error()})
		sortProblems(probs)
		return probs, ""
	}
	examples := 0
	for _, err := range xs.Timex.CheckExamples() {
		if p := timexProblem(rs, err); !broken[path.Base(p.Pos.File)] {
			probs = append(probs, p)
		}
	}
	for _, err := range xs.CheckEventExamples() {
		if p := eventProblem(src, rs, err); !broken[path.Base(p.Pos.File)] {
			probs = append(probs, p)
		}
	}
	for _, r := range rs.Timex.Rules {
		examples += len(r.Examples)
	}
	nRules := len(rs.Timex.Rules) + len(rs.Events.Rules) + len(rs.Events.Types) + len(rs.Events.Modality) + len(rs.Gazetteer.Entries)
	for _, r := range rs.Clean.All() {
		nRules++
		examples += len(r.Examples.Match) + len(r.Examples.NoMatch)
	}
	for _, r := range rs.Events.Rules {
		examples += len(r.Examples)
	}
	sortProblems(probs)
	return probs, fmt.Sprintf("ok: %d rule files, %d rules and entries, %d examples hold", len(src.Names()), nRules, examples)
}

// loadProblems turns a loader error into problems.
func loadProblems(err error) []*problem {
	var es rules.Errors
	if errors.As(err, &es) {
		return es
	}
	var e *rules.Error
	if errors.As(err, &e) {
		return []*problem{e}
	}
	return []*problem{{Msg: err.Error()}}
}

func sortProblems(ps []*problem) {
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].Pos.Less(ps[j].Pos) })
}

// timexProblem positions a timex example failure ("FILE:LINE: rule ID:
// example ...") at its example, with the column.
func timexProblem(rs *rules.Set, err error) *problem {
	msg := err.Error()
	for _, r := range rs.Timex.Rules {
		for _, ex := range r.Examples {
			pos := ex.Pos
			if pos.Line == 0 {
				pos = r.Pos
			}
			prefix := fmt.Sprintf("%s:%d: rule %s: ", pos.File, pos.Line, r.ID)
			if strings.HasPrefix(msg, prefix) {
				return &problem{Pos: pos, Rule: r.ID, Msg: strings.TrimPrefix(msg, prefix)}
			}
		}
	}
	return &problem{Msg: msg}
}

// eventProblem positions an event example failure ("FILE:LINE:COL: rule
// ID: example N ...") at the example itself.
func eventProblem(src *rules.Source, rs *rules.Set, err error) *problem {
	msg := err.Error()
	for _, r := range rs.Events.Rules {
		prefix := fmt.Sprintf("%s: rule %s: ", r.Pos, r.ID)
		if !strings.HasPrefix(msg, prefix) {
			continue
		}
		rest := strings.TrimPrefix(msg, prefix)
		pos := r.Pos
		var n int
		if _, err := fmt.Sscanf(rest, "example %d", &n); err == nil {
			if p, ok := examplePos(src, r.Pos, n-1); ok {
				pos = p
			}
		}
		return &problem{Pos: pos, Rule: r.ID, Msg: rest}
	}
	return &problem{Msg: msg}
}

// examplePos finds the position of example i of the rule at rulePos by
// reading the YAML of the file that defines it.
func examplePos(src *rules.Source, rulePos rules.Pos, i int) (rules.Pos, bool) {
	for _, d := range src.Docs(path.Base(rulePos.File)) {
		if d.Name != rulePos.File {
			continue
		}
		var root yaml.Node
		if yaml.Unmarshal(d.Data, &root) != nil {
			return rulePos, false
		}
		rule := findNode(&root, rulePos.Line, rulePos.Col)
		if rule == nil || rule.Kind != yaml.MappingNode {
			return rulePos, false
		}
		for k := 0; k+1 < len(rule.Content); k += 2 {
			if v := rule.Content[k+1]; rule.Content[k].Value == "examples" && v.Kind == yaml.SequenceNode && i >= 0 && i < len(v.Content) {
				return rules.Pos{File: d.Name, Line: v.Content[i].Line, Col: v.Content[i].Column}, true
			}
		}
	}
	return rulePos, false
}

// findNode returns the mapping node that starts at line:col.
func findNode(n *yaml.Node, line, col int) *yaml.Node {
	if n.Kind == yaml.MappingNode && n.Line == line && n.Column == col {
		return n
	}
	if n.Line > line {
		return nil
	}
	for _, c := range n.Content {
		if f := findNode(c, line, col); f != nil {
			return f
		}
	}
	return nil
}
