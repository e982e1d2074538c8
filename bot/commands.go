package bot

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/bondgenoot/bondgenoot/content"
	"github.com/bondgenoot/bondgenoot/internal/answer"
)

// searchHitsPerPage is the number of search hits on one page.
const searchHitsPerPage = 5

// maxOptionRunes is the longest value Discord lets a user type in a text
// option of a command (the index cuts queries longer than it can use).
const maxOptionRunes = 200

// Handlers return the view they answer even with an error, so that an error
// reply can offer buttons for the names it suggests.

// args are the option values of one request, by option name, cleaned.
type args map[string]string

// optionKind is what a user gives for an option.
type optionKind int

const (
	textOption    optionKind = iota // free text (the default)
	channelOption                   // a text channel of the server; its value is the channel id
)

// option is one option of a slash command.
type option struct {
	name         string // Dutch, lowercase
	help         string // Dutch description, ≤100 characters
	kind         optionKind
	required     bool
	autocomplete bool                             // suggestions from choices() while typing
	choices      func(c *content.Corpus) []string // fixed choices (mutually exclusive with autocomplete)
}

// command is one command of the bot, for Discord and the console alike:
// its Dutch name and description, an example, its options (the first one is
// what the console fills with the text after the command), and the handler
// that computes its answer. A handler returns an answer value from package
// answer (or helpRequest), the view that redoes its page from a button, and
// an error whose message the error edge turns into a reply.
//
// A command may instead have subcommands (Discord shows them as
// "/dagelijks aan", "/dagelijks uit"): each is a command of its own with its
// options and handler, and the command itself has neither. A handler that
// needs the bot itself (the server it is used in, the store, the clock) is
// act instead of run; run is what the console can answer too. The flags
// below apply to a command and its subcommands.
type command struct {
	name        string
	help        string
	example     string
	options     []option
	subcommands []command
	run         func(ctx context.Context, s *answer.Service, a args) (any, view, error)
	act         func(b *Bot, ctx context.Context, in invocation) (any, view, error)

	permissions int64 // default_member_permissions (e.g. Manage Server); 0: everyone
	guildOnly   bool  // not offered in DMs, and refused there
	ephemeral   bool  // every reply is shown only to the user who asked
}

// invocation is one use of a command in Discord: the subcommand, the option
// values and where it was used.
type invocation struct {
	sub       string // the subcommand's name; empty for a plain command
	args      args
	guildID   string // empty in a DM
	channelID string
}

// newInvocation reads an invocation from a slash-command interaction.
func newInvocation(i *discordgo.Interaction, data discordgo.ApplicationCommandInteractionData) invocation {
	a, _ := commandOptions(data)
	in := invocation{args: a, guildID: i.GuildID, channelID: i.ChannelID}
	for _, o := range data.Options {
		if o != nil && (o.Type == discordgo.ApplicationCommandOptionSubCommand || o.Type == discordgo.ApplicationCommandOptionSubCommandGroup) {
			in.sub = o.Name
			delete(in.args, o.Name) // a subcommand without options reads as an empty option
			break
		}
	}
	return in
}

// subcommand returns the subcommand called name, or nil.
func (c *command) subcommand(name string) *command {
	for i := range c.subcommands {
		if c.subcommands[i].name == name {
			return &c.subcommands[i]
		}
	}
	return nil
}

// subcommandList is "aan, uit, status of voorbeeld".
func (c *command) subcommandList() string {
	var names []string
	for _, s := range c.subcommands {
		names = append(names, s.name)
	}
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " of " + names[len(names)-1]
}

// private is an answer shown only to the user who asked (an ephemeral
// reply); render renders what it holds.
type private struct{ v any }

// invoke runs a command, or the subcommand the invocation names, for
// Discord. Errors go to the error edge like any handler's.
func (b *Bot) invoke(ctx context.Context, cmd *command, in invocation) (any, view, error) {
	c := cmd
	if len(cmd.subcommands) > 0 {
		if c = cmd.subcommand(in.sub); c == nil {
			return nil, view{}, &answer.UserError{Message: fmt.Sprintf("Kies wat /%s moet doen: %s.", cmd.name, cmd.subcommandList())}
		}
	}
	if (cmd.guildOnly || c.guildOnly) && in.guildID == "" {
		return nil, view{}, &answer.UserError{Message: fmt.Sprintf("/%s werkt alleen op een server, niet in een privébericht.", cmd.name)}
	}
	var (
		v   any
		vw  view
		err error
	)
	switch {
	case c.act != nil:
		v, vw, err = c.act(b, ctx, in)
	case c.run != nil:
		v, vw, err = c.run(ctx, b.svc, in.args)
	default:
		return nil, view{}, fmt.Errorf("/%s %s has no handler", cmd.name, in.sub)
	}
	if err == nil && (cmd.ephemeral || c.ephemeral) {
		v = private{v}
	}
	return v, vw, err
}

