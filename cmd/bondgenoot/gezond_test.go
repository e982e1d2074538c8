package main

import (
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/bondgenoot/bondgenoot/internal/metrics"
)

// hostPort is the HEALTH_ADDR form of a test server's URL.
func hostPort(srv *httptest.Server) string { return strings.TrimPrefix(srv.URL, "http://") }

func TestGezond(t *testing.T) {
	t.Chdir(t.TempDir()) // no .env
	healthy := true
	h := metrics.Handler(metrics.New(),
		func() (bool, string) { return true, "" },
		func() (bool, string) {
			if healthy {
				return true, ""
			}
			return false, "gateway: al 42s niet verbonden met de Discord-gateway"
		})
	srv := httptest.NewServer(h)
	defer srv.Close()
	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	}))
	defer slow.Close()
	redirect := httptest.NewServer(http.RedirectHandler(srv.URL+"/healthz", http.StatusFound))
	defer redirect.Close()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := ln.Addr().String()
	ln.Close()

	old := healthTimeout
	healthTimeout = 300 * time.Millisecond
	defer func() { healthTimeout = old }()

	tests := []struct {
		name    string
		env     string
		args    []string
		healthy bool
		code    int
		out     string // fragment of stdout (code 0) or stderr
	}{
		{"healthy", hostPort(srv), nil, true, exitOK, "Gezond: " + srv.URL + "/healthz antwoordt 200."},
		{"503 with the reason", hostPort(srv), nil, false, exitNotFound, "antwoordt 503: gateway: al 42s niet verbonden met de Discord-gateway."},
		{"flag wins", "127.0.0.1:1", []string{"--adres", hostPort(srv)}, true, exitOK, "Gezond"},
		{"no HEALTH_ADDR", "", nil, true, exitNotFound, "HEALTH_ADDR is niet ingesteld"},
		{"no port", "localhost", nil, true, exitNotFound, `HEALTH_ADDR "localhost" is geen adres met een poort`},
		{"nobody listens", closed, nil, true, exitNotFound, "geen verbinding met http://" + closed + "/healthz"},
		{"too slow", hostPort(slow), nil, true, exitNotFound, "antwoordt niet binnen 300ms"},
		{"redirect is not healthy", hostPort(redirect), nil, true, exitNotFound, "antwoordt 302"},
		{"wrong option is 1, not 2", hostPort(srv), []string{"--poort", "9"}, true, exitNotFound, "onbekende optie"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("HEALTH_ADDR", tt.env)
			healthy = tt.healthy
			r := mustRun(t, tt.code, append([]string{"gezond"}, tt.args...)...)
			out := r.stderr
			if tt.code == exitOK {
				out = r.stdout
			}
			if !strings.Contains(out, tt.out) {
				t.Errorf("output %q (stderr %q), want %q", r.stdout, r.stderr, tt.out)
			}
		})
	}

	t.Setenv("HEALTH_ADDR", hostPort(srv))
	healthy = false
	var res healthResult
	decode(t, mustRun(t, exitNotFound, "gezond", "--json").stdout, &res)
	if res.OK || res.Status != 503 || !strings.Contains(res.Reason, "gateway") {
		t.Errorf("gezond --json = %+v", res)
	}
}

func TestHealthURL(t *testing.T) {
	tests := []struct {
		addr, want string
		ok         bool
	}{
		{"127.0.0.1:9090", "http://127.0.0.1:9090/healthz", true},
		{":9090", "http://127.0.0.1:9090/healthz", true},
		{"0.0.0.0:9090", "http://127.0.0.1:9090/healthz", true},
		{"[::]:9090", "http://[::1]:9090/healthz", true},
		{"bot.intern:8080", "http://bot.intern:8080/healthz", true},
		{"9090", "", false},
		{"127.0.0.1:", "", false},
	}
	for _, tt := range tests {
		got, ok := healthURL(tt.addr)
		if got != tt.want || ok != tt.ok {
			t.Errorf("healthURL(%q) = %q, %v; want %q, %v", tt.addr, got, ok, tt.want, tt.ok)
		}
	}
}
