package main

import (
	"context"
	"errors"
	"log/slog"
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

// exitGatewayFatal is the exit code after Discord closed the gateway with a
// code after which restarting cannot help (a wrong token, intents that are
// not enabled: bot.GatewayError). It is EX_CONFIG of sysexits.h; systemd's
// RestartPreventExitStatus=78 keeps it from restarting the bot in a loop.
const exitGatewayFatal = 78

// runServing runs the bot and, with HEALTH_ADDR, serves /healthz ("index
// loaded" and "gateway connected") and /metrics beside it. A watchdog error
// ends the run with exitInternal, so that a supervisor restarts the bot; an
// address that cannot be used ends it with exitUsage.
func runServing(ctx context.Context, b *bot.Bot, healthAddr string, m *metrics.Metrics, log *slog.Logger) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var served chan error
	if healthAddr != "" {
		served = make(chan error, 1)
		h := metrics.Handler(m, b.IndexHealth, b.GatewayHealth)
		go func() { served <- metrics.Serve(ctx, healthAddr, h, log.With("component", "health")) }()
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
			var gerr *bot.GatewayError
			if errors.As(err, &gerr) {
				// A restart would be refused the same way: a supervisor
				// should not restart on this code (README).
				return exitWith(exitGatewayFatal, err)
			}
			return exitWith(exitInternal, err)
		case err := <-served:
			served = nil
			if err != nil {
				cancel()
				<-ran
				return exitWith(exitUsage, err)
			}
		}
	}
}
