package main

import (
	"errors"
	"flag"
	"fmt"

	"github.com/bondgenoot/bondgenoot/content"
)

// check runs `controleer [--map DIR]`: it loads the content of DIR, of
// CONTENT_DIR, or the embedded copy, and names every problem with its file
// and line.
func (c *cli) check(args []string) (int, error) {
	fs := flag.NewFlagSet("controleer", flag.ContinueOnError)
	dir := fs.String("map", "", "")
	pos, ok := c.parse(fs, args)
	if !ok {
		return c.exit, nil
	}
	if len(pos) > 0 {
		fmt.Fprintln(c.stderr, "controleer verwacht geen namen; een andere map controleer je met --map MAP (of CONTENT_DIR).")
		return exitUsage, nil
	}
	if *dir == "" {
		*dir = contentDir()
	}
	source := *dir
	if source == "" {
		source = "ingebouwd"
	}
	type problem struct {
		File    string `json:"file"`
		Line    int    `json:"line"`
		Message string `json:"message"`
	}
	out := struct {
		Source   string    `json:"source"`
		Problems []problem `json:"problems"`
	}{Source: source, Problems: []problem{}}

	_, err := loadCorpus(*dir)
	var probs content.Problems
	var dirErr *contentDirError
	switch {
	case errors.As(err, &dirErr):
		fmt.Fprintln(c.stderr, dirErr.Error()+".")
		return exitNotFound, nil
	case errors.As(err, &probs):
		for _, p := range probs {
			out.Problems = append(out.Problems, problem{File: p.File, Line: p.Line, Message: p.Message})
		}
	case err != nil:
		return exitInternal, fmt.Errorf("de inhoud kan niet gecontroleerd worden: %w", err)
	}
	if c.json {
		if code := c.emit(out); code != exitOK {
			return code, nil
		}
	} else if len(probs) == 0 && *dir == "" {
		fmt.Fprintln(c.stdout, "De inhoud is in orde.")
	} else if len(probs) == 0 {
		fmt.Fprintf(c.stdout, "De inhoud in %s is in orde.\n", *dir)
	} else {
		fmt.Fprintln(c.stderr, probs.Error())
	}
	if len(probs) > 0 {
		return exitNotFound, nil
	}
	return exitOK, nil
}
