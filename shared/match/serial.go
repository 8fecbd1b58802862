package match

import (
	"encoding/binary"
	"errors"
	"math/bits"
	"strconv"
	"unsafe"

	"voile/shared/internal/errwrap"
	"voile/shared/rules"
)

// An Engine's compiled form, so that a client compiles its lists once and
// later starts from the automaton it saved (Export, Import). Compiling the
// demo lists expands their patterns into tens of thousands of phrases and
// normalises each of them; reading the result back should cost little
// more than copying it, as it is on the way to a client's first verdict.
//
// So the export holds the Engine's tables as they are in memory, flat
// arrays of little-endian numbers, each starting at a multiple of eight
// bytes from the export's start: on a little-endian machine (WebAssembly
// is one) with the export at an aligned address, Import uses most of them
// in place, without copying. The open-addressed tables (the dictionary's,
// the transitions', the spelling variants') go slot for slot, so that no
// key is hashed or placed again: the transitions' and the variants'
// tables, mostly empty, as a bitmap of the slots in use and the contents
// of those slots.
//
// Import never trusts its input: it checks every index against the tables
// and the lists it is given, that every state is reached from the root by
// one edge more than its parent (so that a state's depth is known), that
// failure links lead to shallower states (so a walk always ends), that
// each output fits the depth of its state and that each table keeps an
// empty slot (so a lookup always ends). Anything else is an error, and the
// caller compiles instead. Damage that keeps every index in range (a key
// in a wrong slot) is not detected, but cannot make a lookup fail to end;
// the classifier's cache checks a digest of the bytes for that. The lists
// themselves are not in the export: Import takes them, the same lists in
// the same order as Compile did, and the caller must make sure of that
// (the classifier keys its cache by the lists' signatures). Pattern rules
// that stay regular expressions are exported as their rule and their
// prefilter, and compiled from the rule's text when a text first gets past
// the prefilter (compiledPattern.regexp); the stopwords' languages are
// looked up again, a hundred words.

// serialVersion changes with the format of Export.
const serialVersion = 2

var serialMagic = [...]byte{'v', 'm', 'a', 't', 'c', 'h', 0, serialVersion}

// Export appends the compiled form of e to dst. Two engines compiled from
// the same lists export the same bytes.
func (e *Engine) Export(dst []byte) []byte {
	w := writer{b: dst, base: len(dst)}
	w.b = append(w.b, serialMagic[:]...)
	w.listShapes(e.Lists)

	// The dictionary: its words end to end and where each ends, then the
	// word id of each slot of its table.
	w.words(e.words)
	ids := make([]uint32, len(e.dict.slots))
	for i, s := range e.dict.slots {
		ids[i] = s.id
	}
	w.u32s(ids)
	lex := make([]byte, len(e.lexWord))
	for id, ok := range e.lexWord {
		if ok {
			lex[id] = 1
		}
	}
	w.bytes(lex)

	// The patterns, in runs of the same rule and flags (an expanded
	// pattern rule is thousands of phrases): per run its length, list,
	// rule, and exception | lexicon<<1; then the length of each pattern in
	// words.
	var runs []uint32
	lens := make([]uint32, len(e.pats))
	for i, p := range e.pats {
		flags := uint32(0)
		if p.exception {
			flags |= 1
		}
		if p.lexicon {
			flags |= 2
		}
		if n := len(runs); n > 0 && runs[n-3] == uint32(p.list) && runs[n-2] == uint32(p.rule) && runs[n-1] == flags {
			runs[n-4]++
		} else {
			runs = append(runs, 1, uint32(p.list), uint32(p.rule), flags)
		}
		lens[i] = uint32(p.words)
	}
	w.u32s(runs)
	w.counts(lens)

	// The automaton: edges out of the root by word id, the transitions'
	// table, failure links, then the outputs state after state and how
	// many each state has.
	w.u32s(e.root)
	w.sparse64(e.next.keys)
	w.u32s(used(e.next.to, e.next.keys))
	w.u32s(e.fail)
	outs := make([]uint32, 0, len(e.outs))
	outCounts := make([]uint32, len(e.out))
	for s, o := range e.out {
		for _, p := range e.outs[o.start:o.end] {
			outs = append(outs, uint32(p))
		}
		outCounts[s] = o.end - o.start
	}
	w.u32s(outs)
	w.counts(outCounts)

	res := make([]uint32, 0, 2*len(e.regexps))
	for _, cp := range e.regexps {
		res = append(res, uint32(cp.list), uint32(cp.rule))
	}
	w.u32s(res)
	// The regular expressions' prefilter (prefilter.go), so that Import
	// parses none of them.
	p := e.pre
	w.bytes(p.class[:])
	w.u32s([]uint32{uint32(p.nclass)})
	w.u32s(u32sOf(p.delta))
	w.u32s(u32sOf(p.outAt))
	w.u32s(u32sOf(p.outs))
	w.u32s(u32sOf(p.clauseAt))

	// The spelling variants' index, when the lists have a lexicon.
	if f := e.fuzzy; f != nil {
		w.u64s(f.bits)
		w.sparse64(f.delKeys)
		w.u32s(used(f.delAt, f.delKeys))
		w.u32s(used(f.delLen, f.delKeys))
		w.u32s(f.delIDs)
	}
	return w.b
}

