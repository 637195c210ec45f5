package timeml

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// A small XML tokenizer rather than encoding/xml: we need the byte offsets of
// every tag and the character data exactly as written (entities undecoded),
// which encoding/xml does not give.

type tokKind int

const (
	tokText  tokKind = iota // character data, raw
	tokStart                // <NAME ...>
	tokEnd                  // </NAME>
	tokEmpty                // <NAME .../>
	tokCDATA                // <![CDATA[...]]>
	tokOther                // comment, processing instruction, doctype
)

type attr struct{ name, value string } // value raw, entities undecoded

type token struct {
	kind       tokKind
	start, end int // bytes of the whole token in the input
	name       string
	attrs      []attr
}

// get returns the decoded value of attribute name ("" when absent).
func (t *token) get(name string) string {
	for _, a := range t.attrs {
		if a.name == name {
			return unescape(a.value)
		}
	}
	return ""
}

type scanner struct {
	file string
	data []byte
	pos  int
}

// errorf reports a problem at byte offset off as FILE:LINE: msg.
func (s *scanner) errorf(off int, format string, a ...any) error {
	if off > len(s.data) {
		off = len(s.data)
	}
	return fmt.Errorf("%s:%d: %s", s.file, s.line(off), fmt.Sprintf(format, a...))
}

// next returns the next token, or io.EOF at the end of the input.
func (s *scanner) next() (token, error) {
	d, p := s.data, s.pos
	if p >= len(d) {
		return token{}, io.EOF
	}
	if d[p] != '<' {
		end := bytes.IndexByte(d[p:], '<')
		if end < 0 {
			end = len(d)
		} else {
			end += p
		}
		s.pos = end
		return token{kind: tokText, start: p, end: end}, nil
	}
	rest := d[p:]
	switch {
	case bytes.HasPrefix(rest, []byte("<!--")):
		return s.skipTo(p, 4, "-->", tokOther)
	case bytes.HasPrefix(rest, []byte("<![CDATA[")):
		return s.skipTo(p, 9, "]]>", tokCDATA)
	case bytes.HasPrefix(rest, []byte("<?")):
		return s.skipTo(p, 2, "?>", tokOther)
	case bytes.HasPrefix(rest, []byte("<!")):
		return s.doctype(p)
	case len(rest) > 1 && rest[1] == '/':
		i := p + 2
		name := s.name(i)
		if name == "" {
			return token{}, s.errorf(p, "malformed end tag")
		}
		i = s.space(i + len(name))
		if i >= len(d) || d[i] != '>' {
			return token{}, s.errorf(p, "malformed end tag </%s", name)
		}
		s.pos = i + 1
		return token{kind: tokEnd, start: p, end: i + 1, name: name}, nil
	}
	return s.startTag(p)
}

func (s *scanner) skipTo(p, skip int, term string, kind tokKind) (token, error) {
	i := bytes.Index(s.data[p+skip:], []byte(term))
	if i < 0 {
		return token{}, s.errorf(p, "unterminated %s", string(s.data[p:p+skip]))
	}
	end := p + skip + i + len(term)
	s.pos = end
	return token{kind: kind, start: p, end: end}, nil
}

// doctype skips <!DOCTYPE ...> including an internal subset in brackets.
func (s *scanner) doctype(p int) (token, error) {
	depth := 0
	var quote byte
	for i := p + 2; i < len(s.data); i++ {
		c := s.data[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '[':
			depth++
		case c == ']':
			depth--
		case c == '>' && depth <= 0:
			s.pos = i + 1
			return token{kind: tokOther, start: p, end: i + 1}, nil
		}
	}
	return token{}, s.errorf(p, "unterminated <!")
}

func (s *scanner) startTag(p int) (token, error) {
	d := s.data
	name := s.name(p + 1)
	if name == "" {
		return token{}, s.errorf(p, "'<' not starting a tag (write &lt;)")
	}
	t := token{kind: tokStart, start: p, name: name}
	i := p + 1 + len(name)
	for {
		j := s.space(i)
		if j >= len(d) {
			return token{}, s.errorf(p, "unterminated tag <%s", name)
		}
		switch {
		case d[j] == '>':
			t.end = j + 1
			s.pos = t.end
			return t, nil
		case d[j] == '/' && j+1 < len(d) && d[j+1] == '>':
			t.kind, t.end = tokEmpty, j+2
			s.pos = t.end
			return t, nil
		case j == i:
			return token{}, s.errorf(j, "malformed tag <%s: expected space, '>' or '/>'", name)
		}
		an := s.name(j)
		if an == "" {
			return token{}, s.errorf(j, "malformed attribute in <%s", name)
		}
		k := s.space(j + len(an))
		if k >= len(d) || d[k] != '=' {
			return token{}, s.errorf(j, "attribute %s of <%s> has no value", an, name)
		}
		k = s.space(k + 1)
		if k >= len(d) || (d[k] != '"' && d[k] != '\'') {
			return token{}, s.errorf(j, "attribute %s of <%s> is not quoted", an, name)
		}
		q := d[k]
		e := bytes.IndexByte(d[k+1:], q)
		if e < 0 {
			return token{}, s.errorf(k, "unterminated value of attribute %s", an)
		}
		v := d[k+1 : k+1+e]
		if bytes.IndexByte(v, '<') >= 0 {
			return token{}, s.errorf(k, "'<' in value of attribute %s", an)
		}
		t.attrs = append(t.attrs, attr{an, string(v)})
		i = k + 2 + e
	}
}

