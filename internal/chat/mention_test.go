package chat

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

const testBotID = "1000000000000000001"

func TestParseMention(t *testing.T) {
	c := service(t).Corpus
	me := "<@" + testBotID + ">"
	tests := []struct {
		msg  string
		want MentionQuery
	}{
		// The phrasings of the issue.
		{me + " wie werkt samen met CAW in Limburg?", MentionQuery{Partner: "CAW", Province: "Limburg"}},
		{me + " partners van SAAMO", MentionQuery{Partner: "SAAMO"}},
		{me + " netwerken rond vrije tijd in Gent", MentionQuery{Theme: "vrije tijd", Place: "Gent"}},
		{me + " brugfiguur", MentionQuery{Query: "brugfiguur"}},
		// Partner phrasings, spellings and aliases.
		{"<@!" + testBotID + "> wie werkt er samen met het OCMW?", MentionQuery{Partner: "OCMW"}},
		{me + " Wie werkt samen met saamo", MentionQuery{Partner: "SAAMO"}},
		{me + " bondgenoten van Kind & Gezin", MentionQuery{Partner: "Kind en Gezin"}},
		{me + " samenwerken met 1G1P", MentionQuery{Partner: "1Gezin 1Plan"}},
		{me + " netwerken met Huis van het Kind in Gent", MentionQuery{Partner: "Huis van het Kind", Place: "Gent"}},
		{me + " wie werkt samen met SAAMO Limburg", MentionQuery{Partner: "SAAMO"}},
		{me + " partners van CAW rond onderwijs", MentionQuery{Partner: "CAW", Theme: "onderwijs"}},
		{me + " wie werkt samen met Brede School Beringen?", MentionQuery{Partner: "Brede School", Place: "Beringen"}},
		{me + " partners van GO!", MentionQuery{Partner: "GO!"}},
		{me + " wie werkt samen met de lokale secundaire scholen", MentionQuery{Partner: "lokale secundaire scholen"}},
		{me + " wie werkt samen met Samo?", MentionQuery{Partner: "Samo"}},
		{"In Limburg, wie werkt samen met CAW " + me, MentionQuery{Partner: "CAW", Province: "Limburg"}},
		{me + " partners van Duosprong", MentionQuery{Query: "Duosprong"}},
		// Short forms from the directory, as the search knows them.
		{me + " wie werkt samen met huis vh kind?", MentionQuery{Partner: "Huis van het Kind"}},
		{me + " partners van HvhK in Gent", MentionQuery{Partner: "Huis van het Kind", Place: "Gent"}},
		{me + " netwerken met BKO", MentionQuery{Partner: "Buitenschoolse kinderopvang"}},
		{me + " wie werkt samen met?", MentionQuery{}},
		// Filters.
		{me + " onderwijs in Limburg", MentionQuery{Theme: "onderwijs", Province: "Limburg"}},
		{me + " Gent", MentionQuery{Place: "Gent"}},
		{me + " Limburg", MentionQuery{Province: "Limburg"}},
		{me + " vrije tijd Gent", MentionQuery{Theme: "vrije tijd", Place: "Gent"}},
		{me + " welke netwerken zijn er in West-Vlaanderen?", MentionQuery{Province: "West-Vlaanderen"}},
		{me + " netwerken in de provincie Antwerpen", MentionQuery{Province: "Antwerpen"}},
		{me + " netwerken rond het thema hulp- en dienstverlening", MentionQuery{Theme: "hulp- en dienstverlening"}},
		{me + " toon de netwerken in sint niklaas", MentionQuery{Place: "Sint-Niklaas"}},
		{me + " scholen", MentionQuery{Theme: "onderwijs"}},
		// Searches, with the filters a word introduced.
		{me + " brugfiguur in Limburg", MentionQuery{Province: "Limburg", Query: "brugfiguur"}},
		{me + " brugfiguur in Gent", MentionQuery{Place: "Gent", Query: "brugfiguur Gent"}},
		{me + " zoek brugfiguur", MentionQuery{Query: "brugfiguur"}},
		{me + " zoek naar vrije tijd en sport", MentionQuery{Query: "vrije tijd en sport"}},
		{me + " wat is een brugfiguur?", MentionQuery{Query: "wat is een brugfiguur"}},
		{me + " onderwijs gezin", MentionQuery{Query: "onderwijs gezin"}},
		{"@everyone " + me + " brugfiguur!!!", MentionQuery{Query: "brugfiguur"}},
		{me + " <@42> <#7> <:blij:123> brugfiguur", MentionQuery{Query: "brugfiguur"}},
		{"@bondgenoot brugfiguur", MentionQuery{Query: "brugfiguur"}},
		// Nearness to a place of the gazetteer, never a theme word.
		{me + " netwerken in de buurt van Gent", MentionQuery{Near: "Gent"}},
		{me + " iets in de buurt van Aalst?", MentionQuery{Near: "Aalst"}},
		{me + " is er iets in de omgeving van Kortrijk?", MentionQuery{Near: "Kortrijk"}},
		{me + " netwerken dichtbij Kortrijk", MentionQuery{Near: "Kortrijk"}},
		{me + " wat is er dicht bij Brugge", MentionQuery{Near: "Brugge"}},
		{me + " netwerken rond Aalst", MentionQuery{Near: "Aalst"}},
		{me + " rond vrije tijd in Gent", MentionQuery{Theme: "vrije tijd", Place: "Gent"}},
		{me + " netwerken in Kortrijk", MentionQuery{Near: "Kortrijk"}},
		{me + " ik woon in Genk, is er iets in de buurt?", MentionQuery{Near: "Genk"}},
		{me + " Kortrijk", MentionQuery{Near: "Kortrijk"}},
		{me + " netwerken rond onderwijs in de buurt van Hasselt", MentionQuery{Theme: "onderwijs", Near: "Hasselt"}},
		{me + " onderwijs dichtbij de stad Brugge", MentionQuery{Theme: "onderwijs", Near: "Brugge"}},
		{me + " netwerken in de buurt van Laeken", MentionQuery{Near: "Laken"}},
		{me + " in de buurt van Sint-Niklaas", MentionQuery{Near: "Sint-Niklaas"}},
		{me + " iets dichtbij Halle?", MentionQuery{Near: "Halle"}},
		{me + " netwerken in de buurt van Limburg", MentionQuery{Province: "Limburg"}},
		{me + " brugfiguur in de buurt van Kortrijk", MentionQuery{Near: "Kortrijk", Query: "brugfiguur Kortrijk"}},
		{me + " ik zoek iets rond vrije tijd dichtbij Leuven", MentionQuery{Theme: "vrije tijd", Near: "Leuven"}},
		{me + " scholen in de buurt van Brugge", MentionQuery{Theme: "onderwijs", Near: "Brugge"}},
		{me + " wie werkt samen met CAW in de buurt van Kortrijk?", MentionQuery{Partner: "CAW", Near: "Kortrijk"}},
		{me + " boom", MentionQuery{Near: "Boom"}},
		// A sub-municipality named like a word is a place only after a
		// nearness phrase.
		{me + " iets in meer detail over brugfiguren", MentionQuery{Query: "iets in meer detail over brugfiguren"}},
		{me + " in de buurt van Meer", MentionQuery{Near: "Meer"}},
		// Nothing to do.
		{me, MentionQuery{}},
		{"hallo " + me + "!", MentionQuery{}},
		{me + " ?!?", MentionQuery{}},
		{me + " hallo bot, geef me een overzicht aub", MentionQuery{}},
		{"", MentionQuery{}},
	}
	for _, tt := range tests {
		if got := ParseMention(c, testBotID, tt.msg); got != tt.want {
			t.Errorf("parseMention(%q)\n got %+v\nwant %+v", tt.msg, got, tt.want)
		}
	}
}