// used returns the values of the slots of a table whose keys are not 0.
func used(values []uint32, keys []uint64) []uint32 {
	out := make([]uint32, 0, len(keys)/2)
	for i, k := range keys {
		if k != 0 {
			out = append(out, values[i])
		}
	}
	return out
}

// Import rebuilds an Engine from data, the Export of an engine compiled
// from lists: the same lists in the same order. The Engine may use parts
// of data in place: the caller must not change data afterwards.
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
	if err := r.listShapes(lists); err != nil {
		return nil, err
	}
	e := &Engine{Lists: lists}

	// The dictionary. Its words share one string, cut at their ends.
	text, ends, slotIDs, lex := r.bytes(), r.u32s(), r.u32s(), r.bytes()
	if r.err != nil {
		return nil, r.err
	}
	nwords := len(ends)
	words, err := cutWords(string(text), ends)
	if err != nil {
		return nil, err
	}
	e.words = words
	// A slot's key is its word packed or hashed (hashKey); the ids say
	// which slot holds which word, each once, and a lookup ends at the
	// first empty slot: there must be one.
	size := len(slotIDs)
	if size < 16 || size&(size-1) != 0 || 2*nwords > size {
		return nil, errors.New("a dictionary table of " + strconv.Itoa(size) + " slots for " + strconv.Itoa(nwords) + " words")
	}
	e.dict = &wordTable{slots: make([]wordSlot, size), shift: uint8(64 - bits.TrailingZeros(uint(size))), words: words}
	placed := make([]bool, nwords+1)
	for i, id := range slotIDs {
		if id == 0 {
			continue
		}
		if int(id) > nwords || placed[id] {
			return nil, errors.New("dictionary slot " + strconv.Itoa(i) + " holds word " + strconv.Itoa(int(id)) + " of " + strconv.Itoa(nwords) + ", or one twice")
		}
		placed[id] = true
		k, _ := hashKey([]byte(words[id]))
		e.dict.slots[i] = wordSlot{key: k, id: id, len: uint32(len(words[id]))}
	}
	if len(lex) != nwords+1 {
		return nil, errors.New("lexicon flags for " + strconv.Itoa(len(lex)) + " words, not " + strconv.Itoa(nwords+1))
	}
	e.lexWord = make([]bool, nwords+1)
	anyLex := false
	for id, b := range lex {
		if b > 1 || !placed[id] && id != 0 || b == 1 && id == 0 {
			return nil, errors.New("word " + strconv.Itoa(id) + ": a bad lexicon flag, or no slot")
		}
		e.lexWord[id] = b == 1
		anyLex = anyLex || b == 1
	}

	runs, lens, lensBig := r.u32s(), r.bytes(), r.u32s()
	if r.err == nil && len(runs)%4 != 0 {
		return nil, errors.New("pattern runs of " + strconv.Itoa(len(runs)) + " numbers, not a multiple of 4")
	}
	e.pats = make([]pattern, len(lens))
	i := 0
	for k := 0; k+3 < len(runs); k += 4 {
		n, list, rule, flags := runs[k], runs[k+1], runs[k+2], runs[k+3]
		if n == 0 || uint64(n) > uint64(len(e.pats)-i) || int(list) >= len(lists) || int(rule) >= len(lists[list].Rules) || flags > 3 {
			return nil, errors.New("pattern " + strconv.Itoa(i) + " out of range")
		}
		// What a pattern's rule means (lexicon, naming) comes from the
		// rule itself, not from the cache.
		role := lists[list].Rules[rule].Role
		lex := flags&1 == 0 && (role == rules.Target || role == rules.Predicate) // an exception is no lexicon word
		if lex != (flags&2 != 0) {
			return nil, errors.New("pattern " + strconv.Itoa(i) + ": lexicon flag disagrees with its rule")
		}
		p := pattern{list: int32(list), rule: int32(rule), exception: flags&1 != 0, lexicon: lex,
			naming: role == rules.Target || role == rules.Flagging}
		for range n {
			e.pats[i] = p
			i++
		}
	}
	if i != len(e.pats) {
		return nil, errors.New("pattern runs of " + strconv.Itoa(i) + " patterns, lengths of " + strconv.Itoa(len(e.pats)))
	}
	big := 0
	for i, n := range lens {
		words := uint32(n)
		if n == bigCount {
			if big == len(lensBig) {
				return nil, errors.New("pattern lengths: too few large ones")
			}
			words, big = lensBig[big], big+1
		}
		if words == 0 || words > 1<<30 {
			return nil, errors.New("pattern " + strconv.Itoa(i) + " of " + strconv.Itoa(int(words)) + " words")
		}
		e.pats[i].words = int32(words)
	}
	if big != len(lensBig) {
		return nil, errors.New("pattern lengths: too many large ones")
	}

	// The states must form a tree from the root, in which every state but
	// the root has one parent, numbered before it (Compile numbers a child
	// after its parent), so that depths are known in one pass by number.
	e.root = r.u32s()
	edgeSize, edgeUsed := r.sparse64()
	edgeKeys, edgeTo := r.u64s(), r.u32s()
	e.fail = r.u32s()
	outs, outCounts, outBig := r.u32s(), r.bytes(), r.u32s()
	if r.err != nil {
		return nil, r.err
	}
	nstates := len(e.fail)
	if nstates == 0 {
		return nil, errors.New("no root state")
	}
	if len(e.root) != nwords+1 || e.root[0] != 0 {
		return nil, errors.New(strconv.Itoa(len(e.root)) + " edges out of the root for " + strconv.Itoa(nwords) + " words")
	}
	parent := make([]uint32, nstates) // 0 for the root's children and the states out of the tree
	depth := make([]int32, nstates)   // 1 marks a child of the root until depths are known
	for _, c := range e.root {
		if c == 0 {
			continue
		}
		if int(c) >= nstates || depth[c] != 0 {
			return nil, errors.New("an edge out of the root to state " + strconv.Itoa(int(c)) + " of " + strconv.Itoa(nstates) + ", or to one twice")
		}
		depth[c] = 1
	}
	e.next, e.inner = edgeTable{}, make([]bool, nwords+1)
	if err := e.next.fill(edgeSize, edgeUsed, edgeKeys, edgeTo, len(edgeKeys)); err != nil {
		return nil, err
	}
	for i, k := range edgeKeys {
		from, id, to := uint32(k>>32), uint32(k), edgeTo[i]
		if from == 0 || id == 0 || int(id) > nwords || int(to) >= nstates || from >= to || parent[to] != 0 || depth[to] != 0 {
			return nil, errors.New("the states do not form a tree: edge " + strconv.Itoa(int(from)) + " → " + strconv.Itoa(int(to)) + " by word " + strconv.Itoa(int(id)))
		}
		parent[to] = from
		e.inner[id] = true
	}
	for s := 1; s < nstates; s++ {
		switch {
		case parent[s] != 0:
			depth[s] = depth[parent[s]] + 1
		case depth[s] != 1:
			return nil, errors.New("state " + strconv.Itoa(s) + " out of the tree")
		}
	}
	for s, f := range e.fail {
		if int(f) >= nstates || depth[f] >= max(depth[s], 1) {
			return nil, errors.New("the failure link of state " + strconv.Itoa(s) + " out of range")
		}
	}
	if len(outCounts) != nstates {
		return nil, errors.New("outputs for " + strconv.Itoa(len(outCounts)) + " states of " + strconv.Itoa(nstates))
	}
	e.outs = i32s(outs)
	e.out = make([]outSpan, nstates)
	e.hasOut = make([]uint64, (nstates+63)/64)
	start, big := uint32(0), 0
	for s, n := range outCounts {
		count := uint32(n)
		if n == bigCount {
			if big == len(outBig) {
				return nil, errors.New("output counts: too few large ones")
			}
			count, big = outBig[big], big+1
		}
		if uint64(count) > uint64(len(outs))-uint64(start) {
			return nil, errors.New("the outputs of state " + strconv.Itoa(s) + " out of range")
		}
		end := start + count
		for _, p := range outs[start:end] {
			if int(p) >= len(e.pats) || e.pats[p].words > depth[s] {
				return nil, errors.New("an output of state " + strconv.Itoa(s) + " out of range")
			}
		}
		if end > start {
			e.hasOut[s/64] |= 1 << (s % 64)
		}
		e.out[s] = outSpan{start, end}
		start = end
	}
	if int(start) != len(outs) || big != len(outBig) {
		return nil, errors.New("outputs of no state")
	}

	res := r.u32s()
	if r.err == nil && len(res)%2 != 0 {
		return nil, errors.New("regular expressions of " + strconv.Itoa(len(res)) + " numbers, not pairs")
	}
	for i := 0; i+1 < len(res); i += 2 {
		list, rule := res[i], res[i+1]
		if int(list) >= len(lists) || int(rule) >= len(lists[list].Rules) || lists[list].Rules[rule].Kind != rules.Pattern {
			return nil, errors.New("a regular expression out of range")
		}
		rl := &lists[list].Rules[rule]
		e.regexps = append(e.regexps, &compiledPattern{list: int32(list), rule: int32(rule), src: rl.Text,
			naming: rl.Role == rules.Target || rl.Role == rules.Flagging})
	}
	if err := r.prefilter(e); err != nil {
		return nil, err
	}

	if anyLex {
		f := &fuzzyIndex{bits: r.u64s()}
		delSize, delUsed := r.sparse64()
		delKeys, delAt, delLen := r.u64s(), r.u32s(), r.u32s()
		f.delIDs = r.u32s()
		if r.err != nil {
			return nil, r.err
		}
		if len(f.bits) != 2*bitmapBits/64 {
			return nil, errors.New("a spelling-variant bitmap of " + strconv.Itoa(len(f.bits)) + " words")
		}
		var t edgeTable // the same layout: keys never 0, values beside
		if err := t.fill(delSize, delUsed, delKeys, nil, len(f.delIDs)); err != nil {
			return nil, err
		}
		if len(delAt) != len(delKeys) || len(delLen) != len(delKeys) {
			return nil, errors.New("spelling variants: slots and spans disagree")
		}
		f.delKeys, f.delShift = t.keys, t.shift
		f.delAt, f.delLen = make([]uint32, len(t.keys)), make([]uint32, len(t.keys))
		i := 0
		for s, k := range t.keys {
			if k == 0 {
				continue
			}
			if uint64(delAt[i])+uint64(delLen[i]) > uint64(len(f.delIDs)) {
				return nil, errors.New("spelling variants: a span out of range")
			}
			f.delAt[s], f.delLen[s] = delAt[i], delLen[i]
			i++
		}
		for _, id := range f.delIDs {
			if id == 0 || int(id) > nwords {
				return nil, errors.New("spelling variants: word " + strconv.Itoa(int(id)) + " of " + strconv.Itoa(nwords))
			}
		}
		e.fuzzy = f
	}
	if r.err != nil {
		return nil, r.err
	}
	if r.at != len(r.b) {
		return nil, errors.New("trailing bytes")
	}
	e.buildLangOf()
	return e, nil
}

