package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"reflect"
	"sort"
	"strings"

	"voile/shared/bundle"
	"voile/shared/rules"
)

func diff(args []string) error {
	fs := flag.NewFlagSet("diff", flag.ContinueOnError)
	var r remote
	r.flags(fs, false)
	pubFile := fs.String("pub", "", "publisher public key file to check the published version with (default: the key in the server's catalog)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return fmt.Errorf("usage: voile diff [-server URL] [-pub NAME.pub] LIST.yaml")
	}
	src, err := os.ReadFile(fs.Arg(0))
	if err != nil {
		return err
	}
	local, err := rules.Parse(fs.Arg(0), src)
	if err != nil {
		return err
	}
	b, err := r.fetchBundle(local.Publisher, local.ID, 0)
	if err != nil {
		return err
	}
	if b == nil {
		fmt.Printf("%s/%s is not published yet: all %d rules are new\n", local.Publisher, local.ID, len(local.Rules))
		return nil
	}
	keyText := ""
	if *pubFile != "" {
		k, err := os.ReadFile(*pubFile)
		if err != nil {
			return err
		}
		keyText = string(k)
	} else if keyText, err = r.catalogKey(local.Publisher); err != nil {
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
	writeDiff(os.Stdout, published, local)
	return nil
}

// writeDiff prints what changes from list a (published) to b (local): the
// list's own fields, then rules removed, added and changed, by rule ID.
func writeDiff(w io.Writer, a, b *rules.List) {
	fmt.Fprintf(w, "--- %s/%s version %d (published)\n+++ %s/%s version %d (local)\n", a.Publisher, a.ID, a.Version, b.Publisher, b.ID, b.Version)
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
	before := map[string]rules.Rule{}
	for _, r := range a.Rules {
		before[r.ID] = r
	}
	after := map[string]rules.Rule{}
	for _, r := range b.Rules {
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
		rf("text", quote(x.Text), quote(y.Text))
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
	s := fmt.Sprintf("%s: %s %s, %s, weight %g", r.ID, r.Kind, quote(r.Text), r.Category, r.Weight)
	if len(r.Exceptions) > 0 {
		s += ", except " + strings.Join(r.Exceptions, "; ")
	}
	return s
}

func quote(s string) string { return fmt.Sprintf("%q", s) }
