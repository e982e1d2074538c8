# bondgenoot in a container: see README (Container).
#   docker build -t bondgenoot .
#   docker run -d --env-file .env -v bondgenoot-data:/data bondgenoot

# Build stage: a static binary, without cgo.
FROM golang:1.26 AS build
WORKDIR /src
ENV CGO_ENABLED=0 GOOS=linux
COPY go.mod go.sum ./
RUN go mod download
# Only the sources: never .env, data/ or bin/.
COPY cmd ./cmd
COPY bot ./bot
COPY index ./index
COPY content ./content
COPY internal ./internal
RUN go build -trimpath -ldflags="-s -w" -o /out/bondgenoot ./cmd/bondgenoot \
 && mkdir -p /out/data

# Run stage: distroless static (no shell, no package manager), as nonroot.
FROM gcr.io/distroless/static:nonroot
COPY --from=build /out/bondgenoot /bondgenoot
COPY --from=build --chown=65532:65532 /out/data /data
# The store lives in the volume; /healthz listens inside the container only,
# for the HEALTHCHECK (set HEALTH_ADDR=0.0.0.0:9090 to scrape /metrics from
# another container).
ENV DATA_DIR=/data \
    HEALTH_ADDR=127.0.0.1:9090
VOLUME ["/data"]
USER nonroot
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["/bondgenoot", "gezond"]
ENTRYPOINT ["/bondgenoot"]
