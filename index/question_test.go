package index

import (
	"context"
	"errors"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/bondgenoot/bondgenoot/content"
)

func TestUnderstand(t *testing.T) {
	ix := guideIndexForBench(t)
	tests := []struct {
		query    string
		words    []string
		filler   []string
		places   []string
		themes   []string
		partners []string
		asks     bool
	}{
		{query: "hoe start je een bondgenotennetwerk", words: []string{"start", "bondgenotennetwerk"}, filler: []string{"hoe", "je", "een"}, asks: true},
		{query: "wie doet iets rond menstruatiearmoede", words: []string{"menstruatiearmoede"}, filler: []string{"wie", "doet", "iets", "rond"}, asks: true},
		{query: "welke netwerken werken rond vrije tijd in Gent", words: []string{"vrije tijd", "gent", "werken"}, filler: []string{"welke", "netwerken", "rond", "in"}, places: []string{"Gent"}, themes: []string{"vrije tijd"}, asks: true},
		{query: "huis vh kind", words: []string{"huis van het kind"}, partners: []string{"Huis van het Kind"}},
		{query: "HvhK", words: []string{"hvhk"}, partners: []string{"Huis van het Kind"}},
		{query: "BKO in Beringen", words: []string{"bko", "beringen"}, filler: []string{"in"}, places: []string{"Beringen"}, partners: []string{"Buitenschoolse kinderopvang"}},
		{query: "partners in West-Vlaanderen?", words: []string{"west vlaanderen", "partners"}, filler: []string{"in"}, places: []string{"West-Vlaanderen"}, asks: true},
		// A place of the gazetteer without a network of its own.
		{query: "ontbijt op school in Kortrijk", words: []string{"school", "kortrijk", "ontbijt"}, filler: []string{"op", "in"}, places: []string{"Kortrijk"}, themes: []string{"onderwijs"}},
		// Separable verbs join their particle.
		{query: "hoe verwijs je warm door", words: []string{"doorverwijzen", "warm"}, filler: []string{"hoe", "je"}, asks: true},
		{query: "hoe help je ouders hun rechten op te nemen", words: []string{"opnemen", "help", "ouders", "rechten"}, filler: []string{"hoe", "je", "hun"}, asks: true},
		// A particle before a place is a preposition.
		{query: "spelen in Tienen", words: []string{"tienen", "spelen"}, filler: []string{"in"}, places: []string{"Tienen"}},
		// Filler is all there is: what the analyzer keeps is searched.
		{query: "welke", words: []string{"welke"}, asks: true},
		{query: "brugfiguur", words: []string{"brugfiguur"}},
		// The bot's name is filler before a question, a topic in it.
		{query: "bondgenoot, wat is een brugfiguur", words: []string{"brugfiguur"}, filler: []string{"bondgenoot", "wat", "is", "een"}, asks: true},
		{query: "hallo bondgenoot, hoe start je een netwerk", words: []string{"start", "netwerk"}, filler: []string{"hallo", "bondgenoot", "hoe", "je", "een"}, asks: true},
		{query: "hoe word ik een bondgenoot van gezinnen", words: []string{"gezinnen", "word", "bondgenoot"}, filler: []string{"hoe", "ik", "een", "van"}, themes: []string{"gezin"}, asks: true},
		// A slip of a filler word is filler; two words the guide writes as
		// one compound are one word, also before a theme's own word.
		{query: "wat doet een brugfiguur eigelijk", words: []string{"brugfiguur"}, filler: []string{"wat", "doet", "een", "eigelijk"}, asks: true},
		{query: "ouder betrokkenheid in de basis school", words: []string{"ouderbetrokkenheid", "basisschool"}, filler: []string{"in", "de"}},
		// The question after the situation.
		{query: "jongeren komen vroeger terug van kamp, hoe pas je het aanbod aan", words: []string{"jongeren", "terugkomen", "vroeger", "kamp", "pas", "aanbod"}, filler: []string{"van", "hoe", "je", "het", "aan"}, themes: []string{"jeugd"}, asks: true},
		// Flemish abbreviations of school life.
		{query: "overgang naar het sec", words: []string{"overgang", "secundair"}, filler: []string{"naar", "het"}},
	}
	for _, tt := range tests {
		q := ix.Understand(tt.query)
		for _, c := range []struct {
			what      string
			got, want []string
		}{
			{"words", q.Words, tt.words}, {"filler", q.Filler, tt.filler}, {"places", q.Places, tt.places},
			{"themes", q.Themes, tt.themes}, {"partners", q.Partners, tt.partners},
		} {
			if !slices.Equal(c.got, c.want) {
				t.Errorf("Understand(%q) %s = %q, want %q", tt.query, c.what, c.got, c.want)
			}
		}
		if q.Asks != tt.asks {
			t.Errorf("Understand(%q) asks = %v, want %v", tt.query, q.Asks, tt.asks)
		}
	}
}

