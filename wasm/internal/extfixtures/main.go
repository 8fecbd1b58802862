//go:build !(js && wasm)

// Command extfixtures writes the fixtures of the extension's unit tests
// (extension/test), which run the real voile.wasm under node: the demo
// lists signed by a key made afresh for the tests, bundles that must be
// refused, sync messages as the server sends them, and a start-up cache
// made by another build. `make test-extension` runs it; no private key is
// written.
package main

import (
	"encoding/base64"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"voile/shared/bundle"
	"voile/shared/demo"
	"voile/shared/rules"
	"voile/shared/wire"
	"voile/wasm/internal/engine"
	tl "voile/wasm/internal/testlists"
)

// Fixtures is fixtures.json; bundles, messages and the cache are base64.
type Fixtures struct {
	Keys     map[string]string `json:"keys"` // publisher → public key text
	Bundles  map[string]string `json:"bundles"`
	Messages map[string]string `json:"messages"`
	// OtherBuildCache is a start-up cache of demo-en and demo-fr made by
	// a build other than voile.wasm's.
	OtherBuildCache string `json:"otherBuildCache"`
}

func main() {
	out := flag.String("out", "build/extension-test", "folder to write into")
	flag.Parse()
	if err := run(*out); err != nil {
		fmt.Fprintln(os.Stderr, "extfixtures:", err)
		os.Exit(1)
	}
}

func run(out string) error {
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	b64 := base64.StdEncoding.EncodeToString
	f := &Fixtures{Keys: map[string]string{}, Bundles: map[string]string{}, Messages: map[string]string{}}
	demoPub, someone := tl.NewPublisher("voile-demo"), tl.NewPublisher("someone")
	f.Keys[demoPub.ID], f.Keys[someone.ID] = demoPub.Public, someone.Public

	lists, err := demo.Lists()
	if err != nil {
		return err
	}
	byID := map[string]*rules.List{}
	for _, l := range lists {
		l.Publisher = demoPub.ID // re-signed with the tests' key
		byID[l.ID] = l
	}
	// Version v of a demo list, signed.
	version := func(id string, v uint64) []byte {
		l := *byID[id]
		l.Version = v
		return demoPub.Sign(&l)
	}
	bundles := map[string][]byte{
		"demo-en": version("demo-en", 1), "demo-en-v2": version("demo-en", 2),
		"demo-fr": version("demo-fr", 1), "demo-fr-v2": version("demo-fr", 2),
		"demo-model": version("demo-model", 1),
	}
	bundles["demo-fr-forged"] = tl.Tampered(bundles["demo-fr"])
	bundles["demo-en-v2-forged"] = tl.Tampered(bundles["demo-en-v2"])
	for name, data := range bundles {
		f.Bundles[name] = b64(data)
	}

	entry := func(p *tl.Publisher, list, key string) wire.Entry {
		return wire.Entry{Publisher: p.ID, PublisherName: p.ID, PublicKey: key, List: list, Name: list, Langs: []string{"en"}, Demo: true, Version: 2}
	}
	en, fr := entry(demoPub, "demo-en", demoPub.Public), entry(demoPub, "demo-fr", demoPub.Public)
	other := entry(someone, "other-list", someone.Public)
	catalog := func(publisher string, more bool, es ...wire.Entry) *wire.Message {
		return &wire.Message{Type: wire.TCatalog, Catalog: &wire.Catalog{Publisher: publisher, More: more, Lists: es}}
	}
	snapshot := func(name string) (*wire.Message, error) {
		b, err := bundle.Decode(bundles[name])
		if err != nil {
			return nil, err
		}
		return &wire.Message{Type: wire.TSnapshot, Snapshot: &wire.Snapshot{Bundle: *b}}, nil
	}
	en2, err := snapshot("demo-en-v2")
	if err != nil {
		return err
	}
	en2forged, err := snapshot("demo-en-v2-forged")
	if err != nil {
		return err
	}
	// A delta from version 3, which a client holding version 1 cannot apply.
	b3, err := bundle.Decode(version("demo-en", 3))
	if err != nil {
		return err
	}
	b4, err := bundle.Decode(version("demo-en", 4))
	if err != nil {
		return err
	}
	d, err := wire.Diff(b3, b4)
	if err != nil {
		return err
	}
	msgs := map[string]*wire.Message{
		"catalog":               catalog("", false, en, other),
		"catalog-en":            catalog("", false, en),
		"catalog-en-other-key":  catalog("", false, entry(demoPub, "demo-en", someone.Public)),
		"catalog-someone-more":  catalog(someone.ID, true, other),
		"catalog-demo-last":     catalog(demoPub.ID, false, en),
		"catalog-demo-en-fr":    catalog(demoPub.ID, false, en, fr),
		"snapshot-en-v2":        en2,
		"snapshot-en-v2-forged": en2forged,
		"delta-en-3-4":          {Type: wire.TDelta, Delta: d},
		"synced":                {Type: wire.TSynced, Synced: &wire.Synced{}},
		"synced-en-v2":          {Type: wire.TSynced, Synced: &wire.Synced{Lists: []wire.Held{{Publisher: demoPub.ID, List: "demo-en", Version: 2}}}},
	}
	for name, m := range msgs {
		f.Messages[name] = b64(m.Encode())
	}

	// The native engine under another build's name makes a cache that
	// voile.wasm must refuse for its build.
	e := engine.New()
	e.SetBuild("another build")
	if err := e.Trust(demoPub.ID, demoPub.Public); err != nil {
		return err
	}
	for _, name := range []string{"demo-en", "demo-fr"} {
		if _, err := e.Load(bundles[name]); err != nil {
			return err
		}
	}
	c, err := e.ExportCache()
	if err != nil {
		return err
	}
	f.OtherBuildCache = b64(c)

	data, err := json.MarshalIndent(f, "", " ")
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(out, "fixtures.json"), data, 0o644)
}
