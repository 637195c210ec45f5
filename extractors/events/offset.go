package events

// Offsets: an event told in a clause counted from the main clause's event
// ("The move comes a day after the US announced ...", "On Sunday, police
// cleared the square, two days after protesters seized it") lies that far
// from the main clause's date.

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/timeline-news/timeline/model"
	"github.com/timeline-news/timeline/rules"
)

// offsetRules is the compiled rules.Offsets.
type offsetRules struct {
	after, before [][]string
	units         map[string]string // singular unit noun -> precision
	plurals       map[string]bool   // unit nouns' plurals
	sameDay       map[string]bool
	spans         map[string]bool
	present       map[string]bool
}

func compileOffsets(r rules.Offsets) offsetRules {
	o := offsetRules{units: map[string]string{}, plurals: map[string]bool{}, sameDay: set(r.SameDay), spans: set(r.Spans), present: set(r.Present)}
	for _, p := range r.After {
		o.after = append(o.after, strings.Fields(strings.ToLower(p)))
	}
	for _, p := range r.Before {
		o.before = append(o.before, strings.Fields(strings.ToLower(p)))
	}
	for prec, nouns := range r.Units {
		for _, n := range nouns {
			n = strings.ToLower(n)
			o.units[n] = prec
			for _, f := range nounForms(n) {
				if f != n {
					o.plurals[f] = true
				}
			}
		}
	}
	return o
}

// offset is a count before "after" or "before" and the clause it anchors:
// words[from:to] is the phrase ("a day after"), words[to:end] the clause
// whose events it dates.
type offset struct {
	from, to, end int
	// n counts unit from the main clause's date: negative after "after"
	// (the clause's event came first). unit is "" for a vague count
	// ("days after"): the clause is kept apart but dated by nothing.
	n    int
	unit string
	rule string // the count's time rule, "offset" for a word count
}

// findOffsets finds the sentence's offset phrases. A count ending right
// before an anchor word is a duration ("a day", "48 hours"), "the" or
// "that" with a unit ("the day", "the night"), or a bare plural ("hours":
// the same day; "days": vague). The clause runs to the next boundary.
func (x *Extractor) findOffsets(s *model.Sentence, words []string, txs []*model.Timex) []offset {
	o := &x.offs
	var out []offset
	for k := 1; k < len(words); k++ {
		sign, n := 0, 0
		for _, p := range o.after {
			if phraseIn(words, p, k, k+len(p)) {
				sign, n = -1, len(p)
			}
		}
		for _, p := range o.before {
			if phraseIn(words, p, k, k+len(p)) {
				sign, n = 1, len(p)
			}
		}
		if sign == 0 || k+n >= len(words) || startsTimex(s, txs, k+n) {
			continue // "a day after May 25" counts from a day, not an event
		}
		if next := s.Tokens[k+n].Tag; strings.HasPrefix(next, "VB") || next == "MD" || isBoundary(words[k+n]) {
			continue // "the attack hours before was proof": "before" means earlier, and what it counts back from is the main clause
		}
		off := offset{to: k + n, end: len(words), rule: "offset"}
		if tx, from := timexEnding(s, txs, k); tx != nil {
			off.from = from
			count, unit, ok := durationCount(tx)
			switch {
			case tx.Type == model.TimexDuration && ok:
				off.n, off.unit, off.rule = sign*count, unit, tx.Rule
			case tx.Type == model.TimexDuration:
				// "a few days", "about a week": vague
			case k-from == 2 && (words[from] == "the" || words[from] == "that") && o.units[words[k-1]] != "":
				off.n, off.unit, off.rule = sign, o.units[words[k-1]], tx.Rule // "the day after"
			default:
				continue // "on Friday after talks": a date, no count
			}
		} else {
			switch w := words[k-1]; {
			case o.sameDay[w]:
				off.from, off.unit = k-1, model.PrecisionDay // "hours after": the same day
			case k >= 2 && (words[k-2] == "the" || words[k-2] == "that") && o.units[w] != "":
				off.from, off.n, off.unit = k-2, sign, o.units[w] // "the night before"
			case o.plurals[w] || o.units[w] != "":
				off.from = k - 1 // "days after": vague
			default:
				continue
			}
		}
		if off.from > 0 && o.spans[words[off.from-1]] {
			off.unit = "" // "for two weeks before the vote": a period
		}
		for j := off.to; j < len(words); j++ {
			if isBoundary(words[j]) {
				off.end = j
				break
			}
		}
		out = append(out, off)
		k = off.to - 1
	}
	return out
}

