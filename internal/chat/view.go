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
//	"hoofdstuk" the chapter (passage) of the guide with id Arg
//	"help"      the help
//
// Page is the page of a search or a list, and the quote shown on a
// success factor's card.
//
// Back is the list a card was opened from (its "Terug" button), or nil. A
// view with Back encodes as kind "open" (letter 'o') and only when both
// travel whole in one custom_id; otherwise Back is left out.
type View struct {
	Kind     string // "zoek", "thema", "regio", "partner", "netwerken", "netwerk", "factor", "random", "hoofdstuk"
	Arg      string // query, theme, region, organisation, factor id
	Theme    string // zoek filter
	Province string // zoek filter
	Page     int    // 0-based
	Back     *View  // the list this card was opened from
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
const viewKindLetters = "ztrpnwfahmkgoq"

func viewKindNames() []string {
	return []string{"zoek", "thema", "regio", "partner", "netwerken", "netwerk", "factor", "random", "nuttig", "fout", "kaart", "hoofdstuk", "open", "help"}
}

// openLetter is the kind letter of a card with the list it came from;
// cardPageSep separates the card's own page (a factor's quote) from its id.
const (
	openLetter  = 'o'
	cardPageSep = "~"
)

// listKind reports whether a view of kind is a list a card can go back to.
func listKind(kind string) bool {
	return kind == "zoek" || kind == "thema" || kind == "regio" || kind == "partner" || kind == "netwerken"
}

// cardKind reports whether a view of kind opens a card that can carry the
// list it came from.
func cardKind(kind string) bool {
	return kind == "netwerk" || kind == "factor" || kind == "hoofdstuk"
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
//	t "Terug": back to the list a card came from
//	u "Deel in dit kanaal": posts the view as a new message everyone sees
const viewRoles = "bpnscdxetu"

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
	RoleBack    byte = 't' // "Terug"
	// RoleShare is the role of "Deel in dit kanaal": the view is posted
	// as a new public message.
	RoleShare byte = 'u'
)

// Shares reports whether a custom_id is that of a "Deel in dit kanaal"
// button.
func Shares(customID string) bool {
	return len(customID) > 0 && customID[0] == RoleShare
}

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
	if v.Back != nil {
		if s, ok := encodeOpen(role, v); ok {
			return s
		}
		v.Back = nil
	}
	k := kindLetter(v.Kind)
	if k == 0 || k == openLetter {
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

// encodeOpen encodes a card with the list it came from:
//
//	<role>o<back page>|<back theme>|<back province>|<card letter><card arg>[~<card page>]|<back letter><back arg>
//
// for example "so0|||wduosprong|zbrugfiguur", or "no0|||flaagdrempeligheid~2|zbrug"
// for the third quote of a factor opened from a search. ok is false when the card
// cannot carry a list (another kind, an arg with "|", a list that has a
// list itself) or when the whole does not fit in 100 bytes uncut.
func encodeOpen(role byte, v View) (string, bool) {
	b := *v.Back
	if !cardKind(v.Kind) || strings.ContainsAny(v.Arg, viewSep+cardPageSep) || v.Arg == "" || b.Back != nil || !listKind(b.Kind) ||
		v.Page < 0 || v.Page > maxViewPage {
		return "", false
	}
	card := v.Arg
	if v.Page > 0 {
		card += cardPageSep + strconv.Itoa(v.Page)
	}
	clean := func(s string) string {
		return strings.TrimSpace(text.Clean(strings.ReplaceAll(s, viewSep, " "), MaxCustomID))
	}
	if clean(b.Theme) != b.Theme || clean(b.Province) != b.Province || len(b.Theme) > maxViewFilter || len(b.Province) > maxViewFilter ||
		strings.TrimSpace(text.Clean(b.Arg, MaxCustomID)) != b.Arg || b.Page < 0 || b.Page > maxViewPage {
		return "", false
	}
	s := string(role) + string(rune(openLetter)) + strconv.Itoa(b.Page) + viewSep + b.Theme + viewSep + b.Province + viewSep +
		string(kindLetter(v.Kind)) + card + viewSep + string(kindLetter(b.Kind)) + b.Arg
	if len(s) > MaxCustomID {
		return "", false
	}
	return s, true
}

// decodeOpen reads the rest of an "open" custom_id (after the theme and
// province): the card, then the list.
func decodeOpen(back View, rest string) (View, error) {
	i := strings.Index(rest, viewSep)
	if i < 2 || i == len(rest)-1 {
		return View{}, errBadView
	}
	card, list := rest[:i], rest[i+1:]
	ck := strings.IndexByte(viewKindLetters, card[0])
	bk := strings.IndexByte(viewKindLetters, list[0])
	if ck < 0 || bk < 0 {
		return View{}, errBadView
	}
	kind, bkind := viewKindNames()[ck], viewKindNames()[bk]
	if !cardKind(kind) || !listKind(bkind) {
		return View{}, errBadView
	}
	arg, page := card[1:], 0
	if a, digits, ok := strings.Cut(arg, cardPageSep); ok {
		n, err := strconv.Atoi(digits)
		if err != nil || n <= 0 || n > maxViewPage || digits[0] == '0' || strings.Trim(digits, "0123456789") != "" {
			return View{}, errBadView
		}
		arg, page = a, n
	}
	if arg == "" {
		return View{}, errBadView
	}
	back.Kind, back.Arg = bkind, list[1:]
	return View{Kind: kind, Arg: arg, Page: page, Back: &back}, nil
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
	theme, province, arg := text.StripInvisible(parts[1]), text.StripInvisible(parts[2]), text.StripInvisible(parts[3])
	if kind == "open" {
		return decodeOpen(View{Theme: theme, Province: province, Page: page}, arg)
	}
	return View{Kind: kind, Theme: theme, Province: province, Arg: arg, Page: page}, nil
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
