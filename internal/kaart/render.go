// Package kaart draws a map of Flanders and Brussels with one dot per
// network, as a PNG, in pure Go: the borders come from Natural Earth (see
// outline.txt and gen_outline.go), the fonts are the embedded Go fonts, and
// nothing is fetched at run time.
package kaart

import (
	"bytes"
	"cmp"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"math"
	"slices"
	"strconv"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"
)

// Dot is one network on the map.
type Dot struct {
	ID       string
	Name     string
	Lat, Lon float64
	Selected bool
	// Detail is shown after the name in the legend, e.g. "3 km".
	Detail string
}

// Place is a place marked on the map.
type Place struct {
	Name     string
	Lat, Lon float64
}

// Map is what to draw.
type Map struct {
	Title string
	Dots  []Dot
	Place *Place // optional
	// ListAll lists every selected dot in the legend, in the order of Dots
	// (with its Detail); otherwise the legend lists those with a number.
	ListAll bool
}

// Picture is a rendered map.
type Picture struct {
	PNG           []byte
	Width, Height int
	// Highlighted is the number of selected dots.
	Highlighted int
	// MapArea is the part of the picture with the map (without title and
	// legend).
	MapArea image.Rectangle
	// Inset is where the enlarged Brussels is, or empty.
	Inset image.Rectangle
}

// Layout and look. Sizes are in pixels.
const (
	Width = 1100

	titleH       = 56
	titleSize    = 24
	labelSize    = 16
	legendSize   = 16
	provinceSize = 19
	sourceSize   = 14

	selR   = 7.5 // radius of a selected dot (15 px across)
	faintR = 4.5 // radius of another network's dot (9 px across)
	markR  = 11  // half the width of the place's diamond

	pad = 20 // margin of title and legend
)

// The view: Flanders and Brussels with a margin.
const (
	lonMin, lonMax = 2.42, 6.0
	latMin, latMax = 50.62, 51.56
	latMid         = (latMin + latMax) / 2
)

var (
	kx     = math.Cos(latMid * math.Pi / 180)
	scale  = Width / ((lonMax - lonMin) * kx) // pixels per degree of latitude
	mapH   = int(math.Round((latMax - latMin) * scale))
	mapTop = titleH
)

// Colours. HighlightColor is used for nothing but selected dots (on the map
// and in the legend's key), so that a test can count them.
var (
	HighlightColor = color.RGBA{0xD9, 0x48, 0x0F, 0xFF}
	faintColor     = color.RGBA{0x8F, 0x9B, 0xA8, 0xFF}
	markColor      = color.RGBA{0x18, 0x64, 0xAB, 0xFF}
	seaColor       = color.RGBA{0xD6, 0xE8, 0xF3, 0xFF}
	neighbourFill  = color.RGBA{0xEC, 0xEC, 0xE6, 0xFF}
	belgiumFill    = color.RGBA{0xFF, 0xFC, 0xF4, 0xFF}
	borderColor    = color.RGBA{0x7D, 0x7B, 0x72, 0xFF}
	neighbourLine  = color.RGBA{0xC4, 0xC4, 0xBA, 0xFF}
	brusselsFill   = color.RGBA{0xF3, 0xE6, 0xD2, 0xFF}
	brusselsLine   = color.RGBA{0xB8, 0xA0, 0x80, 0xFF}
	provinceColor  = color.RGBA{0xA3, 0x9E, 0x92, 0xFF}
	textColor      = color.RGBA{0x21, 0x25, 0x29, 0xFF}
	greyText       = color.RGBA{0x6C, 0x75, 0x7D, 0xFF}
	labelBG        = color.NRGBA{0xFF, 0xFF, 0xFF, 0xE6}
	leaderColor    = color.RGBA{0x49, 0x50, 0x57, 0xFF}
)

// Province names and where they are printed (roughly the middle of the
// Flemish part of each province), and the Brussels-Capital Region, marked as
// a circle around its centre: the open data at hand has no region borders.
var provinceLabels = []struct {
	name     string
	lat, lon float64
}{
	{"West-Vlaanderen", 50.93, 3.02},
	{"Oost-Vlaanderen", 50.90, 3.78},
	{"Antwerpen", 51.36, 4.80},
	{"Vlaams-Brabant", 50.745, 5.0},
	{"Limburg", 51.13, 5.42},
}

