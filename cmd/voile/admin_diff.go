package main

import (
	"fmt"
	"io"
	"os"
	"reflect"
	"slices"
	"sort"
	"strings"

	"voile/shared/bundle"
	"voile/shared/rules"
)

func diff(args []string) error {
	fs := newFlags("diff", "[flags] LIST.yaml | -to VERSION PUBLISHER/LIST", `With a list source: what it changes from the published version (or from
version -to). With PUBLISHER/LIST and -to: what rolling back to that version
would change from the published one. Published versions are checked with
-pub, or the key in the server's catalog.`)
	var r remote
	r.flags(fs, false)
	pubFile := fs.String("pub", "", "publisher public key file to check the published version with (default: the key in the server's catalog)")
	to := fs.Uint64("to", 0, "compare with this published version instead of the latest")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usage(fs)
	}
	var local *rules.List
	publisher, list, err := listName(fs.Arg(0))
	if err != nil {
		return err
	}
	if _, serr := os.Stat(fs.Arg(0)); serr == nil {
		src, err := os.ReadFile(fs.Arg(0))
		if err != nil {
			return err
		}
		if local, err = rules.Parse(fs.Arg(0), src); err != nil {
			return err
		}
	} else if *to == 0 {
		return fmt.Errorf("%s/%s: give -to VERSION to compare a published version with the latest", publisher, list)
	}
	b, err := r.Bundle(publisher, list, *to)
	if err != nil {
		return err
	}
	if b == nil {
		if local != nil && *to == 0 {
			fmt.Printf("%s/%s is not published yet: all %d rules are new\n", publisher, list, len(local.Rules))
			return nil
		}
		return fmt.Errorf("the server has no version %d of %s/%s", *to, publisher, list)
	}
	keyText := ""
	if *pubFile != "" {
		k, err := os.ReadFile(*pubFile)
		if err != nil {
			return err
		}
		keyText = string(k)
	} else if keyText, err = r.CatalogKey(publisher); err != nil {
		return err
	}
	key, err := bundle.ParsePublicKey(keyText)
	if err != nil {
		return err
	}
	published, err := b.Open(key)
	if err != nil {
		return fmt.Errorf("published version: %w", err)
	}
	if local != nil {
		writeDiff(os.Stdout, published, local, "published", "local")
		return nil
	}
	lb, err := r.Bundle(publisher, list, 0)
	if err != nil {
		return err
	}
	latest, err := lb.Open(key)
	if err != nil {
		return fmt.Errorf("published version: %w", err)
	}
	writeDiff(os.Stdout, latest, published, "latest", "rolled back to")
	return nil
}

// writeDiff prints what changes from list a (published) to b (local): the
// list's own fields, then rules removed, added and changed, by rule ID.
func writeDiff(w io.Writer, a, b *rules.List, aName, bName string) {
	fmt.Fprintf(w, "--- %s/%s version %d (%s)\n+++ %s/%s version %d (%s)\n", a.Publisher, a.ID, a.Version, aName, b.Publisher, b.ID, b.Version, bName)
	n := 0
	field := func(name string, x, y any) {
		if !reflect.DeepEqual(x, y) {
			fmt.Fprintf(w, "~ %s: %v -> %v\n", name, x, y)
			n++
		}
	}
	field("name", a.Name, b.Name)
	field("description", a.Description, b.Description)
	field("langs", a.Langs, b.Langs)
	field("demo", a.Demo, b.Demo)
	for _, c := range rules.Categories {
		field("threshold "+string(c), a.Threshold(c), b.Threshold(c))
	}
	// Rules are compared as bundles carry them (a pattern by its tree, a
	// published one has no text) and shown with their patterns' text.
	before := map[string]rules.Rule{}
	for _, r := range a.ForBundle().Rules {
		before[r.ID] = r
	}
	after := map[string]rules.Rule{}
	for _, r := range b.ForBundle().Rules {
		after[r.ID] = r
	}
	var removed, added, changed []string
	for id := range before {
		if _, ok := after[id]; !ok {
			removed = append(removed, id)
		}
	}
	for id, r := range after {
		old, ok := before[id]
		switch {
		case !ok:
			added = append(added, id)
		case !reflect.DeepEqual(old, r):
			changed = append(changed, id)
		}
	}
	sort.Strings(removed)
	sort.Strings(added)
	sort.Strings(changed)
	for _, id := range removed {
		fmt.Fprintf(w, "- rule %s\n", describe(before[id]))
	}
	for _, id := range added {
		fmt.Fprintf(w, "+ rule %s\n", describe(after[id]))
	}
	for _, id := range changed {
		x, y := before[id], after[id]
		fmt.Fprintf(w, "~ rule %s\n", id)
		rf := func(name string, p, q any) {
			if !reflect.DeepEqual(p, q) {
				fmt.Fprintf(w, "    %s: %v -> %v\n", name, p, q)
			}
		}
		rf("kind", x.Kind, y.Kind)
		rf("role", x.Role, y.Role)
		rf("class", x.Class, y.Class)
		rf("order", x.Order, y.Order)
		if x.Text != y.Text || !slices.Equal(x.Expr, y.Expr) {
			fmt.Fprintf(w, "    text: %s -> %s\n", quote(rules.PatternText(&x)), quote(rules.PatternText(&y)))
		}
		rf("category", x.Category, y.Category)
		rf("weight", x.Weight, y.Weight)
		rf("langs", x.Langs, y.Langs)
		rf("exceptions", x.Exceptions, y.Exceptions)
	}
	n += len(removed) + len(added) + len(changed)
	if n == 0 {
		fmt.Fprintln(w, "no differences but the version")
		return
	}
	fmt.Fprintf(w, "%d rule(s) removed, %d added, %d changed\n", len(removed), len(added), len(changed))
}

func describe(r rules.Rule) string {
	s := fmt.Sprintf("%s: %s %s, %s, weight %g", r.ID, r.Kind, quote(rules.PatternText(&r)), r.Category, r.Weight)
	if len(r.Exceptions) > 0 {
		s += ", except " + strings.Join(r.Exceptions, "; ")
	}
	return s
}

func quote(s string) string { return fmt.Sprintf("%q", s) }
