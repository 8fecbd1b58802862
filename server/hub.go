package server

import (
	"sync"

	"github.com/gorilla/websocket"

	"voile/server/store"
	"voile/shared/bundle"
	"voile/shared/wire"
)

// listState is one list's latest version with its messages encoded once
// for every subscriber. It is replaced whole on publish, never changed.
type listState struct {
	key     string
	version uint64
	bundle  *bundle.Bundle
	// snap answers a hello; liveSnap and liveDelta are pushed on publish.
	// liveDelta goes from version prev and is nil when not worth sending.
	snap, liveSnap *websocket.PreparedMessage
	liveDelta      *websocket.PreparedMessage
	prev           uint64
	// snapSize is the encoded snapshot's size, against which deltas are
	// weighed.
	snapSize int
}

func prepare(m *wire.Message) (*websocket.PreparedMessage, int) {
	data := m.Encode()
	pm, err := websocket.NewPreparedMessage(websocket.BinaryMessage, data)
	if err != nil {
		panic("server: prepare message: " + err.Error()) // only fails to compress, which is off
	}
	return pm, len(data)
}

// newListState encodes b's messages; prev is the version subscribers held
// until now (nil for none), from which the live delta is computed.
func newListState(b, prev *bundle.Bundle) *listState {
	st := &listState{key: store.Key(b.Publisher, b.ListID), version: b.Version, bundle: b}
	st.snap, st.snapSize = prepare(&wire.Message{Type: wire.TSnapshot, Snapshot: &wire.Snapshot{Bundle: *b}})
	st.liveSnap, _ = prepare(&wire.Message{Type: wire.TSnapshot, Snapshot: &wire.Snapshot{Bundle: *b, Live: true}})
	if prev != nil {
		if d, err := wire.Diff(prev, b); err == nil {
			d.Live = true
			pm, size := prepare(&wire.Message{Type: wire.TDelta, Delta: d})
			if size < st.snapSize {
				st.liveDelta, st.prev = pm, prev.Version
			}
		}
	}
	return st
}

// hub tracks connections, what each follows, and each list's latest
// version. Subscriber counts per list are all it knows of its clients.
//
// Every field is the hub's own, under mu, and the hub takes no other
// type's lock while holding it: a connection is in conns from add until
// remove, and only a connection in conns can follow anything, so a
// connection that was removed (closed) can never subscribe again.
type hub struct {
	m     *metrics
	mu    sync.Mutex
	lists map[string]*listState
	subs  map[string]map[*conn]struct{}
	// conns maps each open connection to the keys it follows.
	conns   map[*conn][]string
	catalog []catalogPart
	closed  bool
	// adapters holds each publisher's latest adapter document (adapters.go).
	adapters   map[string]*adapterState
	adapterSeq uint64
}

func newHub(m *metrics) *hub {
	return &hub{m: m, lists: map[string]*listState{}, subs: map[string]map[*conn]struct{}{}, conns: map[*conn][]string{}}
}

// add registers a new connection, or refuses it when the hub is closed.
func (h *hub) add(c *conn) bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		return false
	}
	h.conns[c] = nil
	h.m.connections.Inc()
	return true
}

// remove forgets a closed connection and its subscriptions, for good:
// subscribe refuses it from now on.
func (h *hub) remove(c *conn) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if _, ok := h.conns[c]; !ok {
		return
	}
	h.unsubscribeLocked(c)
	delete(h.conns, c)
	h.m.connections.Dec()
}

func (h *hub) unsubscribeLocked(c *conn) {
	for _, key := range h.conns[c] {
		delete(h.subs[key], c)
		n := len(h.subs[key])
		if n == 0 {
			delete(h.subs, key)
		}
		h.m.subscribers.WithLabelValues(key).Set(float64(n))
	}
	if _, ok := h.conns[c]; ok {
		h.conns[c] = nil
	}
}

