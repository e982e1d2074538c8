package bot

import (
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"
)

// Every discordgo endpoint the bot uses follows DISCORD_API_URL.
func TestUseDiscordAPI(t *testing.T) {
	t.Cleanup(func() { _ = useDiscordAPI("") })
	for _, base := range []string{"http://127.0.0.1:8080", "http://127.0.0.1:8080/", "https://proxy.example/discord/", "http://127.0.0.1:8080/api/v10/"} {
		if err := useDiscordAPI(base); err != nil {
			t.Fatalf("useDiscordAPI(%q): %v", base, err)
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
		for name, got := range used {
			if !strings.HasPrefix(got, want) {
				t.Errorf("base %q: %s = %q, want it under %q", base, name, got, want)
			}
		}
		if got := discordgo.EndpointInteractionResponse("id", "tok"); got != want+"interactions/id/tok/callback" {
			t.Errorf("EndpointInteractionResponse = %q", got)
		}
		if got := discordgo.EndpointApplicationGuildCommands("app", "g"); got != want+"applications/app/guilds/g/commands" {
			t.Errorf("EndpointApplicationGuildCommands = %q", got)
		}
		if discordgo.APIVersion != "10" {
			t.Errorf("APIVersion = %q", discordgo.APIVersion)
		}
	}
	if err := useDiscordAPI(""); err != nil || discordgo.EndpointAPI != "https://discord.com/api/v10/" {
		t.Errorf("empty base: %v, EndpointAPI %q", err, discordgo.EndpointAPI)
	}
	for _, bad := range []string{"ftp://x", "127.0.0.1:8080", "http://", "http://x/?a=b", "::"} {
		if err := useDiscordAPI(bad); err == nil {
			t.Errorf("useDiscordAPI(%q) accepted", bad)
		}
	}
}