// prefilter reads the prefilter of e's regular expressions. A scan
// steps from state to state by byte class and reads each state's
// clauses: every one of them must be in range.
func (r *reader) prefilter(e *Engine) error {
	p := &prefilter{}
	class, nclass := r.bytes(), r.u32s()
	p.delta, p.outAt, p.outs, p.clauseAt = i32s(r.u32s()), i32s(r.u32s()), i32s(r.u32s()), i32s(r.u32s())
	if r.err != nil {
		return r.err
	}
	if len(class) != len(p.class) || len(nclass) != 1 || nclass[0] == 0 || nclass[0] > 256 || len(p.delta)%int(nclass[0]) != 0 {
		return errors.New("prefilter: bad byte classes")
	}
	copy(p.class[:], class)
	p.nclass = int(nclass[0])
	nstates := len(p.delta) / p.nclass
	if nstates == 0 {
		return errors.New("prefilter: no root state")
	}
	for _, c := range p.class {
		if int(c) >= p.nclass {
			return errors.New("prefilter: byte class " + strconv.Itoa(int(c)) + " of " + strconv.Itoa(p.nclass))
		}
	}
	for _, s := range p.delta {
		if s < 0 || int(s) >= nstates {
			return errors.New("prefilter: a transition to state " + strconv.Itoa(int(s)) + " of " + strconv.Itoa(nstates))
		}
	}
	if len(p.clauseAt) != len(e.regexps)+1 || p.clauseAt[0] != 0 {
		return errors.New("prefilter: clauses for " + strconv.Itoa(len(p.clauseAt)-1) + " regular expressions of " + strconv.Itoa(len(e.regexps)))
	}
	for i := 1; i < len(p.clauseAt); i++ {
		if p.clauseAt[i] < p.clauseAt[i-1] {
			return errors.New("prefilter: clauses out of order")
		}
	}
	if len(p.outAt) != nstates+1 || p.outAt[0] != 0 || p.outAt[nstates] != int32(len(p.outs)) {
		return errors.New("prefilter: outputs for " + strconv.Itoa(len(p.outAt)) + " states of " + strconv.Itoa(nstates))
	}
	for i := 1; i < len(p.outAt); i++ {
		if p.outAt[i] < p.outAt[i-1] {
			return errors.New("prefilter: outputs out of order")
		}
	}
	for _, c := range p.outs {
		if c < 0 || c >= p.clauseAt[len(p.clauseAt)-1] {
			return errors.New("prefilter: clause " + strconv.Itoa(int(c)) + " out of range")
		}
	}
	p.ready()
	e.pre = p
	return nil
}

