package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strings"

	"github.com/timeline-news/timeline/pipeline"
	"github.com/timeline-news/timeline/reader"
	"github.com/timeline-news/timeline/rules"
)

// ruleSource resolves a rule set named on the command line:
//   - "": the embedded defaults;
//   - the rules/ directory of a checkout (every rule file next to Go
//     code): that complete set, in place of the defaults;
//   - another directory: an overlay on the defaults (same file name
//     overlays, same id replaces, new id adds);
//   - anything else: a git revision, whose rules/ directory is read.
func ruleSource(ctx context.Context, spec string) (*rules.Source, error) {
	if spec == "" {
		return rules.Defaults(), nil
	}
	if fi, err := os.Stat(spec); err == nil {
		if !fi.IsDir() {
			return nil, fmt.Errorf("rules %s: not a directory", spec)
		}
		if complete(spec) {
			return dirSet(spec)
		}
		return rules.Open(spec)
	}
	return gitSet(ctx, spec)
}

// complete reports whether dir is the rules/ package of a checkout: every
// rule file next to the Go code that embeds them. Any other directory is an
// overlay, so that a newsroom's overlay with one file of each kind never
// silently drops the default rules.
func complete(dir string) bool {
	for _, n := range rules.Defaults().Names() {
		if fi, err := os.Stat(filepath.Join(dir, n)); err != nil || fi.IsDir() {
			return false
		}
	}
	gos, _ := filepath.Glob(filepath.Join(dir, "*.go"))
	return len(gos) > 0
}

// dirSet reads a complete rule set from a directory.
func dirSet(dir string) (*rules.Source, error) {
	docs := map[string][]rules.Doc{}
	for _, n := range rules.Defaults().Names() {
		p := filepath.Join(dir, n)
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, fmt.Errorf("rules: %w", err)
		}
		docs[n] = []rules.Doc{{Name: filepath.ToSlash(p), Data: data}}
	}
	return rules.FromDocs(docs), nil
}

// gitSet reads rules/*.yaml at a git revision; a file the revision lacks
// is taken from the embedded defaults.
func gitSet(ctx context.Context, rev string) (*rules.Source, error) {
	if strings.HasPrefix(rev, "-") {
		return nil, fmt.Errorf("rules %q: not a directory or a git revision", rev)
	}
	out, err := git(ctx, "ls-tree", "--full-tree", "--name-only", rev, "rules/")
	if err != nil {
		return nil, fmt.Errorf("rules %q is neither a directory nor a git revision: %w", rev, err)
	}
	have := map[string]bool{}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		have[path.Base(line)] = true
	}
	docs := map[string][]rules.Doc{}
	def := rules.Defaults()
	for _, n := range def.Names() {
		if !have[n] {
			docs[n] = def.Docs(n)
			continue
		}
		data, err := git(ctx, "show", rev+":rules/"+n)
		if err != nil {
			return nil, fmt.Errorf("rules at %s: %w", rev, err)
		}
		docs[n] = []rules.Doc{{Name: rev + ":rules/" + n, Data: []byte(data)}}
	}
	return rules.FromDocs(docs), nil
}

func git(ctx context.Context, args ...string) (string, error) {
	cmd := exec.CommandContext(ctx, "git", args...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		msg := strings.TrimSpace(errb.String())
		if msg == "" {
			msg = err.Error()
		}
		return "", fmt.Errorf("git %s: %s", strings.Join(args, " "), msg)
	}
	return out.String(), nil
}

// withOverlay adds the rule files of dir on top of src ("" adds nothing).
func withOverlay(src *rules.Source, dir string) (*rules.Source, error) {
	if dir == "" {
		return src, nil
	}
	layers, err := rules.OverlayDocs(dir)
	if err != nil {
		return nil, err
	}
	return src.With(layers), nil
}

// compileSource loads and compiles a rule set for the pipeline.
func compileSource(src *rules.Source, model bool) (*pipeline.Extractors, error) {
	rs, err := rules.Load(src)
	if err != nil {
		return nil, err
	}
	x, err := pipeline.Compile(rs)
	if err != nil {
		return nil, err
	}
	x.Model = model
	return x, nil
}

// setupSource builds the pipeline from an already resolved rule source.
func (c *common) setupSource(src *rules.Source) (*pipeline.Extractors, pipeline.Config, error) {
	cfg := pipeline.Config{Workers: c.workers}
	cfg.Reader.MaxBytes = c.maxBytes
	if c.published != "" {
		t, _, err := reader.ParsePublished(c.published)
		if err != nil {
			return nil, cfg, usagef("--published %q: %v", c.published, err)
		}
		cfg.Reader.Published = t
	}
	x, err := compileSource(src, c.model)
	if err != nil {
		var es rules.Errors
		if errors.As(err, &es) {
			return nil, cfg, usagef("rules:\n%v", es)
		}
		return nil, cfg, usageError{err}
	}
	return x, cfg, nil
}
