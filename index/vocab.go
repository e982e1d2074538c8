package index

import (
	"sort"
	"strings"
	"unicode"

	"github.com/blevesearch/bleve/v2/analysis/lang/nl"

	"github.com/bondgenoot/bondgenoot/internal/text"
)

// words splits s into folded words of letters and digits.
func words(s string) []string {
	return strings.FieldsFunc(text.Fold(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// stopWords is the Dutch stop list of the analyzer plus words of questions
// that carry no topic ("hoe betrek je …", "welke netwerken …").
var stopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, l := range strings.Split(string(nl.DutchStopWords), "\n") {
		if i := strings.Index(l, "|"); i >= 0 {
			l = l[:i]
		}
		if w := strings.TrimSpace(l); w != "" {
			m[text.Fold(w)] = true
		}
	}
	for _, w := range []string{"welke", "wie", "waar", "wanneer", "waarom", "hoe", "wat", "kan", "kun", "kunnen", "ik", "je", "jij", "we", "wij", "mijn", "onze", "ons", "zoek", "zoeken", "vind", "vinden", "graag", "iets", "info", "informatie", "over", "rond", "rondom", "bij", "tegen", "gids", "welk"} {
		m[w] = true
	}
	return m
}()

// notParts are words of the corpus that must not act as a part of a
// compound: they split ordinary words into nonsense.
var notParts = map[string]bool{
	"beeld": true, "leving": true, "stand": true, "staan": true, "gaan": true,
	"ning": true, "ding": true, "ling": true, "held": true, "heid": true, "lijk": true, "baar": true,
	"teit": true, "loos": true, "zaam": true, "isch": true, "elijk": true, "achtig": true,
	"eren": true, "eden": true, "ende": true, "ters": true, "tens": true,
	"erin": true, "erop": true, "even": true, "ander": true, "eigen": true, "enkel": true, "zelf": true,
	"meer": true, "veel": true, "goed": true, "mede": true, "weer": true, "toch": true, "nooit": true,
	"ieder": true, "elke": true, "alle": true, "heel": true, "zeer": true, "onder": true, "boven": true,
	"vanuit": true, "tussen": true, "samen": true, "zich": true, "rond": true, "over": true,
}

// extraParts are parts of compounds that users type but that are rare alone
// in the guide.
var extraParts = []string{
	"kind", "kinder", "kinderen", "armoede", "gezin", "gezins", "school", "scholen", "poort", "tijd", "vrij", "vrije",
	"aanbod", "besteding", "werking", "werker", "werkers", "figuur", "figuren", "brug", "ouder", "ouders",
	"jeugd", "jongeren", "buurt", "wijk", "huis", "hulp", "verlening", "welzijn", "zorg", "basis", "opvang",
	"ervaring", "deskundige", "deskundigen", "deskundigheid", "kennis", "taal", "sport", "spel", "speel",
	"straat", "opbouw", "coach", "coaching", "team", "leer", "kracht", "krachten", "vorming", "onderwijs",
	"schuld", "schulden", "kans", "kansen", "netwerk", "partner", "partners", "project", "dienst", "diensten",
	"bezoek", "bezoeken", "maaltijd", "ontbijt", "vakantie", "kamp", "gezondheid", "mentaal", "psycholoog",
	"begeleiding", "ondersteuning", "sociaal", "sociale", "plan", "traject", "regisseur", "signaal", "signalen",
	"klas", "leerling", "leerlingen", "drempel", "drempels", "verbinding", "persoon", "vertrouwen", "dialoog",
	"overleg", "platform", "centrum", "stad", "gemeente", "beleid", "kaart", "rechten", "recht",
	"transitie", "moment", "momenten", "jarig", "jarige", "menstruatie", "relatie", "traject", "trajecten",
	"twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf", "twaalf", "dertien",
	"veertien", "vijftien", "zestien", "zeventien", "achttien", "negentien", "twintig",
}

// dictionary returns the compound dictionary: every word of the corpus of at
// least minPart letters, plus the curated parts, minus stop words and the
// words that split ordinary words into nonsense.
func dictionary(texts []string) []string {
	seen := map[string]bool{}
	add := func(w string) {
		if len(w) < minPart || stopWords[w] || notParts[w] || seen[w] {
			return
		}
		for _, r := range w {
			if unicode.IsDigit(r) {
				return
			}
		}
		seen[w] = true
	}
	for _, t := range texts {
		for _, w := range words(t) {
			add(w)
		}
	}
	for _, w := range extraParts {
		add(w)
	}
	// The words of the synonym groups are words people type, in compounds
	// too (voedselhulp, huiswerkhulp).
	for _, gs := range [][][]string{synonymGroups, everydayGroups} {
		for _, g := range gs {
			for _, s := range g {
				if ws := words(s); len(ws) == 1 {
					add(ws[0])
				}
			}
		}
	}
	out := make([]string, 0, len(seen))
	for w := range seen {
		out = append(out, w)
	}
	sort.Strings(out)
	return out
}
