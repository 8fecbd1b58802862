package server

import (
	"crypto/ed25519"
	"crypto/rand"
	"net/http"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"voile/server/store"
	"voile/shared/bundle"
	"voile/shared/rules"
	"voile/shared/wire"
)

// wsError connects, sends frame (type mt), and returns the code of the
// error message the server answers with, after checking that the server
// then closes the connection with that code as the reason.
func wsError(e *env, mt int, frame []byte) string {
	c := e.connect()
	if err := c.ws.WriteMessage(mt, frame); err != nil {
		e.t.Fatal(err)
	}
	m := c.expect(wire.TError)
	if ce := c.closed(); ce.Text != m.Error.Code {
		e.t.Errorf("closed with %q after error %q", ce.Text, m.Error.Code)
	}
	return m.Error.Code
}

func httpCode(status int, code string) string { return code }

// signRaw signs list bytes as bundle.Sign does, without its validation,
// to make validly signed bundles of invalid lists.
func signRaw(l *rules.List, priv ed25519.PrivateKey) []byte {
	enc := l.Encode()
	msg := append([]byte("voile list bundle v1\x00"), enc...)
	b := &bundle.Bundle{List: enc, ListID: l.ID, Publisher: l.Publisher, Version: l.Version, Sig: ed25519.Sign(priv, msg)}
	return b.Encode()
}

