package timex

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/timeline-news/timeline/model"
	"github.com/timeline-news/timeline/rules"
)

// normCtx is the state of one TagText call shared by its normalisers.
type normCtx struct {
	t       *Tagger
	text    string
	dct     time.Time
	lastDay string              // last day-precision date tagged, anchors clock times
	lastEnd int                 // end of the last expression tagged
	anchor  anchor              // last calendar value tagged, anchors anaphoric expressions
	byGrain [len(grains)]anchor // the last anchor of each granularity
	// the first anchor of each granularity: an earnings report's own
	// quarter is the one its lead names
	firstByGrain [len(grains)]anchor
	seq          int   // anchors noted so far
	cues         []cue // tense cues of the sentence [cueLo, cueHi)
	cuesOK       bool
	cueLo        int
	cueHi        int
	// ordinal days ("its 12th day") wait for every date of the text
	pendingN int
	ords     []ordinal
	// the last comparison ("a year ago") whose granularity came from
	// context: its end and grain, for a comparison right after it
	cmpEnd   int
	cmpGrain string
}

// groups holds, per role, the matched text and its vocabulary value.
type groups struct {
	raw [nRoles]string
	val [nRoles]string
	has [nRoles]bool
}

// normalizer fills x.Value (and may change x.Type, x.Mod) and x.How;
// false drops the match (an impossible date, say).
type normalizer func(c *normCtx, r *crule, g *groups, x *model.Timex) bool

var normalizers map[string]normalizer

func init() {
	normalizers = map[string]normalizer{
		"template": normTemplate,
		"date":     normDate,
		"weekday":  normWeekday,
		"relative": normRelative,
		"duration": normDuration,
		"season":   normSeason,
		"time":     normTime,
		"anchored": normAnchored,
		"ordinal":  normOrdinal,
		"reject":   normReject,
		"named":    normNamed,
	}
}

func (c *normCtx) normalize(cd cand) (model.Timex, bool) {
	r := &c.t.rules[cd.rule]
	if v := r.Params["after"]; v != "" && !c.inVocab(v, c.wordBefore(cd.start)) {
		return model.Timex{}, false // "a June agreement", not "May be"
	}
	if v := r.Params["not_after"]; v != "" && c.inVocab(v, c.wordBefore(cd.start)) {
		return model.Timex{}, false // "a Sept. 11 attack" is no named event
	}
	var g groups
	for _, gr := range r.groups {
		s, e := cd.m[2*gr.index], cd.m[2*gr.index+1]
		if s < 0 {
			continue
		}
		raw := c.text[s:e]
		g.raw[gr.role], g.val[gr.role], g.has[gr.role] = raw, lookup(gr.vocab, raw), true
	}
	if g.has[rHundreds] {
		// a spoken year is a year for every normaliser
		y := atoi(g.val[rHundreds])*100 + atoi(g.val[rTens]) + atoi(g.val[rOnes])
		g.raw[rYear] = strconv.Itoa(y)
		g.val[rYear], g.has[rYear] = g.raw[rYear], true
	}
	x := model.Timex{
		Span: model.Span{Start: cd.start, End: cd.end},
		Text: c.text[cd.start:cd.end],
		Type: r.Type, Mod: r.Mod, Rule: r.ID,
	}
	if g.has[rMod] {
		x.Mod = g.val[rMod]
	}
	fn, ok := normalizers[r.Normalize]
	if !ok || !fn(c, r, &g, &x) {
		return model.Timex{}, false
	}
	c.takeApprox(&x)
	return x, true
}

// takeApprox extends a date or time over a hedge right before it ("around
// Nov. 1", "around 7:15 p.m."): TIMEX3 spans keep the modifier, as mod
// (vocabulary approx_point: word -> mod).
func (c *normCtx) takeApprox(x *model.Timex) {
	if x.Type != model.TimexDate && x.Type != model.TimexTime {
		return
	}
	w, start := c.wordBeforeAt(x.Start)
	mod, ok := c.t.vocab["approx_point"][w]
	if !ok || start < c.lastEnd {
		return
	}
	x.Start = start
	x.Text = c.text[start:x.End]
	if x.Mod == "" {
		x.Mod = mod
	}
}

