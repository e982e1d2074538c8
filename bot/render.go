package bot

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"github.com/bondgenoot/bondgenoot/content"
	"github.com/bondgenoot/bondgenoot/index"
	"github.com/bondgenoot/bondgenoot/internal/answer"
	"github.com/bondgenoot/bondgenoot/internal/chat"
	"github.com/bondgenoot/bondgenoot/internal/daily"
	"github.com/bondgenoot/bondgenoot/internal/text"
)

// reply is a rendered Discord message.
type reply struct {
	Content    string
	Embeds     []*discordgo.MessageEmbed
	Components []discordgo.MessageComponent
	Ephemeral  bool

	// Actions are buttons for a last row (a card's "Terug"); the link to
	// the guide and "Deel in dit kanaal" join them (addActions).
	Actions []discordgo.MessageComponent
	// GuidePage is the page of the guide the reply is about (0: none),
	// for the button that opens the guide there.
	GuidePage int
	Files     []attachment // sent with the message (multipart)
}

// renderOptions is what a reply needs besides the answer and its view.
type renderOptions struct {
	// GuideURL is the address of the guide's PDF (GIDS_URL); empty: no
	// link buttons. PageOffset is added to a printed page number to get
	// the PDF's page (GIDS_PAGE_OFFSET).
	GuideURL   string
	PageOffset int
	// Share: a private answer with a "Deel in dit kanaal" button that
	// posts this view for everyone; nil: none.
	Share *view
	// Corpus is for the next steps of an error (the list of themes); nil:
	// none.
	Corpus *content.Corpus
}

// guideLink is the address of a page of the guide, or "" without one.
func (o renderOptions) guideLink(page int) string {
	u := strings.TrimSpace(o.GuideURL)
	if u == "" || page <= 0 {
		return ""
	}
	if i := strings.IndexByte(u, '#'); i >= 0 {
		u = u[:i]
	}
	return fmt.Sprintf("%s#page=%d", u, max(page+o.PageOffset, 1))
}

// Labels of the buttons every door's answers may get.
const (
	backLabel       = "◀ Terug naar de lijst"
	backToHitsLabel = "◀ Terug naar de resultaten"
	shareLabel      = "Deel in dit kanaal"
)

// searchGuideLabel is the button of an error that searches the whole guide
// for what was typed.
const searchGuideLabel = "Zoek in de hele gids"

// guideLabel is the label of the link button to a page of the guide.
func guideLabel(page int) string { return fmt.Sprintf("Open de gids op p. %d", page) }

// addActions puts the reply's actions, the link to the guide and the
// share button in a last row. When the reply already has five rows, the
// last of them gives way.
func addActions(r *reply, o renderOptions) {
	btns := r.Actions
	r.Actions = nil
	if link := o.guideLink(r.GuidePage); link != "" {
		btns = append(btns, discordgo.Button{Label: guideLabel(r.GuidePage), Style: discordgo.LinkButton, URL: link})
	}
	if o.Share != nil && o.Share.Kind != "" && (o.Share.Arg != "" || o.Share.Kind == "thema" || o.Share.Kind == "regio" || o.Share.Kind == "zoek" || o.Share.Kind == "netwerken" || o.Share.Kind == "help") {
		btns = append(btns, discordgo.Button{Label: shareLabel, Style: discordgo.SuccessButton, CustomID: encodeViewAs(chat.RoleShare, *o.Share)})
	}
	if len(btns) == 0 {
		return
	}
	if len(btns) > maxButtonsPerRow {
		btns = btns[:maxButtonsPerRow]
	}
	if len(r.Components) >= maxRows {
		r.Components = r.Components[:maxRows-1]
	}
	r.Components = append(r.Components, discordgo.ActionsRow{Components: btns})
}

// attachment is a file of a reply; an embed shows it as
// "attachment://" + Name.
type attachment struct {
	Name, ContentType string
	Data              []byte
}

// files returns the reply's attachments for discordgo, with fresh readers:
// a request that is sent again must send the files whole again.
func (r *reply) files() []*discordgo.File {
	var out []*discordgo.File
	for _, a := range r.Files {
		out = append(out, &discordgo.File{Name: a.Name, ContentType: a.ContentType, Reader: bytes.NewReader(a.Data)})
	}
	return out
}

// mapFile is the name of a map's picture in its message.
const mapFile = "kaart.png"

// listPageSize is the number of networks per page in lists; search shows 5
// hits per page (the page size travels in answer.SearchPage).
const listPageSize = 10

// compactListRunes is the most characters a page of a list may have (about
// a phone screen); the menu opens the rest.
const compactListRunes = 1800

// Discord's limits on a message, in characters (Discord counts Unicode code
// points; so do we).
const (
	maxContent       = 2000
	maxEmbeds        = 10
	maxTitle         = 256
	maxDescription   = 4096
	maxFields        = 25
	maxFieldName     = 256
	maxFieldValue    = 1024
	maxFooter        = 2048
	maxAuthorName    = 256
	maxEmbedTotal    = 6000
	maxRows          = 5
	maxButtonsPerRow = 5
	maxButtonLabel   = 80
	maxSelectOptions = 25
	maxOptionText    = 100 // label, value and description of a select option
	maxPlaceholder   = 150
)

// How much of the guide's text one answer shows; the rest is a pointer away.
const (
	listSummaryRunes  = 180  // a network's summary in a list
	snippetRunes      = 200  // a search hit's snippet
	factorTextRunes   = 1500 // a factor's core idea
	exampleRunes      = 650  // one example of a factor
	quoteRunes        = 600  // the quote of a factor
	queryTitleRunes   = 120  // the query in a search title
	answerRunes       = 700  // the passage that answers a question
	maxExamplesOnCard = 4
	maxRelatedOnCard  = 5
)

// embedColor is the colour bar of every answer: the green of the guide.
const embedColor = 0x2E8B57

// sourceTitle is the guide every answer comes from.
const sourceTitle = "Word bondgenoot in de strijd tegen (kinder)armoede"

// sourceFooter is the footer of an answer that cites a page of the guide.
func sourceFooter(page int) string {
	if page <= 0 {
		return "Bron: " + sourceTitle
	}
	return fmt.Sprintf("Bron: %s — p. %d", sourceTitle, page)
}

// render turns an answer value into a reply; vw says which page and what
// buttons redo. An error value renders as its Dutch message (with buttons for
// the names it suggests); an unknown value as an apology.
func render(v any, vw view) *reply { return renderWith(renderOptions{}, v, vw) }

// renderWith is render with the guide's address, a share button and the
// corpus for next steps.
func renderWith(o renderOptions, v any, vw view) *reply {
	var r *reply
	switch a := v.(type) {
	case *answer.SearchPage:
		if a == nil || a.Result == nil {
			break
		}
		r = renderSearch(a)
	case *answer.NetworkCard:
		if a == nil || a.Network == nil {
			break
		}
		r = renderNetworkCard(a, vw)
	case *answer.PassageCard:
		if a == nil || a.Passage == nil {
			break
		}
		r = renderPassage(a, vw)
	case *answer.NetworkList:
		if a == nil {
			break
		}
		r = renderNetworkList(a, vw)
	case *answer.PartnerAnswer:
		if a == nil {
			break
		}
		r = renderPartner(a, vw)
	case *answer.FactorCard:
		if a == nil || a.Factor == nil {
			break
		}
		r = renderFactorCard(a, vw)
	case *answer.FactorList:
		if a == nil {
			break
		}
		r = renderFactorList(a)
	case *answer.Themes:
		if a == nil {
			break
		}
		r = renderThemes(a)
	case *answer.Regions:
		if a == nil {
			break
		}
		r = renderRegions(a)
	case *answer.MapAnswer:
		if a == nil || a.Picture == nil {
			break
		}
		r = renderMap(a)
	case daily.Post:
		r = renderDailyPost(a)
	case chat.DailyPreview:
		r = renderDailyPreview(a)
	case *chat.DailyStatus:
		if a == nil {
			break
		}
		r = renderDailyStatus(a)
	case chat.Notice:
		r = &reply{Content: string(a)}
	case chat.Report:
		r = renderReport(a)
	case error:
		if !isNilPointer(a) {
			r = renderErrorIn(a, vw, o.Corpus)
		}
	}
	if r == nil {
		return renderError("")
	}
	if _, isErr := v.(error); isErr {
		o.Share = nil
	}
	addActions(r, o)
	return finish(r)
}

