package bot

import (
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/bondgenoot/bondgenoot/bot/fakediscord"
	"github.com/bondgenoot/bondgenoot/internal/chat"
	"github.com/bondgenoot/bondgenoot/internal/daily"
)

// The conversation over the fake Discord: hits that open, the guide one
// click away, whose message it is, private or shared, installable by
// anyone, mentions that listen.

const (
	testGuideURL  = "https://voorbeeld.invalid/kompas.pdf"
	testOffset    = 2
	ownerID       = "3000000000000000001"
	otherMemberID = "3000000000000000002"
)

func startConvoBot(t *testing.T) *harness {
	t.Helper()
	return startBot(t, func(c *Config) {
		c.CommandLimit = -1
		c.GuideURL, c.GuidePageOffset = testGuideURL, testOffset
	}, nil)
}

// component is a press on a message owned by owner ("": nobody), by user.
func (h *harness) component(user, owner, customID string, values ...string) map[string]any {
	m := setOwner(setUser(h.payload("interaction_select.json"), user), owner)
	data := map[string]any{"custom_id": customID, "component_type": 2}
	if len(values) > 0 {
		data["component_type"] = 3
		vals := []any{}
		for _, v := range values {
			vals = append(vals, v)
		}
		data["values"] = vals
	}
	m["data"] = data
	return m
}

// embedTitle is the title of the first embed of a reply.
func embedTitle(d map[string]any) string {
	es, _ := d["embeds"].([]any)
	if len(es) == 0 {
		return ""
	}
	e, _ := es[0].(map[string]any)
	s, _ := e["title"].(string)
	return s
}

// buttonsOf returns the buttons of a reply by label.
func buttonsOf(d map[string]any) map[string]map[string]any {
	out := map[string]map[string]any{}
	rows, _ := d["components"].([]any)
	for _, r := range rows {
		cs, _ := r.(map[string]any)["components"].([]any)
		for _, c := range cs {
			cm := c.(map[string]any)
			if cm["type"] == float64(2) {
				out[cm["label"].(string)] = cm
			}
		}
	}
	return out
}

// selectsOf returns the select menus of a reply by placeholder.
func selectsOf(d map[string]any) map[string]map[string]any {
	out := map[string]map[string]any{}
	rows, _ := d["components"].([]any)
	for _, r := range rows {
		cs, _ := r.(map[string]any)["components"].([]any)
		for _, c := range cs {
			cm := c.(map[string]any)
			if cm["type"] == float64(3) {
				out[cm["placeholder"].(string)] = cm
			}
		}
	}
	return out
}

// optionValues are the values of a select's options, with their labels.
func optionValues(sel map[string]any) (values, labels []string) {
	opts, _ := sel["options"].([]any)
	for _, o := range opts {
		om := o.(map[string]any)
		values = append(values, om["value"].(string))
		labels = append(labels, om["label"].(string))
	}
	return values, labels
}

// embedChars counts an embed's characters as Discord does (title,
// description, fields, footer, author).
func embedChars(d map[string]any) int {
	es, _ := d["embeds"].([]any)
	if len(es) == 0 {
		return 0
	}
	e := es[0].(map[string]any)
	n := 0
	str := func(v any) {
		if s, ok := v.(string); ok {
			n += len([]rune(s))
		}
	}
	str(e["title"])
	str(e["description"])
	if f, ok := e["footer"].(map[string]any); ok {
		str(f["text"])
	}
	if a, ok := e["author"].(map[string]any); ok {
		str(a["name"])
	}
	fs, _ := e["fields"].([]any)
	for _, f := range fs {
		fm := f.(map[string]any)
		str(fm["name"])
		str(fm["value"])
	}
	return n
}

