package chat

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
	Router *Router
	In     io.Reader
	Out    io.Writer
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

// Answer returns the text answer to one console line. The console is a
// door like Discord's: the line becomes a Request, the Router answers it,
// and the answer is rendered as text.
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
	if name == "hulp" {
		name = "help"
	}
	cmd := lookupCommand(c.Router.cmds, name)
	if cmd == nil {
		return fmt.Sprintf("Die opdracht ken ik niet: /%s. Typ /help voor de lijst.", name)
	}
	req := &Request{Kind: KindCommand, Command: cmd.name, Args: Args{}, Console: true, UserID: "console"}
	opts := cmd.options
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
		if sub.run == nil {
			return fmt.Sprintf("/%s %s werkt alleen in Discord.", cmd.name, sub.name)
		}
		req.Sub, opts, arg = sub.name, sub.options, rest
	}
	// The console fills the command's first option with the text after it.
	if len(opts) > 0 {
		req.Args[opts[0].name] = strings.TrimSpace(arg)
	}
	return c.render(c.Router.Handle(ctx, req))
}

// render renders a response as text.
func (c *Console) render(resp *Response) string {
	switch v := resp.Value.(type) {
	case Help:
		return c.Router.HelpText()
	case string:
		return v
	case error:
		return answer.UserMessage(v)
	}
	return strings.TrimRight(answer.Text(resp.Value), "\n")
}

// HelpText is the help as plain text, from the command table.
func (r *Router) HelpText() string {
	var b strings.Builder
	b.WriteString("Ik maak de gids 'Word bondgenoot in de strijd tegen (kinder)armoede' vindbaar. Opdrachten:\n")
	for _, l := range r.HelpLines() {
		fmt.Fprintf(&b, "  %-34s %s\n", l[0], l[1])
	}
	b.WriteString("  /help                              deze uitleg\nGewone tekst zonder / is een zoekvraag.")
	return b.String()
}
