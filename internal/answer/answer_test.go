package answer

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/bondgenoot/bondgenoot/content"
)

func service(t *testing.T) *Service {
	t.Helper()
	c, err := content.Default()
	if err != nil {
		t.Fatal(err)
	}
	return &Service{Corpus: c}
}

func TestUserMessageHidesInternalErrors(t *testing.T) {
	internal := fmt.Errorf("open index: %w", errors.New("bolt: database not open"))
	if got := UserMessage(internal); strings.Contains(got, "bolt") || strings.Contains(got, "index") {
		t.Errorf("UserMessage(internal) = %q: leaks Go error text", got)
	}
	if IsUserError(internal) {
		t.Error("an internal error counts as a user error")
	}
	ue := &UserError{Message: "Geef een thema."}
	if got := UserMessage(fmt.Errorf("wrapped: %w", ue)); got != "Geef een thema." {
		t.Errorf("UserMessage(user error) = %q", got)
	}
}

func TestNotFoundMessages(t *testing.T) {
	s := service(t)
	tests := []struct {
		name string
		want string
	}{
		{"", "Geef de naam van een netwerk."},
		{"zzzzqqqq", `Geen netwerk gevonden voor "zzzzqqqq".`},
		{"school", `"school" past bij meer dan één netwerk. Bedoelde je: `},
		{strings.Repeat("lang ", 100), "…"},
	}
	for _, tt := range tests {
		_, err := s.Network(tt.name)
		if err == nil || !strings.Contains(UserMessage(err), tt.want) {
			t.Errorf("Network(%.20q) error = %v, want it to contain %q", tt.name, err, tt.want)
		}
		if len(UserMessage(err)) > 600 {
			t.Errorf("Network(%.20q) message is %d bytes long", tt.name, len(UserMessage(err)))
		}
	}
}

func TestNetworksOrWider(t *testing.T) {
	s := service(t)
	l, err := s.NetworksOrWider(content.Filter{Partner: "CAW", Province: "Limburg"})
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Networks) != 9 || !strings.Contains(l.Note, "in Limburg") || l.Title != "Netwerken met CAW" {
		t.Errorf("CAW in Limburg: %d networks, title %q, note %q", len(l.Networks), l.Title, l.Note)
	}
	// A filter that matches keeps its exact answer and no note.
	l, err = s.NetworksOrWider(content.Filter{Partner: "SAAMO", Province: "Limburg"})
	if err != nil || len(l.Networks) != 2 || l.Note != "" {
		t.Errorf("SAAMO in Limburg: %v, %d networks, note %q", err, len(l.Networks), l.Note)
	}
	// The command line's Networks never widens.
	l, err = s.Networks(content.Filter{Partner: "CAW", Province: "Limburg"})
	if err != nil || len(l.Networks) != 0 {
		t.Errorf("Networks(CAW, Limburg) = %v, %d networks; want none", err, len(l.Networks))
	}
}

func TestRegionAcceptsProvincesAndPlaces(t *testing.T) {
	s := service(t)
	for q, want := range map[string]int{"Limburg": 6, "west vlaanderen": 6, "Gent": 4, "Tielt (West-Vlaanderen)": 1} {
		l, err := s.Region(q)
		if err != nil || len(l.Networks) != want {
			t.Errorf("Region(%q) = %v, %d networks; want %d", q, err, len(l.Networks), want)
		}
	}
	// Two places are called Tielt: the answer asks which.
	if _, err := s.Region("Tielt"); !IsUserError(err) || !strings.Contains(UserMessage(err), "Tielt (Tielt-Winge, Vlaams-Brabant)") {
		t.Errorf("Region(Tielt) error = %v, want the question which Tielt", err)
	}
	if _, err := s.Region("Atlantis"); !IsUserError(err) {
		t.Errorf("Region(Atlantis) error %v is not a user error", err)
	}
}