// mentionSeeds are the fuzz seeds; testdata/fuzz/FuzzParseMention holds
// more.
func mentionSeeds() []string {
	return []string{
		"<@" + testBotID + "> wie werkt samen met CAW in Limburg?",
		"<@!" + testBotID + "> partners van SAAMO",
		"netwerken rond vrije tijd in Gent",
		"wie werkt er samen met in in in de de",
		"partners van partners van partners van",
		"<@<@!>>< @!" + testBotID,
		"\xff\xfe wie werkt samen met \xc3\x28",
		"in", "rond", "wie werkt samen met", "<", "<@", "<@>", "<:a:>", "<a:b:1>",
		strings.Repeat("in Gent ", 300),
		strings.Repeat("wie werkt samen met ", 100),
		"brug\u200bfiguur \u202e",
	}
}

func FuzzParseMention(f *testing.F) {
	c := service(f).Corpus
	for _, s := range mentionSeeds() {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, msg string) {
		start := time.Now()
		q := ParseMention(c, testBotID, msg)
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("parseMention took %v", d)
		}
		for name, s := range map[string]string{"Partner": q.Partner, "Theme": q.Theme, "Province": q.Province, "Place": q.Place, "Query": q.Query} {
			if !utf8.ValidString(s) {
				t.Errorf("%s = %q is not valid UTF-8", name, s)
			}
			if s != strings.TrimSpace(s) {
				t.Errorf("%s = %q has surrounding space", name, s)
			}
			if utf8.RuneCountInString(s) > maxMentionRunes+100 {
				t.Errorf("%s has %d runes", name, utf8.RuneCountInString(s))
			}
			if strings.Contains(s, "<@"+testBotID) {
				t.Errorf("%s = %q keeps the bot's mention", name, s)
			}
		}
		if q.Partner != "" && q.Query != "" {
			t.Errorf("both a partner and a query: %+v", q)
		}
		if q.Theme != "" && c.FindTheme(q.Theme) == nil {
			t.Errorf("Theme %q is not a theme", q.Theme)
		}
		if q.Place != "" && c.FindPlace(q.Place) == "" {
			t.Errorf("Place %q is not a place", q.Place)
		}
	})
}

func TestStripMentions(t *testing.T) {
	tests := []struct{ in, want string }{
		{"<@1> a", "  a"},
		{"a <@!12> <@&3> <#4> b", "a         b"},
		{"<:blij:123> <a:dans:9>", "   "},
		{"<3 jou> <@x>", "<3 jou> <@x>"},
		{"@everyone @here", "   "},
		{"<<@1>>", "< >"},
	}
	for _, tt := range tests {
		got := strings.Join(strings.Fields(stripMentions(tt.in)), " ")
		want := strings.Join(strings.Fields(tt.want), " ")
		if got != want {
			t.Errorf("stripMentions(%q) = %q, want %q", tt.in, got, want)
		}
	}
}
