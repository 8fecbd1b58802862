package match

import (
	"bytes"
	"errors"
	"strconv"
	"strings"

	"voile/shared/lang"
	"voile/shared/normalize"
	"voile/shared/rules"

	"voile/shared/internal/shortkey"
)

// A Hit is one match of one rule in a text.
type Hit struct {
	List, Rule int32 // indexes into Engine.Lists and that list's Rules
	// Start and End are the byte span of the match in the original text.
	Start, End int
	// Words are the normalised words [Words[0], Words[1]) the match
	// covers, in Matcher.Text.
	Words [2]int32
}

// pattern is what a sequence of words the automaton finds (a phrase)
// stands for. The phrases a pattern rule expands to, thousands for some,
// share one.
type pattern struct {
	list, rule int32
	exception  bool // an exception of the rule, not the rule itself
	lexicon    bool // of a target or predicate
	// naming: of a rule that names a group (a flagging rule or a
	// target). An exception of one such rule covers every other: the
	// innocent use of a word ("maine coon") is innocent whichever rule
	// lists the word, a slur or the same slur as a target.
	naming bool
}

// patOf returns the pattern of index p in e.kinds.
func (e *Engine) patOf(p int32) *pattern { return &e.kinds[p] }

// Engine is a compiled set of lists. It is immutable and safe for
// concurrent use; each goroutine matches with its own Matcher.
type Engine struct {
	Lists []*rules.List

	dict *wordTable // word key → word id (from 1)

	// The automaton (build.go): state 0 is where a phrase starts; root
	// holds its edges by word id, next the others.
	root []uint32  // word id → state after state 0, or 0
	next edgeTable // state and word id → state, for states other than 0
	// inner[id]: some state other than 0 has an edge by word id. Most
	// words of the dictionary start patterns or end them and lead nowhere
	// deeper: a step by one ends the runs under way without a look-up.
	inner []bool
	// The patterns (indexes in kinds) that end at state s are
	// outs[outAt[s]:outAt[s+1]], in the order of kinds. Most states have
	// none, and hasOut, a bitmap small enough to stay in cache, says so
	// without reading outAt.
	outAt  []uint32
	hasOut []uint64
	outs   []uint32
	kinds  []pattern
	depth  int // the most steps of a run: the longest path from state 0

	langOf []lang.Lang // word id → the language whose stopword it is (lang.go)
	covers [][]bool    // list, rule → written for every language guessLang can tell

	// Spelling variants of lexicon words (fuzzy.go).
	lexWord []uint8     // word id → lexPredicate, lexTarget, lexSlur and languages, or 0: no lexicon word
	words   []string    // word id → its key (dict's)
	fuzzy   *fuzzyIndex // nil when the lists have no lexicon
}

// Compile builds an Engine from lists that have passed validation.
func Compile(lists ...*rules.List) (*Engine, error) {
	e := &Engine{Lists: lists, dict: newWordTable(1024)}
	b := newBuilder(e)
	for li, l := range lists {
		for ri := range l.Rules {
			if err := b.addRule(li, ri); err != nil {
				return nil, errors.New("compile list " + strconv.Quote(l.ID) + " rule " + strconv.Quote(l.Rules[ri].ID) + ": " + err.Error())
			}
		}
	}
	b.addStopwords()
	b.addKnown(lists)
	b.determinise()
	e.markOutputs()
	b.fuzzy()
	e.buildLangOf()
	return e, nil
}

// Matcher matches texts against an Engine. It reuses its memory between
// calls and is not safe for concurrent use.
type Matcher struct {
	e    *Engine
	norm *normalize.Normalizer
	key  []byte
	alt  []byte
	trim []int32 // per word: leading bytes a Spelt variant dropped
	hits []Hit
	raw  []rawHit
	Text *normalize.Text // the last text matched, normalised
	src  string          // the last text matched, as written

	// One step of the automaton per word, or per part of a split word, or
	// per two joined words: where each starts, for the hits that start
	// there.
	steps       []stepStart
	runs        []run                // the automaton's runs under way, during a walk, oldest first
	before      []int32              // per word: how many raw hits the first walk had found before it
	del         []byte               // a deletion of a word (fuzzy.go)
	scratch     []byte               // a key findKeyOf built, for a variant's look-up
	pre, suf    []uint64             // hashes of a word's prefixes and suffixes (fuzzy.go)
	ids         []uint32             // per word: its id in the first walk
	near        []uint8              // per word: nearFrame, nearGlued or both (halfFrame)
	stars       bool                 // the text holds a '*'
	misses      *[missSlots]missSlot // words whose look-ups found nothing (variantNear)
	exceptions  bool                 // the walk found an exception: matches must be checked against it
	from, parts []int32              // segment's tables (fuzzy.go)
	seg         []uint32             // segment's words
	segAt       []int32              // and where each starts in the word, then its end
}

