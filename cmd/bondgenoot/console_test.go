package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// Without a token, running with no subcommand opens the console, which
// answers piped commands.
func TestRunWithoutTokenOpensConsole(t *testing.T) {
	t.Parallel()
	var out, errb bytes.Buffer
	code, err := runMain(context.Background(), Config{}, strings.NewReader("/zoek brugfiguur\n/partner SAAMO\n"), &out, &errb)
	if err != nil || code != 0 {
		t.Fatalf("run() = %d, %v; stderr %s", code, err, errb.String())
	}
	if !strings.Contains(errb.String(), "console") {
		t.Errorf("stderr = %q, want the one-line console notice", errb.String())
	}
	for _, w := range []string{"Brugfiguren basisonderwijs", "Netwerken die samenwerken met SAAMO (9)"} {
		if !strings.Contains(out.String(), w) {
			t.Errorf("output lacks %q", w)
		}
	}
}
