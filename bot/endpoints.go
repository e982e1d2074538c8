package bot

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/bwmarrin/discordgo"
)

// defaultAPIURL is Discord's REST base URL.
const defaultAPIURL = "https://discord.com/"

// apiVersion is the Discord API version the bot speaks over REST.
// discordgo v0.29.0 builds its URLs for version 9; apiTransport rewrites
// them to 10.
const apiVersion = "10"

// apiTransport sends discordgo's REST requests to the API under base (for
// example "http://127.0.0.1:8080" for a fake Discord, or a REST proxy)
// instead of Discord itself, and speaks API version 10. It is the session's
// own HTTP client that does this: discordgo's package variables are never
// changed, so several bots in one process (tests) can each have their own
// API. The gateway URL is asked from that API as usual.
type apiTransport struct {
	base *url.URL // scheme, host and path prefix, ending in "/"
	next http.RoundTripper
}

// newAPITransport parses DISCORD_API_URL; an empty base means Discord.
func newAPITransport(base string, next http.RoundTripper) (*apiTransport, error) {
	if strings.TrimSpace(base) == "" {
		base = defaultAPIURL
	}
	u, err := url.Parse(strings.TrimSpace(base))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("DISCORD_API_URL %q is geen http(s)-adres", base)
	}
	if u.RawQuery != "" || u.Fragment != "" {
		return nil, fmt.Errorf("DISCORD_API_URL %q mag geen ? of # bevatten", base)
	}
	p := strings.TrimSuffix(u.Path, "/") + "/"
	// Someone may give the versioned API URL itself ("…/api/v10"): accept it.
	if i := strings.LastIndex(p, "api/v"); i >= 0 && strings.Count(p[i:], "/") == 2 {
		p = p[:i]
	}
	u.Path, u.RawPath = p, ""
	if next == nil {
		next = http.DefaultTransport
	}
	return &apiTransport{base: u, next: next}, nil
}

// discordAPIPrefix is where discordgo's REST URLs start.
var discordAPIPrefix = "/api/v" + discordgo.APIVersion + "/"

// rewrite returns the URL that u, one of discordgo's, stands for under the
// transport's base.
func (t *apiTransport) rewrite(u *url.URL) *url.URL {
	out := *u
	out.Scheme, out.Host = t.base.Scheme, t.base.Host
	rest := strings.TrimPrefix(u.Path, "/")
	if strings.HasPrefix(u.Path, discordAPIPrefix) {
		rest = "api/v" + apiVersion + "/" + strings.TrimPrefix(u.Path, discordAPIPrefix)
	}
	out.Path, out.RawPath = t.base.Path+rest, ""
	return &out
}

// RoundTrip implements http.RoundTripper.
func (t *apiTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.URL.Host != "discord.com" {
		return t.next.RoundTrip(r)
	}
	r2 := r.Clone(r.Context())
	r2.URL = t.rewrite(r.URL)
	r2.Host = ""
	return t.next.RoundTrip(r2)
}

// APIURL is the REST base the bot uses, for its log: the base URL with the
// version.
func (t *apiTransport) APIURL() string {
	return t.base.String() + "api/v" + apiVersion + "/"
}

// discordgoLog is where discordgo's own log lines go: the logger of the bot
// started last in this process. discordgo.Logger is a process-wide
// variable, set once; the logger behind it is swapped atomically.
var (
	discordgoLog     atomic.Pointer[slog.Logger]
	discordgoLogOnce sync.Once
)

// routeDiscordgoLogs sends discordgo's own log lines to log instead of the
// standard logger. Informational lines become Debug: they are noise for an
// operator.
func routeDiscordgoLogs(l *slog.Logger) {
	discordgoLog.Store(l)
	discordgoLogOnce.Do(func() { discordgo.Logger = logDiscordgo })
}

func logDiscordgo(msgL, _ int, format string, a ...any) {
	noteGatewayClose(a) // how the gateway closed is only told here
	log := discordgoLog.Load()
	if log == nil {
		return
	}
	level := slog.LevelDebug - 4
	switch msgL {
	case discordgo.LogError:
		level = slog.LevelError
	case discordgo.LogWarning:
		level = slog.LevelWarn
	case discordgo.LogInformational:
		level = slog.LevelDebug
	}
	log.Log(context.Background(), level, strings.TrimSpace(fmt.Sprintf(format, a...)))
}

// discordgoLevel is the session log level that matches log: discordgo only
// formats what would be kept.
func discordgoLevel(log *slog.Logger) int {
	switch {
	case log.Enabled(context.Background(), slog.LevelDebug-4):
		return discordgo.LogDebug
	case log.Enabled(context.Background(), slog.LevelDebug):
		return discordgo.LogInformational
	case log.Enabled(context.Background(), slog.LevelWarn):
		return discordgo.LogWarning
	}
	return discordgo.LogError
}
