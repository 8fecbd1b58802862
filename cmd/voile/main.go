// Command voile is the command line of Voile's rule lists: it classifies
// posts the way the extension does, and lets a publisher make keys,
// validate and sign lists.
//
// Usage:
//
//	voile classify [-sensitivity 0.5] [-categories a,b] LIST...   < posts
//	voile validate LIST...
//	voile keygen -out NAME            writes NAME.key and NAME.pub, prints the key's fingerprint
//	voile fingerprint NAME.pub        the fingerprint readers check when they trust a publisher
//	voile sign -key NAME.key -out FILE.bundle LIST
//	voile eval [LIST...] FILE.jsonl   precision and recall on labelled posts
//	voile train ...                   train a model (voile train -h)
//	voile known -words FILE [LIST...] words of FILE the lists would misread as theirs
//
// and, against a sync server (-server URL or VOILE_SERVER, the API token
// in -token-file or VOILE_TOKEN):
//
//	voile publish -key NAME.key [-bump] LIST    sign and publish (or a .bundle as is)
//	voile diff [-pub NAME.pub] LIST             what LIST changes from the published version
//	voile diff [-pub NAME.pub] -to N PUBLISHER/LIST
//	                                            what rolling back to version N would change
//	voile rollback -key NAME.key -to N LIST    republish version N's content as a new version
//	voile status [-versions]                    versions and subscriber counts of your lists
//	voile publish-adapters -key NAME.key FILE.json
//	                                            sign site adapters and push them to every reader
//	voile console -key NAME.key [LIST.yaml]     a local web page to write, test and publish a list
//
// and, for a server's operator (-operator-token-file or VOILE_OPERATOR_TOKEN):
//
//	voile admin add-publisher -id ID -name NAME -pub NAME.pub -out ID.token
//	                                            register a publisher; its API token goes to ID.token
//
// Where a command takes a LIST naming a published list, it is either a
// list source (its publisher and id) or PUBLISHER/LIST.
//
// A LIST is a source file (.yaml, .yml, .json) or a signed bundle (.bundle,
// which needs -pub). Posts are read one per line: plain text, or JSON
// objects with a "text" field (JSONL). Verdicts are written as JSONL.
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"sort"
	"strings"
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
	"known":    known,

	"publish-adapters": publishAdapters,
	"fingerprint":      fingerprint,
	"console":          console,
	"admin":            admin,
}

func main() {
	if len(os.Args) < 2 || commands[os.Args[1]] == nil {
		var names []string
		for n := range commands {
			names = append(names, n)
		}
		sort.Strings(names)
		fmt.Fprintf(os.Stderr, "usage: voile %s [flags] [args]\n\n'voile COMMAND -h' shows a command's arguments and flags.\n", strings.Join(names, "|"))
		if len(os.Args) >= 2 && (os.Args[1] == "-h" || os.Args[1] == "-help" || os.Args[1] == "--help" || os.Args[1] == "help") {
			os.Exit(0)
		}
		os.Exit(2)
	}
	err := commands[os.Args[1]](os.Args[2:])
	switch {
	case errors.Is(err, flag.ErrHelp):
		os.Exit(0)
	case errors.Is(err, errUsage):
		os.Exit(2)
	case err != nil:
		fmt.Fprintln(os.Stderr, "voile "+os.Args[1]+":", err)
		os.Exit(1)
	}
}
