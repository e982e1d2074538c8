// Package metrics holds the bot's Prometheus metrics and serves them, with a
// health check, on an optional address (HEALTH_ADDR).
package metrics

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Metrics are the counters and histograms the bot updates. The zero value is
// not usable; use New. A nil *Metrics is allowed everywhere and records
// nothing, so tests and the console need none.
type Metrics struct {
	registry     *prometheus.Registry
	commands     *prometheus.CounterVec
	latency      *prometheus.HistogramVec
	autocomplete prometheus.Counter
	mentions     prometheus.Counter
	dailySent    prometheus.Counter
	dailyFailed  prometheus.Counter
	rateLimited  *prometheus.CounterVec
	panics       prometheus.Counter
}

// New registers the metrics in a registry of their own, with the Go runtime
// and process collectors.
func New() *Metrics {
	r := prometheus.NewRegistry()
	m := &Metrics{
		registry: r,
		commands: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "bondgenoot_commands_total",
			Help: "Commands served, by command and outcome (ok, user_error, internal_error, cooldown).",
		}, []string{"command", "outcome"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "bondgenoot_reply_seconds",
			Help:    "Time from receiving an interaction or mention to sending the reply.",
			Buckets: []float64{.001, .0025, .005, .01, .02, .05, .1, .25, .5, 1, 2.5},
		}, []string{"kind"}),
		autocomplete: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "bondgenoot_autocomplete_total", Help: "Autocomplete requests answered.",
		}),
		mentions: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "bondgenoot_mention_replies_total", Help: "Replies to messages that mention the bot.",
		}),
		dailySent: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "bondgenoot_daily_posts_sent_total", Help: "Daily success-factor posts sent.",
		}),
		dailyFailed: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "bondgenoot_daily_posts_failed_total", Help: "Daily posts that failed after their retries.",
		}),
		rateLimited: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "bondgenoot_rate_limited_total", Help: "Rate limits hit: by the bot's per-user cooldown (cooldown) or by Discord (discord).",
		}, []string{"source"}),
		panics: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "bondgenoot_panics_recovered_total", Help: "Panics recovered in handlers.",
		}),
	}
	r.MustRegister(m.commands, m.latency, m.autocomplete, m.mentions, m.dailySent, m.dailyFailed, m.rateLimited, m.panics,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// Command records a served command with its outcome and reply latency.
func (m *Metrics) Command(name, outcome string, took time.Duration) {
	if m == nil {
		return
	}
	m.commands.WithLabelValues(name, outcome).Inc()
	m.latency.WithLabelValues("command").Observe(took.Seconds())
}

// Autocomplete records an autocomplete answer.
func (m *Metrics) Autocomplete() {
	if m != nil {
		m.autocomplete.Inc()
	}
}

// Mention records a mention reply and its latency.
func (m *Metrics) Mention(took time.Duration) {
	if m == nil {
		return
	}
	m.mentions.Inc()
	m.latency.WithLabelValues("mention").Observe(took.Seconds())
}

// DailyPost records a daily post sent (ok) or failed.
func (m *Metrics) DailyPost(ok bool) {
	if m == nil {
		return
	}
	if ok {
		m.dailySent.Inc()
	} else {
		m.dailyFailed.Inc()
	}
}

// RateLimited records a rate limit; source is "cooldown" or "discord".
func (m *Metrics) RateLimited(source string) {
	if m != nil {
		m.rateLimited.WithLabelValues(source).Inc()
	}
}

// Panic records a recovered panic.
func (m *Metrics) Panic() {
	if m != nil {
		m.panics.Inc()
	}
}

// HealthFunc reports whether a part of the bot is healthy, and why not.
type HealthFunc func() (ok bool, reason string)

// Handler serves /healthz (200 "ok" when every check passes, 503 with the
// reasons otherwise) and /metrics in the Prometheus text format.
func Handler(m *Metrics, checks ...HealthFunc) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		var reasons []string
		for _, c := range checks {
			if ok, why := c(); !ok {
				reasons = append(reasons, why)
			}
		}
		if len(reasons) > 0 {
			w.WriteHeader(http.StatusServiceUnavailable)
			for _, r := range reasons {
				fmt.Fprintln(w, r)
			}
			return
		}
		fmt.Fprintln(w, "ok")
	})
	if m != nil {
		mux.Handle("/metrics", promhttp.HandlerFor(m.registry, promhttp.HandlerOpts{}))
	}
	return mux
}

// Serve serves h on addr until ctx is done. It returns an error when the
// address cannot be used.
func Serve(ctx context.Context, addr string, h http.Handler, log *slog.Logger) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("listen on HEALTH_ADDR %s: %w", addr, err)
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 5 * time.Second}
	go func() {
		<-ctx.Done()
		shut, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		srv.Shutdown(shut)
	}()
	log.Info("health and metrics listening", "addr", ln.Addr().String())
	if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve health: %w", err)
	}
	return nil
}
