package match

import (
	"errors"
	"slices"
	"strconv"
	"strings"

	"voile/shared/lang"
	"voile/shared/normalize"
)

// builder holds what Compile needs only while building the automaton. The
// trie's edges go straight into the Engine's transition tables (e.root for
// the root, e.next for the others), so building allocates little more than
// the tables themselves: in WebAssembly, where the classifier starts on
// the reader's device, allocation is most of the cost of compiling.
type builder struct {
	e        *Engine
	n        *normalize.Normalizer
	nstates  uint32
	rootKids []uint32 // word id → child of the root, or 0
	edges    []edge   // every edge out of a state other than the root
	// The patterns ending at state s: ownHead[s], then ownNext of each,
	// until -1; a list threaded through two flat slices rather than a
	// slice per state, tens of thousands of them for the demo lists.
	ownHead, ownNext []int32
	key              []byte
	ids              []uint32
	words            []string           // add's words, reused
	lexicon          bool               // some words are a lexicon's or a slur: markLex
	wordLangs        []uint8            // word id → the lexicon kinds and lexLang bits of the rules it is in
	kindOf           map[pattern]uint32 // a pattern → its index in e.kinds
	phraseWords      []int32            // phrase → its length in words
}

type edge struct{ from, id, to uint32 }

// newBuilder returns a builder for about phrases phrases: the trie of the
// starter lists has 1.4 states a phrase.
func newBuilder(e *Engine, phrases int) *builder {
	b := &builder{e: e, n: normalize.New(), nstates: 1}
	b.ownHead = append(make([]int32, 0, phrases*3/2), -1)
	b.edges = make([]edge, 0, phrases*3/2)
	b.ownNext = make([]int32, 0, phrases)
	b.phraseWords = make([]int32, 0, phrases)
	e.pats = make([]uint32, 0, phrases)
	return b
}

// add inserts the words of text, as its list's author separated them
// (normalize.AppendListWords), into the trie as pattern p.
func (b *builder) add(text string, p pattern) error {
	b.words = b.n.AppendListWords(b.words[:0], text)
	if len(b.words) == 0 {
		return errors.New("no words after normalisation")
	}
	return b.insertWords(b.words, p)
}

// addExpanded inserts a phrase that a pattern expanded to. It is made of
// lower-case ASCII letters and single spaces, which normalise to
// themselves, so it is split instead of normalised: the demo lists
// expand to tens of thousands of phrases. Others go through add.
func (b *builder) addExpanded(phrase string, p pattern) error {
	for i := 0; i < len(phrase); i++ {
		if c := phrase[i]; (c < 'a' || c > 'z') && c != ' ' {
			return b.add(phrase, p)
		}
	}
	b.words = b.words[:0]
	for w := range strings.SplitSeq(phrase, " ") {
		if w != "" {
			b.words = append(b.words, w)
		}
	}
	if len(b.words) == 0 {
		return errors.New("no words after normalisation")
	}
	return b.insertWords(b.words, p)
}

// contracted[[2]string{a, b}] is the one word a post writes for the two
// words "a b" that a list's "a'b" normalises to: posts often drop the
// apostrophe ("shouldnt", "cant", "im"), list authors seldom do. Only the
// spellings that are no other word: "we're", "it's", "I'll", "I'd",
// "we'll", "he'll", "she'd" would become "were", "its", "ill", "id",
// "well", "hell", "shed". Keyed by the pair, so that looking up every
// pair of every phrase builds no string.
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

// insertWords inserts words as pattern p, and once more for each way of
// writing its contractions without an apostrophe (at most maxContracted
// of them in one phrase).
func (b *builder) insertWords(words []string, p pattern) error {
	if len(words) >= 1<<outRefWordBits {
		return errors.New("more than " + strconv.Itoa(1<<outRefWordBits-1) + " words")
	}
	b.insertIDs(words, p)
	var at []int // indexes of the first words of contractions
	for i := 0; i+1 < len(words) && len(at) < maxContracted; i++ {
		if len(words[i+1]) > 2 {
			continue // no contraction's second word ("t", "re", "ll")
		}
		if _, ok := contracted[[2]string{words[i], words[i+1]}]; ok {
			at = append(at, i)
			i++
		}
	}
	for mask := 1; mask < 1<<len(at); mask++ {
		v := make([]string, 0, len(words))
		for i := 0; i < len(words); i++ {
			if k := slices.Index(at, i); k >= 0 && mask&(1<<k) != 0 {
				v = append(v, contracted[[2]string{words[i], words[i+1]}])
				i++
				continue
			}
			v = append(v, words[i])
		}
		b.insertIDs(v, p)
	}
	if len(b.e.pats) > maxPatterns {
		return errors.New("more than " + strconv.Itoa(maxPatterns) + " phrases in all")
	}
	return nil
}

const maxContracted = 3

func (b *builder) insertIDs(words []string, p pattern) {
	b.ids = b.ids[:0]
	for _, w := range words {
		b.ids = append(b.ids, b.word([]byte(w)))
	}
	b.insert(p)
}