const (
	brusselsLat, brusselsLon = 50.838, 4.365
	brusselsRadiusKm         = 8.5
)

// MapArea is the part of every picture with the map itself: not the title,
// the legend or the inset.
func MapArea() image.Rectangle { return image.Rect(0, mapTop, Width, mapTop+mapH) }

// project maps a coordinate to picture pixels (equirectangular, longitude
// scaled by cos of the view's middle latitude).
func project(lat, lon float64) (x, y float64) {
	return (lon - lonMin) * kx * scale, float64(mapTop) + (latMax-lat)*scale
}

var (
	mu         sync.Mutex // guards the faces, which are not safe for concurrent use
	setupOnce  sync.Once
	setupErr   error
	fonts      *faces
	background *image.RGBA // the map area without dots, drawn once
	// backLabels are the boxes of the province names and "Brussel": labels
	// keep off them where they can.
	backLabels []fbox
)

func setup() {
	fonts, setupErr = newFaces()
	if setupErr != nil {
		return
	}
	cs, err := parseOutline(outlineText)
	if err != nil {
		setupErr = err
		return
	}
	background = drawBackground(cs)
}

// Render draws m as a PNG.
func Render(m Map) (*Picture, error) {
	setupOnce.Do(setup)
	if setupErr != nil {
		return nil, fmt.Errorf("kaart setup: %w", setupErr)
	}
	mu.Lock()
	defer mu.Unlock()
	p := plan(m)
	img := image.NewRGBA(image.Rect(0, 0, Width, p.height))
	draw.Draw(img, img.Bounds(), image.NewUniform(color.White), image.Point{}, draw.Src)
	draw.Draw(img, p.mapArea, background, p.mapArea.Min, draw.Src)
	drawMap(img, m, p)
	drawTitle(img, m.Title)
	drawLegend(img, m, p)
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	if err := enc.Encode(&buf, img); err != nil {
		return nil, fmt.Errorf("encode png: %w", err)
	}
	pic := &Picture{PNG: buf.Bytes(), Width: Width, Height: p.height, Highlighted: p.selected, MapArea: p.mapArea}
	if p.inset != nil {
		a := p.inset.area
		pic.Inset = image.Rect(int(a.x0), int(a.y0), int(a.x1), int(a.y1))
	}
	return pic, nil
}

// fbox is a rectangle in float pixels.
type fbox struct{ x0, y0, x1, y1 float64 }

func (a fbox) overlaps(b fbox) bool {
	return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1
}

func (a fbox) inside(b fbox) bool {
	return a.x0 >= b.x0 && a.y0 >= b.y0 && a.x1 <= b.x1 && a.y1 <= b.y1
}

// label is text placed on the map.
type label struct {
	text   string
	face   font.Face
	box    fbox
	leader bool // draw a line from the dot to the box
	dot    int  // index into Map.Dots, or -1 for the place
}

// scene is one view of the dots: the map, or the enlarged inset of
// Brussels.
type scene struct {
	pos    [][2]float64 // dot centres, in the order of Map.Dots
	shown  []bool       // whether a dot is in this view
	mark   *[2]float64  // the place's mark, if it is in this view
	labels []label
	pl     *placer
	area   fbox       // where the view is in the picture
	centre [2]float64 // of the Brussels region, in the inset
	zoom   float64    // of the inset
}

// layout is where everything goes.
type layout struct {
	main  *scene
	inset *scene // nil when there is no inset
	// inBrussels tells which dots lie in the Brussels region.
	inBrussels []bool
	numbered   []int // dots labelled with a number, in legend order
	unplaced   []int // selected dots with neither name nor number on the map
	selected   int
	mapArea    image.Rectangle
	legendY    int
	entries    []entry // the legend's list
	cols       int     // columns of that list
	rows       int     // rows of that list
	height     int
}

// The inset of Brussels, below the map at the right, when two or more
// highlighted networks are in Brussels.
const (
	insetW, insetH = 360, 250
	insetMinZoom   = 2
	insetMaxZoom   = 5
)

const legendCols = 3

// entry is a line of the legend's list: a dot and its number on the map
// ("–" for none).
type entry struct {
	dot  int
	mark string
}

// plan places the dots, the labels and the legend. When networks in
// Brussels cannot all be named on the map, they are named in an enlarged
// inset instead.
func plan(m Map) *layout {
	p := planWith(m, false)
	for _, i := range append(slices.Clone(p.numbered), p.unplaced...) {
		if p.inBrussels[i] {
			return planWith(m, true)
		}
	}
	return p
}

