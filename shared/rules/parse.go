// Parse is left out of js/wasm builds: the browser only ever decodes
// signed MessagePack lists (codec.go), and yaml.v3 would add its package
// initialisation, with time formatting and reflection, to voile.wasm.

//go:build !(js && wasm)

package rules

import (
	"bytes"
	"errors"
	"fmt"
	"io"

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
	if err := l.Validate(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return &l, nil
}
