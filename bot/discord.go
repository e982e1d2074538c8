package bot

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"

	"github.com/bondgenoot/bondgenoot/content"
	"github.com/bondgenoot/bondgenoot/internal/answer"
	"github.com/bondgenoot/bondgenoot/internal/chat"
	"github.com/bondgenoot/bondgenoot/internal/daily"
	"github.com/bondgenoot/bondgenoot/internal/metrics"
	"github.com/bondgenoot/bondgenoot/internal/stats"
)

// Defaults of Config.
const (
	defaultReadyTimeout = 30 * time.Second
	handlerTimeout      = chat.HandlerTimeout // work on one request
	shutdownWait        = 5 * time.Second     // for requests in flight at shutdown
)

// apology is the answer when a handler panicked.
const apology = chat.Apology

// Config configures the Discord bot.
type Config struct {
	Token   string // bot token (DISCORD_TOKEN), with or without "Bot "
	AppID   string // application id (DISCORD_APP_ID); empty: taken from READY
	GuildID string // register the commands on this server only (DISCORD_GUILD_ID)
	APIURL  string // REST base URL (DISCORD_API_URL); empty: Discord

	// PublicKey is the application's public key, hex (DISCORD_PUBLIC_KEY),
	// and HTTPAddr the address of the HTTP interactions endpoint
	// (HTTP_ADDR): with both, the bot serves POST /interactions.
	PublicKey string
	HTTPAddr  string
	// NoGateway: no gateway connection at all (GATEWAY=uit); only the HTTP
	// door answers, and mentions are not available.
	NoGateway bool

	Logger *slog.Logger     // nil: no logs
	Now    func() time.Time // clock for the cooldown and the daily post; nil: time.Now

	// Router answers the requests; nil: one is made from svc and the
	// fields below.
	Router *chat.Router
	// Service, when set, is asked for the content on every request
	// instead of New's svc, so that content can be reloaded (SIGHUP).
	Service func() *answer.Service
	// Stats counts searches, "Nuttig?" presses and error reports for
	// /rapport; nil: none, and no such buttons. The caller opens it in
	// Store's file.
	Stats *stats.Store
	// Commands is the command table of that router; nil: the default.
	Commands []chat.Command
	// DeferAfter is how long the bot computes before it tells Discord it
	// needs more time (and then edits its answer in). Zero: 1.5 s.
	DeferAfter time.Duration
	// CommandLimit commands or mentions per CooldownWindow per user
	// (zero: 5, negative: no limit); button presses may be twice as many.
	CommandLimit   int
	CooldownWindow time.Duration // zero: 10 s
	// ReadyTimeout bounds the wait for READY after connecting. Zero: 30 s.
	ReadyTimeout time.Duration

	// The daily post (see daily.go). Store holds the settings of every
	// server; nil: no daily post, and /dagelijks says so. The caller opens
	// and closes it.
	Store          *daily.Store
	DailyChannelID string // DAILY_CHANNEL_ID: post here without /dagelijks (one server)
	DailyTime      string // DAILY_TIME for DailyChannelID, "HH:MM"; empty: 09:00
	DailyZone      string // DAILY_ZONE, an IANA zone; empty: Europe/Brussels
	// Sleep waits for the scheduler (d, or until ctx is done); tests
	// inject one that moves their clock. nil: a real timer. The
	// scheduler's clock is Now.
	Sleep func(ctx context.Context, d time.Duration) error

	// Metrics receives counts and latencies (HEALTH_ADDR's /metrics); nil:
	// none.
	Metrics *metrics.Metrics
	// WatchdogTimeout is how long the gateway connection may stay down,
	// stuck or silent before Run returns a *WatchdogError
	// (WATCHDOG_TIMEOUT). Zero: 3 minutes; negative: no watchdog.
	WatchdogTimeout time.Duration
}

