package bot

import (
	"context"
	"fmt"
	"log/slog"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"github.com/bondgenoot/bondgenoot/internal/answer"
	"github.com/bondgenoot/bondgenoot/internal/chat"
)

// The slash-command definitions respect Discord's rules.
func TestApplicationCommandsLimits(t *testing.T) {
	t.Parallel()
	name := regexp.MustCompile(`^[-_\p{Ll}\p{N}]{1,32}$`)
	commands := testRouter(t).Specs(service(t).Corpus)
	defs := applicationCommands(commands)
	if len(defs) != len(commands) {
		t.Fatalf("%d definitions for %d commands", len(defs), len(commands))
	}
	seen := map[string]bool{}
	for _, d := range defs {
		if d.Type == discordgo.MessageApplicationCommand {
			// A message command: any name of 1 to 32 characters, no
			// description, no options, and installable like the rest.
			if n := utf8.RuneCountInString(d.Name); n < 1 || n > 32 || seen[d.Name] || d.Description != "" || len(d.Options) > 0 {
				t.Errorf("message command %q: description %q, %d options", d.Name, d.Description, len(d.Options))
			}
			if (*d.NameLocalizations)[discordgo.Dutch] != d.Name {
				t.Errorf("message command %q: nl localisation missing", d.Name)
			}
			checkInstall(t, d, []discordgo.ApplicationIntegrationType{0, 1}, []discordgo.InteractionContextType{0, 1, 2})
			seen[d.Name] = true
			continue
		}
		if !name.MatchString(d.Name) || seen[d.Name] {
			t.Errorf("command name %q", d.Name)
		}
		seen[d.Name] = true
		if d.Type != discordgo.ChatApplicationCommand {
			t.Errorf("/%s: type %d", d.Name, d.Type)
		}
		if d.Name == "dagelijks" || d.Name == "rapport" { // server settings and reports
			checkInstall(t, d, []discordgo.ApplicationIntegrationType{0}, []discordgo.InteractionContextType{0})
		} else {
			checkInstall(t, d, []discordgo.ApplicationIntegrationType{0, 1}, []discordgo.InteractionContextType{0, 1, 2})
		}
		if n := utf8.RuneCountInString(d.Description); n < 1 || n > 100 {
			t.Errorf("/%s: description of %d characters", d.Name, n)
		}
		if (*d.NameLocalizations)[discordgo.Dutch] != d.Name || (*d.DescriptionLocalizations)[discordgo.Dutch] != d.Description {
			t.Errorf("/%s: nl localisation missing", d.Name)
		}
		// Only /dagelijks and /rapport are for server managers (Manage
		// Server), and only on a server; every other command is for
		// everyone, also in DMs.
		if d.Name == "dagelijks" || d.Name == "rapport" {
			if d.DefaultMemberPermissions == nil || *d.DefaultMemberPermissions != discordgo.PermissionManageGuild {
				t.Errorf("/%s: default_member_permissions %v, want Manage Server", d.Name, d.DefaultMemberPermissions)
			}
			if d.Contexts == nil || len(*d.Contexts) != 1 || (*d.Contexts)[0] != discordgo.InteractionContextGuild {
				t.Errorf("/%s: contexts %v, want the server only", d.Name, d.Contexts)
			}
		} else if d.DefaultMemberPermissions != nil {
			t.Errorf("/%s: restricted to members with permissions; every command is for everyone", d.Name)
		}
		checkOptionDefs(t, name, "/"+d.Name, d.Options)
	}
	for _, want := range []string{"zoek", "netwerk", "thema", "regio", "partner", "succesfactor", "dagelijks", "help", "Zoek in de gids"} {
		if !seen[want] {
			t.Errorf("no /%s", want)
		}
	}
}

// checkInstall checks who can install a command and where it can be used.
func checkInstall(t *testing.T, d *discordgo.ApplicationCommand, types []discordgo.ApplicationIntegrationType, contexts []discordgo.InteractionContextType) {
	t.Helper()
	if d.IntegrationTypes == nil || fmt.Sprint(*d.IntegrationTypes) != fmt.Sprint(types) {
		t.Errorf("%s: integration_types %v, want %v", d.Name, d.IntegrationTypes, types)
	}
	if d.Contexts == nil || fmt.Sprint(*d.Contexts) != fmt.Sprint(contexts) {
		t.Errorf("%s: contexts %v, want %v", d.Name, d.Contexts, contexts)
	}
}

