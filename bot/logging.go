package bot

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
)

// minSecretLen is the shortest secret that is redacted: shorter strings
// ("x" in a test) are no real token and would mangle every log line.
const minSecretLen = 6

// redacted replaces a secret in logs.
const redacted = "[verborgen]"

// redactHandler is a slog.Handler that removes secrets (the bot token) from
// the message and from every attribute before passing a record on. It is
// the last line of defence: the bot itself never logs its token, but
// discordgo's debug output and error values could contain it.
type redactHandler struct {
	inner   slog.Handler
	secrets []string
}

// newRedactor wraps h so that none of secrets reaches it.
func newRedactor(h slog.Handler, secrets ...string) slog.Handler {
	var keep []string
	for _, s := range secrets {
		if len(s) >= minSecretLen {
			keep = append(keep, s)
		}
	}
	if len(keep) == 0 {
		return h
	}
	return &redactHandler{inner: h, secrets: keep}
}

func (h *redactHandler) Enabled(ctx context.Context, l slog.Level) bool {
	return h.inner.Enabled(ctx, l)
}

func (h *redactHandler) Handle(ctx context.Context, r slog.Record) error {
	out := slog.NewRecord(r.Time, r.Level, h.clean(r.Message), r.PC)
	r.Attrs(func(a slog.Attr) bool {
		out.AddAttrs(h.attr(a))
		return true
	})
	return h.inner.Handle(ctx, out)
}

func (h *redactHandler) WithAttrs(as []slog.Attr) slog.Handler {
	clean := make([]slog.Attr, len(as))
	for i, a := range as {
		clean[i] = h.attr(a)
	}
	return &redactHandler{inner: h.inner.WithAttrs(clean), secrets: h.secrets}
}

func (h *redactHandler) WithGroup(name string) slog.Handler {
	return &redactHandler{inner: h.inner.WithGroup(h.clean(name)), secrets: h.secrets}
}

func (h *redactHandler) clean(s string) string {
	for _, sec := range h.secrets {
		if strings.Contains(s, sec) {
			s = strings.ReplaceAll(s, sec, redacted)
		}
	}
	return s
}

// attr returns a with every secret removed. Values of other kinds than
// string, number, time or group are written as text (an error as its
// message), so that what a handler would print is what is checked.
func (h *redactHandler) attr(a slog.Attr) slog.Attr {
	a.Key = h.clean(a.Key)
	v := a.Value.Resolve()
	switch v.Kind() {
	case slog.KindString:
		a.Value = slog.StringValue(h.clean(v.String()))
	case slog.KindGroup:
		g := v.Group()
		clean := make([]slog.Attr, len(g))
		for i, ga := range g {
			clean[i] = h.attr(ga)
		}
		a.Value = slog.GroupValue(clean...)
	case slog.KindAny:
		var s string
		if err, ok := v.Any().(error); ok {
			s = err.Error()
		} else {
			s = fmt.Sprintf("%+v", v.Any())
		}
		a.Value = slog.StringValue(h.clean(s))
	default:
		a.Value = v
	}
	return a
}