// A stepStart is where one step of a walk starts: its first word, and its
// first normalised byte.
type stepStart struct{ first, lo int32 }

// A run is one run of the automaton, begun at a step of the walk: its
// state, and the index in Matcher.steps of its first step.
type run struct {
	state uint32
	start int32
}

type rawHit struct {
	pat        int32
	first, end int32 // words [first, end)
	lo, hi     int32 // normalised bytes [lo, hi): part of a word split or read as several
}

// Knows reports whether the normalised word w is in the engine's
// dictionary: a word of a rule or an exception, a stopword, or a list's
// known word. A word the dictionary holds is never read as a spelling
// variant of another.
func (e *Engine) Knows(w string) bool {
	var buf []byte
	return e.dict.findKeyOf([]byte(w), &buf) != 0
}

// NewMatcher returns a Matcher for e.
func (e *Engine) NewMatcher() *Matcher {
	return &Matcher{e: e, norm: normalize.New()}
}

// Match returns the hits of every rule in text, in the order found. A match
// that lies inside a match of one of its rule's exceptions is left out, and
// so is the match of a rule written for other languages than the text's,
// when the text's language is clear. The result is valid until the next
// call.
func (m *Matcher) Match(text string) []Hit {
	e := m.e
	t := m.norm.Normalize(text)
	m.Text, m.src = t, text
	m.hits, m.raw = m.hits[:0], m.raw[:0]

	// A star inside a word stands for a letter, though what it leaves
	// on either side may be words ("k*ll": "k", "ll").
	m.stars = strings.IndexByte(text, '*') >= 0
	if unknown := m.walk(t); (unknown || m.stars) && e.fuzzy != nil && m.halfFrame() {
		m.rewalk(t)
	}
	m.exceptions = false
	for _, h := range m.raw {
		m.exceptions = m.exceptions || e.patOf(h.pat).exception
	}
	for _, h := range m.raw {
		p := e.patOf(h.pat)
		if p.exception || m.exceptions && m.excepted(p.list, p.rule, p.naming, int(t.Words[h.first].Start), int(t.Words[h.end-1].End)) {
			continue
		}
		start, end := t.Orig(int(h.lo), int(h.hi))
		m.addHit(Hit{List: p.list, Rule: p.rule, Start: start, End: end, Words: [2]int32{h.first, h.end}})
	}
	if len(m.hits) > 0 {
		m.dropOtherLanguages()
	}
	return m.hits
}

// NormHash returns the FNV-1a hash (64 bits) of the normalised text of
// the last Match, m.Text.Norm.
func (m *Matcher) NormHash() uint64 { return fnv1a(m.Text.Norm) }

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

// walk runs the automaton over the words of t into m.raw, and reports
// whether a word was not in the dictionary. It keeps, per word, the word's
// id and the raw hits found before it, from which rewalk resumes.
func (m *Matcher) walk(t *normalize.Text) (unknown bool) {
	n := len(t.Words)
	m.raw, m.steps, m.runs = m.raw[:0], m.steps[:0], m.runs[:0]
	m.trim, m.ids, m.before = resize(m.trim, n), resize(m.ids, n), resize(m.before, n)
	// The per-word tables, n long, so that their indexes need no checks.
	words, before, ids, trims := t.Words[:n], m.before[:n], m.ids[:n], m.trim[:n]
	for i := range n {
		before[i] = int32(len(m.raw))
		// lookup, whose first look-up finds most words, without a call.
		w := &words[i]
		id, trim := m.e.dict.findKeyOf(t.Norm[w.Start:w.End], &m.key), int32(0)
		if id == 0 && w.Flags != 0 {
			id, trim = m.lookup(t, i)
		}
		ids[i], trims[i] = id, trim
		unknown = unknown || id == 0
		m.step(id, i, i+1, w.Start+trim, w.End) // stepWords(t, id, i, i+1)
	}
	return unknown
}

// markOutputs fills e.hasOut from e.outAt.
func (e *Engine) markOutputs() {
	n := e.states()
	e.hasOut = make([]uint64, (n+63)/64)
	for s := range n {
		if e.outAt[s+1] > e.outAt[s] {
			e.hasOut[s/64] |= 1 << (s % 64)
		}
	}
}

// states returns the number of states of the automaton.
func (e *Engine) states() int { return len(e.outAt) - 1 }

// resize returns s with length n, reusing its array when it can; the
// elements are not cleared.
func resize[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n, 2*n)
	}
	return s[:n]
}

