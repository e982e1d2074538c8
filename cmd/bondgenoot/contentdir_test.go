package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// copyContent copies content/ without its Go code and test data into a new
// directory, as someone who keeps the guide would to edit it without a
// rebuild.
func copyContent(t testing.TB) string {
	t.Helper()
	src := filepath.Join("..", "..", "content")
	dst := t.TempDir()
	n := 0
	err := filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		switch {
		case d.IsDir() && d.Name() == "testdata":
			return filepath.SkipDir
		case d.IsDir():
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		case strings.HasSuffix(d.Name(), ".go"):
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		n++
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
	if err != nil || n < 50 {
		t.Fatalf("copied %d content files: %v", n, err)
	}
	return dst
}

// edit replaces old by new in one file of dir, once, and returns the line
// (from 1) it is on.
func edit(t *testing.T, dir, file, old, new string) int {
	t.Helper()
	path := filepath.Join(dir, filepath.FromSlash(file))
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	i := strings.Index(string(data), old)
	if i < 0 {
		t.Fatalf("%s has no %q", file, old)
	}
	out := string(data[:i]) + new + string(data[i+len(old):])
	if err := os.WriteFile(path, []byte(out), 0o644); err != nil {
		t.Fatal(err)
	}
	return strings.Count(string(data[:i]), "\n") + 1
}

// setContentDir points CONTENT_DIR at dir for this test, without a .env.
func setContentDir(t *testing.T, dir string) {
	t.Helper()
	t.Setenv("CONTENT_DIR", dir)
}

// A website fixed in a copy of content/ shows up without a rebuild, and
// the unchanged copy checks out.
func TestContentDirEditedFile(t *testing.T) {
	dir := copyContent(t)
	setContentDir(t, dir)
	r := mustRun(t, exitOK, "controleer")
	if want := fmt.Sprintf("De inhoud in %s is in orde.\n", dir); r.stdout != want {
		t.Errorf("controleer of the copy = %q, want %q", r.stdout, want)
	}

	edit(t, dir, "netwerken/duosprong.md", "www.beringen.be/duosprong", "https://www.beringen.be/duosprong-nieuw")
	var card struct{ Websites []string }
	decode(t, mustRun(t, exitOK, "netwerk", "--json", "duosprong").stdout, &card)
	if !slices.Contains(card.Websites, "https://www.beringen.be/duosprong-nieuw") {
		t.Errorf("websites = %q, want the fixed one from CONTENT_DIR", card.Websites)
	}
	// Without CONTENT_DIR the embedded copy answers.
	setContentDir(t, "")
	decode(t, mustRun(t, exitOK, "netwerk", "--json", "duosprong").stdout, &card)
	if !slices.Contains(card.Websites, "www.beringen.be/duosprong") {
		t.Errorf("embedded websites = %q", card.Websites)
	}
}

// A broken copy: controleer names every broken file with its line, and the
// other commands refuse to answer from it.
func TestContentDirBrokenFiles(t *testing.T) {
	dir := copyContent(t)
	province := edit(t, dir, "netwerken/duosprong.md", "provincie: Limburg", "provincie: Henegouwen")
	page := edit(t, dir, "succesfactoren/laagdrempeligheid.md", "pagina: ", "pagina: tachtig")
	want := []string{
		fmt.Sprintf("%s:%d: ", filepath.Join(dir, "netwerken", "duosprong.md"), province),
		fmt.Sprintf("%s:%d: ", filepath.Join(dir, "succesfactoren", "laagdrempeligheid.md"), page),
	}

	for _, viaFlag := range []bool{false, true} {
		args := []string{"controleer"}
		if viaFlag {
			setContentDir(t, "")
			args = append(args, "--map", dir)
		} else {
			setContentDir(t, dir)
		}
		r := mustRun(t, exitNotFound, args...)
		for _, w := range want {
			if !strings.Contains(r.stderr, w) {
				t.Errorf("%q: stderr lacks %q:\n%s", args, w, r.stderr)
			}
		}
		if !strings.Contains(r.stderr, `onbekende provincie "Henegouwen"`) {
			t.Errorf("%q: stderr does not say what is wrong:\n%s", args, r.stderr)
		}

		var out struct {
			Source   string
			Problems []struct {
				File    string
				Line    int
				Message string
			}
		}
		decode(t, mustRun(t, exitNotFound, append(args, "--json")...).stdout, &out)
		var got []string
		for _, p := range out.Problems {
			got = append(got, fmt.Sprintf("%s:%d: ", p.File, p.Line))
		}
		for _, w := range want {
			if !slices.Contains(got, w) {
				t.Errorf("%q --json: problems %q lack %q", args, got, w)
			}
		}
	}

	setContentDir(t, dir)
	r := runCLI(t, "netwerk", "duosprong")
	if r.code != exitInternal || r.err == nil || !strings.Contains(r.err.Error(), want[0]) {
		t.Errorf("netwerk from a broken CONTENT_DIR = %d, %v; want exit 3 naming the file", r.code, r.err)
	}
}

func TestContentDirMissing(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "bestaat-niet")
	setContentDir(t, missing)
	r := mustRun(t, exitNotFound, "controleer")
	if !strings.Contains(r.stderr, "CONTENT_DIR "+missing+" bestaat niet") {
		t.Errorf("stderr = %q", r.stderr)
	}
	r = runCLI(t, "themas")
	if r.code != exitInternal || r.err == nil || !strings.Contains(r.err.Error(), "bestaat niet of is geen map") {
		t.Errorf("themas with a missing CONTENT_DIR = %d, %v", r.code, r.err)
	}
}
