// Package rules owns the rule files: the default set embedded in the binary,
// user overlays that add to or override it by id, and the schema each kind
// of rule file is decoded and validated against.
//
// Rules are data. Extractors compile what this package decodes; no stage
// keeps a pattern or vocabulary of its own.
package rules

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"
)

//go:embed *.yaml
var defaults embed.FS

// Pos is a position in a rule file.
type Pos struct {
	File string `json:"file" yaml:"file"`
	Line int    `json:"line" yaml:"line"`
	Col  int    `json:"col" yaml:"col"`
}

func (p Pos) String() string {
	if p.Line == 0 {
		return p.File
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

func posOf(file string, n *yaml.Node) Pos { return Pos{File: file, Line: n.Line, Col: n.Column} }

// Error is one problem in a rule file, printed the way compilers do:
// FILE:LINE:COL: rule ID: what is wrong.
type Error struct {
	Pos  Pos
	Rule string
	Msg  string
}

func (e *Error) Error() string {
	if e.Rule != "" {
		return fmt.Sprintf("%s: rule %s: %s", e.Pos, e.Rule, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.Pos, e.Msg)
}

// Errors is a list of rule problems; it is an error when not empty.
type Errors []*Error

func (es Errors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// Err returns es as an error, or nil when there is no problem.
func (es Errors) Err() error {
	if len(es) == 0 {
		return nil
	}
	sort.SliceStable(es, func(i, j int) bool { return es[i].Pos.Less(es[j].Pos) })
	return es
}

// Less orders positions by file, line and column.
func (p Pos) Less(q Pos) bool {
	if p.File != q.File {
		return p.File < q.File
	}
	if p.Line != q.Line {
		return p.Line < q.Line
	}
	return p.Col < q.Col
}

// Doc is one rule file.
type Doc struct {
	Name string // path shown in errors: "rules/timex.yaml" or the user's path
	Data []byte
}

// Source is the layered set of rule files: the embedded defaults first, then
// each overlay directory in order. Later layers add rules or override rules
// with the same id.
type Source struct {
	layers map[string][]Doc // base file name -> docs, defaults first
}

// Defaults is the embedded default rule set.
func Defaults() *Source {
	s := &Source{layers: map[string][]Doc{}}
	entries, _ := fs.ReadDir(defaults, ".")
	for _, e := range entries {
		data, _ := defaults.ReadFile(e.Name())
		s.layers[e.Name()] = append(s.layers[e.Name()], Doc{Name: "rules/" + e.Name(), Data: data})
	}
	return s
}

// Open returns the defaults overlaid by the .yaml files of dir (if dir is not
// empty). A file in dir overlays the default file of the same name.
func Open(dir string) (*Source, error) {
	s := Defaults()
	if dir == "" {
		return s, nil
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("rules directory: %w", err)
	}
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".yaml") {
			continue
		}
		path := filepath.Join(dir, e.Name())
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("rules: %w", err)
		}
		if _, known := s.layers[e.Name()]; !known {
			return nil, &Error{Pos: Pos{File: path}, Msg: fmt.Sprintf("unknown rule file (known: %s)", strings.Join(s.Names(), ", "))}
		}
		s.layers[e.Name()] = append(s.layers[e.Name()], Doc{Name: path, Data: data})
	}
	return s, nil
}

// OverlayDocs returns the rule files of dir as Open would layer them over
// the defaults (file name -> docs), without the defaults.
func OverlayDocs(dir string) (map[string][]Doc, error) {
	src, err := Open(dir)
	if err != nil {
		return nil, err
	}
	def := Defaults()
	out := map[string][]Doc{}
	for _, n := range src.Names() {
		if docs := src.Docs(n)[len(def.Docs(n)):]; len(docs) > 0 {
			out[n] = docs
		}
	}
	return out, nil
}

// With returns s with the given layers added on top (later layers override
// by id).
func (s *Source) With(layers map[string][]Doc) *Source {
	docs := map[string][]Doc{}
	for _, n := range s.Names() {
		docs[n] = append(append([]Doc(nil), s.Docs(n)...), layers[n]...)
	}
	return FromDocs(docs)
}

// FromDocs builds a source from explicit documents (used by tests and by
// rules diff for a git revision).
func FromDocs(docs map[string][]Doc) *Source {
	return &Source{layers: docs}
}

// Names lists the rule file names the source knows.
func (s *Source) Names() []string {
	names := make([]string, 0, len(s.layers))
	for n := range s.layers {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Docs returns the layers of one rule file, defaults first.
func (s *Source) Docs(name string) []Doc { return s.layers[name] }

// parseDoc parses one YAML document and returns its top-level mapping.
func parseDoc(d Doc) (*yaml.Node, error) {
	var root yaml.Node
	if err := yaml.Unmarshal(d.Data, &root); err != nil {
		return nil, &Error{Pos: Pos{File: d.Name, Line: yamlErrLine(err)}, Msg: err.Error()}
	}
	if root.Kind == 0 || len(root.Content) == 0 {
		return &yaml.Node{Kind: yaml.MappingNode}, nil // empty file
	}
	top := root.Content[0]
	if top.Kind != yaml.MappingNode {
		return nil, &Error{Pos: posOf(d.Name, top), Msg: "top level must be a mapping"}
	}
	return top, nil
}

func yamlErrLine(err error) int {
	var n int
	if _, e := fmt.Sscanf(strings.TrimPrefix(err.Error(), "yaml: "), "line %d:", &n); e == nil {
		return n
	}
	return 0
}

// section is one top-level key of a rule file.
type section struct {
	key   *yaml.Node
	value *yaml.Node
}

// sections splits a parsed file into its top-level keys, reporting keys
// that are not in allowed.
func sections(file string, top *yaml.Node, allowed ...string) (map[string]section, Errors) {
	var errs Errors
	out := map[string]section{}
	for i := 0; i+1 < len(top.Content); i += 2 {
		k, v := top.Content[i], top.Content[i+1]
		if !contains(allowed, k.Value) {
			errs = append(errs, &Error{Pos: posOf(file, k), Msg: fmt.Sprintf("unknown key %q (allowed: %s)", k.Value, strings.Join(allowed, ", "))})
			continue
		}
		if _, dup := out[k.Value]; dup {
			errs = append(errs, &Error{Pos: posOf(file, k), Msg: fmt.Sprintf("key %q given twice", k.Value)})
			continue
		}
		out[k.Value] = section{k, v}
	}
	return out, errs
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// decodeStrict decodes n into out (a pointer to a struct, map or slice),
// rejecting mapping keys that the target struct does not declare, with the
// position of the offending key.
func decodeStrict(file string, n *yaml.Node, out any) error {
	if err := checkKeys(file, n, reflect.TypeOf(out)); err != nil {
		return err
	}
	if err := n.Decode(out); err != nil {
		return &Error{Pos: posOf(file, n), Msg: cleanYAMLErr(err)}
	}
	return nil
}

func cleanYAMLErr(err error) string {
	var te *yaml.TypeError
	if errors.As(err, &te) {
		return strings.Join(te.Errors, "; ")
	}
	return err.Error()
}

// checkKeys walks n alongside type t and reports the first unknown key.
func checkKeys(file string, n *yaml.Node, t reflect.Type) error {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	switch t.Kind() {
	case reflect.Struct:
		if n.Kind != yaml.MappingNode {
			if _, ok := reflect.New(t).Interface().(yaml.Unmarshaler); ok {
				return nil
			}
			return &Error{Pos: posOf(file, n), Msg: fmt.Sprintf("expected a mapping, found %s", kindName(n))}
		}
		fields := yamlFields(t)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			f, ok := fields[k.Value]
			if !ok {
				names := make([]string, 0, len(fields))
				for name := range fields {
					names = append(names, name)
				}
				sort.Strings(names)
				return &Error{Pos: posOf(file, k), Msg: fmt.Sprintf("unknown key %q (allowed: %s)", k.Value, strings.Join(names, ", "))}
			}
			if err := checkKeys(file, n.Content[i+1], f); err != nil {
				return err
			}
		}
	case reflect.Slice:
		if n.Kind == yaml.SequenceNode {
			for _, c := range n.Content {
				if err := checkKeys(file, c, t.Elem()); err != nil {
					return err
				}
			}
		}
	case reflect.Map:
		if n.Kind == yaml.MappingNode {
			for i := 1; i < len(n.Content); i += 2 {
				if err := checkKeys(file, n.Content[i], t.Elem()); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

func yamlFields(t reflect.Type) map[string]reflect.Type {
	out := map[string]reflect.Type{}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag := f.Tag.Get("yaml")
		name, opts, _ := strings.Cut(tag, ",")
		if name == "-" || !f.IsExported() {
			continue
		}
		if strings.Contains(opts, "inline") {
			for k, v := range yamlFields(f.Type) {
				out[k] = v
			}
			continue
		}
		if name == "" {
			name = strings.ToLower(f.Name)
		}
		out[name] = f.Type
	}
	return out
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		return fmt.Sprintf("%q", n.Value)
	}
	return "nothing"
}

// eachItem decodes every item of a list section into a new T, giving each
// its position. Decoding errors are collected, not fatal.
func eachItem[T any](file string, list *yaml.Node, fn func(pos Pos, item *T)) Errors {
	if list == nil {
		return nil
	}
	if list.Kind != yaml.SequenceNode {
		return Errors{{Pos: posOf(file, list), Msg: fmt.Sprintf("expected a list, found %s", kindName(list))}}
	}
	var errs Errors
	for _, n := range list.Content {
		item := new(T)
		if err := decodeStrict(file, n, item); err != nil {
			var re *Error
			if errors.As(err, &re) {
				re.Rule = idOf(n)
				errs = append(errs, re)
			} else {
				errs = append(errs, &Error{Pos: posOf(file, n), Rule: idOf(n), Msg: err.Error()})
			}
			continue
		}
		fn(posOf(file, n), item)
	}
	return errs
}

// idOf reads the "id" key of a mapping node, for error messages.
func idOf(n *yaml.Node) string {
	if n.Kind != yaml.MappingNode {
		return ""
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == "id" {
			return n.Content[i+1].Value
		}
	}
	return ""
}