// rewalk walks t again, reading the unknown words that halfFrame marked
// near as spelling variants of lexicon words, split in two, or joined
// with the next. Up to the first such word that reads as anything, the
// second walk is the first one, so it resumes the first walk there
// (most often it finds none and costs only the variants' look-ups).
func (m *Matcher) rewalk(t *normalize.Text) {
	resumed := false
	for i := 0; i < len(t.Words); i++ {
		v := m.reread(t, i)
		if v.kind == noVariant {
			if resumed {
				m.stepWords(t, m.ids[i], i, i+1)
			}
			continue
		}
		if !resumed {
			// The first walk stepped once per word: i steps before word i.
			m.raw, m.steps = m.raw[:m.before[i]], m.steps[:i]
			m.replay(i)
			resumed = true
		}
		i = m.stepVariant(t, i, v)
	}
}

// replay sets m.runs to the runs of the first walk under way before word
// i. A run that began more than e.depth words before has ended, so the
// words from there are stepped again, by the ids the first walk found,
// with no hits: keeping every word's runs during the first walk cost
// more, in WebAssembly, than this for the posts that rewalk.
func (m *Matcher) replay(i int) {
	e := m.e
	runs := m.runs[:0]
	for k := max(0, i-e.depth); k < i; k++ {
		id := m.ids[k]
		if id == 0 {
			runs = runs[:0]
			continue
		}
		n := 0
		if e.inner[id] {
			for _, r := range runs {
				if s, ok := e.next.get(edgeKey(r.state, id)); ok {
					runs[n] = run{s, r.start}
					n++
				}
			}
		}
		runs = runs[:n]
		if s := e.root[id]; s != 0 {
			runs = append(runs, run{s, int32(k)})
		}
	}
	m.runs = runs
}

// reread returns what word i of t reads as in the second walk, or no
// variant: masked when a star joins it to the next (which both may be
// words: "k*ll"), joined to the next when it is known and its next word
// is unknown (a word split by spaces: "au tis tic"), and, unknown, what
// halfFrame marked it to be looked up as.
func (m *Matcher) reread(t *normalize.Text, i int) variant {
	if m.stars {
		if v := m.masked(t, i); v.kind == joined {
			return v
		}
	}
	if m.ids[i] != 0 {
		if i+1 < len(t.Words) && m.ids[i+1] == 0 && m.near[i+1]&^nearName != 0 {
			if v := m.joinedVariant(t, i, m.near[i+1]&(nearFrame|nearGlued) == 0); v.kind == joined {
				return v
			}
		}
		return variant{}
	}
	if m.near[i] == 0 || m.mention(t, i) {
		return variant{}
	}
	return m.variantNear(t, i)
}

// mention reports whether word i of t was written right after an '@': an
// account's name, whose words run together by design ("@naraBprettyass"
// is no "arab" + "pretty"), so not read as a misspelling.
func (m *Matcher) mention(t *normalize.Text, i int) bool {
	w := t.Words[i]
	s, _ := t.Orig(int(w.Start), int(w.End))
	return s > 0 && s <= len(m.src) && m.src[s-1] == '@'
}

// stepVariant steps the automaton over unknown word i of t read as v, and
// returns the index of the last word read: i, or the next word that v
// joined to it.
func (m *Matcher) stepVariant(t *normalize.Text, i int, v variant) int {
	w := t.Words[i]
	switch v.kind {
	case noVariant:
		m.stepWords(t, 0, i, i+1)
	case oneWord:
		m.stepWords(t, v.id, i, i+1)
	case twoWords:
		m.step(v.id0, i, i+1, w.Start, w.Start+int32(v.at))
		m.step(v.id, i, i+1, w.Start+int32(v.at), w.End)
	case segmented:
		for k, id := range m.seg {
			// The last part ends where the word does: the key it was read
			// from has no plural ending ("…dehors" is keyed "…dehor").
			end := w.End
			if k+1 < len(m.seg) {
				end = w.Start + m.segAt[k+1]
			}
			m.step(id, i, i+1, w.Start+m.segAt[k], end)
		}
	case joined:
		for k := i + 1; k < i+v.at; k++ {
			m.trim[k] = 0
		}
		m.stepWords(t, v.id, i, i+v.at)
		return i + v.at - 1
	}
	return i
}

// What an unknown word reads as, in the second walk.
type variant struct {
	kind    uint8
	id0, id uint32 // the word's id; for twoWords, the first's and the second's
	at      int    // for twoWords, where the second starts; for joined, how many words
}

// minJoined3Key is the length from which a lexicon word is looked for in
// three words joined: shorter, three short words make one too often.
const minJoined3Key = 7

