package bot

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

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
type notice string

// dailyPreview is /dagelijks voorbeeld: today's post and a word about it.
type dailyPreview struct {
	post    daily.Post
	enabled bool
}

// dailyStatusAnswer is /dagelijks status.
type dailyStatusAnswer struct {
	set    daily.Settings
	source string // "store", "env" or "" when nothing is set
	now    time.Time
	// elsewhere is DAILY_CHANNEL_ID's post when DISCORD_GUILD_ID does not
	// say which server it belongs to.
	elsewhere *daily.Settings
}

// Where the settings of a server come from.
const (
	fromStore = "store"
	fromEnv   = "env"
)

func noDailyStore() error {
	return &answer.UserError{Message: "De dagelijkse post is op deze bot niet beschikbaar: hij heeft geen opslag. Vraag het aan wie de bot beheert."}
}

// dailySettings returns the settings that apply to a server and where they
// come from: its stored settings, else the environment's when they are for
// this server.
func (b *Bot) dailySettings(guildID string) (daily.Settings, string, error) {
	set, ok, err := b.daily.store.Get(guildID)
	if err != nil {
		return daily.Settings{}, "", err
	}
	if ok {
		return set, fromStore, nil
	}
	if env := b.daily.env; env != nil && env.Server == guildID {
		return *env, fromEnv, nil
	}
	return daily.Settings{Server: guildID}, "", nil
}

// dailyOn is /dagelijks aan kanaal:#kanaal [tijd:09:00].
func (b *Bot) dailyOn(_ context.Context, in invocation) (any, view, error) {
	if b.daily.store == nil {
		return nil, view{}, noDailyStore()
	}
	ch := strings.TrimSpace(in.args["kanaal"])
	if !isSnowflake(ch) {
		return nil, view{}, &answer.UserError{Message: "Kies het tekstkanaal voor de post, bijvoorbeeld: /dagelijks aan kanaal:#algemeen tijd:09:00"}
	}
	cur, source, err := b.dailySettings(in.guildID)
	if err != nil {
		return nil, view{}, err
	}
	clock := strings.TrimSpace(in.args["tijd"])
	if clock == "" {
		clock = daily.DefaultTime
		if source != "" && cur.Time != "" {
			clock = cur.Time // keep the hour set before
		}
	}
	h, m, err := daily.ParseClock(clock)
	if err != nil {
		return nil, view{}, &answer.UserError{Message: upperFirst(err.Error()) + ". Er is niets veranderd."}
	}
	clock = fmt.Sprintf("%02d:%02d", h, m)
	var saved daily.Settings
	err = b.daily.store.Update(in.guildID, func(st *daily.Settings) error {
		st.Enabled, st.ChannelID, st.Time, st.Zone = true, ch, clock, b.daily.zone
		st.LastError, st.LastErrorAt, st.Failures = "", time.Time{}, 0
		st.Source = daily.SourceCommand
		saved = *st
		return nil
	})
	if err != nil {
		return nil, view{}, err
	}
	b.daily.log.Info("dagelijkse post aangezet", "server", in.guildID, "channel", ch, "time", clock, "zone", b.daily.zone)
	now := b.now()
	msg := fmt.Sprintf("Klaar: ik post elke dag om %s (%s) een succesfactor in <#%s>.", clock, saved.Zone, ch)
	if next, err := daily.Next(saved, now); err == nil {
		loc, _ := daily.Location(saved)
		if !next.After(now) {
			msg += fmt.Sprintf(" Het is al later dan %s en vandaag is er nog niets gepost, dus de post van vandaag komt binnen een minuut.", clock)
		} else {
			msg += " De volgende post komt " + whenDutch(next, now, loc) + "."
		}
	}
	msg += " Bekijk hem vooraf met /dagelijks voorbeeld. Zorg dat ik in dat kanaal berichten mag versturen en links mag insluiten."
	return notice(msg), view{}, nil
}