// startsTimex reports a date or time expression starting at token k.
func startsTimex(s *model.Sentence, txs []*model.Timex, k int) bool {
	for _, tx := range txs {
		if from, _ := tokenRange(s, tx.Span); from == k && (tx.Type == model.TimexDate || tx.Type == model.TimexTime) {
			return true
		}
	}
	return false
}

// timexEnding is the time expression that ends right before token k, with
// its first token.
func timexEnding(s *model.Sentence, txs []*model.Timex, k int) (*model.Timex, int) {
	for _, tx := range txs {
		if from, to := tokenRange(s, tx.Span); to == k && from < k {
			return tx, from
		}
	}
	return nil, 0
}

// durationCount reads an exact duration ("P2D", "P1W", "PT48H"): its count
// and the precision it dates at. Hours count whole days, or the same day
// up to half a day; a vague ("PXD") or modified ("about a week") one is no
// count.
func durationCount(tx *model.Timex) (int, string, bool) {
	v := tx.Value
	if tx.Mod != "" || len(v) < 3 || v[0] != 'P' {
		return 0, "", false
	}
	clock := v[1] == 'T'
	if clock {
		v = v[1:]
	}
	n, err := strconv.Atoi(v[1 : len(v)-1])
	if err != nil || n < 0 {
		return 0, "", false
	}
	switch u := v[len(v)-1]; {
	case clock && u == 'H' && n%24 == 0:
		return n / 24, model.PrecisionDay, true
	case clock && (u == 'H' && n <= 12 || u == 'M' || u == 'S'):
		return 0, model.PrecisionDay, true
	case clock:
		return 0, "", false
	case u == 'D':
		return n, model.PrecisionDay, true
	case u == 'W':
		return n, model.PrecisionWeek, true
	case u == 'M':
		return n, model.PrecisionMonth, true
	case u == 'Y':
		return n, model.PrecisionYear, true
	}
	return 0, "", false
}

// scopeOf is 1 + the offset clause that token k stands in, 0 for none.
func scopeOf(offs []offset, k int) int {
	for i := len(offs) - 1; i >= 0; i-- {
		if offs[i].to <= k && k < offs[i].end {
			return i + 1
		}
	}
	return 0
}

// inOffset reports token k inside an offset phrase or its clause.
func inOffset(offs []offset, k int) bool {
	for _, o := range offs {
		if o.from <= k && k < o.end {
			return true
		}
	}
	return false
}

// shift moves a date (at precision prec) by n units, giving the result at
// the unit's precision; ok is false when the date is coarser than the unit
// ("two days after" a month).
func shift(date, prec string, n int, unit string) (string, string, bool) {
	var t time.Time
	var err error
	switch prec {
	case model.PrecisionDay, model.PrecisionTime:
		t, err = time.Parse("2006-01-02", date[:10])
	case model.PrecisionWeek:
		var y, w int
		if _, err = fmt.Sscanf(date, "%4d-W%2d", &y, &w); err == nil {
			t = isoWeekStart(y, w)
		}
	case model.PrecisionMonth:
		t, err = time.Parse("2006-01", date)
	case model.PrecisionYear, model.PrecisionQuarter, "season":
		t, err = time.Parse("2006", date[:4])
		prec = model.PrecisionYear
	default:
		return "", "", false
	}
	if err != nil {
		return "", "", false
	}
	fine := map[string]int{model.PrecisionDay: 0, model.PrecisionTime: 0, model.PrecisionWeek: 1, model.PrecisionMonth: 2, model.PrecisionYear: 3}
	if fine[prec] > fine[unit] || prec == model.PrecisionWeek && unit == model.PrecisionMonth {
		return "", "", false
	}
	switch unit {
	case model.PrecisionDay:
		return t.AddDate(0, 0, n).Format("2006-01-02"), unit, true
	case model.PrecisionWeek:
		y, w := t.AddDate(0, 0, 7*n).ISOWeek()
		return fmt.Sprintf("%04d-W%02d", y, w), unit, true
	case model.PrecisionMonth:
		return t.AddDate(0, n, 0).Format("2006-01"), unit, true
	case model.PrecisionYear:
		return t.AddDate(n, 0, 0).Format("2006"), unit, true
	}
	return "", "", false
}

