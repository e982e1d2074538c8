package index

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/bondgenoot/bondgenoot/content"
	"github.com/bondgenoot/bondgenoot/internal/text"
)

// Question is a query as the search understands it, read once before the
// search: the words that carry its topic, the filler that weighs nothing,
// and the places, themes and partner organisations it names. The same
// reading serves /zoek, mentions and the console.
type Question struct {
	// Cleaned is the input as searched: control characters removed, cut
	// to MaxQueryRunes.
	Cleaned string
	// Notice is a Dutch remark about the input (cut, too many words).
	Notice string
	// Asks is true for a question ("hoe …", "welke …", "… ?").
	Asks bool
	// Wants is what kind of answer the question asks for: "netwerk" for
	// "wie …", "welke netwerken …", "waar …"; "uitleg" (a success factor or
	// chapter) for "hoe …", "waarom …", "wat is …"; "" when it does not say.
	Wants string
	// Number is true for a question after a number or a date ("hoeveel …",
	// "wanneer …"): the passages that hold one rank higher.
	Number bool
	// Words are the words and phrases searched for; Filler the question
	// and filler words left out.
	Words  []string
	Filler []string
	// OnlyFiller is true when every word was filler: the search then looks
	// for the filler itself.
	OnlyFiller bool
	// Places are the places and provinces named, as the guide spells
	// them; Themes the themes named, Partners the partner organisations
	// (their names in the directory).
	Places   []string
	Themes   []string
	Partners []string

	concepts []concept
}

// concept is one thing the user asked for: a word, a quoted phrase or a name
// of the guide, with the alternatives that count for it.
type concept struct {
	word   string // folded surface word, or the phrase
	phrase bool
	quoted bool
	place  string         // a place or province: the networks there rank first
	near   *content.Place // a place of the gazetteer without a network: those nearby rank higher
	theme  string         // a theme: its networks get a lift
	org    string         // a partner organisation: the networks it works with
	// known is false for a word the index does not hold (typo fallback).
	known bool
	// light is a general verb or adverb of a question ("maak", "zet",
	// "belangrijk"): it weighs little and does not count for coverage.
	light bool
	alts  []alt
}

// alt is one way to match a concept: one term, terms in order (a phrase;
// "" marks a gap), or all terms anywhere in the unit (the parts of a
// compound).
type alt struct {
	terms  []string
	conj   bool
	weight float64
	plain  []string // the same for the names field (no compound parts)
	// name is true for the alternatives of a recognised name (a place or
	// partner): they count in full inside names in a passage.
	name bool
}

// placeTextShare weighs a place named in a passage's text.
const placeTextShare = 0.5

// compoundShare weighs a compound of the guide that a query word is a part
// of.
const compoundShare = 0.7

// unsureShare weighs a compound found only by the rule for heads whose
// first part the guide never writes alone.
const unsureShare = 0.5

// fillerWords carry no topic in a question: "hoe betrek je …", "wie doet
// iets rond …", "welke netwerken …". They weigh nothing unless they are all
// there is.
var fillerWords = func() map[string]bool {
	m := map[string]bool{}
	for w := range greetingWords {
		m[w] = true
	}
	for _, w := range strings.Fields(`welke welk wie waar wanneer waarom hoe wat kan kun kunt kunnen ik je jij jou
		we wij mijn onze ons jullie u uw men zoek zoeken vind vinden graag iets info informatie over rond rondom
		bij tegen gids doe doet doen er zijn is heb hebt heeft hebben moet moeten mag mogen wil willen
		hoeveel ergens eigenlijk precies soms best tips tip voorbeeld voorbeelden iemand welbepaalde bestaan bestaat
		zo zoals wordt worden gebeurt kom komt even ook nog al toch dan eens maar via
		misschien meestal ooit gewoon zeker heel erg werden zodat terwijl hoewel indien tenzij opdat nadat
		voordat zodra doordat waardoor daardoor tijdens naartoe
		zit zitten alle toon geef laat zien lijst overzicht weten aub alsjeblieft alstublieft bedankt dank
		eraan erop ervan erbij ermee erover erin eruit ervoor ertoe erna eraf
		daaraan daarop daarvan daarbij daarmee daarover daarin daaruit daarvoor daartoe
		hieraan hierop hiervan hiermee hierover hierin hieruit hiervoor hiertoe hieruit
		waaraan waarop waarvan waarmee waarover waaruit waarvoor`) {
		m[w] = true
	}
	return m
}()

