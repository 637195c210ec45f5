package eval

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"
)

// Group is a set of errors on the same text (lower-cased) with the same
// kinds, with the first one as the example. Kinds lists every kind the
// example's gold/system pair has ("value+span"), so that one wrong pair
// fills one line.
type Group struct {
	Kinds   string
	Key     string
	Count   int
	Example Error
}

// Groups groups errs by kinds and text, most frequent first: the errors
// whose fix pays most.
func Groups(errs []Error) []Group {
	type pair struct {
		doc        string
		start, end int
	}
	kinds := map[pair]string{}
	for _, e := range errs {
		if e.Kind != Missed && e.Kind != Spurious {
			p := pair{e.Doc, e.Start, e.End}
			if kinds[p] != "" {
				kinds[p] += "+"
			}
			kinds[p] += e.Kind.String()
		}
	}
	index := map[string]int{}
	var gs []Group
	var rank []Kind
	for _, e := range errs {
		key, label := norm(e.Text), e.Kind.String()
		switch e.Kind {
		case Missed:
		case Spurious:
			key = norm(e.SystemText)
		default:
			p := pair{e.Doc, e.Start, e.End}
			label = kinds[p]
			if label == "" {
				continue // already counted with the pair's first kind
			}
			kinds[p] = ""
			key += " -> " + norm(e.SystemText)
		}
		k := label + "\x00" + key
		if i, ok := index[k]; ok {
			gs[i].Count++
			continue
		}
		index[k] = len(gs)
		gs = append(gs, Group{Kinds: label, Key: key, Count: 1, Example: e})
		rank = append(rank, e.Kind)
	}
	order := make([]int, len(gs))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool {
		a, b := order[i], order[j]
		if gs[a].Count != gs[b].Count {
			return gs[a].Count > gs[b].Count
		}
		return rank[a] < rank[b]
	})
	out := make([]Group, len(gs))
	for i, o := range order {
		out[i] = gs[o]
	}
	return out
}

func norm(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

// WriteReport prints the overall table, the per-document table and the
// nErrors most frequent error groups, in aligned text columns.
func WriteReport(w io.Writer, total Scores, docs []DocScore, errs []Error, nErrors int) error {
	ew := &errWriter{w: w}
	fmt.Fprintf(ew, "TIMEX3 (TempEval-3 scoring)  documents %d  gold %d  system %d\n\n", len(docs), total.Gold, total.System)
	fmt.Fprintf(ew, "%-9s %7s %7s %7s %8s\n", "", "P", "R", "F1", "matches")
	fmt.Fprintf(ew, "%-9s %7s %7s %7s %8d\n", "strict", pct(total.StrictP, total.System), pct(total.StrictR, total.Gold), pct(total.StrictF1, total.Gold+total.System), total.StrictMatch)
	fmt.Fprintf(ew, "%-9s %7s %7s %7s %8d\n", "relaxed", pct(total.RelaxedP, total.System), pct(total.RelaxedR, total.Gold), pct(total.RelaxedF1, total.Gold+total.System), total.RelaxedMatch)
	fmt.Fprintf(ew, "\n%-9s %8s %6s %8s\n", "attribute", "accuracy", "F1", "correct")
	fmt.Fprintf(ew, "%-9s %8s %6s %8d\n", "type", pct(total.TypeAcc, total.RelaxedMatch), pct(total.TypeF1, total.RelaxedMatch), total.TypeMatch)
	fmt.Fprintf(ew, "%-9s %8s %6s %8d\n", "value", pct(total.ValueAcc, total.RelaxedMatch), pct(total.ValueF1, total.RelaxedMatch), total.ValueMatch)

	fmt.Fprintln(ew, "\nPer document")
	tw := tabwriter.NewWriter(ew, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "document\tgold\tsystem\tstrict F1\trelaxed F1\ttype acc\tvalue acc\tvalue F1\tnote")
	for _, d := range docs {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%s\t%s\t%s\t%s\t%s\t%s\n", d.Name, d.Gold, d.System,
			pct(d.StrictF1, d.Gold+d.System), pct(d.RelaxedF1, d.Gold+d.System),
			pct(d.TypeAcc, d.RelaxedMatch), pct(d.ValueAcc, d.RelaxedMatch), pct(d.ValueF1, d.RelaxedMatch), d.Problem)
	}
	tw.Flush()

	byKind := make([]int, len(kindNames))
	for _, e := range errs {
		if int(e.Kind) < len(byKind) {
			byKind[e.Kind]++
		}
	}
	fmt.Fprint(ew, "\nErrors:")
	for k, n := range byKind {
		fmt.Fprintf(ew, " %s %d", Kind(k), n)
	}
	fmt.Fprintln(ew)
	if nErrors > 0 && len(errs) > 0 {
		gs := Groups(errs)
		all := len(gs)
		if len(gs) > nErrors {
			gs = gs[:nErrors]
		}
		fmt.Fprintf(ew, "\nMost frequent errors (top %d of %d groups)\n", len(gs), all)
		tw = tabwriter.NewWriter(ew, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "count\tkind\tgold text\tgold type/value\tsystem text\tsystem type/value\texample")
		for _, g := range gs {
			e := g.Example
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s@%d\n", g.Count, g.Kinds, quote(e.Text), tv(e.GoldType, e.GoldValue),
				quote(e.SystemText), tv(e.SystemType, e.SystemValue), e.Doc, e.Start)
		}
		tw.Flush()
	}
	return ew.err
}

// pct formats a fraction as a percentage, "-" when its denominator is zero.
func pct(f float64, denom int) string {
	if denom == 0 {
		return "-"
	}
	return strconv.FormatFloat(100*f, 'f', 2, 64)
}

func quote(s string) string {
	if s == "" {
		return "-"
	}
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 40 {
		s = string(r[:37]) + "..."
	}
	return strconv.Quote(s)
}

func tv(typ, val string) string {
	if typ == "" && val == "" {
		return "-"
	}
	return typ + " " + val
}

// errWriter keeps the first write error so the report code stays linear.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(p)
	e.err = err
	return n, err
}
