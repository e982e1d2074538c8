package kaart

import (
	"bytes"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"

	"github.com/bondgenoot/bondgenoot/content"
)

// fixtureDot is a network of the guide where the gazetteer puts it (the
// middle of its places).
type fixtureDot struct {
	ID, Name, Place, Province string
	Themes                    []string
	Lat, Lon                  float64
}

var corpusOnce = sync.OnceValues(content.Default)

func loadFixture(t testing.TB) []fixtureDot {
	t.Helper()
	c, err := corpusOnce()
	if err != nil {
		t.Fatal(err)
	}
	var ds []fixtureDot
	for _, n := range c.Networks {
		loc := c.Location(n)
		if loc == nil || len(loc.Points) == 0 {
			t.Fatalf("%s has no place on the map", n.ID)
		}
		d := fixtureDot{ID: n.ID, Name: n.Name, Place: n.Place, Province: n.Province, Themes: n.Themes}
		for _, p := range loc.Points {
			d.Lat += p.Lat / float64(len(loc.Points))
			d.Lon += p.Lon / float64(len(loc.Points))
		}
		ds = append(ds, d)
	}
	return ds
}

func fixtureMap(ds []fixtureDot, title string, sel func(fixtureDot) bool) Map {
	m := Map{Title: title}
	for _, d := range ds {
		m.Dots = append(m.Dots, Dot{ID: d.ID, Name: d.Name, Lat: d.Lat, Lon: d.Lon, Selected: sel(d)})
	}
	return m
}

func TestRender(t *testing.T) {
	ds := loadFixture(t)
	tests := []struct {
		name  string
		title string
		sel   func(fixtureDot) bool
		place *Place
	}{
		{"alle", "Alle lokale bondgenotennetwerken", func(fixtureDot) bool { return true }, nil},
		{"thema", "Netwerken rond vrije tijd", func(d fixtureDot) bool { return slices.Contains(d.Themes, "vrije tijd") }, nil},
		{"provincie", "Netwerken in Limburg", func(d fixtureDot) bool { return d.Province == "Limburg" }, nil},
		{"antwerpen", "Netwerken in Antwerpen", func(d fixtureDot) bool { return d.Province == "Antwerpen" }, nil},
		{"geen", "Netwerken rond justitie in Limburg", func(fixtureDot) bool { return false }, nil},
		{"plaats", "Dichtbij Kortrijk", func(d fixtureDot) bool {
			return slices.Contains([]string{"Waregem", "Tielt", "Ieper", "Ronse"}, d.Place)
		}, &Place{Name: "Kortrijk", Lat: 50.8280, Lon: 3.2649}},
	}
	out := os.Getenv("KAART_OUT") // write the pictures there to look at them
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := fixtureMap(ds, tc.title, tc.sel)
			m.Place = tc.place
			want := 0
			for _, d := range m.Dots {
				if d.Selected {
					want++
				}
			}
			pic, err := Render(m)
			if err != nil {
				t.Fatal(err)
			}
			if out != "" {
				if err := os.WriteFile(filepath.Join(out, "kaart-"+tc.name+".png"), pic.PNG, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			img, err := png.Decode(bytes.NewReader(pic.PNG))
			if err != nil {
				t.Fatalf("decode: %v", err)
			}
			b := img.Bounds()
			if b.Dx() != pic.Width || b.Dy() != pic.Height {
				t.Errorf("size %v, picture says %dx%d", b.Size(), pic.Width, pic.Height)
			}
			if b.Dx() < 800 || b.Dx() > 1200 {
				t.Errorf("width %d, want 800..1200", b.Dx())
			}
			if len(pic.PNG) > 300*1024 {
				t.Errorf("PNG is %d bytes, want at most 300 KB", len(pic.PNG))
			}
			if got := CountHighlighted(img, pic.MapArea); got != want {
				t.Errorf("highlighted dots on the map: got %d, want %d", got, want)
			}
			wantInset := 0
			for _, d := range ds {
				if d.Province == "Brussel" && tc.sel(d) {
					wantInset++
				}
			}
			if pic.Inset.Empty() {
				wantInset = 0
			}
			if tc.name == "alle" && pic.Inset.Empty() {
				t.Errorf("no inset of Brussels on the map of all networks")
			}
			if got := CountHighlighted(img, pic.Inset); got != wantInset {
				t.Errorf("highlighted dots in the inset of Brussels: got %d, want %d", got, wantInset)
			}
			if pic.Highlighted != want {
				t.Errorf("Highlighted = %d, want %d", pic.Highlighted, want)
			}
		})
	}
}