func planWith(m Map, withInset bool) *layout {
	p := &layout{mapArea: MapArea()}
	p.legendY = mapTop + mapH + 14
	radius := make([]float64, len(m.Dots))
	var sel []int
	for i, d := range m.Dots {
		radius[i] = faintR
		if d.Selected {
			radius[i] = selR
			sel = append(sel, i)
		}
	}
	p.selected = len(sel)

	// Which dots are in Brussels, before they are pushed apart.
	bx, by := project(brusselsLat, brusselsLon)
	br := brusselsRadiusKm / 111.2 * scale
	inBrussels := make([]bool, len(m.Dots))
	nb := 0
	for i, d := range m.Dots {
		x, y := project(d.Lat, d.Lon)
		if math.Hypot(x-bx, y-by) <= br+6 {
			inBrussels[i] = true
			if d.Selected {
				nb++
			}
		}
	}

	all := make([]bool, len(m.Dots))
	for i := range all {
		all[i] = true
	}
	p.main = newScene(m, radius, all, project, fbox{4, float64(mapTop) + 4, Width - 4, float64(mapTop+mapH) - 4}, backLabels)
	p.inBrussels = inBrussels
	if withInset && nb >= 2 {
		x0, y0 := float64(Width-pad-insetW), float64(p.legendY+4)
		area := fbox{x0, y0, x0 + insetW, y0 + insetH}
		// Centred on the dots in Brussels, not on the region.
		// Centred on the dots in Brussels, not on the region, and
		// enlarged as far as they fit with room for their names.
		spread := emptyBox()
		for i, d := range m.Dots {
			if inBrussels[i] {
				x, y := project(d.Lat, d.Lon)
				spread = fbox{min(spread.x0, x), min(spread.y0, y), max(spread.x1, x), max(spread.y1, y)}
			}
		}
		mx, my := (spread.x0+spread.x1)/2, (spread.y0+spread.y1)/2
		zoom := min(insetMaxZoom, (insetW-140)/max(spread.x1-spread.x0, 1), (insetH-90)/max(spread.y1-spread.y0, 1))
		zoom = max(zoom, insetMinZoom)
		cx, cy := (area.x0+area.x1)/2, (area.y0+area.y1)/2+12
		insetProject := func(lat, lon float64) (float64, float64) {
			x, y := project(lat, lon)
			return cx + (x-mx)*zoom, cy + (y-my)*zoom
		}
		inner := fbox{area.x0 + 3, area.y0 + 26, area.x1 - 3, area.y1 - 3}
		p.inset = newScene(m, radius, inBrussels, insetProject, inner, nil)
		if p.inset.mark != nil && !p.inset.markIn(inner) {
			p.inset.mark = nil
		}
		p.inset.area = area
		p.inset.centre = [2]float64{cx + (bx-mx)*zoom, cy + (by-my)*zoom}
		p.inset.zoom = zoom
	}

	// The place's name first, then the networks' names, the loneliest
	// dots first: crowded ones are the ones that get a number instead.
	// Networks in the inset are named there.
	scenes := []*scene{p.main}
	if p.inset != nil {
		scenes = append(scenes, p.inset)
	}
	for _, sc := range scenes {
		if sc.mark != nil {
			if l, ok := placeLabel(sc.pl, m.Place.Name, fonts.labelBold, *sc.mark, markDists, mainAngles, true); ok {
				l.dot = -1
				sc.labels = append(sc.labels, l)
			}
		}
	}
	where := func(i int) *scene {
		if p.inset != nil && inBrussels[i] {
			return p.inset
		}
		return p.main
	}
	crowd := make(map[int]int, len(sel))
	for _, i := range sel {
		for _, j := range sel {
			if i != j && where(i) == where(j) && dist(where(i).pos[i], where(j).pos[j]) < 90 {
				crowd[i]++
			}
		}
	}
	order := slices.Clone(sel)
	slices.SortStableFunc(order, func(a, b int) int {
		return cmp.Or(cmp.Compare(crowd[a], crowd[b]), cmp.Compare(where(a).pos[a][0], where(b).pos[b][0]))
	})
	var failed []int
	for _, i := range order {
		sc := where(i)
		l, ok := placeLabel(sc.pl, shortName(m.Dots[i].Name, 26), fonts.label, sc.pos[i], nameDists, mainAngles, true)
		if !ok {
			failed = append(failed, i)
			continue
		}
		l.dot = i
		sc.labels = append(sc.labels, l)
	}
	// Then numbers, in the order of the legend.
	if m.ListAll {
		slices.Sort(failed)
	} else {
		slices.SortStableFunc(failed, func(a, b int) int { return cmp.Compare(m.Dots[a].Name, m.Dots[b].Name) })
	}
	numberOf := map[int]string{}
	for _, i := range failed {
		sc := where(i)
		n := strconv.Itoa(len(p.numbered) + 1)
		l, ok := placeLabel(sc.pl, n, fonts.labelBold, sc.pos[i], numberDists, allAngles, true)
		if !ok {
			// Rather a line that passes under a label than no number.
			l, ok = placeLabel(sc.pl, n, fonts.labelBold, sc.pos[i], numberDists, allAngles, false)
		}
		if !ok {
			p.unplaced = append(p.unplaced, i)
			continue
		}
		l.dot = i
		sc.labels = append(sc.labels, l)
		p.numbered = append(p.numbered, i)
		numberOf[i] = n
	}
	if m.ListAll {
		for _, i := range sel {
			p.entries = append(p.entries, entry{i, cmp.Or(numberOf[i], "–")})
		}
	} else {
		for _, i := range p.numbered {
			p.entries = append(p.entries, entry{i, numberOf[i]})
		}
		for _, i := range p.unplaced {
			p.entries = append(p.entries, entry{i, "–"})
		}
	}

	p.cols = legendCols
	if p.inset != nil {
		p.cols = legendCols - 1
	}
	n := len(p.entries)
	p.rows = (n + p.cols - 1) / p.cols
	h := p.legendY + 28 // key line
	if n > 0 {
		h += 8 + p.rows*legendRowH
	}
	if p.inset != nil {
		h = max(h, int(p.inset.area.y1)+4)
	}
	p.height = h + 34 // source line
	return p
}

