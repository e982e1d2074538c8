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
	Files      []attachment // sent with the message (multipart)
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
	snippetRunes      = 300  // a search hit's snippet
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
func render(v any, vw view) *reply {
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
		r = renderNetworkCard(a)
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
		r = renderFactorCard(a)
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
			r = renderErrorValue(a, vw)
		}
	}
	if r == nil {
		return renderError("")
	}
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
func renderErrorValue(err error, vw view) *reply {
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
	for _, s := range specs {
		f := &discordgo.MessageEmbedField{Name: "/" + s.Name, Value: strings.TrimSuffix(s.Help, ".") + "."}
		if len(s.Options) > 0 {
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
	e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: "Of spreek me aan", Value: "@bondgenoot wie werkt samen met CAW in Limburg?\n" +
		"@bondgenoot partners van SAAMO\n@bondgenoot netwerken rond vrije tijd in Gent\n@bondgenoot brugfiguur"})
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
	e.Description = strings.Join(d, "\n")
	for i, h := range p.Hits {
		name := fmt.Sprintf("%d. %s", p.Page*p.PageSize+i+1, md(h.Title))
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: cutMD(name, maxFieldName), Value: hitValue(h)})
	}

	var comps []discordgo.MessageComponent
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
	return &reply{Embeds: []*discordgo.MessageEmbed{e}, Components: comps}
}

// hitValue is the field value of a search hit: where and what it is, the
// snippet, and how to read on.
func hitValue(h index.Hit) string {
	var meta []string
	if h.Place != "" {
		if h.Province != "" && h.Province != h.Place {
			meta = append(meta, md(h.Place)+" ("+md(h.Province)+")")
		} else {
			meta = append(meta, md(h.Place))
		}
	}
	more := ""
	switch h.Kind {
	case index.KindNetwork:
		meta = append(meta, "netwerk")
		more = "Meer: `" + networkCommand(h.Title, h.ID) + "`"
	case index.KindFactor:
		meta = append(meta, "succesfactor")
		more = "Meer: `" + factorCommand(h.Title, h.ID) + "`"
	default:
		meta = append(meta, "uit de gids")
		more = fmt.Sprintf("Lees verder in de gids, p. %d.", h.Page)
	}
	if h.Page > 0 {
		meta = append(meta, fmt.Sprintf("p. %d", h.Page))
	}
	lines := []string{strings.Join(meta, " · ")}
	if s := strings.TrimSpace(h.Snippet); s != "" {
		lines = append(lines, "> "+mdCut(strings.ReplaceAll(s, "\n", " "), snippetRunes, ""))
	}
	lines = append(lines, more)
	return cutMD(strings.Join(lines, "\n"), maxFieldValue)
}

// networkCommand is the command that opens a network: by name when the name
// is short, else by id.
func networkCommand(name, id string) string {
	if runes(name) <= 40 && !strings.ContainsAny(name, "`|\n") {
		return "/netwerk " + name
	}
	return "/netwerk " + id
}

