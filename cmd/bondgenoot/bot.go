package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/joho/godotenv"

	"github.com/bondgenoot/bondgenoot/bot"
	"github.com/bondgenoot/bondgenoot/content"
	"github.com/bondgenoot/bondgenoot/index"
	"github.com/bondgenoot/bondgenoot/internal/answer"
)

// config is the bot's configuration, from the environment and .env.
type config struct {
	Token string // DISCORD_TOKEN
}

func loadConfig() config {
	// .env is optional; variables already in the environment win.
	_ = godotenv.Load()
	return config{Token: os.Getenv("DISCORD_TOKEN")}
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
	fmt.Fprintln(stderr, "De Discord-verbinding is nog niet beschikbaar in deze versie; zonder DISCORD_TOKEN opent de console.")
	return exitUsage, nil
}
