package bot

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"

	"github.com/bondgenoot/bondgenoot/content"
	"github.com/bondgenoot/bondgenoot/index"
	"github.com/bondgenoot/bondgenoot/internal/answer"
	"github.com/bondgenoot/bondgenoot/internal/chat"
)

// updateGolden rewrites the golden files: go test ./bot -run Golden -update
var updateGolden = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// replyJSON is how a reply is stored in a golden file: what the bot would
// send to Discord.
func replyJSON(t testing.TB, r *reply) []byte {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(map[string]any{
		"content":    r.Content,
		"embeds":     r.Embeds,
		"components": r.Components,
		"ephemeral":  r.Ephemeral,
	}); err != nil {
		t.Fatalf("marshal reply: %v", err)
	}
	return b.Bytes()
}

// rtMust returns v; an error stops the test (by a panic, since a generic
// helper cannot take t next to a call's two results).
func rtMust[T any](v T, err error) T {
	if err != nil {
		panic(fmt.Sprintf("answer: %v", err))
	}
	return v
}

func TestRenderGolden(t *testing.T) {
	t.Parallel()
	s := service(t)
	ctx := context.Background()
	search := func(q, theme, province string, page int) *answer.SearchPage {
		return rtMust(s.Search(ctx, q, theme, province, page, 5))
	}
	tests := []struct {
		name string
		v    any
		vw   view
	}{
		{"netwerk-duosprong", rtMust(s.Network("duosprong")), view{Kind: "netwerk", Arg: "duosprong"}},
		{"netwerk-turnhoutse-bondgenoten", rtMust(s.Network("turnhoutse-bondgenoten")), view{Kind: "netwerk", Arg: "turnhoutse-bondgenoten"}},
		{"netwerk-ervaringskennis-nieuw-gent", rtMust(s.Network("ervaringskennis-nieuw-gent")), view{Kind: "netwerk"}},
		{"zoek-brugfiguur", search("brugfiguur", "", "", 0), view{Kind: "zoek", Arg: "brugfiguur"}},
		{"zoek-armoede-pagina-2", search("armoede", "", "", 1), view{Kind: "zoek", Arg: "armoede", Page: 1}},
		{"zoek-armoede-onderwijs-limburg", search("armoede", "onderwijs", "Limburg", 0), view{Kind: "zoek", Arg: "armoede"}},
		{"zoek-tikfout", search("brugfiguer", "", "", 0), view{Kind: "zoek"}},
		{"zoek-niets", search("zzqxv", "", "", 0), view{Kind: "zoek"}},
		{"zoek-vraag-met-antwoord", search("wie doet iets rond menstruatiearmoede?", "", "", 0), view{Kind: "zoek"}},
		{"zoek-markdown", search("[klik](https://voorbeeld.invalid) **vet** <@123> `code`", "", "", 0), view{Kind: "zoek"}},
		{"thema-onderwijs", rtMust(s.Theme("onderwijs")), view{Kind: "thema", Arg: "onderwijs"}},
		{"thema-onderwijs-pagina-3", rtMust(s.Theme("onderwijs")), view{Kind: "thema", Arg: "onderwijs", Page: 2}},
		{"regio-limburg", rtMust(s.Region("Limburg")), view{Kind: "regio", Arg: "Limburg"}},
		{"regio-gent", rtMust(s.Region("Gent")), view{Kind: "regio", Arg: "Gent"}},
		{"regio-kortrijk", rtMust(s.Region("Kortrijk")), view{Kind: "regio", Arg: "Kortrijk"}},
		{"regio-genk", rtMust(s.Region("Genk")), view{Kind: "regio", Arg: "Genk"}},
		{"fout-regio-tielt", rtErr(s.Region("Tielt")), view{Kind: "regio", Arg: "Tielt"}},
		{"netwerken-vrije-tijd-gent", rtMust(s.Networks(content.Filter{Theme: "vrije tijd", Municipality: "Gent"})), view{Kind: "netwerken", Theme: "vrije tijd", Province: "Gent"}},
		{"partner-saamo", rtMust(s.Partner("SAAMO")), view{Kind: "partner", Arg: "SAAMO"}},
		{"partner-huis-van-het-kind-pagina-2", rtMust(s.Partner("Huis van het Kind")), view{Kind: "partner", Arg: "Huis van het Kind", Page: 1}},
		{"succesfactor-laagdrempeligheid", rtMust(s.Factor("laagdrempeligheid")), view{Kind: "factor", Arg: "laagdrempeligheid"}},
		{"succesfactor-willekeurig", s.RandomFactor(rand.New(rand.NewPCG(1, 2))), view{Kind: "random"}},
		{"succesfactoren", s.Factors(), view{Kind: "factor"}},
		{"themas", s.ThemeCounts(), view{Kind: "thema"}},
		{"regios", s.RegionCounts(), view{Kind: "regio"}},
		{"fout-netwerk-onbekend", rtErr(s.Network("duosprnog")), view{Kind: "netwerk", Arg: "duosprnog"}},
		{"fout-regio-onbekend", rtErr(s.Region("Atlantis")), view{Kind: "regio", Arg: "Atlantis"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := render(tt.v, tt.vw)
			for _, p := range replyProblems(r) {
				t.Errorf("limit: %s", p)
			}
			checkGolden(t, tt.name, replyJSON(t, r))
		})
	}
	// With the guide's address, "Terug" and "Deel in dit kanaal", and the
	// next steps of errors.
	guide := renderOptions{GuideURL: "https://voorbeeld.invalid/gids.pdf", PageOffset: 2, Corpus: s.Corpus}
	shared := func(vw view) renderOptions { o := guide; o.Share = &vw; return o }
	back := &view{Kind: "zoek", Arg: "brugfiguur"}
	for _, tt := range []struct {
		name string
		o    renderOptions
		v    any
		vw   view
	}{
		{"netwerk-schoolpoortwerking-terug-gids-deel", shared(view{Kind: "netwerk", Arg: "schoolpoortwerking-de-buurt"}), rtMust(s.Network("schoolpoortwerking-de-buurt")), view{Kind: "netwerk", Arg: "schoolpoortwerking-de-buurt", Back: back}},
		{"zoek-brugfiguur-gids", guide, search("brugfiguur", "", "", 0), view{Kind: "zoek", Arg: "brugfiguur"}},
		{"succesfactor-laagdrempeligheid-citaat-2", guide, rtMust(s.Factor("laagdrempeligheid")), view{Kind: "factor", Arg: "laagdrempeligheid", Page: 1}},
		{"hoofdstuk-wat-is-armoede", guide, rtMust(s.Passage("wat-is-armoede")), view{Kind: "hoofdstuk", Arg: "wat-is-armoede", Back: back}},
		{"fout-thema-onbekend", guide, rtErr(s.Theme("armoede")), view{Kind: "thema", Arg: "armoede"}},
		{"fout-partner-onbekend", guide, rtErr(s.Partner("Samo")), view{Kind: "partner", Arg: "Samo"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := renderWith(tt.o, tt.v, tt.vw)
			for _, p := range replyProblems(r) {
				t.Errorf("limit: %s", p)
			}
			checkGolden(t, tt.name, replyJSON(t, r))
		})
	}
	t.Run("help", func(t *testing.T) {
		r := renderHelp(testRouter(t).Specs(nil), service(t).Corpus)
		for _, p := range replyProblems(r) {
			t.Errorf("limit: %s", p)
		}
		checkGolden(t, "help", replyJSON(t, r))
	})
}

