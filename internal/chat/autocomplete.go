package chat

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/bondgenoot/bondgenoot/content"
	"github.com/bondgenoot/bondgenoot/internal/answer"
	"github.com/bondgenoot/bondgenoot/internal/text"
)

// Discord's limits on autocomplete.
const (
	maxChoices     = 25
	maxChoiceName  = 100
	maxChoiceValue = 100
	maxTypedRunes  = 100 // what is typed is cut to this before matching
)

// suggestion is one thing autocomplete can offer: what it shows, what it
// sends back, the names it is found by, and its place when nothing is typed
// (lower first).
type suggestion struct {
	label string   // shown; the matched alias is added when it is not in it
	value string   // sent back as the option's value
	keys  []string // name first, then aliases
	extra []string // also found by these (a network's place), ranked as substring matches at best
	order int

	normKeys, normExtra []string // keys and extra, normalised once (see normalise)
}

// normalise fills the normalised keys of the suggestions, so that ranking
// does not normalise on every keystroke.
func normalise(items []suggestion) []suggestion {
	for i := range items {
		it := &items[i]
		it.normKeys = make([]string, len(it.keys))
		for k, key := range it.keys {
			it.normKeys[k] = text.Normalize(key)
		}
		it.normExtra = make([]string, len(it.extra))
		for k, key := range it.extra {
			it.normExtra[k] = text.Normalize(key)
		}
	}
	return items
}

// Match tiers, best first.
const (
	tierExact = iota
	tierPrefix
	tierWordPrefix
	tierSubstring
	tierFuzzy
	tierNone
)

// catalog is what the Router derives from one corpus, once: the lists that
// autocomplete ranks. A reloaded corpus gets a new catalog.
type catalog struct {
	corpus *content.Corpus
	lists  map[string][]suggestion // by source (see source)
}

func newCatalog(c *content.Corpus) *catalog {
	cat := &catalog{corpus: c, lists: map[string][]suggestion{}}
	if c == nil {
		return cat
	}
	cat.lists["netwerk"] = networkSuggestions(c)
	cat.lists["partner"] = partnerSuggestions(c)
	cat.lists["succesfactor"] = factorSuggestions(c)
	cat.lists["regio"] = regionSuggestions(c, true)
	cat.lists["provincie"] = regionSuggestions(c, false)
	cat.lists["thema"] = themeSuggestions(c)
	for k, l := range cat.lists {
		cat.lists[k] = normalise(l)
	}
	return cat
}

// choices returns ≤25 choices for an option of a command, ranked by
// relevance to typed; works on empty input.
//
// netwerk: names and aliases of networks (value: the network's id).
// partner: names and aliases in the partner directory (value: the canonical
// name). succesfactor: titles (value: the id). regio: provinces and places,
// with their network counts. thema (and zoek's thema): themes and their
// aliases, with counts. zoek's provincie: provinces with counts.
func (cat *catalog) choices(command, option, typed string) []Choice {
	out := []Choice{}
	src := source(command, option)
	items := cat.lists[src]
	typed = text.Clean(typed, maxTypedRunes)
	found := rank(items, typed)
	if src == "partner" && cat.corpus != nil {
		// The directory's short forms and initials (huis vh kind, HvhK)
		// name the organisation exactly, as in the search and mentions.
		if o := cat.corpus.OrganisationByKey(content.OrgKey(typed)); o != nil {
			i := slices.IndexFunc(found, func(r ranked) bool { return r.value == o.Name })
			if i < 0 {
				for _, it := range items {
					if it.value == o.Name {
						found = append(found, rankedItem(it, typed))
						i = len(found) - 1
					}
				}
			}
			if i > 0 {
				r := found[i]
				found = append(found[:i], found[i+1:]...)
				found = append([]ranked{r}, found...)
			}
		}
	}
	for _, r := range found {
		if len(out) == maxChoices {
			break
		}
		out = append(out, Choice{Name: r.name, Value: r.value})
	}
	return out
}

// rankedItem is a suggestion found by a short form of its name: shown with
// what was typed.
func rankedItem(it suggestion, typed string) ranked {
	return ranked{name: choiceName(it.label, strings.TrimSpace(typed)), value: it.value, tier: tierExact, order: it.order}
}

// parseMention reads a mention against the catalog's corpus.
func (cat *catalog) parseMention(botID, message string) MentionQuery {
	return ParseMention(cat.corpus, botID, message)
}

