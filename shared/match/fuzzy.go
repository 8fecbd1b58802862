package match

import (
	"math/bits"
	"slices"

	"voile/shared/lang"
)

// Spelling variants. Hateful posts misspell on purpose or by haste:
// "muslms", "mulsims", "ihate", "mus lims". Words of targets and
// predicates (the lexicons) are also found with one letter dropped, one
// letter added or two neighbouring letters swapped, when long enough that
// such a change rarely makes another word, and a word may be split in two
// or two words joined where that yields lexicon words. The one word of a
// flagging rule (a slur) has only the variants that seldom make another
// word: two letters swapped, one doubled (lexSlur). A letter replaced
// by another is not a variant: too many ordinary words are one letter away
// from another ("block", "black"). Nor is a first letter dropped or added
// (a doubled one excepted): haste and disguise change the inside of a
// word, and the first letter is what tells many words apart ("kills",
// "skills"; "slaughter", "laughter"; "scum", "cum").
//
// The variants are looked up in a second walk only (halfFrame says
// which words, and as what): near half a frame, a target and no predicate
// or a predicate and no target, as any variant; near whole frames, long
// unknown words as groups' names only. A post in which the first walk
// found no group has its unknown words looked up as groups' names or
// slurs, for the model, which reads a group's name as the group ("blck
// people just don't want to work"), its short unknown words joined to
// the next as names ("bl ack"), and names run together with a stopword
// or after a case break split ("ofrefugees", "opinionJews"): a few hash
// probes of a small bitmap rule out most words (mayName), and a Matcher
// remembers the words it found to be none (variantNear). A list of
// flagging words alone now has these look-ups too, its words being
// slurs: a second walk for every post that names no group.

// How long a lexicon word must be for each variant: a swap of two
// neighbours rarely makes another word, even of a short one ("jwe",
// "gya"); a letter dropped often does ("beast", "best"), so only long
// words have that variant; a letter added may be a doubled one ("romma",
// "gaay", "jeww") on a shorter word than any other letter, since a
// doubled letter rarely makes another word.
const (
	minSwapKey    = 3
	minDoubledKey = 3
	minAddedKey   = 5
	minDroppedKey = 6
	// A group's name of five letters as written may lose one too
	// ("wmen", "blck", "trns"), read only near a predicate (the second
	// walk); other five-letter words may not ("cook" is no "crook"), and
	// a word the lists hold ("back") is never read as another.
	minDroppedTarget = 5
	minSplitPart     = 3 // a lexicon word split from another is at least this long
	minSplitKey      = 5 // words at least this long may be split in two
	minSegmentLex    = 4 // the lexicon word of a word read as several run together
)

// The kinds of lexicon word, bits of Engine.lexWord; the bits above them
// are the languages of the rules the word is in (lexLang).
const (
	lexPredicate uint8 = 1 << iota // a word of a predicate (or of a target)
	lexTarget                      // a word of a target
	// lexSlur: the one word of a flagging rule ("gouines", "romanos").
	// A slur alone flags a post, wherever it stands, so it has only the
	// variants that seldom make another word: two letters swapped, one
	// doubled. Dropped, added, split or joined, short slurs read names
	// and ordinary words ("Sheen", "booing", "Honey").
	lexSlur = 1 << 7
)

// lexLang returns the bit of Engine.lexWord that says a word is in a rule
// written for language l.
func lexLang(l lang.Lang) uint8 { return 4 << l }

// fuzzyIndex maps each one-letter deletion of the lexicon's words to the
// ids of the words it comes from. Most lookups miss, and bitmaps answer
// those without building the deletion or hashing it again: a polynomial
// hash gives every deletion and every split of a word from its prefix and
// suffix hashes in constant time each (rollHashes). The deletions are
// found by that hash too, in a table whose candidates are checked
// (isDeletion): a string key would be hashed again.
type fuzzyIndex struct {
	// Two bitmaps of hashes in one, so that one read answers both: for
	// the hash that selects pair j, bit 2j says some dictionary key has
	// it, bit 2j+1 some deletion.
	bits []uint64
	// The deletions' table, open-addressed: delKeys[s] is a deletion's
	// hash (|1, so never 0, which marks an empty slot), and the words it
	// may come from are delIDs[delAt[s]:delAt[s]+delLen[s]], in id order.
	delKeys       []uint64
	delAt, delLen []uint32
	delIDs        []uint32
	delShift      uint8

	// names has the hashes of the groups' names (the keys of target
	// words) and of their deletions, in nameBits bits: small enough to
	// stay near, so that the words of a post that names no group
	// cost a few probes each to tell that none is a group's name misspelt
	// (mayName). Made from the dictionary, not kept in an image.
	names []uint64
}