func TestE2EConversation(t *testing.T) {
	t.Parallel()
	h := startConvoBot(t)

	t.Run("the menu opens a card that goes back", func(t *testing.T) {
		d := replyData(t, h.interact(setUser(h.command("zoek", "term", "school"), ownerID)))
		sel, ok := selectsOf(d)["Open een resultaat…"]
		if !ok {
			t.Fatalf("no menu 'Open een resultaat' in %s", jsonText(d["components"]))
		}
		values, labels := optionValues(sel)
		if len(values) != 5 {
			t.Fatalf("menu has %d options (%q), want one per hit", len(values), labels)
		}
		pick := -1
		for i, v := range values {
			if vw, err := decodeView(v); err == nil && vw.Kind == "netwerk" {
				pick = i
				break
			}
		}
		if pick < 0 {
			t.Fatalf("no network among the hits %q", labels)
		}
		if strings.Contains(jsonText(d["embeds"]), "/netwerk") {
			t.Errorf("the hits still point to commands: %.300s", jsonText(d["embeds"]))
		}
		cb := h.interact(h.component(ownerID, ownerID, sel["custom_id"].(string), values[pick]))
		if cbType(cb) != cbUpdate {
			t.Fatalf("choosing a hit: callback type %d, want %d (the card in place of the list)", cbType(cb), cbUpdate)
		}
		card := replyData(t, cb)
		want := strings.SplitN(labels[pick], ". ", 2)[1]
		if got := embedTitle(card); got != md(want) {
			t.Errorf("the card's title is %q, want %q", got, want)
		}
		back, ok := buttonsOf(card)[backToHitsLabel]
		if !ok {
			t.Fatalf("no %q on the card: %v", backToHitsLabel, buttonsOf(card))
		}
		bv, err := decodeView(back["custom_id"].(string))
		if err != nil || bv.Kind != "zoek" || bv.Arg != "school" {
			t.Errorf("Terug opens %+v (%v), want the search for school", bv, err)
		}
		list := replyData(t, h.interact(h.component(ownerID, ownerID, back["custom_id"].(string))))
		if !strings.Contains(embedTitle(list), "school") {
			t.Errorf("Terug shows %q, want the search page", embedTitle(list))
		}
	})

	t.Run("an exact name opens its card", func(t *testing.T) {
		for _, tt := range []struct{ q, title string }{
			{"Duosprong", "Duosprong"},
			{"laagdrempeligheid", "Laagdrempeligheid"},
			{"Voorwoord", "Voorwoord"},
		} {
			d := replyData(t, h.interact(h.command("zoek", "term", tt.q)))
			if got := embedTitle(d); got != tt.title {
				t.Errorf("/zoek %s: title %q, want the card %q", tt.q, got, tt.title)
			}
		}
	})

	t.Run("the guide's page is a link", func(t *testing.T) {
		card := replyData(t, h.interact(h.command("netwerk", "naam", "Duosprong")))
		link, ok := buttonsOf(card)[guideLabel(service(t).Corpus.Network("duosprong").Page)]
		if !ok {
			t.Fatalf("no link to the guide on the card: %v", buttonsOf(card))
		}
		page := service(t).Corpus.Network("duosprong").Page
		if link["style"] != float64(5) || link["url"] != fmt.Sprintf("%s#page=%d", testGuideURL, page+testOffset) {
			t.Errorf("link button %v, want style 5 and %s#page=%d", link, testGuideURL, page+testOffset)
		}
		hits := replyData(t, h.interact(h.command("zoek", "term", "brugfiguur")))
		found := false
		for label, b := range buttonsOf(hits) {
			if strings.HasPrefix(label, "Open de gids op p. ") {
				u, err := url.Parse(b["url"].(string))
				found = err == nil && strings.HasPrefix(u.Fragment, "page=")
			}
		}
		if !found {
			t.Errorf("no link with #page= on a page of hits: %v", buttonsOf(hits))
		}
	})

	t.Run("contact details on the card", func(t *testing.T) {
		card := replyData(t, h.interact(h.command("netwerk", "naam", "Schoolpoortwerking basisschool De Buurt")))
		if !strings.Contains(jsonText(card["embeds"]), "Heleen Huysentruyt: heleen@schakel.org") {
			t.Errorf("the card lacks the guide's contact: %.400s", jsonText(card["embeds"]))
		}
	})

	t.Run("another member's press is private and leaves the message", func(t *testing.T) {
		d := replyData(t, h.interact(setUser(h.command("thema", "thema", "onderwijs"), ownerID)))
		next, ok := buttonsOf(d)["Volgende ▶"]
		if !ok {
			t.Fatal("no Volgende on /thema onderwijs")
		}
		edits := func() int {
			return h.fake.Count(func(r fakediscord.Request) bool { return r.Method == "PATCH" })
		}
		before := edits()
		cb := h.interact(h.component(otherMemberID, ownerID, next["custom_id"].(string)))
		od := replyData(t, cb)
		if cbType(cb) != cbMessage || flags(od)&flagEphemeral == 0 {
			t.Errorf("another member's press: type %d flags %d, want a new message only they see", cbType(cb), flags(od))
		}
		if !strings.Contains(jsonText(od["embeds"]), "pagina 2 van") {
			t.Errorf("the private copy is not page 2: %.300s", jsonText(od["embeds"]))
		}
		if _, ok := buttonsOf(od)[shareLabel]; !ok {
			t.Errorf("the private copy has no %q", shareLabel)
		}
		// Nobody's message (the reply to a mention whose author is
		// unknown): a private copy too.
		if cb := h.interact(h.component(otherMemberID, "", next["custom_id"].(string))); cbType(cb) != cbMessage || flags(replyData(t, cb))&flagEphemeral == 0 {
			t.Errorf("a press on nobody's message: type %d, want a private copy", cbType(cb))
		}
		time.Sleep(50 * time.Millisecond)
		if n := edits(); n != before {
			t.Errorf("%d edits of messages after the presses, want none", n-before)
		}
		// The owner's press changes the message.
		if cb := h.interact(h.component(ownerID, ownerID, next["custom_id"].(string))); cbType(cb) != cbUpdate {
			t.Errorf("the owner's press: type %d, want %d", cbType(cb), cbUpdate)
		}
	})

	t.Run("alleen-ik and Deel in dit kanaal", func(t *testing.T) {
		m := h.command("netwerk", "naam", "Duosprong")
		opts := m["data"].(map[string]any)["options"].([]any)
		m["data"].(map[string]any)["options"] = append(opts, map[string]any{"name": chat.PrivateOption, "type": 5, "value": true})
		d := replyData(t, h.interact(setUser(m, ownerID)))
		if flags(d)&flagEphemeral == 0 {
			t.Fatalf("alleen-ik:True answered for everyone")
		}
		share, ok := buttonsOf(d)[shareLabel]
		if !ok {
			t.Fatalf("no %q on a private answer: %v", shareLabel, buttonsOf(d))
		}
		// Pressed on the private answer (an ephemeral message): a new
		// message for everyone, with the same card.
		pm := h.component(ownerID, ownerID, share["custom_id"].(string))
		pm["message"].(map[string]any)["flags"] = flagEphemeral
		cb := h.interact(pm)
		pd := replyData(t, cb)
		if cbType(cb) != cbMessage || flags(pd)&flagEphemeral != 0 || embedTitle(pd) != "Duosprong" {
			t.Errorf("Deel in dit kanaal: type %d flags %d title %q, want Duosprong for everyone", cbType(cb), flags(pd), embedTitle(pd))
		}
		if _, ok := buttonsOf(pd)[shareLabel]; ok {
			t.Errorf("the shared message still has %q", shareLabel)
		}
	})

	t.Run("the help for yourself, then for everyone", func(t *testing.T) {
		m := h.command("help")
		m["data"].(map[string]any)["options"] = []any{map[string]any{"name": chat.PrivateOption, "type": 5, "value": true}}
		d := replyData(t, h.interact(setUser(m, ownerID)))
		share, ok := buttonsOf(d)[shareLabel]
		if flags(d)&flagEphemeral == 0 || !ok {
			t.Fatalf("/help alleen-ik: flags %d, buttons %v", flags(d), buttonsOf(d))
		}
		pm := h.component(ownerID, ownerID, share["custom_id"].(string))
		pm["message"].(map[string]any)["flags"] = flagEphemeral
		pd := replyData(t, h.interact(pm))
		if flags(pd)&flagEphemeral != 0 || embedTitle(pd) != "Wat kan ik voor je doen?" {
			t.Errorf("shared help: flags %d title %q", flags(pd), embedTitle(pd))
		}
	})

	t.Run("the message command answers", func(t *testing.T) {
		m := h.command(chat.MessageSearchCommand)
		data := m["data"].(map[string]any)
		delete(data, "options")
		data["type"] = 3
		data["target_id"] = "1330000000000000001"
		data["resolved"] = map[string]any{"messages": map[string]any{"1330000000000000001": map[string]any{
			"id": "1330000000000000001", "channel_id": "1200000000000000002", "content": "Kent iemand een goede brugfiguur op school?",
			"author": map[string]any{"id": otherMemberID, "username": "collega"},
		}}}
		d := replyData(t, h.interact(m))
		if flags(d)&flagEphemeral == 0 || !strings.Contains(embedTitle(d), "brugfiguur") {
			t.Errorf("message command: flags %d title %q, want a private search for the message", flags(d), embedTitle(d))
		}
		if _, ok := selectsOf(d)["Open een resultaat…"]; !ok {
			t.Errorf("the message command's answer has no menu of results")
		}
		if _, ok := buttonsOf(d)[shareLabel]; !ok {
			t.Errorf("the message command's answer has no %q", shareLabel)
		}
	})

	t.Run("a page of a list stays short", func(t *testing.T) {
		for _, c := range [][]string{{"thema", "thema", "vrije tijd"}, {"thema", "thema", "onderwijs"}, {"partner", "organisatie", "Huis van het Kind"}, {"regio", "plaats-of-provincie", "Antwerpen"}} {
			d := replyData(t, h.interact(h.command(c[0], c[1], c[2])))
			n := embedChars(d)
			if n > compactListRunes || n == 0 {
				t.Errorf("/%s %s: %d characters, want at most %d", c[0], c[2], n, compactListRunes)
			}
			t.Logf("/%s %s: %d characters", c[0], c[2], n)
		}
	})

	t.Run("an unknown theme is a next step", func(t *testing.T) {
		d := replyData(t, h.interact(h.command("thema", "thema", "armoede")))
		if _, ok := selectsOf(d)["Kies een thema…"]; !ok {
			t.Errorf("no menu of themes: %s", jsonText(d))
		}
		if b, ok := buttonsOf(d)[searchGuideLabel]; !ok || !strings.HasSuffix(b["custom_id"].(string), "|armoede") {
			t.Errorf("no button that searches the guide: %v", buttonsOf(d))
		}
	})
}

