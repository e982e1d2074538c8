package bot

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"github.com/bondgenoot/bondgenoot/content"
	"github.com/bondgenoot/bondgenoot/internal/answer"
	"github.com/bondgenoot/bondgenoot/internal/chat"
)

// discordLen counts like Discord: code points. utf16Len is the stricter
// count of a JavaScript client; the test checks both.
func discordLen(s string) int { return utf8.RuneCountInString(s) }
func utf16Len(s string) int   { return len(utf16.Encode([]rune(s))) }

// replyProblems returns every Discord limit that r breaks, in words.
func replyProblems(r *reply) []string {
	var probs []string
	bad := func(format string, args ...any) { probs = append(probs, fmt.Sprintf(format, args...)) }
	over := func(what, s string, limit int) {
		if !utf8.ValidString(s) {
			bad("%s is not valid UTF-8", what)
		}
		if n := max(discordLen(s), utf16Len(s)); n > limit {
			bad("%s has %d characters, limit %d", what, n, limit)
		}
	}
	if r == nil {
		return []string{"nil reply"}
	}
	over("content", r.Content, maxContent)
	if strings.TrimSpace(r.Content) == "" && len(r.Embeds) == 0 {
		bad("empty reply")
	}
	for _, leak := range []string{"%!", "runtime error", "goroutine", "panic", "<nil>"} {
		if strings.Contains(r.Content, leak) {
			bad("content leaks %q", leak)
		}
	}
	if len(r.Embeds) > maxEmbeds {
		bad("%d embeds", len(r.Embeds))
	}
	for i, e := range r.Embeds {
		p := fmt.Sprintf("embed %d ", i)
		over(p+"title", e.Title, maxTitle)
		over(p+"description", e.Description, maxDescription)
		if len(e.Fields) > maxFields {
			bad("%s%d fields", p, len(e.Fields))
		}
		for j, f := range e.Fields {
			over(fmt.Sprintf("%sfield %d name", p, j), f.Name, maxFieldName)
			over(fmt.Sprintf("%sfield %d value", p, j), f.Value, maxFieldValue)
			if strings.TrimSpace(f.Name) == "" || strings.TrimSpace(f.Value) == "" {
				bad("%sfield %d is empty (Discord refuses it)", p, j)
			}
		}
		if e.Footer != nil {
			over(p+"footer", e.Footer.Text, maxFooter)
		}
		if e.Author != nil {
			over(p+"author", e.Author.Name, maxAuthorName)
		}
		if n := embedTotal(e); n > maxEmbedTotal {
			bad("%stotal %d characters, limit %d", p, n, maxEmbedTotal)
		}
		if e.URL != "" && (!strings.HasPrefix(e.URL, "https://") && !strings.HasPrefix(e.URL, "http://") || strings.ContainsAny(e.URL, " ()<>")) {
			bad("%surl %q", p, e.URL)
		}
		for _, leak := range []string{"%!", "<nil>"} {
			if strings.Contains(e.Description, leak) {
				bad("%sdescription leaks %q", p, leak)
			}
		}
	}
	if len(r.Components) > maxRows {
		bad("%d rows", len(r.Components))
	}
	ids := map[string]bool{}
	id := func(what, s string) {
		if s == "" || len(s) > chat.MaxCustomID || discordLen(s) > chat.MaxCustomID {
			bad("%s custom_id %q has %d bytes", what, s, len(s))
		}
		if _, err := decodeView(s); err != nil {
			bad("%s custom_id %q does not decode: %v", what, s, err)
		}
		if ids[s] {
			bad("%s custom_id %q is not unique in the message", what, s)
		}
		ids[s] = true
	}
	for i, c := range r.Components {
		row, ok := c.(discordgo.ActionsRow)
		if !ok {
			bad("component %d is a %T, not a row", i, c)
			continue
		}
		if n := len(row.Components); n == 0 || n > maxButtonsPerRow {
			bad("row %d has %d components", i, n)
		}
		for _, cc := range row.Components {
			switch x := cc.(type) {
			case discordgo.Button:
				over("button label", x.Label, maxButtonLabel)
				if strings.TrimSpace(x.Label) == "" {
					bad("button without label")
				}
				if x.Style == discordgo.LinkButton {
					if !strings.HasPrefix(x.URL, "https://") {
						bad("link button url %q", x.URL)
					}
					continue
				}
				id("button "+x.Label, x.CustomID)
			case discordgo.SelectMenu:
				if len(row.Components) != 1 {
					bad("row %d: a select shares its row", i)
				}
				id("select", x.CustomID)
				over("placeholder", x.Placeholder, maxPlaceholder)
				if n := len(x.Options); n == 0 || n > maxSelectOptions {
					bad("select with %d options", n)
				}
				values, defaults := map[string]bool{}, 0
				for _, o := range x.Options {
					over("option label", o.Label, maxOptionText)
					over("option value", o.Value, maxOptionText)
					over("option description", o.Description, maxOptionText)
					if strings.TrimSpace(o.Label) == "" || o.Value == "" {
						bad("option without label or value: %+v", o)
					}
					if values[o.Value] {
						bad("option value %q twice", o.Value)
					}
					values[o.Value] = true
					if _, err := decodeView(o.Value); err != nil {
						bad("option value %q does not decode", o.Value)
					}
					if o.Default {
						defaults++
					}
				}
				if defaults > 1 {
					bad("select with %d defaults", defaults)
				}
			default:
				bad("unexpected component %T", cc)
			}
		}
	}
	return probs
}

