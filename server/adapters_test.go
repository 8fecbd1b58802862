package server

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"testing"

	"voile/server/store"
	"voile/shared/bundle"
	"voile/shared/wire"
)

// adaptersBody is a signed adapter update as the CLI posts it.
func adaptersBody(t *testing.T, publisher string, doc []byte, priv ed25519.PrivateKey) []byte {
	t.Helper()
	sig, err := bundle.SignAdapters(doc, priv)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := json.Marshal(SignedAdapters{Publisher: publisher,
		Document: base64.StdEncoding.EncodeToString(doc), Sig: base64.StdEncoding.EncodeToString(sig)})
	return body
}

func (e *env) storedAdapters() string {
	e.t.Helper()
	all, err := e.db.AllAdapters()
	if err != nil {
		e.t.Fatal(err)
	}
	var docs []string
	for _, a := range all {
		docs = append(docs, a.Publisher+":"+string(a.Document))
	}
	return strings.Join(docs, ",")
}

func expectAdapters(t *testing.T, c *client, doc string) {
	t.Helper()
	m := c.expect(wire.TAdapters)
	if m.Adapters.Publisher != "ngo" || string(m.Adapters.Document) != doc {
		t.Fatalf("got adapters %s %q, want ngo %q", m.Adapters.Publisher, m.Adapters.Document, doc)
	}
}