// u32sOf returns s as uint32s, in place.
func u32sOf(s []int32) []uint32 {
	if len(s) == 0 {
		return nil
	}
	return unsafe.Slice((*uint32)(unsafe.Pointer(&s[0])), len(s))
}

// fill makes t the table of size slots of which used marks those in use,
// whose keys are keys in slot order (writer.sparse64), with their values
// to when not nil. The keys are not hashed again: a damaged key only
// misses. The table keeps an empty slot, where a lookup ends. It must
// have the size that tableSize gives for sizedFor keys, as Compile makes
// it: a bit of the bitmap per slot becomes twelve bytes of table, and an
// export that claims a larger one is damaged.
func (t *edgeTable) fill(size uint64, used []uint64, keys []uint64, to []uint32, sizedFor int) error {
	if size != uint64(tableSize(sizedFor)) || uint64(len(used)) != (size+63)/64 || 2*uint64(len(keys)) > size || to != nil && len(to) != len(keys) {
		return errors.New("a table of " + strconv.FormatUint(size, 10) + " slots for " + strconv.Itoa(len(keys)) + " keys")
	}
	t.keys, t.shift, t.n = make([]uint64, size), uint8(64-bits.TrailingZeros64(size)), len(keys)
	if to != nil {
		t.to = make([]uint32, size)
	}
	i := 0
	for w, u := range used {
		for ; u != 0; u &= u - 1 {
			s := 64*w + bits.TrailingZeros64(u)
			if i == len(keys) || keys[i] == 0 || uint64(s) >= size {
				return errors.New("a table's slots in use and its keys disagree")
			}
			t.keys[s] = keys[i]
			if to != nil {
				t.to[s] = to[i]
			}
			i++
		}
	}
	if i != len(keys) {
		return errors.New("a table's slots in use and its keys disagree")
	}
	t.seen = make([]uint64, seenWords(int(size)))
	for _, k := range keys {
		t.see(k)
	}
	return nil
}

