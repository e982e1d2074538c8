package chat

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"

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

// Args are the option values of one request, by option name, cleaned.
type Args map[string]string

// OptionKind is what a user gives for an option.
type OptionKind int

// The kinds of option.
const (
	TextOption    OptionKind = iota // free text (the default)
	ChannelOption                   // a text channel of the server; its value is the channel id
	BoolOption                      // yes or no; its value is "true" or "false"
)

// PermissionManageGuild is Discord's "Manage Server" permission bit, for
// default_member_permissions.
const PermissionManageGuild int64 = 1 << 5

// Option is one option of a slash command.
type Option struct {
	name         string // Dutch, lowercase
	help         string // Dutch description, ≤100 characters
	kind         OptionKind
	required     bool
	autocomplete bool                             // suggestions from choices() while typing
	choices      func(c *content.Corpus) []string // fixed choices (mutually exclusive with autocomplete)
}

// Command is one command of the bot, for every door alike: its Dutch name
// and description, an example, its options (the first one is what the
// console fills with the text after the command), and the handler that
// computes its answer. A handler returns an answer value from package
// answer (or Help), the view that redoes its page from a button, and an
// error whose message the error edge turns into a reply.
//
// A command may instead have subcommands (Discord shows them as
// "/dagelijks aan", "/dagelijks uit"): each is a command of its own with its
// options and handler, and the command itself has neither. A handler that
// needs the server it is used in, the store or the clock is act instead of
// run; run is what the console can answer too. The flags below apply to a
// command and its subcommands.
type Command struct {
	name        string
	help        string
	example     string
	options     []Option
	subcommands []Command
	run         func(ctx context.Context, s *answer.Service, a Args) (any, View, error)
	act         func(r *Router, ctx context.Context, in Invocation) (any, View, error)

	hidden      bool  // answered, but neither registered nor in the help
	permissions int64 // default_member_permissions (e.g. Manage Server); 0: everyone
	guildOnly   bool  // not offered in DMs, and refused there
	ephemeral   bool  // every reply is shown only to the user who asked
	// message: a message command (in a message's "Apps" menu); the door
	// passes the message's text as the option MessageTextOption. Its
	// answer is private, with a button to share it.
	message bool
}

// MessageTextOption is the option that carries the text of the message a
// message command was used on.
const MessageTextOption = "bericht"

// MessageSearchCommand is the name of the message command that searches the
// guide for a message's text.
const MessageSearchCommand = "Zoek in de gids"

// privateOption is the option "alleen-ik" of a read-only command.
func privateOption() Option {
	return Option{name: PrivateOption, help: "Toon het antwoord alleen aan jou (met een knop om het toch te delen)", kind: BoolOption}
}

// Invocation is one use of a command: the subcommand, the option values and
// where it was used.
type Invocation struct {
	Sub       string // the subcommand's name; empty for a plain command
	Args      Args
	GuildID   string // empty in a DM
	ChannelID string
	UserID    string
	console   bool // from the console: run handlers only, no server
}

// subcommand returns the subcommand called name, or nil.
func (c *Command) subcommand(name string) *Command {
	for i := range c.subcommands {
		if c.subcommands[i].name == name {
			return &c.subcommands[i]
		}
	}
	return nil
}

// subcommandList is "aan, uit, status of voorbeeld".
func (c *Command) subcommandList() string {
	var names []string
	for _, s := range c.subcommands {
		names = append(names, s.name)
	}
	return joinOr(names)
}