// Choices returns the autocomplete choices for an option of a command over
// corpus c. It keeps the lists of the last corpus it was asked about (the
// Router keeps its own).
func Choices(c *content.Corpus, command, option, typed string) []Choice {
	lastCatalog.Lock()
	if lastCatalog.cat == nil || lastCatalog.cat.corpus != c {
		lastCatalog.cat = newCatalog(c)
	}
	cat := lastCatalog.cat
	lastCatalog.Unlock()
	return cat.choices(command, option, typed)
}

var lastCatalog struct {
	sync.Mutex
	cat *catalog
}

// source says which list an option completes from: by command first, then
// by option name.
func source(command, option string) string {
	command, option = strings.ToLower(command), strings.ToLower(option)
	switch command {
	case "netwerk", "partner", "succesfactor", "regio", "thema":
		return command
	}
	switch option {
	case "thema", "provincie", "partner", "regio":
		return option
	case "organisatie":
		return "partner"
	case "plaats-of-provincie", "plaats", "gemeente":
		return "regio"
	}
	return ""
}

// ranked is a suggestion that matched, with how well.
type ranked struct {
	name, value string
	tier, dist  int
	order       int
}

// rank orders the suggestions that match typed: exact, prefix, word prefix,
// substring, then small edit distance; the suggestion's own order breaks
// ties. Empty input keeps every suggestion in its own order.
func rank(items []suggestion, typed string) []ranked {
	q := text.Normalize(typed)
	qc := strings.ReplaceAll(q, " ", "")
	// First without typo matching: when that gives more than Discord
	// shows, typos would rank after all of them anyway (and with every
	// place of the gazetteer in a list, typo matching is the slow part).
	out, misses := rankPass(items, nil, q, qc, false)
	if len(out) < maxChoices && len(misses) > 0 {
		more, _ := rankPass(items, misses, q, qc, true)
		out = append(out, more...)
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.tier != b.tier {
			return a.tier < b.tier
		}
		if a.dist != b.dist {
			return a.dist < b.dist
		}
		return a.order < b.order
	})
	return out
}

// normKey is the i-th normalised key, or key normalised now when the list
// was not normalised.
func normKey(norm []string, i int, key string) string {
	if i < len(norm) {
		return norm[i]
	}
	return text.Normalize(key)
}

// rankPass ranks items (only those at the indexes only, when not nil)
// against the typed text (normalised q, compact qc), with or without typo
// matching, and returns the matches and the indexes of the misses.
func rankPass(items []suggestion, only []int, q, qc string, fuzzy bool) (out []ranked, misses []int) {
	n := len(items)
	if only != nil {
		n = len(only)
	}
	for j := range n {
		idx := j
		if only != nil {
			idx = only[j]
		}
		it := &items[idx]
		if utf8.RuneCountInString(it.value) > maxChoiceValue || it.value == "" {
			continue // a value Discord would refuse
		}
		best, bestDist, bestKey := tierNone, 0, ""
		if qc == "" {
			best = tierExact
		}
		for i, k := range it.keys {
			t, d := matchNorm(q, qc, normKey(it.normKeys, i, k), fuzzy)
			if t < best || t == best && d < bestDist {
				best, bestDist, bestKey = t, d, k
			}
		}
		for i, k := range it.extra {
			t, d := matchNorm(q, qc, normKey(it.normExtra, i, k), fuzzy)
			if t != tierNone && t < tierSubstring {
				t = tierSubstring
			}
			if t < best {
				best, bestDist, bestKey = t, d, ""
			}
		}
		if best == tierNone {
			misses = append(misses, idx)
			continue
		}
		out = append(out, ranked{name: choiceName(it.label, bestKey), value: it.value, tier: best, dist: bestDist, order: it.order})
	}
	return out, misses
}

// matchTier says how well the typed text (normalised q, compact qc) matches
// a key, and for fuzzy matches the distance.
func matchTier(q, qc, key string) (tier, dist int) {
	return matchNorm(q, qc, text.Normalize(key), true)
}