// rtErr returns the error of an answer call.
func rtErr[T any](_ T, err error) error { return err }

func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name+".json")
	if *updateGolden {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("golden file %s missing (run go test ./bot -run Golden -update): %v", path, err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("render differs from %s (run with -update to accept):\n%s", path, firstDiff(string(want), string(got)))
	}
}

// firstDiff shows the first line where want and got differ.
func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return "line " + itoa(i+1) + ":\n want " + w + "\n  got " + g
		}
	}
	return ""
}

func itoa(i int) string { return strconv.Itoa(i) }

// embedOf returns the only embed of r.
func embedOf(t *testing.T, r *reply) *discordgo.MessageEmbed {
	t.Helper()
	if len(r.Embeds) != 1 {
		t.Fatalf("got %d embeds, want 1 (content %q)", len(r.Embeds), r.Content)
	}
	return r.Embeds[0]
}

// fieldValue returns the value of the field whose name starts with prefix.
func fieldValue(e *discordgo.MessageEmbed, prefix string) (string, bool) {
	for _, f := range e.Fields {
		if strings.HasPrefix(f.Name, prefix) {
			return f.Value, true
		}
	}
	return "", false
}

// buttons returns the buttons of r by label, and all select menus.
func buttons(r *reply) (map[string]discordgo.Button, []discordgo.SelectMenu) {
	bs := map[string]discordgo.Button{}
	var sels []discordgo.SelectMenu
	for _, c := range r.Components {
		row, ok := c.(discordgo.ActionsRow)
		if !ok {
			continue
		}
		for _, cc := range row.Components {
			switch x := cc.(type) {
			case discordgo.Button:
				bs[x.Label] = x
			case discordgo.SelectMenu:
				sels = append(sels, x)
			}
		}
	}
	return bs, sels
}

func mustDecode(t *testing.T, id string) view {
	t.Helper()
	v, err := decodeView(id)
	if err != nil {
		t.Fatalf("decodeView(%q): %v", id, err)
	}
	return v
}

