package bot

import (
	"context"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"github.com/bondgenoot/bondgenoot/internal/answer"
)

// The slash-command definitions respect Discord's rules.
func TestApplicationCommandsLimits(t *testing.T) {
	name := regexp.MustCompile(`^[-_\p{Ll}\p{N}]{1,32}$`)
	defs := applicationCommands(service(t).Corpus)
	if len(defs) != len(commands) {
		t.Fatalf("%d definitions for %d commands", len(defs), len(commands))
	}
	seen := map[string]bool{}
	for _, d := range defs {
		if !name.MatchString(d.Name) || seen[d.Name] {
			t.Errorf("command name %q", d.Name)
		}
		seen[d.Name] = true
		if n := utf8.RuneCountInString(d.Description); n < 1 || n > 100 {
			t.Errorf("/%s: description of %d characters", d.Name, n)
		}
		if (*d.NameLocalizations)[discordgo.Dutch] != d.Name || (*d.DescriptionLocalizations)[discordgo.Dutch] != d.Description {
			t.Errorf("/%s: nl localisation missing", d.Name)
		}
		// Only /dagelijks is for server managers (Manage Server), and only
		// on a server; every other command is for everyone, also in DMs.
		if d.Name == "dagelijks" {
			if d.DefaultMemberPermissions == nil || *d.DefaultMemberPermissions != discordgo.PermissionManageGuild {
				t.Errorf("/dagelijks: default_member_permissions %v, want Manage Server", d.DefaultMemberPermissions)
			}
			if d.Contexts == nil || len(*d.Contexts) != 1 || (*d.Contexts)[0] != discordgo.InteractionContextGuild {
				t.Errorf("/dagelijks: contexts %v, want the server only", d.Contexts)
			}
		} else if d.DefaultMemberPermissions != nil {
			t.Errorf("/%s: restricted to members with permissions; every command is for everyone", d.Name)
		}
		checkOptionDefs(t, name, "/"+d.Name, d.Options)
	}
	for _, want := range []string{"zoek", "netwerk", "thema", "regio", "partner", "succesfactor", "dagelijks", "help"} {
		if !seen[want] {
			t.Errorf("no /%s", want)
		}
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
		default:
			t.Errorf("%s %s: option type %v", where, o.Name, o.Type)
		}
	}
	if subs > 0 && subs != len(opts) {
		t.Errorf("%s: subcommands mixed with other options", where)
	}
}

// The option names and autocomplete flags.
func TestCommandOptions(t *testing.T) {
	want := map[string]string{
		"zoek":         "term! thema provincie",
		"netwerk":      "naam!~",
		"thema":        "thema!~",
		"regio":        "plaats-of-provincie!~",
		"partner":      "organisatie!~",
		"succesfactor": "naam~",
		"help":         "",
		// Subcommands in brackets; # marks a channel option.
		"dagelijks": "[aan: kanaal!# tijd] [uit: ] [status: ] [voorbeeld: ]",
	}
	optionList := func(opts []option) string {
		var parts []string
		for _, o := range opts {
			p := o.name
			if o.required {
				p += "!"
			}
			if o.autocomplete {
				p += "~"
			}
			if o.kind == channelOption {
				p += "#"
			}
			parts = append(parts, p)
		}
		return strings.Join(parts, " ")
	}
	for _, c := range commands {
		got := optionList(c.options)
		for _, sub := range c.subcommands {
			got = strings.TrimSpace(got + " [" + sub.name + ": " + optionList(sub.options) + "]")
			if !strings.HasPrefix(sub.example, "/"+c.name+" "+sub.name) {
				t.Errorf("/%s %s: example %q", c.name, sub.name, sub.example)
			}
			if (sub.run == nil) == (sub.act == nil) && sub.name != "voorbeeld" {
				t.Errorf("/%s %s: want one handler, run or act", c.name, sub.name)
			}
		}
		if got != want[c.name] {
			t.Errorf("/%s options %q, want %q", c.name, got, want[c.name])
		}
		if !strings.HasPrefix(c.example, "/"+c.name) {
			t.Errorf("/%s: example %q", c.name, c.example)
		}
		if len(c.subcommands) > 0 && (c.run != nil || c.act != nil || len(c.options) > 0) {
			t.Errorf("/%s: subcommands and options or a handler of its own", c.name)
		}
	}
}

// Every example of the table answers, through the same handler the console
// uses, with a value render knows.
func TestCommandExamples(t *testing.T) {
	s := service(t)
	con := &Console{Service: s}
	for _, c := range commands {
		if len(c.subcommands) > 0 {
			continue // Discord-only handlers; see TestConsoleDaily and the e2e tests
		}
		_, arg, _ := strings.Cut(c.example, " ")
		a := args{}
		if len(c.options) > 0 {
			a[c.options[0].name] = arg
		}
		v, vw, err := c.run(context.Background(), s, a)
		if err != nil {
			t.Errorf("%s: %v", c.example, err)
			continue
		}
		if c.name != "help" && (vw.Kind == "" || answer.Text(v) == "") {
			t.Errorf("%s: view %+v, text %q", c.example, vw, answer.Text(v))
		}
		if got := con.Answer(context.Background(), c.example); got == "" || strings.Contains(got, "ken ik niet") {
			t.Errorf("console %s: %q", c.example, got)
		}
	}
}

