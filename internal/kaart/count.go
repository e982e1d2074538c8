package kaart

import "image"

// CountHighlighted counts the highlighted dots in a decoded map: the
// connected areas of exactly HighlightColor inside r (give it
// Picture.MapArea to leave out the legend's key). For tests and checks.
func CountHighlighted(img image.Image, r image.Rectangle) int {
	w, h := r.Dx(), r.Dy()
	seen := make([]bool, w*h)
	is := func(x, y int) bool {
		cr, cg, cb, ca := img.At(r.Min.X+x, r.Min.Y+y).RGBA()
		hr, hg, hb, ha := HighlightColor.RGBA()
		return cr == hr && cg == hg && cb == hb && ca == ha
	}
	n := 0
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			if seen[y*w+x] || !is(x, y) {
				continue
			}
			n++
			stack := [][2]int{{x, y}}
			seen[y*w+x] = true
			for len(stack) > 0 {
				p := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				for _, d := range [][2]int{{1, 0}, {-1, 0}, {0, 1}, {0, -1}} {
					nx, ny := p[0]+d[0], p[1]+d[1]
					if nx < 0 || ny < 0 || nx >= w || ny >= h || seen[ny*w+nx] || !is(nx, ny) {
						continue
					}
					seen[ny*w+nx] = true
					stack = append(stack, [2]int{nx, ny})
				}
			}
		}
	}
	return n
}
