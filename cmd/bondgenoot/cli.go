package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/bondgenoot/bondgenoot/content"
	"github.com/bondgenoot/bondgenoot/index"
	"github.com/bondgenoot/bondgenoot/internal/answer"
	"github.com/bondgenoot/bondgenoot/internal/daily"
)

// Exit codes of the command line.
const (
	exitOK       = 0
	exitNotFound = 1 // the answer is "nothing found" or the input was wrong
	exitUsage    = 2 // unknown subcommand or flag
	exitInternal = 3 // the corpus or index could not be loaded
)

const usageTemplate = `Gebruik: bondgenoot [opdracht] [opties]

Zonder opdracht start de Discord-bot (of, zonder DISCORD_TOKEN, een console).

Opdrachten:
  netwerken [--thema T] [--provincie P] [--gemeente G] [--partner O]
                          netwerken die aan alle filters voldoen
  netwerk NAAM            de fiche van één netwerk
  partner ORGANISATIE     de netwerken die met die organisatie samenwerken
  succesfactor [NAAM]     één succesfactor, of de lijst van alle {{factors}}
  zoek [--limit N] [--thema T] [--provincie P] VRAAG
                          zoeken in de hele gids; VRAAG "-" leest een vraag per
                          regel van standaardinvoer
  dichtbij [--limit N] [--thema T] PLAATS
                          de netwerken het dichtst bij een gemeente of
                          deelgemeente van Vlaanderen of Brussel
  dagelijks [--datum JJJJ-MM-DD] [--server ID]
                          de dagelijkse succesfactor van die dag (standaard vandaag)
  kaart [--thema T] [--provincie P] [--partner O] [--plaats PLAATS] --png BESTAND
                          een kaart van de netwerken als PNG-bestand; met
                          --plaats de plaats en de netwerken dichtbij
  themas                  de thema's met hun aantal netwerken
  regios                  provincies en plaatsen met hun aantal netwerken
  controleer [--map MAP]  controleer alle inhoudsbestanden (van MAP, van
                          CONTENT_DIR of de ingebouwde)
  rapport                 wat mensen zochten en niet vonden, of antwoorden
                          hielpen, en de gemelde fouten (laatste 90 dagen; de
                          opslag in DATA_DIR van een gestopte bot)
  vergeet --server ID     verwijder de instellingen van een server uit de
                          opslag in DATA_DIR (met de bot gestopt)
  gezond [--adres ADRES]  exitcode 0 als /healthz op HEALTH_ADDR 200 antwoordt,
                          anders 1 met de reden

Elke opdracht kent --json: dan komt het antwoord als JSON.
`

// usage is the command line's help, with the corpus's counts.
func usage() string {
	factors := "succesfactoren"
	if c, err := content.Default(); err == nil {
		factors = strconv.Itoa(len(c.Factors))
	}
	return strings.ReplaceAll(usageTemplate, "{{factors}}", factors)
}

// cli runs one subcommand against the corpus.
type cli struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	json           bool
	svc            *answer.Service
	exit           int // exit code when parse returns false
}

// run dispatches the command line. It returns the exit code and an error
// only for messages that must go to standard error unformatted.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) (int, error) {
	if len(args) == 0 {
		return runBot(ctx, stdin, stdout, stderr)
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "help", "-h", "--help", "hulp":
		fmt.Fprint(stdout, usage())
		return exitOK, nil
	}
	// Subcommands without the corpus.
	c := &cli{stdin: stdin, stdout: stdout, stderr: stderr}
	switch cmd {
	case "controleer":
		return c.check(rest)
	case "rapport":
		return c.report(rest)
	case "vergeet":
		return c.forget(rest)
	case "gezond":
		return c.health(ctx, rest)
	}
	corpus, err := loadCorpus(contentDir())
	if err != nil {
		return exitInternal, fmt.Errorf("de inhoud kan niet geladen worden: %w", err)
	}
	c.svc = &answer.Service{Corpus: corpus}
	switch cmd {
	case "netwerken":
		return c.networks(rest)
	case "netwerk":
		return c.network(rest)
	case "partner":
		return c.partner(rest)
	case "succesfactor", "succesfactoren":
		return c.factor(rest)
	case "themas", "thema's":
		return c.simple(rest, func() any { return c.svc.ThemeCounts() })
	case "regios", "regio's":
		return c.simple(rest, func() any { return c.svc.RegionCounts() })
	case "dichtbij":
		return c.nearby(rest)
	case "dagelijks":
		return c.daily(rest)
	case "kaart":
		return c.kaart(rest)
	case "zoek":
		ix, err := index.Build(corpus)
		if err != nil {
			return exitInternal, fmt.Errorf("de zoekindex kan niet gebouwd worden: %w", err)
		}
		defer ix.Close()
		c.svc.Index = ix
		return c.search(ctx, rest)
	}
	fmt.Fprintf(stderr, "Onbekende opdracht %q.\n\n%s", cmd, usage())
	return exitUsage, nil
}

