package bot

import (
	"fmt"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/bondgenoot/bondgenoot/internal/chat"
	"github.com/bondgenoot/bondgenoot/internal/daily"
)

// renderDailyPreview renders today's post as the channel will see it, with
// a line above it for the admin.
func renderDailyPreview(a chat.DailyPreview) *reply {
	r := renderDailyPost(a.Post)
	date := a.Post.Date
	if d, err := daily.ParseDate(a.Post.Date); err == nil {
		date = chat.DateDutch(d)
	}
	r.Content = "Voorbeeld: zo ziet de post van vandaag (" + date + ") eruit. Alleen jij ziet dit."
	if !a.Enabled {
		r.Content += " De dagelijkse post staat uit; zet hem aan met /dagelijks aan."
	}
	return r
}

// renderDailyStatus renders the daily-post settings of a server.
func renderDailyStatus(a *chat.DailyStatus) *reply {
	set := a.Set
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
	case a.Source == "":
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
	if a.Source == chat.FromEnv {
		field("Ingesteld via", "de omgeving van de bot (DAILY\\_CHANNEL\\_ID en DAILY\\_TIME); `/dagelijks aan` of `uit` neemt het over.")
	}
	switch {
	case locErr != nil:
		field("Volgende post", md(chat.UpperFirst(locErr.Error()))+"; kies opnieuw met `/dagelijks aan`.")
	case on:
		next, err := daily.Next(set, a.Now)
		switch {
		case err != nil:
			field("Volgende post", md(chat.UpperFirst(err.Error()))+"; kies opnieuw met `/dagelijks aan`.")
		case !next.After(a.Now) && set.Failures > 0 && set.RetryAt.After(a.Now):
			// The post of today failed: the next try waits (longer after
			// every failure, and a long retry_after is not honoured).
			field("Volgende post", "nieuwe poging "+chat.WhenDutch(set.RetryAt.Truncate(time.Minute), a.Now, loc)+": de post van vandaag is nog niet gelukt")
		case !next.After(a.Now):
			field("Volgende post", "binnen een minuut: het uur is voorbij en vandaag is er nog niets gepost")
		default:
			field("Volgende post", chat.WhenDutch(next, a.Now, loc))
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
			last = chat.DateTimeDutch(set.LastPostAt.In(loc))
		} else if d, err := daily.ParseDate(set.LastPosted); err == nil {
			last = chat.DateDutch(d)
		}
	}
	field("Laatste post", last)
	lastErr := "geen"
	if set.LastError != "" {
		lastErr = md(set.LastError)
		if !set.LastErrorAt.IsZero() {
			lastErr += " (" + chat.DateTimeDutch(set.LastErrorAt.In(loc)) + ")"
		}
	}
	field("Laatste fout", lastErr)
	if env := a.Elsewhere; env != nil {
		field("Ook ingesteld", fmt.Sprintf("Via DAILY\\_CHANNEL\\_ID post ik elke dag om %s in <#%s>. Zet DISCORD\\_GUILD\\_ID op het id van die server om die post hier te beheren.", md(env.Time), env.ChannelID))
	}
	e.Footer = &discordgo.MessageEmbedFooter{Text: "Alleen jij ziet dit. Tijden in " + zone + "."}
	return &reply{Embeds: []*discordgo.MessageEmbed{e}}
}