// nameBits is log2 of the number of hash values fuzzyIndex.names tells
// apart: 2^19 (64 KiB). The starter lists' thousand names and their 7,000
// deletions set 1.4 % of them, so that a word of six letters, seven
// probes, passes for a name one time in eleven (with 2^16, one in two).
const nameBits = 19

func nameBit(h uint64) (word, bit uint64) {
	h = (h ^ h>>29) * 0xbf58476d1ce4e5b9 >> (64 - nameBits)
	return h / 64, h % 64
}

// markNames fills f.names from the dictionary's words and their kinds.
func (f *fuzzyIndex) markNames(words []string, lexWord []uint8) {
	f.names = make([]uint64, (1<<nameBits)/64)
	var buf []byte
	set := func(h uint64) {
		w, b := nameBit(h)
		f.names[w] |= 1 << b
	}
	for id := 1; id < len(words); id++ {
		key := words[id]
		if lexWord[id]&(lexTarget|lexSlur) == 0 || len(key) > maxFuzzyKey {
			continue
		}
		set(roll([]byte(key)))
		for i := range len(key) {
			buf = append(append(buf[:0], key[:i]...), key[i+1:]...)
			set(roll(buf))
		}
	}
}

// mayName reports whether key, whose hashes rollHashes put in m.pre and
// m.suf, may be a variant of a group's name: it is a deletion of a name,
// or one of its own deletions is a name or a name's deletion (a letter
// added, two swapped). It is false for most words, and fuzzyLookup then
// need not run.
func (m *Matcher) mayName(key []byte) bool {
	f, n := m.e.fuzzy, len(key)
	has := func(h uint64) bool {
		w, b := nameBit(h)
		return f.names[w]>>b&1 != 0
	}
	if has(m.pre[n]) {
		return true
	}
	for i := range n {
		if has(m.pre[i]*rollPow[n-1-i] + m.suf[i+1]) {
			return true
		}
	}
	return false
}

// maxFuzzyKey bounds the words whose variants are looked up.
const maxFuzzyKey = 48

// rollBase is the base of the polynomial hash, and rollPow its powers.
const rollBase = 1_000_003

var rollPow = func() (p [maxFuzzyKey + 1]uint64) {
	p[0] = 1
	for i := 1; i < len(p); i++ {
		p[i] = p[i-1] * rollBase
	}
	return p
}()

// roll returns the polynomial hash of b: Σ (b[j]+1)·base^(n-1-j).
func roll(b []byte) uint64 {
	var h uint64
	for _, c := range b {
		h = h*rollBase + uint64(c) + 1
	}
	return h
}

// bitmapBits is the number of hash values the bitmaps tell apart: 2^20
// (256 KiB for both), a few percent of false positives for the largest
// lists.
const bitmapBits = 1 << 20

// pair returns the word of f.bits and the shift of the pair of bits of h.
func pair(h uint64) (word, shift uint64) {
	h = (h ^ h>>29) * 0xbf58476d1ce4e5b9 >> (64 - 20) // 20 bits: bitmapBits
	return h / 32, 2 * (h % 32)
}

// has returns whether some dictionary key, and some deletion of a lexicon
// word, may have the hash h.
func (f *fuzzyIndex) has(h uint64) (key, del bool) {
	w, sh := pair(h)
	b := f.bits[w] >> sh
	return b&1 != 0, b&2 != 0
}

func (f *fuzzyIndex) isKey(h uint64) bool {
	w, sh := pair(h)
	return f.bits[w]>>sh&1 != 0
}

func (f *fuzzyIndex) isDel(h uint64) bool {
	w, sh := pair(h)
	return f.bits[w]>>sh&2 != 0
}

