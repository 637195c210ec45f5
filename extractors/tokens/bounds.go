package tokens

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/timeline-news/timeline/model"
)

// Punctuation classes of sentence segmentation (orthography, not
// vocabulary).
const (
	finalPunct   = ".!?…"
	closingPunct = "\"'”’»)]"
	openingPunct = "\"'“‘«([•-–—"
)

// sentenceEnds returns the end offsets of the sentences in text: after a
// final punctuation token (and any closing quotes or brackets) followed by
// a token that can start a sentence.
func sentenceEnds(text string, toks []model.Token) []int {
	var ends []int
	for i := 0; i < len(toks); i++ {
		if !isFinal(toks[i].Text) || initialBefore(text, toks, i) {
			continue
		}
		j := i + 1
		for j < len(toks) && isOneOf(toks[j].Text, closingPunct) && toks[j].Start == toks[j-1].End {
			j++
		}
		if j < len(toks) && !startsSentence(toks[j].Text) {
			continue
		}
		ends = append(ends, toks[j-1].End)
		i = j - 1
	}
	return ends
}

// isFinal: ".", "!", "?", "...", "?!" and the like.
func isFinal(tok string) bool {
	if tok == "" {
		return false
	}
	for _, r := range tok {
		if !strings.ContainsRune(finalPunct, r) {
			return false
		}
	}
	return true
}

func isOneOf(tok, set string) bool {
	r, n := utf8.DecodeRuneInString(tok)
	return n == len(tok) && strings.ContainsRune(set, r)
}

// initialBefore reports a period right after a single capital letter
// ("John F. Kerry"), which is an initial, not a sentence end.
func initialBefore(text string, toks []model.Token, i int) bool {
	if i == 0 || toks[i].Text != "." || toks[i-1].End != toks[i].Start {
		return false
	}
	r, n := utf8.DecodeRuneInString(toks[i-1].Text)
	return n == len(toks[i-1].Text) && unicode.IsUpper(r)
}

func startsSentence(tok string) bool {
	r, _ := utf8.DecodeRuneInString(tok)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune(openingPunct, r)
}

// abbreviations are the short capitalised words with a period that stand
// for a word ("Gen. Smith", "Feb. 24", "St. Petersburg", "(La.)"): prose
// keeps every capital with one or two lower-case letters and a period
// whole, so "told Vox. NATO allies" would glue two sentences.
var abbreviations = map[string]bool{
	"Mr.": true, "Ms.": true, "Mrs.": true, "Dr.": true, "Sr.": true, "Jr.": true, "St.": true, "Mt.": true, "Ft.": true,
	"Gen.": true, "Col.": true, "Lt.": true, "Maj.": true, "Sgt.": true, "Cpl.": true, "Pvt.": true, "Adm.": true, "Cmdr.": true,
	"Rep.": true, "Sen.": true, "Gov.": true, "Rev.": true, "Hon.": true, "Amb.": true, "Sec.": true, "Ret.": true,
	"Jan.": true, "Feb.": true, "Mar.": true, "Apr.": true, "Jun.": true, "Jul.": true, "Aug.": true, "Sep.": true,
	"Oct.": true, "Nov.": true, "Dec.": true, "Mon.": true, "Tue.": true, "Wed.": true, "Thu.": true, "Fri.": true, "Sat.": true, "Sun.": true,
	"No.": true, "Nos.": true, "Vol.": true, "Art.": true, "Co.": true, "Inc.": true, "Ltd.": true, "Bros.": true, "Ave.": true, "Rd.": true, "Blvd.": true,
	"Ala.": true, "Ark.": true, "Del.": true, "Fla.": true, "Ga.": true, "Ill.": true, "Ind.": true, "Kan.": true, "Ky.": true, "La.": true,
	"Md.": true, "Me.": true, "Mo.": true, "Neb.": true, "Nev.": true, "Ore.": true, "Pa.": true, "Va.": true, "Vt.": true, "Wis.": true, "Wyo.": true,
	"Ok.": true, "Op.": true, "Fig.": true, "Cf.": true, "Vs.": true, "Ed.": true,
}

// splitFinalPeriods splits the period off a word prose kept whole as an
// abbreviation when the word is none of the known ones and the next token
// opens a sentence with a capital letter: "told Vox. NATO allies", "the
// Black Sea. Zelenskyy said". The period becomes a final token of its own.
func splitFinalPeriods(toks []model.Token) []model.Token {
	var out []model.Token
	for i, t := range toks {
		if i+1 < len(toks) && len(t.Text) >= 3 && len(t.Text) <= 4 && t.Text[len(t.Text)-1] == '.' &&
			isUpperASCII(t.Text[0]) && lowerASCII(t.Text[1:len(t.Text)-1]) && !abbreviations[t.Text] &&
			toks[i+1].Start > t.End && isUpperASCII(toks[i+1].Text[0]) {
			if out == nil {
				out = append(make([]model.Token, 0, len(toks)+8), toks[:i]...)
			}
			w, p := t, t
			w.End--
			w.Text = t.Text[:len(t.Text)-1]
			p.Start = w.End
			p.Text = "."
			out = append(out, w, p)
			continue
		}
		if out != nil {
			out = append(out, t)
		}
	}
	if out == nil {
		return toks
	}
	return out
}

func isUpperASCII(c byte) bool { return c >= 'A' && c <= 'Z' }

func lowerASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return s != ""
}
