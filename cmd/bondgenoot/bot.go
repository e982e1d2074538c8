package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/joho/godotenv"

	"github.com/bondgenoot/bondgenoot/bot"
	"github.com/bondgenoot/bondgenoot/internal/chat"
	"github.com/bondgenoot/bondgenoot/internal/daily"
	"github.com/bondgenoot/bondgenoot/internal/metrics"
	"github.com/bondgenoot/bondgenoot/internal/stats"
)

// Config is the bot's configuration, read once from the environment and
// .env (ConfigFromEnv); tests build it directly.
type Config struct {
	Token    string // DISCORD_TOKEN; empty: the console
	AppID    string // DISCORD_APP_ID; empty: taken from READY
	GuildID  string // DISCORD_GUILD_ID; set: register the commands on that server only
	APIURL   string // DISCORD_API_URL; empty: Discord itself
	LogLevel string // LOG_LEVEL: debug, info (default), warn or error

	PublicKey string // DISCORD_PUBLIC_KEY: the application's public key (hex), for HTTP interactions
	HTTPAddr  string // HTTP_ADDR: where POST /interactions is served
	NoGateway bool   // GATEWAY=uit: no gateway connection

	ContentDir     string // CONTENT_DIR: content laid out like content/ instead of the embedded copy
	DataDir        string // DATA_DIR: where the store lives; default ./data
	DailyChannelID string // DAILY_CHANNEL_ID: the daily post's channel without /dagelijks
	DailyTime      string // DAILY_TIME: its time, HH:MM; default 09:00
	DailyZone      string // DAILY_ZONE: the zone of post times; default Europe/Brussels

	DeferAfter time.Duration // DEFER_AFTER: how long a command computes before it is deferred; zero: 1.5 s

	HealthAddr string        // HEALTH_ADDR; empty: no /healthz and /metrics
	Watchdog   time.Duration // WATCHDOG_TIMEOUT; zero: the bot's default, negative: off

	// Warnings are problems with values that were replaced by a default,
	// for the log.
	Warnings []string
}

// loadConfig reads the configuration from the environment, after .env
// (optional; variables already in the environment win).
func loadConfig() Config {
	_ = godotenv.Load()
	return ConfigFromEnv(os.Getenv)
}

// ConfigFromEnv reads the configuration through getenv.
func ConfigFromEnv(getenv func(string) string) Config {
	env := func(k string) string { return strings.TrimSpace(getenv(k)) }
	c := Config{
		Token:    env("DISCORD_TOKEN"),
		AppID:    env("DISCORD_APP_ID"),
		GuildID:  env("DISCORD_GUILD_ID"),
		APIURL:   env("DISCORD_API_URL"),
		LogLevel: env("LOG_LEVEL"),

		PublicKey: env("DISCORD_PUBLIC_KEY"),
		HTTPAddr:  env("HTTP_ADDR"),

		ContentDir:     env("CONTENT_DIR"),
		DataDir:        env("DATA_DIR"),
		DailyChannelID: env("DAILY_CHANNEL_ID"),
		DailyTime:      env("DAILY_TIME"),
		DailyZone:      env("DAILY_ZONE"),

		HealthAddr: env("HEALTH_ADDR"),
	}
	switch g := strings.ToLower(env("GATEWAY")); g {
	case "", "aan", "on", "ja":
	case "uit", "off", "nee", "0":
		c.NoGateway = true
	default:
		c.Warnings = append(c.Warnings, fmt.Sprintf("onbekende GATEWAY %q: gebruik aan of uit; de gateway blijft aan", g))
	}
	if raw := env("DEFER_AFTER"); raw != "" {
		d, err := time.ParseDuration(raw)
		switch {
		case err != nil || d <= 0:
			c.Warnings = append(c.Warnings, fmt.Sprintf("onbruikbare DEFER_AFTER %q, de standaard (1.5s) wordt gebruikt; schrijf bv. 1500ms", raw))
		case d > 2500*time.Millisecond:
			c.Warnings = append(c.Warnings, fmt.Sprintf("DEFER_AFTER %q laat Discords 3 seconden niet halen; 2.5s wordt gebruikt", raw))
			c.DeferAfter = 2500 * time.Millisecond
		default:
			c.DeferAfter = d
		}
	}
	raw := getenv("WATCHDOG_TIMEOUT")
	d, ok := watchdogTimeout(raw)
	if !ok {
		c.Warnings = append(c.Warnings, fmt.Sprintf("onbruikbare WATCHDOG_TIMEOUT %q, de standaard (3m) wordt gebruikt; schrijf bv. 3m of 90s, of uit", raw))
	} else if d > 0 && d < minWatchdog {
		c.Warnings = append(c.Warnings, fmt.Sprintf("WATCHDOG_TIMEOUT %q is korter dan een minuut; een minuut wordt gebruikt", raw))
		d = minWatchdog
	}
	c.Watchdog = d
	return c
}

// storeFile is the file of the daily post's store under DATA_DIR.
func storeFile(dataDir string) string {
	if dataDir == "" {
		dataDir = "data"
	}
	return filepath.Join(dataDir, "bondgenoot.db")
}

