package match

import (
	"errors"
	"slices"
	"strconv"
	"strings"
	"unsafe"

	"voile/shared/lang"
	"voile/shared/normalize"
	"voile/shared/rules"
)

// Compiling the lists is done in two phases. The first turns every rule
// into a small automaton over word ids whose states may have several
// edges by one word (a nondeterministic one, NFA): a term or a phrase is
// a chain of words, and a pattern's tree becomes one state per place
// after a space in its literals, so that a product of alternatives
// ("(a|b|...) are (c|d|...)") costs the sum of its alternatives, not
// their product. The second phase determinises the
// union of the rules' automata from their start states (subset
// construction): each state of the Engine's automaton is the set of the
// rules' states that a sequence of words leads to from a start.
//
// The walk starts one run of that automaton at each word (match.go), so
// no run needs to know where another started: the automaton has no
// failure links, and the states that several phrases end in alike are
// one. The starter lists spell some 150,000 phrases: their trie (an
// Aho–Corasick automaton, before) had 212,000 states, which a first start
// in WebAssembly took half a second to build; this automaton has 18,800.

// builder holds what Compile needs only while building the automaton.
type builder struct {
	e     *Engine
	n     *normalize.Normalizer
	key   []byte
	words []string // scratch of AppendListWords

	// The rules' automaton: edges, and per state the kind of the pattern
	// it ends (+1; 0 for none).
	edges  []nfaEdge
	final  []uint32
	starts []int32

	// The rule being built: where its edges start, its start and final
	// states.
	ruleEdges  int
	start, end int32

	lexicon   bool    // some words are a lexicon's or a slur: mark
	wordLangs []uint8 // word id → the lexicon kinds and lexLang bits of the rules it is in

	// contractedFirst[id]: 1 if word id is the first word of a
	// contraction, 2 if not, 0 if not looked up yet.
	contractedFirst []uint8
}

// An edge of the rules' automaton: from a state, by a word, to a state.
type nfaEdge struct {
	from, to int32
	id       uint32
}

func newBuilder(e *Engine) *builder {
	return &builder{e: e, n: normalize.New()}
}

func (b *builder) newState() int32 {
	b.final = append(b.final, 0)
	return int32(len(b.final) - 1)
}

// beginRule starts the automaton of pattern p, a rule's text or tree or
// its exceptions, each once: p joins e.kinds, and gets a start state and
// a final one.
func (b *builder) beginRule(p pattern) {
	b.ruleEdges = len(b.edges)
	b.start, b.end = b.newState(), b.newState()
	b.e.kinds = append(b.e.kinds, p)
	b.final[b.end] = uint32(len(b.e.kinds))
	b.starts = append(b.starts, b.start)
}

// endRule adds the rule's contractions and marks its words.
func (b *builder) endRule(p pattern) {
	b.contractions()
	b.mark(p)
}

// addText adds the words of text, as its list's author separated them
// (normalize.AppendListWords), as a chain from the rule's start to its
// end.
func (b *builder) addText(text string) error {
	b.words = b.n.AppendListWords(b.words[:0], text)
	if len(b.words) == 0 {
		return errors.New("no words after normalisation")
	}
	s := b.start
	for i, w := range b.words {
		to := b.end
		if i+1 < len(b.words) {
			to = b.newState()
		}
		b.edges = append(b.edges, nfaEdge{from: s, to: to, id: b.word(w)})
		s = to
	}
	return nil
}

// addWord adds the edge by one word of a pattern's phrase from state
// from to state to. A word with digits is normalised ("h8"); validation
// lets a tree spell only lower-case letters, digits and spaces, and each
// word of those normalises to one word.
func (b *builder) addWord(from int32, w string, to int32) error {
	if !letters(w) {
		b.words = b.n.AppendListWords(b.words[:0], w)
		if len(b.words) != 1 {
			return errors.New("word " + strconv.Quote(w) + " normalises to " + strconv.Itoa(len(b.words)) + " words")
		}
		w = b.words[0]
	}
	b.edges = append(b.edges, nfaEdge{from: from, to: to, id: b.word(w)})
	return nil
}

