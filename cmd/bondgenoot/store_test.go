package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/bondgenoot/bondgenoot/internal/daily"
)

// An empty store file and one cut to half its size stop the start with
// exit 3 and the documented message naming the file, before the bot
// connects; neither is taken as a new store, and a cut file is no crash
// (bbolt used to read past the end of its mapping: SIGBUS, exit 2).
func TestRunBotEmptyOrTruncatedStore(t *testing.T) {
	for _, tc := range []string{"empty", "half"} {
		t.Run(tc, func(t *testing.T) {
			srv, calls := discordStub(t)
			cfg := botConfig(t, srv.URL())
			token := cfg.Token
			file := filepath.Join("data", "bondgenoot.db")
			var data []byte
			if tc == "half" {
				st, err := daily.Open(file)
				if err != nil {
					t.Fatal(err)
				}
				// Add servers until the pages in use reach well past the
				// first half of the file.
				var size, used int64
				for i := 0; used <= size*3/4; i++ {
					if i == 5000 {
						t.Fatal("the store file does not grow")
					}
					err := st.Update(fmt.Sprintf("12000000000000%04d", i), func(s *daily.Settings) error {
						s.ChannelID, s.Enabled, s.LastPosted = "1300000000000000001", true, "2026-12-01"
						s.LastError = strings.Repeat("x", 200)
						return nil
					})
					if err != nil {
						t.Fatal(err)
					}
					info, err := os.Stat(file)
					if err != nil {
						t.Fatal(err)
					}
					size = info.Size()
					_ = st.DB().View(func(tx *bolt.Tx) error { used = tx.Size(); return nil })
				}
				st.Close()
				full, err := os.ReadFile(file)
				if err != nil {
					t.Fatal(err)
				}
				data = full[:len(full)/2]
			} else if err := os.MkdirAll("data", 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(file, data, 0o600); err != nil {
				t.Fatal(err)
			}
			ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
			defer cancel()
			var out, errb bytes.Buffer
			code, err := runMain(ctx, cfg, strings.NewReader(""), &out, &errb)
			if code != exitInternal || err == nil {
				t.Fatalf("run() = %d, %v; want %d and an error", code, err, exitInternal)
			}
			if msg := err.Error(); !strings.Contains(msg, file) || !strings.Contains(msg, "beschadigd") {
				t.Errorf("message %q does not name %s as damaged", msg, file)
			}
			for _, s := range []string{err.Error(), errb.String(), out.String()} {
				if strings.Contains(s, token) || strings.Contains(s, "goroutine") {
					t.Errorf("output leaks the token or a stack trace: %q", s)
				}
			}
			if calls.Load() != 0 {
				t.Errorf("the bot connected (%d requests) despite the damaged store", calls.Load())
			}
			if got, _ := os.ReadFile(file); !bytes.Equal(got, data) {
				t.Errorf("the damaged store was changed: %d bytes, was %d", len(got), len(data))
			}
		})
	}
}