// isNilPointer reports whether err is a typed nil pointer, whose Error
// method would panic.
func isNilPointer(err error) bool {
	v := reflect.ValueOf(err)
	return v.Kind() == reflect.Pointer && v.IsNil()
}

// renderError returns an ephemeral reply with a Dutch message.
func renderError(msg string) *reply {
	msg = strings.TrimSpace(strings.ToValidUTF8(msg, ""))
	if msg == "" {
		msg = "Er ging iets mis aan mijn kant. Probeer het later nog eens."
	}
	// The message may echo what someone typed: escaped as a whole, it
	// shows the same and can hold no link, mention or markup.
	return &reply{Content: umCut(msg, maxContent), Ephemeral: true}
}

// renderErrorValue renders an error: its Dutch message, and for a name that
// was not found, buttons that open the closest names.
func renderErrorValue(err error, vw view) *reply { return renderErrorIn(err, vw, nil) }

// renderErrorIn is renderErrorValue with next steps instead of a dead end:
// an unknown theme gets the themes as a menu (from corpus c, when given),
// and an unknown theme, partner, region or network a button that searches
// the whole guide for what was typed.
func renderErrorIn(err error, vw view, c *content.Corpus) *reply {
	r := renderErrorOnly(err, vw)
	var nf *answer.NotFoundError
	var fe *content.FilterError
	query := ""
	themes := false
	switch {
	case errors.As(err, &fe) && vw.Kind != "zoek":
		query = fe.Value
		themes = fe.Field == "thema"
	case errors.As(err, &nf) && !nf.Ambiguous && (nf.What == "netwerk" || strings.Contains(nf.What, "partner")):
		query = nf.Query
	}
	query = strings.TrimSpace(query)
	if query == "" {
		return r
	}
	if themes && c != nil {
		var opts []discordgo.SelectMenuOption
		for _, t := range c.ThemeCounts() {
			opts = append(opts, discordgo.SelectMenuOption{
				Label: text.HardCut(t.Name, maxOptionText), Value: encodeView(view{Kind: "thema", Arg: t.Name}),
				Description: text.CountNetworks(t.Count),
			})
		}
		if row := selectRow('s', view{Kind: "thema"}, "Kies een thema…", opts); row != nil {
			r.Components = append(r.Components, *row)
			r.Content += " Kies hieronder een van de thema's"
		}
		r.Content += " of zoek in de hele gids."
	} else {
		r.Content += " Of zoek in de hele gids."
	}
	zv := view{Kind: "zoek", Arg: cut(query, 80, "")}
	// The label does not repeat what was typed (a button shows no
	// escaping); the custom_id carries it.
	btn := discordgo.Button{Label: searchGuideLabel, Style: discordgo.PrimaryButton, CustomID: encodeViewAs('x', zv)}
	if len(r.Components) > 0 {
		if row, ok := r.Components[0].(discordgo.ActionsRow); ok && len(row.Components) < maxButtonsPerRow {
			if _, isBtn := row.Components[0].(discordgo.Button); isBtn {
				row.Components = append(row.Components, btn)
				r.Components[0] = row
				return r
			}
		}
	}
	r.Components = append([]discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{btn}}}, r.Components...)
	return r
}

// renderErrorOnly renders an error's Dutch message with buttons for the
// names it suggests.
func renderErrorOnly(err error, vw view) *reply {
	r := renderError(answer.UserMessage(err))
	var opts []viewChoice
	var nf *answer.NotFoundError
	var fe *content.FilterError
	switch {
	case errors.As(err, &nf):
		for _, c := range nf.Candidates {
			switch {
			case nf.What == "netwerk" && c.ID != "":
				opts = append(opts, viewChoice{c.Name, view{Kind: "netwerk", Arg: c.ID}})
			case nf.What == "succesfactor" && c.ID != "":
				opts = append(opts, viewChoice{c.Name, view{Kind: "factor", Arg: c.ID}})
			case strings.Contains(nf.What, "partner") && c.Name != "":
				opts = append(opts, viewChoice{c.Name, view{Kind: "partner", Arg: c.Name}})
			case nf.What == "plaats" && c.Name != "":
				// "Halle (Vlaams-Brabant)" finds exactly that place.
				opts = append(opts, viewChoice{c.Name, view{Kind: "regio", Arg: c.Name, Theme: vw.Theme}})
			}
		}
	case errors.As(err, &fe):
		for _, s := range fe.Suggestions {
			switch {
			case vw.Kind == "thema" || vw.Kind == "regio":
				opts = append(opts, viewChoice{s, view{Kind: vw.Kind, Arg: s}})
			case vw.Kind == "zoek" && fe.Field == "thema":
				opts = append(opts, viewChoice{s, view{Kind: "zoek", Arg: vw.Arg, Theme: s, Province: vw.Province}})
			case vw.Kind == "zoek" && fe.Field == "provincie":
				opts = append(opts, viewChoice{s, view{Kind: "zoek", Arg: vw.Arg, Theme: vw.Theme, Province: s}})
			}
		}
	}
	if row := buttonRow(opts); row != nil {
		r.Components = append(r.Components, *row)
	}
	return r
}

// viewChoice is a label with the view it opens.
type viewChoice struct {
	label string
	v     view
}

// buttonRow returns a row of up to five buttons that open views, or nil.
func buttonRow(opts []viewChoice) *discordgo.ActionsRow {
	row := discordgo.ActionsRow{}
	seen := map[string]bool{}
	for _, o := range opts {
		id := encodeView(o.v)
		if seen[id] || !fitsView(o.v) || len(row.Components) == maxButtonsPerRow {
			continue
		}
		seen[id] = true
		row.Components = append(row.Components, discordgo.Button{
			Label: text.HardCut(text.Label(o.label), maxButtonLabel), Style: discordgo.SecondaryButton, CustomID: id,
		})
	}
	if len(row.Components) == 0 {
		return nil
	}
	return &row
}

// fitsView reports whether v travels whole in a custom_id (its Arg was not
// cut), so that the button opens exactly what it says.
func fitsView(v view) bool {
	d, err := decodeView(encodeView(v))
	return err == nil && d.Arg == text.Clean(v.Arg, chat.MaxCustomID) && d.Theme == v.Theme && d.Province == v.Province
}

