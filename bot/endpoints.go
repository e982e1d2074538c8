package bot

import (
	"context"
	"fmt"
	"log/slog"
	"net/url"
	"strings"

	"github.com/bwmarrin/discordgo"
)

// defaultAPIURL is Discord's REST base URL.
const defaultAPIURL = "https://discord.com/"

// apiVersion is the Discord API version the bot speaks, for REST and the
// gateway. discordgo v0.29.0 defaults to 9; the bot uses 10.
const apiVersion = "10"

// useDiscordAPI points discordgo at the REST API under base (for example
// "http://127.0.0.1:8080" for a fake Discord, or a REST proxy); an empty base
// means Discord itself. The gateway URL is then asked from that API as usual.
//
// discordgo keeps its URLs in exported package variables that are computed
// once at start-up from EndpointDiscord, so changing the base means
// recomputing every one of them that derives from it. This function is the
// only place in the project that changes discordgo's package variables
// (together with routeDiscordgoLogs); the endpoint functions
// (EndpointApplicationGlobalCommands, EndpointInteractionResponse,
// EndpointWebhookMessage, EndpointChannelMessages, …) read these variables
// each time they are called, so they follow. CDN and status URLs are not
// changed: the bot never calls them.
//
// The variables are process-wide: all sessions in one process use the same
// base. Tests therefore run bots one after another, never in parallel.
func useDiscordAPI(base string) error {
	if strings.TrimSpace(base) == "" {
		base = defaultAPIURL
	}
	u, err := url.Parse(strings.TrimSpace(base))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("DISCORD_API_URL %q is geen http(s)-adres", base)
	}
	if u.RawQuery != "" || u.Fragment != "" {
		return fmt.Errorf("DISCORD_API_URL %q mag geen ? of # bevatten", base)
	}
	base = strings.TrimSuffix(u.String(), "/") + "/"
	// Someone may give the versioned API URL itself ("…/api/v10"): accept it.
	if i := strings.LastIndex(base, "api/v"); i >= 0 && strings.Count(base[i:], "/") == 2 {
		base = base[:i]
	}

	discordgo.APIVersion = apiVersion
	discordgo.EndpointDiscord = base
	api := base + "api/v" + apiVersion + "/"
	discordgo.EndpointAPI = api
	discordgo.EndpointGuilds = api + "guilds/"
	discordgo.EndpointChannels = api + "channels/"
	discordgo.EndpointUsers = api + "users/"
	discordgo.EndpointGateway = api + "gateway"
	discordgo.EndpointGatewayBot = discordgo.EndpointGateway + "/bot"
	discordgo.EndpointWebhooks = api + "webhooks/"
	discordgo.EndpointStickers = api + "stickers/"
	discordgo.EndpointStageInstances = api + "stage-instances"
	discordgo.EndpointSKUs = api + "skus"
	discordgo.EndpointVoice = api + "/voice/"
	discordgo.EndpointVoiceRegions = discordgo.EndpointVoice + "regions"
	discordgo.EndpointNitroStickersPacks = api + "/sticker-packs"
	discordgo.EndpointGuildCreate = api + "guilds"
	discordgo.EndpointApplications = api + "applications"
	discordgo.EndpointOAuth2 = api + "oauth2/"
	discordgo.EndpointOAuth2Applications = discordgo.EndpointOAuth2 + "applications"
	discordgo.EndpointOauth2 = discordgo.EndpointOAuth2
	discordgo.EndpointOauth2Applications = discordgo.EndpointOAuth2Applications
	return nil
}

// routeDiscordgoLogs sends discordgo's own log lines to log instead of the
// standard logger. discordgo.Logger is a process-wide variable, so the last
// bot started in a process receives them. Informational lines become Debug:
// they are noise for an operator.
func routeDiscordgoLogs(log *slog.Logger) {
	discordgo.Logger = func(msgL, _ int, format string, a ...any) {
		level := slog.LevelDebug - 4
		switch msgL {
		case discordgo.LogError:
			level = slog.LevelError
		case discordgo.LogWarning:
			level = slog.LevelWarn
		case discordgo.LogInformational:
			level = slog.LevelDebug
		}
		log.Log(context.Background(), level, strings.TrimSpace(fmt.Sprintf(format, a...)))
	}
}

// discordgoLevel is the session log level that matches log: discordgo only
// formats what would be kept.
func discordgoLevel(log *slog.Logger) int {
	switch {
	case log.Enabled(context.Background(), slog.LevelDebug-4):
		return discordgo.LogDebug
	case log.Enabled(context.Background(), slog.LevelDebug):
		return discordgo.LogInformational
	case log.Enabled(context.Background(), slog.LevelWarn):
		return discordgo.LogWarning
	}
	return discordgo.LogError
}