// lightWords are general verbs and adverbs of questions: they may narrow
// the search down, but weigh little ("hoe zet je sport in", "hoe maak je
// een schoolteam bewuster", "waarom zijn informele contacten belangrijk").
var lightWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`maak maakt maken krijg krijgt krijgen zet zet zetten pak pakt pakken gebruik
		gebruikt gebruiken geeft geven ga gaat gaan laten hou houd houdt houden breng brengt brengen
		zorg zorgt zorgen help helpt helpen werk werkt werken belangrijk belangrijke tussen beter goed goede
		altijd zelf nodig mee samen eerst nog meer veel vaak echt kunnen lukt lukken aanpakken aanpak omgaan
		ga begin kom komen loopt lopen nieuwe nieuw andere zover nooit vooral enkel steeds telkens
		nergens overal verschillende verschillend diverse allerlei eerste tweede laatste elkaar terecht past`) {
		m[w] = true
	}
	return m
}()

// lightShare is what a light word weighs.
const lightShare = 0.3

// networkWords are filler after a question word ("welke netwerken …", "zijn
// er projecten …"): every document of the guide is about networks.
var networkWords = map[string]bool{
	"netwerk": true, "netwerken": true, "project": true, "projecten": true, "initiatief": true, "initiatieven": true,
	"organisatie": true, "organisaties": true, "bondgenotennetwerk": true, "bondgenotennetwerken": true,
}

// IsFiller reports whether a word carries no topic in a question (a question
// word, a stop word, a greeting): the search weighs it nothing, and a
// mention of only such words gets the help.
func IsFiller(w string) bool {
	w = text.Fold(w)
	return fillerWords[w] || stopWords[w] || addressWords[w]
}

// addressWords name the bot: filler in the opening of a question
// ("hallo bondgenoot, wat is …"), a topic further on ("hoe word ik een
// bondgenoot van gezinnen").
var addressWords = map[string]bool{"bot": true, "bondgenoot": true}

// greetingWords open a message; they are filler.
var greetingWords = map[string]bool{"hallo": true, "hoi": true, "hey": true, "dag": true, "goeiedag": true, "goedendag": true}

// opening returns how many words open the question before it starts: the
// greetings and the bot's name ("hallo bondgenoot, wat is …" opens with
// two). The last word is never part of the opening.
func opening(all []string) int {
	n := 0
	for n < len(all)-1 && (addressWords[all[n]] || greetingWords[all[n]]) {
		n++
	}
	return n
}

// afterNetworkWord are the words after which a network word is filler.
var afterNetworkWord = map[string]bool{"welke": true, "welk": true, "er": true, "andere": true, "ander": true}

// particles are the separable parts of Dutch verbs.
var particles = map[string]bool{
	"door": true, "op": true, "in": true, "aan": true, "mee": true, "uit": true, "af": true, "toe": true,
	"terug": true, "samen": true, "over": true, "na": true, "bij": true, "weg": true,
}

// prepositions may follow a particle that ends its clause ("verwijs je
// door tussen partners").
var prepositions = map[string]bool{"tussen": true, "binnen": true, "buiten": true, "via": true, "zonder": true, "onder": true, "langs": true, "rond": true}

// articles are the words after which a particle is a preposition.
var articles = map[string]bool{"de": true, "het": true, "een": true, "t": true, "den": true}

// separable returns the guide's word for particle p joined to verb form v:
// doorverwijzen for "verwijs … door", aanpak for "pak … aan", inzetten for
// "zet … in"; "" when the guide has none.
func (ix *Index) separable(p, v string) string {
	stem := v
	if n := len(stem); n >= 3 && stem[n-2] == stem[n-3] && strings.ContainsRune("aeou", rune(stem[n-2])) {
		stem = stem[:n-2] + stem[n-1:] // neem → nem
	}
	last := v[len(v)-1]
	voiced := v
	switch last {
	case 's':
		voiced = v[:len(v)-1] + "z"
	case 'f':
		voiced = v[:len(v)-1] + "v"
	}
	for _, c := range []string{p + v, p + v + "en", p + v + string(last) + "en", p + voiced + "en", p + stem + "en", p + voiced + "ing", p + v + "ing"} {
		if ix.vocab.words[c] > 0 {
			return c
		}
	}
	return ""
}

// numberQuestion are the words that ask for a number or a date.
var numberQuestion = map[string]bool{"hoeveel": true, "wanneer": true, "datum": true, "jaartal": true}

// questionStarts are first words that make the input a question.
var questionStarts = map[string]bool{
	"hoe": true, "welke": true, "welk": true, "wie": true, "wat": true, "waar": true, "wanneer": true,
	"waarom": true, "kan": true, "kun": true, "kunnen": true, "zijn": true, "is": true, "bestaat": true,
	"bestaan": true, "hebben": true, "heeft": true, "doet": true, "doen": true, "werkt": true, "werken": true,
}