// limitStats are the largest figures seen over the corpus.
type limitStats struct {
	replies, components                                int
	total, desc, fields, fieldValue, customID, content int
	totalName, descName, fieldsName, fieldValueName    string
	rows, options                                      int
}

func (st *limitStats) add(name string, r *reply) {
	st.replies++
	st.content = max(st.content, discordLen(r.Content))
	st.rows = max(st.rows, len(r.Components))
	for _, e := range r.Embeds {
		if n := embedTotal(e); n > st.total {
			st.total, st.totalName = n, name
		}
		if n := discordLen(e.Description); n > st.desc {
			st.desc, st.descName = n, name
		}
		if n := len(e.Fields); n > st.fields {
			st.fields, st.fieldsName = n, name
		}
		for _, f := range e.Fields {
			if n := discordLen(f.Value); n > st.fieldValue {
				st.fieldValue, st.fieldValueName = n, name
			}
		}
	}
	for _, c := range r.Components {
		for _, cc := range c.(discordgo.ActionsRow).Components {
			st.components++
			switch x := cc.(type) {
			case discordgo.Button:
				st.customID = max(st.customID, len(x.CustomID))
			case discordgo.SelectMenu:
				st.customID = max(st.customID, len(x.CustomID))
				st.options = max(st.options, len(x.Options))
				for _, o := range x.Options {
					st.customID = max(st.customID, len(o.Value))
				}
			}
		}
	}
}

// rtOpen checks that a view a button carries opens something: the names in
// it resolve in the corpus.
func rtOpen(s *answer.Service, v view) error {
	switch v.Kind {
	case "netwerk":
		if s.Corpus.Network(v.Arg) == nil {
			return fmt.Errorf("no network %q", v.Arg)
		}
	case "factor":
		if s.Corpus.Factor(v.Arg) == nil {
			return fmt.Errorf("no factor %q", v.Arg)
		}
	case "partner":
		_, err := s.Partner(v.Arg)
		return err
	case "thema":
		if v.Arg != "" {
			_, err := s.Theme(v.Arg)
			return err
		}
	case "regio":
		if v.Arg != "" {
			_, err := s.Region(v.Arg)
			return err
		}
	case "zoek":
		_, err := s.Search(context.Background(), v.Arg, v.Theme, v.Province, v.Page, 5)
		return err
	}
	return nil
}

// componentViews returns the views every button and option of r opens.
func componentViews(r *reply) []view {
	var out []view
	for _, c := range r.Components {
		for _, cc := range c.(discordgo.ActionsRow).Components {
			switch x := cc.(type) {
			case discordgo.Button:
				if v, err := decodeView(x.CustomID); err == nil {
					out = append(out, v)
				}
			case discordgo.SelectMenu:
				for _, o := range x.Options {
					if v, err := decodeView(o.Value); err == nil {
						out = append(out, v)
					}
				}
			}
		}
	}
	return out
}

