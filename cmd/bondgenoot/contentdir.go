package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/joho/godotenv"

	"github.com/bondgenoot/bondgenoot/content"
)

// contentDir returns CONTENT_DIR, from the environment or .env: a directory
// laid out like content/ that replaces the embedded copy. Empty: embedded.
func contentDir() string {
	_ = godotenv.Load() // optional; the environment wins
	return strings.TrimSpace(os.Getenv("CONTENT_DIR"))
}

// contentDirError says that CONTENT_DIR is not a directory.
type contentDirError struct{ dir string }

func (e *contentDirError) Error() string {
	return fmt.Sprintf("CONTENT_DIR %s bestaat niet of is geen map; zet er een kopie van de map content/ in, of maak CONTENT_DIR leeg voor de ingebouwde inhoud", e.dir)
}

// loadCorpus loads the corpus from dir, or the embedded one when dir is
// empty. Problems in dir name their files under dir.
func loadCorpus(dir string) (*content.Corpus, error) {
	if dir == "" {
		return content.Default()
	}
	info, err := os.Stat(dir)
	if err != nil || !info.IsDir() {
		return nil, &contentDirError{dir: dir}
	}
	c, err := content.Load(os.DirFS(dir))
	var probs content.Problems
	if errors.As(err, &probs) {
		return nil, underDir(dir, probs)
	}
	return c, err
}

// underDir puts dir before the file of every problem, so that an editor can
// open it from the message.
func underDir(dir string, probs content.Problems) content.Problems {
	out := make(content.Problems, len(probs))
	for i, p := range probs {
		p.File = filepath.Join(dir, filepath.FromSlash(p.File))
		out[i] = p
	}
	return out
}
