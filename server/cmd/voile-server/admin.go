package main

import (
	"flag"
	"fmt"
	"os"

	"voile/server"
	"voile/server/store"
	"voile/shared/bundle"
)

func addPublisher(args []string) error {
	fs := flag.NewFlagSet("add-publisher", flag.ContinueOnError)
	data := fs.String("data", ".run/server", "data folder (of a stopped server, without -nats)")
	natsURLs := fs.String("nats", "", "comma-separated NATS URLs of the cluster holding the store")
	id := fs.String("id", "", "publisher id, as in its lists' publisher field")
	name := fs.String("name", "", "publisher's readable name")
	pubFile := fs.String("pub", "", "publisher's public key file (voile keygen)")
	out := fs.String("out", "", "write the API token to this file (mode 0600) for the publisher, instead of printing it")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *id == "" || *pubFile == "" {
		return fmt.Errorf("usage: voile-server add-publisher [-data DIR | -nats URLS] -id ID -name NAME -pub FILE.pub [-out FILE.token]")
	}
	key, err := os.ReadFile(*pubFile)
	if err != nil {
		return err
	}
	p, token, err := server.NewPublisher(*id, *name, string(key))
	if err != nil {
		return err
	}
	db, err := openStore(*data, *natsURLs, nil)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := db.PutPublisher(p); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "readers will be asked to check the key fingerprint %s\n", bundle.Fingerprint(p.PublicKey))
	if *out != "" {
		if err := os.WriteFile(*out, []byte(token+"\n"), 0o600); err != nil {
			return fmt.Errorf("registered %q, but could not write its token: %v", *id, err)
		}
		fmt.Fprintf(os.Stderr, "registered publisher %q; its API token is in %s: give that file to the publisher\n", *id, *out)
		return nil
	}
	fmt.Fprintf(os.Stderr, "registered publisher %q; its API token (shown once, keep it secret):\n", *id)
	fmt.Println(token)
	return nil
}

// exportKV writes the store as the JSON that `wrangler kv bulk put`
// takes: [{"key": ..., "value": base64, "base64": true}].
func exportKV(args []string) error {
	fs := flag.NewFlagSet("export-kv", flag.ContinueOnError)
	data := fs.String("data", ".run/server", "data folder (of a stopped server, without -nats)")
	natsURLs := fs.String("nats", "", "comma-separated NATS URLs of the cluster holding the store")
	out := fs.String("out", "", "JSON file to write")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *out == "" {
		return fmt.Errorf("usage: voile-server export-kv [-data DIR | -nats URLS] -out FILE.json")
	}
	db, err := openStore(*data, *natsURLs, nil)
	if err != nil {
		return err
	}
	defer db.Close()
	kv, err := store.Export(db)
	if err != nil {
		return err
	}
	b, err := store.BulkJSON(kv)
	if err != nil {
		return err
	}
	return os.WriteFile(*out, b, 0o644)
}
