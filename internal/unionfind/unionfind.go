// Package unionfind is a disjoint-set forest over 0..n-1. The representative
// of a set is always its smallest member, so that groups come out in an order
// that depends only on the members, never on the order of the unions.
package unionfind

// Sets are the disjoint sets of 0..n-1.
type Sets []int

// New returns n singletons.
func New(n int) Sets {
	s := make(Sets, n)
	for i := range s {
		s[i] = i
	}
	return s
}

// Find returns the representative (smallest member) of i's set.
func (s Sets) Find(i int) int {
	for s[i] != i {
		s[i] = s[s[i]] // path halving
		i = s[i]
	}
	return i
}

// Union joins the sets of a and b.
func (s Sets) Union(a, b int) {
	if a, b = s.Find(a), s.Find(b); a != b {
		s[max(a, b)] = min(a, b)
	}
}
