package text

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestFoldNormalizeCompact(t *testing.T) {
	tests := []struct{ in, fold, norm, compact string }{
		{"Creëren", "creeren", "creeren", "creeren"},
		{"'t kan OKANders", "'t kan okanders", "t kan okanders", "tkanokanders"},
		{"1Gezin-1Plan", "1gezin-1plan", "1gezin 1plan", "1gezin1plan"},
		{"Eén gezin – Eén plan", "een gezin – een plan", "een gezin een plan", "eengezineenplan"},
		{"  SAAMO  prov. Antwerpen ", "  saamo  prov. antwerpen ", "saamo prov antwerpen", "saamoprovantwerpen"},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.fold {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.fold)
		}
		if got := Normalize(tt.in); got != tt.norm {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.norm)
		}
		if got := Compact(tt.in); got != tt.compact {
			t.Errorf("Compact(%q) = %q, want %q", tt.in, got, tt.compact)
		}
	}
}

func TestDistance(t *testing.T) {
	tests := []struct {
		a, b      string
		max, want int
	}{
		{"brugfiguur", "brugfiguer", 2, 1},
		{"kitten", "sitting", 3, 3},
		{"", "abc", 5, 3},
		{"abcdef", "uvwxyz", 2, 3}, // stops early: max+1
		{"één", "een", 2, 2},
	}
	for _, tt := range tests {
		if got := Distance(tt.a, tt.b, tt.max); got != tt.want {
			t.Errorf("Distance(%q, %q, %d) = %d, want %d", tt.a, tt.b, tt.max, got, tt.want)
		}
	}
}

func TestTruncate(t *testing.T) {
	long := strings.Repeat("Dit is een zin over armoede. ", 40)
	tests := []struct {
		in    string
		limit int
		more  string
		want  string // prefix of the result, or the whole result when it fits
	}{
		{"kort", 10, "", "kort"},
		{long, 100, "", "Dit is een zin over armoede."},
		{strings.Repeat("woord ", 50), 40, "", "woord woord"},
		{long, 120, "(lees verder)", "Dit is een zin"},
	}
	for _, tt := range tests {
		got := Truncate(tt.in, tt.limit, tt.more)
		if n := utf8.RuneCountInString(got); n > tt.limit {
			t.Errorf("Truncate(%.20q, %d) has %d runes", tt.in, tt.limit, n)
		}
		if !strings.HasPrefix(got, tt.want) {
			t.Errorf("Truncate(%.20q, %d) = %q, want it to start with %q", tt.in, tt.limit, got, tt.want)
		}
		if utf8.RuneCountInString(tt.in) > tt.limit && !strings.Contains(got, "…") {
			t.Errorf("Truncate(%.20q, %d) = %q: a cut text ends with …", tt.in, tt.limit, got)
		}
		if tt.more != "" && utf8.RuneCountInString(tt.in) > tt.limit && !strings.HasSuffix(got, tt.more) {
			t.Errorf("Truncate(%.20q, %d, %q) = %q: lacks the pointer", tt.in, tt.limit, tt.more, got)
		}
	}
	// Never longer than the limit, whatever the limit.
	for limit := 1; limit < 60; limit++ {
		if got := Truncate(long, limit, "(meer)"); utf8.RuneCountInString(got) > limit {
			t.Fatalf("Truncate(long, %d) = %q is too long", limit, got)
		}
	}
}

func TestClean(t *testing.T) {
	tests := []struct {
		in    string
		limit int
		want  string
	}{
		{"  brug\u200bfiguur  ", 100, "brugfiguur"},
		{"vrije\t\ntijd", 100, "vrije tijd"},
		{"a\xffb", 100, "a b"},
		{"\u202eokan\u202c", 100, "okan"},
		{strings.Repeat("x", 50), 10, strings.Repeat("x", 10)},
		{"\x00\x07", 10, ""},
	}
	for _, tt := range tests {
		if got := Clean(tt.in, tt.limit); got != tt.want {
			t.Errorf("Clean(%q, %d) = %q, want %q", tt.in, tt.limit, got, tt.want)
		}
	}
}

func TestSentences(t *testing.T) {
	for _, tt := range []struct {
		s     string
		limit int
		want  string
	}{
		{"Kort.", 80, "Kort."},
		{"Een eerste zin. Een tweede zin die te lang is.", 30, "Een eerste zin."},
		{"Een eerste zin. Tweede!", 23, "Een eerste zin. Tweede!"},
		{"Een eerste zin. Tweede! Derde", 23, "Een eerste zin. Tweede!"},
		{"Zin één? Zin twee.", 12, "Zin één?"},
		{"Een heel lange eerste zin zonder einde in zicht", 20, "Een heel lange…"},
		{"Versie 1.5 is uit. Meer", 12, "Versie 1.5…"},
	} {
		if got := Sentences(tt.s, tt.limit); got != tt.want {
			t.Errorf("Sentences(%q, %d) = %q, want %q", tt.s, tt.limit, got, tt.want)
		}
	}
}
