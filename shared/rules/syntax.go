package rules

import "regexp/syntax"

// A pattern is parsed by Validate, to check it, and again by the matcher,
// to read the phrases it stands for: in WebAssembly, parsing took 29 % of
// the time from opening the starter lists to their first verdict, half of
// it the second parse. Validate keeps the tree it checked in the rule, and
// Syntax hands it on.

// parsedPattern is the simplified syntax tree of text.
type parsedPattern struct {
	text   string
	simple *syntax.Regexp
}

// parsePattern parses an RE2 pattern as Voile reads patterns (Perl
// syntax) and simplifies it.
func parsePattern(p string) (*syntax.Regexp, error) {
	re, err := syntax.Parse(p, syntax.Perl)
	if err != nil {
		return nil, err
	}
	return re.Simplify(), nil
}

// Syntax returns the simplified syntax tree of a pattern rule's Text: the
// one Validate checked, or else a new parse. The tree is shared: callers
// must not change it.
func (r *Rule) Syntax() (*syntax.Regexp, error) {
	if p := r.parsed; p != nil && p.text == r.Text {
		return p.simple, nil
	}
	return parsePattern(r.Text)
}
