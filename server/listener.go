package server

import (
	"context"
	"net"
	"net/http"
	"net/netip"
	"strings"
	"sync"
	"time"
)

// Every connection, plain HTTP or WebSocket, passes through the listener
// Server.Listener returns, which counts them by source and in all: one
// source (an IPv4 address, or an IPv6 /64, which one host commonly holds
// whole) can hold at most MaxConnsPerSource, and the server at most
// MaxConns, below the process's descriptor limit. SpareConns more are
// accepted beyond MaxConns for health checks and publishers only: a spare
// connection serves one request to /healthz, /metrics or an authenticated
// publishing route, and is closed after it. A connection over a limit is
// answered 503 and closed at once, before any of it is read.

// source is the unit the per-source limits count: the address of an IPv4
// peer, or the /64 of an IPv6 one.
func source(addr net.Addr) string {
	if ta, ok := addr.(*net.TCPAddr); ok {
		return sourceOf(ta.AddrPort().Addr())
	}
	return sourceString(addr.String())
}

// sourceString is source for an address as text, "host:port" or a bare
// IP (as http.Request.RemoteAddr holds it).
func sourceString(s string) string {
	if ap, err := netip.ParseAddrPort(s); err == nil {
		return sourceOf(ap.Addr())
	}
	if a, err := netip.ParseAddr(s); err == nil {
		return sourceOf(a)
	}
	return s
}

func sourceOf(a netip.Addr) string {
	a = a.Unmap().WithZone("")
	if a.Is6() {
		p, _ := a.Prefix(64)
		return p.String()
	}
	return a.String()
}

// connLimits counts the listener's open connections.
type connLimits struct {
	perSource, max, spare int
	onRefuse              func(reason string)

	mu       sync.Mutex
	n        int
	bySource map[string]int
}

// acquire takes a slot for a connection from src: ok is false when it is
// refused, and spare is true when it takes one of the spare slots.
func (l *connLimits) acquire(src string) (ok, spare bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.perSource >= 0 && l.bySource[src] >= l.perSource {
		return false, false
	}
	if l.n >= l.max+l.spare {
		return false, false
	}
	spare = l.n >= l.max
	l.n++
	l.bySource[src]++
	return true, spare
}

func (l *connLimits) release(src string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.n--
	if l.bySource[src]--; l.bySource[src] <= 0 {
		delete(l.bySource, src)
	}
}

// open returns the connections open in all and from src.
func (l *connLimits) open(src string) (all, fromSource int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.n, l.bySource[src]
}

type limitListener struct {
	net.Listener
	l *connLimits
}

// refusal is what a connection over a limit gets before it is closed.
const refusal = "HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: 30\r\n\r\ntoo many connections, retry.\r\n"

func (ln *limitListener) Accept() (net.Conn, error) {
	for {
		c, err := ln.Listener.Accept()
		if err != nil {
			return nil, err
		}
		src := source(c.RemoteAddr())
		ok, spare := ln.l.acquire(src)
		if !ok {
			if ln.l.onRefuse != nil {
				ln.l.onRefuse("connections")
			}
			// A fresh socket's send buffer is empty: this write does not
			// wait on the peer, and the deadline makes sure of it.
			c.SetWriteDeadline(time.Now().Add(100 * time.Millisecond))
			c.Write([]byte(refusal))
			c.Close()
			continue
		}
		return &limitedConn{Conn: c, l: ln.l, src: src, spare: spare}, nil
	}
}

// limitedConn frees its slot when closed, by the HTTP server or, once
// upgraded, by the WebSocket.
type limitedConn struct {
	net.Conn
	l     *connLimits
	src   string
	spare bool
	once  sync.Once
}

func (c *limitedConn) Close() error {
	err := c.Conn.Close()
	c.once.Do(func() { c.l.release(c.src) })
	return err
}

type spareKey struct{}

// Listener wraps ln with the server's connection limits. Serve it with
// the http.Server that HTTPServer returns, which knows its spare
// connections.
func (s *Server) Listener(ln net.Listener) net.Listener {
	return &limitListener{Listener: ln, l: s.listen}
}

// HTTPServer returns an http.Server for h (the server's Handler, or a
// mux around it) with the server's timeouts: a plain HTTP connection
// idles for HTTPIdleTimeout at most, and a spare connection serves only
// health checks and publishers.
func (s *Server) HTTPServer(h http.Handler) *http.Server {
	return &http.Server{
		Handler:           s.spareGate(h),
		ReadHeaderTimeout: s.cfg.ReadHeaderTimeout,
		ReadTimeout:       60 * time.Second, // a publish body of up to 8 MiB
		IdleTimeout:       s.cfg.HTTPIdleTimeout,
		ConnContext: func(ctx context.Context, c net.Conn) context.Context {
			if lc, ok := c.(*limitedConn); ok && lc.spare {
				return context.WithValue(ctx, spareKey{}, true)
			}
			return ctx
		},
	}
}

// spareGate lets a spare connection serve one request, and only one that
// keeps the server observable and its publishers able to publish.
func (s *Server) spareGate(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if spare, _ := r.Context().Value(spareKey{}).(bool); spare {
			w.Header().Set("Connection", "close")
			if !spareAllowed(r) {
				s.m.refused.WithLabelValues("connections").Inc()
				http.Error(w, "too many connections, retry", http.StatusServiceUnavailable)
				return
			}
		}
		h.ServeHTTP(w, r)
	})
}

func spareAllowed(r *http.Request) bool {
	switch {
	case r.Method == http.MethodGet && (r.URL.Path == "/healthz" || r.URL.Path == "/metrics"):
		return true
	case strings.HasPrefix(r.Header.Get("Authorization"), "Bearer "):
		switch r.URL.Path {
		case "/v1/publish", "/v1/rollback", "/v1/adapters", "/v1/status":
			return true
		}
	}
	return false
}
