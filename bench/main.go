// Command bench measures the pipeline against prose's default NewDocument in
// one process run and prints a markdown table: each per-article stage alone
// (over inputs computed beforehand), end to end on one core and on two,
// articles per second and peak RSS. Times are medians over --repeat runs.
//
//	go run ./bench [--corpus DIR] [--repeat N]
//	go run ./bench --corpus DIR --gen-jsonl FILE --gen-mb 1000   # test input for the memory check
//	go run ./bench --measure -- bin/timeline extract ...        # wall time and peak RSS of a command
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
	"slices"
	"syscall"
	"time"

	"github.com/timeline-news/timeline/model"
	"github.com/timeline-news/timeline/pipeline"
	"github.com/timeline-news/timeline/reader"
	"github.com/timeline-news/timeline/rules"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

type options struct {
	inputs     []string
	repeat     int
	baseRepeat int
	cpuProfile string
}

func run(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	seeds := fs.String("seeds", "testdata/seeds", "the committed sample articles")
	corpus := fs.String("corpus", "", "a directory of more articles, used too when it exists")
	var o options
	fs.IntVar(&o.repeat, "repeat", 5, "repetitions of each measure (the median is reported)")
	fs.IntVar(&o.baseRepeat, "baseline-repeat", 3, "repetitions of the (slow) prose baseline; 0 skips it")
	fs.StringVar(&o.cpuProfile, "cpuprofile", "", "write a CPU profile of the single-core end-to-end runs to this file")
	gen := fs.String("gen-jsonl", "", "write the articles repeated (distinct ids) as JSON Lines to this file, and stop")
	genMB := fs.Int64("gen-mb", 1000, "size of the --gen-jsonl file, in MB")
	measureCmd := fs.Bool("measure", false, "run the command after the flags and report its wall time and peak RSS")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *measureCmd {
		if fs.NArg() == 0 {
			return fmt.Errorf("--measure: no command")
		}
		return runMeasured(out, fs.Args())
	}
	o.repeat = max(1, o.repeat)
	o.inputs = []string{*seeds}
	if *corpus != "" {
		if fi, err := os.Stat(*corpus); err == nil && fi.IsDir() {
			o.inputs = append(o.inputs, *corpus)
		} else {
			fmt.Fprintf(os.Stderr, "bench: no corpus at %s, seeds only\n", *corpus)
		}
	}
	rs, err := rules.LoadDefault("")
	if err != nil {
		return err
	}
	x, err := pipeline.Compile(rs)
	if err != nil {
		return err
	}
	arts, err := load(o.inputs)
	if err != nil {
		return err
	}
	if *gen != "" {
		n, _, err := genJSONL(*gen, arts, *genMB*1e6)
		if err == nil {
			fmt.Fprintf(out, "%s: %d articles, %d MB\n", *gen, n, *genMB)
		}
		return err
	}
	r, err := measure(x, arts, o)
	if err != nil {
		return err
	}
	r.print(out)
	return nil
}

// load reads every input article into memory.
func load(inputs []string) ([]*model.Article, error) {
	var arts []*model.Article
	err := reader.Read(context.Background(), inputs, reader.Options{}, func(r reader.Result) error {
		if r.Err != nil {
			return r.Err
		}
		if r.Article != nil {
			arts = append(arts, r.Article)
		}
		return nil
	})
	if err == nil && len(arts) == 0 {
		err = errors.New("no articles")
	}
	return arts, err
}

// sample is how long something took: wall-clock and CPU (user + system
// of the whole process). On a machine shared with other work the wall time
// varies with the load; the CPU time much less.
type sample struct{ wall, cpu time.Duration }

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// timed runs f once, after a collection so that earlier garbage is not
// charged to it.
func timed(f func()) sample {
	runtime.GC()
	t, c := time.Now(), cpuTime()
	f()
	return sample{time.Since(t), cpuTime() - c}
}

// median runs f n times and returns the median wall and CPU times.
func median(n int, f func()) sample {
	ss := make([]sample, n)
	for i := range ss {
		ss[i] = timed(f)
	}
	return medianOf(ss)
}

func medianOf(ss []sample) sample {
	walls, cpus := make([]time.Duration, len(ss)), make([]time.Duration, len(ss))
	for i, s := range ss {
		walls[i], cpus[i] = s.wall, s.cpu
	}
	slices.Sort(walls)
	slices.Sort(cpus)
	return sample{walls[len(ss)/2], cpus[len(ss)/2]}
}

// withProcs runs f with GOMAXPROCS set to n.
func withProcs(n int, f func()) {
	old := runtime.GOMAXPROCS(n)
	defer runtime.GOMAXPROCS(old)
	f()
}

func startProfile(path string) (stop func(), err error) {
	if path == "" {
		return func() {}, nil
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}
