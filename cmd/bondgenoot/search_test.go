package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestSearchJSONAnswer: zoek --json keeps every field and adds "answer", an
// object for a question the guide clearly answers and null otherwise.
func TestSearchJSONAnswer(t *testing.T) {
	tests := []struct {
		query  string
		wantID string // "" for null
	}{
		{"wie doet iets rond menstruatiearmoede", "duosprong"},
		{"brugfiguur", ""},
	}
	for _, tt := range tests {
		r := mustRun(t, exitOK, "zoek", "--json", tt.query)
		var top map[string]json.RawMessage
		decode(t, r.stdout, &top)
		requireKeys(t, "zoek", []map[string]json.RawMessage{top}, "query", "total", "hits", "facets", "suggestion", "answer")
		raw := strings.TrimSpace(string(top["answer"]))
		if tt.wantID == "" {
			if raw != "null" {
				t.Errorf("%q: answer = %s, want null", tt.query, raw)
			}
			continue
		}
		var a map[string]json.RawMessage
		decode(t, raw, &a)
		requireKeys(t, "answer", []map[string]json.RawMessage{a}, "kind", "id", "title", "page", "text")
		var got struct {
			Kind, ID, Title, Text string
			Page                  int
		}
		decode(t, raw, &got)
		if got.ID != tt.wantID || got.Kind != "netwerk" || got.Page != 77 || !strings.Contains(got.Text, "menstruatiearmoede") {
			t.Errorf("%q: answer = %+v, want %s on p. 77 with the passage", tt.query, got, tt.wantID)
		}
	}
}

// TestSearchTextAnswerFirst: the text output starts with the answer line.
func TestSearchTextAnswerFirst(t *testing.T) {
	r := mustRun(t, exitOK, "zoek", "wie doet iets rond menstruatiearmoede")
	lines := strings.Split(r.stdout, "\n")
	if len(lines) < 2 || !strings.HasPrefix(lines[0], "Antwoord uit de gids (p. 77)") || !strings.Contains(lines[1], "menstruatiearmoede") {
		t.Errorf("text output does not start with the answer:\n%s", r.stdout)
	}
	if i := strings.Index(r.stdout, "1. Duosprong"); i < 0 || i < strings.Index(r.stdout, "Antwoord uit de gids") {
		t.Errorf("the hits do not follow the answer:\n%s", r.stdout)
	}
}
