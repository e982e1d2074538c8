package bot

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/bondgenoot/bondgenoot/bot/fakediscord"
)

// One server's 429 with retry_after=100000 s does not hold up another
// server's daily post, through the real bot over the fake Discord with a
// real store file: server B's post, due a minute after A's, goes out in its
// minute, A is tried again at the next minute, and A's /dagelijks status
// says what Discord asked. Before, the scheduler slept the 27 hours inside
// its one loop over all servers, and B's post never came.
func TestDailyOneServersRateLimitHoldsUpNoOther(t *testing.T) {
	t.Parallel()
	loc := brussels(t)
	day := func(h, m, s int) time.Time { return time.Date(2026, 12, 1, h, m, s, 0, loc) }
	clk := newSleepClock(day(8, 0, 0))
	st := openStore(t, filepath.Join(t.TempDir(), "bondgenoot.db"))
	h := startDailyBot(t, clk, st, nil)
	const (
		guildA, channelA = dailyGuild, dailyChannel
		guildB, channelB = "1200000000000000009", "1200000000000000004"
	)
	h.ephemeralReply(h.dagelijks("aan", "kanaal", channelA, "tijd", "09:00"))
	b := h.dagelijks("aan", "kanaal", channelB, "tijd", "09:01")
	b["guild_id"] = guildB
	h.ephemeralReply(b)
	h.fake.Limit(1000, 100000*time.Second, func(r fakediscord.Request) bool {
		return r.Method == "POST" && r.Path == "/channels/"+channelA+"/messages"
	})

	clk.to(t, day(9, 0, 0))
	if n := postsTo(h.fake, channelA); n != 1 {
		t.Fatalf("%d requests to A's channel at 09:00, want 1 (a 429)", n)
	}
	clk.to(t, day(9, 1, 0))
	if got := len(h.fake.CreatedIn(channelB)); got != 1 {
		t.Fatalf("server B's post due at 09:01: %d posts at 09:01, want 1", got)
	}
	if n := postsTo(h.fake, channelA); n != 2 {
		t.Errorf("%d requests to A's channel by 09:01, want 2: tried again at the next minute", n)
	}
	if set := settingsOf(t, st, guildB); set.LastPosted != "2026-12-01" {
		t.Errorf("server B: %+v", set)
	}
	d := h.ephemeralReply(h.dagelijks("status"))
	// A failed at 09:00 and 09:01: the next try is two minutes on.
	containsAll(t, "status of A", plainJSON(d["embeds"]), "27 uur en 46 minuten", "zo lang wacht ik niet", "nieuwe poging vandaag om 09:03")
}
