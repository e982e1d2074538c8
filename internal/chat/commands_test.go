package chat

import (
	"context"
	"strings"
	"testing"

	"github.com/bondgenoot/bondgenoot/internal/answer"
)

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
	optionList := func(opts []Option) string {
		var parts []string
		for _, o := range opts {
			p := o.name
			if o.required {
				p += "!"
			}
			if o.autocomplete {
				p += "~"
			}
			if o.kind == ChannelOption {
				p += "#"
			}
			parts = append(parts, p)
		}
		return strings.Join(parts, " ")
	}
	for _, c := range DefaultCommands() {
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
	con := &Console{Router: testRouter(t)}
	for _, c := range DefaultCommands() {
		if len(c.subcommands) > 0 {
			continue // Discord-only handlers; see TestConsoleDaily and the e2e tests
		}
		_, arg, _ := strings.Cut(c.example, " ")
		a := Args{}
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
		vw   View
		want string // in the console text of the answer
	}{
		{View{Kind: "zoek", Arg: "brugfiguur"}, "Brugfiguren basisonderwijs"},
		{View{Kind: "zoek", Arg: "school", Page: 1}, "pagina 2"},
		{View{Kind: "thema", Arg: "onderwijs"}, "Netwerken rond onderwijs"},
		{View{Kind: "thema"}, "Thema's"},
		{View{Kind: "regio", Arg: "Gent"}, "Netwerken in Gent"},
		{View{Kind: "regio"}, "Limburg"},
		{View{Kind: "partner", Arg: "SAAMO"}, "SAAMO"},
		{View{Kind: "netwerken", Arg: "SAAMO", Province: "Limburg"}, "Netwerken met SAAMO in Limburg"},
		{View{Kind: "netwerken", Theme: "vrije tijd", Province: "Gent"}, "Netwerken rond vrije tijd in Gent"},
		{View{Kind: "netwerk", Arg: "duosprong"}, "Duosprong"},
		{View{Kind: "factor", Arg: "laagdrempeligheid"}, "Laagdrempeligheid"},
		{View{Kind: "random"}, "Succesfactor"},
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
	v, vw, err := redo(ctx, s, View{Kind: "zoek", Arg: "brugfiguur", Page: 9999})
	if p, ok := v.(*answer.SearchPage); err != nil || !ok || vw.Page != p.Pages()-1 || p.Page != vw.Page || len(p.Hits) == 0 {
		t.Errorf("page 9999: %v, view %+v", err, vw)
	}
	if _, _, err := redo(ctx, s, View{Kind: "onbekend"}); !answer.IsUserError(err) {
		t.Errorf("unknown kind: %v", err)
	}
	if _, vw, err := redo(ctx, s, View{Kind: "netwerk", Arg: "zzzqqq"}); !answer.IsUserError(err) || vw.Kind != "netwerk" {
		t.Errorf("unknown network: %v, %+v", err, vw)
	}
}

// What a mention asks for decides the answer.
func TestMentionAnswer(t *testing.T) {
	s := service(t)
	for _, tt := range []struct {
		q    MentionQuery
		kind string
	}{
		{MentionQuery{Partner: "SAAMO"}, "partner"},
		{MentionQuery{Partner: "CAW", Province: "Limburg"}, "netwerken"},
		{MentionQuery{Theme: "vrije tijd", Place: "Gent"}, "netwerken"},
		{MentionQuery{Province: "Limburg"}, "netwerken"},
		{MentionQuery{Query: "brugfiguur"}, "zoek"},
		{MentionQuery{Query: "brugfiguur", Theme: "onderwijs"}, "zoek"},
		{MentionQuery{}, ""},
		// Only question words: the help, not a search for "doe".
		{MentionQuery{Query: "wat doe je"}, ""},
	} {
		v, vw, err := mentionAnswer(context.Background(), s, tt.q)
		if err != nil {
			t.Errorf("%+v: %v", tt.q, err)
			continue
		}
		if vw.Kind != tt.kind {
			t.Errorf("%+v: kind %q, want %q", tt.q, vw.Kind, tt.kind)
		}
		if _, ok := v.(Help); ok != (tt.kind == "") {
			t.Errorf("%+v: %T", tt.q, v)
		}
	}
}

// A partner with a region where it has no network lists the partner's
// networks everywhere, and says so, instead of an empty list.
func TestMentionPartnerInRegionWithoutNetworksWidens(t *testing.T) {
	s := service(t)
	v, _, err := mentionAnswer(context.Background(), s, ParseMention(s.Corpus, "1", "<@1> wie werkt samen met CAW in Limburg?"))
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
}

// A question in a mention is read by the search's own understanding: the
// filler weighs nothing and the passage that answers it comes first.
func TestMentionQuestionAnswerLine(t *testing.T) {
	s := service(t)
	v, vw, err := mentionAnswer(context.Background(), s, ParseMention(s.Corpus, "1", "<@1> wie doet iets rond menstruatiearmoede?"))
	if err != nil {
		t.Fatal(err)
	}
	p, ok := v.(*answer.SearchPage)
	if !ok || vw.Kind != "zoek" {
		t.Fatalf("answer is %T (%q), want a search page", v, vw.Kind)
	}
	if p.Answer == nil || p.Answer.ID != "duosprong" || p.Answer.Page != 77 {
		t.Fatalf("answer line = %+v, want Duosprong on p. 77", p.Answer)
	}
	if len(p.Hits) == 0 || p.Hits[0].ID != "duosprong" {
		t.Errorf("first hit = %+v, want Duosprong", p.Hits)
	}
}