// renderHelp returns what the bot can do, with one example per command,
// from the command table and the corpus.
func renderHelp(specs []chat.CommandSpec, c *content.Corpus) *reply {
	e := &discordgo.MessageEmbed{
		Title: "Wat kan ik voor je doen?",
		Description: fmt.Sprintf("Ik maak de gids *%s — een kompas* vindbaar: de %d lokale "+
			"bondgenotennetwerken, hun partners en de %d succesfactoren. Typ `/` en kies een opdracht; "+
			"terwijl je typt, stel ik namen voor.", sourceTitle, len(c.Networks), len(c.Factors)),
		Color: embedColor,
	}
	var helpField *discordgo.MessageEmbedField
	var messageField *discordgo.MessageEmbedField
	for _, s := range specs {
		if s.Message {
			messageField = &discordgo.MessageEmbedField{Name: "Op een bericht: " + s.Name,
				Value: "Klik met de rechtermuisknop op een bericht (of houd het ingedrukt op je gsm), kies **Apps** en dan **" + md(s.Name) + "**: ik zoek in de gids naar wat er in dat bericht staat."}
			continue
		}
		f := &discordgo.MessageEmbedField{Name: "/" + s.Name, Value: strings.TrimSuffix(s.Help, ".") + "."}
		if len(s.Options) > 0 && s.Options[0].Kind != chat.BoolOption {
			f.Name += " " + s.Options[0].Name
		}
		if s.Permissions != 0 {
			f.Name += " (voor beheerders)"
		}
		if s.Example != "" && s.Example != "/"+s.Name {
			f.Value += "\nBv. `" + s.Example + "`"
		}
		if s.Name == "help" {
			f.Value = "Deze uitleg."
			helpField = f
			continue
		}
		e.Fields = append(e.Fields, f)
	}
	if messageField != nil {
		e.Fields = append(e.Fields, messageField)
	}
	e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: "Of spreek me aan", Value: "@bondgenoot wie werkt samen met CAW in Limburg?\n" +
		"@bondgenoot partners van SAAMO\n@bondgenoot netwerken rond vrije tijd in Gent\n@bondgenoot brugfiguur"})
	e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: "Alleen voor jou", Value: "Zet bij een opdracht `alleen-ik` op True: dan zie alleen jij het antwoord, met een knop om het toch in het kanaal te delen."})
	if helpField != nil {
		e.Fields = append(e.Fields, helpField)
	}
	e.Footer = &discordgo.MessageEmbedFooter{Text: sourceFooter(0)}
	row := buttonRow([]viewChoice{
		{"Alle thema's", view{Kind: "thema"}},
		{"Alle regio's", view{Kind: "regio"}},
		{"Willekeurige succesfactor", view{Kind: "random"}},
	})
	r := &reply{Embeds: []*discordgo.MessageEmbed{e}}
	if row != nil {
		r.Components = []discordgo.MessageComponent{*row}
	}
	return finish(r)
}

// renderSearch renders a page of search results: a field per hit, paging
// buttons, and selects that narrow by theme and province from the facets.
func renderSearch(p *answer.SearchPage) *reply {
	cur := view{Kind: "zoek", Arg: p.Query, Theme: p.Theme, Province: p.Province, Page: p.Page}
	e := newEmbed()
	e.Footer = &discordgo.MessageEmbedFooter{Text: sourceFooter(0) + " · zoeken in de hele gids"}
	if p.Query == "" {
		e.Title = "Zoeken"
	} else {
		e.Title = "Zoeken naar “" + um(cut(p.Query, queryTitleRunes, "")) + "”"
	}
	var d []string
	if p.Notice != "" {
		d = append(d, "*"+um(p.Notice)+"*")
	}
	if a := p.Answer; a != nil && p.Page == 0 {
		// The passage that answers the question, before the hits.
		d = append(d, fmt.Sprintf("**Antwoord uit de gids (p. %d)** · %s\n> %s", a.Page, mdCut(a.Title, maxFieldName, ""), mdCut(strings.ReplaceAll(a.Text, "\n", " "), answerRunes, "")))
	}
	pages := p.Pages()
	switch p.Total {
	case 0:
		if p.Query != "" {
			d = append(d, "Niets gevonden.")
		}
	case 1:
		d = append(d, "**1 resultaat**")
	default:
		line := fmt.Sprintf("**%d resultaten**", p.Total)
		if pages > 1 {
			line += fmt.Sprintf(" · pagina %d van %d", p.Page+1, pages)
		}
		d = append(d, line)
	}
	var filters []string
	if p.Theme != "" {
		filters = append(filters, "thema **"+um(p.Theme)+"**")
	}
	if p.Province != "" {
		filters = append(filters, "provincie **"+um(p.Province)+"**")
	}
	if len(filters) > 0 {
		d = append(d, "Alleen "+strings.Join(filters, " en ")+".")
	}
	if p.Suggestion != "" {
		d = append(d, "Bedoelde je **"+md(p.Suggestion)+"**?")
	}
	if p.Total == 0 && p.Query != "" {
		d = append(d, "Probeer een ander of korter woord, of bekijk de netwerken per thema (`/thema`) of per regio (`/regio`).")
	}
	if len(p.Hits) > 0 {
		d = append(d, "Open een resultaat met het menu hieronder.")
	}
	e.Description = strings.Join(d, "\n")
	var open []discordgo.SelectMenuOption
	for i, h := range p.Hits {
		num := p.Page*p.PageSize + i + 1
		name := fmt.Sprintf("%d. %s", num, md(h.Title))
		if a := p.Answer; a != nil && p.Page == 0 && a.Kind == h.Kind && a.ID == h.ID && sameStart(a.Text, h.Snippet) {
			// The answer above already quotes this passage: not twice.
			h.Snippet = ""
		}
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: cutMD(name, maxFieldName), Value: hitValue(h)})
		if o, ok := hitOption(num, h, cur); ok {
			open = append(open, o)
		}
	}

	var comps []discordgo.MessageComponent
	if row := selectRow('b', cur, "Open een resultaat…", open); row != nil {
		comps = append(comps, *row)
	}
	nav := navButtons(cur, p.Page, pages)
	if p.Suggestion != "" {
		s := view{Kind: "zoek", Arg: p.Suggestion, Theme: p.Theme, Province: p.Province}
		nav = append(nav, discordgo.Button{
			Label:    text.HardCut("Zoek “"+p.Suggestion+"”", maxButtonLabel),
			Style:    discordgo.PrimaryButton,
			CustomID: encodeViewAs('d', s),
		})
	}
	if len(nav) > 0 {
		comps = append(comps, discordgo.ActionsRow{Components: nav})
	}
	if sel := facetSelect('s', cur, p.Facets.Themes, p.Theme, "thema", "Verfijn op thema", "Alle thema's"); sel != nil {
		comps = append(comps, *sel)
	}
	if sel := facetSelect('x', cur, p.Facets.Provinces, p.Province, "provincie", "Verfijn op provincie", "Alle provincies"); sel != nil {
		comps = append(comps, *sel)
	}
	r := &reply{Embeds: []*discordgo.MessageEmbed{e}, Components: comps}
	if len(p.Hits) > 0 {
		r.GuidePage = p.Hits[0].Page
	}
	return r
}

// hitOption is the menu option that opens a search hit's card, with the
// page of hits to go back to.
func hitOption(num int, h index.Hit, cur view) (discordgo.SelectMenuOption, bool) {
	kind := ""
	var desc []string
	switch h.Kind {
	case index.KindNetwork:
		kind = "netwerk"
		if h.Place != "" {
			desc = append(desc, h.Place)
		}
	case index.KindFactor:
		kind = "factor"
		desc = append(desc, "succesfactor")
	case index.KindPassage:
		kind = "hoofdstuk"
		desc = append(desc, "hoofdstuk uit de gids")
	default:
		return discordgo.SelectMenuOption{}, false
	}
	if h.ID == "" {
		return discordgo.SelectMenuOption{}, false
	}
	if h.Page > 0 {
		desc = append(desc, fmt.Sprintf("p. %d", h.Page))
	}
	back := cur
	return discordgo.SelectMenuOption{
		Label:       text.HardCut(fmt.Sprintf("%d. %s", num, h.Title), maxOptionText),
		Value:       encodeView(view{Kind: kind, Arg: h.ID, Back: &back}),
		Description: text.HardCut(strings.Join(desc, " · "), maxOptionText),
	}, true
}

// hitValue is the field value of a search hit: where and what it is, and
// the snippet.
// sameStart reports whether two passages begin with the same words (a
// snippet may be cut, and start with "…").
func sameStart(a, b string) bool {
	norm := func(s string) string {
		s = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(s), "…"))
		return text.HardCut(strings.Join(strings.Fields(s), " "), 60)
	}
	x, y := norm(a), norm(b)
	return x != "" && x == y
}

