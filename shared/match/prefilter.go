package match

import (
	"regexp/syntax"
	"slices"
	"strings"

	"voile/shared/internal/literals"
)

// Pattern rules are regular expressions, and running each over every post
// costs more than all the word matching: Go's regexp finds no literal
// prefix to skip ahead with in a pattern that starts with \b or an
// alternation. So each pattern gets clauses of required literals: every
// match contains at least one literal of each clause ("jew", and one of
// "control" or "run", for `\b(the )?jews? (control|run)`). One
// Aho–Corasick pass over the bytes of the normalised text finds the
// clauses present, and only the patterns whose clauses are all present
// run. A pattern without clauses runs on every text, as before.

const (
	minRequired   = 2       // bytes; a clause with a shorter literal is dropped
	maxClauses    = 4       // per pattern, the most selective
	maxPrefilter  = 1 << 20 // states × byte classes of the automaton (4 MiB)
	noTransitions = -1
)

// prefilter is a byte-level Aho–Corasick automaton over the required
// literals of the pattern rules, with every transition precomputed.
type prefilter struct {
	class  [256]uint8 // byte → class; 0 for bytes in no literal
	nclass int
	delta  []int32 // state*nclass + class → next state
	outAt  []int32 // clauses found at state s: outs[outAt[s]:outAt[s+1]]
	outs   []int32 // clause ids
	// The clauses of pattern i (an index into Engine.regexps) are the ids
	// clauseAt[i] to clauseAt[i+1]-1.
	clauseAt []int32

	// step is delta made for scan (by ready): step[s*nclass+class] is
	// next*nclass<<1, the next state's row, with bit 0 set when the next
	// state has clauses. A byte then costs one read of the table and no
	// multiplication, and the clauses are read only where there are some.
	step []int32
	// recip divides a row by nclass exactly, by multiplying:
	// ⌈2³²/nclass⌉, and row·recip>>32 is the state of the row (rows are
	// below 2³¹, so the rounding never reaches a whole state).
	recip uint64
}

// prefilterRecip returns prefilter.recip for nclass classes.
func prefilterRecip(nclass int) uint64 { return (1<<32 + uint64(nclass) - 1) / uint64(nclass) }

// ready makes p.step from p.delta and p.outAt.
func (p *prefilter) ready() {
	p.recip = prefilterRecip(p.nclass)
	p.step = make([]int32, len(p.delta))
	for i, s := range p.delta {
		v := s * int32(p.nclass) << 1
		if p.outAt[s+1] > p.outAt[s] {
			v |= 1
		}
		p.step[i] = v
	}
}

// buildPrefilter builds the prefilter of patterns, the regexps of
// Engine.regexps in order.
func buildPrefilter(patterns []*compiledPattern) *prefilter {
	p := &prefilter{}
	type lit struct {
		s      string
		clause int32
	}
	var lits []lit
	classes, bytes, clause := 1, 0, int32(0)
	p.clauseAt = make([]int32, len(patterns)+1)
	for i, cp := range patterns {
		req := patternClauses(cp.src)
		n, c := bytes, classes
		var fresh [256]bool
		for _, cl := range req {
			for _, s := range cl {
				n += len(s)
				for j := 0; j < len(s); j++ {
					if b := s[j]; p.class[b] == 0 && !fresh[b] {
						fresh[b] = true
						c++
					}
				}
			}
		}
		if c > 256 || (n+1)*c > maxPrefilter {
			req = nil // the automaton is full: this pattern runs on every text
		} else {
			bytes = n
		}
		for _, cl := range req {
			for _, s := range cl {
				for j := 0; j < len(s); j++ {
					if p.class[s[j]] == 0 {
						p.class[s[j]] = uint8(classes)
						classes++
					}
				}
				lits = append(lits, lit{s, clause})
			}
			clause++
		}
		p.clauseAt[i+1] = clause
	}
	p.nclass = classes

	// The trie, with missing transitions marked.
	newState := func() int32 {
		for range p.nclass {
			p.delta = append(p.delta, noTransitions)
		}
		return int32(len(p.delta)/p.nclass - 1)
	}
	newState()
	var own [][]int32
	for _, l := range lits {
		s := int32(0)
		for j := 0; j < len(l.s); j++ {
			k := int(s)*p.nclass + int(p.class[l.s[j]])
			if p.delta[k] == noTransitions {
				p.delta[k] = newState()
			}
			s = p.delta[k]
		}
		for len(own) <= int(s) {
			own = append(own, nil)
		}
		own[s] = append(own[s], l.clause)
	}
	nstates := len(p.delta) / p.nclass
	for len(own) < nstates {
		own = append(own, nil)
	}

	// Breadth first: failure links, complete transitions, merged outputs.
	fail := make([]int32, nstates)
	outs := make([][]int32, nstates)
	queue := make([]int32, 0, nstates)
	for c := range p.nclass {
		if t := p.delta[c]; t == noTransitions {
			p.delta[c] = 0
		} else {
			queue = append(queue, t) // fail[t] is the root
		}
	}
	outs[0] = own[0]
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		outs[s] = append(append([]int32(nil), own[s]...), outs[fail[s]]...)
		for c := range p.nclass {
			k := int(s)*p.nclass + c
			f := p.delta[int(fail[s])*p.nclass+c]
			if t := p.delta[k]; t == noTransitions {
				p.delta[k] = f
			} else {
				fail[t] = f
				queue = append(queue, t)
			}
		}
	}
	p.outAt = make([]int32, nstates+1)
	for s := range nstates {
		p.outs = append(p.outs, outs[s]...)
		p.outAt[s+1] = int32(len(p.outs))
	}
	p.ready()
	return p
}

