package main

import (
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"time"

	"github.com/bondgenoot/bondgenoot/internal/daily"
	"github.com/bondgenoot/bondgenoot/internal/stats"
)

// clock is the command line's clock; tests replace it.
var clock = time.Now

// storeWait is how long rapport and vergeet wait for a store that another
// process holds: a running bot holds it as long as it runs.
const storeWait = 500 * time.Millisecond

// busyText is what to do when the running bot holds the store.
func busyText(path string) string {
	return fmt.Sprintf("De opslag %s is in gebruik: de bot draait. Vraag het rapport in Discord met /rapport (voor wie de server mag beheren), of stop de bot en probeer het opnieuw.", path)
}

// report runs `rapport`: the stats of the last 90 days, from the store of a
// stopped bot.
func (c *cli) report(args []string) (int, error) {
	pos, ok := c.parse(flag.NewFlagSet("rapport", flag.ContinueOnError), args)
	if !ok {
		return c.exit, nil
	}
	if len(pos) > 0 {
		fmt.Fprintln(c.stderr, "rapport verwacht geen namen; de opslag komt uit DATA_DIR.")
		return exitUsage, nil
	}
	path := storeFile(loadConfig().DataDir)
	rep, err := stats.ReadFile(path, clock(), storeWait)
	switch {
	case errors.Is(err, stats.ErrBusy):
		fmt.Fprintln(c.stderr, busyText(path))
		return exitNotFound, nil
	case errors.Is(err, fs.ErrNotExist):
		fmt.Fprintf(c.stderr, "Er is geen opslag %s: daar heeft nog geen bot iets bewaard. Zet DATA_DIR op de map van de opslag van de bot.\n", path)
		return exitNotFound, nil
	case err != nil:
		return exitInternal, fmt.Errorf("de opslag %s is onleesbaar of beschadigd: %w", path, err)
	}
	if c.json {
		return c.emit(rep), nil
	}
	fmt.Fprint(c.stdout, rep.Text(0))
	return exitOK, nil
}

// forget runs `vergeet --server ID`: it removes the daily-post settings of
// a server from the store of a stopped bot. The stats hold nothing per
// server.
func (c *cli) forget(args []string) (int, error) {
	flags := flag.NewFlagSet("vergeet", flag.ContinueOnError)
	server := flags.String("server", "", "")
	pos, ok := c.parse(flags, args)
	if !ok {
		return c.exit, nil
	}
	if len(pos) > 0 || *server == "" {
		fmt.Fprintln(c.stderr, "Gebruik: bondgenoot vergeet --server ID (het id van de server in Discord).")
		return exitUsage, nil
	}
	if !snowflake(*server) {
		fmt.Fprintln(c.stderr, "Het id van een server bestaat uit 17 tot 20 cijfers (in Discord: rechtsklik op de server, ID kopiëren).")
		return exitNotFound, nil
	}
	path := storeFile(loadConfig().DataDir)
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return c.forgotten(*server, false, path)
	}
	// Ask first without writing, so that a running bot gets a clear word.
	db, err := stats.OpenReadOnly(path, storeWait)
	if errors.Is(err, stats.ErrBusy) {
		fmt.Fprintf(c.stderr, "De opslag %s is in gebruik: de bot draait. Stop de bot en probeer het opnieuw.\n", path)
		return exitNotFound, nil
	}
	if err == nil {
		db.Close()
	}
	store, err := daily.Open(path)
	if err != nil {
		return exitInternal, err
	}
	defer store.Close()
	removed, err := store.Forget(*server)
	if err != nil {
		return exitInternal, fmt.Errorf("de opslag %s kan niet aangepast worden: %w", path, err)
	}
	return c.forgotten(*server, removed, path)
}

func (c *cli) forgotten(server string, removed bool, path string) (int, error) {
	if c.json {
		return c.emit(struct {
			Server  string `json:"server"`
			Removed bool   `json:"removed"`
		}{server, removed}), nil
	}
	if removed {
		fmt.Fprintf(c.stdout, "De instellingen van server %s zijn verwijderd uit %s.\n", server, path)
	} else {
		fmt.Fprintf(c.stdout, "Van server %s was niets bewaard in %s.\n", server, path)
	}
	return exitOK, nil
}

// snowflake reports whether s looks like a Discord id.
func snowflake(s string) bool {
	if len(s) < 17 || len(s) > 20 {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
