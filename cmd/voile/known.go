package main

import (
	"bufio"
	"fmt"
	"os"

	"voile/shared/match"
	"voile/shared/normalize"
	"voile/shared/rules"
)

func known(args []string) error {
	fs := newFlags("known", "-words FILE [-words FILE]... [LIST...]", `Prints the words of the -words files (one word a line, such as a
dictionary of the lists' languages) that the LISTs (the starter lists
when none is given) would read as a spelling variant of one of their
lexicon words or slurs: "wore" as "whore", "latrines" as "latinos". Add
those that are ordinary words to a list's known words, and the engine
reads them as themselves. Each is printed with the rule it would match.`)
	var files []string
	fs.Func("words", "a file of words, one a line (repeatable)", func(f string) error {
		files = append(files, f)
		return nil
	})
	pub := fs.String("pub", "", "publisher public key file, for .bundle lists")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if len(files) == 0 {
		return usage(fs)
	}
	lists, err := listsOrStarter(fs.Args(), *pub)
	if err != nil {
		return err
	}
	e, err := match.Compile(lists...)
	if err != nil {
		return err
	}
	m := e.NewMatcher()
	n := normalize.New()
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	var words []string
	for _, f := range files {
		file, err := os.Open(f)
		if err != nil {
			return err
		}
		in := bufio.NewScanner(file)
		for in.Scan() {
			w := in.Text()
			if words = n.AppendListWords(words[:0], w); len(words) != 1 || e.Knows(words[0]) {
				continue
			}
			for _, h := range m.Match(w) {
				r := &e.Lists[h.List].Rules[h.Rule]
				if r.Role != rules.Cue {
					fmt.Fprintf(out, "%s\t%s/%s\n", w, e.Lists[h.List].ID, r.ID)
					break
				}
			}
		}
		file.Close()
		if err := in.Err(); err != nil {
			return fmt.Errorf("%s: %v", f, err)
		}
	}
	return nil
}
