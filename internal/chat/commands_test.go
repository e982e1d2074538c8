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
		"zoek":         "term! thema provincie alleen-ik?",
		"netwerk":      "naam!~ alleen-ik?",
		"thema":        "thema!~ alleen-ik?",
		"regio":        "plaats-of-provincie!~ alleen-ik?",
		"partner":      "organisatie!~ alleen-ik?",
		"succesfactor": "naam~ alleen-ik?",
		"help":         "alleen-ik?",
		"kaart":        "thema~ provincie partner~ plaats~ alleen-ik?",
		// The message command has no options: the door passes the text.
		MessageSearchCommand: "",
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
			if o.kind == BoolOption {
				p += "?"
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
		if !strings.HasPrefix(c.example, "/"+c.name) && !c.message {
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
		if len(c.subcommands) > 0 || c.run == nil || c.message {
			continue // Discord-only handlers; see TestConsoleDaily, feedback_test.go, TestMessageSearch and the e2e tests
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
		{View{Kind: "hoofdstuk", Arg: "wat-is-armoede"}, "armoede"},
		{View{Kind: "netwerk", Arg: "duosprong", Back: &View{Kind: "zoek", Arg: "taal"}}, "Duosprong"},
		{View{Kind: "kaart", Theme: "vrijetijd"}, "Kaart: Netwerken rond vrije tijd (14)"},
		{View{Kind: "kaart", Province: "Limburg"}, "Kaart: Netwerken in Limburg (6)"},
		{View{Kind: "kaart", Province: "Gent"}, "Kaart: Netwerken in Gent (4)"},
		{View{Kind: "kaart", Arg: "SAAMO", Theme: "onderwijs"}, "Kaart: Netwerken rond onderwijs met SAAMO"},
		{View{Kind: "kaart", Province: "Kortrijk", Page: 1}, "Kaart: Netwerken dichtbij Kortrijk (5)"},
	} {
		v, vw, err := redo(ctx, s, tt.vw)
		if err != nil {
			t.Errorf("redo(%+v): %v", tt.vw, err)
			continue
		}
		if got := answer.Text(v); !strings.Contains(got, tt.want) {
			t.Errorf("redo(%+v) = %.200q, want %q", tt.vw, got, tt.want)
		}
		want := tt.vw.Kind
		if want == "random" {
			want = "factor" // the factor it chose, so that sharing shares that one
		}
		if vw.Kind != want || (tt.vw.Back != nil) != (vw.Back != nil) {
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

// "Toon op kaart" answers with a new message beside the list; other
// buttons change the message they are on.
func TestMapButtonOpensNewMessage(t *testing.T) {
	r := testRouter(t)
	tests := []struct {
		vw     View
		update bool
	}{
		{View{Kind: "kaart", Theme: "onderwijs"}, false},
		{View{Kind: "thema", Arg: "onderwijs", Page: 1}, true},
	}
	for _, tc := range tests {
		resp := r.Handle(context.Background(), &Request{Kind: KindComponent, CustomID: EncodeView(tc.vw), UserID: "u1", MessageOwner: "u1"})
		if resp.Private {
			t.Errorf("%+v: a press on one's own list answers privately", tc.vw)
		}
		if resp.Update != tc.update {
			t.Errorf("%+v: Update = %v, want %v", tc.vw, resp.Update, tc.update)
		}
		if _, isMap := resp.Value.(*answer.MapAnswer); isMap != (tc.vw.Kind == "kaart") {
			t.Errorf("%+v: answer %T", tc.vw, resp.Value)
		}
	}
}

func TestKaartCommand(t *testing.T) {
	s := service(t)
	run := lookupCommand(DefaultCommands(), "kaart").run
	tests := []struct {
		args Args
		want string // in the text, or in the error
		err  bool
	}{
		{Args{"thema": "gezin"}, "Kaart: Netwerken rond gezin", false},
		{Args{"plaats": "Genk", "thema": "onderwijs"}, "Netwerken rond onderwijs dichtbij Genk", false},
		{Args{"partner": "SAAMO"}, "Kaart: Netwerken met SAAMO (9)", false},
		{Args{"provincie": "Limburg", "plaats": "Genk"}, "niet allebei", true},
		{Args{"plaats": "Halle"}, "Halle (Vlaams-Brabant)", true},
		{Args{"thema": "sport"}, `thema "sport"`, true},
	}
	for _, tc := range tests {
		v, vw, err := run(context.Background(), s, tc.args)
		got := answer.Text(v)
		if err != nil {
			got = answer.UserMessage(err)
		}
		if (err != nil) != tc.err || !strings.Contains(got, tc.want) {
			t.Errorf("/kaart %v = %q (error %v), want %q", tc.args, got, err, tc.want)
		}
		if vw.Kind != "kaart" {
			t.Errorf("/kaart %v: view %+v", tc.args, vw)
		}
	}
}

// Mentions about nearness answer the networks there, or the nearest, never
// a search that puts a school called De Buurt first.
func TestMentionNearness(t *testing.T) {
	s := service(t)
	tests := []struct {
		msg, title, note, first string
		count                   int
	}{
		{"<@1> netwerken in de buurt van Gent", "Netwerken in Gent", "", "", 4},
		{"<@1> iets in de buurt van Aalst?", "Netwerken in Aalst", "", "springwijs", 1},
		{"<@1> dichtbij Kortrijk", "Netwerken dichtbij Kortrijk", "Geen netwerk in Kortrijk. Dichtstbij: Perspectief (Waregem, 13 km)", "perspectief", 5},
		{"<@1> rond Borgloon", "Netwerken in Borgloon (gemeente Tongeren-Borgloon)", "", "jongeren-aan-zet", 2},
		{"<@1> in Kortrijk", "Netwerken dichtbij Kortrijk", "Geen netwerk in Kortrijk.", "perspectief", 5},
		{"<@1> netwerken rond onderwijs in de buurt van Kortrijk", "Netwerken rond onderwijs dichtbij Kortrijk", "Geen netwerk rond onderwijs in Kortrijk.", "", 5},
	}
	for _, tt := range tests {
		v, vw, err := mentionAnswer(context.Background(), s, ParseMention(s.Corpus, "1", tt.msg))
		if err != nil {
			t.Errorf("%q: %v", tt.msg, err)
			continue
		}
		l, ok := v.(*answer.NetworkList)
		if !ok {
			t.Errorf("%q answers %T, want a list of networks", tt.msg, v)
			continue
		}
		if l.Title != tt.title || !strings.HasPrefix(l.Note, tt.note) || len(l.Networks) != tt.count {
			t.Errorf("%q: %q, note %q, %d networks; want %q, %q…, %d", tt.msg, l.Title, l.Note, len(l.Networks), tt.title, tt.note, tt.count)
		}
		if tt.first != "" && (len(l.Networks) == 0 || l.Networks[0].ID != tt.first) {
			t.Errorf("%q: first %v, want %s", tt.msg, l.Networks, tt.first)
		}
		for _, n := range l.Networks {
			if n.ID == "schoolpoortwerking-de-buurt" {
				t.Errorf("%q lists the school De Buurt", tt.msg)
			}
		}
		if vw.Kind != "regio" {
			t.Errorf("%q: view %+v, want a regio view for its buttons", tt.msg, vw)
		}
	}
	// A partner near a place: its networks in that province when the
	// municipality has none.
	v, _, err := mentionAnswer(context.Background(), s, ParseMention(s.Corpus, "1", "<@1> wie werkt samen met SAAMO in de buurt van Genk?"))
	if l, ok := v.(*answer.NetworkList); err != nil || !ok || l.Title != "Netwerken met SAAMO in Limburg" || len(l.Networks) == 0 {
		t.Errorf("SAAMO near Genk: %v %+v", err, v)
	}
	// An ambiguous place asks which one.
	_, _, err = mentionAnswer(context.Background(), s, ParseMention(s.Corpus, "1", "<@1> iets in de buurt van Halle?"))
	if err == nil || !strings.Contains(answer.UserMessage(err), "Halle (Vlaams-Brabant)") {
		t.Errorf("Halle: %v, want the question which Halle", err)
	}
}
