package model

import (
	"bytes"
	"testing"
)

func FuzzDecode(f *testing.F) {
	m := &Model{Bits: MinBits, Features: AllFeatures, MinN: 3, MaxN: 5, Weights: make([]byte, 1<<MinBits),
		Scale: 0.01, Bias: -1, Threshold: 0.4, Langs: []string{"en", "fr"}, Trained: "seed"}
	for i := range m.Weights {
		m.Weights[i] = byte(i * 7)
	}
	good := m.Encode()
	f.Add(good)
	f.Add(good[:30])
	f.Add([]byte(Magic + "\x01"))
	f.Add(append(bytes.Clone(good), 1))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := Decode(data)
		if err != nil {
			return
		}
		if re := d.Encode(); !bytes.Equal(re, data) {
			t.Fatalf("re-encoding differs: %d bytes, from %d", len(re), len(data))
		}
		d.NewScorer() // a decoded model is usable
	})
}
