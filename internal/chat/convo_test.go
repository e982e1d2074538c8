package chat

import (
	"context"
	"strings"
	"testing"

	"github.com/bondgenoot/bondgenoot/internal/answer"
)

// A card opened from a list carries the list in its custom_id, and comes
// back from it whole; when both do not fit, the card goes alone.
func TestEncodeOpenView(t *testing.T) {
	back := &View{Kind: "zoek", Arg: "brugfiguur", Theme: "onderwijs", Page: 2}
	tests := []struct {
		v        View
		want     string
		wantBack bool
	}{
		{View{Kind: "netwerk", Arg: "duosprong", Back: back}, "so2|onderwijs||wduosprong|zbrugfiguur", true},
		{View{Kind: "factor", Arg: "laagdrempeligheid", Back: &View{Kind: "thema", Arg: "vrije tijd"}}, "so0|||flaagdrempeligheid|tvrije tijd", true},
		{View{Kind: "hoofdstuk", Arg: "voorwoord", Back: &View{Kind: "partner", Arg: "a|b"}}, "so0|||gvoorwoord|pa|b", true},
		// A factor's quote travels with the card.
		{View{Kind: "factor", Arg: "laagdrempeligheid", Page: 2, Back: &View{Kind: "zoek", Arg: "brug"}}, "so0|||flaagdrempeligheid~2|zbrug", true},
		// Too long: the card alone.
		{View{Kind: "netwerk", Arg: "duosprong", Back: &View{Kind: "zoek", Arg: strings.Repeat("lang ", 30)}}, "sw0|||duosprong", false},
		// Only cards carry a list, and a list carries no list.
		{View{Kind: "zoek", Arg: "x", Back: back}, "sz0|||x", false},
		{View{Kind: "netwerk", Arg: "duosprong", Back: &View{Kind: "netwerk", Arg: "moment"}}, "sw0|||duosprong", false},
	}
	for _, tt := range tests {
		got := EncodeViewAs(RoleSelect, tt.v)
		if got != tt.want {
			t.Errorf("EncodeViewAs(%+v) = %q, want %q", tt.v, got, tt.want)
			continue
		}
		d, err := DecodeView(got)
		if err != nil {
			t.Fatalf("DecodeView(%q): %v", got, err)
		}
		if d.Kind != tt.v.Kind || d.Arg != tt.v.Arg || (d.Back != nil) != tt.wantBack || tt.wantBack && d.Page != tt.v.Page {
			t.Errorf("DecodeView(%q) = %+v", got, d)
		}
		if tt.wantBack && *d.Back != *tt.v.Back {
			t.Errorf("DecodeView(%q).Back = %+v, want %+v", got, *d.Back, *tt.v.Back)
		}
	}
	for _, bad := range []string{"so0|||", "so0|||wduosprong", "so0|||wduosprong|", "so0|||zx|wduosprong", "so0|||qx|zy", "so0|||wx|oy", "so0|||wx|ay", "so0|||fx~|zy", "so0|||fx~0|zy", "so0|||fx~01|zy", "so0|||f~1|zy", "so0|||fx~-1|zy", "so0|||fx~1~2|zy"} {
		if v, err := DecodeView(bad); err == nil {
			t.Errorf("DecodeView(%q) = %+v, want an error", bad, v)
		}
	}
}

