// Parse is left out of js/wasm builds: the browser only ever decodes
// signed MessagePack lists (codec.go), and yaml.v3 would add its package
// initialisation, with time formatting and reflection, to voile.wasm.

//go:build !(js && wasm) && !verifyonly

package rules

import (
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"strings"

	"gopkg.in/yaml.v3"
)

// MaxSourceBytes bounds a list's source text.
const MaxSourceBytes = 16 << 20

// Parse reads a list's source (YAML or JSON) and validates it. name says
// where the source came from, for errors. Unknown fields are errors, so a
// misspelt field is caught instead of ignored.
func Parse(name string, src []byte) (*List, error) {
	if len(src) > MaxSourceBytes {
		return nil, fmt.Errorf("%s: %d bytes, more than the limit of %d", name, len(src), MaxSourceBytes)
	}
	dec := yaml.NewDecoder(bytes.NewReader(src))
	dec.KnownFields(true)
	var l List
	if err := dec.Decode(&l); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("%s: empty rule list", name)
		}
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("%s: more than one document", name)
	}
	l.ParsePatterns()
	if err := l.Validate(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return &l, nil
}

// UnmarshalYAML reads a model written in base64.
func (m *ModelData) UnmarshalYAML(n *yaml.Node) error {
	var text string
	if err := n.Decode(&text); err != nil {
		return fmt.Errorf("line %d: model: want base64 text: %v", n.Line, err)
	}
	b, err := base64.StdEncoding.DecodeString(strings.Join(strings.Fields(text), ""))
	if err != nil {
		return fmt.Errorf("line %d: model: %v", n.Line, err)
	}
	*m = b
	return nil
}

// MarshalYAML writes the model in base64, in lines of 76 characters.
func (m ModelData) MarshalYAML() (any, error) {
	s := base64.StdEncoding.EncodeToString(m)
	var b strings.Builder
	for len(s) > 76 {
		b.WriteString(s[:76])
		b.WriteByte('\n')
		s = s[76:]
	}
	b.WriteString(s)
	return &yaml.Node{Kind: yaml.ScalarNode, Style: yaml.LiteralStyle, Value: b.String()}, nil
}
