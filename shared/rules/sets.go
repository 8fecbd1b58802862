package rules

//go:generate go tool msgp -tests=false

//msgp:limit arrays:50000 maps:64
//msgp:zerocopy Texts

// The slices of a list that a start decodes in loops of thousands (the
// rules, the known words, the rules' languages and exceptions, the
// patterns' trees) are types of their own, declared here, in a file of
// their own, under the same limits as rules.go's: msgp then decodes each
// in a small method of its own, where it would write the loop inside its
// parent's decoder (List.UnmarshalMsg, Rule.UnmarshalMsg) for a slice
// declared in the parent's file.
//
// That is for V8 running voile.wasm (wasm/README.md, functions a start
// runs once): with the loops inside it, List.UnmarshalMsg looked hot and
// V8 recompiled it during every warm start, 38 to 61 ms of compiling
// (node --trace-wasm-compilation-times); these types' own methods take 1
// to 10 ms each. Over 60 alternating warm starts in node: medians of
// 181.5 ms against 191.3 to the first verdict, 307 ms of CPU against 335.

// RuleSet is a list's rules.
type RuleSet []Rule

// Texts is a list of strings: a list's known words, a rule's languages
// and exceptions.
type Texts []string

// Tree is a pattern's syntax tree (expr.go).
type Tree []Node

// IsZero reports whether t is nil: msgp's omitzero then leaves a list
// without known words as omitempty left it when Known was a []string,
// byte for byte (signed bytes do not change with the type).
func (t Texts) IsZero() bool { return t == nil }

// IsZero reports whether t is nil, for msgp's omitzero, as Texts's.
func (t Tree) IsZero() bool { return t == nil }