func TestWants(t *testing.T) {
	ix := guideIndexForBench(t)
	tests := []struct{ query, want string }{
		{"welke netwerken werken rond vrije tijd", WantsNetwork},
		{"wie doet iets rond menstruatiearmoede", WantsNetwork},
		{"hoe start je een bondgenotennetwerk", WantsExplanation},
		{"wat is een brugfiguur", WantsExplanation},
		{"bondgenoot, wat is een brugfiguur", WantsExplanation},
		{"wat als scholen denken dat het extra werk is", WantsExplanation},
		{"tips om een netwerk te starten", WantsExplanation},
		{"jongeren komen vroeger terug van kamp, hoe pas je het aan", WantsExplanation},
		{"ontbijt op school", ""},
	}
	for _, tt := range tests {
		if got := ix.Understand(tt.query).Wants; got != tt.want {
			t.Errorf("Understand(%q).Wants = %q, want %q", tt.query, got, tt.want)
		}
	}
}

// TestFillerWeighsNothing: a question finds what its topic finds.
func TestFillerWeighsNothing(t *testing.T) {
	ix := guideIndexForBench(t)
	for _, pair := range [][2]string{
		{"wie doet iets rond menstruatiearmoede", "menstruatiearmoede"},
		{"hoe kan ik iets doen rond schulden", "schulden"},
		{"waar vind ik info over huiswerkbegeleiding", "huiswerkbegeleiding"},
	} {
		a, b := searchIDs(t, ix, pair[0]), searchIDs(t, ix, pair[1])
		if !slices.Equal(a, b) {
			t.Errorf("%q gives %v, but %q gives %v", pair[0], a, pair[1], b)
		}
	}
}

func searchIDs(t *testing.T, ix *Index, q string) []string {
	t.Helper()
	res, err := ix.Search(context.Background(), Request{Query: q, Limit: 5})
	if err != nil {
		t.Fatalf("Search(%q): %v", q, err)
	}
	var out []string
	for _, h := range res.Hits {
		out = append(out, h.Kind+":"+h.ID)
	}
	return out
}

// TestAliasesInSearch: the partner directory's spellings, abbreviations and
// informal forms find the networks of that partner.
func TestAliasesInSearch(t *testing.T) {
	ix := guideIndexForBench(t)
	tests := []struct {
		query string
		want  string // among the first five
	}{
		{"huis vh kind", "netwerk:het-krachtmaatje"},
		{"HvhK", "netwerk:springplank"},
		{"BKO", "netwerk:duosprong"},
		{"BKO", "netwerk:kuregem-verbindt"}, // writes IBO
		{"1 gezin 1 plan", "netwerk:vier-op-een-rij"},
		{"saamo", "netwerk:duosprong"},
	}
	for _, tt := range tests {
		if got := searchIDs(t, ix, tt.query); !slices.Contains(got, tt.want) {
			t.Errorf("%q: %s not in the top 5 %v", tt.query, tt.want, got)
		}
	}
}

