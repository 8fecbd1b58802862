package client_test

import (
	"crypto/ed25519"
	"crypto/rand"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"voile/server/client"
	"voile/shared/bundle"
	"voile/shared/rules"
	"voile/shared/wire"
)

// A server that takes a publish with the right token, refuses one with
// another in the wire's JSON error form, and has no list "gone".
func testServer(t *testing.T, signed []byte) *httptest.Server {
	t.Helper()
	hs := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.URL.Path == "/v1/publish" && r.Header.Get("Authorization") == "Bearer voile-tok-good":
			body, _ := io.ReadAll(r.Body)
			if string(body) != string(signed) {
				http.Error(w, "not the bundle sent", http.StatusBadRequest)
				return
			}
			io.WriteString(w, `{"publisher":"p","list":"l","version":3}`)
		case r.URL.Path == "/v1/publish":
			w.WriteHeader(http.StatusUnauthorized)
			io.WriteString(w, `{"code":"unauthorized","message":"unknown token"}`)
		case r.URL.Path == "/v1/lists/p/l":
			w.Write(signed)
		default:
			w.WriteHeader(http.StatusNotFound)
			io.WriteString(w, `{"code":"unknown_list","message":"no such list"}`)
		}
	}))
	t.Cleanup(hs.Close)
	return hs
}

func signedList(t *testing.T) []byte {
	t.Helper()
	_, key, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	l := &rules.List{ID: "l", Publisher: "p", Version: 3, Langs: []string{"en"},
		Rules: []rules.Rule{{ID: "r", Kind: rules.Term, Text: "vermin", Category: rules.Racism, Weight: 0.8}}}
	b, err := bundle.Sign(l, key)
	if err != nil {
		t.Fatal(err)
	}
	return b.Encode()
}

func TestPublish(t *testing.T) {
	signed := signedList(t)
	hs := testServer(t, signed)
	c := &client.Client{Base: hs.URL + "/", Token: func() (string, error) { return "voile-tok-good", nil }}
	res, err := c.Publish(signed)
	if err != nil {
		t.Fatalf("Publish: %v", err)
	}
	if *res != (client.Published{Publisher: "p", List: "l", Version: 3}) {
		t.Errorf("Publish = %+v", *res)
	}

	c.Token = func() (string, error) { return "voile-tok-bad", nil }
	_, err = c.Publish(signed)
	if got := client.Code(err); got != wire.CodeUnauthorized {
		t.Fatalf("Publish with another token: code %q (%v), want %q", got, err, wire.CodeUnauthorized)
	}
	if !strings.Contains(err.Error(), "POST /v1/publish: server says unauthorized: unknown token") {
		t.Errorf("error %q does not say what was refused and why", err)
	}

	c.Token = nil
	if _, err := c.Publish(signed); err == nil || !strings.Contains(err.Error(), "no API token") {
		t.Errorf("Publish without a token: %v", err)
	}
}

func TestBundle(t *testing.T) {
	signed := signedList(t)
	c := &client.Client{Base: testServer(t, signed).URL}
	b, err := c.Bundle("p", "l", 0)
	if err != nil || b == nil || b.ListID != "l" || b.Version != 3 {
		t.Fatalf("Bundle(p, l, 0) = %+v, %v", b, err)
	}
	if b, err := c.Bundle("p", "gone", 0); b != nil || err != nil {
		t.Errorf("Bundle of a missing list = %v, %v; want nil, nil", b, err)
	}
}
