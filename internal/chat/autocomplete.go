package chat

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/bondgenoot/bondgenoot/content"
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
// corpus c (it derives the lists each time; the Router keeps them).
func Choices(c *content.Corpus, command, option, typed string) []Choice {
	return newCatalog(c).choices(command, option, typed)
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
	var out []ranked
	for _, it := range items {
		if utf8.RuneCountInString(it.value) > maxChoiceValue || it.value == "" {
			continue // a value Discord would refuse
		}
		best, bestDist, bestKey := tierNone, 0, ""
		if qc == "" {
			best = tierExact
		}
		for _, k := range it.keys {
			t, d := matchTier(q, qc, k)
			if t < best || t == best && d < bestDist {
				best, bestDist, bestKey = t, d, k
			}
		}
		for _, k := range it.extra {
			t, d := matchTier(q, qc, k)
			if t != tierNone && t < tierSubstring {
				t = tierSubstring
			}
			if t < best {
				best, bestDist, bestKey = t, d, ""
			}
		}
		if best == tierNone {
			continue
		}
		out = append(out, ranked{name: choiceName(it.label, bestKey), value: it.value, tier: best, dist: bestDist, order: it.order})
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

// matchTier says how well the typed text (normalised q, compact qc) matches
// a key, and for fuzzy matches the distance.
func matchTier(q, qc, key string) (tier, dist int) {
	if qc == "" {
		return tierExact, 0
	}
	kn := text.Normalize(key)
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
	if n < 3 {
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
// places, the places with the most networks first.
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
	// A place can lie in two provinces' lists (Beveren): one choice, with
	// the counts added up (a network lies in one province).
	type place struct {
		name      string
		provinces []string
		count     int
	}
	var pls []*place
	byKey := map[string]*place{}
	for _, p := range c.PlaceCounts() {
		if _, isProvince := content.FindProvince(p.Name); isProvince {
			continue // "Limburg", "Antwerpen": the province answers
		}
		k := text.Compact(p.Name)
		pl := byKey[k]
		if pl == nil {
			pl = &place{name: p.Name}
			byKey[k] = pl
			pls = append(pls, pl)
		}
		pl.provinces = append(pl.provinces, p.Province)
		pl.count += p.Count
	}
	sort.SliceStable(pls, func(i, j int) bool {
		if pls[i].count != pls[j].count {
			return pls[i].count > pls[j].count
		}
		return text.Fold(pls[i].name) < text.Fold(pls[j].name)
	})
	for i, p := range pls {
		out = append(out, suggestion{
			label: fmt.Sprintf("%s (%s) — %s", p.name, strings.Join(p.provinces, ", "), text.CountNetworks(p.count)),
			value: p.name, keys: []string{p.name}, order: 100 + i,
		})
	}
	return out
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
