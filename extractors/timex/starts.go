package timex

import "regexp/syntax"

// Start keys: when every match of a pattern begins at a word boundary with
// one of a few word prefixes (or with a digit), the tagger tries the
// pattern anchored at those occurrences only, instead of scanning a whole
// window: a Go regexp search costs time at every byte it starts from.

// startKeys returns the keys one of which every match starts with, right
// after a \b; ok is false when no such set is known.
func startKeys(re *syntax.Regexp) (clause, bool) {
	switch re.Op {
	case syntax.OpCapture:
		return startKeys(re.Sub[0])
	case syntax.OpAlternate:
		var out clause
		for _, s := range re.Sub {
			ks, ok := startKeys(s)
			if !ok {
				return nil, false
			}
			out = append(out, ks...)
		}
		return dedupe(out), len(out) > 0
	case syntax.OpConcat:
		return startKeysSeq(flatConcat(re.Sub))
	}
	return nil, false
}

// startKeysSeq is startKeys of a sequence: a \b then the first word, or a
// group or alternation each of whose branches starts so.
func startKeysSeq(subs []*syntax.Regexp) (clause, bool) {
	if len(subs) < 2 {
		return nil, false
	}
	rest := subs[1:]
	switch first := subs[0]; first.Op {
	case syntax.OpWordBoundary:
		return firstKeys(rest)
	case syntax.OpCapture:
		return startKeysSeq(append(flatConcat([]*syntax.Regexp{first.Sub[0]}), rest...))
	case syntax.OpAlternate:
		var out clause
		for _, b := range first.Sub {
			ks, ok := startKeysSeq(append(flatConcat([]*syntax.Regexp{b}), rest...))
			if !ok {
				return nil, false
			}
			out = append(out, ks...)
		}
		return dedupe(out), len(out) > 0
	}
	return nil, false
}

// firstKeys returns the keys of the first word of a sequence: letter
// prefixes, or the digit key.
func firstKeys(subs []*syntax.Regexp) (clause, bool) {
	subs = flatConcat(subs)
	if len(subs) == 0 {
		return nil, false
	}
	first := subs[0]
	if first.Op == syntax.OpWordBoundary {
		return firstKeys(subs[1:]) // already at a word start
	}
	if canBeEmpty(first) {
		// an optional head: its own first word, or the rest's
		if first.Op != syntax.OpQuest && first.Op != syntax.OpStar {
			return nil, false
		}
		if canBeEmpty(first.Sub[0]) {
			return nil, false
		}
		a, ok := firstKeys([]*syntax.Regexp{first.Sub[0]})
		if !ok {
			return nil, false
		}
		b, ok := firstKeys(subs[1:])
		if !ok {
			return nil, false
		}
		return dedupe(append(a, b...)), true
	}
	switch first.Op {
	case syntax.OpCapture, syntax.OpPlus:
		if len(subs) == 1 {
			return firstKeys([]*syntax.Regexp{first.Sub[0]})
		}
		if first.Op == syntax.OpCapture {
			// look into the group with the rest after it, so that letters join
			return firstKeys(append(flatConcat([]*syntax.Regexp{first.Sub[0]}), subs[1:]...))
		}
		return firstKeys([]*syntax.Regexp{first.Sub[0]})
	case syntax.OpRepeat:
		return firstKeys([]*syntax.Regexp{first.Sub[0]})
	case syntax.OpAlternate:
		var out clause
		for _, s := range first.Sub {
			ks, ok := firstKeys(append([]*syntax.Regexp{s}, subs[1:]...))
			if !ok {
				return nil, false
			}
			out = append(out, ks...)
		}
		return dedupe(out), len(out) > 0
	case syntax.OpLiteral:
		if len(first.Rune) > 0 && first.Rune[0] >= '0' && first.Rune[0] <= '9' {
			return clause{digitKey}, true
		}
	case syntax.OpCharClass:
		if isDigitClass(first) {
			return clause{digitKey}, true
		}
	default:
		return nil, false
	}
	ps, ok := prefixes(&syntax.Regexp{Op: syntax.OpConcat, Sub: subs})
	if !ok {
		return nil, false
	}
	return keysOf(ps), true
}

// flatConcat inlines nested concatenations.
func flatConcat(subs []*syntax.Regexp) []*syntax.Regexp {
	nested := false
	for _, s := range subs {
		if s.Op == syntax.OpConcat {
			nested = true
		}
	}
	if !nested {
		return subs
	}
	var out []*syntax.Regexp
	for _, s := range subs {
		if s.Op == syntax.OpConcat {
			out = append(out, flatConcat(s.Sub)...)
		} else {
			out = append(out, s)
		}
	}
	return out
}

func isDigitClass(re *syntax.Regexp) bool {
	if len(re.Rune) == 0 {
		return false
	}
	for i := 0; i+1 < len(re.Rune); i += 2 {
		if re.Rune[i] < '0' || re.Rune[i+1] > '9' {
			return false
		}
	}
	return true
}

func dedupe(c clause) clause {
	seen := map[uint32]bool{}
	out := c[:0]
	for _, k := range c {
		if !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	return out
}

// isWordByte is a \w byte: a \b cannot fall between two of them.
func isWordByte(c byte) bool {
	return isLetter(c) || (c >= '0' && c <= '9') || c == '_'
}
