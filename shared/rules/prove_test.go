//go:build !verifyonly

package rules

import (
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// compiledCheck is checkPattern's verdict on the empty string and the
// probe text reached by running a compiled expression on each, as
// validation did before the syntax tree's proofs: the reference they must
// agree with.
func compiledCheck(p string, probe bool) string {
	re, err := regexp.Compile(p)
	if err != nil {
		return "invalid"
	}
	if re.MatchString("") {
		return "over-broad pattern " + strconv.Quote(p) + ": it matches the empty string"
	}
	for _, s := range probeText {
		if probe && re.MatchString(s) {
			return "over-broad pattern " + strconv.Quote(p) + ": it matches ordinary text " + strconv.Quote(s)
		}
	}
	return ""
}

// provedCheck is checkPattern's answer in compiledCheck's terms, and
// false for a pattern refused before either check (empty, too long, too
// complex).
func provedCheck(p string, probe bool) (string, bool) {
	msg := checkPattern(p, probe)
	switch {
	case strings.HasPrefix(msg, "invalid pattern:"):
		return "invalid", true
	case msg == "empty pattern", strings.HasPrefix(msg, "pattern longer"), strings.HasPrefix(msg, "pattern too complex"):
		return msg, false
	}
	return msg, true
}

var proofPatterns = []string{
	`\bthe\b`, `\b(the|a) (black|jew)s?\b`, `\b(x|)\b`, `x*`, `(?i)THE`, `(?i)\bjews?\b`, `\bk+i+l+ all\b`,
	`.`, `\w+`, `\b\w+ (are|is) \w+\b`, `\b(weather|meteo)\b`, `normal`, `(a|b)+`, `\bpeople\b`, `[a-z]{2,}`,
	`\b(happily watch|break every bone)\b`, `^$`, `\b`, `(?:)`, `ab{0}`, `(ab){1,3}c`, `\d`, `https?`, `ww+`,
	`(?s).x`, `\b(ils|gens) (sont|doivent)\b`, `a|`, `(|a)b`, `est une`, `\Aceci\z`,
}

// TestCheckPatternProofs: what the syntax tree proves, and the compiled
// expression decides where it cannot, is what the compiled expression
// alone decided, for the starter lists' patterns and patterns made to
// match the probe text, the empty string, or not.
func TestCheckPatternProofs(t *testing.T) {
	for _, s := range probeText {
		if s != strings.ToLower(s) {
			t.Fatalf("probe text %q is not lower-case, as the proofs' literals are", s)
		}
	}
	patterns := append([]string{}, proofPatterns...)
	for _, name := range []string{"../demo/en.yaml", "../demo/fr.yaml"} {
		raw, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		l, err := Parse(name, raw)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range l.Rules {
			if r.Kind == Pattern {
				patterns = append(patterns, r.Text)
			}
		}
	}
	refused := 0
	for _, p := range patterns {
		for _, probe := range []bool{true, false} {
			got, ok := provedCheck(p, probe)
			if want := compiledCheck(p, probe); !ok || got != want {
				t.Errorf("%s (probe %v): %q, compiled %q", p, probe, got, compiledCheck(p, probe))
			}
			if got != "" {
				refused++
			}
		}
	}
	if refused < 20 {
		t.Errorf("only %d refusals: the test's patterns do not reach the checks", refused)
	}
}

// FuzzCheckPattern checks TestCheckPatternProofs's property on any pattern.
func FuzzCheckPattern(f *testing.F) {
	for _, p := range proofPatterns {
		f.Add(p)
	}
	f.Fuzz(func(t *testing.T, p string) {
		for _, probe := range []bool{true, false} {
			got, ok := provedCheck(p, probe)
			if !ok {
				return
			}
			if want := compiledCheck(p, probe); got != want {
				t.Fatalf("%q (probe %v): %q, compiled %q", p, probe, got, want)
			}
		}
	})
}
