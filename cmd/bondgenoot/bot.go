package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"

	"github.com/joho/godotenv"

	"github.com/bondgenoot/bondgenoot/bot"
	"github.com/bondgenoot/bondgenoot/content"
	"github.com/bondgenoot/bondgenoot/index"
	"github.com/bondgenoot/bondgenoot/internal/answer"
	"github.com/bondgenoot/bondgenoot/internal/daily"
)

// config is the bot's configuration, from the environment and .env.
type config struct {
	Token    string // DISCORD_TOKEN; empty: the console
	AppID    string // DISCORD_APP_ID; empty: taken from READY
	GuildID  string // DISCORD_GUILD_ID; set: register the commands on that server only
	APIURL   string // DISCORD_API_URL; empty: Discord itself
	LogLevel string // LOG_LEVEL: debug, info (default), warn or error

	DataDir        string // DATA_DIR: where the store lives; default ./data
	DailyChannelID string // DAILY_CHANNEL_ID: the daily post's channel without /dagelijks
	DailyTime      string // DAILY_TIME: its time, HH:MM; default 09:00
	DailyZone      string // DAILY_ZONE: the zone of post times; default Europe/Brussels
}

func loadConfig() config {
	// .env is optional; variables already in the environment win.
	_ = godotenv.Load()
	env := func(k string) string { return strings.TrimSpace(os.Getenv(k)) }
	return config{
		Token:    env("DISCORD_TOKEN"),
		AppID:    env("DISCORD_APP_ID"),
		GuildID:  env("DISCORD_GUILD_ID"),
		APIURL:   env("DISCORD_API_URL"),
		LogLevel: env("LOG_LEVEL"),

		DataDir:        env("DATA_DIR"),
		DailyChannelID: env("DAILY_CHANNEL_ID"),
		DailyTime:      env("DAILY_TIME"),
		DailyZone:      env("DAILY_ZONE"),
	}
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

// runBot starts the Discord bot, or the console when no token is set.
func runBot(ctx context.Context, stdin io.Reader, stdout, stderr io.Writer) (int, error) {
	cfg := loadConfig()
	corpus, err := content.Default()
	if err != nil {
		return exitInternal, fmt.Errorf("de inhoud kan niet geladen worden: %w", err)
	}
	ix, err := index.Build(corpus)
	if err != nil {
		return exitInternal, fmt.Errorf("de zoekindex kan niet gebouwd worden: %w", err)
	}
	defer ix.Close()
	svc := &answer.Service{Corpus: corpus, Index: ix}
	if cfg.Token == "" {
		fmt.Fprintln(stderr, "Geen DISCORD_TOKEN ingesteld: de console is open. Typ /help, of een opdracht zoals /zoek brugfiguur.")
		con := &bot.Console{Service: svc, In: stdin, Out: stdout}
		if err := con.Run(ctx); err != nil {
			return exitInternal, err
		}
		return exitOK, nil
	}

	level, ok := logLevel(cfg.LogLevel)
	log := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: level}))
	if !ok {
		log.Warn("onbekend LOG_LEVEL, info wordt gebruikt", "LOG_LEVEL", cfg.LogLevel)
	}
	// The daily post's store: a damaged or locked file stops the start (its
	// message names the file), never a fresh start that would post again.
	store, err := daily.Open(storeFile(cfg.DataDir))
	if err != nil {
		return exitInternal, err
	}
	defer store.Close()
	ops := loadOps(log) // HEALTH_ADDR, WATCHDOG_TIMEOUT (ops.go)
	b, err := bot.New(ops.apply(bot.Config{
		Token:   cfg.Token,
		AppID:   cfg.AppID,
		GuildID: cfg.GuildID,
		APIURL:  cfg.APIURL,
		Logger:  log,

		Store:          store,
		DailyChannelID: cfg.DailyChannelID,
		DailyTime:      cfg.DailyTime,
		DailyZone:      cfg.DailyZone,
	}), svc)
	if err != nil {
		return exitUsage, err
	}
	return ops.run(ctx, b, log)
}
