package merge

import (
	"sort"

	"github.com/timeline-news/timeline/model"
)

// SortEvents orders events as Merge orders the timeline, so that events
// merged date by date elsewhere (a distributed runner) come out in the same
// order.
func SortEvents(es []model.Event) {
	sort.SliceStable(es, func(i, j int) bool { return eventLess(&es[i], &es[j]) })
}
