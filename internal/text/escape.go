package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// markdownSyntax are the characters that Discord may read as syntax
// wherever they stand in text that is rendered as markdown: emphasis and
// code (* _ ~ `), spoilers (|), masked links ([ ]), mentions, channels,
// emoji and timestamps (< >), headings (#), quotes (>) and the escape itself
// (\). EscapeMarkdown writes each with a backslash before it, which Discord
// shows as the character alone. Others are escaped only where they make
// syntax (see EscapeMarkdown), so that ordinary text stays as it is.
const markdownSyntax = "\\*_~`|[]<>#"

// EscapeMarkdown makes a piece of user input safe to echo in text that
// Discord renders as markdown (message content, embed descriptions and
// field values): it shows as typed, and can never become a link (masked
// "[x](url)", a raw "https://…" or an invite "discord.gg/…"), a mention
// ("<@id>", "<#id>", "<@&id>", "@everyone", "@here"), a heading, a list, a
// quote block, subtext, or formatting that runs on past it. Control and
// format characters (bidi overrides, zero-width characters) are dropped,
// except newlines and tabs, as is invalid UTF-8.
//
// Only Discord's markdown escapes are used, so nothing extra shows: a
// backslash before a punctuation character shows the character alone.
// Besides markdownSyntax, always escaped, it escapes a ":" before "//"
// ("https\://x" is no link: Discord's link detection needs "://" in one
// piece), a "/" right after another character (invites need "gg/" in one
// piece), and "-", "+" or the "." or ")" after a number at the start of a
// line before a space (lists). "@everyone" and "@here" get a zero-width
// space after the "@", as Discord's own clients do, so that they are no
// mention even where markdown is not read.
func EscapeMarkdown(s string) string {
	var b strings.Builder
	b.Grow(len(s) + len(s)/4 + 4)
	lineStart := true // only spaces and tabs since the start of the line
	digits := false   // and then only digits
	prev := ' '       // the last rune written, space at the start
	s = visible(s)
	for i, r := range s {
		rest := s[i+utf8.RuneLen(r):]
		switch {
		case strings.ContainsRune(markdownSyntax, r),
			r == ':' && strings.HasPrefix(rest, "//"),
			r == '/' && !unicode.IsSpace(prev),
			(lineStart && (r == '-' || r == '+') || digits && (r == '.' || r == ')')) && spaceNext(rest):
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '@' && mentionWord(rest):
			b.WriteString("@\u200b")
		default:
			b.WriteRune(r)
		}
		prev = r
		switch {
		case r == '\n':
			lineStart, digits = true, false
		case lineStart && (r == ' ' || r == '\t'):
		case (lineStart || digits) && r >= '0' && r <= '9':
			lineStart, digits = false, true
		default:
			lineStart, digits = false, false
		}
	}
	return b.String()
}

// visible is s without invalid UTF-8 and invisible characters, but with
// its newlines and tabs.
func visible(s string) string {
	clean := true
	for i, r := range s {
		if r != '\n' && r != '\t' && invisible(r) || r == utf8.RuneError && isInvalidAt(s, i) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i, r := range s {
		if r != '\n' && r != '\t' && invisible(r) || r == utf8.RuneError && isInvalidAt(s, i) {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// spaceNext reports whether s starts with a space or tab, or is empty.
func spaceNext(s string) bool {
	return s == "" || s[0] == ' ' || s[0] == '\t'
}

// mentionWord reports whether s starts with "everyone" or "here" (in any
// case), what "@" makes a mention of.
func mentionWord(s string) bool {
	for _, w := range []string{"everyone", "here"} {
		if len(s) >= len(w) && strings.EqualFold(s[:len(w)], w) {
			return true
		}
	}
	return false
}

// isInvalidAt reports whether the RuneError at byte i of s is invalid UTF-8
// (and not a real U+FFFD).
func isInvalidAt(s string, i int) bool {
	_, size := utf8.DecodeRuneInString(s[i:])
	return size <= 1
}

// invisible reports whether r is a control or format character, or one of
// the other characters that show as nothing: bidi overrides and isolates
// (U+202A–202E, U+2066–2069), marks (U+200E, U+200F, U+061C), zero-width
// characters (U+200B–200D, U+2060, U+FEFF), line and paragraph separators,
// soft hyphens, variation selectors and the Hangul fillers.
func invisible(r rune) bool {
	switch {
	case unicode.Is(unicode.Cf, r), unicode.IsControl(r),
		unicode.Is(unicode.Zl, r), unicode.Is(unicode.Zp, r):
		return true
	case r == 0x034F, r == 0x115F, r == 0x1160, r == 0x3164, r == 0xFFA0,
		r >= 0x180B && r <= 0x180F, r >= 0xFE00 && r <= 0xFE0F, r >= 0xE0100 && r <= 0xE01EF:
		return true
	}
	return false
}

// StripInvisible removes control and format characters (bidi overrides and
// isolates, zero-width characters, direction marks; see invisible) and
// invalid UTF-8 from s. It is for everything decoded out of a custom_id
// (which a client can craft at will) before it reaches a reply.
func StripInvisible(s string) string {
	clean := true
	for i, r := range s {
		if invisible(r) || r == utf8.RuneError && isInvalidAt(s, i) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i, r := range s {
		if invisible(r) || r == utf8.RuneError && isInvalidAt(s, i) {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Label makes user input safe for text that Discord shows without markdown
// (menu and button labels, autocomplete choices, footers): invisible
// characters are dropped, and every run of white space, newlines included,
// becomes one space. No escaping: a backslash would show there.
func Label(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i, r := range s {
		switch {
		case r == utf8.RuneError && isInvalidAt(s, i):
		case unicode.IsSpace(r):
			space = true
		case invisible(r):
		default:
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		}
	}
	return b.String()
}
