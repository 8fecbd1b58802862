package main

import (
	"crypto/ed25519"
	"crypto/rand"
	"flag"
	"fmt"
	"os"

	"voile/shared/bundle"
	"voile/shared/rules"
)

func keygen(args []string) error {
	fs := flag.NewFlagSet("keygen", flag.ContinueOnError)
	out := fs.String("out", "", "write NAME.key (private, mode 0600) and NAME.pub")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *out == "" {
		return fmt.Errorf("-out NAME is required")
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
	fs := flag.NewFlagSet("sign", flag.ContinueOnError)
	keyFile := fs.String("key", "", "publisher private key file")
	out := fs.String("out", "", "bundle file to write")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *keyFile == "" || *out == "" || fs.NArg() != 1 {
		return fmt.Errorf("usage: voile sign -key NAME.key -out FILE.bundle LIST")
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
