package content_test

import (
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/bondgenoot/bondgenoot/content"
)

// Each directory under testdata/broken is a copy of testdata/valid with one
// thing wrong. Load must report it, with the file and line, and not panic.
func TestLoadBroken(t *testing.T) {
	tests := []struct {
		dir  string
		file string
		line int
		msg  string // fragment of the message
	}{
		{"unknown-province", "netwerken/alfa.md", 9, `onbekende provincie "Henegouwen"`},
		{"duplicate-network-name", "netwerken/beta.md", 5, `"Alfa bondgenoten" wordt ook gebruikt door netwerken/alfa.md`},
		{"duplicate-network-alias", "netwerken/beta.md", 3, `"Alfa" wordt ook gebruikt door netwerken/alfa.md`},
		{"id-differs-from-filename", "netwerken/beta.md", 2, `id "beta-netwerk" verschilt van de bestandsnaam "beta"`},
		{"example-unknown-network", "succesfactoren/eerste.md", 10, `onbekend netwerk "gamma"`},
		{"quote-unknown-network", "succesfactoren/eerste.md", 14, `onbekend netwerk "gamma"`},
		{"example-without-network", "succesfactoren/eerste.md", 10, "voorbeeld zonder netwerk"},
		{"empty-description", "netwerken/alfa.md", 1, "de beschrijving is leeg"},
		{"missing-partners-heading", "netwerken/alfa.md", 1, "'## De bondgenoten' ontbreekt"},
		{"no-partners-listed", "netwerken/alfa.md", 21, "geen bondgenoten opgesomd"},
		{"unknown-network-heading", "netwerken/alfa.md", 29, `onbekende kop "Contact"`},
		{"partner-alias-claimed-twice", "partners.md", 10, `schrijfwijze "Saamo" wordt opgeëist door "SAAMO" en "CAW"`},
		{"duplicate-organisation", "partners.md", 15, `organisatie "Saamo" staat er twee keer`},
		{"parent-unknown-organisation", "partners.md", 12, `onderdeel van een onbekende organisatie "CAW Vlaanderen"`},
		{"organisation-cycle", "partners.md", 8, "onderdeel van zichzelf"},
		{"theme-alias-claimed-twice", "themas.md", 10, `"school" hoort al bij thema "onderwijs"`},
		{"unknown-theme", "netwerken/alfa.md", 11, `onbekend thema "sport"`},
		{"page-not-number", "netwerken/alfa.md", 10, `pagina moet een getal zijn, niet "tachtig"`},
		{"page-out-of-range", "netwerken/alfa.md", 10, "pagina 500 ligt buiten"},
		{"missing-frontmatter-open", "netwerken/alfa.md", 1, "moet beginnen met een gegevensblok"},
		{"missing-frontmatter-close", "netwerken/alfa.md", 1, "wordt niet afgesloten"},
		{"unknown-frontmatter-key", "netwerken/alfa.md", 17, `onbekende sleutel "kleur"`},
		{"duplicate-frontmatter-key", "netwerken/alfa.md", 7, `sleutel "plaats" staat er twee keer (ook op regel 6)`},
		{"frontmatter-line-without-colon", "netwerken/alfa.md", 17, "regel zonder ':'"},
		{"list-item-under-valued-key", "netwerken/alfa.md", 12, `sleutel "themas" heeft al een waarde`},
		{"invalid-website", "netwerken/alfa.md", 14, `website "www alfa be" is geen geldig webadres`},
		{"invalid-contact", "netwerken/alfa.md", 17, `contact "bel ons maar" is geen e-mailadres`},
		{"invalid-utf8", "netwerken/alfa.md", 19, "geen geldige UTF-8"},
		{"missing-required-key", "netwerken/alfa.md", 1, `sleutel "plaats" ontbreekt`},
		{"empty-required-key", "netwerken/alfa.md", 3, `sleutel "naam" is leeg`},
		{"duplicate-factor-order", "succesfactoren/tweede.md", 5, "volgorde 1 wordt ook gebruikt door succesfactoren/eerste.md"},
		{"unknown-factor-heading", "succesfactoren/eerste.md", 10, `onbekende kop "Voorbeelden uit de praktijk"`},
		{"quote-without-text", "succesfactoren/tweede.md", 10, "citaat zonder tekst"},
		{"empty-factor-text", "succesfactoren/eerste.md", 1, "kerntekst van de succesfactor is leeg"},
		{"empty-passage", "passages/voorwoord.md", 1, "tekst van de passage is leeg"},
		{"missing-passages-dir", "passages", 0, "map ontbreekt"},
		{"missing-themas-file", "themas.md", 0, "kan het bestand niet lezen"},
		{"keywords-unknown-document", "zoekwoorden.md", 6, `kop "netwerk:omega": onbekend document`},
		{"keywords-duplicate-word", "zoekwoorden.md", 6, `zoekwoord "Speeltuin" staat er twee keer`},
	}
	entries, err := os.ReadDir(filepath.Join("testdata", "broken"))
	if err != nil {
		t.Fatal(err)
	}
	covered := map[string]bool{}
	for _, tt := range tests {
		covered[tt.dir] = true
		t.Run(tt.dir, func(t *testing.T) {
			c, err := loadDir(t, filepath.Join("testdata", "broken", tt.dir))
			if err == nil {
				t.Fatalf("Load succeeded (%d networks), want a problem in %s:%d", len(c.Networks), tt.file, tt.line)
			}
			if c != nil {
				t.Errorf("Load returned a corpus together with an error")
			}
			var probs content.Problems
			if !errors.As(err, &probs) {
				t.Fatalf("Load error is %T, want content.Problems: %v", err, err)
			}
			found := false
			for _, p := range probs {
				if p.File == tt.file && p.Line == tt.line && strings.Contains(p.Message, tt.msg) {
					found = true
				}
			}
			if !found {
				t.Errorf("no problem %s:%d containing %q; got:\n%s", tt.file, tt.line, tt.msg, probsString(probs))
			}
			// The error text lists each problem as file:line: message.
			want := fmt.Sprintf("%s: ", tt.file)
			if tt.line > 0 {
				want = fmt.Sprintf("%s:%d: ", tt.file, tt.line)
			}
			if !strings.Contains(err.Error(), want) {
				t.Errorf("error text lacks %q:\n%s", want, err)
			}
		})
	}
	for _, e := range entries {
		if e.IsDir() && !covered[e.Name()] {
			t.Errorf("testdata/broken/%s has no entry in the table", e.Name())
		}
	}
}

