package chronodiff

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// Formats are the renderings Write knows.
var Formats = []string{"text", "md", "json"}

// Write renders d as text (terminal), md (a review comment) or json.
func Write(w io.Writer, format string, d *Diff) error {
	var b bytes.Buffer
	switch format {
	case "text", "":
		writeText(&b, d)
	case "md":
		writeMarkdown(&b, d)
	case "json":
		enc := json.NewEncoder(&b)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(d); err != nil {
			return fmt.Errorf("encode diff: %w", err)
		}
	default:
		return fmt.Errorf("unknown format %q (want %s)", format, strings.Join(Formats, ", "))
	}
	if _, err := w.Write(b.Bytes()); err != nil {
		return fmt.Errorf("write diff: %w", err)
	}
	return nil
}

// summary is "1 added, 2 removed" or "no change".
func summary(d *Diff) string {
	if len(d.Counts) == 0 {
		return "no change"
	}
	parts := make([]string, len(d.Counts))
	for i, c := range d.Counts {
		parts[i] = fmt.Sprintf("%d %s", c.Count, c.Kind)
	}
	return strings.Join(parts, ", ")
}

func eventLine(e EventRef) string {
	return fmt.Sprintf("%s  %s %s, %d mention(s), rules %s, time rules %s",
		e.ID, e.Type, e.Date, e.Mentions, list(e.Rules), list(e.TimeRules))
}

func list(xs []string) string {
	if len(xs) == 0 {
		return "-"
	}
	return strings.Join(xs, ", ")
}

// reading is what one side made of a mention, on one line.
func reading(m *MentionRef) string {
	s := fmt.Sprintf("%s %s by rule %s; time %q = %s by rule %s via %s", m.Type, m.Date, m.Rule, m.TimeText, m.TimeValue, m.TimeRule, m.Via)
	if m.Modality != "" {
		s += "; modality " + m.Modality
	}
	if len(m.Actors)+len(m.Places) > 0 {
		s += "; names " + strings.Join(append(append([]string{}, m.Actors...), m.Places...), ", ")
	}
	if len(m.Groups) > 0 {
		s += "; groups " + strings.Join(m.Groups, ", ")
	}
	return s + " -> " + m.Event
}

func writeText(b *bytes.Buffer, d *Diff) {
	fmt.Fprintf(b, "rules diff: base %s, head %s, %d articles\n", d.Base, d.Head, d.Articles)
	fmt.Fprintf(b, "events: %d -> %d; %s\n", d.BaseEvents, d.HeadEvents, summary(d))
	for _, c := range d.Changes {
		fmt.Fprintf(b, "\n%s %s", strings.Join(c.Kinds, ", "), c.Date)
		if len(c.Notes) > 0 {
			fmt.Fprintf(b, ": %s", strings.Join(c.Notes, "; "))
		}
		b.WriteString("\n")
		for _, e := range c.Base {
			fmt.Fprintf(b, "  - %s\n", eventLine(e))
		}
		for _, e := range c.Head {
			fmt.Fprintf(b, "  + %s\n", eventLine(e))
		}
		for _, ev := range c.Evidence {
			fmt.Fprintf(b, "    %s sentence %d, trigger %q: %q\n", ev.Article, ev.SentenceIndex, ev.Trigger, ev.Sentence)
			side("      base: ", ev.Base, ev.Why, b)
			side("      head: ", ev.Head, ev.Why, b)
		}
	}
}

func side(prefix string, m *MentionRef, why string, b *bytes.Buffer) {
	b.WriteString(prefix)
	switch {
	case m != nil:
		b.WriteString(reading(m))
	case why != "":
		b.WriteString("no event: " + why)
	default:
		b.WriteString("no event")
	}
	b.WriteString("\n")
}

// md escapes text for a Markdown table cell or inline text.
func md(s string) string {
	r := strings.NewReplacer("|", `\|`, "\n", " ", "*", `\*`, "_", `\_`, "`", "'", "<", "&lt;")
	return r.Replace(s)
}

func writeMarkdown(b *bytes.Buffer, d *Diff) {
	fmt.Fprintf(b, "### Chronology diff: `%s` → `%s`\n\n", d.Base, d.Head)
	fmt.Fprintf(b, "%d articles, %d → %d events: **%s**\n", d.Articles, d.BaseEvents, d.HeadEvents, summary(d))
	if d.Empty() {
		return
	}
	b.WriteString("\n| change | date | base | head | rules (base → head) |\n| --- | --- | --- | --- | --- |\n")
	for _, c := range d.Changes {
		fmt.Fprintf(b, "| %s | %s | %s | %s | %s → %s |\n", strings.Join(c.Kinds, ", "), c.Date,
			ids(c.Base), ids(c.Head), md(rulesOf(c.Base)), md(rulesOf(c.Head)))
	}
	for _, c := range d.Changes {
		fmt.Fprintf(b, "\n#### %s %s", strings.Join(c.Kinds, ", "), c.Date)
		if len(c.Notes) > 0 {
			fmt.Fprintf(b, ": %s", md(strings.Join(c.Notes, "; ")))
		}
		b.WriteString("\n\n")
		for _, e := range c.Base {
			fmt.Fprintf(b, "- base `%s`: %s\n", e.ID, md(e.Summary))
		}
		for _, e := range c.Head {
			fmt.Fprintf(b, "- head `%s`: %s\n", e.ID, md(e.Summary))
		}
		for _, ev := range c.Evidence {
			fmt.Fprintf(b, "\n> %s\n\n`%s` sentence %d, trigger **%s**\n", md(ev.Sentence), ev.Article, ev.SentenceIndex, md(ev.Trigger))
			for _, s := range []struct {
				name string
				m    *MentionRef
			}{{"base", ev.Base}, {"head", ev.Head}} {
				switch {
				case s.m != nil:
					fmt.Fprintf(b, "- %s: %s\n", s.name, md(reading(s.m)))
				case ev.Why != "":
					fmt.Fprintf(b, "- %s: no event: %s\n", s.name, md(ev.Why))
				default:
					fmt.Fprintf(b, "- %s: no event\n", s.name)
				}
			}
		}
	}
}

func ids(es []EventRef) string {
	if len(es) == 0 {
		return "—"
	}
	out := make([]string, len(es))
	for i, e := range es {
		out[i] = "`" + e.ID + "`"
	}
	return strings.Join(out, "<br>")
}

func rulesOf(es []EventRef) string {
	var all []string
	for _, e := range es {
		for _, r := range e.Rules {
			all = addSorted(all, r)
		}
		for _, r := range e.TimeRules {
			all = addSorted(all, "time:"+r)
		}
	}
	if len(all) == 0 {
		return "—"
	}
	return strings.Join(all, ", ")
}
