package metrics

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func TestHealthAndMetrics(t *testing.T) {
	m := New()
	connected := false
	srv := httptest.NewServer(Handler(m,
		func() (bool, string) { return true, "" },
		func() (bool, string) { return connected, "gateway niet verbonden" },
	))
	defer srv.Close()

	get := func(path string) (int, string) {
		t.Helper()
		resp, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	if code, body := get("/healthz"); code != 503 || !strings.Contains(body, "gateway niet verbonden") {
		t.Errorf("healthz while disconnected = %d %q", code, body)
	}
	connected = true
	if code, body := get("/healthz"); code != 200 || strings.TrimSpace(body) != "ok" {
		t.Errorf("healthz while connected = %d %q", code, body)
	}

	m.Command("zoek", "ok", 3*time.Millisecond)
	m.Command("zoek", "user_error", time.Millisecond)
	m.Autocomplete()
	m.Mention(2 * time.Millisecond)
	m.DailyPost(true)
	m.DailyPost(false)
	m.RateLimited("cooldown")
	m.Panic()
	code, body := get("/metrics")
	if code != 200 {
		t.Fatalf("metrics = %d", code)
	}
	for _, want := range []string{
		`bondgenoot_commands_total{command="zoek",outcome="ok"} 1`,
		`bondgenoot_commands_total{command="zoek",outcome="user_error"} 1`,
		`bondgenoot_reply_seconds_bucket{kind="command",le="0.005"} 2`,
		`bondgenoot_autocomplete_total 1`,
		`bondgenoot_mention_replies_total 1`,
		`bondgenoot_daily_posts_sent_total 1`,
		`bondgenoot_daily_posts_failed_total 1`,
		`bondgenoot_rate_limited_total{source="cooldown"} 1`,
		`bondgenoot_panics_recovered_total 1`,
		`go_goroutines`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("metrics lack %q", want)
		}
	}
}

func TestNilMetricsRecordNothing(t *testing.T) {
	var m *Metrics
	m.Command("zoek", "ok", time.Millisecond)
	m.Autocomplete()
	m.Mention(0)
	m.DailyPost(true)
	m.RateLimited("discord")
	m.Panic()
	rec := httptest.NewRecorder()
	Handler(m).ServeHTTP(rec, httptest.NewRequest("GET", "/healthz", nil))
	if rec.Code != 200 {
		t.Errorf("healthz without checks = %d", rec.Code)
	}
}
