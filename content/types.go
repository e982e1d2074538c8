// Package content holds the corpus of the guide "Word bondgenoot in de strijd
// tegen (kinder)armoede — een kompas" as editable files, and the Go code that
// embeds, parses and validates them. Its types are the domain of the project:
// they import neither the search index nor Discord.
package content

import "strings"

// Provinces lists the provinces in the order of the guide's overview table.
var Provinces = []string{"Antwerpen", "Brussel", "Limburg", "Oost-Vlaanderen", "Vlaams-Brabant", "West-Vlaanderen"}

// Network is one local alliance network (lokaal bondgenotennetwerk).
type Network struct {
	ID             string    `json:"id"`
	Name           string    `json:"name"`
	Aliases        []string  `json:"aliases"`
	Place          string    `json:"place"`
	Municipalities []string  `json:"municipalities"`
	Province       string    `json:"province"`
	Page           int       `json:"page"`
	Themes         []string  `json:"themes"`
	Summary        string    `json:"summary"`
	Description    string    `json:"description"`
	PartnersText   string    `json:"partners_text"`
	Partners       []Partner `json:"partners"`
	Websites       []string  `json:"websites"`
	Products       []string  `json:"products"`
	// Contacts are the contact details the guide prints for the network.
	Contacts []Contact `json:"contacts"`
	// Keywords are the words people search it by that the guide does not
	// write (zoekwoorden.md); the search weighs them, nobody sees them.
	Keywords []string `json:"-"`

	// File is the path of the source file inside the corpus.
	File string `json:"-"`

	// lines of fields in File, for problems found across files.
	nameLine, idLine  int
	aliasLines        []int
	municipalityLines []int
}

// Contact is a contact person or address the guide prints for a network:
// an e-mail address, with the person's name when the guide gives it.
type Contact struct {
	Name  string `json:"name,omitempty"`
	Email string `json:"email"`
}

// String is "Name: e-mail", or the address alone.
func (c Contact) String() string {
	if c.Name == "" {
		return c.Email
	}
	return c.Name + ": " + c.Email
}

// Partner is one organisation named in a network's "DE BONDGENOTEN" paragraph:
// Name as the guide spells it there, Canonical its name in the partner
// directory (the printed name when the directory does not know it).
type Partner struct {
	Name      string `json:"name"`
	Canonical string `json:"canonical"`
}

// Factor is one success factor (succesfactor) with its examples and quotes.
type Factor struct {
	ID       string    `json:"id"`
	Title    string    `json:"title"`
	Page     int       `json:"page"`
	Order    int       `json:"order"`
	Text     string    `json:"text"`
	Examples []Example `json:"examples"`
	Quotes   []Quote   `json:"quotes"`
	Keywords []string  `json:"-"` // as for Network

	File string `json:"-"`

	orderLine int
}

// Example is a passage of a success factor about one network.
type Example struct {
	NetworkID   string `json:"network_id"`
	NetworkName string `json:"network_name"`
	Text        string `json:"text"`
}

// Quote is a quotation printed with a success factor. Attribution is empty
// when the guide prints none; NetworkID links it to a network when known.
type Quote struct {
	Text        string `json:"text"`
	Attribution string `json:"attribution"`
	NetworkID   string `json:"network_id,omitempty"`
}

// Passage is a chapter of the guide outside the success factors and the
// network descriptions (Voorwoord, Waarom deze gids?, …).
type Passage struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	Page  int    `json:"page"`
	Text  string `json:"text"`
	// Keywords as for Network.
	Keywords []string `json:"-"`

	File string `json:"-"`
}

// Organisation is one entry of the partner directory: a canonical name, the
// other spellings the guide uses, and optionally the organisation it is a
// branch of (a CAW region is part of "CAW").
type Organisation struct {
	Name    string   `json:"name"`
	Aliases []string `json:"aliases"`
	Parent  string   `json:"parent,omitempty"`
}

// Theme is a theme tag with the other words people use for it.
type Theme struct {
	Name    string   `json:"name"`
	Aliases []string `json:"aliases"`
}

// WebsiteURL returns a website as printed in the guide as a link: "https://"
// is added when the guide printed no scheme.
func WebsiteURL(w string) string {
	if strings.HasPrefix(w, "http://") || strings.HasPrefix(w, "https://") {
		return w
	}
	return "https://" + w
}
