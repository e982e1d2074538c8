package index

import (
	_ "embed"
	"slices"
	"strings"
)

// everydayShare weighs the guide's word for an everyday one.
const everydayShare = 0.6

// everydayGroups are the words people use in a question for what the guide
// calls otherwise: a teacher says "juf", a parent "crèche", a social worker
// "arme gezinnen". A member the guide never writes looks for the members it
// does write, at everydayShare; a member the guide writes looks for nothing
// more through its group, so that common words of the guide ("school",
// "hulp") do not drift. A word may stand in several groups.
var everydayGroups = [][]string{
	// People.
	{"leerkracht", "leerkrachten", "juf", "juffen", "meester", "meesters", "docent", "docenten", "lesgever", "lesgevers", "onderwijzers"},
	{"directie", "directeur", "directeurs", "schoolleider", "schoolleiding", "schooldirecteur"},
	{"leerlingen", "leerling", "scholieren", "scholier"},
	{"hoger onderwijs", "hogeschool", "hogescholen", "universiteit", "unief", "hogere studies", "verder studeren"},
	{"kleuter", "kleuters", "kleuterklas", "kleuterschool", "kleuteronderwijs"},
	{"jonge kinderen", "kleine kinderen", "peuters", "peuter", "kleuters"},
	{"jongeren", "pubers", "jongvolwassenen", "tieners"},
	{"alleenstaande", "alleenstaande ouder", "alleenstaande moeder", "eenoudergezin", "eenoudergezinnen", "alleenstaande mama"},
	{"buurtbewoners", "bewoners", "buren", "inwoners"},
	{"hulpverleners", "hulpverlener", "maatschappelijk werker", "maatschappelijk werkers", "sociaal werker", "sociaal werkers", "welzijnswerker", "welzijnswerkers", "hulpverlening"},
	{"vrijwilligers", "vrijwilliger", "vrijwillig", "vrijwillige medewerkers"},
	{"buddy", "buddys", "maatje", "maatjes", "mentor", "mentors", "peter", "meter", "peters", "meters"},
	{"coach", "coaches", "coaching", "begeleider", "begeleiders", "trajectbegeleider"},
	{"beleidsmakers", "politiek", "politici", "schepen", "burgemeester", "gemeentebestuur", "lokaal bestuur", "lokale overheid", "beleid"},
	{"gemeente", "stad", "gemeentes", "steden", "lokaal bestuur"},
	{"nieuwkomers", "vluchtelingen", "vluchteling", "asielzoekers", "migranten", "migrantengezinnen", "anderstalige nieuwkomers"},
	// Poverty and its words.
	{"armoede", "arm", "arme", "armen", "weinig geld", "krap bij kas", "minderbedeelden", "minderbedeeld", "behoeftig", "behoeftige", "armoedesituatie"},
	{"kwetsbare gezinnen", "arme gezinnen", "gezinnen in armoede", "kansarme gezinnen", "gezinnen met weinig geld", "maatschappelijk kwetsbare gezinnen"},
	{"kwetsbare", "kwetsbaar", "arme", "kansarme", "maatschappelijk kwetsbaar", "precair", "precaire"},
	{"drempels", "drempel", "obstakels", "obstakel", "hindernissen", "hindernis", "barrieres", "barriere", "belemmeringen"},
	{"gratis", "kosteloos", "niet betalen", "zonder kosten", "geen kosten", "goedkoop"},
	{"betaalbaar", "goedkoop", "goedkope", "korting", "kortingen", "sociaal tarief", "kansentarief", "uitpas", "vrijetijdspas", "prijs", "kosten", "kostprijs"},
	{"schulden", "schuld", "rekeningen", "onbetaalde rekeningen", "achterstallige", "schuldbemiddeling", "budgetbegeleiding", "afbetalen"},
	{"rechten", "sociale rechten", "toelagen", "toelage", "tegemoetkoming", "tegemoetkomingen", "premie", "premies", "uitkering", "uitkeringen", "groeipakket", "kindergeld", "studietoelage", "schooltoeslag", "voordelen", "rechtenverkenning"},
	{"take-up", "non-take-up", "rechten niet opnemen", "onderbescherming", "rechten opnemen", "rechten benutten"},
	{"uitsluiting", "buitengesloten", "uitgesloten", "erbij horen", "niet mee kunnen", "uit de boot vallen", "sociale uitsluiting"},
	{"isolement", "eenzaam", "eenzaamheid", "alleen", "geïsoleerd", "geisoleerd", "vereenzaming"},
	{"huisvesting", "dakloos", "dakloosheid", "thuisloos", "thuisloosheid", "woonnood", "geen woning", "uithuiszetting", "woonproblemen", "slechte woning"},
	{"stress", "angst", "depressie", "psychische problemen", "niet goed in je vel", "niet goed in hun vel", "mentale gezondheid", "welbevinden", "zich goed voelen"},
	{"gezondheid", "gezond", "ziek", "ziekte", "zorg", "tandarts", "medisch", "medische"},
	{"voeding", "warme maaltijd", "honger", "hongerig", "zonder eten", "met een lege maag", "lege maag", "voedselonzekerheid"},
	{"schoolmateriaal", "schoolgerief", "schoolspullen", "boekentas", "pennenzak", "schoolkosten", "schoolfactuur", "schoolrekening"},
	// School and learning.
	{"huiswerk", "huistaken", "taken", "bijles", "bijlessen", "studeren", "leren", "studiebegeleiding", "huiswerkbegeleiding"},
	{"taal", "nederlands", "taalontwikkeling", "taalstimulering", "taalachterstand", "taalvaardigheid", "spreken"},
	{"lezen", "voorlezen", "boeken", "leesplezier", "bibliotheek", "bib"},
	{"anderstalig", "anderstalige", "geen nederlands", "geen nederlands spreken", "taalbarriere", "tolk", "tolken", "andere taal"},
	{"schoolteam", "schoolteams", "leerkrachten", "lerarenkorps", "personeel", "schoolpersoneel"},
	{"spijbelen", "afwezigheden", "afwezig", "absenteisme", "niet naar school", "schoolverzuim", "spijbelt"},
	{"zittenblijven", "blijven zitten", "bissen", "overzitten", "schoolse achterstand", "leerachterstand", "achterstand"},
	{"talenten", "talent", "sterktes", "kwaliteiten", "wat ze goed kunnen"},
	{"studiekeuze", "oriëntatie", "orientatie", "studierichting", "richting kiezen", "keuze", "beroepskeuze"},
	// Care for young children and families.
	{"kinderopvang", "creche", "creches", "kribbe", "kinderkribbe", "onthaalouder", "onthaalouders", "peuterspeelzaal", "dagopvang"},
	{"opvoedingsondersteuning", "opvoeding", "opvoeden", "opvoedingsvragen", "opvoedingshulp", "opvoedingstips"},
	{"zwangerschap", "zwanger", "zwangere", "prenataal", "prenatale", "aanstaande ouders", "geboorte", "pasgeborene"},
	{"gezin", "gezinnen", "familie", "families", "thuis", "huisgezin"},
	{"ouders", "ouder", "papa", "mama", "vader", "moeder", "opvoeders", "ouderparticipatie", "ouderwerking"},
	// Free time.
	{"vrije tijd", "vrijetijd", "sport", "sporten", "sportclub", "sportclubs", "hobby", "hobbys", "jeugdbeweging", "scouts", "chiro", "speelplein", "speelpleinwerking", "kamp", "kampen", "vakantie", "vakanties", "muziekschool", "academie"},
	{"sport", "sporten", "sportclub", "sportclubs", "voetbal", "zwemmen", "turnen", "dansen", "sportkampen"},
	{"vakantie", "vakanties", "zomervakantie", "schoolvakantie", "schoolvrije dagen", "zomer", "kampen", "vakantiewerking"},
	{"spelen", "spel", "spelletjes", "speelgoed", "speelnamiddag", "speelnamiddagen", "spelotheek"},
	{"cultuur", "theater", "museum", "musea", "concert", "film", "uitstap", "uitstappen"},
	// Working together.
	{"overleg", "vergadering", "vergaderingen", "vergaderen", "stuurgroep", "rond de tafel", "overlegmoment", "overlegmomenten", "bijeenkomst", "bijeenkomsten"},
	{"kennismaking", "kennismaken", "elkaar kennen", "elkaar leren kennen", "kennis maken"},
	{"ontmoeting", "ontmoetingen", "ontmoetingsmoment", "ontmoetingsmomenten", "samenkomen", "elkaar ontmoeten"},
	{"verankering", "verankeren", "structureel", "structurele", "duurzaam", "duurzame", "blijvend", "continuiteit", "na het project", "na de subsidie", "voortzetten", "voortbestaan"},
	{"middelen", "financiering", "subsidie", "subsidies", "geld", "budget", "projectmiddelen", "fondsen", "sponsoring"},
	{"mandaat", "bevoegdheid", "beslissingsbevoegdheid", "mag beslissen", "beslissen"},
	{"resultaten", "resultaat", "impact", "effect", "effecten", "meten", "opvolgen", "cijfers", "monitoring"},
	{"communicatie", "communiceren", "informeren", "bekendmaken", "bekendheid", "flyer", "folder", "affiche"},
	{"bereiken", "bereik", "in contact komen", "contact leggen", "toeleiden", "aanspreken", "vinden"},
	{"signalen", "signaal", "opmerken", "opvangen", "detecteren", "merken", "vroegdetectie"},
	{"doorverwijzen", "doorverwijzing", "doorsturen", "verwijzen", "toeleiding"},
	{"hulp", "ondersteuning", "steun", "begeleiding", "helpen", "hulpverlening", "bijstand"},
	{"inspraak", "participatie", "stem", "meepraten", "meedenken", "meebeslissen", "betrekken"},
	{"buurt", "wijk", "wijken", "buurten", "dorp", "straat", "in de buurt"},
	{"aanwezig", "aanwezigheid", "langsgaan", "langskomen", "op bezoek", "ter plaatse", "zichtbaar"},
	{"laagdrempelig", "makkelijk", "eenvoudig", "toegankelijk", "drempelarm", "zonder drempels"},
	{"inschrijving", "inschrijven", "inschrijvingen", "aanmelden", "aanmelding", "registreren", "formulieren", "papierwerk", "administratie"},
	{"digitaal", "digitale", "computer", "laptop", "internet", "online", "gsm", "smartphone", "wifi", "digitale kloof"},
	{"vervoer", "mobiliteit", "fiets", "bus", "openbaar vervoer", "verplaatsing", "verplaatsen"},
	{"werk", "job", "jobs", "werkzoekend", "werkzoekenden", "werkloos", "werkloosheid", "vdab", "tewerkstelling", "arbeidsmarkt"},
	// What people want to do.
	{"stimuleren", "motiveren", "aanmoedigen", "aanzetten", "overhalen", "overtuigen", "over de streep halen", "enthousiasmeren"},
	{"versterken", "verbeteren", "beter maken", "sterker maken", "uitbreiden", "opschalen", "uitbouwen"},
	{"noden", "behoeften", "problemen", "uitdagingen", "wat ze nodig hebben", "wat mensen nodig hebben", "knelpunten", "moeilijkheden", "vragen"},
	{"doelgroep", "publiek", "deelnemers", "doelpubliek"},
	{"onder de radar", "moeilijk bereikbaar", "moeilijk bereikbare", "moeilijk te bereiken", "onzichtbaar", "verborgen armoede", "niet bereikt", "uit beeld"},
	{"vertrouwen", "wantrouwen", "argwaan", "achterdocht", "niet vertrouwen"},
	{"ervaringsdeskundigen", "ervaringsdeskundige", "mensen met armoede-ervaring", "armoede-ervaring", "mensen in armoede", "ervaring met armoede", "zelf arm geweest"},
	{"leefwereld", "thuissituatie", "leefsituatie", "leefomstandigheden", "situatie thuis", "achtergrond"},
	{"taalgebruik", "jargon", "moeilijke woorden", "vakjargon", "moeilijke taal", "eenvoudige taal", "klare taal", "woordkeuze"},
	{"schaamte", "beschaamd", "beschamend", "zich schamen", "gene", "schamen"},
	{"kick-off", "kickoff", "startmoment", "startvergadering", "eerste bijeenkomst", "eerste vergadering", "opstart", "startdag"},
	{"gelijkwaardig", "gelijkwaardigheid", "respect", "respectvol", "op gelijke voet", "als gelijke"},
	{"opvolging", "opvolgen", "nazorg", "follow-up", "follow up", "warme overdracht"},
}

