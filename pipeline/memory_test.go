package pipeline

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/timeline-news/timeline/writer"
)

// seedParagraphs returns the sample's prose paragraphs, the stuff articles
// are generated from.
func seedParagraphs(t testing.TB) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(seeds, "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("seeds: %v", err)
	}
	var paras []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range strings.Split(string(b), "\n") {
			if p = strings.TrimSpace(p); len(p) > 80 && strings.Count(p, " ") > 12 {
				paras = append(paras, p)
			}
		}
	}
	return paras
}

// genArticles writes n JSON Lines articles with distinct ids, each a few
// paragraphs of the sample, and returns the file.
func genArticles(t testing.TB, dir string, n, parasPer int) string {
	t.Helper()
	paras := seedParagraphs(t)
	rng := rand.New(rand.NewPCG(uint64(n), 42))
	path := filepath.Join(dir, fmt.Sprintf("gen%d.jsonl", n))
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	day := time.Date(2014, 3, 1, 0, 0, 0, 0, time.UTC)
	for i := range n {
		var b strings.Builder
		for range parasPer {
			b.WriteString(paras[rng.IntN(len(paras))])
			b.WriteString("\n\n")
		}
		pub := day.AddDate(0, 0, rng.IntN(60)).Format("2006-01-02")
		if err := enc.Encode(map[string]string{"id": fmt.Sprintf("gen-%d", i), "published": pub, "text": b.String()}); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	return path
}

// memRun is what one batch cost in memory.
type memRun struct {
	articles, mentions, events int
	peak                       uint64 // peak heap in use during the run, over the baseline
	kept                       uint64 // bytes of the mentions and events the merge keeps
	took                       time.Duration
}

// measureRun runs a batch over path with freshly compiled rules, warmed up
// on the articles of warm, while sampling the heap.
func measureRun(t testing.TB, path, warm string) memRun {
	t.Helper()
	x := compiled(t)
	// Lazy tables (the tagger's model) are loaded by the first articles.
	if _, err := x.Run(context.Background(), []string{warm}, Config{Workers: 2}); err != nil {
		t.Fatal(err)
	}
	// The live heap (as of the last collection) is sampled, not the heap in
	// use: that one saws up and down between collections, and how much of
	// the teeth a sampler catches depends on the run's length.
	live := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	runtime.GC()
	metrics.Read(live)
	base := live[0].Value.Uint64()
	var peak uint64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		tick := time.NewTicker(5 * time.Millisecond)
		defer tick.Stop()
		s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		for {
			metrics.Read(s)
			peak = max(peak, s[0].Value.Uint64())
			select {
			case <-stop:
				return
			case <-tick.C:
			}
		}
	}()
	start := time.Now()
	// As extract runs a batch: the events streamed out one at a time.
	res, err := x.Run(context.Background(), []string{path}, Config{Workers: 2, Stream: true})
	if err == nil {
		err = writer.Stream(io.Discard, "json", res.Chronology)
	}
	took := time.Since(start)
	close(stop)
	wg.Wait()
	if err != nil {
		t.Fatal(err)
	}
	m := memRun{articles: res.Articles, mentions: res.Mentions, events: res.Chronology.Len(), took: took, kept: keptBytes(res)}
	res.Close()
	m.peak = peak - min(peak, base)
	return m
}

// keptBytes estimates the memory of what the merge keeps: its table (a
// row per mention, the strings it compares), the events' order, and the
// mentions the spill store holds in memory before it moves them to a file.
func keptBytes(res *Result) uint64 {
	n := uint64(res.Chronology.TableBytes()+4*res.Mentions) + uint64(res.Chronology.Len())*160
	n += uint64(res.store.MemBytes())
	return n
}

func (m memRun) String() string {
	return fmt.Sprintf("%d articles, %d mentions, %d events in %v: peak heap +%.1f MB, mentions and events %.1f MB",
		m.articles, m.mentions, m.events, m.took.Round(time.Millisecond), float64(m.peak)/(1<<20), float64(m.kept)/(1<<20))
}

// Memory does not grow with the number of articles beyond what the merge
// keeps: ten times the articles may cost the small run's peak half again,
// plus the mentions and events the bigger run keeps (and the collector's
// slack on them).
func TestMemoryStreams(t *testing.T) {
	if testing.Short() {
		t.Skip("10,000 articles: too slow for -short (race) runs")
	}
	// A tight collector makes the heap in use track the live data.
	defer debug.SetGCPercent(debug.SetGCPercent(25))
	dir := t.TempDir()
	small := genArticles(t, dir, 1000, 1)
	large := genArticles(t, dir, 10000, 1)
	warm := genArticles(t, dir, 20, 1)
	s, l := measureRun(t, small, warm), measureRun(t, large, warm)
	t.Logf("1,000:  %v", s)
	t.Logf("10,000: %v", l)
	if s.articles != 1000 || l.articles != 10000 || l.mentions < 2000 {
		t.Fatalf("generated articles were not all processed or gave few events: %v / %v", s, l)
	}
	if limit := s.peak*3/2 + l.kept*5/4; l.peak > limit {
		t.Errorf("peak heap grows with the articles: 10,000 articles peak +%.1f MB > 1.5 x %.1f MB + 1.25 x %.1f MB of mentions and events",
			float64(l.peak)/(1<<20), float64(s.peak)/(1<<20), float64(l.kept)/(1<<20))
	}
}

// BenchmarkRunMemory reports the peak heap of a batch of 1,000 and 10,000
// generated articles ("peak-MB") and what the merge keeps ("kept-MB").
func BenchmarkRunMemory(b *testing.B) {
	dir := b.TempDir()
	warm := genArticles(b, dir, 20, 1)
	for _, n := range []int{1000, 10000} {
		path := genArticles(b, dir, n, 2)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			defer debug.SetGCPercent(debug.SetGCPercent(100))
			var m memRun
			for range b.N {
				m = measureRun(b, path, warm)
			}
			b.ReportMetric(float64(m.peak)/(1<<20), "peak-MB")
			b.ReportMetric(float64(m.kept)/(1<<20), "kept-MB")
		})
	}
}
