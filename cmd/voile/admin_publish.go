package main

import (
	"crypto/ed25519"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"voile/server/client"
	"voile/shared/bundle"
	"voile/shared/rules"
	"voile/shared/wire"
)

func publish(args []string) error {
	fs := newFlags("publish", "[flags] -key NAME.key [-bump] LIST.yaml | FILE.bundle", `Signs a list source with your private key (the key stays here: only the
signed list is sent) and publishes it to the sync server, which pushes it to
every reader who follows the list. A signed bundle is published as is.`)
	var r remote
	r.flags(fs, true)
	keyFile := fs.String("key", "", "publisher private key file, to sign a list source")
	bump := fs.Bool("bump", false, "publish as the version after the published one, and write that version into LIST.yaml")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usage(fs)
	}
	path := fs.Arg(0)
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var res *client.Published
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
		written := l.Version
		if res, err = r.publishList(l, key, *bump); err != nil {
			return cliHint(err)
		}
		fmt.Printf("published %s/%s version %d\n", res.Publisher, res.List, res.Version)
		fmt.Printf("readers who trust key fingerprint %s receive it\n", bundle.KeyFingerprint(key.Public().(ed25519.PublicKey)))
		if res.Version != written {
			if src, ok := setVersion(data, res.Version); ok {
				if err := os.WriteFile(path, src, 0o644); err != nil {
					return fmt.Errorf("published, but could not write version %d into %s: %v", res.Version, path, err)
				}
				fmt.Printf("%s now says version: %d\n", path, res.Version)
			} else {
				fmt.Printf("%s still says version: %d (no top-level \"version:\" line to update): set it to %d before you publish again\n", path, written, res.Version)
			}
		}
		return nil
	} else if *bump {
		return fmt.Errorf("-bump needs a list source: a signed bundle's version cannot change")
	}
	if res, err = r.Publish(data); err != nil {
		return cliHint(err)
	}
	fmt.Printf("published %s/%s version %d\n", res.Publisher, res.List, res.Version)
	return nil
}

// publishList signs l with key and publishes it. With bump, l's version
// becomes the one after the published version first (or stays, for a
// list not yet published).
func (r *remote) publishList(l *rules.List, key ed25519.PrivateKey, bump bool) (*client.Published, error) {
	if bump {
		cur, err := r.Bundle(l.Publisher, l.ID, 0)
		if err != nil {
			return nil, err
		}
		if cur != nil {
			l.Version = cur.Version + 1
		}
	}
	b, err := bundle.Sign(l, key)
	if err != nil {
		return nil, err
	}
	res, err := r.Publish(b.Encode())
	if err != nil {
		return nil, r.explain(err, l.Publisher, key.Public().(ed25519.PublicKey))
	}
	return res, nil
}

// explain adds to a server's refusal what the publisher can do about it.
// key is the key the list was signed with.
func (r *remote) explain(err error, publisher string, key ed25519.PublicKey) error {
	var se *client.Error
	if !errors.As(err, &se) {
		return err
	}
	switch se.Code {
	case wire.CodeUnauthorized:
		se.Hint = "The server knows no publisher with this API token: check the token file the operator gave you."
	case wire.CodeBadSignature:
		var st statusReport
		se.Hint = fmt.Sprintf("The list was signed with the key of fingerprint %s, which is not the key registered for publisher %q.", bundle.KeyFingerprint(key), publisher)
		if r.Call("GET", "/v1/status", nil, &st) == nil && st.Publisher.PublicKey != "" {
			se.Hint += fmt.Sprintf(" The registered key's fingerprint is %s: sign with that key.", bundle.Fingerprint(st.Publisher.PublicKey))
		}
	case wire.CodeForbidden:
		se.Hint = "The list's publisher: field must be the publisher id your token was registered for."
	}
	return se
}

// cliHint adds the command line's way out of a stale version.
func cliHint(err error) error {
	var se *client.Error
	if errors.As(err, &se) && se.Code == wire.CodeStale {
		se.Hint = "The server has this version or a newer one: publish with -bump to publish as the version after it (and write that version into the file), or raise version: in the list."
	}
	return err
}

// versionLine is a list source's top-level version field.
var versionLine = regexp.MustCompile(`(?m)^(version:[ \t]*)([0-9]+)`)

