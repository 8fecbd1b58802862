package rules

import (
	"slices"
	"strconv"
	"strings"

	"voile/shared/model"
	"voile/shared/normalize"
)

// Limits on one list. They bound what a client must hold and compile, and
// a list over them is refused.
const (
	MaxRules      = 50000
	MaxPatterns   = 1000 // pattern rules; their phrases are bounded by MaxListPhrases
	MaxTextLen    = 256  // bytes of a term, phrase or exception
	MaxPatternLen = 512  // bytes of a pattern
	MaxExceptions = 64   // per rule: a common word may have many innocent phrases ("pas loin", "pas mal")
	MaxIDLen      = 64
	MaxLangs      = 16
	MaxModelBytes = 4 << 20 // a list's model (package model)
	MaxKnown      = 50000   // known words of a list
	MaxKnownLen   = 64      // bytes of a known word
	// A list's name and description travel in every reader's catalog:
	// bounded, so that no list can crowd the catalog out.
	MaxNameLen        = 200  // bytes of a list's name
	MaxDescriptionLen = 2000 // bytes of a list's description
)

// A Problem is one thing wrong with a list: which list, which rule (empty
// for the list itself), which field and what.
type Problem struct {
	List  string
	Rule  string
	Field string
	Msg   string
}

func (p Problem) Error() string {
	var b strings.Builder
	b.WriteString("list ")
	b.WriteString(strconv.Quote(p.List))
	if p.Rule != "" {
		b.WriteString(": rule ")
		b.WriteString(strconv.Quote(p.Rule))
	}
	if p.Field != "" {
		b.WriteString(": ")
		b.WriteString(p.Field)
	}
	b.WriteString(": ")
	b.WriteString(p.Msg)
	return b.String()
}

// An Error lists every problem found in one list.
type Error struct {
	List     string
	Problems []Problem
}

func (e *Error) Error() string {
	const show = 10
	var b strings.Builder
	b.WriteString("invalid rule list " + strconv.Quote(e.List) + ": " + strconv.Itoa(len(e.Problems)) + " problem(s)")
	for i, p := range e.Problems {
		if i == show {
			b.WriteString("\n  ... and " + strconv.Itoa(len(e.Problems)-show) + " more")
			break
		}
		b.WriteString("\n  ")
		b.WriteString(p.Error())
	}
	return b.String()
}

// ValidID reports whether id may name a list, a rule or a publisher: 1 to
// MaxIDLen lower-case letters, digits, '.', '_' or '-', starting with a
// letter or digit.
func ValidID(id string) bool {
	return id != "" && len(id) <= MaxIDLen && idChars(id)
}

// idChars reports whether id is lower-case letters, digits, '.', '_' or
// '-', starting with a letter or digit (and not empty). Checked by hand:
// the classifier's WebAssembly links no regular-expression engine.
func idChars(id string) bool {
	for i := 0; i < len(id); i++ {
		c := id[i]
		switch {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
		case (c == '.' || c == '_' || c == '-') && i > 0:
		default:
			return false
		}
	}
	return id != ""
}

// twoLetters reports whether s is two lower-case ASCII letters.
func twoLetters(s string) bool {
	return len(s) == 2 && 'a' <= s[0] && s[0] <= 'z' && 'a' <= s[1] && s[1] <= 'z'
}

// Validate checks the list and returns an *Error naming every problem, or
// nil. A list that fails validation must not be used at all.
func (l *List) Validate() error {
	c := &listCheck{e: &Error{List: l.ID}}
	add := c.e.add
	c.id("", "id", l.ID)
	c.id("", "publisher", l.Publisher)
	if l.Version == 0 {
		add("", "version", "must be at least 1")
	}
	if len(l.Langs) == 0 {
		add("", "langs", "missing")
	}
	c.langs("", l.Langs)
	if len(l.Name) > MaxNameLen {
		add("", "name", overLimit(len(l.Name), "", MaxNameLen))
	}
	if len(l.Description) > MaxDescriptionLen {
		add("", "description", overLimit(len(l.Description), "", MaxDescriptionLen))
	}
	for i, t := range l.Thresholds {
		if !t.Category.Known() {
			add("", "thresholds", "unknown category "+strconv.Quote(string(t.Category)))
		}
		if !(t.Score > 0 && t.Score <= 1) {
			add("", "thresholds", "threshold for "+strconv.Quote(string(t.Category))+" is "+formatFloat(t.Score)+", want a number in (0, 1]")
		}
		for _, u := range l.Thresholds[:i] {
			if u.Category == t.Category {
				add("", "thresholds", "two thresholds for "+strconv.Quote(string(t.Category)))
			}
		}
	}
	if len(l.Rules) == 0 && len(l.Model) == 0 {
		add("", "rules", "the list has no rules and no model")
	}
	if n := len(l.Model); n > MaxModelBytes {
		add("", "model", overLimit(n, "", MaxModelBytes))
	} else if n > 0 {
		if _, err := model.Decode(l.Model); err != nil {
			add("", "model", err.Error())
		}
	}
	if len(l.Rules) > MaxRules {
		add("", "rules", overLimit(len(l.Rules), "rules", MaxRules))
		return c.e // not worth checking each of an oversized list
	}

	c.norm = normalize.New()
	c.rules(l.Rules)
	if c.patterns > MaxPatterns {
		add("", "rules", overLimit(c.patterns, "pattern rules", MaxPatterns))
	}
	if c.phrases > MaxListPhrases {
		add("", "rules", "patterns spell "+overLimit(c.phrases, "phrases", MaxListPhrases))
	}
	if len(l.Known) > MaxKnown {
		add("", "known", overLimit(len(l.Known), "known words", MaxKnown))
	} else {
		c.known(l.Known)
	}
	if len(c.e.Problems) > 0 {
		return c.e
	}
	return nil
}