func hitValue(h index.Hit) string {
	var meta []string
	if h.Place != "" {
		if h.Province != "" && h.Province != h.Place {
			meta = append(meta, md(h.Place)+" ("+md(h.Province)+")")
		} else {
			meta = append(meta, md(h.Place))
		}
	}
	switch h.Kind {
	case index.KindNetwork:
		meta = append(meta, "netwerk")
	case index.KindFactor:
		meta = append(meta, "succesfactor")
	default:
		meta = append(meta, "uit de gids")
	}
	if h.Page > 0 {
		meta = append(meta, fmt.Sprintf("p. %d", h.Page))
	}
	lines := []string{strings.Join(meta, " · ")}
	if s := strings.TrimSpace(h.Snippet); s != "" {
		lines = append(lines, "> "+mdCut(strings.ReplaceAll(s, "\n", " "), snippetRunes, ""))
	}
	return cutMD(strings.Join(lines, "\n"), maxFieldValue)
}

// networkCommand is the command that opens a network, by its name (never
// by its id, which users do not know).
func networkCommand(name string) string {
	return "/netwerk " + strings.NewReplacer("`", "'", "|", "/", "\n", " ").Replace(name)
}

// navButtons returns "Vorige" and "Volgende" for a paged answer, or nil when
// there is one page.
func navButtons(cur view, page, pages int) []discordgo.MessageComponent {
	if pages <= 1 || cur.Kind == "" {
		return nil
	}
	prev, next := cur, cur
	prev.Page, next.Page = max(page-1, 0), page+1
	return []discordgo.MessageComponent{
		discordgo.Button{Label: "◀ Vorige", Style: discordgo.SecondaryButton, CustomID: encodeViewAs('p', prev), Disabled: page <= 0},
		discordgo.Button{Label: "Volgende ▶", Style: discordgo.SecondaryButton, CustomID: encodeViewAs('n', next), Disabled: page >= pages-1},
	}
}

// facetSelect returns a select that narrows a search to one theme or
// province from the facet counts, or nil when there is nothing to choose.
// field is "thema" or "provincie".
func facetSelect(role byte, cur view, counts map[string]int, current, field, placeholder, all string) *discordgo.ActionsRow {
	facets := answer.SortedFacets(counts)
	if current == "" && len(facets) <= 1 {
		return nil // nothing to narrow to
	}
	with := func(name string) view {
		v := view{Kind: "zoek", Arg: cur.Arg, Theme: cur.Theme, Province: cur.Province}
		if field == "thema" {
			v.Theme = name
		} else {
			v.Province = name
		}
		return v
	}
	var opts []discordgo.SelectMenuOption
	if current != "" {
		opts = append(opts, discordgo.SelectMenuOption{Label: all, Value: encodeView(with("")), Description: "Haal de filter weg"})
	}
	for _, f := range facets {
		if len(opts) == maxSelectOptions {
			break
		}
		opts = append(opts, discordgo.SelectMenuOption{
			Label:       text.HardCut(f.Name, maxOptionText),
			Value:       encodeView(with(f.Name)),
			Description: text.HardCut(text.CountNetworks(f.Count), maxOptionText),
			Default:     text.Compact(f.Name) == text.Compact(current),
		})
	}
	return selectRow(role, cur, placeholder, opts)
}

// selectRow returns a row with one select menu, or nil without options. Its
// custom_id encodes the page it belongs to (role tells two selects apart);
// each option's value is the encoded view it opens.
func selectRow(role byte, cur view, placeholder string, opts []discordgo.SelectMenuOption) *discordgo.ActionsRow {
	seen := map[string]bool{}
	var keep []discordgo.SelectMenuOption
	for _, o := range opts {
		if seen[o.Value] || len(keep) == maxSelectOptions {
			continue
		}
		seen[o.Value] = true
		if strings.TrimSpace(o.Description) == "" {
			o.Description = "Open"
		}
		// Labels show no markdown: no escapes, but no invisible characters
		// or line breaks either.
		o.Label, o.Description = text.Label(o.Label), text.Label(o.Description)
		keep = append(keep, o)
	}
	if len(keep) == 0 {
		return nil
	}
	one := 1
	return &discordgo.ActionsRow{Components: []discordgo.MessageComponent{discordgo.SelectMenu{
		MenuType:    discordgo.StringSelectMenu,
		CustomID:    encodeViewAs(role, cur),
		Placeholder: text.HardCut(placeholder, maxPlaceholder),
		MinValues:   &one,
		MaxValues:   1,
		Options:     keep,
	}}}
}

// renderNetworkCard renders one network: place and province, themes, summary,
// partners, links, the factors that feature it and related networks.
func renderNetworkCard(a *answer.NetworkCard, vw view) *reply {
	n := a.Network
	more := fmt.Sprintf("(volledige beschrijving in de gids, p. %d)", n.Page)
	e := newEmbed()
	e.Title = cutMD(md(n.Name), maxTitle)
	if len(n.Websites) > 0 {
		e.URL = websiteURL(n.Websites[0])
	}
	summary := strings.TrimSpace(n.Summary)
	if summary == "" {
		summary = n.Description
	}
	desc := md(text.Sentences(summary, 1200))
	if summary != strings.TrimSpace(n.Description) || desc != md(summary) {
		desc += "\n*" + md(more) + "*"
	}
	e.Description = desc
	e.Footer = &discordgo.MessageEmbedFooter{Text: sourceFooter(n.Page)}

	where := md(n.Place)
	if n.Province != "" && n.Province != n.Place {
		where += " · " + md(n.Province)
	}
	if others := otherMunicipalities(n); len(others) > 0 {
		where += "\nGemeenten: " + md(strings.Join(others, ", "))
	}
	add := func(name, value string, inline bool) {
		if strings.TrimSpace(value) == "" {
			return
		}
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: cutMD(name, maxFieldName), Value: cutMD(value, maxFieldValue), Inline: inline})
	}
	add("Waar", where, true)
	if len(n.Themes) > 0 {
		add("Thema's", md(strings.Join(n.Themes, ", ")), true)
	}

	var partners []string
	for _, p := range n.Partners {
		s := md(p.Name)
		if p.Canonical != "" && text.Compact(p.Canonical) != text.Compact(p.Name) {
			s += " (" + md(p.Canonical) + ")"
		}
		partners = append(partners, "• "+s)
	}
	add(fmt.Sprintf("De bondgenoten (%d)", len(n.Partners)), joinFit(partners, "\n", maxFieldValue, func(rest int) string {
		return fmt.Sprintf("… en nog %d (zie de gids, p. %d)", rest, n.Page)
	}), false)

	var links []string
	for _, w := range n.Websites {
		links = append(links, link(w, websiteURL(w)))
	}
	add(text.Plural(len(links), "Website", "Websites"), joinFit(links, "\n", maxFieldValue, func(rest int) string {
		return fmt.Sprintf("… en nog %d", rest)
	}), false)
	var contacts []string
	for _, c := range n.Contacts {
		// Plain: Discord makes no link of mailto:, and shows a masked
		// one as written.
		line := md(c.Email)
		if c.Name != "" {
			line = md(c.Name) + ": " + line
		}
		contacts = append(contacts, line)
	}
	add("Contact", joinFit(contacts, "\n", maxFieldValue, func(rest int) string {
		return fmt.Sprintf("… en nog %d (zie de gids, p. %d)", rest, n.Page)
	}), false)
	var products []string
	for _, p := range n.Products {
		if looksLikeURL(p) {
			products = append(products, "• "+link(p, websiteURL(p)))
		} else {
			products = append(products, "• "+md(p))
		}
	}
	add(text.Plural(len(products), "Product", "Producten"), joinFit(products, "\n", maxFieldValue, func(rest int) string {
		return fmt.Sprintf("… en nog %d (zie de gids, p. %d)", rest, n.Page)
	}), false)

	var factors []string
	var factorOpts []discordgo.SelectMenuOption
	for _, f := range a.Factors {
		factors = append(factors, fmt.Sprintf("• %s (p. %d)", md(f.Name), f.Page))
		factorOpts = append(factorOpts, discordgo.SelectMenuOption{
			Label: text.HardCut(f.Name, maxOptionText), Value: encodeView(view{Kind: "factor", Arg: f.ID}),
			Description: fmt.Sprintf("Succesfactor, gids p. %d", f.Page),
		})
	}
	add("Voorbeeld bij de succesfactoren", joinFit(factors, "\n", maxFieldValue, func(rest int) string {
		return fmt.Sprintf("… en nog %d", rest)
	}), false)
	var related []string
	for i, r := range a.Related {
		if i == maxRelatedOnCard {
			break
		}
		related = append(related, "• "+md(r.Name)+" — "+md(r.Place))
	}
	add("Verwante netwerken", joinFit(related, "\n", maxFieldValue, func(rest int) string {
		return fmt.Sprintf("… en nog %d", rest)
	}), false)

	cur := view{Kind: "netwerk", Arg: n.ID}
	var comps []discordgo.MessageComponent
	var nav []viewChoice
	for _, t := range n.Themes {
		if len(nav) == 3 {
			break
		}
		nav = append(nav, viewChoice{"Meer rond " + t, view{Kind: "thema", Arg: t}})
	}
	if n.Province != "" {
		nav = append(nav, viewChoice{"Meer in " + n.Province, view{Kind: "regio", Arg: n.Province}})
	}
	if row := buttonRow(nav); row != nil {
		comps = append(comps, *row)
	}
	var partnerOpts []discordgo.SelectMenuOption
	seen := map[string]bool{}
	for _, p := range n.Partners {
		name := p.Canonical
		if name == "" {
			name = p.Name
		}
		v := view{Kind: "partner", Arg: name}
		if seen[text.Compact(name)] || !fitsView(v) || runes(name) > maxOptionText || !likelyOrganisation(p) {
			continue
		}
		seen[text.Compact(name)] = true
		partnerOpts = append(partnerOpts, discordgo.SelectMenuOption{
			Label: name, Value: encodeView(v), Description: "Andere netwerken met deze partner",
		})
	}
	if row := selectRow('s', cur, "Andere netwerken met dezelfde partner…", partnerOpts); row != nil {
		comps = append(comps, *row)
	}
	var relatedOpts []discordgo.SelectMenuOption
	for i, r := range a.Related {
		if i == maxRelatedOnCard {
			break
		}
		relatedOpts = append(relatedOpts, networkOption(r.Name, r.Place, "", r.ID))
	}
	if row := selectRow('x', cur, "Open een verwant netwerk…", relatedOpts); row != nil {
		comps = append(comps, *row)
	}
	if row := selectRow('c', cur, "Open een succesfactor met dit netwerk als voorbeeld…", factorOpts); row != nil {
		comps = append(comps, *row)
	}
	return &reply{Embeds: []*discordgo.MessageEmbed{e}, Components: comps, Actions: backButton(vw), GuidePage: n.Page}
}

