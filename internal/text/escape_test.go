package text

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestEscapeMarkdown(t *testing.T) {
	tests := []struct{ in, want string }{
		{"brugfiguur", "brugfiguur"},
		{"Eén gezin – één plan, 09:30 u (Gent)", "Eén gezin – één plan, 09:30 u (Gent)"},
		// The attack of issue 14: a masked link in a mention.
		{"x[Download de gids (PDF)](https://evil.example/gids.pdf)x", `x\[Download de gids (PDF)\](https\:\/\/evil.example\/gids.pdf)x`},
		{"zie https://evil.example", `zie https\:\/\/evil.example`},
		{"<https://evil.example>", `\<https\:\/\/evil.example\>`},
		{"discord.gg/abc en discord.com/invite/x", `discord.gg\/abc en discord.com\/invite\/x`},
		{"/zoek en/of", `/zoek en\/of`},
		{"@everyone kijk", "@\u200beveryone kijk"},
		{"@Here", "@\u200bHere"},
		{"mail a@b.be", "mail a@b.be"},
		{"<@123456789012345678>", `\<@123456789012345678\>`},
		{"<@&123>", `\<@&123\>`},
		{"<#123>", `\<\#123\>`},
		{"<t:1700000000:R>", `\<t:1700000000:R\>`},
		{"# Kop", `\# Kop`},
		{"a\n## kop", "a\n\\#\\# kop"},
		{"-# klein", `-\# klein`},
		{"- lijst", `\- lijst`},
		{"  + lijst", `  \+ lijst`},
		{"-5 graden", "-5 graden"},
		{"1. eerste", `1\. eerste`},
		{"a\n 12) twaalf", "a\n 12\\) twaalf"},
		{"3.5 kinderen", "3.5 kinderen"},
		{"sint-niklaas - gent", "sint-niklaas - gent"},
		{"> citaat", `\> citaat`},
		{">>> blok", `\>\>\> blok`},
		{"**vet** _schuin_ ~~door~~ ||verklap|| `code`", `\*\*vet\*\* \_schuin\_ \~\~door\~\~ \|\|verklap\|\| \` + "`code\\`"},
		{`een \ backslash \*`, `een \\ backslash \\\*`},
		{"rechts\u202Eftp.exe", "rechtsftp.exe"},
		{"zero\u200bwidth\u2066iso\u2069", "zerowidthiso"},
		{"bel\x07 \x1b[31m", "bel \\[31m"},
		{"lijn\r\nlijn", "lijn\nlijn"},
		{"kapot \xff utf8", "kapot  utf8"},
		{"echt \ufffd teken", "echt \ufffd teken"},
		{"09:00", "09:00"},
		{"@\u200beveryone", "@\u200beveryone"},
		{"+\x06 lijst", `\+ lijst`},
		{"https:\u200b//x", `https\:\/\/x`},
	}
	for _, tt := range tests {
		if got := EscapeMarkdown(tt.in); got != tt.want {
			t.Errorf("EscapeMarkdown(%q)\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
}

func TestStripInvisible(t *testing.T) {
	tests := []struct{ in, want string }{
		{"netwerk-gent", "netwerk-gent"},
		{"a\u202Eb\u202Ac\u202Bd\u202Ce\u202Df", "abcdef"},
		{"\u2066x\u2067y\u2068z\u2069", "xyz"},
		{"\u200e\u200f\u061c\u200b\u200c\u200d\u2060\ufeffw", "w"},
		{"a\nb\tc\x00d\x7f", "abcd"},
		{"a\u2028b\u2029c", "abc"},
		{"\u3164\u115f\ufe0fx\u00ad", "x"},
		{"ok \xff\xfe", "ok "},
		{"één 👍", "één 👍"},
	}
	for _, tt := range tests {
		if got := StripInvisible(tt.in); got != tt.want {
			t.Errorf("StripInvisible(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestLabel(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Netwerk Gent", "Netwerk Gent"},
		{"  twee\n\nregels\t en\u202E meer  ", "twee regels en meer"},
		{"[x](https://e.x)", "[x](https://e.x)"}, // labels render no markdown
		{"", ""},
	}
	for _, tt := range tests {
		if got := Label(tt.in); got != tt.want {
			t.Errorf("Label(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// unescapeMarkdown is what Discord shows of escaped text: a backslash
// before a character shows the character alone, and the zero-width space
// after an "@" shows nothing.
func unescapeMarkdown(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			i++
		} else if s[i] == '@' && strings.HasPrefix(s[i+1:], "\u200b") {
			b.WriteByte('@')
			i += len("\u200b")
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// markdownHazard returns what in text meant to show as typed Discord
// could still read as syntax, or "": an unescaped syntax character, "://",
// an invite, an @everyone or @here, or a list at the start of a line.
func markdownHazard(e string) string {
	low := strings.ToLower(e)
	for _, bad := range []string{"://", "@everyone", "@here", "discord.gg/", "/invite/"} {
		if strings.Contains(low, bad) {
			return "contains " + bad
		}
	}
	lineStart, digits := true, false
	for i := 0; i < len(e); i++ {
		c := e[i]
		if c == '\\' {
			if i+1 == len(e) {
				return "ends in a lone backslash"
			}
			i++
			lineStart, digits = false, false
			continue
		}
		if strings.IndexByte(markdownSyntax, c) >= 0 {
			return fmt.Sprintf("unescaped %c at byte %d", c, i)
		}
		if (lineStart && (c == '-' || c == '+') || digits && (c == '.' || c == ')')) && spaceNext(e[i+1:]) {
			return "a list at the start of a line"
		}
		switch {
		case c == '\n':
			lineStart, digits = true, false
		case lineStart && (c == ' ' || c == '\t'):
		case (lineStart || digits) && c >= '0' && c <= '9':
			lineStart, digits = false, true
		default:
			lineStart, digits = false, false
		}
	}
	for _, r := range e {
		if r != '\n' && r != '\t' && r != '\u200b' && invisible(r) {
			return "an invisible character"
		}
	}
	return ""
}

// FuzzEscapeMarkdown: escaped input shows exactly the input without its
// invisible characters, and holds nothing Discord would read as a link,
// mention, heading, list, quote or formatting. Seeds are in
// testdata/fuzz/FuzzEscapeMarkdown.
func FuzzEscapeMarkdown(f *testing.F) {
	for _, s := range []string{"x[a](https://e.x)x", "@everyone", "# kop\n1. x", "\\", "\u202Eabc", "a\xffb"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		e := EscapeMarkdown(s)
		if !utf8.ValidString(e) {
			t.Fatalf("EscapeMarkdown(%q) = %q: invalid UTF-8", s, e)
		}
		if h := markdownHazard(e); h != "" {
			t.Fatalf("EscapeMarkdown(%q) = %q: %s", s, e, h)
		}
		if got := unescapeMarkdown(e); got != keepLines(s) {
			t.Fatalf("EscapeMarkdown(%q) shows %q, want %q", s, got, keepLines(s))
		}
		if l := Label(s); strings.ContainsFunc(l, func(r rune) bool { return invisible(r) || r == '\n' }) {
			t.Fatalf("Label(%q) = %q keeps an invisible character or a newline", s, l)
		}
		if st := StripInvisible(s); strings.ContainsFunc(st, invisible) || !utf8.ValidString(st) {
			t.Fatalf("StripInvisible(%q) = %q", s, st)
		}
	})
}

// keepLines is s without invisible characters and invalid UTF-8, but with
// its newlines and tabs: what EscapeMarkdown must show.
func keepLines(s string) string {
	var b strings.Builder
	for i, r := range s {
		if r == '\n' || r == '\t' || !invisible(r) && !(r == utf8.RuneError && isInvalidAt(s, i)) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func BenchmarkEscapeMarkdown(b *testing.B) {
	s := strings.Repeat("wie werkt samen met x[Download de gids (PDF)](https://evil.example/gids.pdf)x @everyone ", 4)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		_ = EscapeMarkdown(s)
	}
}