// listCheck is what Validate's checks of one list share.
//
// Its loops over the rules and the known words are functions of their
// own, not inlined, and so is the check of one rule (wasm/README.md,
// functions a start runs once): inside Validate they made V8 recompile
// its 23 KB during every start without a start-up cache (85 ms of
// compiling); now the small loops and the check of one rule are
// recompiled, and the optimised check serves the rest of the rules.
type listCheck struct {
	e                 *Error
	norm              *normalize.Normalizer
	words             []string        // wordsOf's buffer
	seen              map[string]bool // rule ids
	patterns, phrases int             // pattern rules, and the phrases they spell
}

func (c *listCheck) id(rule, field, id string) {
	switch {
	case id == "":
		c.e.add(rule, field, "missing")
	case len(id) > MaxIDLen:
		c.e.add(rule, field, "longer than "+strconv.Itoa(MaxIDLen)+" bytes")
	case !idChars(id):
		c.e.add(rule, field, strconv.Quote(id)+" must be lower-case letters, digits, '.', '_' or '-'")
	}
}

func (c *listCheck) langs(rule string, langs []string) {
	if len(langs) > MaxLangs {
		c.e.add(rule, "langs", "more than "+strconv.Itoa(MaxLangs)+" languages")
	}
	for _, lang := range langs {
		switch {
		case !twoLetters(lang):
			c.e.add(rule, "langs", strconv.Quote(lang)+" is not a two-letter ISO 639-1 code")
		case !KnownLang(lang):
			c.e.add(rule, "langs", strconv.Quote(lang)+" is not an ISO 639-1 language code (en, fr, de, ar…)")
		}
	}
}

// wordsOf returns the normalised words of s, in a buffer the next call
// reuses.
func (c *listCheck) wordsOf(s string) []string {
	c.words = c.norm.AppendListWords(c.words[:0], s)
	return c.words
}

//go:noinline
func (c *listCheck) rules(rs []Rule) {
	c.seen = make(map[string]bool, len(rs))
	for i := range rs {
		c.rule(i, &rs[i])
	}
}

//go:noinline
func (c *listCheck) rule(i int, r *Rule) {
	add := c.e.add
	id := r.ID
	if id == "" {
		id = "#" + strconv.Itoa(i+1)
	}
	c.id(id, "id", r.ID)
	if r.ID != "" && c.seen[r.ID] {
		add(id, "id", "duplicate rule id")
	}
	c.seen[r.ID] = true
	checkRole(r, func(field, msg string) { add(id, field, msg) })
	if w := r.Strength(); !(w > 0 && w <= 1) {
		add(id, "weight", formatFloat(r.Weight)+", want a number in (0, 1]")
	}
	c.langs(id, r.Langs)

	switch r.Kind {
	case Term, Phrase:
		if len(r.Text) > MaxTextLen {
			add(id, "text", "longer than "+strconv.Itoa(MaxTextLen)+" bytes")
			break
		}
		words := c.wordsOf(r.Text)
		switch {
		case len(words) == 0:
			add(id, "text", "empty "+string(r.Kind))
		case r.Kind == Term && len(words) > 1:
			add(id, "text", "term "+strconv.Quote(r.Text)+" normalises to "+strconv.Itoa(len(words))+" words; use kind phrase")
		case r.Kind == Phrase && len(words) < 2:
			add(id, "text", "phrase "+strconv.Quote(r.Text)+" normalises to one word; use kind term")
		case r.Kind == Term && len(words[0]) < 2 && r.Role != Cue:
			add(id, "text", "term "+strconv.Quote(r.Text)+" is a single letter")
		case (r.Role == Target || r.Role == Predicate) && allCommon(words):
			add(id, "text", string(r.Role)+" "+strconv.Quote(r.Text)+" is only common words: it would match nearly every post")
		}
	case Pattern:
		c.patterns++
		msg := checkPatternText(r)
		if msg == "" {
			var n int
			n, msg = checkExpr(r.Expr, probePatterns && r.Role != Cue)
			c.phrases += n
		}
		if msg != "" {
			add(id, "text", msg)
		}
	default:
		add(id, "kind", "unknown kind "+strconv.Quote(string(r.Kind))+" (want term, phrase or pattern)")
	}

	if len(r.Exceptions) > MaxExceptions {
		add(id, "exceptions", overLimit(len(r.Exceptions), "exceptions", MaxExceptions))
	}
	for _, x := range r.Exceptions {
		if len(x) > MaxTextLen {
			add(id, "exceptions", "exception longer than "+strconv.Itoa(MaxTextLen)+" bytes")
			continue
		}
		if len(c.wordsOf(x)) == 0 {
			add(id, "exceptions", "empty exception "+strconv.Quote(x))
		}
	}
}

