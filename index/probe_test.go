package index

import (
	"context"
	"os"
	"strings"
	"testing"
)

func TestProbe(t *testing.T) {
	qs := os.Getenv("PROBE")
	if qs == "" {
		t.Skip()
	}
	ix := guideIndexForBench(t)
	for _, q := range strings.Split(qs, "|") {
		u := ix.Understand(q)
		res, err := ix.Search(context.Background(), Request{Query: q, Limit: 5})
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%q words=%v filler=%v places=%v themes=%v partners=%v asks=%v", q, u.Words, u.Filler, u.Places, u.Themes, u.Partners, u.Asks)
		if res.Answer != nil {
			t.Logf("   ANSWER %s:%s p.%d %.80s", res.Answer.Kind, res.Answer.ID, res.Answer.Page, res.Answer.Text)
		}
		for _, h := range res.Hits {
			t.Logf("   %6.2f %s:%s p.%d  %.90s", h.Score, h.Kind, h.ID, h.Page, h.Snippet)
		}
	}
}
