// Command timeline reads news articles and writes a dated, deduplicated
// chronology of the events they report.
//
// Exit status: 0 when every input was processed, 1 when some inputs failed
// (the others still come out), 2 for usage or rule errors.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

// Exit statuses.
const (
	exitOK     = 0
	exitFailed = 1
	exitUsage  = 2
)

// usageError marks errors that are the caller's (bad flags, bad rules).
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

func usagef(format string, a ...any) error { return usageError{fmt.Errorf(format, a...)} }

type command struct {
	name  string
	short string
	run   func(ctx context.Context, args []string, stdout, stderr io.Writer) error
}

func commands() []command {
	return []command{
		{"extract", "extract a chronology from articles", runExtract},
		{"timeml", "tag the text of TimeML documents with our TIMEX3s", runTimeML},
		{"eval", "score output against gold annotations (eval timex)", runEval},
		{"rules", "check, diff and count rules (rules check|diff|stats)", runRules},
		{"explain", "the chain of decisions behind one event or sentence", runExplain},
	}
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stdout, os.Stderr))
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(stderr)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	for _, c := range commands() {
		if c.name != args[0] {
			continue
		}
		err := c.run(ctx, args[1:], stdout, stderr)
		switch {
		case err == nil:
			return exitOK
		case errors.Is(err, flag.ErrHelp):
			return exitOK
		case errors.As(err, new(usageError)):
			fmt.Fprintf(stderr, "timeline %s: %v\n", c.name, err)
			return exitUsage
		case errors.Is(err, errReported):
			return exitFailed
		default:
			fmt.Fprintf(stderr, "timeline %s: %v\n", c.name, err)
			return exitFailed
		}
	}
	fmt.Fprintf(stderr, "timeline: unknown command %q\n", args[0])
	usage(stderr)
	return exitUsage
}

// errReported means the failure was already reported on stderr.
var errReported = errors.New("reported")

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: timeline COMMAND [flags] INPUT...")
	fmt.Fprintln(w, "\ncommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.short)
	}
	fmt.Fprintln(w, "\nRun 'timeline COMMAND -h' for a command's flags.")
}

// parseFlags parses flags that may come before, between or after the
// positional arguments ("extract DIR --format json").
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, usageError{err}
		}
		args = fs.Args()
		switch {
		case len(args) == 0:
			return pos, nil
		case args[0] == "--":
			return append(pos, args[1:]...), nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}