// Cases that must name only the intended file: a problem in one file must not
// spill into problems in another.
func TestLoadBrokenProblemsStayInOneFile(t *testing.T) {
	tests := map[string]string{
		"unknown-province":            "netwerken/alfa.md",
		"id-differs-from-filename":    "netwerken/beta.md",
		"example-unknown-network":     "succesfactoren/eerste.md",
		"partner-alias-claimed-twice": "partners.md",
		"unknown-frontmatter-key":     "netwerken/alfa.md",
		"duplicate-factor-order":      "succesfactoren/tweede.md",
		"unknown-factor-heading":      "succesfactoren/eerste.md",
		"parent-unknown-organisation": "partners.md",
		"invalid-utf8":                "netwerken/alfa.md",
	}
	for dir, file := range tests {
		_, err := loadDir(t, filepath.Join("testdata", "broken", dir))
		var probs content.Problems
		if !errors.As(err, &probs) {
			t.Errorf("%s: Load error = %v, want content.Problems", dir, err)
			continue
		}
		if len(probs) != 1 || probs[0].File != file {
			t.Errorf("%s: got %d problems, want exactly one in %s:\n%s", dir, len(probs), file, probsString(probs))
		}
	}
}

func TestLoadValid(t *testing.T) {
	for _, dir := range []string{"valid", "valid-crlf"} {
		t.Run(dir, func(t *testing.T) {
			c, err := loadDir(t, filepath.Join("testdata", dir))
			if err != nil {
				t.Fatalf("Load(testdata/%s) error: %v", dir, err)
			}
			if got, want := ids(c.Networks), []string{"alfa", "beta"}; !slices.Equal(got, want) {
				t.Errorf("networks = %v, want %v", got, want)
			}
			// Limburg comes before Oost-Vlaanderen in the overview.
			if c.Networks[0].ID != "beta" {
				t.Errorf("first network = %s, want beta (Limburg before Oost-Vlaanderen)", c.Networks[0].ID)
			}
			alfa := c.Network("alfa")
			if alfa.Name != "Alfa bondgenoten" || alfa.Place != "Gent" || alfa.Province != "Oost-Vlaanderen" || alfa.Page != 80 {
				t.Errorf("alfa = {%q %q %q %d}, want {Alfa bondgenoten Gent Oost-Vlaanderen 80}", alfa.Name, alfa.Place, alfa.Province, alfa.Page)
			}
			if want := []string{"onderwijs", "vrije tijd"}; !slices.Equal(alfa.Themes, want) {
				t.Errorf("alfa themes = %q, want %q", alfa.Themes, want)
			}
			if want := []string{"Alfa"}; !slices.Equal(alfa.Aliases, want) {
				t.Errorf("alfa aliases = %q, want %q", alfa.Aliases, want)
			}
			if want := []string{"www.alfa.be"}; !slices.Equal(alfa.Websites, want) {
				t.Errorf("alfa websites = %q, want %q", alfa.Websites, want)
			}
			if want := "Alfa brengt scholen, gezinnen en vrijetijdsorganisaties samen."; alfa.Description != want {
				t.Errorf("alfa description = %q, want %q", alfa.Description, want)
			}
			if want := "Het netwerk bestaat uit SAAMO, CAW De Kempen en een basisschool."; alfa.PartnersText != want {
				t.Errorf("alfa partners text = %q, want %q", alfa.PartnersText, want)
			}
			wantPartners := []content.Partner{
				{Name: "SAAMO Oost-Vlaanderen", Canonical: "SAAMO"},
				{Name: "CAW De Kempen", Canonical: "CAW De Kempen"},
				{Name: "basisschool De Regenboog", Canonical: "basisschool De Regenboog"},
			}
			if !slices.Equal(alfa.Partners, wantPartners) {
				t.Errorf("alfa partners = %+v, want %+v", alfa.Partners, wantPartners)
			}
			if got := partnerIDs(c.LookupPartner("CAW")); !slices.Equal(got, []string{"alfa"}) {
				t.Errorf("LookupPartner(CAW) = %v, want [alfa] (through CAW De Kempen)", got)
			}
			if got := partnerIDs(c.LookupPartner("saamo")); !slices.Equal(got, []string{"alfa", "beta"}) {
				t.Errorf("LookupPartner(saamo) = %v, want [alfa beta]", got)
			}
			if o := c.Organisation("CAW De Kempen"); o == nil || o.Parent != "CAW" {
				t.Errorf("Organisation(CAW De Kempen) = %+v, want parent CAW", o)
			}

			if len(c.Factors) != 2 {
				t.Fatalf("len(Factors) = %d, want 2", len(c.Factors))
			}
			f := c.Factors[0]
			if f.ID != "eerste" || f.Order != 1 || f.Page != 17 || f.Text != "Samenwerken is de kern van een bondgenotennetwerk." {
				t.Errorf("first factor = {%s %d %d %q}", f.ID, f.Order, f.Page, f.Text)
			}
			wantEx := []content.Example{{NetworkID: "alfa", NetworkName: "Alfa bondgenoten", Text: "Alfa bracht de school en de vrijetijdsorganisaties rond de tafel."}}
			if !slices.Equal(f.Examples, wantEx) {
				t.Errorf("examples = %+v, want %+v", f.Examples, wantEx)
			}
			wantQ := []content.Quote{{Text: "“Samen staan we sterker.”", Attribution: "een ouder uit Gent", NetworkID: "alfa"}}
			if !slices.Equal(f.Quotes, wantQ) {
				t.Errorf("quotes = %+v, want %+v", f.Quotes, wantQ)
			}
			wantQ2 := []content.Quote{{Text: "“De deur staat altijd open.”"}}
			if got := c.Factors[1].Quotes; !slices.Equal(got, wantQ2) {
				t.Errorf("second factor quotes = %+v, want %+v", got, wantQ2)
			}
			if len(c.Passages) != 1 || c.Passages[0].Text != "Dit is het voorwoord van de testgids." {
				t.Errorf("passages = %+v", c.Passages)
			}
		})
	}
}

