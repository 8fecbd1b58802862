package main

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"

	"voile/server"
	"voile/server/store"
	"voile/shared/bundle"
	"voile/shared/demo"
	"voile/shared/rules"
)

const demoPublisher = "voile-demo"

// seedDemo registers the demo publisher on first use and publishes each
// demo list whose source version is newer than the stored one. The key
// stays in the data folder, so a restart publishes under the same key.
func seedDemo(srv *server.Server, db store.Store, dir string, log *slog.Logger) error {
	keyFile := filepath.Join(dir, "demo.key")
	p, err := db.Publisher(demoPublisher)
	if errors.Is(err, store.ErrNotFound) {
		pub, priv, err := ed25519.GenerateKey(rand.Reader)
		if err != nil {
			return err
		}
		var token string
		p, token, err = server.NewPublisher(demoPublisher, "Voile demo", bundle.FormatPublicKey(pub))
		if err != nil {
			return err
		}
		for _, f := range []struct {
			name, text string
			mode       os.FileMode
		}{
			{"demo.key", bundle.FormatPrivateKey(priv), 0o600},
			{"demo.token", token, 0o600},
			{"demo.pub", bundle.FormatPublicKey(pub), 0o644}, // for the extension build to pin
		} {
			if err := os.WriteFile(filepath.Join(dir, f.name), []byte(f.text+"\n"), f.mode); err != nil {
				return err
			}
		}
		if err := db.PutPublisher(p); err != nil {
			return err
		}
		log.Info("registered the demo publisher", "public_key", p.PublicKey, "key_file", keyFile)
	} else if err != nil {
		return err
	}
	keyText, err := os.ReadFile(keyFile)
	if err != nil {
		return fmt.Errorf("the demo publisher is registered but its key is missing: %w", err)
	}
	priv, err := bundle.ParsePrivateKey(string(keyText))
	if err != nil {
		return fmt.Errorf("%s: %w", keyFile, err)
	}
	lists, err := demo.Lists()
	if err != nil {
		return err
	}
	for _, l := range lists {
		if cur, err := db.Version(l.Publisher, l.ID, 0); err == nil && cur.Version >= l.Version {
			// The stored list stays if it is the source's; else the
			// source is published as the next version: a checkout's
			// lists change without their version, and a data folder
			// outlives the build that seeded it.
			if sameList(cur.Bundle, l) {
				continue
			}
			l.Version = cur.Version + 1
		}
		b, err := bundle.Sign(l, priv)
		if err != nil {
			return err
		}
		res, err := srv.Publish(p, b.Encode(), 0)
		if err != nil {
			return err
		}
		log.Info("published demo list", "list", res.List, "version", res.Version)
	}
	return nil
}

// sameList reports whether stored, a signed bundle, holds l at the
// stored version, as bundles carry it (rules.List.ForBundle). A bundle it
// cannot read is not l.
func sameList(stored []byte, l *rules.List) bool {
	b, err := bundle.Decode(stored)
	if err != nil {
		return false
	}
	had, err := rules.DecodeUnvalidated(b.List)
	if err != nil {
		return false
	}
	c := l.ForBundle()
	c.Version = had.Version
	return bytes.Equal(c.Encode(), b.List)
}