// newFuzzyIndex returns the index of the dictionary words (by id, from 1)
// and of the deletions of its lexicon words.
func newFuzzyIndex(words []string, lexWord []uint8) *fuzzyIndex {
	f := &fuzzyIndex{bits: make([]uint64, 2*bitmapBits/64)}
	for _, k := range words[1:] {
		w, sh := pair(roll([]byte(k)))
		f.bits[w] |= 1 << sh
	}
	// Every deletion's hash and word, in id order, each word once per
	// deletion (a doubled letter gives one deletion twice).
	var dels []del
	var buf []byte
	for id := uint32(1); id < uint32(len(words)); id++ {
		key := words[id]
		if lexWord[id] == 0 || len(key) < minSwapKey || len(key) > maxFuzzyKey {
			continue
		}
		dels, buf = f.deletions(dels, buf, key, id)
	}
	// The table holds each hash once: sized by the distinct hashes, not
	// by the (hash, word) pairs, it is half as large for the starter
	// lists, and so is its part of the start-up cache. Up to three
	// quarters full, as the transitions' table: it is read only for the
	// words no list knows, and at half full the starter lists' 37,000
	// hashes took 131,072 slots (2 MB of the image) where 65,536 hold them.
	// The hashes are sorted alone, and the ids then placed in id order:
	// sorting the (hash, id) pairs was a sixth of compiling the starter
	// lists.
	hs := make([]uint64, len(dels))
	for i, d := range dels {
		hs[i] = d.h
	}
	slices.Sort(hs)
	distinct := 0
	for i := range hs {
		if i == 0 || hs[i] != hs[i-1] {
			distinct++
		}
	}
	size := fullTableSize(distinct)
	f.delKeys, f.delAt, f.delLen = make([]uint64, size), make([]uint32, size), make([]uint32, size)
	f.delShift = uint8(64 - bits.TrailingZeros(uint(size)))
	// Each hash's ids, in the order of the hashes; a deletion at two
	// places of one word ("ss") was made once (above).
	for i, h := range hs {
		s := f.delSlot(h)
		if f.delKeys[s] == 0 {
			f.delKeys[s], f.delAt[s] = h, uint32(i)
		}
		f.delLen[s]++
	}
	f.delIDs = make([]uint32, len(dels))
	filled := make([]uint32, size)
	for _, d := range dels {
		s := f.delSlot(d.h)
		f.delIDs[f.delAt[s]+filled[s]] = d.id
		filled[s]++
	}
	f.markNames(words, lexWord)
	return f
}

// del is a deletion of a lexicon word: its hash (|1), and the word's id.
type del struct {
	h  uint64
	id uint32
}

// deletions appends to dels the deletions of word id, whose key is key,
// each once, and marks them in f.bits. A call per word, not one loop over
// all: see subsets.expand.
func (f *fuzzyIndex) deletions(dels []del, buf []byte, key string, id uint32) ([]del, []byte) {
	for i := range len(key) {
		buf = append(append(buf[:0], key[:i]...), key[i+1:]...)
		h := roll(buf)
		w, sh := pair(h)
		f.bits[w] |= 2 << sh
		d := del{h | 1, id}
		if n := len(dels); n == 0 || dels[n-1] != d {
			dels = append(dels, d)
		}
	}
	return dels, buf
}

// delSlot returns the slot of the deletions' table that holds hash h
// (|1), or the empty slot where it would go.
func (f *fuzzyIndex) delSlot(h uint64) uint64 {
	mask := uint64(len(f.delKeys) - 1)
	for i := h * 0x9e3779b97f4a7c15 >> f.delShift; ; i = (i + 1) & mask {
		if k := f.delKeys[i]; k == h || k == 0 {
			return i
		}
	}
}

// deletedFrom returns the ids of the lexicon words that may have a
// deletion of hash h: the callers check each with isDeletion.
func (f *fuzzyIndex) deletedFrom(h uint64) []uint32 {
	s := f.delSlot(h | 1)
	return f.delIDs[f.delAt[s] : f.delAt[s]+f.delLen[s]]
}

// isDeletion reports whether d is w without one of its bytes.
func isDeletion(d []byte, w string) bool {
	if len(w) != len(d)+1 {
		return false
	}
	i := 0
	for i < len(d) && d[i] == w[i] {
		i++
	}
	return string(d[i:]) == w[i+1:]
}

