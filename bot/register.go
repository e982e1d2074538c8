package bot

import (
	"github.com/bwmarrin/discordgo"

	"github.com/bondgenoot/bondgenoot/internal/chat"
)

// applicationCommands returns the slash-command definitions for Discord's
// bulk overwrite, from the router's command table: Dutch names and
// descriptions, with the same text as "nl" localisation so Dutch clients
// show them as they are. Subcommands become options of type subcommand
// with their own options.
func applicationCommands(specs []chat.CommandSpec) []*discordgo.ApplicationCommand {
	out := make([]*discordgo.ApplicationCommand, 0, len(specs))
	for _, cmd := range specs {
		ac := &discordgo.ApplicationCommand{
			Type:                     discordgo.ChatApplicationCommand,
			Name:                     cmd.Name,
			NameLocalizations:        &map[discordgo.Locale]string{discordgo.Dutch: cmd.Name},
			Description:              cmd.Help,
			DescriptionLocalizations: &map[discordgo.Locale]string{discordgo.Dutch: cmd.Help},
			Contexts:                 &[]discordgo.InteractionContextType{discordgo.InteractionContextGuild, discordgo.InteractionContextBotDM},
			IntegrationTypes:         &[]discordgo.ApplicationIntegrationType{discordgo.ApplicationIntegrationGuildInstall},
			Options:                  []*discordgo.ApplicationCommandOption{},
		}
		if cmd.GuildOnly {
			ac.Contexts = &[]discordgo.InteractionContextType{discordgo.InteractionContextGuild}
		}
		if cmd.Permissions != 0 {
			perm := cmd.Permissions
			ac.DefaultMemberPermissions = &perm
		}
		for _, sub := range cmd.Subcommands {
			so := &discordgo.ApplicationCommandOption{
				Type:                     discordgo.ApplicationCommandOptionSubCommand,
				Name:                     sub.Name,
				NameLocalizations:        map[discordgo.Locale]string{discordgo.Dutch: sub.Name},
				Description:              sub.Help,
				DescriptionLocalizations: map[discordgo.Locale]string{discordgo.Dutch: sub.Help},
				Options:                  []*discordgo.ApplicationCommandOption{},
			}
			for _, o := range sub.Options {
				so.Options = append(so.Options, commandOption(o))
			}
			ac.Options = append(ac.Options, so)
		}
		for _, o := range cmd.Options {
			ac.Options = append(ac.Options, commandOption(o))
		}
		out = append(out, ac)
	}
	return out
}

// commandOption is the definition of one option for Discord.
func commandOption(o chat.OptionSpec) *discordgo.ApplicationCommandOption {
	ao := &discordgo.ApplicationCommandOption{
		Type:                     discordgo.ApplicationCommandOptionString,
		Name:                     o.Name,
		NameLocalizations:        map[discordgo.Locale]string{discordgo.Dutch: o.Name},
		Description:              o.Help,
		DescriptionLocalizations: map[discordgo.Locale]string{discordgo.Dutch: o.Help},
		Required:                 o.Required,
		Autocomplete:             o.Autocomplete,
		MaxLength:                o.MaxRunes,
	}
	if o.Kind == chat.ChannelOption {
		ao.Type = discordgo.ApplicationCommandOptionChannel
		ao.ChannelTypes = []discordgo.ChannelType{discordgo.ChannelTypeGuildText}
		return ao
	}
	for _, n := range o.Choices {
		ao.Choices = append(ao.Choices, &discordgo.ApplicationCommandOptionChoice{Name: n, Value: n})
	}
	return ao
}