// backButton is "Terug" to the list a card was opened from, or nil.
func backButton(vw view) []discordgo.MessageComponent {
	if vw.Back == nil || vw.Back.Kind == "" {
		return nil
	}
	label := backLabel
	if vw.Back.Kind == "zoek" {
		label = backToHitsLabel
	}
	return []discordgo.MessageComponent{discordgo.Button{Label: label, Style: discordgo.SecondaryButton, CustomID: encodeViewAs(chat.RoleBack, *vw.Back)}}
}

// renderPassage renders a chapter of the guide: its text, cut, with the
// page to read on.
func renderPassage(a *answer.PassageCard, vw view) *reply {
	p := a.Passage
	e := newEmbed()
	e.Author = &discordgo.MessageEmbedAuthor{Name: "Uit de gids"}
	e.Title = cutMD(md(p.Title), maxTitle)
	e.Description = mdCut(p.Text, factorTextRunes, fmt.Sprintf("(lees verder in de gids, p. %d)", p.Page))
	e.Footer = &discordgo.MessageEmbedFooter{Text: sourceFooter(p.Page)}
	return &reply{Embeds: []*discordgo.MessageEmbed{e}, Actions: backButton(vw), GuidePage: p.Page}
}

// likelyOrganisation reports whether a partner is worth a look-up across
// networks: one the directory knows under another name, or a proper name
// (capitalised). Descriptions such as "sociale dienst" or "lokale
// basisscholen" only name this network's own partners.
func likelyOrganisation(p content.Partner) bool {
	if p.Canonical != "" && p.Canonical != p.Name {
		return true
	}
	r, _ := utf8.DecodeRuneInString(p.Name)
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}

// networkOption is a select option that opens a network's card: its name,
// and its place with the start of its summary, ending at a sentence when
// one fits.
func networkOption(name, place, summary, id string) discordgo.SelectMenuOption {
	desc := place
	if sum := strings.TrimSpace(summary); sum != "" {
		if desc != "" {
			desc += " — "
		}
		desc += sum
	}
	if desc == "" {
		desc = "Open de fiche"
	}
	return discordgo.SelectMenuOption{
		Label:       text.HardCut(name, maxOptionText),
		Value:       encodeView(view{Kind: "netwerk", Arg: id}),
		Description: cut(desc, maxOptionText, ""),
	}
}

// otherMunicipalities returns the municipalities of n when they say more
// than its place.
func otherMunicipalities(n *content.Network) []string {
	if len(n.Municipalities) == 0 || len(n.Municipalities) == 1 && text.Compact(n.Municipalities[0]) == text.Compact(n.Place) {
		return nil
	}
	return n.Municipalities
}

// renderNetworkList renders one page of a list of networks, compactly:
// one or two lines per network, with paging buttons and a menu that opens
// a network of the page.
func renderNetworkList(l *answer.NetworkList, vw view) *reply {
	pages, page, from, to := pageBounds(len(l.Networks), vw.Page)
	e := newEmbed()
	e.Title = cutMD(um(l.Title)+fmt.Sprintf(" (%d)", len(l.Networks)), maxTitle)
	var d []string
	if l.Note != "" {
		d = append(d, um(l.Note))
	}
	if len(l.Networks) == 0 {
		d = append(d, "Geen netwerken gevonden. Probeer een ander thema of een andere regio, of zoek met `/zoek`.")
	} else {
		d = append(d, listIntro(len(l.Networks), page, pages))
	}
	var opts []discordgo.SelectMenuOption
	var entries []string
	for i, n := range l.Networks[from:to] {
		entries = append(entries, networkEntry(from+i+1, n, nearbyLine(l, n)))
		opts = append(opts, networkOption(n.Name, n.Place, n.Summary, n.ID))
	}
	e.Description = listDescription(d, entries)
	e.Footer = &discordgo.MessageEmbedFooter{Text: sourceFooter(0)}
	r := listReply(e, vw, page, pages, opts, pageFirst(l.Networks[from:to]))
	if l.Province != "" {
		// No network in the place itself: the way to its province's list.
		if row := buttonRow([]viewChoice{{"Alle netwerken in " + l.Province, view{Kind: "regio", Arg: l.Province}}}); row != nil {
			r.Components = append(r.Components, *row)
		}
	}
	return r
}

// nearbyLine says how far a network in a list about a place is: "13 km van
// Kortrijk", "Voor heel Limburg"; "" for one in the place's municipality.
func nearbyLine(l *answer.NetworkList, n *content.Network) string {
	d := l.Distance(n)
	switch {
	case d == "":
		return ""
	case strings.HasPrefix(d, "heel "):
		return "Voor " + d
	}
	return d + " van " + l.Nearby.Place.Name
}

// pageFirst is the guide's page of the first network on a page of a list.
func pageFirst(ns []*content.Network) int {
	if len(ns) == 0 {
		return 0
	}
	return ns[0].Page
}

// listDescription is the intro lines of a list with its entries, within
// the description's limit.
func listDescription(intro, entries []string) string {
	head := strings.Join(intro, "\n")
	if len(entries) == 0 {
		return head
	}
	body := joinFit(entries, "\n", maxDescription-runes(head)-2, func(rest int) string { return fmt.Sprintf("… en nog %d (zie de volgende pagina)", rest) })
	return head + "\n\n" + body
}

