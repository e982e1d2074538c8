package content

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Problem is one thing wrong with a corpus file, with the line it is on.
type Problem struct {
	File    string
	Line    int
	Message string
}

func (p Problem) String() string {
	if p.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", p.File, p.Line, p.Message)
	}
	return fmt.Sprintf("%s: %s", p.File, p.Message)
}

// Problems is the list of everything wrong with a corpus. It is an error so
// that Load can return it whole.
type Problems []Problem

func (ps Problems) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d problemen in de inhoud:", len(ps))
	for _, p := range ps {
		b.WriteString("\n  ")
		b.WriteString(p.String())
	}
	return b.String()
}

// field is one front-matter entry: a single value or a list.
type field struct {
	value  string
	list   []string
	lines  []int // line of each list item
	isList bool
	line   int
}

// line is a body line with its number in the file.
type line struct {
	text string
	num  int
}

// document is a parsed corpus file: front matter and body lines.
type document struct {
	file   string
	fields map[string]*field
	order  []string
	body   []line
	probs  *Problems
}

func (d *document) problem(lineNum int, format string, args ...any) {
	*d.probs = append(*d.probs, Problem{File: d.file, Line: lineNum, Message: fmt.Sprintf(format, args...)})
}

// parseDocument splits a file into front matter and body. It records every
// problem and returns what it could read.
func parseDocument(file string, data []byte, probs *Problems) *document {
	d := &document{file: file, fields: map[string]*field{}, probs: probs}
	data = checkUTF8(d, data)
	text := strings.ReplaceAll(string(data), "\r\n", "\n")
	text = strings.TrimPrefix(text, "\ufeff")
	lines := strings.Split(text, "\n")
	i := 0
	for i < len(lines) && strings.TrimSpace(lines[i]) == "" {
		i++
	}
	if i >= len(lines) || strings.TrimSpace(lines[i]) != "---" {
		d.problem(i+1, "het bestand moet beginnen met een gegevensblok tussen twee regels '---'")
		for j := i; j < len(lines); j++ {
			d.body = append(d.body, line{lines[j], j + 1})
		}
		return d
	}
	start := i + 1
	closed := false
	var cur *field
	for i = start; i < len(lines); i++ {
		raw := lines[i]
		t := strings.TrimSpace(raw)
		if t == "---" {
			closed = true
			i++
			break
		}
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		if strings.HasPrefix(t, "- ") || t == "-" {
			if cur == nil {
				d.problem(i+1, "lijstregel zonder sleutel erboven: %q", t)
				continue
			}
			if cur.value != "" {
				d.problem(i+1, "sleutel %q heeft al een waarde op dezelfde regel; zet elk lijstitem op een eigen regel", keyOf(d, cur))
				continue
			}
			cur.isList = true
			item := strings.TrimSpace(strings.TrimPrefix(t, "-"))
			if item != "" {
				cur.list = append(cur.list, item)
				cur.lines = append(cur.lines, i+1)
			}
			continue
		}
		key, value, ok := strings.Cut(t, ":")
		if !ok {
			d.problem(i+1, "regel zonder ':' in het gegevensblok: %q (verwacht 'sleutel: waarde')", t)
			cur = nil
			continue
		}
		key = strings.ToLower(strings.TrimSpace(key))
		if prev, dup := d.fields[key]; dup {
			d.problem(i+1, "sleutel %q staat er twee keer (ook op regel %d)", key, prev.line)
		}
		cur = &field{value: strings.TrimSpace(value), line: i + 1}
		d.fields[key] = cur
		d.order = append(d.order, key)
	}
	if !closed {
		d.problem(start, "het gegevensblok wordt niet afgesloten met een regel '---'")
		return d
	}
	for ; i < len(lines); i++ {
		d.body = append(d.body, line{lines[i], i + 1})
	}
	return d
}

func keyOf(d *document, f *field) string {
	for k, v := range d.fields {
		if v == f {
			return k
		}
	}
	return ""
}

// checkKeys reports keys that the kind of file does not know (often typos).
func (d *document) checkKeys(known ...string) {
	for _, k := range d.order {
		found := false
		for _, want := range known {
			if k == want {
				found = true
				break
			}
		}
		if !found {
			d.problem(d.fields[k].line, "onbekende sleutel %q (toegelaten: %s)", k, strings.Join(known, ", "))
		}
	}
}

// str returns a required single value.
func (d *document) str(key string, required bool) (string, int) {
	f := d.fields[key]
	if f == nil {
		if required {
			d.problem(1, "sleutel %q ontbreekt in het gegevensblok", key)
		}
		return "", 1
	}
	if f.isList {
		d.problem(f.line, "sleutel %q verwacht één waarde, geen lijst", key)
		return "", f.line
	}
	if f.value == "" && required {
		d.problem(f.line, "sleutel %q is leeg", key)
	}
	return f.value, f.line
}

// list returns a list value; a single value counts as a list of one.
func (d *document) list(key string, required bool) ([]string, int) {
	f := d.fields[key]
	if f == nil {
		if required {
			d.problem(1, "sleutel %q ontbreekt in het gegevensblok", key)
		}
		return nil, 1
	}
	var out []string
	if f.isList {
		out = f.list
	} else if f.value != "" {
		out = []string{f.value}
	}
	if required && len(out) == 0 {
		d.problem(f.line, "lijst %q is leeg", key)
	}
	return out, f.line
}

// number returns a required positive integer.
func (d *document) number(key string, lo, hi int) (int, int) {
	v, ln := d.str(key, true)
	if v == "" {
		return 0, ln
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		d.problem(ln, "%s moet een getal zijn, niet %q", key, v)
		return 0, ln
	}
	if n < lo || n > hi {
		d.problem(ln, "%s %d ligt buiten %d–%d", key, n, lo, hi)
	}
	return n, ln
}

// section is a part of the body under a "## " heading.
type section struct {
	heading string // text after "## ", empty for the part before any heading
	line    int
	lines   []line
}

// sections splits the body at "## " headings.
func (d *document) sections() []section {
	out := []section{{line: 0}}
	for _, l := range d.body {
		t := strings.TrimSpace(l.text)
		if strings.HasPrefix(t, "## ") {
			out = append(out, section{heading: strings.TrimSpace(t[3:]), line: l.num})
			continue
		}
		out[len(out)-1].lines = append(out[len(out)-1].lines, l)
	}
	return out
}

// paragraphs joins lines into paragraphs separated by blank lines. Lines
// of a bullet list stay on their own lines, "### " headings are paragraphs
// of their own, and a block of three or more short lines (a poem) keeps its
// line breaks; other lines of a block are joined with a space.
func paragraphs(lines []line) []string {
	var out []string
	var block []string
	flush := func() {
		if len(block) == 0 {
			return
		}
		verse := len(block) >= 3
		for _, l := range block {
			verse = verse && utf8.RuneCountInString(l) < 80 && !strings.HasPrefix(l, "- ")
		}
		var cur []string
		for _, l := range block {
			switch {
			case verse || len(cur) == 0 || strings.HasPrefix(l, "- ") || strings.HasPrefix(cur[len(cur)-1], "- "):
				cur = append(cur, l)
			default:
				cur[len(cur)-1] += " " + l
			}
		}
		out = append(out, strings.Join(cur, "\n"))
		block = nil
	}
	for _, l := range lines {
		t := strings.TrimSpace(l.text)
		switch {
		case t == "":
			flush()
		case strings.HasPrefix(t, "### "):
			flush()
			out = append(out, t)
		default:
			block = append(block, t)
		}
	}
	flush()
	return out
}

// joinParagraphs is the text form of paragraphs: one blank line between them.
func joinParagraphs(ps []string) string { return strings.Join(ps, "\n\n") }

// checkUTF8 reports the first line with invalid UTF-8 and returns the data
// with invalid bytes replaced, so parsing can go on.
func checkUTF8(d *document, data []byte) []byte {
	if utf8.Valid(data) {
		return data
	}
	for i, l := range strings.Split(string(data), "\n") {
		if !utf8.ValidString(l) {
			d.problem(i+1, "deze regel is geen geldige UTF-8-tekst (bewaar het bestand als UTF-8)")
			break
		}
	}
	return []byte(strings.ToValidUTF8(string(data), "\uFFFD"))
}

// itemLine returns the line of the i-th item of a list field, or the line of
// its key.
func (d *document) itemLine(key string, i int) int {
	f := d.fields[key]
	if f == nil {
		return 1
	}
	if i < len(f.lines) {
		return f.lines[i]
	}
	return f.line
}