// invoke runs a command, or the subcommand the invocation names. Errors go
// to the error edge like any handler's. private says that only the user who
// asked may see the answer.
func (r *Router) invoke(ctx context.Context, cmd *Command, in Invocation) (v any, vw View, private bool, err error) {
	c := cmd
	if len(cmd.subcommands) > 0 {
		if c = cmd.subcommand(in.Sub); c == nil {
			return nil, View{}, false, &answer.UserError{Message: fmt.Sprintf("Kies wat /%s moet doen: %s.", cmd.name, cmd.subcommandList())}
		}
	}
	if in.console {
		if c.run == nil {
			return nil, View{}, false, &answer.UserError{Message: fmt.Sprintf("/%s werkt alleen in Discord.", cmd.name)}
		}
		v, vw, err = c.run(ctx, r.Service(), in.Args)
		return v, vw, false, err
	}
	if (cmd.guildOnly || c.guildOnly) && in.GuildID == "" {
		return nil, View{}, false, &answer.UserError{Message: fmt.Sprintf("/%s werkt alleen op een server, niet in een privébericht.", cmd.name)}
	}
	switch {
	case c.act != nil:
		v, vw, err = c.act(r, ctx, in)
	case c.run != nil:
		v, vw, err = c.run(ctx, r.Service(), in.Args)
	default:
		return nil, View{}, false, fmt.Errorf("/%s %s has no handler", cmd.name, in.Sub)
	}
	return v, vw, err == nil && (cmd.ephemeral || c.ephemeral), err
}

// Help is the answer of /help: the doors render it from the command table.
type Help struct{}

// DefaultCommands returns the table of the bot's commands.
func DefaultCommands() []Command {
	return []Command{
		{
			name: "zoek", help: "Zoek in de hele gids: netwerken, succesfactoren en tekst", example: "/zoek brugfiguur",
			options: []Option{
				{name: "term", help: "Waar zoek je naar? Bijvoorbeeld: brugfiguur", required: true},
				{name: "thema", help: "Alleen resultaten rond dit thema", choices: themeChoices},
				{name: "provincie", help: "Alleen netwerken in deze provincie", choices: provinceChoices},
				privateOption(),
			},
			run: runSearch,
		},
		{
			name: "netwerk", help: "De fiche van één netwerk: plaats, thema's, partners en links", example: "/netwerk Duosprong",
			options: []Option{{name: "naam", help: "Naam van het netwerk", required: true, autocomplete: true}, privateOption()},
			run: func(_ context.Context, s *answer.Service, a Args) (any, View, error) {
				return network(s, View{Kind: "netwerk", Arg: a["naam"]})
			},
		},
		{
			name: "thema", help: "De netwerken rond een thema", example: "/thema vrije tijd",
			options: []Option{{name: "thema", help: "Het thema, bijvoorbeeld onderwijs of vrije tijd", required: true, autocomplete: true}, privateOption()},
			run: func(_ context.Context, s *answer.Service, a Args) (any, View, error) {
				return theme(s, View{Kind: "thema", Arg: a["thema"]})
			},
		},
		{
			name: "regio", help: "De netwerken in een provincie of gemeente, of de dichtstbijzijnde", example: "/regio Limburg",
			options: []Option{{name: "plaats-of-provincie", help: "Een provincie, gemeente of deelgemeente, bijvoorbeeld Limburg, Kortrijk of Laken", required: true, autocomplete: true}, privateOption()},
			run: func(_ context.Context, s *answer.Service, a Args) (any, View, error) {
				return region(s, View{Kind: "regio", Arg: a["plaats-of-provincie"]})
			},
		},
		{
			name: "partner", help: "De netwerken die met een organisatie samenwerken", example: "/partner SAAMO",
			options: []Option{{name: "organisatie", help: "Naam van de organisatie, bijvoorbeeld SAAMO of CAW", required: true, autocomplete: true}, privateOption()},
			run: func(_ context.Context, s *answer.Service, a Args) (any, View, error) {
				return partner(s, View{Kind: "partner", Arg: a["organisatie"]})
			},
		},
		{
			name: "kaart", help: "Een kaart met de netwerken: per thema, provincie of partner, of rond een plaats", example: "/kaart vrije tijd",
			options: []Option{
				{name: "thema", help: "Alleen netwerken rond dit thema", autocomplete: true},
				{name: "provincie", help: "Alleen netwerken in deze provincie", choices: provinceChoices},
				{name: "partner", help: "Alleen netwerken die met deze organisatie samenwerken", autocomplete: true},
				{name: "plaats", help: "Een gemeente: toont ze met de netwerken die er het dichtst bij liggen", autocomplete: true},
				privateOption(),
			},
			run: func(_ context.Context, s *answer.Service, a Args) (any, View, error) {
				vw := View{Kind: "kaart", Arg: a["partner"], Theme: a["thema"], Province: a["provincie"]}
				if p := strings.TrimSpace(a["plaats"]); p != "" {
					if vw.Province != "" {
						return nil, vw, &answer.UserError{Message: "Kies een provincie of een plaats, niet allebei."}
					}
					vw.Province, vw.Page = p, 1
				}
				return mapOf(s, vw)
			},
		},
		{
			name: "succesfactor", help: "Een succesfactor met voorbeelden (zonder naam: een willekeurige)", example: "/succesfactor laagdrempeligheid",
			options: []Option{{name: "naam", help: "Naam van de succesfactor; laat leeg voor een willekeurige", autocomplete: true}, privateOption()},
			run: func(_ context.Context, s *answer.Service, a Args) (any, View, error) {
				if strings.TrimSpace(a["naam"]) == "" {
					return randomFactor(s)
				}
				return factor(s, View{Kind: "factor", Arg: a["naam"]})
			},
		},
		{
			name: "dagelijks", help: "Elke dag een succesfactor in een kanaal naar keuze; status en voorbeeld tonen wat komt", example: "/dagelijks aan kanaal:#algemeen tijd:09:00",
			permissions: PermissionManageGuild, guildOnly: true, ephemeral: true,
			subcommands: []Command{
				{
					name: "aan", help: "Post elke dag een succesfactor in een kanaal, op een uur naar keuze", example: "/dagelijks aan kanaal:#algemeen tijd:09:00",
					options: []Option{
						{name: "kanaal", help: "Het tekstkanaal waarin ik elke dag post", kind: ChannelOption, required: true},
						{name: "tijd", help: "Het uur als UU:MM op 24 uur, bv. 09:00 of 17:30 (standaard 09:00)"},
					},
					act: (*Router).dailyOn,
				},
				{name: "uit", help: "Zet de dagelijkse post uit", example: "/dagelijks uit", act: (*Router).dailyOff},
				{name: "status", help: "Kanaal, uur, volgende en laatste post, en de laatste fout", example: "/dagelijks status", act: (*Router).dailyStatus},
				{
					name: "voorbeeld", help: "De post van vandaag, alleen voor jou", example: "/dagelijks voorbeeld",
					act: (*Router).DailyPreview, run: consoleDailyPreview,
				},
			},
		},
		{
			name: "rapport", help: "Wat mensen zochten en niet vonden, of antwoorden hielpen, en gemelde fouten", example: "/rapport",
			permissions: PermissionManageGuild, guildOnly: true, ephemeral: true,
			act: (*Router).report,
		},
		{
			name: "help", help: "Wat ik kan, met een voorbeeld per opdracht", example: "/help",
			options: []Option{privateOption()},
			run: func(context.Context, *answer.Service, Args) (any, View, error) {
				return Help{}, View{Kind: "help"}, nil
			},
		},
		{
			name: MessageSearchCommand, help: "Zoek in de gids naar de tekst van dit bericht", example: "Apps → " + MessageSearchCommand,
			message: true,
			act:     (*Router).messageSearch,
		},
	}
}