// informal rewrites abbreviations people type for small words.
var informal = map[string][]string{
	"vh": {"van", "het"}, "vd": {"van", "de"}, "vr": {"voor"}, "mss": {"misschien"}, "ipv": {"in", "plaats", "van"},
	"nt": {"niet"}, "zn": {"zijn"}, "ss": {"school"}, "vn": {"van"}, "v": {"van"}, "eig": {"eigenlijk"},
	"ivm": {"over"}, "bv": {"zoals"}, "bvb": {"zoals"}, "idd": {"ook"},
	// Abbreviations of school life in Flanders.
	"sec": {"secundair"}, "so": {"secundair", "onderwijs"}, "bao": {"basisonderwijs"},
	"lln": {"leerlingen"}, "lkr": {"leerkracht"}, "lkn": {"leerkrachten"}, "zorgco": {"zorgcoordinator"},
	"kdv": {"kinderdagverblijf"},
}

// nameTable recognises the guide's names in a query: places, provinces and
// themes by their folded words; partner organisations are looked up in the
// corpus's directory, which also holds their spellings for the search.
type nameTable struct {
	places map[string]string // folded words → place as spelled
	themes map[string]string // folded words → theme name
	// orgSpellings are the folded spellings of each organisation.
	orgSpellings map[string][]string
	maxWords     int
}

func newNameTable(c *content.Corpus) *nameTable {
	t := &nameTable{places: map[string]string{}, themes: map[string]string{}, orgSpellings: map[string][]string{}}
	key := func(s string) string {
		ws := words(s)
		if len(ws) > t.maxWords {
			t.maxWords = len(ws)
		}
		return strings.Join(ws, " ")
	}
	for _, p := range c.PlaceNames() {
		if k := key(p); k != "" {
			t.places[k] = p
		}
	}
	for _, p := range content.Provinces {
		t.places[key(p)] = p
	}
	// The short names of provinces that content.FindProvince knows.
	for _, a := range []string{"wvl", "ovl", "vlbr", "vb", "bruxelles", "brussels", "brussels hoofdstedelijk gewest"} {
		if p, ok := content.FindProvince(a); ok {
			t.places[key(a)] = p
		}
	}
	for _, th := range c.Themes {
		for _, s := range append([]string{th.Name}, th.Aliases...) {
			if k := key(s); k != "" {
				t.themes[k] = th.Name
			}
		}
	}
	for _, o := range c.Organisations {
		for _, s := range append([]string{o.Name}, o.Aliases...) {
			ws := words(s)
			for len(ws) > 1 && (ws[0] == "de" || ws[0] == "het" || ws[0] == "t" || ws[0] == "vzw") {
				ws = ws[1:]
			}
			if len(ws) > 1 && ws[len(ws)-1] == "vzw" {
				ws = ws[:len(ws)-1]
			}
			if k := strings.Join(ws, " "); k != "" && !slices.Contains(t.orgSpellings[o.Name], k) {
				t.orgSpellings[o.Name] = append(t.orgSpellings[o.Name], k)
			}
			t.maxWords = max(t.maxWords, len(ws))
		}
	}
	return t
}

