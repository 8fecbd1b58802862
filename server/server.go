package server

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/gorilla/websocket"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"voile/server/listing"
	"voile/server/store"
	"voile/shared/bundle"
	"voile/shared/wire"
)

// Server is the sync server over one store.
type Server struct {
	cfg    Config
	store  store.Store
	log    *slog.Logger
	m      *metrics
	hub    *hub
	limits *addrLimits // WebSockets per source
	listen *connLimits // every connection, at the listener (listener.go)
	deltas *deltaCache
	up     websocket.Upgrader

	pubMu sync.Mutex // serialises this node's publishes: verify, store, push
	// applyMu serialises what changes the hub's lists and catalog: this
	// node's publishes and the store's changes (watch), which bring the
	// versions every node stores.
	applyMu  sync.Mutex
	limiters sync.Map // publisher ID -> *rate.Limiter

	conns    sync.WaitGroup // open connections, for shutdown
	stopPing chan struct{}
	stopOnce sync.Once
}

// New returns a server over st, with the latest version of every stored
// list loaded for subscribers.
func New(cfg Config, st store.Store, log *slog.Logger) (*Server, error) {
	cfg = cfg.withDefaults()
	m := newMetrics()
	s := &Server{
		cfg: cfg, store: st, log: log, m: m,
		hub:    newHub(m),
		limits: &addrLimits{max: cfg.MaxConnsPerIP, n: map[string]int{}},
		listen: &connLimits{perSource: cfg.MaxConnsPerSource, max: cfg.MaxConns, spare: cfg.SpareConns,
			onRefuse: func(reason string) { m.refused.WithLabelValues(reason).Inc() }, bySource: map[string]int{}},
		deltas:   newDeltaCache(256),
		stopPing: make(chan struct{}),
		up: websocket.Upgrader{
			HandshakeTimeout: cfg.HandshakeTimeout,
			// Small read buffers and pooled write buffers keep an idle
			// connection cheap; clients only send small hellos.
			ReadBufferSize:  1024,
			WriteBufferSize: 4096,
			WriteBufferPool: &sync.Pool{},
			// The Origin is checked before upgrading, to answer with an
			// error code.
			CheckOrigin: func(*http.Request) bool { return true },
		},
	}
	// Watching from before the load, no change falls between the two
	// (one seen twice changes nothing).
	changes, stop := st.Watch()
	ok := false
	defer func() {
		if !ok {
			stop()
		}
	}()
	lists, err := st.Lists()
	if err != nil {
		return nil, fmt.Errorf("load lists: %w", err)
	}
	for _, l := range lists {
		v, err := st.Version(l.Publisher, l.List, l.Latest)
		if err != nil {
			return nil, fmt.Errorf("load %s: %w", store.Key(l.Publisher, l.List), err)
		}
		b, err := bundle.Decode(v.Bundle)
		if err != nil {
			return nil, fmt.Errorf("load %s v%d: %w", store.Key(l.Publisher, l.List), l.Latest, err)
		}
		s.hub.publish(newListState(b, nil))
	}
	if err := s.refreshCatalog(); err != nil {
		return nil, err
	}
	if err := s.loadAdapters(); err != nil {
		return nil, err
	}
	ok = true
	go s.pingLoop()
	go s.watch(changes, stop)
	return s, nil
}

// watch applies what the store reports changed, by this node or another
// sharing the store: a new version is pushed to this node's subscribers,
// a new publisher or list reaches the catalog, an adapter document every
// connection.
func (s *Server) watch(changes <-chan store.Change, stop func()) {
	defer stop()
	for {
		select {
		case <-s.stopPing:
			return
		case c := <-changes:
			var err error
			switch {
			case c.List != "":
				err = s.applyStored(c.Publisher, c.List)
			case c.Adapters:
				err = s.applyAdapters(c.Publisher)
			default:
				s.applyMu.Lock()
				err = s.refreshCatalog()
				s.applyMu.Unlock()
			}
			if err != nil {
				s.log.Error("apply a stored change", "publisher", c.Publisher, "list", c.List, "adapters", c.Adapters, "err", err)
			}
		}
	}
}

