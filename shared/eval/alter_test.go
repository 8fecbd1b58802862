package eval_test

import (
	"strings"
	"testing"

	"voile/shared/eval"
	"voile/shared/match"
	"voile/shared/rules"
)

func TestAlter(t *testing.T) {
	l := &rules.List{ID: "l", Publisher: "p", Version: 1, Langs: []string{"en"}, Rules: []rules.Rule{
		{ID: "t", Kind: rules.Term, Role: rules.Target, Category: rules.Xenophobia, Text: "migrants", Weight: 1},
	}}
	if err := l.Validate(); err != nil {
		t.Fatal(err)
	}
	e, err := match.Compile(l)
	if err != nil {
		t.Fatal(err)
	}
	cases := []eval.Case{
		{ID: "a", Text: "the migrants again", Hateful: true},
		{ID: "b", Text: "the migrants again", Hateful: false}, // not hateful: left out
		{ID: "c", Text: "nothing to alter", Hateful: true},    // no group: left out
	}
	want := map[string]func(string) bool{
		"none":   func(s string) bool { return s == "the migrants again" },
		"drop":   func(s string) bool { return len(s) == len("the migrants again")-1 && s[:5] == "the m" },
		"swap":   func(s string) bool { return len(s) == len("the migrants again") && s != "the migrants again" },
		"double": func(s string) bool { return len(s) == len("the migrants again")+1 },
		"spaced": func(s string) bool { return s == "the m i g r a n t s again" },
		"split": func(s string) bool {
			return len(s) == len("the migrants again")+1 && s[:6] == "the mi" && strings.Count(s, " ") == 3
		},
		"glued": func(s string) bool { return s == "themigrants again" },
		"leet":  func(s string) bool { return s == "the m1gr4nt5 again" },
	}
	for _, kind := range eval.Alterations {
		got, err := eval.Alter(cases, e, kind, "target")
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 1 || got[0].ID != "a" || !want[kind](got[0].Text) {
			t.Errorf("%s: %+v", kind, got)
		}
	}
	if _, err := eval.Alter(cases, e, "backwards", "target"); err == nil {
		t.Error("an unknown alteration was accepted")
	}
	if _, err := eval.Alter(cases, e, "drop", "adjective"); err == nil {
		t.Error("an unknown role was accepted")
	}
	// Words of another role are not altered: no predicate here.
	if got, err := eval.Alter(cases, e, "drop", "predicate"); err != nil || len(got) != 0 {
		t.Errorf("predicates altered in a list without any: %+v, %v", got, err)
	}
}
