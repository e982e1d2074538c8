// Package bot turns the corpus and the search index into a chat bot. The
// console in this file answers the same commands as text, for use without a
// Discord account.
package bot

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/bondgenoot/bondgenoot/internal/answer"
	"github.com/bondgenoot/bondgenoot/internal/text"
)

// maxInputRunes caps a console line and an option value.
const maxInputRunes = 500

// Console answers commands typed on standard input, one per line, as text.
type Console struct {
	Service *answer.Service
	In      io.Reader
	Out     io.Writer
}

// Run reads lines until the input ends or ctx is done.
func (c *Console) Run(ctx context.Context) error {
	sc := bufio.NewScanner(c.In)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	lines := make(chan string)
	errc := make(chan error, 1)
	go func() {
		defer close(lines)
		for sc.Scan() {
			select {
			case lines <- sc.Text():
			case <-ctx.Done():
				return
			}
		}
		errc <- sc.Err()
	}()
	for {
		select {
		case <-ctx.Done():
			return nil
		case line, ok := <-lines:
			if !ok {
				select {
				case err := <-errc:
					if err != nil {
						return fmt.Errorf("read console: %w", err)
					}
				default:
				}
				return nil
			}
			if out := c.Answer(ctx, line); out != "" {
				fmt.Fprintln(c.Out, out)
			}
		}
	}
}

// Answer returns the text answer to one console line.
func (c *Console) Answer(ctx context.Context, line string) (out string) {
	defer func() {
		if r := recover(); r != nil {
			out = "Sorry, daar ging iets mis. Probeer het nog eens."
		}
	}()
	line = text.Clean(line, maxInputRunes)
	if line == "" {
		return ""
	}
	name, arg, _ := strings.Cut(strings.TrimPrefix(line, "/"), " ")
	name = strings.ToLower(name)
	if !strings.HasPrefix(line, "/") {
		name, arg = "zoek", line // plain text is a search
	}
	if name == "help" || name == "hulp" {
		return helpText()
	}
	if cmd := findCommand(name); cmd != nil {
		if len(cmd.subcommands) > 0 {
			// "/dagelijks voorbeeld": the first word names the subcommand;
			// without one, the first the console can answer.
			subName, rest, _ := strings.Cut(strings.TrimSpace(arg), " ")
			sub := cmd.subcommand(strings.ToLower(subName))
			for i := range cmd.subcommands {
				if subName == "" && sub == nil && cmd.subcommands[i].run != nil {
					sub = &cmd.subcommands[i]
				}
			}
			if sub == nil {
				return fmt.Sprintf("Kies wat /%s moet doen: %s.", cmd.name, cmd.subcommandList())
			}
			name, cmd, arg = name+" "+sub.name, sub, rest
		}
		if cmd.run == nil {
			return fmt.Sprintf("/%s werkt alleen in Discord.", name)
		}
		// The console fills the command's first option with the text after it.
		a := args{}
		if len(cmd.options) > 0 {
			a[cmd.options[0].name] = strings.TrimSpace(arg)
		}
		v, _, err := cmd.run(ctx, c.Service, a)
		if err != nil {
			return answer.UserMessage(err)
		}
		return strings.TrimRight(answer.Text(v), "\n")
	}
	return fmt.Sprintf("Die opdracht ken ik niet: /%s. Typ /help voor de lijst.", name)
}

func helpText() string {
	var b strings.Builder
	b.WriteString("Ik maak de gids 'Word bondgenoot in de strijd tegen (kinder)armoede' vindbaar. Opdrachten:\n")
	for _, c := range commands {
		if c.name != "help" {
			fmt.Fprintf(&b, "  %-34s %s\n", c.example, c.help)
		}
	}
	b.WriteString("  /help                              deze uitleg\nGewone tekst zonder / is een zoekvraag.")
	return b.String()
}
