package eval

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"unicode/utf8"

	"voile/shared/match"
	"voile/shared/rules"
)

// Alterations are the spellings Alter writes a group's word in: as typed
// with a letter dropped, two neighbours swapped or one doubled, spaced
// out, broken in two by a space ("split"), run into the word before it
// ("glued": the space between them dropped; into the word after it when
// it starts the post), or in leetspeak; "none" leaves it, for the same
// posts as a baseline.
var Alterations = []string{"none", "drop", "swap", "double", "spaced", "split", "glued", "leet"}

// AlterRoles names the roles of the rules whose words Alter can alter:
// the group's name, the predicate's word, or a slur (a rule that flags by
// itself).
var AlterRoles = map[string]rules.Role{"target": rules.Target, "predicate": rules.Predicate, "slur": rules.Flagging}

// Alter returns the hateful cases in which e finds a rule of the role
// named (see AlterRoles) matching one word of four ASCII letters or more,
// with that word (the first such) altered as kind says: what a reader
// meets when a post misspells the group, the hateful word or the slur, at
// random places inside the word (seeded, so that every run alters alike).
// Cases it cannot alter are left out, so that the figures with "none" are
// those of the very same posts.
func Alter(cases []Case, e *match.Engine, kind, role string) ([]Case, error) {
	alter, ok := alterations[kind]
	if !ok {
		return nil, fmt.Errorf("alteration %q: want one of %s", kind, strings.Join(Alterations, ", "))
	}
	want, ok := AlterRoles[role]
	if !ok {
		return nil, fmt.Errorf("alteration of the words of role %q: want target, predicate or slur", role)
	}
	m := e.NewMatcher()
	r := rand.New(rand.NewPCG(1, 2))
	var out []Case
	for _, c := range cases {
		if !c.Hateful {
			continue
		}
		for _, h := range m.Match(c.Text) {
			rule := &e.Lists[h.List].Rules[h.Rule]
			w := c.Text[h.Start:h.End]
			if rule.Role != want || len(w) < 4 || !asciiLetters(w) {
				continue
			}
			if kind == "glued" {
				switch {
				case h.Start > 1 && c.Text[h.Start-1] == ' ' && c.Text[h.Start-2] != ' ':
					c.Text = c.Text[:h.Start-1] + c.Text[h.Start:]
				case h.End+1 < len(c.Text) && c.Text[h.End] == ' ' && c.Text[h.End+1] != ' ':
					c.Text = c.Text[:h.End] + c.Text[h.End+1:]
				default:
					continue // no single space beside the word
				}
			} else {
				c.Text = c.Text[:h.Start] + alter(w, r) + c.Text[h.End:]
			}
			out = append(out, c)
			break
		}
	}
	return out, nil
}

var alterations = map[string]func(w string, r *rand.Rand) string{
	"none": func(w string, _ *rand.Rand) string { return w },
	"drop": func(w string, r *rand.Rand) string {
		i := 1 + r.IntN(len(w)-2)
		return w[:i] + w[i+1:]
	},
	"swap": func(w string, r *rand.Rand) string {
		i := 1 + r.IntN(len(w)-3)
		return w[:i] + w[i+1:i+2] + w[i:i+1] + w[i+2:]
	},
	"double": func(w string, r *rand.Rand) string {
		i := 1 + r.IntN(len(w)-2)
		return w[:i] + w[i:i+1] + w[i:]
	},
	"spaced": func(w string, _ *rand.Rand) string {
		return strings.Join(strings.Split(w, ""), " ")
	},
	"split": func(w string, r *rand.Rand) string {
		i := 2 + r.IntN(len(w)-3)
		return w[:i] + " " + w[i:]
	},
	"glued": func(w string, _ *rand.Rand) string { return w }, // Alter drops the space beside w
	"leet": func(w string, _ *rand.Rand) string {
		return strings.NewReplacer("a", "4", "e", "3", "i", "1", "o", "0", "s", "5").Replace(w)
	},
}

func asciiLetters(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i] | 0x20; c < 'a' || c > 'z' || w[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
