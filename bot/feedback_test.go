package bot

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bondgenoot/bondgenoot/bot/fakediscord"
	"github.com/bondgenoot/bondgenoot/internal/chat"
	"github.com/bondgenoot/bondgenoot/internal/daily"
	"github.com/bondgenoot/bondgenoot/internal/fakeclock"
	"github.com/bondgenoot/bondgenoot/internal/stats"

	bolt "go.etcd.io/bbolt"
)

// statsBot starts a bot with a store and stats in one bbolt file.
func statsBot(t *testing.T) (*harness, *daily.Store, *stats.Store) {
	t.Helper()
	store, err := daily.Open(filepath.Join(t.TempDir(), "bondgenoot.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	clock := fakeclock.New(time.Date(2026, 12, 2, 10, 0, 0, 0, time.UTC))
	st, err := stats.Open(store.DB(), stats.Options{Now: clock.Now})
	if err != nil {
		t.Fatal(err)
	}
	h := startBot(t, func(c *Config) {
		c.Store, c.Stats = store, st
		c.CommandLimit = -1
	}, nil)
	return h, store, st
}

// press builds a button press on message msgID by user.
func (h *harness) press(customID, msgID, user string) map[string]any {
	m := h.payload("interaction_button.json")
	m["data"].(map[string]any)["custom_id"] = customID
	m["message"].(map[string]any)["id"] = msgID
	return setUser(m, user)
}

// submit builds the submit of a form with one text input.
func (h *harness) submit(customID, input, value, user string) map[string]any {
	m := h.payload("interaction_button.json")
	m["type"] = 5
	delete(m, "message")
	m["data"] = map[string]any{
		"custom_id": customID,
		"components": []any{map[string]any{"type": 1, "components": []any{
			map[string]any{"type": 4, "custom_id": input, "value": value},
		}}},
	}
	return setUser(m, user)
}

// button finds the button with a label in the components of d.
func button(t *testing.T, d map[string]any, label string) map[string]any {
	t.Helper()
	for _, row := range d["components"].([]any) {
		for _, c := range row.(map[string]any)["components"].([]any) {
			if b := c.(map[string]any); b["label"] == label {
				return b
			}
		}
	}
	t.Fatalf("no button %q in %s", label, jsonText(d["components"]))
	return nil
}

func statsReport(t *testing.T, h *harness, st *stats.Store) stats.Report {
	t.Helper()
	h.bot.Router().Wait()
	rep, err := st.Report()
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

const (
	lies  = "1000000000000000042"
	jonas = "1000000000000000043"
)

// The "Nuttig?" buttons under a search answer count a press once per person
// and message, reply privately, and leave the answer as it is.
func TestNuttigButtonsOverDiscord(t *testing.T) {
	t.Parallel()
	h, _, st := statsBot(t)
	d := replyData(t, h.interact(h.command("zoek", "term", "brugfiguur")))
	yes, no := button(t, d, "Nuttig"), button(t, d, "Niet nuttig")
	if jsonText(yes["emoji"]) != `{"name":"👍"}` || jsonText(no["emoji"]) != `{"name":"👎"}` {
		t.Errorf("emoji %v and %v", yes["emoji"], no["emoji"])
	}
	nothing := replyData(t, h.interact(h.command("zoek", "term", "qwxzpl")))
	if strings.Contains(jsonText(nothing["components"]), "Nuttig") {
		t.Error("Nuttig? under a search without results")
	}

	const msg = "1320000000000000077"
	steps := []struct {
		customID, msg, user, want string
	}{
		{yes["custom_id"].(string), msg, lies, "Bedankt!"},
		{yes["custom_id"].(string), msg, lies, "al geteld"},
		{no["custom_id"].(string), msg, lies, "al geteld"},
		{no["custom_id"].(string), msg, jonas, "Bedankt!"},
		{yes["custom_id"].(string), "1320000000000000078", lies, "Bedankt!"},
	}
	for i, s := range steps {
		cb := h.interact(h.press(s.customID, s.msg, s.user))
		d := replyData(t, cb)
		if cbType(cb) != 4 || flags(d)&64 == 0 || !strings.Contains(d["content"].(string), s.want) {
			t.Errorf("press %d: type %d flags %d %q; want a private new message with %q", i, cbType(cb), flags(d), d["content"], s.want)
		}
	}
	rep := statsReport(t, h, st)
	if rep.Feedback != (stats.FeedbackCounts{Helpful: 2, NotHelpful: 1}) || rep.Searches != 2 {
		t.Errorf("report = %+v", rep)
	}
	if len(rep.NoResults) != 1 || rep.NoResults[0].Query != "qwxzpl" {
		t.Errorf("no_results = %+v", rep.NoResults)
	}
}

// "Meld een fout" on a card opens a form; its submit stores the report with
// the card and thanks privately.
func TestMeldEenFoutOverDiscord(t *testing.T) {
	t.Parallel()
	h, _, st := statsBot(t)
	d := replyData(t, h.interact(h.command("netwerk", "naam", "Duosprong")))
	b := button(t, d, "Meld een fout")

	cb := h.interact(h.press(b["custom_id"].(string), "1320000000000000090", lies))
	if cbType(cb) != 9 {
		t.Fatalf("callback type %d, want 9 (a modal): %v", cbType(cb), cb)
	}
	form := cb["data"].(map[string]any)
	input := form["components"].([]any)[0].(map[string]any)["components"].([]any)[0].(map[string]any)
	if form["title"] != "Meld een fout: Duosprong" || input["type"] != float64(4) || input["style"] != float64(2) ||
		input["max_length"] != float64(1000) || input["required"] != true || input["custom_id"] != chat.ReportInput {
		t.Errorf("form = %s", jsonText(form))
	}
	if id := form["custom_id"].(string); len(id) > 100 {
		t.Errorf("form custom_id of %d bytes", len(id))
	}

	for _, s := range []struct {
		text, want string
	}{
		{"De website van Duosprong is verhuisd.", "Je melding over Duosprong is bewaard"},
		{strings.Repeat("x", 1001), "te lang"},
		{"  ", "leeg"},
	} {
		cb := h.interact(h.submit(form["custom_id"].(string), chat.ReportInput, s.text, lies))
		d := replyData(t, cb)
		if cbType(cb) != 4 || flags(d)&64 == 0 || !strings.Contains(jsonText(d), s.want) {
			t.Errorf("submit %q: type %d flags %d %s; want a private %q", s.text[:min(len(s.text), 20)], cbType(cb), flags(d), jsonText(d), s.want)
		}
	}
	reps := statsReport(t, h, st).Reports
	if len(reps) != 1 || reps[0].About != "netwerk:duosprong" || reps[0].Text != "De website van Duosprong is verhuisd." {
		t.Errorf("reports = %+v", reps)
	}

	// /rapport shows it, privately, with what was searched.
	h.interact(h.command("zoek", "term", "qwxzpl vlorp"))
	h.bot.Router().Wait()
	cb = h.interact(h.command("rapport"))
	d = replyData(t, cb)
	txt := jsonText(d)
	if flags(d)&64 == 0 || !strings.Contains(txt, "Rapport") || !strings.Contains(txt, "qwxzpl vlorp") || !strings.Contains(txt, "De website van Duosprong is verhuisd.") {
		t.Errorf("/rapport = %s", txt)
	}
}

// Removed from a server, the bot forgets its settings; a server that is
// only unavailable keeps them.
func TestGuildDeleteForgetsTheServer(t *testing.T) {
	t.Parallel()
	h, store, _ := statsBot(t)
	for _, g := range []string{"1200000000000000001", "1200000000000000009"} {
		if err := store.Update(g, func(s *daily.Settings) error { s.ChannelID = "1200000000000000002"; return nil }); err != nil {
			t.Fatal(err)
		}
	}
	h.fake.Dispatch("GUILD_DELETE", map[string]any{"id": "1200000000000000009", "unavailable": true})
	h.fake.Dispatch("GUILD_DELETE", map[string]any{"id": "1200000000000000001"})
	if !eventually(5*time.Second, func() bool { _, ok, _ := store.Get("1200000000000000001"); return !ok }) {
		t.Fatal("the settings of the server the bot was removed from are still there")
	}
	if _, ok, _ := store.Get("1200000000000000009"); !ok {
		t.Error("an unavailable server was forgotten")
	}
}

// After searches, presses and a report over Discord, no key or value in
// the store file holds a user id or a user name.
func TestNoUserIDInTheStoreAfterDiscord(t *testing.T) {
	t.Parallel()
	h, store, st := statsBot(t)
	d := replyData(t, h.interact(h.command("zoek", "term", "brugfiguur")))
	yes := button(t, d, "Nuttig")["custom_id"].(string)
	for _, u := range []string{lies, jonas} {
		h.interact(h.press(yes, "1320000000000000055", u))
	}
	card := replyData(t, h.interact(h.command("netwerk", "naam", "Duosprong")))
	cb := h.interact(h.press(button(t, card, "Meld een fout")["custom_id"].(string), "1320000000000000056", lies))
	h.interact(h.submit(cb["data"].(map[string]any)["custom_id"].(string), chat.ReportInput, "Tikfout in de naam.", jonas))
	if rep := statsReport(t, h, st); rep.Feedback.Helpful != 2 || len(rep.Reports) != 1 {
		t.Fatalf("report = %+v", rep)
	}
	forbidden := []string{lies, jonas, "lies.coordinator", "Lies", "1320000000000000055", "1320000000000000056"}
	err := store.DB().View(func(tx *bolt.Tx) error {
		return tx.ForEach(func(name []byte, b *bolt.Bucket) error {
			return walkBucket(b, string(name), func(path string, k, v []byte) {
				for _, f := range forbidden {
					if bytes.Contains(k, []byte(f)) || bytes.Contains(v, []byte(f)) {
						t.Errorf("%q in %s/%q", f, path, k)
					}
				}
			})
		})
	})
	if err != nil {
		t.Fatal(err)
	}
}

func walkBucket(b *bolt.Bucket, path string, fn func(path string, k, v []byte)) error {
	return b.ForEach(func(k, v []byte) error {
		fn(path, k, v)
		if v == nil {
			if nb := b.Bucket(k); nb != nil {
				return walkBucket(nb, path+"/"+string(k), fn)
			}
		}
		return nil
	})
}

// The registered /rapport is for server managers only.
func TestRapportRegistration(t *testing.T) {
	t.Parallel()
	h, _, _ := statsBot(t)
	var put fakediscord.Request
	for _, r := range h.fake.Requests() {
		if r.Method == "PUT" {
			put = r
		}
	}
	var cmds []map[string]any
	if err := json.Unmarshal(put.Body, &cmds); err != nil {
		t.Fatal(err)
	}
	for _, c := range cmds {
		if c["name"] == "rapport" {
			if c["default_member_permissions"] != "32" || jsonText(c["contexts"]) != "[0]" {
				t.Errorf("/rapport: default_member_permissions %v, contexts %v", c["default_member_permissions"], c["contexts"])
			}
			return
		}
	}
	t.Error("/rapport is not registered")
}

// The HTTP door opens the same form and stores its submit.
func TestMeldEenFoutOverHTTP(t *testing.T) {
	t.Parallel()
	store, err := daily.Open(filepath.Join(t.TempDir(), "bondgenoot.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	st, err := stats.Open(store.DB(), stats.Options{})
	if err != nil {
		t.Fatal(err)
	}
	h := startHTTPBot(t, false, func(c *Config) { c.Store, c.Stats = store, st })
	about := encodeViewAs(chat.RolePrivate, chat.ReportView("succesfactor:laagdrempeligheid"))
	form := h.interactHTTP(h.press(about, "1320000000000000091", lies))
	if cbType(form) != 9 || !strings.Contains(jsonText(form), "Meld een fout: Laagdrempeligheid") {
		t.Fatalf("form over HTTP = %s", jsonText(form))
	}
	id := form["data"].(map[string]any)["custom_id"].(string)
	thanks := h.interactHTTP(h.submit(id, chat.ReportInput, "Het citaat is van een ander netwerk.", lies))
	if d := replyData(t, thanks); flags(d)&64 == 0 || !strings.Contains(d["content"].(string), "bewaard") {
		t.Errorf("thanks over HTTP = %s", jsonText(thanks))
	}
	if reps := statsReport(t, h.harness, st).Reports; len(reps) != 1 || reps[0].About != "succesfactor:laagdrempeligheid" {
		t.Errorf("reports = %+v", reps)
	}
}

// A report with as much as the stats keep still renders within every
// Discord limit, with the user's text escaped.
func TestRenderReportLimits(t *testing.T) {
	t.Parallel()
	var rep chat.Report
	rep.Since, rep.Searches, rep.Dropped = "2026-09-04", 123456, 7
	for i := range stats.MaxQueriesPerDay {
		rep.NoResults = append(rep.NoResults, stats.QueryCount{Query: strings.Repeat("woord ", 16) + string(rune('a'+i%26)), Count: 1000 - i})
	}
	for range stats.MaxReports {
		rep.Reports = append(rep.Reports, stats.ErrorReport{About: "netwerk:duosprong", Text: strings.Repeat("**vet** @everyone <@123> ", 40), Date: "2026-12-01"})
	}
	r := render(rep, view{})
	if probs := replyProblems(r); len(probs) > 0 {
		t.Errorf("limits: %v", probs)
	}
	txt := jsonText(r.Embeds)
	if strings.Contains(txt, "**vet**") || strings.Contains(txt, "<@123>") {
		t.Errorf("the report's text is not escaped: %.300s", txt)
	}
	if !strings.Contains(txt, "123456") || !strings.Contains(txt, "… en nog") {
		t.Errorf("report render lacks the count or the rest: %.300s", txt)
	}
}
