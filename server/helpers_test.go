package server

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"voile/server/store"
	"voile/server/store/jetstore"
	"voile/shared/bundle"
	"voile/shared/rules"
	"voile/shared/wire"
)

// env is a server on loopback over a fresh store, with one publisher.
type env struct {
	t     *testing.T
	srv   *Server
	http  *httptest.Server
	db    *jetstore.Store
	pub   ed25519.PublicKey
	priv  ed25519.PrivateKey
	token string
}

func newEnv(t *testing.T, cfg Config) *env {
	t.Helper()
	db, err := jetstore.OpenDir(t.TempDir(), nil)
	if err != nil {
		t.Fatal(err)
	}
	pub, priv, _ := ed25519.GenerateKey(rand.Reader)
	p, token, err := NewPublisher("ngo", "An NGO", bundle.FormatPublicKey(pub))
	if err != nil {
		t.Fatal(err)
	}
	if err := db.PutPublisher(p); err != nil {
		t.Fatal(err)
	}
	if cfg.PublishRate == 0 {
		cfg.PublishRate, cfg.PublishBurst = 1000, 1000
	}
	srv, err := New(cfg, db, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	e := &env{t: t, srv: srv, http: httptest.NewServer(srv.Handler()), db: db, pub: pub, priv: priv, token: token}
	t.Cleanup(func() {
		srv.Shutdown(t.Context())
		e.http.Close()
		db.Close()
	})
	return e
}

// list returns version v of a list with n rules; salt changes every
// rule's text, so that versions with other salts share nothing.
func list(id string, v uint64, n int, salt string) *rules.List {
	l := &rules.List{ID: id, Publisher: "ngo", Version: v, Name: "List " + id, Langs: []string{"en"}}
	for i := 0; i < n; i++ {
		l.Rules = append(l.Rules, rules.Rule{ID: fmt.Sprintf("r%d", i), Kind: rules.Term,
			Text: fmt.Sprintf("slur%s%d", salt, i), Category: rules.Racism, Weight: 0.9})
	}
	return l
}

func (e *env) sign(l *rules.List) []byte {
	b, err := bundle.Sign(l, e.priv)
	if err != nil {
		e.t.Fatal(err)
	}
	return b.Encode()
}

// post sends a publish (or rollback, with a "?to=" query) and returns the
// status and the decoded error code, if any.
func (e *env) post(path, token string, body []byte) (int, string) {
	e.t.Helper()
	return e.postTo(e.http.URL, path, token, body)
}

// postTo is post to the server at base, an http:// URL.
func (e *env) postTo(base, path, token string, body []byte) (int, string) {
	e.t.Helper()
	req, _ := http.NewRequest("POST", base+path, bytes.NewReader(body))
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	defer resp.Body.Close()
	var we wire.Error
	if resp.StatusCode != 200 {
		json.NewDecoder(resp.Body).Decode(&we)
	}
	return resp.StatusCode, we.Code
}

func (e *env) publish(l *rules.List) {
	e.t.Helper()
	if status, code := e.post("/v1/publish", e.token, e.sign(l)); status != 200 {
		e.t.Fatalf("publish %s v%d: %d %s", l.ID, l.Version, status, code)
	}
}

// client is a WebSocket subscriber.
type client struct {
	t  *testing.T
	ws *websocket.Conn
}

func (e *env) dial(header http.Header) (*client, *http.Response, error) {
	url := "ws" + strings.TrimPrefix(e.http.URL, "http") + "/v1/sync"
	ws, resp, err := websocket.DefaultDialer.Dial(url, header)
	if err != nil {
		return nil, resp, err
	}
	e.t.Cleanup(func() { ws.Close() })
	return &client{t: e.t, ws: ws}, resp, nil
}

func (e *env) connect() *client {
	e.t.Helper()
	c, _, err := e.dial(nil)
	if err != nil {
		e.t.Fatal(err)
	}
	return c
}

func (c *client) send(m *wire.Message) {
	c.t.Helper()
	if err := c.ws.WriteMessage(websocket.BinaryMessage, m.Encode()); err != nil {
		c.t.Fatal(err)
	}
}

func (c *client) hello(held map[string]uint64, lists ...string) {
	c.t.Helper()
	var follow []wire.ListRef
	var hv []wire.Held
	for _, l := range lists {
		follow = append(follow, wire.ListRef{Publisher: "ngo", List: l})
		if v := held[l]; v > 0 {
			hv = append(hv, wire.Held{Publisher: "ngo", List: l, Version: v})
		}
	}
	c.send(wire.NewHello(follow, hv))
}

// next reads one message, failing the test after a few seconds.
func (c *client) next() *wire.Message {
	c.t.Helper()
	m, err := c.read()
	if err != nil {
		c.t.Fatal(err)
	}
	return m
}

func (c *client) read() (*wire.Message, error) {
	c.ws.SetReadDeadline(time.Now().Add(5 * time.Second))
	_, data, err := c.ws.ReadMessage()
	if err != nil {
		return nil, err
	}
	return wire.Decode(data)
}

func (c *client) expect(t wire.Type) *wire.Message {
	c.t.Helper()
	m := c.next()
	if m.Type != t {
		c.t.Fatalf("got %s message %+v, want %s", m.Type, m, t)
	}
	return m
}

// closed reads until the connection closes and returns the close error.
func (c *client) closed() *websocket.CloseError {
	c.t.Helper()
	for {
		c.ws.SetReadDeadline(time.Now().Add(5 * time.Second))
		_, _, err := c.ws.ReadMessage()
		if err == nil {
			continue
		}
		ce, ok := err.(*websocket.CloseError)
		if !ok {
			c.t.Fatalf("connection ended with %v, want a close frame", err)
		}
		return ce
	}
}

// latest returns the stored latest version of a list and its bundle.
func (e *env) latest(id string) (uint64, []byte) {
	v, err := e.db.Version("ngo", id, 0)
	if err != nil {
		return 0, nil
	}
	return v.Version, v.Bundle
}

var _ store.Store = (*jetstore.Store)(nil)

func jsonDecode(resp *http.Response, v any) error {
	defer resp.Body.Close()
	return json.NewDecoder(resp.Body).Decode(v)
}

// subscribe connects a client following lists from nothing, and reads its
// catalog, a snapshot of each list and synced.
func (e *env) subscribe(lists ...string) *client {
	e.t.Helper()
	c := e.connect()
	c.hello(nil, lists...)
	c.expect(wire.TCatalog)
	for range lists {
		c.expect(wire.TSnapshot)
	}
	c.expect(wire.TSynced)
	return c
}
