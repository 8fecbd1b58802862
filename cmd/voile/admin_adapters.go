package main

import (
	"crypto/ed25519"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"os"

	"voile/shared/bundle"
)

// publishAdapters signs a site-adapter document (the JSON of
// extension/src/adapters/builtin.json) with the publisher's key and sends
// it to the sync server, which pushes it to every connected reader. The
// extension applies it once the signature verifies with the publisher's
// pinned key and the document passes its checks.
func publishAdapters(args []string) error {
	fs := newFlags("publish-adapters", "[flags] -key NAME.key ADAPTERS.json", "Signs site adapters (how the extension finds posts on each site) and pushes them to every reader.")
	var r remote
	r.flags(fs, true)
	keyFile := fs.String("key", "", "publisher private key file")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *keyFile == "" || fs.NArg() != 1 {
		return usage(fs)
	}
	key, err := readPrivateKey(*keyFile)
	if err != nil {
		return err
	}
	path := fs.Arg(0)
	doc, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if err := checkAdapters(doc); err != nil {
		return fmt.Errorf("%s: %v", path, err)
	}
	// The token names the publisher; its registered key must be this one,
	// or the server refuses the signature.
	var st statusReport
	if err := r.Call("GET", "/v1/status", nil, &st); err != nil {
		return err
	}
	if mine := bundle.FormatPublicKey(key.Public().(ed25519.PublicKey)); mine != st.Publisher.PublicKey {
		return fmt.Errorf("%s is not the key registered for publisher %s (%s)", *keyFile, st.Publisher.ID, st.Publisher.PublicKey)
	}
	sig, err := bundle.SignAdapters(doc, key)
	if err != nil {
		return err
	}
	req, _ := json.Marshal(map[string]string{
		"publisher": st.Publisher.ID,
		"document":  base64.StdEncoding.EncodeToString(doc),
		"sig":       base64.StdEncoding.EncodeToString(sig),
	})
	var res struct {
		Publisher string `json:"publisher"`
		Bytes     int    `json:"bytes"`
	}
	if err := r.Call("POST", "/v1/adapters", req, &res); err != nil {
		return err
	}
	fmt.Printf("published the adapters of %s (%d bytes)\n", res.Publisher, res.Bytes)
	return nil
}

// checkAdapters catches the plain mistakes before signing: the extension
// checks the document in full (extension/src/common/adapters.js).
func checkAdapters(doc []byte) error {
	if len(doc) > bundle.MaxAdapters {
		return fmt.Errorf("%d bytes, more than the limit of %d", len(doc), bundle.MaxAdapters)
	}
	var d struct {
		Format   *int              `json:"format"`
		Version  *int64            `json:"version"`
		Adapters []json.RawMessage `json:"adapters"`
	}
	if err := json.Unmarshal(doc, &d); err != nil {
		return fmt.Errorf("not an adapter document: %v", err)
	}
	switch {
	case d.Format == nil || *d.Format != 1:
		return fmt.Errorf("want \"format\": 1")
	case d.Version == nil || *d.Version < 1:
		return fmt.Errorf("want a positive integer \"version\"")
	case len(d.Adapters) == 0:
		return fmt.Errorf("no adapters")
	}
	return nil
}
