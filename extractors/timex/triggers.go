package timex

import (
	"regexp/syntax"
	"sort"
	"unicode"
)

// Deriving prefilter clauses from a pattern's syntax tree. A letter key is
// only sound at a word start (the text before cannot end in a letter);
// digit keys always are.

// triggers returns clauses every match of re satisfies (nil: none known).
// wordStart says whether a match of re starts a word.
func triggers(re *syntax.Regexp, wordStart bool) []clause {
	switch re.Op {
	case syntax.OpLiteral:
		return literalClauses(re.Rune, wordStart)
	case syntax.OpCharClass:
		for i := 0; i+1 < len(re.Rune); i += 2 {
			if re.Rune[i] < '0' || re.Rune[i+1] > '9' {
				return nil
			}
		}
		if len(re.Rune) == 0 {
			return nil
		}
		return []clause{{digitKey}}
	case syntax.OpCapture, syntax.OpPlus:
		return triggers(re.Sub[0], wordStart)
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return triggers(re.Sub[0], wordStart)
		}
	case syntax.OpAlternate:
		var pre clause
		if wordStart {
			if ps, ok := prefixes(re); ok {
				pre = keysOf(ps)
			}
		}
		// each branch contributes its most selective clause
		var all clause
		for _, s := range re.Sub {
			cnf := triggers(s, wordStart)
			if len(cnf) == 0 {
				all = nil
				break
			}
			best := cnf[0]
			for _, c := range cnf[1:] {
				if cost(c) < cost(best) {
					best = c
				}
			}
			all = append(all, best...)
		}
		switch {
		case pre == nil && all == nil:
			return nil
		case all == nil || (pre != nil && cost(pre) <= cost(all)):
			return []clause{pre}
		}
		return []clause{all}
	case syntax.OpConcat:
		var out []clause
		if wordStart {
			if ps, ok := prefixes(re); ok {
				out = append(out, keysOf(ps))
			}
		}
		for i, s := range re.Sub {
			// triggers honours start itself: a group that opens with \b
			// yields its words even where the group may follow a letter
			out = append(out, triggers(s, !letterBefore(re.Sub[:i], wordStart))...)
		}
		return out
	}
	return nil
}

// literalClauses gives one clause per word of a literal, longest word first
// (least likely a stop word); the first word counts only at a word start.
func literalClauses(runes []rune, wordStart bool) []clause {
	var out []clause
	var lens []int
	if len(runes) > 0 && runes[0] >= '0' && runes[0] <= '9' {
		out, lens = append(out, clause{digitKey}), append(lens, 0)
	}
	for i := 0; i < len(runes); {
		if !asciiLetter(runes[i]) {
			i++
			continue
		}
		starts := (i > 0 && runes[i-1] <= unicode.MaxASCII) || (i == 0 && wordStart)
		j := i
		for j < len(runes) && asciiLetter(runes[j]) {
			j++
		}
		if starts && (j == len(runes) || runes[j] <= unicode.MaxASCII) {
			out, lens = append(out, clause{key(lower(runes[i:min(j, i+keyLen)]))}), append(lens, j-i)
		}
		i = j
	}
	idx := make([]int, len(out))
	for k := range idx {
		idx[k] = k
	}
	sort.SliceStable(idx, func(a, b int) bool { return lens[idx[a]] > lens[idx[b]] })
	sorted := make([]clause, len(out))
	for k, x := range idx {
		sorted[k] = out[x]
	}
	return sorted
}

func asciiLetter(r rune) bool { return r <= unicode.MaxASCII && isLetter(byte(r)) }

func lower(rs []rune) []byte {
	b := make([]byte, len(rs))
	for i, r := range rs {
		b[i] = byte(r) | 0x20
	}
	return b
}

func keysOf(ps []string) clause {
	seen := map[string]bool{}
	var c clause
	for _, p := range ps {
		if !seen[p] {
			seen[p] = true
			c = append(c, key([]byte(p)))
		}
	}
	return c
}

