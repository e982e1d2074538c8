package chat

import (
	"context"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/bondgenoot/bondgenoot/internal/answer"
	"github.com/bondgenoot/bondgenoot/internal/daily"
	"github.com/bondgenoot/bondgenoot/internal/fakeclock"
	"github.com/bondgenoot/bondgenoot/internal/stats"
)

// statsRouter is a router with a real store (daily settings and stats in
// one bbolt file) and a fake clock.
func statsRouter(t *testing.T) (*Router, *stats.Store, *daily.Store) {
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
	s := service(t)
	r, err := New(Config{
		Service: func() *answer.Service { return s }, Stats: st, Now: clock.Now,
		Daily: &Daily{Store: store}, CommandLimit: -1,
	})
	if err != nil {
		t.Fatal(err)
	}
	return r, st, store
}

func report(t *testing.T, r *Router, st *stats.Store) stats.Report {
	t.Helper()
	r.Wait()
	rep, err := st.Report()
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

func handle(t *testing.T, r *Router, req *Request) *Response {
	t.Helper()
	if req.UserID == "" {
		req.UserID = "1000000000000000042"
	}
	if req.GuildID == "" {
		req.GuildID = "1200000000000000001"
	}
	return r.Handle(context.Background(), req)
}

// /zoek and mentions that search are counted, with the query of a search
// without results; page buttons and other commands are not new searches.
func TestSearchesAreCounted(t *testing.T) {
	r, st, _ := statsRouter(t)
	steps := []struct {
		req      *Request
		feedback bool
	}{
		{&Request{Kind: KindCommand, Command: "zoek", Args: Args{"term": "brugfiguur"}}, true},
		{&Request{Kind: KindCommand, Command: "zoek", Args: Args{"term": "Qwxzpl"}}, false},
		{&Request{Kind: KindMention, Text: "<@9> qwxzpl!", BotID: "9"}, false},
		{&Request{Kind: KindMention, Text: "<@9> partners van SAAMO", BotID: "9"}, false}, // a look-up, not a search
		{&Request{Kind: KindComponent, CustomID: EncodeViewAs(RoleNext, View{Kind: "zoek", Arg: "brugfiguur", Page: 1})}, true},
		{&Request{Kind: KindCommand, Command: "netwerk", Args: Args{"naam": "Duosprong"}}, false},
	}
	for i, step := range steps {
		resp := handle(t, r, step.req)
		if resp.Outcome != OutcomeOK {
			t.Fatalf("step %d: outcome %s (%v)", i, resp.Outcome, resp.Value)
		}
		if resp.Feedback != step.feedback {
			t.Errorf("step %d: Feedback = %v, want %v", i, resp.Feedback, step.feedback)
		}
	}
	got := report(t, r, st)
	if got.Searches != 3 {
		t.Errorf("searches = %d, want 3 (two /zoek, one mention)", got.Searches)
	}
	if want := []stats.QueryCount{{Query: "qwxzpl", Count: 2}}; !reflect.DeepEqual(got.NoResults, want) {
		t.Errorf("no_results = %+v, want %+v", got.NoResults, want)
	}
}

// A "Nuttig?" press counts once per person and message.
func TestFeedbackButtons(t *testing.T) {
	r, st, _ := statsRouter(t)
	yes := EncodeViewAs(RolePrivate, FeedbackView(true))
	no := EncodeViewAs(RolePrivate, FeedbackView(false))
	steps := []struct {
		user, msg, customID string
		want                string // in the private notice
	}{
		{"1000000000000000042", "1320000000000000001", yes, "Bedankt!"},
		{"1000000000000000042", "1320000000000000001", no, "al geteld"},
		{"1000000000000000043", "1320000000000000001", no, "Bedankt!"},
		{"1000000000000000042", "1320000000000000002", yes, "Bedankt!"},
		{"1000000000000000042", "", yes, "werkt niet meer"}, // no message: not counted
	}
	for i, s := range steps {
		resp := handle(t, r, &Request{Kind: KindComponent, CustomID: s.customID, UserID: s.user, MessageID: s.msg})
		got := answer.Text(resp.Value)
		if n, ok := resp.Value.(Notice); ok {
			got = string(n)
		} else if err, ok := resp.Value.(error); ok {
			got = err.Error()
		}
		if !strings.Contains(got, s.want) || !resp.Private || resp.Update {
			t.Errorf("step %d: %q private=%v update=%v; want a private %q", i, got, resp.Private, resp.Update, s.want)
		}
	}
	if got := report(t, r, st).Feedback; got != (stats.FeedbackCounts{Helpful: 2, NotHelpful: 1}) {
		t.Errorf("feedback = %+v, want 2 helpful, 1 not", got)
	}
}

// "Meld een fout" on a card opens a form; its submit stores the report
// with the card and thanks privately; bad input stores nothing.
func TestReportForm(t *testing.T) {
	r, st, _ := statsRouter(t)
	card := handle(t, r, &Request{Kind: KindCommand, Command: "netwerk", Args: Args{"naam": "Duosprong"}})
	if card.ReportAbout != "netwerk:duosprong" {
		t.Fatalf("ReportAbout = %q", card.ReportAbout)
	}
	if f := handle(t, r, &Request{Kind: KindCommand, Command: "succesfactor", Args: Args{"naam": "laagdrempeligheid"}}); f.ReportAbout != "succesfactor:laagdrempeligheid" {
		t.Errorf("factor ReportAbout = %q", f.ReportAbout)
	}

	form := handle(t, r, &Request{Kind: KindComponent, CustomID: EncodeViewAs(RolePrivate, ReportView(card.ReportAbout))})
	m := form.Modal
	if m == nil {
		t.Fatalf("no form: %+v", form)
	}
	if m.Title != "Meld een fout: Duosprong" || m.Input.MaxLength != 1000 || !m.Input.Required || m.Input.CustomID != ReportInput || len(m.CustomID) > MaxCustomID {
		t.Errorf("form = %+v", m)
	}

	submits := []struct {
		customID, text string
		want           string
		stored         bool
	}{
		{m.CustomID, "De website is verhuisd naar www.duosprong.be.", "Je melding over Duosprong is bewaard", true},
		{m.CustomID, "   ", "Je melding is leeg", false},
		{m.CustomID, strings.Repeat("x", 1001), "te lang", false},
		{EncodeViewAs(RoleOther, ReportView("netwerk:bestaat-niet")), "tekst", "bestaat niet (meer)", false},
		{EncodeViewAs(RoleOther, View{Kind: "zoek", Arg: "x"}), "tekst", "formulier ken ik niet", false},
		{"rommel", "tekst", "formulier ken ik niet", false},
	}
	for i, s := range submits {
		resp := handle(t, r, &Request{Kind: KindModal, CustomID: s.customID, Fields: map[string]string{ReportInput: s.text}})
		var got string
		switch v := resp.Value.(type) {
		case Notice:
			got = string(v)
		case error:
			got = v.Error()
		}
		if !strings.Contains(got, s.want) || !resp.Private {
			t.Errorf("submit %d: %q (private %v), want %q", i, got, resp.Private, s.want)
		}
	}
	reps := report(t, r, st).Reports
	if len(reps) != 1 || reps[0] != (stats.ErrorReport{About: "netwerk:duosprong", Text: "De website is verhuisd naar www.duosprong.be.", Date: "2026-12-02"}) {
		t.Errorf("reports = %+v", reps)
	}
}

// /rapport is for server managers, private, and shows the stats.
func TestRapportCommand(t *testing.T) {
	r, st, _ := statsRouter(t)
	handle(t, r, &Request{Kind: KindCommand, Command: "zoek", Args: Args{"term": "qwxzpl"}})
	r.Wait()
	var spec *CommandSpec
	for _, s := range r.Specs(nil) {
		if s.Name == "rapport" {
			spec = &s
		}
	}
	if spec == nil || spec.Permissions != PermissionManageGuild || !spec.GuildOnly {
		t.Fatalf("rapport spec = %+v, want Manage Server and servers only", spec)
	}
	resp := handle(t, r, &Request{Kind: KindCommand, Command: "rapport"})
	rep, ok := resp.Value.(Report)
	if !ok || !resp.Private {
		t.Fatalf("rapport = %T private=%v", resp.Value, resp.Private)
	}
	want, _ := st.Report()
	if !reflect.DeepEqual(rep.Report, want) || rep.Searches != 1 {
		t.Errorf("rapport = %+v, want %+v", rep.Report, want)
	}
	// Not in a DM.
	dm := r.Handle(context.Background(), &Request{Kind: KindCommand, Command: "rapport", UserID: "1"})
	if _, ok := dm.Value.(Report); ok || dm.Outcome != OutcomeUserError {
		t.Errorf("rapport in a DM = %+v", dm)
	}
}

// Without stats there are no buttons, and the buttons and /rapport say so.
func TestNoStats(t *testing.T) {
	r := testRouter(t)
	resp := r.Handle(context.Background(), &Request{Kind: KindCommand, Command: "zoek", Args: Args{"term": "brugfiguur"}, UserID: "1"})
	if resp.Feedback || resp.ReportAbout != "" {
		t.Errorf("buttons without stats: %+v", resp)
	}
	for _, req := range []*Request{
		{Kind: KindComponent, CustomID: EncodeViewAs(RolePrivate, FeedbackView(true)), MessageID: "5", UserID: "1"},
		{Kind: KindComponent, CustomID: EncodeViewAs(RolePrivate, ReportView("netwerk:duosprong")), UserID: "1"},
		{Kind: KindCommand, Command: "rapport", GuildID: "12", UserID: "1"},
	} {
		resp := r.Handle(context.Background(), req)
		if resp.Outcome != OutcomeUserError || resp.Modal != nil {
			t.Errorf("%+v without stats: %+v", req, resp)
		}
	}
}

// ForgetServer removes a server's daily settings.
func TestForgetServer(t *testing.T) {
	r, _, store := statsRouter(t)
	if err := store.Update("1200000000000000001", func(s *daily.Settings) error { s.ChannelID = "7"; return nil }); err != nil {
		t.Fatal(err)
	}
	for _, want := range []bool{true, false} {
		got, err := r.ForgetServer("1200000000000000001")
		if err != nil || got != want {
			t.Errorf("ForgetServer = %v, %v; want %v", got, err, want)
		}
	}
	if _, ok, _ := store.Get("1200000000000000001"); ok {
		t.Error("settings still there")
	}
}
