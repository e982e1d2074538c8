package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/bondgenoot/bondgenoot/internal/daily"
	"github.com/bondgenoot/bondgenoot/internal/stats"
)

// dataDir points DATA_DIR at a new directory (and the working directory
// elsewhere, so that no .env counts) and fixes the command line's clock.
func dataDir(t *testing.T, now string) string {
	t.Helper()
	t.Chdir(t.TempDir())
	dir := t.TempDir()
	t.Setenv("DATA_DIR", dir)
	at, err := time.Parse(time.RFC3339, now)
	if err != nil {
		t.Fatal(err)
	}
	old := clock
	clock = func() time.Time { return at }
	t.Cleanup(func() { clock = old })
	return dir
}

// fill writes stats and settings into the store as a running bot would.
func fill(t *testing.T, dir string, now func() time.Time, fn func(*daily.Store, *stats.Store)) {
	t.Helper()
	store, err := daily.Open(filepath.Join(dir, "bondgenoot.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	st, err := stats.Open(store.DB(), stats.Options{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	fn(store, st)
}

func keysOf(t *testing.T, raw json.RawMessage) []string {
	t.Helper()
	var m map[string]json.RawMessage
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatalf("not an object: %s", raw)
	}
	return mapKeys(m)
}

func TestRapport(t *testing.T) {
	dir := dataDir(t, "2026-12-02T15:00:00Z")
	day := time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC)
	now := func() time.Time { return day }
	fill(t, dir, now, func(_ *daily.Store, st *stats.Store) {
		for _, s := range []struct {
			q string
			n int
		}{{"brugfiguur", 4}, {"Zwemmen", 0}, {"zwemmen!", 0}, {"kinderopvang gent", 0}, {"Zwemmen", 0}} {
			if err := st.Search(s.q, s.n); err != nil {
				t.Fatal(err)
			}
		}
		st.Feedback("m1", "u1", true)
		st.Feedback("m1", "u2", false)
		st.Feedback("m1", "u1", false) // counted once
		if err := st.AddReport("netwerk:duosprong", "De website is verhuisd."); err != nil {
			t.Fatal(err)
		}
		day = day.AddDate(0, 0, 5)
		if err := st.AddReport("succesfactor:laagdrempeligheid", "Tikfout in het citaat."); err != nil {
			t.Fatal(err)
		}
	})

	r := mustRun(t, exitOK, "rapport", "--json")
	var top map[string]json.RawMessage
	decode(t, r.stdout, &top)
	if got, want := mapKeys(top), []string{"feedback", "no_results", "reports", "searches", "since"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("keys = %q, want exactly %q", got, want)
	}
	var nr, reps []json.RawMessage
	decode(t, string(top["no_results"]), &nr)
	decode(t, string(top["reports"]), &reps)
	if got := keysOf(t, nr[0]); !reflect.DeepEqual(got, []string{"count", "query"}) {
		t.Errorf("no_results keys = %q", got)
	}
	if got := keysOf(t, reps[0]); !reflect.DeepEqual(got, []string{"about", "date", "text"}) {
		t.Errorf("reports keys = %q", got)
	}
	if got := keysOf(t, top["feedback"]); !reflect.DeepEqual(got, []string{"helpful", "not_helpful"}) {
		t.Errorf("feedback keys = %q", got)
	}

	var got stats.Report
	decode(t, r.stdout, &got)
	want := stats.Report{
		Since:     "2026-11-20",
		Searches:  5,
		NoResults: []stats.QueryCount{{Query: "zwemmen", Count: 3}, {Query: "kinderopvang gent", Count: 1}},
		Feedback:  stats.FeedbackCounts{Helpful: 1, NotHelpful: 1},
		Reports: []stats.ErrorReport{
			{About: "succesfactor:laagdrempeligheid", Text: "Tikfout in het citaat.", Date: "2026-11-25"},
			{About: "netwerk:duosprong", Text: "De website is verhuisd.", Date: "2026-11-20"},
		},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("rapport --json:\n got %+v\nwant %+v", got, want)
	}

	r = mustRun(t, exitOK, "rapport")
	for _, w := range []string{"Rapport sinds 2026-11-20", "Zoekvragen: 5", "3× zwemmen", "ja (👍): 1, nee (👎): 1", "2026-11-25, over succesfactor:laagdrempeligheid: Tikfout"} {
		if !strings.Contains(r.stdout, w) {
			t.Errorf("rapport text lacks %q:\n%s", w, r.stdout)
		}
	}
}