// redo recomputes every kind of view, and answers a view it cannot use
// with a Dutch message.
func TestRedo(t *testing.T) {
	s := service(t)
	ctx := context.Background()
	for _, tt := range []struct {
		vw   view
		want string // in the console text of the answer
	}{
		{view{Kind: "zoek", Arg: "brugfiguur"}, "Brugfiguren basisonderwijs"},
		{view{Kind: "zoek", Arg: "school", Page: 1}, "pagina 2"},
		{view{Kind: "thema", Arg: "onderwijs"}, "Netwerken rond onderwijs"},
		{view{Kind: "thema"}, "Thema's"},
		{view{Kind: "regio", Arg: "Gent"}, "Netwerken in Gent"},
		{view{Kind: "regio"}, "Limburg"},
		{view{Kind: "partner", Arg: "SAAMO"}, "SAAMO"},
		{view{Kind: "netwerken", Arg: "SAAMO", Province: "Limburg"}, "Netwerken met SAAMO in Limburg"},
		{view{Kind: "netwerken", Theme: "vrije tijd", Province: "Gent"}, "Netwerken rond vrije tijd in Gent"},
		{view{Kind: "netwerk", Arg: "duosprong"}, "Duosprong"},
		{view{Kind: "factor", Arg: "laagdrempeligheid"}, "Laagdrempeligheid"},
		{view{Kind: "random"}, "Succesfactor"},
	} {
		v, vw, err := redo(ctx, s, tt.vw)
		if err != nil {
			t.Errorf("redo(%+v): %v", tt.vw, err)
			continue
		}
		if got := answer.Text(v); !strings.Contains(got, tt.want) {
			t.Errorf("redo(%+v) = %.200q, want %q", tt.vw, got, tt.want)
		}
		if vw.Kind != tt.vw.Kind {
			t.Errorf("redo(%+v) returned view %+v", tt.vw, vw)
		}
	}
	// A page past the end is the last page.
	v, vw, err := redo(ctx, s, view{Kind: "zoek", Arg: "brugfiguur", Page: 9999})
	if p, ok := v.(*answer.SearchPage); err != nil || !ok || vw.Page != p.Pages()-1 || p.Page != vw.Page || len(p.Hits) == 0 {
		t.Errorf("page 9999: %v, view %+v", err, vw)
	}
	if _, _, err := redo(ctx, s, view{Kind: "onbekend"}); !answer.IsUserError(err) {
		t.Errorf("unknown kind: %v", err)
	}
	if _, vw, err := redo(ctx, s, view{Kind: "netwerk", Arg: "zzzqqq"}); !answer.IsUserError(err) || vw.Kind != "netwerk" {
		t.Errorf("unknown network: %v, %+v", err, vw)
	}
}

// What a mention asks for decides the answer.
func TestMentionAnswer(t *testing.T) {
	s := service(t)
	for _, tt := range []struct {
		q    mentionQuery
		kind string
	}{
		{mentionQuery{Partner: "SAAMO"}, "partner"},
		{mentionQuery{Partner: "CAW", Province: "Limburg"}, "netwerken"},
		{mentionQuery{Theme: "vrije tijd", Place: "Gent"}, "netwerken"},
		{mentionQuery{Province: "Limburg"}, "netwerken"},
		{mentionQuery{Query: "brugfiguur"}, "zoek"},
		{mentionQuery{Query: "brugfiguur", Theme: "onderwijs"}, "zoek"},
		{mentionQuery{}, ""},
	} {
		v, vw, err := mentionAnswer(context.Background(), s, tt.q)
		if err != nil {
			t.Errorf("%+v: %v", tt.q, err)
			continue
		}
		if vw.Kind != tt.kind {
			t.Errorf("%+v: kind %q, want %q", tt.q, vw.Kind, tt.kind)
		}
		if _, ok := v.(helpRequest); ok != (tt.kind == "") {
			t.Errorf("%+v: %T", tt.q, v)
		}
	}
}

// A partner with a region where it has no network lists the partner's
// networks everywhere, and says so, instead of an empty list.
func TestMentionPartnerInRegionWithoutNetworksWidens(t *testing.T) {
	s := service(t)
	v, _, err := mentionAnswer(context.Background(), s, parseMention(s.Corpus, "1", "<@1> wie werkt samen met CAW in Limburg?"))
	if err != nil {
		t.Fatal(err)
	}
	l, ok := v.(*answer.NetworkList)
	if !ok {
		t.Fatalf("answer is %T, want *answer.NetworkList", v)
	}
	if len(l.Networks) != 9 || !strings.Contains(l.Note, "Geen enkel netwerk in Limburg werkt samen met CAW") {
		t.Errorf("got %d networks, note %q; want the 9 CAW networks and a note about Limburg", len(l.Networks), l.Note)
	}
	rep := render(v, view{Kind: "netwerken", Arg: "CAW", Province: "Limburg"})
	if !strings.Contains(rep.Embeds[0].Description, "Geen enkel netwerk in Limburg") {
		t.Errorf("rendered description lacks the note: %q", rep.Embeds[0].Description)
	}
}
