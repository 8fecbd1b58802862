package server

import (
	"sync"

	"github.com/gorilla/websocket"

	"voile/shared/bundle"
	"voile/shared/wire"
)

type deltaKey struct {
	list     string
	from, to uint64
}

// deltaCache keeps the delta messages computed for hellos, so that many
// clients resuming from the same version cost one diff. A nil entry
// records that a snapshot is the better answer.
type deltaCache struct {
	max int
	mu  sync.Mutex
	m   map[deltaKey]*websocket.PreparedMessage
}

func newDeltaCache(max int) *deltaCache {
	return &deltaCache{max: max, m: map[deltaKey]*websocket.PreparedMessage{}}
}

func (c *deltaCache) get(k deltaKey) (*websocket.PreparedMessage, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	pm, ok := c.m[k]
	return pm, ok
}

func (c *deltaCache) put(k deltaKey, pm *websocket.PreparedMessage) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.m) >= c.max {
		for old := range c.m { // evict one at random
			delete(c.m, old)
			break
		}
	}
	c.m[k] = pm
}

// delta returns the message bringing a client from version from to st's
// version, or nil when the client holds nothing usable or a snapshot is
// smaller.
func (s *Server) delta(st *listState, from uint64) *websocket.PreparedMessage {
	if from == 0 {
		return nil
	}
	k := deltaKey{st.key, from, st.version}
	if pm, ok := s.deltas.get(k); ok {
		return pm
	}
	var pm *websocket.PreparedMessage
	publisher, list := splitKey(st.key)
	if v, err := s.store.Version(publisher, list, from); err == nil {
		if base, err := bundle.Decode(v.Bundle); err == nil {
			if d, err := wire.Diff(base, st.bundle); err == nil {
				m, size := prepare(&wire.Message{Type: wire.TDelta, Delta: d})
				if size < st.snapSize {
					pm = m
				}
			}
		}
	}
	s.deltas.put(k, pm)
	return pm
}