// word returns the id of a normalised word, adding it to the dictionary.
func (b *builder) word(w string) uint32 {
	b.key = appendKey(b.key[:0], unsafe.Slice(unsafe.StringData(w), len(w)))
	id, _ := b.e.dict.add(b.key)
	return id
}

// contracted[[2]string{a, b}] is the one word a post writes for the two
// words "a b" that a list's "a'b" normalises to: posts often drop the
// apostrophe ("shouldnt", "cant", "im"), list authors seldom do. Only the
// spellings that are no other word: "we're", "it's", "I'll", "I'd",
// "we'll", "he'll", "she'd" would become "were", "its", "ill", "id",
// "well", "hell", "shed".
var contracted = func() map[[2]string]string {
	m := map[[2]string]string{}
	for _, w := range []string{"don", "doesn", "didn", "can", "couldn", "won", "wouldn", "shouldn", "isn", "aren", "wasn", "weren", "haven", "hasn", "hadn", "mustn", "needn", "ain"} {
		m[[2]string{w, "t"}] = w + "t"
	}
	for _, w := range []string{"i m", "you re", "they re", "that s", "what s", "there s", "she s", "he s", "who s",
		"they ll", "you ll", "it ll", "that ll", "who ll", "they ve", "you ve", "we ve", "i ve", "they d", "you d"} {
		a, b, _ := strings.Cut(w, " ")
		m[[2]string{a, b}] = a + b
	}
	return m
}()

// contractedFirst holds the first words of contracted.
var contractedFirst = func() map[string]bool {
	m := map[string]bool{}
	for k := range contracted {
		m[k[0]] = true
	}
	return m
}()

// startsContraction reports whether word id is the first word of one of
// contracted: looked up once a word, not once an edge.
func (b *builder) startsContraction(id uint32) bool {
	for int(id) >= len(b.contractedFirst) {
		b.contractedFirst = append(b.contractedFirst, 0)
	}
	if b.contractedFirst[id] == 0 {
		b.contractedFirst[id] = 2
		if contractedFirst[b.e.dict.words[id]] {
			b.contractedFirst[id] = 1
		}
	}
	return b.contractedFirst[id] == 1
}

// contractions adds, for each two edges of the rule that read the words
// of a contraction one after the other, an edge that reads them as one
// word ("don t" as "dont").
func (b *builder) contractions() {
	edges := b.edges[b.ruleEdges:]
	i := 0
	for i < len(edges) && !b.startsContraction(edges[i].id) {
		i++
	}
	if i == len(edges) {
		return // most rules
	}
	// The rule's states are b.start and those after it.
	base := b.start
	first, out := byFrom(edges, base, len(b.final)-int(base))
	for ; i < len(edges); i++ {
		e1 := edges[i]
		if !b.startsContraction(e1.id) {
			continue
		}
		w1 := b.e.dict.words[e1.id]
		for _, e2 := range out[first[e1.to-base]:first[e1.to-base+1]] {
			if one, ok := contracted[[2]string{w1, b.e.dict.words[e2.id]}]; ok {
				b.edges = append(b.edges, nfaEdge{from: e1.from, to: e2.to, id: b.word(one)})
			}
		}
	}
}

// byFrom returns edges grouped by the state they leave, in their order
// otherwise (a counting sort), for edges that leave the n states from
// base: those that leave state base+q are out[first[q]:first[q+1]].
func byFrom(edges []nfaEdge, base int32, n int) (first []int32, out []nfaEdge) {
	first = make([]int32, n+1)
	for _, e := range edges {
		first[e.from-base+1]++
	}
	for q := 1; q <= n; q++ {
		first[q] += first[q-1]
	}
	out = make([]nfaEdge, len(edges))
	fill := slices.Clone(first[:n])
	for _, e := range edges {
		out[fill[e.from-base]] = e
		fill[e.from-base]++
	}
	return first, out
}