// rollHashes fills m.pre and m.suf with the hashes of key's prefixes and
// suffixes: pre[i] = roll(key[:i]), suf[i] = roll(key[i:]). The hash of
// key without its letter i is then pre[i]·base^(n-1-i) + suf[i+1].
func (m *Matcher) rollHashes(key []byte) {
	n := len(key)
	m.pre, m.suf = m.pre[:0], m.suf[:0]
	m.pre = append(m.pre, 0)
	for i, c := range key {
		m.pre = append(m.pre, m.pre[i]*rollBase+uint64(c)+1)
	}
	if cap(m.suf) < n+1 {
		m.suf = make([]uint64, n+1)
	}
	m.suf = m.suf[:n+1]
	m.suf[n] = 0
	for i := n - 1; i >= 0; i-- {
		m.suf[i] = (uint64(key[i])+1)*rollPow[n-1-i] + m.suf[i+1]
	}
}

// fuzzyLookup returns the id of the lexicon word that key is a variant of,
// or 0. cut is how many letters of the word as written its key left off
// (appendKey: the plural ending).
func (m *Matcher) fuzzyLookup(key []byte, cut int) uint32 {
	e, f := m.e, m.e.fuzzy
	n := len(key)
	if n < min(minSwapKey, minSplitKey) || n > maxFuzzyKey {
		return 0
	}
	m.rollHashes(key) // split uses them too
	// A doubled letter first: "tranns" is "trans" with an n added
	// sooner than "tranny" with a letter dropped, and a doubled letter
	// seldom makes another word.
	for i := 1; i < n; i++ {
		if key[i] != key[i-1] || n-1 < minDoubledKey || !f.isKey(m.pre[i]*rollPow[n-1-i]+m.suf[i+1]) {
			continue
		}
		m.del = append(append(m.del[:0], key[:i]...), key[i+1:]...)
		if id := e.dict.findKeyOf(m.del, &m.scratch); id != 0 && e.lexWord[id] != 0 {
			return id
		}
	}
	// A letter dropped: key is a deletion of a lexicon word. A group's
	// name is measured as written, with its plural ending: "trns" and
	// "arbs" lost a letter of five ("trans", "arabs"), as "wmen" did,
	// though the keys they are read by have four ("tran", "arab").
	// A short name keeps the last letter it is written with as well as
	// its first: without it, it is too often another word ("chin" is no
	// "chink"); a plural ending is the last letter of "aras" ("arabs").
	// Words of two languages may lose a letter alike ("homosexul" is
	// "homosexual" and « homosexuel »): the post's language chooses.
	if n+1+cut >= minDroppedTarget && f.isDel(m.pre[n]) {
		first, language, guessed := uint32(0), lang.None, false
		for _, id := range f.deletedFrom(m.pre[n]) {
			if w := e.words[id]; e.lexWord[id]&lexPredicate != 0 && (len(w) >= minDroppedKey || len(w)+cut >= minDroppedTarget && e.lexWord[id]&lexTarget != 0 && (cut > 0 || key[n-1] == w[len(w)-1])) && key[0] == w[0] && isDeletion(key, w) {
				if first == 0 {
					first = id
					continue
				}
				if !guessed {
					language, guessed = e.guessLang(m.ids), true
				}
				if e.lexWord[first]&lexLang(language) == 0 && e.lexWord[id]&lexLang(language) != 0 {
					return id
				}
			}
		}
		if first != 0 {
			return first
		}
	}
	for i := range n {
		h := m.pre[i]*rollPow[n-1-i] + m.suf[i+1]
		inKeys, inDels := f.has(h)
		if !inKeys && !inDels {
			continue
		}
		m.del = append(append(m.del[:0], key[:i]...), key[i+1:]...)
		// A letter added: a deletion of key is a lexicon word (a doubled
		// letter was read first, above).
		if inKeys && n-1 >= minAddedKey && i > 0 {
			if id := e.dict.findKeyOf(m.del, &m.scratch); id != 0 && e.lexWord[id]&lexPredicate != 0 {
				return id
			}
		}
		// Two letters swapped: key and a lexicon word share a deletion
		// and have the same length, differing in two neighbours.
		if inDels {
			for _, id := range f.deletedFrom(h) {
				if swapped(key, e.words[id]) && isDeletion(m.del, e.words[id]) {
					return id
				}
			}
		}
	}
	return 0
}