// README promises "elk probleem met bestand en regelnummer", but problems
// found across files (a name or alias used twice, a factor order used twice)
// and invalid UTF-8 are reported with line 0 although the line is known.
func TestLoadProblemsHaveLineNumbers(t *testing.T) {
	for _, tt := range []struct {
		dir, file string
		line      int
	}{
		{"duplicate-network-name", "netwerken/beta.md", 5},
		{"duplicate-network-alias", "netwerken/beta.md", 3},
		{"duplicate-factor-order", "succesfactoren/tweede.md", 5},
		{"invalid-utf8", "netwerken/alfa.md", 19},
	} {
		_, err := loadDir(t, filepath.Join("testdata", "broken", tt.dir))
		var probs content.Problems
		if !errors.As(err, &probs) {
			t.Fatalf("%s: error %v", tt.dir, err)
		}
		for _, p := range probs {
			if p.File == tt.file && p.Line != tt.line {
				t.Errorf("%s: problem %q on line %d, want line %d", tt.dir, p.Message, p.Line, tt.line)
			}
		}
	}
}

// partners.md and themas.md are parsed by parseHeadingList, which does not
// check the encoding, unlike network, factor and passage files.
func TestLoadInvalidUTF8InDirectoryFiles(t *testing.T) {
	for _, file := range []string{"partners.md", "themas.md"} {
		fsys := mapFS(t, filepath.Join("testdata", "valid"))
		fsys[file].Data = append(slices.Clone(fsys[file].Data), []byte("\n- Kempenl\xffand\n")...)
		_, err := content.Load(fsys)
		var probs content.Problems
		if !errors.As(err, &probs) {
			t.Errorf("%s with invalid UTF-8: Load error = %v, want content.Problems", file, err)
			continue
		}
		found := false
		for _, p := range probs {
			found = found || p.File == file && strings.Contains(p.Message, "UTF-8")
		}
		if !found {
			t.Errorf("%s with invalid UTF-8: no UTF-8 problem in\n%s", file, probsString(probs))
		}
	}
}