// newScene projects the shown dots and the place, pushes them apart and
// sets up label placement inside area.
func newScene(m Map, radius []float64, shown []bool, proj func(lat, lon float64) (float64, float64), area fbox, soft []fbox) *scene {
	sc := &scene{pos: make([][2]float64, len(m.Dots)), shown: shown, area: area}
	var idx []int
	var pts [][2]float64
	var rs []float64
	fixed := 0
	if m.Place != nil {
		// The place's mark stays put; dots under it move aside.
		x, y := proj(m.Place.Lat, m.Place.Lon)
		sc.mark = &[2]float64{x, y}
		pts = append(pts, *sc.mark)
		rs = append(rs, markR+1)
		fixed = 1
	}
	for i, d := range m.Dots {
		if !shown[i] {
			continue
		}
		x, y := proj(d.Lat, d.Lon)
		idx = append(idx, i)
		pts = append(pts, [2]float64{x, y})
		rs = append(rs, radius[i])
	}
	separate(pts, rs, fixed)
	for k, i := range idx {
		sc.pos[i] = pts[fixed+k]
	}
	sc.pl = &placer{area: area, faint: slices.Clone(soft)}
	for i, d := range m.Dots {
		if !shown[i] {
			continue
		}
		if d.Selected {
			sc.pl.obstacles = append(sc.pl.obstacles, circleBox(sc.pos[i], selR+2))
		} else {
			sc.pl.faint = append(sc.pl.faint, circleBox(sc.pos[i], faintR+1))
		}
	}
	if sc.mark != nil {
		sc.pl.obstacles = append(sc.pl.obstacles, circleBox(*sc.mark, markR+2))
	}
	return sc
}

// markIn reports whether the scene's mark lies inside b.
func (sc *scene) markIn(b fbox) bool {
	return sc.mark != nil && b.contains(*sc.mark)
}

func dist(a, b [2]float64) float64 { return math.Hypot(a[0]-b[0], a[1]-b[1]) }

const legendRowH = 23

// How far from its dot a label may go: a name not far (a long leader line
// is hard to follow), a number further before it is left to the legend.
var (
	nameDists   = []float64{selR + 3, selR + 20, selR + 40}
	numberDists = []float64{selR + 3, selR + 20, selR + 40, selR + 60, selR + 80, selR + 100}
	markDists   = []float64{markR + 3, markR + 20, markR + 40}
)

