package bot

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"
)

// Gateway close codes after which reconnecting cannot help: Discord gives
// the same answer to every IDENTIFY until someone changes the token, the
// intents or the bot. discordgo v0.29.0 reconnects after any close, about
// once a second, and every attempt is an IDENTIFY of the 1,000 a day.
// What follows each code is what the log says, in Dutch: the cause and
// what to do.
var fatalCloseCodes = map[int]struct{ what, todo string }{
	4004: {"authenticatie mislukt: Discord aanvaardt het token niet",
		"het token in DISCORD_TOKEN is fout, ingetrokken of vernieuwd. Maak in het Discord Developer Portal onder Bot een nieuw token (Reset Token) en zet het in DISCORD_TOKEN"},
	4010: {"ongeldige shard",
		"de bot gaf bij het aanmelden een shard op die niet bestaat. Dat is een fout in de bot; werk hem bij of meld het"},
	4011: {"sharding vereist: de bot zit op te veel servers voor één gateway-verbinding",
		"deze versie van de bot kan niet over meerdere shards verdelen; werk hem bij of meld het"},
	4012: {"ongeldige API-versie",
		"Discord kent de gateway-versie van deze bot niet (meer); werk de bot bij"},
	4013: {"ongeldige intents",
		"de bot vroeg intents die Discord niet kent. Dat is een fout in de bot; werk hem bij of meld het"},
	4014: {"niet toegestane intents: de bot vraagt een intent die voor deze applicatie niet aanstaat",
		"zet in het Discord Developer Portal onder Bot de gevraagde Privileged Gateway Intents aan (deze bot vraagt alleen Guilds, Guild Messages en Direct Messages, geen privileged intent), of kijk na of DISCORD_TOKEN bij de juiste applicatie hoort"},
}

// GatewayError is what Run returns when Discord closed the gateway with a
// code after which reconnecting cannot help (4004, 4010–4014): the bot
// stops for good. The process should exit with a code its supervisor does
// not restart (cmd/bondgenoot: 78, see the README).
type GatewayError struct {
	Code   int
	Reason string // Discord's reason text, as sent
}

func (e *GatewayError) Error() string {
	f := fatalCloseCodes[e.Code]
	return fmt.Sprintf("Discord sloot de gateway met code %d (%s). Wat te doen: %s. De bot stopt en verbindt niet opnieuw: opnieuw proberen helpt niet en verbruikt de 1 000 aanmeldingen per dag", e.Code, f.what, f.todo)
}

// fatalClose returns the GatewayError for a close code that is fatal.
func fatalClose(ce *websocket.CloseError) (*GatewayError, bool) {
	if ce == nil {
		return nil, false
	}
	if _, ok := fatalCloseCodes[ce.Code]; !ok {
		return nil, false
	}
	return &GatewayError{Code: ce.Code, Reason: ce.Text}, true
}

// gateways are the bots whose Run is under way. discordgo reports how the
// gateway closed only in its log lines (discordgo.Logger is one per
// process): logDiscordgo hands every close error in them to these bots.
var gateways struct {
	mu   sync.Mutex
	bots map[*Bot]bool
}

func registerGateway(b *Bot, on bool) {
	gateways.mu.Lock()
	defer gateways.mu.Unlock()
	if gateways.bots == nil {
		gateways.bots = map[*Bot]bool{}
	}
	if on {
		gateways.bots[b] = true
	} else {
		delete(gateways.bots, b)
	}
}