// Registration: every read-only command can be installed by users and
// used everywhere; /dagelijks and /rapport stay on servers; the message
// command is there with its Dutch name.
func TestE2ERegistrationInstallTypes(t *testing.T) {
	t.Parallel()
	h := startConvoBot(t)
	put := h.fake.WaitFor(5*time.Second, "the bulk overwrite", func(r fakediscord.Request) bool {
		return r.Method == "PUT" && strings.HasSuffix(r.Path, "/commands")
	})
	var cmds []struct {
		Name             string            `json:"name"`
		Type             int               `json:"type"`
		Description      string            `json:"description"`
		NameLocalization map[string]string `json:"name_localizations"`
		IntegrationTypes []int             `json:"integration_types"`
		Contexts         []int             `json:"contexts"`
		Options          []struct {
			Name string `json:"name"`
			Type int    `json:"type"`
		} `json:"options"`
	}
	if err := json.Unmarshal(put.Body, &cmds); err != nil {
		t.Fatal(err)
	}
	message := false
	for _, c := range cmds {
		types, contexts := fmt.Sprint(c.IntegrationTypes), fmt.Sprint(c.Contexts)
		serverOnly := c.Name == "dagelijks" || c.Name == "rapport"
		switch {
		case serverOnly && (types != "[0]" || contexts != "[0]"):
			t.Errorf("/%s: integration_types %s contexts %s, want [0] [0]", c.Name, types, contexts)
		case !serverOnly && (types != "[0 1]" || contexts != "[0 1 2]"):
			t.Errorf("/%s: integration_types %s contexts %s, want [0 1] [0 1 2]", c.Name, types, contexts)
		}
		if c.Type == 3 {
			message = true
			if c.Name != chat.MessageSearchCommand || c.NameLocalization["nl"] != c.Name || c.Description != "" || len(c.Options) > 0 {
				t.Errorf("message command %+v", c)
			}
			continue
		}
		if serverOnly {
			continue
		}
		hasPrivate := false
		for _, o := range c.Options {
			hasPrivate = hasPrivate || o.Name == chat.PrivateOption && o.Type == 5
		}
		if !hasPrivate {
			t.Errorf("/%s has no boolean option %s", c.Name, chat.PrivateOption)
		}
	}
	if !message {
		t.Errorf("no message command among %d commands", len(cmds))
	}
}