func TestRenderNetworkCard(t *testing.T) {
	t.Parallel()
	s := service(t)
	r := render(rtMust(s.Network("Duosprong")), view{Kind: "netwerk", Arg: "duosprong"})
	e := embedOf(t, r)
	checks := []struct{ what, got, want string }{
		{"title", e.Title, "Duosprong"},
		{"url", e.URL, "https://www.beringen.be/duosprong"},
		{"footer", e.Footer.Text, "Bron: Word bondgenoot in de strijd tegen (kinder)armoede — p. 77"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.what, c.got, c.want)
		}
	}
	fields := []struct{ name, want string }{
		{"Waar", "Beringen · Limburg"},
		{"Thema's", "onderwijs"},
		{"De bondgenoten (13)", "• SAAMO Limburg vzw (SAAMO)"},
		{"De bondgenoten", "• Vrij CLB Limburg (CLB)"},
		{"Website", "[www.beringen.be/duosprong](https://www.beringen.be/duosprong)"},
		{"Product", "• Flyer menstruatiewelzijn"},
		{"Voorbeeld bij de succesfactoren", "• Elkaars werking kennen (p. 24)"},
		{"Verwante netwerken", "• "},
	}
	for _, f := range fields {
		got, ok := fieldValue(e, f.name)
		if !ok {
			t.Errorf("no field %q; fields: %v", f.name, fieldNames(e))
			continue
		}
		if !strings.Contains(got, f.want) {
			t.Errorf("field %q = %q, want it to contain %q", f.name, got, f.want)
		}
	}
	if !strings.HasPrefix(e.Description, "DuoSprong biedt kwetsbare gezinnen") || !strings.Contains(e.Description, "gids, p. 77") {
		t.Errorf("description = %q, want the summary and a pointer to p. 77", e.Description)
	}
	bs, sels := buttons(r)
	if b, ok := bs["Meer rond onderwijs"]; !ok || mustDecode(t, b.CustomID) != (view{Kind: "thema", Arg: "onderwijs"}) {
		t.Errorf("button Meer rond onderwijs = %+v, want a thema view", b)
	}
	if b, ok := bs["Meer in Limburg"]; !ok || mustDecode(t, b.CustomID) != (view{Kind: "regio", Arg: "Limburg"}) {
		t.Errorf("button Meer in Limburg = %+v, want a regio view", b)
	}
	if len(sels) != 3 {
		t.Fatalf("got %d selects, want partners, related networks and factors", len(sels))
	}
	if got := mustDecode(t, sels[0].Options[0].Value); got != (view{Kind: "partner", Arg: "SAAMO"}) {
		t.Errorf("first partner option opens %+v, want partner SAAMO", got)
	}
}

func fieldNames(e *discordgo.MessageEmbed) []string {
	var out []string
	for _, f := range e.Fields {
		out = append(out, f.Name)
	}
	return out
}

func TestRenderNetworkCardCutsLongParts(t *testing.T) {
	t.Parallel()
	n := &content.Network{
		ID: "lang", Name: strings.Repeat("Heel lange naam ", 30), Place: "Gent", Province: "Oost-Vlaanderen", Page: 12,
		Themes:      []string{"onderwijs"},
		Summary:     strings.Repeat("Een zin over het netwerk. ", 200),
		Description: strings.Repeat("Een zin over het netwerk. ", 400),
		Websites:    []string{"www.voorbeeld.be/a b(c)", "https://al.goed.be"},
	}
	for i := range 80 {
		n.Partners = append(n.Partners, content.Partner{Name: "Partnerorganisatie nummer " + itoa(i), Canonical: "Partnerorganisatie nummer " + itoa(i)})
		n.Products = append(n.Products, "Een product met een vrij lange titel nummer "+itoa(i))
	}
	card := &answer.NetworkCard{Network: n}
	r := render(card, view{Kind: "netwerk", Arg: "lang"})
	for _, p := range replyProblems(r) {
		t.Errorf("limit: %s", p)
	}
	e := embedOf(t, r)
	if v, _ := fieldValue(e, "De bondgenoten (80)"); !strings.Contains(v, "… en nog ") || !strings.Contains(v, "(zie de gids, p. 12)") {
		t.Errorf("partners = %q, want a tail that says how many more", v)
	}
	if !strings.HasSuffix(e.Title, "…") {
		t.Errorf("title = %q, want it cut with …", e.Title)
	}
	if strings.Contains(e.Description, "…") || !strings.Contains(e.Description, "netwerk.\n*(volledige beschrijving in de gids, p. 12)") {
		t.Errorf("description = %q, want it cut at a sentence, with a pointer", e.Description)
	}
	if v, _ := fieldValue(e, "Websites"); !strings.Contains(v, "(https://www.voorbeeld.be/a%20b%28c%29)") || !strings.Contains(v, "(https://al.goed.be)") {
		t.Errorf("websites = %q, want https:// added and link-breaking characters escaped", v)
	}
}

