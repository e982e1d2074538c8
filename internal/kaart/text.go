package kaart

import (
	"fmt"
	"image"
	"image/draw"
	"strings"
	"unicode/utf8"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// faces are the typefaces of the map: the Go fonts, embedded in the binary.
type faces struct {
	title, label, labelBold, legend, province, small font.Face
}

func newFaces() (*faces, error) {
	reg, err := opentype.Parse(goregular.TTF)
	if err != nil {
		return nil, fmt.Errorf("parse go regular: %w", err)
	}
	bold, err := opentype.Parse(gobold.TTF)
	if err != nil {
		return nil, fmt.Errorf("parse go bold: %w", err)
	}
	mk := func(f *opentype.Font, size float64) (font.Face, error) {
		face, err := opentype.NewFace(f, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingFull})
		if err != nil {
			return nil, fmt.Errorf("font face %.0f: %w", size, err)
		}
		return newCachedFace(face), nil
	}
	var fs faces
	for _, x := range []struct {
		dst  *font.Face
		f    *opentype.Font
		size float64
	}{
		{&fs.title, bold, titleSize},
		{&fs.label, reg, labelSize},
		{&fs.labelBold, bold, labelSize},
		{&fs.legend, reg, legendSize},
		{&fs.province, bold, provinceSize},
		{&fs.small, reg, sourceSize},
	} {
		if *x.dst, err = mk(x.f, x.size); err != nil {
			return nil, err
		}
	}
	return &fs, nil
}

// cachedFace keeps each glyph's mask after its first use: opentype
// rasterises every glyph on every call otherwise. Glyphs are drawn at whole
// pixels. Not safe for concurrent use (nor is the face it wraps).
type cachedFace struct {
	font.Face
	glyphs map[rune]cachedGlyph
}

type cachedGlyph struct {
	dr      image.Rectangle // relative to the dot at (0, 0)
	mask    *image.Alpha
	advance fixed.Int26_6
	ok      bool
}

func newCachedFace(f font.Face) *cachedFace {
	return &cachedFace{Face: f, glyphs: map[rune]cachedGlyph{}}
}

func (c *cachedFace) Glyph(dot fixed.Point26_6, r rune) (image.Rectangle, image.Image, image.Point, fixed.Int26_6, bool) {
	g, hit := c.glyphs[r]
	if !hit {
		dr, mask, maskp, adv, ok := c.Face.Glyph(fixed.Point26_6{}, r)
		g = cachedGlyph{advance: adv, ok: ok}
		if ok {
			// The wrapped face reuses its mask: copy it.
			a := image.NewAlpha(image.Rect(0, 0, dr.Dx(), dr.Dy()))
			draw.Draw(a, a.Bounds(), mask, maskp, draw.Src)
			g.dr, g.mask = dr, a
		}
		c.glyphs[r] = g
	}
	if !g.ok {
		return image.Rectangle{}, nil, image.Point{}, g.advance, false
	}
	off := image.Pt(dot.X.Round(), dot.Y.Round())
	return g.dr.Add(off), g.mask, image.Point{}, g.advance, true
}

// textWidth is the width of s in f, in pixels.
func textWidth(f font.Face, s string) int {
	return font.MeasureString(f, s).Ceil()
}

// fit cuts s with "…" so that it is at most w pixels wide in f.
func fit(f font.Face, s string, w int) string {
	if textWidth(f, s) <= w {
		return s
	}
	rs := []rune(s)
	for n := len(rs) - 1; n > 0; n-- {
		t := strings.TrimRight(string(rs[:n]), " ,;:-–(") + "…"
		if textWidth(f, t) <= w {
			return t
		}
	}
	return "…"
}

// shortName is the part of a network's name to print beside its dot: the
// name before a colon or parenthesis ("BONGO (Bondgenotennetwerk …)" is
// "BONGO"), at most maxRunes long.
func shortName(name string, maxRunes int) string {
	s := name
	for _, sep := range []string{": ", " (", " – ", " - "} {
		if i := strings.Index(s, sep); i > 0 {
			s = s[:i]
		}
	}
	s = strings.TrimSpace(s)
	if utf8.RuneCountInString(s) <= maxRunes {
		return s
	}
	rs := []rune(s)
	cut := string(rs[:maxRunes])
	if i := strings.LastIndex(cut, " "); i > maxRunes/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:-–") + "…"
}
