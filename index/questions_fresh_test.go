package index

// questionFreshCases are a third set of questions, written from the guide's
// text after the search was tuned on the other two, with the same rules as
// questionCases: want and wantFirst from reading the guide, never from the
// search; justify a quote from an expected document, page the page on which
// that section starts. Their first score shows how the search does on
// questions it has never seen; after that they are tuned on, like
// questionExtraCases. None is held out.
var questionFreshCases = []questionCase{}
