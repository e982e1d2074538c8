// Package chat is the bot's conversation core, the same behind every door:
// Discord's gateway, Discord's HTTP interactions endpoint and the local
// console. A door decodes what arrived into a Request; the Router answers it
// with a Response (an answer value from package answer, the view that redoes
// its page from a button, and whether only the asker sees it); the door
// renders that response in its own format and sends it. The Router never
// sends anything itself, so it imports no Discord library.
package chat

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/bondgenoot/bondgenoot/content"
	"github.com/bondgenoot/bondgenoot/internal/answer"
	"github.com/bondgenoot/bondgenoot/internal/metrics"
	"github.com/bondgenoot/bondgenoot/internal/stats"
	"github.com/bondgenoot/bondgenoot/internal/text"
)

// Defaults of Config.
const (
	DefaultDeferAfter     = 1500 * time.Millisecond // Discord wants a first answer within 3 s
	defaultCommandLimit   = 5                       // commands and mentions per window per user
	defaultClickLimit     = 10                      // button presses per window per user
	defaultCooldownWindow = 10 * time.Second
	// HandlerTimeout bounds the work on one request.
	HandlerTimeout = 10 * time.Second
)

// MaxInputRunes caps an option value and a console line; a mention may be
// four times as long.
const MaxInputRunes = maxInputRunes

// Apology is the answer after a panic. Doors render it without the code
// that renders answers, which may be what panicked.
const Apology = "Sorry, daar liep iets mis bij het maken van dit antwoord. Probeer het nog eens; ik werk gewoon verder."

// Outcomes of a request, the label of bondgenoot_commands_total.
const (
	OutcomeOK            = "ok"
	OutcomeUserError     = "user_error"
	OutcomeInternalError = "internal_error"
	OutcomeCooldown      = "cooldown"
)

// Kind is what arrived at a door.
type Kind int

// The kinds of request.
const (
	KindCommand      Kind = iota + 1 // a slash command (or a console line)
	KindComponent                    // a button press or a select-menu choice
	KindAutocomplete                 // a keystroke in an option with suggestions
	KindMention                      // a message that mentions the bot
	KindModal                        // a submitted modal (the form of "Meld een fout")
)

// Request is one thing a user asked, in terms of the bot and not of a
// transport. Text values are cleaned by the Router.
type Request struct {
	Kind Kind
	ID   string // the interaction's or message's id, for logs

	Command string // KindCommand, KindAutocomplete: the command's name
	Sub     string // its subcommand, if any
	Args    Args   // option values by name
	Focused string // KindAutocomplete: the option being typed

	CustomID string   // KindComponent, KindModal: the component's or modal's custom_id
	Values   []string // KindComponent: the chosen select values
	// MessageID is the message whose button was pressed (KindComponent),
	// for counting a "Nuttig?" press once per person and message.
	MessageID string
	// Fields are a submitted modal's text inputs by custom_id (KindModal).
	Fields map[string]string

	Text  string // KindMention: the message as typed
	BotID string // KindMention: the bot's user id, to strip its mention

	UserID    string // who asked
	GuildID   string // where: a server, or empty in a DM
	ChannelID string
	Locale    string

	// Console: the request comes from the local console, which answers
	// what needs no server (run handlers, no cooldown).
	Console bool

	// Received is when the door received the request (the metrics count
	// from here); zero: when the Router started on it.
	Received time.Time
	// Later receives the answer when the first response was a deferral
	// (Response.Deferred). nil: the Router waits for the answer instead.
	Later func(*Response)
}

// Choice is one autocomplete suggestion: what is shown and what is sent
// back as the option's value.
type Choice struct {
	Name  string
	Value string
}