// Load must never panic, whatever prefix of a file it gets.
func TestLoadTruncatedFilesDoNotPanic(t *testing.T) {
	base := mapFS(t, filepath.Join("testdata", "valid"))
	for name, f := range base {
		if f.Mode.IsDir() {
			continue
		}
		for n := 0; n <= len(f.Data); n++ {
			fsys := cloneFS(base)
			fsys[name] = &fstest.MapFile{Data: f.Data[:n]}
			loadNoPanic(t, fsys, fmt.Sprintf("%s cut at %d", name, n))
		}
	}
}

// Random truncations and corruptions of the real corpus files.
func TestLoadRandomlyTruncatedCorpusDoesNotPanic(t *testing.T) {
	base := mapFS(t, ".")
	// Only the Markdown files are cut; without its own gazetteer the corpus
	// shares the embedded one, parsed once, instead of parsing it 400 times.
	delete(base, content.GazetteerFile)
	var names []string
	for name, f := range base {
		if !f.Mode.IsDir() && strings.HasSuffix(name, ".md") && name != "README.md" {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	r := rand.New(rand.NewPCG(1, 2))
	rounds := 400
	if testing.Short() {
		rounds = 50
	}
	for i := 0; i < rounds; i++ {
		name := names[r.IntN(len(names))]
		data := base[name].Data
		cut := r.IntN(len(data) + 1)
		mutated := slices.Clone(data[:cut])
		what := fmt.Sprintf("%s cut at %d", name, cut)
		if i%3 == 0 && len(mutated) > 0 {
			// Also flip a byte, which may break UTF-8 or a line ending.
			j := r.IntN(len(mutated))
			mutated[j] ^= byte(1 + r.IntN(255))
			what += fmt.Sprintf(", byte %d flipped", j)
		}
		fsys := cloneFS(base)
		fsys[name] = &fstest.MapFile{Data: mutated}
		loadNoPanic(t, fsys, what)
	}
}

// FuzzLoadNetwork feeds arbitrary network files to Load; the seeds run as part
// of go test.
func FuzzLoadNetwork(f *testing.F) {
	base := mapFS(f, filepath.Join("testdata", "valid"))
	f.Add(base["netwerken/alfa.md"].Data)
	f.Add(base["netwerken/beta.md"].Data)
	f.Add([]byte("---\n---\n"))
	f.Add([]byte("---\nthemas:\n- \n-\n  - x\n---\n## \n## De bondgenoten\n- \n"))
	f.Add([]byte("\ufeff---\r\nid: alfa\r\n---\r\n\xff"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fsys := cloneFS(base)
		fsys["netwerken/alfa.md"] = &fstest.MapFile{Data: data}
		loadNoPanic(t, fsys, "fuzzed alfa.md")
	})
}

// FuzzLoadPartners feeds arbitrary partner directories to Load.
func FuzzLoadPartners(f *testing.F) {
	base := mapFS(f, filepath.Join("testdata", "valid"))
	f.Add(base["partners.md"].Data)
	f.Add([]byte("## A\nonderdeel van: B\n## B\nonderdeel van: A\n"))
	f.Add([]byte("## A\nonderdeel van: A\n- \n- vzw\n## de\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fsys := cloneFS(base)
		fsys["partners.md"] = &fstest.MapFile{Data: data}
		c := loadNoPanic(t, fsys, "fuzzed partners.md")
		if c != nil {
			// Look-ups walk 'onderdeel van' chains; they must end.
			c.LookupPartner("CAW")
			c.LookupPartner("A")
		}
	})
}

// FuzzLoadKeywords feeds arbitrary search-word files to Load.
func FuzzLoadKeywords(f *testing.F) {
	base := mapFS(f, filepath.Join("testdata", "valid"))
	f.Add(base["zoekwoorden.md"].Data)
	f.Add([]byte("## netwerk:\n- \n## :alfa\n## netwerk:alfa\n- x\n## netwerk:alfa\n"))
	f.Add([]byte("## passage:voorwoord\n- \xff\n## succesfactor:eerste\n-\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fsys := cloneFS(base)
		fsys["zoekwoorden.md"] = &fstest.MapFile{Data: data}
		loadNoPanic(t, fsys, "fuzzed zoekwoorden.md")
	})
}

func loadNoPanic(t testing.TB, fsys fs.FS, what string) (c *content.Corpus) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			t.Fatalf("Load panicked on %s: %v", what, r)
		}
	}()
	c, err := content.Load(fsys)
	if err != nil {
		var probs content.Problems
		if !errors.As(err, &probs) || len(probs) == 0 {
			t.Fatalf("Load on %s: error %T %v, want non-empty content.Problems", what, err, err)
		}
		if c != nil {
			t.Fatalf("Load on %s returned a corpus and an error", what)
		}
	}
	return c
}