// mark notes the words of the rule's edges for fuzzy: every word of a
// lexicon's rule, and a slur's single words.
func (b *builder) mark(p pattern) {
	switch {
	case p.lexicon:
		kind := uint8(lexPredicate)
		if p.naming {
			kind |= lexTarget
		}
		bits := b.lexBits(p, kind)
		for _, e := range b.edges[b.ruleEdges:] {
			b.markWord(e.id, bits)
		}
	case p.naming && !p.exception:
		// Not a number ("1488"): a year swaps its digits ("1848").
		var bits uint8
		for _, e := range b.edges[b.ruleEdges:] {
			if e.from == b.start && e.to == b.end && letters(b.e.dict.words[e.id]) {
				if bits == 0 {
					bits = b.lexBits(p, lexSlur)
				}
				b.markWord(e.id, bits)
			}
		}
	}
}

// lexBits returns kind and the lexLang bits of the languages of p's rule.
func (b *builder) lexBits(p pattern, kind uint8) uint8 {
	b.lexicon = true
	l := b.e.Lists[p.list]
	bits := kind
	for _, code := range ruleLangs(l, &l.Rules[p.rule]) {
		if g := lang.Parse(code); g != lang.None {
			bits |= lexLang(g)
		}
	}
	return bits
}

func (b *builder) markWord(id uint32, bits uint8) {
	for int(id) >= len(b.wordLangs) {
		b.wordLangs = append(b.wordLangs, 0)
	}
	b.wordLangs[id] |= bits
}

// letters reports whether w is made of letters a to z only.
func letters(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return true
}

// determinise builds the Engine's automaton from the rules' automata by
// subset construction, breadth first from the set of the rules' start
// states, which is the Engine's state 0.
func (b *builder) determinise() {
	e := b.e
	nfa := len(b.final)
	d := subsets{b: b, index: map[string]uint32{}, single: make([]uint32, nfa)}
	d.first, d.out = byFrom(b.edges, 0, nfa)
	d.sets = slices.Clone(b.starts)
	slices.Sort(d.sets)
	d.at = []int32{0, int32(len(d.sets))}
	d.index[strings.Clone(setKey(d.sets))] = 0
	e.root = make([]uint32, e.dict.len()+1)
	e.outAt = append(e.outAt[:0], 0)
	for s := 0; s < len(d.at)-1; s++ {
		d.expand(s)
	}
	e.outs = d.outs
	e.depth = longestPath(len(d.at)-1, e.root, d.edges)
	e.next = newEdgeTable(len(d.edges))
	e.inner = make([]bool, len(e.root))
	for _, ed := range d.edges {
		e.next.set(edgeKey(ed.from, ed.id), ed.to)
		e.inner[ed.id] = true
	}
}

// subsets is determinise's subset construction under way.
type subsets struct {
	b *builder
	// The rules' edges, grouped by the state they leave: those of state
	// q are out[first[q]:first[q+1]].
	first []int32
	out   []nfaEdge
	// Each state's set of the rules' states, sorted, one after the
	// other: the set of state s is sets[at[s]:at[s+1]].
	sets   []int32
	at     []int32
	index  map[string]uint32 // sets of two states or more → state
	single []uint32          // single[q]: the state whose set is q alone, +1; most states are
	pairs  []uint64          // word id<<32 | state: the edges of the set being expanded
	kinds  []uint32
	outs   []uint32
	edges  []edge // out of the states other than 0
}

// setKey returns the bytes of set, as a key of subsets.index.
func setKey(set []int32) string {
	return unsafe.String((*byte)(unsafe.Pointer(unsafe.SliceData(set))), 4*len(set))
}

