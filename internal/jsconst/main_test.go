package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"voile/shared/rules"
)

const root = "../.."

// The generated module is the one the current rules.Categories gives.
func TestCategoriesModuleCurrent(t *testing.T) {
	path := filepath.Join(root, "extension/src/common/categories.js")
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if want := module(); !bytes.Equal(got, want) {
		t.Errorf("%s is stale: run make generate\ngot:\n%s\nwant:\n%s", path, got, want)
	}
}

// The categories are listed once, by rules.Categories, and copied only
// into the generated module: a file of the project's own that names every
// category within a few lines is another list of them, which a new
// category would leave behind.
func TestCategoriesListedOnce(t *testing.T) {
	var words []*regexp.Regexp
	for _, c := range rules.Categories {
		words = append(words, regexp.MustCompile(`\b`+regexp.QuoteMeta(string(c))+`\b`))
	}
	const window = 400 // bytes: a list, an object literal or a switch
	allowed := map[string]bool{
		"shared/rules/rules.go":              true, // the owner
		"extension/src/common/categories.js": true, // generated from it
		"shared/rules/rules_gen.go":          true,
	}
	var found []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if name == "node_modules" || name == "build" || name == "third_party" || (strings.HasPrefix(name, ".") && path != root) {
				return filepath.SkipDir
			}
			return nil
		}
		switch filepath.Ext(name) {
		case ".go", ".js", ".mjs":
		default:
			return nil
		}
		rel, _ := filepath.Rel(root, path)
		rel = filepath.ToSlash(rel)
		if allowed[rel] {
			return nil
		}
		text, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if at := listsAll(text, words, window); at >= 0 {
			line := 1 + bytes.Count(text[:at], []byte("\n"))
			found = append(found, rel+":"+strconv.Itoa(line))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(found) > 0 {
		t.Errorf("the categories are listed outside rules.Categories (use rules.Categories in Go, CATEGORIES of extension/src/common/categories.js or voile.categories in JavaScript):\n%s", strings.Join(found, "\n"))
	}
}

// listsAll returns the offset of the first window of text in which every
// word occurs, or -1.
func listsAll(text []byte, words []*regexp.Regexp, window int) int {
	first := words[0]
	for _, loc := range first.FindAllIndex(text, -1) {
		lo, hi := max(0, loc[0]-window), min(len(text), loc[0]+window)
		all := true
		for _, w := range words[1:] {
			if !w.Match(text[lo:hi]) {
				all = false
				break
			}
		}
		if all {
			return loc[0]
		}
	}
	return -1
}
