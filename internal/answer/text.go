package answer

import (
	"fmt"
	"strings"

	"github.com/bondgenoot/bondgenoot/content"
)

// Text renders an answer as plain Dutch text for the console and the command
// line. Unknown values render as an empty string.
func Text(v any) string {
	var b strings.Builder
	switch a := v.(type) {
	case *NetworkList:
		fmt.Fprintf(&b, "%s (%d)\n", a.Title, len(a.Networks))
		if a.Note != "" {
			b.WriteString(a.Note + "\n")
		}
		if len(a.Networks) == 0 {
			b.WriteString("Geen netwerken gevonden.\n")
		}
		for _, n := range a.Networks {
			fmt.Fprintf(&b, "- %s — %s (%s), p. %d%s\n", n.Name, n.Place, n.Province, n.Page, a.distance(n))
		}
		if a.Province != "" {
			fmt.Fprintf(&b, "Alle netwerken in %s: /regio %s\n", a.Province, a.Province)
		}
	case *MapAnswer:
		fmt.Fprintf(&b, "Kaart: %s (%d)\n", a.Title, len(a.Networks))
		for _, n := range a.Networks {
			fmt.Fprintf(&b, "- %s — %s (%s)", n.Name, n.Place, n.Province)
			if d := a.Distance[n.ID]; d != "" {
				fmt.Fprintf(&b, ", %s", d)
			}
			b.WriteString("\n")
		}
		b.WriteString("De kaart zelf toont de bot in Discord; op de opdrachtregel: bondgenoot kaart --png kaart.png\n")
	case *NetworkCard:
		writeNetworkCard(&b, a)
	case *PartnerAnswer:
		fmt.Fprintf(&b, "Netwerken die samenwerken met %s (%d)\n", a.Organisation, len(a.Networks))
		for _, n := range a.Networks {
			fmt.Fprintf(&b, "- %s — %s (%s), p. %d: %s\n", n.Name, n.Place, n.Province, n.Page, strings.Join(n.Spellings, "; "))
		}
	case *FactorList:
		fmt.Fprintf(&b, "De %d succesfactoren uit de gids\n", len(a.Factors))
		for _, f := range a.Factors {
			fmt.Fprintf(&b, "%2d. %s (p. %d) — %d %s, %d %s\n", f.Order, f.Title, f.Page,
				f.Examples, plural(f.Examples, "voorbeeld", "voorbeelden"), f.Quotes, plural(f.Quotes, "citaat", "citaten"))
		}
	case *FactorCard:
		writeFactorCard(&b, a.Factor, a.Of)
	case *Themes:
		b.WriteString("Thema's\n")
		for _, t := range a.Themes {
			fmt.Fprintf(&b, "- %s: %d %s\n", t.Name, t.Count, plural(t.Count, "netwerk", "netwerken"))
		}
	case *Regions:
		b.WriteString("Provincies\n")
		for _, p := range a.Provinces {
			fmt.Fprintf(&b, "- %s: %d %s\n", p.Name, p.Count, plural(p.Count, "netwerk", "netwerken"))
		}
		b.WriteString("\nPlaatsen\n")
		for _, p := range a.Places {
			fmt.Fprintf(&b, "- %s (%s): %d\n", p.Name, p.Province, p.Count)
		}
	default:
		if tv, ok := v.(interface{ Text() string }); ok { // search pages, daily posts
			return tv.Text()
		}
	}
	return b.String()
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func writeNetworkCard(b *strings.Builder, a *NetworkCard) {
	n := a.Network
	fmt.Fprintf(b, "%s\n%s (%s) · gids p. %d\n", n.Name, n.Place, n.Province, n.Page)
	if len(n.Aliases) > 0 {
		fmt.Fprintf(b, "Ook: %s\n", strings.Join(n.Aliases, "; "))
	}
	fmt.Fprintf(b, "Thema's: %s\n\n", strings.Join(n.Themes, ", "))
	fmt.Fprintf(b, "%s\n\n", n.Description)
	b.WriteString("De bondgenoten:\n")
	for _, p := range n.Partners {
		if p.Canonical != p.Name {
			fmt.Fprintf(b, "- %s (%s)\n", p.Name, p.Canonical)
		} else {
			fmt.Fprintf(b, "- %s\n", p.Name)
		}
	}
	if len(n.Websites) > 0 {
		fmt.Fprintf(b, "\nWebsite: %s\n", strings.Join(n.Websites, ", "))
	}
	if len(n.Products) > 0 {
		fmt.Fprintf(b, "Product: %s\n", strings.Join(n.Products, "; "))
	}
	if len(a.Factors) > 0 {
		b.WriteString("\nIn de succesfactoren:")
		for _, f := range a.Factors {
			fmt.Fprintf(b, " %s (p. %d);", f.Name, f.Page)
		}
		b.WriteString("\n")
	}
	if len(a.Related) > 0 {
		b.WriteString("Verwante netwerken:")
		for _, r := range a.Related {
			fmt.Fprintf(b, " %s (%s);", r.Name, r.Place)
		}
		b.WriteString("\n")
	}
}

func writeFactorCard(b *strings.Builder, f *content.Factor, of int) {
	fmt.Fprintf(b, "%s\nSuccesfactor %d van %d · gids p. %d\n\n%s\n", f.Title, f.Order, of, f.Page, f.Text)
	for _, e := range f.Examples {
		fmt.Fprintf(b, "\nVoorbeeld: %s\n%s\n", e.NetworkName, e.Text)
	}
	for _, q := range f.Quotes {
		fmt.Fprintf(b, "\n%s\n", q.Text)
		if q.Attribution != "" {
			fmt.Fprintf(b, "— %s\n", q.Attribution)
		}
	}
}

// ErrorText renders an error for the console: the user message and, for
// unknown names, the candidates.
func ErrorText(err error) string {
	return UserMessage(err) + "\n"
}