// minJoinedUnknown is the length from which a lexicon word is looked for
// in two words that are both unknown: a word broken by a space.
const minJoinedUnknown = 3

const (
	noVariant uint8 = iota
	oneWord         // an inflection or a spelling variant of a lexicon word: id
	twoWords        // split in two: id0 (0 for a single letter) and id, at
	segmented       // several words run together: m.seg, m.segAt
	joined          // with the next one or two words (at in all), a lexicon word: id
)

// variantNear returns what unknown word i of t, which halfFrame marked,
// reads as: any variant within reach of half a frame; elsewhere, a long
// word read as a statement run together or two words joined
// ("ihatemuslims", "musliminvaders"), and a word of a post where nothing
// of a group was found read as a group's name misspelt ("blck"), the only
// variants that need no frame around them. Most long words are words of
// the language that no lexicon holds (« bibliothèque », "neighbourhood";
// three posts of four of a feed have one), whose other variants' look-ups
// found nothing: 3 % of the instructions of a feed's post (valgrind, the
// bench's feed posts).
func (m *Matcher) variantNear(t *normalize.Text, i int) variant {
	if m.near[i]&nearFrame != 0 {
		return m.variant(t, i)
	}
	if m.near[i] == nearSplit {
		// A short word: only its join to the next, which no miss of
		// the word alone can rule out.
		return m.joinedVariant(t, i, true)
	}
	m.key = appendKey(m.key[:0], t.WordText(i))
	if len(m.key) > maxFuzzyKey {
		return variant{}
	}
	// The look-ups this word was met with before, and found nothing.
	var slot *missSlot
	if k, ok := shortkey.Of(m.key); ok {
		if m.misses == nil {
			m.misses = new([missSlots]missSlot)
		}
		slot = &m.misses[missSlotOf(k)]
		if slot.key != k {
			*slot = missSlot{key: k}
		}
		if slot.none&m.near[i] == m.near[i] {
			return variant{}
		}
	}
	miss := func(kind uint8) {
		if slot != nil {
			slot.none |= kind
		}
	}
	m.rollHashes(m.key)
	cut := len(t.WordText(i)) - len(m.key)
	if m.near[i]&nearName != 0 && (slot == nil || slot.none&nearName == 0) {
		if m.mayName(m.key) {
			if id := m.fuzzyLookup(m.key, cut); id != 0 && m.e.lexWord[id]&(lexTarget|lexSlur) != 0 {
				return variant{kind: oneWord, id: id}
			}
		}
		// A group's name run into a predicate's word before it ("I
		// hatewomen") or into a stopword after it ("girlsare", « lesgays »
		// is a stopword and a name), in a word too short to be read as
		// several words in general (nearGlued). Not a name then another
		// word: it starts too many compounds ("coonskin", "SlutWalk",
		// "RefugeesWelcome").
		if a, b, at := m.split(m.key, cut); b != 0 && a != 0 && (m.e.lexWord[b]&lexTarget != 0 && m.e.lexWord[a]&(lexPredicate|lexTarget) == lexPredicate ||
			m.e.lexWord[a]&lexTarget != 0 && m.e.langOf[b] != lang.None) {
			return variant{kind: twoWords, id0: a, id: b, at: at}
		}
		if a, b, at := m.splitName(m.key, cut); b != 0 {
			return variant{kind: twoWords, id0: a, id: b, at: at}
		}
		if v := m.caseSplit(t, i); v.kind != noVariant {
			return v
		}
		miss(nearName)
	}
	if m.near[i]&nearSplit != 0 && (slot == nil || slot.none&nearSplit == 0) {
		if v := m.joinedVariant(t, i, true); v.kind == joined {
			return v
		}
		// Not remembered as a miss: the join depends on the next word.
	}
	if m.near[i]&nearGlued != 0 && (slot == nil || slot.none&nearGlued == 0) {
		if a, b, at := m.split(m.key, cut); b != 0 {
			return variant{kind: twoWords, id0: a, id: b, at: at}
		}
		if ids := m.segment(m.key); ids != nil {
			return variant{kind: segmented}
		}
		miss(nearGlued)
	}
	return variant{}
}

// missSlots is the number of words a Matcher remembers the fruitless
// look-ups of: the words of a language recur from post to post
// ("everything", « aujourd'hui »), and looking a word up again as words
// run together, or as a group's name misspelt, costs hash probes of
// bitmaps for every pair of its letters or every letter.
const (
	missBits  = 10
	missSlots = 1 << missBits
)

// A missSlot is a word and the look-ups (nearGlued, nearName) that found
// nothing for it.
type missSlot struct {
	key  shortkey.Key
	none uint8
}