// name returns the XML name starting at i ("" if none). Non-ASCII bytes are
// accepted as name characters, as XML allows most of them.
func (s *scanner) name(i int) string {
	j := i
	for j < len(s.data) {
		c := s.data[j]
		ok := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == ':' || c >= 0x80 ||
			j > i && (c >= '0' && c <= '9' || c == '-' || c == '.')
		if !ok {
			break
		}
		j++
	}
	return string(s.data[i:j])
}

func (s *scanner) space(i int) int {
	for i < len(s.data) && (s.data[i] == ' ' || s.data[i] == '\t' || s.data[i] == '\n' || s.data[i] == '\r') {
		i++
	}
	return i
}

var errBareAmp = errors.New("'&' not starting an entity reference (write &amp;)")

// refEnd returns the end of the entity or character reference starting at
// b[i] == '&', or -1 when there is none.
func refEnd(b string, i int) int {
	j := i + 1
	if j < len(b) && b[j] == '#' {
		j++
		hex := j < len(b) && b[j] == 'x'
		if hex {
			j++
		}
		k := j
		for k < len(b) && (b[k] >= '0' && b[k] <= '9' || hex && (b[k] >= 'a' && b[k] <= 'f' || b[k] >= 'A' && b[k] <= 'F')) {
			k++
		}
		if k == j || k >= len(b) || b[k] != ';' {
			return -1
		}
		return k + 1
	}
	k := j
	for k < len(b) && (b[k] >= 'a' && b[k] <= 'z' || b[k] >= 'A' && b[k] <= 'Z' || b[k] >= '0' && b[k] <= '9' || b[k] == '_' || b[k] == '-' || b[k] == '.') {
		k++
	}
	if k == j || k >= len(b) || b[k] != ';' {
		return -1
	}
	return k + 1
}

// checkChars finds the first bare '&' or '<' in character data s; it
// returns its index or -1.
func checkChars(s string) int {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '<':
			return i
		case '&':
			e := refEnd(s, i)
			if e < 0 {
				return i
			}
			i = e - 1
		}
	}
	return -1
}

var predefined = map[string]string{"amp": "&", "lt": "<", "gt": ">", "quot": `"`, "apos": "'"}

// unescape decodes the references of an attribute value; unknown ones are
// kept as written.
func unescape(v string) string {
	if !strings.Contains(v, "&") {
		return v
	}
	var b strings.Builder
	for i := 0; i < len(v); i++ {
		e := -1
		if v[i] == '&' {
			e = refEnd(v, i)
		}
		if e < 0 {
			b.WriteByte(v[i])
			continue
		}
		ref := v[i+1 : e-1]
		switch {
		case predefined[ref] != "":
			b.WriteString(predefined[ref])
		case ref[0] == '#':
			if r, ok := charRef(ref); ok {
				b.WriteRune(r)
			} else {
				b.WriteString(v[i:e])
			}
		default:
			b.WriteString(v[i:e])
		}
		i = e - 1
	}
	return b.String()
}

// charRef decodes "#65" or "#x41".
func charRef(ref string) (rune, bool) {
	var n uint64
	var err error
	if strings.HasPrefix(ref, "#x") {
		n, err = strconv.ParseUint(ref[2:], 16, 32)
	} else {
		n, err = strconv.ParseUint(ref[1:], 10, 32)
	}
	if err != nil || n == 0 || !utf8.ValidRune(rune(n)) {
		return 0, false
	}
	return rune(n), true
}

// escapeAttr escapes s for a double-quoted attribute value.
func escapeAttr(s string) string {
	if !strings.ContainsAny(s, "&<>\"\n\r\t") {
		return s
	}
	var b strings.Builder
	for _, c := range []byte(s) {
		switch c {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&quot;")
		case '\n':
			b.WriteString("&#xA;")
		case '\r':
			b.WriteString("&#xD;")
		case '\t':
			b.WriteString("&#x9;")
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}
