package bot

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bondgenoot/bondgenoot/content"
)

func TestEncodeView(t *testing.T) {
	tests := []struct {
		v    view
		want string
	}{
		{view{Kind: "zoek", Arg: "brugfiguur"}, "bz0|||brugfiguur"},
		{view{Kind: "zoek", Arg: "brugfiguur", Theme: "onderwijs", Province: "Limburg", Page: 3}, "bz3|onderwijs|Limburg|brugfiguur"},
		{view{Kind: "thema", Arg: "vrije tijd", Page: 1}, "bt1|||vrije tijd"},
		{view{Kind: "regio", Arg: "Gent"}, "br0|||Gent"},
		{view{Kind: "partner", Arg: "Huis van het Kind"}, "bp0|||Huis van het Kind"},
		{view{Kind: "netwerken", Arg: "CAW", Theme: "onderwijs", Province: "Limburg"}, "bn0|onderwijs|Limburg|CAW"},
		{view{Kind: "netwerk", Arg: "duosprong"}, "bw0|||duosprong"},
		{view{Kind: "factor", Arg: "laagdrempeligheid"}, "bf0|||laagdrempeligheid"},
		{view{Kind: "random"}, "ba0|||"},
		{view{Kind: "zoek", Arg: "a|b", Theme: "x|y"}, "bz0|x y||a|b"},
		{view{Kind: "zoek", Arg: "  veel \t\n ruimte\u200b ", Page: -4}, "bz0|||veel ruimte"},
		{view{Kind: "zoek", Page: 123456}, "bz9999|||"},
		{view{Kind: "onbekend", Arg: "x"}, "bz0|||x"},
	}
	for _, tt := range tests {
		if got := encodeView(tt.v); got != tt.want {
			t.Errorf("encodeView(%+v) = %q, want %q", tt.v, got, tt.want)
		}
	}
	if got := encodeViewAs('n', view{Kind: "zoek", Arg: "x", Page: 2}); got != "nz2|||x" {
		t.Errorf("encodeViewAs('n') = %q", got)
	}
	if got := encodeViewAs('?', view{Kind: "zoek"}); got != "bz0|||" {
		t.Errorf("encodeViewAs with an unknown role = %q, want the default role", got)
	}
}

func TestEncodeViewCutsLongArgs(t *testing.T) {
	for _, arg := range []string{strings.Repeat("a", 500), strings.Repeat("é", 200), strings.Repeat("🎉", 100), "x" + strings.Repeat("ü", 99)} {
		for _, v := range []view{
			{Kind: "zoek", Arg: arg},
			{Kind: "zoek", Arg: arg, Theme: strings.Repeat("t", 100), Province: strings.Repeat("ö", 100), Page: 9999},
		} {
			s := encodeView(v)
			if len(s) > maxCustomID || !utf8.ValidString(s) {
				t.Errorf("encodeView(%.20q…) = %d bytes, valid UTF-8 %v", arg, len(s), utf8.ValidString(s))
			}
			d, err := decodeView(s)
			if err != nil {
				t.Fatalf("decodeView(encodeView(…)) = %v", err)
			}
			if !strings.HasPrefix(arg, d.Arg) || d.Arg == "" {
				t.Errorf("arg cut to %q, want a non-empty prefix of the original", d.Arg)
			}
		}
	}
}

func TestDecodeView(t *testing.T) {
	good := []struct {
		in   string
		want view
	}{
		{"bz0|||brugfiguur", view{Kind: "zoek", Arg: "brugfiguur"}},
		{"nz12|onderwijs|Limburg|brug figuur", view{Kind: "zoek", Arg: "brug figuur", Theme: "onderwijs", Province: "Limburg", Page: 12}},
		{"pt0|||vrije tijd", view{Kind: "thema", Arg: "vrije tijd"}},
		{"sw0|||duosprong", view{Kind: "netwerk", Arg: "duosprong"}},
		{"ba0|||", view{Kind: "random"}},
		{"bz0|||a|b|c", view{Kind: "zoek", Arg: "a|b|c"}},
		{"xn9999|||", view{Kind: "netwerken", Page: 9999}},
	}
	for _, tt := range good {
		got, err := decodeView(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("decodeView(%q) = %+v, %v; want %+v", tt.in, got, err, tt.want)
		}
	}
	bad := []string{
		"", "b", "bz", "bz0", "bz0|||" + strings.Repeat("x", 100), "Bz0|||x", "bq0|||x", "bz|||x", "bz-1|||x",
		"bz01|||x", "bz10000|||x", "bz1e3|||x", "bz+1|||x", "bz0||x", "bz0|||\xff", "bz0|\x00||x", "bz0|||a\nb",
		"bz٣|||x", // a non-ASCII digit
	}
	for _, in := range bad {
		if v, err := decodeView(in); err == nil {
			t.Errorf("decodeView(%q) = %+v, want an error", in, v)
		}
	}
}

func TestViewFromComponent(t *testing.T) {
	v, err := viewFromComponent("sz0|||brug", []string{"bz0|onderwijs||brug"})
	if err != nil || v.Theme != "onderwijs" {
		t.Errorf("select value: %+v, %v", v, err)
	}
	v, err = viewFromComponent("nz1|||brug", nil)
	if err != nil || v.Page != 1 {
		t.Errorf("button: %+v, %v", v, err)
	}
	if _, err := viewFromComponent("kapot", nil); err == nil {
		t.Error("a malformed custom_id decodes")
	}
	if _, err := viewFromComponent("bz0|||x", []string{"kapot"}); err == nil {
		t.Error("a malformed option value decodes")
	}
}

func FuzzDecodeView(f *testing.F) {
	for _, s := range []string{"bz0|||brugfiguur", "nz1|onderwijs|Limburg|x", "bw0|||duosprong", "ba0|||", "", "bz0|||a|b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := decodeView(s)
		if err != nil {
			return
		}
		if v.Page < 0 || v.Page > maxViewPage {
			t.Errorf("decodeView(%q) gave page %d", s, v.Page)
		}
		// What decodes re-encodes within the limit, and that is stable.
		e := encodeView(v)
		if len(e) > maxCustomID || !utf8.ValidString(e) {
			t.Errorf("encodeView(decodeView(%q)) = %q (%d bytes)", s, e, len(e))
		}
		v2, err := decodeView(e)
		if err != nil {
			t.Fatalf("decodeView(encodeView(%+v)) = %v", v, err)
		}
		if e2 := encodeView(v2); e2 != e {
			t.Errorf("encoding is not stable: %q then %q", e, e2)
		}
		if v2.Kind != v.Kind || v2.Page != v.Page {
			t.Errorf("kind or page changed: %+v then %+v", v, v2)
		}
	})
}

// TestViewFiltersFitCorpus checks that every theme, province and place
// travels whole in a view's filter fields, so paging a filtered list never
// changes the filter.
func TestViewFiltersFitCorpus(t *testing.T) {
	c := service(t).Corpus
	names := append(append(c.ThemeNames(), content.Provinces...), c.PlaceNames()...)
	for _, n := range names {
		v := view{Kind: "netwerken", Theme: n, Province: n, Arg: strings.Repeat("x", 200)}
		d, err := decodeView(encodeView(v))
		if err != nil || d.Theme != n || d.Province != n {
			t.Errorf("%q does not survive a custom_id: %+v, %v", n, d, err)
		}
	}
}
