// Package client talks to a sync server's HTTP API (server/PROTOCOL.md)
// as a publisher or an operator does: publishing and rolling back lists,
// reading the catalog, a list's versions and the caller's status. The
// voile command's admin commands and voile-load use it, so that requests,
// tokens and the server's refusals are made and read in one place.
package client

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"

	"voile/shared/bundle"
	"voile/shared/wire"
)

// Client is one sync server, and the token of whoever calls it.
type Client struct {
	// Base is the server's base URL, such as http://127.0.0.1:8787.
	Base string
	// Token returns the API token that requests needing one are sent
	// with; nil for a client that only reads public resources.
	Token func() (string, error)
	// HTTP sends the requests; nil means http.DefaultClient.
	HTTP *http.Client
}

// Error is a sync server's refusal: its HTTP status, and its wire error
// code and message when it gave them.
type Error struct {
	Method, Path string
	Status       int
	Code         string
	Message      string
	// Hint says what to do about it; the caller, who knows the context,
	// may add one.
	Hint string
}

func (e *Error) Error() string {
	s := fmt.Sprintf("%s %s: %s", e.Method, e.Path, e.Message)
	if e.Code != "" {
		s = fmt.Sprintf("%s %s: server says %s: %s", e.Method, e.Path, e.Code, e.Message)
	}
	if e.Hint != "" {
		s += "\n" + e.Hint
	}
	return s
}

// Code returns the wire error code of a server's refusal, or "".
func Code(err error) string {
	var se *Error
	if errors.As(err, &se) {
		return se.Code
	}
	return ""
}

// Do sends a request, with the token when auth is set, and returns the
// body of a 2xx answer with its status; else the status and an *Error
// (or the transport's error, status 0).
func (c *Client) Do(method, path string, body []byte, auth bool) ([]byte, int, error) {
	req, err := http.NewRequest(method, strings.TrimSuffix(c.Base, "/")+path, bytes.NewReader(body))
	if err != nil {
		return nil, 0, err
	}
	if auth {
		if c.Token == nil {
			return nil, 0, fmt.Errorf("%s %s: no API token", method, path)
		}
		tok, err := c.Token()
		if err != nil {
			return nil, 0, err
		}
		req.Header.Set("Authorization", "Bearer "+tok)
	}
	h := c.HTTP
	if h == nil {
		h = http.DefaultClient
	}
	resp, err := h.Do(req)
	if err != nil {
		return nil, 0, err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, wire.MaxMessage))
	if err != nil {
		return nil, resp.StatusCode, fmt.Errorf("%s %s: %v", method, path, err)
	}
	if resp.StatusCode/100 != 2 {
		se := &Error{Method: method, Path: path, Status: resp.StatusCode, Message: resp.Status}
		var we wire.Error
		if json.Unmarshal(data, &we) == nil && we.Code != "" {
			se.Code, se.Message = we.Code, we.Message
		}
		return nil, resp.StatusCode, se
	}
	return data, resp.StatusCode, nil
}

// Call sends a request with the token and decodes the server's JSON
// answer into out.
func (c *Client) Call(method, path string, body []byte, out any) error {
	data, _, err := c.Do(method, path, body, true)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(data, out); err != nil {
		return fmt.Errorf("%s %s: server answer: %v", method, path, err)
	}
	return nil
}

// Published is the server's answer to a publish or a rollback.
type Published struct {
	Publisher  string `json:"publisher"`
	List       string `json:"list"`
	Version    uint64 `json:"version"`
	RollbackOf uint64 `json:"rollback_of"`
}

// Publish publishes a signed bundle (bundle.Bundle.Encode).
func (c *Client) Publish(signed []byte) (*Published, error) {
	var res Published
	if err := c.Call("POST", "/v1/publish", signed, &res); err != nil {
		return nil, err
	}
	return &res, nil
}

// Bundle returns a version of a list (0: the latest), or nil and no
// error when the server has no such list or version.
func (c *Client) Bundle(publisher, list string, version uint64) (*bundle.Bundle, error) {
	path := "/v1/lists/" + publisher + "/" + list
	if version > 0 {
		path += "/" + strconv.FormatUint(version, 10)
	}
	data, status, err := c.Do("GET", path, nil, false)
	if status == http.StatusNotFound {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return bundle.Decode(data)
}

// CatalogKey returns the public key, as text, that the server's catalog
// gives for a publisher.
func (c *Client) CatalogKey(publisher string) (string, error) {
	data, _, err := c.Do("GET", "/v1/catalog", nil, false)
	if err != nil {
		return "", err
	}
	m, err := wire.Decode(data)
	if err != nil {
		return "", fmt.Errorf("catalog: %v", err)
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