// Understand reads a query once: it cleans and cuts it, recognises names of
// the guide (places, themes, partners, its multi-word terms), and sets the
// filler apart.
func (ix *Index) Understand(raw string) *Question {
	q := &Question{}
	q.Cleaned = text.Clean(raw, MaxQueryRunes+1)
	if utf8.RuneCountInString(q.Cleaned) > MaxQueryRunes {
		q.Cleaned = strings.TrimSpace(string([]rune(q.Cleaned)[:MaxQueryRunes]))
		q.Notice = fmt.Sprintf("Je zoekvraag was lang; ik zocht op de eerste %d tekens.", MaxQueryRunes)
	}
	q.Asks = strings.HasSuffix(strings.TrimSpace(q.Cleaned), "?")
	rest := q.Cleaned
	for _, s := range []string{"“", "”", "„"} {
		rest = strings.ReplaceAll(rest, s, `"`)
	}
	var concepts []concept
	if strings.Count(rest, `"`)%2 == 0 {
		parts := strings.Split(rest, `"`)
		rest = ""
		for i, p := range parts {
			if i%2 == 1 {
				if ws := words(p); len(ws) > 1 {
					concepts = append(concepts, concept{word: strings.Join(ws, " "), phrase: true, quoted: true})
					continue
				}
			}
			rest += " " + p
		}
	}
	var all []string
	// hyphened marks the words of a hyphenated token (sam-project,
	// kick-off): the guide writes them together, so they are one phrase.
	var hyphened []int
	for _, tok := range strings.Fields(rest) {
		ws := words(tok)
		start := len(all)
		for _, w := range ws {
			if r, ok := informal[w]; ok {
				all = append(all, r...)
				continue
			}
			all = append(all, w)
		}
		if len(ws) > 1 && len(all)-start == len(ws) && strings.Contains(tok, "-") {
			hyphened = append(hyphened, start, len(all))
		}
	}
	// The question starts after the greeting and the bot's name.
	open := opening(all)
	asked := all[open:]
	if len(asked) > 0 && questionStarts[asked[0]] || slices.ContainsFunc(all, func(w string) bool { return w == "hoe" || w == "waarom" }) {
		// A question, also when it comes after the situation ("jongeren
		// komen vroeger terug van kamp, hoe pas je het aanbod aan").
		q.Asks = true
	}
	q.Wants = wants(asked)
	// A question after a number or a date, wherever it asks it ("op welke
	// datum begonnen …", "sinds wanneer …").
	q.Number = len(all) > 1 && slices.ContainsFunc(all, func(w string) bool { return numberQuestion[w] })
	used := make([]bool, len(all))
	// Names and multi-word terms, longest first.
	nt := ix.names2
	for n := max(4, nt.maxWords); n >= 1; n-- {
		if n == 1 {
			// Before single names: two words the guide writes as one
			// compound (basis school, menstruatie armoede).
			concepts = ix.joinCompounds(all, used, concepts)
		}
		for i := 0; i+n <= len(all); i++ {
			if slices.Contains(used[i:i+n], true) {
				continue
			}
			phrase := strings.Join(all[i:i+n], " ")
			c := concept{word: phrase, phrase: n > 1}
			found := false
			if p, ok := nt.places[phrase]; ok {
				c.place, found = p, true
			} else if p := ix.gazetteerPlace(all, i, n); p != nil {
				// A place without a network of its own: the networks
				// nearby rank higher.
				c.near, found = p, true
			}
			if th, ok := nt.themes[phrase]; ok && !found {
				c.theme, found = th, true
			}
			if !found && !(n == 1 && (stopWords[phrase] || fillerWords[phrase])) {
				// The partner directory knows every spelling, short form
				// and initials (content.OrgKey).
				if o := ix.corpus.OrganisationByKey(orgKey(all[i : i+n])); o != nil {
					c.org, found = o.Name, true
				}
			}
			if !found && n > 1 {
				_, syn := synonyms[phrase]
				found = syn || ix.everyday[phrase] != nil && !ix.writesAll(all[i:i+n]) || ix.isKnownPhrase(phrase) || isGroup(hyphened, i, i+n) && ix.inBody(phrase)
			}
			if !found {
				continue
			}
			concepts = append(concepts, c)
			for k := i; k < i+n; k++ {
				used[k] = true
			}
		}
	}
	// Separable verbs: "op te nemen" is opnemen, "verwijs je … door"
	// doorverwijzen, "werk je samen" samenwerken.
	for i := 0; i < len(all); i++ {
		p := all[i]
		if used[i] || !particles[p] {
			continue
		}
		if i+2 < len(all) && all[i+1] == "te" && !used[i+2] {
			if j := p + all[i+2]; ix.vocab.words[j] > 0 {
				concepts = append(concepts, concept{word: j})
				used[i], used[i+1], used[i+2] = true, true, true
				continue
			}
		}
		// The particle ends the clause ("pak je dat aan", "verwijs je
		// door naar"), else it is a preposition ("spelen in Tienen").
		if i+1 < len(all) && !(stopWords[all[i+1]] || fillerWords[all[i+1]] || prepositions[all[i+1]]) || i+1 < len(all) && articles[all[i+1]] {
			continue
		}
		for k := i - 1; k >= max(0, i-4); k-- {
			v := all[k]
			if used[k] || fillerWords[v] && !lightWords[v] || stopWords[v] || utf8.RuneCountInString(v) < 3 {
				continue
			}
			if w := ix.separable(p, v); w != "" {
				concepts = append(concepts, concept{word: w})
				used[k], used[i] = true, true
				break
			}
		}
	}
	// The other words, filler apart.
	var plain []int
	for i, w := range all {
		if used[i] {
			continue
		}
		if fillerWords[w] || stopWords[w] || addressWords[w] && i < open || networkWords[w] && (i == 0 && len(all) > 1 || i > 0 && afterNetworkWord[all[i-1]]) || ix.misspeltFiller(w) {
			if !slices.Contains(q.Filler, w) {
				q.Filler = append(q.Filler, w)
			}
			continue
		}
		plain = append(plain, i)
	}
	if len(concepts) == 0 && len(plain) == 0 {
		// Filler is all there is: search it, as far as the analyzer keeps it.
		for i, w := range all {
			if len(ix.an(w)) > 0 {
				plain = append(plain, i)
			}
		}
		q.Filler = nil
		q.OnlyFiller = len(plain) > 0
	}
	// Keep the order of the input for the plain words after the names.
	for _, i := range plain {
		w := all[i]
		if slices.ContainsFunc(concepts, func(c concept) bool { return c.word == w }) {
			continue
		}
		concepts = append(concepts, concept{word: w})
	}
	if len(concepts) > maxConcepts {
		concepts = concepts[:maxConcepts]
		if q.Notice == "" {
			q.Notice = fmt.Sprintf("Ik zocht op de eerste %d zoekwoorden.", maxConcepts)
		}
	}
	allLight := true
	for _, c := range concepts {
		allLight = allLight && lightWords[c.word]
	}
	for i := range concepts {
		ix.expand(&concepts[i])
		if lightWords[concepts[i].word] && !allLight {
			concepts[i].light = true
			for k := range concepts[i].alts {
				concepts[i].alts[k].weight *= lightShare
			}
		}
	}
	// A word the analyzer drops entirely (a stop word) is no concept.
	kept := concepts[:0]
	for _, c := range concepts {
		if len(c.alts) > 0 || c.place != "" || c.org != "" || c.theme != "" || c.near != nil {
			kept = append(kept, c)
		}
	}
	q.concepts = kept
	for _, c := range q.concepts {
		q.Words = append(q.Words, c.word)
		if c.place != "" && !slices.Contains(q.Places, c.place) {
			q.Places = append(q.Places, c.place)
		}
		if c.near != nil && !slices.Contains(q.Places, c.near.Name) {
			q.Places = append(q.Places, c.near.Name)
		}
		if c.theme != "" && !slices.Contains(q.Themes, c.theme) {
			q.Themes = append(q.Themes, c.theme)
		}
		if c.org != "" && !slices.Contains(q.Partners, c.org) {
			q.Partners = append(q.Partners, c.org)
		}
	}
	return q
}