func TestRenderSearch(t *testing.T) {
	t.Parallel()
	page := &answer.SearchPage{
		Result: &index.Result{
			Query: "brugfiguer", Total: 12, Suggestion: "brugfiguur",
			Hits: []index.Hit{
				{Kind: index.KindNetwork, ID: "brugfiguren-basisonderwijs", Title: "Brugfiguren basisonderwijs", Place: "Ieper", Province: "West-Vlaanderen", Page: 103, Snippet: "Een brugfiguur verbindt school en gezin."},
				{Kind: index.KindFactor, ID: "laagdrempeligheid", Title: "Laagdrempeligheid", Page: 41, Snippet: strings.Repeat("Laagdrempelig werken is belangrijk. ", 30)},
				{Kind: index.KindPassage, ID: "voorwoord", Title: "Voorwoord", Page: 5, Snippet: "Kinderarmoede is een [link](https://x.invalid)."},
			},
			Facets: index.Facets{Themes: map[string]int{"onderwijs": 8, "gezin": 3}, Provinces: map[string]int{"West-Vlaanderen": 1, "Limburg": 2}},
		},
		Theme: "", Province: "", Page: 1, PageSize: 5,
	}
	r := render(page, view{Kind: "zoek", Arg: "brugfiguer", Page: 1})
	for _, p := range replyProblems(r) {
		t.Errorf("limit: %s", p)
	}
	e := embedOf(t, r)
	wantDesc := []string{"**12 resultaten** · pagina 2 van 3", "Bedoelde je **brugfiguur**?"}
	for _, w := range wantDesc {
		if !strings.Contains(e.Description, w) {
			t.Errorf("description = %q, want %q", e.Description, w)
		}
	}
	wantFields := []struct{ name, value string }{
		{"6. Brugfiguren basisonderwijs", "Ieper (West-Vlaanderen) · netwerk · p. 103\n> Een brugfiguur verbindt school en gezin."},
		{"7. Laagdrempeligheid", "succesfactor · p. 41\n> Laagdrempelig werken"},
		{"8. Voorwoord", "uit de gids · p. 5\n> Kinderarmoede is een \\[link\\](https://x.invalid)."},
	}
	if len(e.Fields) != len(wantFields) {
		t.Fatalf("got %d fields, want %d", len(e.Fields), len(wantFields))
	}
	for i, w := range wantFields {
		if e.Fields[i].Name != w.name || !strings.HasPrefix(e.Fields[i].Value, w.value) {
			t.Errorf("field %d = %q: %q\nwant %q: %q…", i, e.Fields[i].Name, e.Fields[i].Value, w.name, w.value)
		}
	}
	if v := e.Fields[1].Value; !strings.Contains(v, "…") || len([]rune(v)) > snippetRunes+100 {
		t.Errorf("long snippet = %q, want it cut with …", v)
	}
	bs, sels := buttons(r)
	for label, want := range map[string]view{
		"◀ Vorige":          {Kind: "zoek", Arg: "brugfiguer", Page: 0},
		"Volgende ▶":        {Kind: "zoek", Arg: "brugfiguer", Page: 2},
		"Zoek “brugfiguur”": {Kind: "zoek", Arg: "brugfiguur"},
	} {
		b, ok := bs[label]
		if !ok {
			t.Errorf("no button %q", label)
			continue
		}
		if got := mustDecode(t, b.CustomID); got != want {
			t.Errorf("button %q opens %+v, want %+v", label, got, want)
		}
	}
	if len(sels) != 3 {
		t.Fatalf("got %d selects, want the results, a theme and a province select", len(sels))
	}
	// The menu of results opens each hit's card, which comes back here;
	// no field names a command or an id.
	cur := view{Kind: "zoek", Arg: "brugfiguer", Page: 1}
	for i, want := range []view{
		{Kind: "netwerk", Arg: "brugfiguren-basisonderwijs", Back: &cur},
		{Kind: "factor", Arg: "laagdrempeligheid", Back: &cur},
		{Kind: "hoofdstuk", Arg: "voorwoord", Back: &cur},
	} {
		o := sels[0].Options[i]
		got := mustDecode(t, o.Value)
		if got.Kind != want.Kind || got.Arg != want.Arg || got.Back == nil || *got.Back != cur {
			t.Errorf("result %d (%q) opens %+v, want %+v", i, o.Label, got, want)
		}
	}
	if o := sels[0].Options[0]; o.Label != "6. Brugfiguren basisonderwijs" || o.Description != "Ieper · p. 103" {
		t.Errorf("first result option %q: %q", o.Label, o.Description)
	}
	for _, f := range e.Fields {
		if strings.Contains(f.Value, "/netwerk") || strings.Contains(f.Value, "brugfiguren-basisonderwijs") {
			t.Errorf("field %q names a command or an id: %q", f.Name, f.Value)
		}
	}
	if r.GuidePage != 103 {
		t.Errorf("GuidePage = %d, want the first hit's page 103", r.GuidePage)
	}
	sels = sels[1:]
	if got := mustDecode(t, sels[0].Options[0].Value); got != (view{Kind: "zoek", Arg: "brugfiguer", Theme: "onderwijs"}) {
		t.Errorf("first theme option opens %+v, want onderwijs page 0", got)
	}
	if sels[0].Options[0].Description != "8 netwerken" {
		t.Errorf("theme option description = %q, want the count", sels[0].Options[0].Description)
	}
	// The select's own custom_id redoes the page it is on.
	if got := mustDecode(t, sels[0].CustomID); got.Page != 1 || got.Arg != "brugfiguer" {
		t.Errorf("select custom_id decodes to %+v, want this page", got)
	}
	v, err := chat.ViewFromComponent(sels[1].CustomID, []string{sels[1].Options[0].Value})
	if err != nil || v.Province != "Limburg" {
		t.Errorf("chat.ViewFromComponent(province select) = %+v, %v; want Limburg", v, err)
	}
}