func TestBadInputLosesNothing(t *testing.T) {
	cases := []struct {
		name string
		cfg  Config
		do   func(e *env) string
		want string
	}{
		{"malformed msgpack frame", Config{}, func(e *env) string {
			return wsError(e, websocket.BinaryMessage, []byte{0x85, 0xa5, 'p', 'r'})
		}, wire.CodeBadMessage},
		{"text frame", Config{}, func(e *env) string {
			return wsError(e, websocket.TextMessage, []byte(`{"type":"hello"}`))
		}, wire.CodeBadMessage},
		{"other protocol version", Config{}, func(e *env) string {
			m := wire.NewHello(nil, nil)
			raw, _ := m.MarshalMsg(nil) // Proto 1; patch it to 9
			raw[strings.Index(string(raw), "proto")+5] = 9
			return wsError(e, websocket.BinaryMessage, raw)
		}, wire.CodeProto},
		{"server message from a client", Config{}, func(e *env) string {
			return wsError(e, websocket.BinaryMessage, (&wire.Message{Type: wire.TSynced, Synced: &wire.Synced{}}).Encode())
		}, wire.CodeBadMessage},
		{"oversized frame", Config{MaxClientMessage: 1024}, func(e *env) string {
			follow := make([]wire.ListRef, 100)
			for i := range follow {
				follow[i] = wire.ListRef{Publisher: "ngo", List: strings.Repeat("x", 60)}
			}
			return wsError(e, websocket.BinaryMessage, wire.NewHello(follow, nil).Encode())
		}, wire.CodeTooLarge},
		// Far more than the socket buffers hold: the server answers while
		// the client is still writing, and must read on until the client
		// has its answer rather than reset the connection under it.
		{"frame far over the limit", Config{MaxClientMessage: 1024}, func(e *env) string {
			return wsError(e, websocket.BinaryMessage, make([]byte, 8<<20))
		}, wire.CodeTooLarge},
		{"no hello in time", Config{HandshakeTimeout: 200 * time.Millisecond}, func(e *env) string {
			c := e.connect()
			m := c.expect(wire.TError)
			c.closed()
			return m.Error.Code
		}, wire.CodeTimeout},
		{"unknown list, connection kept", Config{}, func(e *env) string {
			c := e.connect()
			c.hello(nil, "en", "nonesuch")
			c.expect(wire.TCatalog)
			code := c.expect(wire.TError).Error.Code
			c.expect(wire.TSnapshot)
			if s := c.expect(wire.TSynced).Synced; len(s.Lists) != 1 {
				e.t.Errorf("synced %+v, want en alone", s)
			}
			return code
		}, wire.CodeUnknownList},
		{"wrong origin", Config{AllowedOrigins: []string{"https://voile.example"}}, func(e *env) string {
			for _, ok := range []string{"chrome-extension://abcdef", "moz-extension://1234-5678", "https://voile.example"} {
				c, _, err := e.dial(http.Header{"Origin": {ok}})
				if err != nil {
					e.t.Errorf("origin %s refused: %v", ok, err)
				} else {
					c.ws.Close()
				}
			}
			_, resp, err := e.dial(http.Header{"Origin": {"https://evil.example"}})
			if err == nil || resp == nil || resp.StatusCode != http.StatusForbidden {
				e.t.Fatalf("evil origin: %v", err)
			}
			return decodeHTTPError(e.t, resp)
		}, wire.CodeOrigin},
		{"too many connections from one address", Config{MaxConnsPerIP: 2}, func(e *env) string {
			c1, c2 := e.connect(), e.connect()
			_, resp, err := e.dial(nil)
			if err == nil || resp == nil || resp.StatusCode != http.StatusTooManyRequests {
				e.t.Fatalf("third connection: %v", err)
			}
			code := decodeHTTPError(e.t, resp)
			// Closing frees the address's slots.
			c1.ws.Close()
			c2.ws.Close()
			for i := 0; e.srv.limits.count("127.0.0.1") > 0; i++ {
				if i == 500 {
					e.t.Fatal("closed connections still counted")
				}
				time.Sleep(10 * time.Millisecond)
			}
			return code
		}, wire.CodeRateLimited},
		{"bad token", Config{}, func(e *env) string {
			return httpCode(e.post("/v1/publish", "voile-tok-forged", e.sign(list("en", 9, 5, "z"))))
		}, wire.CodeUnauthorized},
		{"no token", Config{}, func(e *env) string {
			return httpCode(e.post("/v1/publish", "", e.sign(list("en", 9, 5, "z"))))
		}, wire.CodeUnauthorized},
		{"wrong signature", Config{}, func(e *env) string {
			_, other, _ := ed25519.GenerateKey(rand.Reader)
			b, _ := bundle.Sign(list("en", 9, 5, "z"), other)
			return httpCode(e.post("/v1/publish", e.token, b.Encode()))
		}, wire.CodeBadSignature},
		{"tampered list", Config{}, func(e *env) string {
			b, _ := bundle.Decode(e.sign(list("en", 9, 5, "z")))
			b.List[len(b.List)-3] ^= 1
			return httpCode(e.post("/v1/publish", e.token, b.Encode()))
		}, wire.CodeBadSignature},
		{"signed invalid list", Config{}, func(e *env) string {
			l := list("en", 9, 5, "z")
			l.Rules[0].Weight = 7
			return httpCode(e.post("/v1/publish", e.token, signRaw(l, e.priv)))
		}, wire.CodeInvalidList},
		// A list signed by a voile from before patterns carried their
		// trees, and one whose tree is not its pattern's text.
		{"pattern without its tree", Config{}, func(e *env) string {
			l := list("en", 9, 5, "z")
			l.Rules = append(l.Rules, rules.Rule{ID: "p", Kind: rules.Pattern, Text: `\bgo (back|home)\b`, Category: rules.Xenophobia, Weight: 0.5})
			return httpCode(e.post("/v1/publish", e.token, signRaw(l, e.priv)))
		}, wire.CodeInvalidList},
		{"pattern tree not its text", Config{}, func(e *env) string {
			l := list("en", 9, 5, "z")
			l.Rules = append(l.Rules, rules.Rule{ID: "p", Kind: rules.Pattern, Text: `\bgo (back|home)\b`, Category: rules.Xenophobia, Weight: 0.5})
			l.ParsePatterns()
			l.Rules[5].Expr[len(l.Rules[5].Expr)-1].Text = "back|away"
			return httpCode(e.post("/v1/publish", e.token, signRaw(l, e.priv)))
		}, wire.CodeInvalidList},
		{"stale version", Config{}, func(e *env) string {
			return httpCode(e.post("/v1/publish", e.token, e.sign(list("en", 2, 5, "z"))))
		}, wire.CodeStale},
		{"older version", Config{}, func(e *env) string {
			return httpCode(e.post("/v1/publish", e.token, e.sign(list("en", 1, 5, "z"))))
		}, wire.CodeStale},
		{"malformed bundle", Config{}, func(e *env) string {
			return httpCode(e.post("/v1/publish", e.token, []byte("not a bundle")))
		}, wire.CodeBadMessage},
		{"oversized body", Config{MaxPublishBytes: 4096}, func(e *env) string {
			return httpCode(e.post("/v1/publish", e.token, e.sign(list("en", 9, 400, "z"))))
		}, wire.CodeTooLarge},
		{"another publisher's list", Config{}, func(e *env) string {
			l := list("en", 9, 5, "z")
			l.Publisher = "other"
			return httpCode(e.post("/v1/publish", e.token, e.sign(l)))
		}, wire.CodeForbidden},
		{"rollback with other content", Config{}, func(e *env) string {
			return httpCode(e.post("/v1/rollback?to=1", e.token, e.sign(list("en", 9, 5, "z"))))
		}, wire.CodeBadMessage},
		{"rollback to an unknown version", Config{}, func(e *env) string {
			return httpCode(e.post("/v1/rollback?to=7", e.token, e.sign(list("en", 9, 5, "z"))))
		}, wire.CodeUnknownList},
		{"publish rate", Config{PublishRate: 0.001, PublishBurst: 2}, func(e *env) string {
			return httpCode(e.post("/v1/publish", e.token, e.sign(list("en", 9, 5, "z"))))
		}, wire.CodeRateLimited},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e := newEnv(t, c.cfg)
			e.publish(list("en", 1, 5, "a"))
			e.publish(list("en", 2, 6, "a"))
			before, err := store.Export(e.db)
			if err != nil {
				t.Fatal(err)
			}
			if got := c.do(e); got != c.want {
				t.Errorf("got code %q, want %q", got, c.want)
			}
			after, err := store.Export(e.db)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(before, after) {
				t.Error("the store changed")
			}
			// The server still serves the stored versions.
			c := e.connect()
			c.hello(map[string]uint64{"en": 1}, "en")
			c.expect(wire.TCatalog)
			if d := c.expect(wire.TDelta).Delta; d.Version != 2 {
				t.Errorf("after the bad input, served version %d, want 2", d.Version)
			}
		})
	}
}

func decodeHTTPError(t *testing.T, resp *http.Response) string {
	t.Helper()
	var we wire.Error
	if err := jsonDecode(resp, &we); err != nil {
		t.Fatalf("error body: %v", err)
	}
	return we.Code
}
