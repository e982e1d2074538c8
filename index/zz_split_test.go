package index

import (
	"fmt"
	"os"
	"sort"
	"testing"
)

func TestZZSplit(t *testing.T) {
	if os.Getenv("ZZSPLIT") == "" {
		t.Skip()
	}
	ix := guideIndexForBench(t)
	var ws []string
	for w := range ix.vocab.words {
		ws = append(ws, w)
	}
	sort.Strings(ws)
	for _, w := range ws {
		toks := ix.an(w)
		if len(toks) > 1 {
			var ps []string
			for _, t := range toks {
				ps = append(ps, string(t.Term))
			}
			fmt.Println(w, ps)
		}
	}
}
