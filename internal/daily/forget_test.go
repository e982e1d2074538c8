package daily

import (
	"path/filepath"
	"testing"
)

func TestForget(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bondgenoot.db")
	st, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range []string{"111", "222"} {
		if err := st.Update(g, func(s *Settings) error { s.ChannelID = "c" + g; s.Enabled = true; return nil }); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []struct {
		server string
		found  bool
	}{{"111", true}, {"111", false}, {"333", false}} {
		found, err := st.Forget(c.server)
		if err != nil || found != c.found {
			t.Errorf("Forget(%s) = %v, %v; want %v", c.server, found, err, c.found)
		}
	}
	st.Close()
	// Gone after a reopen; the other server stays.
	if st, err = Open(path); err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, ok, _ := st.Get("111"); ok {
		t.Error("forgotten server still has settings")
	}
	if s, ok, _ := st.Get("222"); !ok || s.ChannelID != "c222" {
		t.Errorf("other server = %+v, %v; want its settings", s, ok)
	}
}
