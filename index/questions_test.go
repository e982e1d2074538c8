package index

import (
	"slices"
	"strings"
	"testing"

	"github.com/bondgenoot/bondgenoot/content"
)

// questionCase is one question as a social worker, teacher or coordinator
// types it, with the documents a reader of the guide expects.
//
// As in relevanceCases, the expectations come from reading the guide, never
// from the output of the search: want lists the one to three documents
// ("kind:id") that clearly belong in the top 5, wantFirst the one that
// clearly belongs at the top (empty when several are equally good).
//
// style is one of the question styles below. justify is a short quote, in the
// guide's own words, that justifies the expectation; page is the guide page
// on which the quoted section starts (a network's page in the overview, a
// success factor's or chapter's page in the table of contents).
//
// heldOut marks every second case of each style: the held-out half is never
// used to tune the search, only to report on.
type questionCase struct {
	query     string
	style     string
	want      []string
	wantFirst string
	heldOut   bool
	justify   string
	page      int
}

// The question styles.
const (
	styleQuestion = "question"
	styleTypo     = "typo"
	stylePlace    = "place"
	styleKeyword  = "keyword"
)

var questionStyles = []string{styleQuestion, styleTypo, stylePlace, styleKeyword}

var questionCases = []questionCase{
	// Questions as people ask them: "hoe …", "welke netwerken …", "wie …", "wat doe je als …".
	{query: "hoe start je een bondgenotennetwerk", style: styleQuestion, want: []string{"succesfactor:samenwerken-en-netwerk-uitbouwen", "succesfactor:trekker-met-mandaat"}, justify: "Een netwerk vormen was een prioriteit en een belangrijke succesfactor in het realiseren van impact door de lokale bondgenotennetwerken.", page: 17},
	{query: "welke netwerken werken rond menstruatiearmoede", style: styleQuestion, want: []string{"netwerk:duosprong"}, wantFirst: "netwerk:duosprong", heldOut: true, justify: "Daarnaast wordt menstruatiearmoede aangepakt als een basisrecht op hygiëne", page: 77},
	{query: "wat doe je als ouders de school niet vertrouwen", style: styleQuestion, want: []string{"netwerk:schoolpoortwerking-de-buurt", "netwerk:brugfiguren-basisonderwijs"}, justify: "Zij vervullen een belangrijke brugfunctie door hun sterke vertrouwensrelatie met de ouders", page: 71},
	{query: "hoe begeleid je jongeren naar het hoger onderwijs", style: styleQuestion, want: []string{"netwerk:edu-sherpa", "netwerk:inzet-op-talent"}, wantFirst: "netwerk:edu-sherpa", heldOut: true, justify: "het ondersteunen van jongeren bij het maken van goed geïnformeerde keuzes tijdens de overstap naar het hoger onderwijs", page: 73},
	{query: "wie geeft kinderen een gratis warme maaltijd", style: styleQuestion, want: []string{"netwerk:boekentas-vol-dromen", "netwerk:in-beeld"}, wantFirst: "netwerk:boekentas-vol-dromen", justify: "waarbij kinderen worden ontvangen voor een gratis gezonde warme maaltijd", page: 64},
	{query: "hoe bereik je gezinnen die onder de radar leven", style: styleQuestion, want: []string{"succesfactor:outreachend-werken", "netwerk:turnhoutse-bondgenoten"}, heldOut: true, justify: "Ze zetten in op het actief opsporen van gezinnen en mensen die ‘onder de radar’ leven", page: 39},
	{query: "wat is outreachend werken", style: styleQuestion, want: []string{"succesfactor:outreachend-werken"}, wantFirst: "succesfactor:outreachend-werken", justify: "Outreachend werken is de kunst van het fysiek aanwezig zijn op de plekken waar mensen in armoede leven en bewegen", page: 39},
	{query: "hoe helpen brugfiguren ouders om contact te maken met de school", style: styleQuestion, want: []string{"netwerk:brugfiguren-basisonderwijs", "netwerk:poelberg"}, wantFirst: "netwerk:brugfiguren-basisonderwijs", heldOut: true, justify: "Brugfiguren stimuleren ouders om actief deel te nemen aan het schoolgebeuren en maken het makkelijker om in contact te komen met de school.", page: 103},
	{query: "hoe laat je mensen in armoede zelf mee het probleem bepalen", style: styleQuestion, want: []string{"succesfactor:participatie-en-ervaringsdeskundigheid", "succesfactor:gemeenschappelijke-visie"}, wantFirst: "succesfactor:participatie-en-ervaringsdeskundigheid", justify: "Door hen een volwaardige stem te geven in het netwerk, laat je hen mee het probleem definiëren én de acties die daaruit volgen in de strijd tegen armoede.", page: 32},
	{query: "wie stelt de agenda op in een netwerk", style: styleQuestion, want: []string{"succesfactor:trekker-met-mandaat"}, wantFirst: "succesfactor:trekker-met-mandaat", heldOut: true, justify: "De projectcoördinator brengt mensen en partners samen en stelt de agenda op.", page: 22},
	{query: "hoe zorg je dat alle partners dezelfde kijk op armoede hebben", style: styleQuestion, want: []string{"succesfactor:gemeenschappelijke-visie"}, wantFirst: "succesfactor:gemeenschappelijke-visie", justify: "Een fundamentele succesfactor voor een goede samenwerking is het vinden van partners die dezelfde kijk op armoede delen.", page: 20},
	{query: "hoe leer je elkaars werkcontext kennen", style: styleQuestion, want: []string{"succesfactor:elkaars-werking-kennen"}, wantFirst: "succesfactor:elkaars-werking-kennen", heldOut: true, justify: "Aandacht hebben voor elkaars werkcontext, de ruimte en energie die er is om te steken in samenwerking, is een belangrijke factor.", page: 24},
	{query: "waarom zijn informele contacten tussen partners belangrijk", style: styleQuestion, want: []string{"succesfactor:nabijheid-en-flexibiliteit", "succesfactor:samenwerken-en-netwerk-uitbouwen"}, wantFirst: "succesfactor:nabijheid-en-flexibiliteit", justify: "Een band hebben met de andere netwerkpartners die verder gaat dan het formele, zorgt ervoor dat je flexibeler bent.", page: 26},
	{query: "wat doe je als een project anders loopt dan gepland", style: styleQuestion, want: []string{"succesfactor:procesmatig-werken"}, wantFirst: "succesfactor:procesmatig-werken", heldOut: true, justify: "Een belangrijke les uit de praktijk van de lokale bondgenotennetwerken is dat er ruimte moet zijn voor 'zijwegen'.", page: 30},
	{query: "hoe vier je kleine successen in je netwerk", style: styleQuestion, want: []string{"succesfactor:procesmatig-werken"}, wantFirst: "succesfactor:procesmatig-werken", justify: "Bovendien maak je best expliciet ruimte om kleine succesjes te vieren.", page: 30},
	{query: "hoe communiceer je verwachtingen naar je bondgenoten", style: styleQuestion, want: []string{"succesfactor:procesmatig-werken", "netwerk:poelberg"}, heldOut: true, justify: "Hun eerste tip was om duidelijke en transparant te communiceren naar alle bondgenoten in je netwerk, vooral over de verwachtingen.", page: 30},
	{query: "waarom heb je ervaringsdeskundigen nodig", style: styleQuestion, want: []string{"succesfactor:participatie-en-ervaringsdeskundigheid"}, wantFirst: "succesfactor:participatie-en-ervaringsdeskundigheid", justify: "Het inzetten van ervaringsdeskundigheid is cruciaal om blinde vlekken in de hulp- en dienstverlening weg te werken.", page: 32},
	{query: "hoe stem je je aanbod af op elk gezin apart", style: styleQuestion, want: []string{"succesfactor:op-maat-werken", "netwerk:vier-op-een-rij"}, wantFirst: "succesfactor:op-maat-werken", heldOut: true, justify: "Er bestaat geen 'one size fits all' in de ondersteuning van mensen in armoede.", page: 35},
	{query: "moet je wachten tot gezinnen zelf om hulp vragen", style: styleQuestion, want: []string{"succesfactor:proactieve-benadering"}, wantFirst: "succesfactor:proactieve-benadering", justify: "Een proactieve benadering betekent dat de bondgenotennetwerken niet wachten tot mensen in armoede de weg naar hulp vinden", page: 37},
	{query: "hoe maak je inschrijven voor een activiteit eenvoudiger", style: styleQuestion, want: []string{"succesfactor:laagdrempeligheid"}, wantFirst: "succesfactor:laagdrempeligheid", heldOut: true, justify: "Laagdrempeligheid zit vaak in de kleinste details, zoals het schrappen van ingewikkelde inschrijvingsformulieren of het gebruik van visuele stappenplannen.", page: 41},
	{query: "welke woorden gebruik je beter niet over mensen in armoede", style: styleQuestion, want: []string{"succesfactor:laagdrempeligheid"}, wantFirst: "succesfactor:laagdrempeligheid", justify: "stoppen met stigmatiserende termen en starten met positief en waarderend taalgebruik", page: 41},
	{query: "hoe zorg je dat een project blijft bestaan als de subsidie stopt", style: styleQuestion, want: []string{"succesfactor:van-reflectie-naar-actie", "passage:conclusie"}, heldOut: true, justify: "nagedacht moest worden over de manier waarop nieuwe inzichten en werkzame elementen uit deze projecten in de reguliere hulp- en dienstverlening geïmplementeerd kunnen worden", page: 43},
	{query: "wat kan een gemeente zelf doen tegen armoede", style: styleQuestion, want: []string{"passage:nawoord"}, wantFirst: "passage:nawoord", justify: "Het lokale beleid mist de bevoegdheden om inkomen echt te herverdelen.", page: 108},
	{query: "hoe kan ik als leerkracht bondgenoot zijn", style: styleQuestion, want: []string{"passage:nawoord"}, wantFirst: "passage:nawoord", heldOut: true, justify: "Misschien ben je op zoek naar hoe je als sociale professional, leerkracht of ambtenaar een bondgenoot kunt zijn voor mensen in armoede.", page: 108},
	{query: "waarom spreken jullie van gezinsarmoede", style: styleQuestion, want: []string{"passage:wat-is-armoede"}, wantFirst: "passage:wat-is-armoede", justify: "Kinderen zijn afhankelijk van het huis en het inkomen van hun ouders, ze zijn nooit arm 'op zichzelf'.", page: 10},
	{query: "wat is collaborative governance", style: styleQuestion, want: []string{"passage:wat-is-armoede"}, wantFirst: "passage:wat-is-armoede", heldOut: true, justify: "Collaborative Governance is een proces, model of bestuursvorm waarbij de overheid de focus verlegt van een marktgerichte aanpak naar een aanpak die gestoeld is op samenwerking.", page: 10},
	{query: "hoeveel projecten werden er geselecteerd", style: styleQuestion, want: []string{"passage:waarom-deze-gids"}, wantFirst: "passage:waarom-deze-gids", justify: "De Vlaamse overheid ontving 151 aanvragen waarvan er 48 geselecteerd konden worden met het beschikbare budget.", page: 7},
	{query: "wie begeleidde de lokale bondgenotennetwerken", style: styleQuestion, want: []string{"passage:waarom-deze-gids", "passage:wat-is-armoede"}, heldOut: true, justify: "werd er tegelijkertijd beroep gedaan op het Netwerk tegen Armoede om deze projecten samen met deLink te begeleiden", page: 7},
	{query: "hoe help je jongeren die bijna 18 worden", style: styleQuestion, want: []string{"netwerk:schouder-aan-schouder"}, wantFirst: "netwerk:schouder-aan-schouder", justify: "met als doel hen tijdig te ondersteunen in de brug naar meerderjarigheid", page: 90},
	{query: "wat als een minderjarige vluchteling zijn gezin laat overkomen", style: styleQuestion, want: []string{"netwerk:bondgenoten-na-gezinshereniging"}, wantFirst: "netwerk:bondgenoten-na-gezinshereniging", heldOut: true, justify: "Wanneer niet-begeleide minderjarige vreemdelingen hun recht op gezinshereniging uitoefenen", page: 56},
	{query: "hoe pak je een klas met veel zorgnoden aan", style: styleQuestion, want: []string{"netwerk:elk-kind-telt"}, wantFirst: "netwerk:elk-kind-telt", justify: "trajecten die zich richten op klasgroepen waar sprake is van escalerende zorgnoden", page: 57},
	{query: "wie leert kinderen omgaan met hun emoties", style: styleQuestion, want: []string{"netwerk:kansrijk-groeien"}, wantFirst: "netwerk:kansrijk-groeien", heldOut: true, justify: "Het project richt zich op het stimuleren en versterken van sociaal-emotioneel leren, emotieregulatie en executieve functies bij leerlingen van tien tot twaalf jaar.", page: 85},
	{query: "waar kunnen jonge ouders babymateriaal lenen", style: styleQuestion, want: []string{"netwerk:het-klein-geluk"}, wantFirst: "netwerk:het-klein-geluk", justify: "hanteert het initiatief een innovatief ruil- en puntensysteem voor het lenen van materiaal", page: 89},
	{query: "hoe zorg je voor een warme schoolstart bij kleuters", style: styleQuestion, want: []string{"netwerk:schoolsterk"}, wantFirst: "netwerk:schoolsterk", heldOut: true, justify: "SchoolSter(k) bouwt in Gent aan een bondgenotennetwerk dat samen inzet op een warme schoolstart in het kleuteronderwijs", page: 82},
	{query: "hoe begeleid je de overgang van de kleuterklas naar het eerste leerjaar", style: styleQuestion, want: []string{"netwerk:schoolsprong", "netwerk:het-krachtmaatje"}, wantFirst: "netwerk:schoolsprong", justify: "met een specifieke focus op de cruciale overgang van het kleuter- naar het lager onderwijs", page: 99},
	{query: "waar kunnen ouders terecht als ze de schoolrekening niet kunnen betalen", style: styleQuestion, want: []string{"netwerk:springwijs"}, wantFirst: "netwerk:springwijs", heldOut: true, justify: "fungeert het project als een centraal punt voor ouders met vragen over schoolkosten of materiële tekorten", page: 80},
	{query: "wat doe je als leerlingen met een lege brooddoos naar school komen", style: styleQuestion, want: []string{"netwerk:kinderarmoede-overbruggen", "succesfactor:vertrekken-vanuit-noden"}, justify: "Uit die gesprekken bleek dat sommige leerlingen vaak niet ontbijten of een ongezonde of lege brooddoos hebben.", page: 27},
	{query: "hoe verkort je de wachttijd voor hulp aan leerlingen", style: styleQuestion, want: []string{"netwerk:iedereen-een-max"}, wantFirst: "netwerk:iedereen-een-max", heldOut: true, justify: "worden wachttijden verkort en kunnen snelle doorverwijzingen plaatsvinden in een veilige setting", page: 75},
	{query: "hoe laat je jongeren meebeslissen in een jeugdhuis", style: styleQuestion, want: []string{"netwerk:jongeren-aan-zet", "succesfactor:participatie-en-ervaringsdeskundigheid"}, justify: "Participatie van jongeren was een sleutelbegrip binnen hun werking.", page: 32},
	{query: "wat doe je als jongeren vroeger naar huis gaan van kamp", style: styleQuestion, want: []string{"netwerk:connecting-the-dots", "succesfactor:participatie-en-ervaringsdeskundigheid"}, heldOut: true, justify: "Zo gingen ze vroeger naar huis dan het einde van het kamp.", page: 32},
	{query: "wat is een beleidsbabbel", style: styleQuestion, want: []string{"netwerk:ervaringskennis-nieuw-gent"}, wantFirst: "netwerk:ervaringskennis-nieuw-gent", justify: "Via de beleidsbabbels gingen we in gesprek met gezinnen en verzamelden we ervaringskennis rond verschillende thema's.", page: 83},
	{query: "hoe vang je signalen van armoede op via de school", style: styleQuestion, want: []string{"netwerk:bruggen-bouwen", "netwerk:kinderarmoede-overbruggen"}, heldOut: true, justify: "door een systeem voor signalendetectie rond armoede en uitsluiting te implementeren", page: 62},
	{query: "hoe maak je een schoolteam bewuster van armoede", style: styleQuestion, want: []string{"netwerk:springplank", "netwerk:teach-for-belgium"}, justify: "Door het schoolteam armoede- en diversiteitsvaardiger te maken", page: 65},
	{query: "hoe krijg je anderstalige mama's betrokken bij de school", style: styleQuestion, want: []string{"netwerk:bongo", "succesfactor:outreachend-werken"}, heldOut: true, justify: "zijn we er in geslaagd om 6 anderstalige mama’s te mobiliseren voor het schoolfeest", page: 39},
	{query: "welke netwerken zetten studenten in bij gezinnen thuis", style: styleQuestion, want: []string{"netwerk:vier-op-een-rij"}, wantFirst: "netwerk:vier-op-een-rij", justify: "Kompanjon zet studenten uit het hoger onderwijs in.", page: 53},
	{query: "wie komt aan huis helpen met school in het eerste leerjaar", style: styleQuestion, want: []string{"netwerk:vitamine-a"}, wantFirst: "netwerk:vitamine-a", heldOut: true, justify: "Dit project richt zich op het bieden van schoolse ondersteuning aan huis voor kinderen uit het eerste leerjaar van diverse partnerscholen.", page: 69},
	{query: "hoe werk je samen met een ervaringsdeskundige aan de schoolpoort", style: styleQuestion, want: []string{"netwerk:schoolpoortwerking-de-buurt"}, wantFirst: "netwerk:schoolpoortwerking-de-buurt", justify: "is dagelijks een tandem van een sociaal werker en een ervaringsdeskundige in armoede en uitsluiting aanwezig aan de schoolpoort", page: 71},
	{query: "hoe bouw je een vertrouwensband op met jongeren in de wijk", style: styleQuestion, want: []string{"netwerk:nieuwe-energie-in-kallo", "netwerk:perspectief"}, heldOut: true, justify: "waarbij vrije tijd als cruciaal middel wordt ingezet om een duurzame vertrouwensband op te bouwen", page: 92},
	{query: "hoe zet je sport in om kwetsbare jongeren te bereiken", style: styleQuestion, want: []string{"succesfactor:laagdrempeligheid", "netwerk:nieuwe-energie-in-kallo"}, justify: "gebruiken ze een succesformule om laagdrempelig te werken: voetbal.", page: 41},
	{query: "wie organiseert speelweken in de paasvakantie", style: styleQuestion, want: []string{"netwerk:vitamine-a"}, wantFirst: "netwerk:vitamine-a", heldOut: true, justify: "speelweken voor kinderen tussen vier en twaalf jaar tijdens de paas- en zomervakantie", page: 69},
	{query: "wat is de methode van de negen b's", style: styleQuestion, want: []string{"netwerk:brugfiguren-basisonderwijs", "netwerk:ademruimte"}, justify: "Bij het evalueren van de toegankelijkheid van het lokale aanbod maken ze gebruik van de methode van de negen B's.", page: 103},
	{query: "welk netwerk pakt onderbescherming aan", style: styleQuestion, want: []string{"netwerk:poelberg"}, wantFirst: "netwerk:poelberg", heldOut: true, justify: "met een specifieke focus op het aanpakken van onderbescherming", page: 105},
	{query: "wat zijn zorgdagen", style: styleQuestion, want: []string{"succesfactor:proactieve-benadering", "netwerk:duosprong"}, justify: "organiseren ze zorgdagen waarbij de zorgcoördinator van de lagere school en het zorgteam van de secundaire school samenkomen met de gezinnen die ze ondersteunen", page: 37},
	{query: "waar kunnen vrijwilligers uit een kwetsbare situatie aan de slag", style: styleQuestion, want: []string{"netwerk:het-klein-geluk", "netwerk:moment"}, wantFirst: "netwerk:het-klein-geluk", heldOut: true, justify: "Vrijwilligers, die vaak zelf uit een kwetsbare situatie komen, vinden er een zinvolle dagbesteding", page: 89},
	{query: "hoe versterk je ouders in hun rol als opvoeder", style: styleQuestion, want: []string{"netwerk:moment"}, justify: "Het project ondersteunt ouders bij het ontwikkelen van een positieve ouderidentiteit", page: 68},
	{query: "wie geeft vorming over armoede aan rechters", style: styleQuestion, want: []string{"netwerk:een-brug-over-schulden", "succesfactor:samenwerken-en-netwerk-uitbouwen"}, wantFirst: "netwerk:een-brug-over-schulden", heldOut: true, justify: "het organiseren van vormingen over armoede voor magistraten en schuldbemiddelaars", page: 79},
	{query: "hoe maak je een huis van het kind laagdrempeliger", style: styleQuestion, want: []string{"netwerk:verbindingswerkers", "netwerk:het-krachtmaatje"}, justify: "Het netwerk De Verbindingswerkers in De Panne zorgde ervoor dat het Huis van het Kind een laagdrempelige plek werd.", page: 17},
	{query: "hoe maak je het vrijetijdsaanbod toegankelijker voor gezinnen in armoede", style: styleQuestion, want: []string{"netwerk:vrijtijdsbesteding-voor-iedereen", "netwerk:ademruimte"}, heldOut: true, justify: "dat zich gezamenlijk inzet voor een betere toegankelijkheid van het vrijtijdsaanbod", page: 58},
	{query: "hoe organiseer je een vrijetijdsmarkt met veel partners", style: styleQuestion, want: []string{"netwerk:vrijtijdsbesteding-voor-iedereen", "succesfactor:samenwerken-en-netwerk-uitbouwen"}, justify: "De kracht van ons divers, uitgebreid netwerk van partners werd duidelijk tijdens de Vrijtijdsmarkt in mei '25.", page: 17},
	{query: "hoe maak je een sociale kaart voor scholen", style: styleQuestion, want: []string{"netwerk:bruggen-bouwen", "succesfactor:samenwerken-en-netwerk-uitbouwen"}, wantFirst: "netwerk:bruggen-bouwen", heldOut: true, justify: "Ze stelden een sociale kaart en een informatiebundel op, zodat nuttige informatie altijd voorhanden en toegankelijk was voor alle leerkrachten en directies.", page: 17},
	{query: "hoe leren nieuwkomers nederlands via kunst", style: styleQuestion, want: []string{"netwerk:creatieve-orientatie", "succesfactor:laagdrempeligheid"}, wantFirst: "netwerk:creatieve-orientatie", justify: "gingen ze aan de slag met taal en beeldende en podiumkunsten voor OKAN-jongeren", page: 41},
	{query: "wie vangt kinderen op schoolvrije dagen op om nederlands te oefenen", style: styleQuestion, want: []string{"netwerk:samen-spelen-samen-leren"}, wantFirst: "netwerk:samen-spelen-samen-leren", heldOut: true, justify: "door hen op schoolvrije dagen op te vangen in hun vertrouwde schoolomgeving", page: 93},
	{query: "hoe motiveer je ouders via whatsapp", style: styleQuestion, want: []string{"succesfactor:op-maat-werken", "netwerk:samen-spelen-samen-leren"}, justify: "namen begeleiders en zorgcoördinatoren via WhatsApp contact op met de ouders om ze te informeren en te motiveren", page: 35},
	{query: "waar kunnen jongeren tijdens de schooluren terecht zonder voorwaarden", style: styleQuestion, want: []string{"netwerk:in-beeld", "succesfactor:vertrekken-vanuit-noden"}, wantFirst: "netwerk:in-beeld", heldOut: true, justify: "Het was een werking die vrij toegankelijk was tijdens de schooluren en zonder voorwaarden.", page: 27},
	{query: "hoe maak je van een school een kansenhub", style: styleQuestion, want: []string{"netwerk:balder", "succesfactor:trekker-met-mandaat"}, wantFirst: "netwerk:balder", justify: "maakten ze van een schoolomgeving een 'kansenhub'.", page: 22},
	{query: "kan een samenwerking beginnen bij één medewerker", style: styleQuestion, want: []string{"succesfactor:gemeenschappelijke-visie"}, wantFirst: "succesfactor:gemeenschappelijke-visie", heldOut: true, justify: "soms kan het beginnen bij één medewerker van een partnerorganisatie die de hand uitreikt naar een andere actor", page: 20},
	{query: "hoe verdeel je de coördinatie over meerdere organisaties", style: styleQuestion, want: []string{"netwerk:t-stokstaartje", "succesfactor:trekker-met-mandaat"}, justify: "In Tienen verdeelden ze de coördinatie-uren over 5 organisaties zodat er een gedeelde verantwoordelijkheid en taakverdeling was over dit project.", page: 22},
	{query: "hoe help je jongeren hun talenten te ontdekken", style: styleQuestion, want: []string{"netwerk:inzet-op-talent"}, wantFirst: "netwerk:inzet-op-talent", heldOut: true, justify: "Dit project ondersteunt jongeren bij het ontdekken en benutten van hun talenten", page: 91},
	{query: "welke netwerken helpen jongeren aan een rijbewijs", style: styleQuestion, want: []string{"netwerk:inzet-op-talent"}, wantFirst: "netwerk:inzet-op-talent", justify: "via praktische trainingen en rijbewijstrajecten", page: 91},
	{query: "welke netwerken werken samen met de politie", style: styleQuestion, want: []string{"netwerk:perspectief", "netwerk:nieuwe-energie-in-kallo"}, heldOut: true, justify: "de stedelijke basisschool Torenhof en de politiezone Miras cruciale partners", page: 106},
	{query: "wat is een dialoogeiland", style: styleQuestion, want: []string{"netwerk:schoolsprong", "succesfactor:gemeenschappelijke-visie"}, justify: "Hieruit groeide een nieuw overlegplatform: het dialoogeiland.", page: 20},
	{query: "hoe stel je een lokaal armoedeactieplan op", style: styleQuestion, want: []string{"netwerk:ekers-bondgenotennetwerk", "passage:conclusie"}, wantFirst: "netwerk:ekers-bondgenotennetwerk", heldOut: true, justify: "Daarnaast wordt er een lokaal armoedeactieplan opgesteld", page: 60},
	{query: "hoe krijg je hulpverleners zover dat ze altijd aan het kind denken", style: styleQuestion, want: []string{"netwerk:kind-omringd"}, wantFirst: "netwerk:kind-omringd", justify: "Het hoofddoel is het installeren van een kindreflex bij alle betrokken zorg- en hulpverleners, inclusief leerkrachten", page: 51},
	{query: "hoe doorbreek je het isolement van kwetsbare gezinnen", style: styleQuestion, want: []string{"netwerk:t-stokstaartje"}, wantFirst: "netwerk:t-stokstaartje", heldOut: true, justify: "streeft het project ernaar het sociaal isolement van deze gezinnen te doorbreken", page: 96},
	{query: "wat betekent armoede volgens het netwerk tegen armoede", style: styleQuestion, want: []string{"passage:wat-is-armoede"}, wantFirst: "passage:wat-is-armoede", justify: "Armoede is een schending van de menselijke waardigheid", page: 10},

	// Typos, informal spelling and abbreviations.
	{query: "huis vh kind", style: styleTypo, want: []string{"netwerk:verbindingswerkers", "netwerk:bruggen-bouwen"}, justify: "Dit project richt zich op het versterken van het netwerk rond het Huis van het Kind", page: 62},
	{query: "hvhk gistel", style: styleTypo, want: []string{"netwerk:het-krachtmaatje"}, wantFirst: "netwerk:het-krachtmaatje", heldOut: true, justify: "werd Huis van het Kind Gistel herwerkt tot Rootz", page: 101},
	{query: "okan jongeren", style: styleTypo, want: []string{"netwerk:t-kan-okanders", "netwerk:creatieve-orientatie"}, justify: "wekelijkse activiteiten voor OKAN-jongeren", page: 52},
	{query: "wat is een brugfiguur eig", style: styleTypo, want: []string{"succesfactor:trekker-met-mandaat", "netwerk:brugfiguren-basisonderwijs"}, heldOut: true, justify: "Deze persoon vormt een brug tussen gezinnen, school, vrije tijd, de gemeente en veel andere partners.", page: 22},
	{query: "menstruatie armoede op school", style: styleTypo, want: []string{"netwerk:duosprong"}, wantFirst: "netwerk:duosprong", justify: "door de installatie van verdeelkasten met gratis producten in alle secundaire scholen", page: 77},
	{query: "gezinnen in csr", style: styleTypo, want: []string{"netwerk:een-brug-over-schulden"}, wantFirst: "netwerk:een-brug-over-schulden", heldOut: true, justify: "rond gezinnen in een collectieve schuldenregeling (CSR) te optimaliseren", page: 79},
	{query: "laagdrempelig werken hoe doe je dat", style: styleTypo, want: []string{"succesfactor:laagdrempeligheid"}, wantFirst: "succesfactor:laagdrempeligheid", justify: "Een laagdrempelige werking is een plek waar je mag binnenkomen zonder je direct te moeten verantwoorden", page: 41},
	{query: "ervarings deskundige inzetten", style: styleTypo, want: []string{"succesfactor:participatie-en-ervaringsdeskundigheid", "netwerk:ervaringskennis-nieuw-gent"}, wantFirst: "succesfactor:participatie-en-ervaringsdeskundigheid", heldOut: true, justify: "Doorheen het hele project werkten ze ook samen met een opgeleide ervaringsdeskundige.", page: 32},
	{query: "trekker zonder mandaat wat nu", style: styleTypo, want: []string{"succesfactor:trekker-met-mandaat"}, wantFirst: "succesfactor:trekker-met-mandaat", justify: "Hoewel het belangrijk is om al van in het begin een projectcoördinator aan te stellen, hebben we gemerkt dat het mandaat groeit doorheen de tijd.", page: 22},
	{query: "proactief werkn met gezinnen", style: styleTypo, want: []string{"succesfactor:proactieve-benadering"}, wantFirst: "succesfactor:proactieve-benadering", heldOut: true, justify: "Dit vraagt om een alerte blik waarbij drempels worden gesignaleerd nog voordat ze onoverkomelijk worden voor het gezin of de persoon in armoede.", page: 37},
	{query: "outreachend werke aan de schoolpoort", style: styleTypo, want: []string{"succesfactor:outreachend-werken"}, wantFirst: "succesfactor:outreachend-werken", justify: "Een kort gesprekje aan de schoolpoort of via WhatsApp kan de start zijn van een vertrouwensrelatie", page: 39},
	{query: "kinderarmoede cijfers vlaandren", style: styleTypo, want: []string{"passage:waarom-deze-gids"}, wantFirst: "passage:waarom-deze-gids", heldOut: true, justify: "de stijgende (kinder)armoedecijfers in Vlaanderen", page: 7},
	{query: "huiswerkhulp voor kids", style: styleTypo, want: []string{"netwerk:vier-op-een-rij", "netwerk:boekentas-vol-dromen"}, justify: "Hun aanpak is breed: samen huiswerk maken, leren studeren, Nederlands oefenen", page: 35},
	{query: "jac op school", style: styleTypo, want: []string{"netwerk:iedereen-een-max"}, wantFirst: "netwerk:iedereen-een-max", heldOut: true, justify: "Een JAC-hulpverlener speelt hierbij een centrale rol", page: 75},
	{query: "stage lopen bij ocmw en school", style: styleTypo, want: []string{"succesfactor:elkaars-werking-kennen", "netwerk:duosprong"}, justify: "Partners van het netwerk DuoSprong in Beringen liepen stage in een school en in een OCMW.", page: 24},
	{query: "overgang naar t middelbaar", style: styleTypo, want: []string{"netwerk:duosprong", "netwerk:springwijs"}, heldOut: true, justify: "tijdens de cruciale overgang van het basis- naar het secundair onderwijs", page: 77},
	{query: "drempels vrije tijd in kaart brenge", style: styleTypo, want: []string{"netwerk:vrijtijdsbesteding-voor-iedereen", "netwerk:ademruimte"}, justify: "worden de drempels voor deelname nauwgezet in kaart gebracht en waar mogelijk weggewerkt", page: 58},
	{query: "drempelscan delink", style: styleTypo, want: []string{"passage:waarom-deze-gids"}, wantFirst: "passage:waarom-deze-gids", heldOut: true, justify: "instrumenten ontwikkeld zoals drempelscans", page: 7},
	{query: "overgangsmomenten 5 en 13 jaar", style: styleTypo, want: []string{"netwerk:kind-omringd"}, wantFirst: "netwerk:kind-omringd", justify: "met specifieke aandacht voor de transitiemomenten op vijf- en dertienjarige leeftijd", page: 51},
	{query: "kansenwerkers bkz", style: styleTypo, want: []string{"netwerk:nieuwe-energie-in-kallo"}, wantFirst: "netwerk:nieuwe-energie-in-kallo", heldOut: true, justify: "kansenwerkers van Beveren-Kruibeke-Zwijndrecht", page: 92},
	{query: "onderwijsondersteunende rol vd ouders", style: styleTypo, want: []string{"netwerk:bruggen-bouwen"}, wantFirst: "netwerk:bruggen-bouwen", justify: "ouders te bekrachtigen in hun onderwijsondersteunende rol thuis", page: 62},
	{query: "gemeenschapelijke visie ontwikkelen", style: styleTypo, want: []string{"succesfactor:gemeenschappelijke-visie"}, wantFirst: "succesfactor:gemeenschappelijke-visie", heldOut: true, justify: "Spreek daarom je visie uit, groei naar elkaar toe en zoek naar een gemeenschappelijke basis om te handelen.", page: 20},

	// Questions and keywords with a place (municipality, city or province).
	{query: "vrije tijd in gent", style: stylePlace, want: []string{"netwerk:ervaringskennis-nieuw-gent", "netwerk:in-beeld"}, justify: "We voegden deze kennis toe aan het kruispunt leefbaarheid, onderwijs, welzijn en vrije tijd.", page: 83},
	{query: "welke netwerken zijn er in limburg rond onderwijs", style: stylePlace, want: []string{"netwerk:edu-sherpa", "netwerk:iedereen-een-max", "netwerk:duosprong"}, heldOut: true, justify: "Onderwijs vormt een cruciale sleutel om aan kansarmoede te ontsnappen", page: 73},
	{query: "wie helpt nieuwkomers in antwerpen met vrije tijd en sport", style: stylePlace, want: []string{"netwerk:t-kan-okanders"}, wantFirst: "netwerk:t-kan-okanders", justify: "hun taalvaardigheid oefenen, kennismaken met vrije tijd en sport", page: 52},
	{query: "wie werkt rond gezonde voeding op school in brussel", style: stylePlace, want: []string{"netwerk:kuregem-verbindt"}, wantFirst: "netwerk:kuregem-verbindt", heldOut: true, justify: "Het doel is om de toegang tot gezonde voeding te bevorderen", page: 67},
	{query: "gratis opvoedingsgesprekken in schaarbeek", style: stylePlace, want: []string{"netwerk:moment"}, wantFirst: "netwerk:moment", justify: "biedt het project gratis individuele ouder-kind gesprekken aan voor opvoedingsvragen", page: 68},
	{query: "wie doet huisbezoeken in laken", style: stylePlace, want: []string{"netwerk:vitamine-a"}, wantFirst: "netwerk:vitamine-a", heldOut: true, justify: "gaan opgeleide vrijwilligers gedurende een schooljaar wekelijks op huisbezoek bij gezinnen", page: 69},
	{query: "welke netwerken in west-vlaanderen werken met brugfiguren", style: stylePlace, want: []string{"netwerk:brugfiguren-basisonderwijs", "netwerk:poelberg"}, justify: "worden brugfiguren ingezet in de lagere scholen van Tielt", page: 105},
	{query: "is er in sint-niklaas een hulppunt voor gezinnen met schulden", style: stylePlace, want: []string{"netwerk:een-brug-over-schulden"}, wantFirst: "netwerk:een-brug-over-schulden", heldOut: true, justify: "door de oprichting van een hulppunt collectieve schuldenregeling", page: 79},
	{query: "ontbijt op school in zelzate", style: stylePlace, want: []string{"netwerk:kinderarmoede-overbruggen", "succesfactor:vertrekken-vanuit-noden"}, wantFirst: "netwerk:kinderarmoede-overbruggen", justify: "Een concreet resultaat van deze aanpak is de opstart van het project Broodnodig in vier lokale scholen in samenwerking met vzw Enchanté.", page: 88},
	{query: "wat doet het huis van het kind in de panne", style: stylePlace, want: []string{"netwerk:verbindingswerkers"}, wantFirst: "netwerk:verbindingswerkers", heldOut: true, justify: "fungeren verbindingswerkers van Arktos als de schakel binnen de fysieke locatie van het Huis van het Kind", page: 97},
	{query: "plek voor jongeren in waregem", style: stylePlace, want: []string{"netwerk:perspectief"}, wantFirst: "netwerk:perspectief", justify: "een vaste uitvalsbasis in het wijkcentrum voor kinderen en jongeren die momenteel nergens aansluiting vinden", page: 106},
	{query: "leefbaarheid in de melkaderwijk in beveren", style: stylePlace, want: []string{"netwerk:nieuwe-energie-in-kallo"}, wantFirst: "netwerk:nieuwe-energie-in-kallo", heldOut: true, justify: "Project Jow Kallo zet in op het verhogen van de leefbaarheid in de Melkaderwijk", page: 92},
	{query: "waar kunnen ouders met hun kinderen spelen in tienen", style: stylePlace, want: []string{"netwerk:t-stokstaartje"}, wantFirst: "netwerk:t-stokstaartje", justify: "'t STOKstaartje is een Speelpunt in Tienen voor Ouders en Kinderen", page: 96},
	{query: "hoeveel kinderen leven in armoede in turnhout", style: stylePlace, want: []string{"netwerk:turnhoutse-bondgenoten", "succesfactor:outreachend-werken"}, wantFirst: "netwerk:turnhoutse-bondgenoten", heldOut: true, justify: "In Turnhout groeit één op vier kinderen op in armoede.", page: 39},
	{query: "warme doorverwijzing in evere", style: stylePlace, want: []string{"netwerk:geen-kans-voor-armoede"}, wantFirst: "netwerk:geen-kans-voor-armoede", justify: "wordt ingezet op een actieve en warme doorverwijzing tussen de verschillende lokale partners", page: 72},
	{query: "wat vroeg de kidsraad in lanaken", style: stylePlace, want: []string{"netwerk:iedereen-een-max", "succesfactor:gemeenschappelijke-visie"}, heldOut: true, justify: "Ze gaven aan dat er nood was aan een vaste en neutrale vertrouwenspersoon of aanspreekpunt.", page: 20},
	{query: "hulp bij studiekeuze in aalst", style: stylePlace, want: []string{"netwerk:springwijs"}, wantFirst: "netwerk:springwijs", justify: "Het doel is enerzijds om de informatie rond studiekeuzes te verduidelijken", page: 80},
	{query: "buurtwerking in leuven", style: stylePlace, want: []string{"netwerk:ontmoetingsgericht-werken"}, wantFirst: "netwerk:ontmoetingsgericht-werken", heldOut: true, justify: "Buurtwerk 't Lampeke verhuisde in 2025 met het buurthuis naar een nieuwe locatie vlakbij de eigen kinder- en gezinswerking.", page: 95},
	{query: "huiswerkbegeleiding in herentals", style: stylePlace, want: []string{"netwerk:boekentas-vol-dromen"}, wantFirst: "netwerk:boekentas-vol-dromen", justify: "Naast de maaltijd is er ruimte voor huiswerkbegeleiding", page: 64},
	{query: "overgang naar het secundair in gistel", style: stylePlace, want: []string{"netwerk:het-krachtmaatje"}, wantFirst: "netwerk:het-krachtmaatje", heldOut: true, justify: "zoals de instap in het lager onderwijs en de overgang naar het secundair onderwijs", page: 101},
	{query: "wat gebeurt er in de kanaaldorpen van evergem", style: stylePlace, want: []string{"netwerk:kindgerichte-wijkregisseur"}, wantFirst: "netwerk:kindgerichte-wijkregisseur", justify: "binnen de diverse kanaaldorpen van Evergem", page: 94},
	{query: "welke netwerken in brussel werken rond mentaal welzijn", style: stylePlace, want: []string{"netwerk:moment"}, wantFirst: "netwerk:moment", heldOut: true, justify: "Dit initiatief richt zich op het verbeteren van het mentale welzijn van jonge kinderen in maatschappelijk kwetsbare situaties", page: 68},

	// Keywords: a term, a tool or an organisation the guide names.
	{query: "casusregisseur", style: styleKeyword, want: []string{"netwerk:bondgenoten-na-gezinshereniging"}, wantFirst: "netwerk:bondgenoten-na-gezinshereniging", justify: "Door de inzet van een hulpverlener die optreedt als casusregisseur", page: 56},
	{query: "welzijnsbubbels", style: styleKeyword, want: []string{"netwerk:elk-kind-telt"}, wantFirst: "netwerk:elk-kind-telt", heldOut: true, justify: "ElkKindTelt organiseert welzijnsbubbels", page: 57},
	{query: "UiTPAS", style: styleKeyword, want: []string{"netwerk:omarmen-met-vrije-tijd"}, wantFirst: "netwerk:omarmen-met-vrije-tijd", justify: "bestaande middelen zoals de UiTPAS en lokale fondsen breder kenbaar worden gemaakt", page: 78},
	{query: "koffiekar aan de schoolpoort", style: styleKeyword, want: []string{"netwerk:kindgerichte-wijkregisseur"}, wantFirst: "netwerk:kindgerichte-wijkregisseur", heldOut: true, justify: "Met de inzet van een koffiekar aan de schoolpoort", page: 94},
	{query: "De Zuidpoort", style: styleKeyword, want: []string{"netwerk:ervaringskennis-nieuw-gent"}, wantFirst: "netwerk:ervaringskennis-nieuw-gent", justify: "De Zuidpoort vormde een netwerk met een medewerker van de dienst beleidsparticipatie", page: 83},
	{query: "speelfiets", style: styleKeyword, want: []string{"netwerk:turnhoutse-bondgenoten"}, wantFirst: "netwerk:turnhoutse-bondgenoten", heldOut: true, justify: "zoals een speelfiets voor kinderen, mobiele buurtrestaurants voor ouders", page: 55},
	{query: "inschalingstool", style: styleKeyword, want: []string{"netwerk:kind-omringd", "succesfactor:vertrekken-vanuit-noden"}, wantFirst: "netwerk:kind-omringd", justify: "De inschalingstool van het netwerk 'Kind Omringd' in Heist-op-den-Berg biedt handvatten om ontwikkelingskansen van kinderen te optimaliseren.", page: 27},
	{query: "jeugdopbouwwerker", style: styleKeyword, want: []string{"succesfactor:elkaars-werking-kennen", "netwerk:perspectief"}, heldOut: true, justify: "Ze deden daarom beroep op de expertise van een jeugdopbouwwerker (Arktos).", page: 24},
	{query: "rechtenverkenning", style: styleKeyword, want: []string{"netwerk:turnhoutse-bondgenoten", "succesfactor:outreachend-werken"}, justify: "detecteren noden en doen aan rechtenverkenning en toeleiding", page: 39},
	{query: "vrijetijdstoolbox", style: styleKeyword, want: []string{"netwerk:ademruimte"}, wantFirst: "netwerk:ademruimte", heldOut: true, justify: "Ook wordt een vrijetijdstoolbox ontwikkeld met praktische informatie en tools voor gezinnen en hulpverleners", page: 86},
	{query: "uitzetpakketten", style: styleKeyword, want: []string{"netwerk:het-klein-geluk"}, wantFirst: "netwerk:het-klein-geluk", justify: "worden er specifieke uitzetpakketten voorzien voor jonge gezinnen", page: 89},
	{query: "non-take-up van sociale rechten", style: styleKeyword, want: []string{"succesfactor:proactieve-benadering"}, wantFirst: "succesfactor:proactieve-benadering", heldOut: true, justify: "De non-take-up van sociale rechten is nog altijd zeer hoog bij mensen in armoede.", page: 37},
	{query: "signalenkaart", style: styleKeyword, want: []string{"netwerk:bruggen-bouwen"}, wantFirst: "netwerk:bruggen-bouwen", justify: "Daarnaast werd een signalenkaart en bijhorende actiebundel ontwikkeld op maat van de gemeente", page: 62},
	{query: "Cultureghem", style: styleKeyword, want: []string{"netwerk:kuregem-verbindt"}, wantFirst: "netwerk:kuregem-verbindt", heldOut: true, justify: "Cultureghem vzw coördineert het project", page: 67},
	{query: "integrative leadership", style: styleKeyword, want: []string{"succesfactor:trekker-met-mandaat"}, wantFirst: "succesfactor:trekker-met-mandaat", justify: "Dit wordt ook wel ‘integrative leadership’ genoemd.", page: 22},
	{query: "kennis kruisen", style: styleKeyword, want: []string{"passage:wat-is-armoede"}, wantFirst: "passage:wat-is-armoede", heldOut: true, justify: "Kennis kruisen is een belangrijk aspect om armoede effectief te bestrijden en te vermijden", page: 10},
}

// questionSource is one stretch of the corpus a justification may quote, with
// the page on which its section starts.
type questionSource struct {
	text string
	page int
}

// questionNorm makes a quote and the corpus comparable: bold markers go,
// runs of white space become one space.
func questionNorm(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "**", "")), " ")
}

// questionSources returns, per document ("kind:id"), the texts of the corpus
// that belong to it: a network's own text and the examples and quotes about
// it in the success factors, a factor's text, examples and quotes, a
// chapter's text.
func questionSources(c *content.Corpus) map[string][]questionSource {
	src := map[string][]questionSource{}
	add := func(doc, text string, page int) {
		src[doc] = append(src[doc], questionSource{text: questionNorm(text), page: page})
	}
	for _, n := range c.Networks {
		doc := KindNetwork + ":" + n.ID
		add(doc, n.Name, n.Page)
		add(doc, n.Description, n.Page)
		add(doc, n.PartnersText, n.Page)
		for _, p := range n.Products {
			add(doc, p, n.Page)
		}
	}
	for _, f := range c.Factors {
		doc := KindFactor + ":" + f.ID
		add(doc, f.Text, f.Page)
		for _, e := range f.Examples {
			add(doc, e.Text, f.Page)
			if e.NetworkID != "" {
				add(KindNetwork+":"+e.NetworkID, e.Text, f.Page)
			}
		}
		for _, q := range f.Quotes {
			add(doc, q.Text, f.Page)
			if q.NetworkID != "" {
				add(KindNetwork+":"+q.NetworkID, q.Text, f.Page)
			}
		}
	}
	for _, p := range c.Passages {
		add(KindPassage+":"+p.ID, p.Text, p.Page)
	}
	return src
}

// TestQuestionCases checks the question tables themselves against the real
// corpus: every expected document exists, every justification is the guide's
// own words in one of the expected documents, on the page given, the
// held-out half of questionCases alternates within each style, and no case of
// questionExtraCases is held out. It does not run the search.
func TestQuestionCases(t *testing.T) {
	c, err := content.Default()
	if err != nil {
		t.Fatalf("load corpus: %v", err)
	}
	src := questionSources(c)

	inRelevance := map[string]bool{}
	for _, rc := range relevanceCases {
		inRelevance[strings.ToLower(questionNorm(rc.query))] = true
	}

	seen := map[string]bool{}
	perStyle := map[string]int{}
	halves := map[bool]int{}
	for _, qc := range questionCases {
		if !checkQuestionCase(t, qc, src, inRelevance, seen) {
			continue
		}
		// Every second case of a style is held out, starting with the second.
		if want := perStyle[qc.style]%2 == 1; qc.heldOut != want {
			t.Errorf("query %q: heldOut = %v, want %v (case %d of style %q; the halves alternate)",
				qc.query, qc.heldOut, want, perStyle[qc.style]+1, qc.style)
		}
		perStyle[qc.style]++
		halves[qc.heldOut]++
	}
	extraPerStyle := map[string]int{}
	for _, qc := range questionExtraCases {
		if !checkQuestionCase(t, qc, src, inRelevance, seen) {
			continue
		}
		if qc.heldOut {
			t.Errorf("query %q: the extra cases are all for tuning; heldOut must be false", qc.query)
		}
		extraPerStyle[qc.style]++
	}
	for _, qc := range append(slices.Clip(questionFreshCases), questionStyleCases...) {
		if !checkQuestionCase(t, qc, src, inRelevance, seen) {
			continue
		}
		if qc.heldOut {
			t.Errorf("query %q: the fresh and style cases are all for tuning; heldOut must be false", qc.query)
		}
	}

	if n := len(questionCases); n < 80 {
		t.Errorf("the table has %d cases; keep at least 80", n)
	}
	if n := len(questionExtraCases); n < 80 {
		t.Errorf("the extra table has %d cases; keep at least 80", n)
	}
	for _, s := range questionStyles {
		if perStyle[s] < 2 {
			t.Errorf("style %q has %d cases; each style needs cases in both halves", s, perStyle[s])
		}
	}
	if halves[false] == 0 || halves[true] == 0 {
		t.Errorf("halves: %d tuning, %d held out; both must be non-empty", halves[false], halves[true])
	}
	t.Logf("question cases: %d (%d tuning, %d held out); per style %v; extra cases: %d, per style %v",
		len(questionCases), halves[false], halves[true], perStyle, len(questionExtraCases), extraPerStyle)
}

// checkQuestionCase checks one case of a question table and records its
// query in seen; it reports whether the case had a query at all.
func checkQuestionCase(t *testing.T, qc questionCase, src map[string][]questionSource, inRelevance, seen map[string]bool) bool {
	t.Helper()
	q := qc.query
	key := strings.ToLower(questionNorm(q))
	if key == "" {
		t.Errorf("a case has an empty query")
		return false
	}
	if seen[key] {
		t.Errorf("query %q appears twice in the tables", q)
	}
	seen[key] = true
	if inRelevance[key] {
		t.Errorf("query %q is already in relevanceCases", q)
	}

	if !slices.Contains(questionStyles, qc.style) {
		t.Errorf("query %q: style %q is not one of %v", q, qc.style, questionStyles)
	}
	if len(qc.want) == 0 || len(qc.want) > 3 {
		t.Errorf("query %q: list one to three expected documents, not %d", q, len(qc.want))
	}
	for i, w := range qc.want {
		if _, ok := src[w]; !ok {
			t.Errorf("query %q: expected document %q is not in the corpus", q, w)
		}
		if slices.Contains(qc.want[:i], w) {
			t.Errorf("query %q: expected document %q is listed twice", q, w)
		}
	}
	if qc.wantFirst != "" && !slices.Contains(qc.want, qc.wantFirst) {
		t.Errorf("query %q: wantFirst %q is not in want", q, qc.wantFirst)
	}

	quote := questionNorm(qc.justify)
	if len([]rune(quote)) < 15 || len([]rune(quote)) > 250 {
		t.Errorf("query %q: justify has %d characters; quote 15 to 250", q, len([]rune(quote)))
	}
	var pages []int
	for _, w := range qc.want {
		for _, s := range src[w] {
			if strings.Contains(s.text, quote) && !slices.Contains(pages, s.page) {
				pages = append(pages, s.page)
			}
		}
	}
	switch {
	case len(pages) == 0:
		t.Errorf("query %q: justify %q is not in the text of any expected document", q, qc.justify)
	case qc.page != 0 && !slices.Contains(pages, qc.page):
		t.Errorf("query %q: justify is on the section of page %v, not page %d", q, pages, qc.page)
	}
	return true
}
