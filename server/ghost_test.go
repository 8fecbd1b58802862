package server

import (
	"context"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"voile/shared/wire"
)

// A client that floods hellos without reading is dropped as slow; the
// hellos it had already sent must not subscribe its closed connection
// again. Once every attacker is gone, no connection and no subscriber is
// left.
func TestFloodedHellosLeaveNoGhostSubscribers(t *testing.T) {
	e := newEnv(t, Config{SendQueue: 1, MaxConnsPerIP: -1})
	e.publish(list("en", 1, 200, "a"))
	e.publish(list("fr", 1, 200, "b"))

	d := websocket.Dialer{NetDialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
		c, err := (&net.Dialer{}).DialContext(ctx, network, addr)
		if err == nil {
			c.(*net.TCPConn).SetReadBuffer(4096) // the server's sends back up fast
		}
		return c, err
	}}
	url := "ws" + strings.TrimPrefix(e.http.URL, "http") + "/v1/sync"
	hello := wire.NewHello([]wire.ListRef{{Publisher: "ngo", List: "en"}, {Publisher: "ngo", List: "fr"}}, nil).Encode()
	const attackers = 40
	for range attackers {
		ws, _, err := d.Dial(url, nil)
		if err != nil {
			t.Fatal(err)
		}
		for range 200 {
			ws.SetWriteDeadline(time.Now().Add(2 * time.Second))
			if ws.WriteMessage(websocket.BinaryMessage, hello) != nil {
				break // dropped
			}
		}
		ws.Close()
	}

	deadline := time.Now().Add(10 * time.Second)
	for {
		counts := e.srv.hub.counts()
		conns := len(e.srv.hub.snapshotConns())
		gauge := testutil.ToFloat64(e.srv.m.connections)
		if counts["ngo/en"] == 0 && counts["ngo/fr"] == 0 && conns == 0 && gauge == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("after every attacker left: %d and %d subscribers, %d connections (gauge %v)", counts["ngo/en"], counts["ngo/fr"], conns, gauge)
		}
		time.Sleep(20 * time.Millisecond)
	}
	if n := testutil.ToFloat64(e.srv.m.disconnects.WithLabelValues(wire.CodeSlowClient)); n == 0 {
		t.Errorf("no client was dropped as slow: the test did not flood")
	}
	// A fresh subscriber is served and counted alone.
	c := e.subscribe("en")
	if n := e.srv.hub.counts()["ngo/en"]; n != 1 {
		t.Errorf("%d subscribers with one client", n)
	}
	c.ws.Close()
}
