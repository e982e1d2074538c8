package chat

import "github.com/bondgenoot/bondgenoot/content"

// CommandSpec describes a command for registration with a chat platform:
// what the table says, with fixed choices resolved against a corpus.
type CommandSpec struct {
	Name        string
	Help        string
	Example     string
	Options     []OptionSpec
	Subcommands []CommandSpec
	// Permissions is default_member_permissions (PermissionManageGuild for
	// admin commands); 0: everyone.
	Permissions int64
	// GuildOnly commands are offered on servers only: not in DMs, and not
	// to users who installed the app for themselves.
	GuildOnly bool
}

// OptionSpec describes one option of a command.
type OptionSpec struct {
	Name         string
	Help         string
	Kind         OptionKind
	Required     bool
	Autocomplete bool
	Choices      []string // fixed choices; at most 25
	MaxRunes     int      // longest value of a text option
}

// Specs returns the command table as descriptions, with fixed choices from
// corpus c.
func (r *Router) Specs(c *content.Corpus) []CommandSpec {
	out := make([]CommandSpec, 0, len(r.cmds))
	for _, cmd := range r.cmds {
		if cmd.hidden {
			continue
		}
		out = append(out, commandSpec(c, cmd))
	}
	return out
}

func commandSpec(c *content.Corpus, cmd Command) CommandSpec {
	s := CommandSpec{Name: cmd.name, Help: cmd.help, Example: cmd.example, Permissions: cmd.permissions, GuildOnly: cmd.guildOnly}
	for _, o := range cmd.options {
		os := OptionSpec{Name: o.name, Help: o.help, Kind: o.kind, Required: o.required, Autocomplete: o.autocomplete, MaxRunes: maxOptionRunes}
		if o.kind == ChannelOption {
			os.Autocomplete, os.MaxRunes = false, 0
		}
		if o.choices != nil && c != nil {
			names := o.choices(c)
			if len(names) > 25 { // Discord's limit; more would need autocomplete
				names = names[:25]
			}
			os.Choices = names
		}
		s.Options = append(s.Options, os)
	}
	for _, sub := range cmd.subcommands {
		s.Subcommands = append(s.Subcommands, commandSpec(c, sub))
	}
	return s
}
