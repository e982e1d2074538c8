package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/bondgenoot/bondgenoot/internal/answer"
	"github.com/bondgenoot/bondgenoot/internal/daily"
	"github.com/bondgenoot/bondgenoot/internal/metrics"
	"github.com/bondgenoot/bondgenoot/internal/text"
)

// Defaults of Config.
const (
	defaultDeferAfter     = 1500 * time.Millisecond // Discord wants a first answer within 3 s
	defaultCommandLimit   = 5                       // commands and mentions per window per user
	defaultClickLimit     = 10                      // button presses per window per user
	defaultCooldownWindow = 10 * time.Second
	defaultReadyTimeout   = 30 * time.Second
	handlerTimeout        = 10 * time.Second // work on one request
	shutdownWait          = 5 * time.Second  // for requests in flight at shutdown
)

// apology is the answer when a handler panicked.
const apology = "Sorry, daar liep iets mis bij het maken van dit antwoord. Probeer het nog eens; ik werk gewoon verder."

// Config configures the Discord bot.
type Config struct {
	Token   string // bot token (DISCORD_TOKEN), with or without "Bot "
	AppID   string // application id (DISCORD_APP_ID); empty: taken from READY
	GuildID string // register the commands on this server only (DISCORD_GUILD_ID)
	APIURL  string // REST base URL (DISCORD_API_URL); empty: Discord

	Logger *slog.Logger     // nil: no logs
	Now    func() time.Time // clock for the cooldown; nil: time.Now

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

// Bot is the Discord bot: slash commands with autocomplete, buttons and
// @mention replies, over the answers of an answer.Service.
type Bot struct {
	cfg     Config
	svc     *answer.Service
	log     *slog.Logger
	session *discordgo.Session
	cmds    []command // the command table (tests add to it)
	daily   dailyState
	metrics *metrics.Metrics
	wd      *watchdog // nil: no watchdog
	pending inflight  // interactions being answered: window, outcome
	rest    restPool  // sessions for interaction responses (ratelimit.go)

	cmdCool, clickCool *cooldown
	deferAfter         time.Duration

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

// New prepares a bot; Run connects it. It points discordgo at cfg.APIURL.
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
	if cfg.DeferAfter <= 0 {
		cfg.DeferAfter = defaultDeferAfter
	}
	if cfg.CommandLimit == 0 {
		cfg.CommandLimit = defaultCommandLimit
	}
	if cfg.CooldownWindow <= 0 {
		cfg.CooldownWindow = defaultCooldownWindow
	}
	if cfg.ReadyTimeout <= 0 {
		cfg.ReadyTimeout = defaultReadyTimeout
	}
	base := slog.New(newRedactor(cfg.Logger.Handler(), token))
	log := base.With("component", "discord")
	if err := useDiscordAPI(cfg.APIURL); err != nil {
		return nil, err
	}
	routeDiscordgoLogs(base.With("component", "discordgo"))

	s, err := discordgo.New("Bot " + token)
	if err != nil {
		return nil, fmt.Errorf("discord-sessie: %w", err)
	}
	s.LogLevel = discordgoLevel(log)
	s.Debug = false // its debug output goes to the standard logger, with the token
	s.StateEnabled = false
	s.Client = &http.Client{Timeout: handlerTimeout}
	s.Identify.Intents = discordgo.IntentsGuilds | discordgo.IntentsGuildMessages | discordgo.IntentsDirectMessages

	clickLimit := defaultClickLimit
	if cfg.CommandLimit < 0 {
		clickLimit = -1
	} else if cfg.CommandLimit*2 > clickLimit {
		clickLimit = cfg.CommandLimit * 2
	}
	b := &Bot{
		cfg:        cfg,
		svc:        svc,
		log:        log,
		session:    s,
		cmds:       append([]command(nil), commands...),
		cmdCool:    newCooldown(cfg.CommandLimit, cfg.CooldownWindow, cfg.Now),
		clickCool:  newCooldown(clickLimit, cfg.CooldownWindow, cfg.Now),
		deferAfter: cfg.DeferAfter,
		ready:      make(chan struct{}),
		appID:      strings.TrimSpace(cfg.AppID),
		ctx:        context.Background(),
		metrics:    cfg.Metrics,
	}
	b.rest.main = s
	if cfg.WatchdogTimeout == 0 {
		cfg.WatchdogTimeout = defaultWatchdogTimeout
	}
	if cfg.WatchdogTimeout > 0 {
		b.wd = newWatchdog(cfg.WatchdogTimeout, time.Now, probeSession(s), base.With("component", "watchdog"))
	}
	if err := b.initDaily(base.With("component", "daily")); err != nil {
		return nil, err
	}
	s.AddHandler(b.onReady)
	s.AddHandler(b.onInteraction)
	s.AddHandler(b.onMessage)
	b.addHealthHandlers(s)
	return b, nil
}

// Run connects to Discord, registers the commands with one bulk overwrite
// (on cfg.GuildID when set, else globally) and answers until ctx is done;
// then it lets requests in flight finish (a few seconds at most) and closes
// the connection. It returns nil after a shutdown through ctx, and a
// *WatchdogError when the gateway connection does not recover within
// WatchdogTimeout (watchdog.go): the process should then exit non-zero.
func (b *Bot) Run(ctx context.Context) error {
	b.mu.Lock()
	b.ctx = context.WithoutCancel(ctx)
	b.mu.Unlock()
	b.log.Info("verbinden met Discord", "api", discordgo.EndpointAPI)
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
			return b.redactErr(fmt.Errorf("verbinden met Discord: %w", err))
		}
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
	case <-timer.C:
		return errors.New("Discord stuurde geen READY")
	}
	// The daily post runs from READY until shutdown; it stops before the
	// connection closes.
	defer b.startDaily(ctx)()
	appID, _ := b.ids()
	if appID == "" {
		return errors.New("geen application-id: zet DISCORD_APP_ID")
	}
	defs := applicationCommands(b.svc.Corpus)
	got, err := b.session.ApplicationCommandBulkOverwrite(appID, b.cfg.GuildID, defs, discordgo.WithContext(ctx))
	if err != nil {
		if ctx.Err() != nil {
			return nil
		}
		return b.redactErr(fmt.Errorf("opdrachten registreren: %w", err))
	}
	scope := "globaal (het kan tot een uur duren voor ze overal verschijnen)"
	if b.cfg.GuildID != "" {
		scope = "op server " + b.cfg.GuildID
	}
	b.log.Info("opdrachten geregistreerd", "count", len(got), "scope", scope)
	select {
	case <-ctx.Done():
	case err := <-stuck:
		return err
	}
	b.log.Info("afsluiten")
	return nil
}

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
	log := b.log.With("interaction", i.ID, "user", userID(i))
	b.pending.open(i.ID, time.Now())
	defer b.finishInteraction(i)
	defer func() {
		if r := recover(); r != nil {
			b.metrics.Panic()
			b.outcome(i, outcomeInternalError)
			log.Error("paniek bij interactie", "panic", fmt.Sprint(r), "stack", string(debug.Stack()))
			if i.Type != discordgo.InteractionApplicationCommandAutocomplete {
				// Best effort: it fails harmlessly when an answer was already sent.
				_ = b.respond(i, discordgo.InteractionResponseChannelMessageWithSource, b.apologyReply())
			}
		}
	}()
	start := time.Now()
	switch i.Type {
	case discordgo.InteractionApplicationCommandAutocomplete:
		b.autocomplete(i, log)
	case discordgo.InteractionApplicationCommand:
		b.command(ctx, i, log)
	case discordgo.InteractionMessageComponent:
		b.component(ctx, i, log)
	default:
		return
	}
	log.Debug("interactie beantwoord", "type", i.Type.String(), "duration", time.Since(start))
}

