package rules

//go:generate go tool msgp -tests=false

//msgp:zerocopy Node

import (
	"slices"
	"strconv"
	"strings"
)

// A pattern rule is written as an RE2 pattern (Rule.Text) and carried in
// bundles as its syntax tree (Rule.Expr) alone, which the publisher's
// tools write when they parse the list (ParsePatterns, pattern.go) and
// which a signature covers with the rest of the list (List.ForBundle). A
// pattern is a finite set of phrases between word boundaries
// (`\bsales? (arabe|noir)s?\b`), so the tree is made of literals,
// sequences and alternatives only, and clients spell its phrases into
// their word automaton from the tree: they carry no regular-expression
// engine (its parser, compiler and Unicode tables were a tenth of the
// gzipped WebAssembly classifier, and parsing the starter lists' patterns
// most of its cold start).

// ExprOp is the kind of a node of a pattern's tree.
type ExprOp uint8

const (
	// ExprLit spells one of the literals of its Text, separated by '|'
	// ("s|z", "|that ": nothing or "that "): most of a pattern is
	// alternatives of words, and a node each would triple their bytes.
	ExprLit ExprOp = 1
	// ExprCat spells its N children one after the other.
	ExprCat ExprOp = 2
	// ExprAlt spells one of its N children; an optional part is an
	// alternative with the empty literal.
	ExprAlt ExprOp = 3
)

// Node is one node of a pattern's tree. A tree is its nodes in prefix
// order: each node is followed by the subtrees of its N children.
//
//msgp:tuple Node
type Node struct {
	Op   ExprOp `msg:"op" json:"op"`
	Text string `msg:"text" json:"text,omitempty"`
	N    int    `msg:"n" json:"n,omitempty"`
}

// Limits on a pattern's tree: its nodes, their nesting, and the phrases
// it spells, which each become a path of the word automaton.
const (
	MaxExprNodes   = 2 * MaxPatternLen
	MaxExprDepth   = 32
	MaxPhrases     = 16384   // of one pattern
	MaxListPhrases = 200_000 // of all the patterns of a list
)

// exprSize checks that expr[i:] starts with a well-formed subtree and
// returns its end and how many phrases it spells, at most MaxPhrases+1.
func exprSize(expr []Node, i, depth int) (end, phrases int, err string) {
	if i >= len(expr) {
		return 0, 0, "tree ends inside a node"
	}
	if depth > MaxExprDepth {
		return 0, 0, "tree nested deeper than " + strconv.Itoa(MaxExprDepth)
	}
	n := expr[i]
	switch n.Op {
	case ExprLit:
		if n.N != 0 {
			return 0, 0, "literal node with children"
		}
		alts := 1
		for j := 0; j < len(n.Text); j++ {
			if c := n.Text[j]; c == '|' {
				alts++
			} else if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == ' ') {
				return 0, 0, "literal " + strconv.Quote(n.Text) + " holds " + strconv.QuoteRune(rune(c)) + ": a pattern spells lower-case letters, digits and spaces, as the normalised text has them"
			}
		}
		return i + 1, min(alts, MaxPhrases+1), ""
	case ExprCat, ExprAlt:
		if n.N < 1 || n.N > len(expr)-i-1 {
			return 0, 0, "node with " + strconv.Itoa(n.N) + " children, where " + strconv.Itoa(len(expr)-i-1) + " nodes follow"
		}
		end, phrases = i+1, 1
		if n.Op == ExprAlt {
			phrases = 0
		}
		for range n.N {
			var k int
			if end, k, err = exprSize(expr, end, depth+1); err != "" {
				return 0, 0, err
			}
			if n.Op == ExprCat {
				phrases = min(phrases*k, MaxPhrases+1)
			} else {
				phrases = min(phrases+k, MaxPhrases+1)
			}
		}
		return end, phrases, ""
	}
	return 0, 0, "unknown node op " + strconv.Itoa(int(n.Op))
}

// checkExpr returns what is wrong with a pattern's tree, or "", and the
// number of phrases it spells. With probe set, a tree one of whose
// phrases is ordinary text is over-broad: a cue is a common word by
// nature, and other patterns must not match ordinary text.
func checkExpr(expr []Node, probe bool) (phrases int, msg string) {
	if len(expr) == 0 {
		return 0, "pattern has no tree: sign the list with a voile that writes patterns' trees (voile sign, or bundle.Sign)"
	}
	if len(expr) > MaxExprNodes {
		return 0, "tree of " + overLimit(len(expr), "nodes", MaxExprNodes)
	}
	end, phrases, msg := exprSize(expr, 0, 0)
	switch {
	case msg != "":
		return 0, msg
	case end != len(expr):
		return 0, "tree has " + strconv.Itoa(len(expr)-end) + " nodes after its root's subtree"
	case phrases > MaxPhrases:
		return 0, "pattern spells more than " + strconv.Itoa(MaxPhrases) + " phrases"
	}
	if _, f := exprForm(expr, 0); !f.phraseLike() || probe {
		// The phrases are spelt only to name one that is not a phrase,
		// and for the probe text.
		bad := ""
		EachPhrase(expr, func(p []byte) bool {
			if !phraseLike(p) {
				bad = "pattern spells " + strconv.Quote(string(p)) + ", not words separated by single spaces"
				if len(p) == 0 {
					bad = "over-broad pattern: it matches the empty string"
				}
			} else if s, ok := probeRuns[string(p)]; ok && probe {
				bad = "over-broad pattern: it matches ordinary text " + strconv.Quote(s)
			}
			return bad == ""
		})
		return phrases, bad
	}
	return phrases, ""
}