// isoWeekStart is the Monday of ISO week w of year y.
func isoWeekStart(y, w int) time.Time {
	t := time.Date(y, 1, 4, 0, 0, 0, 0, time.UTC) // always in week 1
	t = t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7))
	return t.AddDate(0, 0, 7*(w-1))
}

// dateOffsets dates the events of each offset clause from the main
// clause's date (see mainDate) and returns ds with the dates it made. It
// runs after the main clause is dated, so no date of an offset clause
// reaches the main clause.
func (x *Extractor) dateOffsets(doc *model.Document, s *model.Sentence, words []string, trigs []trigger, ds []dated, offs []offset, ents []model.Entity, focus *focusState, published string) []dated {
	for i, o := range offs {
		if o.unit == "" {
			continue
		}
		date, prec, ok := x.mainDate(doc, s, words, trigs, ds, offs, o, ents, focus, published)
		if !ok {
			continue
		}
		if date, prec, ok = shift(date, prec, o.n, o.unit); !ok {
			continue
		}
		a, b := s.Tokens[o.from], s.Tokens[o.to-1]
		d := dated{tx: &model.Timex{Span: model.Span{Start: a.Start, End: b.End}, Text: s.Text[a.Start-s.Start : b.End-s.Start],
			Type: model.TimexDate, Value: date, Rule: o.rule}, date: date, precision: prec, from: o.from, to: o.to, anchored: true, scope: i + 1}
		given := false
		for ti := range trigs {
			t := &trigs[ti]
			if t.scope != i+1 || t.time >= 0 || t.quoted || !realis(t.modality) && t.modality != "planned" {
				continue
			}
			if t.kind == "noun" && !x.offsetNoun(s, words, trigs, o, *t) {
				continue
			}
			if !given {
				ds = append(ds[:len(ds):len(ds)], d)
				given = true
			}
			t.time, t.via = len(ds)-1, "offset"
		}
	}
	return ds
}

// offsetNoun reports a noun the offset clause tells as its event: the
// phrase right after the anchor word ("a day after the vote", "after
// Russia's annexation of Crimea"), or the object of a verb of the clause
// ("after the US imposed sanctions", "made a trip").
func (x *Extractor) offsetNoun(s *model.Sentence, words []string, trigs []trigger, o offset, t trigger) bool {
	gov, verb := x.nounGovernor(s, words, t)
	if gov == o.to-1 {
		return true
	}
	if verb < o.to || verb >= o.end {
		return false
	}
	if x.support[words[verb]] {
		return true
	}
	for _, v := range trigs {
		if v.from == verb && v.scope == t.scope {
			return true
		}
	}
	return false
}

