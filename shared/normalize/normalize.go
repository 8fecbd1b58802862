package normalize

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Flags describe what the normaliser had to guess in a word.
type Flags uint8

const (
	// LongRun: a letter was repeated three times or more and shortened to
	// two; it may have stood for one (haaate) or two (niggggger).
	LongRun Flags = 1 << iota
	// Leet1: a digit 1 was read as i; it may have stood for l (ki11).
	Leet1
	// Spelt: the word was spelt out letter by letter and starts with a
	// letter that is also a word (a, i, y), which may not belong to it
	// ("such a f a g").
	Spelt
	// SpeltEnd: the word was spelt out letter by letter and ends with a
	// letter that is also a word (a, à, y, i), which may not belong to
	// it (« des N o i r s à la gare », "teach those A r a b s a
	// lesson").
	SpeltEnd
)

// A Word is one word of the normalised text: Norm[Start:End].
type Word struct {
	Start, End int32
	Flags      Flags
	// marks[0]:marks[1] are the word's guesses in Text.marks.
	marks [2]int32
}

// A mark is one guess in a word: which byte, and which flag it belongs to.
type mark struct {
	pos  int32
	kind Flags
}

// Text is one normalised string. It is owned by the Normalizer that made
// it and valid until that Normalizer's next call.
type Text struct {
	// Norm holds the words, separated by single spaces.
	Norm  []byte
	Words []Word

	// orig[i] is the original byte span that Norm[i] came from.
	orig  []span
	marks []mark
}

type span struct{ start, end int32 }

// Orig returns the span of the original text that Norm[start:end] came from.
func (t *Text) Orig(start, end int) (int, int) {
	if start >= end || end > len(t.Norm) {
		return 0, 0
	}
	return int(t.orig[start].start), int(t.orig[end-1].end)
}

// WordText returns the normalised bytes of word i.
func (t *Text) WordText(i int) []byte {
	w := t.Words[i]
	return t.Norm[w.Start:w.End]
}

// character classes of a folded rune
const (
	clsLetter uint8 = iota
	clsDigit
	clsLeet  // $ and @: letters inside a word, nothing alone
	clsSpace // spaces and most punctuation: word breaks
	clsDot   // '.', which joins a single letter to its neighbour (n.ame, u.s.a)
	clsLine  // line breaks: word breaks that also end a spelt-out word
)

// A unit is one folded rune with the original span it came from.
type unit struct {
	r          rune
	start, end int32
	cls        uint8
}

// A token is a run of units that are letters, digits or leet symbols.
type token struct {
	first, last int32 // units[first:last]
	// gap describes the separators before the next token.
	gapLen  int32
	gapLine bool
	gapDots bool // the gap is made of dots alone
	letter  bool // the token holds a letter
	word    bool // the token holds something other than $ and @
}

// Normalizer normalises text. Reusing one avoids allocation: after warm-up
// Normalize allocates nothing. It is not safe for concurrent use.
type Normalizer struct {
	Text
	units  []unit
	tokens []token
	fold   map[rune]*folded // cache of foldRune for runes outside ASCII
	src    string           // the text being normalised
}

// New returns a Normalizer.
func New() *Normalizer {
	return &Normalizer{fold: make(map[rune]*folded)}
}

// AppendWords appends the normalised words of s to dst.
func (n *Normalizer) AppendWords(dst []string, s string) []string {
	t := n.Normalize(s)
	for i := range t.Words {
		dst = append(dst, string(t.WordText(i)))
	}
	return dst
}

// AppendListWords appends the normalised words of s, a text a list's
// author wrote (a term, a phrase, an exception), to dst. Each field that
// spaces separate is normalised on its own: single letters the author set
// apart are words (« n y a rien », from « n'y a rien »), not one word spelt
// out as a post may spell "g a y s".
func (n *Normalizer) AppendListWords(dst []string, s string) []string {
	for field := range strings.FieldsSeq(s) {
		dst = n.AppendWords(dst, field)
	}
	return dst
}

// Normalize normalises src. The result is valid until the next call.
func (n *Normalizer) Normalize(src string) *Text {
	n.src = src
	if !n.fast(src) {
		n.general(src)
	}
	return &n.Text
}

// general normalises src in three passes: runes into units, units into
// tokens, tokens into words.
func (n *Normalizer) general(src string) {
	n.fill(src)
	n.tokenize()
	n.emit()
}

