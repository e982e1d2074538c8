package chat

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/bondgenoot/bondgenoot/internal/answer"
	"github.com/bondgenoot/bondgenoot/internal/daily"
)

// The handlers of /dagelijks (aan, uit, status, voorbeeld). The command is
// for server managers only (default_member_permissions in the table) and
// every reply is ephemeral. Settings are stored per server (the guild id)
// in the daily.Store; a server without stored settings may still have the
// environment's (DAILY_CHANNEL_ID, when DISCORD_GUILD_ID names it), and a
// command that changes anything stores the server's own settings, which win
// from then on.

// notice is a short confirmation in Dutch, shown as text.
type Notice string

// dailyPreview is /dagelijks voorbeeld: today's post and a word about it.
type DailyPreview struct {
	Post    daily.Post
	Enabled bool
}

// dailyStatusAnswer is /dagelijks status.
type DailyStatus struct {
	Set    daily.Settings
	Source string // "store", "env" or "" when nothing is set
	Now    time.Time
	// Elsewhere is DAILY_CHANNEL_ID's post when DISCORD_GUILD_ID does not
	// say which server it belongs to.
	Elsewhere *daily.Settings
}

// Where the settings of a server come from.
const (
	FromStore = "store"
	FromEnv   = "env"
)

// EnvServer is the server key of DAILY_CHANNEL_ID when DISCORD_GUILD_ID is
// not set.
const EnvServer = "env"

// Daily is what /dagelijks and the scheduler share: the store, the post set
// through the environment, and the zone of new settings.
type Daily struct {
	Store *daily.Store
	Env   *daily.Settings // from DAILY_CHANNEL_ID and DAILY_TIME; nil: none
	Zone  string          // zone of new settings; empty: Europe/Brussels
}

func (d *Daily) zone() string {
	if d.Zone == "" {
		return daily.DefaultZone
	}
	return d.Zone
}

// DailyConfig is the daily post's part of the configuration, as read from
// the environment.
type DailyConfig struct {
	ChannelID string // DAILY_CHANNEL_ID
	Time      string // DAILY_TIME, HH:MM
	Zone      string // DAILY_ZONE
	GuildID   string // DISCORD_GUILD_ID: the server DAILY_CHANNEL_ID belongs to
}

// NewDaily checks the daily post's configuration and returns what
// /dagelijks and the scheduler need. Bad values are errors that name the
// variable; warnings are for the log.
func NewDaily(store *daily.Store, cfg DailyConfig) (d *Daily, warnings []string, err error) {
	d = &Daily{Store: store, Zone: strings.TrimSpace(cfg.Zone)}
	if d.Zone == "" {
		d.Zone = daily.DefaultZone
	}
	if _, err := daily.Location(daily.Settings{Zone: d.Zone}); err != nil {
		return nil, nil, fmt.Errorf("DAILY_ZONE %q is geen bekende tijdzone; gebruik een naam zoals Europe/Brussels", d.Zone)
	}
	clock := strings.TrimSpace(cfg.Time)
	if clock == "" {
		clock = daily.DefaultTime
	}
	h, m, err := daily.ParseClock(clock)
	if err != nil {
		return nil, nil, fmt.Errorf("DAILY_TIME: %v", err)
	}
	if ch := strings.TrimSpace(cfg.ChannelID); ch != "" {
		if !IsSnowflake(ch) {
			return nil, nil, fmt.Errorf("DAILY_CHANNEL_ID %q is geen kanaal-id: dat is een getal (rechtsklik op het kanaal, 'Kanaal-ID kopiëren', met de ontwikkelaarsmodus aan)", ch)
		}
		if store == nil {
			return nil, nil, errors.New("DAILY_CHANNEL_ID vraagt een opslag voor de dagelijkse post")
		}
		server := strings.TrimSpace(cfg.GuildID)
		if server == "" {
			server = EnvServer
			warnings = append(warnings, "DAILY_CHANNEL_ID zonder DISCORD_GUILD_ID: /dagelijks kan die post niet overnemen of tonen")
		}
		d.Env = &daily.Settings{Server: server, ChannelID: ch, Time: fmt.Sprintf("%02d:%02d", h, m), Zone: d.Zone, Enabled: true}
	} else if strings.TrimSpace(cfg.Time) != "" {
		warnings = append(warnings, "DAILY_TIME zonder DAILY_CHANNEL_ID doet niets")
	}
	return d, warnings, nil
}

