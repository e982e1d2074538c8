package main

import (
	"bytes"
	"context"
	"encoding/json"
	"slices"
	"sort"
	"strings"
	"testing"
)

type result struct {
	code           int
	err            error
	stdout, stderr string
}

// cli runs the command line with args and empty standard input.
func runCLI(t *testing.T, args ...string) result {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code, err := run(context.Background(), args, strings.NewReader(""), &stdout, &stderr)
	return result{code, err, stdout.String(), stderr.String()}
}

// mustRun runs args and fails unless the exit code is want and run returned
// no error.
func mustRun(t *testing.T, want int, args ...string) result {
	t.Helper()
	r := runCLI(t, args...)
	if r.err != nil {
		t.Fatalf("run(%q) error: %v (stderr %q)", args, r.err, r.stderr)
	}
	if r.code != want {
		t.Fatalf("run(%q) exit code = %d, want %d\nstdout:\n%s\nstderr:\n%s", args, r.code, want, r.stdout, r.stderr)
	}
	return r
}

func decode(t *testing.T, s string, v any) {
	t.Helper()
	if err := json.Unmarshal([]byte(s), v); err != nil {
		t.Fatalf("output is not the expected JSON: %v\n%s", err, s)
	}
}

// requireKeys checks that every object has all keys.
func requireKeys(t *testing.T, what string, objs []map[string]json.RawMessage, keys ...string) {
	t.Helper()
	for i, o := range objs {
		for _, k := range keys {
			if _, ok := o[k]; !ok {
				t.Errorf("%s[%d] lacks key %q (has %v)", what, i, k, mapKeys(o))
			}
		}
	}
}

