package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"voile/shared/bundle"
	"voile/shared/demo"
	"voile/shared/rules"
	"voile/shared/verdict"
)

func classify(args []string) error {
	fs := newFlags("classify", "[flags] [LIST...] < POSTS", `Classifies posts read from standard input, one a line (plain text, or JSON
objects with a "text" field), with the LISTs (sources, or .bundle files
with -pub; the starter lists when none is given), and writes one JSON
verdict a line.`)
	sens := fs.Float64("sensitivity", verdict.DefaultSensitivity, "sensitivity in [0, 1]")
	cats := fs.String("categories", "", "comma-separated categories to enable (default all)")
	pub := fs.String("pub", "", "publisher public key file, for .bundle lists")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *sens < 0 || *sens > 1 {
		return fmt.Errorf("-sensitivity %v: want a number in [0, 1]", *sens)
	}
	lists, err := listsOrStarter(fs.Args(), *pub)
	if err != nil {
		return err
	}
	c, err := classifierOf(lists)
	if err != nil {
		return err
	}
	opts := &verdict.Options{Sensitivity: *sens}
	if *cats != "" {
		for _, c := range strings.Split(*cats, ",") {
			if !rules.Category(c).Known() {
				return fmt.Errorf("-categories: unknown category %q", c)
			}
			opts.Categories = append(opts.Categories, rules.Category(c))
		}
	}
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 64<<10), 1<<20)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	enc := json.NewEncoder(out)
	for n := 1; in.Scan(); n++ {
		line := in.Text()
		text := line
		if strings.HasPrefix(strings.TrimSpace(line), "{") {
			var post struct {
				Text *string `json:"text"`
			}
			if err := json.Unmarshal([]byte(line), &post); err != nil || post.Text == nil {
				return fmt.Errorf("stdin line %d: want a JSON object with a \"text\" string", n)
			}
			text = *post.Text
		}
		v := c.Classify(text, opts)
		if err := enc.Encode(struct {
			Line int    `json:"line"`
			Text string `json:"text"`
			*verdict.Verdict
		}{n, text, v}); err != nil {
			return err
		}
	}
	return in.Err()
}

// listsOrStarter loads the lists at paths, or with none the starter lists
// that the extension ships.
func listsOrStarter(paths []string, pubFile string) ([]*rules.List, error) {
	if len(paths) == 0 {
		return demo.Lists()
	}
	return loadLists(paths, pubFile)
}

// loadLists reads list sources, or signed bundles checked with the public
// key in pubFile.
func loadLists(paths []string, pubFile string) ([]*rules.List, error) {
	if len(paths) == 0 {
		return nil, fmt.Errorf("no rule list given")
	}
	var lists []*rules.List
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		if filepath.Ext(p) != ".bundle" {
			l, err := rules.Parse(p, data)
			if err != nil {
				return nil, err
			}
			lists = append(lists, l)
			continue
		}
		if pubFile == "" {
			return nil, fmt.Errorf("%s: a bundle needs the publisher's key (-pub)", p)
		}
		keyText, err := os.ReadFile(pubFile)
		if err != nil {
			return nil, err
		}
		key, err := bundle.ParsePublicKey(string(keyText))
		if err != nil {
			return nil, fmt.Errorf("%s: %v", pubFile, err)
		}
		b, err := bundle.Decode(data)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", p, err)
		}
		l, err := b.Open(key)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", p, err)
		}
		lists = append(lists, l)
	}
	return lists, nil
}

func validate(args []string) error {
	fs := newFlags("validate", "LIST.yaml...", `Checks list sources as the server and the extension do: the fields, ids,
languages, weights, categories, roles and patterns. Prints "ok" for each
valid list and every problem of the others.`)
	if err := fs.Parse(args); err != nil {
		return err
	}
	args = fs.Args()
	if len(args) == 0 {
		return usage(fs)
	}
	bad := 0
	for _, p := range args {
		data, err := os.ReadFile(p)
		if err == nil {
			_, err = rules.Parse(p, data)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			bad++
			continue
		}
		fmt.Printf("%s: ok\n", p)
	}
	if bad > 0 {
		return fmt.Errorf("%d of %d lists invalid", bad, len(args))
	}
	return nil
}
