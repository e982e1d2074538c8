package index

import (
	"slices"
	"strconv"
	"strings"
)

// synonymGroups are words and phrases that mean the same thing in the
// guide's world. A query for one also looks for the others, at a lower
// weight. Multi-word entries are matched as phrases at query time (bleve's
// own synonym support drops them). Partner spellings (1G1P, Saamo, …) come
// from the partner directory, which is indexed with every network.
var synonymGroups = append([][]string{
	{"brugfiguur", "brugfiguren", "brugfunctie", "verbindingsfiguur", "verbindingsfiguren", "schoolpoortwerker", "schoolpoortwerkers", "schoolopbouwwerker"},
	{"1g1p", "1gezin 1plan", "1 gezin 1 plan", "een gezin een plan"},
	{"ocmw", "sociaal huis", "sociale dienst", "openbaar centrum voor maatschappelijk welzijn"},
	{"gezin", "gezinnen", "huishouden"},
	{"caw", "centrum algemeen welzijnswerk"},
	{"clb", "centrum voor leerlingenbegeleiding", "leerlingenbegeleiding"},
	{"jac", "jongerenadviescentrum"},
	{"lop", "lokaal overlegplatform", "lokaal overleg platform"},
	{"vrije tijd", "vrijetijd", "vrijetijdsbesteding", "vrijtijdsbesteding", "vrijetijdsaanbod", "hobby", "hobbys"},
	{"ervaringsdeskundige", "ervaringsdeskundigen", "ervaringsdeskundigheid", "ervaringskennis"},
	{"laagdrempelig", "laagdrempeligheid", "toegankelijk", "toegankelijkheid", "drempelverlagend"},
	{"okan", "onthaalklas", "anderstalige nieuwkomers", "nieuwkomers"},
	{"huis van het kind", "huizen van het kind"},
	{"kind en gezin", "opgroeien"},
	{"trekker", "projectcoordinator", "coordinator", "spelverdeler"},
	{"vertrouwenspersoon", "aanspreekpunt"},
	{"secundair onderwijs", "middelbare school", "secundaire school", "secundair"},
	{"basisonderwijs", "basisschool", "lagere school", "basisscholen", "lager onderwijs", "eerste leerjaar", "lagere"},
	{"overgang", "overstap", "transitie", "doorstroom"},
	{"schulden", "schuldenlast", "collectieve schuldenregeling", "schuldhulpverlening", "budgetbeheer", "geldproblemen", "geldzorgen"},
	{"huisbezoek", "huisbezoeken", "aan huis"},
	{"outreachend", "outreach", "outreaching", "uitreikend"},
	{"participatie", "inspraak", "meebeslissen"},
	{"leerkracht", "leerkrachten", "leraar", "leraren", "onderwijzer"},
	{"jongeren", "tieners", "adolescenten"},
	{"kinderen", "kids", "kindjes"},
	{"armoede", "kansarmoede", "kinderarmoede", "gezinsarmoede"},
	{"ouderbetrokkenheid", "betrokkenheid van ouders", "ouderparticipatie"},
	{"kinderopvang", "opvang", "bko", "ibo", "kinderdagverblijf", "buitenschoolse opvang"},
	{"menstruatiearmoede", "menstruatiewelzijn"},
	{"anderstalig", "anderstalige", "meertalig"},
	{"jeugdwerk", "jeugdbeweging", "jeugdwerking", "jeugdhuis"},
	{"mentaal welzijn", "psychisch welzijn", "geestelijke gezondheid", "psycholoog", "eerstelijnspsycholoog"},
	{"samenwerken", "samenwerking", "netwerking"},
	{"signalen", "signaal", "signaalfunctie", "signaaldetectie"},
	{"schooluitval", "vroegtijdige uitval", "uitval", "vroegtijdig schoolverlaten", "schoolverlaters", "zonder diploma", "afhaken", "school niet afmaken", "school afmaken", "stoppen met school"},
	{"ontbijt", "ontbijten", "brooddoos", "brooddozen", "lege brooddoos"},
	{"maaltijd", "maaltijden", "warme maaltijd", "middagmaal", "eten"},
	{"voedsel", "voeding", "voedselbank", "voedselondersteuning", "voedselpakket"},
	{"start", "starten", "opstarten", "opstart", "oprichten", "opzetten", "uitbouwen", "vormen", "beginnen"},
	// Words social workers use for what the guide says otherwise.
	{"geld", "financieel", "financiele", "financien", "inkomen", "budget", "financiering", "middelen", "subsidie", "subsidies"},
	{"vrijwilliger", "vrijwilligers", "vrijwilligerswerk"},
	{"vluchteling", "vluchtelingen", "migranten", "migratie", "asielzoekers"},
	{"wonen", "huisvesting", "woning", "woningen", "huur", "huren"},
	{"job", "jobs", "tewerkstelling", "werkloosheid", "werkloos"},
	{"huisarts", "dokter", "arts"},
	{"materiaal", "spullen", "kindermateriaal", "babymateriaal"},
	{"toeleiding", "toeleiden", "doorverwijzen", "doorverwijzing", "doorverwezen"},
	{"evaluatie", "evalueren", "impact", "effect"},
	{"stigma", "stigmatisering", "stigmatiserend", "stigmatiserende", "schaamte", "taboe", "vooroordelen"},
	{"ouders", "ouder", "papa", "mama", "vader", "moeder", "vaders", "moeders"},
	{"baby", "babys", "zuigeling", "peuter", "peuters"},
	{"cultuur", "cultureel", "culturele", "kunst", "kunsten"},
	{"vervoer", "mobiliteit", "verplaatsing", "verplaatsen"},
	{"inburgering", "integratie", "inburgeren"},
	{"kwetsbare", "kwetsbaar", "kwetsbaarheid", "kansarme", "kansarm"},
	{"eenzaam", "eenzaamheid", "isolement"},
	{"digitaal", "digitale", "computer", "laptop", "internet", "online"},
	{"woorden", "woord", "termen", "term", "taalgebruik", "woordgebruik", "woordkeuze"},
	{"informeel", "informele", "formeel", "formele"},
	{"huiswerk", "huiswerkbegeleiding", "huiswerkklas", "studiebegeleiding"},
}, numberGroups()...)

// numberWords are the numbers people type as digits and the guide writes
// out (vijf- en dertienjarige), or the other way round.
var numberWords = []string{"nul", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien",
	"elf", "twaalf", "dertien", "veertien", "vijftien", "zestien", "zeventien", "achttien", "negentien", "twintig"}

// numberGroups pairs each number from 2 with its word ("een" and "nul" are
// too common to pair).
func numberGroups() [][]string {
	var out [][]string
	for i, w := range numberWords {
		if i >= 2 {
			out = append(out, []string{strconv.Itoa(i), w})
		}
	}
	return out
}

// synonyms maps a folded word or phrase to its group.
var synonyms = makeSynonyms()

func makeSynonyms() map[string][]string {
	m := map[string][]string{}
	for _, g := range synonymGroups {
		for _, w := range g {
			k := strings.Join(words(w), " ")
			for _, o := range g {
				if !slices.Contains(m[k], o) {
					m[k] = append(m[k], o)
				}
			}
		}
	}
	return m
}

// synonymsOf returns the other members of the group of w (folded words
// joined by spaces), each split into words.
func synonymsOf(w string) ([][]string, bool) {
	g, ok := synonyms[w]
	if !ok {
		return nil, false
	}
	var out [][]string
	for _, s := range g {
		ws := words(s)
		if strings.Join(ws, " ") != w {
			out = append(out, ws)
		}
	}
	return out, true
}
