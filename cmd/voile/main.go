// Command voile is the command line of Voile's rule lists: it classifies
// posts the way the extension does, and lets a publisher make keys,
// validate and sign lists.
//
// Usage:
//
//	voile classify [-sensitivity 0.5] [-categories a,b] LIST...   < posts
//	voile validate LIST...
//	voile keygen -out NAME            writes NAME.key and NAME.pub
//	voile sign -key NAME.key -out FILE.bundle LIST
//
// and, against a sync server (-server URL or VOILE_SERVER, the API token
// in -token-file or VOILE_TOKEN):
//
//	voile publish -key NAME.key [-bump] LIST    sign and publish (or a .bundle as is)
//	voile diff [-pub NAME.pub] LIST             what LIST changes from the published version
//	voile rollback -key NAME.key -list PUBLISHER/LIST -to N
//	                                            republish version N's content as a new version
//	voile status [-versions]                    versions and subscriber counts of your lists
//	voile publish-adapters -key NAME.key FILE.json
//	                                            sign site adapters and push them to every reader
//
// A LIST is a source file (.yaml, .yml, .json) or a signed bundle (.bundle,
// which needs -pub). Posts are read one per line: plain text, or JSON
// objects with a "text" field (JSONL). Verdicts are written as JSONL.
package main

import (
	"fmt"
	"os"
)

var commands = map[string]func(args []string) error{
	"classify": classify,
	"validate": validate,
	"keygen":   keygen,
	"sign":     sign,
	"publish":  publish,
	"rollback": rollback,
	"status":   status,
	"diff":     diff,
	"eval":     evaluate,
	"train":    train,

	"publish-adapters": publishAdapters,
}

func main() {
	if len(os.Args) < 2 || commands[os.Args[1]] == nil {
		fmt.Fprintln(os.Stderr, "usage: voile classify|validate|keygen|sign|publish|diff|rollback|status|publish-adapters [flags] [args]")
		os.Exit(2)
	}
	if err := commands[os.Args[1]](os.Args[2:]); err != nil {
		fmt.Fprintln(os.Stderr, "voile "+os.Args[1]+":", err)
		os.Exit(1)
	}
}
