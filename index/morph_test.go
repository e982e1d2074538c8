package index

import (
	"slices"
	"testing"
)

func TestVerbRoots(t *testing.T) {
	tests := []struct {
		word string
		want []string // roots that must be among the result
	}{
		{"koken", []string{"kok", "kook"}},
		{"zetten", []string{"zet"}},
		{"schrijven", []string{"schrijv", "schrijf"}},
		{"gestart", []string{"start"}},
		{"werkt", []string{"werk"}},
		{"inschrijving", []string{"inschrijv"}},
		{"emoties", []string{"emotie"}},
		{"makkelijker", []string{"makkelijk"}},
		{"begonnen", []string{"begin", "beginnen"}},
		{"gekozen", []string{"kies", "kiezen"}},
		{"sneller", []string{"snel"}},
		{"schoner", []string{"schoon"}},
		{"zwaarder", []string{"zwaar"}},
	}
	for _, tt := range tests {
		got := verbRoots(tt.word)
		for _, w := range tt.want {
			if !slices.Contains(got, w) {
				t.Errorf("verbRoots(%q) = %v, want it to hold %q", tt.word, got, w)
			}
		}
	}
	for _, w := range []string{"", "en", "kind", "ss", "moeder"} {
		if got := verbRoots(w); len(got) != 0 {
			t.Errorf("verbRoots(%q) = %v, want none", w, got)
		}
	}
}

func TestFamilyForms(t *testing.T) {
	ix := guideIndexForBench(t)
	tests := []struct {
		word, want string // want: a form of the word the guide writes
	}{
		{"gestart", "startten"},
		{"gestigmatiseerd", "stigmatiserend"},
		{"studiekeuze", "studiekeuzes"},
	}
	for _, tt := range tests {
		if got := ix.family(tt.word); !slices.Contains(got, tt.want) {
			t.Errorf("family(%q) = %v, want it to hold %q", tt.word, got, tt.want)
		}
	}
}

func TestTogether(t *testing.T) {
	p := func(pos ...int32) *posting { return &posting{pos: pos} }
	tests := []struct {
		name string
		ps   []*posting
		want bool
	}{
		{"close", []*posting{p(3, 40), p(45)}, true},
		{"far", []*posting{p(3), p(30)}, false},
		{"three close", []*posting{p(10), p(2, 12), p(16)}, true},
		{"three, one far", []*posting{p(10), p(12), p(40)}, false},
		{"before", []*posting{p(50), p(44)}, true},
	}
	for _, tt := range tests {
		if got := together(tt.ps, conjWindow); got != tt.want {
			t.Errorf("%s: together = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestUnderstandJoinedAndHyphenated(t *testing.T) {
	ix := guideIndexForBench(t)
	tests := []struct {
		query, concept string
		phrase         bool
	}{
		// A hyphenated word the guide writes so is one phrase.
		{"wat is het sam-project", "sam project", true},
		// Two words the guide writes as the end of a compound are one word.
		{"straat therapeut voor jongeren", "straattherapeut", false},
		// The same in another form.
		{"welzijns bubbel in de klas", "welzijnsbubbel", false},
	}
	for _, tt := range tests {
		q := ix.Understand(tt.query)
		found := false
		for _, c := range q.concepts {
			if c.word == tt.concept && c.phrase == tt.phrase {
				found = true
			}
		}
		if !found {
			t.Errorf("Understand(%q): words %v, want the concept %q (phrase %v)", tt.query, q.Words, tt.concept, tt.phrase)
		}
	}
	// An unknown joined word finds the two words the guide writes apart.
	q := ix.Understand("kickoff")
	if len(q.concepts) != 1 || !slices.ContainsFunc(q.concepts[0].alts, func(a alt) bool { return len(a.terms) == 2 }) {
		t.Errorf("Understand(kickoff): want a phrase alternative (kick off), got %+v", q.concepts)
	}
}

func TestNamedPositions(t *testing.T) {
	ix := guideIndexForBench(t)
	toks := ix.an("Zo werd het Huis van het Kind een laagdrempelige plek.")
	named := ix.namedPositions(toks)
	for _, tk := range toks {
		want := string(tk.Term) == "huis" || string(tk.Term) == "kind"
		if named[tk.Position] != want {
			t.Errorf("%s at %d: named = %v, want %v", tk.Term, tk.Position, named[tk.Position], want)
		}
	}
}
