package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/timeline-news/timeline/extractors/timex"
	"github.com/timeline-news/timeline/model"
	"github.com/timeline-news/timeline/rules"
	"github.com/timeline-news/timeline/timeml"
)

// runTimeML tags the text of TimeML documents with our TIMEX3s, for scoring
// against their gold annotation with "timeline eval timex".
func runTimeML(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fl := flag.NewFlagSet("timeml", flag.ContinueOnError)
	fl.SetOutput(stderr)
	rulesDir := fl.String("rules", "", "directory of rule files that add to or override the embedded defaults by id")
	outDir := fl.String("o", "", "write each document into this directory, under its own file name")
	quiet := fl.Bool("quiet", false, "print no warnings")
	fl.Usage = func() {
		fmt.Fprintln(stderr, "usage: timeline timeml [-o DIR] [--rules DIR] INPUT...\n\n"+
			"INPUT is a TimeML file or a directory (recursive: *.tml). Each document is written with\n"+
			"only our TIMEX3 tags inside TEXT; to stdout when there is one document and no -o.")
		fl.PrintDefaults()
	}
	inputs, err := parseFlags(fl, args)
	if err != nil {
		return err
	}
	if len(inputs) == 0 {
		fl.Usage()
		return usagef("no input")
	}
	files, err := tmlFiles(inputs)
	if err != nil {
		return usageError{err}
	}
	if *outDir == "" && len(files) != 1 {
		return usagef("%d documents: use -o DIR", len(files))
	}
	if *outDir != "" {
		if err := checkOutDir(*outDir, files); err != nil {
			return usageError{err}
		}
	}
	rs, err := rules.LoadDefault(*rulesDir)
	if err != nil {
		return usageError{err}
	}
	tagger, err := timex.Compile(rs.Timex)
	if err != nil {
		return usageError{err}
	}
	warn := func(format string, a ...any) {
		if !*quiet {
			fmt.Fprintf(stderr, "warning: "+format+"\n", a...)
		}
	}
	failed := 0
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return err
		}
		var buf bytes.Buffer
		if err := tagFile(tagger, f, &buf, warn); err != nil {
			fmt.Fprintf(stderr, "error: %v\n", err)
			failed++
			continue
		}
		if *outDir == "" {
			if _, err := stdout.Write(buf.Bytes()); err != nil {
				return fmt.Errorf("write: %w", err)
			}
			continue
		}
		if err := writeAtomic(filepath.Join(*outDir, filepath.Base(f)), buf.Bytes()); err != nil {
			fmt.Fprintf(stderr, "error: %v\n", err)
			failed++
		}
	}
	if failed > 0 {
		fmt.Fprintf(stderr, "timeline timeml: %d of %d documents failed\n", failed, len(files))
		return errReported
	}
	return nil
}

// tagFile parses one TimeML file, tags its text against its DCT and writes
// it with our timexes to w.
func tagFile(tagger *timex.Tagger, path string, w io.Writer, warn func(string, ...any)) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	d, err := timeml.Parse(path, data)
	if err != nil {
		return err
	}
	d.Name = filepath.Base(path)
	if d.DCT.IsZero() {
		warn("%s: no usable DCT (%q): only absolute dates are resolved", path, d.DCTValue)
	}
	tx, bad := timeml.Clean(d, fromModel(tagger.TagText(d.Text, d.DCT)))
	for _, err := range bad {
		warn("%s: dropped %v", path, err)
	}
	return timeml.Write(w, d, tx)
}

func fromModel(xs []model.Timex) []timeml.Timex {
	out := make([]timeml.Timex, len(xs))
	for i, x := range xs {
		out[i] = timeml.Timex{Start: x.Start, End: x.End, Type: x.Type, Value: x.Value, Mod: x.Mod}
	}
	return out
}

// tmlFiles expands the inputs: files as given, directories to their *.tml
// files (recursive, sorted).
func tmlFiles(inputs []string) ([]string, error) {
	var files []string
	for _, in := range inputs {
		st, err := os.Stat(in)
		if err != nil {
			return nil, err
		}
		if !st.IsDir() {
			files = append(files, in)
			continue
		}
		var found []string
		err = filepath.WalkDir(in, func(p string, e fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !e.IsDir() && strings.EqualFold(filepath.Ext(p), ".tml") {
				found = append(found, p)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		if len(found) == 0 {
			return nil, fmt.Errorf("%s: no .tml files", in)
		}
		sort.Strings(found)
		files = append(files, found...)
	}
	return files, nil
}

// checkOutDir makes dir and refuses names written twice and outputs that
// would overwrite an input (the gold).
func checkOutDir(dir string, files []string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	seen := map[string]string{}
	for _, f := range files {
		base := filepath.Base(f)
		if prev, ok := seen[base]; ok {
			return fmt.Errorf("%s and %s would both be written to %s", prev, f, filepath.Join(dir, base))
		}
		seen[base] = f
		in, err := os.Stat(f)
		if err != nil {
			return err
		}
		if out, err := os.Stat(filepath.Join(dir, base)); err == nil && os.SameFile(in, out) {
			return fmt.Errorf("-o %s would overwrite the input %s", dir, f)
		}
	}
	return nil
}

// writeAtomic writes data to path through a temporary file in the same
// directory, so that a failure never leaves half a document.
func writeAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".timeml-*")
	if err != nil {
		return err
	}
	_, werr := tmp.Write(data)
	cerr := tmp.Close()
	if werr == nil {
		werr = cerr
	}
	if werr == nil {
		werr = os.Rename(tmp.Name(), path)
	}
	if werr != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("write %s: %w", path, werr)
	}
	return nil
}
