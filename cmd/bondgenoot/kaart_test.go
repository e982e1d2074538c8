package main

import (
	"bytes"
	"encoding/json"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bondgenoot/bondgenoot/internal/kaart"
)

func TestKaartJSON(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name string
		args []string
		want int // highlighted networks
	}{
		{"alle", nil, 48},
		{"thema", []string{"--thema", "vrijetijd"}, len(vrijeTijd)},
		{"provincie", []string{"--provincie", "limburg"}, 6},
		{"partner", []string{"--partner", "SAAMO"}, -1},
		{"plaats", []string{"--plaats", "Kortrijk"}, -1},
		{"plaats en thema", []string{"--plaats", "Gent", "--thema", "onderwijs"}, -1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			file := filepath.Join(dir, strings.ReplaceAll(tc.name, " ", "-")+".png")
			args := append([]string{"kaart", "--json", "--png", file}, tc.args...)
			r := mustRun(t, exitOK, args...)
			var raw map[string]json.RawMessage
			decode(t, r.stdout, &raw)
			requireKeys(t, "kaart", []map[string]json.RawMessage{raw}, "file", "width", "height", "networks")
			if len(raw) != 4 {
				t.Errorf("keys %v, want exactly file, width, height, networks", mapKeys(raw))
			}
			var out mapJSON
			decode(t, r.stdout, &out)
			if out.File != file {
				t.Errorf("file = %q, want %q", out.File, file)
			}
			if tc.want >= 0 && out.Networks != tc.want {
				t.Errorf("networks = %d, want %d", out.Networks, tc.want)
			}
			if out.Networks == 0 {
				t.Errorf("networks = 0, want some")
			}
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			if len(data) > 300*1024 {
				t.Errorf("PNG is %d bytes, want at most 300 KB", len(data))
			}
			img, err := png.Decode(bytes.NewReader(data))
			if err != nil {
				t.Fatalf("decode PNG: %v", err)
			}
			if b := img.Bounds(); b.Dx() != out.Width || b.Dy() != out.Height {
				t.Errorf("PNG is %v, JSON says %dx%d", b.Size(), out.Width, out.Height)
			}
			if out.Width < 800 || out.Width > 1200 {
				t.Errorf("width = %d, want 800..1200", out.Width)
			}
			// The legend's key and the inset of Brussels have highlighted
			// dots too: count those of the map.
			if got := kaart.CountHighlighted(img, kaart.MapArea()); got != out.Networks {
				t.Errorf("highlighted dots in the PNG = %d, want %d", got, out.Networks)
			}
		})
	}
}

func TestKaartText(t *testing.T) {
	file := filepath.Join(t.TempDir(), "k.png")
	r := mustRun(t, exitOK, "kaart", "--provincie", "Limburg", "--png", file)
	if !strings.HasPrefix(r.stdout, "Netwerken in Limburg: 6 netwerken op de kaart.") || !strings.Contains(r.stdout, file) {
		t.Errorf("stdout = %q", r.stdout)
	}
}

func TestKaartErrors(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "k.png")
	tests := []struct {
		name string
		args []string
		code int
		want string // in the error message
	}{
		{"thema", []string{"--thema", "sport"}, exitNotFound, `thema "sport"`},
		{"provincie", []string{"--provincie", "Limbrug"}, exitNotFound, "Limburg"},
		{"partner", []string{"--partner", "Xyzzy"}, exitNotFound, "Xyzzy"},
		{"plaats", []string{"--plaats", "Parijs"}, exitNotFound, "Parijs"},
		{"map bestaat niet", []string{"--png", filepath.Join(dir, "geen", "k.png")}, exitNotFound, "Kan de kaart niet schrijven"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			args := append([]string{"kaart", "--json", "--png", file}, tc.args...)
			r := mustRun(t, tc.code, args...)
			var out struct {
				Error      string            `json:"error"`
				Candidates []json.RawMessage `json:"candidates"`
			}
			decode(t, r.stdout, &out)
			if !strings.Contains(out.Error, tc.want) {
				t.Errorf("error = %q, want it to contain %q", out.Error, tc.want)
			}
			if out.Candidates == nil {
				t.Errorf("candidates is null, want a list")
			}
		})
	}
	if _, err := os.Stat(file); err == nil {
		t.Errorf("a failed kaart wrote %s", file)
	}
	mustRun(t, exitUsage, "kaart", "--thema", "gezin")               // no --png
	mustRun(t, exitUsage, "kaart", "--png", file, "Gent")            // positional
	mustRun(t, exitUsage, "kaart", "--png", file, "--gemeente", "x") // unknown flag
}