func circleBox(c [2]float64, r float64) fbox {
	return fbox{c[0] - r, c[1] - r, c[0] + r, c[1] + r}
}

// separate pushes dots apart until none overlaps another: networks in one
// town would otherwise hide each other. Deterministic.
// The first fixed entries stay where they are (the marked place).
func separate(pos [][2]float64, r []float64, fixed int) {
	const gap = 3
	for iter := 0; iter < 80; iter++ {
		moved := false
		for i := range pos {
			for j := i + 1; j < len(pos); j++ {
				dx, dy := pos[j][0]-pos[i][0], pos[j][1]-pos[i][1]
				d := math.Hypot(dx, dy)
				want := r[i] + r[j] + gap
				if d >= want {
					continue
				}
				if d < 1e-6 {
					// Same spot: spread along a golden-angle spiral.
					a := float64(j) * 2.399963
					dx, dy, d = math.Cos(a), math.Sin(a), 1
				}
				push := (want - d) / 2 * 1.02
				ux, uy := dx/d, dy/d
				if i < fixed {
					push *= 2 // j moves alone (j > i, and fixed ones come first)
				} else {
					pos[i][0] -= ux * push
					pos[i][1] -= uy * push
				}
				if j >= fixed {
					pos[j][0] += ux * push
					pos[j][1] += uy * push
				}
				moved = true
			}
		}
		if !moved {
			return
		}
	}
}

// placeLabel tries positions around a dot: beside it first, then a little
// further with a leader line; boxes stay inside area and off obstacles, and
// off the other networks' faint dots where possible.
func placeLabel(pl *placer, text string, f font.Face, c [2]float64, dists []float64, angles []float64, strict bool) (label, bool) {
	m := f.Metrics()
	w := float64(textWidth(f, text)) + 8
	h := float64((m.Ascent + m.Descent).Ceil()) + 2
	type cand struct {
		b      fbox
		leader bool
	}
	var cands []cand
	for k, d := range dists {
		for _, a := range angles {
			cos, sin := math.Cos(a), math.Sin(a)
			ax, ay := c[0]+d*cos, c[1]+d*sin
			x0, y0 := ax-w/2, ay-h/2
			switch {
			case cos > 0.38:
				x0 = ax
			case cos < -0.38:
				x0 = ax - w
			}
			switch {
			case sin > 0.38:
				y0 = ay
			case sin < -0.38:
				y0 = ay - h
			}
			cands = append(cands, cand{fbox{x0, y0, x0 + w, y0 + h}, k > 0})
		}
	}
	free := func(cd cand, avoidFaint bool) bool {
		b := cd.b
		if !b.inside(pl.area) {
			return false
		}
		for _, o := range pl.obstacles {
			if b.overlaps(o) {
				return false
			}
		}
		for _, sg := range pl.leaders {
			if strict && sg.crosses(b) {
				return false
			}
		}
		if cd.leader && strict {
			// The line must not run under a label or over another dot.
			sg := leaderOf(c, b)
			for _, o := range pl.obstacles {
				if !o.contains(c) && sg.crosses(o) {
					return false
				}
			}
		}
		if avoidFaint {
			for _, o := range pl.faint {
				if b.overlaps(o) {
					return false
				}
			}
		}
		return true
	}
	for _, avoidFaint := range []bool{true, false} {
		for _, cd := range cands {
			if free(cd, avoidFaint) {
				pl.obstacles = append(pl.obstacles, cd.b)
				if cd.leader {
					pl.leaders = append(pl.leaders, leaderOf(c, cd.b))
				}
				return label{text: text, face: f, box: cd.b, leader: cd.leader}, true
			}
		}
	}
	return label{}, false
}

// Directions to try, in order (y grows downwards): right, left, the
// diagonals, above, below; further away also the directions in between.
var (
	mainAngles = []float64{0, math.Pi, -math.Pi / 4, math.Pi / 4, -3 * math.Pi / 4, 3 * math.Pi / 4, -math.Pi / 2, math.Pi / 2}
	allAngles  = append(slices.Clone(mainAngles), -math.Pi/8, math.Pi/8, -7*math.Pi/8, 7*math.Pi/8, -3*math.Pi/8, 3*math.Pi/8, -5*math.Pi/8, 5*math.Pi/8)
)