// noteGatewayClose looks for a close of the gateway in the arguments of a
// discordgo log line: "error reading from gateway %s websocket, %s" (the
// URL and the error) when a connection closes, "error reconnecting to
// gateway, %s" when a new one is refused. With a URL it goes to the bot
// that dialled that address. Without, it goes to the bot whose connection
// was closed last, within the last seconds: discordgo closes a connection
// that failed in Open right before it logs why (in a process with one bot,
// as in production, that is the one).
func noteGatewayClose(args []any) {
	var ce *websocket.CloseError
	addr := ""
	for _, a := range args {
		switch v := a.(type) {
		case error:
			errors.As(v, &ce)
		case string:
			if u, err := url.Parse(v); err == nil && (u.Scheme == "ws" || u.Scheme == "wss") {
				addr = hostPort(u)
			}
		}
	}
	if ce == nil {
		return
	}
	gateways.mu.Lock()
	var all []*Bot
	for b := range gateways.bots {
		all = append(all, b)
	}
	gateways.mu.Unlock()
	if addr != "" {
		for _, b := range all {
			if b.gw.dialled(addr) {
				b.gatewayClosed(ce)
			}
		}
		return
	}
	var last *Bot
	var lastAt time.Time
	for _, b := range all {
		if at := b.gw.lastClosed(); time.Since(at) < 3*time.Second && at.After(lastAt) {
			last, lastAt = b, at
		}
	}
	if last == nil && len(all) == 1 {
		last = all[0]
	}
	if last != nil {
		last.gatewayClosed(ce)
	}
}

// hostPort is the address of a gateway URL, with the default port.
func hostPort(u *url.URL) string {
	if u.Port() != "" {
		return u.Host
	}
	if u.Scheme == "wss" {
		return net.JoinHostPort(u.Hostname(), "443")
	}
	return net.JoinHostPort(u.Hostname(), "80")
}

// gatewayState is what the bot knows of its gateway connections: the
// addresses it dialled, a fatal close, and the IDENTIFYs Discord still
// allows (session_start_limit).
type gatewayState struct {
	mu      sync.Mutex
	addrs   map[string]bool
	fatal   *GatewayError
	fatalCh chan struct{} // closed on a fatal close

	limitKnown bool
	left       int       // session starts left, counted down per dial
	resetAt    time.Time // when Discord resets them
	refused    bool      // a dial was refused for the limit (logged once)

	closedAt time.Time // when a gateway connection was last closed
}

// lastClosed is when a gateway connection of the bot was last closed.
func (g *gatewayState) lastClosed() time.Time {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.closedAt
}

// trackedConn is a gateway connection that notes when it is closed.
type trackedConn struct {
	net.Conn
	once    sync.Once
	onClose func()
}

func (c *trackedConn) Close() error {
	c.once.Do(c.onClose)
	return c.Conn.Close()
}

func (g *gatewayState) dialled(addr string) bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.addrs[addr]
}

// gatewayClosed records a close of the gateway: the watchdog hears of it,
// and a fatal one stops the bot.
func (b *Bot) gatewayClosed(ce *websocket.CloseError) {
	if b.wd != nil {
		b.wd.closed(ce.Code, ce.Text)
	}
	gerr, fatal := fatalClose(ce)
	if !fatal {
		return
	}
	b.gw.mu.Lock()
	first := b.gw.fatal == nil
	if first {
		b.gw.fatal = gerr
		close(b.gw.fatalCh)
	}
	b.gw.mu.Unlock()
	if first {
		f := fatalCloseCodes[gerr.Code]
		b.log.Error("Discord sloot de gateway met een code waarna opnieuw verbinden niet helpt; de bot stopt",
			"code", gerr.Code, "reden", f.what, "wat_te_doen", f.todo, "discord", gerr.Reason)
	}
}

// fatalGateway returns the fatal close, if there was one.
func (b *Bot) fatalGateway() *GatewayError {
	b.gw.mu.Lock()
	defer b.gw.mu.Unlock()
	return b.gw.fatal
}

// errGatewayStopped is the dial error after a fatal close: discordgo's
// reconnect loop keeps trying, but no IDENTIFY reaches Discord any more.
var errGatewayStopped = errors.New("de gateway is gestopt na een sluitcode waarna opnieuw verbinden niet helpt")

