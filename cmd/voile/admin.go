package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"strconv"
	"strings"
	"time"

	"voile/shared/bundle"
	"voile/shared/wire"
)

// The admin commands talk to a sync server's HTTP API (server/PROTOCOL.md)
// for a publisher: publish, rollback, status, and diff against what is
// published.

// remote is the server and the publisher's token, from flags or the
// environment (VOILE_SERVER, VOILE_TOKEN).
type remote struct {
	url       string
	tokenFile string
	// tok, when set, is the token itself: the console holds it in memory.
	tok  string
	http *http.Client
}

func (r *remote) flags(fs *flag.FlagSet, needToken bool) {
	def := os.Getenv("VOILE_SERVER")
	if def == "" {
		def = "http://127.0.0.1:8787"
	}
	fs.StringVar(&r.url, "server", def, "sync server base URL (or VOILE_SERVER)")
	if needToken {
		fs.StringVar(&r.tokenFile, "token-file", "", "file holding the publisher's API token (or VOILE_TOKEN)")
	}
	r.http = &http.Client{Timeout: time.Minute}
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

// do sends a request and returns the body of a 2xx answer, or the
// server's error code and message.
func (r *remote) do(method, path string, body []byte, auth bool) ([]byte, int, error) {
	req, err := http.NewRequest(method, strings.TrimSuffix(r.url, "/")+path, bytes.NewReader(body))
	if err != nil {
		return nil, 0, err
	}
	if auth {
		tok, err := r.token()
		if err != nil {
			return nil, 0, err
		}
		req.Header.Set("Authorization", "Bearer "+tok)
	}
	resp, err := r.http.Do(req)
	if err != nil {
		return nil, 0, err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, wire.MaxMessage))
	if err != nil {
		return nil, resp.StatusCode, fmt.Errorf("%s %s: %v", method, path, err)
	}
	if resp.StatusCode/100 != 2 {
		se := &serverError{Method: method, Path: path, Status: resp.StatusCode, Message: resp.Status}
		var we wire.Error
		if json.Unmarshal(data, &we) == nil && we.Code != "" {
			se.Code, se.Message = we.Code, we.Message
		}
		return nil, resp.StatusCode, se
	}
	return data, resp.StatusCode, nil
}

// A serverError is a sync server's refusal: its HTTP status, and its wire
// error code and message when it gave them.
type serverError struct {
	Method, Path string
	Status       int
	Code         string
	Message      string
	// Hint says what to do about it, for the publisher.
	Hint string
}

func (e *serverError) Error() string {
	s := fmt.Sprintf("%s %s: %s", e.Method, e.Path, e.Message)
	if e.Code != "" {
		s = fmt.Sprintf("%s %s: server says %s: %s", e.Method, e.Path, e.Code, e.Message)
	}
	if e.Hint != "" {
		s += "\n" + e.Hint
	}
	return s
}

// serverCode returns the wire error code of a server's refusal, or "".
func serverCode(err error) string {
	var se *serverError
	if errors.As(err, &se) {
		return se.Code
	}
	return ""
}

// fetchBundle returns a version of a list (0: the latest), or nil and no
// error when the server has no such list.
func (r *remote) fetchBundle(publisher, list string, version uint64) (*bundle.Bundle, error) {
	path := "/v1/lists/" + publisher + "/" + list
	if version > 0 {
		path += "/" + strconv.FormatUint(version, 10)
	}
	data, status, err := r.do("GET", path, nil, false)
	if status == http.StatusNotFound {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return bundle.Decode(data)
}

// call sends a request and decodes the server's JSON answer into out.
func (r *remote) call(method, path string, body []byte, out any) error {
	data, _, err := r.do(method, path, body, true)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(data, out); err != nil {
		return fmt.Errorf("%s %s: server answer: %v", method, path, err)
	}
	return nil
}

// catalogKey returns the public key the server's catalog gives for a
// publisher, as text.
func (r *remote) catalogKey(publisher string) (string, error) {
	data, _, err := r.do("GET", "/v1/catalog", nil, false)
	if err != nil {
		return "", err
	}
	m, err := wire.Decode(data)
	if err != nil {
		return "", err
	}
	if m.Catalog == nil {
		return "", fmt.Errorf("catalog: got a %s message", m.Type)
	}
	for _, e := range m.Catalog.Lists {
		if e.Publisher == publisher {
			return e.PublicKey, nil
		}
	}
	return "", fmt.Errorf("catalog: no list of publisher %q", publisher)
}
