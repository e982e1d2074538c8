# bondgenoot — see README.md. Only Go is needed; modules are fetched on the
# first build.

GO ?= go
FUZZTIME ?= 15s
SOAK_DURATION ?= 3m

.PHONY: run test bench lint build fuzz soak

## run: start the bot (or the local console when DISCORD_TOKEN is not set)
run:
	$(GO) run ./cmd/bondgenoot

## test: run every test, including the fuzz seeds. Most bot tests wait on
## the network and the clock, not the CPU: -parallel lets them overlap.
test:
	$(GO) test -count=1 -parallel 8 ./...

## bench: run the benchmarks
bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

## lint: gofmt check and go vet
lint:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt: niet opgemaakt:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...

## build: build the binary into ./bin
build:
	$(GO) build -o bin/bondgenoot ./cmd/bondgenoot

## fuzz: run every fuzz target for FUZZTIME each (make test runs their seeds)
fuzz:
	@for pkg in $$($(GO) list ./...); do \
		for f in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
			echo "== $$pkg $$f"; \
			$(GO) test -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) -fuzzminimizetime 1s $$pkg || exit 1; \
		done; \
	done

## soak: drive the bot over the fake Discord for SOAK_DURATION (not part of
## make test; build tag soak) and print its report
soak:
	SOAK_DURATION=$(SOAK_DURATION) $(GO) test -tags soak -run '^TestSoak$$' -count=1 -timeout 60m -v ./bot