// thesaurusText holds more groups like everydayGroups, one a line.
//
//go:embed thesaurus.txt
var thesaurusText string

// thesaurusGroups parses thesaurusText: members separated by "|", lines
// starting with "#" and empty lines skipped.
func thesaurusGroups(text string) [][]string {
	var out [][]string
	for _, l := range strings.Split(text, "\n") {
		l = strings.TrimSpace(l)
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		var g []string
		for _, m := range strings.Split(l, "|") {
			if m = strings.TrimSpace(m); m != "" {
				g = append(g, m)
			}
		}
		if len(g) > 1 {
			out = append(out, g)
		}
	}
	return out
}

// allEverydayGroups are everydayGroups and the groups of thesaurus.txt.
var allEverydayGroups = append(slices.Clip(everydayGroups), thesaurusGroups(thesaurusText)...)

// newEveryday maps each member of everydayGroups that the guide does not
// write to the members it writes.
func (ix *Index) newEveryday() map[string][]string {
	m := map[string][]string{}
	writes := ix.writesPhrase
	for _, g := range allEverydayGroups {
		var guide, other []string
		for _, s := range g {
			k := strings.Join(words(s), " ")
			if k == "" {
				continue
			}
			if writes(k) {
				guide = append(guide, k)
			} else {
				other = append(other, k)
			}
		}
		for _, o := range other {
			for _, t := range guide {
				if !slices.Contains(m[o], t) {
					m[o] = append(m[o], t)
				}
			}
		}
	}
	return m
}

// writesPhrase reports whether the guide writes s (folded words joined by
// spaces): the word, or the words in this order.
func (ix *Index) writesPhrase(s string) bool {
	ws := slices.DeleteFunc(words(s), func(w string) bool { return stopWords[w] })
	switch len(ws) {
	case 0:
		return false
	case 1:
		return ix.vocab.words[ws[0]] > 0
	}
	return ix.inBody(s)
}