// listShapes writes how many rules each of lists has: an export or an
// image is of these lists only.
func (w *writer) listShapes(lists []*rules.List) {
	n := make([]uint32, len(lists))
	for i, l := range lists {
		n[i] = uint32(len(l.Rules))
	}
	w.u32s(n)
}

// listShapes reads what writer.listShapes wrote and checks that lists
// have those shapes.
func (r *reader) listShapes(lists []*rules.List) error {
	rulesPer := r.u32s()
	if r.err == nil && len(rulesPer) != len(lists) {
		return errors.New("compiled from " + strconv.Itoa(len(rulesPer)) + " lists, given " + strconv.Itoa(len(lists)))
	}
	for i, l := range lists {
		if r.err == nil && int(rulesPer[i]) != len(l.Rules) {
			return errors.New("list " + strconv.Itoa(i) + " (" + strconv.Quote(l.ID) + ") had " + strconv.Itoa(int(rulesPer[i])) + " rules, has " + strconv.Itoa(len(l.Rules)))
		}
	}
	return nil
}

// words writes the dictionary's words (words[0] is no word) end to end,
// then where each ends.
func (w *writer) words(words []string) {
	ends := make([]uint32, 0, len(words))
	var text []byte
	for _, k := range words[1:] {
		text = append(text, k...)
		ends = append(ends, uint32(len(text)))
	}
	w.bytes(text)
	w.u32s(ends)
}