// Only the owner's press changes a message; anyone else gets a private
// copy; sharing posts a new message.
func TestUpdatesMessage(t *testing.T) {
	btn := EncodeView(View{Kind: "zoek", Arg: "school", Page: 1})
	tests := []struct {
		name                 string
		req                  Request
		update, deferPrivate bool
	}{
		{"owner", Request{Kind: KindComponent, CustomID: btn, UserID: "1", MessageOwner: "1"}, true, false},
		{"another member", Request{Kind: KindComponent, CustomID: btn, UserID: "2", MessageOwner: "1"}, false, true},
		{"nobody's", Request{Kind: KindComponent, CustomID: btn, UserID: "2"}, false, true},
		{"private message", Request{Kind: KindComponent, CustomID: btn, UserID: "2", MessageEphemeral: true}, true, false},
		{"share", Request{Kind: KindComponent, CustomID: EncodeViewAs(RoleShare, View{Kind: "netwerk", Arg: "duosprong"}), UserID: "1", MessageOwner: "1", MessageEphemeral: true}, false, false},
		{"daily post", Request{Kind: KindComponent, CustomID: EncodeViewAs(RolePrivate, View{Kind: "netwerk", Arg: "duosprong"}), UserID: "1", MessageOwner: "1"}, false, true},
		{"map from one's own list", Request{Kind: KindComponent, CustomID: EncodeView(View{Kind: "kaart", Theme: "onderwijs"}), UserID: "1", MessageOwner: "1"}, false, false},
		{"map from a private answer", Request{Kind: KindComponent, CustomID: EncodeView(View{Kind: "kaart", Theme: "onderwijs"}), UserID: "1", MessageOwner: "1", MessageEphemeral: true}, false, true},
		{"map from another member's list", Request{Kind: KindComponent, CustomID: EncodeView(View{Kind: "kaart", Theme: "onderwijs"}), UserID: "2", MessageOwner: "1"}, false, true},
		{"command", Request{Kind: KindCommand, Command: "zoek"}, false, false},
		{"command alleen-ik", Request{Kind: KindCommand, Command: "zoek", Args: Args{PrivateOption: "true"}}, false, true},
	}
	for _, tt := range tests {
		if got := UpdatesMessage(&tt.req); got != tt.update {
			t.Errorf("%s: UpdatesMessage = %v, want %v", tt.name, got, tt.update)
		}
		if got := DefersPrivately(&tt.req); got != tt.deferPrivate {
			t.Errorf("%s: DefersPrivately = %v, want %v", tt.name, got, tt.deferPrivate)
		}
	}
}

// The router answers a press as UpdatesMessage says, and a private answer
// can be shared.
func TestRouterOwnership(t *testing.T) {
	r := unlimitedRouter(t)
	ctx := context.Background()
	btn := EncodeView(View{Kind: "netwerk", Arg: "duosprong"})
	own := r.Handle(ctx, &Request{Kind: KindComponent, CustomID: btn, UserID: "1", MessageOwner: "1"})
	other := r.Handle(ctx, &Request{Kind: KindComponent, CustomID: btn, UserID: "2", MessageOwner: "1"})
	share := r.Handle(ctx, &Request{Kind: KindComponent, CustomID: EncodeViewAs(RoleShare, View{Kind: "netwerk", Arg: "duosprong"}), UserID: "2", MessageEphemeral: true})
	for _, tt := range []struct {
		name                      string
		resp                      *Response
		update, private, shareBtn bool
	}{
		{"owner", own, true, false, false},
		{"other", other, false, true, true},
		{"share", share, false, false, false},
	} {
		if tt.resp.Update != tt.update || tt.resp.Private != tt.private || tt.resp.Shareable != tt.shareBtn {
			t.Errorf("%s: update %v private %v shareable %v, want %v %v %v", tt.name, tt.resp.Update, tt.resp.Private, tt.resp.Shareable, tt.update, tt.private, tt.shareBtn)
		}
		if _, ok := tt.resp.Value.(*answer.NetworkCard); !ok {
			t.Errorf("%s: value %T", tt.name, tt.resp.Value)
		}
	}
	priv := r.Handle(ctx, &Request{Kind: KindCommand, Command: "netwerk", Args: Args{"naam": "duosprong", PrivateOption: "true"}, UserID: "1", GuildID: "g"})
	pub := r.Handle(ctx, &Request{Kind: KindCommand, Command: "netwerk", Args: Args{"naam": "duosprong", PrivateOption: "false"}, UserID: "1", GuildID: "g"})
	if !priv.Private || !priv.Shareable || pub.Private || pub.Shareable {
		t.Errorf("alleen-ik: private %v shareable %v; without: private %v shareable %v", priv.Private, priv.Shareable, pub.Private, pub.Shareable)
	}
}

