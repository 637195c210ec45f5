package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"syscall"
	"time"

	"github.com/timeline-news/timeline/model"
)

// genJSONL writes the articles over and over, each copy with a distinct id,
// until size bytes of JSON Lines are written; n articles, text bytes of text.
func genJSONL(path string, arts []*model.Article, size int64) (n, text int, err error) {
	f, err := os.Create(path)
	if err != nil {
		return 0, 0, err
	}
	defer func() {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}()
	w := bufio.NewWriterSize(f, 1<<20)
	cw := &countWriter{w: w}
	enc := json.NewEncoder(cw)
	for rep := 0; cw.n < size; rep++ {
		for _, a := range arts {
			line := struct {
				ID        string `json:"id"`
				Title     string `json:"title,omitempty"`
				Text      string `json:"text"`
				Published string `json:"published,omitempty"`
				Source    string `json:"source,omitempty"`
			}{ID: fmt.Sprintf("%s-r%d", a.ID, rep), Title: a.Title, Text: a.Text, Source: a.Source}
			if a.HasPublished() {
				line.Published = a.Published.Format(time.RFC3339)
			}
			if err := enc.Encode(line); err != nil {
				return n, text, err
			}
			n++
			text += len(a.Text)
		}
	}
	return n, text, w.Flush()
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// runMeasured runs a command and reports its wall time and peak RSS (the
// kernel's ru_maxrss of the child).
func runMeasured(out io.Writer, args []string) error {
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	start := time.Now()
	err := cmd.Run()
	took := time.Since(start)
	if cmd.ProcessState == nil {
		return err
	}
	ru, _ := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	rss := int64(0)
	if ru != nil {
		rss = ru.Maxrss << 10 // kB on Linux
	}
	fmt.Fprintf(out, "| command | wall | user+sys CPU | peak RSS |\n| --- | ---: | ---: | ---: |\n")
	fmt.Fprintf(out, "| `%v` | %s | %s | **%d MB** |\n", args, took.Round(time.Millisecond),
		(cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()).Round(time.Millisecond), rss>>20)
	return err
}
