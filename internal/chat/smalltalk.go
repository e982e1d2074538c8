package chat

import (
	"strings"

	"github.com/bondgenoot/bondgenoot/internal/text"
)

// Replies to a mention that asks nothing of the guide.
const (
	ThanksReply   = "Graag gedaan! Vraag gerust verder, bijvoorbeeld `@bondgenoot brugfiguur`, of typ `/help` voor alles wat ik kan."
	GreetingReply = "Hallo! Ik zoek voor je in de gids van de lokale bondgenotennetwerken. Vraag bijvoorbeeld `@bondgenoot netwerken rond vrije tijd in Gent`, of typ `/help`."
)

// smallTalk answers a mention that is only a request for help, thanks or a
// greeting: "help" and "hulp" get the help; thanks and greetings a short
// friendly reply instead of a search for those words.
func smallTalk(botID, message string) (any, bool) {
	var words []string
	for _, t := range mentionTokens(botID, message) {
		words = append(words, text.Normalize(t.raw))
	}
	phrase := strings.Join(words, " ")
	if phrase == "" {
		return nil, false
	}
	switch {
	case inPhrases(helpPhrases(), phrase):
		return Help{}, true
	case onlyWords(words, smallTalkWords()):
		if anyWord(words, []string{"help", "hulp", "uitleg"}) { // "hallo, help!"
			return Help{}, true
		}
		if anyWord(words, thanksWords()) {
			return Notice(ThanksReply), true
		}
		if anyWord(words, greetingWords()) {
			return Notice(GreetingReply), true
		}
	}
	return nil, false
}

// helpPhrases are whole messages that ask for the help.
func helpPhrases() []string {
	return []string{"help", "hulp", "help me", "help mij", "hulp aub", "help aub", "hulp graag", "wat kan je", "wat kan jij",
		"wat kun je", "wat kun jij", "wat kan je doen", "wat kun je doen", "hoe werkt dit", "hoe werk je", "uitleg", "commandos", "opdrachten"}
}

// thanksWords and greetingWords carry a message of thanks or a greeting;
// smallTalkWords are all words such a message may consist of.
func thanksWords() []string {
	return []string{"bedankt", "dank", "dankje", "dankjewel", "dankuwel", "merci", "thanks", "thx", "tnx", "thank", "merciekes", "bedankte"}
}

func greetingWords() []string {
	return []string{"hallo", "hoi", "hey", "hei", "hi", "dag", "daag", "goeiemorgen", "goedemorgen", "goeiemiddag", "goedemiddag",
		"goeienavond", "goedenavond", "goeiedag", "goededag", "morgen", "middag", "avond", "salut", "yo", "hello", "allo", "joehoe"}
}

func smallTalkWords() []string {
	extra := []string{"je", "u", "jij", "jou", "wel", "jullie", "allen", "iedereen", "veel", "vriendelijk", "heel", "erg", "super", "top",
		"zeer", "goed", "fijn", "ok", "oke", "okay", "voor", "de", "het", "info", "hulp", "help", "bondgenoot", "beste", "lieve", "daar",
		"hier", "nog", "eens", "alvast", "wereld", "you", "a", "lot", "much", "so", "bot", "uitleg", "aub", "graag", "me", "mij", "en", "ook"}
	return append(append(thanksWords(), greetingWords()...), extra...)
}

func inPhrases(list []string, phrase string) bool {
	for _, p := range list {
		if p == phrase {
			return true
		}
	}
	return false
}

func onlyWords(words, allowed []string) bool {
	for _, w := range words {
		if !inPhrases(allowed, w) {
			return false
		}
	}
	return true
}

func anyWord(words, list []string) bool {
	for _, w := range words {
		if inPhrases(list, w) {
			return true
		}
	}
	return false
}