// placer holds what labels must keep off: the map's edge, dots and labels
// placed (obstacles), leader lines, and what they should keep off where
// they can (faint: other networks' dots and the background names).
type placer struct {
	area      fbox
	obstacles []fbox
	faint     []fbox
	leaders   []segment
}

type segment struct{ x0, y0, x1, y1 float64 }

// leaderOf is the line from a dot's centre to the nearest point of a box.
func leaderOf(c [2]float64, b fbox) segment {
	return segment{c[0], c[1], math.Max(b.x0, math.Min(c[0], b.x1)), math.Max(b.y0, math.Min(c[1], b.y1))}
}

func (a fbox) contains(p [2]float64) bool {
	return p[0] >= a.x0 && p[0] <= a.x1 && p[1] >= a.y0 && p[1] <= a.y1
}

// crosses reports whether the segment passes through the inside of b
// (Liang–Barsky).
func (sg segment) crosses(b fbox) bool {
	const eps = 0.5 // touching the edge is fine
	b = fbox{b.x0 + eps, b.y0 + eps, b.x1 - eps, b.y1 - eps}
	dx, dy := sg.x1-sg.x0, sg.y1-sg.y0
	t0, t1 := 0.0, 1.0
	for _, e := range [4][2]float64{{-dx, sg.x0 - b.x0}, {dx, b.x1 - sg.x0}, {-dy, sg.y0 - b.y0}, {dy, b.y1 - sg.y0}} {
		pp, q := e[0], e[1]
		if pp == 0 {
			if q < 0 {
				return false
			}
			continue
		}
		t := q / pp
		if pp < 0 {
			t0 = math.Max(t0, t)
		} else {
			t1 = math.Min(t1, t)
		}
		if t0 > t1 {
			return false
		}
	}
	return true
}

// ---- drawing ----

// canvas collects a path and fills it; the rasteriser only works on the
// path's bounding box.
type canvas struct {
	img   *image.RGBA
	z     vector.Rasterizer
	paths [][][2]float64
	box   fbox
}

func newCanvas(img *image.RGBA) *canvas {
	return &canvas{img: img, box: emptyBox()}
}

func emptyBox() fbox { return fbox{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)} }

// fill draws the current path in col and starts a new one.
func (c *canvas) fill(col color.Color) {
	defer func() { c.paths, c.box = c.paths[:0], emptyBox() }()
	r := image.Rect(int(math.Floor(c.box.x0))-1, int(math.Floor(c.box.y0))-1,
		int(math.Ceil(c.box.x1))+1, int(math.Ceil(c.box.y1))+1).Intersect(c.img.Bounds())
	if r.Empty() {
		return
	}
	c.z.Reset(r.Dx(), r.Dy())
	c.z.DrawOp = draw.Over
	ox, oy := float64(r.Min.X), float64(r.Min.Y)
	for _, p := range c.paths {
		c.z.MoveTo(float32(p[0][0]-ox), float32(p[0][1]-oy))
		for _, q := range p[1:] {
			c.z.LineTo(float32(q[0]-ox), float32(q[1]-oy))
		}
		c.z.ClosePath()
	}
	c.z.Draw(c.img, r, image.NewUniform(col), image.Point{})
}

func (c *canvas) polygon(pts [][2]float64) {
	if len(pts) < 3 {
		return
	}
	for _, q := range pts {
		c.box.x0, c.box.y0 = math.Min(c.box.x0, q[0]), math.Min(c.box.y0, q[1])
		c.box.x1, c.box.y1 = math.Max(c.box.x1, q[0]), math.Max(c.box.y1, q[1])
	}
	c.paths = append(c.paths, pts)
}

// line adds a segment of width w as a quadrilateral; all quads have the
// same orientation so that overlapping ones never cancel out.
func (c *canvas) line(x0, y0, x1, y1, w float64) {
	dx, dy := x1-x0, y1-y0
	d := math.Hypot(dx, dy)
	if d == 0 {
		return
	}
	nx, ny := -dy/d*w/2, dx/d*w/2
	c.polygon([][2]float64{{x0 + nx, y0 + ny}, {x1 + nx, y1 + ny}, {x1 - nx, y1 - ny}, {x0 - nx, y0 - ny}})
}

func (c *canvas) ring(pts [][2]float64, w float64) {
	for i := range pts {
		j := (i + 1) % len(pts)
		c.line(pts[i][0], pts[i][1], pts[j][0], pts[j][1], w)
	}
}