// missSlotOf returns where the word of key k stands in Matcher.misses.
func missSlotOf(k shortkey.Key) int {
	return int((k.Lo*0x9e3779b97f4a7c15 ^ k.Hi*0xbf58476d1ce4e5b9 ^ k.N) >> (64 - missBits))
}

// variant returns what unknown word i of t reads as.
func (m *Matcher) variant(t *normalize.Text, i int) variant {
	// A spelling variant before an inflection: "foreignners" is
	// "foreigners" misspelt, not "foreign" + "-ers" with its doubled
	// consonant undone.
	w := t.WordText(i)
	// A plural ending doubled ("migrantss"), which the key keeps, as it
	// keeps the ss of "class".
	if n := len(w); n > minAddedKey && w[n-1] == 's' && w[n-2] == 's' {
		if id := m.e.dict.findKeyOf(w[:n-1], &m.scratch); id != 0 && m.e.lexWord[id]&lexPredicate != 0 {
			return variant{kind: oneWord, id: id}
		}
		// and misspelt too: "refugess" is "refuges", "refugees" with
		// a letter dropped.
		m.key = appendKey(m.key[:0], w[:n-1])
		if id := m.fuzzyLookup(m.key, n-1-len(m.key)); id != 0 && m.e.lexWord[id]&lexTarget != 0 {
			return variant{kind: oneWord, id: id}
		}
	}
	m.key = appendKey(m.key[:0], w)
	cut := len(w) - len(m.key)
	if id := m.fuzzyLookup(m.key, cut); id != 0 {
		return variant{kind: oneWord, id: id}
	}
	if id := m.inflected(t.WordText(i)); id != 0 {
		return variant{kind: oneWord, id: id}
	}
	m.key = appendKey(m.key[:0], t.WordText(i)) // inflected wrote over it
	if a, b, at := m.split(m.key, cut); b != 0 {
		return variant{kind: twoWords, id0: a, id: b, at: at}
	}
	m.rollHashes(m.key)
	if a, b, at := m.splitName(m.key, cut); b != 0 {
		return variant{kind: twoWords, id0: a, id: b, at: at}
	}
	if v := m.caseSplit(t, i); v.kind != noVariant {
		return v
	}
	if ids := m.segment(m.key); ids != nil {
		return variant{kind: segmented}
	}
	// Letters replaced on purpose rather than by mistake: a z for an s
	// ("muzlims", « muzulmans »), a v for a u ("mvslims"), a capital I
	// for an l ("musIims", which lower-cases to "musiims").
	for _, r := range [...]struct{ from, to byte }{{'z', 's'}, {'v', 'u'}, {'i', 'l'}} {
		if bytes.IndexByte(m.key, r.from) < 0 {
			continue
		}
		m.alt = append(m.alt[:0], m.key...)
		n := 0
		for k, c := range m.alt {
			if c == r.from && (r.from != 'i' || m.capitalI(t, i, k)) {
				m.alt[k] = r.to
				n++
			}
		}
		if n == 0 {
			continue
		}
		if id := m.e.dict.findKeyOf(m.alt, &m.scratch); id != 0 && m.e.lexWord[id]&lexPredicate != 0 {
			return variant{kind: oneWord, id: id}
		}
		if id := m.fuzzyLookup(m.alt, cut); id != 0 {
			return variant{kind: oneWord, id: id}
		}
	}
	return m.joinedVariant(t, i, false)
}

// masked returns what word i of t and the next read as when a star
// stands between them for one letter ("k*kes", "J*ws", « j*ifs »): the
// lexicon word they spell with a letter in its place, looked up once for
// each letter.
func (m *Matcher) masked(t *normalize.Text, i int) variant {
	if i+1 >= len(t.Words) {
		return variant{}
	}
	w, x := t.Words[i], t.Words[i+1]
	_, end := t.Orig(int(w.Start), int(w.End))
	start, _ := t.Orig(int(x.Start), int(x.End))
	if start != end+1 || end >= len(m.src) || m.src[end] != '*' {
		return variant{}
	}
	a := t.WordText(i)
	m.alt = append(append(append(m.alt[:0], a...), '?'), t.WordText(i+1)...)
	found := uint32(0)
	for c := byte('a'); c <= 'z'; c++ {
		m.alt[len(a)] = c
		id := m.e.dict.findKeyOf(m.alt, &m.key)
		if id == 0 || m.e.lexWord[id]&lexPredicate == 0 {
			continue
		}
		// A group's name or a slur is what a star hides, sooner than a
		// predicate ("n*ggers" is no "naggers").
		if m.e.lexWord[id]&lexTarget != 0 {
			return variant{kind: joined, id: id, at: 2}
		}
		if found == 0 {
			found = id
		}
	}
	if found != 0 {
		return variant{kind: joined, id: found, at: 2}
	}
	return variant{}
}