// renderPartner renders one page of the networks that name an organisation.
func renderPartner(a *answer.PartnerAnswer, vw view) *reply {
	pages, page, from, to := pageBounds(len(a.Networks), vw.Page)
	e := newEmbed()
	e.Title = cutMD("Netwerken die samenwerken met "+um(a.Organisation)+fmt.Sprintf(" (%d)", len(a.Networks)), maxTitle)
	var d []string
	if len(a.Networks) > 0 {
		d = append(d, listIntro(len(a.Networks), page, pages))
	}
	if len(a.Aliases) > 0 {
		d = append(d, "Ook geschreven als: "+cutMD(md(strings.Join(a.Aliases, ", ")), 300))
	}
	var opts []discordgo.SelectMenuOption
	var entries []string
	first := 0
	for i, m := range a.Networks[from:to] {
		var spelled []string
		for _, s := range m.Spellings {
			if s != a.Organisation {
				spelled = append(spelled, "“"+s+"”")
			}
		}
		extra := ""
		if len(spelled) > 0 {
			extra = "genoemd als " + strings.Join(spelled, ", ")
		}
		n := &content.Network{ID: m.ID, Name: m.Name, Place: m.Place, Province: m.Province, Page: m.Page, Themes: m.Themes, Summary: m.Summary}
		entries = append(entries, networkEntry(from+i+1, n, extra))
		opts = append(opts, networkOption(m.Name, m.Place, m.Summary, m.ID))
		if i == 0 {
			first = m.Page
		}
	}
	e.Description = listDescription(d, entries)
	e.Footer = &discordgo.MessageEmbedFooter{Text: sourceFooter(0)}
	cur := vw
	if cur.Kind == "" || cur.Kind == "partner" {
		cur = view{Kind: "partner", Arg: a.Organisation, Page: page}
	}
	return listReply(e, cur, page, pages, opts, first)
}

// networkEntry is a network in a compact list, in two lines: its number,
// name and place; its themes and page, and extra (may be empty).
func networkEntry(num int, n *content.Network, extra string) string {
	first := fmt.Sprintf("**%d. %s**", num, md(n.Name))
	if n.Place != "" {
		first += " — " + md(n.Place)
		if n.Province != "" && n.Province != n.Place {
			first += " (" + md(n.Province) + ")"
		}
	}
	var second []string
	if len(n.Themes) > 0 {
		second = append(second, md(strings.Join(n.Themes, ", ")))
	}
	if n.Page > 0 {
		second = append(second, fmt.Sprintf("p. %d", n.Page))
	}
	if extra != "" {
		second = append(second, cutMD(md(extra), 120))
	}
	if len(second) == 0 {
		return first
	}
	return first + "\n" + strings.Join(second, " · ")
}

// listIntro is the first line of a list.
func listIntro(total, page, pages int) string {
	s := fmt.Sprintf("**%d %s**", total, text.Plural(total, "netwerk", "netwerken"))
	if pages > 1 {
		s += fmt.Sprintf(" · pagina %d van %d", page+1, pages)
	}
	return s + ". Open er een met het menu hieronder."
}

// listReply adds paging buttons, "Toon op kaart" and a menu that opens a
// network of the page (and comes back to it), and the guide's page of its
// first network.
func listReply(e *discordgo.MessageEmbed, vw view, page, pages int, opts []discordgo.SelectMenuOption, guidePage int) *reply {
	cur := vw
	cur.Page = page
	cur.Back = nil
	for i := range opts {
		if v, err := decodeView(opts[i].Value); err == nil && v.Kind == "netwerk" {
			back := cur
			v.Back = &back
			opts[i].Value = encodeView(v)
		}
	}
	var comps []discordgo.MessageComponent
	if row := selectRow('s', cur, "Open een netwerk uit deze lijst…", opts); row != nil {
		comps = append(comps, *row)
	}
	nav := navButtons(cur, page, pages)
	if mv, ok := mapView(cur); ok && len(opts) > 0 {
		nav = append(nav, discordgo.Button{Label: "Toon op kaart", Style: discordgo.SecondaryButton, CustomID: encodeView(mv)})
	}
	if len(nav) > 0 {
		comps = append(comps, discordgo.ActionsRow{Components: nav})
	}
	return &reply{Embeds: []*discordgo.MessageEmbed{e}, Components: comps, GuidePage: guidePage}
}

// mapView is the map of the networks a list shows, for the lists of
// /thema, /regio, /partner and filtered lists.
func mapView(vw view) (view, bool) {
	var mv view
	switch vw.Kind {
	case "thema":
		mv = view{Kind: "kaart", Theme: vw.Arg}
	case "regio":
		mv = view{Kind: "kaart", Province: vw.Arg}
	case "partner":
		mv = view{Kind: "kaart", Arg: vw.Arg}
	case "netwerken":
		mv = view{Kind: "kaart", Arg: vw.Arg, Theme: vw.Theme, Province: vw.Province}
	default:
		return view{}, false
	}
	return mv, fitsView(mv)
}

// renderMap shows a map: the picture attached and shown in the embed, and
// the highlighted networks as text (for who cannot see the picture).
func renderMap(a *answer.MapAnswer) *reply {
	e := newEmbed()
	e.Title = cutMD(um(a.Title)+fmt.Sprintf(" (%d)", len(a.Networks)), maxTitle) // may name what was asked
	var names []string
	for _, n := range a.Networks {
		s := md(n.Name) + " (" + md(n.Place)
		if d := a.Distance[n.ID]; d != "" {
			s += ", " + md(d)
		}
		names = append(names, s+")")
	}
	intro := fmt.Sprintf("**%d %s** in het oranje; grijs: de andere netwerken.", len(a.Networks), text.Plural(len(a.Networks), "netwerk", "netwerken"))
	if len(a.Networks) == 0 {
		intro = "Geen netwerken gevonden voor deze vraag; in het grijs: alle netwerken."
	}
	e.Description = intro
	if len(names) > 0 {
		e.Description += "\n" + joinFit(names, " · ", 3000, func(rest int) string { return fmt.Sprintf("en nog %d", rest) })
	}
	e.Image = &discordgo.MessageEmbedImage{URL: "attachment://" + mapFile}
	e.Footer = &discordgo.MessageEmbedFooter{Text: "Kaart: Natural Earth · plaatsen: GeoNames · " + sourceFooter(0)}
	return &reply{
		Embeds: []*discordgo.MessageEmbed{e},
		Files:  []attachment{{Name: mapFile, ContentType: "image/png", Data: a.Picture.PNG}},
	}
}

// pageBounds clamps page to the pages of n items and returns the slice
// bounds of that page.
func pageBounds(n, page int) (pages, p, from, to int) {
	pages = max((n+listPageSize-1)/listPageSize, 1)
	p = min(max(page, 0), pages-1)
	from = min(p*listPageSize, n)
	to = min(from+listPageSize, n)
	return pages, p, from, to
}