// parse parses flags that may stand before or after the positional
// arguments, and returns the positional arguments.
func (c *cli) parse(fs *flag.FlagSet, args []string) ([]string, bool) {
	fs.SetOutput(io.Discard)
	fs.BoolVar(&c.json, "json", false, "antwoord als JSON")
	// Everything after "--" is positional.
	var after []string
	if i := slices.Index(args, "--"); i >= 0 {
		args, after = args[:i], args[i+1:]
	}
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				fmt.Fprint(c.stdout, usage())
				c.exit = exitOK
				return nil, false
			}
			fmt.Fprintf(c.stderr, "Ongeldige optie: %s\n\n%s", dutchFlagError(err), usage())
			c.exit = exitUsage
			return nil, false
		}
		args = fs.Args()
		if len(args) == 0 {
			break
		}
		positional = append(positional, args[0])
		args = args[1:]
	}
	return append(positional, after...), true
}

func dutchFlagError(err error) string {
	msg := err.Error()
	switch {
	case strings.HasPrefix(msg, "flag provided but not defined: "):
		return "onbekende optie " + strings.TrimPrefix(msg, "flag provided but not defined: ")
	case strings.HasPrefix(msg, "flag needs an argument: "):
		return "optie " + strings.TrimPrefix(msg, "flag needs an argument: ") + " heeft een waarde nodig"
	}
	return msg
}