// helpRequest is the answer of /help: it renders as renderHelp().
type helpRequest struct{}

// commands is the one table of the bot's commands.
var commands = []command{
	{
		name: "zoek", help: "Zoek in de hele gids: netwerken, succesfactoren en tekst", example: "/zoek brugfiguur",
		options: []option{
			{name: "term", help: "Waar zoek je naar? Bijvoorbeeld: brugfiguur", required: true},
			{name: "thema", help: "Alleen resultaten rond dit thema", choices: themeChoices},
			{name: "provincie", help: "Alleen netwerken in deze provincie", choices: provinceChoices},
		},
		run: runSearch,
	},
	{
		name: "netwerk", help: "De fiche van één netwerk: plaats, thema's, partners en links", example: "/netwerk Duosprong",
		options: []option{{name: "naam", help: "Naam van het netwerk", required: true, autocomplete: true}},
		run: func(_ context.Context, s *answer.Service, a args) (any, view, error) {
			return network(s, view{Kind: "netwerk", Arg: a["naam"]})
		},
	},
	{
		name: "thema", help: "De netwerken rond een thema", example: "/thema vrije tijd",
		options: []option{{name: "thema", help: "Het thema, bijvoorbeeld onderwijs of vrije tijd", required: true, autocomplete: true}},
		run: func(_ context.Context, s *answer.Service, a args) (any, view, error) {
			return theme(s, view{Kind: "thema", Arg: a["thema"]})
		},
	},
	{
		name: "regio", help: "De netwerken in een provincie of gemeente", example: "/regio Limburg",
		options: []option{{name: "plaats-of-provincie", help: "Een provincie of gemeente, bijvoorbeeld Limburg of Gent", required: true, autocomplete: true}},
		run: func(_ context.Context, s *answer.Service, a args) (any, view, error) {
			return region(s, view{Kind: "regio", Arg: a["plaats-of-provincie"]})
		},
	},
	{
		name: "partner", help: "De netwerken die met een organisatie samenwerken", example: "/partner SAAMO",
		options: []option{{name: "organisatie", help: "Naam van de organisatie, bijvoorbeeld SAAMO of CAW", required: true, autocomplete: true}},
		run: func(_ context.Context, s *answer.Service, a args) (any, view, error) {
			return partner(s, view{Kind: "partner", Arg: a["organisatie"]})
		},
	},
	{
		name: "succesfactor", help: "Een succesfactor met voorbeelden (zonder naam: een willekeurige)", example: "/succesfactor laagdrempeligheid",
		options: []option{{name: "naam", help: "Naam van de succesfactor; laat leeg voor een willekeurige", autocomplete: true}},
		run: func(_ context.Context, s *answer.Service, a args) (any, view, error) {
			if strings.TrimSpace(a["naam"]) == "" {
				return randomFactor(s)
			}
			return factor(s, view{Kind: "factor", Arg: a["naam"]})
		},
	},
	{
		name: "dagelijks", help: "Elke dag een succesfactor in een kanaal (voor beheerders)", example: "/dagelijks voorbeeld",
		permissions: discordgo.PermissionManageGuild, guildOnly: true, ephemeral: true,
		subcommands: []command{
			{
				name: "aan", help: "Post elke dag een succesfactor in een kanaal, op een uur naar keuze", example: "/dagelijks aan kanaal:#algemeen tijd:09:00",
				options: []option{
					{name: "kanaal", help: "Het tekstkanaal waarin ik elke dag post", kind: channelOption, required: true},
					{name: "tijd", help: "Het uur als UU:MM op 24 uur, bv. 09:00 of 17:30 (standaard 09:00)"},
				},
				act: (*Bot).dailyOn,
			},
			{name: "uit", help: "Zet de dagelijkse post uit", example: "/dagelijks uit", act: (*Bot).dailyOff},
			{name: "status", help: "Kanaal, uur, volgende en laatste post, en de laatste fout", example: "/dagelijks status", act: (*Bot).dailyStatus},
			{
				name: "voorbeeld", help: "De post van vandaag, alleen voor jou", example: "/dagelijks voorbeeld",
				act: (*Bot).dailyPreview, run: consoleDailyPreview,
			},
		},
	},
	{
		name: "help", help: "Wat ik kan, met een voorbeeld per opdracht", example: "/help",
		run: func(context.Context, *answer.Service, args) (any, view, error) {
			return helpRequest{}, view{}, nil
		},
	},
}

