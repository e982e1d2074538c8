package chat

import (
	"slices"
	"strings"
	"unicode"

	"github.com/bondgenoot/bondgenoot/content"
	"github.com/bondgenoot/bondgenoot/index"
	"github.com/bondgenoot/bondgenoot/internal/text"
)

// mentionQuery is what a message that mentions the bot asks for.
//
//   - Partner set: a partner look-up ("wie werkt samen met X", "partners van
//     X", …), narrowed by Theme, Province or Place when the message names
//     them ("… in Limburg"). Query is then empty.
//   - Theme, Province or Place set and Query empty: the networks that match
//     these filters ("netwerken rond vrije tijd in Gent", "onderwijs in
//     Limburg", "Gent").
//   - Query set: a search. Theme and Province (only when the message
//     introduced them: "rond onderwijs", "in Limburg") filter it; a place
//     cannot filter a search, so its words stay in Query as well.
//   - Near set (and no Partner or Query): the networks in that place of
//     the gazetteer, or the nearest ones.
//   - Nothing set: the message held only the mention (or only filler words);
//     answer with the help.
type MentionQuery struct {
	Partner  string // organisation for "wie werkt samen met X", "partners van X", "netwerken met X"
	Theme    string // canonical theme found in the text ("vrije tijd")
	Province string // canonical province
	Place    string // place/municipality
	Query    string // the rest, for a search when no partner/theme/place applies
	// Near is a place of the gazetteer asked about by nearness ("in de buurt
	// van Gent", "dichtbij Kortrijk", "rond Aalst", or "in" a place without a
	// network of the guide): the networks there, or the nearest.
	Near string
}

// Limits that keep parsing cheap whatever is typed.
const (
	maxMentionRunes  = 500 // longer messages are cut
	maxMentionTokens = 80  // words looked at
	maxNgram         = 6   // words in a theme, place or organisation name
)

// mentionTriggers are the phrasings that ask who works with an organisation,
// as folded words; "er" may appear after the verb ("wie werkt er samen met").
func mentionTriggers() [][]string {
	return [][]string{
		{"werkt", "samen", "met"},
		{"werken", "samen", "met"},
		{"werkte", "samen", "met"},
		{"samenwerken", "met"},
		{"samenwerkt", "met"},
		{"samen", "werken", "met"},
		{"samenwerking", "met"},
		{"partners", "van"},
		{"partner", "van"},
		{"bondgenoten", "van"},
		{"netwerken", "met"},
		{"netwerk", "met"},
	}
}

// nearPhrases ask for what is near a place, as folded words, longest
// first: "in de buurt van Gent", "dichtbij Kortrijk", "rond Aalst".
func nearPhrases() [][]string {
	return [][]string{
		{"in", "de", "buurt", "van"},
		{"in", "de", "omgeving", "van"},
		{"in", "de", "regio", "van"},
		{"in", "de", "streek", "van"},
		{"in", "de", "omstreken", "van"},
		{"buurt", "van"},
		{"omgeving", "van"},
		{"omstreken", "van"},
		{"dicht", "bij"},
		{"vlak", "bij"},
		{"dichtbij"},
		{"vlakbij"},
		{"nabij"},
		{"rondom"},
		{"rond"},
	}
}

// Words that introduce a filter.
const (
	placeWords = " in uit te rond binnen "
	themeWords = " rond rondom over thema themas voor "
	// skipAfterPrep are words between such a word and the filter: "in de
	// provincie Limburg", "rond het thema vrije tijd".
	skipAfterPrep = " de het den provincie regio stad gemeente thema buurt omgeving "
)

// listWords carry no search meaning in a message to the bot beyond the
// question's own filler (index.IsFiller, shared with the search): a message
// of only filler, these and filters is a list of networks.
const listWords = " netwerken netwerk bondgenotennetwerken bondgenotennetwerk lokale lokaal bondgenoten " +
	"thema themas provincie regio gemeente stad actief werken werkt " +
	"zoiets ken kent weet woon woont wonen buurt omgeving dichtbij nabij vlakbij dicht "