// joinCompounds adds a concept for every two neighbouring words, not used
// yet, that the guide writes as one compound (menstruatie armoede), and marks
// them used.
func (ix *Index) joinCompounds(all []string, used []bool, concepts []concept) []concept {
	for i := 0; i+1 < len(all); i++ {
		if used[i] || used[i+1] || fillerWords[all[i]] || fillerWords[all[i+1]] || stopWords[all[i]] || stopWords[all[i+1]] {
			continue
		}
		for _, l := range []string{"", "s", "e", "en"} {
			j := all[i] + l + all[i+1]
			if ix.vocab.words[j] > 0 || (l == "" || l == "s") && ix.writesCompound(j) {
				concepts = append(concepts, concept{word: j})
				used[i], used[i+1] = true, true
				break
			}
		}
	}
	return concepts
}

// fillerList holds the longer filler words, for misspeltFiller.
var fillerList = func() []string {
	var out []string
	for w := range fillerWords {
		if utf8.RuneCountInString(w) >= 6 {
			out = append(out, w)
		}
	}
	slices.Sort(out)
	return out
}()

// misspeltFiller reports whether w, a word the guide does not write, is a
// slip of a filler word (eigelijk, ergns, alstublief): it weighs nothing
// like the filler it means.
func (ix *Index) misspeltFiller(w string) bool {
	n := utf8.RuneCountInString(w)
	if n < 6 || ix.vocab.words[w] > 0 {
		return false
	}
	if toks := ix.an(w); len(toks) > 0 && ix.vocab.hasTerm(string(toks[0].Term)) {
		return false
	}
	maxDist := 1
	if n >= 8 {
		maxDist = 2
	}
	for _, f := range fillerList {
		if typoDistance(f, w, maxDist) <= maxDist {
			return true
		}
	}
	return false
}

// writesAll reports whether the guide writes every word of ws that is not
// a stop word: an everyday phrase of such words ("soep op school") is
// searched word by word, as the guide writes them.
func (ix *Index) writesAll(ws []string) bool {
	for _, w := range ws {
		if !stopWords[w] && !fillerWords[w] && ix.vocab.words[w] == 0 {
			return false
		}
	}
	return true
}

// writesCompound reports whether the guide writes the joined word j, in
// some form (welzijns bubbel: welzijnsbubbels), or as the end of a longer
// compound (straat therapeut: jongerenstraattherapeut).
func (ix *Index) writesCompound(j string) bool {
	if ix.vocab.words[j] > 0 {
		return true
	}
	if utf8.RuneCountInString(j) < 8 {
		return false
	}
	// The stem of the whole word: the analyzer without compound
	// splitting gives the same first token, for less.
	toks := ix.plain(j)
	if len(toks) == 0 {
		return false
	}
	stem := string(toks[0].Term)
	if ix.vocab.hasTerm(stem) {
		return true
	}
	for _, t := range ix.compounds.of(stem, j) {
		if strings.HasSuffix(t, stem) && !ix.compounds.unsure(stem, t) {
			return true
		}
	}
	return false
}

// isGroup reports whether words [i, j) are one hyphenated token of the
// input; groups holds their bounds in pairs.
func isGroup(groups []int, i, j int) bool {
	for k := 0; k+1 < len(groups); k += 2 {
		if groups[k] == i && groups[k+1] == j {
			return true
		}
	}
	return false
}

// inBody reports whether the guide's passages write phrase, word for word.
func (ix *Index) inBody(phrase string) bool {
	toks := ix.plain(phrase)
	if len(toks) < 2 {
		return false
	}
	first := toks[0].Position
	ws := make([]string, toks[len(toks)-1].Position-first+1)
	for _, t := range toks {
		ws[t.Position-first] = string(t.Term)
	}
	found := false
	ix.body.phrase(ws, func(int32, int32) { found = true })
	return found
}