// Response is the Router's answer to a Request.
type Response struct {
	// Value is the answer: a value of package answer, one of this
	// package's (Help, Notice, DailyPreview, *DailyStatus, …), an error
	// whose message is meant for the user (answer.IsUserError), or the
	// string Apology after a panic.
	Value any
	// View redoes the answer's page; its buttons derive from it.
	View View
	// Private: only the user who asked sees it (an ephemeral reply).
	Private bool
	// Update: the answer replaces the message whose button was pressed.
	Update bool
	// Deferred: this is a first response that only says the bot is
	// working; the answer follows through Request.Later.
	Deferred bool
	// Choices answers an autocomplete.
	Choices []Choice
	// Silent: send nothing (a user who keeps asking during a cooldown was
	// told once already).
	Silent bool
	// Outcome says how it went (OutcomeOK, …).
	Outcome string

	// Feedback: show the "Nuttig?" buttons under the answer (feedback.go).
	Feedback bool
	// ReportAbout is the card a "Meld een fout" button under the answer is
	// about ("netwerk:duosprong"); empty: no such button.
	ReportAbout string
	// Modal, when set, is the whole first response: a form to fill in.
	Modal *Modal
}

// Handler answers a request. Errors go to the error edge, which turns them
// into a private Dutch reply.
type Handler func(ctx context.Context, req *Request) (*Response, error)

// Middleware wraps a Handler.
type Middleware func(Handler) Handler

// Config configures a Router.
type Config struct {
	// Service answers the questions; it is asked for on every request, so
	// that content can be reloaded while the bot runs.
	Service func() *answer.Service
	// Commands is the command table; nil: DefaultCommands().
	Commands []Command
	// Daily is what /dagelijks needs; nil: /dagelijks says the bot has no
	// store.
	Daily *Daily

	Logger  *slog.Logger     // nil: no logs
	Metrics *metrics.Metrics // nil: none
	Now     func() time.Time // the clock of cooldowns and /dagelijks; nil: time.Now

	// DeferAfter is how long a command may compute before its first
	// response becomes a deferral. Zero: 1.5 s.
	DeferAfter time.Duration
	// CommandLimit commands or mentions per CooldownWindow per user
	// (zero: 5, negative: no limit); button presses may be twice as many.
	CommandLimit   int
	CooldownWindow time.Duration // zero: 10 s

	// Stats counts searches, "Nuttig?" presses and error reports for
	// /rapport (feedback.go); nil: none, and no such buttons.
	Stats *stats.Store
}

// Router answers requests from any door.
type Router struct {
	cfg        Config
	log        *slog.Logger
	cmds       []Command
	handle     Handler // the middleware chain around route
	cmdCool    *cooldown
	clickCool  *cooldown
	deferAfter time.Duration
	catalog    atomic.Pointer[catalog] // derived from the current corpus
	catalogMu  sync.Mutex
	background pending // stats writes in flight (feedback.go)
}

