package flow

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sync"

	"github.com/timeline-news/timeline/merge"
	"github.com/timeline-news/timeline/pipeline"
	"github.com/timeline-news/timeline/rules"
)

// RuleDoc is one user rule file shipped to the workers inside a DoFn (the
// embedded defaults are in the worker binary already).
type RuleDoc struct {
	File string // base name: events.yaml ...
	Name string // path shown in errors
	Data []byte
}

// Overlays reads the rule files of dir ("" for none) as Open layers them.
func Overlays(dir string) ([]RuleDoc, error) {
	if dir == "" {
		return nil, nil
	}
	layers, err := rules.OverlayDocs(dir)
	if err != nil {
		return nil, err
	}
	var out []RuleDoc
	for _, n := range rules.Defaults().Names() {
		for _, d := range layers[n] {
			out = append(out, RuleDoc{File: n, Name: d.Name, Data: d.Data})
		}
	}
	return out, nil
}

// loadRules layers overlays on the embedded defaults and validates them.
func loadRules(overlays []RuleDoc) (*rules.Set, error) {
	layers := map[string][]rules.Doc{}
	for _, o := range overlays {
		layers[o.File] = append(layers[o.File], rules.Doc{Name: o.Name, Data: o.Data})
	}
	rs, err := rules.Load(rules.Defaults().With(layers))
	if err != nil {
		return nil, fmt.Errorf("rules: %w", err)
	}
	return rs, nil
}

// compiled caches the extractors per rule set and model flag, so that a
// worker compiles once however many DoFn instances it runs; Extractors are
// safe for concurrent use (the single-machine pipeline shares one).
var compiled struct {
	sync.Mutex
	x map[string]*pipeline.Extractors
}

func extractors(overlays []RuleDoc, model bool) (*pipeline.Extractors, error) {
	key := rulesKey(overlays, model)
	compiled.Lock()
	defer compiled.Unlock()
	if x, ok := compiled.x[key]; ok {
		return x, nil
	}
	rs, err := loadRules(overlays)
	if err != nil {
		return nil, err
	}
	x, err := pipeline.Compile(rs)
	if err != nil {
		return nil, err
	}
	x.Model = model
	if compiled.x == nil {
		compiled.x = map[string]*pipeline.Extractors{}
	}
	compiled.x[key] = x
	return x, nil
}

// merger is the compiled merge criteria of a rule set.
func merger(overlays []RuleDoc) (*merge.Merger, error) {
	rs, err := loadRules(overlays)
	if err != nil {
		return nil, err
	}
	return merge.New(rs.Events), nil
}

func rulesKey(overlays []RuleDoc, model bool) string {
	h := sha256.New()
	for _, o := range overlays {
		fmt.Fprintf(h, "%s\x00%s\x00%d\x00", o.File, o.Name, len(o.Data))
		h.Write(o.Data)
	}
	fmt.Fprintf(h, "model=%t", model)
	return hex.EncodeToString(h.Sum(nil))
}