// swapped reports whether a and b differ only by two neighbouring letters
// swapped.
func swapped(a []byte, b string) bool {
	if len(a) != len(b) {
		return false
	}
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	return i+1 < len(a) && a[i] == b[i+1] && a[i+1] == b[i] && string(a[i+2:]) == b[i+2:]
}

// split returns the ids of two words of at least minSplitPart letters
// that key is made of, one of them a lexicon word ("musliminvaders"), and
// where the second starts; or 0, 0, 0. A lexicon word may also follow a
// single letter ("ihate", « jhais »): the first id is then 0. It uses the
// hashes of the last fuzzyLookup, of the same key, which left off cut
// letters of the word as written (appendKey: the plural ending).
func (m *Matcher) split(key []byte, cut int) (uint32, uint32, int) {
	n := len(key)
	if n < minSplitKey || n > maxFuzzyKey {
		return 0, 0, 0
	}
	f := m.e.fuzzy
	for i := 1; i < n; i++ {
		if !f.isKey(m.suf[i]) {
			continue
		}
		b := m.find(key[i:])
		if b == 0 || i >= minSplitPart && suffixWord[string(key[i:])] {
			continue
		}
		lexB := m.e.lexWord[b]&lexPredicate != 0 && n-i >= minSplitPart
		if i == 1 && lexB && leadingLetter(key[0], key[1]) { // "ihate", « jhais »
			return 0, b, i
		}
		a := uint32(0)
		if i >= minSplitPart {
			a = m.segmentWord(key, 0, i) // in the plural too: "arabes|dehors"
		}
		// Two words of three letters or more: a shorter first one is too
		// often a prefix (« dé-putés », "re-tard"). A first word that is
		// neither a lexicon word nor a stopword (one the lists hold only
		// in an exception or a cue) runs into a lexicon word inside an
		// ordinary word too often: "app|lying" in "applying"; after a
		// stopword, even one some lexicon phrase holds ("not"), a
		// lexicon word of three letters does too: "not|ice" in "notice";
		// not a group's name of four as written, which its key may cut
		// to three ("the|jew" in "thejews", « les|gay » in « lesgays »).
		stop := m.e.langOf[a] != lang.None
		long := n-i > minSplitPart || m.e.lexWord[b]&lexTarget != 0 && n-i+cut > minSplitPart
		// A lexicon word of three letters is too often the head of an
		// ordinary word (« con|tente » in « contente », « con|cours »):
		// only a group's name may follow it.
		if a != 0 && n-i >= minSplitPart && (m.e.lexWord[a]&lexPredicate != 0 && !stop && (i > minSplitPart || m.e.lexWord[b]&lexTarget != 0) || lexB && stop && long) {
			return a, b, i
		}
	}
	return 0, 0, 0
}

// splitName returns the two words key is read as when it is a group's
// name run together with a short stopword of the post's language and of
// the name's ("chick|en" is no English name and a French stopword): one of
// at most four letters before it ("ofrefugees", « unjuif », "theRoma")
// or after it (« juifsde »), and where the second starts; or 0, 0, 0.
// split wants three letters or more of each part, for ordinary words. A
// stopword of one letter comes before a name of five letters or more
// only: "aroma" is no "a roma". Not a slur, which flags by itself, nor a
// name that is also one (« pute », "chick"): too
// many words are a stopword and a slur (« dé|putés », « ré|putés »,
// "chick|en"). cut is what key left off the word as written, and it uses
// the hashes of the last rollHashes, of the same key.
func (m *Matcher) splitName(key []byte, cut int) (uint32, uint32, int) {
	n := len(key)
	if n < minSplitKey || n > maxFuzzyKey {
		return 0, 0, 0
	}
	e, f := m.e, m.e.fuzzy
	language, guessed := lang.None, false
	// A slur, which flags by itself, only long and after a stopword of
	// two letters or more.
	name := func(id uint32, rest, stopLen int) bool {
		return e.lexWord[id]&(lexTarget|lexSlur) == lexTarget || e.lexWord[id]&lexSlur != 0 && rest >= minGluedSlur && stopLen >= 2
	}
	post := func() lang.Lang {
		if !guessed {
			language, guessed = e.guessLang(m.ids), true
		}
		return language
	}
	stop := func(id uint32) bool {
		l := e.langOf[id]
		return l != lang.None && (post() == lang.None || l == post())
	}
	for i := 1; i <= maxGluedStop && i < n; i++ {
		if rest := n - i + cut; rest < minJoinedName || i == 1 && rest < minGluedAfterLetter || !f.isKey(m.suf[i]) {
			continue
		}
		if b := m.find(key[i:]); b != 0 && name(b, n-i+cut, i) {
			if a := m.find(key[:i]); a != 0 && stop(a) && e.lexWord[b]&lexLang(e.langOf[a]) != 0 {
				return a, b, i
			}
		}
	}
	// The article "a" before a name of five letters or more ("ablack",
	// "atrans"), which the stopwords leave out as a word of both
	// languages, or before a slur of minGluedSlur letters ("afaggot"):
	// English has few words of an "a" and a long slur.
	if cut+n-1 >= minGluedAfterLetter && key[0] == 'a' && f.isKey(m.suf[1]) {
		if b := m.find(key[1:]); b != 0 && name(b, n-1+cut, 2) && e.lexWord[b]&lexLang(lang.EN) != 0 && post() != lang.FR {
			return 0, b, 1
		}
	}
	for i := n - 1; i >= n-maxGluedStop && i >= minJoinedName; i-- {
		if b := m.find(key[i:]); b != 0 && stop(b) && n-i > 1 {
			if a := m.segmentWord(key, 0, i); a != 0 && name(a, i, n-i) && e.lexWord[a]&lexLang(e.langOf[b]) != 0 {
				return a, b, i
			}
		}
	}
	return 0, 0, 0
}