// Bot is the Discord adapter of the conversation core: it decodes what
// Discord sends — over the gateway, or as signed HTTP requests — into
// chat requests, renders the router's responses as Discord messages, and
// sends them.
type Bot struct {
	cfg     Config
	svc     *answer.Service
	router  *chat.Router
	log     *slog.Logger
	session *discordgo.Session
	api     *apiTransport
	daily   dailyState
	metrics *metrics.Metrics
	wd      *watchdog // nil: no watchdog
	rest    restPool  // sessions for interaction responses (ratelimit.go)
	http    *httpDoor // nil: no HTTP interactions endpoint
	gw      gatewayState

	readyOnce sync.Once
	ready     chan struct{}

	mu      sync.Mutex
	appID   string
	botID   string
	ctx     context.Context // parent of every request's context
	closing bool
	active  sync.WaitGroup
	closed  bool
}

// New prepares a bot; Run connects it. Its REST requests go to cfg.APIURL.
func New(cfg Config, svc *answer.Service) (*Bot, error) {
	token := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(cfg.Token), "Bot "))
	if token == "" {
		return nil, errors.New("geen DISCORD_TOKEN")
	}
	if svc == nil || svc.Corpus == nil {
		return nil, errors.New("bot: geen inhoud")
	}
	cfg.Token = token
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.ReadyTimeout <= 0 {
		cfg.ReadyTimeout = defaultReadyTimeout
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	base := slog.New(newRedactor(cfg.Logger.Handler(), token))
	log := base.With("component", "discord")
	api, err := newAPITransport(cfg.APIURL, nil)
	if err != nil {
		return nil, err
	}
	routeDiscordgoLogs(base.With("component", "discordgo"))

	s, err := discordgo.New("Bot " + token)
	if err != nil {
		return nil, fmt.Errorf("discord-sessie: %w", err)
	}
	// At least warnings: a close of the gateway is only told in them
	// (noteGatewayClose); the logger drops what LOG_LEVEL does not want.
	s.LogLevel = max(discordgoLevel(log), discordgo.LogWarning)
	s.Debug = false // its debug output goes to the standard logger, with the token
	s.StateEnabled = false
	s.Client = &http.Client{Timeout: handlerTimeout, Transport: api}
	s.Identify.Intents = discordgo.IntentsGuilds | discordgo.IntentsGuildMessages | discordgo.IntentsDirectMessages

	b := &Bot{
		cfg:     cfg,
		svc:     svc,
		log:     log,
		session: s,
		api:     api,
		ready:   make(chan struct{}),
		appID:   strings.TrimSpace(cfg.AppID),
		ctx:     context.Background(),
		metrics: cfg.Metrics,
	}
	b.rest.main = s
	b.gw.fatalCh = make(chan struct{})
	s.Dialer = b.gatewayDialer() // refuses after a fatal close, and past the session start limit
	if err := b.initDaily(base.With("component", "daily")); err != nil {
		return nil, err
	}
	b.router = cfg.Router
	if b.router == nil {
		service := cfg.Service
		if service == nil {
			service = func() *answer.Service { return svc }
		}
		b.router, err = chat.New(chat.Config{
			Service:        service,
			Stats:          cfg.Stats,
			Commands:       cfg.Commands,
			Daily:          b.daily.shared,
			Logger:         base.With("component", "chat"),
			Metrics:        cfg.Metrics,
			Now:            cfg.Now,
			DeferAfter:     cfg.DeferAfter,
			CommandLimit:   cfg.CommandLimit,
			CooldownWindow: cfg.CooldownWindow,
		})
		if err != nil {
			return nil, err
		}
	}
	b.router.Warm()
	if cfg.PublicKey != "" || cfg.HTTPAddr != "" {
		if cfg.PublicKey == "" || cfg.HTTPAddr == "" {
			return nil, errors.New("de HTTP-interacties vragen DISCORD_PUBLIC_KEY én HTTP_ADDR")
		}
		key, err := hex.DecodeString(strings.TrimSpace(cfg.PublicKey))
		if err != nil || len(key) != publicKeySize {
			return nil, errors.New("DISCORD_PUBLIC_KEY is geen publieke sleutel: 64 hexadecimale tekens, uit het Developer Portal (General Information → Public Key)")
		}
		if b.appID == "" {
			return nil, errors.New("de HTTP-interacties vragen DISCORD_APP_ID")
		}
		b.http = &httpDoor{bot: b, key: key, log: base.With("component", "http")}
	}
	if cfg.NoGateway && b.http == nil {
		return nil, errors.New("GATEWAY=uit vraagt DISCORD_PUBLIC_KEY en HTTP_ADDR: zonder gateway komen interacties alleen over HTTP")
	}
	if cfg.WatchdogTimeout == 0 {
		cfg.WatchdogTimeout = defaultWatchdogTimeout
	}
	if cfg.WatchdogTimeout > 0 && !cfg.NoGateway {
		b.wd = newWatchdog(cfg.WatchdogTimeout, time.Now, probeSession(s), base.With("component", "watchdog"))
	}
	s.AddHandler(b.onReady)
	s.AddHandler(b.onInteraction)
	s.AddHandler(b.onMessage)
	s.AddHandler(b.onGuildDelete)
	b.addHealthHandlers(s)
	return b, nil
}