func TestRenderSearchFiltered(t *testing.T) {
	t.Parallel()
	page := &answer.SearchPage{
		Result: &index.Result{Query: "armoede", Total: 3, Hits: []index.Hit{{Kind: index.KindNetwork, ID: "x", Title: "X", Place: "Gent", Province: "Oost-Vlaanderen", Page: 1}},
			Facets: index.Facets{Themes: map[string]int{"onderwijs": 3}, Provinces: map[string]int{"Oost-Vlaanderen": 3}}},
		Theme: "onderwijs", Province: "Oost-Vlaanderen", PageSize: 5,
	}
	r := render(page, view{})
	e := embedOf(t, r)
	if !strings.Contains(e.Description, "Alleen thema **onderwijs** en provincie **Oost-Vlaanderen**.") {
		t.Errorf("description = %q, want the filters", e.Description)
	}
	bs, sels := buttons(r)
	if len(bs) != 0 {
		t.Errorf("one page: got buttons %v, want none", bs)
	}
	if len(sels) != 3 || sels[0].Placeholder != "Open een resultaat…" {
		t.Fatalf("selects = %+v, want the menu of results first", sels)
	}
	if open := mustDecode(t, sels[0].Options[0].Value); open.Kind != "netwerk" || open.Arg != "x" || open.Back == nil || open.Back.Theme != "onderwijs" {
		t.Errorf("the result opens %+v, want network x with the filtered page to go back to", open)
	}
	sels = sels[1:]
	if sels[0].Options[0].Label != "Alle thema's" || sels[1].Options[0].Label != "Alle provincies" {
		t.Fatalf("selects = %+v, want ones that clear the filters first", sels)
	}
	if got := mustDecode(t, sels[0].Options[0].Value); got.Theme != "" || got.Province != "Oost-Vlaanderen" {
		t.Errorf("Alle thema's opens %+v, want the theme cleared and the province kept", got)
	}
	if !sels[0].Options[1].Default {
		t.Errorf("current theme option is not marked default")
	}
}

func TestRenderSearchNothingFound(t *testing.T) {
	t.Parallel()
	page := &answer.SearchPage{Result: &index.Result{Query: "zzqxv", Hits: []index.Hit{}, Facets: index.Facets{}}, PageSize: 5}
	r := render(page, view{Kind: "zoek", Arg: "zzqxv"})
	e := embedOf(t, r)
	if !strings.Contains(e.Description, "Niets gevonden.") || !strings.Contains(e.Description, "`/thema`") {
		t.Errorf("description = %q, want a Dutch 'nothing found' with a tip", e.Description)
	}
	if len(r.Components) != 0 {
		t.Errorf("components = %v, want none", r.Components)
	}
}

