package reader

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/timeline-news/timeline/model"
)

// jsonLine is one JSON Lines article. Text is a pointer to tell a missing
// field from an empty one; ID may be a string or a number.
type jsonLine struct {
	ID        json.RawMessage `json:"id"`
	Title     string          `json:"title"`
	Text      *string         `json:"text"`
	Published string          `json:"published"`
	dateAliases
	URL    string `json:"url"`
	Source string `json:"source"`
}

func (r *run) jsonlFile(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return r.fail(&Error{Path: path, Err: unwrapPathErr(err)})
	}
	defer f.Close()
	return r.jsonl(path, stem(path), f)
}

// jsonl emits one result per non-blank line; a bad line does not stop the rest.
func (r *run) jsonl(path, stemID string, in io.Reader) error {
	br := bufio.NewReaderSize(in, 64<<10)
	for n := 1; ; n++ {
		if err := r.ctx.Err(); err != nil {
			return err
		}
		line, tooLong, err := readLine(br, r.opts.MaxBytes)
		if err != nil && err != io.EOF {
			return r.fail(errAt(path, n, "read: %v", unwrapPathErr(err)))
		}
		if tooLong {
			if e := r.fail(errAt(path, n, "line is over the %d-byte limit", r.opts.MaxBytes)); e != nil {
				return e
			}
		} else if len(bytes.TrimSpace(line)) > 0 {
			if n == 1 {
				line = trimBOM(line)
			}
			a, warns, e := r.parseJSONLine(path, stemID, n, line)
			var emitErr error
			if e != nil {
				emitErr = r.fail(e)
			} else {
				emitErr = r.add(a, warns)
			}
			if emitErr != nil {
				return emitErr
			}
		}
		if err == io.EOF {
			return nil
		}
	}
}

// readLine reads one line without its newline. A line over max bytes is
// consumed and discarded, never buffered whole; tooLong reports it.
func readLine(br *bufio.Reader, max int64) (line []byte, tooLong bool, err error) {
	var buf []byte
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong {
			if int64(len(buf)+len(chunk)) > max+1 { // +1: the newline
				tooLong, buf = true, nil
			} else {
				buf = append(buf, chunk...)
			}
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if err == nil {
			buf = bytes.TrimSuffix(buf, []byte("\n"))
		}
		if err == io.EOF && len(buf) == 0 && !tooLong {
			return nil, false, io.EOF
		}
		return buf, tooLong, err
	}
}

func (r *run) parseJSONLine(path, stemID string, n int, line []byte) (*model.Article, []string, *Error) {
	if err := checkText(line); err != nil {
		return nil, nil, &Error{Path: path, Line: n, Err: err}
	}
	var j jsonLine
	if err := json.Unmarshal(line, &j); err != nil {
		return nil, nil, errAt(path, n, "not a valid JSON article: %v", err)
	}
	if j.Text == nil {
		return nil, nil, errAt(path, n, `no "text" field`)
	}
	if isBlank(*j.Text) {
		return nil, nil, errAt(path, n, "empty article")
	}
	if err := checkText([]byte(*j.Text)); err != nil {
		return nil, nil, &Error{Path: path, Line: n, Err: err}
	}
	id, err := jsonID(j.ID)
	if err != nil {
		return nil, nil, errAt(path, n, "id: %v", err)
	}
	if id == "" {
		id = stemID + "-" + strconv.Itoa(n)
	}
	a := &model.Article{ID: id, Path: path, Line: n, Text: *j.Text}
	m := meta{Title: j.Title, Source: j.Source, URL: j.URL, Published: j.dateAliases.or(j.Published)}
	return a, r.applyMeta(a, []layer{{&m, "jsonl"}}), nil
}

// jsonID accepts a string or a number.
func jsonID(raw json.RawMessage) (string, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return "", nil
	}
	var s string
	if err := json.Unmarshal(raw, &s); err == nil {
		return strings.TrimSpace(s), nil
	}
	var num json.Number
	if err := json.Unmarshal(raw, &num); err == nil {
		return num.String(), nil
	}
	return "", fmt.Errorf("must be a string or a number, got %s", raw)
}
