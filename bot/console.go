// Package bot turns the corpus and the search index into a chat bot. The
// console in this file answers the same commands as text, for use without a
// Discord account.
package bot

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"

	"github.com/bondgenoot/bondgenoot/internal/answer"
	"github.com/bondgenoot/bondgenoot/internal/text"
)

// maxInputRunes caps a console line.
const maxInputRunes = 500

// command is one command of the bot: its Dutch name, a one-line
// description, an example, and the function that computes its answer.
type command struct {
	name    string
	help    string
	example string
	run     func(ctx context.Context, s *answer.Service, arg string) (any, error)
}

// commands is the table of the bot's commands.
var commands = []command{
	{"zoek", "zoek in de hele gids", "/zoek brugfiguur", func(ctx context.Context, s *answer.Service, arg string) (any, error) {
		if strings.TrimSpace(arg) == "" {
			return nil, &answer.UserError{Message: "Wat wil je zoeken? Bijvoorbeeld: /zoek brugfiguur"}
		}
		return s.Search(ctx, arg, "", "", 0, 5)
	}},
	{"netwerk", "de fiche van één netwerk", "/netwerk Duosprong", func(_ context.Context, s *answer.Service, arg string) (any, error) {
		return s.Network(arg)
	}},
	{"thema", "de netwerken rond een thema", "/thema vrije tijd", func(_ context.Context, s *answer.Service, arg string) (any, error) {
		if strings.TrimSpace(arg) == "" {
			return s.ThemeCounts(), nil
		}
		return s.Theme(arg)
	}},
	{"regio", "de netwerken in een provincie of gemeente", "/regio Limburg", func(_ context.Context, s *answer.Service, arg string) (any, error) {
		if strings.TrimSpace(arg) == "" {
			return s.RegionCounts(), nil
		}
		return s.Region(arg)
	}},
	{"partner", "de netwerken die met een organisatie samenwerken", "/partner SAAMO", func(_ context.Context, s *answer.Service, arg string) (any, error) {
		return s.Partner(arg)
	}},
	{"succesfactor", "een succesfactor met voorbeelden (zonder naam: een willekeurige)", "/succesfactor laagdrempeligheid", func(_ context.Context, s *answer.Service, arg string) (any, error) {
		if strings.TrimSpace(arg) == "" {
			return s.RandomFactor(rand.New(rand.NewPCG(rand.Uint64(), rand.Uint64()))), nil
		}
		return s.Factor(arg)
	}},
}

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
	for _, cmd := range commands {
		if cmd.name == name {
			v, err := cmd.run(ctx, c.Service, strings.TrimSpace(arg))
			if err != nil {
				return answer.UserMessage(err)
			}
			return strings.TrimRight(answer.Text(v), "\n")
		}
	}
	return fmt.Sprintf("Die opdracht ken ik niet: /%s. Typ /help voor de lijst.", name)
}

func helpText() string {
	var b strings.Builder
	b.WriteString("Ik maak de gids 'Word bondgenoot in de strijd tegen (kinder)armoede' vindbaar. Opdrachten:\n")
	for _, c := range commands {
		fmt.Fprintf(&b, "  %-34s %s\n", c.example, c.help)
	}
	b.WriteString("  /help                              deze uitleg\nGewone tekst zonder / is een zoekvraag.")
	return b.String()
}