// matchNorm is matchTier for a key already normalised (kn); without fuzzy,
// it does not look for typos.
func matchNorm(q, qc, kn string, fuzzy bool) (tier, dist int) {
	if qc == "" {
		return tierExact, 0
	}
	kc := strings.ReplaceAll(kn, " ", "")
	switch {
	case kc == qc:
		return tierExact, 0
	case strings.HasPrefix(kc, qc):
		return tierPrefix, 0
	case wordPrefix(kn, q):
		return tierWordPrefix, 0
	case strings.Contains(kc, qc):
		return tierSubstring, 0
	}
	n := len([]rune(qc))
	if n < 3 || !fuzzy {
		return tierNone, 0
	}
	allowed := 1
	if n >= 6 {
		allowed = 2
	}
	best := allowed + 1
	// Against the start of the key, as long as what was typed…
	if kr := []rune(kc); len(kr) >= n {
		best = min(best, text.Distance(string(kr[:n]), qc, allowed))
	}
	best = min(best, text.Distance(kc, qc, allowed))
	// …and against each word.
	for _, w := range strings.Fields(kn) {
		best = min(best, text.Distance(w, qc, allowed))
		if wr := []rune(w); len(wr) > n {
			best = min(best, text.Distance(string(wr[:n]), qc, allowed))
		}
	}
	if best <= allowed {
		return tierFuzzy, best
	}
	return tierNone, 0
}

// wordPrefix reports whether every typed word starts a word of the key, in
// order ("vrije" in "omarmen met vrije tijd", "kind gez" in "kind en gezin").
func wordPrefix(key, typed string) bool {
	kw, tw := strings.Fields(key), strings.Fields(typed)
	if len(tw) == 0 {
		return false
	}
	i := 0
	for _, w := range kw {
		if i < len(tw) && strings.HasPrefix(w, tw[i]) {
			i++
		}
	}
	if i == len(tw) {
		return true
	}
	// One typed word may span words of the key: "vrijetijd" in "vrije tijd".
	if len(tw) == 1 {
		for k := range kw {
			if strings.HasPrefix(strings.Join(kw[k:], ""), tw[0]) {
				return true
			}
		}
	}
	return false
}

// choiceName is the shown name of a choice: the label, with the alias that
// matched when the label does not contain it, within 100 characters.
func choiceName(label, key string) string {
	if key != "" && !strings.Contains(text.Compact(label), text.Compact(key)) {
		label = key + " → " + label
	}
	return text.HardCut(label, maxChoiceName)
}

func networkSuggestions(c *content.Corpus) []suggestion {
	out := make([]suggestion, 0, len(c.Networks))
	sortKey := make(map[string]string, len(c.Networks))
	for _, n := range c.Networks {
		label := n.Name + " — " + n.Place
		extra := append([]string{n.Place}, n.Municipalities...)
		out = append(out, suggestion{label: label, value: n.ID, keys: append([]string{n.Name}, n.Aliases...), extra: extra})
		sortKey[n.ID] = text.Compact(n.Name)
	}
	// Empty input: alphabetical, which is easiest to scan.
	sort.SliceStable(out, func(i, j int) bool { return sortKey[out[i].value] < sortKey[out[j].value] })
	for i := range out {
		out[i].order = i
	}
	return out
}

func partnerSuggestions(c *content.Corpus) []suggestion {
	var out []suggestion
	for _, o := range c.Organisations {
		n := c.PartnerCount(o.Name)
		if n == 0 {
			continue // would answer "not found"
		}
		out = append(out, suggestion{
			label: fmt.Sprintf("%s — %s", o.Name, text.CountNetworks(n)),
			value: o.Name,
			keys:  append([]string{o.Name}, o.Aliases...),
			order: -n, // most networks first
		})
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].order != out[j].order {
			return out[i].order < out[j].order
		}
		return strings.ToLower(out[i].value) < strings.ToLower(out[j].value)
	})
	for i := range out {
		out[i].order = i
	}
	return out
}

func factorSuggestions(c *content.Corpus) []suggestion {
	var out []suggestion
	for _, f := range c.Factors {
		out = append(out, suggestion{
			label: fmt.Sprintf("%d. %s", f.Order, f.Title),
			value: f.ID,
			keys:  []string{f.Title, f.ID},
			order: f.Order,
		})
	}
	return out
}