// prefixes returns the lower-case letter prefixes (up to 3 letters) that
// every match of re starts with; ok is false when a match may start with
// something else. It joins factored alternations: J(?:an|u(?:ne|ly)) gives
// jan, jun, jul.
func prefixes(re *syntax.Regexp) ([]string, bool) {
	switch re.Op {
	case syntax.OpLiteral:
		var b []byte
		for _, r := range re.Rune {
			if !asciiLetter(r) || len(b) == keyLen {
				break
			}
			b = append(b, byte(r)|0x20)
		}
		return []string{string(b)}, len(b) > 0
	case syntax.OpCharClass:
		set := map[byte]bool{}
		for i := 0; i+1 < len(re.Rune); i += 2 {
			if re.Rune[i+1]-re.Rune[i] > 26 {
				return nil, false
			}
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				if !asciiLetter(r) {
					return nil, false
				}
				set[byte(r)|0x20] = true
			}
		}
		var out []string
		for c := range set {
			out = append(out, string([]byte{c}))
		}
		return out, len(out) > 0 && len(out) <= 4
	case syntax.OpCapture:
		return prefixes(re.Sub[0])
	case syntax.OpAlternate:
		var out []string
		for _, s := range re.Sub {
			ps, ok := prefixes(s)
			if !ok {
				return nil, false
			}
			out = append(out, ps...)
		}
		return out, len(out) > 0
	case syntax.OpConcat:
		if len(re.Sub) == 0 {
			return nil, false
		}
		head, ok := prefixes(re.Sub[0])
		if !ok {
			return nil, false
		}
		if len(re.Sub) == 1 || !wholeLetters(re.Sub[0]) {
			return head, true
		}
		tail, ok := prefixes(&syntax.Regexp{Op: syntax.OpConcat, Sub: re.Sub[1:]})
		if !ok {
			return head, true
		}
		var out []string
		for _, h := range head {
			if len(h) >= keyLen {
				out = append(out, h)
				continue
			}
			for _, t := range tail {
				out = append(out, (h + t)[:min(keyLen, len(h)+len(t))])
			}
		}
		return out, true
	}
	return nil, false
}

// wholeLetters reports whether re is a literal of letters (or a letter
// class), so that the next node continues the same word.
func wholeLetters(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpLiteral:
		for _, r := range re.Rune {
			if !asciiLetter(r) {
				return false
			}
		}
		return len(re.Rune) > 0
	case syntax.OpCharClass:
		_, ok := prefixes(re)
		return ok
	}
	return false
}

// cost estimates how often a clause fires: one- and two-letter prefixes
// (function words: in, on, by) are common, digit runs less so.
func cost(keys clause) int {
	c := 0
	for _, k := range keys {
		switch {
		case k == digitKey:
			c += 6
		case k>>20 == 1:
			c += 12
		case k>>20 == 2:
			c += 8
		case k>>20 == 3:
			c += 2
		default:
			c++
		}
	}
	return c
}

// canEndLetter reports whether a match of re may end with a letter.
func canEndLetter(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText,
		syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return false
	case syntax.OpLiteral:
		return len(re.Rune) > 0 && (re.Rune[len(re.Rune)-1] > unicode.MaxASCII || asciiLetter(re.Rune[len(re.Rune)-1]))
	case syntax.OpCharClass:
		for i := 0; i+1 < len(re.Rune); i += 2 {
			lo, hi := re.Rune[i], re.Rune[i+1]
			if hi > unicode.MaxASCII || (lo <= 'z' && hi >= 'A') {
				return true
			}
		}
		return false
	case syntax.OpCapture, syntax.OpStar, syntax.OpPlus, syntax.OpQuest, syntax.OpRepeat:
		return canEndLetter(re.Sub[0])
	case syntax.OpAlternate:
		for _, s := range re.Sub {
			if canEndLetter(s) {
				return true
			}
		}
		return false
	case syntax.OpConcat:
		return letterBefore(re.Sub, false)
	}
	return true
}

// letterBefore reports whether the text matched by prev may end in a letter,
// looking through children that can match empty; wordStart tells what
// precedes prev. Right after \b a letter starts a word.
func letterBefore(prev []*syntax.Regexp, wordStart bool) bool {
	for i := len(prev) - 1; i >= 0; i-- {
		if prev[i].Op == syntax.OpWordBoundary {
			return false
		}
		if canEndLetter(prev[i]) {
			return true
		}
		if !canBeEmpty(prev[i]) {
			return false
		}
	}
	return !wordStart
}

func canBeEmpty(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpLiteral, syntax.OpCharClass, syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return false
	case syntax.OpCapture, syntax.OpPlus:
		return canBeEmpty(re.Sub[0])
	case syntax.OpRepeat:
		return re.Min == 0 || canBeEmpty(re.Sub[0])
	case syntax.OpConcat:
		for _, s := range re.Sub {
			if !canBeEmpty(s) {
				return false
			}
		}
		return true
	case syntax.OpAlternate:
		for _, s := range re.Sub {
			if canBeEmpty(s) {
				return true
			}
		}
		return false
	}
	return true
}