// TestRenderLimitsWholeCorpus renders every network card, every factor and
// the factor list, every partner answer, every theme and region list (all
// pages), the overviews, and the search pages of many queries, and checks
// every Discord limit on each, and that every button opens something.
func TestRenderLimitsWholeCorpus(t *testing.T) {
	t.Parallel()
	s := service(t)
	c := s.Corpus
	ctx := context.Background()
	var st limitStats
	opened := map[view]bool{}
	check := func(name string, v any, vw view) *reply {
		t.Helper()
		r := render(v, vw)
		for _, p := range replyProblems(r) {
			t.Errorf("%s: %s", name, p)
		}
		st.add(name, r)
		for _, ov := range componentViews(r) {
			if ov.Kind == "zoek" || opened[ov] {
				continue
			}
			opened[ov] = true
			if err := rtOpen(s, ov); err != nil {
				t.Errorf("%s: a button opens %+v, which fails: %v", name, ov, err)
			}
		}
		return r
	}
	// renderPages renders every page of a list answer.
	renderPages := func(name string, v any, vw view, n int) {
		t.Helper()
		pages := max((n+listPageSize-1)/listPageSize, 1)
		for p := 0; p <= pages; p++ { // one past the end too
			vw.Page = p
			check(fmt.Sprintf("%s p%d", name, p), v, vw)
		}
	}
	answerOrError := func(v any, err error) any {
		if err != nil {
			return err
		}
		return v
	}

	for _, n := range c.Networks {
		card, err := s.Network(n.ID)
		if err != nil {
			t.Fatalf("Network(%s): %v", n.ID, err)
		}
		check("netwerk "+n.ID, card, view{Kind: "netwerk", Arg: n.ID})
	}
	for _, f := range c.Factors {
		fc, err := s.Factor(f.ID)
		if err != nil {
			t.Fatalf("Factor(%s): %v", f.ID, err)
		}
		check("succesfactor "+f.ID, fc, view{Kind: "factor", Arg: f.ID})
	}
	for seed := range uint64(20) {
		check("willekeurige succesfactor", s.RandomFactor(rand.New(rand.NewPCG(seed, seed))), view{Kind: "random"})
	}
	check("succesfactoren", s.Factors(), view{Kind: "factor"})
	partners := 0
	for _, o := range c.Organisations {
		for _, name := range append([]string{o.Name}, o.Aliases...) {
			a, err := s.Partner(name)
			if err != nil {
				check("partner "+name, err, view{Kind: "partner", Arg: name})
				continue
			}
			partners++
			renderPages("partner "+name, a, view{Kind: "partner", Arg: name}, len(a.Networks))
		}
	}
	if partners < len(c.Organisations) {
		t.Logf("%d partner names answered (some directory entries name no network)", partners)
	}
	check("themas", s.ThemeCounts(), view{Kind: "thema"})
	for _, th := range c.Themes {
		l, err := s.Theme(th.Name)
		if err != nil {
			t.Fatalf("Theme(%s): %v", th.Name, err)
		}
		renderPages("thema "+th.Name, l, view{Kind: "thema", Arg: th.Name}, len(l.Networks))
	}
	check("regios", s.RegionCounts(), view{Kind: "regio"})
	regions := append(append([]string{}, content.Provinces...), c.PlaceNames()...)
	for _, m := range c.Gazetteer().Municipalities() {
		regions = append(regions, m.Label())
	}
	for _, rg := range regions {
		l, err := s.Region(rg)
		if err != nil && len(c.Gazetteer().Named(rg)) > 1 {
			// Beveren, Tielt: the question which one, with a button each.
			check("regio "+rg, err, view{Kind: "regio", Arg: rg})
			continue
		}
		if err != nil {
			t.Fatalf("Region(%s): %v", rg, err)
		}
		renderPages("regio "+rg, l, view{Kind: "regio", Arg: rg}, len(l.Networks))
	}
	for _, th := range c.Themes {
		for _, p := range content.Provinces {
			l, err := s.Networks(content.Filter{Theme: th.Name, Province: p})
			check("netwerken "+th.Name+" "+p, answerOrError(l, err), view{Kind: "netwerken", Theme: th.Name, Province: p})
		}
	}

	// Search pages of many queries: every name, title, theme, place and
	// partner, the guide's own words, and hostile input.
	queries := []string{"brugfiguur", "armoede", "kinderarmoede", "vrije tijd", "school", "gezin", "ouders", "brugfiguer",
		"laagdrempelig", "samenwerken", "ervaringsdeskundige", "\"vrije tijd\"", "zzqxv", "/.*/", "*", "",
		"[klik](https://voorbeeld.invalid) **vet** <@123> @everyone `x` ||y||", strings.Repeat("🎉", 400),
		strings.Repeat("armoede ", 100), strings.Repeat("\\*", 300), "\xff\xfe armoede", "\u202eorrekam\u202c brugfiguur",
		strings.Repeat("x", 5000), "de het een en van"}
	for _, n := range c.Networks {
		queries = append(queries, n.Name, n.Place)
		queries = append(queries, n.Aliases...)
	}
	for _, f := range c.Factors {
		queries = append(queries, f.Title)
	}
	for _, th := range c.Themes {
		queries = append(queries, th.Name)
	}
	for _, o := range c.Organisations {
		queries = append(queries, o.Name)
	}
	searched := 0
	for _, q := range queries {
		p, err := s.Search(ctx, q, "", "", 0, 5)
		if err != nil {
			check("zoek "+q, err, view{Kind: "zoek", Arg: q})
			continue
		}
		searched++
		check("zoek "+q, p, view{Kind: "zoek", Arg: q})
		for page := 1; page < min(p.Pages(), 4); page++ {
			pp, err := s.Search(ctx, q, "", "", page, 5)
			if err != nil {
				t.Fatalf("Search(%q, page %d): %v", q, page, err)
			}
			check(fmt.Sprintf("zoek %s p%d", q, page), pp, view{Kind: "zoek", Arg: q, Page: page})
		}
		for i, f := range answer.SortedFacets(p.Facets.Themes) {
			if i == 3 {
				break
			}
			pp, err := s.Search(ctx, q, f.Name, "", 0, 5)
			check("zoek "+q+" thema "+f.Name, answerOrError(pp, err), view{Kind: "zoek", Arg: q, Theme: f.Name})
		}
		for i, f := range answer.SortedFacets(p.Facets.Provinces) {
			if i == 2 {
				break
			}
			pp, err := s.Search(ctx, q, "", f.Name, 0, 5)
			check("zoek "+q+" provincie "+f.Name, answerOrError(pp, err), view{Kind: "zoek", Arg: q, Province: f.Name})
		}
	}
	for _, bad := range []string{"zzzqqq", "", "\u200b", strings.Repeat("x", 3000), "<@123>"} {
		_, err := s.Network(bad)
		check("netwerk onbekend", err, view{Kind: "netwerk", Arg: bad})
		_, err = s.Factor(bad)
		check("succesfactor onbekend", err, view{Kind: "factor", Arg: bad})
		_, err = s.Partner(bad)
		check("partner onbekend", err, view{Kind: "partner", Arg: bad})
		_, err = s.Region(bad)
		check("regio onbekend", err, view{Kind: "regio", Arg: bad})
		_, err = s.Theme(bad)
		check("thema onbekend", err, view{Kind: "thema", Arg: bad})
	}
	check("help", renderHelp(testRouter(t).Specs(nil), service(t).Corpus), view{})

	t.Logf("rendered %d replies (%d search queries, %d buttons and selects); every one within Discord's limits", st.replies, searched, st.components)
	t.Logf("largest embed total: %d of %d (%s)", st.total, maxEmbedTotal, st.totalName)
	t.Logf("longest description: %d of %d (%s)", st.desc, maxDescription, st.descName)
	t.Logf("most fields: %d of %d (%s)", st.fields, maxFields, st.fieldsName)
	t.Logf("longest field value: %d of %d (%s)", st.fieldValue, maxFieldValue, st.fieldValueName)
	t.Logf("longest custom_id or option value: %d of %d bytes; most rows: %d of %d; most select options: %d of %d; longest content: %d of %d",
		st.customID, chat.MaxCustomID, st.rows, maxRows, st.options, maxSelectOptions, st.content, maxContent)
	t.Logf("%d distinct views behind buttons opened without error", len(opened))
}