func TestAdaptersPushedAndSentAfterHello(t *testing.T) {
	e := newEnv(t, Config{AdapterPublishers: []string{"ngo"}})
	e.publish(list("en", 1, 3, "a"))
	before := e.subscribe("en") // greeted before any adapters exist

	doc1 := `{"version":1,"adapters":[{"id":"x"}]}`
	if status, code := e.post("/v1/adapters", e.token, adaptersBody(t, "ngo", []byte(doc1), e.priv)); status != 200 {
		t.Fatalf("post adapters: %d %s", status, code)
	}
	m := before.expect(wire.TAdapters)
	if string(m.Adapters.Document) != doc1 || m.Adapters.Publisher != "ngo" {
		t.Fatalf("live push: %+v", m.Adapters)
	}
	if err := bundle.VerifyAdapters(m.Adapters.Document, m.Adapters.Sig, e.pub); err != nil {
		t.Fatalf("pushed document does not verify with the publisher's key: %v", err)
	}

	// A new connection gets it after the catalog, before its lists.
	after := e.connect()
	after.hello(nil, "en")
	after.expect(wire.TCatalog)
	expectAdapters(t, after, doc1)
	after.expect(wire.TSnapshot)
	after.expect(wire.TSynced)
	// A second hello does not send it again.
	after.hello(map[string]uint64{"en": 1}, "en")
	after.expect(wire.TCatalog)
	after.expect(wire.TSynced)

	// A replacement reaches both, and only the latest is stored.
	doc2 := `{"version":1,"adapters":[{"id":"y"}]}`
	if status, code := e.post("/v1/adapters", e.token, adaptersBody(t, "ngo", []byte(doc2), e.priv)); status != 200 {
		t.Fatalf("post adapters: %d %s", status, code)
	}
	expectAdapters(t, before, doc2)
	expectAdapters(t, after, doc2)
	if got := e.storedAdapters(); got != "ngo:"+doc2 {
		t.Errorf("stored %q", got)
	}

	// A server started over the same store sends it too.
	srv, err := New(Config{AdapterPublishers: []string{"ngo"}}, e.db, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Shutdown(t.Context())
	all := srv.hub.allAdapters()
	if len(all) != 1 || all[0].publisher != "ngo" {
		t.Fatalf("restarted server holds %+v", all)
	}
}

func TestAdaptersBadInputChangesNothing(t *testing.T) {
	e := newEnv(t, Config{AdapterPublishers: []string{"ngo"}})
	good := `{"version":1,"adapters":[]}`
	if status, code := e.post("/v1/adapters", e.token, adaptersBody(t, "ngo", []byte(good), e.priv)); status != 200 {
		t.Fatalf("post adapters: %d %s", status, code)
	}
	c := e.connect()
	c.hello(nil)
	c.expect(wire.TCatalog)
	expectAdapters(t, c, good)
	c.expect(wire.TSynced)

	_, otherKey, _ := ed25519.GenerateKey(rand.Reader)
	signed := adaptersBody(t, "ngo", []byte(`{"evil":true}`), e.priv)
	var tampered SignedAdapters
	json.Unmarshal(signed, &tampered)
	tampered.Document = base64.StdEncoding.EncodeToString([]byte(`{"evil":false}`))
	tamperedBody, _ := json.Marshal(tampered)
	cases := []struct {
		name   string
		token  string
		body   []byte
		status int
		code   string
	}{
		{"no token", "", signed, 401, wire.CodeUnauthorized},
		{"bad token", "voile-tok-nope", signed, 401, wire.CodeUnauthorized},
		{"other key", e.token, adaptersBody(t, "ngo", []byte(`{"evil":true}`), otherKey), 400, wire.CodeBadSignature},
		{"tampered document", e.token, tamperedBody, 400, wire.CodeBadSignature},
		{"other publisher", e.token, adaptersBody(t, "other", []byte(`{"evil":true}`), e.priv), 403, wire.CodeForbidden},
		{"not a JSON object", e.token, adaptersBody(t, "ngo", []byte(`[1,2]`), e.priv), 400, wire.CodeBadMessage},
		{"not JSON at all", e.token, []byte("nope"), 400, wire.CodeBadMessage},
		{"bad base64", e.token, []byte(`{"publisher":"ngo","document":"!!","sig":"!!"}`), 400, wire.CodeBadMessage},
		{"too large", e.token, bytes.Repeat([]byte("x"), int(maxAdaptersBody)+1), 413, wire.CodeTooLarge},
	}
	for _, tc := range cases {
		status, code := e.post("/v1/adapters", tc.token, tc.body)
		if status != tc.status || code != tc.code {
			t.Errorf("%s: got %d %s, want %d %s", tc.name, status, code, tc.status, tc.code)
		}
	}
	if got := e.storedAdapters(); got != "ngo:"+good {
		t.Errorf("after bad input, stored %q", got)
	}
	// Nothing was pushed: the next message is the next good document.
	next := `{"version":2,"adapters":[]}`
	if status, code := e.post("/v1/adapters", e.token, adaptersBody(t, "ngo", []byte(next), e.priv)); status != 200 {
		t.Fatalf("post adapters: %d %s", status, code)
	}
	expectAdapters(t, c, next)
}

func TestAdaptersRateLimited(t *testing.T) {
	e := newEnv(t, Config{PublishRate: 0.001, PublishBurst: 1, AdapterPublishers: []string{"ngo"}})
	body := adaptersBody(t, "ngo", []byte(`{}`), e.priv)
	if status, code := e.post("/v1/adapters", e.token, body); status != 200 {
		t.Fatalf("first: %d %s", status, code)
	}
	if status, code := e.post("/v1/adapters", e.token, body); status != http.StatusTooManyRequests || code != wire.CodeRateLimited {
		t.Errorf("second: %d %s, want 429 rate_limited", status, code)
	}
}

// A list publisher cannot ship site adapters: only the publishers named
// as holding the adapter key can, and a list publisher's stored document
// is not relayed.
func TestListPublisherCannotShipAdapters(t *testing.T) {
	e := newEnv(t, Config{AdapterPublishers: []string{"voile"}})
	doc := []byte(`{"format":1,"version":9007199254740991,"adapters":[]}`)
	if status, code := e.post("/v1/adapters", e.token, adaptersBody(t, "ngo", doc, e.priv)); status != 403 || code != wire.CodeForbidden {
		t.Fatalf("adapters from a list publisher: %d %s, want 403 %s", status, code, wire.CodeForbidden)
	}
	// Stored before the rule (or by another configuration): kept, not sent.
	sig, _ := bundle.SignAdapters(doc, e.priv)
	if err := e.db.PutAdapters(&store.Adapters{Publisher: "ngo", Document: doc, Sig: sig}); err != nil {
		t.Fatal(err)
	}
	srv, err := New(Config{AdapterPublishers: []string{"voile"}}, e.db, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Shutdown(t.Context())
	if n := len(srv.hub.allAdapters()); n != 0 {
		t.Errorf("%d adapter documents relayed", n)
	}
}
