package bot

import (
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"
)

// Outcomes of a command, the label of bondgenoot_commands_total.
const (
	outcomeOK            = "ok"
	outcomeUserError     = "user_error"
	outcomeInternalError = "internal_error"
	outcomeCooldown      = "cooldown"
)

// inflight remembers, per interaction being answered, when Discord's
// window for its first response closes and how the answer went.
type inflight struct {
	mu sync.Mutex
	m  map[string]*served
}

// served is one interaction being answered.
type served struct {
	received time.Time
	deadline time.Time // of the first response
	outcome  string
}

func (f *inflight) open(id string, received time.Time) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.m == nil {
		f.m = map[string]*served{}
	}
	f.m[id] = &served{received: received, deadline: received.Add(interactionWindow), outcome: outcomeOK}
}

// close forgets interaction id and returns what was recorded for it.
func (f *inflight) close(id string) (served, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	s, ok := f.m[id]
	if !ok {
		return served{}, false
	}
	delete(f.m, id)
	return *s, true
}

// deadline is the end of the window of interaction id; for an interaction
// it does not know, the window starts now.
func (f *inflight) deadline(id string) time.Time {
	f.mu.Lock()
	defer f.mu.Unlock()
	if s, ok := f.m[id]; ok {
		return s.deadline
	}
	return time.Now().Add(interactionWindow)
}

// setOutcome records how the answer to interaction id went.
func (f *inflight) setOutcome(id, outcome string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if s, ok := f.m[id]; ok {
		s.outcome = outcome
	}
}

// outcome records how the answer to i went; a cooldown also counts as a
// rate limit.
func (b *Bot) outcome(i *discordgo.Interaction, outcome string) {
	if outcome == outcomeCooldown {
		b.metrics.RateLimited("cooldown")
	}
	b.pending.setOutcome(i.ID, outcome)
}

// finishInteraction forgets interaction i and records it in the metrics:
// an autocomplete, or a command or button with its outcome and the time
// from receiving it to its last reply.
func (b *Bot) finishInteraction(i *discordgo.Interaction) {
	s, ok := b.pending.close(i.ID)
	if !ok {
		return
	}
	switch i.Type {
	case discordgo.InteractionApplicationCommandAutocomplete:
		b.metrics.Autocomplete()
	case discordgo.InteractionApplicationCommand, discordgo.InteractionMessageComponent:
		b.metrics.Command(b.metricName(i), s.outcome, time.Since(s.received))
	}
}

// metricName names what an interaction asked for, from a fixed set: the
// command's name, "button:" and the kind of page for a button or select,
// "unknown" for anything else.
func (b *Bot) metricName(i *discordgo.Interaction) string {
	switch data := i.Data.(type) {
	case discordgo.ApplicationCommandInteractionData:
		for k := range b.cmds {
			if b.cmds[k].name == data.Name {
				return data.Name
			}
		}
	case discordgo.MessageComponentInteractionData:
		if vw, err := viewFromComponent(data.CustomID, data.Values); err == nil && vw.Kind != "" {
			return "button:" + vw.Kind
		}
		return "button"
	}
	return "unknown"
}
