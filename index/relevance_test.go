package index

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/bondgenoot/bondgenoot/content"
)

// relevanceCase is one query as a social worker, teacher or coordinator
// would type it, with what a reader of the guide expects to find.
//
// The expectations come from reading the guide, not from the output of the
// search: want lists the one to three documents ("kind:id") that clearly
// belong in the top 5, wantFirst the one that clearly belongs at the top.
// A row the search gets wrong stays in the table, marked knownGap: it is
// logged instead of failing, until the search is fixed.
type relevanceCase struct {
	style     string // question, keyword, typo or place
	query     string
	want      []string
	wantFirst string
	knownGap  bool
}

// relevanceTop is how deep the expected documents may be.
const relevanceTop = 5

var relevanceCases = []relevanceCase{
	// Single words.
	{style: "keyword", query: "menstruatiearmoede", want: []string{"netwerk:duosprong"}, wantFirst: "netwerk:duosprong"},
	{style: "keyword", query: "schulden", want: []string{"netwerk:een-brug-over-schulden"}, wantFirst: "netwerk:een-brug-over-schulden"},
	{style: "keyword", query: "arbeidsrechtbank", want: []string{"netwerk:een-brug-over-schulden"}},
	{style: "keyword", query: "gezinshereniging", want: []string{"netwerk:bondgenoten-na-gezinshereniging"}, wantFirst: "netwerk:bondgenoten-na-gezinshereniging"},
	{style: "keyword", query: "OKAN", want: []string{"netwerk:t-kan-okanders", "netwerk:creatieve-orientatie"}},
	{style: "keyword", query: "soep", want: []string{"netwerk:kuregem-verbindt"}},
	{style: "keyword", query: "kindermateriaal", want: []string{"netwerk:het-klein-geluk"}},
	{style: "keyword", query: "kleuteronderwijs", want: []string{"netwerk:schoolsterk"}},
	{style: "keyword", query: "voetbal", want: []string{"netwerk:nieuwe-energie-in-kallo"}},
	{style: "keyword", query: "armoede", want: []string{"passage:wat-is-armoede"}},
	{style: "keyword", query: "mentaal welzijn", want: []string{"netwerk:moment", "netwerk:iedereen-een-max"}},

	// Plurals.
	// Gap: Poelberg is all about brugfiguren but names them in one long
	// paragraph; networks listing "brugfiguren" among their partners match
	// in the short tags as well as in a passage.
	{style: "keyword", query: "brugfiguren", want: []string{"netwerk:brugfiguren-basisonderwijs", "netwerk:poelberg"}, knownGap: true},
	{style: "keyword", query: "huisbezoeken", want: []string{"netwerk:vitamine-a", "netwerk:vier-op-een-rij"}},
	{style: "keyword", query: "verbindingswerkers", want: []string{"netwerk:verbindingswerkers"}, wantFirst: "netwerk:verbindingswerkers"},
	{style: "keyword", query: "inloopteams", want: []string{"netwerk:schoolsterk"}},
	{style: "keyword", query: "kookmomenten met ouders", want: []string{"netwerk:kuregem-verbindt"}},

	// Compounds, split and joined.
	{style: "keyword", query: "vrije tijd", want: []string{"netwerk:vrijtijdsbesteding-voor-iedereen", "netwerk:omarmen-met-vrije-tijd"}},
	{style: "keyword", query: "vrijetijdsaanbod", want: []string{"netwerk:vrijtijdsbesteding-voor-iedereen", "netwerk:omarmen-met-vrije-tijd"}},
	{style: "keyword", query: "vrijetijdsbesteding", want: []string{"netwerk:vrijtijdsbesteding-voor-iedereen"}},
	{style: "keyword", query: "kinderarmoede", want: []string{"netwerk:kinderarmoede-overbruggen"}},
	{style: "keyword", query: "schoolpoort", want: []string{"netwerk:schoolpoortwerking-de-buurt"}},
	{style: "keyword", query: "schoolpoortwerking", want: []string{"netwerk:schoolpoortwerking-de-buurt"}, wantFirst: "netwerk:schoolpoortwerking-de-buurt"},
	{style: "keyword", query: "huiswerkbegeleiding", want: []string{"netwerk:boekentas-vol-dromen", "netwerk:vier-op-een-rij"}},
	{style: "keyword", query: "ouderbetrokkenheid", want: []string{"netwerk:bongo", "netwerk:kuregem-verbindt"}},
	{style: "keyword", query: "taalstimulering", want: []string{"netwerk:samen-spelen-samen-leren"}},
	{style: "keyword", query: "speelpunt", want: []string{"netwerk:t-stokstaartje"}},
	{style: "keyword", query: "schoolkosten", want: []string{"netwerk:springwijs"}},

	// Typos.
	{style: "typo", query: "brugfiguer", want: []string{"netwerk:brugfiguren-basisonderwijs"}},
	{style: "typo", query: "laagdrempelighied", want: []string{"succesfactor:laagdrempeligheid"}, wantFirst: "succesfactor:laagdrempeligheid"},
	{style: "typo", query: "laagdrempligheid", want: []string{"succesfactor:laagdrempeligheid"}, wantFirst: "succesfactor:laagdrempeligheid"},
	{style: "typo", query: "ervaringsdeskundie", want: []string{"succesfactor:participatie-en-ervaringsdeskundigheid"}},
	{style: "typo", query: "huiswerkbegleiding", want: []string{"netwerk:boekentas-vol-dromen"}},
	{style: "typo", query: "gezinshereneging", want: []string{"netwerk:bondgenoten-na-gezinshereniging"}},
	{style: "typo", query: "Schaerbeek", want: []string{"netwerk:moment", "netwerk:schoolpoortwerking-de-buurt"}},

	// Places.
	{style: "place", query: "Gent", want: []string{"netwerk:in-beeld", "netwerk:schoolsterk", "netwerk:kansrijk-groeien"}},
	{style: "place", query: "Limburg", want: []string{"netwerk:edu-sherpa"}},
	{style: "place", query: "Beveren", want: []string{"netwerk:samen-spelen-samen-leren", "netwerk:nieuwe-energie-in-kallo", "netwerk:springplank"}},
	{style: "place", query: "Tielt", want: []string{"netwerk:poelberg"}, wantFirst: "netwerk:poelberg"},
	{style: "place", query: "Lokeren", want: []string{"netwerk:ademruimte"}, wantFirst: "netwerk:ademruimte"},
	{style: "place", query: "Schaarbeek", want: []string{"netwerk:moment", "netwerk:schoolpoortwerking-de-buurt"}},
	{style: "place", query: "Mechelen", want: []string{"netwerk:teach-for-belgium"}},
	{style: "place", query: "Ieper", want: []string{"netwerk:brugfiguren-basisonderwijs"}, wantFirst: "netwerk:brugfiguren-basisonderwijs"},
	{style: "place", query: "Zelzate", want: []string{"netwerk:kinderarmoede-overbruggen"}},
	{style: "place", query: "Heist-op-den-Berg", want: []string{"netwerk:kind-omringd"}, wantFirst: "netwerk:kind-omringd"},
	{style: "place", query: "Kallo", want: []string{"netwerk:nieuwe-energie-in-kallo"}, wantFirst: "netwerk:nieuwe-energie-in-kallo"},
	{style: "place", query: "sociaal huis Evergem", want: []string{"netwerk:kindgerichte-wijkregisseur"}},

	// Partners and abbreviations.
	// Gap: SAAMO leads Duosprong and Schoolsprong ("penhouder en drijvende
	// kracht"), but every SAAMO network has the same partner lift and
	// directory aliases in its tags; what decides is how often a passage
	// names SAAMO, not who leads.
	{style: "keyword", query: "SAAMO", want: []string{"netwerk:duosprong", "netwerk:schoolsprong", "netwerk:bruggen-bouwen"}, knownGap: true},
	{style: "keyword", query: "1G1P", want: []string{"netwerk:vier-op-een-rij"}},
	{style: "keyword", query: "CAW", want: []string{"netwerk:bondgenoten-na-gezinshereniging", "netwerk:schouder-aan-schouder"}},
	{style: "keyword", query: "JAC", want: []string{"netwerk:iedereen-een-max"}},
	{style: "keyword", query: "Kind en Gezin", want: []string{"netwerk:schoolsterk", "netwerk:verbindingswerkers"}},
	{style: "keyword", query: "OCMW", want: []string{"netwerk:duosprong"}},
	{style: "keyword", query: "Rootz", want: []string{"netwerk:het-krachtmaatje"}, wantFirst: "netwerk:het-krachtmaatje"},
	{style: "keyword", query: "Kompanjon", want: []string{"netwerk:vier-op-een-rij"}, wantFirst: "netwerk:vier-op-een-rij"},
	{style: "keyword", query: "Kras", want: []string{"netwerk:t-kan-okanders"}},
	{style: "keyword", query: "Arktos", want: []string{"netwerk:verbindingswerkers"}},
	{style: "keyword", query: "LOP", want: []string{"netwerk:springwijs"}},
	{style: "keyword", query: "Odisee", want: []string{"netwerk:balder"}},
	{style: "keyword", query: "HOGENT", want: []string{"netwerk:schoolsprong"}},
	{style: "keyword", query: "Enchanté", want: []string{"netwerk:kinderarmoede-overbruggen"}},

	// Network names and aliases.
	{style: "keyword", query: "SchoolSterk", want: []string{"netwerk:schoolsterk"}, wantFirst: "netwerk:schoolsterk"},
	{style: "keyword", query: "Teach for Mechelen", want: []string{"netwerk:teach-for-belgium"}, wantFirst: "netwerk:teach-for-belgium"},
	{style: "keyword", query: "DuoSprong", want: []string{"netwerk:duosprong"}, wantFirst: "netwerk:duosprong"},
	{style: "keyword", query: "JAZ", want: []string{"netwerk:jongeren-aan-zet"}, wantFirst: "netwerk:jongeren-aan-zet"},
	{style: "keyword", query: "Iedereen een Max", want: []string{"netwerk:iedereen-een-max"}, wantFirst: "netwerk:iedereen-een-max"},
	{style: "keyword", query: "BONGO", want: []string{"netwerk:bongo"}, wantFirst: "netwerk:bongo"},
	{style: "keyword", query: "Jow Kallo", want: []string{"netwerk:nieuwe-energie-in-kallo"}, wantFirst: "netwerk:nieuwe-energie-in-kallo"},
	{style: "keyword", query: "Poelberg", want: []string{"netwerk:poelberg"}, wantFirst: "netwerk:poelberg"},
	{style: "keyword", query: "krachtmaatje", want: []string{"netwerk:het-krachtmaatje"}, wantFirst: "netwerk:het-krachtmaatje"},
	{style: "keyword", query: "stokstaartje", want: []string{"netwerk:t-stokstaartje"}, wantFirst: "netwerk:t-stokstaartje"},

	// Success factors.
	{style: "keyword", query: "laagdrempeligheid", want: []string{"succesfactor:laagdrempeligheid"}, wantFirst: "succesfactor:laagdrempeligheid"},
	{style: "keyword", query: "de trekker met mandaat", want: []string{"succesfactor:trekker-met-mandaat"}, wantFirst: "succesfactor:trekker-met-mandaat"},
	{style: "keyword", query: "procesmatig werken", want: []string{"succesfactor:procesmatig-werken"}, wantFirst: "succesfactor:procesmatig-werken"},
	{style: "keyword", query: "outreachend werken", want: []string{"succesfactor:outreachend-werken"}, wantFirst: "succesfactor:outreachend-werken"},
	{style: "keyword", query: "proactief", want: []string{"succesfactor:proactieve-benadering"}},
	{style: "keyword", query: "op maat werken", want: []string{"succesfactor:op-maat-werken"}, wantFirst: "succesfactor:op-maat-werken"},
	{style: "keyword", query: "gemeenschappelijke visie", want: []string{"succesfactor:gemeenschappelijke-visie"}, wantFirst: "succesfactor:gemeenschappelijke-visie"},
	{style: "keyword", query: "elkaars werking kennen", want: []string{"succesfactor:elkaars-werking-kennen"}, wantFirst: "succesfactor:elkaars-werking-kennen"},
	{style: "keyword", query: "nabijheid", want: []string{"succesfactor:nabijheid-en-flexibiliteit"}},
	{style: "keyword", query: "participatie", want: []string{"succesfactor:participatie-en-ervaringsdeskundigheid"}},
	{style: "keyword", query: "projectcoördinator", want: []string{"succesfactor:trekker-met-mandaat"}},
	{style: "keyword", query: "de spin in het netwerk", want: []string{"succesfactor:trekker-met-mandaat"}},
	{style: "keyword", query: "vertrekken vanuit noden", want: []string{"succesfactor:vertrekken-vanuit-noden"}, wantFirst: "succesfactor:vertrekken-vanuit-noden"},
	{style: "keyword", query: "een netwerk uitbouwen", want: []string{"succesfactor:samenwerken-en-netwerk-uitbouwen"}},

	// Natural questions.
	{style: "question", query: "hoe betrek je ervaringsdeskundigen", want: []string{"succesfactor:participatie-en-ervaringsdeskundigheid", "netwerk:ervaringskennis-nieuw-gent"}},
	{style: "question", query: "overgang van basis naar secundair onderwijs", want: []string{"netwerk:duosprong", "netwerk:springwijs"}},
	{style: "question", query: "wie helpt gezinnen met schulden", want: []string{"netwerk:een-brug-over-schulden"}, wantFirst: "netwerk:een-brug-over-schulden"},
	{style: "question", query: "menstruatiearmoede op school", want: []string{"netwerk:duosprong"}, wantFirst: "netwerk:duosprong"},
	{style: "question", query: "ontbijt op school", want: []string{"netwerk:kinderarmoede-overbruggen", "succesfactor:vertrekken-vanuit-noden"}},
	{style: "question", query: "jongeren die hun school niet afmaken", want: []string{"netwerk:edu-sherpa"}},
	{style: "question", query: "warme maaltijd voor kinderen", want: []string{"netwerk:boekentas-vol-dromen", "netwerk:in-beeld"}},
	{style: "question", query: "collectieve schuldenregeling", want: []string{"netwerk:een-brug-over-schulden"}, wantFirst: "netwerk:een-brug-over-schulden"},
	{style: "question", query: "overstap naar het hoger onderwijs", want: []string{"netwerk:edu-sherpa"}},
	{style: "question", query: "vertrouwenspersoon op school", want: []string{"netwerk:iedereen-een-max"}},
	{style: "question", query: "psycholoog op school", want: []string{"netwerk:iedereen-een-max"}},
	{style: "question", query: "anderstalige nieuwkomers", want: []string{"netwerk:t-kan-okanders", "netwerk:creatieve-orientatie"}},
	{style: "question", query: "jongeren tussen 15 en 18 jaar", want: []string{"netwerk:schouder-aan-schouder"}},
	{style: "question", query: "speelplek voor ouders en kinderen", want: []string{"netwerk:t-stokstaartje"}},
	{style: "question", query: "kindvriendelijke publieke ruimte", want: []string{"netwerk:ervaringskennis-nieuw-gent"}},
	{style: "question", query: "wat is armoede", want: []string{"passage:wat-is-armoede"}, wantFirst: "passage:wat-is-armoede"},
}

