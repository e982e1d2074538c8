package kaart

import (
	_ "embed"
	"fmt"
	"strconv"
	"strings"
)

// outlineText is written by gen_outline.go from Natural Earth (public domain).
//
//go:embed outline.txt
var outlineText string

// country is one country's rings as (lon, lat) pairs.
type country struct {
	code  string
	rings [][][2]float64
}

// parseOutline reads the format gen_outline.go writes.
func parseOutline(s string) ([]country, error) {
	var out []country
	for i, line := range strings.Split(s, "\n") {
		line = strings.TrimSpace(line)
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "country "):
			out = append(out, country{code: strings.TrimPrefix(line, "country ")})
		case line == "ring":
			if len(out) == 0 {
				return nil, fmt.Errorf("outline line %d: ring before country", i+1)
			}
			c := &out[len(out)-1]
			c.rings = append(c.rings, nil)
		default:
			f := strings.Fields(line)
			if len(f) != 2 || len(out) == 0 || len(out[len(out)-1].rings) == 0 {
				return nil, fmt.Errorf("outline line %d: want \"lon lat\" inside a ring", i+1)
			}
			lon, err1 := strconv.ParseFloat(f[0], 64)
			lat, err2 := strconv.ParseFloat(f[1], 64)
			if err1 != nil || err2 != nil {
				return nil, fmt.Errorf("outline line %d: bad number", i+1)
			}
			c := &out[len(out)-1]
			r := &c.rings[len(c.rings)-1]
			*r = append(*r, [2]float64{lon, lat})
		}
	}
	return out, nil
}
