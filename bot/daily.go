package bot

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/bondgenoot/bondgenoot/content"
	"github.com/bondgenoot/bondgenoot/internal/chat"
	"github.com/bondgenoot/bondgenoot/internal/daily"
)

// This file is the Discord side of the daily post: the bot as a
// daily.Poster, the scheduler's lifetime, and the post's rendering. The
// /dagelijks command is in dailycmd.go; what is posted and when is decided
// in package daily.

// dailyPostTimeout bounds one attempt to post; the scheduler retries.
const dailyPostTimeout = 10 * time.Second

// Discord's JSON error codes that mean the bot cannot post in a channel.
const (
	codeUnknownChannel     = 10003
	codeMissingAccess      = 50001
	codeMissingPermissions = 50013
)

// dailyState is what the bot keeps for the daily post.
type dailyState struct {
	shared *chat.Daily // the store, the environment's post, the zone; shared with /dagelijks
	store  *daily.Store
	env    *daily.Settings
	sleep  func(ctx context.Context, d time.Duration) error
	log    *slog.Logger
}

// initDaily checks the daily-post settings of the configuration. Bad
// values are errors that name the variable.
func (b *Bot) initDaily(log *slog.Logger) error {
	cfg := b.cfg
	d, warnings, err := chat.NewDaily(cfg.Store, chat.DailyConfig{ChannelID: cfg.DailyChannelID, Time: cfg.DailyTime, Zone: cfg.DailyZone, GuildID: cfg.GuildID})
	if err != nil {
		return err
	}
	for _, w := range warnings {
		log.Warn(w)
	}
	b.daily = dailyState{shared: d, store: cfg.Store, env: d.Env, sleep: cfg.Sleep, log: log}
	if b.daily.sleep == nil {
		b.daily.sleep = daily.SleepContext
	}
	return nil
}

// now is the bot's clock.
func (b *Bot) now() time.Time { return b.cfg.Now() }

// startDaily starts the scheduler of the daily post, when there is a
// store, and returns the function that stops it and waits (briefly) until
// it has.
func (b *Bot) startDaily(ctx context.Context) (stop func()) {
	if b.daily.store == nil {
		return func() {}
	}
	ctx, cancel := context.WithCancel(ctx)
	log := b.daily.log
	s := &daily.Scheduler{
		Store:  b.daily.store,
		Corpus: b.corpus(),
		Poster: b,
		Logger: log,
		Now:    b.now,
		Sleep:  b.daily.sleep,
		Env:    b.daily.env,
		// Metrics: bondgenoot_daily_posts_sent_total and _failed_total.
		Observe: b.metrics.DailyPost,
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		for ctx.Err() == nil {
			if !b.runScheduler(ctx, s) {
				return
			}
			// It panicked (and said so in the log): start again after a pause.
			if s.Sleep(ctx, time.Minute) != nil {
				return
			}
		}
	}()
	args := []any{"store", b.daily.store.Path()}
	if env := b.daily.env; env != nil {
		args = append(args, "env_channel", env.ChannelID, "env_time", env.Time, "env_server", env.Server)
	}
	log.Info("dagelijkse post gestart", args...)
	return func() {
		cancel()
		select {
		case <-done:
		case <-time.After(shutdownWait):
			log.Warn("afsluiten zonder te wachten op de dagelijkse post")
		}
	}
}

// runScheduler runs s until ctx is done; it reports false then, and true
// after a panic (which it logs).
func (b *Bot) runScheduler(ctx context.Context, s *daily.Scheduler) (panicked bool) {
	defer func() {
		if r := recover(); r != nil {
			b.daily.log.Error("paniek in de dagelijkse post", "panic", fmt.Sprint(r), "stack", string(debug.Stack()))
			panicked = true
		}
	}()
	_ = s.Run(ctx)
	return false
}

// dailyMessage is the body of the request that creates the daily post.
// discordgo's MessageSend has no nonce or enforce_nonce, hence our own.
type dailyMessage struct {
	Embeds          []*discordgo.MessageEmbed         `json:"embeds"`
	Components      []discordgo.MessageComponent      `json:"components"`
	AllowedMentions *discordgo.MessageAllowedMentions `json:"allowed_mentions"`
	Nonce           string                            `json:"nonce"`
	EnforceNonce    bool                              `json:"enforce_nonce"`
}

