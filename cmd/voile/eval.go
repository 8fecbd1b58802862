package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"voile/shared/eval"
	"voile/shared/match"
	"voile/shared/rules"
	"voile/shared/verdict"
)

// evaluate is `voile eval`: lists (and their model) on labelled posts.
func evaluate(args []string) error {
	fs := flag.NewFlagSet("eval", flag.ContinueOnError)
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), `usage: voile eval [flags] [LIST...] FILE.jsonl...

Classifies the labelled posts of each FILE.jsonl with the LISTs (the
starter lists and the default model when none is given) and prints
accuracy, recall, specificity (non-hateful posts left alone), precision
and F1 of the hateful class, per language, category and function, then
the false positives and the misses. Rows are {"text", "hateful": bool,
"lang", "function", "category", "split"} or {"text", "label":
hate|offensive|normal, "lang", "split"}. With -against, also lists the
posts whose verdict the LISTs change from the published version of one of
them. With -alter, measures only the hateful posts that name a group in
one word, that word misspelt as a post might (its recall against
-alter none, the same posts as written, says what spelling costs);
-alter-role predicate or slur alters the hateful word or the slur instead.

Flags:`)
		fs.PrintDefaults()
	}
	sens := fs.Float64("sensitivity", verdict.DefaultSensitivity, "sensitivity in [0, 1]")
	splits := fs.String("split", "", "comma-separated splits to evaluate (default all)")
	errs := fs.Int("errors", 20, "false positives and misses to print per file (-1: all)")
	pub := fs.String("pub", "", "publisher public key file, for .bundle lists")
	modelOnly := fs.Bool("model-only", false, "measure the lists' model alone, at the threshold training chose")
	table := fs.Bool("table", false, "print one summary row per file and language instead of the full report")
	against := fs.String("against", "", "the published version of one of the LISTs (source or .bundle), to list the posts whose verdict changes")
	alter := fs.String("alter", "", "measure the hateful posts that name a group in one word, with that word spelt as: "+strings.Join(eval.Alterations, ", ")+" (none: the same posts as written)")
	alterRole := fs.String("alter-role", "target", "with -alter, the word altered: target (the group's name), predicate or slur")
	if err := fs.Parse(args); err != nil {
		return err
	}
	var listPaths, dataPaths []string
	for _, a := range fs.Args() {
		if filepath.Ext(a) == ".jsonl" {
			dataPaths = append(dataPaths, a)
		} else {
			listPaths = append(listPaths, a)
		}
	}
	if len(dataPaths) == 0 {
		return fmt.Errorf("no labelled FILE.jsonl given")
	}
	lists, err := listsOrStarter(listPaths, *pub)
	if err != nil {
		return err
	}
	// One compiled engine serves the classifier and -alter.
	e, err := match.Compile(lists...)
	if err != nil {
		return err
	}
	c := verdict.New(e)
	var old *verdict.Classifier
	if *against != "" {
		prev, err := loadLists([]string{*against}, *pub)
		if err != nil {
			return err
		}
		replaced, ok := replaceList(lists, prev[0])
		if !ok {
			return fmt.Errorf("-against %s: list %s/%s is not among the lists evaluated", *against, prev[0].Publisher, prev[0].ID)
		}
		if old, err = classifierOf(replaced); err != nil {
			return err
		}
	}
	opts := &verdict.Options{Sensitivity: *sens}
	var sel []string
	if *splits != "" {
		sel = strings.Split(*splits, ",")
	}
	header := false
	for _, p := range dataPaths {
		cases, err := eval.ReadFile(p)
		if err != nil {
			return err
		}
		cases = eval.Select(cases, sel...)
		title := p
		if *splits != "" {
			title += " (" + *splits + ")"
		}
		if *alter != "" {
			if cases, err = eval.Alter(cases, e, *alter, *alterRole); err != nil {
				return err
			}
			title += " " + *alterRole + " " + *alter
		}
		var outs []eval.Outcome
		if *modelOnly {
			if outs, err = eval.ClassifyModel(c, cases); err != nil {
				return err
			}
			title += " model alone"
		} else {
			outs = eval.Classify(c, cases, opts)
		}
		if *table {
			if !header {
				eval.PrintRowHeader(os.Stdout)
				header = true
			}
			eval.Summarise(outs).PrintRows(os.Stdout, title)
			continue
		}
		eval.Summarise(outs).Print(os.Stdout, title)
		if *errs != 0 {
			eval.PrintErrors(os.Stdout, outs, *errs)
		}
		if old != nil {
			before := eval.Classify(old, cases, opts)
			changed := eval.Changed(before, outs)
			fmt.Printf("%d posts change verdict from %s:\n", len(changed), *against)
			for _, i := range changed {
				o := &outs[i]
				now := "no longer flagged"
				if o.Flagged {
					now = "now flagged"
				}
				fmt.Printf("  %s %s (labelled hateful: %v) %q\n", o.ID, now, o.Hateful, o.Text)
			}
		}
		fmt.Println()
	}
	return nil
}

// replaceList returns lists with the list of prev's publisher and id
// replaced by prev.
func replaceList(lists []*rules.List, prev *rules.List) ([]*rules.List, bool) {
	out := make([]*rules.List, len(lists))
	found := false
	for i, l := range lists {
		out[i] = l
		if l.ID == prev.ID && l.Publisher == prev.Publisher {
			out[i], found = prev, true
		}
	}
	return out, found
}

func classifierOf(lists []*rules.List) (*verdict.Classifier, error) {
	e, err := match.Compile(lists...)
	if err != nil {
		return nil, err
	}
	return verdict.New(e), nil
}