// Router returns the conversation core the bot answers with.
func (b *Bot) Router() *chat.Router { return b.router }

// Run connects to Discord — the gateway, the HTTP interactions endpoint or
// both — registers the commands with one bulk overwrite (on cfg.GuildID
// when set, else globally) and answers until ctx is done; then it lets
// requests in flight finish (a few seconds at most) and closes the
// connections. It returns nil after a shutdown through ctx, and a
// *WatchdogError when the gateway connection does not recover within
// WatchdogTimeout (watchdog.go): the process should then exit non-zero.
func (b *Bot) Run(ctx context.Context) error {
	b.mu.Lock()
	b.ctx = context.WithoutCancel(ctx)
	b.mu.Unlock()
	b.log.Info("verbinden met Discord", "api", b.api.APIURL())
	if b.http != nil {
		stop, err := b.http.start()
		if err != nil {
			return err
		}
		defer stop()
	}
	if b.cfg.NoGateway {
		return b.runWithoutGateway(ctx)
	}
	// A close with a code after which reconnecting cannot help (4004,
	// 4010–4014) ends Run with a *GatewayError (gateway.go).
	registerGateway(b, true)
	defer registerGateway(b, false)
	fatal := b.gw.fatalCh
	// Discord allows a number of IDENTIFYs a day: none left, wait.
	if err := b.checkStartLimit(ctx); err != nil {
		if ctx.Err() != nil {
			return nil
		}
		return b.redactErr(fmt.Errorf("verbinden met Discord: %w", err))
	}
	// The watchdog ends Run with a *WatchdogError when the gateway stays
	// down, stuck or silent too long, from here on.
	stuck, stopWatchdog := b.startWatchdog(ctx)
	defer stopWatchdog()
	// Open does not watch ctx; wait for it or for a shutdown.
	opened := make(chan error, 1)
	go func() { opened <- b.session.Open() }()
	select {
	case err := <-opened:
		if err != nil {
			var ce *websocket.CloseError
			if errors.As(err, &ce) {
				b.gatewayClosed(ce)
			}
			if gerr := b.fatalGateway(); gerr != nil {
				return gerr
			}
			return b.redactErr(fmt.Errorf("verbinden met Discord: %w", err))
		}
	case <-fatal:
		go func() {
			if <-opened == nil {
				_ = b.session.Close()
			}
		}()
		return b.fatalGateway()
	case err := <-stuck:
		go func() {
			if <-opened == nil {
				_ = b.session.Close()
			}
		}()
		return err
	case <-ctx.Done():
		go func() {
			if <-opened == nil {
				_ = b.session.Close()
			}
		}()
		return nil
	}
	defer b.Close()

	timer := time.NewTimer(b.cfg.ReadyTimeout)
	defer timer.Stop()
	select {
	case <-b.ready:
	case <-ctx.Done():
		return nil
	case err := <-stuck:
		return err
	case <-fatal:
		return b.fatalGateway()
	case <-timer.C:
		return errors.New("Discord stuurde geen READY")
	}
	// The daily post runs from READY until shutdown; it stops before the
	// connection closes.
	defer b.startDaily(ctx)()
	if err := b.register(ctx); err != nil {
		if ctx.Err() != nil {
			return nil
		}
		return err
	}
	select {
	case <-ctx.Done():
	case err := <-stuck:
		return err
	case <-fatal:
		return b.fatalGateway()
	}
	b.log.Info("afsluiten")
	return nil
}