// regionSuggestions lists the provinces (in the guide's order) and, with
// places, every place of Flanders and Brussels (see placeSuggestions).
func regionSuggestions(c *content.Corpus, places bool) []suggestion {
	var out []suggestion
	for i, p := range c.ProvinceCounts() {
		if p.Count == 0 {
			continue
		}
		keys := []string{p.Name}
		switch p.Name {
		case "Brussel":
			keys = append(keys, "Brussels Hoofdstedelijk Gewest")
		case "West-Vlaanderen":
			keys = append(keys, "WVL")
		case "Oost-Vlaanderen":
			keys = append(keys, "OVL")
		}
		out = append(out, suggestion{label: fmt.Sprintf("%s (provincie) — %s", p.Name, text.CountNetworks(p.Count)), value: p.Name, keys: keys, order: i})
	}
	if !places {
		return out
	}
	return append(out, placeSuggestions(c)...)
}

// placeSuggestions lists every place of the gazetteer: those with networks
// of their own first (most first), with the number that /regio lists; the
// others with the nearest network. A name shared by several places is
// offered as each one's label ("Halle (Vlaams-Brabant)"). Places the guide
// names that the gazetteer does not know ("Ommeland") come too.
func placeSuggestions(c *content.Corpus) []suggestion {
	g := c.Gazetteer()
	if g == nil {
		return nil
	}
	type scored struct {
		s      suggestion
		local  int  // networks of its own (0: the label names the nearest)
		centre bool // a centre city comes before other places
		rank   int  // municipality, former municipality, sub-municipality
	}
	kindRank := map[string]int{content.KindMunicipality: 0, content.KindFormerMunicipality: 1, content.KindSubMunicipality: 2}
	var all []scored
	seen := map[string]bool{}
	for _, p := range g.Places {
		if _, isProvince := content.FindProvince(p.Name); isProvince {
			continue // "Antwerpen", "Brussel": the province answers
		}
		value := p.Name
		if len(g.Named(p.Name)) > 1 {
			value = p.Label()
		}
		where := p.Province
		if p.Municipality != p.Name {
			where = "gemeente " + p.Municipality
		}
		sum := c.PlaceSummary(p)
		label := fmt.Sprintf("%s (%s) — %s", p.Name, where, text.CountNetworks(sum.Here))
		if sum.Local == 0 && sum.Nearest != nil {
			label = fmt.Sprintf("%s (%s) — dichtstbij: %s, %s", p.Name, where, sum.Nearest.Name, answer.FormatKm(sum.NearestKm))
		}
		seen[text.Compact(p.Name)] = true
		all = append(all, scored{suggestion{label: label, value: value, keys: append([]string{p.Name}, p.Aliases...)}, sum.Local, centre(p), kindRank[p.Kind]})
	}
	for _, pc := range c.PlaceCounts() {
		if _, isProvince := content.FindProvince(pc.Name); isProvince || seen[text.Compact(pc.Name)] {
			continue
		}
		seen[text.Compact(pc.Name)] = true
		all = append(all, scored{suggestion{label: fmt.Sprintf("%s (%s) — %s", pc.Name, pc.Province, text.CountNetworks(pc.Count)), value: pc.Name, keys: []string{pc.Name}}, pc.Count, false, 0})
	}
	sort.SliceStable(all, func(i, j int) bool {
		a, b := all[i], all[j]
		if a.local != b.local {
			return a.local > b.local
		}
		if a.centre != b.centre {
			return a.centre
		}
		if a.rank != b.rank {
			return a.rank < b.rank
		}
		return text.Fold(a.s.value) < text.Fold(b.s.value)
	})
	out := make([]suggestion, len(all))
	for i, a := range all {
		a.s.order = 100 + i
		out[i] = a.s
	}
	return out
}

// centreCities are Flanders' thirteen centre cities (centrumsteden): the
// places people look up most, offered first among places alike.
var centreCities = []string{"Aalst", "Antwerpen", "Brugge", "Genk", "Gent", "Hasselt", "Kortrijk", "Leuven", "Mechelen", "Oostende", "Roeselare", "Sint-Niklaas", "Turnhout"}

func centre(p *content.Place) bool {
	return p.Kind == content.KindMunicipality && slices.Contains(centreCities, p.Name)
}

func themeSuggestions(c *content.Corpus) []suggestion {
	var out []suggestion
	for i, t := range c.ThemeCounts() {
		keys := []string{t.Name}
		if th := c.FindTheme(t.Name); th != nil {
			keys = append(keys, th.Aliases...)
		}
		out = append(out, suggestion{label: fmt.Sprintf("%s — %s", t.Name, text.CountNetworks(t.Count)), value: t.Name, keys: slices.Clip(keys), order: i})
	}
	return out
}