// lookup maps a matched word to its vocabulary value, case- and
// space-insensitively; text not in the vocabulary is kept as is.
func lookup(vocab map[string]string, raw string) string {
	if vocab == nil {
		return raw
	}
	w := strings.ToLower(strings.Join(strings.Fields(raw), " "))
	if v, ok := vocab[w]; ok {
		return v
	}
	if v, ok := vocab[strings.TrimSuffix(w, ".")]; ok {
		return v
	}
	return raw
}

func atoi(s string) int {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil {
		return 0
	}
	return n
}

// unitOf is the unit letter from the group, else from the rule's unit param
// (a word of the unit vocabulary or a letter).
func (c *normCtx) unitOf(r *crule, g *groups) string {
	if g.has[rUnit] {
		return g.val[rUnit]
	}
	u := r.Params["unit"]
	if v, ok := c.t.vocab["unit"][strings.ToLower(u)]; ok {
		return v
	}
	return u
}

func dayStr(t time.Time) string { return t.Format("2006-01-02") }

func dctStr(t time.Time) string { return t.Format("Mon 2006-01-02") }

func normTemplate(c *normCtx, r *crule, g *groups, x *model.Timex) bool {
	v := r.Value
	for i, name := range rules.TimexRoles {
		ph := "{" + name + "}"
		if !strings.Contains(v, ph) {
			continue
		}
		if !g.has[i] {
			return false
		}
		w := g.val[i]
		if name == "month" && len(w) == 1 {
			w = "0" + w // TIMEX3 months have two digits: XXXX-07
		}
		v = strings.ReplaceAll(v, ph, w)
	}
	if strings.ContainsAny(v, "{}") {
		return false
	}
	x.Value, x.How = v, "fixed value"
	return true
}

// normDate handles absolute and partial calendar dates: year, year-month,
// month-day (year inferred from the DCT by tense), quarters and clock time.
func normDate(c *normCtx, r *crule, g *groups, x *model.Timex) bool {
	y, mo, d, q := atoi(g.raw[rYear]), atoi(g.val[rMonth]), atoi(g.raw[rDay]), atoi(g.val[rQuarter])
	how := "absolute"
	switch {
	case q > 0:
		if q > 4 {
			return false
		}
		switch {
		case y > 0:
		case c.dct.IsZero():
			x.Value, x.How = fmt.Sprintf("XXXX-Q%d", q), "quarter, no DCT"
			return true
		case g.has[rShift]:
			y, how = c.dct.Year()+atoi(g.val[rShift]), "quarter, year shifted from DCT "+dctStr(c.dct)
		default:
			y, how = c.inferQuarterYear(q, x)
		}
		x.Value, x.How = fmt.Sprintf("%04d-Q%d", y, q), how
		return true
	case mo == 0 && y > 0:
		x.Value, x.How = fmt.Sprintf("%04d", y), "year"
		return true
	case mo < 1 || mo > 12:
		return false
	}
	if d > 0 && d > daysIn(mo, y) {
		return false
	}
	if y == 0 && g.has[rShift] && g.has[rUnit] && !c.dct.IsZero() {
		// "July last year"
		y, how = c.dct.Year()+atoi(g.val[rShift]), "month, year shifted from DCT "+dctStr(c.dct)
	}
	if y == 0 {
		if c.dct.IsZero() {
			y, how = -1, "no DCT, year unknown"
		} else if d == 0 {
			y, how = c.inferMonthYear(r, g, mo, x)
		} else {
			y, how = c.inferDayYear(r, mo, d, atoi(r.Params["past_ahead"]), x)
		}
	}
	ys := "XXXX"
	if y > 0 {
		ys = fmt.Sprintf("%04d", y)
	}
	if d == 0 {
		x.Value, x.How = fmt.Sprintf("%s-%02d", ys, mo), how
		return true
	}
	x.Value, x.How = fmt.Sprintf("%s-%02d-%02d", ys, mo, d), how
	if r.Params["ending"] == "Q" {
		// "the quarter ended July 31" (May to July): the calendar quarter
		// that holds most of the three months ending on that day
		if y <= 0 {
			x.Value = "XXXX-QX"
			return true
		}
		mid := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC).AddDate(0, 0, -45)
		x.Value = fmt.Sprintf("%04d-Q%d", mid.Year(), (int(mid.Month())-1)/3+1)
		x.How = "quarter ending " + dayStr(mid.AddDate(0, 0, 45)) + ", " + how
		if a := c.firstByGrain[strings.IndexByte(grains, 'Q')]; a.grain != 0 && a.t.Year() == mid.Year() {
			// the report's own quarter, named first, may be numbered
			// in its fiscal year ("the fiscal first quarter", 1989-Q1)
			x.Value, x.How = a.String(), "the quarter the text named first, "+a.String()
		}
		return true
	}
	if g.has[rHour] {
		h, ok := hour24(atoi(g.raw[rHour]), g.val[rAmpm])
		if !ok {
			return false
		}
		x.Value += fmt.Sprintf("T%02d:%02d", h, atoi(g.raw[rMinute]))
		x.Type = model.TimexTime
	}
	return true
}

