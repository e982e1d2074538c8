# bondgenoot — see README.md. Only Go is needed; modules are fetched on the
# first build.

GO ?= go

.PHONY: run test bench lint build

## run: start the bot (or the local console when DISCORD_TOKEN is not set)
run:
	$(GO) run ./cmd/bondgenoot

## test: run every test, including the fuzz seeds
test:
	$(GO) test -count=1 ./...

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
