package main

import (
	"context"
	"log/slog"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/bondgenoot/bondgenoot/bot"
	"github.com/bondgenoot/bondgenoot/internal/metrics"
)

// minWatchdog is the shortest WATCHDOG_TIMEOUT: Discord's heartbeat
// interval is about 41 s, so a shorter timeout could take a quiet but
// healthy connection for a dead one.
const minWatchdog = time.Minute

// ops is the configuration for running unattended, from the environment
// (and .env, which loadConfig has read).
type ops struct {
	HealthAddr string           // HEALTH_ADDR; empty: no /healthz and /metrics
	Watchdog   time.Duration    // WATCHDOG_TIMEOUT; zero: the bot's default, negative: off
	Metrics    *metrics.Metrics // nil without HEALTH_ADDR
}

// loadOps reads HEALTH_ADDR and WATCHDOG_TIMEOUT; a value it cannot use is
// logged and replaced by the default.
func loadOps(log *slog.Logger) ops {
	o := ops{HealthAddr: strings.TrimSpace(os.Getenv("HEALTH_ADDR"))}
	if o.HealthAddr != "" {
		o.Metrics = metrics.New()
	}
	raw := os.Getenv("WATCHDOG_TIMEOUT")
	d, ok := watchdogTimeout(raw)
	if !ok {
		log.Warn("onbruikbare WATCHDOG_TIMEOUT, de standaard (3m) wordt gebruikt; schrijf bv. 3m of 90s, of uit", "WATCHDOG_TIMEOUT", raw)
	} else if d > 0 && d < minWatchdog {
		log.Warn("WATCHDOG_TIMEOUT is korter dan een minuut; een minuut wordt gebruikt", "WATCHDOG_TIMEOUT", raw)
		d = minWatchdog
	}
	o.Watchdog = d
	return o
}

// watchdogTimeout reads WATCHDOG_TIMEOUT: a Go duration ("3m", "90s"), a
// number of seconds, or "uit"/"off"/"0" to turn the watchdog off (a
// negative result). Empty is the default (zero).
func watchdogTimeout(s string) (time.Duration, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	switch s {
	case "":
		return 0, true
	case "uit", "off", "0":
		return -1, true
	}
	if n, err := strconv.Atoi(s); err == nil && n > 0 {
		return time.Duration(n) * time.Second, true
	}
	d, err := time.ParseDuration(s)
	if err != nil || d <= 0 {
		return 0, false
	}
	return d, true
}

// apply puts the metrics and the watchdog timeout into the bot's
// configuration.
func (o ops) apply(c bot.Config) bot.Config {
	c.Metrics = o.Metrics
	c.WatchdogTimeout = o.Watchdog
	return c
}

// run runs the bot and, with HEALTH_ADDR, serves /healthz ("index loaded"
// and "gateway connected") and /metrics beside it. A watchdog error ends
// the run with exitInternal, so that a supervisor restarts the bot; an
// address that cannot be used ends it with exitUsage.
func (o ops) run(ctx context.Context, b *bot.Bot, log *slog.Logger) (int, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var served chan error
	if o.HealthAddr != "" {
		served = make(chan error, 1)
		h := metrics.Handler(o.Metrics, b.IndexHealth, b.GatewayHealth)
		go func() { served <- metrics.Serve(ctx, o.HealthAddr, h, log.With("component", "health")) }()
	}
	ran := make(chan error, 1)
	go func() { ran <- b.Run(ctx) }()
	for {
		select {
		case err := <-ran:
			cancel()
			if served != nil {
				<-served
			}
			if err != nil {
				return exitInternal, err
			}
			return exitOK, nil
		case err := <-served:
			served = nil
			if err != nil {
				cancel()
				<-ran
				return exitUsage, err
			}
		}
	}
}
