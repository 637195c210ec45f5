package eval

import (
	"sort"

	"github.com/timeline-news/timeline/timeml"
)

// match pairs gold and system timexes one-to-one: identical spans first,
// then a maximum matching of the remaining overlapping spans (augmenting
// paths), trying larger overlaps first. It returns, for each gold timex, the
// index of its system timex or -1.
func match(gx, sx []timeml.Timex) []int {
	gm := make([]int, len(gx))
	sm := make([]int, len(sx))
	for i := range gm {
		gm[i] = -1
	}
	for j := range sm {
		sm[j] = -1
	}
	exact := map[[2]int][]int{}
	for j, y := range sx {
		k := [2]int{y.Start, y.End}
		exact[k] = append(exact[k], j)
	}
	for i, x := range gx {
		k := [2]int{x.Start, x.End}
		if js := exact[k]; len(js) > 0 {
			gm[i], sm[js[0]] = js[0], i
			exact[k] = js[1:]
		}
	}
	// Candidate edges among the unmatched, best overlap first.
	adj := make([][]int, len(gx))
	for i, x := range gx {
		if gm[i] >= 0 {
			continue
		}
		for j, y := range sx {
			if sm[j] < 0 && x.Start < y.End && y.Start < x.End {
				adj[i] = append(adj[i], j)
			}
		}
		sort.SliceStable(adj[i], func(a, b int) bool {
			return overlap(x, sx[adj[i][a]]) > overlap(x, sx[adj[i][b]])
		})
	}
	seen := make([]int, len(sx)) // round in which a system timex was visited
	var try func(i, round int) bool
	try = func(i, round int) bool {
		for _, j := range adj[i] {
			if seen[j] == round {
				continue
			}
			seen[j] = round
			if sm[j] < 0 || try(sm[j], round) {
				gm[i], sm[j] = j, i
				return true
			}
		}
		return false
	}
	for i := range gx {
		if gm[i] < 0 && len(adj[i]) > 0 {
			try(i, i+1)
		}
	}
	return gm
}

func overlap(a, b timeml.Timex) int {
	return min(a.End, b.End) - max(a.Start, b.Start)
}