// emit prints an answer as JSON or text.
func (c *cli) emit(v any) int {
	if c.json {
		enc := json.NewEncoder(c.stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(v); err != nil {
			fmt.Fprintln(c.stderr, "Kan het antwoord niet schrijven.")
			return exitInternal
		}
		return exitOK
	}
	fmt.Fprint(c.stdout, answer.Text(v))
	return exitOK
}

// fail prints a user-facing error as text, or as {"error", "candidates"}
// JSON, and returns the exit code.
func (c *cli) fail(err error) (int, error) {
	if !answer.IsUserError(err) {
		return exitInternal, errors.New(answer.UserMessage(err))
	}
	if c.json {
		out := struct {
			Error      string       `json:"error"`
			Candidates []answer.Ref `json:"candidates"`
		}{Error: answer.UserMessage(err), Candidates: []answer.Ref{}}
		var nf *answer.NotFoundError
		if errors.As(err, &nf) && nf.Candidates != nil {
			out.Candidates = nf.Candidates
		}
		c.emit(out)
		return exitNotFound, nil
	}
	fmt.Fprint(c.stderr, answer.ErrorText(err))
	return exitNotFound, nil
}

func (c *cli) networks(args []string) (int, error) {
	fs := flag.NewFlagSet("netwerken", flag.ContinueOnError)
	var f content.Filter
	fs.StringVar(&f.Theme, "thema", "", "")
	fs.StringVar(&f.Province, "provincie", "", "")
	fs.StringVar(&f.Municipality, "gemeente", "", "")
	fs.StringVar(&f.Partner, "partner", "", "")
	pos, ok := c.parse(fs, args)
	if !ok {
		return c.exit, nil
	}
	if len(pos) > 0 {
		fmt.Fprintf(c.stderr, "netwerken verwacht geen naam maar filters, bijvoorbeeld: netwerken --thema \"vrije tijd\"\n")
		return exitUsage, nil
	}
	list, err := c.svc.Networks(f)
	if err != nil {
		return c.fail(err)
	}
	if c.json {
		if list.Networks == nil {
			return c.emit([]*content.Network{}), nil
		}
		return c.emit(list.Networks), nil
	}
	return c.emit(list), nil
}

func (c *cli) network(args []string) (int, error) {
	pos, ok := c.parse(flag.NewFlagSet("netwerk", flag.ContinueOnError), args)
	if !ok {
		return c.exit, nil
	}
	card, err := c.svc.Network(strings.Join(pos, " "))
	if err != nil {
		return c.fail(err)
	}
	return c.emit(card), nil
}

func (c *cli) partner(args []string) (int, error) {
	pos, ok := c.parse(flag.NewFlagSet("partner", flag.ContinueOnError), args)
	if !ok {
		return c.exit, nil
	}
	a, err := c.svc.Partner(strings.Join(pos, " "))
	if err != nil {
		return c.fail(err)
	}
	return c.emit(a), nil
}

func (c *cli) factor(args []string) (int, error) {
	pos, ok := c.parse(flag.NewFlagSet("succesfactor", flag.ContinueOnError), args)
	if !ok {
		return c.exit, nil
	}
	if len(pos) == 0 {
		return c.emit(c.svc.Factors()), nil
	}
	card, err := c.svc.Factor(strings.Join(pos, " "))
	if err != nil {
		return c.fail(err)
	}
	return c.emit(card), nil
}

func (c *cli) simple(args []string, answerFn func() any) (int, error) {
	if _, ok := c.parse(flag.NewFlagSet("lijst", flag.ContinueOnError), args); !ok {
		return c.exit, nil
	}
	return c.emit(answerFn()), nil
}

func (c *cli) search(ctx context.Context, args []string) (int, error) {
	fs := flag.NewFlagSet("zoek", flag.ContinueOnError)
	limit := fs.Int("limit", 10, "")
	theme := fs.String("thema", "", "")
	province := fs.String("provincie", "", "")
	pos, ok := c.parse(fs, args)
	if !ok {
		return c.exit, nil
	}
	if *limit < 1 || *limit > 50 {
		fmt.Fprintln(c.stderr, "--limit moet tussen 1 en 50 liggen.")
		return exitUsage, nil
	}
	q := strings.Join(pos, " ")
	if q != "-" {
		code := c.searchOne(ctx, q, *theme, *province, *limit, false)
		return code, nil
	}
	// One query per line; one answer per line.
	sc := bufio.NewScanner(c.stdin)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	code := exitOK
	for sc.Scan() {
		if c.searchOne(ctx, sc.Text(), *theme, *province, *limit, true) == exitInternal {
			code = exitInternal
		}
	}
	if err := sc.Err(); err != nil {
		fmt.Fprintln(c.stderr, "Kan de invoer niet lezen: een regel is te lang (meer dan 1 MB).")
		return exitNotFound, nil
	}
	return code, nil
}

// searchOne answers one query; compact puts JSON on one line.
func (c *cli) searchOne(ctx context.Context, q, theme, province string, limit int, compact bool) int {
	page, err := c.svc.Search(ctx, q, theme, province, 0, limit)
	if err != nil {
		if !answer.IsUserError(err) {
			fmt.Fprintln(c.stderr, answer.UserMessage(err))
			return exitInternal
		}
		code, _ := c.fail(err)
		return code
	}
	if !c.json {
		fmt.Fprint(c.stdout, page.Text())
		return exitOK
	}
	enc := json.NewEncoder(c.stdout)
	enc.SetEscapeHTML(false)
	if !compact {
		enc.SetIndent("", "  ")
	}
	if err := enc.Encode(page.Result); err != nil {
		return exitInternal
	}
	return exitOK
}

func (c *cli) daily(args []string) (int, error) {
	fs := flag.NewFlagSet("dagelijks", flag.ContinueOnError)
	date := fs.String("datum", "", "")
	server := fs.String("server", "", "")
	if _, ok := c.parse(fs, args); !ok {
		return c.exit, nil
	}
	var day time.Time
	if *date == "" {
		loc, err := daily.Location(daily.Settings{})
		if err != nil {
			return exitInternal, err
		}
		day = time.Now().In(loc)
	} else {
		var err error
		if day, err = daily.ParseDate(*date); err != nil {
			return c.fail(&answer.UserError{Message: err.Error()})
		}
	}
	return c.emit(daily.PostFor(c.svc.Corpus, *server, day)), nil
}

// mapJSON is the output of `kaart --json`.
type mapJSON struct {
	File     string `json:"file"`
	Width    int    `json:"width"`
	Height   int    `json:"height"`
	Networks int    `json:"networks"`
}

func (c *cli) kaart(args []string) (int, error) {
	fs := flag.NewFlagSet("kaart", flag.ContinueOnError)
	var q answer.MapQuery
	fs.StringVar(&q.Theme, "thema", "", "")
	fs.StringVar(&q.Province, "provincie", "", "")
	fs.StringVar(&q.Partner, "partner", "", "")
	fs.StringVar(&q.Place, "plaats", "", "")
	file := fs.String("png", "", "")
	pos, ok := c.parse(fs, args)
	if !ok {
		return c.exit, nil
	}
	if len(pos) > 0 || *file == "" {
		fmt.Fprintln(c.stderr, "kaart verwacht filters en --png BESTAND, bijvoorbeeld: kaart --thema \"vrije tijd\" --png kaart.png")
		return exitUsage, nil
	}
	m, err := c.svc.Map(q)
	if err != nil {
		return c.fail(err)
	}
	if err := os.WriteFile(*file, m.Picture.PNG, 0o644); err != nil {
		return c.fail(&answer.UserError{Message: fmt.Sprintf("Kan de kaart niet schrijven naar %q.", *file)})
	}
	if c.json {
		return c.emit(mapJSON{File: *file, Width: m.Picture.Width, Height: m.Picture.Height, Networks: len(m.Networks)}), nil
	}
	fmt.Fprintf(c.stdout, "%s: %d netwerken op de kaart.\nGeschreven naar %s (%d × %d pixels).\n", m.Title, len(m.Networks), *file, m.Picture.Width, m.Picture.Height)
	return exitOK, nil
}

func (c *cli) nearby(args []string) (int, error) {
	fs := flag.NewFlagSet("dichtbij", flag.ContinueOnError)
	limit := fs.Int("limit", answer.DefaultNearbyLimit, "")
	theme := fs.String("thema", "", "")
	pos, ok := c.parse(fs, args)
	if !ok {
		return c.exit, nil
	}
	if *limit < 1 || *limit > answer.MaxNearbyLimit {
		fmt.Fprintf(c.stderr, "--limit moet tussen 1 en %d liggen.\n", answer.MaxNearbyLimit)
		return exitUsage, nil
	}
	a, err := c.svc.Nearby(strings.Join(pos, " "), *theme, *limit)
	if err != nil {
		return c.fail(err)
	}
	return c.emit(a), nil
}