// splitUnknown finds two words of the guide, written apart there, that an
// unknown word joins (kickoff: kick-off, schoolteamwerking): "" when none.
func (ix *Index) splitUnknown(w string) string {
	for i := 3; i <= len(w)-3; i++ {
		a, b := w[:i], w[i:]
		if ix.vocab.words[a] > 0 && ix.vocab.words[b] > 0 && !stopWords[a] && !stopWords[b] {
			if p := a + " " + b; ix.inBody(p) {
				return p
			}
		}
	}
	return ""
}

// expand fills a concept's alternatives: the word or phrase itself, its
// compound parts, its synonyms, a recognised name's other spellings, and
// close words of the guide for a word it does not hold.
func (ix *Index) expand(c *concept) {
	add := func(s string, weight float64, phrase bool) {
		// The guide's own words (synonyms, theme and partner spellings)
		// are analysed once and kept; what the user typed is not kept.
		if weight != 1 {
			key := s
			if phrase {
				key += "\x00"
			}
			if v, ok := ix.altCache.Load(key); ok {
				for _, a := range v.([]alt) {
					a.weight *= weight
					c.alts = append(c.alts, a)
				}
				return
			}
			tmp := &concept{}
			ix.analyseAlt(tmp, s, 1, phrase, false)
			ix.altCache.Store(key, tmp.alts)
			for _, a := range tmp.alts {
				a.weight *= weight
				c.alts = append(c.alts, a)
			}
			return
		}
		ix.analyseAlt(c, s, weight, phrase, true)
	}
	add(c.word, 1, c.phrase)
	if c.place != "" || c.near != nil {
		// A place weighs mostly through the networks there; a passage
		// that merely names it counts less.
		for i := range c.alts {
			c.alts[i].weight *= placeTextShare
		}
	}
	c.known = true
	if !c.phrase {
		toks := ix.an(c.word)
		c.known = len(toks) == 0 || ix.vocab.hasTerm(string(toks[0].Term)) || len(toks) > 2
		if len(toks) > 0 && c.place == "" && c.org == "" {
			// The compounds of the guide this word is a part of.
			stem := string(toks[0].Term)
			for _, t := range ix.compounds.of(stem, c.word) {
				w := compoundShare
				if ix.compounds.unsure(stem, t) {
					w *= unsureShare
				}
				c.alts = append(c.alts, alt{terms: []string{t}, weight: w, plain: []string{t}})
				c.known = true
			}
		}
	}
	if !c.phrase && c.place == "" && c.org == "" && !lightWords[c.word] {
		// Other forms of the word that the guide writes, and their
		// compounds.
		ix.addFamily(c)
	}
	if !c.quoted {
		alts, ok := synonymsOf(c.word)
		if !ok && !c.phrase {
			// Another form of the word may have synonyms (gestigmatiseerd:
			// stigmatiserend).
			for _, f := range ix.family(c.word) {
				if alts, ok = synonymsOf(f); ok {
					break
				}
			}
		}
		for _, s := range alts {
			add(strings.Join(s, " "), 0.6, len(s) > 1)
		}
		// An everyday word for what the guide calls otherwise.
		for _, s := range ix.everyday[c.word] {
			add(s, everydayShare, strings.Contains(s, " "))
		}
	}
	if c.theme != "" {
		for _, th := range ix.corpus.Themes {
			if th.Name != c.theme {
				continue
			}
			for _, s := range append([]string{th.Name}, th.Aliases...) {
				if k := strings.Join(words(s), " "); k != c.word {
					add(k, 0.6, strings.Contains(k, " "))
				}
			}
		}
	}
	if c.org != "" {
		for _, s := range ix.names2.orgSpellings[c.org] {
			if s != c.word {
				add(s, 0.8, strings.Contains(s, " "))
			}
		}
	}
	// A comparative the guide does not write: laagdrempeliger, bewuster.
	if !c.known && !c.phrase && strings.HasSuffix(c.word, "er") && utf8.RuneCountInString(c.word) >= 6 {
		if toks := ix.an(strings.TrimSuffix(c.word, "er")); len(toks) > 0 && ix.vocab.hasTerm(string(toks[0].Term)) {
			c.alts = append(c.alts, alt{terms: []string{string(toks[0].Term)}, weight: 0.9, plain: []string{string(toks[0].Term)}})
			c.known = true
		}
	}
	if !c.known && !c.phrase && c.org == "" && c.place == "" {
		if p := ix.splitUnknown(c.word); p != "" {
			ix.analyseAlt(c, p, 0.9, true, true)
			c.known = true
		}
	}
	if !c.known && !c.phrase && c.org == "" && c.place == "" && len(c.alts) <= 2 {
		ix.addFuzzy(c)
	}
	c.alts = dedupeAlts(c.alts)
	if c.place != "" || c.org != "" || c.near != nil {
		for i := range c.alts {
			c.alts[i].name = true
		}
	}
}

