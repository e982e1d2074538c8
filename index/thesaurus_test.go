package index

import (
	"slices"
	"strings"
	"testing"
)

func TestThesaurusGroups(t *testing.T) {
	got := thesaurusGroups("# comment\n\nkinderopvang | crèche |  kribbe \nalleen\n | \nleerkracht|juf\n")
	want := [][]string{{"kinderopvang", "crèche", "kribbe"}, {"leerkracht", "juf"}}
	if len(got) != len(want) {
		t.Fatalf("thesaurusGroups = %q, want %q", got, want)
	}
	for i := range want {
		if !slices.Equal(got[i], want[i]) {
			t.Errorf("group %d = %q, want %q", i, got[i], want[i])
		}
	}
}

// TestEverydayGroupsReachTheGuide checks every everyday group against the
// guide: a group without a word the guide writes finds nothing, and one
// without a word the guide does not write adds nothing.
func TestEverydayGroupsReachTheGuide(t *testing.T) {
	ix := guideIndexForBench(t)
	for _, g := range allEverydayGroups {
		guide, other := 0, 0
		for _, s := range g {
			if ix.writesPhrase(strings.Join(words(s), " ")) {
				guide++
			} else {
				other++
			}
		}
		if guide == 0 || other == 0 {
			t.Errorf("group %q: %d words the guide writes, %d it does not; it needs both", g, guide, other)
		}
	}
	t.Logf("%d everyday groups; %d everyday words and phrases lead to the guide's words", len(allEverydayGroups), len(ix.everyday))
}