// applyStored makes a list's latest stored version the hub's.
func (s *Server) applyStored(publisher, list string) error {
	v, err := s.store.Version(publisher, list, 0)
	if err != nil {
		return err
	}
	if cur := s.hub.state(store.Key(publisher, list)); cur != nil && cur.version >= v.Version {
		return nil // applied already, as this node's own publish
	}
	b, err := bundle.Decode(v.Bundle)
	if err != nil {
		return fmt.Errorf("stored %s v%d: %w", store.Key(publisher, list), v.Version, err)
	}
	s.apply(b)
	return nil
}

// apply makes a stored bundle its list's latest version on this node:
// the catalog is refreshed, subscribers get it, and a new list is
// announced to every client. An older or equal version changes nothing.
func (s *Server) apply(b *bundle.Bundle) {
	s.applyMu.Lock()
	defer s.applyMu.Unlock()
	key := store.Key(b.Publisher, b.ListID)
	var prev *bundle.Bundle
	if cur := s.hub.state(key); cur != nil {
		if cur.version >= b.Version {
			return
		}
		prev = cur.bundle
	}
	st := newListState(b, prev)
	if err := s.refreshCatalog(); err != nil {
		s.log.Error("refresh catalog after publish", "err", err)
	}
	s.hub.publish(st)
	if prev == nil {
		// A new list: every client learns of it from its publisher's
		// catalog, and may follow it with a new hello.
		if pm := s.hub.publisherCatalog(b.Publisher); pm != nil {
			s.hub.announce(pm)
		}
	}
}

func (s *Server) refreshCatalog() error {
	c, err := listing.Catalog(s.store)
	if err != nil {
		return err
	}
	var parts []catalogPart
	for _, pc := range listing.ByPublisher(c) {
		part := catalogPart{publisher: pc.Publisher}
		pc.More = true
		part.more, _ = prepare(&wire.Message{Type: wire.TCatalog, Catalog: pc})
		pc.More = false
		part.last, _ = prepare(&wire.Message{Type: wire.TCatalog, Catalog: pc})
		parts = append(parts, part)
	}
	s.hub.setCatalog(parts)
	return nil
}

// Handler returns the server's HTTP routes.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	listing.Register(mux, s.store, s.log)
	mux.HandleFunc("GET /v1/sync", s.handleSync)
	mux.HandleFunc("POST /v1/publish", s.handlePublish)
	mux.HandleFunc("POST /v1/rollback", s.handlePublish)
	mux.HandleFunc("GET /v1/status", s.handleStatus)
	mux.HandleFunc("POST /v1/publishers", s.handleNewPublisher)
	mux.HandleFunc("POST /v1/adapters", s.handleAdapters)
	mux.Handle("GET /metrics", promhttp.HandlerFor(s.m.reg, promhttp.HandlerOpts{}))
	return mux
}

// remoteIP is the request's source, as the limits count it: an IPv4
// address or an IPv6 /64.
func remoteIP(r *http.Request) string {
	return sourceString(r.RemoteAddr)
}

func (s *Server) handleSync(w http.ResponseWriter, r *http.Request) {
	refuse := func(status int, code, format string, args ...any) {
		s.m.refused.WithLabelValues(code).Inc()
		listing.Error(w, status, code, format, args...)
	}
	if s.hub.isClosed() {
		refuse(http.StatusServiceUnavailable, wire.CodeUnavailable, "the server is shutting down")
		return
	}
	if origin := r.Header.Get("Origin"); !s.cfg.originAllowed(origin) {
		refuse(http.StatusForbidden, wire.CodeOrigin, "origin %q is not allowed", origin)
		return
	}
	ip := remoteIP(r)
	if !s.limits.acquire(ip) {
		refuse(http.StatusTooManyRequests, wire.CodeRateLimited, "more than %d connections from %s", s.cfg.MaxConnsPerIP, ip)
		return
	}
	ws, err := s.up.Upgrade(w, r, nil)
	if err != nil {
		s.limits.release(ip)
		s.m.refused.WithLabelValues(wire.CodeBadMessage).Inc()
		return // Upgrade has answered the client
	}
	c := &conn{s: s, ws: ws, addr: ip, limit: s.cfg.SendQueue, held: map[string]uint64{}, shutDone: make(chan struct{})}
	s.conns.Add(1)
	if !s.hub.add(c) {
		c.fail(wire.CodeUnavailable, "the server is shutting down")
		go c.end()
		return
	}
	// Reading in a fresh goroutine lets this handler return, and with it
	// the HTTP server's buffers and this goroutine's grown stack.
	go c.readLoop()
}