// runWithoutGateway is Run with GATEWAY=uit: the HTTP door answers, the
// commands are registered over REST and the daily post runs, without a
// gateway connection (so without mentions).
func (b *Bot) runWithoutGateway(ctx context.Context) error {
	b.log.Warn("GATEWAY=uit: geen verbinding met de Discord-gateway, dus geen antwoorden op vermeldingen (@bondgenoot); opdrachten, knoppen en de dagelijkse post werken via HTTP")
	defer b.Close()
	defer b.startDaily(ctx)()
	if err := b.register(ctx); err != nil {
		if ctx.Err() != nil {
			return nil
		}
		return err
	}
	<-ctx.Done()
	b.log.Info("afsluiten")
	return nil
}

// register replaces the application's commands with the router's table,
// in one bulk overwrite.
func (b *Bot) register(ctx context.Context) error {
	appID, _ := b.ids()
	if appID == "" {
		return errors.New("geen application-id: zet DISCORD_APP_ID")
	}
	defs := applicationCommands(b.router.Specs(b.corpus()))
	got, err := b.session.ApplicationCommandBulkOverwrite(appID, b.cfg.GuildID, defs, discordgo.WithContext(ctx))
	if err != nil {
		return b.redactErr(fmt.Errorf("opdrachten registreren: %w", err))
	}
	scope := "globaal (het kan tot een uur duren voor ze overal verschijnen)"
	if b.cfg.GuildID != "" {
		scope = "op server " + b.cfg.GuildID
	}
	b.log.Info("opdrachten geregistreerd", "count", len(got), "scope", scope)
	return nil
}

// corpus is the corpus the router answers from now.
func (b *Bot) corpus() *content.Corpus { return b.router.Service().Corpus }

// Close waits briefly for requests in flight and closes the connection. It
// is safe to call more than once.
func (b *Bot) Close() error {
	b.mu.Lock()
	if b.closed {
		b.mu.Unlock()
		return nil
	}
	b.closing, b.closed = true, true
	b.mu.Unlock()
	done := make(chan struct{})
	go func() { b.active.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(shutdownWait):
		b.log.Warn("afsluiten zonder te wachten op lopende antwoorden")
	}
	b.router.Wait() // counts on their way to the store
	if b.cfg.NoGateway {
		return nil
	}
	return b.closeSession()
}

// begin registers a request in flight; it returns false while closing.
func (b *Bot) begin() (context.Context, bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closing {
		return nil, false
	}
	b.active.Add(1)
	return b.ctx, true
}

func (b *Bot) end() { b.active.Done() }

func (b *Bot) ids() (appID, botID string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.appID, b.botID
}

// redactErr returns err, or an error with the same text without the token.
func (b *Bot) redactErr(err error) error {
	if err == nil || len(b.cfg.Token) < minSecretLen || !strings.Contains(err.Error(), b.cfg.Token) {
		return err
	}
	return errors.New(strings.ReplaceAll(err.Error(), b.cfg.Token, redacted))
}

func (b *Bot) onReady(_ *discordgo.Session, r *discordgo.Ready) {
	defer b.recoverEvent("READY")
	b.mu.Lock()
	if r.User != nil {
		b.botID = r.User.ID
	}
	if b.appID == "" && r.Application != nil {
		b.appID = r.Application.ID
	}
	appID := b.appID
	b.mu.Unlock()
	name := ""
	if r.User != nil {
		name = r.User.Username
	}
	b.log.Info("verbonden", "user", name, "application", appID, "guilds", len(r.Guilds))
	b.readyOnce.Do(func() { close(b.ready) })
}

