package chat

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/bondgenoot/bondgenoot/internal/text"
)

// view is what a button needs to redo a page; it travels in custom_id.
//
// What each kind means (redo in commands.go recomputes it):
//
//	"zoek"      a search page: Arg the query, Theme and Province its filters
//	"thema"     the networks with theme Arg (the list of themes when empty)
//	"regio"     the networks in province or place Arg (all regions when empty)
//	"partner"   the networks that name organisation Arg
//	"netwerken" the networks that match all of: partner Arg, theme Theme,
//	            province or place Province
//	"netwerk"   the card of the network with id Arg
//	"factor"    the success factor with id Arg
//	"random"    a random success factor
//	"nuttig"    a "Nuttig?" press on a search answer: Arg "ja" or "nee"
//	"fout"      "Meld een fout" about the card Arg ("netwerk:duosprong"):
//	            the button opens the form, the form's submit stores it
//	"kaart"     a map of the networks that match partner Arg, theme Theme and
//	            province or place Province; with Page 1, Province is a place
//	            and the map shows the networks nearest to it
//
// Page is the page of a search or a list.
type View struct {
	Kind     string // "zoek", "thema", "regio", "partner", "netwerken", "netwerk", "factor", "random"
	Arg      string // query, theme, region, organisation, factor id
	Theme    string // zoek filter
	Province string // zoek filter
	Page     int    // 0-based
}

// Limits of a custom_id and of the values that travel in it.
const (
	MaxCustomID     = 100  // bytes; Discord's limit is 100 characters
	maxViewPage     = 9999 // pages beyond this are not encoded
	maxViewFilter   = 32   // bytes of Theme and Province
	viewSep         = "|"
	viewDefaultRole = 'b'
)

// viewKindNames and viewKindLetters list the kinds and the one letter that
// stands for each in a custom_id, in the same order.
const viewKindLetters = "ztrpnwfahmk"

func viewKindNames() []string {
	return []string{"zoek", "thema", "regio", "partner", "netwerken", "netwerk", "factor", "random", "nuttig", "fout", "kaart"}
}

// kindLetter returns the letter of a kind, or 0.
func kindLetter(kind string) byte {
	for i, k := range viewKindNames() {
		if k == kind {
			return viewKindLetters[i]
		}
	}
	return 0
}

// viewRoles are the letters that may start a custom_id. The role only makes
// custom_ids unique within one message (two components that redo the same
// view must still differ); decoding ignores it.
//
//	b button        p "Vorige"       n "Volgende"      s select menu
//	c clear filter  d did-you-mean    x other
//	e a button that opens its view in a new message only the presser sees
//	  (the daily post's: pressing it must not change the post for everyone)
const viewRoles = "bpnscdxe"

// Roles of a custom_id (see viewRoles).
const (
	RoleButton   byte = 'b' // a button
	RolePrevious byte = 'p' // "Vorige"
	RoleNext     byte = 'n' // "Volgende"
	RoleSelect   byte = 's' // a select menu
	RoleClear    byte = 'c' // clear a filter
	RoleDidYou   byte = 'd' // a did-you-mean button
	RoleOther    byte = 'x'
	// RolePrivate is the role of a button that opens its view privately.
	RolePrivate byte = 'e'
)

// OpensNewMessage reports whether a custom_id is that of a button whose
// answer is a new message instead of a change to the message it is on: a
// map, shown beside the list it was asked from.
func OpensNewMessage(customID string) bool {
	return len(customID) > 1 && customID[1] == kindLetter("kaart")
}

// opensPrivately reports whether a custom_id is that of a button that opens
// its view in a new ephemeral message.
func OpensPrivately(customID string) bool {
	return len(customID) > 0 && customID[0] == RolePrivate
}

// encodeView returns the custom_id of a button that redoes v.
func EncodeView(v View) string { return EncodeViewAs(viewDefaultRole, v) }