// setVersion returns src with its top-level "version:" set to v, and
// whether it had exactly one such line.
func setVersion(src []byte, v uint64) ([]byte, bool) {
	if len(versionLine.FindAllIndex(src, 2)) != 1 {
		return src, false
	}
	return versionLine.ReplaceAll(src, []byte("${1}"+strconv.FormatUint(v, 10))), true
}

// listName reads a LIST argument naming a published list: a list source
// (its publisher and id), or PUBLISHER/LIST.
func listName(arg string) (publisher, list string, err error) {
	if _, serr := os.Stat(arg); serr == nil {
		data, err := os.ReadFile(arg)
		if err != nil {
			return "", "", err
		}
		l, err := rules.Parse(arg, data)
		if err != nil {
			return "", "", err
		}
		return l.Publisher, l.ID, nil
	}
	publisher, list, ok := strings.Cut(arg, "/")
	if !ok || !rules.ValidID(publisher) || !rules.ValidID(list) {
		return "", "", fmt.Errorf("%q is neither a list source file nor PUBLISHER/LIST", arg)
	}
	return publisher, list, nil
}

func rollback(args []string) error {
	fs := newFlags("rollback", "[flags] -key NAME.key -to VERSION LIST.yaml | PUBLISHER/LIST", `Republishes the content of an older version of a list as a new version:
readers get it like any update. The old version is checked with your key
before it is signed again.`)
	var r remote
	r.flags(fs, true)
	keyFile := fs.String("key", "", "publisher private key file")
	name := fs.String("list", "", "PUBLISHER/LIST to roll back (or give it as the argument)")
	to := fs.Uint64("to", 0, "version whose content to restore")
	if err := fs.Parse(args); err != nil {
		return err
	}
	arg := *name
	if fs.NArg() == 1 && arg == "" {
		arg = fs.Arg(0)
	} else if fs.NArg() != 0 {
		return usage(fs)
	}
	if *keyFile == "" || arg == "" || *to == 0 {
		return usage(fs)
	}
	publisher, list, err := listName(arg)
	if err != nil {
		return err
	}
	key, err := readPrivateKey(*keyFile)
	if err != nil {
		return err
	}
	res, err := r.rollbackList(key, publisher, list, *to)
	if err != nil {
		return err
	}
	fmt.Printf("rolled %s/%s back to the content of version %d, as version %d\n", res.Publisher, res.List, res.RollbackOf, res.Version)
	return nil
}

// rollbackList republishes version `to` of a list, signed again with key
// under the version after the latest.
func (r *remote) rollbackList(key ed25519.PrivateKey, publisher, list string, to uint64) (*client.Published, error) {
	old, err := r.Bundle(publisher, list, to)
	if err != nil {
		return nil, err
	}
	latest, err := r.Bundle(publisher, list, 0)
	if err != nil {
		return nil, err
	}
	if old == nil || latest == nil {
		return nil, fmt.Errorf("rollback: the server has no version %d of %s/%s", to, publisher, list)
	}
	// The old version is checked with the publisher's own key before it
	// is signed again: a rollback must not launder what the server sent.
	l, err := old.Open(key.Public().(ed25519.PublicKey))
	if err != nil {
		return nil, fmt.Errorf("rollback: version %d: %w", to, err)
	}
	l.Version = latest.Version + 1
	b, err := bundle.Sign(l, key)
	if err != nil {
		return nil, err
	}
	var res client.Published
	if err := r.Call("POST", "/v1/rollback?to="+strconv.FormatUint(to, 10), b.Encode(), &res); err != nil {
		return nil, r.explain(err, publisher, key.Public().(ed25519.PublicKey))
	}
	return &res, nil
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
	fs := newFlags("status", "[flags]", "Shows your publisher, its key fingerprint, and each list's versions and number of readers following it.")
	var r remote
	r.flags(fs, true)
	all := fs.Bool("versions", false, "list every version")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 0 {
		return usage(fs)
	}
	var st statusReport
	if err := r.Call("GET", "/v1/status", nil, &st); err != nil {
		return err
	}
	fmt.Printf("publisher %s (%s)\nkey %s\nfingerprint %s\n\n", st.Publisher.ID, st.Publisher.Name, st.Publisher.PublicKey, bundle.Fingerprint(st.Publisher.PublicKey))
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