func loadDir(t *testing.T, dir string) (*content.Corpus, error) {
	t.Helper()
	var c *content.Corpus
	var err error
	func() {
		defer func() {
			if r := recover(); r != nil {
				t.Fatalf("Load(%s) panicked: %v", dir, r)
			}
		}()
		c, err = content.Load(os.DirFS(dir))
	}()
	return c, err
}

// mapFS reads every file under dir into memory.
func mapFS(t testing.TB, dir string) fstest.MapFS {
	t.Helper()
	out := fstest.MapFS{}
	err := fs.WalkDir(os.DirFS(dir), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if d.Name() == "testdata" {
				return fs.SkipDir
			}
			return nil
		}
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(p)))
		if err != nil {
			return err
		}
		out[p] = &fstest.MapFile{Data: data}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func cloneFS(m fstest.MapFS) fstest.MapFS {
	out := make(fstest.MapFS, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

func probsString(ps content.Problems) string {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString("  " + p.String() + "\n")
	}
	return b.String()
}

// TestLoadKeywords checks that zoekwoorden.md reaches its documents, and that
// a corpus without the file loads with none.
func TestLoadKeywords(t *testing.T) {
	c, err := loadDir(t, filepath.Join("testdata", "valid"))
	if err != nil {
		t.Fatal(err)
	}
	n := c.Network("alfa")
	if n == nil {
		t.Fatal("network alfa is missing")
	}
	if got, want := n.Keywords, []string{"speeltuin", "kleren"}; !slices.Equal(got, want) {
		t.Errorf("alfa keywords = %q, want %q", got, want)
	}
	// A search-word file that cannot be read is a problem, not silence.
	fsys := cloneFS(mapFS(t, filepath.Join("testdata", "valid")))
	fsys["zoekwoorden.md"] = &fstest.MapFile{Mode: fs.ModeDir}
	if _, err := content.Load(fsys); err == nil || !strings.Contains(err.Error(), "zoekwoorden.md") {
		t.Errorf("Load with an unreadable zoekwoorden.md: %v, want a problem in zoekwoorden.md", err)
	}
	c, err = loadDir(t, filepath.Join("testdata", "valid-crlf"))
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range c.Networks {
		if len(n.Keywords) > 0 {
			t.Errorf("%s has keywords %q without a zoekwoorden.md", n.ID, n.Keywords)
		}
	}
}
