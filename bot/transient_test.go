package bot

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/bondgenoot/bondgenoot/bot/fakediscord"
)

func isCallbackOf(id string) func(fakediscord.Request) bool {
	return func(r fakediscord.Request) bool {
		return r.Method == "POST" && strings.HasPrefix(r.Path, "/interactions/"+id+"/") && strings.HasSuffix(r.Path, "/callback")
	}
}

// One transient failure of Discord (500, 502, 503, 504, or a connection
// dropped without an answer) no longer loses the answer: the callback is
// tried again within the 3-second window, and all 10 of 10 answers arrive.
// Before, only a 429 was retried and none arrived.
func TestTransientErrorsRetried(t *testing.T) {
	t.Parallel()
	h := startBot(t, nil, nil)
	user := 0
	for _, status := range []int{http.StatusInternalServerError, http.StatusBadGateway, http.StatusServiceUnavailable, http.StatusGatewayTimeout, 0} {
		name := fmt.Sprint(status)
		if status == 0 {
			name = "network"
		}
		t.Run(name, func(t *testing.T) {
			var ids []string
			for range 10 {
				user++
				m := setUser(h.command("zoek", "term", "brugfiguur"), fmt.Sprintf("25%017d", user))
				id := m["id"].(string)
				ids = append(ids, id)
				h.fake.Fail(1, status, isCallbackOf(id))
				h.fake.Dispatch("INTERACTION_CREATE", m)
			}
			delivered := 0
			for _, id := range ids {
				first := h.fake.WaitFor(5*time.Second, "the first callback of "+id, isCallbackOf(id))
				second := h.fake.WaitNth(5*time.Second, "the retried callback of "+id, 2, isCallbackOf(id))
				if d := second.At.Sub(first.At); d < 40*time.Millisecond || d > 2*time.Second {
					t.Errorf("%s: retried after %v, want a short backoff", id, d)
				}
				if n := h.fake.Count(isCallbackOf(id)); n == 2 {
					delivered++
				}
			}
			if delivered != 10 {
				t.Errorf("%d of 10 answers delivered after one %s", delivered, name)
			}
		})
	}

	t.Run("a lasting 503 is given up within the window", func(t *testing.T) {
		user++
		m := setUser(h.command("zoek", "term", "brugfiguur"), fmt.Sprintf("25%017d", user))
		id := m["id"].(string)
		h.fake.Fail(100, http.StatusServiceUnavailable, isCallbackOf(id))
		start := time.Now()
		h.fake.Dispatch("INTERACTION_CREATE", m)
		h.fake.WaitFor(5*time.Second, "the first callback", isCallbackOf(id))
		time.Sleep(interactionWindow + 500*time.Millisecond)
		reqs := h.fake.Requests()
		n, last := 0, time.Time{}
		for _, r := range reqs {
			if isCallbackOf(id)(r) {
				n++
				last = r.At
			}
		}
		if n < 3 || n > maxTransientRetries+1 {
			t.Errorf("%d tries of a callback that keeps failing, want 3 to %d", n, maxTransientRetries+1)
		}
		if last.Sub(start) > interactionWindow {
			t.Errorf("the last try came %v after the interaction, past Discord's window", last.Sub(start))
		}
	})

	t.Run("mention reply", func(t *testing.T) {
		for _, status := range []int{http.StatusBadGateway, 0} {
			user++
			m := h.payload("message_create_mention.json")
			m["author"] = map[string]any{"id": fmt.Sprintf("26%017d", user), "username": "x"}
			isReply := func(r fakediscord.Request) bool {
				return r.Method == "POST" && strings.Contains(string(r.Body), `"message_id":"`+m["id"].(string)+`"`)
			}
			h.fake.Fail(1, status, isReply)
			h.fake.Dispatch("MESSAGE_CREATE", m)
			second := h.fake.WaitNth(5*time.Second, "the retried reply", 2, isReply)
			body := second.JSON(t)
			if body["nonce"] == nil || body["enforce_nonce"] != true {
				t.Errorf("the reply has no nonce with enforce_nonce: %.300s", second.Body)
			}
			checkNoPing(t, body)
		}
	})
}