// dedupeAlts keeps one of alternatives that match alike, the heaviest, in
// the order of their first appearance.
func dedupeAlts(alts []alt) []alt {
	key := func(a alt) string {
		k := strings.Join(a.terms, "\x00") + "\x01" + strings.Join(a.plain, "\x00")
		if a.conj {
			k += "\x02"
		}
		return k
	}
	seen := make(map[string]int, len(alts))
	out := alts[:0]
	for _, a := range alts {
		k := key(a)
		if i, ok := seen[k]; ok {
			out[i].weight = max(out[i].weight, a.weight)
			continue
		}
		seen[k] = len(out)
		out = append(out, a)
	}
	return out
}

// addFamily adds the other forms of a concept's word that the guide writes
// (gestart: startten; inschrijven: inschrijving and its compounds).
func (ix *Index) addFamily(c *concept) {
	has := func(t string) bool {
		return slices.ContainsFunc(c.alts, func(a alt) bool { return len(a.terms) == 1 && a.terms[0] == t })
	}
	for _, f := range ix.family(c.word) {
		toks := ix.an(f)
		if len(toks) == 0 {
			continue
		}
		t := string(toks[0].Term)
		if !has(t) {
			c.alts = append(c.alts, alt{terms: []string{t}, weight: familyShare, plain: []string{t}})
			c.known = true
		}
		for _, ct := range ix.compounds.of(t, f) {
			if !has(ct) && !ix.compounds.unsure(t, ct) {
				c.alts = append(c.alts, alt{terms: []string{ct}, weight: familyShare * compoundShare, plain: []string{ct}})
				c.known = true
			}
		}
	}
	// Compounds that start with a form of the word the guide does not write
	// alone: inschrijving in inschrijvingsformulieren.
	for _, f := range ix.familyForms(c.word) {
		for _, ct := range ix.compounds.prefixed(string(squash([]byte(f)))) {
			if !has(ct) {
				c.alts = append(c.alts, alt{terms: []string{ct}, weight: familyShare * compoundShare, plain: []string{ct}})
				c.known = true
			}
		}
	}
}

// addFuzzy is the typo fallback for a word the index does not hold: the
// closest index terms within one edit (two for long words), at a low
// weight. Short words get none, since they drift ("okan" is close to
// everything).
func (ix *Index) addFuzzy(c *concept) {
	w := c.word
	toks := ix.an(w)
	if len(toks) == 0 || utf8.RuneCountInString(w) < 5 {
		return
	}
	stem := string(toks[0].Term)
	maxDist := 1
	if utf8.RuneCountInString(w) >= 8 {
		maxDist = 2
	}
	close := ix.vocab.closeTerms(stem, maxDist, 3)
	// The typo may keep the stemmer from cutting the ending
	// (laagdrempelighied): also try the stem of the closest word of the guide.
	if cw := ix.vocab.closestWord(w); cw != "" {
		if ts := ix.an(cw); len(ts) > 0 && !slices.Contains(close, string(ts[0].Term)) {
			close = append(close, string(ts[0].Term))
		}
	}
	for _, t := range close {
		c.alts = append(c.alts, alt{terms: []string{t}, weight: 0.35, plain: []string{t}})
	}
}

// corrected reports whether a typo fallback was used.
func (q *Question) corrected() bool {
	for _, c := range q.concepts {
		if !c.known && len(c.alts) > 1 {
			return true
		}
	}
	return false
}

// stemSynonyms returns the single-word synonyms of a stemmed term, stemmed.
func stemSynonyms(ix *Index, stem string) []string { return ix.stemSyn[stem] }

// newStemSynonyms maps the stem of every single-word synonym to the stems of
// the other single words of its groups.
func (ix *Index) newStemSynonyms() map[string][]string {
	m := map[string][]string{}
	// Parts of compounds swap within the everyday groups too, both ways
	// (voedselhulp: voedselondersteuning).
	for _, g := range append(slices.Clip(synonymGroups), everydayGroups...) {
		var stems []string
		for _, w := range g {
			if strings.Contains(w, " ") {
				continue
			}
			if toks := ix.an(w); len(toks) > 0 && !slices.Contains(stems, string(toks[0].Term)) {
				stems = append(stems, string(toks[0].Term))
			}
		}
		for _, a := range stems {
			for _, b := range stems {
				if a != b && !slices.Contains(m[a], b) {
					m[a] = append(m[a], b)
				}
			}
		}
	}
	return m
}

// Kinds of answer a question asks for.
const (
	WantsNetwork     = "netwerk"
	WantsExplanation = "uitleg"
)