// renderFactorCard renders a success factor: its core idea, examples from
// the networks and one of its quotes (vw.Page), with buttons to page
// through the quotes and for another factor.
func renderFactorCard(a *answer.FactorCard, vw view) *reply {
	f := a.Factor
	more := fmt.Sprintf("(lees verder in de gids, p. %d)", f.Page)
	e := newEmbed()
	e.Author = &discordgo.MessageEmbedAuthor{Name: fmt.Sprintf("Succesfactor %d van %d", f.Order, a.Of)}
	e.Title = cutMD(md(f.Title), maxTitle)
	e.Description = mdCut(f.Text, factorTextRunes, more)
	e.Footer = &discordgo.MessageEmbedFooter{Text: sourceFooter(f.Page)}
	var opts []discordgo.SelectMenuOption
	for i, ex := range f.Examples {
		if i == maxExamplesOnCard {
			e.Fields = append(e.Fields, &discordgo.MessageEmbedField{
				Name:  "Meer voorbeelden",
				Value: fmt.Sprintf("Nog %d in de gids, p. %d.", len(f.Examples)-i, f.Page),
			})
			break
		}
		// A quote is shown once, below, with its speaker; not inside the
		// example too.
		value := mdCut(withoutQuotes(ex.Text, f.Quotes), exampleRunes, more)
		if ex.NetworkID != "" {
			opts = append(opts, networkOption(ex.NetworkName, "Voorbeeld bij deze succesfactor", "", ex.NetworkID))
		}
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{
			Name:  cutMD("Voorbeeld: "+md(ex.NetworkName), maxFieldName),
			Value: cutMD(value, maxFieldValue),
		})
	}
	qi := min(max(vw.Page, 0), max(len(f.Quotes)-1, 0))
	if len(f.Quotes) > 0 {
		name := "Citaat"
		if len(f.Quotes) > 1 {
			name = fmt.Sprintf("Citaat %d van %d", qi+1, len(f.Quotes))
		}
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: name, Value: quoteBody(f.Quotes[qi], a.QuoteSources, qi)})
	}
	cur := view{Kind: "factor", Arg: f.ID, Page: qi}
	row := []discordgo.MessageComponent{}
	if len(f.Quotes) > 1 {
		// Paging through the quotes keeps the way back to the list.
		prev, next := cur, cur
		prev.Page, next.Page = max(qi-1, 0), qi+1
		prev.Back, next.Back = vw.Back, vw.Back
		row = append(row,
			discordgo.Button{Label: "◀ Vorig citaat", Style: discordgo.SecondaryButton, CustomID: encodeViewAs('p', prev), Disabled: qi == 0},
			discordgo.Button{Label: "Volgend citaat ▶", Style: discordgo.SecondaryButton, CustomID: encodeViewAs('n', next), Disabled: qi >= len(f.Quotes)-1},
		)
	}
	row = append(row, discordgo.Button{Label: "Andere succesfactor", Style: discordgo.PrimaryButton, CustomID: encodeView(view{Kind: "random"})})
	comps := []discordgo.MessageComponent{discordgo.ActionsRow{Components: row}}
	if sel := selectRow('s', cur, "Open een netwerk uit de voorbeelden…", opts); sel != nil {
		comps = append(comps, *sel)
	}
	return &reply{Embeds: []*discordgo.MessageEmbed{e}, Components: comps, Actions: backButton(vw), GuidePage: f.Page}
}

// quoteBody is a quote as a block quote between “…”, with who said it
// (sources[i], when known).
func quoteBody(q content.Quote, sources []string, i int) string {
	body := "> " + strings.ReplaceAll(mdCut(content.QuoteText(q.Text), quoteRunes, ""), "\n", "\n> ")
	src := strings.TrimSpace(q.Attribution)
	if i < len(sources) && sources[i] != "" {
		src = sources[i]
	}
	if src == "" {
		src = "uit de gids, die niet zegt van wie"
	}
	return cutMD(body+"\n> — "+md(src), maxFieldValue)
}

// withoutQuotes returns an example's text without the quotes that the card
// shows on their own.
func withoutQuotes(s string, quotes []content.Quote) string {
	for _, q := range quotes {
		t := strings.TrimSpace(strings.Trim(content.QuoteText(q.Text), "“”"))
		if len(t) < 20 {
			continue
		}
		i := strings.Index(s, t)
		if i < 0 {
			continue
		}
		start, end := i, i+len(t)
		// The marks around it go too.
		for start > 0 {
			r, size := utf8.DecodeLastRuneInString(s[:start])
			if !strings.ContainsRune("\"“”„'‘’", r) {
				break
			}
			start -= size
		}
		for end < len(s) {
			r, size := utf8.DecodeRuneInString(s[end:])
			if !strings.ContainsRune("\"“”„'‘’", r) {
				break
			}
			end += size
		}
		s = strings.TrimSpace(strings.TrimSpace(s[:start]) + " " + strings.TrimSpace(s[end:]))
	}
	return s
}

// renderFactorList renders the success factors with a select to open one.
func renderFactorList(a *answer.FactorList) *reply {
	e := newEmbed()
	e.Title = fmt.Sprintf("De %d succesfactoren", len(a.Factors))
	var lines []string
	var opts []discordgo.SelectMenuOption
	for _, f := range a.Factors {
		counts := fmt.Sprintf("p. %d · %d %s, %d %s", f.Page, f.Examples, text.Plural(f.Examples, "voorbeeld", "voorbeelden"),
			f.Quotes, text.Plural(f.Quotes, "citaat", "citaten"))
		lines = append(lines, fmt.Sprintf("**%d.** %s — %s", f.Order, md(f.Title), counts))
		opts = append(opts, discordgo.SelectMenuOption{
			Label:       text.HardCut(fmt.Sprintf("%d. %s", f.Order, f.Title), maxOptionText),
			Value:       encodeView(view{Kind: "factor", Arg: f.ID}),
			Description: text.HardCut(counts, maxOptionText),
		})
	}
	e.Description = joinFit(lines, "\n", maxDescription, func(rest int) string { return fmt.Sprintf("… en nog %d", rest) })
	e.Footer = &discordgo.MessageEmbedFooter{Text: sourceFooter(0)}
	comps := []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{
		discordgo.Button{Label: "Willekeurige succesfactor", Style: discordgo.PrimaryButton, CustomID: encodeView(view{Kind: "random"})},
	}}}
	if row := selectRow('s', view{Kind: "factor"}, "Open een succesfactor…", opts); row != nil {
		comps = append(comps, *row)
	}
	return &reply{Embeds: []*discordgo.MessageEmbed{e}, Components: comps}
}

// renderThemes renders the themes with their network counts.
func renderThemes(a *answer.Themes) *reply {
	e := newEmbed()
	e.Title = "Thema's"
	var lines []string
	var opts []discordgo.SelectMenuOption
	for _, t := range a.Themes {
		lines = append(lines, fmt.Sprintf("**%s** — %s", md(t.Name), text.CountNetworks(t.Count)))
		opts = append(opts, discordgo.SelectMenuOption{
			Label: text.HardCut(t.Name, maxOptionText), Value: encodeView(view{Kind: "thema", Arg: t.Name}),
			Description: text.CountNetworks(t.Count),
		})
	}
	if len(lines) == 0 {
		lines = append(lines, "Geen thema's gevonden.")
	}
	e.Description = joinFit(lines, "\n", maxDescription-100, func(rest int) string { return fmt.Sprintf("… en nog %d", rest) }) +
		"\n\nKies een thema hieronder of typ `/thema vrije tijd`."
	e.Footer = &discordgo.MessageEmbedFooter{Text: sourceFooter(0)}
	r := &reply{Embeds: []*discordgo.MessageEmbed{e}}
	if row := selectRow('s', view{Kind: "thema"}, "Bekijk de netwerken rond een thema…", opts); row != nil {
		r.Components = append(r.Components, *row)
	}
	return r
}

// renderRegions renders the provinces with their places and counts.
func renderRegions(a *answer.Regions) *reply {
	e := newEmbed()
	e.Title = "Regio's"
	e.Description = "De netwerken per provincie, met de plaatsen waar ze werken. Kies een provincie hieronder of typ `/regio Gent`."
	var opts []discordgo.SelectMenuOption
	for _, p := range a.Provinces {
		var places []string
		for _, pl := range a.Places {
			if pl.Province == p.Name {
				places = append(places, fmt.Sprintf("%s (%d)", md(pl.Name), pl.Count))
			}
		}
		value := joinFit(places, " · ", maxFieldValue, func(rest int) string { return fmt.Sprintf("… en nog %d", rest) })
		if value == "" {
			value = "Geen netwerken."
		}
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{
			Name: cutMD(md(p.Name)+" — "+text.CountNetworks(p.Count), maxFieldName), Value: value,
		})
		if p.Count > 0 {
			opts = append(opts, discordgo.SelectMenuOption{
				Label: text.HardCut(p.Name, maxOptionText), Value: encodeView(view{Kind: "regio", Arg: p.Name}),
				Description: text.CountNetworks(p.Count),
			})
		}
	}
	e.Footer = &discordgo.MessageEmbedFooter{Text: sourceFooter(0)}
	r := &reply{Embeds: []*discordgo.MessageEmbed{e}}
	if row := selectRow('s', view{Kind: "regio"}, "Bekijk de netwerken in een provincie…", opts); row != nil {
		r.Components = append(r.Components, *row)
	}
	return r
}