// lookupCommand returns the command of that name in cmds, or nil.
func lookupCommand(cmds []Command, name string) *Command {
	for i := range cmds {
		if cmds[i].name == name {
			return &cmds[i]
		}
	}
	return nil
}

func runSearch(ctx context.Context, s *answer.Service, a Args) (any, View, error) {
	if strings.TrimSpace(a["term"]) == "" {
		return nil, View{Kind: "zoek"}, &answer.UserError{Message: "Wat wil je zoeken? Bijvoorbeeld: /zoek brugfiguur"}
	}
	if v, vw, ok, err := exactCard(s, a["term"]); ok {
		return v, vw, err
	}
	return search(ctx, s, View{Kind: "zoek", Arg: a["term"], Theme: a["thema"], Province: a["provincie"]})
}

// messageSearch answers the message command "Zoek in de gids": the text
// of the message is read as a mention is (partners, themes and places
// become filters; the rest is searched).
func (r *Router) messageSearch(ctx context.Context, in Invocation) (any, View, error) {
	q := cutRunes(strings.Join(strings.Fields(stripMentions(in.Args[MessageTextOption])), " "), maxOptionRunes)
	empty := &answer.UserError{Message: "In dit bericht vind ik geen woorden om in de gids op te zoeken. Kies een ander bericht, of gebruik /zoek."}
	if q == "" {
		return nil, View{}, empty
	}
	s := r.Service()
	v, vw, err := mentionAnswer(ctx, s, r.catalogFor(s.Corpus).parseMention("", q))
	if _, help := v.(Help); help && err == nil {
		return nil, View{}, empty
	}
	return v, vw, err
}

