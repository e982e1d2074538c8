package chat

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/bondgenoot/bondgenoot/internal/testcorpus"

	"github.com/bondgenoot/bondgenoot/internal/answer"
)

// service is the answer service over the real corpus and index.
func service(t testing.TB) *answer.Service { return testcorpus.Service(t) }

func TestConsoleAnswers(t *testing.T) {
	con := &Console{Router: testRouter(t)}
	tests := []struct {
		line string
		want []string // fragments the answer must contain
	}{
		{"/zoek brugfiguur", []string{"Brugfiguren basisonderwijs", "p. 103"}},
		{"brugfiguur", []string{"Brugfiguren basisonderwijs"}},
		{"wie doet iets rond menstruatiearmoede?", []string{"Antwoord uit de gids (p. 77) — Duosprong", "menstruatiearmoede aangepakt"}},
		{"/zoek HvhK", []string{"Het krachtmaatje", "Huis van het Kind"}},
		{"/partner SAAMO", []string{"Netwerken die samenwerken met SAAMO (9)", "Duosprong", "SAAMO Limburg vzw"}},
		{"/netwerk Duosprong", []string{"Duosprong", "Beringen (Limburg)", "gids p. 77"}},
		{"/thema vrije tijd", []string{"Netwerken rond vrije tijd", "Ademruimte"}},
		{"/regio Limburg", []string{"Netwerken in Limburg (6)"}},
		{"/regio Tielt (West-Vlaanderen)", []string{"Bondgenotennetwerk Poelberg"}},
		{"/regio Tielt", []string{"past bij meer dan één plaats", "Tielt (Tielt-Winge, Vlaams-Brabant)"}},
		{"/regio Kortrijk", []string{"Geen netwerk in Kortrijk. Dichtstbij: Perspectief (Waregem, 13 km)", "Perspectief — Waregem (West-Vlaanderen), p. 106 · 13 km", "Alle netwerken in West-Vlaanderen: /regio West-Vlaanderen"}},
		{"/regio Genk", []string{"EDU-Sherpa — Limburg (Limburg), p. 73 · heel Limburg"}},
		{"/succesfactor laagdrempeligheid", []string{"Laagdrempeligheid", "gids p. 41", "Voorbeeld: "}},
		{"/succesfactor", []string{"Succesfactor ", "van 13"}},
		{"/help", []string{"/zoek brugfiguur", "/partner SAAMO"}},
		{"/bestaatniet", []string{"Die opdracht ken ik niet"}},
		{"/netwerk", []string{"Geef de naam van een netwerk."}},
		{"/netwerk zzzzqqq", []string{"Geen netwerk gevonden"}},
		{"/zoek /.*/", []string{"Geef een of meer zoekwoorden"}},
		{"/regio Atlantis", []string{"Ik ken geen provincie of gemeente \"Atlantis\""}},
	}
	for _, tt := range tests {
		got := con.Answer(context.Background(), tt.line)
		for _, w := range tt.want {
			if !strings.Contains(got, w) {
				t.Errorf("Answer(%q) = %q\nwant it to contain %q", tt.line, got, w)
			}
		}
	}
}

func TestConsoleRunReadsLines(t *testing.T) {
	var out bytes.Buffer
	con := &Console{Router: testRouter(t), In: strings.NewReader("/zoek brugfiguur\n\n/partner SAAMO\n"), Out: &out}
	if err := con.Run(context.Background()); err != nil {
		t.Fatalf("Run: %v", err)
	}
	got := out.String()
	for _, w := range []string{"Zoeken naar \"brugfiguur\"", "Netwerken die samenwerken met SAAMO"} {
		if !strings.Contains(got, w) {
			t.Errorf("console output lacks %q:\n%s", w, got)
		}
	}
}

func TestConsoleNeverShowsGoErrors(t *testing.T) {
	con := &Console{Router: testRouter(t)}
	for _, line := range []string{"/zoek \xff\xfe", "/netwerk \u200b", "/partner ''", strings.Repeat("x", 100000), "/regio \"", "/thema ??"} {
		got := con.Answer(context.Background(), line)
		for _, bad := range []string{"panic", "goroutine", "runtime error", "%!"} {
			if strings.Contains(got, bad) {
				t.Errorf("Answer(%.30q) = %q: contains %q", line, got, bad)
			}
		}
	}
}

// testRouter is a Router over the real corpus and index.
func testRouter(t testing.TB) *Router {
	t.Helper()
	s := service(t)
	r, err := New(Config{Service: func() *answer.Service { return s }})
	if err != nil {
		t.Fatal(err)
	}
	return r
}
