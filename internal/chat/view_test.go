package chat

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bondgenoot/bondgenoot/content"
)

func TestEncodeView(t *testing.T) {
	tests := []struct {
		v    View
		want string
	}{
		{View{Kind: "zoek", Arg: "brugfiguur"}, "bz0|||brugfiguur"},
		{View{Kind: "zoek", Arg: "brugfiguur", Theme: "onderwijs", Province: "Limburg", Page: 3}, "bz3|onderwijs|Limburg|brugfiguur"},
		{View{Kind: "thema", Arg: "vrije tijd", Page: 1}, "bt1|||vrije tijd"},
		{View{Kind: "regio", Arg: "Gent"}, "br0|||Gent"},
		{View{Kind: "partner", Arg: "Huis van het Kind"}, "bp0|||Huis van het Kind"},
		{View{Kind: "netwerken", Arg: "CAW", Theme: "onderwijs", Province: "Limburg"}, "bn0|onderwijs|Limburg|CAW"},
		{View{Kind: "netwerk", Arg: "duosprong"}, "bw0|||duosprong"},
		{View{Kind: "factor", Arg: "laagdrempeligheid"}, "bf0|||laagdrempeligheid"},
		{View{Kind: "random"}, "ba0|||"},
		{View{Kind: "zoek", Arg: "a|b", Theme: "x|y"}, "bz0|x y||a|b"},
		{View{Kind: "zoek", Arg: "  veel \t\n ruimte\u200b ", Page: -4}, "bz0|||veel ruimte"},
		{View{Kind: "zoek", Page: 123456}, "bz9999|||"},
		{View{Kind: "onbekend", Arg: "x"}, "bz0|||x"},
	}
	for _, tt := range tests {
		if got := EncodeView(tt.v); got != tt.want {
			t.Errorf("encodeView(%+v) = %q, want %q", tt.v, got, tt.want)
		}
	}
	if got := EncodeViewAs('n', View{Kind: "zoek", Arg: "x", Page: 2}); got != "nz2|||x" {
		t.Errorf("encodeViewAs('n') = %q", got)
	}
	if got := EncodeViewAs('?', View{Kind: "zoek"}); got != "bz0|||" {
		t.Errorf("encodeViewAs with an unknown role = %q, want the default role", got)
	}
}

func TestEncodeViewCutsLongArgs(t *testing.T) {
	for _, arg := range []string{strings.Repeat("a", 500), strings.Repeat("é", 200), strings.Repeat("🎉", 100), "x" + strings.Repeat("ü", 99)} {
		for _, v := range []View{
			{Kind: "zoek", Arg: arg},
			{Kind: "zoek", Arg: arg, Theme: strings.Repeat("t", 100), Province: strings.Repeat("ö", 100), Page: 9999},
		} {
			s := EncodeView(v)
			if len(s) > MaxCustomID || !utf8.ValidString(s) {
				t.Errorf("encodeView(%.20q…) = %d bytes, valid UTF-8 %v", arg, len(s), utf8.ValidString(s))
			}
			d, err := DecodeView(s)
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
		want View
	}{
		{"bz0|||brugfiguur", View{Kind: "zoek", Arg: "brugfiguur"}},
		{"nz12|onderwijs|Limburg|brug figuur", View{Kind: "zoek", Arg: "brug figuur", Theme: "onderwijs", Province: "Limburg", Page: 12}},
		{"pt0|||vrije tijd", View{Kind: "thema", Arg: "vrije tijd"}},
		{"sw0|||duosprong", View{Kind: "netwerk", Arg: "duosprong"}},
		{"ba0|||", View{Kind: "random"}},
		{"bz0|||a|b|c", View{Kind: "zoek", Arg: "a|b|c"}},
		{"xn9999|||", View{Kind: "netwerken", Page: 9999}},
	}
	for _, tt := range good {
		got, err := DecodeView(tt.in)
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
		if v, err := DecodeView(in); err == nil {
			t.Errorf("decodeView(%q) = %+v, want an error", in, v)
		}
	}
}

func TestViewFromComponent(t *testing.T) {
	v, err := ViewFromComponent("sz0|||brug", []string{"bz0|onderwijs||brug"})
	if err != nil || v.Theme != "onderwijs" {
		t.Errorf("select value: %+v, %v", v, err)
	}
	v, err = ViewFromComponent("nz1|||brug", nil)
	if err != nil || v.Page != 1 {
		t.Errorf("button: %+v, %v", v, err)
	}
	if _, err := ViewFromComponent("kapot", nil); err == nil {
		t.Error("a malformed custom_id decodes")
	}
	if _, err := ViewFromComponent("bz0|||x", []string{"kapot"}); err == nil {
		t.Error("a malformed option value decodes")
	}
}

func FuzzDecodeView(f *testing.F) {
	for _, s := range []string{"bz0|||brugfiguur", "nz1|onderwijs|Limburg|x", "bw0|||duosprong", "ba0|||", "", "bz0|||a|b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := DecodeView(s)
		if err != nil {
			return
		}
		if v.Page < 0 || v.Page > maxViewPage {
			t.Errorf("decodeView(%q) gave page %d", s, v.Page)
		}
		// What decodes re-encodes within the limit, and that is stable.
		e := EncodeView(v)
		if len(e) > MaxCustomID || !utf8.ValidString(e) {
			t.Errorf("encodeView(decodeView(%q)) = %q (%d bytes)", s, e, len(e))
		}
		v2, err := DecodeView(e)
		if err != nil {
			t.Fatalf("decodeView(encodeView(%+v)) = %v", v, err)
		}
		if e2 := EncodeView(v2); e2 != e {
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
		v := View{Kind: "netwerken", Theme: n, Province: n, Arg: strings.Repeat("x", 200)}
		d, err := DecodeView(EncodeView(v))
		if err != nil || d.Theme != n || d.Province != n {
			t.Errorf("%q does not survive a custom_id: %+v, %v", n, d, err)
		}
	}
}