// commandOptions returns the option values of a command, cleaned, and the
// focused option of an autocomplete.
func commandOptions(data discordgo.ApplicationCommandInteractionData) (a args, focused string) {
	a = args{}
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
			a[o.Name] = text.Clean(v, maxInputRunes)
			if o.Focused {
				focused = o.Name
			}
		}
	}
	walk(data.Options)
	return a, focused
}

func (b *Bot) command(ctx context.Context, i *discordgo.Interaction, log *slog.Logger) {
	data, ok := i.Data.(discordgo.ApplicationCommandInteractionData)
	if !ok {
		return
	}
	log = log.With("command", data.Name)
	if ok, wait, _ := b.cmdCool.allow(userID(i)); !ok {
		log.Info("cooldown", "wait", wait)
		b.outcome(i, outcomeCooldown)
		b.send(i, false, renderError(cooldownMessage(b.cmdCool.limit, b.cfg.CooldownWindow, wait)), log)
		return
	}
	cmd := lookupCommand(b.cmds, data.Name)
	if cmd == nil {
		b.outcome(i, outcomeUserError)
		b.send(i, false, renderError("Die opdracht ken ik niet (meer). Typ /help voor de lijst."), log)
		return
	}
	in := newInvocation(i, data)
	b.answer(ctx, i, false, log, func(ctx context.Context) (any, view, error) {
		return b.invoke(ctx, cmd, in)
	})
}

