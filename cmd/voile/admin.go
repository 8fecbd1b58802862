package main

import (
	"flag"
	"fmt"
	"net/http"
	"os"
	"strings"
	"time"

	"voile/server/client"
)

// The admin commands talk to a sync server's HTTP API (server/PROTOCOL.md)
// for a publisher, through server/client: publish, rollback, status, and
// diff against what is published.

// remote is the server and the publisher's token, from flags or the
// environment (VOILE_SERVER, VOILE_TOKEN).
type remote struct {
	client.Client
	tokenFile string
	// tok, when set, is the token itself: the console holds it in memory.
	tok string
}

func (r *remote) flags(fs *flag.FlagSet, needToken bool) {
	def := os.Getenv("VOILE_SERVER")
	if def == "" {
		def = "http://127.0.0.1:8787"
	}
	fs.StringVar(&r.Base, "server", def, "sync server base URL (or VOILE_SERVER)")
	if needToken {
		fs.StringVar(&r.tokenFile, "token-file", "", "file holding the publisher's API token (or VOILE_TOKEN)")
	}
	r.HTTP = &http.Client{Timeout: time.Minute}
	r.Token = r.token
}

func (r *remote) token() (string, error) {
	if r.tok != "" {
		return r.tok, nil
	}
	if r.tokenFile != "" {
		b, err := os.ReadFile(r.tokenFile)
		if err != nil {
			return "", err
		}
		return strings.TrimSpace(string(b)), nil
	}
	if t := os.Getenv("VOILE_TOKEN"); t != "" {
		return strings.TrimSpace(t), nil
	}
	return "", fmt.Errorf("no API token: give -token-file FILE or set VOILE_TOKEN")
}