// logLevel reads LOG_LEVEL; ok is false for a value it does not know.
func logLevel(s string) (slog.Level, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "info":
		return slog.LevelInfo, true
	case "debug":
		return slog.LevelDebug, true
	case "warn", "warning":
		return slog.LevelWarn, true
	case "error":
		return slog.LevelError, true
	}
	return slog.LevelInfo, false
}

// Main is the running program: the corpus and its index, and either the
// console (without a token) or the Discord bot with its store and, with
// HEALTH_ADDR, its health and metrics server.
type Main struct {
	Config Config
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer

	content *liveContent
	store   *daily.Store
}

// NewMain returns a Main for cfg.
func NewMain(cfg Config, stdin io.Reader, stdout, stderr io.Writer) *Main {
	return &Main{Config: cfg, Stdin: stdin, Stdout: stdout, Stderr: stderr}
}

// exitError is an error with the exit code it ends the program with.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

// exitWith wraps err with an exit code.
func exitWith(code int, err error) error {
	if err == nil {
		return nil
	}
	return &exitError{code, err}
}

// exitCode is the exit code for an error of Run.
func exitCode(err error) int {
	var ee *exitError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &ee):
		return ee.code
	}
	return exitInternal
}

// Run loads the content (CONTENT_DIR or the embedded copy), builds the
// index and runs the console or the bot until ctx is done; SIGHUP reloads
// CONTENT_DIR meanwhile. Its error carries the exit code (exitCode).
func (m *Main) Run(ctx context.Context) error {
	cfg := m.Config
	level, ok := logLevel(cfg.LogLevel)
	log := slog.New(slog.NewTextHandler(m.Stderr, &slog.HandlerOptions{Level: level}))
	var err error
	m.content, err = newLiveContent(cfg.ContentDir, log.With("component", "content"))
	if err != nil {
		return exitWith(exitInternal, err)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	reloaded := reloadOnHUP(ctx, m.content)
	defer func() { cancel(); <-reloaded }()
	if cfg.Token == "" {
		fmt.Fprintln(m.Stderr, "Geen DISCORD_TOKEN ingesteld: de console is open. Typ /help, of een opdracht zoals /zoek brugfiguur.")
		router, err := chat.New(chat.Config{Service: m.content.Service})
		if err != nil {
			return exitWith(exitInternal, err)
		}
		con := &chat.Console{Router: router, In: m.Stdin, Out: m.Stdout}
		return exitWith(exitInternal, con.Run(ctx))
	}

	if !ok {
		log.Warn("onbekend LOG_LEVEL, info wordt gebruikt", "LOG_LEVEL", cfg.LogLevel)
	}
	for _, w := range cfg.Warnings {
		log.Warn(w)
	}
	// The daily post's store: a damaged or locked file stops the start (its
	// message names the file), never a fresh start that would post again.
	m.store, err = daily.Open(storeFile(cfg.DataDir))
	if err != nil {
		return exitWith(exitInternal, err)
	}
	// What people look for and don't find, in its own bucket of the file.
	counts, err := stats.Open(m.store.DB(), stats.Options{})
	if err != nil {
		return exitWith(exitInternal, fmt.Errorf("de opslag %s: %w", m.store.Path(), err))
	}
	var mt *metrics.Metrics
	if cfg.HealthAddr != "" {
		mt = metrics.New()
	}
	b, err := bot.New(bot.Config{
		Token:     cfg.Token,
		AppID:     cfg.AppID,
		GuildID:   cfg.GuildID,
		APIURL:    cfg.APIURL,
		PublicKey: cfg.PublicKey,
		HTTPAddr:  cfg.HTTPAddr,
		NoGateway: cfg.NoGateway,
		Logger:    log,

		Store:          m.store,
		DailyChannelID: cfg.DailyChannelID,
		DailyTime:      cfg.DailyTime,
		DailyZone:      cfg.DailyZone,

		DeferAfter:      cfg.DeferAfter,
		Metrics:         mt,
		WatchdogTimeout: cfg.Watchdog,

		Service: m.content.Service,
		Stats:   counts,
	}, m.content.Service())
	if err != nil {
		return exitWith(exitUsage, err)
	}
	return runServing(ctx, b, cfg.HealthAddr, mt, log)
}

// Close releases what Run opened: the store and the index.
func (m *Main) Close() error {
	var errs []error
	if m.store != nil {
		errs = append(errs, m.store.Close())
		m.store = nil
	}
	if m.content != nil {
		errs = append(errs, m.content.Close())
		m.content = nil
	}
	return errors.Join(errs...)
}

// runBot runs Main with the configuration from the environment.
func runBot(ctx context.Context, stdin io.Reader, stdout, stderr io.Writer) (int, error) {
	return runMain(ctx, loadConfig(), stdin, stdout, stderr)
}

// runMain runs a Main for cfg and returns its exit code.
func runMain(ctx context.Context, cfg Config, stdin io.Reader, stdout, stderr io.Writer) (int, error) {
	m := NewMain(cfg, stdin, stdout, stderr)
	err := m.Run(ctx)
	if cerr := m.Close(); err == nil && cerr != nil {
		err = exitWith(exitInternal, cerr)
	}
	return exitCode(err), err
}