// Mentions that listen: help, thanks and greetings; a mention reply has
// the same menus, and its author owns it.
func TestE2EMentionsThatListen(t *testing.T) {
	t.Parallel()
	h := startConvoBot(t)
	mention := func(text string) map[string]any {
		m := h.payload("message_create_mention.json")
		m["content"] = "<@" + h.fake.BotID + "> " + text
		h.fake.Dispatch("MESSAGE_CREATE", m)
		r := h.fake.WaitFor(5*time.Second, "the reply to "+text, func(r fakediscord.Request) bool {
			return r.Method == "POST" && strings.HasPrefix(r.Path, "/channels/") && strings.Contains(string(r.Body), m["id"].(string))
		})
		return r.JSON(t)
	}
	if body := mention("help"); embedTitle(body) != "Wat kan ik voor je doen?" {
		t.Errorf("help: %.300s", jsonText(body))
	}
	if body := mention("Hulp!"); embedTitle(body) != "Wat kan ik voor je doen?" {
		t.Errorf("Hulp!: %.300s", jsonText(body))
	}
	for _, text := range []string{"bedankt!", "dank je wel", "merci", "hallo", "hoi", "goeiemorgen"} {
		body := mention(text)
		content, _ := body["content"].(string)
		embeds, _ := body["embeds"].([]any)
		if len(embeds) != 0 || content != chat.ThanksReply && content != chat.GreetingReply {
			t.Errorf("%q: %.300s, want a short friendly reply", text, jsonText(body))
		}
	}
	body := mention("school")
	if _, ok := selectsOf(body)["Open een netwerk uit deze lijst…"]; !ok {
		if _, ok := selectsOf(body)["Open een resultaat…"]; !ok {
			t.Errorf("a mention reply without the menu: %s", jsonText(body["components"]))
		}
	}
	// The mention's author presses a button on the reply: it changes; the
	// reply's message has no interaction_metadata, only the message it
	// answers.
	btns := buttonsOf(body)
	next, ok := btns["Volgende ▶"]
	if !ok {
		t.Skipf("no Volgende on the reply to 'school': %v", btns)
	}
	press := func(user string) map[string]any {
		m := h.component(user, "", next["custom_id"].(string))
		m["message"].(map[string]any)["type"] = 19
		m["message"].(map[string]any)["referenced_message"] = map[string]any{
			"id": "1320000000000000002", "channel_id": "1200000000000000002", "content": "<@" + h.fake.BotID + "> school",
			"author": map[string]any{"id": "1000000000000000042", "username": "lies.coordinator"},
		}
		return h.interact(m)
	}
	if cb := press("1000000000000000042"); cbType(cb) != cbUpdate {
		t.Errorf("the author's press on the mention reply: type %d, want %d", cbType(cb), cbUpdate)
	}
	if cb := press(otherMemberID); cbType(cb) != cbMessage || flags(replyData(t, cb))&flagEphemeral == 0 {
		t.Errorf("another member's press on the mention reply: type %d, want a private copy", cbType(cb))
	}
}