func TestRenderListsPage(t *testing.T) {
	t.Parallel()
	s := service(t)
	l := rtMust(s.Theme("onderwijs"))
	total := len(l.Networks)
	pages := (total + listPageSize - 1) / listPageSize
	if pages < 2 {
		t.Fatalf("onderwijs has %d networks; the test needs more than one page", total)
	}
	tests := []struct {
		page, wantPage, wantFields int
		prevDisabled, nextDisabled bool
	}{
		{0, 0, listPageSize, true, false},
		{pages - 1, pages - 1, total - (pages-1)*listPageSize, false, true},
		{99, pages - 1, total - (pages-1)*listPageSize, false, true},
		{-3, 0, listPageSize, true, false},
	}
	for _, tt := range tests {
		r := render(l, view{Kind: "thema", Arg: "onderwijs", Page: tt.page})
		e := embedOf(t, r)
		_, sels := buttons(r)
		if len(e.Fields) != 0 || len(sels) != 1 || len(sels[0].Options) != tt.wantFields {
			t.Errorf("page %d: got %d fields and menus %v, want no fields and a menu of %d", tt.page, len(e.Fields), sels, tt.wantFields)
		}
		wantIntro := "pagina " + itoa(tt.wantPage+1) + " van " + itoa(pages)
		if !strings.Contains(e.Description, wantIntro) || strings.Contains(e.Footer.Text, "agina") {
			t.Errorf("page %d: description %q, footer %q; want %q once, in the description", tt.page, e.Description, e.Footer.Text, wantIntro)
		}
		if want := "**" + itoa(tt.wantPage*listPageSize+1) + ". "; !strings.Contains(e.Description, "\n\n"+want) {
			t.Errorf("page %d: description = %q, want the first entry numbered %q", tt.page, e.Description, want)
		}
		// Compact: two lines per network, the page within about 1,800
		// characters.
		if lines := strings.Count(e.Description, "\n"); lines > 2*tt.wantFields+3 {
			t.Errorf("page %d: %d lines for %d networks", tt.page, lines, tt.wantFields)
		}
		if n := embedTotal(e); n > compactListRunes {
			t.Errorf("page %d: %d characters, want at most %d", tt.page, n, compactListRunes)
		}
		bs, _ := buttons(r)
		prev, next := bs["◀ Vorige"], bs["Volgende ▶"]
		if prev.Disabled != tt.prevDisabled || next.Disabled != tt.nextDisabled {
			t.Errorf("page %d: Vorige disabled %v, Volgende disabled %v; want %v, %v", tt.page, prev.Disabled, next.Disabled, tt.prevDisabled, tt.nextDisabled)
		}
		if !tt.nextDisabled {
			if got := mustDecode(t, next.CustomID); got != (view{Kind: "thema", Arg: "onderwijs", Page: tt.wantPage + 1}) {
				t.Errorf("page %d: Volgende opens %+v", tt.page, got)
			}
		}
	}
	// The menu opens a network and comes back to this page; no command
	// with an id to retype.
	r := render(l, view{Kind: "thema", Arg: "onderwijs", Page: 1})
	_, sels := buttons(r)
	open := mustDecode(t, sels[0].Options[0].Value)
	if open.Kind != "netwerk" || open.Back == nil || *open.Back != (view{Kind: "thema", Arg: "onderwijs", Page: 1}) {
		t.Errorf("the menu opens %+v, want a network with page 2 to go back to", open)
	}
	if d := embedOf(t, r).Description; strings.Contains(d, "/netwerk") || strings.Contains(d, "lees verder") {
		t.Errorf("the list still points to commands: %q", d)
	}
}

func TestRenderPartner(t *testing.T) {
	t.Parallel()
	s := service(t)
	r := render(rtMust(s.Partner("saamo")), view{Kind: "partner", Arg: "saamo"})
	e := embedOf(t, r)
	if want := "Netwerken die samenwerken met SAAMO ("; !strings.HasPrefix(e.Title, want) {
		t.Errorf("title = %q, want %q…", e.Title, want)
	}
	if !strings.Contains(e.Description, "Ook geschreven als: Saamo, SAAMO Limburg") {
		t.Errorf("description = %q, want the aliases", e.Description)
	}
	if !strings.Contains(e.Description, "genoemd als “SAAMO Limburg vzw”") {
		t.Errorf("no entry shows the spelling “SAAMO Limburg vzw”: %q", e.Description)
	}
}

