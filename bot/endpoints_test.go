package bot

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"
)

// Every discordgo endpoint the bot uses follows DISCORD_API_URL, through
// the session's own transport; discordgo's variables stay as they are.
func TestAPITransport(t *testing.T) {
	t.Parallel()
	endpointAPI := discordgo.EndpointAPI
	for _, base := range []string{"http://127.0.0.1:8080", "http://127.0.0.1:8080/", "https://proxy.example/discord/", "http://127.0.0.1:8080/api/v10/"} {
		tr, err := newAPITransport(base, nil)
		if err != nil {
			t.Fatalf("newAPITransport(%q): %v", base, err)
		}
		want := strings.TrimSuffix(strings.TrimSuffix(base, "/api/v10/"), "/") + "/api/v10/"
		used := map[string]string{
			"EndpointAPI":                        discordgo.EndpointAPI,
			"EndpointGateway":                    discordgo.EndpointGateway,
			"EndpointGatewayBot":                 discordgo.EndpointGatewayBot,
			"EndpointUser":                       discordgo.EndpointUser("@me"),
			"EndpointApplicationGlobalCommands":  discordgo.EndpointApplicationGlobalCommands("app"),
			"EndpointApplicationGuildCommands":   discordgo.EndpointApplicationGuildCommands("app", "guild"),
			"EndpointInteractionResponse":        discordgo.EndpointInteractionResponse("id", "tok"),
			"EndpointInteractionResponseActions": discordgo.EndpointInteractionResponseActions("app", "tok"),
			"EndpointWebhookMessage":             discordgo.EndpointWebhookMessage("app", "tok", "@original"),
			"EndpointFollowupMessage":            discordgo.EndpointFollowupMessage("app", "tok"),
			"EndpointChannelMessages":            discordgo.EndpointChannelMessages("chan"),
			"EndpointChannelMessage":             discordgo.EndpointChannelMessage("chan", "msg"),
			"EndpointGuildCreate":                discordgo.EndpointGuildCreate,
			"EndpointOAuth2Applications":         discordgo.EndpointOAuth2Applications,
			"EndpointVoiceRegions":               discordgo.EndpointVoiceRegions,
		}
		rewrite := func(s string) string {
			u, err := url.Parse(s)
			if err != nil {
				t.Fatal(err)
			}
			return tr.rewrite(u).String()
		}
		for name, got := range used {
			if got := rewrite(got); !strings.HasPrefix(got, want) {
				t.Errorf("base %q: %s = %q, want it under %q", base, name, got, want)
			}
		}
		if got := rewrite(discordgo.EndpointInteractionResponse("id", "tok")); got != want+"interactions/id/tok/callback" {
			t.Errorf("EndpointInteractionResponse = %q", got)
		}
		if got := rewrite(discordgo.EndpointApplicationGuildCommands("app", "g")); got != want+"applications/app/guilds/g/commands" {
			t.Errorf("EndpointApplicationGuildCommands = %q", got)
		}
		if tr.APIURL() != want {
			t.Errorf("APIURL() = %q, want %q", tr.APIURL(), want)
		}
	}
	if tr, err := newAPITransport("", nil); err != nil || tr.APIURL() != "https://discord.com/api/v10/" {
		t.Errorf("empty base: %v", err)
	}
	for _, bad := range []string{"ftp://x", "127.0.0.1:8080", "http://", "http://x/?a=b", "::"} {
		if _, err := newAPITransport(bad, nil); err == nil {
			t.Errorf("newAPITransport(%q) accepted", bad)
		}
	}
	if discordgo.EndpointAPI != endpointAPI {
		t.Errorf("discordgo.EndpointAPI changed to %q", discordgo.EndpointAPI)
	}
}

// The transport sends a request for Discord to the base, and leaves other
// hosts alone.
func TestAPITransportRoundTrip(t *testing.T) {
	t.Parallel()
	var got []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got = append(got, r.URL.Path)
	}))
	defer srv.Close()
	tr, err := newAPITransport(srv.URL, nil)
	if err != nil {
		t.Fatal(err)
	}
	c := &http.Client{Transport: tr}
	resp, err := c.Get(discordgo.EndpointGatewayBot)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if len(got) != 1 || got[0] != "/api/v10/gateway/bot" {
		t.Errorf("requests %q, want [/api/v10/gateway/bot]", got)
	}
}