// hello answers a client's hello: the catalog (one message per
// publisher), each publisher's adapter
// document not yet sent on this connection, then a snapshot or a delta
// of each followed list the client does not hold at its latest version,
// then synced. It returns false, having done nothing, when the connection
// was closed.
func (s *Server) hello(c *conn, h *wire.Hello) bool {
	seen := map[string]bool{}
	var keys []string
	for _, f := range h.Follow {
		k := store.Key(f.Publisher, f.List)
		if !seen[k] {
			seen[k] = true
			keys = append(keys, k)
		}
	}
	claimed := map[string]uint64{}
	for _, hv := range h.Held {
		if k := store.Key(hv.Publisher, hv.List); seen[k] {
			claimed[k] = hv.Version
		}
	}
	states, unknown, ok := s.hub.subscribe(c, keys)
	if !ok {
		return false
	}

	catalog := s.hub.catalogMessages()
	c.greet(claimed, s.cfg.SendQueue+len(states)+len(unknown)+len(catalog)+1+s.hub.adapterCount(), catalog)
	for _, a := range s.hub.allAdapters() {
		c.sendAdapters(a)
	}

	for _, k := range unknown {
		pm, _ := prepare(wire.NewError(wire.CodeUnknownList, "no list %s on this server", k))
		c.enqueue(out{pm: pm, kind: string(wire.TError)})
	}
	for _, st := range states {
		have := claimed[st.key]
		if have >= st.version {
			continue
		}
		if d := s.delta(st, have); d != nil {
			c.deliver(st, d, wire.TDelta)
		} else {
			c.deliver(st, st.snap, wire.TSnapshot)
		}
	}
	synced := &wire.Synced{}
	for _, st := range states {
		p, l := splitKey(st.key)
		synced.Lists = append(synced.Lists, wire.Held{Publisher: p, List: l, Version: c.heldVersion(st.key)})
	}
	pm, _ := prepare(&wire.Message{Type: wire.TSynced, Synced: synced})
	c.enqueue(out{pm: pm, kind: string(wire.TSynced)})
	return true
}

func splitKey(key string) (publisher, list string) {
	publisher, list, _ = strings.Cut(key, "/")
	return publisher, list
}

// pingLoop queues a ping to every connection each PingInterval; a client
// that answers nothing for IdleTimeout is closed by its read deadline.
func (s *Server) pingLoop() {
	t := time.NewTicker(s.cfg.PingInterval)
	defer t.Stop()
	for {
		select {
		case <-s.stopPing:
			return
		case <-t.C:
			for _, c := range s.hub.snapshotConns() {
				c.enqueue(out{kind: "ping"})
			}
		}
	}
}

// Shutdown closes every WebSocket with CodeUnavailable as the close
// reason and waits for them to end, or for ctx. The HTTP server's own
// Shutdown does not see hijacked connections, so call both.
func (s *Server) Shutdown(ctx context.Context) error {
	s.stopOnce.Do(func() { close(s.stopPing) })
	for _, c := range s.hub.close() {
		go c.shut(wire.CodeUnavailable, websocket.CloseGoingAway)
	}
	done := make(chan struct{})
	go func() {
		s.conns.Wait()
		close(done)
	}()
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		return fmt.Errorf("shutdown: connections still open: %w", ctx.Err())
	}
}

// addrLimits counts open connections per remote address.
type addrLimits struct {
	max int
	mu  sync.Mutex
	n   map[string]int
}

func (l *addrLimits) acquire(addr string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.max >= 0 && l.n[addr] >= l.max {
		return false
	}
	l.n[addr]++
	return true
}

func (l *addrLimits) count(addr string) int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.n[addr]
}

func (l *addrLimits) release(addr string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.n[addr]--; l.n[addr] <= 0 {
		delete(l.n, addr)
	}
}