// recoverEvent is deferred by every event handler: discordgo runs handlers
// in goroutines without recover, so a panic would end the process.
func (b *Bot) recoverEvent(event string) {
	if r := recover(); r != nil {
		b.metrics.Panic()
		b.log.Error("paniek in handler", "event", event, "panic", fmt.Sprint(r), "stack", string(debug.Stack()))
	}
}

// onInteraction is the gateway door: it answers an interaction and sends
// the first response as the interaction's callback.
func (b *Bot) onInteraction(_ *discordgo.Session, ic *discordgo.InteractionCreate) {
	ctx, ok := b.begin()
	if !ok {
		return
	}
	defer b.end()
	i := ic.Interaction
	if i == nil {
		return
	}
	received := time.Now()
	log := b.log.With("interaction", i.ID, "user", userID(i))
	body := b.interaction(ctx, i, received, log)
	if body == nil {
		return
	}
	deadline := received.Add(interactionWindow)
	endpoint := discordgo.EndpointInteractionResponse(i.ID, i.Token)
	// With files (a map), the callback is multipart: the JSON as
	// payload_json and each file as a part.
	contentType, data, err := callbackBody(body)
	if err != nil {
		log.Error("antwoord niet op te maken", "error", err)
		return
	}
	err = b.discordCall(deadline, "interaction callback", log, func(opts ...discordgo.RequestOption) error {
		_, err := b.rest.get().RequestRaw(http.MethodPost, endpoint, contentType, data, endpoint, 0, opts...)
		return err
	})
	if err != nil {
		log.Warn("antwoord niet verstuurd", "error", err)
	}
}

// interaction answers interaction i, from either door, and returns the body
// of its first response (nil: none). A deferred answer is edited in later
// over REST. It never panics.
func (b *Bot) interaction(ctx context.Context, i *discordgo.Interaction, received time.Time, log *slog.Logger) (body any) {
	defer func() {
		if r := recover(); r != nil {
			b.metrics.Panic()
			log.Error("paniek bij interactie", "panic", fmt.Sprint(r), "stack", string(debug.Stack()))
			if i.Type == discordgo.InteractionApplicationCommandAutocomplete {
				body = autocompleteBody(nil)
				return
			}
			body = &discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource, Data: responseData(apologyReply())}
		}
	}()
	req := decodeInteraction(i)
	if req == nil {
		return nil
	}
	req.Received, req.ID = received, i.ID
	start := time.Now()
	if req.Kind != chat.KindAutocomplete {
		// A deferred button press or menu choice edits the message it is
		// on (unless it opens privately); whatever the answer, that
		// message must never be deleted.
		update := req.Kind == chat.KindComponent && !chat.OpensPrivately(req.CustomID)
		req.Later = func(resp *chat.Response) {
			b.active.Add(1)
			defer b.active.Done()
			b.sendLate(i, update, b.renderResponse(resp, log), log)
		}
	}
	resp := b.router.Handle(ctx, req)
	defer func() { log.Debug("interactie beantwoord", "type", i.Type.String(), "duration", time.Since(start)) }()
	switch {
	case req.Kind == chat.KindAutocomplete:
		return autocompleteBody(resp.Choices)
	case resp.Modal != nil:
		return modalBody(resp.Modal)
	case resp.Deferred:
		log.Info("antwoord uitgesteld")
		typ := discordgo.InteractionResponseDeferredChannelMessageWithSource
		if resp.Update {
			typ = discordgo.InteractionResponseDeferredMessageUpdate
		}
		return &discordgo.InteractionResponse{Type: typ}
	}
	rep := b.renderResponse(resp, log)
	typ := discordgo.InteractionResponseChannelMessageWithSource
	if resp.Update && !rep.Ephemeral {
		typ = discordgo.InteractionResponseUpdateMessage
	}
	return &discordgo.InteractionResponse{Type: typ, Data: responseData(rep)}
}

