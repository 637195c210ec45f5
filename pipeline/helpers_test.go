package pipeline

import (
	"context"
	"testing"

	"github.com/timeline-news/timeline/model"
	"github.com/timeline-news/timeline/reader"
)

func loadSeeds(t testing.TB) []*model.Article {
	t.Helper()
	var arts []*model.Article
	err := reader.Read(context.Background(), []string{seeds}, reader.Options{}, func(r reader.Result) error {
		if r.Article != nil {
			arts = append(arts, r.Article)
		}
		return nil
	})
	if err != nil || len(arts) != 5 {
		t.Fatalf("read seeds: %v (%d articles)", err, len(arts))
	}
	return arts
}