// maxGluedStop is the longest stopword splitName reads run into a name,
// and minGluedAfterLetter the shortest name, as written, after a stopword
// of one letter.
const (
	maxGluedStop        = 4
	minGluedAfterLetter = 5
	minGluedSlur        = 6
)

// suffixWord holds the words that are also suffixes: a word ending in
// one is most often that word's derivative ("hopeless", "homeless",
// "sadness", « vraiment »), not two words run together ("hope less").
var suffixWord = map[string]bool{"less": true, "ness": true, "ful": true, "ship": true, "hood": true, "like": true, "wise": true, "able": true, "ment": true, "ments": true}

// leadingLetter reports whether c, glued to a word starting with next,
// may be a word of its own: the English "I" ("ihate"), the French « j »
// (« jhais », and « jdéteste » as it is spoken), or another letter that
// French elides (« l'arabe », « s'attaquer ») before a vowel or an h, as
// elision does. Other letters would read words that start with them as
// another: "skills" is no "s kills".
func leadingLetter(c, next byte) bool {
	switch c {
	case 'i', 'j':
		return true
	case 'c', 'd', 'l', 'm', 'n', 's', 't':
		switch next {
		case 'a', 'e', 'h', 'i', 'o', 'u', 'y':
			return true
		}
	}
	return false
}

// inflected returns the id of the lexicon word that w inflects, or 0:
// lexicons list a verb or an adjective once ("rob", "ruin", "whine"),
// and posts conjugate it ("robbing", "ruined", "whines"). English endings
// only, on words long enough that the stem is one: -ing, -ed, -es, -er,
// -ers, with a doubled last consonant undone and a final e restored.
func (m *Matcher) inflected(w []byte) uint32 {
	n := len(w)
	if n < 5 {
		return 0 // a stem of three letters and the shortest ending
	}
	// The endings differ in their last two letters, so that a word has
	// one at most.
	ending := 0
	switch string(w[n-2:]) {
	case "ed", "es", "er":
		ending = 2
	case "ng":
		if w[n-3] == 'i' {
			ending = 3
		}
	case "rs":
		if w[n-3] == 'e' {
			ending = 3
		}
	}
	stem := w[:n-ending]
	if ending == 0 || len(stem) < 3 {
		return 0
	}
	if id := m.lexicon(stem); id != 0 {
		return id
	}
	if k := len(stem); k >= 4 && stem[k-1] == stem[k-2] { // robbing: robb → rob
		if id := m.lexicon(stem[:k-1]); id != 0 {
			return id
		}
	}
	if string(w[n-2:]) != "es" { // whining: whin → whine
		m.del = append(append(m.del[:0], stem...), 'e')
		if id := m.lexicon(m.del); id != 0 {
			return id
		}
	}
	return 0
}

