package chat

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/bondgenoot/bondgenoot/internal/answer"
	"github.com/bondgenoot/bondgenoot/internal/stats"
	"github.com/bondgenoot/bondgenoot/internal/text"
)

// What the people who keep the guide learn from the bot (Config.Stats):
// searches and searches without results are counted, a "Nuttig?" pair of
// buttons under a search answer counts a press once per person and message,
// "Meld een fout" under a card opens a form whose text is stored with the
// card, and /rapport shows it all to a server's managers. None of it keeps
// who asked: stats never sees a user id except inside the keyed hash of a
// press.

// Values of a "nuttig" view's Arg.
const (
	FeedbackYes = "ja"
	FeedbackNo  = "nee"
)

// ReportInput is the custom_id of the text input of the report form.
const ReportInput = "tekst"

// Modal is a form the door shows instead of a message: one paragraph text
// input.
type Modal struct {
	CustomID string // comes back with the submit (KindModal)
	Title    string // ≤ 45 characters
	Input    TextInput
}

// TextInput is the one text field of a Modal.
type TextInput struct {
	CustomID    string
	Label       string // ≤ 45 characters
	Placeholder string // ≤ 100 characters
	MaxLength   int
	Required    bool
}

// Report is the answer of /rapport.
type Report struct {
	stats.Report
}

// FeedbackView is the view of a "Nuttig?" button; helpful says which.
func FeedbackView(helpful bool) View {
	if helpful {
		return View{Kind: "nuttig", Arg: FeedbackYes}
	}
	return View{Kind: "nuttig", Arg: FeedbackNo}
}

// ReportView is the view of a "Meld een fout" button about a card.
func ReportView(about string) View { return View{Kind: "fout", Arg: about} }

// Wait waits for the stats writes in flight (at shutdown, and in tests).
func (r *Router) Wait() { r.background.wait() }

// pending counts work in flight. Unlike a sync.WaitGroup, add may run at
// the same time as wait (a deferred answer can still be counting while the
// bot shuts down).
type pending struct {
	mu   sync.Mutex
	n    int
	idle *sync.Cond
}

func (p *pending) add() {
	p.mu.Lock()
	p.n++
	p.mu.Unlock()
}

func (p *pending) done() {
	p.mu.Lock()
	p.n--
	if p.n == 0 && p.idle != nil {
		p.idle.Broadcast()
	}
	p.mu.Unlock()
}

func (p *pending) wait() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.idle == nil {
		p.idle = sync.NewCond(&p.mu)
	}
	for p.n > 0 {
		p.idle.Wait()
	}
}

// countSearch counts a search answer, in the background: the reply does
// not wait for the disk.
func (r *Router) countSearch(v any) {
	p, ok := v.(*answer.SearchPage)
	st := r.cfg.Stats
	if !ok || p == nil || p.Result == nil || st == nil {
		return
	}
	query, total := p.Query, p.Total
	r.background.add()
	go func() {
		defer r.background.done()
		if err := st.Search(query, total); err != nil {
			r.log.Error("zoekvraag niet geteld", "error", err)
		}
	}()
}

// withFeedback adds the "Nuttig?" buttons to a search answer with results
// and "Meld een fout" to a card, when the bot keeps stats.
func (r *Router) withFeedback(resp *Response) *Response {
	if r.cfg.Stats == nil {
		return resp
	}
	switch a := resp.Value.(type) {
	case *answer.SearchPage:
		resp.Feedback = a != nil && a.Result != nil && a.Total > 0
	case *answer.NetworkCard:
		if a != nil && a.Network != nil {
			resp.ReportAbout = "netwerk:" + a.ID
		}
	case *answer.FactorCard:
		if a != nil && a.Factor != nil {
			resp.ReportAbout = "succesfactor:" + a.ID
		}
	}
	return resp
}

// feedbackComponent answers a "Nuttig?" or "Meld een fout" button; ok is
// false for any other view.
func (r *Router) feedbackComponent(_ context.Context, req *Request, vw View) (resp *Response, ok bool, err error) {
	switch vw.Kind {
	case "nuttig":
		resp, err = r.vote(req, vw)
		return resp, true, err
	case "fout":
		resp, err = r.reportForm(vw)
		return resp, true, err
	}
	return nil, false, nil
}

