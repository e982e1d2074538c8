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

func TestQuoteText(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{`"Kras is super leuk!"`, "“Kras is super leuk!”"},
		{"“Het partnerschap.”", "“Het partnerschap.”"},
		{"„Zo”", "“Zo”"},
		{"'t Kan", "“t Kan”"},
		{"zonder", "“zonder”"},
		{`  ""  `, ""},
	} {
		if got := QuoteText(tt.in); got != tt.want {
			t.Errorf("QuoteText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// Every quote of the corpus says whose it is when the guide tells, with
// its network.
func TestQuoteSource(t *testing.T) {
	c, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		q    Quote
		want string
	}{
		{Quote{Attribution: "— Jongere van 't kan OKANanders", NetworkID: "t-kan-okanders"}, "Jongere van 't kan OKANanders"},
		{Quote{NetworkID: "t-kan-okanders"}, "uit het netwerk " + c.Network("t-kan-okanders").Name},
		{Quote{Attribution: "Een ouder", NetworkID: "duosprong"}, "Een ouder (Duosprong)"},
		{Quote{Attribution: "Een ouder"}, "Een ouder"},
		{Quote{}, ""},
	} {
		if got := c.QuoteSource(tt.q); got != tt.want {
			t.Errorf("QuoteSource(%+v) = %q, want %q", tt.q, got, tt.want)
		}
	}
	for _, f := range c.Factors {
		for _, q := range f.Quotes {
			if q.NetworkID != "" && c.QuoteSource(q) == "" {
				t.Errorf("%s: a quote of %s without source", f.ID, q.NetworkID)
			}
		}
	}
}