// IsSnowflake reports whether s looks like a Discord id: up to 20 digits.
func IsSnowflake(s string) bool {
	if len(s) < 1 || len(s) > 20 {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

func noDailyStore() error {
	return &answer.UserError{Message: "De dagelijkse post is op deze bot niet beschikbaar: hij heeft geen opslag. Vraag het aan wie de bot beheert."}
}

// dailySettings returns the settings that apply to a server and where they
// come from: its stored settings, else the environment's when they are for
// this server.
func (b *Router) dailySettings(guildID string) (daily.Settings, string, error) {
	set, ok, err := b.cfg.Daily.Store.Get(guildID)
	if err != nil {
		return daily.Settings{}, "", err
	}
	if ok {
		return set, FromStore, nil
	}
	if env := b.cfg.Daily.Env; env != nil && env.Server == guildID {
		return *env, FromEnv, nil
	}
	return daily.Settings{Server: guildID}, "", nil
}

// dailyOn is /dagelijks aan kanaal:#kanaal [tijd:09:00].
func (b *Router) dailyOn(_ context.Context, in Invocation) (any, View, error) {
	if b.cfg.Daily == nil || b.cfg.Daily.Store == nil {
		return nil, View{}, noDailyStore()
	}
	ch := strings.TrimSpace(in.Args["kanaal"])
	if !IsSnowflake(ch) {
		return nil, View{}, &answer.UserError{Message: "Kies het tekstkanaal voor de post, bijvoorbeeld: /dagelijks aan kanaal:#algemeen tijd:09:00"}
	}
	cur, source, err := b.dailySettings(in.GuildID)
	if err != nil {
		return nil, View{}, err
	}
	clock := strings.TrimSpace(in.Args["tijd"])
	if clock == "" {
		clock = daily.DefaultTime
		if source != "" && cur.Time != "" {
			clock = cur.Time // keep the hour set before
		}
	}
	h, m, err := daily.ParseClock(clock)
	if err != nil {
		return nil, View{}, &answer.UserError{Message: UpperFirst(err.Error()) + ". Er is niets veranderd."}
	}
	clock = fmt.Sprintf("%02d:%02d", h, m)
	var saved daily.Settings
	err = b.cfg.Daily.Store.Update(in.GuildID, func(st *daily.Settings) error {
		st.Enabled, st.ChannelID, st.Time, st.Zone = true, ch, clock, b.cfg.Daily.zone()
		st.LastError, st.LastErrorAt, st.Failures = "", time.Time{}, 0
		st.Source = daily.SourceCommand
		saved = *st
		return nil
	})
	if err != nil {
		return nil, View{}, err
	}
	b.log.Info("dagelijkse post aangezet", "server", in.GuildID, "channel", ch, "time", clock, "zone", b.cfg.Daily.zone())
	now := b.now()
	msg := fmt.Sprintf("Klaar: ik post elke dag om %s (%s) een succesfactor in <#%s>.", clock, saved.Zone, ch)
	if next, err := daily.Next(saved, now); err == nil {
		loc, _ := daily.Location(saved)
		if !next.After(now) {
			msg += fmt.Sprintf(" Het is al later dan %s en vandaag is er nog niets gepost, dus de post van vandaag komt binnen een minuut.", clock)
		} else {
			msg += " De volgende post komt " + WhenDutch(next, now, loc) + "."
		}
	}
	msg += " Bekijk hem vooraf met /dagelijks voorbeeld. Zorg dat ik in dat kanaal berichten mag versturen en links mag insluiten."
	return Notice(msg), View{}, nil
}

// dailyOff is /dagelijks uit.
func (b *Router) dailyOff(_ context.Context, in Invocation) (any, View, error) {
	if b.cfg.Daily == nil || b.cfg.Daily.Store == nil {
		return nil, View{}, noDailyStore()
	}
	cur, source, err := b.dailySettings(in.GuildID)
	if err != nil {
		return nil, View{}, err
	}
	if source == "" || !cur.Enabled {
		return Notice("De dagelijkse post stond al uit. Zet hem aan met /dagelijks aan."), View{}, nil
	}
	err = b.cfg.Daily.Store.Update(in.GuildID, func(st *daily.Settings) error {
		if st.ChannelID == "" || st.Source != daily.SourceCommand { // the environment's settings become the server's own
			st.ChannelID, st.Time, st.Zone = cur.ChannelID, cur.Time, cur.Zone
		}
		st.Enabled = false
		st.Source = daily.SourceCommand
		return nil
	})
	if err != nil {
		return nil, View{}, err
	}
	b.log.Info("dagelijkse post uitgezet", "server", in.GuildID)
	return Notice("De dagelijkse post staat uit. Zet hem weer aan met /dagelijks aan."), View{}, nil
}

// dailyStatus is /dagelijks status.
func (b *Router) dailyStatus(_ context.Context, in Invocation) (any, View, error) {
	if b.cfg.Daily == nil || b.cfg.Daily.Store == nil {
		return nil, View{}, noDailyStore()
	}
	set, source, err := b.dailySettings(in.GuildID)
	if err != nil {
		return nil, View{}, err
	}
	a := &DailyStatus{Set: set, Source: source, Now: b.now()}
	if env := b.cfg.Daily.Env; env != nil && env.Server == EnvServer {
		a.Elsewhere = env
	}
	return a, View{}, nil
}

// dailyPreview is /dagelijks voorbeeld: today's post for this server,
// exactly as the scheduler would post it today.
func (b *Router) DailyPreview(_ context.Context, in Invocation) (any, View, error) {
	if b.cfg.Daily == nil || b.cfg.Daily.Store == nil {
		return nil, View{}, noDailyStore()
	}
	set, source, err := b.dailySettings(in.GuildID)
	if err != nil {
		return nil, View{}, err
	}
	if source == "" {
		set.Zone = b.cfg.Daily.zone()
	}
	loc, err := daily.Location(set)
	if err != nil {
		return nil, View{}, err
	}
	p := daily.PostFor(b.Service().Corpus, set.Server, b.now().In(loc))
	return DailyPreview{Post: p, Enabled: source != "" && set.Enabled && set.ChannelID != ""}, View{}, nil
}

// consoleDailyPreview is /dagelijks voorbeeld in the console: today's post
// as `bondgenoot dagelijks` shows it (no server).
func consoleDailyPreview(_ context.Context, s *answer.Service, _ Args) (any, View, error) {
	loc, err := daily.Location(daily.Settings{})
	if err != nil {
		return nil, View{}, err
	}
	return daily.PostFor(s.Corpus, "", time.Now().In(loc)), View{}, nil
}

// whenDutch says when t is, seen from now: "vandaag om 09:00", "morgen om
// 09:00" or "dinsdag 1 december 2026 om 09:00".
func WhenDutch(t, now time.Time, loc *time.Location) string {
	t, now = t.In(loc), now.In(loc)
	clock := t.Format("15:04")
	ty, tm, td := t.Date()
	ny, nm, nd := now.Date()
	days := int(time.Date(ty, tm, td, 0, 0, 0, 0, time.UTC).Sub(time.Date(ny, nm, nd, 0, 0, 0, 0, time.UTC)).Hours() / 24)
	switch days {
	case 0:
		return "vandaag om " + clock
	case 1:
		return "morgen om " + clock
	}
	return DateDutch(t) + " om " + clock
}

// dateDutch is "dinsdag 1 december 2026".
func DateDutch(t time.Time) string {
	weekdays := [...]string{"zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"}
	months := [...]string{"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"}
	return fmt.Sprintf("%s %d %s %d", weekdays[t.Weekday()], t.Day(), months[t.Month()-1], t.Year())
}

// dateTimeDutch is "dinsdag 1 december 2026 om 09:00".
func DateTimeDutch(t time.Time) string {
	return DateDutch(t) + " om " + t.Format("15:04")
}

// upperFirst capitalises the first letter of a message.
func UpperFirst(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	return strings.ToUpper(string(r[0])) + string(r[1:])
}