func daysIn(mo, y int) int {
	if y <= 0 {
		y = 2000 // leap: accept Feb 29 when the year is unknown
	}
	return time.Date(y, time.Month(mo)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// inferMonthYear resolves a month name without year: "last/next/this
// March", else by tense (future: this month or later; present: the nearest;
// otherwise this month or earlier).
func (c *normCtx) inferMonthYear(r *crule, g *groups, mo int, x *model.Timex) (int, string) {
	dy, dm := c.dct.Year(), int(c.dct.Month())
	if g.has[rShift] {
		switch atoi(g.val[rShift]) {
		case -1:
			if mo >= dm {
				dy--
			}
			return dy, "month, last: before DCT " + dctStr(c.dct)
		case 1:
			if mo <= dm {
				dy++
			}
			return dy, "month, next: after DCT " + dctStr(c.dct)
		}
		return dy, "month, this: year of DCT " + dctStr(c.dct)
	}
	tense, cue := c.tenseAt(x.Start, x.End)
	// what was reported may lie either side of the report ("announced an
	// agreement to buy it in January"), but "said in June" dates the saying
	nearest := tense == "present" || (tense == "reporting" && !c.cueAdjacent(x.Start))
	if w := c.wordBefore(x.Start); w != "" && c.inVocab(r.Params["nearest_after"], w) {
		// "until mid-November", "through January": a period's end, either side
		nearest, tense, cue = true, "nearest", w
	}
	if (tense == "past" || tense == "") && !nearest && c.scheduled(r, x.Start, x.End) {
		tense, cue = "future", "date of a planned event"
	}
	if tense == "future" && mo < dm && c.knownEvent(r, x.Start) {
		// "sanctions for its annexation in March" (in May): the month dates
		// the noun's happening, not the future verb's
		tense, cue = "past", "event noun phrase"
	}
	switch {
	case nearest && mo-dm > 6:
		dy-- // nearest: more than half a year ahead is last year's
	case nearest && dm-mo > 6:
		dy++
	case nearest:
	case tense == "future" && mo < dm:
		dy++
	case tense != "future" && mo > dm:
		dy--
	}
	return dy, fmt.Sprintf("month, %s, DCT %s", tenseDesc(tense, cue, "past"), dctStr(c.dct))
}

// knownEvent reports whether the month at start ends a definite noun
// phrase headed by an event noun, "DET [MODIFIER] NOUN in": "its
// annexation in", "Russia's illegal annexation in", "the referendum in"
// (params: event_noun, the nouns; event_det, the determiners; a possessive
// "X's" counts too). Such a phrase names a happening the reader knows of,
// so not one the clause's future verb dates; unless the phrase is that
// verb's object ("will hold the referendum in March": the month may date
// the verb; not so a verb of param event_retro's vocabulary, "will not
// recognise the referendum in March") or follows a word of the vocabulary of param event_ahead
// ("ahead of the election in March").
func (c *normCtx) knownEvent(r *crule, start int) bool {
	nounsV, detsV := r.Params["event_noun"], r.Params["event_det"]
	if nounsV == "" || detsV == "" {
		return false
	}
	w, i := c.wordBeforeAt(start)
	if w != "in" {
		return false
	}
	w, i = c.wordBeforeAt(i)
	if !c.inVocab(nounsV, w) {
		return false
	}
	det := -1
	for k := 0; k < 2 && det < 0; k++ { // one modifier may stand between
		w, i = c.wordBeforeAt(i)
		switch {
		case w == "":
			return false
		case c.inVocab(detsV, w):
			det = i
		case w == "s" && (strings.HasSuffix(c.text[:i], "'") || strings.HasSuffix(c.text[:i], "’")):
			// a possessive "Russia's": the owner is the determiner
			j := i - 1
			if c.text[j] != '\'' {
				j = i - len("’")
			}
			o := j
			for o > 0 && isLetter(c.text[o-1]) {
				o--
			}
			if o == j {
				return false
			}
			det = o
		default:
			if k > 0 {
				return false
			}
		}
	}
	if det < 0 {
		return false
	}
	if q, ok := c.cueAt(det, det); ok && q.tense == "future" && q.end <= det && strings.TrimSpace(c.text[q.end:det]) == "" {
		// the future verb's object, which "in March" may date ("will hold
		// the vote in March"), unless the verb looks back on what it
		// takes ("will not recognise the referendum in March")
		vs := strings.Fields(asciiLower(c.text[q.start:q.end]))
		if !c.inVocab(r.Params["event_retro"], vs[len(vs)-1]) {
			return false
		}
	}
	w1, j := c.wordBeforeAt(det)
	w2, _ := c.wordBeforeAt(j)
	ahead := r.Params["event_ahead"]
	return !c.inVocab(ahead, w1) && !c.inVocab(ahead, w2+" "+w1)
}

// scheduled reports whether the date at [start, end), in a clause a past
// cue (or none) puts in the past, names when a planned event is to
// happen: "set early presidential elections for May 25", "voted to hold a
// referendum on March 16", "the vote, which was set for May 25". The past
// verb set the date or planned the event; the event itself lies ahead.
// Params name the vocabularies: schedule_noun, the planned event, one of
// the schedule_window words before the date; schedule_prep, the word
// right before the date, unless the noun is ("elections May 25");
// schedule_verb, a verb that fixes a date or, in its base form, stages
// the event ("voted to hold"), at most three words from the noun and not
// before the past cue. A cue after the date ("the elections on May 25
// were won") or a word of schedule_over from the cue on ("had set
// elections for May 25") keeps the past.
func (c *normCtx) scheduled(r *crule, start, end int) bool {
	nounV, verbV, prepV := r.Params["schedule_noun"], r.Params["schedule_verb"], r.Params["schedule_prep"]
	if nounV == "" || verbV == "" || prepV == "" {
		return false
	}
	lo, _ := sentenceBounds(c.text, start, end)
	from := lo // where the past cue starts
	if q, ok := c.cueAt(start, end); ok {
		if q.start >= start {
			return false
		}
		from = q.start
	}
	ws := splitWords(c.text, lo, start)
	if len(ws) == 0 {
		return false
	}
	last := len(ws) - 1
	if !c.inVocab(prepV, ws[last].text) && !c.inVocab(nounV, ws[last].text) {
		return false
	}
	noun := -1
	for i := last; i >= 0 && i >= len(ws)-atoi(r.Params["schedule_window"]); i-- {
		if c.inVocab(nounV, ws[i].text) {
			noun = i
			break
		}
	}
	if noun < 0 {
		return false
	}
	plan := false
	for i, w := range ws {
		if w.start < from {
			continue
		}
		if c.inVocab(r.Params["schedule_over"], w.text) {
			return false
		}
		// the verb governs the noun: a few words either side of it
		plan = plan || (c.inVocab(verbV, w.text) && abs(i-noun) <= 3)
	}
	return plan
}

// cueAdjacent reports whether the tense cue before start is separated from
// it by at most one word (a preposition: "said in June").
func (c *normCtx) cueAdjacent(start int) bool {
	q, ok := c.cueAt(start, start)
	if !ok || q.end > start {
		return false
	}
	return len(strings.Fields(c.text[q.end:start])) <= 1
}

// wordBefore is the lower-cased word right before offset i ("" if none).
func (c *normCtx) wordBefore(i int) string {
	w, _ := c.wordBeforeAt(i)
	return w
}

// wordBeforeAt is wordBefore and the offset where that word starts.
func (c *normCtx) wordBeforeAt(i int) (string, int) {
	j := i
	for j > 0 && !isLetter(c.text[j-1]) {
		if c.text[j-1] != ' ' {
			return "", i // punctuation between: not a phrase
		}
		j--
	}
	k := j
	for k > 0 && isLetter(c.text[k-1]) {
		k--
	}
	return asciiLower(c.text[k:j]), k
}

// inVocab reports whether w is a word of the named vocabulary.
func (c *normCtx) inVocab(vocab, w string) bool {
	if vocab == "" {
		return false
	}
	_, ok := c.t.vocab[vocab][w]
	return ok
}

// inferQuarterYear places a quarter without year in the DCT's year, except
// a later quarter in the past tense (last year's) and, in the future tense,
// a quarter more than one before the DCT's (next year's): a quarter is
// reported on after it ends, so "will report third-quarter results" in
// October is this year's.
func (c *normCtx) inferQuarterYear(q int, x *model.Timex) (int, string) {
	dy, dq := c.dct.Year(), (int(c.dct.Month())-1)/3+1
	tense, cue := c.tenseAt(x.Start, x.End)
	switch {
	case tense == "future" && q < dq-1:
		dy++
	case tense != "future" && q > dq:
		dy--
	}
	return dy, fmt.Sprintf("quarter, %s, DCT %s", tenseDesc(tense, cue, "past"), dctStr(c.dct))
}

// inferDayYear picks the year of a month-day: past tense the latest such
// day on or before the DCT, future the earliest on or after; present,
// reported speech or no cue the nearest.
//
// ahead (days) lets a past-tense clause keep a day that is that close after
// the DCT: "asked it to respond by Oct. 31" four days before is a deadline,
// not last year's Oct. 31.
func (c *normCtx) inferDayYear(r *crule, mo, d, ahead int, x *model.Timex) (int, string) {
	tense, cue := c.tenseAt(x.Start, x.End)
	if (tense == "past" || tense == "") && c.scheduled(r, x.Start, x.End) {
		tense, cue = "future", "date of a planned event"
	}
	dct := truncDay(c.dct)
	best, bestDiff := 0, 0
	for y := dct.Year() - 1; y <= dct.Year()+1; y++ {
		if d > daysIn(mo, y) {
			continue
		}
		diff := int(time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC).Sub(dct).Hours() / 24)
		ok := (tense == "past" && diff <= ahead) || (tense == "future" && diff >= 0) || (tense != "past" && tense != "future")
		if !ok {
			continue
		}
		if best == 0 || abs(diff) < abs(bestDiff) || (abs(diff) == abs(bestDiff) && diff < 0) {
			best, bestDiff = y, diff
		}
	}
	if best == 0 {
		best = dct.Year()
	}
	return best, fmt.Sprintf("month-day, %s, DCT %s -> %s", tenseDesc(tense, cue, "nearest"), dctStr(c.dct), daysDesc(bestDiff))
}

func truncDay(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

func tenseDesc(tense, cue, dflt string) string {
	if tense == "" {
		return "no tense cue (" + dflt + ")"
	}
	return fmt.Sprintf("%s tense (%q)", tense, cue)
}

func daysDesc(diff int) string {
	switch {
	case diff == 0:
		return "same day"
	case diff == 1:
		return "next day"
	case diff == -1:
		return "day before"
	case diff < 0:
		return fmt.Sprintf("%d days before", -diff)
	}
	return fmt.Sprintf("%d days after", diff)
}

// hour24 converts a 12-hour clock reading.
func hour24(h int, ampm string) (int, bool) {
	switch ampm {
	case "am":
		if h == 12 {
			h = 0
		}
	case "pm":
		if h < 12 {
			h += 12
		}
	}
	return h, h >= 0 && h <= 24 // 24: midnight ending a day
}

func isoWeekday(t time.Time) int {
	if t.Weekday() == time.Sunday {
		return 7
	}
	return int(t.Weekday())
}

// normWeekday resolves a weekday name: "last"/"next" strictly before/after
// the DCT; future tense the next such day after the DCT (the DCT itself
// with param future_today: yes); present tense the nearest; otherwise
// (past, reported, no cue) the most recent such day on or before it.
func normWeekday(c *normCtx, r *crule, g *groups, x *model.Timex) bool {
	wd := atoi(g.val[rWeekday])
	if wd < 1 || wd > 7 {
		return false
	}
	name := g.raw[rWeekday]
	if c.dct.IsZero() {
		x.Value, x.How = fmt.Sprintf("XXXX-WXX-%d", wd), "weekday "+name+", no DCT"
		return true
	}
	dwd := isoWeekday(c.dct)
	back := (dwd - wd + 7) % 7 // days back to the most recent such day
	fwd := (wd - dwd + 7) % 7
	var diff int
	var why string
	shift := 0
	if g.has[rShift] {
		shift = atoi(g.val[rShift])
	}
	switch {
	case shift < 0:
		if back == 0 {
			back = 7
		}
		diff, why = -back, "last"
	case shift > 0:
		if fwd == 0 {
			fwd = 7
		}
		diff, why = fwd, "next"
	default:
		tense, cue := c.tenseAt(x.Start, x.End)
		why = tenseDesc(tense, cue, "past")
		switch {
		case tense == "future":
			if fwd == 0 && r.Params["future_today"] != "yes" {
				fwd = 7
			}
			diff = fwd
		case tense == "present" && fwd < back:
			diff = fwd
		default:
			diff = -back
		}
	}
	x.Value = dayStr(c.dct.AddDate(0, 0, diff))
	x.How = fmt.Sprintf("weekday %s, %s, DCT %s -> %s", name, why, dctStr(c.dct), daysDesc(diff))
	if h, m, ok := clockOf(r, g); ok {
		x.Value += clockStr(h, m)
		x.Type = model.TimexTime
	} else if g.has[rPart] {
		x.Value += "T" + g.val[rPart]
		x.Type = model.TimexTime
	}
	return true
}

// clockOf reads the hour and minute groups (else the hour and minute
// params) in 24-hour time; false when there is no hour.
func clockOf(r *crule, g *groups) (int, int, bool) {
	hs, ms := g.raw[rHour], g.raw[rMinute]
	if !g.has[rHour] {
		hs = r.Params["hour"]
	}
	if !g.has[rMinute] {
		ms = r.Params["minute"]
	}
	if hs == "" {
		return 0, 0, false
	}
	h, ok := hour24(atoi(hs), g.val[rAmpm])
	return h, atoi(ms), ok
}

// clockStr formats a clock time; midnight at a day's end is T24:00.
func clockStr(h, m int) string { return fmt.Sprintf("T%02d:%02d", h, m) }

// offset reads a relative expression's unit and signed offset: the shift
// word (last/next, later/earlier) or the offset param, times the number when
// there is one, with counted units ("fortnight") unfolded. counted is false
// when the number is vague ("a few"); off then still gives the direction.
func (c *normCtx) offset(r *crule, g *groups) (unit string, off int, counted bool) {
	unit = c.unitOf(r, g)
	off = atoi(r.Params["offset"])
	if g.has[rShift] {
		off = atoi(g.val[rShift])
	}
	if g.has[rNumber] {
		n, err := strconv.Atoi(g.val[rNumber])
		if err != nil {
			return unit, off, false
		}
		off *= n
	}
	if k, u, ok := splitCount(unit); ok {
		off, unit = off*k, u
	}
	return unit, off, true
}

// normRelative shifts the DCT's day, week, weekend, month, quarter or year by the
// shift word (last/next/this, yesterday...) or the offset param, times the
// number when there is one ("three years ago").
func normRelative(c *normCtx, r *crule, g *groups, x *model.Timex) bool {
	unit, off, counted := c.offset(r, g)
	if !counted {
		// "a few years ago": an unknown count, only the direction is known
		x.Value, x.How = refOf(off), "relative, vague count"
		return g.val[rNumber] == "X"
	}
	if c.dct.IsZero() {
		x.How = "relative, no DCT"
		return true
	}
	if _, ok := c.compareQuarter(r, unit, off, x); ok {
		return true
	}
	d := c.dct
	switch unit {
	case "D":
		x.Value = dayStr(d.AddDate(0, 0, off))
		part := r.Params["part"]
		if g.has[rPart] {
			part = g.val[rPart]
		}
		if part != "" {
			x.Value += "T" + part
			x.Type = model.TimexTime
		}
	case "W":
		how := ""
		if o, h, ok := c.weekEndShift(r, g, x); ok {
			off, how = o, h
		}
		y, w := d.AddDate(0, 0, 7*off).ISOWeek()
		x.Value = fmt.Sprintf("%04d-W%02d", y, w)
		if how != "" {
			x.How = fmt.Sprintf("relative %+d W %s, DCT %s", off, how, dctStr(d))
			return true
		}
		if r.Params["week"] == "XX" {
			x.Value = fmt.Sprintf("%04d-WXX", y) // a week, not numbered
		}
	case "M":
		m := time.Date(d.Year(), d.Month()+time.Month(off), 1, 0, 0, 0, 0, time.UTC)
		x.Value = m.Format("2006-01")
	case "WE":
		if !g.has[rShift] && isoWeekday(d) < 6 {
			off-- // "the weekend" on a weekday: the one just past
		}
		y, w := d.AddDate(0, 0, 7*off).ISOWeek()
		x.Value = fmt.Sprintf("%04d-W%02d-WE", y, w)
	case "Q":
		q := (d.Year()*4 + (int(d.Month())-1)/3) + off
		x.Value = fmt.Sprintf("%04d-Q%d", q/4, q%4+1)
	case "Y":
		x.Value = fmt.Sprintf("%04d", d.Year()+off)
	default:
		return false
	}
	x.How = fmt.Sprintf("relative %+d %s, DCT %s", off, unit, dctStr(d))
	return true
}

// weekEndShift is the offset from the DCT's ISO week of "last/this/next
// week" when the DCT is the last day of its week (a Sunday): the vocabulary
// named by param week_end maps the shift word to the offset, or to
// "PAST/OTHER", the offset in a past-tense clause and in any other.
func (c *normCtx) weekEndShift(r *crule, g *groups, x *model.Timex) (int, string, bool) {
	v := r.Params["week_end"]
	if v == "" || !g.has[rShift] || isoWeekday(c.dct) != 7 {
		return 0, "", false
	}
	val, ok := c.t.vocab[v][strings.ToLower(strings.Join(strings.Fields(g.raw[rShift]), " "))]
	if !ok {
		return 0, "", false
	}
	how := "(week ending on the DCT)"
	if past, other, two := strings.Cut(val, "/"); two {
		tense, cue := c.tenseAt(x.Start, x.End)
		for _, q := range c.cues {
			if q.start >= x.Start && q.end <= x.End {
				// a cue of the expression's own ("earlier this week")
				tense, cue = q.tense, c.text[q.start:q.end]
			}
		}
		val = other
		if tense == "past" {
			val = past
		}
		how = "(week ending on the DCT, " + tenseDesc(tense, cue, "no tense") + ")"
	}
	return atoi(val), how, true
}

// normNamed dates the date-name of a well-known event ("the Sept. 11
// attacks", "9/11"): the vocabulary named by param names maps "MONTH/DAY"
// (from the month and day groups, else the matched text) to the event's
// date. A name not in it, or an event not before the DCT, fails, and the
// date is read as any other.
func normNamed(c *normCtx, r *crule, g *groups, x *model.Timex) bool {
	key := strings.ToLower(x.Text)
	if g.has[rMonth] && g.has[rDay] {
		key = fmt.Sprintf("%d/%d", atoi(g.val[rMonth]), atoi(g.raw[rDay]))
	}
	v, ok := c.t.vocab[r.Params["names"]][key]
	if !ok || (!c.dct.IsZero() && v >= dayStr(c.dct)) {
		return false
	}
	x.Value, x.How = v, "the date of the event named "+key
	return true
}

// refOf is the vague reference of a shift direction.
func refOf(off int) string {
	switch {
	case off < 0:
		return "PAST_REF"
	case off > 0:
		return "FUTURE_REF"
	}
	return "PRESENT_REF"
}

// normDuration builds P<n><unit> (PT for clock units); SET rules use it too.
func normDuration(c *normCtx, r *crule, g *groups, x *model.Timex) bool {
	n := r.Params["number"]
	if g.has[rNumber] {
		n = g.val[rNumber]
	}
	if n == "" {
		n = "1"
	}
	unit := c.unitOf(r, g)
	if k, u, ok := splitCount(unit); ok {
		if v, err := strconv.Atoi(n); err == nil {
			n = strconv.Itoa(v * k)
			if r.Params["half"] == "yes" && k%2 == 0 {
				// "a decade and a half": 15 years
				x.Value, x.How = "P"+strconv.Itoa(v*k+k/2)+u, "duration "+n+" and a half "+unit
				return true
			}
		}
		unit = u
	}
	if n != "X" {
		if _, err := strconv.Atoi(n); err != nil {
			return false
		}
	}
	if unit == "" {
		return false
	}
	if r.Params["half"] == "yes" {
		// the half in the next unit down; a half month or week has none
		half, ok := map[string]string{"Y": "6M", "D": "T12H", "TH": "30M", "TM": "30S"}[unit]
		if !ok || n == "X" {
			return false
		}
		if strings.HasPrefix(unit, "T") {
			x.Value = "PT" + n + unit[1:] + half
		} else {
			x.Value = "P" + n + unit + half
		}
		x.How = "duration " + n + " and a half " + unit
		return true
	}
	if strings.HasPrefix(unit, "T") {
		x.Value = "PT" + n + unit[1:]
	} else {
		x.Value = "P" + n + unit
	}
	x.How = "duration " + n + " " + unit
	return true
}

// normSeason gives YEAR-SU etc.; the year is explicit, or the DCT's moved
// by last/next.
func normSeason(c *normCtx, r *crule, g *groups, x *model.Timex) bool {
	code := g.val[rSeason]
	if len(code) != 2 {
		return false
	}
	switch {
	case g.has[rYear]:
		x.Value, x.How = g.raw[rYear]+"-"+code, "season"
	case c.dct.IsZero():
		x.Value, x.How = "XXXX-"+code, "season, no DCT"
	default:
		y := c.dct.Year() + c.seasonShift(code, atoi(g.val[rShift]))
		x.Value, x.How = fmt.Sprintf("%04d-%s", y, code), "season, year from DCT "+dctStr(c.dct)
	}
	return true
}

// seasonShift is the year offset of "last"/"next" season: last spring is
// this year's once spring has ended (the season_end vocabulary gives its
// last month), next spring this year's until it begins. Winter, across the
// year's end, moves by a whole year.
func (c *normCtx) seasonShift(code string, shift int) int {
	end := atoi(c.t.vocab["season_end"][strings.ToLower(code)])
	if shift == 0 || end < 3 || end > 12 {
		return shift
	}
	dm := int(c.dct.Month())
	switch {
	case shift < 0 && dm > end:
		return 0
	case shift > 0 && dm < end-2:
		return 0
	}
	return shift
}

// normTime is a clock time on the last date tagged in the same text, else
// on the DCT's day.
func normTime(c *normCtx, r *crule, g *groups, x *model.Timex) bool {
	h, m, ok := clockOf(r, g)
	if !ok {
		return false
	}
	day, how := c.lastDay, "clock time on the date before it"
	if day == "" {
		if c.dct.IsZero() {
			day, how = "XXXX-XX-XX", "clock time, no date"
		} else {
			day, how = dayStr(c.dct), "clock time on the DCT's day"
		}
	}
	x.Value, x.How = day+clockStr(h, m), how
	x.Type = model.TimexTime
	return true
}

// splitCount splits a unit that carries its own count ("decade": 10Y).
func splitCount(unit string) (int, string, bool) {
	i := strings.IndexFunc(unit, func(r rune) bool { return r < '0' || r > '9' })
	if i <= 0 {
		return 0, unit, false
	}
	k, err := strconv.Atoi(unit[:i])
	return k, unit[i:], err == nil
}