// findCommand returns the command called name, or nil.
func findCommand(name string) *command { return lookupCommand(commands, name) }

// lookupCommand returns the command of that name in cmds, or nil.
func lookupCommand(cmds []command, name string) *command {
	for i := range cmds {
		if cmds[i].name == name {
			return &cmds[i]
		}
	}
	return nil
}

func runSearch(ctx context.Context, s *answer.Service, a args) (any, view, error) {
	if strings.TrimSpace(a["term"]) == "" {
		return nil, view{Kind: "zoek"}, &answer.UserError{Message: "Wat wil je zoeken? Bijvoorbeeld: /zoek brugfiguur"}
	}
	return search(ctx, s, view{Kind: "zoek", Arg: a["term"], Theme: a["thema"], Province: a["provincie"]})
}

// search computes a page of search results; a page past the end becomes the
// last page.
func search(ctx context.Context, s *answer.Service, vw view) (any, view, error) {
	vw.Page = max(vw.Page, 0)
	p, err := s.Search(ctx, vw.Arg, vw.Theme, vw.Province, vw.Page, searchHitsPerPage)
	if err != nil {
		return nil, vw, err
	}
	if last := p.Pages() - 1; vw.Page > last {
		vw.Page = last
		if p, err = s.Search(ctx, vw.Arg, vw.Theme, vw.Province, vw.Page, searchHitsPerPage); err != nil {
			return nil, vw, err
		}
	}
	return p, vw, nil
}

func theme(s *answer.Service, vw view) (any, view, error) {
	if strings.TrimSpace(vw.Arg) == "" {
		return s.ThemeCounts(), vw, nil
	}
	l, err := s.Theme(vw.Arg)
	return listAnswer(l, vw, err)
}

func region(s *answer.Service, vw view) (any, view, error) {
	if strings.TrimSpace(vw.Arg) == "" {
		return s.RegionCounts(), vw, nil
	}
	l, err := s.Region(vw.Arg)
	return listAnswer(l, vw, err)
}

func partner(s *answer.Service, vw view) (any, view, error) {
	p, err := s.Partner(vw.Arg)
	if err != nil {
		return nil, vw, err
	}
	return p, vw, nil
}

// networks answers a list of networks with filters: Arg is a partner,
// Theme a theme and Province a province or a place.
func networks(s *answer.Service, vw view) (any, view, error) {
	f := content.Filter{Partner: vw.Arg, Theme: vw.Theme}
	if vw.Province != "" {
		if _, ok := content.FindProvince(vw.Province); ok {
			f.Province = vw.Province
		} else {
			f.Municipality = vw.Province
		}
	}
	l, err := s.NetworksOrWider(f)
	return listAnswer(l, vw, err)
}

func listAnswer(l *answer.NetworkList, vw view, err error) (any, view, error) {
	if err != nil {
		return nil, vw, err
	}
	vw.Page = max(vw.Page, 0)
	return l, vw, nil
}

func factor(s *answer.Service, vw view) (any, view, error) {
	f, err := s.Factor(vw.Arg)
	if err != nil {
		return nil, vw, err
	}
	return f, view{Kind: "factor", Arg: f.ID}, nil
}

func network(s *answer.Service, vw view) (any, view, error) {
	card, err := s.Network(vw.Arg)
	if err != nil {
		return nil, vw, err
	}
	return card, view{Kind: "netwerk", Arg: card.ID}, nil
}

func randomFactor(s *answer.Service) (any, view, error) {
	r := rand.New(rand.NewPCG(rand.Uint64(), rand.Uint64()))
	return s.RandomFactor(r), view{Kind: "random"}, nil
}

// redo recomputes the page a button or select carries in its view.
func redo(ctx context.Context, s *answer.Service, vw view) (any, view, error) {
	switch vw.Kind {
	case "zoek":
		return search(ctx, s, vw)
	case "thema":
		return theme(s, vw)
	case "regio":
		return region(s, vw)
	case "partner":
		return partner(s, vw)
	case "netwerken":
		return networks(s, vw)
	case "netwerk":
		return network(s, vw)
	case "factor":
		return factor(s, vw)
	case "random":
		return randomFactor(s)
	}
	return nil, vw, staleButton()
}

// staleButton is the error for a button whose custom_id the bot cannot read
// (made by an older version, or forged).
func staleButton() error {
	return &answer.UserError{Message: "Deze knop werkt niet meer. Geef de opdracht opnieuw, bijvoorbeeld /zoek brugfiguur."}
}

