# Common tasks. `make test` is what CI runs (via .ci/run).
GO      ?= go
PKGS    := ./...
GOLD    ?= ../shared/gold/seeds.yaml
SCORER  ?= ../shared/tools/score_timeline.py

.PHONY: eval-corpus build test race golden bench bench-memory lint fuzz eval eval-timex sample clean

build:
	$(GO) build -o bin/timeline ./cmd/timeline

test:
	$(GO) test $(PKGS)

race:
	$(GO) test -race $(PKGS)

# Regenerate every golden file from the current code; review the diff before committing.
golden:
	$(GO) test ./cmd/timeline -run 'Golden' -update

# The speed table (README, Speed): each stage alone, end to end on one and two
# cores, prose's default NewDocument on the same text as the baseline, peak
# RSS; medians of BENCH_REPEAT runs. Uses CORPUS too when it exists. Then the
# quick package benchmarks.
CORPUS       ?= ../shared/corpus
BENCH_REPEAT ?= 5
bench:
	$(GO) run ./bench --corpus $(CORPUS) --repeat $(BENCH_REPEAT)
	$(GO) test -run '^$$' -bench . -benchmem ./extractors/... ./merge
	$(GO) test -run '^$$' -bench 'Process|RunSeeds' -benchmem ./pipeline

# Peak RSS of extract on MEMORY_MB of JSON Lines made by repeating the sample
# and CORPUS with distinct ids (written to /tmp, removed afterwards).
MEMORY_MB   ?= 1000
MEMORY_FILE ?= /tmp/timeline-bench-memory.jsonl
bench-memory: build
	$(GO) run ./bench --corpus $(CORPUS) --gen-jsonl $(MEMORY_FILE) --gen-mb $(MEMORY_MB)
	$(GO) run ./bench --measure -- bin/timeline extract --quiet --format jsonl -o $(MEMORY_FILE).out $(MEMORY_FILE); \
	  status=$$?; rm -f $(MEMORY_FILE) $(MEMORY_FILE).out; exit $$status

lint:
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { gofmt -l $$(git ls-files '*.go'); echo "gofmt needed"; exit 1; }
	$(GO) vet $(PKGS)

# Run each fuzz target for FUZZTIME (default 30s).
FUZZTIME ?= 30s
fuzz:
	@for pkg in $$($(GO) list $(PKGS)); do \
	  for f in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
	    echo "== $$pkg $$f"; GO=$(GO) scripts/fuzz-one.sh $$pkg $$f $(FUZZTIME) || exit 1; \
	  done; \
	done

# Score the sample against the hand-made gold chronology (needs ../shared).
eval: build
	bin/timeline extract --quiet --format json -o /tmp/timeline-seeds.json testdata/seeds
	python3 $(SCORER) -v $(GOLD) /tmp/timeline-seeds.json

# The unlabelled corpus against the developers' own hand annotations (needs ../shared).
SILVER ?= eval/silver/corpus.yaml
eval-corpus: build
	bin/timeline extract --quiet --format json -o /tmp/timeline-corpus.json ../shared/corpus
	python3 $(SCORER) -v $(SILVER) /tmp/timeline-corpus.json

# TempEval-3-style scores of the time stage on the TimeBank development set (needs ../shared).
TIMEBANK ?= ../shared/data/timeml/timebank-dev/TimeBank
eval-timex: build
	rm -rf /tmp/timeline-timeml
	bin/timeline timeml --quiet -o /tmp/timeline-timeml $(TIMEBANK)
	bin/timeline eval timex --gold $(TIMEBANK) --system /tmp/timeline-timeml --errors 30

sample:
	$(GO) run ./cmd/timeline extract testdata/seeds

clean:
	rm -rf bin

# The Apache Beam runner: its own module (beam/go.mod), so the core stays
# Beam-free. Its test runs the pipeline on prism and compares the timeline with
# the single-machine one. Cold, it downloads ~1 GB of modules and builds ~6 CPU-minutes.
.PHONY: beam-test
beam-test:
	cd beam && $(GO) test ./...