// dailyOff is /dagelijks uit.
func (b *Bot) dailyOff(_ context.Context, in invocation) (any, view, error) {
	if b.daily.store == nil {
		return nil, view{}, noDailyStore()
	}
	cur, source, err := b.dailySettings(in.guildID)
	if err != nil {
		return nil, view{}, err
	}
	if source == "" || !cur.Enabled {
		return notice("De dagelijkse post stond al uit. Zet hem aan met /dagelijks aan."), view{}, nil
	}
	err = b.daily.store.Update(in.guildID, func(st *daily.Settings) error {
		if st.ChannelID == "" || st.Source != daily.SourceCommand { // the environment's settings become the server's own
			st.ChannelID, st.Time, st.Zone = cur.ChannelID, cur.Time, cur.Zone
		}
		st.Enabled = false
		st.Source = daily.SourceCommand
		return nil
	})
	if err != nil {
		return nil, view{}, err
	}
	b.daily.log.Info("dagelijkse post uitgezet", "server", in.guildID)
	return notice("De dagelijkse post staat uit. Zet hem weer aan met /dagelijks aan."), view{}, nil
}

// dailyStatus is /dagelijks status.
func (b *Bot) dailyStatus(_ context.Context, in invocation) (any, view, error) {
	if b.daily.store == nil {
		return nil, view{}, noDailyStore()
	}
	set, source, err := b.dailySettings(in.guildID)
	if err != nil {
		return nil, view{}, err
	}
	a := &dailyStatusAnswer{set: set, source: source, now: b.now()}
	if env := b.daily.env; env != nil && env.Server == envServer {
		a.elsewhere = env
	}
	return a, view{}, nil
}

// dailyPreview is /dagelijks voorbeeld: today's post for this server,
// exactly as the scheduler would post it today.
func (b *Bot) dailyPreview(_ context.Context, in invocation) (any, view, error) {
	if b.daily.store == nil {
		return nil, view{}, noDailyStore()
	}
	set, source, err := b.dailySettings(in.guildID)
	if err != nil {
		return nil, view{}, err
	}
	if source == "" {
		set.Zone = b.daily.zone
	}
	loc, err := daily.Location(set)
	if err != nil {
		return nil, view{}, err
	}
	p := daily.PostFor(b.svc.Corpus, set.Server, b.now().In(loc))
	return dailyPreview{post: p, enabled: source != "" && set.Enabled && set.ChannelID != ""}, view{}, nil
}

// consoleDailyPreview is /dagelijks voorbeeld in the console: today's post
// as `bondgenoot dagelijks` shows it (no server).
func consoleDailyPreview(_ context.Context, s *answer.Service, _ args) (any, view, error) {
	loc, err := daily.Location(daily.Settings{})
	if err != nil {
		return nil, view{}, err
	}
	return daily.PostFor(s.Corpus, "", time.Now().In(loc)), view{}, nil
}

// renderDailyPreview renders today's post as the channel will see it, with
// a line above it for the admin.
func renderDailyPreview(a dailyPreview) *reply {
	r := renderDailyPost(a.post)
	date := a.post.Date
	if d, err := daily.ParseDate(a.post.Date); err == nil {
		date = dateDutch(d)
	}
	r.Content = "Voorbeeld: zo ziet de post van vandaag (" + date + ") eruit. Alleen jij ziet dit."
	if !a.enabled {
		r.Content += " De dagelijkse post staat uit; zet hem aan met /dagelijks aan."
	}
	return r
}