//go:noinline
func (c *listCheck) known(ks []string) {
	known := make(map[string]bool, len(ks))
	for _, k := range ks {
		words := c.wordsOf(k)
		switch {
		case len(k) > MaxKnownLen:
			c.e.add("", "known", strconv.Quote(k)+" is longer than "+strconv.Itoa(MaxKnownLen)+" bytes")
		case len(words) != 1:
			c.e.add("", "known", strconv.Quote(k)+" is not one word")
		case known[words[0]]:
			c.e.add("", "known", strconv.Quote(k)+" is there twice")
		default:
			known[words[0]] = true
		}
	}
}

// add records a problem of e's list. Not inlined: at each of Validate's
// calls, the append of a Problem (four strings, each stored with a write
// barrier) made Validate 32 KB of voile.wasm, 5 KB of it gzipped.
//
//go:noinline
func (e *Error) add(rule, field, msg string) {
	e.Problems = append(e.Problems, Problem{List: e.List, Rule: rule, Field: field, Msg: msg})
}

// checkRole checks the fields that depend on a rule's role: its class,
// order and category.
func checkRole(r *Rule, add func(field, msg string)) {
	category := func(required bool) {
		switch {
		case r.Category == "" && !required:
		case !r.Category.Known():
			add("category", "unknown category "+strconv.Quote(string(r.Category))+" (known: "+categoryNames()+")")
		}
	}
	noClass := func() {
		if r.Class != "" {
			add("class", strconv.Quote(string(r.Class))+": only predicates and cues have a class")
		}
	}
	noOrder := func() {
		if r.Order != "" {
			add("order", strconv.Quote(string(r.Order))+": only predicates have an order")
		}
	}
	switch r.Role {
	case Flagging:
		category(true)
		noClass()
		noOrder()
	case Target:
		category(true)
		if r.Category == Threat {
			add("category", "a target names a group: "+strconv.Quote(string(r.Category))+" is not one")
		}
		noClass()
		noOrder()
	case Predicate:
		category(false)
		if !slices.Contains(PredicateClasses, r.Class) {
			add("class", strconv.Quote(string(r.Class))+" is not a predicate class (known: "+names(PredicateClasses)+")")
		}
		if r.Order != "" && !slices.Contains(Orders, r.Order) {
			add("order", "unknown order "+strconv.Quote(string(r.Order))+" (known: "+names(Orders)+")")
		}
	case Cue:
		switch {
		case r.Class == Sense:
			category(true) // the slurs whose sense it gives
		case r.Category != "":
			add("category", strconv.Quote(string(r.Category))+": a cue has no category")
		}
		if !slices.Contains(CueClasses, r.Class) {
			add("class", strconv.Quote(string(r.Class))+" is not a cue class (known: "+names(CueClasses)+")")
		}
		// An in-group cue may follow the slur it reclaims (« et fière »),
		// a challenge the question it answers ("Neither did I."); a
		// counter cue may count only before the groups it speaks of.
		if r.Order != "" && !((r.Class == Ingroup || r.Class == Challenge) && r.Order == After || r.Class == Counter && r.Order == Before) {
			add("order", strconv.Quote(string(r.Order))+": only predicates have an order, in-group and challenge cues the order after, and counter cues the order before")
		}
	default:
		add("role", "unknown role "+strconv.Quote(string(r.Role))+" (known: target, predicate, cue, or none)")
	}
}

// common are words so frequent that a target or predicate made only of
// them would match nearly every post.
var common = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`the a an and or but is are was were be been being of to in on at for with by from
		as it its this that these those i you he she we they me him her us them my your our their not no yes do does did
		have has had will would can could should may might must all some any every one people person thing things
		get got go going make made say said like just so very too more most much many good bad new old
		le la les l un une des de du d et ou mais est sont etait etre a au aux en dans sur pour par avec ce cette ces
		il elle ils elles on nous vous je j tu me te se lui leur leurs mon ma mes ton ta tes son sa ses ne n pas plus
		tout tous toute toutes que qui quoi c s y gens personne chose faire fait dire dit bien bon mal tres trop`) {
		common[w] = true
	}
}

func allCommon(words []string) bool {
	for _, w := range words {
		if !common[w] {
			return false
		}
	}
	return true
}

func names[T ~string](xs []T) string {
	s := make([]string, len(xs))
	for i, x := range xs {
		s[i] = string(x)
	}
	return strings.Join(s, ", ")
}

func categoryNames() string { return names(Categories[:]) }

// overLimit says that n things are more than limit: "n bytes" when what
// is empty, else "n what".
func overLimit(n int, what string, limit int) string {
	if what == "" {
		what = "bytes"
	}
	return strconv.Itoa(n) + " " + what + ", more than the limit of " + strconv.Itoa(limit)
}

// formatFloat writes x as fmt's %v does.
func formatFloat(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }
