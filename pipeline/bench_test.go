package pipeline

import (
	"context"
	"testing"
)

// BenchmarkRunSeeds is the whole batch on the sample: read, every stage,
// merge; one worker per stage.
func BenchmarkRunSeeds(b *testing.B) {
	x := compiled(b)
	var n int64
	for _, a := range loadSeeds(b) {
		n += int64(len(a.Text))
	}
	if _, err := x.Run(context.Background(), []string{seeds}, Config{Workers: 1}); err != nil {
		b.Fatal(err) // and the POS model is loaded
	}
	b.SetBytes(n)
	b.ResetTimer()
	for range b.N {
		if _, err := x.Run(context.Background(), []string{seeds}, Config{Workers: 1}); err != nil {
			b.Fatal(err)
		}
	}
}