// callbackBody encodes the body of an interaction callback: JSON, or
// multipart/form-data when the response has files.
func callbackBody(body any) (contentType string, data []byte, err error) {
	if ir, ok := body.(*discordgo.InteractionResponse); ok && ir.Data != nil && len(ir.Data.Files) > 0 {
		return discordgo.MultipartBodyWithJSON(ir, ir.Data.Files)
	}
	data, err = json.Marshal(body)
	return "application/json", data, err
}

// autocompleteBody is the response to an autocomplete: discordgo drops an
// empty choices list (omitempty), and Discord wants [].
func autocompleteBody(list []chat.Choice) any {
	type choice struct {
		Name  string `json:"name"`
		Value string `json:"value"`
	}
	body := struct {
		Type discordgo.InteractionResponseType `json:"type"`
		Data struct {
			Choices []choice `json:"choices"`
		} `json:"data"`
	}{Type: discordgo.InteractionApplicationCommandAutocompleteResult}
	body.Data.Choices = make([]choice, 0, len(list))
	for _, c := range list {
		if len(body.Data.Choices) == maxChoices {
			break
		}
		body.Data.Choices = append(body.Data.Choices, choice{c.Name, c.Value})
	}
	return body
}

// maxChoices is Discord's limit on autocomplete choices.
const maxChoices = 25

// userID is the id of the user who caused an interaction.
func userID(i *discordgo.Interaction) string {
	switch {
	case i.Member != nil && i.Member.User != nil:
		return i.Member.User.ID
	case i.User != nil:
		return i.User.ID
	}
	return ""
}

// decodeInteraction turns an interaction into a request for the router;
// nil for a kind the bot does not answer.
func decodeInteraction(i *discordgo.Interaction) *chat.Request {
	req := &chat.Request{UserID: userID(i), GuildID: i.GuildID, ChannelID: i.ChannelID, Locale: string(i.Locale)}
	switch i.Type {
	case discordgo.InteractionApplicationCommand, discordgo.InteractionApplicationCommandAutocomplete:
		data, ok := i.Data.(discordgo.ApplicationCommandInteractionData)
		if !ok {
			return nil
		}
		req.Kind = chat.KindCommand
		if i.Type == discordgo.InteractionApplicationCommandAutocomplete {
			req.Kind = chat.KindAutocomplete
		}
		req.Command = data.Name
		req.Args, req.Focused = commandOptions(data)
		for _, o := range data.Options {
			if o != nil && (o.Type == discordgo.ApplicationCommandOptionSubCommand || o.Type == discordgo.ApplicationCommandOptionSubCommandGroup) {
				req.Sub = o.Name
				delete(req.Args, o.Name) // a subcommand without options reads as an empty option
				break
			}
		}
	case discordgo.InteractionMessageComponent:
		data, ok := i.Data.(discordgo.MessageComponentInteractionData)
		if !ok {
			return nil
		}
		req.Kind = chat.KindComponent
		req.CustomID, req.Values = data.CustomID, data.Values
		if i.Message != nil {
			req.MessageID = i.Message.ID
		}
	case discordgo.InteractionModalSubmit:
		data, ok := i.Data.(discordgo.ModalSubmitInteractionData)
		if !ok {
			return nil
		}
		req.Kind = chat.KindModal
		req.CustomID, req.Fields = data.CustomID, modalFields(data)
	default:
		return nil
	}
	return req
}

// commandOptions returns the option values of a command and the focused
// option of an autocomplete.
func commandOptions(data discordgo.ApplicationCommandInteractionData) (a chat.Args, focused string) {
	a = chat.Args{}
	var walk func(opts []*discordgo.ApplicationCommandInteractionDataOption)
	walk = func(opts []*discordgo.ApplicationCommandInteractionDataOption) {
		for _, o := range opts {
			if o == nil {
				continue
			}
			if len(o.Options) > 0 {
				walk(o.Options)
				continue
			}
			v := ""
			if o.Value != nil {
				v = fmt.Sprint(o.Value)
			}
			a[o.Name] = v
			if o.Focused {
				focused = o.Name
			}
		}
	}
	walk(data.Options)
	return a, focused
}