// form is what a tree's spellings can be, enough to tell whether all are
// phrases without spelling them: whether one is empty, whether the
// others can start or end with a space, and whether one holds two spaces
// in a row. The parts of a sequence are
// spelt independently, so a sequence can hold two spaces in a row exactly
// when a part can end with a space and the next non-empty part start
// with one.
type form struct {
	empty, spaceFirst, spaceLast, doubleSpace bool
}

func (f form) phraseLike() bool {
	return !f.empty && !f.spaceFirst && !f.spaceLast && !f.doubleSpace
}

// then returns the form of a spelling of f followed by one of g.
func (f form) then(g form) form {
	return form{
		empty:       f.empty && g.empty,
		spaceFirst:  f.spaceFirst || f.empty && g.spaceFirst,
		spaceLast:   g.spaceLast || g.empty && f.spaceLast,
		doubleSpace: f.doubleSpace || g.doubleSpace || f.spaceLast && g.spaceFirst,
	}
}

// or returns the form of a spelling of f or of g.
func (f form) or(g form) form {
	return form{f.empty || g.empty, f.spaceFirst || g.spaceFirst, f.spaceLast || g.spaceLast, f.doubleSpace || g.doubleSpace}
}

// exprForm returns the end and the form of the well-formed subtree at i.
func exprForm(expr []Node, i int) (int, form) {
	n := expr[i]
	if n.Op == ExprLit {
		var f form
		for lit := range strings.SplitSeq(n.Text, "|") {
			if lit == "" {
				f.empty = true
				continue
			}
			f = f.or(form{spaceFirst: lit[0] == ' ', spaceLast: lit[len(lit)-1] == ' ', doubleSpace: strings.Contains(lit, "  ")})
		}
		return i + 1, f
	}
	end := i + 1
	var f form
	for k := range n.N {
		var g form
		end, g = exprForm(expr, end)
		switch {
		case k == 0:
			f = g
		case n.Op == ExprCat:
			f = f.then(g)
		default:
			f = f.or(g)
		}
	}
	return end, f
}

// phraseLike reports whether s is words of lower-case ASCII letters and
// digits separated by single spaces: text the normaliser leaves as it is.
func phraseLike(s []byte) bool {
	if len(s) == 0 || s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	for i := 1; i < len(s); i++ {
		if s[i] == ' ' && s[i-1] == ' ' {
			return false
		}
	}
	return true
}

// EachPhrase calls yield with each phrase a well-formed tree spells (one
// that Validate accepted), in the order of its alternatives, until yield
// returns false. The bytes are valid only during the call.
func EachPhrase(expr []Node, yield func([]byte) bool) {
	if len(expr) == 0 {
		return
	}
	s := speller{expr: expr, end: make([]int, len(expr)), alts: make([][]string, len(expr)), yield: yield}
	s.ends(0)
	s.spell(0)
}

// speller spells a tree depth first into one buffer. end[i] is where the
// subtree of node i ends; rest is a stack of the nodes still to spell
// after the one being spelt, innermost last, which each call leaves as it
// found it: a client spells the starter lists' 150,000 phrases at its
// first start, and a stack a branch would allocate.
type speller struct {
	expr  []Node
	end   []int
	alts  [][]string // a literal's alternatives, split once
	rest  []int
	buf   []byte
	yield func([]byte) bool
	stop  bool
}

func (s *speller) ends(i int) int {
	j := i + 1
	if s.expr[i].Op == ExprLit {
		s.alts[i] = strings.Split(s.expr[i].Text, "|")
	} else {
		for range s.expr[i].N {
			j = s.ends(j)
		}
	}
	s.end[i] = j
	return j
}

// spell spells node i, then the nodes of rest.
func (s *speller) spell(i int) {
	if s.stop {
		return
	}
	n := s.expr[i]
	switch n.Op {
	case ExprLit:
		mark := len(s.buf)
		for _, lit := range s.alts[i] {
			if s.stop {
				break
			}
			s.buf = append(s.buf[:mark], lit...)
			if k := len(s.rest); k > 0 {
				next := s.rest[k-1]
				s.rest = s.rest[:k-1]
				s.spell(next)
				s.rest = append(s.rest, next)
			} else if !s.yield(s.buf) {
				s.stop = true
			}
		}
		s.buf = s.buf[:mark]
	case ExprCat:
		// The children after the first go on the stack, last first.
		k := len(s.rest)
		first := i + 1
		for j, c := s.end[first], 1; c < n.N; j, c = s.end[j], c+1 {
			s.rest = append(s.rest, j)
		}
		slices.Reverse(s.rest[k:])
		s.spell(first)
		s.rest = s.rest[:k]
	case ExprAlt:
		for j, c := i+1, 0; c < n.N; j, c = s.end[j], c+1 {
			s.spell(j)
		}
	}
}