// isFiller reports whether a folded word says nothing about what to find.
func isFiller(key string) bool { return index.IsFiller(key) || inList(listWords, key) }

// searchWords start a message that is a search: "zoek brugfiguur".
const searchWords = " zoek zoeken zoekt vind vinden "

func inList(list, word string) bool {
	return word != "" && strings.Contains(list, " "+word+" ")
}

// token is one word of the message: as typed (without punctuation around
// it) and its compact form for comparisons.
type token struct {
	raw  string
	key  string
	used bool
}

// parseMention reads a message that mentions the bot: it strips the bot's
// mention (<@ID> and <@!ID>, and any other mention), punctuation and
// invisible characters, recognises a partner look-up and theme, province and
// place filters, and keeps the rest as a search. It never panics and does a
// bounded amount of work on any input.
func ParseMention(c *content.Corpus, botID, message string) MentionQuery {
	var q MentionQuery
	toks := mentionTokens(botID, message)
	if len(toks) == 0 || c == nil {
		return q
	}
	m := &matcher{c: c}

	// A partner look-up: the organisation follows the trigger phrase.
	if start, end := findTrigger(toks); start >= 0 {
		for i := start; i < end; i++ {
			toks[i].used = true
		}
		partner, network := m.partnerAfter(toks, end, &q)
		if partner != "" {
			// Filters anywhere else narrow the look-up ("in Limburg wie
			// werkt samen met CAW"); other words are ignored.
			q.Partner = partner
			m.nearFilter(toks, &q)
			m.introducedFilters(toks, &q)
			// Place or theme words right after the name narrow it too
			// ("Brede School Beringen"); anything else is ignored.
			var rest []token
			for _, t := range toks {
				if !t.used {
					rest = append(rest, t)
				}
			}
			m.bareFilters(rest, &q)
			return q
		}
		if network != "" {
			// "partners van Duosprong": search the network.
			q.Query = network
			return q
		}
		// No organisation after the trigger: the filters or the help.
	}

	// A place asked about by nearness: "in de buurt van Gent".
	m.nearFilter(toks, &q)
	// Filters that a word introduces: "in Limburg", "rond vrije tijd".
	m.introducedFilters(toks, &q)

	var rest []token
	for _, t := range toks {
		if !t.used {
			rest = append(rest, t)
		}
	}
	meaningful := 0
	for _, t := range rest {
		// "ik zoek iets dichtbij Leuven": with a place, "zoek" asks for it.
		if !isFiller(t.key) && !(q.Near != "" && inList(searchWords, t.key)) {
			meaningful++
		}
	}
	if meaningful == 0 {
		return q
	}
	// Only theme, province and place words: a list of networks.
	if m.bareFilters(rest, &q) {
		return q
	}
	// A search for the rest.
	words := make([]string, 0, len(rest))
	for i, t := range rest {
		if i == 0 && inList(searchWords, t.key) && len(rest) > 1 {
			continue
		}
		if i == 1 && inList(searchWords, rest[0].key) && (t.key == "naar" || t.key == "op") && len(rest) > 2 {
			continue
		}
		words = append(words, t.raw)
	}
	if q.Place != "" {
		words = append(words, q.Place)
	}
	if q.Near != "" {
		words = append(words, q.Near)
	}
	q.Query = strings.Join(words, " ")
	return q
}

// commonWords are names of sub-municipalities that are also ordinary words
// (of five letters or more; shorter names of sub-municipalities are never
// read as a place without a nearness phrase).
const commonWords = " mater outer bevel "

// likelyPlace reports whether words naming places ps mean a place even
// without a nearness phrase: a (former) municipality always, a
// sub-municipality when its name is no short or common word.
func likelyPlace(ps []*content.Place, words string) bool {
	for _, p := range ps {
		if p.Kind != content.KindSubMunicipality {
			return true
		}
	}
	key := text.Compact(words)
	return len(key) >= 5 && !inList(commonWords, key)
}