func TestRenderFactor(t *testing.T) {
	t.Parallel()
	s := service(t)
	r := render(rtMust(s.Factor("laagdrempeligheid")), view{Kind: "factor", Arg: "laagdrempeligheid"})
	e := embedOf(t, r)
	if e.Author == nil || e.Author.Name != "Succesfactor 12 van 13" {
		t.Errorf("author = %+v, want Succesfactor 12 van 13", e.Author)
	}
	if e.Title != "Laagdrempeligheid" || !strings.HasPrefix(e.Description, "Laagdrempeligheid zit vaak in de kleinste details") {
		t.Errorf("title %q, description %q", e.Title, e.Description)
	}
	if v, ok := fieldValue(e, "Voorbeeld: Nieuwe energie in Kallo"); !ok || !strings.Contains(v, "voetbal") {
		t.Errorf("example field = %q, %v; want the example", v, ok)
	}
	// The quote inside the example of 't kan OKANanders is shown once: as
	// the quote, with its speaker and network.
	if v, _ := fieldValue(e, "Voorbeeld: 't kan OKANanders"); strings.Contains(v, "Kras is super leuk") {
		t.Errorf("the example still holds the quote: %q", v)
	}
	if v, ok := fieldValue(e, "Citaat 1 van 3"); !ok || !strings.HasPrefix(v, "> “Kras is super leuk!") || !strings.Contains(v, "— uit het netwerk 't kan OKANders") {
		t.Errorf("quote field = %q, %v; want a block quote between “…” with its network", v, ok)
	}
	// The other quotes are a button away.
	bs0, _ := buttons(r)
	if nb, ok := bs0["Volgend citaat ▶"]; !ok || mustDecode(t, nb.CustomID).Page != 1 {
		t.Errorf("no button to the next quote: %+v", bs0)
	}
	// From a list, paging the quotes keeps the way back.
	back := &view{Kind: "zoek", Arg: "drempel"}
	rb := render(rtMust(s.Factor("laagdrempeligheid")), view{Kind: "factor", Arg: "laagdrempeligheid", Back: back})
	bsb, _ := buttons(rb)
	if nb := mustDecode(t, bsb["Volgend citaat ▶"].CustomID); nb.Page != 1 || nb.Back == nil || *nb.Back != *back {
		t.Errorf("Volgend citaat from a search opens %+v, want quote 2 with the search to go back to", nb)
	}
	r2 := render(rtMust(s.Factor("laagdrempeligheid")), view{Kind: "factor", Arg: "laagdrempeligheid", Page: 1})
	if v, ok := fieldValue(embedOf(t, r2), "Citaat 2 van 3"); !ok || !strings.Contains(v, "— Jongere van 't kan OKANanders") {
		t.Errorf("quote 2 = %q, %v; want its speaker", v, ok)
	}
	if e.Footer.Text != "Bron: Word bondgenoot in de strijd tegen (kinder)armoede — p. 41" {
		t.Errorf("footer = %q", e.Footer.Text)
	}
	bs, _ := buttons(r)
	b, ok := bs["Andere succesfactor"]
	if !ok || mustDecode(t, b.CustomID).Kind != "random" {
		t.Errorf("no button Andere succesfactor that asks for a random factor: %+v", bs)
	}
	// Long texts are cut with a pointer to the guide.
	f := &content.Factor{ID: "x", Title: "X", Page: 9, Order: 1, Text: strings.Repeat("Een lange zin over samenwerken. ", 200)}
	for range 10 {
		f.Examples = append(f.Examples, content.Example{NetworkID: "duosprong", NetworkName: "Duosprong", Text: strings.Repeat("Een voorbeeld. ", 200)})
	}
	f.Quotes = []content.Quote{{Text: strings.Repeat("Wij zeggen dit. ", 100), Attribution: "Iemand"}}
	r = render(&answer.FactorCard{Factor: f}, view{Kind: "factor", Arg: "x"})
	for _, p := range replyProblems(r) {
		t.Errorf("limit: %s", p)
	}
	e = embedOf(t, r)
	if !strings.HasSuffix(e.Description, "samenwerken. (lees verder in de gids, p. 9)") {
		t.Errorf("description ends %q, want a pointer to p. 9", tail(e.Description, 60))
	}
	if v, ok := fieldValue(e, "Meer voorbeelden"); !ok || !strings.Contains(v, "Nog 6 in de gids, p. 9.") {
		t.Errorf("Meer voorbeelden = %q, %v", v, ok)
	}
}

func tail(s string, n int) string {
	r := []rune(s)
	return string(r[max(len(r)-n, 0):])
}

func TestRenderErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		v         any
		vw        view
		want      string
		wantViews []view
	}{
		{"nil", nil, view{}, "Er ging iets mis aan mijn kant.", nil},
		{"unknown type", struct{}{}, view{}, "Er ging iets mis aan mijn kant.", nil},
		{"nil card", (*answer.NetworkCard)(nil), view{}, "Er ging iets mis aan mijn kant.", nil},
		{"internal error", errors.New("bleve: disk on fire"), view{}, "Er ging iets mis aan mijn kant.", nil},
		{"typed nil error", error((*answer.NotFoundError)(nil)), view{}, "Er ging iets mis aan mijn kant.", nil},
		{"network not found", &answer.NotFoundError{What: "netwerk", Query: "duosprnog", Candidates: []answer.Ref{{ID: "duosprong", Name: "Duosprong"}}},
			view{Kind: "netwerk"}, "Geen netwerk gevonden voor \"duosprnog\". Bedoelde je: Duosprong? Of zoek in de hele gids.", []view{{Kind: "netwerk", Arg: "duosprong"}, {Kind: "zoek", Arg: "duosprnog"}}},
		{"factor ambiguous", &answer.NotFoundError{What: "succesfactor", Query: "werken", Ambiguous: true, Candidates: []answer.Ref{{ID: "a", Name: "A"}, {ID: "b", Name: "B"}}},
			view{Kind: "factor"}, "past bij meer dan één succesfactor", []view{{Kind: "factor", Arg: "a"}, {Kind: "factor", Arg: "b"}}},
		{"partner not found", &answer.NotFoundError{What: "netwerk met die partner", Query: "Samo", Candidates: []answer.Ref{{Name: "SAAMO"}}},
			view{Kind: "partner"}, "Bedoelde je: SAAMO? Of zoek in de hele gids.", []view{{Kind: "partner", Arg: "SAAMO"}, {Kind: "zoek", Arg: "Samo"}}},
		{"unknown region", &content.FilterError{Field: "provincie of gemeente", Value: "Gnet", Suggestions: []string{"Gent"}},
			view{Kind: "regio", Arg: "Gnet"}, "Ik ken geen provincie of gemeente \"Gnet\". Bedoelde je: Gent?", []view{{Kind: "regio", Arg: "Gent"}, {Kind: "zoek", Arg: "Gnet"}}},
		{"unknown search theme", &content.FilterError{Field: "thema", Value: "x", Suggestions: []string{"onderwijs"}},
			view{Kind: "zoek", Arg: "brug", Province: "Limburg"}, "Ik ken geen thema", []view{{Kind: "zoek", Arg: "brug", Theme: "onderwijs", Province: "Limburg"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := render(tt.v, tt.vw)
			if !r.Ephemeral || len(r.Embeds) != 0 || !strings.Contains(r.Content, tt.want) {
				t.Errorf("render = %+v, want an ephemeral message containing %q", r, tt.want)
			}
			var got []view
			for _, c := range r.Components {
				for _, b := range c.(discordgo.ActionsRow).Components {
					got = append(got, mustDecode(t, b.(discordgo.Button).CustomID))
				}
			}
			if len(got) != len(tt.wantViews) {
				t.Fatalf("buttons open %+v, want %+v", got, tt.wantViews)
			}
			for i := range got {
				if got[i] != tt.wantViews[i] {
					t.Errorf("button %d opens %+v, want %+v", i, got[i], tt.wantViews[i])
				}
			}
			for _, p := range replyProblems(r) {
				t.Errorf("limit: %s", p)
			}
		})
	}
	if r := renderError(strings.Repeat("lang ", 1000)); len([]rune(r.Content)) > maxContent || !r.Ephemeral {
		t.Errorf("renderError of a long message: %d runes, ephemeral %v", len([]rune(r.Content)), r.Ephemeral)
	}
}