// New returns a Router.
func New(cfg Config) (*Router, error) {
	if cfg.Service == nil {
		return nil, errors.New("chat: no service")
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.DeferAfter <= 0 {
		cfg.DeferAfter = DefaultDeferAfter
	}
	if cfg.CommandLimit == 0 {
		cfg.CommandLimit = defaultCommandLimit
	}
	if cfg.CooldownWindow <= 0 {
		cfg.CooldownWindow = defaultCooldownWindow
	}
	clickLimit := defaultClickLimit
	if cfg.CommandLimit < 0 {
		clickLimit = -1
	} else if cfg.CommandLimit*2 > clickLimit {
		clickLimit = cfg.CommandLimit * 2
	}
	if cfg.Commands == nil {
		cfg.Commands = DefaultCommands()
	}
	r := &Router{
		cfg:        cfg,
		log:        cfg.Logger,
		cmds:       cfg.Commands,
		cmdCool:    newCooldown(cfg.CommandLimit, cfg.CooldownWindow, cfg.Now),
		clickCool:  newCooldown(clickLimit, cfg.CooldownWindow, cfg.Now),
		deferAfter: cfg.DeferAfter,
	}
	r.handle = chain(r.route, r.metricsMiddleware, r.errorEdge, r.recoverMiddleware, r.cooldownMiddleware)
	return r, nil
}

// chain wraps h in middleware; the first wraps all the others.
func chain(h Handler, mw ...Middleware) Handler {
	for i := len(mw) - 1; i >= 0; i-- {
		h = mw[i](h)
	}
	return h
}

// Commands returns the router's command table.
func (r *Router) Commands() []Command { return r.cmds }

// Service returns the current service.
func (r *Router) Service() *answer.Service { return r.cfg.Service() }

func (r *Router) now() time.Time { return r.cfg.Now() }

// Handle answers req. It never panics. The first response is returned:
// the answer itself, or — for a command, button or menu whose work takes
// longer than DeferAfter and a request with Later set — a deferral, after
// which the answer is handed to req.Later.
func (r *Router) Handle(ctx context.Context, req *Request) *Response {
	if req == nil {
		return &Response{Value: staleButton(), Private: true, Outcome: OutcomeUserError}
	}
	if req.Received.IsZero() {
		req.Received = time.Now()
	}
	if req.Kind == KindAutocomplete || req.Kind == KindMention || req.Later == nil {
		ctx, cancel := context.WithTimeout(ctx, HandlerTimeout)
		defer cancel()
		return r.run(ctx, req)
	}
	// The deferral decision: wait DeferAfter for the answer, else say the
	// bot is working and hand the answer over when it comes.
	done := make(chan *Response, 1)
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), HandlerTimeout)
	go func() {
		defer cancel()
		done <- r.run(ctx, req)
	}()
	timer := time.NewTimer(r.deferAfter)
	defer timer.Stop()
	select {
	case resp := <-done:
		return resp
	case <-timer.C:
	}
	r.log.Info("antwoord uitgesteld", "after", r.deferAfter)
	later := req.Later
	go func() {
		var resp *Response
		select {
		case resp = <-done:
		case <-time.After(HandlerTimeout + time.Second):
			// The work ignores its context; answer anyway and let it finish.
			r.log.Error("antwoord te traag", "after", HandlerTimeout)
			resp = &Response{Value: &answer.UserError{Message: answer.UserMessage(context.DeadlineExceeded)}, Private: true, Outcome: OutcomeInternalError}
		}
		later(resp)
	}()
	return &Response{Deferred: true, Update: req.Kind == KindComponent && !OpensPrivately(req.CustomID) && !OpensNewMessage(req.CustomID)}
}