// scan sets found[c] for every clause c with a literal in text; found
// has one entry per clause.
func (p *prefilter) scan(text []byte, found []bool) {
	clear(found)
	row := int32(0)
	step, class := p.step, &p.class
	for _, c := range text {
		v := step[row+int32(class[c])]
		row = v >> 1
		if v&1 != 0 {
			s := int32(uint64(row) * p.recip >> 32) // row / nclass, without dividing
			for _, c := range p.outs[p.outAt[s]:p.outAt[s+1]] {
				found[c] = true
			}
		}
	}
}

// FNV-1a, 64 bits.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// fnv1a returns the FNV-1a hash of b.
func fnv1a(b []byte) uint64 {
	h := uint64(fnvOffset)
	for _, c := range b {
		h = (h ^ uint64(c)) * fnvPrime
	}
	return h
}

// may reports whether pattern i may match the text that set found: all of
// its clauses are present.
func (p *prefilter) may(i int, found []bool) bool {
	for _, ok := range found[p.clauseAt[i]:p.clauseAt[i+1]] {
		if !ok {
			return false
		}
	}
	return true
}

// clauses is the number of clauses of all patterns.
func (p *prefilter) clauses() int { return int(p.clauseAt[len(p.clauseAt)-1]) }

// patternClauses returns the most selective clauses of a pattern worth
// checking, or nil if it has none.
func patternClauses(pattern string) [][]string {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return nil
	}
	var out [][]string
	re = re.Simplify()
	// The clauses of both analyses hold: the most selective of all stay.
	for _, cl := range append(literals.Required(re, false), literals.Required(re, true)...) {
		cl = minimal(cl)
		dup := slices.ContainsFunc(out, func(o []string) bool { return slices.Equal(o, cl) })
		if !dup && literals.Shortest(cl) >= minRequired && len(cl) <= literals.MaxRequired {
			out = append(out, cl)
		}
	}
	slices.SortStableFunc(out, literals.BySelectivity)
	// A clause that a more selective one implies (a text that holds one
	// of the latter's literals holds one of its own) adds nothing: "jew"
	// and "jews control".
	// Of two clauses that imply each other, the first stays.
	var kept [][]string
	for i, cl := range out {
		redundant := false
		for j, k := range out {
			if j != i && implies(k, cl) && (j < i || !implies(cl, k)) {
				redundant = true
				break
			}
		}
		if !redundant {
			kept = append(kept, cl)
		}
	}
	return kept[:min(len(kept), maxClauses)]
}

// minimal returns the literals of clause cl that hold none of the others
// (a text with "the jews run" has "jews run"), in their order.
func minimal(cl []string) []string {
	var out []string
	for i, x := range cl {
		if !slices.ContainsFunc(out, func(y string) bool { return strings.Contains(x, y) }) &&
			!slices.ContainsFunc(cl[i+1:], func(y string) bool { return y != x && strings.Contains(x, y) }) {
			out = append(out, x)
		}
	}
	return out
}

// implies reports whether every literal of a contains one of b.
func implies(a, b []string) bool {
	for _, x := range a {
		if !slices.ContainsFunc(b, func(y string) bool { return strings.Contains(x, y) }) {
			return false
		}
	}
	return true
}