func TestRenderHelp(t *testing.T) {
	t.Parallel()
	r := renderHelp(testRouter(t).Specs(nil), service(t).Corpus)
	e := embedOf(t, r)
	all := e.Description
	for _, f := range e.Fields {
		all += "\n" + f.Name + "\n" + f.Value
	}
	for _, want := range []string{"/zoek brugfiguur", "/netwerk Duosprong", "/thema vrije tijd", "/regio Limburg", "/partner SAAMO",
		"/succesfactor laagdrempeligheid", "wie werkt samen met CAW in Limburg", "/help"} {
		if !strings.Contains(all, want) {
			t.Errorf("help lacks %q", want)
		}
	}
	for _, c := range testRouter(t).Specs(nil) {
		want := "/" + c.Name
		if c.Message {
			want = "**" + c.Name + "**"
		}
		if !strings.Contains(all, want) {
			t.Errorf("help does not mention command %s", want)
		}
	}
}

func TestMarkdownEscaping(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"gewoon", "gewoon"},
		{"**vet** _schuin_ ~~door~~ `code` ||spoiler||", `\*\*vet\*\* \_schuin\_ \~\~door\~\~ \` + "`" + `code\` + "`" + ` \|\|spoiler\|\|`},
		{"[klik](https://x)", `\[klik\](https://x)`},
		{"<@123> <#1> <t:1>", `\<@123\> \<\#1\> \<t:1\>`},
		{"# kop\n- lijst\n> quote", "\\# kop\n\\- lijst\n\\> quote"},
		{"hulp- en dienstverlening", "hulp- en dienstverlening"},
		{`a\b`, `a\\b`},
	}
	for _, tt := range tests {
		if got := md(tt.in); got != tt.want {
			t.Errorf("md(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	// Cutting never leaves a lone backslash that would escape the "…".
	for n := 5; n < 40; n++ {
		got := mdCut(strings.Repeat("*", 60), n, "")
		if len([]rune(got)) > n {
			t.Errorf("mdCut to %d gave %d runes", n, len([]rune(got)))
		}
		body := strings.TrimSuffix(got, "…")
		if (len(body)-len(strings.TrimRight(body, `\`)))%2 == 1 {
			t.Errorf("mdCut to %d = %q ends in a lone backslash", n, got)
		}
	}
}

func TestJoinFit(t *testing.T) {
	t.Parallel()
	items := []string{"een", "twee", "drie", "vier"}
	tailf := func(rest int) string { return "+" + itoa(rest) }
	tests := []struct {
		limit int
		want  string
	}{
		{100, "een, twee, drie, vier"},
		{21, "een, twee, drie, vier"},
		{20, "een, twee, drie, +1"},
		{15, "een, twee, +2"},
		{12, "een, +3"},
		{2, "+4"},
		{1, ""},
	}
	for _, tt := range tests {
		got := joinFit(items, ", ", tt.limit, tailf)
		if got != tt.want || len([]rune(got)) > tt.limit {
			t.Errorf("joinFit(limit %d) = %q, want %q", tt.limit, got, tt.want)
		}
	}
}

func TestWebsiteURL(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"www.beringen.be/duosprong", "https://www.beringen.be/duosprong"},
		{"https://hulppuntcsr.be/", "https://hulppuntcsr.be/"},
		{"HTTP://x.be", "HTTP://x.be"},
		{" www.a.be/b c ", "https://www.a.be/b%20c"},
	}
	for _, tt := range tests {
		if got := websiteURL(tt.in); got != tt.want {
			t.Errorf("websiteURL(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
