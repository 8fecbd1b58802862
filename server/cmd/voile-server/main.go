// Command voile-server runs Voile's rule-sync server: publishers publish
// signed list versions over HTTP, subscribers follow lists over a
// WebSocket (server/PROTOCOL.md), and every version is kept in an embedded
// store on NATS JetStream: a NATS server run inside the process on -data by
// default, or a NATS cluster shared with other sync nodes (-nats URL,...).
//
// Usage:
//
//	voile-server [flags]                      serve (flags below, or VOILE_* variables)
//	voile-server add-publisher -data DIR -id ID -name NAME -pub FILE.pub [-out FILE.token]
//	                                          register a publisher in a stopped server's store;
//	                                          prints its API token once, or writes it to FILE.token
//	voile-server export-kv -data DIR -out FILE.json
//	                                          write the store as Cloudflare KV bulk JSON, for the edge worker
//
// Every flag can also be set by an environment variable: VOILE_ and the
// flag's name in capitals with '_' for '-' (VOILE_ADDR, VOILE_MAX_CONNS_PER_IP).
// A flag on the command line wins.
//
// With -demo, an empty store gets a demo publisher (its key in
// DIR/demo.key and DIR/demo.pub, its token in DIR/demo.token) and the
// demo lists of shared/demo, and newer demo versions are published at
// start. With -operator-token-file, the operator registers publishers over
// HTTP while the server runs (voile admin add-publisher); the server keeps
// only the token's hash. The server stops gracefully on SIGTERM or SIGINT.
package main

import (
	"fmt"
	"os"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "voile-server:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	if len(args) > 0 {
		switch args[0] {
		case "add-publisher":
			return addPublisher(args[1:])
		case "export-kv":
			return exportKV(args[1:])
		}
	}
	return serve(args)
}
