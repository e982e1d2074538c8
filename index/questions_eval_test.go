package index

// questionStyleNames are the styles of the relevance tables.
var questionStyleNames = []string{"question", "keyword", "typo", "place"}

// questionEvalCases returns the questions of the relevance tables, each in
// its half.
func questionEvalCases() []evalCase { return nil }
