package content

import "testing"

// TestPartnerShortForms: informal short forms, the initials of long names
// and the directory's abbreviations all find the organisation, in every
// look-up that goes through OrgKey.
func TestPartnerShortForms(t *testing.T) {
	c, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ query, want string }{
		{"huis vh kind", "Huis van het Kind"},
		{"Huis v/h Kind", "Huis van het Kind"},
		{"HvhK", "Huis van het Kind"},
		{"BKO", "Buitenschoolse kinderopvang"},
		{"IBO", "Buitenschoolse kinderopvang"},
		{"1G1P", "1Gezin 1Plan"},
		// Initials of names shorter than four words are too often words.
		{"keg", ""},
	}
	for _, tt := range tests {
		got := ""
		if o := c.OrganisationByKey(OrgKey(tt.query)); o != nil {
			got = o.Name
		}
		if got != tt.want {
			t.Errorf("OrganisationByKey(OrgKey(%q)) = %q, want %q", tt.query, got, tt.want)
		}
		if tt.want == "" {
			continue
		}
		r := c.LookupPartner(tt.query)
		if r.Organisation == nil || r.Organisation.Name != tt.want || len(r.Networks) == 0 {
			t.Errorf("LookupPartner(%q) = %v with %d networks, want %s", tt.query, r.Organisation, len(r.Networks), tt.want)
		}
	}
}