// TestCompoundPartFindsCompound: a word the guide only writes inside a
// compound finds the compound.
func TestCompoundPartFindsCompound(t *testing.T) {
	ix := guideIndexForBench(t)
	tests := []struct{ query, want string }{
		{"traject", "netwerk:elk-kind-telt"},             // welzijnsbubbels: trajecten
		{"armoede", "netwerk:kinderarmoede-overbruggen"}, // kinderarmoede
		{"poort", "netwerk:schoolpoortwerking-de-buurt"}, // schoolpoortwerking
		{"rijbewijs", "netwerk:inzet-op-talent"},         // rijbewijstrajecten, never alone
		{"kunst", "netwerk:creatieve-orientatie"},        // podiumkunsten
		{"menstruatie armoede", "netwerk:duosprong"},     // written as one word
	}
	for _, tt := range tests {
		res, err := ix.Search(context.Background(), Request{Query: tt.query, Limit: 50})
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, h := range res.Hits {
			found = found || h.Kind+":"+h.ID == tt.want
		}
		if !found {
			t.Errorf("%q does not find %s", tt.query, tt.want)
		}
	}
}

// TestCompoundAfterInfinitive: a compound whose first part is an
// infinitive or plural with a linker (vertrouwens-band) is found by its
// head, though the guide's term for the first part is its stem.
func TestCompoundAfterInfinitive(t *testing.T) {
	ix := guideIndexForBench(t)
	for _, tt := range []struct{ stem, want string }{
		{"band", "vertrouwensband"},
	} {
		if got := ix.compounds.of(tt.stem, tt.stem); !slices.Contains(got, tt.want) {
			t.Errorf("compounds of %q = %q, want %q among them", tt.stem, got, tt.want)
		}
	}
}

// TestTitleNeedsSpecificMatch: one common word shared with a name does not
// lift that name above a passage that answers the question.
func TestTitleNeedsSpecificMatch(t *testing.T) {
	ix := guideIndexForBench(t)
	tests := []struct{ query, want, notFirst string }{
		{"menstruatiearmoede op school", "netwerk:duosprong", "netwerk:schoolsprong"},
		{"ontbijt op school", "netwerk:kinderarmoede-overbruggen", "netwerk:schoolsprong"},
		{"hoe start je een bondgenotennetwerk", "succesfactor:samenwerken-en-netwerk-uitbouwen", "netwerk:ekers-bondgenotennetwerk"},
	}
	for _, tt := range tests {
		got := searchIDs(t, ix, tt.query)
		if len(got) == 0 || got[0] == tt.notFirst || !slices.Contains(got[:min(2, len(got))], tt.want) {
			t.Errorf("%q: top 5 %v, want %s in the first two and %s not first", tt.query, got, tt.want, tt.notFirst)
		}
	}
}

func TestAnswerLine(t *testing.T) {
	ix := guideIndexForBench(t)
	tests := []struct {
		query string
		want  string // "kind:id" of the answer; "" for none
		page  int
		words string // the answer's text holds this
	}{
		{"wie doet iets rond menstruatiearmoede", "netwerk:duosprong", 77, "menstruatiearmoede"},
		{"hoe start je een bondgenotennetwerk", "", 0, ""},
		// A single keyword is no question: the hits answer it.
		{"brugfiguur", "", 0, ""},
	}
	for _, tt := range tests {
		res, err := ix.Search(context.Background(), Request{Query: tt.query})
		if err != nil {
			t.Fatal(err)
		}
		got := ""
		if res.Answer != nil {
			got = res.Answer.Kind + ":" + res.Answer.ID
		}
		if got != tt.want {
			t.Errorf("%q: answer %q, want %q", tt.query, got, tt.want)
			continue
		}
		if res.Answer == nil {
			continue
		}
		if res.Answer.Page != tt.page || !strings.Contains(res.Answer.Text, tt.words) {
			t.Errorf("%q: answer on p. %d %q, want p. %d with %q", tt.query, res.Answer.Page, res.Answer.Text, tt.page, tt.words)
		}
		if len([]rune(res.Answer.Text)) > answerRunes {
			t.Errorf("%q: answer of %d runes, more than %d", tt.query, len([]rune(res.Answer.Text)), answerRunes)
		}
	}
}

