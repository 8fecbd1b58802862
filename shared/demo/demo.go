package demo

import (
	"embed"
	"fmt"

	"voile/shared/rules"
)

//go:embed en.yaml fr.yaml model.yaml
var files embed.FS

// Files are the names of the demo lists' sources, in the order Lists
// returns them: the English and French starter lists, then the list that
// carries the default model (`make model` trains it).
var Files = []string{"en.yaml", "fr.yaml", "model.yaml"}

// Sources returns each demo list's source text by file name.
func Sources() map[string][]byte {
	m := make(map[string][]byte, len(Files))
	for _, name := range Files {
		b, err := files.ReadFile(name)
		if err != nil {
			panic("demo: embedded list missing: " + name) // embedded at build time
		}
		m[name] = b
	}
	return m
}

// Lists parses and validates the demo lists, English first.
func Lists() ([]*rules.List, error) {
	src := Sources()
	lists := make([]*rules.List, 0, len(src))
	for _, name := range Files {
		l, err := rules.Parse(name, src[name])
		if err != nil {
			return nil, fmt.Errorf("demo list: %w", err)
		}
		lists = append(lists, l)
	}
	return lists, nil
}
