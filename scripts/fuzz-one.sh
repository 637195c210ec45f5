#!/usr/bin/env bash
# usage: fuzz-one.sh PKG TARGET FUZZTIME — fuzz one target for FUZZTIME.
#
# Go 1.26's fuzzing coordinator can fail a target with a bare "context
# deadline exceeded" when -fuzztime runs out while a worker is mid-input on
# a loaded machine (go.dev/issue/75804, fixed in Go 1.27). That failure writes
# no failing input. It is retried once; any other failure, or one that wrote
# an input to testdata/fuzz, fails at once.
set -uo pipefail
pkg=$1 target=$2 fuzztime=$3
go=${GO:-go}
for attempt in 1 2; do
  log=$(mktemp)
  "$go" test -run '^$' -fuzz "^${target}\$" -fuzztime "$fuzztime" "$pkg" 2>&1 | tee "$log"
  status=${PIPESTATUS[0]}
  if [ "$status" -eq 0 ]; then rm -f "$log"; exit 0; fi
  if [ "$attempt" -eq 1 ] && grep -q 'context deadline exceeded' "$log" && ! grep -qE 'Failing input written|panic:' "$log"; then
    echo "fuzz-one: $target hit Go's -fuzztime deadline race (go.dev/issue/75804), no failing input: retrying once"
    rm -f "$log"
    continue
  fi
  rm -f "$log"
  exit "$status"
done