// subscribe makes c follow exactly keys, and returns the current state of
// each list that exists and the keys that do not. Registering before
// reading the states means no publish falls between the two. ok is false,
// and nothing is registered, when c was removed: a hello read after the
// connection was closed (as a slow client, say) must not bring it back.
func (h *hub) subscribe(c *conn, keys []string) (states []*listState, unknown []string, ok bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if _, ok := h.conns[c]; !ok {
		return nil, nil, false
	}
	h.unsubscribeLocked(c)
	var follows []string
	for _, key := range keys {
		st := h.lists[key]
		if st == nil {
			unknown = append(unknown, key)
			continue
		}
		if h.subs[key] == nil {
			h.subs[key] = map[*conn]struct{}{}
		}
		h.subs[key][c] = struct{}{}
		h.m.subscribers.WithLabelValues(key).Set(float64(len(h.subs[key])))
		follows = append(follows, key)
		states = append(states, st)
	}
	h.conns[c] = follows
	return states, unknown, true
}

// publish makes st the list's latest version and queues it to every
// subscriber. A version not above the current one is ignored. It never
// blocks on a client: a full queue disconnects that client.
func (h *hub) publish(st *listState) {
	h.mu.Lock()
	if cur := h.lists[st.key]; cur != nil && cur.version >= st.version {
		h.mu.Unlock()
		return
	}
	h.lists[st.key] = st
	subs := make([]*conn, 0, len(h.subs[st.key]))
	for c := range h.subs[st.key] {
		subs = append(subs, c)
	}
	h.mu.Unlock()
	for _, c := range subs {
		c.push(st)
	}
}

// announce queues m to every connection, such as the catalog when a new
// list appears.
func (h *hub) announce(pm *websocket.PreparedMessage) {
	for _, c := range h.snapshotConns() {
		c.enqueue(out{pm: pm, kind: string(wire.TCatalog)})
	}
}

func (h *hub) state(key string) *listState {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.lists[key]
}

// catalogPart is one publisher's catalog message, encoded with More set
// (followed by other publishers' in the answer to a hello) and without
// (the last of that answer, or pushed alone).
type catalogPart struct {
	publisher  string
	more, last *websocket.PreparedMessage
}

func (h *hub) setCatalog(parts []catalogPart) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.catalog = parts
}

// catalogMessages returns the catalog's messages answering a hello: one
// per publisher, the last with More false.
func (h *hub) catalogMessages() []*websocket.PreparedMessage {
	h.mu.Lock()
	defer h.mu.Unlock()
	out := make([]*websocket.PreparedMessage, len(h.catalog))
	for i, p := range h.catalog {
		out[i] = p.more
		if i == len(h.catalog)-1 {
			out[i] = p.last
		}
	}
	return out
}

// publisherCatalog returns one publisher's catalog message to push alone,
// or nil when it has no lists.
func (h *hub) publisherCatalog(publisher string) *websocket.PreparedMessage {
	h.mu.Lock()
	defer h.mu.Unlock()
	for _, p := range h.catalog {
		if p.publisher == publisher {
			return p.last
		}
	}
	return nil
}

// counts returns the number of subscribers of each list.
func (h *hub) counts() map[string]int {
	h.mu.Lock()
	defer h.mu.Unlock()
	out := make(map[string]int, len(h.subs))
	for k, s := range h.subs {
		out[k] = len(s)
	}
	return out
}

// snapshotConns returns the open connections.
func (h *hub) snapshotConns() []*conn {
	h.mu.Lock()
	defer h.mu.Unlock()
	out := make([]*conn, 0, len(h.conns))
	for c := range h.conns {
		out = append(out, c)
	}
	return out
}

func (h *hub) isClosed() bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.closed
}

// close refuses new connections and returns the open ones.
func (h *hub) close() []*conn {
	h.mu.Lock()
	h.closed = true
	h.mu.Unlock()
	return h.snapshotConns()
}