func BenchmarkRender(b *testing.B) {
	s := service(b)
	card, _ := s.Network("turnhoutse-bondgenoten")
	page, _ := s.Search(context.Background(), "brugfiguur", "", "", 0, 5)
	list, _ := s.Theme("onderwijs")
	factor, _ := s.Factor("samenwerken-en-netwerk-uitbouwen")
	cases := []struct {
		name string
		v    any
		vw   view
	}{
		{"netwerk", card, view{Kind: "netwerk", Arg: card.ID}},
		{"zoek", page, view{Kind: "zoek", Arg: "brugfiguur"}},
		{"thema", list, view{Kind: "thema", Arg: "onderwijs"}},
		{"succesfactor", factor, view{Kind: "factor", Arg: factor.ID}},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				render(c.v, c.vw)
			}
		})
	}
}

func BenchmarkChoices(b *testing.B) {
	c := service(b).Corpus
	for _, q := range [][3]string{{"netwerk", "naam", ""}, {"netwerk", "naam", "duosprnog"}, {"partner", "organisatie", "saa"}, {"regio", "plaats-of-provincie", "gen"}} {
		b.Run(q[0]+"/"+q[2], func(b *testing.B) {
			for b.Loop() {
				chat.Choices(c, q[0], q[1], q[2])
			}
		})
	}
}

func BenchmarkParseMention(b *testing.B) {
	c := service(b).Corpus
	for _, m := range []string{"<@1> wie werkt samen met CAW in Limburg?", "<@1> netwerken rond vrije tijd in Gent", "<@1> brugfiguur", "<@1> wie werkt samen met schoolopbouwwerk"} {
		b.Run(m[5:], func(b *testing.B) {
			for b.Loop() {
				chat.ParseMention(c, "1", m)
			}
		})
	}
}