// insert adds the words b.ids to the trie as pattern p.
func (b *builder) insert(p pattern) {
	s := uint32(0)
	for _, id := range b.ids {
		s = b.child(s, id)
	}
	for q := b.ownHead[s]; q >= 0; q = b.ownNext[q] {
		if o := b.e.patOf(q); o.list == p.list && o.rule == p.rule && o.exception == p.exception {
			return // the rule has this phrase already (a contraction written both ways)
		}
	}
	switch {
	case p.lexicon:
		kind := uint8(lexPredicate)
		if p.naming {
			kind |= lexTarget
		}
		b.markLex(p, kind)
	case p.naming && !p.exception && len(b.ids) == 1 && letters(b.e.dict.words[b.ids[0]]):
		// Not a number ("1488"): a year swaps its digits ("1848").
		b.markLex(p, lexSlur)
	}
	// Prepended, so link reverses each list back into insertion order.
	b.ownNext = append(b.ownNext, b.ownHead[s])
	b.ownHead[s] = int32(len(b.e.pats))
	k, ok := b.kindOf[p]
	if !ok {
		if b.kindOf == nil {
			b.kindOf = map[pattern]uint32{}
		}
		k = uint32(len(b.e.kinds))
		b.kindOf[p] = k
		b.e.kinds = append(b.e.kinds, p)
	}
	b.e.pats = append(b.e.pats, k)
	b.phraseWords = append(b.phraseWords, int32(len(b.ids)))
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

// markLex notes, for each word of b.ids, that it is a word of the lexicon
// of this kind (lexPredicate, lexTarget, lexSlur) and the languages of p's
// rule: fuzzy reads the marks.
func (b *builder) markLex(p pattern, kind uint8) {
	b.lexicon = true
	l := b.e.Lists[p.list]
	bits := kind
	for _, code := range ruleLangs(l, &l.Rules[p.rule]) {
		if g := lang.Parse(code); g != lang.None {
			bits |= lexLang(g)
		}
	}
	for _, id := range b.ids {
		for int(id) >= len(b.wordLangs) {
			b.wordLangs = append(b.wordLangs, 0)
		}
		b.wordLangs[id] |= bits
	}
}

// child returns the child of state s by word id, adding it if need be.
func (b *builder) child(s, id uint32) uint32 {
	if s == 0 {
		for int(id) >= len(b.rootKids) {
			b.rootKids = append(b.rootKids, 0)
		}
		if c := b.rootKids[id]; c != 0 {
			return c
		}
		c := b.newState()
		b.rootKids[id] = c
		return c
	}
	k := edgeKey(s, id)
	if c, ok := b.e.next.get(k); ok {
		return c
	}
	c := b.newState()
	b.e.next.set(k, c)
	b.edges = append(b.edges, edge{s, id, c})
	return c
}

func (b *builder) newState() uint32 {
	c := b.nstates
	b.nstates++
	b.ownHead = append(b.ownHead, -1)
	return c
}

// word returns the id of a normalised word, adding it to the dictionary.
func (b *builder) word(w []byte) uint32 {
	b.key = appendKey(b.key[:0], w)
	id, _ := b.e.dict.add(b.key)
	return id
}

// link computes failure links and outputs breadth first, so that a state's
// failure target, which is shallower, is done before it.
func (b *builder) link() {
	e := b.e
	n := b.nstates
	e.root = make([]uint32, e.dict.len()+1)
	e.fail = make([]uint32, n)
	span := make([]outSpan, n) // outputs in breadth-first order, laid out by state below
	// The table is made again to the size of its edges, the smallest it
	// can be, unless Compile's estimate made it that size: its slots are
	// then those a new table would have, the edges set in the same order.
	if len(e.next.keys) != fullTableSize(len(b.edges)) {
		e.next = newEdgeTable(len(b.edges))
		for _, ed := range b.edges {
			e.next.set(edgeKey(ed.from, ed.id), ed.to)
		}
	}
	e.inner = make([]bool, len(e.root))
	for _, ed := range b.edges {
		e.inner[ed.id] = true
	}

	// Edges grouped by the state they leave, by counting sort.
	first := make([]uint32, n+1)
	for _, ed := range b.edges {
		first[ed.from+1]++
	}
	for s := uint32(1); s <= n; s++ {
		first[s] += first[s-1]
	}
	kids := make([]edge, len(b.edges))
	fill := append([]uint32(nil), first[:n]...)
	for _, ed := range b.edges {
		kids[fill[ed.from]] = ed
		fill[ed.from]++
	}

	queue := make([]uint32, 0, n)
	for id, c := range b.rootKids {
		if c != 0 {
			e.root[id] = c
			queue = append(queue, c)
		}
	}
	var outs []outRef
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		span[s].start = uint32(len(outs))
		own := len(outs)
		for p := b.ownHead[s]; p >= 0; p = b.ownNext[p] {
			outs = append(outs, newOutRef(p, b.phraseWords[p]))
		}
		slices.Reverse(outs[own:])
		if f := e.fail[s]; f != 0 {
			outs = append(outs, outs[span[f].start:span[f].end]...)
		}
		span[s].end = uint32(len(outs))
		for _, ed := range kids[first[s]:first[s+1]] {
			e.fail[ed.to] = e.step(e.fail[s], ed.id)
			queue = append(queue, ed.to)
		}
	}
	// Laid out in the order of the states, the outputs of state s end
	// where those of s+1 start: one offset a state, not two.
	e.outAt = make([]uint32, n+1)
	e.outs = make([]outRef, 0, len(outs))
	for s := range n {
		e.outAt[s] = uint32(len(e.outs))
		e.outs = append(e.outs, outs[span[s].start:span[s].end]...)
	}
	e.outAt[n] = uint32(len(e.outs))
}

// outSpan is where a state's outputs are in link's breadth-first layout.
type outSpan struct{ start, end uint32 }

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