// caseSplit returns word i of t read as two words where, as written, a
// capital follows a lower-case letter ("opinionJews", "NoArab"): a space
// dropped before a name, the second word. The first may be any word of
// two letters or more; a name of more than one capital is another's
// spelling ("McDonald", "iPhone" name no group).
func (m *Matcher) caseSplit(t *normalize.Text, i int) variant {
	text := t.WordText(i)
	for k := 2; k+minJoinedName <= len(text); k++ {
		if c := m.capitalAfterLower(t, i, k); c < 'A' || c > 'Z' {
			continue
		}
		b := m.e.dict.findKeyOf(text[k:], &m.scratch)
		if b == 0 || m.e.lexWord[b]&(lexTarget|lexSlur) != lexTarget {
			return variant{}
		}
		return variant{kind: twoWords, id0: m.e.dict.findKeyOf(text[:k], &m.scratch), id: b, at: k}
	}
	return variant{}
}

// capitalI reports whether byte k of word i of t was written as a capital
// I after a lower-case letter of the same word ("musIims"): in many fonts
// it cannot be told from an l.
func (m *Matcher) capitalI(t *normalize.Text, i, k int) bool {
	return m.capitalAfterLower(t, i, k) == 'I'
}

// capitalAfterLower returns the byte that byte k of word i of t was
// written as, when that is one byte after a lower-case ASCII letter of
// the same word ("musIims", "opinionJews"), else 0.
func (m *Matcher) capitalAfterLower(t *normalize.Text, i, k int) byte {
	w := t.Words[i]
	at := int(w.Start) + k
	if k == 0 || at >= int(w.End) {
		return 0
	}
	s, e := t.Orig(at, at+1)
	p, _ := t.Orig(at-1, at)
	if e != s+1 || e > len(m.src) || p >= len(m.src) || m.src[p] < 'a' || m.src[p] > 'z' {
		return 0
	}
	return m.src[s]
}

// joinedVariant returns what word i of t reads as joined to the next one
// or two, if that makes a lexicon word: two or three words make a key no
// longer than they are together ("immi grants", "au tis tic"). With
// names, only a group's name or a slur of two words. A star between them
// is read before (reread: masked).
func (m *Matcher) joinedVariant(t *normalize.Text, i int, names bool) variant {
	for n := 2; n <= 3 && i+n <= len(t.Words); n++ {
		if names && n == 3 {
			break
		}
		m.alt = m.alt[:0]
		for k := i; k < i+n; k++ {
			m.alt = append(m.alt, t.WordText(k)...)
		}
		// Two words that are no words make a short one too ("g ay", "fa
		// g"); a word and another make one only from minAddedKey letters,
		// or a name of minJoinedName as written ("je ws", "ro ma").
		least := minAddedKey
		if n == 2 && m.ids[i] == 0 && m.ids[i+1] == 0 {
			least = minJoinedUnknown
		}
		if len(m.alt) < min(least, minJoinedName) || n == 3 && len(m.alt) < minJoined3Key {
			continue
		}
		id := m.e.dict.findKeyOf(m.alt, &m.key)
		if id == 0 || m.e.lexWord[id]&lexPredicate == 0 && m.e.lexWord[id]&lexSlur == 0 {
			continue
		}
		name := n == 2 && m.e.lexWord[id]&(lexTarget|lexSlur) != 0 && len(m.alt) >= minJoinedName
		if name || !names && m.e.lexWord[id]&lexPredicate != 0 && len(m.alt) >= least && len(m.e.words[id]) >= least && (n == 2 || len(m.e.words[id]) >= minJoined3Key) {
			return variant{kind: joined, id: id, at: n}
		}
	}
	return variant{}
}

// minJoinedName is the length, as written, of a group's name or a slur
// read in two words that are not both unknown ("je ws", "ro ma").
const minJoinedName = 4

// stepWords steps the automaton by word id over the words [first, end)
// of t.
func (m *Matcher) stepWords(t *normalize.Text, id uint32, first, end int) {
	m.step(id, first, end, t.Words[first].Start+m.trim[first], t.Words[end-1].End)
}