// checkOptionDefs checks the options of a command or subcommand definition.
func checkOptionDefs(t *testing.T, name *regexp.Regexp, where string, opts []*discordgo.ApplicationCommandOption) {
	t.Helper()
	if len(opts) > 25 {
		t.Errorf("%s: %d options", where, len(opts))
	}
	optional, subs := false, 0
	for _, o := range opts {
		if !name.MatchString(o.Name) {
			t.Errorf("%s: option name %q", where, o.Name)
		}
		if n := utf8.RuneCountInString(o.Description); n < 1 || n > 100 {
			t.Errorf("%s %s: description of %d characters", where, o.Name, n)
		}
		if o.NameLocalizations[discordgo.Dutch] != o.Name || o.DescriptionLocalizations[discordgo.Dutch] != o.Description {
			t.Errorf("%s %s: nl localisation missing", where, o.Name)
		}
		if o.Type == discordgo.ApplicationCommandOptionSubCommand {
			subs++
			checkOptionDefs(t, name, where+" "+o.Name, o.Options)
			continue
		}
		if len(o.Options) > 0 {
			t.Errorf("%s %s: nested options on a plain option", where, o.Name)
		}
		if o.Required && optional {
			t.Errorf("%s: required option %s after an optional one", where, o.Name)
		}
		optional = optional || !o.Required
		if o.Autocomplete && len(o.Choices) > 0 {
			t.Errorf("%s %s: both autocomplete and choices", where, o.Name)
		}
		if len(o.Choices) > 25 {
			t.Errorf("%s %s: %d choices", where, o.Name, len(o.Choices))
		}
		for _, c := range o.Choices {
			if n := utf8.RuneCountInString(c.Name); n < 1 || n > 100 || len(c.Value.(string)) > 100 {
				t.Errorf("%s %s: choice %q", where, o.Name, c.Name)
			}
		}
		switch o.Type {
		case discordgo.ApplicationCommandOptionString:
			if o.MaxLength < 1 || len(o.ChannelTypes) > 0 {
				t.Errorf("%s %s: text option with max_length %d, channel types %v", where, o.Name, o.MaxLength, o.ChannelTypes)
			}
		case discordgo.ApplicationCommandOptionChannel:
			if o.MaxLength != 0 || o.Autocomplete || len(o.ChannelTypes) == 0 {
				t.Errorf("%s %s: channel option with max_length %d, autocomplete %v, channel types %v", where, o.Name, o.MaxLength, o.Autocomplete, o.ChannelTypes)
			}
		case discordgo.ApplicationCommandOptionBoolean:
			if o.MaxLength != 0 || o.Autocomplete || len(o.Choices) > 0 || o.Required {
				t.Errorf("%s %s: boolean option with max_length %d, autocomplete %v, choices %v, required %v", where, o.Name, o.MaxLength, o.Autocomplete, o.Choices, o.Required)
			}
		default:
			t.Errorf("%s %s: option type %v", where, o.Name, o.Type)
		}
	}
	if subs > 0 && subs != len(opts) {
		t.Errorf("%s: subcommands mixed with other options", where)
	}
}

// A partner with a region where it has no network renders the note that
// says so.
func TestMentionPartnerInRegionWithoutNetworksRendersNote(t *testing.T) {
	t.Parallel()
	resp := testRouter(t).Handle(context.Background(), &chat.Request{Kind: chat.KindMention, BotID: "1", UserID: "2", Text: "<@1> wie werkt samen met CAW in Limburg?"})
	rep := render(resp.Value, resp.View)
	if !strings.Contains(rep.Embeds[0].Description, "Geen enkel netwerk in Limburg") {
		t.Errorf("rendered description lacks the note: %q", rep.Embeds[0].Description)
	}
}

// A question in a mention renders the answer line before the hits.
func TestMentionQuestionRendersAnswerLine(t *testing.T) {
	t.Parallel()
	resp := testRouter(t).Handle(context.Background(), &chat.Request{Kind: chat.KindMention, BotID: "1", UserID: "2", Text: "<@1> wie doet iets rond menstruatiearmoede?"})
	rep := render(resp.Value, resp.View)
	if len(rep.Embeds) == 0 {
		t.Fatalf("no embed: %+v", rep)
	}
	d := rep.Embeds[0].Description
	if !strings.HasPrefix(d, "**Antwoord uit de gids (p. 77)** · Duosprong\n> ") || !strings.Contains(d, "menstruatiearmoede") {
		t.Errorf("description does not open with the answer line: %q", d)
	}
	if len(rep.Embeds[0].Fields) == 0 || !strings.Contains(rep.Embeds[0].Fields[0].Name, "Duosprong") {
		t.Errorf("the hits do not follow: %+v", rep.Embeds[0].Fields)
	}
}

// testRouter is a router over the real corpus and index.
func testRouter(t testing.TB) *chat.Router {
	t.Helper()
	s := service(t)
	r, err := chat.New(chat.Config{Service: func() *answer.Service { return s }})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// renderPrivate renders v as the router's private answer.
func renderPrivate(t testing.TB, v any) *reply {
	t.Helper()
	b := &Bot{router: testRouter(t)}
	return b.renderResponse(&chat.Response{Value: v, Private: true}, slog.New(slog.DiscardHandler))
}