func newEmbed() *discordgo.MessageEmbed {
	return &discordgo.MessageEmbed{Type: discordgo.EmbedTypeRich, Color: embedColor}
}

func runes(s string) int { return utf8.RuneCountInString(s) }

// cut shortens s to at most limit runes at a sentence or word, ending in "…"
// and more.
func cut(s string, limit int, more string) string {
	out := text.HardCut(text.Truncate(strings.TrimSpace(s), limit, more), limit)
	// Cut where a sentence ends, the text needs no "…": "… zien. (lees
	// verder …)", not "zien. … (lees verder …)".
	if more == "" {
		return out
	}
	if body, ok := strings.CutSuffix(out, " … "+more); ok && strings.ContainsAny(body[max(len(body)-1, 0):], ".!?") {
		return body + " " + more
	}
	return out
}

// hardCut cuts s to at most limit runes, without caring for words.

// mdCut cuts plain text s to fit limit runes once escaped for Discord's
// markdown, ending in "…" and more, and escapes it.
func mdCut(s string, limit int, more string) string {
	room := limit
	for range 8 {
		out := md(cut(s, room, more))
		if over := runes(out) - limit; over > 0 {
			room -= over
			continue
		}
		return out
	}
	return cutMD(md(cut(s, limit/2, more)), limit)
}

// cutMD cuts text that is already markdown to at most limit runes, at a
// word, and never leaves a lone escaping backslash at the end.
func cutMD(s string, limit int) string {
	if runes(s) <= limit {
		return s
	}
	s = cut(s, limit, "")
	body := strings.TrimSuffix(s, "…")
	if trailing := len(body) - len(strings.TrimRight(body, `\`)); trailing%2 == 1 {
		return body[:len(body)-1] + strings.TrimPrefix(s, body)
	}
	return s
}

// md escapes text for Discord's markdown so that it shows as written:
// no formatting, masked links, mentions or headings from the guide's text or
// from what a user typed.
func md(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 8)
	lineStart := true
	for _, r := range s {
		switch r {
		case '\\', '*', '_', '~', '`', '|', '[', ']', '<', '>', '#':
			b.WriteByte('\\')
		case '-':
			if lineStart {
				b.WriteByte('\\')
			}
		}
		b.WriteRune(r)
		lineStart = r == '\n' || lineStart && (r == ' ' || r == '\t')
	}
	return b.String()
}

// um escapes text that may hold what someone typed (a query, a name that
// was not found, an error message that quotes it): it shows as typed and
// can never become a link, a mention, a heading, a list, a quote or
// markup (text.EscapeMarkdown). md is for the guide's own text.
func um(s string) string { return text.EscapeMarkdown(s) }

// umCut is um within limit runes, cut at a word (like mdCut), never
// ending in a lone backslash.
func umCut(s string, limit int) string {
	room := limit
	for range 8 {
		out := um(cut(s, room, ""))
		if over := runes(out) - limit; over > 0 {
			room -= over
			continue
		}
		return out
	}
	return cutMD(um(cut(s, limit/3, "")), limit)
}

// joinFit joins items with sep within limit runes; when they do not all fit,
// it ends with tail(rest) for the rest.
func joinFit(items []string, sep string, limit int, tail func(rest int) string) string {
	var b strings.Builder
	n := 0
	for i, it := range items {
		add := it
		if i > 0 {
			add = sep + it
		}
		room := limit
		if i < len(items)-1 {
			room -= runes(sep + tail(len(items)-i-1))
		}
		if n+runes(add) > room {
			t := tail(len(items) - i)
			if i > 0 {
				t = sep + t
			}
			if n+runes(t) <= limit {
				b.WriteString(t)
			}
			return b.String()
		}
		b.WriteString(add)
		n += runes(add)
	}
	return b.String()
}

// link is a markdown link with an escaped label.
func link(label, url string) string {
	return "[" + md(label) + "](" + url + ")"
}

// looksLikeURL reports whether s is a web address, with or without scheme.
func looksLikeURL(s string) bool {
	s = strings.ToLower(strings.TrimSpace(s))
	if strings.ContainsAny(s, " \t\n") || s == "" {
		return false
	}
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "www.")
}

// websiteURL makes a printed web address clickable: https:// in front when
// the guide prints it without a scheme, and no characters that end a link.
func websiteURL(s string) string {
	s = strings.TrimSpace(s)
	low := strings.ToLower(s)
	if !strings.HasPrefix(low, "http://") && !strings.HasPrefix(low, "https://") {
		s = "https://" + s
	}
	return strings.NewReplacer(" ", "%20", "(", "%28", ")", "%29", "<", "%3C", ">", "%3E").Replace(s)
}

// finish makes a reply fit every Discord limit, whatever went before: it is
// the last step of every render.
func finish(r *reply) *reply {
	r.Content = text.HardCut(r.Content, maxContent)
	if len(r.Embeds) > maxEmbeds {
		r.Embeds = r.Embeds[:maxEmbeds]
	}
	for _, e := range r.Embeds {
		fitEmbed(e)
	}
	if len(r.Components) > maxRows {
		r.Components = r.Components[:maxRows]
	}
	return r
}

// fitEmbed cuts every part of e to its limit, then drops fields from the end
// and shortens the description until the whole fits in 6000 characters.
func fitEmbed(e *discordgo.MessageEmbed) {
	e.Title = cutMD(e.Title, maxTitle)
	e.Description = cutMD(e.Description, maxDescription)
	if e.Author != nil {
		e.Author.Name = text.HardCut(e.Author.Name, maxAuthorName)
	}
	if e.Footer != nil {
		e.Footer.Text = text.HardCut(e.Footer.Text, maxFooter)
	}
	if len(e.Fields) > maxFields {
		e.Fields = e.Fields[:maxFields]
	}
	for _, f := range e.Fields {
		f.Name = cutMD(f.Name, maxFieldName)
		f.Value = cutMD(f.Value, maxFieldValue)
		if strings.TrimSpace(f.Name) == "" {
			f.Name = "\u200b"
		}
		if strings.TrimSpace(f.Value) == "" {
			f.Value = "\u200b"
		}
	}
	for len(e.Fields) > 1 && embedTotal(e) > maxEmbedTotal {
		e.Fields = e.Fields[:len(e.Fields)-1]
	}
	if over := embedTotal(e) - maxEmbedTotal; over > 0 {
		e.Description = cutMD(e.Description, max(runes(e.Description)-over, 0))
	}
	if embedTotal(e) > maxEmbedTotal {
		e.Fields = nil
	}
	if over := embedTotal(e) - maxEmbedTotal; over > 0 && e.Footer != nil {
		e.Footer.Text = text.HardCut(e.Footer.Text, max(runes(e.Footer.Text)-over, 0))
	}
}

// embedTotal counts the characters Discord counts against 6000: title,
// description, field names and values, footer text and author name.
func embedTotal(e *discordgo.MessageEmbed) int {
	n := runes(e.Title) + runes(e.Description)
	for _, f := range e.Fields {
		n += runes(f.Name) + runes(f.Value)
	}
	if e.Footer != nil {
		n += runes(e.Footer.Text)
	}
	if e.Author != nil {
		n += runes(e.Author.Name)
	}
	return n
}

// view is the state a button redoes (see chat.View).
type view = chat.View

func encodeView(v view) string              { return chat.EncodeView(v) }
func encodeViewAs(role byte, v view) string { return chat.EncodeViewAs(role, v) }
func decodeView(s string) (view, error)     { return chat.DecodeView(s) }