// mainDate is the date of the main clause an offset counts from: the date
// of its event nearest the phrase (before it, else after the clause),
// unless that event only borrowed a report's time, or for an undated noun
// after a possessive name the date of that name's event of its type told
// before (see possessorDate); else the main clause's own time; else the
// narrative's day for a main clause told in the past, or for one told with
// a present verb of `present` ("The move comes a day after") the
// narrative's day or the publication day. An event or a time is the main
// clause's only when no other verb stands between it and the phrase
// ("said on Monday that troops moved a day after": the move's day is
// unknown); a noun and a fronted time have their own clause's verb in
// between ("The summit came a day after", "On Sunday, police cleared the
// square, two days after"). ok is false when no date is known.
func (x *Extractor) mainDate(doc *model.Document, s *model.Sentence, words []string, trigs []trigger, ds []dated, offs []offset, o offset, ents []model.Entity, focus *focusState, published string) (string, string, bool) {
	q := quotedTokens(words)
	verbs := func(from, to int) int { // finite verbs in words[from:to] outside quotations and offsets
		n := 0
		for k := max(from, 0); k < to && k < len(words); k++ {
			tag := s.Tokens[k].Tag
			if (finite(tag) || tag == "MD") && !q[k] && words[k] != "" && !inOffset(offs, k) && !(x.aux[words[k]] && verbFollows(s.Tokens, k)) {
				n++
			}
		}
		return n
	}
	between := func(from, to int) int { // verbs between words[from:to] and the phrase
		if to <= o.from {
			return verbs(to, o.from)
		}
		return verbs(o.end, from)
	}
	gov := -1 // the nearest main-clause trigger before the phrase, else after its clause
	for i, t := range trigs {
		if t.scope != 0 || t.quoted {
			continue
		}
		if t.to <= o.from || gov < 0 && t.from >= o.end {
			gov = i
		}
	}
	if gov >= 0 {
		t := trigs[gov]
		allowed := 0
		if t.kind == "noun" {
			allowed = 1
		}
		if between(t.from, t.to) > allowed {
			gov = -1
		}
	}
	if gov >= 0 && trigs[gov].time != -1 {
		t := trigs[gov]
		if t.via == "reporting" || !realis(t.modality) && t.modality != "planned" {
			return "", "", false // "said Monday that troops moved a day after": the move's own day is unknown
		}
		var d *dated
		switch {
		case t.time >= 0:
			d = &ds[t.time]
		case t.time == -2:
			d = focus.d
		case t.time == -3:
			d = focus.lede
		}
		if d == nil || d.deadline {
			return "", "", false
		}
		return d.date, d.precision, true
	}
	if gov >= 0 {
		if date, prec, ok := x.possessorDate(doc, s, words, trigs[gov], ents); ok {
			return date, prec, true // "Johnson's visit came one day after": the visit told before
		}
	}
	best := -1
	for i, d := range ds {
		if d.scope != 0 || d.anchored || d.deadline || d.span || d.quoted || d.rangeEnd || d.anaphor {
			continue
		}
		allowed := 0
		if d.to <= o.from && verbs(0, d.from) == 0 || d.from >= o.end {
			allowed = 1 // "On Sunday, police cleared the square, two days after"; "A day after ..., Russia retaliated on Friday"
		}
		if between(d.from, d.to) > allowed {
			continue
		}
		if best < 0 || distance(d.from, d.to, o.from, o.to) < distance(ds[best].from, ds[best].to, o.from, o.to) {
			best = i
		}
	}
	if best >= 0 {
		return ds[best].date, ds[best].precision, true
	}
	for k, tk := range s.Tokens {
		if inOffset(offs, k) || q[k] || words[k] == "" {
			continue
		}
		switch {
		case tk.Tag == "VBD" && focus.ok():
			return focus.d.date, focus.d.precision, true
		case (tk.Tag == "VBZ" || tk.Tag == "VBP") && x.offs.present[words[k]]:
			if focus.ok() {
				return focus.d.date, focus.d.precision, true
			}
			if published != "" {
				return published, model.PrecisionDay, true
			}
			return "", "", false
		case finite(tk.Tag) || tk.Tag == "MD":
			return "", "", false
		}
	}
	return "", "", false
}

// possessorDate is the date of the event a noun after a possessive name
// stands for ("Johnson's visit", "Russia's invasion"): the one date of the
// article's earlier mentions of its type (or an equivalent one) stated as
// fact or planned, dated by more than the context, with that name as
// actor. ok is false when there is none, or more than one.
func (x *Extractor) possessorDate(doc *model.Document, s *model.Sentence, words []string, t trigger, ents []model.Entity) (string, string, bool) {
	if t.kind != "noun" || t.time != -1 {
		return "", "", false
	}
	k := t.from - 1
	for k >= 0 && k >= t.from-3 && (strings.HasPrefix(s.Tokens[k].Tag, "JJ") || s.Tokens[k].Tag == "NN") && words[k] != "s" {
		k--
	}
	if k < 1 || words[k] != "s" && words[k] != "'s" && words[k] != "’s" && s.Tokens[k].Tag != "POS" {
		return "", "", false
	}
	name, actor := "", ""
	for _, e := range ents {
		if e.End == s.Tokens[k-1].End {
			name, actor = e.Canonical, e.ActorName()
		}
	}
	if name == "" {
		return "", "", false
	}
	typ := x.typeOf(t)
	date, prec := "", ""
	for _, m := range doc.Events {
		if !x.ana.same(typ, m.Type) || m.Time.Via == "context" || !realis(m.Modality) && m.Modality != "planned" {
			continue
		}
		if !slices.Contains(m.Actors, name) && !slices.Contains(m.Actors, actor) {
			continue
		}
		if date != "" && m.Date != date {
			return "", "", false
		}
		date = m.Date
		_, prec = DateOf(m.Date)
	}
	return date, prec, date != ""
}
