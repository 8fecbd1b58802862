package main

import (
	"crypto/ed25519"
	"crypto/rand"
	"fmt"
	"os"

	"voile/shared/bundle"
	"voile/shared/rules"
)

func keygen(args []string) error {
	fs := newFlags("keygen", "-out NAME", `Makes a publisher's Ed25519 key pair: NAME.key, the private key that signs
your lists (keep it on this machine, never send it), and NAME.pub, the
public key you register with the sync server. Prints the public key and
its fingerprint, which readers check when they trust you.`)
	out := fs.String("out", "", "write NAME.key (private, mode 0600) and NAME.pub")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *out == "" || fs.NArg() != 0 {
		return usage(fs)
	}
	if _, err := os.Stat(*out + ".key"); err == nil {
		return fmt.Errorf("%s.key exists: not overwriting a private key", *out)
	}
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return err
	}
	if err := os.WriteFile(*out+".key", []byte(bundle.FormatPrivateKey(priv)+"\n"), 0o600); err != nil {
		return err
	}
	if err := os.WriteFile(*out+".pub", []byte(bundle.FormatPublicKey(pub)+"\n"), 0o644); err != nil {
		return err
	}
	fmt.Println(bundle.FormatPublicKey(pub))
	fmt.Println("fingerprint:", bundle.KeyFingerprint(pub))
	return nil
}

// fingerprint is `voile fingerprint`: the fingerprint of a public key, as
// the extension shows it when a reader trusts the publisher.
func fingerprint(args []string) error {
	fs := newFlags("fingerprint", "NAME.pub | NAME.key", `Prints the fingerprint of a publisher's public key: what the extension
shows a reader who presses Trust. Give it to your readers through a channel
of your own (your website, a newsletter) so they can check that the key is
yours. Given a private key, prints its public key's fingerprint.`)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usage(fs)
	}
	text, err := os.ReadFile(fs.Arg(0))
	if err != nil {
		return err
	}
	pub, err := bundle.ParsePublicKey(string(text))
	if err != nil {
		priv, perr := bundle.ParsePrivateKey(string(text))
		if perr != nil {
			return fmt.Errorf("%s: %v", fs.Arg(0), err)
		}
		pub = priv.Public().(ed25519.PublicKey)
	}
	fmt.Println(bundle.KeyFingerprint(pub))
	return nil
}

// readPrivateKey reads a key file written by keygen.
func readPrivateKey(path string) (ed25519.PrivateKey, error) {
	text, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	k, err := bundle.ParsePrivateKey(string(text))
	if err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	return k, nil
}

func sign(args []string) error {
	fs := newFlags("sign", "-key NAME.key -out FILE.bundle LIST.yaml", "Validates a list source and signs it into a bundle.")
	keyFile := fs.String("key", "", "publisher private key file")
	out := fs.String("out", "", "bundle file to write")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *keyFile == "" || *out == "" || fs.NArg() != 1 {
		return usage(fs)
	}
	key, err := readPrivateKey(*keyFile)
	if err != nil {
		return err
	}
	src, err := os.ReadFile(fs.Arg(0))
	if err != nil {
		return err
	}
	l, err := rules.Parse(fs.Arg(0), src)
	if err != nil {
		return err
	}
	b, err := bundle.Sign(l, key)
	if err != nil {
		return err
	}
	return os.WriteFile(*out, b.Encode(), 0o644)
}
