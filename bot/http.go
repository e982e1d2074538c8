package bot

import (
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"
)

// The HTTP interactions endpoint: instead of (or next to) the gateway,
// Discord POSTs every interaction to a URL of the bot's — the
// "Interactions Endpoint URL" of the Developer Portal — signed with the
// application's key, and takes the first response as the HTTP response's
// body. The same router answers as over the gateway; a deferred answer is
// edited in over REST as usual.

const (
	publicKeySize = ed25519.PublicKeySize
	// maxInteractionBody is the largest request body the endpoint reads.
	maxInteractionBody = 1 << 20
	// maxClockSkew is how far a request's timestamp may be from now.
	maxClockSkew = 5 * time.Minute
	// InteractionsPath is where Discord sends interactions.
	InteractionsPath = "/interactions"
)

// httpDoor serves POST /interactions.
type httpDoor struct {
	bot *Bot
	key ed25519.PublicKey
	log *slog.Logger

	mu   sync.Mutex
	addr string // where it listens, once started
}

// start listens on HTTP_ADDR and serves until stop is called; stop waits
// briefly for requests in flight.
func (d *httpDoor) start() (stop func(), err error) {
	ln, err := net.Listen("tcp", d.bot.cfg.HTTPAddr)
	if err != nil {
		return nil, fmt.Errorf("HTTP_ADDR %q: het adres kan niet gebruikt worden: %w", d.bot.cfg.HTTPAddr, err)
	}
	d.mu.Lock()
	d.addr = ln.Addr().String()
	d.mu.Unlock()
	mux := http.NewServeMux()
	mux.Handle(InteractionsPath, d)
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second, ReadTimeout: 10 * time.Second, WriteTimeout: 20 * time.Second}
	done := make(chan struct{})
	go func() {
		defer close(done)
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			d.log.Error("HTTP-interacties gestopt", "error", err)
		}
	}()
	d.log.Info("HTTP-interacties", "addr", d.addr, "path", InteractionsPath)
	return func() {
		ctx, cancel := context.WithTimeout(context.Background(), shutdownWait)
		defer cancel()
		_ = srv.Shutdown(ctx)
		<-done
	}, nil
}

// HTTPAddr is the address the HTTP interactions endpoint listens on, once
// Run has started it; empty without one.
func (b *Bot) HTTPAddr() string {
	if b.http == nil {
		return ""
	}
	b.http.mu.Lock()
	defer b.http.mu.Unlock()
	return b.http.addr
}

// InteractionsHandler is the HTTP interactions endpoint as a handler (nil
// without DISCORD_PUBLIC_KEY), for a server of the caller's own.
func (b *Bot) InteractionsHandler() http.Handler {
	if b.http == nil {
		return nil
	}
	return b.http
}

// verify checks Discord's signature of a request: Ed25519 over the
// timestamp and the body, with a timestamp near now.
func verify(key ed25519.PublicKey, sigHex, timestamp string, body []byte, now time.Time) bool {
	sig, err := hex.DecodeString(sigHex)
	if err != nil || len(sig) != ed25519.SignatureSize || timestamp == "" {
		return false
	}
	secs, err := strconv.ParseInt(timestamp, 10, 64)
	if err != nil {
		return false
	}
	if d := now.Sub(time.Unix(secs, 0)); d > maxClockSkew || d < -maxClockSkew {
		return false
	}
	msg := make([]byte, 0, len(timestamp)+len(body))
	msg = append(append(msg, timestamp...), body...)
	return ed25519.Verify(key, msg, sig)
}

func (d *httpDoor) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		http.Error(w, "alleen POST", http.StatusMethodNotAllowed)
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxInteractionBody))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			http.Error(w, "te groot", http.StatusRequestEntityTooLarge)
			return
		}
		http.Error(w, "onleesbaar", http.StatusBadRequest)
		return
	}
	received := time.Now()
	if !verify(d.key, r.Header.Get("X-Signature-Ed25519"), r.Header.Get("X-Signature-Timestamp"), body, received) {
		http.Error(w, "ongeldige handtekening", http.StatusUnauthorized)
		return
	}
	var i discordgo.Interaction
	if err := json.Unmarshal(body, &i); err != nil {
		http.Error(w, "geen interactie", http.StatusBadRequest)
		return
	}
	if i.Type == discordgo.InteractionPing {
		writeJSON(w, map[string]int{"type": int(discordgo.InteractionResponsePong)})
		return
	}
	ctx, ok := d.bot.begin()
	if !ok {
		http.Error(w, "de bot sluit af", http.StatusServiceUnavailable)
		return
	}
	defer d.bot.end()
	log := d.log.With("interaction", i.ID, "user", userID(&i))
	resp := d.bot.interaction(ctx, &i, received, log)
	if resp == nil {
		http.Error(w, "onbekend soort interactie", http.StatusBadRequest)
		return
	}
	if ir, ok := resp.(*discordgo.InteractionResponse); ok && ir.Data != nil && len(ir.Data.Files) > 0 {
		// A file (a map) does not go in this response: say the answer
		// comes, then edit it in over REST with the file.
		rep, err := replyOf(ir.Data)
		if err != nil {
			log.Error("antwoord niet op te maken", "error", err)
			http.Error(w, "interne fout", http.StatusInternalServerError)
			return
		}
		typ := discordgo.InteractionResponseDeferredChannelMessageWithSource
		update := ir.Type == discordgo.InteractionResponseUpdateMessage
		if update {
			typ = discordgo.InteractionResponseDeferredMessageUpdate
		}
		writeJSON(w, &discordgo.InteractionResponse{Type: typ})
		d.bot.active.Add(1)
		go func() {
			defer d.bot.active.Done()
			d.bot.sendLate(&i, update, rep, log)
		}()
		return
	}
	writeJSON(w, resp)
}

// replyOf turns response data back into a reply, reading its files.
func replyOf(d *discordgo.InteractionResponseData) (*reply, error) {
	rep := &reply{Content: d.Content, Embeds: d.Embeds, Components: d.Components, Ephemeral: d.Flags&discordgo.MessageFlagsEphemeral != 0}
	for _, f := range d.Files {
		data, err := io.ReadAll(f.Reader)
		if err != nil {
			return nil, fmt.Errorf("read file %s: %w", f.Name, err)
		}
		rep.Files = append(rep.Files, attachment{Name: f.Name, ContentType: f.ContentType, Data: data})
	}
	return rep, nil
}

func writeJSON(w http.ResponseWriter, v any) {
	data, err := json.Marshal(v)
	if err != nil {
		http.Error(w, "interne fout", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write(data)
}