// nearFilter finds the first nearness phrase followed by a place or a
// province ("in de buurt van Gent", "dichtbij de stad Brugge", "rond
// Aalst"), sets Near (or Province) and marks the words used. After "rond" a
// theme goes first: "rond vrije tijd" is left to the theme filter.
func (m *matcher) nearFilter(toks []token, q *MentionQuery) {
	for i := 0; i < len(toks); i++ {
		for _, ph := range nearPhrases() {
			end := i
			for k := 0; k < len(ph) && end < len(toks) && !toks[end].used && toks[end].key == ph[k]; k++ {
				end++
			}
			if end-i != len(ph) {
				continue
			}
			j := end
			for j < len(toks) && !toks[j].used && inList(skipAfterPrep, toks[j].key) && j-end < 3 {
				j++
			}
			if j >= len(toks) {
				continue
			}
			isRond := ph[0] == "rond" || ph[0] == "rondom"
			n := longest(toks, j, func(w string) bool {
				if isRond && m.theme(w) != "" {
					return false
				}
				p, pl, near := m.region(w, false)
				return p != "" || pl != "" || near != ""
			})
			if n == 0 {
				continue
			}
			words := joinRaw(toks[j : j+n])
			p, pl, near := m.region(words, false)
			switch {
			case p != "":
				q.Province = p
			case near != "":
				q.Near = near
			default:
				q.Near = pl
			}
			markUsed(toks, i, j+n)
			return
		}
	}
}

// mentionTokens strips mentions and punctuation and splits the message into
// words.
func mentionTokens(botID, message string) []token {
	s := strings.ToValidUTF8(message, " ")
	if len(s) > 4*maxMentionRunes {
		s = s[:4*maxMentionRunes]
	}
	if botID != "" {
		s = strings.ReplaceAll(s, "<@"+botID+">", " ")
		s = strings.ReplaceAll(s, "<@!"+botID+">", " ")
	}
	s = stripMentions(s)
	s = text.Clean(s, maxMentionRunes)
	var toks []token
	for _, f := range strings.Fields(s) {
		raw := strings.TrimFunc(f, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		if strings.HasPrefix(strings.ToLower(raw), "@") {
			continue
		}
		key := text.Compact(raw)
		if key == "" {
			continue
		}
		if len(toks) == 0 && (key == "bondgenoot" || key == "bondgenootbot") && strings.HasPrefix(f, "@") {
			continue // "@bondgenoot" typed as text
		}
		toks = append(toks, token{raw: raw, key: key})
		if len(toks) == maxMentionTokens {
			break
		}
	}
	return toks
}

// stripMentions removes Discord mention tokens: users <@1>, <@!1>, roles
// <@&1>, channels <#1>, custom emoji <:name:1> and <a:name:1>, and
// @everyone/@here.
func stripMentions(s string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			b.WriteString(s)
			break
		}
		j := strings.IndexByte(s[i:], '>')
		if j < 0 {
			b.WriteString(s)
			break
		}
		if k := strings.LastIndexByte(s[:i+j], '<'); k > i {
			b.WriteString(s[:k]) // "<<@1>": the mention starts at the last "<"
			s, i, j = s[k:], 0, i+j-k
		}
		inner := s[i+1 : i+j]
		if isMentionToken(inner) {
			b.WriteString(s[:i])
			b.WriteByte(' ')
		} else {
			b.WriteString(s[:i+j+1])
		}
		s = s[i+j+1:]
	}
	out := b.String()
	for _, w := range []string{"@everyone", "@here"} {
		out = strings.ReplaceAll(out, w, " ")
	}
	return out
}

