package rules

import (
	"fmt"
	"regexp"
	"regexp/syntax"
	"strings"

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
	// A list's name and description travel in every reader's catalog:
	// bounded, so that no list can crowd the catalog out.
	MaxNameLen        = 200  // bytes of a list's name
	MaxDescriptionLen = 2000 // bytes of a list's description
)

// probe is benign text that no pattern may match: a pattern that does is
// over-broad and would flag ordinary posts.
var probe = []string{
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
			if !langRE.MatchString(lang) {
				add(rule, "langs", "%q is not a two-letter ISO 639-1 code", lang)
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
	if len(l.Rules) == 0 {
		add("", "rules", "the list has no rules")
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
		if !r.Category.Known() {
			add(id, "category", "unknown category %q (known: %s)", r.Category, categoryNames())
		}
		if !(r.Weight > 0 && r.Weight <= 1) {
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
			case r.Kind == Term && len(words[0]) < 2:
				add(id, "text", "term %q is a single letter", r.Text)
			}
		case Pattern:
			patterns++
			if msg := checkPattern(r.Text); msg != "" {
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

// checkPattern returns what is wrong with an RE2 pattern, or "".
func checkPattern(p string) string {
	if strings.TrimSpace(p) == "" {
		return "empty pattern"
	}
	if len(p) > MaxPatternLen {
		return fmt.Sprintf("pattern longer than %d bytes", MaxPatternLen)
	}
	re, err := regexp.Compile(p)
	if err != nil {
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
	for _, s := range probe {
		if re.MatchString(s) {
			return fmt.Sprintf("over-broad pattern %q: it matches ordinary text %q", p, s)
		}
	}
	return ""
}

func categoryNames() string {
	s := make([]string, len(Categories))
	for i, c := range Categories {
		s[i] = string(c)
	}
	return strings.Join(s, ", ")
}
