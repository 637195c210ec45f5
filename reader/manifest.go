package reader

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"gopkg.in/yaml.v3"
)

// manifest is a directory's manifest.yaml: file name -> metadata.
type manifest struct {
	entries map[string]*manifestEntry
}

type manifestEntry struct{ meta }

// manifestFields is one manifest entry as written.
type manifestFields struct {
	Published   string `yaml:"published"`
	dateAliases `yaml:",inline"`
	Source      string `yaml:"source"`
	Title       string `yaml:"title"`
	URL         string `yaml:"url"`
}

// manifest returns dir's manifest, parsed once per directory per Read.
// A broken manifest is reported once (the error) and then treated as absent.
func (r *run) manifest(dir string) (*manifest, *Error) {
	if m, ok := r.manifests[dir]; ok {
		return m, nil
	}
	r.manifests[dir] = nil
	path := filepath.Join(dir, manifestName)
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	data, e := readLimited(path, r.opts.MaxBytes)
	if e != nil {
		return nil, e
	}
	m, e := parseManifest(path, data)
	if e != nil {
		return nil, e
	}
	r.manifests[dir] = m
	return m, nil
}

func parseManifest(path string, data []byte) (m *manifest, e *Error) {
	defer func() {
		if p := recover(); p != nil {
			m, e = nil, errAt(path, 0, "invalid manifest: %v", p)
		}
	}()
	var raw map[string]manifestFields
	if err := yaml.Unmarshal(data, &raw); err != nil {
		return nil, yamlError(path, "invalid manifest", 0, err)
	}
	m = &manifest{entries: make(map[string]*manifestEntry, len(raw))}
	for name, f := range raw {
		m.entries[name] = &manifestEntry{meta{Title: f.Title, Source: f.Source, URL: f.URL, Published: f.dateAliases.or(f.Published)}}
	}
	return m, nil
}