// errStartLimit is the dial error when Discord's session_start_limit is
// used up.
var errStartLimit = errors.New("de sessiestartlimiet van Discord is op")

// dialGateway opens the TCP connection of a gateway websocket (for
// discordgo's Dialer). It refuses after a fatal close, and when the
// session starts Discord allows are used up until they reset: every dial
// may be an IDENTIFY.
func (b *Bot) dialGateway(ctx context.Context, network, addr string) (net.Conn, error) {
	b.gw.mu.Lock()
	if b.gw.fatal != nil {
		b.gw.mu.Unlock()
		return nil, errGatewayStopped
	}
	if b.gw.limitKnown {
		if !b.gw.resetAt.IsZero() && !time.Now().Before(b.gw.resetAt) {
			b.gw.limitKnown = false // reset by now: Discord's count is fresh
		} else if b.gw.left <= 0 {
			logIt := !b.gw.refused
			b.gw.refused = true
			resetAt := b.gw.resetAt
			b.gw.mu.Unlock()
			if logIt {
				b.log.Error("de sessiestartlimiet van Discord is op: de bot meldt zich niet opnieuw aan tot Discord ze terugzet",
					"reset", resetAt.Format(time.RFC3339))
			}
			if b.wd != nil {
				b.wd.startLimit(resetAt)
			}
			return nil, errStartLimit
		} else {
			b.gw.left--
		}
	}
	if b.gw.addrs == nil {
		b.gw.addrs = map[string]bool{}
	}
	b.gw.addrs[addr] = true
	b.gw.mu.Unlock()
	var d net.Dialer
	conn, err := d.DialContext(ctx, network, addr)
	if err != nil {
		return nil, err
	}
	return &trackedConn{Conn: conn, onClose: func() {
		b.gw.mu.Lock()
		b.gw.closedAt = time.Now()
		b.gw.mu.Unlock()
	}}, nil
}

// gatewayDialer is the websocket dialer of the bot's session.
func (b *Bot) gatewayDialer() *websocket.Dialer {
	return &websocket.Dialer{
		Proxy:            http.ProxyFromEnvironment,
		HandshakeTimeout: 45 * time.Second,
		NetDialContext:   b.dialGateway,
	}
}

// checkStartLimit asks Discord how many session starts (IDENTIFYs) are
// left today (GET /gateway/bot). None left: it waits until they reset (or
// ctx ends), rather than have Discord refuse or reset the token. A failed
// request is no reason not to try to connect; a refused token is (401).
func (b *Bot) checkStartLimit(ctx context.Context) error {
	gb, err := b.session.GatewayBot(discordgo.WithContext(ctx))
	if err != nil {
		var re *discordgo.RESTError
		if errors.As(err, &re) && re.Response != nil && re.Response.StatusCode == http.StatusUnauthorized {
			return err
		}
		b.log.Warn("de sessiestartlimiet van Discord is niet bekend; de bot verbindt toch", "err", b.redactErr(err))
		return nil
	}
	sl := gb.SessionStartLimit
	if sl.Total <= 0 {
		return nil
	}
	reset := time.Duration(sl.ResetAfter) * time.Millisecond
	b.gw.mu.Lock()
	b.gw.limitKnown, b.gw.left, b.gw.resetAt, b.gw.refused = true, sl.Remaining, time.Now().Add(reset), false
	b.gw.mu.Unlock()
	b.log.Info("sessiestartlimiet van Discord", "over", sl.Remaining, "totaal", sl.Total, "reset_na", reset.Round(time.Second))
	if sl.Remaining > 0 {
		return nil
	}
	b.log.Warn("de sessiestartlimiet van Discord is op; de bot wacht tot Discord ze terugzet", "wacht", reset.Round(time.Second))
	t := time.NewTimer(reset)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
	}
	b.gw.mu.Lock()
	b.gw.limitKnown = false
	b.gw.mu.Unlock()
	return nil
}
