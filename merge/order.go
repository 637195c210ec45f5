package merge

import (
	"sort"

	"github.com/timeline-news/timeline/model"
)

// SortEvents orders events as Merge orders the timeline, so that events
// merged date by date elsewhere (a distributed runner) come out in the same
// order.
func SortEvents(es []model.Event) {
	keys := make([]orderKey, len(es))
	for i := range es {
		keys[i] = keyOf(&es[i])
	}
	sort.Stable(byKey{es, keys})
}

type byKey struct {
	es   []model.Event
	keys []orderKey
}

func (b byKey) Len() int           { return len(b.es) }
func (b byKey) Less(i, j int) bool { return b.keys[i].less(&b.keys[j]) }
func (b byKey) Swap(i, j int) {
	b.es[i], b.es[j] = b.es[j], b.es[i]
	b.keys[i], b.keys[j] = b.keys[j], b.keys[i]
}