// expand adds the outputs and the edges of state s, and the states they
// lead to that are new. A call per state, not one loop over all: in
// WebAssembly, V8 runs a function in its baseline tier until it has run
// for a while, and a call begun there ends there (compiling the starter
// lists, once in a loop, this took 84 ms of 174 in the baseline tier).
func (d *subsets) expand(s int) {
	b, e := d.b, d.b.e
	set := d.sets[d.at[s]:d.at[s+1]]
	d.pairs, d.kinds = d.pairs[:0], d.kinds[:0]
	for _, q := range set {
		for _, ed := range d.out[d.first[q]:d.first[q+1]] {
			d.pairs = append(d.pairs, uint64(ed.id)<<32|uint64(ed.to))
		}
		if k := b.final[q]; k != 0 {
			d.kinds = append(d.kinds, k-1)
		}
	}
	slices.Sort(d.kinds)
	d.outs = append(d.outs, slices.Compact(d.kinds)...)
	e.outAt = append(e.outAt, uint32(len(d.outs)))
	// By word, then state: numbers, which sort faster than pairs in
	// WebAssembly (no comparison function).
	slices.Sort(d.pairs)
	pairs := d.pairs
	for i := 0; i < len(pairs); {
		j := i
		mark := len(d.sets)
		id := uint32(pairs[i] >> 32)
		for ; j < len(pairs) && uint32(pairs[j]>>32) == id; j++ {
			if j == i || pairs[j] != pairs[j-1] {
				d.sets = append(d.sets, int32(uint32(pairs[j])))
			}
		}
		to := d.sets[mark:]
		var t uint32
		var ok bool
		if len(to) == 1 {
			t, ok = d.single[to[0]]-1, d.single[to[0]] != 0
		} else {
			t, ok = d.index[setKey(to)]
		}
		if !ok {
			t = uint32(len(d.at) - 1)
			if len(to) == 1 {
				d.single[to[0]] = t + 1
			} else {
				d.index[strings.Clone(setKey(to))] = t
			}
			d.at = append(d.at, int32(len(d.sets)))
		} else {
			d.sets = d.sets[:mark]
		}
		if s == 0 {
			e.root[id] = t
		} else {
			d.edges = append(d.edges, edge{uint32(s), id, t})
		}
		i = j
	}
}

type edge struct{ from, id, to uint32 }

// longestPath returns the number of edges of the longest path from state
// 0 of an automaton of n states with no cycle, whose edges out of state 0
// are root (by word id; 0 for none) and the others edges, grouped by the
// state they leave.
func longestPath(n int, root []uint32, edges []edge) int {
	first := make([]int32, n+1)
	for _, ed := range edges {
		first[ed.from+1]++
	}
	for s := 1; s <= n; s++ {
		first[s] += first[s-1]
	}
	height := make([]int32, n) // edges of the longest path from the state, +1; 0: not known yet
	var from func(s uint32) int32
	from = func(s uint32) int32 {
		if h := height[s]; h != 0 {
			return h - 1
		}
		h := int32(0)
		for _, ed := range edges[first[s]:first[s+1]] {
			h = max(h, 1+from(ed.to))
		}
		height[s] = h + 1
		return h
	}
	depth := int32(0)
	for _, t := range root {
		if t != 0 {
			depth = max(depth, 1+from(t))
		}
	}
	return int(depth)
}

// fuzzy indexes the spelling variants of the lexicon's words (fuzzy.go).
func (b *builder) fuzzy() {
	e := b.e
	e.words = e.dict.words
	e.lexWord = make([]uint8, len(e.words))
	if !b.lexicon {
		return
	}
	for id, bits := range b.wordLangs {
		e.lexWord[id] |= bits
	}
	e.fuzzy = newFuzzyIndex(e.words, e.lexWord)
}

// addRule adds rule ri of list li: its text or tree, then its exceptions.
func (b *builder) addRule(li, ri int) error {
	l := b.e.Lists[li]
	r := &l.Rules[ri]
	lex := r.Role == rules.Target || r.Role == rules.Predicate
	naming := r.Role == rules.Target || r.Role == rules.Flagging
	p := pattern{list: int32(li), rule: int32(ri), lexicon: lex, naming: naming}
	b.beginRule(p)
	switch r.Kind {
	case rules.Term, rules.Phrase:
		if err := b.addText(r.Text); err != nil {
			return err
		}
	case rules.Pattern:
		if err := b.addTree(r.Expr); err != nil {
			return err
		}
	default:
		return errors.New("unknown kind " + strconv.Quote(string(r.Kind)))
	}
	b.endRule(p)
	if len(r.Exceptions) > 0 {
		x := pattern{list: int32(li), rule: int32(ri), exception: true, naming: naming}
		b.beginRule(x)
		for _, text := range r.Exceptions {
			if err := b.addText(text); err != nil {
				return errors.New("exception " + strconv.Quote(text) + ": " + err.Error())
			}
		}
		b.endRule(x)
	}
	return nil
}
