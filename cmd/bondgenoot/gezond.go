package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/joho/godotenv"

	"github.com/bondgenoot/bondgenoot/internal/text"
)

// healthTimeout bounds one health check; Docker's HEALTHCHECK gives it more.
var healthTimeout = 3 * time.Second

// health runs `gezond [--adres ADRES]`: exit 0 when GET /healthz on
// HEALTH_ADDR (or ADRES) answers 200, and 1 otherwise, with the reason. It
// is the container's HEALTHCHECK: a distroless image has no curl. Every
// failure, also a wrong option, is exit 1, as HEALTHCHECK expects.
func (c *cli) health(ctx context.Context, args []string) (int, error) {
	flags := flag.NewFlagSet("gezond", flag.ContinueOnError)
	addr := flags.String("adres", "", "")
	pos, ok := c.parse(flags, args)
	if !ok {
		if c.exit == exitOK {
			return exitOK, nil
		}
		return exitNotFound, nil
	}
	if len(pos) > 0 {
		fmt.Fprintln(c.stderr, "gezond verwacht geen namen; een ander adres geef je met --adres 127.0.0.1:9090.")
		return exitNotFound, nil
	}
	if *addr == "" {
		_ = godotenv.Load()
		*addr = strings.TrimSpace(os.Getenv("HEALTH_ADDR"))
	}
	res := checkHealth(ctx, *addr)
	if c.json {
		c.emit(res)
	} else if res.OK {
		fmt.Fprintf(c.stdout, "Gezond: %s antwoordt 200.\n", res.URL)
	} else {
		fmt.Fprintf(c.stderr, "Niet gezond: %s\n", res.Reason)
	}
	if !res.OK {
		return exitNotFound, nil
	}
	return exitOK, nil
}

// healthResult is the outcome of one health check.
type healthResult struct {
	OK     bool   `json:"ok"`
	URL    string `json:"url"`
	Status int    `json:"status"` // 0: no answer
	Reason string `json:"reason"` // Dutch; empty when OK
}

// healthURL turns a listen address into the URL to ask: a host that means
// "every interface" (":9090", "0.0.0.0:9090", "[::]:9090") is asked on the
// loopback.
func healthURL(addr string) (string, bool) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil || port == "" {
		return "", false
	}
	switch host {
	case "", "0.0.0.0":
		host = "127.0.0.1"
	case "::":
		host = "::1"
	}
	return "http://" + net.JoinHostPort(host, port) + "/healthz", true
}

func checkHealth(ctx context.Context, addr string) healthResult {
	if addr == "" {
		return healthResult{Reason: "HEALTH_ADDR is niet ingesteld, dus de bot biedt geen /healthz aan. Zet HEALTH_ADDR, bv. 127.0.0.1:9090, voor de bot en voor gezond."}
	}
	u, ok := healthURL(addr)
	if !ok {
		return healthResult{Reason: fmt.Sprintf("HEALTH_ADDR %q is geen adres met een poort, zoals 127.0.0.1:9090.", text.Clean(addr, 100))}
	}
	res := healthResult{URL: u}
	ctx, cancel := context.WithTimeout(ctx, healthTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		res.Reason = fmt.Sprintf("HEALTH_ADDR %q is geen bruikbaar adres.", text.Clean(addr, 100))
		return res
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Do(req)
	if err != nil {
		if ctx.Err() != nil {
			res.Reason = fmt.Sprintf("%s antwoordt niet binnen %v: de bot hangt of is overbelast.", u, healthTimeout)
		} else {
			res.Reason = fmt.Sprintf("geen verbinding met %s: de bot draait niet (nog niet), of luistert op een ander HEALTH_ADDR.", u)
		}
		return res
	}
	defer resp.Body.Close()
	res.Status = resp.StatusCode
	if resp.StatusCode == http.StatusOK {
		res.OK = true
		return res
	}
	// The bot's /healthz gives one reason per line; keep a few, cleaned.
	var reasons []string
	sc := bufio.NewScanner(io.LimitReader(resp.Body, 4096))
	for sc.Scan() && len(reasons) < 5 {
		if line := text.Clean(sc.Text(), 200); line != "" {
			reasons = append(reasons, line)
		}
	}
	res.Reason = fmt.Sprintf("%s antwoordt %d", u, resp.StatusCode)
	if len(reasons) > 0 {
		res.Reason += ": " + strings.Join(reasons, "; ")
	}
	res.Reason += "."
	return res
}