// An exact name opens its card, from /zoek and from a mention; anything
// else is a search.
func TestExactNameOpensCard(t *testing.T) {
	r := unlimitedRouter(t)
	ctx := context.Background()
	for _, tt := range []struct {
		q    string
		want string // the answer's type
	}{
		{"Duosprong", "*answer.NetworkCard"},
		{"duosprong", "*answer.NetworkCard"},
		{"Laagdrempeligheid", "*answer.FactorCard"},
		{"Voorwoord", "*answer.PassageCard"},
		{"school", "*answer.SearchPage"},
		{"duosprong school", "*answer.SearchPage"},
	} {
		resp := r.Handle(ctx, &Request{Kind: KindCommand, Command: "zoek", Args: Args{"term": tt.q}, UserID: "1", GuildID: "g"})
		if got := typeName(resp.Value); got != tt.want {
			t.Errorf("/zoek %s: %s, want %s", tt.q, got, tt.want)
		}
		m := r.Handle(ctx, &Request{Kind: KindMention, Text: "<@9> " + tt.q, BotID: "9", UserID: "2", GuildID: "g"})
		if got := typeName(m.Value); got != tt.want && (strings.Contains(tt.want, "Card") || strings.Contains(got, "Card")) {
			t.Errorf("@bondgenoot %s: %s, want %s", tt.q, got, tt.want)
		}
	}
}

// Help, thanks and greetings in a mention get the help or a short reply;
// questions that merely start with a greeting are still searched.
func TestMentionSmallTalk(t *testing.T) {
	r := unlimitedRouter(t)
	for _, tt := range []struct {
		text string
		want string
	}{
		{"help", "chat.Help"},
		{"Hulp!", "chat.Help"},
		{"wat kan je?", "chat.Help"},
		{"hallo, help!", "chat.Help"},
		{"bedankt, en hulp graag", "chat.Help"},
		{"bedankt!", ThanksReply},
		{"dank je wel 🙏", ThanksReply},
		{"Merci!", ThanksReply},
		{"hallo", GreetingReply},
		{"hoi iedereen", GreetingReply},
		{"Goeiemorgen!", GreetingReply},
		{"hoi, wie werkt samen met CAW in Limburg?", "*answer.NetworkList"},
		{"help bij huiswerk", "*answer.SearchPage"},
	} {
		resp := r.Handle(context.Background(), &Request{Kind: KindMention, Text: "<@9> " + tt.text, BotID: "9", UserID: "3", GuildID: "g"})
		got := typeName(resp.Value)
		if n, ok := resp.Value.(Notice); ok {
			got = string(n)
		}
		if got != tt.want {
			t.Errorf("%q: %s, want %s", tt.text, got, tt.want)
		}
	}
}

// The message command searches for the message's text, privately.
func TestMessageSearch(t *testing.T) {
	r := unlimitedRouter(t)
	ctx := context.Background()
	resp := r.Handle(ctx, &Request{Kind: KindCommand, Command: MessageSearchCommand, Args: Args{MessageTextOption: "Kent iemand een brugfiguur op school? <@123>"}, UserID: "1", GuildID: "g"})
	p, ok := resp.Value.(*answer.SearchPage)
	if !ok || len(p.Hits) == 0 || !resp.Private || !resp.Shareable {
		t.Fatalf("message search: %T private %v shareable %v", resp.Value, resp.Private, resp.Shareable)
	}
	if strings.Contains(p.Query, "<@") {
		t.Errorf("query keeps the mention: %q", p.Query)
	}
	empty := r.Handle(ctx, &Request{Kind: KindCommand, Command: MessageSearchCommand, Args: Args{MessageTextOption: "  "}, UserID: "1", GuildID: "g"})
	if empty.Outcome != OutcomeUserError || !strings.Contains(answer.UserMessage(empty.Value.(error)), "geen woorden") {
		t.Errorf("empty message: %+v", empty)
	}
}

func typeName(v any) string {
	switch v.(type) {
	case Help:
		return "chat.Help"
	case *answer.NetworkCard:
		return "*answer.NetworkCard"
	case *answer.FactorCard:
		return "*answer.FactorCard"
	case *answer.PassageCard:
		return "*answer.PassageCard"
	case *answer.SearchPage:
		return "*answer.SearchPage"
	case *answer.NetworkList:
		return "*answer.NetworkList"
	case *answer.PartnerAnswer:
		return "*answer.PartnerAnswer"
	case error:
		return "error: " + answer.UserMessage(v.(error))
	}
	return "other"
}

// unlimitedRouter is a router without cooldown.
func unlimitedRouter(t testing.TB) *Router {
	t.Helper()
	s := service(t)
	r, err := New(Config{Service: func() *answer.Service { return s }, CommandLimit: -1})
	if err != nil {
		t.Fatal(err)
	}
	return r
}
