package normalize

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// Flags describe what the normaliser undid in a word.
type Flags uint8

const (
	// LongRun: a letter was repeated three times or more and shortened to two.
	LongRun Flags = 1 << iota
	// Leet1: a digit 1 was read as i; it may have stood for l.
	Leet1
)

// A Word is one word of the normalised text: Norm[Start:End].
type Word struct {
	Start, End int32
	Flags      Flags
}

// Text is one normalised string. It is owned by the Normalizer that made
// it and valid until that Normalizer's next call.
type Text struct {
	// Norm holds the words, separated by single spaces.
	Norm  []byte
	Words []Word

	// origStart[i] and origEnd[i] are the original byte span that Norm[i]
	// came from.
	origStart, origEnd []int32
}

// Orig returns the span of the original text that Norm[start:end] came from.
func (t *Text) Orig(start, end int) (int, int) {
	if start >= end || end > len(t.Norm) {
		return 0, 0
	}
	return int(t.origStart[start]), int(t.origEnd[end-1])
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
}

// Normalizer normalises text. Reusing one avoids allocation: after warm-up
// Normalize allocates nothing. It is not safe for concurrent use.
type Normalizer struct {
	Text
	units  []unit
	tokens []token
	fold   map[rune]string // cache of foldRune for runes outside ASCII
}

// New returns a Normalizer.
func New() *Normalizer {
	return &Normalizer{fold: make(map[rune]string)}
}

// String returns the normalised form of s.
func String(s string) string {
	return string(New().Normalize(s).Norm)
}

// Words appends the normalised words of s to dst.
func Words(dst []string, s string) []string {
	t := New().Normalize(s)
	for i := range t.Words {
		dst = append(dst, string(t.WordText(i)))
	}
	return dst
}

// Normalize normalises src. The result is valid until the next call.
func (n *Normalizer) Normalize(src string) *Text {
	n.fill(src)
	n.tokenize()
	n.emit()
	return &n.Text
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
			n.units = append(n.units, unit{r: r, start: int32(i), end: int32(i + 1), cls: asciiClass[c]})
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(src[i:])
		f, ok := n.fold[r]
		if !ok {
			f = foldRune(r)
			n.fold[r] = f
		}
		for _, fr := range f {
			n.units = append(n.units, unit{r: fr, start: int32(i), end: int32(i + size), cls: class(fr)})
		}
		i += size
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
		for i < len(u) && u[i].cls <= clsLeet {
			i++
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
	if i > first && !n.sameGap(i-1, i) {
		return false // the word was spelt out with another separator
	}
	if t.gapDots && t.gapLen == 1 && (n.single(i) || n.single(i+1)) {
		return true // n.ame, u.s.a
	}
	if !n.single(i) || !n.single(i+1) {
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
	for j := i + 1; j+1 < len(n.tokens) && n.single(j+1) && n.sameGap(j, i); j++ {
		run++
		letter = letter || n.letter(j+1)
	}
	return run >= 3 && letter
}

func (n *Normalizer) single(i int) bool { return n.tokens[i].last-n.tokens[i].first == 1 }

func (n *Normalizer) letter(i int) bool {
	for _, u := range n.units[n.tokens[i].first:n.tokens[i].last] {
		if u.cls == clsLetter {
			return true
		}
	}
	return false
}

// sameGap reports whether the gaps after tokens i and j look alike.
func (n *Normalizer) sameGap(i, j int) bool {
	a, b := &n.tokens[i], &n.tokens[j]
	return !a.gapLine && a.gapLen == b.gapLen && a.gapDots == b.gapDots && n.units[a.last].r == n.units[b.last].r
}

// emit writes the words into Norm, applying leetspeak and shortening runs.
func (n *Normalizer) emit() {
	n.Norm = n.Norm[:0]
	n.origStart = n.origStart[:0]
	n.origEnd = n.origEnd[:0]
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
		for _, u := range n.units[n.tokens[t].first:n.tokens[t].last] {
			hasLetter = hasLetter || u.cls == clsLetter
			hasWord = hasWord || u.cls != clsLeet
		}
	}
	if !hasWord {
		return // "$" or "@" alone
	}
	if len(n.Words) > 0 {
		prev := n.units[n.tokens[first].first-1]
		n.put(' ', prev.start, prev.end)
	}
	w := Word{Start: int32(len(n.Norm))}
	var last1 rune
	run := 0
	for t := first; t <= last; t++ {
		for _, u := range n.units[n.tokens[t].first:n.tokens[t].last] {
			r := u.r
			if hasLetter && u.cls != clsLetter && r < utf8.RuneSelf {
				if r == '1' {
					w.Flags |= Leet1
				}
				r = leet[r]
			}
			if r == last1 {
				run++
				if run >= 3 {
					w.Flags |= LongRun
					n.origEnd[len(n.origEnd)-1] = u.end // the kept letter covers the run
					continue
				}
			} else {
				last1, run = r, 1
			}
			n.put(r, u.start, u.end)
		}
	}
	if w.Flags&LongRun != 0 {
		n.fixRunEnds(w.Start)
	}
	w.End = int32(len(n.Norm))
	n.Words = append(n.Words, w)
}

// fixRunEnds makes multi-byte letters of a shortened run agree: put wrote
// every byte of the last kept rune with its own end, and only the last byte
// was extended to cover the dropped repeats.
func (n *Normalizer) fixRunEnds(start int32) {
	for i := len(n.Norm) - 2; i >= int(start); i-- {
		if n.origStart[i] == n.origStart[i+1] && n.origEnd[i] < n.origEnd[i+1] {
			n.origEnd[i] = n.origEnd[i+1]
		}
	}
}

func (n *Normalizer) put(r rune, start, end int32) {
	if r < utf8.RuneSelf {
		n.Norm = append(n.Norm, byte(r))
		n.origStart = append(n.origStart, start)
		n.origEnd = append(n.origEnd, end)
		return
	}
	k := len(n.Norm)
	n.Norm = utf8.AppendRune(n.Norm, r)
	for ; k < len(n.Norm); k++ {
		n.origStart = append(n.origStart, start)
		n.origEnd = append(n.origEnd, end)
	}
}

// leet maps the digits and symbols that stand for letters inside a word.
var leet = func() (m [128]rune) {
	for i := range m {
		m[i] = rune(i)
	}
	for k, v := range map[byte]rune{'4': 'a', '3': 'e', '0': 'o', '1': 'i', '5': 's', '7': 't', '$': 's', '@': 'a'} {
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

var folder = cases.Fold()

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
	var buf [utf8.UTFMax]byte
	d := norm.NFKD.Bytes(buf[:utf8.EncodeRune(buf[:], r)])
	d = folder.Bytes(d)
	out := make([]rune, 0, 4)
	for _, c := range string(d) {
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

// Skeleton appends to dst a form of word that folds away the choices the
// normaliser could not make alone: every run of one letter becomes a single
// letter (haate → hate, kill → kil) and l reads as i (k1ll and kill agree).
// Matchers compare skeletons only for words flagged LongRun or Leet1, since
// skeletons also merge words that differ (niger, nigger).
func Skeleton(dst, word []byte) []byte {
	var prev byte
	for i, c := range word {
		if c == 'l' {
			c = 'i'
		}
		if i > 0 && c == prev {
			continue
		}
		dst = append(dst, c)
		prev = c
	}
	return dst
}
