package bot

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode"

	"github.com/bondgenoot/bondgenoot/content"
	"github.com/bondgenoot/bondgenoot/index"
	"github.com/bondgenoot/bondgenoot/internal/answer"
	"github.com/bondgenoot/bondgenoot/internal/chat"
	"github.com/bondgenoot/bondgenoot/internal/daily"
	"github.com/bondgenoot/bondgenoot/internal/stats"
)

// echoAnswers are answers that quote user input s, the way the service
// and the core make them: errors that name what was not found, a search
// for s, a partner answer and a list for an organisation named s, and a
// /rapport with s as a search and as a report.
func echoAnswers(s string) []any {
	_, _, clockErr := daily.ParseClock(s)
	net := &content.Network{ID: "duosprong", Name: "Duosprong", Place: "Gent", Province: "Oost-Vlaanderen", Page: 12}
	return []any{
		&answer.NotFoundError{What: "netwerk", Query: s, Candidates: []answer.Ref{{ID: "duosprong", Name: "Duosprong"}}},
		&answer.NotFoundError{What: "netwerk met die partner", Query: s, Candidates: []answer.Ref{{Name: "SAAMO"}}},
		&answer.NotFoundError{What: "succesfactor", Query: s, Ambiguous: true},
		&content.FilterError{Field: "thema", Value: s, Suggestions: []string{"onderwijs"}},
		&answer.UserError{Message: "Ongeldige tijd: " + clockErr.Error() + ". Er is niets veranderd."},
		&answer.SearchPage{Result: &index.Result{Query: s, Notice: "Ik zocht alleen naar: " + s}, Theme: s, Province: s, PageSize: 5},
		&answer.PartnerAnswer{Query: s, Organisation: s, Networks: []answer.PartnerNetwork{{Ref: answer.Ref{ID: "duosprong", Name: "Duosprong", Place: "Gent", Page: 12}, Province: "Oost-Vlaanderen"}}},
		&answer.NetworkList{Title: "Netwerken met " + s, Note: "Geen enkel netwerk in Gent werkt samen met " + s + ".", Networks: []*content.Network{net}},
		chat.Report{Report: stats.Report{Since: "2026-11-01", Searches: 3,
			NoResults: []stats.QueryCount{{Query: s, Count: 2}},
			Reports:   []stats.ErrorReport{{About: s, Text: s, Date: "2026-12-01"}}}},
	}
}

// markupCounts counts what Discord reads as syntax in shown texts: each
// unescaped syntax character, links, invites, @everyone and @here, lists
// at the start of a line, and invisible characters.
func markupCounts(texts []string) map[string]int {
	n := map[string]int{}
	for _, s := range texts {
		low := strings.ToLower(s)
		for _, p := range []string{"://", "@everyone", "@here", "discord.gg/", "/invite/"} {
			n[p] += strings.Count(low, p)
		}
		lineStart := true
		for i := 0; i < len(s); i++ {
			c := s[i]
			if c == '\\' && i+1 < len(s) {
				i++
				lineStart = false
				continue
			}
			if strings.IndexByte("*_~`|[]<>#", c) >= 0 {
				n[string(c)]++
			}
			if lineStart && (c == '-' || c == '+') && (i+1 == len(s) || s[i+1] == ' ') {
				n["list"]++
			}
			lineStart = c == '\n' || lineStart && c == ' '
		}
		for _, r := range s {
			if r != '\n' && r != '\t' && r != '\u200b' && (unicode.Is(unicode.Cf, r) || unicode.IsControl(r)) {
				n["invisible"]++
			}
		}
	}
	return n
}

func renderedTexts(t *testing.T, v any) []string {
	t.Helper()
	r := render(v, view{Kind: "zoek"})
	body, err := json.Marshal(responseData(r))
	if err != nil {
		t.Fatal(err)
	}
	return replyTexts(body)
}

// FuzzRenderEcho: whatever a user typed, the replies that quote it hold no
// more markup than the same replies quoting "x": no link, mention, invite,
// heading, list, quote, formatting or invisible character comes from the
// input. Seeds are in testdata/fuzz/FuzzRenderEcho.
func FuzzRenderEcho(f *testing.F) {
	for _, h := range hostileEchoes {
		f.Add(h.input)
	}
	f.Fuzz(func(t *testing.T, s string) {
		plain := echoAnswers("x")
		for i, v := range echoAnswers(s) {
			got, base := markupCounts(renderedTexts(t, v)), markupCounts(renderedTexts(t, plain[i]))
			for k, c := range got {
				if c > base[k] {
					t.Fatalf("answer %T quoting %q: %d × %q in the reply, %d when it quotes \"x\":\n%s", v, s, c, k, base[k], strings.Join(renderedTexts(t, v), "\n"))
				}
			}
		}
	})
}