// TestSnippetIsBestPassage: a hit's snippet comes from the passage that
// matched, and a passage of a chapter gives the chapter's page.
func TestSnippetIsBestPassage(t *testing.T) {
	ix := guideIndexForBench(t)
	res, err := ix.Search(context.Background(), Request{Query: "ontbijt op school"})
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range res.Hits[:min(2, len(res.Hits))] {
		// The breakfast story is an example of "Vertrekken vanuit noden":
		// its page, for the network too.
		if h.Page != 27 {
			t.Errorf("hit %s:%s on p. %d, want the example's page 27", h.Kind, h.ID, h.Page)
		}
		if !strings.Contains(h.Snippet, "ontbij") {
			t.Errorf("hit %s:%s snippet %q does not show the breakfast passage", h.Kind, h.ID, h.Snippet)
		}
		if len([]rune(h.Snippet)) > snippetRunes {
			t.Errorf("hit %s:%s snippet of %d runes", h.Kind, h.ID, len([]rune(h.Snippet)))
		}
	}
}

// TestConcurrentSearches runs searches at once, as the bot does; with -race
// it checks that the lazily analysed sentences and the shared caches are
// safe. Every search must give the same hits as alone.
func TestConcurrentSearches(t *testing.T) {
	ix := guideIndexForBench(t)
	queries := []string{"wie doet iets rond menstruatiearmoede", "ontbijt op school", "HvhK", "hoe start je een bondgenotennetwerk", "brugfiguer"}
	want := map[string][]string{}
	for _, q := range queries {
		want[q] = searchIDs(t, ix, q)
	}
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, q := range queries {
				res, err := ix.Search(context.Background(), Request{Query: q, Limit: 5})
				if err != nil {
					t.Error(err)
					return
				}
				var got []string
				for _, h := range res.Hits {
					got = append(got, h.Kind+":"+h.ID)
				}
				if !slices.Equal(got, want[q]) {
					t.Errorf("%q at once gives %v, alone %v", q, got, want[q])
				}
			}
		}()
	}
	wg.Wait()
}

// TestClosedIndexRefuses: a closed index (replaced by a reload) answers no
// more searches.
func TestClosedIndexRefuses(t *testing.T) {
	c, err := content.Default()
	if err != nil {
		t.Fatal(err)
	}
	ix, err := Build(c)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ix.Search(context.Background(), Request{Query: "brugfiguur"}); err != nil {
		t.Fatalf("open index: %v", err)
	}
	ix.Close()
	if _, err := ix.Search(context.Background(), Request{Query: "brugfiguur"}); !errors.Is(err, ErrClosed) {
		t.Errorf("closed index: err = %v, want ErrClosed", err)
	}
}

// TestNearbyPlaceLifts: a place without a network lifts the networks
// around it, the nearest most.
func TestNearbyPlaceLifts(t *testing.T) {
	ix := guideIndexForBench(t)
	p := ix.corpus.Gazetteer().Named("kortrijk")
	if len(p) == 0 {
		t.Fatal("the gazetteer does not know Kortrijk")
	}
	near, err := ix.corpus.NearbyNetworks(p[0], "")
	if err != nil || len(near) == 0 || near[0].DistanceKm >= nearKm {
		t.Fatalf("no network within %v km of Kortrijk: %v", nearKm, err)
	}
	got := searchIDs(t, ix, "netwerken in Kortrijk")
	if len(got) == 0 || got[0] != "netwerk:"+near[0].Network.ID {
		t.Errorf("netwerken in Kortrijk: %v, want the nearest network %s first", got, near[0].Network.ID)
	}
}
