package server

import (
	"bufio"
	"context"
	"fmt"
	"net"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"voile/shared/wire"
)

// served is a server behind its own listener and HTTP server, as
// voile-server runs it, on 127.0.0.1.
func served(t *testing.T, e *env) string {
	t.Helper()
	tcp, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	hs := e.srv.HTTPServer(e.srv.Handler())
	go hs.Serve(e.srv.Listener(tcp))
	t.Cleanup(func() { hs.Close() })
	return tcp.Addr().String()
}

// dialFrom opens a TCP connection to addr from the loopback address from.
func dialFrom(from, addr string) (net.Conn, error) {
	d := net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(from)}, Timeout: 2 * time.Second}
	return d.Dial("tcp", addr)
}

// flood opens n connections from 127.0.0.1, each sending one keep-alive
// request for path, and returns them with how many were answered 200.
// The caller closes them.
func flood(t *testing.T, addr, path string, n int) (conns []net.Conn, ok int) {
	t.Helper()
	for range n {
		c, err := dialFrom("127.0.0.1", addr)
		if err != nil {
			continue // the backlog may refuse too: that is a limit as well
		}
		conns = append(conns, c)
		fmt.Fprintf(c, "GET %s HTTP/1.1\r\nHost: voile\r\n\r\n", path)
	}
	for _, c := range conns {
		c.SetReadDeadline(time.Now().Add(3 * time.Second))
		resp, err := http.ReadResponse(bufio.NewReader(c), nil)
		if err != nil {
			continue
		}
		resp.Body.Close()
		if resp.StatusCode == 200 {
			ok++
		}
	}
	return conns, ok
}

func closeAll(conns []net.Conn) {
	for _, c := range conns {
		c.Close()
	}
}

// healthz times GET /healthz from the loopback address from.
func healthz(t *testing.T, from, addr string) time.Duration {
	t.Helper()
	start := time.Now()
	tr := &http.Transport{DialContext: func(ctx context.Context, _, _ string) (net.Conn, error) { return dialFrom(from, addr) }}
	defer tr.CloseIdleConnections()
	cl := &http.Client{Transport: tr, Timeout: 2 * time.Second}
	resp, err := cl.Get("http://" + addr + "/healthz")
	if err != nil {
		t.Fatalf("healthz from %s: %v", from, err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("healthz from %s: %s", from, resp.Status)
	}
	return time.Since(start)
}

// subscribeFrom syncs a WebSocket subscriber from the loopback address from.
func subscribeFrom(t *testing.T, from, addr string) {
	t.Helper()
	d := websocket.Dialer{NetDialContext: func(ctx context.Context, _, _ string) (net.Conn, error) { return dialFrom(from, addr) }}
	ws, _, err := d.Dial("ws://"+addr+"/v1/sync", nil)
	if err != nil {
		t.Fatalf("subscriber from %s: %v", from, err)
	}
	defer ws.Close()
	c := &client{t: t, ws: ws}
	c.hello(nil, "en")
	c.expect(wire.TCatalog)
	c.expect(wire.TSnapshot)
	c.expect(wire.TSynced)
}

// One source opening connections past its limit holds no more than the
// limit, idle keep-alive connections are closed soon, and the server
// stays healthy for everyone else.
func TestOneSourceCannotExhaustConnections(t *testing.T) {
	e := newEnv(t, Config{MaxConnsPerSource: 8, MaxConns: 1000, HTTPIdleTimeout: 500 * time.Millisecond})
	e.publish(list("en", 1, 5, "a"))
	addr := served(t, e)

	conns, ok := flood(t, addr, "/v1/catalog", 100)
	defer closeAll(conns)
	if ok > 8 {
		t.Errorf("one source holds %d connections, want at most 8", ok)
	}
	// Loopback addresses other than 127.0.0.1 are other sources.
	if d := healthz(t, "127.0.0.3", addr); d > time.Second {
		t.Errorf("healthz took %v", d)
	}
	subscribeFrom(t, "127.0.0.2", addr)

	// Idle keep-alive connections go after HTTPIdleTimeout, and their
	// slots with them.
	deadline := time.Now().Add(5 * time.Second)
	for {
		if _, n := e.srv.listen.open("127.0.0.1"); n == 0 {
			break
		}
		if time.Now().After(deadline) {
			_, n := e.srv.listen.open("127.0.0.1")
			t.Fatalf("%d idle connections of the flooding source still open", n)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// When connections fill the server, health checks and publishers still
// get through on the spare connections, which serve nothing else.
func TestHealthChecksSurviveAFullServer(t *testing.T) {
	e := newEnv(t, Config{MaxConnsPerSource: -1, MaxConns: 20, SpareConns: 4})
	e.publish(list("en", 1, 5, "a"))
	addr := served(t, e)

	conns, ok := flood(t, addr, "/v1/catalog", 60)
	defer closeAll(conns)
	if ok > 20 {
		t.Errorf("%d connections served, want at most 20", ok)
	}
	var wg sync.WaitGroup
	for _, from := range []string{"127.0.0.1", "127.0.0.3"} {
		wg.Go(func() {
			if d := healthz(t, from, addr); d > time.Second {
				t.Errorf("healthz from %s took %v", from, d)
			}
		})
	}
	wg.Wait()
	// A publisher can still publish.
	if status, code := e.postTo("http://"+addr, "/v1/publish", e.token, e.sign(list("en", 2, 5, "b"))); status != 200 {
		t.Errorf("publish on a full server: %d %s", status, code)
	}
	// A spare connection serves nothing else.
	c, err := dialFrom("127.0.0.4", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	fmt.Fprintf(c, "GET /v1/catalog HTTP/1.1\r\nHost: voile\r\n\r\n")
	c.SetReadDeadline(time.Now().Add(2 * time.Second))
	if resp, err := http.ReadResponse(bufio.NewReader(c), nil); err == nil && resp.StatusCode == 200 {
		t.Error("a full server served the catalog")
	}
}

func TestSourceGroupsIPv6By64(t *testing.T) {
	for _, c := range []struct{ a, b string }{
		{"[2001:db8:1:2::1]:1000", "[2001:db8:1:2:ffff:ffff:ffff:ffff]:2000"},
		{"127.0.0.1:1", "127.0.0.1"},
		{"[::ffff:10.0.0.1]:5", "10.0.0.1:6"},
		{"[fe80::1%eth0]:5", "[fe80::2]:6"},
	} {
		if sourceString(c.a) != sourceString(c.b) {
			t.Errorf("%s is %q, %s is %q: want one source", c.a, sourceString(c.a), c.b, sourceString(c.b))
		}
	}
	if sourceString("[2001:db8:1:2::1]:1") == sourceString("[2001:db8:1:3::1]:1") {
		t.Error("two /64s are one source")
	}
	if sourceString("10.0.0.1:1") == sourceString("10.0.0.2:1") {
		t.Error("two IPv4 addresses are one source")
	}
}