// step steps the automaton by word id, read from the words [first, end)
// or part of one: the normalised bytes [lo, hi). Each run under way takes
// the edge by id, or ends; a new run begins at this step. Word id 0,
// which no pattern holds, ends every run.
func (m *Matcher) step(id uint32, first, end int, lo, hi int32) {
	m.steps = append(m.steps, stepStart{first: int32(first), lo: lo})
	e := m.e
	runs := m.runs
	// Before most words no run is under way: then nothing is written
	// unless a run begins (root[0] is 0).
	if len(runs) > 0 {
		if id == 0 {
			m.runs = runs[:0]
			return
		}
		n := 0
		if e.inner[id] {
			// Oldest first: the hits of a step come longest first.
			for _, r := range runs {
				if k := edgeKey(r.state, id); e.next.may(k) {
					if s, ok := e.next.probe(k); ok {
						runs[n] = run{s, r.start}
						n++
						if e.hasOut[s/64]&(1<<(s%64)) != 0 {
							m.output(s, r.start, end, hi)
						}
					}
				}
			}
		}
		runs = runs[:n]
		m.runs = runs
	}
	if s := e.root[id]; s != 0 {
		start := int32(len(m.steps) - 1)
		m.runs = append(runs, run{s, start})
		if e.hasOut[s/64]&(1<<(s%64)) != 0 {
			m.output(s, start, end, hi)
		}
	}
}

// output adds the raw hits of the patterns that end at state s, for a
// run begun at step start, after the step that read up to word end and
// normalised byte hi.
func (m *Matcher) output(s uint32, start int32, end int, hi int32) {
	e := m.e
	from := m.steps[start]
	for _, k := range e.outs[e.outAt[s]:e.outAt[s+1]] {
		// Written field by field: a rawHit built on the stack and copied
		// in stalls the copy's wide loads (see normalize's fast path).
		m.raw = append(m.raw, rawHit{})
		r := &m.raw[len(m.raw)-1]
		r.pat, r.first, r.end, r.lo, r.hi = int32(k), from.first, int32(end), from.lo, hi
	}
}

// markNear marks the words within variantReach of hit h, of a text of n
// words, as worth looking up as variants.
func (m *Matcher) markNear(h rawHit, n int32) {
	for w := max(0, h.first-variantReach); w < min(n, h.end+variantReach); w++ {
		m.near[w] |= nearFrame
	}
}

// halfFrame reports whether a second walk should look up variants, and
// marks in m.near the words it looks up and as what. The walk found half
// a frame, a target and no predicate or a predicate (not a positive one)
// and no target: the words within reach of those halves (variantReach
// words on either side) are looked up as any variant. It found both: the
// long unknown words within reach are looked up as groups' names only. It
// found no target: the post's unknown words are also looked up as
// groups' names wherever they stand, since a pronoun may point back to
// one ("autstic ppl … cant stand them").
func (m *Matcher) halfFrame() bool {
	var target, predicate, positive, negation bool
	n := int32(len(m.Text.Words))
	m.near = resize(m.near, int(n))
	clear(m.near)
	exceptions := false
	for _, h := range m.raw {
		exceptions = exceptions || m.e.patOf(h.pat).exception
	}
	words := m.Text.Words
	for _, h := range m.raw {
		p := m.e.patOf(h.pat)
		if !p.lexicon {
			if r := &m.e.Lists[p.list].Rules[p.rule]; r.Role == rules.Cue && (r.Class == rules.Negation || r.Class == rules.Inability) {
				negation = true
			}
			continue
		}
		r := &m.e.Lists[p.list].Rules[p.rule]
		switch {
		case r.Role == rules.Target:
			// A target its exception covers is no group ("ma fille"),
			// and the group may be named misspelt elsewhere.
			if exceptions && m.excepted(p.list, p.rule, p.naming, int(words[h.first].Start), int(words[h.end-1].End)) {
				continue
			}
			target = true
		case r.Class == rules.Positive:
			// "good", "worth it": in most posts, said of anything but a
			// group; a misspelt group beside one is worth a second walk
			// only where a negation may turn it ("wmoen are not as
			// smart"), below.
			positive = true
			continue
		default:
			predicate = true
		}
		m.markNear(h, n)
	}
	if positive && negation && !target {
		for _, h := range m.raw {
			if p := m.e.patOf(h.pat); p.lexicon && m.e.Lists[p.list].Rules[p.rule].Class == rules.Positive {
				m.markNear(h, n)
				predicate = true
			}
		}
	}
	// A long unknown word may be a whole statement run together
	// ("ihatemuslims"): it is looked up as words run together. A post
	// that names no group and says nothing of one may name it misspelt
	// ("blck people just don't want to work"): its unknown words are
	// looked up as variants of a group's name, for the model.
	glued, named := false, false
	alone := !target
	for i, id := range m.ids {
		if id != 0 {
			continue
		}
		size := words[i].End - words[i].Start
		if size >= minSegmentKey {
			m.near[i] |= nearGlued
			glued = true
		}
		if alone && size >= minDroppedTarget-1 {
			m.near[i] |= nearName
			named = true
		}
		// Or a longer one before another unknown word: a name or a slur
		// broken by a space into two words that are none (« bougn
		// oule », « tapet tes »).
		if alone && (size <= maxSplitPart || size <= maxSplitPairPart && i+1 < len(m.ids) && m.ids[i+1] == 0) {
			m.near[i] |= nearSplit
			named = true
		}
	}
	if target && predicate {
		// The frames are whole, yet a group's name misspelt beside a
		// predicate may be the statement's subject, the group found the
		// object of a negation ("Les lesbiiennes sont des bêtes de foire,
		// pas des femmes"). Only names are looked up there: other
		// variants of words around whole frames read more noise than
		// statements (a hashtag split into praise, a misspelt verb read
		// as a cue), and short words are too often another word read as a
		// name (« je les noie », not « noire »).
		named = false
		for i, id := range m.ids {
			if m.near[i]&nearFrame != 0 && id == 0 && words[i].End-words[i].Start >= minDroppedKey {
				m.near[i] = nearName
				named = true
			} else {
				m.near[i] = 0
			}
		}
		return named || m.stars
	}
	return target || predicate || glued || named || m.stars
}

