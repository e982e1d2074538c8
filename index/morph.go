package index

import "strings"

// familyShare weighs another form of the same word that the guide writes
// (gestart → startten, inschrijven → inschrijving, koken → kookmomenten).
const familyShare = 0.5

// verbRoots returns the roots a Dutch word may be an inflection of: the
// stem of an infinitive or plural (koken → kook, zetten → zet, schrijven →
// schrijf), of a past participle (gestart → start), of a third person
// (werkt → werk), of a noun in -ing (inschrijving → inschrijv) or of a
// plural in -s (emoties → emotie).
func verbRoots(w string) []string {
	var out []string
	add := func(r string) {
		if len(r) >= 3 && !containsStr(out, r) {
			out = append(out, r)
		}
	}
	for _, r := range strongVerbs[w] {
		add(r)
	}
	n := len(w)
	if n >= 5 && strings.HasSuffix(w, "en") {
		b := w[:n-2]
		add(b)
		if m := len(b); m >= 2 && b[m-1] == b[m-2] && !isVowel(b[m-1]) {
			add(b[:m-1]) // zetten → zet
		}
		if m := len(b); m >= 3 && !isVowel(b[m-1]) && isVowel(b[m-2]) && !isVowel(b[m-3]) && b[m-2] != 'e' {
			add(b[:m-1] + b[m-2:]) // koken → kook, maken → maak
		}
		switch b[len(b)-1] {
		case 'v':
			add(b[:len(b)-1] + "f")
		case 'z':
			add(b[:len(b)-1] + "s")
		}
	}
	if n >= 6 && strings.HasPrefix(w, "ge") && (w[n-1] == 't' || w[n-1] == 'd') {
		add(w[2 : n-1]) // gehoord → hoor
		add(w[2:])      // gestart → start: a root in t or d takes none
	}
	if n >= 5 && w[n-1] == 't' && !strings.HasPrefix(w, "ge") {
		add(w[:n-1])
	}
	if n >= 6 && strings.HasSuffix(w, "ing") {
		add(w[:n-3])
	}
	if n >= 7 && strings.HasSuffix(w, "er") {
		// A comparative: makkelijker → makkelijk, sneller → snel, schoner →
		// schoon, zwaarder → zwaar.
		b := w[:n-2]
		add(b)
		if m := len(b); b[m-1] == b[m-2] && !isVowel(b[m-1]) || strings.HasSuffix(b, "rd") {
			add(b[:m-1])
		}
		if m := len(b); !isVowel(b[m-1]) && isVowel(b[m-2]) && !isVowel(b[m-3]) && b[m-2] != 'e' {
			add(b[:m-1] + b[m-2:])
		}
	}
	if n >= 5 && w[n-1] == 's' && !strings.HasSuffix(w, "ss") {
		add(w[:n-1]) // a plural in -s: emoties → emotie, sportclubs → sportclub
	}
	return out
}

// strongVerbs maps the past forms of common strong and irregular verbs to
// their stem and infinitive: begonnen → begin, beginnen. A past form that
// is also another word (vroeg, early) is left out.
var strongVerbs = func() map[string][]string {
	m := map[string][]string{}
	for _, l := range strings.Split(`begon begonnen: begin beginnen
		kwam kwamen gekomen: kom komen
		ging gingen gegaan: gaan
		deed deden gedaan: doe doen
		kreeg kregen gekregen: krijg krijgen
		bleef bleven gebleven: blijf blijven
		schreef schreven geschreven: schrijf schrijven
		vond vonden gevonden: vind vinden
		nam namen genomen: neem nemen
		gaf gaven gegeven: geef geven
		zag zagen gezien: zie zien
		sprak spraken gesproken: spreek spreken
		hielp hielpen geholpen: help helpen
		bracht brachten gebracht: breng brengen
		dacht dachten gedacht: denk denken
		zocht zochten gezocht: zoek zoeken
		liep liepen gelopen: loop lopen
		stond stonden gestaan: sta staan
		hield hielden gehouden: hou houden
		trok trokken getrokken: trek trekken
		bood boden geboden: bied bieden
		koos kozen gekozen: kies kiezen
		zaten gezeten: zit zitten
		lagen gelegen: lig liggen
		bleek bleken gebleken: blijk blijken
		wist wisten geweten: weet weten
		sloot sloten gesloten: sluit sluiten
		ontstond ontstonden ontstaan: ontsta ontstaan
		verbond verbonden: verbind verbinden
		ontving ontvingen ontvangen: ontvang
		onderging ondergingen ondergaan: ondergaan
		verliep verliepen verlopen: verloop
		betrok betrokken: betrek betrekken
		groeide groeiden gegroeid: groei groeien`, "\n") {
		forms, roots, _ := strings.Cut(l, ":")
		for _, f := range strings.Fields(forms) {
			m[f] = strings.Fields(roots)
		}
	}
	return m
}()

func isVowel(b byte) bool { return strings.IndexByte("aeiouy", b) >= 0 }

// family returns the other forms of w's word that the guide writes: each
// root of w with the endings of Dutch verbs and of nouns in -ing.
func (ix *Index) family(w string) []string {
	var out []string
	// A noun's plural: studiekeuze → studiekeuzes, which the stemmer keeps
	// apart.
	forms := append(candidateForms(w), w+"s", w+"en")
	for _, f := range forms {
		if ix.vocab.words[f] > 0 {
			out = append(out, f)
		}
	}
	return out
}

// familyForms are the forms of w that may start a compound: its roots and
// the noun in -ing, with w itself.
func (ix *Index) familyForms(w string) []string {
	out := []string{w}
	for _, r := range verbRoots(w) {
		voiced := r
		switch r[len(r)-1] {
		case 'f':
			voiced = r[:len(r)-1] + "v"
		case 's':
			voiced = r[:len(r)-1] + "z"
		}
		for _, f := range []string{r, voiced + "ing"} {
			if len(f) >= 4 && !containsStr(out, f) {
				out = append(out, f)
			}
		}
	}
	return out
}

// candidateForms are the inflections of w's roots.
func candidateForms(w string) []string {
	var out []string
	for _, r := range verbRoots(w) {
		voiced := r
		switch r[len(r)-1] {
		case 'f':
			voiced = r[:len(r)-1] + "v"
		case 's':
			voiced = r[:len(r)-1] + "z"
		}
		// Before an ending that starts with a vowel, a doubled vowel is
		// written once: stigmatiseer → stigmatiseren, maak → maken.
		open := voiced
		if m := len(voiced); m >= 4 && voiced[m-2] == voiced[m-3] && isVowel(voiced[m-2]) && !isVowel(voiced[m-1]) {
			open = voiced[:m-2] + voiced[m-1:]
		}
		// Who does it: trek → trekker, begeleid → begeleider, maak → maker.
		agent := voiced
		if m := len(r); m >= 3 && !isVowel(r[m-1]) && isVowel(r[m-2]) && !isVowel(r[m-3]) {
			agent = r + r[m-1:]
		}
		for _, f := range []string{r, r + "t", r + "en", voiced + "en", voiced + "ing", r + "ing", "ge" + r + "t", "ge" + r + "d", r + "te", r + "de", r + "ten", r + "den",
			open + "en", open + "ing", open + "end", open + "ende", agent + "er", agent + "ers", open + "er", open + "ers"} {
			if f != w && !containsStr(out, f) {
				out = append(out, f)
			}
		}
	}
	return out
}

func containsStr(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}
