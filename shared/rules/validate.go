package rules

import (
	"fmt"
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"

	"voile/shared/model"
	"voile/shared/normalize"
)

// Limits on one list. They bound what a client must hold and compile, and
// a list over them is refused.
const (
	MaxRules      = 50000
	MaxPatterns   = 500 // pattern rules cost a regexp pass each
	MaxTextLen    = 256 // bytes of a term, phrase or exception
	MaxPatternLen = 512 // bytes of a pattern
	MaxExceptions = 32  // per rule
	MaxIDLen      = 64
	MaxLangs      = 16
	MaxModelBytes = 4 << 20 // a list's model (package model)
	// A list's name and description travel in every reader's catalog:
	// bounded, so that no list can crowd the catalog out.
	MaxNameLen        = 200  // bytes of a list's name
	MaxDescriptionLen = 2000 // bytes of a list's description
)

// probe is benign text that no pattern may match: a pattern that does is
// over-broad and would flag ordinary posts.
var probeText = []string{
	"the", "a", "and", "is", "of", "to", "in", "it", "you", "we", "they", "people", "this is a normal sentence about the weather",
	"le", "la", "les", "de", "et", "est", "un", "une", "vous", "nous", "ils", "gens", "ceci est une phrase normale sur la meteo",
	"1", "2024", "http", "www",
}

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
	fmt.Fprintf(&b, "list %q", p.List)
	if p.Rule != "" {
		fmt.Fprintf(&b, ": rule %q", p.Rule)
	}
	if p.Field != "" {
		fmt.Fprintf(&b, ": %s", p.Field)
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
	fmt.Fprintf(&b, "invalid rule list %q: %d problem(s)", e.List, len(e.Problems))
	for i, p := range e.Problems {
		if i == show {
			fmt.Fprintf(&b, "\n  ... and %d more", len(e.Problems)-show)
			break
		}
		b.WriteString("\n  ")
		b.WriteString(p.Error())
	}
	return b.String()
}