func isMentionToken(inner string) bool {
	for _, p := range []string{"@!", "@&", "@", "#", ":", "a:"} {
		if rest, ok := strings.CutPrefix(inner, p); ok && rest != "" {
			if p == ":" || p == "a:" {
				// <:name:123>
				if k := strings.LastIndexByte(rest, ':'); k >= 0 && isDigits(rest[k+1:]) {
					return true
				}
				continue
			}
			if isDigits(rest) {
				return true
			}
		}
	}
	return false
}

func isDigits(s string) bool {
	return s != "" && strings.Trim(s, "0123456789") == ""
}

// findTrigger returns the token range of the first partner phrasing, or -1.
func findTrigger(toks []token) (start, end int) {
	for i := range toks {
		for _, trig := range mentionTriggers() {
			j, k := i, 0
			for j < len(toks) && k < len(trig) {
				switch {
				case toks[j].key == trig[k]:
					j++
					k++
				case k == 1 && toks[j].key == "er":
					j++ // "werkt er samen met"
				default:
					k = len(trig) + 1
				}
			}
			if k == len(trig) {
				return i, j
			}
		}
	}
	return -1, -1
}

// matcher resolves words against the corpus: themes, provinces, places and
// the partner directory, all looked up in what the corpus computed at load.
type matcher struct {
	c *content.Corpus
}

// org returns the canonical name of the organisation spelled s, or "".
func (m *matcher) org(s string) (string, bool) {
	k := content.OrgKey(s)
	if k == "" {
		return "", false
	}
	if o := m.c.OrganisationByKey(k); o != nil {
		return o.Name, true
	}
	return "", false
}

func joinRaw(toks []token) string {
	words := make([]string, len(toks))
	for i, t := range toks {
		words[i] = t.raw
	}
	return strings.Join(words, " ")
}

// region resolves words to a province, a place of the guide's networks, or
// else a place of the gazetteer (near: its name, or the words as typed when
// they name several places, so that the answer asks which). strict is for
// words without a nearness phrase before them ("in meer detail", a bare
// word): then a sub-municipality counts only when its name is no common
// word (see commonWords).
func (m *matcher) region(words string, strict bool) (province, place, near string) {
	if words == "" {
		return "", "", ""
	}
	if p, ok := content.FindProvince(words); ok {
		return p, "", ""
	}
	if pl := m.c.FindPlace(words); pl != "" {
		return "", pl, ""
	}
	if g := m.c.Gazetteer(); g != nil {
		ps := g.Named(words)
		if len(ps) == 0 || strict && !likelyPlace(ps, words) {
			return "", "", ""
		}
		for _, p := range ps[1:] {
			if p.Name != ps[0].Name {
				return "", "", words
			}
		}
		return "", "", ps[0].Name
	}
	return "", "", ""
}

// theme resolves words to a canonical theme.
func (m *matcher) theme(words string) string {
	if words == "" {
		return ""
	}
	if t := m.c.FindTheme(words); t != nil {
		return t.Name
	}
	return ""
}

// longest returns the length of the longest run of unused tokens from i
// (at most maxNgram) that ok accepts, and ok's result for it.
func longest(toks []token, i int, ok func(words string) bool) int {
	best := 0
	for n := 1; n <= maxNgram && i+n <= len(toks); n++ {
		if toks[i+n-1].used {
			break
		}
		if ok(joinRaw(toks[i : i+n])) {
			best = n
		}
	}
	return best
}

// introducedFilters finds filters introduced by a word ("in Limburg", "rond
// vrije tijd", "in de provincie Antwerpen") among the unused tokens, sets
// them on q and marks their tokens used. The first of each kind counts.
func (m *matcher) introducedFilters(toks []token, q *MentionQuery) {
	for i := 0; i < len(toks); i++ {
		if toks[i].used {
			continue
		}
		isPlace, isTheme := inList(placeWords, toks[i].key), inList(themeWords, toks[i].key)
		if !isPlace && !isTheme {
			continue
		}
		j := i + 1
		for j < len(toks) && !toks[j].used && inList(skipAfterPrep, toks[j].key) && j-i < 4 {
			j++
		}
		if j >= len(toks) {
			continue
		}
		if isPlace && q.Province == "" && q.Place == "" && q.Near == "" {
			if n := longest(toks, j, func(w string) bool { p, pl, near := m.region(w, true); return p != "" || pl != "" || near != "" }); n > 0 {
				q.Province, q.Place, q.Near = m.region(joinRaw(toks[j:j+n]), true)
				markUsed(toks, i, j+n)
				i = j + n - 1
				continue
			}
		}
		if isTheme && q.Theme == "" {
			if n := longest(toks, j, func(w string) bool { return m.theme(w) != "" }); n > 0 {
				q.Theme = m.theme(joinRaw(toks[j : j+n]))
				markUsed(toks, i, j+n)
				i = j + n - 1
			}
		}
	}
}

func markUsed(toks []token, from, to int) {
	for k := from; k < to && k < len(toks); k++ {
		toks[k].used = true
	}
}

// bareFilters reports whether every content word of rest is a theme,
// province or place (at most one of each), and then sets them on q.
func (m *matcher) bareFilters(rest []token, q *MentionQuery) bool {
	found := *q
	for i := 0; i < len(rest); {
		filler := isFiller(rest[i].key) || found.Near != "" && inList(searchWords, rest[i].key)
		if filler && m.theme(rest[i].raw) == "" {
			i++
			continue
		}
		if n := longest(rest, i, func(w string) bool { return m.theme(w) != "" }); n > 0 && found.Theme == "" {
			found.Theme = m.theme(joinRaw(rest[i : i+n]))
			i += n
			continue
		}
		if n := longest(rest, i, func(w string) bool { p, pl, near := m.region(w, true); return p != "" || pl != "" || near != "" }); n > 0 && found.Province == "" && found.Place == "" && found.Near == "" {
			found.Province, found.Place, found.Near = m.region(joinRaw(rest[i:i+n]), true)
			i += n
			continue
		}
		return false
	}
	*q = found
	return true
}

// partnerAfter resolves the organisation named after a trigger ending at
// token from: the longest run of words that is a name or alias in the
// partner directory, else the words up to a filter or the end, as typed. It
// marks the words it takes as used. It returns no partner when nothing
// follows, and the words as network when they name a network rather than a
// partner ("partners van Duosprong").
func (m *matcher) partnerAfter(toks []token, from int, q *MentionQuery) (partner, network string) {
	// Skip articles and "er" between the trigger and the name.
	for from < len(toks) && (toks[from].key == "er" || toks[from].key == "de" || toks[from].key == "het") {
		if from+1 < len(toks) {
			if _, ok := m.org(joinRaw(toks[from : from+2])); ok && toks[from].key != "er" {
				break
			}
		}
		from++
	}
	if from >= len(toks) {
		return "", ""
	}
	// The directory first, longest name first.
	for n := min(maxNgram, len(toks)-from); n >= 1; n-- {
		if slices.ContainsFunc(toks[from:from+n], func(t token) bool { return t.used }) {
			continue
		}
		if name, ok := m.org(joinRaw(toks[from : from+n])); ok {
			markUsed(toks, from, from+n)
			return name, ""
		}
	}
	// Else the words up to the first filter that resolves.
	m.introducedFilters(toks[from:], q)
	end := from
	for end < len(toks) && !toks[end].used {
		end++
	}
	if end == from {
		return "", ""
	}
	words := joinRaw(toks[from:end])
	r := m.c.LookupPartner(words)
	switch {
	case r.Organisation != nil:
		markUsed(toks, from, end)
		return r.Organisation.Name, ""
	case len(r.Networks) > 0:
		markUsed(toks, from, end)
		return words, ""
	}
	if n, _, _ := m.c.FindNetwork(words); n != nil {
		return "", words
	}
	markUsed(toks, from, end)
	return words, ""
}