// renderResponse renders the router's response as a Discord message. An
// error value shows its Dutch message (with buttons for the names it
// suggests); after a panic, the apology is built without render code,
// which may be what panicked.
func (b *Bot) renderResponse(resp *chat.Response, log *slog.Logger) (rep *reply) {
	if s, ok := resp.Value.(string); ok && s == chat.Apology {
		return apologyReply()
	}
	defer func() {
		if r := recover(); r != nil {
			b.metrics.Panic()
			log.Error("paniek bij het opmaken van een antwoord", "panic", fmt.Sprint(r), "stack", string(debug.Stack()))
			rep = apologyReply()
		}
	}()
	switch v := resp.Value.(type) {
	case chat.Help:
		rep = renderHelp(b.router.Specs(nil), b.corpus())
	case error:
		rep = renderErrorValue(v, resp.View)
	default:
		rep = render(v, resp.View)
		addFeedback(rep, resp)
	}
	if rep == nil {
		log.Error("render gaf niets", "type", fmt.Sprintf("%T", resp.Value))
		rep = renderError("")
	}
	if resp.Private {
		rep.Ephemeral = true
	}
	return rep
}

// apologyReply is the answer after a panic.
func apologyReply() *reply {
	return &reply{Content: apology, Ephemeral: true}
}

// noPing allows no mentions at all: an empty parse list, never null.
func noPing() *discordgo.MessageAllowedMentions {
	return &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}}
}

// responseData turns a reply into Discord's message data, with empty lists
// instead of null so that an update clears old buttons.
func responseData(rep *reply) *discordgo.InteractionResponseData {
	d := &discordgo.InteractionResponseData{
		Content:         rep.Content,
		Embeds:          rep.Embeds,
		Components:      rep.Components,
		AllowedMentions: noPing(),
		Files:           rep.files(),
	}
	if d.Embeds == nil {
		d.Embeds = []*discordgo.MessageEmbed{}
	}
	if d.Components == nil {
		d.Components = []discordgo.MessageComponent{}
	}
	if rep.Ephemeral {
		d.Flags = discordgo.MessageFlagsEphemeral
	}
	return d
}

// sendLate answers an interaction that was deferred: it edits the original
// message, or, for an ephemeral reply, sends it as a follow-up only the user
// sees (after removing the "thinking" message of a command).
func (b *Bot) sendLate(i *discordgo.Interaction, update bool, rep *reply, log *slog.Logger) {
	d := responseData(rep)
	deadline := lateDeadline()
	if rep.Ephemeral {
		if !update {
			err := b.discordCall(deadline, "delete deferred response", log, func(opts ...discordgo.RequestOption) error {
				return b.rest.get().InteractionResponseDelete(i, opts...)
			})
			if err != nil {
				log.Warn("uitgesteld antwoord niet verwijderd", "error", err)
			}
		}
		err := b.discordCall(deadline, "follow-up", log, func(opts ...discordgo.RequestOption) error {
			_, err := b.rest.get().FollowupMessageCreate(i, true, &discordgo.WebhookParams{
				Content: d.Content, Embeds: d.Embeds, Components: d.Components,
				AllowedMentions: d.AllowedMentions, Flags: d.Flags, Files: rep.files(),
			}, opts...)
			return err
		})
		if err != nil {
			log.Warn("vervolgbericht niet verstuurd", "error", err)
		}
		return
	}
	err := b.discordCall(deadline, "webhook edit", log, func(opts ...discordgo.RequestOption) error {
		_, err := b.rest.get().InteractionResponseEdit(i, &discordgo.WebhookEdit{
			Content: &d.Content, Embeds: &d.Embeds, Components: &d.Components, AllowedMentions: d.AllowedMentions,
			Files: rep.files(),
		}, opts...)
		return err
	})
	if err != nil {
		log.Warn("antwoord niet bijgewerkt", "error", err)
	}
}