// cutWords returns the dictionary's words, all cut at ends, with an empty
// words[0]: what writer.words wrote.
func cutWords(all string, ends []uint32) ([]string, error) {
	words := make([]string, len(ends)+1)
	at := uint32(0)
	for i, end := range ends {
		if end <= at || int(end) > len(all) {
			return nil, errors.New("an empty word in the dictionary, or one past its text")
		}
		words[i+1], at = all[at:end], end
	}
	if int(at) != len(all) {
		return nil, errors.New("text after the dictionary's last word")
	}
	return words, nil
}

// writer appends sections: a count of elements as 8 bytes, then the
// elements, then zeros to a multiple of eight bytes from base, where the
// export starts.
type writer struct {
	b    []byte
	base int
}

func (w *writer) count(n int) { w.b = binary.LittleEndian.AppendUint64(w.b, uint64(n)) }

func (w *writer) pad() {
	for (len(w.b)-w.base)%8 != 0 {
		w.b = append(w.b, 0)
	}
}

func (w *writer) bytes(b []byte) {
	w.count(len(b))
	w.b = append(w.b, b...)
	w.pad()
}

func (w *writer) u32s(s []uint32) {
	w.count(len(s))
	for _, v := range s {
		w.b = binary.LittleEndian.AppendUint32(w.b, v)
	}
	w.pad()
}

func (w *writer) u64s(s []uint64) {
	w.count(len(s))
	for _, v := range s {
		w.b = binary.LittleEndian.AppendUint64(w.b, v)
	}
}

// counts writes numbers that are mostly small, a byte each, bigCount for
// those that are not, which follow as u32s.
func (w *writer) counts(s []uint32) {
	small := make([]byte, len(s))
	var big []uint32
	for i, n := range s {
		if n >= bigCount {
			small[i], big = bigCount, append(big, n)
		} else {
			small[i] = byte(n)
		}
	}
	w.bytes(small)
	w.u32s(big)
}

