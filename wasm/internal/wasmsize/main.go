package main

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"sort"
	"strings"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: wasmsize FILE.wasm")
		os.Exit(2)
	}
	data, err := os.ReadFile(os.Args[1])
	if err == nil {
		err = report(data)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "wasmsize: %s: %v\n", os.Args[1], err)
		os.Exit(1)
	}
}

var sectionNames = map[byte]string{1: "type", 2: "import", 3: "function", 5: "memory", 6: "global", 7: "export", 9: "element", 10: "code", 11: "data"}

func report(data []byte) error {
	if len(data) < 8 || string(data[:4]) != "\x00asm" {
		return errors.New("not a wasm module")
	}
	m, err := parse(data[8:])
	if err != nil {
		return err
	}
	fmt.Printf("%d bytes in all\n\nsections:\n", len(data))
	for _, s := range sortedCounts(m.sections) {
		fmt.Printf("%10d  %s\n", s.n, s.name)
	}
	m.reportData()
	if len(m.names) == 0 {
		fmt.Println("\nno name section: build without -ldflags=-s to see packages")
		return nil
	}
	pkgs, funcs := map[string]int{}, map[string]int{}
	code := map[string][]byte{}
	for i, size := range m.bodies {
		name := m.names[m.imports+i]
		p := packageOf(name)
		pkgs[p] += size
		funcs[name] += size
		code[p] = append(code[p], m.code[i]...)
	}
	// Each package's code compressed alone: roughly what it adds to the
	// gzipped file (its share of the data section, pclntab and types, is
	// not counted).
	fmt.Println("\ncode bytes by package, and compressed alone (flate -9):")
	for i, p := range sortedCounts(pkgs) {
		if i == 50 {
			break
		}
		fmt.Printf("%10d %8d  %s\n", p.n, deflated(code[p.name]), p.name)
	}
	fmt.Println("\nlargest functions (code bytes):")
	for i, f := range sortedCounts(funcs) {
		if i == 40 {
			break
		}
		fmt.Printf("%10d  %s\n", f.n, f.name)
	}
	return nil
}

func deflated(b []byte) int {
	var buf bytes.Buffer
	w, _ := flate.NewWriter(&buf, flate.BestCompression)
	w.Write(b)
	w.Close()
	return buf.Len()
}

type module struct {
	sections map[string]int
	imports  int // imported functions come first in the function index space
	bodies   []int
	code     [][]byte
	names    map[int]string
	segments []segment
}

func parse(b []byte) (*module, error) {
	m := &module{sections: map[string]int{}, names: map[int]string{}}
	for len(b) > 0 {
		id := b[0]
		size, n := binary.Uvarint(b[1:])
		if n <= 0 || uint64(len(b)-1-n) < size {
			return nil, errors.New("truncated section")
		}
		body := b[1+n : 1+n+int(size)]
		b = b[1+n+int(size):]
		name := sectionNames[id]
		var err error
		switch id {
		case 0:
			var custom string
			custom, body, err = str(body)
			name = "custom " + custom
			if err == nil && custom == "name" {
				err = m.readNames(body)
			}
		case 2:
			err = m.readImports(body)
		case 10:
			err = m.readCode(body)
		case 11:
			err = m.readData(body)
		}
		if err != nil {
			return nil, fmt.Errorf("section %s: %v", name, err)
		}
		if name == "" {
			name = fmt.Sprintf("section %d", id)
		}
		m.sections[name] += int(size)
	}
	return m, nil
}

var errShort = errors.New("truncated")

type cursor struct {
	b   []byte
	err error
}

func (c *cursor) uint() uint64 {
	if c.err != nil {
		return 0
	}
	v, n := binary.Uvarint(c.b)
	if n <= 0 {
		c.err = errShort
		return 0
	}
	c.b = c.b[n:]
	return v
}

func (c *cursor) skip(n uint64) []byte {
	if c.err != nil || uint64(len(c.b)) < n {
		c.err = errShort
		return nil
	}
	out := c.b[:n]
	c.b = c.b[n:]
	return out
}

func str(b []byte) (string, []byte, error) {
	c := cursor{b: b}
	s := c.skip(c.uint())
	return string(s), c.b, c.err
}

func (m *module) readImports(b []byte) error {
	c := cursor{b: b}
	for range c.uint() {
		c.skip(c.uint()) // module
		c.skip(c.uint()) // name
		kind := c.skip(1)
		if c.err != nil {
			return c.err
		}
		switch kind[0] {
		case 0: // function
			c.uint()
			m.imports++
		case 1: // table
			c.skip(1)
			if c.uint()&1 != 0 {
				c.uint()
			}
			c.uint()
		case 2: // memory
			if c.uint()&1 != 0 {
				c.uint()
			}
			c.uint()
		case 3: // global
			c.skip(2)
		}
	}
	return c.err
}

func (m *module) readCode(b []byte) error {
	c := cursor{b: b}
	for range c.uint() {
		before := len(c.b)
		body := c.skip(c.uint())
		m.bodies = append(m.bodies, before-len(c.b))
		m.code = append(m.code, body)
	}
	return c.err
}

func (m *module) readNames(b []byte) error {
	c := cursor{b: b}
	for len(c.b) > 0 && c.err == nil {
		id := c.skip(1)
		sub := cursor{b: c.skip(c.uint())}
		if c.err != nil || id[0] != 1 { // 1: function names
			continue
		}
		for range sub.uint() {
			idx := sub.uint()
			m.names[int(idx)] = string(sub.skip(sub.uint()))
		}
		if sub.err != nil {
			return sub.err
		}
	}
	return c.err
}

// packageOf returns the package of a Go function name as the wasm name
// section spells it: path separators become underscores, and only the
// dots of a module host (golang.org, github.com) come before the first dot
// that ends the package.
func packageOf(name string) string {
	host := ""
	for _, h := range []string{"golang.org_", "github.com_", "gopkg.in_", "filippo.io_"} {
		if strings.HasPrefix(name, h) {
			host, name = h, name[len(h):]
		}
	}
	if i := strings.IndexByte(name, '.'); i >= 0 {
		name = name[:i]
	}
	return strings.ReplaceAll(host+name, "_", "/")
}

type count struct {
	name string
	n    int
}

func sortedCounts(m map[string]int) []count {
	out := make([]count, 0, len(m))
	for k, v := range m {
		out = append(out, count{k, v})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].n > out[j].n || out[i].n == out[j].n && out[i].name < out[j].name })
	return out
}
