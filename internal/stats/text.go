package stats

import (
	"fmt"
	"strings"
)

// Text renders the report as plain Dutch text for the command line; limit
// caps the queries and the reports shown (0: all).
func (r Report) Text(limit int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Rapport sinds %s (hoogstens de laatste %d dagen)\n\n", r.Since, Window)
	fmt.Fprintf(&b, "Zoekvragen: %d\n", r.Searches)
	fmt.Fprintf(&b, "Nuttig? ja (👍): %d, nee (👎): %d\n", r.Feedback.Helpful, r.Feedback.NotHelpful)

	b.WriteString("\n")
	if len(r.NoResults) == 0 {
		b.WriteString("Geen zoekvragen zonder resultaat.\n")
	} else {
		fmt.Fprintf(&b, "Zoekvragen zonder resultaat (%d verschillende, de vaakste eerst):\n", len(r.NoResults))
		for i, q := range r.NoResults {
			if limit > 0 && i == limit {
				fmt.Fprintf(&b, "  … en nog %d (alle: --json)\n", len(r.NoResults)-limit)
				break
			}
			fmt.Fprintf(&b, "  %4d× %s\n", q.Count, q.Query)
		}
	}
	if r.Dropped > 0 {
		fmt.Fprintf(&b, "%d zoekvragen zonder resultaat zijn alleen geteld: die dag waren er al %d verschillende.\n", r.Dropped, MaxQueriesPerDay)
	}

	b.WriteString("\n")
	if len(r.Reports) == 0 {
		b.WriteString("Geen meldingen van fouten.\n")
		return b.String()
	}
	fmt.Fprintf(&b, "Meldingen van fouten (%d, de nieuwste eerst):\n", len(r.Reports))
	for i, m := range r.Reports {
		if limit > 0 && i == limit {
			fmt.Fprintf(&b, "  … en nog %d (alle: --json)\n", len(r.Reports)-limit)
			break
		}
		fmt.Fprintf(&b, "- %s, over %s: %s\n", m.Date, m.About, m.Text)
	}
	return b.String()
}