// fill folds src into units, dropping marks and invisible characters.
func (n *Normalizer) fill(src string) {
	n.units = n.units[:0]
	for i := 0; i < len(src); {
		c := src[i]
		if c < utf8.RuneSelf {
			r := rune(c)
			if 'A' <= c && c <= 'Z' {
				r += 'a' - 'A'
			}
			cls := asciiClass[c]
			if k := len(n.units) - 1; cls == clsLetter && k >= 0 && (n.units[k].r == '!' || n.units[k].r == '@') {
				n.inWord()
			}
			n.units = append(n.units, unit{r: r, start: int32(i), end: int32(i + 1), cls: cls})
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(src[i:])
		for _, fr := range n.lookup(r).s {
			n.units = append(n.units, unit{r: fr, start: int32(i), end: int32(i + size), cls: class(fr)})
		}
		i += size
	}
}

// inWord settles the symbol before a letter about to be added: a '!'
// between letters stands for i (n!gger), and an '@' that starts a word
// marks a mention (@name) rather than an a.
func (n *Normalizer) inWord() {
	u := n.units
	k := len(u) - 1
	if k < 0 {
		return
	}
	before := k > 0 && u[k-1].cls <= clsLeet
	switch {
	case u[k].r == '!' && before && u[k-1].cls == clsLetter:
		u[k].cls = clsLeet
	case u[k].r == '@' && !before:
		u[k].cls = clsSpace
	}
}

// tokenize groups units into tokens.
func (n *Normalizer) tokenize() {
	n.tokens = n.tokens[:0]
	u := n.units
	for i := 0; i < len(u); {
		if u[i].cls > clsLeet {
			i++
			continue
		}
		t := token{first: int32(i)}
		for ; i < len(u) && u[i].cls <= clsLeet; i++ {
			t.letter = t.letter || u[i].cls == clsLetter
			t.word = t.word || u[i].cls != clsLeet
		}
		t.last = int32(i)
		t.gapDots = true
		for i < len(u) && u[i].cls > clsLeet {
			t.gapLen++
			t.gapLine = t.gapLine || u[i].cls == clsLine
			t.gapDots = t.gapDots && u[i].cls == clsDot
			i++
		}
		n.tokens = append(n.tokens, t)
	}
}

// maxSpelledGap is the longest run of separators between the letters of a
// word spelt out (h . a . t . e).
const maxSpelledGap = 3

// joins reports whether token i and token i+1 are parts of one word that
// starts at token first.
func (n *Normalizer) joins(first, i int) bool {
	t := &n.tokens[i]
	if i+1 >= len(n.tokens) || t.gapLine || t.gapLen > maxSpelledGap {
		return false
	}
	if i == first && n.afterApostrophe(i) {
		return false // "can't w o m e n": the t ends "can't", and starts no spelt word
	}
	if i > first && !n.sameGap(i-1, i) {
		return false // the word was spelt out with another separator
	}
	if t.gapDots && t.gapLen == 1 && (n.single(i) || n.single(i+1)) {
		return true // n.ame, u.s.a
	}
	if !n.single(i) || !n.single(i+1) || n.elided(i+1) {
		return false
	}
	// Single characters join when they form a run of at least three that
	// holds a letter: a lone "a b" stays two words, "h a t e" becomes one,
	// "$ 5 @" stays apart. The letters of one spelt-out word share one kind
	// of gap, so that "h.a.t.e h a t e" stays two words.
	run, letter := i-first+2, n.letter(i) || n.letter(i+1)
	for j := first; j < i && !letter; j++ {
		letter = n.letter(j)
	}
	for j := i + 1; j+1 < len(n.tokens) && n.single(j+1) && !n.elided(j+1) && n.sameGap(j, i); j++ {
		run++
		letter = letter || n.letter(j+1)
	}
	if run >= 4 && i == first && n.pronounI(i) {
		return false // "I h a t e them": the pronoun starts no spelt word
	}
	return run >= 3 && letter
}

// pronounI reports whether token i is a capital I, the English pronoun.
func (n *Normalizer) pronounI(i int) bool {
	u := n.units[n.tokens[i].first]
	return n.single(i) && u.r == 'i' && u.end-u.start == 1 && n.src[u.start] == 'I'
}

// elided reports whether token i is a single letter that an apostrophe
// follows: an elided word (« c'est », « l'arabe »), which starts the next
// word rather than ends one spelt out ("t r a n s c'est").
func (n *Normalizer) elided(i int) bool {
	t := &n.tokens[i]
	if !n.single(i) || t.gapLen != 1 || int(t.last) >= len(n.units) {
		return false
	}
	r := n.units[t.last].r
	return r == '\'' || r == '’'
}

// afterApostrophe reports whether a single apostrophe stands between
// token i and the one before it.
func (n *Normalizer) afterApostrophe(i int) bool {
	if i == 0 {
		return false
	}
	p := &n.tokens[i-1]
	if p.gapLen != 1 || int(p.last) >= len(n.units) {
		return false
	}
	r := n.units[p.last].r
	return r == '\'' || r == '’'
}

func (n *Normalizer) single(i int) bool { return n.tokens[i].last-n.tokens[i].first == 1 }

func (n *Normalizer) letter(i int) bool { return n.tokens[i].letter }

// sameGap reports whether the gaps after tokens i and j look alike.
func (n *Normalizer) sameGap(i, j int) bool {
	a, b := &n.tokens[i], &n.tokens[j]
	return !a.gapLine && a.gapLen == b.gapLen && a.gapDots == b.gapDots && n.units[a.last].r == n.units[b.last].r
}

// emit writes the words into Norm, applying leetspeak and shortening runs.
func (n *Normalizer) emit() {
	// A unit yields at most utf8.UTFMax bytes, and a space may follow each
	// token: with that much room, emitWord writes by index.
	if need := utf8.UTFMax*len(n.units) + len(n.tokens); cap(n.Norm) < need {
		n.Norm = make([]byte, 0, need)
		n.orig = make([]span, 0, need)
	}
	n.Norm = n.Norm[:0]
	n.orig = n.orig[:0]
	n.marks = n.marks[:0]
	n.Words = n.Words[:0]
	for i := 0; i < len(n.tokens); {
		j := i
		for n.joins(i, j) {
			j++
		}
		n.emitWord(i, j)
		i = j + 1
	}
}

// emitWord writes tokens[first..last] as one word.
func (n *Normalizer) emitWord(first, last int) {
	hasLetter, hasWord := false, false
	for t := first; t <= last; t++ {
		hasLetter = hasLetter || n.tokens[t].letter
		hasWord = hasWord || n.tokens[t].word
	}
	if !hasWord {
		return // "$" or "@" alone
	}
	norm, orig := n.Norm, n.orig
	k := len(norm)
	norm, orig = norm[:cap(norm)], orig[:cap(orig)]
	if len(n.Words) > 0 {
		prev := n.units[n.tokens[first].first-1]
		norm[k], orig[k] = ' ', span{prev.start, prev.end}
		k++
	}
	w := Word{Start: int32(k), marks: [2]int32{int32(len(n.marks)), 0}}
	if last-first >= 2 && n.single(first) {
		switch n.units[n.tokens[first].first].r {
		case 'a', 'i', 'y':
			w.Flags |= Spelt
		}
	}
	if last-first >= 3 && n.single(last) {
		switch n.units[n.tokens[last].first].r {
		case 'a', 'i', 'y':
			w.Flags |= SpeltEnd
		}
	}
	var last1 rune
	run := 0
	for t := first; t <= last; t++ {
		for _, u := range n.units[n.tokens[t].first:n.tokens[t].last] {
			// Runs are counted on what was typed, so that "ki11" is k, i
			// and two l-or-i, not a run of three i.
			r, from1 := u.r, false
			if hasLetter && u.cls != clsLetter && r < utf8.RuneSelf {
				from1 = r == '1'
				r = leet[r]
			}
			if u.r == last1 {
				run++
				if run >= 3 {
					// The kept letter covers the run; every byte of it,
					// should it be multi-byte.
					w.Flags |= LongRun
					if run == 3 && r < utf8.RuneSelf {
						n.marks = append(n.marks, mark{int32(k - 1), LongRun})
					}
					for i := k - 1; i >= int(w.Start) && orig[i].start == orig[k-1].start; i-- {
						orig[i].end = u.end
					}
					continue
				}
			} else {
				last1, run = u.r, 1
			}
			if from1 {
				w.Flags |= Leet1
				n.marks = append(n.marks, mark{int32(k), Leet1})
			}
			if r < utf8.RuneSelf {
				norm[k], orig[k] = byte(r), span{u.start, u.end}
				k++
				continue
			}
			size := utf8.EncodeRune(norm[k:], r)
			for range size {
				orig[k] = span{u.start, u.end}
				k++
			}
		}
	}
	n.Norm, n.orig = norm[:k], orig[:k]
	w.End = int32(k)
	w.marks[1] = int32(len(n.marks))
	n.Words = append(n.Words, w)
}

// leet maps the digits and symbols that stand for letters inside a word.
var leet = func() (m [128]rune) {
	for i := range m {
		m[i] = rune(i)
	}
	for k, v := range map[byte]rune{'4': 'a', '3': 'e', '0': 'o', '1': 'i', '5': 's', '7': 't', '$': 's', '@': 'a', '!': 'i'} {
		m[k] = v
	}
	return m
}()

var asciiClass = func() (c [utf8.RuneSelf]uint8) {
	for i := range c {
		switch b := byte(i); {
		case 'a' <= b && b <= 'z', 'A' <= b && b <= 'Z':
			c[i] = clsLetter
		case '0' <= b && b <= '9':
			c[i] = clsDigit
		case b == '$' || b == '@':
			c[i] = clsLeet
		case b == '.':
			c[i] = clsDot
		case b == '\n' || b == '\r' || b == '\v' || b == '\f':
			c[i] = clsLine
		default:
			c[i] = clsSpace
		}
	}
	return c
}()

func class(r rune) uint8 {
	switch {
	case r < utf8.RuneSelf:
		return asciiClass[r]
	case unicode.IsLetter(r):
		return clsLetter
	case unicode.IsDigit(r):
		return clsDigit
	case r == '\u2028' || r == '\u2029' || r == '\u0085':
		return clsLine
	}
	return clsSpace
}

// foldRune returns what a rune outside ASCII becomes: its compatibility
// decomposition without marks and invisible characters, case-folded, with
// look-alike letters replaced by the Latin letter they imitate.
func foldRune(r rune) string {
	if invisible(r) {
		return ""
	}
	if s, ok := homoglyphs[r]; ok {
		return s
	}
	var buf [4 * utf8.UTFMax]byte
	d := decompose(buf[:0], r)
	out := make([]rune, 0, 4)
	for _, c := range string(d) {
		// Simple lower-casing is enough once compatibility forms are
		// decomposed; the few full case foldings that matter (ß → ss)
		// are in the homoglyph table. x/text/cases would add 375 KB to
		// the WebAssembly build for nothing more.
		c = unicode.ToLower(c)
		if unicode.In(c, unicode.Mn, unicode.Me) || invisible(c) {
			continue
		}
		if s, ok := homoglyphs[c]; ok {
			out = append(out, []rune(s)...)
			continue
		}
		out = append(out, c)
	}
	return string(out)
}

// invisible reports characters that render as nothing and are used to
// split words unseen.
func invisible(r rune) bool {
	switch r {
	case '\u00ad', '\u034f', '\u115f', '\u1160', '\u17b4', '\u17b5', '\u180e', '\u2800', '\u3164', '\uffa0', '\ufeff':
		return true
	}
	return unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Variation_Selector, r)
}

// Variant appends to dst word i of t with the guesses of the flags in v
// made the other way: with LongRun, each long run kept as one letter; with
// Leet1, each 1 read as l; with Spelt, without its first letter; with
// SpeltEnd, without its last. Matchers try variants for words whose Flags
// say there was a guess.
func (t *Text) Variant(dst []byte, i int, v Flags) []byte {
	w := t.Words[i]
	start, end := w.Start, w.End
	if v&Spelt != 0 && w.Flags&Spelt != 0 {
		start++
	}
	if v&SpeltEnd != 0 && w.Flags&SpeltEnd != 0 {
		end--
	}
	marks := t.marks[w.marks[0]:w.marks[1]]
	for p := start; p < end; p++ {
		c, drop := t.Norm[p], false
		for ; len(marks) > 0 && marks[0].pos <= p; marks = marks[1:] {
			switch m := marks[0]; {
			case m.pos < p || v&m.kind == 0:
			case m.kind == LongRun:
				drop = true
			case m.kind == Leet1:
				c = 'l'
			}
		}
		if !drop {
			dst = append(dst, c)
		}
	}
	return dst
}
