package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
)

// admin is `voile admin`: what a server's operator does over HTTP, with
// the operator's token.
func admin(args []string) error {
	if len(args) == 0 || args[0] != "add-publisher" {
		fmt.Fprintln(os.Stderr, `usage: voile admin add-publisher [flags]

'voile admin add-publisher -h' shows its flags.`)
		if len(args) > 0 && (args[0] == "-h" || args[0] == "-help" || args[0] == "--help") {
			return nil
		}
		return errUsage
	}
	return addPublisher(args[1:])
}

// newPublisherResult is the server's answer to a registration.
type newPublisherResult struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	Fingerprint string `json:"fingerprint"`
	Token       string `json:"token"`
}

func addPublisher(args []string) error {
	fs := newFlags("admin add-publisher", "[flags] -id ID -name NAME -pub NAME.pub [-out ID.token]", `Registers a publisher (an NGO) on a running sync server, with the
operator's token (-operator-token-file, or VOILE_OPERATOR_TOKEN; the server's
own -operator-token-file). The publisher's API token is written to a file,
mode 0600, to give to the publisher; it is not printed.`)
	var r remote
	r.flags(fs, false)
	opFile := fs.String("operator-token-file", "", "file holding the operator's token (or VOILE_OPERATOR_TOKEN)")
	id := fs.String("id", "", "publisher id, as in its lists' publisher: field")
	name := fs.String("name", "", "publisher's name, as readers see it")
	pubFile := fs.String("pub", "", "the publisher's public key file (voile keygen)")
	out := fs.String("out", "", "file to write the publisher's API token to (default ID.token)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *id == "" || *pubFile == "" || fs.NArg() != 0 {
		return usage(fs)
	}
	if *out == "" {
		*out = *id + ".token"
	}
	if _, err := os.Stat(*out); err == nil {
		return fmt.Errorf("%s exists: not overwriting a token file (give another -out)", *out)
	}
	switch {
	case *opFile != "":
		b, err := os.ReadFile(*opFile)
		if err != nil {
			return err
		}
		r.tok = strings.TrimSpace(string(b))
	case os.Getenv("VOILE_OPERATOR_TOKEN") != "":
		r.tok = strings.TrimSpace(os.Getenv("VOILE_OPERATOR_TOKEN"))
	default:
		return fmt.Errorf("no operator token: give -operator-token-file FILE or set VOILE_OPERATOR_TOKEN")
	}
	key, err := os.ReadFile(*pubFile)
	if err != nil {
		return err
	}
	body, _ := json.Marshal(map[string]string{"id": *id, "name": *name, "public_key": strings.TrimSpace(string(key))})
	var res newPublisherResult
	if err := r.Call("POST", "/v1/publishers", body, &res); err != nil {
		return err
	}
	if err := os.WriteFile(*out, []byte(res.Token+"\n"), 0o600); err != nil {
		return fmt.Errorf("registered %q, but could not write its token: %v", res.ID, err)
	}
	fmt.Printf("registered publisher %s (%s)\nits API token is in %s: give that file to the publisher, privately\nreaders will be asked to check the key fingerprint %s\n", res.ID, res.Name, *out, res.Fingerprint)
	return nil
}