// wants reads what kind of answer the question words ask for.
func wants(all []string) string {
	for i, w := range all {
		switch {
		case w == "wie" || w == "waar":
			return WantsNetwork
		case (w == "welke" || w == "welk") && i+1 < len(all) && networkWords[all[i+1]]:
			return WantsNetwork
		case w == "hoe" || w == "waarom":
			return WantsExplanation
		case w == "tips" || w == "tip":
			return WantsExplanation
		case w == "wat" && i+1 < len(all) && (all[i+1] == "als" || all[i+1] == "is" || all[i+1] == "betekent" || all[i+1] == "doe" || all[i+1] == "zijn"):
			return WantsExplanation
		}
		if i >= 2 {
			break
		}
	}
	// The question after the situation.
	if slices.ContainsFunc(all, func(w string) bool { return w == "hoe" || w == "waarom" }) {
		return WantsExplanation
	}
	return ""
}

// analyseAlt adds the alternatives of one word or phrase to c: the word
// itself, the parts of a compound together, a part replaced by its synonym,
// and for names the compound's head.
//
// swaps is true for what the user typed: only its parts are swapped for
// their synonyms; a synonym's own parts are not, which would multiply the
// alternatives for little.
func (ix *Index) analyseAlt(c *concept, s string, weight float64, phrase, swaps bool) {
	if phrase || strings.Contains(s, " ") {
		toks := ix.plain(s)
		if len(toks) == 0 {
			return
		}
		first := toks[0].Position
		ws := make([]string, toks[len(toks)-1].Position-first+1)
		for _, t := range toks {
			ws[t.Position-first] = string(t.Term)
		}
		c.alts = append(c.alts, alt{terms: ws, weight: weight, plain: ws})
		return
	}
	toks := ix.an(s)
	if len(toks) == 0 {
		return
	}
	whole := string(toks[0].Term)
	c.alts = append(c.alts, alt{terms: []string{whole}, weight: weight, plain: []string{whole}})
	var parts []string
	for _, t := range toks[1:] {
		if p := string(t.Term); p != whole && !slices.Contains(parts, p) {
			parts = append(parts, p)
		}
	}
	if len(parts) >= 2 {
		// The parts of a compound together find it written apart; in a
		// name, its head (the last part) counts weakly.
		c.alts = append(c.alts, alt{terms: parts, conj: true, weight: 0.7 * weight})
		// A part with a synonym: the compound with the synonym in its
		// place (overgangsmomenten, transitiemomenten).
		for i, p := range parts {
			if !swaps {
				break
			}
			for _, syn := range stemSynonyms(ix, p) {
				alt2 := slices.Clone(parts)
				alt2[i] = syn
				c.alts = append(c.alts, alt{terms: alt2, conj: true, weight: 0.5 * weight})
			}
		}
		head := ""
		for _, p := range parts {
			if strings.HasSuffix(whole, p) && len(p) > len(head) {
				head = p
			}
		}
		if head != "" {
			c.alts = append(c.alts, alt{weight: 0.4 * weight, plain: []string{head}})
		}
	}
}

// orgKey is content.OrgKey for words that are folded and written out
// already: without a leading article or "vzw", joined.
func orgKey(ws []string) string {
	if len(ws) > 1 && ws[len(ws)-1] == "vzw" {
		ws = ws[:len(ws)-1]
	}
	if len(ws) > 1 && ws[0] == "vzw" {
		ws = ws[1:]
	}
	if len(ws) > 1 && (ws[0] == "de" || ws[0] == "het" || ws[0] == "een" || ws[0] == "t") {
		ws = ws[1:]
	}
	return strings.Join(ws, "")
}

// placeIntro are the words that introduce a place in a question.
var placeIntro = map[string]bool{"in": true, "uit": true, "bij": true, "rond": true, "nabij": true, "dichtbij": true, "omgeving": true, "buurt": true, "regio": true, "te": true}

// gazetteerPlace returns the place of the gazetteer that the words
// all[i:i+n] name, when no network works there by that name: only a name the
// guide does not use otherwise, or one a word like "in" introduces
// ("ontbijt op school in Kortrijk"), and only when the name is not shared by
// places in several municipalities.
func (ix *Index) gazetteerPlace(all []string, i, n int) *content.Place {
	g := ix.corpus.Gazetteer()
	if g == nil || n > 4 {
		return nil
	}
	phrase := strings.Join(all[i:i+n], " ")
	if n == 1 && (fillerWords[phrase] || stopWords[phrase] || len(phrase) < 3) {
		return nil
	}
	if ix.vocab.words[strings.ReplaceAll(phrase, " ", "")] > 0 && ix.vocab.words[all[i]] > 0 && !(i > 0 && placeIntro[all[i-1]]) {
		return nil
	}
	ps := g.Named(phrase)
	if len(ps) == 0 {
		return nil
	}
	for _, p := range ps[1:] {
		if p.Municipality != ps[0].Municipality {
			return nil
		}
	}
	return ps[0]
}
