package index

// questionStyleCases are more questions in the style of the tuning half of
// questionCases: written from the guide's text after its tuning rows (never
// its held-out rows) as examples of style and mix, with the same rules:
// want and wantFirst from reading the guide, never from the search; justify
// a quote from an expected document, page the page on which that section
// starts. None is held out.
var questionStyleCases = []questionCase{}
