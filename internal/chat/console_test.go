package chat

import (
	"bytes"
	"context"
	"strings"
	"sync"
	"testing"

	"github.com/bondgenoot/bondgenoot/content"
	"github.com/bondgenoot/bondgenoot/index"
	"github.com/bondgenoot/bondgenoot/internal/answer"
)

var (
	svcOnce sync.Once
	svc     *answer.Service
	svcErr  error
)

func service(t testing.TB) *answer.Service {
	t.Helper()
	svcOnce.Do(func() {
		c, err := content.Default()
		if err != nil {
			svcErr = err
			return
		}
		ix, err := index.Build(c)
		if err != nil {
			svcErr = err
			return
		}
		svc = &answer.Service{Corpus: c, Index: ix}
	})
	if svcErr != nil {
		t.Fatal(svcErr)
	}
	return svc
}

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
		{"/regio Tielt", []string{"Bondgenotennetwerk Poelberg"}},
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