// encodeViewAs encodes v with a role letter (one of viewRoles). The layout
// is
//
//	<role><kind letter><page>|<theme>|<province>|<arg>
//
// for example "nz1|onderwijs||brugfiguur". Theme and province lose any "|"
// and are cut to 32 bytes; Arg comes last, so it may hold any character, and
// is cut at a rune boundary so that the whole stays within 100 bytes. Unknown
// kinds encode as "zoek".
func EncodeViewAs(role byte, v View) string {
	if strings.IndexByte(viewRoles, role) < 0 {
		role = viewDefaultRole
	}
	k := kindLetter(v.Kind)
	if k == 0 {
		k = kindLetter("zoek")
	}
	page := min(max(v.Page, 0), maxViewPage)
	field := func(s string, limit int) string {
		return strings.TrimSpace(cutBytes(text.Clean(strings.ReplaceAll(s, viewSep, " "), limit), limit))
	}
	var b strings.Builder
	b.WriteByte(role)
	b.WriteByte(k)
	b.WriteString(strconv.Itoa(page))
	b.WriteString(viewSep)
	b.WriteString(field(v.Theme, maxViewFilter))
	b.WriteString(viewSep)
	b.WriteString(field(v.Province, maxViewFilter))
	b.WriteString(viewSep)
	b.WriteString(strings.TrimSpace(cutBytes(text.Clean(v.Arg, MaxCustomID), MaxCustomID-b.Len())))
	return b.String()
}

// cutBytes cuts s to at most limit bytes at a rune boundary.
func cutBytes(s string, limit int) string {
	if limit <= 0 {
		return ""
	}
	if len(s) <= limit {
		return s
	}
	for limit > 0 && !utf8.RuneStart(s[limit]) {
		limit--
	}
	return s[:limit]
}

// viewError is the error of decodeView; a constant, so that there is no
// package-level variable.
type viewError string

func (e viewError) Error() string { return string(e) }

// errBadView is returned for any custom_id that this version did not make.
const errBadView viewError = "bot: malformed custom_id"

// decodeView reads a custom_id made by encodeView. It never panics; anything
// malformed (too long, unknown kind or role, bad page, invalid UTF-8) is an
// error.
func DecodeView(s string) (View, error) {
	if len(s) < 3 || len(s) > MaxCustomID || !utf8.ValidString(s) {
		return View{}, errBadView
	}
	if strings.IndexByte(viewRoles, s[0]) < 0 {
		return View{}, errBadView
	}
	i := strings.IndexByte(viewKindLetters, s[1])
	if i < 0 {
		return View{}, errBadView
	}
	kind := viewKindNames()[i]
	parts := strings.SplitN(s[2:], viewSep, 4)
	if len(parts) != 4 {
		return View{}, errBadView
	}
	digits := parts[0]
	if digits == "" || len(digits) > 4 || strings.Trim(digits, "0123456789") != "" || len(digits) > 1 && digits[0] == '0' {
		return View{}, errBadView
	}
	page, err := strconv.Atoi(digits)
	if err != nil || page > maxViewPage {
		return View{}, errBadView
	}
	for _, p := range parts[1:] {
		if strings.ContainsFunc(p, func(r rune) bool { return r < ' ' || r == 0x7f }) {
			return View{}, errBadView
		}
	}
	// A client can craft a custom_id: format characters (a right-to-left
	// override, zero-width characters) never reach a reply.
	return View{Kind: kind, Theme: text.StripInvisible(parts[1]), Province: text.StripInvisible(parts[2]), Arg: text.StripInvisible(parts[3]), Page: page}, nil
}

// viewFromComponent returns the view a pressed button or a chosen select
// option asks for. A select menu carries one encoded view per option in its
// values (the custom_id of a select encodes the page it belongs to, so
// decoding the custom_id alone redoes that page); a button carries it in its
// custom_id.
func ViewFromComponent(customID string, values []string) (View, error) {
	if len(values) > 0 {
		return DecodeView(values[0])
	}
	return DecodeView(customID)
}
