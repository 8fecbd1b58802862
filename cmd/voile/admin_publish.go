package main

import (
	"crypto/ed25519"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"voile/shared/bundle"
	"voile/shared/rules"
)

// publishResult is the server's answer to a publish or rollback.
type publishResult struct {
	Publisher  string `json:"publisher"`
	List       string `json:"list"`
	Version    uint64 `json:"version"`
	RollbackOf uint64 `json:"rollback_of"`
}

func publish(args []string) error {
	fs := flag.NewFlagSet("publish", flag.ContinueOnError)
	var r remote
	r.flags(fs, true)
	keyFile := fs.String("key", "", "publisher private key file, to sign a list source")
	bump := fs.Bool("bump", false, "publish as the version after the published one, whatever the source says")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return fmt.Errorf("usage: voile publish [-server URL] [-token-file F] -key NAME.key [-bump] LIST.yaml | FILE.bundle")
	}
	path := fs.Arg(0)
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if filepath.Ext(path) != ".bundle" {
		if *keyFile == "" {
			return fmt.Errorf("%s: a list source needs -key to be signed", path)
		}
		key, err := readPrivateKey(*keyFile)
		if err != nil {
			return err
		}
		l, err := rules.Parse(path, data)
		if err != nil {
			return err
		}
		if *bump {
			cur, err := r.fetchBundle(l.Publisher, l.ID, 0)
			if err != nil {
				return err
			}
			if cur != nil {
				l.Version = cur.Version + 1
			}
		}
		b, err := bundle.Sign(l, key)
		if err != nil {
			return err
		}
		data = b.Encode()
	} else if *bump {
		return fmt.Errorf("-bump needs a list source: a signed bundle's version cannot change")
	}
	var res publishResult
	if err := r.call("POST", "/v1/publish", data, &res); err != nil {
		return err
	}
	fmt.Printf("published %s/%s version %d\n", res.Publisher, res.List, res.Version)
	return nil
}

func rollback(args []string) error {
	fs := flag.NewFlagSet("rollback", flag.ContinueOnError)
	var r remote
	r.flags(fs, true)
	keyFile := fs.String("key", "", "publisher private key file")
	name := fs.String("list", "", "PUBLISHER/LIST to roll back")
	to := fs.Uint64("to", 0, "version whose content to restore")
	if err := fs.Parse(args); err != nil {
		return err
	}
	publisher, list, ok := strings.Cut(*name, "/")
	if *keyFile == "" || !ok || *to == 0 || fs.NArg() != 0 {
		return fmt.Errorf("usage: voile rollback [-server URL] [-token-file F] -key NAME.key -list PUBLISHER/LIST -to VERSION")
	}
	key, err := readPrivateKey(*keyFile)
	if err != nil {
		return err
	}
	old, err := r.fetchBundle(publisher, list, *to)
	if err != nil {
		return err
	}
	latest, err := r.fetchBundle(publisher, list, 0)
	if err != nil {
		return err
	}
	if old == nil || latest == nil {
		return fmt.Errorf("rollback: the server has no version %d of %s", *to, *name)
	}
	// The old version is checked with the publisher's own key before it
	// is signed again: a rollback must not launder what the server sent.
	l, err := old.Open(key.Public().(ed25519.PublicKey))
	if err != nil {
		return fmt.Errorf("rollback: version %d: %w", *to, err)
	}
	l.Version = latest.Version + 1
	b, err := bundle.Sign(l, key)
	if err != nil {
		return err
	}
	var res publishResult
	if err := r.call("POST", "/v1/rollback?to="+strconv.FormatUint(*to, 10), b.Encode(), &res); err != nil {
		return err
	}
	fmt.Printf("rolled %s/%s back to the content of version %d, as version %d\n", res.Publisher, res.List, res.RollbackOf, res.Version)
	return nil
}

// statusReport is the server's status answer, as far as it is shown.
type statusReport struct {
	Publisher struct {
		ID        string `json:"id"`
		Name      string `json:"name"`
		PublicKey string `json:"public_key"`
	} `json:"publisher"`
	Lists []struct {
		List        string `json:"list"`
		Name        string `json:"name"`
		Latest      uint64 `json:"latest"`
		Published   int64  `json:"published"`
		Subscribers int    `json:"subscribers"`
		Versions    []struct {
			Version    uint64 `json:"version"`
			Published  int64  `json:"published"`
			RollbackOf uint64 `json:"rollback_of"`
		} `json:"versions"`
	} `json:"lists"`
}

func status(args []string) error {
	fs := flag.NewFlagSet("status", flag.ContinueOnError)
	var r remote
	r.flags(fs, true)
	all := fs.Bool("versions", false, "list every version")
	if err := fs.Parse(args); err != nil {
		return err
	}
	var st statusReport
	if err := r.call("GET", "/v1/status", nil, &st); err != nil {
		return err
	}
	fmt.Printf("publisher %s (%s)\nkey %s\n\n", st.Publisher.ID, st.Publisher.Name, st.Publisher.PublicKey)
	tw := tabwriter.NewWriter(os.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "LIST\tVERSION\tPUBLISHED\tVERSIONS KEPT\tSUBSCRIBERS")
	for _, l := range st.Lists {
		fmt.Fprintf(tw, "%s\t%d\t%s\t%d\t%d\n", l.List, l.Latest, when(l.Published), len(l.Versions), l.Subscribers)
		if *all {
			for _, v := range l.Versions {
				note := ""
				if v.RollbackOf != 0 {
					note = fmt.Sprintf(" (rollback to %d)", v.RollbackOf)
				}
				fmt.Fprintf(tw, "  v%d%s\t\t%s\t\t\n", v.Version, note, when(v.Published))
			}
		}
	}
	return tw.Flush()
}

func when(unix int64) string { return time.Unix(unix, 0).UTC().Format("2006-01-02 15:04:05Z") }