// bigCount in the bytes of writer.counts stands for a number written apart.
const bigCount = 255

// sparse64 writes the size of a table whose empty slots hold key 0, a
// bitmap of its other slots, then their keys in slot order.
func (w *writer) sparse64(keys []uint64) {
	w.count(len(keys))
	used := make([]uint64, (len(keys)+63)/64)
	var in []uint64
	for i, k := range keys {
		if k != 0 {
			used[i/64] |= 1 << (i % 64)
			in = append(in, k)
		}
	}
	w.u64s(used)
	w.u64s(in)
}

// reader reads writer's sections. After an error, every read returns
// nothing and r.err stays the first error.
type reader struct {
	b   []byte
	at  int
	err error
}

// section returns the next section, of elements of size bytes.
func (r *reader) section(size int) []byte {
	if r.err != nil {
		return nil
	}
	if len(r.b)-r.at < 8 {
		r.err = errors.New("truncated at byte " + strconv.Itoa(r.at))
		return nil
	}
	n := binary.LittleEndian.Uint64(r.b[r.at:])
	left := uint64(len(r.b) - r.at - 8)
	if n > left/uint64(size) {
		r.err = errors.New("truncated: a section of " + strconv.FormatUint(n, 10) + " elements at byte " + strconv.Itoa(r.at) + ", " + strconv.FormatUint(left, 10) + " bytes left")
		return nil
	}
	end := r.at + 8 + int(n)*size
	b := r.b[r.at+8 : end]
	r.at += 8 + (int(n)*size+7)&^7
	if r.at > len(r.b) {
		r.err = errors.New("truncated in the padding of a section")
		return nil
	}
	// The padding is zeros: a flipped byte there is damage too, and the
	// export must not import as if whole.
	for _, c := range r.b[end:r.at] {
		if c != 0 {
			r.err = errors.New("padding of the section ending at byte " + strconv.Itoa(end) + " is not zero")
			return nil
		}
	}
	return b
}

func (r *reader) bytes() []byte { return r.section(1) }

func (r *reader) u32s() []uint32 {
	b := r.section(4)
	if len(b) == 0 {
		return nil
	}
	if littleEndian && uintptr(unsafe.Pointer(&b[0]))%4 == 0 {
		return unsafe.Slice((*uint32)(unsafe.Pointer(&b[0])), len(b)/4)
	}
	s := make([]uint32, len(b)/4)
	for i := range s {
		s[i] = binary.LittleEndian.Uint32(b[4*i:])
	}
	return s
}

func (r *reader) u64s() []uint64 {
	b := r.section(8)
	if len(b) == 0 {
		return nil
	}
	if littleEndian && uintptr(unsafe.Pointer(&b[0]))%8 == 0 {
		return unsafe.Slice((*uint64)(unsafe.Pointer(&b[0])), len(b)/8)
	}
	s := make([]uint64, len(b)/8)
	for i := range s {
		s[i] = binary.LittleEndian.Uint64(b[8*i:])
	}
	return s
}

// sparse64 reads the size and the bitmap of writer.sparse64; the keys
// follow (u64s).
func (r *reader) sparse64() (size uint64, used []uint64) {
	if r.err == nil && len(r.b)-r.at < 8 {
		r.err = errors.New("truncated at byte " + strconv.Itoa(r.at))
	}
	if r.err != nil {
		return 0, nil
	}
	size = binary.LittleEndian.Uint64(r.b[r.at:])
	r.at += 8
	return size, r.u64s()
}

// i32s returns s as int32s, in place.
func i32s(s []uint32) []int32 {
	if len(s) == 0 {
		return nil
	}
	return unsafe.Slice((*int32)(unsafe.Pointer(&s[0])), len(s))
}

// littleEndian: the machine stores numbers as the export does, so that
// Import may read its arrays in place.
var littleEndian = func() bool {
	x := uint16(1)
	return *(*byte)(unsafe.Pointer(&x)) == 1
}()