// Over the HTTP door the owner comes from the same interaction_metadata:
// another member's press is private and the owner's changes the message.
func TestHTTPDoorWhoseMessage(t *testing.T) {
	t.Parallel()
	h := startHTTPBot(t, false, func(c *Config) { c.CommandLimit = -1 })
	d := replyData(t, h.interactHTTP(setUser(h.command("thema", "thema", "onderwijs"), ownerID)))
	next, ok := buttonsOf(d)["Volgende ▶"]
	if !ok {
		t.Fatal("no Volgende on /thema onderwijs")
	}
	other := h.interactHTTP(h.component(otherMemberID, ownerID, next["custom_id"].(string)))
	if cbType(other) != cbMessage || flags(replyData(t, other))&flagEphemeral == 0 {
		t.Errorf("another member's press: type %d, want a private copy", cbType(other))
	}
	if own := h.interactHTTP(h.component(ownerID, ownerID, next["custom_id"].(string))); cbType(own) != cbUpdate {
		t.Errorf("the owner's press: type %d, want %d", cbType(own), cbUpdate)
	}
}

// A deferred press by another member: "working on it" and the answer are
// both only for the presser, and the message they pressed on is never
// edited.
func TestE2EDeferredPrivateCopy(t *testing.T) {
	t.Parallel()
	h := startBot(t, func(c *Config) { c.CommandLimit, c.DeferAfter = -1, time.Nanosecond }, nil)
	btn := encodeView(view{Kind: "thema", Arg: "onderwijs", Page: 1})
	m := h.component(otherMemberID, ownerID, btn)
	cb := h.interact(m)
	t.Logf("first response: type %d", cbType(cb))
	switch cbType(cb) {
	case cbDeferredMessage:
		d, _ := cb["data"].(map[string]any)
		if flags(d)&flagEphemeral == 0 {
			t.Errorf("deferred private copy: flags %d, want ephemeral", flags(d))
		}
		edit := h.fake.WaitFor(5*time.Second, "the private copy", func(r fakediscord.Request) bool {
			return r.Method == "PATCH" && strings.Contains(r.Path, m["token"].(string)+"/messages/@original")
		})
		if !strings.Contains(string(edit.Body), "pagina 2 van") {
			t.Errorf("the private copy is not page 2: %.300s", edit.Body)
		}
		if n := h.fake.Count(func(r fakediscord.Request) bool { return r.Method == "DELETE" }); n != 0 {
			t.Errorf("%d deletes, want none", n)
		}
	case cbMessage:
		if flags(replyData(t, cb))&flagEphemeral == 0 {
			t.Errorf("the private copy is for everyone")
		}
	default:
		t.Errorf("another member's press: callback type %d, want a (deferred) new message", cbType(cb))
	}
}

// The daily post links to its page of the guide too, and says whose its
// quote is.
func TestDailyPostGuideLinkAndQuoteSource(t *testing.T) {
	t.Parallel()
	c := service(t).Corpus
	p := daily.PostFor(c, "1200000000000000001", time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC))
	r := renderDailyPost(p)
	addActions(r, renderOptions{GuideURL: testGuideURL, PageOffset: testOffset})
	r = finish(r)
	for _, pr := range replyProblems(r) {
		t.Errorf("limit: %s", pr)
	}
	d := map[string]any{}
	if err := json.Unmarshal([]byte(jsonText(responseData(r))), &d); err != nil {
		t.Fatal(err)
	}
	link, ok := buttonsOf(d)[guideLabel(p.Page)]
	if !ok || link["url"] != fmt.Sprintf("%s#page=%d", testGuideURL, p.Page+testOffset) {
		t.Errorf("daily post: link %v, want %s#page=%d", link, testGuideURL, p.Page+testOffset)
	}
	if p.Quote != nil && !strings.Contains(jsonText(d["embeds"]), "— ") {
		t.Errorf("the quote does not say whose it is: %.500s", jsonText(d["embeds"]))
	}
}
