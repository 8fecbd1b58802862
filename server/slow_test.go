package server

import (
	"context"
	"crypto/rand"
	"fmt"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"voile/shared/wire"
)

// A client that stops reading is disconnected as slow once its queue
// fills, while a client that reads gets every version.
func TestSlowClientDisconnected(t *testing.T) {
	e := newEnv(t, Config{SendQueue: 2})
	e.publish(list("en", 1, 10, "v1"))

	d := websocket.Dialer{NetDialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
		c, err := (&net.Dialer{}).DialContext(ctx, network, addr)
		if err == nil {
			c.(*net.TCPConn).SetReadBuffer(4096) // fills fast
		}
		return c, err
	}}
	url := "ws" + strings.TrimPrefix(e.http.URL, "http") + "/v1/sync"
	ws, _, err := d.Dial(url, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	slow := &client{t: t, ws: ws}
	slow.hello(nil, "en")
	slow.expect(wire.TCatalog)
	slow.expect(wire.TSnapshot)
	slow.expect(wire.TSynced)

	fast := e.subscribe("en")

	// Versions that share little, so that each is large.
	const last = 60
	got := make(chan error, 1)
	go func() {
		for v := uint64(2); v <= last; v++ {
			m, err := fast.read()
			if err != nil {
				got <- err
				return
			}
			if m.Type == wire.TDelta && m.Delta.Version != v || m.Type == wire.TSnapshot && m.Snapshot.Bundle.Version != v {
				got <- fmt.Errorf("fast client got %s, want v%d", m.Type, v)
				return
			}
		}
		got <- nil
	}()
	for v := uint64(2); v <= last; v++ {
		l := list("en", v, 2000, "")
		for i := range l.Rules {
			l.Rules[i].Text = "w" + rand.Text()[:12] // random: nothing for a delta to copy
		}
		e.publish(l)
	}
	if err := <-got; err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(5 * time.Second)
	for e.srv.hub.counts()["ngo/en"] != 1 {
		if time.Now().After(deadline) {
			t.Fatal("slow client still subscribed")
		}
		time.Sleep(10 * time.Millisecond)
	}
	// The slow client cannot always be told why: its connection may be
	// cut in the middle of a frame. The server counts it.
	if n := testutil.ToFloat64(e.srv.m.disconnects.WithLabelValues(wire.CodeSlowClient)); n != 1 {
		t.Errorf("%v slow-client disconnects, want 1", n)
	}
}

func TestShutdownClosesClients(t *testing.T) {
	e := newEnv(t, Config{})
	e.publish(list("en", 1, 5, "a"))
	c := e.subscribe("en")
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := e.srv.Shutdown(ctx); err != nil {
		t.Fatal(err)
	}
	if ce := c.closed(); ce.Code != websocket.CloseGoingAway || ce.Text != wire.CodeUnavailable {
		t.Errorf("closed with %d %q", ce.Code, ce.Text)
	}
	if _, resp, err := e.dial(nil); err == nil {
		t.Error("connected after shutdown")
	} else if resp != nil {
		resp.Body.Close()
	}
}

func TestIdleClientTimesOut(t *testing.T) {
	e := newEnv(t, Config{PingInterval: time.Hour, IdleTimeout: 300 * time.Millisecond})
	e.publish(list("en", 1, 5, "a"))
	c := e.connect()
	c.hello(nil, "en")
	for _, want := range []wire.Type{wire.TCatalog, wire.TSnapshot, wire.TSynced, wire.TError} {
		if m := c.expect(want); want == wire.TError && m.Error.Code != wire.CodeTimeout {
			t.Errorf("got %s, want %s", m.Error.Code, wire.CodeTimeout)
		}
	}
}

func TestPingsKeepClientAlive(t *testing.T) {
	e := newEnv(t, Config{PingInterval: 50 * time.Millisecond, IdleTimeout: 300 * time.Millisecond})
	e.publish(list("en", 1, 5, "a"))
	c := e.connect()
	pings := 0
	c.ws.SetPingHandler(func(data string) error {
		pings++
		return c.ws.WriteControl(websocket.PongMessage, []byte(data), time.Now().Add(time.Second))
	})
	c.hello(nil, "en")
	c.expect(wire.TCatalog)
	c.expect(wire.TSnapshot)
	c.expect(wire.TSynced)
	// Reading for a second, longer than the idle timeout, answers pings.
	c.ws.SetReadDeadline(time.Now().Add(time.Second))
	_, _, err := c.ws.ReadMessage()
	if ne, ok := err.(net.Error); !ok || !ne.Timeout() {
		t.Fatalf("connection ended: %v", err)
	}
	if pings < 5 {
		t.Errorf("%d pings in a second, want about 20", pings)
	}
}