// PostDaily posts p in a channel; it makes the bot a daily.Poster. The
// message carries a nonce derived from key with enforce_nonce, so that
// Discord turns a repeat of the same post within a few minutes (after a
// crash between sending and recording it) into the message it already made.
// A channel that is unknown or closed to the bot is daily.ErrChannelGone; a
// rate limit is a *daily.RetryAfterError. discordgo neither waits for rate
// limits nor retries here: the scheduler decides. Each attempt has a rate
// limit bucket of its own in discordgo: after a 429 with a long
// retry_after, discordgo would otherwise sleep that long before the next
// request to the channel, past any context, and hold up the scheduler.
func (b *Bot) PostDaily(ctx context.Context, channelID string, p daily.Post, key string) error {
	if !chat.IsSnowflake(channelID) {
		return fmt.Errorf("kanaal-id %q: %w", channelID, daily.ErrChannelGone)
	}
	rep := renderDailyPost(p)
	addActions(rep, renderOptions{GuideURL: b.cfg.GuideURL, PageOffset: b.cfg.GuidePageOffset})
	d := responseData(finish(rep))
	msg := dailyMessage{
		Embeds:          d.Embeds,
		Components:      d.Components,
		AllowedMentions: noPing(),
		Nonce:           dailyNonce(key),
		EnforceNonce:    true,
	}
	ctx, cancel := context.WithTimeout(ctx, dailyPostTimeout)
	defer cancel()
	endpoint := discordgo.EndpointChannelMessages(channelID)
	bucket := endpoint + "#" + strconv.FormatInt(time.Now().UnixNano(), 36)
	_, err := b.session.RequestWithBucketID(http.MethodPost, endpoint, msg, bucket,
		discordgo.WithContext(ctx), discordgo.WithRetryOnRatelimit(false), discordgo.WithRestRetries(0))
	if mapped, ok := dailyError(err); ok {
		return mapped // carries no text from the request
	}
	return b.redactErr(err)
}

// dailyNonce is the nonce of the post with key: at most 25 characters, the
// same for the same key.
func dailyNonce(key string) string {
	sum := sha256.Sum256([]byte("bondgenoot/dagelijks/" + key))
	return hex.EncodeToString(sum[:])[:25]
}

// dailyError maps an error of the request that posts to what the scheduler
// understands: daily.ErrChannelGone or a *daily.RetryAfterError (ok true);
// other errors stay as they are (ok false) and are retried.
func dailyError(err error) (mapped error, ok bool) {
	if err == nil {
		return nil, false
	}
	var rl *discordgo.RateLimitError
	if errors.As(err, &rl) {
		after := time.Duration(0)
		if rl.RateLimit != nil && rl.TooManyRequests != nil {
			after = rl.RetryAfter
		}
		return &daily.RetryAfterError{After: after}, true
	}
	var re *discordgo.RESTError
	if errors.As(err, &re) && re.Response != nil {
		status, code := re.Response.StatusCode, 0
		if re.Message != nil {
			code = re.Message.Code
		}
		switch {
		case code == codeUnknownChannel || code == codeMissingAccess || code == codeMissingPermissions,
			status == http.StatusNotFound || status == http.StatusForbidden:
			return fmt.Errorf("HTTP %d, code %d: %w", status, code, daily.ErrChannelGone), true
		case status == http.StatusTooManyRequests:
			return &daily.RetryAfterError{After: retryAfterHeader(re.Response.Header)}, true
		}
	}
	return err, false
}

// retryAfterHeader reads a Retry-After header in seconds; zero when absent.
func retryAfterHeader(h http.Header) time.Duration {
	var secs float64
	if _, err := fmt.Sscanf(h.Get("Retry-After"), "%g", &secs); err != nil || secs <= 0 || secs > 3600 {
		return 0
	}
	return time.Duration(secs * float64(time.Second))
}

// dailyButtonLabel is the label of the daily post's button.
const dailyButtonLabel = "Lees de hele succesfactor"

// renderDailyPost renders the daily post: the factor's core idea, one
// example from a network, the quote when there is one, and the guide's
// page, with a button that opens the whole factor for whoever presses it.
func renderDailyPost(p daily.Post) *reply {
	more := fmt.Sprintf("(lees verder in de gids, p. %d)", p.Page)
	e := newEmbed()
	e.Title = cutMD("Succesfactor van de dag: "+md(p.Title), maxTitle)
	e.Description = mdCut(p.Idea, factorTextRunes, more)
	var quotes []content.Quote
	if p.Quote != nil {
		quotes = []content.Quote{*p.Quote}
	}
	if ex := p.Example; ex != nil && strings.TrimSpace(ex.Text) != "" {
		// The quote is shown once, below, with whose it is.
		value := mdCut(withoutQuotes(ex.Text, quotes), exampleRunes, more)
		if ex.NetworkID != "" {
			value += "\nMeer over dit netwerk: `" + networkCommand(ex.NetworkName) + "`"
		}
		name := "Voorbeeld"
		if strings.TrimSpace(ex.NetworkName) != "" {
			name = "Voorbeeld uit " + md(ex.NetworkName)
		}
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: cutMD(name, maxFieldName), Value: cutMD(value, maxFieldValue)})
	}
	if q := p.Quote; q != nil && strings.TrimSpace(q.Text) != "" {
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: "Citaat", Value: quoteBody(*q, []string{p.QuoteSource}, 0)})
	}
	e.Footer = &discordgo.MessageEmbedFooter{Text: sourceFooter(p.Page)}
	r := &reply{Embeds: []*discordgo.MessageEmbed{e}, GuidePage: p.Page}
	if p.FactorID != "" {
		r.Components = []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{
			discordgo.Button{
				Label: dailyButtonLabel, Style: discordgo.PrimaryButton,
				CustomID: chat.EncodeViewAs(chat.RolePrivate, chat.View{Kind: "factor", Arg: p.FactorID}),
			},
		}}}
	}
	return r
}