// cutRunes cuts s to at most n runes, at a word when there is one.
func cutRunes(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := string(r[:n])
	if i := strings.LastIndexByte(cut, ' '); i > len(cut)/2 {
		cut = cut[:i]
	}
	return strings.TrimSpace(cut)
}

// exactCard opens the card of what a query names exactly (a network, a
// success factor or a chapter) instead of a page of hits; ok is false when
// it names none.
func exactCard(s *answer.Service, q string) (v any, vw View, ok bool, err error) {
	kind, id, ok := s.Exact(q)
	if !ok {
		return nil, View{}, false, nil
	}
	v, vw, err = redo(context.Background(), s, View{Kind: kind, Arg: id})
	return v, vw, true, err
}

// search computes a page of search results; a page past the end becomes the
// last page.
func search(ctx context.Context, s *answer.Service, vw View) (any, View, error) {
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

func theme(s *answer.Service, vw View) (any, View, error) {
	if strings.TrimSpace(vw.Arg) == "" {
		return s.ThemeCounts(), vw, nil
	}
	l, err := s.Theme(vw.Arg)
	return listAnswer(l, vw, err)
}

func region(s *answer.Service, vw View) (any, View, error) {
	if strings.TrimSpace(vw.Arg) == "" {
		return s.RegionCounts(), vw, nil
	}
	l, err := s.PlaceRegion(vw.Arg, vw.Theme)
	return listAnswer(l, vw, err)
}

func partner(s *answer.Service, vw View) (any, View, error) {
	p, err := s.Partner(vw.Arg)
	if err != nil {
		return nil, vw, err
	}
	return p, vw, nil
}

// networks answers a list of networks with filters: Arg is a partner,
// Theme a theme and Province a province or a place.
func networks(s *answer.Service, vw View) (any, View, error) {
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

// mapOf answers a map view (see View): Arg a partner, Theme a theme,
// Province a province or a place whose networks are shown, or with Page 1 a
// place to show the nearest networks around.
func mapOf(s *answer.Service, vw View) (any, View, error) {
	q := answer.MapQuery{Partner: vw.Arg, Theme: vw.Theme}
	switch {
	case vw.Page == 1:
		q.Place = vw.Province
	case vw.Province != "":
		if _, ok := content.FindProvince(vw.Province); ok {
			q.Province = vw.Province
		} else {
			q.Municipality = vw.Province
		}
	}
	m, err := s.Map(q)
	if err != nil {
		return nil, vw, err
	}
	return m, vw, nil
}

func listAnswer(l *answer.NetworkList, vw View, err error) (any, View, error) {
	if err != nil {
		return nil, vw, err
	}
	vw.Page = max(vw.Page, 0)
	return l, vw, nil
}

// factor answers a success factor's card; the view's Page is the quote it
// shows.
func factor(s *answer.Service, vw View) (any, View, error) {
	f, err := s.Factor(vw.Arg)
	if err != nil {
		return nil, vw, err
	}
	page := min(max(vw.Page, 0), max(len(f.Quotes)-1, 0))
	return f, View{Kind: "factor", Arg: f.ID, Page: page, Back: vw.Back}, nil
}

func network(s *answer.Service, vw View) (any, View, error) {
	card, err := s.Network(vw.Arg)
	if err != nil {
		return nil, vw, err
	}
	return card, View{Kind: "netwerk", Arg: card.ID, Back: vw.Back}, nil
}

func passage(s *answer.Service, vw View) (any, View, error) {
	p, err := s.Passage(vw.Arg)
	if err != nil {
		return nil, vw, err
	}
	return p, View{Kind: "hoofdstuk", Arg: p.ID, Back: vw.Back}, nil
}

// randomFactor answers a random success factor, with the view of that
// factor (so that sharing it shares the same one).
func randomFactor(s *answer.Service) (any, View, error) {
	r := rand.New(rand.NewPCG(rand.Uint64(), rand.Uint64()))
	f := s.RandomFactor(r)
	return f, View{Kind: "factor", Arg: f.ID}, nil
}

// redo recomputes the page a button or select carries in its view.
func redo(ctx context.Context, s *answer.Service, vw View) (any, View, error) {
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
	case "hoofdstuk":
		return passage(s, vw)
	case "help":
		return Help{}, View{Kind: "help"}, nil
	case "kaart":
		return mapOf(s, vw)
	}
	return nil, vw, staleButton()
}

// staleButton is the error for a button whose custom_id the bot cannot read
// (made by an older version, or forged).
func staleButton() error {
	return &answer.UserError{Message: "Deze knop werkt niet meer. Geef de opdracht opnieuw, bijvoorbeeld /zoek brugfiguur."}
}

// mentionAnswer answers an @mention from what parseMention found in it:
// a place asked about by nearness lists the networks there or the nearest;
// a partner alone is a partner look-up; a partner with filters, or theme,
// province and place words without anything else, list the matching
// networks; other words are a search (with the theme and province as
// filters); nothing at all gets the help.
func mentionAnswer(ctx context.Context, s *answer.Service, q MentionQuery) (any, View, error) {
	place := q.Place
	if place == "" {
		place = q.Province
	}
	filtered := q.Theme != "" || q.Province != "" || q.Place != ""
	switch {
	case q.Near != "" && q.Partner != "":
		// "wie werkt samen met CAW in de buurt van Kortrijk": the partner's
		// networks in that municipality, else in its province (all of them,
		// with a note, when there are none there).
		where := ""
		if p := s.Corpus.Gazetteer().FindPlace(q.Near).Place; p != nil {
			where = p.Province
			if s.Corpus.FindPlace(p.Municipality) != "" {
				where = p.Municipality
			}
		}
		return networks(s, View{Kind: "netwerken", Arg: q.Partner, Theme: q.Theme, Province: where})
	case q.Near != "" && strings.TrimSpace(q.Query) == "":
		// "in de buurt van Gent", "dichtbij Kortrijk", "rond Aalst": the
		// networks there, or the nearest.
		return region(s, View{Kind: "regio", Arg: q.Near, Theme: q.Theme})
	case q.Partner != "" && !filtered:
		return partner(s, View{Kind: "partner", Arg: q.Partner})
	case q.Partner != "" || (filtered && strings.TrimSpace(q.Query) == ""):
		return networks(s, View{Kind: "netwerken", Arg: q.Partner, Theme: q.Theme, Province: place})
	case strings.TrimSpace(q.Query) != "":
		if !filtered {
			if v, vw, ok, err := exactCard(s, q.Query); ok {
				return v, vw, err
			}
		}
		// The search reads the words once; a message of only question and
		// filler words ("wat doe je?") gets the help.
		qu := s.Understand(q.Query)
		if qu == nil || qu.OnlyFiller || len(qu.Words) == 0 {
			return Help{}, View{}, nil
		}
		vw := View{Kind: "zoek", Arg: q.Query, Theme: q.Theme, Province: q.Province}
		p, err := s.SearchQuestion(ctx, qu, vw.Theme, vw.Province, 0, searchHitsPerPage)
		return p, vw, err
	}
	return Help{}, View{}, nil
}

func themeChoices(c *content.Corpus) []string { return c.ThemeNames() }

func provinceChoices(*content.Corpus) []string { return content.Provinces }

// NewCommand returns a hidden command — answered, but neither registered
// with Discord nor listed in the help — with a handler that the console can
// answer too (tests add commands that panic or take their time).
func NewCommand(name, help string, run func(ctx context.Context, s *answer.Service, a Args) (any, View, error)) Command {
	return Command{name: name, help: help, example: "/" + name, run: run, hidden: true}
}

// Redo recomputes the answer a view stands for, as a button does.
func Redo(ctx context.Context, s *answer.Service, vw View) (any, View, error) {
	return redo(ctx, s, vw)
}