// onMessage answers a message that mentions the bot.
func (b *Bot) onMessage(_ *discordgo.Session, mc *discordgo.MessageCreate) {
	ctx, ok := b.begin()
	if !ok {
		return
	}
	defer b.end()
	defer b.recoverEvent("MESSAGE_CREATE")
	m := mc.Message
	_, botID := b.ids()
	if m == nil || m.Author == nil || m.Author.Bot || botID == "" || m.Author.ID == botID || !mentions(m, botID) {
		return
	}
	log := b.log.With("message", m.ID, "channel", m.ChannelID, "user", m.Author.ID)
	start := time.Now()
	resp := b.router.Handle(ctx, &chat.Request{
		Kind: chat.KindMention, ID: m.ID, Text: m.Content, BotID: botID,
		UserID: m.Author.ID, GuildID: m.GuildID, ChannelID: m.ChannelID, Received: start,
	})
	if resp.Silent {
		return // told once already; do not flood the channel
	}
	rep := b.renderResponse(resp, log)
	if b.replyTo(m, rep, log) == nil {
		b.metrics.Mention(time.Since(start))
	}
	log.Debug("vermelding beantwoord", "duration", time.Since(start))
}

// mentions reports whether m mentions the user botID.
func mentions(m *discordgo.Message, botID string) bool {
	for _, u := range m.Mentions {
		if u != nil && u.ID == botID {
			return true
		}
	}
	return strings.Contains(m.Content, "<@"+botID+">") || strings.Contains(m.Content, "<@!"+botID+">")
}

// replyTo answers message m with a reply that refers to it and pings no
// one (see discordCall for rate limits).
func (b *Bot) replyTo(m *discordgo.Message, rep *reply, log *slog.Logger) error {
	d := responseData(rep)
	fail := false
	// A nonce with enforce_nonce: a retry of a reply that did arrive
	// (after a 5xx or a network error) is not posted twice.
	msg := mentionMessage{
		Content:         d.Content,
		Embeds:          d.Embeds,
		Components:      d.Components,
		AllowedMentions: d.AllowedMentions,
		Reference:       &discordgo.MessageReference{MessageID: m.ID, ChannelID: m.ChannelID, GuildID: m.GuildID, FailIfNotExists: &fail},
		Nonce:           messageNonce("vermelding/" + m.ID),
		EnforceNonce:    true,
	}
	endpoint := discordgo.EndpointChannelMessages(m.ChannelID)
	err := b.discordCall(lateDeadline(), "mention reply", log, func(opts ...discordgo.RequestOption) error {
		if files := rep.files(); len(files) > 0 { // a map: multipart, fresh readers every try
			ct, body, err := discordgo.MultipartBodyWithJSON(msg, files)
			if err != nil {
				return err
			}
			_, err = b.session.RequestRaw(http.MethodPost, endpoint, ct, body, endpoint, 0, opts...)
			return err
		}
		_, err := b.session.RequestWithBucketID(http.MethodPost, endpoint, msg, endpoint, opts...)
		return err
	})
	if err != nil {
		log.Warn("antwoord op vermelding niet verstuurd", "error", err)
	}
	return err
}

// mentionMessage is the body of a reply to a mention. discordgo's
// MessageSend has no nonce or enforce_nonce, hence our own.
type mentionMessage struct {
	Content         string                            `json:"content,omitempty"`
	Embeds          []*discordgo.MessageEmbed         `json:"embeds,omitempty"`
	Components      []discordgo.MessageComponent      `json:"components,omitempty"`
	AllowedMentions *discordgo.MessageAllowedMentions `json:"allowed_mentions"`
	Reference       *discordgo.MessageReference       `json:"message_reference"`
	Nonce           string                            `json:"nonce"`
	EnforceNonce    bool                              `json:"enforce_nonce"`
}

// messageNonce is a nonce for key: at most 25 characters, the same for the
// same key.
func messageNonce(key string) string {
	sum := sha256.Sum256([]byte("bondgenoot/" + key))
	return hex.EncodeToString(sum[:])[:25]
}

// listen opens a TCP listener on addr.
func listen(addr string) (net.Listener, error) {
	return net.Listen("tcp", addr)
}