func (c *canvas) circle(x, y, r float64) {
	const n = 32
	pts := make([][2]float64, n)
	for i := range pts {
		a := float64(i) * 2 * math.Pi / n
		pts[i] = [2]float64{x + r*math.Cos(a), y + r*math.Sin(a)}
	}
	c.polygon(pts)
}

func (c *canvas) diamond(x, y, r float64) {
	c.polygon([][2]float64{{x, y - r}, {x + r, y}, {x, y + r}, {x - r, y}})
}

func (c *canvas) rect(b fbox) {
	c.polygon([][2]float64{{b.x0, b.y0}, {b.x1, b.y0}, {b.x1, b.y1}, {b.x0, b.y1}})
}

// drawBackground draws sea, countries, province names and Brussels into an
// image the size of the whole picture's map band (origin at the top of the
// picture, so that it can be copied to the same place).
func drawBackground(cs []country) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, Width, mapTop+mapH))
	draw.Draw(img, img.Bounds(), image.NewUniform(seaColor), image.Point{}, draw.Src)
	c := newCanvas(img)
	proj := func(r [][2]float64) [][2]float64 {
		out := make([][2]float64, len(r))
		for i, q := range r {
			out[i][0], out[i][1] = project(q[1], q[0])
		}
		return out
	}
	for _, k := range cs {
		for _, r := range k.rings {
			c.polygon(proj(r))
		}
		if k.code == "BE" {
			c.fill(belgiumFill)
		} else {
			c.fill(neighbourFill)
		}
	}
	for _, k := range cs {
		if k.code == "BE" {
			continue
		}
		for _, r := range k.rings {
			c.ring(proj(r), 1.2)
		}
		c.fill(neighbourLine)
	}
	// Brussels-Capital Region.
	bx, by := project(brusselsLat, brusselsLon)
	br := brusselsRadiusKm / 111.2 * scale
	c.circle(bx, by, br)
	c.fill(brusselsLine)
	c.circle(bx, by, br-1.5)
	c.fill(brusselsFill)
	for _, k := range cs {
		if k.code != "BE" {
			continue
		}
		for _, r := range k.rings {
			c.ring(proj(r), 2)
		}
		c.fill(borderColor)
	}
	for _, pl := range provinceLabels {
		x, y := project(pl.lat, pl.lon)
		backText(img, provinceColor, pl.name, x, y)
	}
	backText(img, brusselsLine, "Brussel", bx, by+br+20)
	return img.SubImage(image.Rect(0, mapTop, Width, mapTop+mapH)).(*image.RGBA)
}

// backText draws a background name centred on x with its baseline at y.
func backText(img *image.RGBA, col color.Color, s string, x, y float64) {
	f := fonts.province
	w := textWidth(f, s)
	x0 := int(x) - w/2
	drawText(img, f, col, s, x0, int(y))
	m := f.Metrics()
	backLabels = append(backLabels, fbox{float64(x0), y - float64(m.Ascent.Ceil()), float64(x0 + w), y + float64(m.Descent.Ceil())})
}

func drawText(img *image.RGBA, f font.Face, col color.Color, s string, x, baseline int) {
	d := font.Drawer{Dst: img, Src: image.NewUniform(col), Face: f, Dot: fixed.P(x, baseline)}
	d.DrawString(s)
}

func drawMap(img *image.RGBA, m Map, p *layout) {
	drawScene(img, m, p.main)
	if p.inset != nil {
		drawInset(img, m, p.inset)
	}
}

// drawInset draws the frame and background of the inset of Brussels, then
// its dots.
func drawInset(img *image.RGBA, m Map, sc *scene) {
	c := newCanvas(img)
	a := sc.area
	c.rect(a)
	c.fill(borderColor)
	inner := fbox{a.x0 + 1.5, a.y0 + 1.5, a.x1 - 1.5, a.y1 - 1.5}
	c.rect(inner)
	c.fill(belgiumFill)
	cx, cy := sc.centre[0], sc.centre[1]
	br := brusselsRadiusKm / 111.2 * scale * sc.zoom
	sub := img.SubImage(image.Rect(int(inner.x0), int(inner.y0), int(inner.x1), int(inner.y1))).(*image.RGBA)
	cs := newCanvas(sub)
	cs.circle(cx, cy, br)
	cs.fill(brusselsLine)
	cs.circle(cx, cy, br-2)
	cs.fill(brusselsFill)
	drawText(img, fonts.small, greyText, "Brussel, vergroot", int(a.x0)+8, int(a.y0)+18)
	drawScene(sub, m, sc)
}

