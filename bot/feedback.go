package bot

import (
	"fmt"
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/bondgenoot/bondgenoot/internal/chat"
	"github.com/bondgenoot/bondgenoot/internal/stats"
	"github.com/bondgenoot/bondgenoot/internal/text"
)

// The Discord side of what the people who keep the guide learn (see
// internal/chat/feedback.go): the "Nuttig?" buttons, the "Meld een fout"
// button and its form, /rapport, and forgetting a server the bot was
// removed from.

// What /rapport shows at most; `bondgenoot rapport --json` has it all.
const (
	reportQueries = 15
	reportItems   = 5
	reportText    = 300 // runes of one report's text
)

// addFeedback puts the "Nuttig?" row and the "Meld een fout" button under
// a rendered answer, as the response asks, within Discord's five rows.
func addFeedback(rep *reply, resp *chat.Response) {
	if resp.Feedback && len(rep.Components) < maxRows {
		rep.Components = append(rep.Components, discordgo.ActionsRow{Components: []discordgo.MessageComponent{
			discordgo.Button{Label: "Nuttig", Emoji: &discordgo.ComponentEmoji{Name: "👍"}, Style: discordgo.SecondaryButton,
				CustomID: encodeViewAs(chat.RolePrivate, chat.FeedbackView(true))},
			discordgo.Button{Label: "Niet nuttig", Emoji: &discordgo.ComponentEmoji{Name: "👎"}, Style: discordgo.SecondaryButton,
				CustomID: encodeViewAs(chat.RolePrivate, chat.FeedbackView(false))},
		}})
	}
	if resp.ReportAbout == "" {
		return
	}
	button := discordgo.Button{Label: "Meld een fout", Emoji: &discordgo.ComponentEmoji{Name: "✏️"}, Style: discordgo.SecondaryButton,
		CustomID: encodeViewAs(chat.RolePrivate, chat.ReportView(resp.ReportAbout))}
	// Beside the card's own buttons when there is room, else a row of its own.
	for i, c := range rep.Components {
		if row, ok := c.(discordgo.ActionsRow); ok && len(row.Components) < maxButtonsPerRow && allButtons(row) {
			row.Components = append(row.Components, button)
			rep.Components[i] = row
			return
		}
	}
	if len(rep.Components) < maxRows {
		rep.Components = append(rep.Components, discordgo.ActionsRow{Components: []discordgo.MessageComponent{button}})
	}
}

func allButtons(row discordgo.ActionsRow) bool {
	for _, c := range row.Components {
		if _, ok := c.(discordgo.Button); !ok {
			return false
		}
	}
	return true
}

// modalBody is the first response that opens a form.
func modalBody(m *chat.Modal) *discordgo.InteractionResponse {
	return &discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseModal,
		Data: &discordgo.InteractionResponseData{
			CustomID: m.CustomID,
			Title:    text.HardCut(m.Title, 45),
			Components: []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{
				discordgo.TextInput{
					CustomID:    m.Input.CustomID,
					Label:       text.HardCut(m.Input.Label, 45),
					Style:       discordgo.TextInputParagraph,
					Placeholder: text.HardCut(m.Input.Placeholder, 100),
					Required:    m.Input.Required,
					MinLength:   1,
					MaxLength:   m.Input.MaxLength,
				},
			}}},
		},
	}
}

// modalFields reads the text inputs of a submitted form, by custom_id.
func modalFields(data discordgo.ModalSubmitInteractionData) map[string]string {
	out := map[string]string{}
	var walk func(cs []discordgo.MessageComponent)
	walk = func(cs []discordgo.MessageComponent) {
		for _, c := range cs {
			switch x := c.(type) {
			case *discordgo.ActionsRow:
				if x != nil {
					walk(x.Components)
				}
			case discordgo.ActionsRow:
				walk(x.Components)
			case *discordgo.TextInput:
				if x != nil {
					out[x.CustomID] = x.Value
				}
			case discordgo.TextInput:
				out[x.CustomID] = x.Value
			}
		}
	}
	walk(data.Components)
	return out
}

// onGuildDelete forgets a server the bot was removed from (kicked, or the
// server deleted). A server that is only unavailable for a while (an
// outage at Discord) is kept.
func (b *Bot) onGuildDelete(_ *discordgo.Session, g *discordgo.GuildDelete) {
	defer b.recoverEvent("GUILD_DELETE")
	if g == nil || g.Guild == nil || g.ID == "" || g.Unavailable {
		return
	}
	found, err := b.router.ForgetServer(g.ID)
	switch {
	case err != nil:
		b.log.Error("server niet vergeten", "server", g.ID, "error", err)
	case found:
		b.log.Info("bot verwijderd van een server: instellingen vergeten", "server", g.ID)
	default:
		b.log.Info("bot verwijderd van een server", "server", g.ID)
	}
}

// renderReport renders /rapport: the counts, the searches without results
// and the newest reports, cut to fit one message.
func renderReport(r chat.Report) *reply {
	e := newEmbed()
	e.Title = "Rapport"
	searches := "zoekvragen"
	if r.Searches == 1 {
		searches = "zoekvraag"
	}
	e.Description = fmt.Sprintf("Sinds %s (hoogstens de laatste %d dagen), voor alle servers samen.\n**%d** %s · nuttig: 👍 **%d**, 👎 **%d**",
		r.Since, stats.Window, r.Searches, searches, r.Feedback.Helpful, r.Feedback.NotHelpful)
	var lines []string
	for i, q := range r.NoResults {
		if i == reportQueries {
			lines = append(lines, fmt.Sprintf("… en nog %d", len(r.NoResults)-i))
			break
		}
		lines = append(lines, fmt.Sprintf("%d× %s", q.Count, um(q.Query)))
	}
	noRes := "Geen."
	if len(lines) > 0 {
		noRes = joinFit(lines, "\n", maxFieldValue, func(rest int) string { return fmt.Sprintf("… en nog %d", rest) })
	}
	if r.Dropped > 0 {
		noRes = cutMD(noRes+fmt.Sprintf("\n(%d alleen geteld: te veel verschillende op één dag)", r.Dropped), maxFieldValue)
	}
	e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: "Zoekvragen zonder resultaat, de vaakste eerst", Value: noRes})
	if len(r.Reports) == 0 {
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: "Gemelde fouten", Value: "Geen."})
	}
	for i, m := range r.Reports {
		if i == reportItems {
			e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: "Meer meldingen", Value: fmt.Sprintf("Nog %d: `bondgenoot rapport` toont ze alle.", len(r.Reports)-i)})
			break
		}
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{
			Name:  cutMD(fmt.Sprintf("Fout gemeld over %s (%s)", um(m.About), m.Date), maxFieldName),
			Value: cutMD(umCut(strings.TrimSpace(m.Text), reportText), maxFieldValue),
		})
	}
	e.Footer = &discordgo.MessageEmbedFooter{Text: "Zonder namen: de bot bewaart niet wie zocht, stemde of meldde. Alles: bondgenoot rapport --json"}
	return &reply{Embeds: []*discordgo.MessageEmbed{e}}
}