// lexicon returns the id of w if it is a lexicon word, else 0.
func (m *Matcher) lexicon(w []byte) uint32 {
	if id := m.e.dict.findKeyOf(w, &m.key); id != 0 && m.e.lexWord[id]&lexPredicate != 0 {
		return id
	}
	return 0
}

// minSegmentKey is the length from which an unknown word may be read as
// several words run together ("ihatemuslims", « lesarabesdehors »).
const minSegmentKey = 10

// segment returns the ids of the dictionary words that key is made of,
// in order, with where each starts in m.segAt (and the end last), when it is made of three or more and one of them is a lexicon
// word of at least minSplitPart letters; else nil. It reads the hashes of
// the last fuzzyLookup, of the same key. Words of one letter count only
// if the dictionary has them ("i", « l »).
func (m *Matcher) segment(key []byte) []uint32 {
	n := len(key)
	if n < minSegmentKey || n > maxFuzzyKey {
		return nil
	}
	// from[b] is where the last word of the best segmentation of key[:b]
	// starts, or -1: fewest words first, so longer words win.
	m.from = m.from[:0]
	m.parts = m.parts[:0]
	for range n + 1 {
		m.from = append(m.from, -1)
		m.parts = append(m.parts, 0)
	}
	m.from[0] = 0
	// A single letter may lead ("i" of "ihate…", « j » of « jdeteste… »):
	// it steps as an unknown word. Unlike in split (leadingLetter), any
	// letter: words run together keep the letter a contraction left
	// ("can'tstandarabs": t|stand|arabs), and three parts or more seldom
	// spell another word. Other words have two letters or more.
	m.from[1], m.parts[1] = 0, 1
	f := m.e.fuzzy
	for b := 1; b <= n; b++ {
		for a := 0; a+2 <= b; a++ {
			if m.from[a] < 0 || (m.from[b] >= 0 && m.parts[a]+1 >= m.parts[b]) {
				continue
			}
			// segmentWord's bitmap checks, here so that most parts,
			// in no dictionary, cost no call.
			if !f.isKey(m.pre[b]-m.pre[a]*rollPow[b-a]) &&
				!(b-a >= 4 && (key[b-1] == 's' || key[b-1] == 'x') && f.isKey(m.pre[b-1]-m.pre[a]*rollPow[b-1-a])) {
				continue
			}
			if m.segmentWord(key, a, b) == 0 {
				continue
			}
			m.from[b], m.parts[b] = int32(a), m.parts[a]+1
		}
	}
	if m.from[n] < 0 || m.parts[n] < 3 {
		return nil
	}
	m.seg, m.segAt = m.seg[:0], m.segAt[:0]
	lex := false
	short := 0 // parts of two letters
	for b := n; b > 0; b = int(m.from[b]) {
		a := int(m.from[b])
		id := m.segmentWord(key, a, b) // 0 for a leading letter that is no word
		lex = lex || id != 0 && m.e.lexWord[id]&lexPredicate != 0 && b-a >= minSegmentLex
		if b-a == 2 {
			short++
		}
		m.seg, m.segAt = append(m.seg, id), append(m.segAt, int32(a))
	}
	// A long word of the language that no lexicon holds can often be cut
	// into short dictionary words too: « conférence » is con-fer-en-ce.
	// Words run together on purpose are mostly whole words ("ihate",
	// « lesarabesdehors », « lesjuifsaufour »): one two-letter part at
	// most, and a lexicon word of four letters or more.
	if !lex || short > 1 {
		return nil
	}
	slices.Reverse(m.seg)
	slices.Reverse(m.segAt)
	m.segAt = append(m.segAt, int32(n)) // the end of the last
	return m.seg
}

// segmentWord returns the id of key[a:b] as a word of the dictionary, in
// the plural too ("muslimsare": "muslims", "are"), or 0. It reads the
// hashes of the last fuzzyLookup.
func (m *Matcher) segmentWord(key []byte, a, b int) uint32 {
	f := m.e.fuzzy
	if f.isKey(m.pre[b] - m.pre[a]*rollPow[b-a]) {
		if id := m.find(key[a:b]); id != 0 {
			return id
		}
	}
	if b-a >= 4 && (key[b-1] == 's' || key[b-1] == 'x') && f.isKey(m.pre[b-1]-m.pre[a]*rollPow[b-1-a]) {
		return m.find(key[a : b-1])
	}
	return 0
}