// TestRelevance runs realistic queries against the index built from the
// real guide and checks that the documents a reader expects come up in the
// top 5. It logs the share of passing rows and the mean reciprocal rank of
// the first expected document (over the top 10).
func TestRelevance(t *testing.T) {
	c, err := content.Default()
	if err != nil {
		t.Fatalf("load corpus: %v", err)
	}
	ix, err := Build(c)
	if err != nil {
		t.Fatalf("build index: %v", err)
	}
	t.Cleanup(func() { ix.Close() })

	known := map[string]bool{}
	for _, n := range c.Networks {
		known[KindNetwork+":"+n.ID] = true
	}
	for _, f := range c.Factors {
		known[KindFactor+":"+f.ID] = true
	}
	for _, p := range c.Passages {
		known[KindPassage+":"+p.ID] = true
	}

	ctx := context.Background()
	var pass, gaps, fixedGaps int
	var rrSum float64
	seen := map[string]bool{}
	for _, tc := range relevanceCases {
		if seen[tc.query] {
			t.Errorf("query %q appears twice in the table", tc.query)
		}
		seen[tc.query] = true
		if len(tc.want) == 0 || len(tc.want) > 3 {
			t.Errorf("query %q: list one to three expected documents, not %d", tc.query, len(tc.want))
		}
		for _, w := range append(slices.Clone(tc.want), tc.wantFirst) {
			if w != "" && !known[w] {
				t.Errorf("query %q: expected document %q is not in the corpus", tc.query, w)
			}
		}
		if tc.wantFirst != "" && !slices.Contains(tc.want, tc.wantFirst) {
			t.Errorf("query %q: wantFirst %q is not in want", tc.query, tc.wantFirst)
		}

		res, err := ix.Search(ctx, Request{Query: tc.query, Limit: 10})
		if err != nil {
			t.Errorf("query %q: %v", tc.query, err)
			continue
		}
		got := make([]string, len(res.Hits))
		for i, h := range res.Hits {
			got[i] = h.Kind + ":" + h.ID
		}
		top := got[:min(relevanceTop, len(got))]

		var problems []string
		var missing []string
		for _, w := range tc.want {
			if !slices.Contains(top, w) {
				missing = append(missing, w)
			}
		}
		if len(missing) > 0 {
			problems = append(problems, "missing from top 5: "+strings.Join(missing, ", "))
		}
		if tc.wantFirst != "" && (len(got) == 0 || got[0] != tc.wantFirst) {
			problems = append(problems, "want first: "+tc.wantFirst)
		}

		rank := 0
		for i, g := range got {
			if slices.Contains(tc.want, g) {
				rank = i + 1
				break
			}
		}
		if rank > 0 {
			rrSum += 1 / float64(rank)
		}

		report := fmt.Sprintf("query %q: %s\n\tfirst expected hit at rank %s; top 5: %s",
			tc.query, strings.Join(problems, "; "), rankString(rank), strings.Join(top, ", "))
		switch {
		case len(problems) == 0:
			pass++
			if tc.knownGap {
				fixedGaps++
				t.Logf("query %q is marked knownGap but now passes: remove the mark", tc.query)
			}
		case tc.knownGap:
			gaps++
			t.Logf("known gap: %s", report)
		default:
			t.Errorf("%s", report)
		}
	}
	total := len(relevanceCases)
	if total < 45 {
		t.Errorf("the table has %d queries; keep at least 45", total)
	}
	t.Logf("relevance: %d/%d rows pass (%.0f%%), %d known gaps, %d known gaps now passing; MRR of the first expected hit (top 10) %.3f",
		pass, total, 100*float64(pass)/float64(total), gaps, fixedGaps, rrSum/float64(total))
}

func rankString(rank int) string {
	if rank == 0 {
		return "none (not in top 10)"
	}
	return fmt.Sprint(rank)
}
