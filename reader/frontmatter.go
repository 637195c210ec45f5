package reader

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// Front matter limits: a runaway block is an error, not a read of the file.
const (
	maxFrontMatterBytes = 64 << 10
	maxFrontMatterLines = 1000
)

// yamlLineRE finds the "line N" yaml.v3 puts in its messages (compiled once).
var yamlLineRE = regexp.MustCompile(`line (\d+)`)

// frontMatter parses a leading "---" YAML block. It returns nil meta and
// offset 0 when there is none, else the fields and where the body starts.
func frontMatter(path string, b []byte) (*meta, int, *Error) {
	first, rest, ok := cutLine(b)
	if !ok || !isFence(first, false) {
		return nil, 0, nil
	}
	start := len(b) - len(rest)
	pos, line := start, 1
	for {
		line++
		if line > maxFrontMatterLines+1 || pos-start > maxFrontMatterBytes {
			return nil, 0, errAt(path, 1, "front matter not closed within %d lines / %d bytes", maxFrontMatterLines, maxFrontMatterBytes)
		}
		l, next, ok := cutLine(b[pos:])
		if !ok {
			return nil, 0, errAt(path, 1, "front matter not closed (no closing ---)")
		}
		if isFence(l, true) {
			m, e := decodeFrontMatter(path, b[start:pos])
			if e != nil {
				return nil, 0, e
			}
			return m, len(b) - len(next), nil
		}
		pos = len(b) - len(next)
	}
}

// cutLine splits off the first line (without its newline). ok is false at EOF.
func cutLine(b []byte) (line, rest []byte, ok bool) {
	if len(b) == 0 {
		return nil, nil, false
	}
	if i := bytes.IndexByte(b, '\n'); i >= 0 {
		return b[:i], b[i+1:], true
	}
	return b, nil, true
}

func isFence(l []byte, closing bool) bool {
	l = bytes.TrimRight(l, " \t\r")
	return string(l) == "---" || (closing && string(l) == "...")
}

type frontFields struct {
	ID          string `yaml:"id"`
	Title       string `yaml:"title"`
	Source      string `yaml:"source"`
	URL         string `yaml:"url"`
	Published   string `yaml:"published"`
	dateAliases `yaml:",inline"`
}

// decodeFrontMatter decodes the block between the fences; line numbers in
// errors are file lines (the opening fence is line 1).
func decodeFrontMatter(path string, block []byte) (m *meta, e *Error) {
	defer func() {
		if p := recover(); p != nil {
			m, e = nil, errAt(path, 2, "invalid front matter: %v", p)
		}
	}()
	var doc yaml.Node
	if err := yaml.Unmarshal(block, &doc); err != nil {
		return nil, yamlError(path, "invalid front matter", 1, err)
	}
	if len(doc.Content) == 0 {
		return &meta{}, nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, errAt(path, root.Line+1, "invalid front matter: not a YAML mapping")
	}
	var f frontFields
	if err := root.Decode(&f); err != nil {
		return nil, yamlError(path, "invalid front matter", 1, err)
	}
	return &meta{ID: strings.TrimSpace(f.ID), Title: f.Title, Source: f.Source, URL: f.URL, Published: f.dateAliases.or(f.Published)}, nil
}

// yamlError turns a yaml.v3 error into a positioned Error, shifting its
// line numbers by lineOffset.
func yamlError(path, what string, lineOffset int, err error) *Error {
	msg := err.Error()
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg = te.Errors[0]
	}
	line := 0
	if m := yamlLineRE.FindStringSubmatchIndex(msg); m != nil {
		n, _ := strconv.Atoi(msg[m[2]:m[3]])
		line = n + lineOffset
		msg = strings.TrimLeft(msg[m[1]:], ": ")
	}
	msg = strings.TrimPrefix(msg, "yaml: ")
	return &Error{Path: path, Line: line, Err: fmt.Errorf("%s: %s", what, msg)}
}