func TestLayoutLabelsDoNotOverlap(t *testing.T) {
	setupOnce.Do(setup)
	if setupErr != nil {
		t.Fatal(setupErr)
	}
	ds := loadFixture(t)
	for _, tc := range []struct {
		name  string
		sel   func(fixtureDot) bool
		inset int // of Brussels: 1 yes, 0 no, -1 whichever the names need
	}{
		{"alle", func(fixtureDot) bool { return true }, 1},
		{"onderwijs", func(d fixtureDot) bool { return slices.Contains(d.Themes, "onderwijs") }, -1},
		{"vrije tijd", func(d fixtureDot) bool { return slices.Contains(d.Themes, "vrije tijd") }, -1},
		{"brussel", func(d fixtureDot) bool { return d.Province == "Brussel" }, -1},
		{"limburg", func(d fixtureDot) bool { return d.Province == "Limburg" }, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := fixtureMap(ds, "", tc.sel)
			p := plan(m)
			if tc.inset >= 0 && (tc.inset == 1) != (p.inset != nil) {
				t.Errorf("inset: %v, want %v", p.inset != nil, tc.inset == 1)
			}
			labelled := map[int]bool{}
			scenes := []*scene{p.main}
			if p.inset != nil {
				scenes = append(scenes, p.inset)
			}
			for _, sc := range scenes {
				for i, a := range sc.labels {
					labelled[a.dot] = true
					if !a.box.inside(sc.area) {
						t.Errorf("label %q at %v is outside its view %v", a.text, a.box, sc.area)
					}
					for _, b := range sc.labels[i+1:] {
						if a.box.overlaps(b.box) {
							t.Errorf("labels %q and %q overlap", a.text, b.text)
						}
					}
					for j, d := range m.Dots {
						if sc.shown[j] && d.Selected && a.box.overlaps(circleBox(sc.pos[j], selR)) {
							t.Errorf("label %q covers the dot of %s", a.text, d.ID)
						}
					}
				}
				for i := range sc.pos {
					for j := i + 1; j < len(sc.pos); j++ {
						if !sc.shown[i] || !sc.shown[j] {
							continue
						}
						if d := dist(sc.pos[i], sc.pos[j]); d < 2*faintR {
							t.Errorf("dots %s and %s overlap (%.1f px apart)", m.Dots[i].ID, m.Dots[j].ID, d)
						}
					}
				}
			}
			for i, d := range m.Dots {
				if d.Selected && !labelled[i] && !slices.Contains(p.unplaced, i) {
					t.Errorf("%s has no label and is not listed", d.ID)
				}
			}
		})
	}
}

func BenchmarkRender(b *testing.B) {
	ds := loadFixture(b)
	m := fixtureMap(ds, "Alle lokale bondgenotennetwerken", func(fixtureDot) bool { return true })
	if _, err := Render(m); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		if _, err := Render(m); err != nil {
			b.Fatal(err)
		}
	}
}

func TestLayoutListAll(t *testing.T) {
	setupOnce.Do(setup)
	if setupErr != nil {
		t.Fatal(setupErr)
	}
	ds := loadFixture(t)
	m := fixtureMap(ds, "", func(d fixtureDot) bool { return d.Place == "Gent" || d.Place == "Aalst" })
	m.ListAll = true
	m.Place = &Place{Name: "Gent", Lat: 51.0543, Lon: 3.7174}
	p := plan(m)
	var want []int
	for i, d := range m.Dots {
		if d.Selected {
			want = append(want, i)
		}
	}
	var got []int
	for _, e := range p.entries {
		got = append(got, e.dot)
	}
	if !slices.Equal(got, want) {
		t.Errorf("legend lists dots %v, want every selected one in order %v", got, want)
	}
	mark := *p.main.mark
	for i, d := range m.Dots {
		if dist(p.main.pos[i], mark) < markR+faintR {
			t.Errorf("%s lies under the place's mark", d.ID)
		}
	}
}