// run runs the middleware chain; a panic that escapes it (in the metrics or
// the error edge) still becomes an apology.
func (r *Router) run(ctx context.Context, req *Request) (resp *Response) {
	defer func() {
		if p := recover(); p != nil {
			r.cfg.Metrics.Panic()
			r.log.Error("paniek in handler", "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
			resp = &Response{Value: Apology, Private: true, Outcome: OutcomeInternalError}
		}
	}()
	resp, _ = r.handle(ctx, req)
	if resp == nil {
		resp = &Response{Value: Apology, Private: true, Outcome: OutcomeInternalError}
	}
	return resp
}

// panicError is a recovered panic on its way to the error edge.
type panicError struct{ value any }

func (e *panicError) Error() string { return fmt.Sprintf("panic: %v", e.value) }

// recoverMiddleware turns a panic into an error that the error edge answers
// with an apology.
func (r *Router) recoverMiddleware(next Handler) Handler {
	return func(ctx context.Context, req *Request) (resp *Response, err error) {
		defer func() {
			if p := recover(); p != nil {
				r.cfg.Metrics.Panic()
				r.reqLog(req).Error("paniek in handler", "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
				resp, err = nil, &panicError{p}
			}
		}()
		return next(ctx, req)
	}
}

// cooldownMiddleware answers a user who asks too much with a friendly
// request to wait (once in a row for mentions, to keep channels calm).
func (r *Router) cooldownMiddleware(next Handler) Handler {
	return func(ctx context.Context, req *Request) (*Response, error) {
		var c *cooldown
		switch {
		case req.Console:
			return next(ctx, req)
		}
		switch req.Kind {
		case KindCommand, KindMention:
			c = r.cmdCool
		case KindComponent, KindModal:
			c = r.clickCool
		default:
			return next(ctx, req)
		}
		ok, wait, first := c.allow(req.UserID)
		if ok {
			return next(ctx, req)
		}
		r.reqLog(req).Info("cooldown", "wait", wait)
		r.cfg.Metrics.RateLimited("cooldown")
		msg := &answer.UserError{Message: CooldownMessage(c.limit, r.cfg.CooldownWindow, wait)}
		return &Response{Value: msg, Private: true, Silent: req.Kind == KindMention && !first, Outcome: OutcomeCooldown}, nil
	}
}

// errorEdge is the one place where errors become replies: an error meant
// for the user shows its Dutch message (the renderer adds buttons for the
// names it suggests, in the context of the view); any other error is logged
// with its context and answered with a general message, never its text.
func (r *Router) errorEdge(next Handler) Handler {
	return func(ctx context.Context, req *Request) (*Response, error) {
		resp, err := next(ctx, req)
		if err == nil {
			if resp.Outcome == "" {
				resp.Outcome = OutcomeOK
			}
			return resp, nil
		}
		var vw View
		if resp != nil {
			vw = resp.View
		}
		log := r.reqLog(req)
		var pe *panicError
		switch {
		case errors.As(err, &pe):
			return &Response{Value: Apology, Private: true, Outcome: OutcomeInternalError}, nil
		case answer.IsUserError(err):
			log.Debug("foute invoer", "message", answer.UserMessage(err))
			return &Response{Value: err, View: vw, Private: true, Outcome: OutcomeUserError}, nil
		}
		log.Error("interne fout", "error", err, "view", vw.Kind)
		return &Response{Value: &answer.UserError{Message: answer.UserMessage(err)}, View: vw, Private: true, Outcome: OutcomeInternalError}, nil
	}
}

// metricsMiddleware counts every request with its outcome and latency.
func (r *Router) metricsMiddleware(next Handler) Handler {
	return func(ctx context.Context, req *Request) (*Response, error) {
		resp, err := next(ctx, req)
		m := r.cfg.Metrics
		if m == nil || resp == nil {
			return resp, err
		}
		switch req.Kind {
		case KindAutocomplete:
			m.Autocomplete()
		case KindCommand, KindComponent, KindModal:
			m.Command(r.metricName(req), resp.Outcome, time.Since(req.Received))
		}
		return resp, err
	}
}

// metricName names what a request asked for, from a fixed set: the
// command's name, "button:" and the kind of page for a button or select,
// "unknown" for anything else.
func (r *Router) metricName(req *Request) string {
	switch req.Kind {
	case KindCommand:
		if lookupCommand(r.cmds, req.Command) != nil {
			return req.Command
		}
	case KindComponent:
		if vw, err := ViewFromComponent(req.CustomID, req.Values); err == nil && vw.Kind != "" {
			return "button:" + vw.Kind
		}
		return "button"
	case KindModal:
		return "modal:fout"
	}
	return "unknown"
}

// reqLog is the logger for one request, with what identifies it.
func (r *Router) reqLog(req *Request) *slog.Logger {
	args := []any{}
	if req.ID != "" {
		args = append(args, "id", req.ID)
	}
	if req.UserID != "" {
		args = append(args, "user", req.UserID)
	}
	switch req.Kind {
	case KindCommand, KindAutocomplete:
		args = append(args, "command", req.Command)
		if req.Sub != "" {
			args = append(args, "sub", req.Sub)
		}
	case KindComponent, KindModal:
		args = append(args, "custom_id", req.CustomID)
	case KindMention:
		args = append(args, "kind", "mention")
	}
	return r.log.With(args...)
}

// route dispatches a request to its handler.
func (r *Router) route(ctx context.Context, req *Request) (*Response, error) {
	switch req.Kind {
	case KindCommand:
		return r.command(ctx, req)
	case KindComponent:
		return r.component(ctx, req)
	case KindAutocomplete:
		return r.autocomplete(req), nil
	case KindMention:
		return r.mention(ctx, req)
	case KindModal:
		return r.modal(ctx, req)
	}
	return nil, fmt.Errorf("request kind %d", req.Kind)
}

func (r *Router) command(ctx context.Context, req *Request) (*Response, error) {
	cmd := lookupCommand(r.cmds, req.Command)
	if cmd == nil {
		return nil, &answer.UserError{Message: "Die opdracht ken ik niet (meer). Typ /help voor de lijst."}
	}
	in := Invocation{Sub: req.Sub, Args: cleanArgs(req.Args), GuildID: req.GuildID, ChannelID: req.ChannelID, UserID: req.UserID, console: req.Console}
	v, vw, private, err := r.invoke(ctx, cmd, in)
	if err != nil {
		return &Response{View: vw}, err
	}
	if cmd.name == "zoek" {
		r.countSearch(v)
	}
	return r.withFeedback(&Response{Value: v, View: vw, Private: private}), nil
}

func (r *Router) component(ctx context.Context, req *Request) (*Response, error) {
	vw, err := ViewFromComponent(req.CustomID, req.Values)
	if err != nil {
		r.log.Info("onleesbare knop", "custom_id", req.CustomID, "error", err)
		return nil, staleButton()
	}
	if resp, ok, err := r.feedbackComponent(ctx, req, vw); ok {
		return resp, err
	}
	// A button that opens privately (the daily post's) answers with a new
	// message only the presser sees instead of changing the message.
	priv := OpensPrivately(req.CustomID)
	v, vw, err := redo(ctx, r.Service(), vw)
	if err != nil {
		return &Response{View: vw}, err
	}
	return r.withFeedback(&Response{Value: v, View: vw, Private: priv, Update: !priv && !OpensNewMessage(req.CustomID)}), nil
}

func (r *Router) autocomplete(req *Request) *Response {
	c := r.catalogFor(r.Service().Corpus)
	typed := text.Clean(req.Args[req.Focused], maxInputRunes)
	return &Response{Choices: c.choices(req.Command, req.Focused, typed)}
}

func (r *Router) mention(ctx context.Context, req *Request) (*Response, error) {
	s := r.Service()
	q := r.catalogFor(s.Corpus).parseMention(req.BotID, text.Clean(req.Text, maxInputRunes*4))
	v, vw, err := mentionAnswer(ctx, s, q)
	if err != nil {
		return &Response{View: vw}, err
	}
	if vw.Kind == "zoek" {
		r.countSearch(v)
	}
	return r.withFeedback(&Response{Value: v, View: vw}), nil
}

// cleanArgs returns the option values cleaned of control and invisible
// characters and cut to MaxInputRunes.
func cleanArgs(a Args) Args {
	out := make(Args, len(a))
	for k, v := range a {
		out[k] = text.Clean(v, maxInputRunes)
	}
	return out
}

// catalogFor returns what the Router derives from corpus c (suggestion
// lists, the mention matcher), computed once per corpus.
func (r *Router) catalogFor(c *content.Corpus) *catalog {
	if cat := r.catalog.Load(); cat != nil && cat.corpus == c {
		return cat
	}
	r.catalogMu.Lock()
	defer r.catalogMu.Unlock()
	if cat := r.catalog.Load(); cat != nil && cat.corpus == c {
		return cat
	}
	cat := newCatalog(c)
	r.catalog.Store(cat)
	return cat
}

// Warm computes what the Router derives from the current corpus, so that
// the first request does not wait for it.
func (r *Router) Warm() { r.catalogFor(r.Service().Corpus) }

// HelpLines returns the help as (example, description) pairs from the
// command table, in its order, without /help itself.
func (r *Router) HelpLines() [][2]string {
	var out [][2]string
	for _, c := range r.cmds {
		if c.name != "help" && !c.hidden {
			out = append(out, [2]string{c.example, c.help})
		}
	}
	return out
}

// joinOr is "a, b of c".
func joinOr(names []string) string {
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " of " + names[len(names)-1]
}