func (r *Router) vote(req *Request, vw View) (*Response, error) {
	st := r.cfg.Stats
	if st == nil {
		return nil, &answer.UserError{Message: "Deze bot houdt geen stemmen bij."}
	}
	if vw.Arg != FeedbackYes && vw.Arg != FeedbackNo || req.MessageID == "" || req.UserID == "" {
		return nil, staleButton()
	}
	counted, err := st.Feedback(req.MessageID, req.UserID, vw.Arg == FeedbackYes)
	if err != nil {
		return nil, err
	}
	msg := "Bedankt! Zo weet wie de gids onderhoudt wat helpt."
	if !counted {
		msg = "Je stem over dit antwoord was al geteld. Bedankt!"
	}
	return &Response{Value: Notice(msg), Private: true}, nil
}

// card names the card a report is about, or fails for a card the content
// does not have (any more).
func (r *Router) card(about string) (string, error) {
	gone := &answer.UserError{Message: "Die fiche bestaat niet (meer). Open ze opnieuw en probeer nog eens."}
	if !stats.ValidAbout(about) {
		return "", gone
	}
	kind, id, _ := strings.Cut(about, ":")
	s := r.Service()
	switch kind {
	case "netwerk":
		if c, err := s.Network(id); err == nil && c.ID == id {
			return c.Name, nil
		}
	case "succesfactor":
		if c, err := s.Factor(id); err == nil && c.ID == id {
			return c.Title, nil
		}
	}
	return "", gone
}

// reportForm opens the "Meld een fout" form for a card.
func (r *Router) reportForm(vw View) (*Response, error) {
	if r.cfg.Stats == nil {
		return nil, &answer.UserError{Message: "Deze bot bewaart geen meldingen."}
	}
	name, err := r.card(vw.Arg)
	if err != nil {
		return nil, err
	}
	return &Response{Modal: &Modal{
		CustomID: EncodeViewAs(RoleOther, ReportView(vw.Arg)),
		Title:    text.HardCut("Meld een fout: "+name, 45),
		Input: TextInput{
			CustomID:    ReportInput,
			Label:       "Wat klopt er niet?",
			Placeholder: "Bv. de website is verhuisd. Zet er geen namen of contactgegevens in.",
			MaxLength:   stats.MaxReportRunes,
			Required:    true,
		},
	}}, nil
}

// modal stores a submitted "Meld een fout" form and thanks privately.
func (r *Router) modal(_ context.Context, req *Request) (*Response, error) {
	vw, err := DecodeView(req.CustomID)
	if err != nil || vw.Kind != "fout" {
		r.log.Info("onleesbaar formulier", "custom_id", req.CustomID)
		return nil, &answer.UserError{Message: "Dit formulier ken ik niet (meer). Druk opnieuw op Meld een fout."}
	}
	st := r.cfg.Stats
	if st == nil {
		return nil, &answer.UserError{Message: "Deze bot bewaart geen meldingen."}
	}
	name, err := r.card(vw.Arg)
	if err != nil {
		return nil, err
	}
	err = st.AddReport(vw.Arg, req.Fields[ReportInput])
	switch {
	case errors.Is(err, stats.ErrReportEmpty), errors.Is(err, stats.ErrReportTooLong), errors.Is(err, stats.ErrReportAbout):
		return nil, &answer.UserError{Message: err.Error() + " Er is niets bewaard."}
	case err != nil:
		return nil, err
	}
	return &Response{Value: Notice(fmt.Sprintf("Bedankt! Je melding over %s is bewaard; wie de gids onderhoudt, leest ze. Je naam is niet bewaard.", name)), Private: true}, nil
}

// report answers /rapport.
func (r *Router) report(context.Context, Invocation) (any, View, error) {
	st := r.cfg.Stats
	if st == nil {
		return nil, View{}, &answer.UserError{Message: "Deze bot houdt geen tellingen bij: hij draait zonder opslag."}
	}
	rep, err := st.Report()
	if err != nil {
		return nil, View{}, err
	}
	return Report{rep}, View{}, nil
}

// ForgetServer forgets what the bot keeps about a server (its daily-post
// settings), when the bot was removed from it. It reports whether there
// was anything.
func (r *Router) ForgetServer(guildID string) (bool, error) {
	if r.cfg.Daily == nil || r.cfg.Daily.Store == nil || guildID == "" {
		return false, nil
	}
	return r.cfg.Daily.Store.Forget(guildID)
}
