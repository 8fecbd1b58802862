package match

import (
	"encoding/binary"
	"errors"
	"regexp"
	"slices"
	"strconv"

	"voile/shared/internal/errwrap"
	"voile/shared/rules"
)

// An Engine's compiled form, so that a client compiles its lists once and
// later starts from the automaton it saved (Export, Import). Compiling the
// demo lists expands their patterns into thousands of phrases and
// normalises each of them; reading the result back only fills tables.
//
// Import never trusts its input: it checks every index against the tables
// and the lists it is given, that failure links lead to shallower states
// (so a walk always ends) and that each output fits the depth of its
// state. Anything else is an error, and the caller compiles instead. The
// lists themselves are not in the export: Import takes them, the same
// lists in the same order as Compile did, and the caller must make sure of
// that (the classifier keys its cache by the lists' signatures). Pattern
// rules that stay regular expressions are kept as the rule's source and
// compiled again; the dictionary's hash table, the spelling-variant index and
// the patterns' prefilter are rebuilt from the tables, which costs little.

// serialVersion changes with the format of Export.
const serialVersion = 1

var serialMagic = [...]byte{'v', 'm', 'a', 't', 'c', 'h', 0, serialVersion}

// Export appends the compiled form of e to dst. Two engines compiled from
// the same lists export the same bytes.
func (e *Engine) Export(dst []byte) []byte {
	w := writer{b: dst}
	w.b = append(w.b, serialMagic[:]...)
	w.uint(len(e.Lists))
	for _, l := range e.Lists {
		w.uint(len(l.Rules))
	}
	// The dictionary, in id order, and which words are the lexicon's.
	w.uint(e.dict.len())
	for _, k := range e.words[1:] {
		w.str(k)
	}
	lex := make([]byte, (len(e.lexWord)+7)/8)
	for id, ok := range e.lexWord {
		if ok {
			lex[id/8] |= 1 << (id % 8)
		}
	}
	w.b = append(w.b, lex...)

	w.uint(len(e.pats))
	for _, p := range e.pats {
		var flags uint
		if p.exception {
			flags |= 1
		}
		if p.lexicon {
			flags |= 2
		}
		w.uint(int(p.list))
		w.uint(int(p.rule))
		w.uint(int(p.words))
		w.uint(int(flags))
	}

	// The automaton: edges out of the root by word id, the other edges by
	// state, then per state its failure link and outputs.
	w.uint(len(e.fail))
	for _, s := range e.root[1:] {
		w.uint(int(s))
	}
	keys := make([]uint64, 0, e.next.n)
	for _, k := range e.next.keys {
		if k != 0 {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	w.uint(len(keys))
	prev := uint64(0)
	for _, k := range keys {
		to, _ := e.next.get(k)
		w.uint(int(k>>32 - prev>>32)) // states in order: the difference
		w.uint(int(uint32(k)))
		w.uint(int(to))
		prev = k
	}
	for s := range e.fail {
		w.uint(int(e.fail[s]))
		w.uint(int(e.out[s].end - e.out[s].start))
	}
	w.uint(len(e.outs))
	for s := range e.fail {
		for _, p := range e.outs[e.out[s].start:e.out[s].end] {
			w.uint(int(p))
		}
	}

	w.uint(len(e.regexps))
	for _, cp := range e.regexps {
		w.uint(int(cp.list))
		w.uint(int(cp.rule))
	}
	return w.b
}

// Import rebuilds an Engine from data, the Export of an engine compiled
// from lists: the same lists in the same order.
func Import(data []byte, lists ...*rules.List) (*Engine, error) {
	e, err := importEngine(data, lists)
	if err != nil {
		return nil, errwrap.Wrap("import compiled lists: ", err, "")
	}
	return e, nil
}

func importEngine(data []byte, lists []*rules.List) (*Engine, error) {
	if len(data) < len(serialMagic) || [8]byte(data[:8]) != serialMagic {
		return nil, errors.New("not a compiled engine of this version")
	}
	r := reader{b: data, at: len(serialMagic)}
	if n := r.index(); n != len(lists) {
		return nil, r.fail(errors.New("compiled from " + strconv.Itoa(n) + " lists, given " + strconv.Itoa(len(lists))))
	}
	for i, l := range lists {
		if n := r.index(); n != len(l.Rules) {
			return nil, r.fail(errors.New("list " + strconv.Itoa(i) + " (" + strconv.Quote(l.ID) + ") had " + strconv.Itoa(n) + " rules, has " + strconv.Itoa(len(l.Rules))))
		}
	}
	e := &Engine{Lists: lists}

	nwords := r.count()
	e.dict = newWordTable(nwords)
	for id := 1; id <= nwords && r.err == nil; id++ {
		k := r.bytes(r.count())
		if _, added := e.dict.add(k); !added || len(k) == 0 {
			return nil, r.fail(errors.New("a word twice or empty in the dictionary"))
		}
	}
	words := e.dict.words
	e.words = words
	lex := r.bytes((nwords + 1 + 7) / 8)
	e.lexWord = make([]bool, nwords+1)
	anyLex := false
	for id := range e.lexWord {
		if r.err == nil && lex[id/8]&(1<<(id%8)) != 0 {
			e.lexWord[id], anyLex = true, true
		}
	}

	e.pats = make([]pattern, r.count())
	for i := range e.pats {
		p := &e.pats[i]
		list, rule, n, flags := r.index(), r.index(), r.index(), r.index()
		if r.err != nil {
			break
		}
		if list >= len(lists) || rule >= len(lists[list].Rules) || n == 0 || flags > 3 {
			return nil, r.fail(errors.New("pattern " + strconv.Itoa(i) + " out of range"))
		}
		// What a pattern's rule means (lexicon, naming) comes from the
		// rule itself, not from the cache.
		role := lists[list].Rules[rule].Role
		lex := flags&1 == 0 && (role == rules.Target || role == rules.Predicate) // an exception is no lexicon word
		if lex != (flags&2 != 0) {
			return nil, r.fail(errors.New("pattern " + strconv.Itoa(i) + ": lexicon flag disagrees with its rule"))
		}
		*p = pattern{list: int32(list), rule: int32(rule), words: int32(n), exception: flags&1 != 0, lexicon: lex,
			naming: role == rules.Target || role == rules.Flagging}
	}

	// The states must form a tree from the root, in which every failure
	// link leads to a shallower state (so that step ends) and every
	// output is no longer than its state is deep (so that a hit's first
	// word is within the text). Compile numbers a child after its parent,
	// and the edges come by state: each edge's state has its depth when
	// it is read.
	nstates := r.count()
	if r.err != nil {
		return nil, r.err
	}
	if nstates == 0 {
		return nil, errors.New("no root state")
	}
	depth := make([]int32, nstates)
	for i := range depth {
		depth[i] = -1
	}
	depth[0] = 0
	e.root = make([]uint32, nwords+1)
	for id := 1; id <= nwords && r.err == nil; id++ {
		c := r.u32()
		if c != 0 {
			if int(c) >= nstates || depth[c] >= 0 {
				return nil, r.fail(errors.New("bad edge out of the root"))
			}
			depth[c] = 1
		}
		e.root[id] = c
	}
	nedges := r.count()
	e.next = newEdgeTable(nedges)
	e.inner = make([]bool, nwords+1)
	from := uint32(0)
	for range nedges {
		from += r.u32()
		id, to := r.u32(), r.u32()
		if r.err != nil {
			break
		}
		if from == 0 || id == 0 || int(id) > nwords || int(to) >= nstates || from >= to || depth[from] < 0 || depth[to] >= 0 {
			return nil, r.fail(errors.New("the states do not form a tree"))
		}
		depth[to] = depth[from] + 1
		e.next.set(edgeKey(from, id), to)
		e.inner[id] = true
	}
	e.fail = make([]uint32, nstates)
	e.out = make([]outSpan, nstates)
	end := uint32(0)
	for s := range nstates {
		f := r.u32()
		if r.err != nil {
			break
		}
		if depth[s] < 0 {
			return nil, r.fail(errors.New("a state out of the tree"))
		}
		if int(f) >= nstates || depth[f] >= max(depth[s], 1) {
			return nil, r.fail(errors.New("a failure link out of range"))
		}
		e.fail[s] = f
		e.out[s].start = end
		end += r.u32()
		e.out[s].end = end
	}
	nouts := r.count()
	if r.err == nil && nouts != int(end) {
		return nil, r.fail(errors.New("outputs do not add up"))
	}
	e.outs = make([]int32, nouts)
	for i := range e.outs {
		e.outs[i] = int32(r.u32())
	}

	for range r.count() {
		list, rule := r.index(), r.index()
		if r.err != nil {
			break
		}
		if list >= len(lists) || rule >= len(lists[list].Rules) || lists[list].Rules[rule].Kind != rules.Pattern {
			return nil, r.fail(errors.New("a regular expression out of range"))
		}
		re, err := regexp.Compile(lists[list].Rules[rule].Text)
		if err != nil {
			return nil, r.fail(err)
		}
		role := lists[list].Rules[rule].Role
		e.regexps = append(e.regexps, compiledPattern{list: int32(list), rule: int32(rule), re: re,
			naming: role == rules.Target || role == rules.Flagging})
	}
	if r.err != nil {
		return nil, r.err
	}
	if r.at != len(r.b) {
		return nil, errors.New("trailing bytes")
	}

	for s := range nstates {
		for _, p := range e.outs[e.out[s].start:e.out[s].end] {
			if p < 0 || int(p) >= len(e.pats) || e.pats[p].words > depth[s] {
				return nil, errors.New("an output out of range")
			}
		}
	}

	if anyLex {
		e.fuzzy = newFuzzyIndex(words, e.lexWord)
	}
	e.markOutputs()
	e.buildLangOf()
	e.pre = buildPrefilter(e.regexps)
	return e, nil
}

type writer struct{ b []byte }

// uint is not inlined: Export calls it in many places, and is not hot.
//
//go:noinline
func (w *writer) uint(n int) { w.b = binary.AppendUvarint(w.b, uint64(n)) }
func (w *writer) str(s string) {
	w.uint(len(s))
	w.b = append(w.b, s...)
}

type reader struct {
	b   []byte
	at  int
	err error
}

func (r *reader) fail(err error) error {
	if r.err == nil {
		r.err = err
	}
	return r.err
}

func (r *reader) uvarint() uint64 {
	if r.err != nil {
		return 0
	}
	if r.at < len(r.b) && r.b[r.at] < 0x80 { // most numbers are small
		r.at++
		return uint64(r.b[r.at-1])
	}
	v, n := binary.Uvarint(r.b[r.at:])
	if n <= 0 {
		r.fail(errors.New("truncated"))
		return 0
	}
	r.at += n
	return v
}

func (r *reader) u32() uint32 {
	v := r.uvarint()
	if v > 1<<32-1 {
		r.fail(errors.New("number out of range"))
		return 0
	}
	return uint32(v)
}

// index reads a number below 2^31.
func (r *reader) index() int {
	v := r.uvarint()
	if v >= 1<<31 {
		r.fail(errors.New("number out of range"))
		return 0
	}
	return int(v)
}

// count reads a number of things that follow, each of at least one byte:
// no more than the bytes left.
func (r *reader) count() int {
	v := r.uvarint()
	if v > uint64(len(r.b)-r.at) {
		r.fail(errors.New("truncated"))
		return 0
	}
	return int(v)
}

func (r *reader) bytes(n int) []byte {
	if r.err != nil || n > len(r.b)-r.at {
		r.fail(errors.New("truncated"))
		return make([]byte, n)
	}
	r.at += n
	return r.b[r.at-n : r.at]
}

func (r *reader) str() string { return string(r.bytes(r.count())) }