// factorCommand is the command that opens a success factor: by title when
// it is short, else by id.
func factorCommand(title, id string) string {
	if runes(title) <= 40 && !strings.ContainsAny(title, "`|\n") {
		return "/succesfactor " + title
	}
	return "/succesfactor " + id
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
func renderNetworkCard(a *answer.NetworkCard) *reply {
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
	desc := mdCut(summary, 1200, "")
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
		relatedOpts = append(relatedOpts, networkOption(r.Name, r.Place, r.ID))
	}
	if row := selectRow('x', cur, "Open een verwant netwerk…", relatedOpts); row != nil {
		comps = append(comps, *row)
	}
	if row := selectRow('c', cur, "Open een succesfactor met dit netwerk als voorbeeld…", factorOpts); row != nil {
		comps = append(comps, *row)
	}
	return &reply{Embeds: []*discordgo.MessageEmbed{e}, Components: comps}
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

// networkOption is a select option that opens a network's card.
func networkOption(name, place, id string) discordgo.SelectMenuOption {
	desc := place
	if desc == "" {
		desc = "Open de fiche"
	}
	return discordgo.SelectMenuOption{
		Label:       text.HardCut(name, maxOptionText),
		Value:       encodeView(view{Kind: "netwerk", Arg: id}),
		Description: text.HardCut(desc, maxOptionText),
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

// renderNetworkList renders one page of a list of networks, with paging
// buttons and a select that opens a network of the page.
func renderNetworkList(l *answer.NetworkList, vw view) *reply {
	pages, page, from, to := pageBounds(len(l.Networks), vw.Page)
	e := newEmbed()
	e.Title = cutMD(um(l.Title)+fmt.Sprintf(" (%d)", len(l.Networks)), maxTitle)
	if len(l.Networks) == 0 {
		e.Description = "Geen netwerken gevonden. Probeer een ander thema of een andere regio, of zoek met `/zoek`."
	} else {
		e.Description = listIntro(len(l.Networks), page, pages)
	}
	if l.Note != "" {
		e.Description = um(l.Note) + "\n" + e.Description
	}
	e.Footer = &discordgo.MessageEmbedFooter{Text: pageFooter(page, pages)}
	var opts []discordgo.SelectMenuOption
	for i, n := range l.Networks[from:to] {
		e.Fields = append(e.Fields, networkField(from+i+1, n, nearbyLine(l, n)))
		opts = append(opts, networkOption(n.Name, n.Place, n.ID))
	}
	r := listReply(e, vw, page, pages, opts)
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
		d = append(d, "Ook geschreven als: "+cutMD(md(strings.Join(a.Aliases, ", ")), 600))
	}
	e.Description = strings.Join(d, "\n")
	e.Footer = &discordgo.MessageEmbedFooter{Text: pageFooter(page, pages)}
	var opts []discordgo.SelectMenuOption
	for i, m := range a.Networks[from:to] {
		var spelled []string
		for _, s := range m.Spellings {
			if s != a.Organisation {
				spelled = append(spelled, "„"+s+"”")
			}
		}
		extra := ""
		if len(spelled) > 0 {
			extra = "In de gids: " + strings.Join(spelled, ", ")
		}
		n := &content.Network{ID: m.ID, Name: m.Name, Place: m.Place, Province: m.Province, Page: m.Page, Themes: m.Themes, Summary: m.Summary}
		e.Fields = append(e.Fields, networkField(from+i+1, n, extra))
		opts = append(opts, networkOption(m.Name, m.Place, m.ID))
	}
	cur := vw
	if cur.Kind == "" || cur.Kind == "partner" {
		cur = view{Kind: "partner", Arg: a.Organisation, Page: page}
	}
	return listReply(e, cur, page, pages, opts)
}

// networkField is the field of a network in a list: where, its themes and
// page, a line of extra (may be empty) and its summary with a pointer to
// the card.
func networkField(num int, n *content.Network, extra string) *discordgo.MessageEmbedField {
	meta := md(n.Place)
	if n.Province != "" && n.Province != n.Place {
		meta += " (" + md(n.Province) + ")"
	}
	if len(n.Themes) > 0 {
		meta += " · " + md(strings.Join(n.Themes, ", "))
	}
	if n.Page > 0 {
		meta += fmt.Sprintf(" · p. %d", n.Page)
	}
	lines := []string{meta}
	if extra != "" {
		lines = append(lines, cutMD(md(extra), 300))
	}
	pointer := "(lees verder met " + networkCommand(n.Name, n.ID) + ")"
	if s := strings.TrimSpace(n.Summary); s != "" {
		if runes(s) > listSummaryRunes {
			s = cut(s, listSummaryRunes, pointer)
		} else if strings.HasSuffix(s, "…") {
			s += " " + pointer
		}
		lines = append(lines, md(s))
	} else {
		lines = append(lines, "Fiche: `"+networkCommand(n.Name, n.ID)+"`")
	}
	return &discordgo.MessageEmbedField{
		Name:  cutMD(fmt.Sprintf("%d. %s", num, md(n.Name)), maxFieldName),
		Value: cutMD(strings.Join(lines, "\n"), maxFieldValue),
	}
}

// listIntro is the first line of a list.
func listIntro(total, page, pages int) string {
	s := fmt.Sprintf("**%d %s**", total, text.Plural(total, "netwerk", "netwerken"))
	if pages > 1 {
		s += fmt.Sprintf(" · pagina %d van %d", page+1, pages)
	}
	return s + ". Open er een met het menu hieronder of met `/netwerk naam`."
}

// pageFooter is the footer of a paged list.
func pageFooter(page, pages int) string {
	if pages > 1 {
		return fmt.Sprintf("Pagina %d van %d · %s", page+1, pages, sourceFooter(0))
	}
	return sourceFooter(0)
}

// listReply adds paging buttons, "Toon op kaart" and a select of the
// page's networks.
func listReply(e *discordgo.MessageEmbed, vw view, page, pages int, opts []discordgo.SelectMenuOption) *reply {
	cur := vw
	cur.Page = page
	var comps []discordgo.MessageComponent
	nav := navButtons(cur, page, pages)
	if mv, ok := mapView(cur); ok && len(opts) > 0 {
		nav = append(nav, discordgo.Button{Label: "Toon op kaart", Style: discordgo.SecondaryButton, CustomID: encodeView(mv)})
	}
	if len(nav) > 0 {
		comps = append(comps, discordgo.ActionsRow{Components: nav})
	}
	if row := selectRow('s', cur, "Open een netwerk uit deze lijst…", opts); row != nil {
		comps = append(comps, *row)
	}
	return &reply{Embeds: []*discordgo.MessageEmbed{e}, Components: comps}
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
// the networks and a quote, with a button for another factor.
func renderFactorCard(a *answer.FactorCard) *reply {
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
		value := mdCut(ex.Text, exampleRunes, more)
		if ex.NetworkID != "" {
			value += "\nMeer over dit netwerk: `" + networkCommand(ex.NetworkName, ex.NetworkID) + "`"
			opts = append(opts, networkOption(ex.NetworkName, "Voorbeeld bij deze succesfactor", ex.NetworkID))
		}
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{
			Name:  cutMD("Voorbeeld: "+md(ex.NetworkName), maxFieldName),
			Value: cutMD(value, maxFieldValue),
		})
	}
	if len(f.Quotes) > 0 {
		q := f.Quotes[0]
		body := "> " + strings.ReplaceAll(mdCut(strings.TrimSpace(q.Text), quoteRunes, ""), "\n", "\n> ")
		if q.Attribution != "" {
			body += "\n> — " + md(q.Attribution)
		}
		name := "Citaat"
		if len(f.Quotes) > 1 {
			name = fmt.Sprintf("Citaat (1 van %d)", len(f.Quotes))
		}
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: name, Value: cutMD(body, maxFieldValue)})
	}
	cur := view{Kind: "factor", Arg: f.ID}
	comps := []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{
		discordgo.Button{Label: "Andere succesfactor", Style: discordgo.PrimaryButton, CustomID: encodeView(view{Kind: "random"})},
	}}}
	if row := selectRow('s', cur, "Open een netwerk uit de voorbeelden…", opts); row != nil {
		comps = append(comps, *row)
	}
	return &reply{Embeds: []*discordgo.MessageEmbed{e}, Components: comps}
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
	return text.HardCut(text.Truncate(strings.TrimSpace(s), limit, more), limit)
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