var idRE = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]*$`)

// ValidID reports whether id may name a list, a rule or a publisher: 1 to
// MaxIDLen lower-case letters, digits, '.', '_' or '-', starting with a
// letter or digit.
func ValidID(id string) bool {
	return id != "" && len(id) <= MaxIDLen && idRE.MatchString(id)
}

var langRE = regexp.MustCompile(`^[a-z]{2}$`)

// Validate checks the list and returns an *Error naming every problem, or
// nil. A list that fails validation must not be used at all.
func (l *List) Validate() error {
	e := &Error{List: l.ID}
	add := func(rule, field, format string, args ...any) {
		e.Problems = append(e.Problems, Problem{List: l.ID, Rule: rule, Field: field, Msg: fmt.Sprintf(format, args...)})
	}
	checkID := func(rule, field, id string) {
		switch {
		case id == "":
			add(rule, field, "missing")
		case len(id) > MaxIDLen:
			add(rule, field, "longer than %d bytes", MaxIDLen)
		case !idRE.MatchString(id):
			add(rule, field, "%q must be lower-case letters, digits, '.', '_' or '-'", id)
		}
	}
	checkLangs := func(rule string, langs []string) {
		if len(langs) > MaxLangs {
			add(rule, "langs", "more than %d languages", MaxLangs)
		}
		for _, lang := range langs {
			switch {
			case !langRE.MatchString(lang):
				add(rule, "langs", "%q is not a two-letter ISO 639-1 code", lang)
			case !KnownLang(lang):
				add(rule, "langs", "%q is not an ISO 639-1 language code (en, fr, de, ar…)", lang)
			}
		}
	}

	checkID("", "id", l.ID)
	checkID("", "publisher", l.Publisher)
	if l.Version == 0 {
		add("", "version", "must be at least 1")
	}
	if len(l.Langs) == 0 {
		add("", "langs", "missing")
	}
	checkLangs("", l.Langs)
	if len(l.Name) > MaxNameLen {
		add("", "name", "%d bytes, more than the limit of %d", len(l.Name), MaxNameLen)
	}
	if len(l.Description) > MaxDescriptionLen {
		add("", "description", "%d bytes, more than the limit of %d", len(l.Description), MaxDescriptionLen)
	}
	for i, t := range l.Thresholds {
		if !t.Category.Known() {
			add("", "thresholds", "unknown category %q", t.Category)
		}
		if !(t.Score > 0 && t.Score <= 1) {
			add("", "thresholds", "threshold for %q is %v, want a number in (0, 1]", t.Category, t.Score)
		}
		for _, u := range l.Thresholds[:i] {
			if u.Category == t.Category {
				add("", "thresholds", "two thresholds for %q", t.Category)
			}
		}
	}
	if len(l.Rules) == 0 && len(l.Model) == 0 {
		add("", "rules", "the list has no rules and no model")
	}
	if n := len(l.Model); n > MaxModelBytes {
		add("", "model", "%d bytes, more than the limit of %d", n, MaxModelBytes)
	} else if n > 0 {
		if _, err := model.Decode(l.Model); err != nil {
			add("", "model", "%v", err)
		}
	}
	if len(l.Rules) > MaxRules {
		add("", "rules", "%d rules, more than the limit of %d", len(l.Rules), MaxRules)
		return e // not worth checking each of an oversized list
	}

	seen := make(map[string]bool, len(l.Rules))
	norm := normalize.New()
	patterns := 0
	var words []string
	for i := range l.Rules {
		r := &l.Rules[i]
		id := r.ID
		if id == "" {
			id = fmt.Sprintf("#%d", i+1)
		}
		checkID(id, "id", r.ID)
		if r.ID != "" && seen[r.ID] {
			add(id, "id", "duplicate rule id")
		}
		seen[r.ID] = true
		checkRole(r, func(field, format string, args ...any) { add(id, field, format, args...) })
		if w := r.Strength(); !(w > 0 && w <= 1) {
			add(id, "weight", "%v, want a number in (0, 1]", r.Weight)
		}
		checkLangs(id, r.Langs)

		switch r.Kind {
		case Term, Phrase:
			if len(r.Text) > MaxTextLen {
				add(id, "text", "longer than %d bytes", MaxTextLen)
				break
			}
			words = norm.AppendWords(words[:0], r.Text)
			switch {
			case len(words) == 0:
				add(id, "text", "empty %s", r.Kind)
			case r.Kind == Term && len(words) > 1:
				add(id, "text", "term %q normalises to %d words; use kind phrase", r.Text, len(words))
			case r.Kind == Phrase && len(words) < 2:
				add(id, "text", "phrase %q normalises to one word; use kind term", r.Text)
			case r.Kind == Term && len(words[0]) < 2 && r.Role != Cue:
				add(id, "text", "term %q is a single letter", r.Text)
			case (r.Role == Target || r.Role == Predicate) && allCommon(words):
				add(id, "text", "%s %q is only common words: it would match nearly every post", r.Role, r.Text)
			}
		case Pattern:
			patterns++
			// A cue is a common word by nature; other patterns must
			// not match ordinary text.
			if msg := checkPattern(r.Text, r.Role != Cue); msg != "" {
				add(id, "text", "%s", msg)
			}
		default:
			add(id, "kind", "unknown kind %q (want term, phrase or pattern)", r.Kind)
		}

		if len(r.Exceptions) > MaxExceptions {
			add(id, "exceptions", "%d exceptions, more than the limit of %d", len(r.Exceptions), MaxExceptions)
		}
		for _, x := range r.Exceptions {
			if len(x) > MaxTextLen {
				add(id, "exceptions", "exception longer than %d bytes", MaxTextLen)
				continue
			}
			if words = norm.AppendWords(words[:0], x); len(words) == 0 {
				add(id, "exceptions", "empty exception %q", x)
			}
		}
	}
	if patterns > MaxPatterns {
		add("", "rules", "%d pattern rules, more than the limit of %d", patterns, MaxPatterns)
	}
	if len(e.Problems) > 0 {
		return e
	}
	return nil
}

// checkRole checks the fields that depend on a rule's role: its class,
// order and category.
func checkRole(r *Rule, add func(field, format string, args ...any)) {
	category := func(required bool) {
		switch {
		case r.Category == "" && !required:
		case !r.Category.Known():
			add("category", "unknown category %q (known: %s)", r.Category, categoryNames())
		}
	}
	noClass := func() {
		if r.Class != "" {
			add("class", "%q: only predicates and cues have a class", r.Class)
		}
	}
	noOrder := func() {
		if r.Order != "" {
			add("order", "%q: only predicates have an order", r.Order)
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
			add("category", "a target names a group: %q is not one", r.Category)
		}
		noClass()
		noOrder()
	case Predicate:
		category(false)
		if !slices.Contains(PredicateClasses, r.Class) {
			add("class", "%q is not a predicate class (known: %s)", r.Class, names(PredicateClasses))
		}
		if r.Order != "" && !slices.Contains(Orders, r.Order) {
			add("order", "unknown order %q (known: %s)", r.Order, names(Orders))
		}
	case Cue:
		if r.Category != "" {
			add("category", "%q: a cue has no category", r.Category)
		}
		if !slices.Contains(CueClasses, r.Class) {
			add("class", "%q is not a cue class (known: %s)", r.Class, names(CueClasses))
		}
		noOrder()
	default:
		add("role", "unknown role %q (known: target, predicate, cue, or none)", r.Role)
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

// checkPattern returns what is wrong with an RE2 pattern, or "". With
// probe set, a pattern that matches ordinary text is over-broad.
func checkPattern(p string, probe bool) string {
	if strings.TrimSpace(p) == "" {
		return "empty pattern"
	}
	if len(p) > MaxPatternLen {
		return fmt.Sprintf("pattern longer than %d bytes", MaxPatternLen)
	}
	re, err := regexp.Compile(p)
	if err != nil {
		for _, look := range []string{"(?=", "(?!", "(?<=", "(?<!"} {
			if strings.Contains(p, look) {
				return fmt.Sprintf("invalid pattern: %q is a lookaround, and RE2 has no lookaround: match the words themselves, or use the rule's exceptions for what must not match", look)
			}
		}
		return fmt.Sprintf("invalid pattern: %v", err)
	}
	if parsed, err := syntax.Parse(p, syntax.Perl); err == nil {
		if prog, err := syntax.Compile(parsed.Simplify()); err == nil && len(prog.Inst) > 2000 {
			return fmt.Sprintf("pattern too complex (%d instructions, limit 2000)", len(prog.Inst))
		}
	}
	if re.MatchString("") {
		return fmt.Sprintf("over-broad pattern %q: it matches the empty string", p)
	}
	for _, s := range probeText {
		if probe && re.MatchString(s) {
			return fmt.Sprintf("over-broad pattern %q: it matches ordinary text %q", p, s)
		}
	}
	return ""
}

func categoryNames() string { return names(Categories[:]) }