func mapKeys(m map[string]json.RawMessage) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Networks with the theme "vrije tijd", from content/netwerken/*.md.
var vrijeTijd = []string{
	"ademruimte", "balder", "bruggen-bouwen", "connecting-the-dots",
	"ervaringskennis-nieuw-gent", "jongeren-aan-zet", "kindgerichte-wijkregisseur",
	"omarmen-met-vrije-tijd", "schoolpoortwerking-de-buurt", "springplank",
	"t-kan-okanders", "t-stokstaartje", "vitamine-a", "vrijtijdsbesteding-voor-iedereen",
}

func TestNetworksText(t *testing.T) {
	r := mustRun(t, exitOK, "netwerken", "--thema", "vrije tijd")
	lines := strings.Split(strings.TrimRight(r.stdout, "\n"), "\n")
	if want := "Netwerken rond vrije tijd (14)"; lines[0] != want {
		t.Errorf("first line = %q, want %q", lines[0], want)
	}
	if got := len(lines) - 1; got != len(vrijeTijd) {
		t.Errorf("got %d network lines, want %d:\n%s", got, len(vrijeTijd), r.stdout)
	}
	for _, want := range []string{
		"- Omarmen met vrije tijd — Bilzen-Hoeselt (Limburg), p. 78",
		"- 't STOKstaartje — Tienen (Vlaams-Brabant), p. 96",
	} {
		if !slices.Contains(lines, want) {
			t.Errorf("output lacks line %q:\n%s", want, r.stdout)
		}
	}
	if r.stderr != "" {
		t.Errorf("stderr = %q, want empty", r.stderr)
	}
}

func TestNetworksJSON(t *testing.T) {
	for _, args := range [][]string{
		{"netwerken", "--thema", "vrije tijd", "--json"},
		{"netwerken", "--json", "--thema=vrijetijd"},
	} {
		r := mustRun(t, exitOK, args...)
		var objs []map[string]json.RawMessage
		decode(t, r.stdout, &objs)
		requireKeys(t, "networks", objs, "id", "name", "aliases", "place", "province", "page",
			"themes", "partners", "websites", "products", "summary")
		var nets []struct {
			ID       string   `json:"id"`
			Name     string   `json:"name"`
			Province string   `json:"province"`
			Page     int      `json:"page"`
			Themes   []string `json:"themes"`
			Summary  string   `json:"summary"`
			Partners []struct {
				Name      string `json:"name"`
				Canonical string `json:"canonical"`
			} `json:"partners"`
		}
		decode(t, r.stdout, &nets)
		var got []string
		for _, n := range nets {
			got = append(got, n.ID)
			if !slices.Contains(n.Themes, "vrije tijd") {
				t.Errorf("%s themes = %q, want to contain \"vrije tijd\"", n.ID, n.Themes)
			}
			if n.Name == "" || n.Province == "" || n.Page == 0 || n.Summary == "" || len(n.Partners) == 0 {
				t.Errorf("%s has empty fields: %+v", n.ID, n)
			}
		}
		sort.Strings(got)
		if !slices.Equal(got, vrijeTijd) {
			t.Errorf("run(%q) ids =\n  %v\nwant\n  %v", args, got, vrijeTijd)
		}
	}
}

func TestNetworksFilters(t *testing.T) {
	tests := []struct {
		args []string
		want []string
	}{
		{[]string{"--provincie", "west vlaanderen"}, []string{"brugfiguren-basisonderwijs", "het-krachtmaatje", "perspectief", "poelberg", "schoolsprong", "verbindingswerkers"}},
		{[]string{"--gemeente", "Tielt"}, []string{"poelberg"}},
		{[]string{"--partner", "1G1P"}, []string{"bondgenoten-na-gezinshereniging", "iedereen-een-max", "t-kan-okanders", "vier-op-een-rij"}},
		{[]string{"--thema", "onderwijs", "--provincie", "WVL", "--partner", "SAAMO"}, []string{"schoolsprong"}},
	}
	for _, tt := range tests {
		args := append([]string{"netwerken", "--json"}, tt.args...)
		r := mustRun(t, exitOK, args...)
		var nets []struct{ ID string }
		decode(t, r.stdout, &nets)
		var got []string
		for _, n := range nets {
			got = append(got, n.ID)
		}
		sort.Strings(got)
		if !slices.Equal(got, tt.want) {
			t.Errorf("run(%q) = %v, want %v", args, got, tt.want)
		}
	}
}

func TestNetworksUnknownFilter(t *testing.T) {
	r := mustRun(t, exitNotFound, "netwerken", "--thema", "sport")
	if !strings.Contains(r.stderr, `Ik ken geen thema "sport"`) {
		t.Errorf("stderr = %q, want the unknown theme", r.stderr)
	}
	r = mustRun(t, exitNotFound, "netwerken", "--provincie", "Limbrug", "--json")
	var out struct {
		Error      string            `json:"error"`
		Candidates []json.RawMessage `json:"candidates"`
	}
	decode(t, r.stdout, &out)
	if !strings.Contains(out.Error, "Limbrug") || !strings.Contains(out.Error, "Limburg") {
		t.Errorf("error = %q, want the value and the suggestion Limburg", out.Error)
	}
}

func TestNetworksPositionalArgument(t *testing.T) {
	mustRun(t, exitUsage, "netwerken", "duosprong")
}

// With --json, an empty result should be an empty list like every other list
// in the JSON output (candidates are always [], never null).
func TestNetworksJSONEmptyIsList(t *testing.T) {
	r := mustRun(t, exitOK, "netwerken", "--thema", "justitie", "--provincie", "Limburg", "--json")
	if got := strings.TrimSpace(r.stdout); got != "[]" {
		t.Errorf("stdout = %q, want []", got)
	}
}

// Lists in a network or factor should be [] when empty, as README.md
// documents them as lists; today they are null.
func TestJSONListsAreNeverNull(t *testing.T) {
	for _, tt := range []struct {
		args []string
		keys []string
	}{
		{[]string{"netwerk", "vrijtijdsbesteding-voor-iedereen", "--json"}, []string{"aliases", "websites", "products", "contacts"}},
		{[]string{"succesfactor", "nabijheid-en-flexibiliteit", "--json"}, []string{"examples", "quotes"}},
	} {
		r := mustRun(t, exitOK, tt.args...)
		var obj map[string]json.RawMessage
		decode(t, r.stdout, &obj)
		for _, k := range tt.keys {
			if string(obj[k]) == "null" {
				t.Errorf("run(%q): %q is null, want []", tt.args, k)
			}
		}
	}
}

func TestNetworkJSON(t *testing.T) {
	r := mustRun(t, exitOK, "netwerk", "duosprong", "--json")
	var obj map[string]json.RawMessage
	decode(t, r.stdout, &obj)
	requireKeys(t, "network", []map[string]json.RawMessage{obj}, "id", "name", "aliases", "place",
		"municipalities", "province", "page", "themes", "summary", "description", "partners_text",
		"partners", "websites", "products", "contacts", "factors", "related")
	var card struct {
		ID       string `json:"id"`
		Name     string `json:"name"`
		Province string `json:"province"`
		Page     int    `json:"page"`
		Partners []struct {
			Name      string `json:"name"`
			Canonical string `json:"canonical"`
		} `json:"partners"`
		Factors []struct {
			ID   string `json:"id"`
			Name string `json:"name"`
			Page int    `json:"page"`
		} `json:"factors"`
		Related []struct {
			ID   string `json:"id"`
			Name string `json:"name"`
		} `json:"related"`
	}
	decode(t, r.stdout, &card)
	if card.ID != "duosprong" || card.Name != "Duosprong" || card.Province != "Limburg" || card.Page != 77 {
		t.Errorf("card = {%q %q %q %d}, want {duosprong Duosprong Limburg 77}", card.ID, card.Name, card.Province, card.Page)
	}
	var factors []string
	for _, f := range card.Factors {
		factors = append(factors, f.ID)
		if f.Name == "" || f.Page == 0 {
			t.Errorf("factor ref %+v lacks name or page", f)
		}
	}
	sort.Strings(factors)
	if want := []string{"elkaars-werking-kennen", "proactieve-benadering"}; !slices.Equal(factors, want) {
		t.Errorf("factors = %v, want %v", factors, want)
	}
	if len(card.Related) == 0 || len(card.Related) > 5 {
		t.Errorf("related has %d networks, want 1 to 5", len(card.Related))
	}
	for _, rel := range card.Related {
		if rel.ID == "duosprong" || rel.ID == "" || rel.Name == "" {
			t.Errorf("related network %+v", rel)
		}
	}
	found := false
	for _, p := range card.Partners {
		if p.Name == "SAAMO Limburg vzw" {
			found = true
			if p.Canonical != "SAAMO" {
				t.Errorf("partner %q canonical = %q, want SAAMO", p.Name, p.Canonical)
			}
		}
	}
	if !found {
		t.Error("partners lack \"SAAMO Limburg vzw\"")
	}
}

func TestNetworkText(t *testing.T) {
	r := mustRun(t, exitOK, "netwerk", "Teach", "for", "Mechelen")
	for _, want := range []string{
		"Teach for Belgium: samen voor kansrijk onderwijs\n",
		"Mechelen (Antwerpen) · gids p. 61",
		"De bondgenoten:\n",
		"- ArmenTeKort\n",
		"Vertrekken vanuit noden (p. 27)",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, r.stdout)
		}
	}
}

func TestNetworkNotFound(t *testing.T) {
	type out struct {
		Error      string `json:"error"`
		Candidates []struct {
			ID   string `json:"id"`
			Name string `json:"name"`
		} `json:"candidates"`
	}
	r := mustRun(t, exitNotFound, "netwerk", "onbekendxyz", "--json")
	var raw map[string]json.RawMessage
	decode(t, r.stdout, &raw)
	if c, ok := raw["candidates"]; !ok || !strings.HasPrefix(string(c), "[") {
		t.Errorf("candidates = %s, want a JSON list", c)
	}
	var o out
	decode(t, r.stdout, &o)
	if want := `Geen netwerk gevonden voor "onbekendxyz".`; o.Error != want {
		t.Errorf("error = %q, want %q", o.Error, want)
	}

	// A near miss lists the network as a candidate.
	r = mustRun(t, exitNotFound, "netwerk", "Duosprongg", "--json")
	o = out{}
	decode(t, r.stdout, &o)
	if len(o.Candidates) == 0 || o.Candidates[0].ID != "duosprong" || o.Candidates[0].Name != "Duosprong" {
		t.Errorf("candidates = %+v, want duosprong first", o.Candidates)
	}

	// An ambiguous prefix lists every network that starts with it.
	r = mustRun(t, exitNotFound, "netwerk", "school", "--json")
	o = out{}
	decode(t, r.stdout, &o)
	var ids []string
	for _, c := range o.Candidates {
		ids = append(ids, c.ID)
	}
	sort.Strings(ids)
	if want := []string{"schoolpoortwerking-de-buurt", "schoolsprong", "schoolsterk"}; !slices.Equal(ids, want) {
		t.Errorf("candidates = %v, want %v", ids, want)
	}
	if !strings.Contains(o.Error, "meer dan één netwerk") {
		t.Errorf("error = %q, want it to say the name is ambiguous", o.Error)
	}

	// In text mode the message goes to standard error.
	r = mustRun(t, exitNotFound, "netwerk", "onbekendxyz")
	if r.stdout != "" || !strings.Contains(r.stderr, `Geen netwerk gevonden voor "onbekendxyz"`) {
		t.Errorf("stdout %q, stderr %q", r.stdout, r.stderr)
	}
	// Without a name.
	r = mustRun(t, exitNotFound, "netwerk")
	if !strings.Contains(r.stderr, "Geef de naam van een netwerk") {
		t.Errorf("stderr = %q", r.stderr)
	}
}

func TestPartnerJSON(t *testing.T) {
	r := mustRun(t, exitOK, "partner", "SAAMO", "--json")
	var a struct {
		Query        string   `json:"query"`
		Organisation string   `json:"organisation"`
		Aliases      []string `json:"aliases"`
		Networks     []struct {
			ID        string   `json:"id"`
			Name      string   `json:"name"`
			Place     string   `json:"place"`
			Page      int      `json:"page"`
			Province  string   `json:"province"`
			Spellings []string `json:"spellings"`
		} `json:"networks"`
	}
	decode(t, r.stdout, &a)
	if a.Query != "SAAMO" || a.Organisation != "SAAMO" {
		t.Errorf("query %q organisation %q, want SAAMO SAAMO", a.Query, a.Organisation)
	}
	for _, want := range []string{"Saamo", "SAAMO Limburg", "SAAMO prov. Antwerpen"} {
		if !slices.Contains(a.Aliases, want) {
			t.Errorf("aliases = %q, want to contain %q", a.Aliases, want)
		}
	}
	spellings := map[string][]string{}
	var ids []string
	for _, n := range a.Networks {
		ids = append(ids, n.ID)
		spellings[n.ID] = n.Spellings
		if n.Name == "" || n.Place == "" || n.Page == 0 || n.Province == "" || len(n.Spellings) == 0 {
			t.Errorf("network %+v has empty fields", n)
		}
	}
	sort.Strings(ids)
	want := []string{"boekentas-vol-dromen", "bruggen-bouwen", "duosprong", "inzet-op-talent",
		"nieuwe-energie-in-kallo", "omarmen-met-vrije-tijd", "schoolsprong", "turnhoutse-bondgenoten", "verbindingswerkers"}
	if !slices.Equal(ids, want) {
		t.Errorf("networks =\n  %v\nwant\n  %v", ids, want)
	}
	for id, sp := range map[string]string{
		"turnhoutse-bondgenoten": "SAAMO prov. Antwerpen",
		"duosprong":              "SAAMO Limburg vzw",
		"omarmen-met-vrije-tijd": "Saamo",
	} {
		if !slices.Equal(spellings[id], []string{sp}) {
			t.Errorf("%s spellings = %q, want [%q]", id, spellings[id], sp)
		}
	}
}

func TestPartnerNotFound(t *testing.T) {
	r := mustRun(t, exitNotFound, "partner", "Kompanjonn", "--json")
	var o struct {
		Error      string `json:"error"`
		Candidates []struct {
			Name string `json:"name"`
		} `json:"candidates"`
	}
	decode(t, r.stdout, &o)
	if len(o.Candidates) == 0 || o.Candidates[0].Name != "Kompanjon" {
		t.Errorf("candidates = %+v, want Kompanjon", o.Candidates)
	}
	mustRun(t, exitNotFound, "partner")
}

func TestFactorList(t *testing.T) {
	r := mustRun(t, exitOK, "succesfactor")
	lines := strings.Split(strings.TrimRight(r.stdout, "\n"), "\n")
	if len(lines) != 14 {
		t.Errorf("got %d lines, want a title and 13 factors:\n%s", len(lines), r.stdout)
	}
	if !strings.Contains(r.stdout, "12. Laagdrempeligheid (p. 41)") {
		t.Errorf("output lacks factor 12:\n%s", r.stdout)
	}

	r = mustRun(t, exitOK, "succesfactoren", "--json")
	var l struct {
		Factors []map[string]json.RawMessage `json:"factors"`
	}
	decode(t, r.stdout, &l)
	if len(l.Factors) != 13 {
		t.Fatalf("got %d factors, want 13", len(l.Factors))
	}
	requireKeys(t, "factors", l.Factors, "id", "title", "page", "order", "examples", "quotes")
	var typed struct {
		Factors []struct {
			ID    string `json:"id"`
			Order int    `json:"order"`
			Page  int    `json:"page"`
		} `json:"factors"`
	}
	decode(t, r.stdout, &typed)
	pages := []int{17, 20, 22, 24, 26, 27, 30, 32, 35, 37, 39, 41, 43}
	for i, f := range typed.Factors {
		if f.Order != i+1 || f.Page != pages[i] {
			t.Errorf("factors[%d] = {%s order %d page %d}, want order %d page %d", i, f.ID, f.Order, f.Page, i+1, pages[i])
		}
	}
}

func TestFactorJSON(t *testing.T) {
	r := mustRun(t, exitOK, "succesfactor", "laagdrempeligheid", "--json")
	var raw struct {
		Examples []map[string]json.RawMessage `json:"examples"`
		Quotes   []map[string]json.RawMessage `json:"quotes"`
	}
	decode(t, r.stdout, &raw)
	requireKeys(t, "examples", raw.Examples, "network_id", "network_name", "text")
	requireKeys(t, "quotes", raw.Quotes, "text", "attribution")
	var f struct {
		ID       string `json:"id"`
		Title    string `json:"title"`
		Page     int    `json:"page"`
		Order    int    `json:"order"`
		Text     string `json:"text"`
		Examples []struct {
			NetworkID   string `json:"network_id"`
			NetworkName string `json:"network_name"`
			Text        string `json:"text"`
		} `json:"examples"`
		Quotes []struct {
			Text        string `json:"text"`
			Attribution string `json:"attribution"`
		} `json:"quotes"`
	}
	decode(t, r.stdout, &f)
	if f.ID != "laagdrempeligheid" || f.Title != "Laagdrempeligheid" || f.Page != 41 || f.Order != 12 || f.Text == "" {
		t.Errorf("factor = {%q %q %d %d, text %d bytes}", f.ID, f.Title, f.Page, f.Order, len(f.Text))
	}
	wantNets := [][2]string{
		{"nieuwe-energie-in-kallo", "Nieuwe energie in Kallo"},
		{"t-kan-okanders", "'t kan OKANders"},
		{"creatieve-orientatie", "Creatieve oriëntatie: een transdisciplinaire praktijk"},
	}
	if len(f.Examples) != len(wantNets) {
		t.Fatalf("got %d examples, want %d", len(f.Examples), len(wantNets))
	}
	for i, e := range f.Examples {
		if e.NetworkID != wantNets[i][0] || e.NetworkName != wantNets[i][1] || e.Text == "" {
			t.Errorf("examples[%d] = {%q %q, text %d bytes}, want {%q %q}", i, e.NetworkID, e.NetworkName, len(e.Text), wantNets[i][0], wantNets[i][1])
		}
	}
	if len(f.Quotes) != 3 {
		t.Errorf("got %d quotes, want 3", len(f.Quotes))
	}
	for i, q := range f.Quotes {
		if q.Text == "" {
			t.Errorf("quotes[%d] has no text", i)
		}
	}

	// Look-up by words of the title, in text.
	r = mustRun(t, exitOK, "succesfactor", "de", "trekker", "met", "mandaat")
	if !strings.HasPrefix(r.stdout, "De spin in het netwerk: de trekker met mandaat\nSuccesfactor 3 van 13 · gids p. 22") {
		t.Errorf("output starts %q", r.stdout[:min(len(r.stdout), 120)])
	}
	r = mustRun(t, exitNotFound, "succesfactor", "werken", "--json")
	var nf struct {
		Candidates []struct{ ID string } `json:"candidates"`
	}
	decode(t, r.stdout, &nf)
	if len(nf.Candidates) != 4 {
		t.Errorf("succesfactor werken: %d candidates, want 4", len(nf.Candidates))
	}
}

func TestThemesJSON(t *testing.T) {
	r := mustRun(t, exitOK, "themas", "--json")
	var out struct {
		Themes []struct {
			Name  string `json:"name"`
			Count int    `json:"count"`
		} `json:"themes"`
	}
	decode(t, r.stdout, &out)
	counts := map[string]int{}
	for i, th := range out.Themes {
		counts[th.Name] = th.Count
		if i > 0 && th.Count > out.Themes[i-1].Count {
			t.Errorf("themes not sorted by count: %s (%d) after %s (%d)", th.Name, th.Count, out.Themes[i-1].Name, out.Themes[i-1].Count)
		}
	}
	for name, want := range map[string]int{"vrije tijd": 14, "justitie": 1, "mensenrechten": 1, "schuldhulpverlening": 1} {
		if counts[name] != want {
			t.Errorf("theme %q count = %d, want %d", name, counts[name], want)
		}
	}
	if len(out.Themes) != 16 {
		t.Errorf("got %d themes, want 16", len(out.Themes))
	}
	r = mustRun(t, exitOK, "thema's")
	if !strings.Contains(r.stdout, "- vrije tijd: 14 netwerken\n") || !strings.Contains(r.stdout, "- justitie: 1 netwerk\n") {
		t.Errorf("text output:\n%s", r.stdout)
	}
}

func TestRegionsJSON(t *testing.T) {
	r := mustRun(t, exitOK, "regios", "--json")
	type count struct {
		Name     string `json:"name"`
		Province string `json:"province"`
		Count    int    `json:"count"`
	}
	var out struct {
		Provinces []count `json:"provinces"`
		Places    []count `json:"places"`
	}
	decode(t, r.stdout, &out)
	want := []count{
		{"Antwerpen", "", 14}, {"Brussel", "", 6}, {"Limburg", "", 6},
		{"Oost-Vlaanderen", "", 14}, {"Vlaams-Brabant", "", 2}, {"West-Vlaanderen", "", 6},
	}
	if !slices.Equal(out.Provinces, want) {
		t.Errorf("provinces = %+v, want %+v", out.Provinces, want)
	}
	for _, w := range []count{
		{"Tielt", "West-Vlaanderen", 1},
		{"Gent", "Oost-Vlaanderen", 4},
		{"Beveren", "Oost-Vlaanderen", 2},
		{"Beveren", "Antwerpen", 1},
	} {
		if !slices.Contains(out.Places, w) {
			t.Errorf("places lack %+v", w)
		}
	}
}

func TestUsageErrors(t *testing.T) {
	tests := []struct {
		args   []string
		stderr string
	}{
		{[]string{"onbekend"}, `Onbekende opdracht "onbekend"`},
		{[]string{"netwerken", "--kleur", "rood"}, "onbekende optie -kleur"},
		{[]string{"netwerk", "duosprong", "--xml"}, "onbekende optie -xml"},
		{[]string{"succesfactor", "-z"}, "onbekende optie -z"},
		{[]string{"themas", "--json=misschien"}, "Ongeldige optie"},
		{[]string{"netwerken", "--thema"}, "optie -thema heeft een waarde nodig"},
	}
	for _, tt := range tests {
		r := runCLI(t, tt.args...)
		if r.err != nil || r.code != exitUsage {
			t.Errorf("run(%q) = %d, %v; want %d, nil", tt.args, r.code, r.err, exitUsage)
		}
		if !strings.Contains(r.stderr, tt.stderr) {
			t.Errorf("run(%q) stderr = %q, want it to contain %q", tt.args, r.stderr, tt.stderr)
		}
		if r.stdout != "" {
			t.Errorf("run(%q) stdout = %q, want empty", tt.args, r.stdout)
		}
	}
}

func TestHelpAndCheck(t *testing.T) {
	r := mustRun(t, exitOK, "help")
	if !strings.HasPrefix(r.stdout, "Gebruik: bondgenoot") {
		t.Errorf("help stdout = %q", r.stdout)
	}
	r = mustRun(t, exitOK, "controleer")
	if want := "De inhoud is in orde.\n"; r.stdout != want || r.stderr != "" {
		t.Errorf("controleer stdout %q stderr %q, want %q and nothing", r.stdout, r.stderr, want)
	}
}

// The flags may stand after the name.
func TestFlagsAfterName(t *testing.T) {
	r := mustRun(t, exitOK, "netwerk", "Teach", "for", "--json", "Mechelen")
	var card struct{ ID string }
	decode(t, r.stdout, &card)
	if card.ID != "teach-for-belgium" {
		t.Errorf("id = %q, want teach-for-belgium", card.ID)
	}
}

// parse handles "--" to end the flags, but flag.Parse consumes a leading "--"
// itself, so the flags after it are still parsed once a positional argument
// has been taken.
func TestDoubleDashEndsFlags(t *testing.T) {
	r := runCLI(t, "netwerk", "--", "duosprong", "--json")
	if strings.HasPrefix(strings.TrimSpace(r.stdout), "{") {
		t.Errorf("run(netwerk -- duosprong --json) printed JSON; --json after -- must not be a flag")
	}
}

// "-h" after a subcommand is reported as an invalid option with the English
// text of flag.ErrHelp.
func TestSubcommandHelp(t *testing.T) {
	r := runCLI(t, "netwerk", "--help")
	if r.code != exitOK || strings.Contains(r.stderr, "help requested") {
		t.Errorf("run(netwerk --help) = %d, stderr %q; want 0 and the usage", r.code, r.stderr)
	}
}

// The contact details the guide prints are in netwerk --json as contacts.
func TestNetworkJSONContacts(t *testing.T) {
	r := mustRun(t, exitOK, "netwerk", "schoolpoortwerking-de-buurt", "--json")
	var card struct {
		Contacts []struct {
			Name  string `json:"name"`
			Email string `json:"email"`
		} `json:"contacts"`
	}
	decode(t, r.stdout, &card)
	if len(card.Contacts) != 1 || card.Contacts[0].Name != "Heleen Huysentruyt" || card.Contacts[0].Email != "heleen@schakel.org" {
		t.Errorf("contacts = %+v, want Heleen Huysentruyt, heleen@schakel.org", card.Contacts)
	}
}
