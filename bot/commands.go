package bot

import (
	"context"
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

// option is one text option of a slash command.
type option struct {
	name         string // Dutch, lowercase
	help         string // Dutch description, ≤100 characters
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
type command struct {
	name    string
	help    string
	example string
	options []option
	run     func(ctx context.Context, s *answer.Service, a args) (any, view, error)
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
		name: "help", help: "Wat ik kan, met een voorbeeld per opdracht", example: "/help",
		run: func(context.Context, *answer.Service, args) (any, view, error) {
			return helpRequest{}, view{}, nil
		},
	},
}

// findCommand returns the command called name, or nil.
func findCommand(name string) *command {
	for i := range commands {
		if commands[i].name == name {
			return &commands[i]
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
// localisation so Dutch clients show them as they are.
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
		for _, o := range cmd.options {
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
			if o.choices != nil {
				names := o.choices(c)
				if len(names) > 25 { // Discord's limit; more would need autocomplete
					names = names[:25]
				}
				for _, n := range names {
					ao.Choices = append(ao.Choices, &discordgo.ApplicationCommandOptionChoice{Name: n, Value: n})
				}
			}
			ac.Options = append(ac.Options, ao)
		}
		out = append(out, ac)
	}
	return out
}