// renderDailyStatus renders the daily-post settings of a server.
func renderDailyStatus(a *dailyStatusAnswer) *reply {
	set := a.set
	e := newEmbed()
	e.Title = "Dagelijkse succesfactor"
	zone := set.Zone
	if zone == "" {
		zone = daily.DefaultZone
	}
	clock := set.Time
	if clock == "" {
		clock = daily.DefaultTime
	}
	loc, locErr := daily.Location(set)
	on := set.Enabled && set.ChannelID != ""
	switch {
	case a.source == "":
		e.Description = "Staat **uit**: er is nog niets ingesteld. Zet hem aan met `/dagelijks aan kanaal:#kanaal tijd:09:00`."
	case on:
		e.Description = fmt.Sprintf("Staat **aan**: elke dag om **%s** (%s) in <#%s>.", md(clock), md(zone), set.ChannelID)
	default:
		e.Description = "Staat **uit**."
		if set.ChannelID != "" {
			e.Description += fmt.Sprintf(" Het laatst gekozen kanaal was <#%s>, om %s.", set.ChannelID, md(clock))
		}
		e.Description += " Zet hem (weer) aan met `/dagelijks aan`."
	}
	field := func(name, value string) {
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: name, Value: value})
	}
	if a.source == fromEnv {
		field("Ingesteld via", "de omgeving van de bot (DAILY\\_CHANNEL\\_ID en DAILY\\_TIME); `/dagelijks aan` of `uit` neemt het over.")
	}
	switch {
	case locErr != nil:
		field("Volgende post", md(upperFirst(locErr.Error()))+"; kies opnieuw met `/dagelijks aan`.")
	case on:
		next, err := daily.Next(set, a.now)
		switch {
		case err != nil:
			field("Volgende post", md(upperFirst(err.Error()))+"; kies opnieuw met `/dagelijks aan`.")
		case !next.After(a.now):
			field("Volgende post", "binnen een minuut: het uur is voorbij en vandaag is er nog niets gepost")
		default:
			field("Volgende post", whenDutch(next, a.now, loc))
		}
	default:
		field("Volgende post", "geen, want de dagelijkse post staat uit")
	}
	if loc == nil {
		loc = time.UTC
	}
	last := "nog geen"
	if set.LastPosted != "" {
		if !set.LastPostAt.IsZero() {
			last = dateTimeDutch(set.LastPostAt.In(loc))
		} else if d, err := daily.ParseDate(set.LastPosted); err == nil {
			last = dateDutch(d)
		}
	}
	field("Laatste post", last)
	lastErr := "geen"
	if set.LastError != "" {
		lastErr = md(set.LastError)
		if !set.LastErrorAt.IsZero() {
			lastErr += " (" + dateTimeDutch(set.LastErrorAt.In(loc)) + ")"
		}
	}
	field("Laatste fout", lastErr)
	if env := a.elsewhere; env != nil {
		field("Ook ingesteld", fmt.Sprintf("Via DAILY\\_CHANNEL\\_ID post ik elke dag om %s in <#%s>. Zet DISCORD\\_GUILD\\_ID op het id van die server om die post hier te beheren.", md(env.Time), env.ChannelID))
	}
	e.Footer = &discordgo.MessageEmbedFooter{Text: "Alleen jij ziet dit. Tijden in " + zone + "."}
	return &reply{Embeds: []*discordgo.MessageEmbed{e}}
}

// whenDutch says when t is, seen from now: "vandaag om 09:00", "morgen om
// 09:00" or "dinsdag 1 december 2026 om 09:00".
func whenDutch(t, now time.Time, loc *time.Location) string {
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
	return dateDutch(t) + " om " + clock
}

// dateDutch is "dinsdag 1 december 2026".
func dateDutch(t time.Time) string {
	weekdays := [...]string{"zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"}
	months := [...]string{"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"}
	return fmt.Sprintf("%s %d %s %d", weekdays[t.Weekday()], t.Day(), months[t.Month()-1], t.Year())
}

// dateTimeDutch is "dinsdag 1 december 2026 om 09:00".
func dateTimeDutch(t time.Time) string {
	return dateDutch(t) + " om " + t.Format("15:04")
}

// upperFirst capitalises the first letter of a message.
func upperFirst(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	return strings.ToUpper(string(r[0])) + string(r[1:])
}