// What halfFrame marks a word for: within reach of half a frame, long
// enough to be words run together, or in a post where nothing of a group
// was found.
const (
	nearFrame uint8 = 1 << iota
	nearGlued
	nearName
	// nearSplit: a short unknown word in a post that names no group,
	// which may be part of a name broken by a space ("bl ack", "je ws"):
	// joined to its neighbour, it is looked up as a name only.
	nearSplit
)

// maxSplitPart is the longest unknown word nearSplit marks: a name broken
// in two has a short part, and most short words are known ones.
const maxSplitPart = 3

// maxSplitPairPart is the longest unknown word nearSplit marks before
// another unknown word.
const maxSplitPairPart = 6

// variantReach is how far from a lexicon word the second walk looks up
// variants: as far as a frame's parts may stand apart.
const variantReach = 10

// addHit adds h, or merges it with a hit of the same rule that holds it or
// that it holds:
// a pattern expanded into phrases matches "kill you" and "kill you all" at
// once, and the reader should see one reason.
func (m *Matcher) addHit(h Hit) {
	for i := range m.hits {
		g := &m.hits[i]
		if g.List == h.List && g.Rule == h.Rule && (g.Start <= h.Start && h.End <= g.End || h.Start <= g.Start && g.End <= h.End) {
			g.Start, g.End = min(g.Start, h.Start), max(g.End, h.End)
			g.Words = [2]int32{min(g.Words[0], h.Words[0]), max(g.Words[1], h.Words[1])}
			return
		}
	}
	m.hits = append(m.hits, h)
}

// excepted reports whether an exception covers the normalised bytes
// [start, end) of a match of a rule: an exception of the rule itself, or,
// for a rule that names a group, of any rule that does.
func (m *Matcher) excepted(list, rule int32, naming bool, start, end int) bool {
	for _, x := range m.raw {
		q := m.e.patOf(x.pat)
		if q.exception && (q.list == list && q.rule == rule || naming && q.naming) &&
			int(m.Text.Words[x.first].Start) <= start && end <= int(m.Text.Words[x.end-1].End) {
			return true
		}
	}
	return false
}

// lookup returns the word id of word i of t, or 0. A word in which the
// normaliser had to guess is looked up with each other guess too.
// It also returns how many leading bytes the matching variant dropped.
func (m *Matcher) lookup(t *normalize.Text, i int) (id uint32, trim int32) {
	if id := m.e.dict.findKeyOf(t.WordText(i), &m.key); id != 0 {
		return id, 0
	}
	f := t.Words[i].Flags
	for v := f; v != 0; v = (v - 1) & f { // every non-empty subset of f
		m.alt = t.Variant(m.alt[:0], i, v)
		if id := m.e.dict.findKeyOf(m.alt, &m.key); id != 0 {
			if v&normalize.Spelt != 0 {
				trim = 1
			}
			return id, trim
		}
	}
	return 0, 0
}

func (m *Matcher) find(key []byte) uint32 { return m.e.dict.find(key) }

// appendKey appends the dictionary key of a normalised word: the word
// without a plural ending, so that terms match their plurals: a final s or
// x goes, and ies becomes y. Short words and words ending in ss keep theirs
// (bus, kiss).
func appendKey(dst, w []byte) []byte {
	n := len(w)
	switch {
	case n >= 5 && w[n-3] == 'i' && w[n-2] == 'e' && w[n-1] == 's':
		return append(append(dst, w[:n-3]...), 'y')
	case n >= 4 && (w[n-1] == 's' || w[n-1] == 'x') && w[n-2] != 's':
		w = w[:n-1]
	}
	return append(dst, w...)
}