// mentionAnswer answers an @mention from what parseMention found in it:
// a partner alone is a partner look-up; a partner with filters, or theme,
// province and place words without anything else, list the matching
// networks; other words are a search (with the theme and province as
// filters); nothing at all gets the help.
func mentionAnswer(ctx context.Context, s *answer.Service, q mentionQuery) (any, view, error) {
	place := q.Place
	if place == "" {
		place = q.Province
	}
	filtered := q.Theme != "" || q.Province != "" || q.Place != ""
	switch {
	case q.Partner != "" && !filtered:
		return partner(s, view{Kind: "partner", Arg: q.Partner})
	case q.Partner != "" || (filtered && strings.TrimSpace(q.Query) == ""):
		return networks(s, view{Kind: "netwerken", Arg: q.Partner, Theme: q.Theme, Province: place})
	case strings.TrimSpace(q.Query) != "":
		return search(ctx, s, view{Kind: "zoek", Arg: q.Query, Theme: q.Theme, Province: q.Province})
	}
	return helpRequest{}, view{}, nil
}

func themeChoices(c *content.Corpus) []string { return c.ThemeNames() }

func provinceChoices(*content.Corpus) []string { return content.Provinces }

// applicationCommands returns the slash-command definitions for Discord's
// bulk overwrite: Dutch names and descriptions, with the same text as "nl"
// localisation so Dutch clients show them as they are. Subcommands become
// options of type subcommand with their own options.
func applicationCommands(c *content.Corpus) []*discordgo.ApplicationCommand {
	out := make([]*discordgo.ApplicationCommand, 0, len(commands))
	for _, cmd := range commands {
		ac := &discordgo.ApplicationCommand{
			Type:                     discordgo.ChatApplicationCommand,
			Name:                     cmd.name,
			NameLocalizations:        &map[discordgo.Locale]string{discordgo.Dutch: cmd.name},
			Description:              cmd.help,
			DescriptionLocalizations: &map[discordgo.Locale]string{discordgo.Dutch: cmd.help},
			Contexts:                 &[]discordgo.InteractionContextType{discordgo.InteractionContextGuild, discordgo.InteractionContextBotDM},
			IntegrationTypes:         &[]discordgo.ApplicationIntegrationType{discordgo.ApplicationIntegrationGuildInstall},
			Options:                  []*discordgo.ApplicationCommandOption{},
		}
		if cmd.guildOnly {
			ac.Contexts = &[]discordgo.InteractionContextType{discordgo.InteractionContextGuild}
		}
		if cmd.permissions != 0 {
			perm := cmd.permissions
			ac.DefaultMemberPermissions = &perm
		}
		for _, sub := range cmd.subcommands {
			so := &discordgo.ApplicationCommandOption{
				Type:                     discordgo.ApplicationCommandOptionSubCommand,
				Name:                     sub.name,
				NameLocalizations:        map[discordgo.Locale]string{discordgo.Dutch: sub.name},
				Description:              sub.help,
				DescriptionLocalizations: map[discordgo.Locale]string{discordgo.Dutch: sub.help},
				Options:                  []*discordgo.ApplicationCommandOption{},
			}
			for _, o := range sub.options {
				so.Options = append(so.Options, commandOption(c, o))
			}
			ac.Options = append(ac.Options, so)
		}
		for _, o := range cmd.options {
			ac.Options = append(ac.Options, commandOption(c, o))
		}
		out = append(out, ac)
	}
	return out
}

// commandOption is the definition of one option for Discord.
func commandOption(c *content.Corpus, o option) *discordgo.ApplicationCommandOption {
	ao := &discordgo.ApplicationCommandOption{
		Type:                     discordgo.ApplicationCommandOptionString,
		Name:                     o.name,
		NameLocalizations:        map[discordgo.Locale]string{discordgo.Dutch: o.name},
		Description:              o.help,
		DescriptionLocalizations: map[discordgo.Locale]string{discordgo.Dutch: o.help},
		Required:                 o.required,
		Autocomplete:             o.autocomplete,
		MaxLength:                maxOptionRunes,
	}
	if o.kind == channelOption {
		ao.Type = discordgo.ApplicationCommandOptionChannel
		ao.ChannelTypes = []discordgo.ChannelType{discordgo.ChannelTypeGuildText}
		ao.MaxLength = 0 // only for text
		ao.Autocomplete = false
		return ao
	}
	if o.choices != nil {
		names := o.choices(c)
		if len(names) > 25 { // Discord's limit; more would need autocomplete
			names = names[:25]
		}
		for _, n := range names {
			ao.Choices = append(ao.Choices, &discordgo.ApplicationCommandOptionChoice{Name: n, Value: n})
		}
	}
	return ao
}
