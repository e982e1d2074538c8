package content_test

import (
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/bondgenoot/bondgenoot/content"
)

// Every website in the corpus is a well-formed web address once the scheme
// the guide leaves out is added.
func TestWebsitesAreURLs(t *testing.T) {
	c, err := content.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range c.Networks {
		for _, w := range n.Websites {
			u, err := url.Parse(content.WebsiteURL(w))
			if err != nil || (u.Scheme != "https" && u.Scheme != "http") || !strings.Contains(u.Host, ".") || strings.ContainsAny(w, " \t<>") {
				t.Errorf("%s: website %q is not a well-formed URL (%v)", n.File, w, err)
			}
		}
	}
}

// Every network appears in at least one theme list and in its province's
// list.
func TestEveryNetworkInAThemeAndAProvince(t *testing.T) {
	c, err := content.Default()
	if err != nil {
		t.Fatal(err)
	}
	inTheme := map[string]bool{}
	for _, th := range c.ThemeCounts() {
		ns, err := c.FilterNetworks(content.Filter{Theme: th.Name})
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range ns {
			inTheme[n.ID] = true
		}
	}
	inProvince := map[string]bool{}
	for _, p := range content.Provinces {
		ns, err := c.FilterNetworks(content.Filter{Province: p})
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range ns {
			inProvince[n.ID] = true
		}
	}
	for _, n := range c.Networks {
		if !inTheme[n.ID] {
			t.Errorf("%s is in no theme list", n.ID)
		}
		if !inProvince[n.ID] || !slices.Contains(content.Provinces, n.Province) {
			t.Errorf("%s is in no province list", n.ID)
		}
	}
}