func (b *Bot) component(ctx context.Context, i *discordgo.Interaction, log *slog.Logger) {
	data, ok := i.Data.(discordgo.MessageComponentInteractionData)
	if !ok {
		return
	}
	log = log.With("custom_id", data.CustomID)
	if ok, wait, _ := b.clickCool.allow(userID(i)); !ok {
		log.Info("cooldown", "wait", wait)
		b.outcome(i, outcomeCooldown)
		b.send(i, true, renderError(cooldownMessage(b.clickCool.limit, b.cfg.CooldownWindow, wait)), log)
		return
	}
	vw, err := viewFromComponent(data.CustomID, data.Values)
	if err != nil {
		log.Info("onleesbare knop", "error", err)
		b.outcome(i, outcomeUserError)
		b.send(i, true, b.errorReply(log, staleButton(), view{}), log)
		return
	}
	// A button that opens privately (the daily post's) answers with a new
	// message only the presser sees instead of changing the message.
	priv := opensPrivately(data.CustomID)
	b.answer(ctx, i, !priv, log, func(ctx context.Context) (any, view, error) {
		v, vw, err := redo(ctx, b.svc, vw)
		if priv && err == nil {
			v = private{v}
		}
		return v, vw, err
	})
}

func (b *Bot) autocomplete(i *discordgo.Interaction, log *slog.Logger) {
	data, ok := i.Data.(discordgo.ApplicationCommandInteractionData)
	if !ok {
		return
	}
	a, focused := commandOptions(data)
	var list []*discordgo.ApplicationCommandOptionChoice
	func() {
		defer func() {
			if r := recover(); r != nil {
				b.metrics.Panic()
				log.Error("paniek bij autocomplete", "command", data.Name, "option", focused, "panic", fmt.Sprint(r), "stack", string(debug.Stack()))
				list = nil
			}
		}()
		list = choices(b.svc.Corpus, data.Name, focused, a[focused])
	}()
	if len(list) > 25 {
		list = list[:25]
	}
	if list == nil {
		list = []*discordgo.ApplicationCommandOptionChoice{}
	}
	// discordgo drops an empty choices list (omitempty); Discord wants [].
	body := struct {
		Type discordgo.InteractionResponseType `json:"type"`
		Data struct {
			Choices []*discordgo.ApplicationCommandOptionChoice `json:"choices"`
		} `json:"data"`
	}{Type: discordgo.InteractionApplicationCommandAutocompleteResult}
	body.Data.Choices = list
	endpoint := discordgo.EndpointInteractionResponse(i.ID, i.Token)
	err := b.discordCall(b.pending.deadline(i.ID), "autocomplete", log, func(opts ...discordgo.RequestOption) error {
		_, err := b.rest.get().RequestWithBucketID(http.MethodPost, endpoint, body, endpoint, opts...)
		return err
	})
	if err != nil {
		log.Warn("autocomplete niet verstuurd", "command", data.Name, "error", err)
	}
}

// answer computes a reply with compute and sends it. When computing takes
// longer than DeferAfter, it first tells Discord to wait (a deferred
// response) and then edits the answer in. update means the interaction is
// a button press whose message the answer replaces.
func (b *Bot) answer(ctx context.Context, i *discordgo.Interaction, update bool, log *slog.Logger, compute func(context.Context) (any, view, error)) {
	ctx, cancel := context.WithTimeout(ctx, handlerTimeout)
	defer cancel()
	done := make(chan *reply, 1)
	go func() {
		rep, outcome := b.produceOutcome(ctx, log, compute)
		b.outcome(i, outcome)
		done <- rep
	}()
	timer := time.NewTimer(b.deferAfter)
	defer timer.Stop()
	select {
	case rep := <-done:
		b.send(i, update, rep, log)
		return
	case <-timer.C:
	}
	typ := discordgo.InteractionResponseDeferredChannelMessageWithSource
	if update {
		typ = discordgo.InteractionResponseDeferredMessageUpdate
	}
	log.Info("antwoord uitgesteld", "after", b.deferAfter)
	if err := b.callback(i, &discordgo.InteractionResponse{Type: typ}, log); err != nil {
		log.Warn("uitstel niet verstuurd", "error", err)
	}
	var rep *reply
	select {
	case rep = <-done:
	case <-time.After(handlerTimeout + time.Second):
		// The work ignores its context; answer anyway and let it finish.
		log.Error("antwoord te traag", "after", handlerTimeout)
		b.outcome(i, outcomeInternalError)
		rep = renderError(answer.UserMessage(ctx.Err()))
	}
	b.sendLate(i, update, rep, log)
}

