package content

import "testing"

func TestParseContact(t *testing.T) {
	tests := []struct {
		in   string
		want Contact
		ok   bool
	}{
		{"heleen@schakel.org", Contact{Email: "heleen@schakel.org"}, true},
		{"Heleen Huysentruyt: heleen@schakel.org", Contact{Name: "Heleen Huysentruyt", Email: "heleen@schakel.org"}, true},
		{"myriam.suetens@saamo.be", Contact{Email: "myriam.suetens@saamo.be"}, true},
		{"geen adres", Contact{}, false},
		{"iemand@", Contact{}, false},
		{"@voorbeeld.be", Contact{}, false},
		{"a@b@c.be", Contact{}, false},
		{"a@voorbeeld", Contact{}, false},
		{"a b@voorbeeld.be", Contact{}, false},
		{"a@voorbeeld.be>", Contact{}, false},
		{"[klik](x): a@voorbeeld.be", Contact{}, false},
	}
	for _, tt := range tests {
		got, ok := parseContact(tt.in)
		if ok != tt.ok || ok && got != tt.want {
			t.Errorf("parseContact(%q) = %+v, %v; want %+v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

// The contact details the guide prints are on their networks.
func TestCorpusContacts(t *testing.T) {
	c, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"schoolpoortwerking-de-buurt": "Heleen Huysentruyt: heleen@schakel.org",
		"bruggen-bouwen":              "myriam.suetens@saamo.be",
	}
	for _, n := range c.Networks {
		if n.Contacts == nil {
			t.Errorf("%s: contacts is nil, want []", n.ID)
		}
		got := ""
		if len(n.Contacts) > 0 {
			got = n.Contacts[0].String()
		}
		if got != want[n.ID] {
			t.Errorf("%s: contact %q, want %q", n.ID, got, want[n.ID])
		}
	}
}

