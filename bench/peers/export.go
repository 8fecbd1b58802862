package main

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/json"
	"os"
	"path/filepath"

	"voile/shared/bundle"
)

// Manifest is manifest.json, what bench.mjs reads.
type Manifest struct {
	Publisher string         `json:"publisher"`
	Key       string         `json:"key"` // public key text, for Voile.trust
	Posts     string         `json:"posts"`
	Lists     []ManifestList `json:"lists"`
}

type ManifestList struct {
	Name    string   `json:"name"`
	Bundles []string `json:"bundles"`
	Terms   string   `json:"terms"` // JSON array of the literal terms, for the peers
}

// exportAll writes the lists as bundles signed by a key made for this run,
// their literal terms and the posts into dir.
func exportAll(dir string, bls []benchList, ps []string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return err
	}
	m := Manifest{Publisher: "bench", Key: bundle.FormatPublicKey(pub), Posts: "posts.json"}
	writeJSON := func(name string, v any) error {
		data, err := json.Marshal(v)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, name), data, 0o644)
	}
	if err := writeJSON(m.Posts, ps); err != nil {
		return err
	}
	for _, bl := range bls {
		ml := ManifestList{Name: bl.name, Terms: bl.name + ".terms.json"}
		for _, l := range bl.lists {
			b, err := bundle.Sign(l, priv)
			if err != nil {
				return err
			}
			name := bl.name + "." + l.ID + ".bundle"
			if err := os.WriteFile(filepath.Join(dir, name), b.Encode(), 0o644); err != nil {
				return err
			}
			ml.Bundles = append(ml.Bundles, name)
		}
		if err := writeJSON(ml.Terms, bl.terms); err != nil {
			return err
		}
		m.Lists = append(m.Lists, ml)
	}
	return writeJSON("manifest.json", m)
}