// produce computes and renders a reply; errors go through the error edge
// and a panic becomes an apology. It never panics.
func (b *Bot) produce(ctx context.Context, log *slog.Logger, compute func(context.Context) (any, view, error)) *reply {
	rep, _ := b.produceOutcome(ctx, log, compute)
	return rep
}

// produceOutcome is produce that also says how it went: outcomeOK,
// outcomeUserError, or outcomeInternalError (an error for no user, or a
// panic).
func (b *Bot) produceOutcome(ctx context.Context, log *slog.Logger, compute func(context.Context) (any, view, error)) (rep *reply, outcome string) {
	defer func() {
		if r := recover(); r != nil {
			b.metrics.Panic()
			log.Error("paniek in handler", "panic", fmt.Sprint(r), "stack", string(debug.Stack()))
			rep, outcome = b.apologyReply(), outcomeInternalError
		}
	}()
	v, vw, err := compute(ctx)
	if err != nil {
		if answer.IsUserError(err) {
			return b.errorReply(log, err, vw), outcomeUserError
		}
		return b.errorReply(log, err, vw), outcomeInternalError
	}
	var out *reply
	if _, ok := v.(helpRequest); ok {
		out = renderHelp()
	} else {
		out = render(v, vw)
	}
	if out == nil {
		return b.errorReply(log, fmt.Errorf("render gaf niets voor %T", v), vw), outcomeInternalError
	}
	return out, outcomeOK
}

// errorReply is the error edge: every error of a handler becomes an
// ephemeral Dutch reply here. Errors meant for users are shown with their
// message (and buttons for the names they suggest, in the context of vw);
// other errors are logged with their context and answered with a general
// message, never with their text.
func (b *Bot) errorReply(log *slog.Logger, err error, vw view) *reply {
	if answer.IsUserError(err) {
		log.Debug("foute invoer", "message", answer.UserMessage(err))
		if r := render(err, vw); r != nil {
			r.Ephemeral = true
			return r
		}
	} else {
		log.Error("interne fout", "error", err, "view", vw.Kind)
	}
	return renderError(answer.UserMessage(err))
}

// apologyReply is the answer after a panic; it is built without render
// code, which may be what panicked.
func (b *Bot) apologyReply() *reply {
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

// respond sends the first response to an interaction, within Discord's
// window (see discordCall).
func (b *Bot) respond(i *discordgo.Interaction, typ discordgo.InteractionResponseType, rep *reply) error {
	return b.callback(i, &discordgo.InteractionResponse{Type: typ, Data: responseData(rep)}, b.log.With("interaction", i.ID))
}

// send answers an interaction at once. A button press updates its message,
// except with an ephemeral reply (an error), which comes as a new message
// only the user sees.
func (b *Bot) send(i *discordgo.Interaction, update bool, rep *reply, log *slog.Logger) {
	typ := discordgo.InteractionResponseChannelMessageWithSource
	if update && !rep.Ephemeral {
		typ = discordgo.InteractionResponseUpdateMessage
	}
	if err := b.respond(i, typ, rep); err != nil {
		log.Warn("antwoord niet verstuurd", "error", err)
	}
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
				AllowedMentions: d.AllowedMentions, Flags: d.Flags,
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
		}, opts...)
		return err
	})
	if err != nil {
		log.Warn("antwoord niet bijgewerkt", "error", err)
	}
}

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
	var rep *reply
	if ok, wait, first := b.cmdCool.allow(m.Author.ID); !ok {
		log.Info("cooldown", "wait", wait)
		b.metrics.RateLimited("cooldown")
		if !first {
			return // told once already; do not flood the channel
		}
		rep = renderError(cooldownMessage(b.cmdCool.limit, b.cfg.CooldownWindow, wait))
	} else {
		ctx, cancel := context.WithTimeout(ctx, handlerTimeout)
		defer cancel()
		rep = b.produce(ctx, log, func(ctx context.Context) (any, view, error) {
			q := parseMention(b.svc.Corpus, botID, text.Clean(m.Content, maxInputRunes*4))
			return mentionAnswer(ctx, b.svc, q)
		})
	}
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
	err := b.discordCall(lateDeadline(), "mention reply", log, func(opts ...discordgo.RequestOption) error {
		_, err := b.session.ChannelMessageSendComplex(m.ChannelID, &discordgo.MessageSend{
			Content:         d.Content,
			Embeds:          d.Embeds,
			Components:      d.Components,
			AllowedMentions: d.AllowedMentions,
			Reference:       &discordgo.MessageReference{MessageID: m.ID, ChannelID: m.ChannelID, GuildID: m.GuildID, FailIfNotExists: &fail},
		}, opts...)
		return err
	})
	if err != nil {
		log.Warn("antwoord op vermelding niet verstuurd", "error", err)
	}
	return err
}