// While the bot holds the store, rapport and vergeet say what to do, soon.
func TestRapportWhileTheBotRuns(t *testing.T) {
	dir := dataDir(t, "2026-12-02T15:00:00Z")
	store, err := daily.Open(filepath.Join(dir, "bondgenoot.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	for _, args := range [][]string{{"rapport"}, {"rapport", "--json"}, {"vergeet", "--server", "123456789012345678"}} {
		start := time.Now()
		r := mustRun(t, exitNotFound, args...)
		if took := time.Since(start); took > 5*time.Second {
			t.Errorf("%q took %v", args, took)
		}
		if !strings.Contains(r.stderr, "in gebruik: de bot draait") || !strings.Contains(strings.ToLower(r.stderr), "stop de bot") {
			t.Errorf("%q stderr = %q, want what to do", args, r.stderr)
		}
		if args[0] == "rapport" && !strings.Contains(r.stderr, "/rapport") {
			t.Errorf("%q stderr = %q, does not point at /rapport", args, r.stderr)
		}
		if r.stdout != "" {
			t.Errorf("%q stdout = %q, want nothing", args, r.stdout)
		}
	}
}

func TestRapportWithoutOrWithBrokenStore(t *testing.T) {
	dir := dataDir(t, "2026-12-02T15:00:00Z")
	r := mustRun(t, exitNotFound, "rapport")
	if !strings.Contains(r.stderr, "Er is geen opslag "+filepath.Join(dir, "bondgenoot.db")) {
		t.Errorf("stderr = %q", r.stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "bondgenoot.db")); !os.IsNotExist(err) {
		t.Error("rapport created a store")
	}
	if err := os.WriteFile(filepath.Join(dir, "bondgenoot.db"), []byte(strings.Repeat("geen bbolt ", 1000)), 0o600); err != nil {
		t.Fatal(err)
	}
	r = runCLI(t, "rapport")
	if r.code != exitInternal || r.err == nil || !strings.Contains(r.err.Error(), "onleesbaar of beschadigd") {
		t.Errorf("rapport on a broken store = %d, %v", r.code, r.err)
	}
}

func TestVergeet(t *testing.T) {
	dir := dataDir(t, "2026-12-02T15:00:00Z")
	const gone, stays = "111111111111111111", "222222222222222222"
	fill(t, dir, time.Now, func(store *daily.Store, _ *stats.Store) {
		for _, g := range []string{gone, stays} {
			if err := store.Update(g, func(s *daily.Settings) error { s.ChannelID = "333333333333333333"; s.Enabled = true; return nil }); err != nil {
				t.Fatal(err)
			}
		}
	})
	tests := []struct {
		args   []string
		code   int
		stdout string
		stderr string
	}{
		{[]string{"vergeet", "--server", gone}, exitOK, "De instellingen van server " + gone + " zijn verwijderd", ""},
		{[]string{"vergeet", "--server", gone}, exitOK, "Van server " + gone + " was niets bewaard", ""},
		{[]string{"vergeet", "--json", "--server", gone}, exitOK, `"removed": false`, ""},
		{[]string{"vergeet"}, exitUsage, "", "Gebruik: bondgenoot vergeet --server ID"},
		{[]string{"vergeet", "--server", "mijn server"}, exitNotFound, "", "17 tot 20 cijfers"},
	}
	for _, tt := range tests {
		r := mustRun(t, tt.code, tt.args...)
		if !strings.Contains(r.stdout, tt.stdout) || !strings.Contains(r.stderr, tt.stderr) {
			t.Errorf("%q: stdout %q stderr %q; want %q and %q", tt.args, r.stdout, r.stderr, tt.stdout, tt.stderr)
		}
	}
	store, err := daily.Open(filepath.Join(dir, "bondgenoot.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	if _, ok, _ := store.Get(gone); ok {
		t.Error("the forgotten server still has settings")
	}
	if _, ok, _ := store.Get(stays); !ok {
		t.Error("the other server lost its settings")
	}
}

// vergeet on a DATA_DIR without a store creates none.
func TestVergeetWithoutStore(t *testing.T) {
	dir := dataDir(t, "2026-12-02T15:00:00Z")
	r := mustRun(t, exitOK, "vergeet", "--server", "111111111111111111")
	if !strings.Contains(r.stdout, "was niets bewaard") {
		t.Errorf("stdout = %q", r.stdout)
	}
	if _, err := os.Stat(filepath.Join(dir, "bondgenoot.db")); !os.IsNotExist(err) {
		t.Error("vergeet created a store")
	}
}