func drawScene(img *image.RGBA, m Map, sc *scene) {
	c := newCanvas(img)
	for i, d := range m.Dots {
		if sc.shown[i] && !d.Selected {
			c.circle(sc.pos[i][0], sc.pos[i][1], faintR)
			c.fill(faintColor)
		}
	}
	// Leader lines under the dots.
	for _, l := range sc.labels {
		if !l.leader {
			continue
		}
		var at [2]float64
		r := selR
		if l.dot < 0 {
			at, r = *sc.mark, markR
		} else {
			at = sc.pos[l.dot]
		}
		sg := leaderOf(at, l.box)
		if d := math.Hypot(sg.x1-sg.x0, sg.y1-sg.y0); d > r {
			c.line(sg.x0+(sg.x1-sg.x0)/d*r, sg.y0+(sg.y1-sg.y0)/d*r, sg.x1, sg.y1, 1.3)
			c.fill(leaderColor)
		}
	}
	for i, d := range m.Dots {
		if sc.shown[i] && d.Selected {
			c.circle(sc.pos[i][0], sc.pos[i][1], selR+1.5)
			c.fill(color.White)
		}
	}
	for i, d := range m.Dots {
		if sc.shown[i] && d.Selected {
			c.circle(sc.pos[i][0], sc.pos[i][1], selR)
			c.fill(HighlightColor)
		}
	}
	if sc.mark != nil {
		c.diamond(sc.mark[0], sc.mark[1], markR+2)
		c.fill(color.White)
		c.diamond(sc.mark[0], sc.mark[1], markR)
		c.fill(markColor)
	}
	for _, l := range sc.labels {
		c.rect(l.box)
		c.fill(labelBG)
	}
	for _, l := range sc.labels {
		col := textColor
		if l.dot < 0 {
			col = markColor
		}
		asc := l.face.Metrics().Ascent.Ceil()
		drawText(img, l.face, col, l.text, int(l.box.x0)+4, int(l.box.y0)+1+asc)
	}
}

func drawTitle(img *image.RGBA, title string) {
	if title == "" {
		return
	}
	drawText(img, fonts.title, textColor, fit(fonts.title, title, Width-2*pad), pad, 37)
}

func drawLegend(img *image.RGBA, m Map, p *layout) {
	c := newCanvas(img)
	y := float64(p.legendY + 10)
	x := float64(pad)
	face := fonts.legend
	base := int(y) + 6
	key := func(s string, dot func(x float64)) {
		dot(x + 8)
		drawText(img, face, textColor, s, int(x)+22, base)
		x += 22 + float64(textWidth(face, s)) + 28
	}
	key(networksPhrase(p.selected), func(x float64) {
		c.circle(x, y, selR)
		c.fill(HighlightColor)
	})
	key("andere netwerken", func(x float64) {
		c.circle(x, y, faintR)
		c.fill(faintColor)
	})
	if m.Place != nil {
		key(m.Place.Name, func(x float64) {
			c.diamond(x, y, markR-2)
			c.fill(markColor)
		})
	}
	colW := (Width - 2*pad) / legendCols
	if p.inset != nil {
		colW = (Width - 2*pad - insetW - 16) / p.cols
	}
	top := p.legendY + 28 + 8
	for k, e := range p.entries {
		i := e.dot
		col, row := k/p.rows, k%p.rows
		ex := pad + col*colW
		ey := top + row*legendRowH + 16
		drawText(img, fonts.labelBold, textColor, e.mark, ex, ey)
		detail := ""
		if m.Dots[i].Detail != "" {
			detail = " (" + m.Dots[i].Detail + ")"
		}
		name := fit(face, m.Dots[i].Name, colW-34-textWidth(face, detail)) + detail
		drawText(img, face, textColor, name, ex+28, ey)
	}
	drawText(img, fonts.small, greyText, "Kaart: Natural Earth · plaatsen: GeoNames", pad, p.height-12)
}

func networksPhrase(n int) string {
	if n == 1 {
		return "1 netwerk op deze kaart"
	}
	return strconv.Itoa(n) + " netwerken op deze kaart"
}
