package server

import (
	"errors"
	"io"
	"net"
	"sync"
	"time"

	"github.com/gorilla/websocket"

	"voile/shared/wire"
)

// out is one item of a connection's send queue.
type out struct {
	pm   *websocket.PreparedMessage // nil for a ping
	kind string                     // for metrics: a wire type or "ping"
	// closeWith, when set, closes the connection after this message, with
	// this error code as the close reason.
	closeWith string
}

// conn is one subscriber's WebSocket. Its send queue is a slice rather
// than a channel so that what it holds and which versions it has been
// sent change together under mu, and so that an idle connection holds no
// queue memory at all. For the same reason the writer goroutine runs only
// while the queue has something: an idle connection costs one goroutine,
// its reader.
type conn struct {
	s    *Server
	ws   *websocket.Conn
	addr string // remote IP, for the per-address limit

	mu      sync.Mutex
	queue   []out
	limit   int               // queue bound, raised by the lists followed
	held    map[string]uint64 // version of each followed list the client holds or has been sent
	closed  bool
	writing bool // a writeLoop goroutine is running
	// greeted is set by the first hello; adapters holds the seq of each
	// publisher's adapter document sent (adapters.go).
	greeted  bool
	adapters map[string]uint64

	closeOnce sync.Once
	shutDone  chan struct{} // closed once shut has sent the close frame
}

// enqueueLocked adds m to the queue, or shuts the connection as a slow
// client when the queue is full. It never blocks.
func (c *conn) enqueueLocked(m out) bool {
	if c.closed {
		return false
	}
	if len(c.queue) >= c.limit {
		c.closed = true
		go c.shut(wire.CodeSlowClient, websocket.ClosePolicyViolation)
		return false
	}
	c.queue = append(c.queue, m)
	c.s.m.sent.WithLabelValues(m.kind).Inc()
	if !c.writing {
		c.writing = true
		go c.writeLoop()
	}
	return true
}

func (c *conn) enqueue(m out) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.enqueueLocked(m)
}

// fail sends an error message and then closes the connection.
func (c *conn) fail(code, format string, args ...any) {
	pm, _ := prepare(wire.NewError(code, format, args...))
	if !c.enqueue(out{pm: pm, kind: string(wire.TError), closeWith: code}) {
		c.shut(code, websocket.ClosePolicyViolation)
	}
}

// greet starts the answer to a hello: the client's word on what it holds
// replaces what was sent before (a message may have been lost with a
// previous connection), the queue bound becomes limit, and the catalog's
// messages are queued. The connection counts as greeted from here, before the adapters
// are read, so a document stored from now on is pushed to it too.
func (c *conn) greet(held map[string]uint64, limit int, catalog []*websocket.PreparedMessage) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.held = held
	c.limit = limit
	for _, pm := range catalog {
		c.enqueueLocked(out{pm: pm, kind: string(wire.TCatalog)})
	}
	c.greeted = true
}

// heldVersion is the version of a list the client holds or has been sent.
func (c *conn) heldVersion(key string) uint64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.held[key]
}

// deliver queues a list version answering a hello, unless the client
// already holds it or a newer one (a live push may have overtaken it).
func (c *conn) deliver(st *listState, pm *websocket.PreparedMessage, kind wire.Type) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.held[st.key] >= st.version {
		return
	}
	if c.enqueueLocked(out{pm: pm, kind: string(kind)}) {
		c.held[st.key] = st.version
	}
}

// push queues a newly published version: the shared delta when the client
// holds the version it starts from, else the snapshot.
func (c *conn) push(st *listState) {
	c.mu.Lock()
	defer c.mu.Unlock()
	have := c.held[st.key]
	if have >= st.version {
		return
	}
	m := out{pm: st.liveSnap, kind: string(wire.TSnapshot)}
	if st.liveDelta != nil && have == st.prev {
		m = out{pm: st.liveDelta, kind: string(wire.TDelta)}
	}
	if c.enqueueLocked(m) {
		c.held[st.key] = st.version
	}
}

// writeLoop sends the queue in order, and ends when it is empty or the
// connection is shut.
func (c *conn) writeLoop() {
	for {
		c.mu.Lock()
		if c.closed || len(c.queue) == 0 {
			c.writing = false
			c.queue = nil // let an idle connection hold no queue memory
			c.mu.Unlock()
			return
		}
		m := c.queue[0]
		c.queue[0] = out{}
		c.queue = c.queue[1:]
		c.mu.Unlock()

		c.ws.SetWriteDeadline(time.Now().Add(c.s.cfg.WriteTimeout))
		var err error
		if m.pm == nil {
			err = c.ws.WriteMessage(websocket.PingMessage, nil)
		} else {
			err = c.ws.WritePreparedMessage(m.pm)
		}
		if err != nil {
			c.shut("write_failed", websocket.CloseAbnormalClosure)
			return
		}
		if m.closeWith != "" {
			c.shut(m.closeWith, websocket.ClosePolicyViolation)
			return
		}
	}
}

// readLoop reads the client's hellos until the connection fails, times
// out, or the client sends something other than a hello; then it ends
// the connection.
func (c *conn) readLoop() {
	defer c.end()
	c.readHellos()
}

// lingerTimeout bounds how long a shut connection is still read, and
// what is read discarded, before it is closed. Closing a socket with
// unread data resets it, and the reset can reach the client before the
// error message and close frame already sent: a client whose oversized
// hello was refused would see "connection reset" instead of too_large.
const lingerTimeout = time.Second

// end is the reader's last act, and the one place a connection is
// closed: it reads and discards until the client answers the close
// frame, the connection fails, or shut's linger deadline passes, then
// closes the socket and releases the address slot.
func (c *conn) end() {
	c.ws.SetPongHandler(nil)
	// The writer has WriteTimeout to send the error that ended the
	// reading, then shut shortens this.
	c.extendRead(c.s.cfg.WriteTimeout + lingerTimeout)
	for {
		if _, _, err := c.ws.NextReader(); err != nil {
			break // NextReader discards what was left of the previous frame
		}
	}
	// A read that failed for good (a timeout) ends the loop at once; the
	// error and close frame may still be on their way out.
	select {
	case <-c.shutDone:
	case <-time.After(c.s.cfg.WriteTimeout + lingerTimeout):
	}
	c.ws.Close()
	c.s.limits.release(c.addr)
	c.s.conns.Done()
}

// extendRead sets the read deadline d from now, unless the connection is
// shut: then the linger deadline shut set stands. Under mu, so that a
// hello or pong read just as shut runs cannot undo its deadline.
func (c *conn) extendRead(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.closed {
		c.ws.SetReadDeadline(time.Now().Add(d))
	}
}

func (c *conn) readHellos() {
	cfg := c.s.cfg
	c.extendRead(cfg.HandshakeTimeout)
	c.ws.SetPongHandler(func(string) error {
		c.extendRead(cfg.IdleTimeout)
		return nil
	})
	greeted := false
	for {
		mt, data, err := c.readFrame()
		if err != nil {
			var ne net.Error
			switch {
			case errors.Is(err, errTooLarge):
				c.fail(wire.CodeTooLarge, "frame over the limit of %d bytes", cfg.MaxClientMessage)
			case errors.As(err, &ne) && ne.Timeout() && !greeted:
				c.fail(wire.CodeTimeout, "no hello within %v", cfg.HandshakeTimeout)
			case errors.As(err, &ne) && ne.Timeout():
				c.fail(wire.CodeTimeout, "nothing received for %v", cfg.IdleTimeout)
			case websocket.IsCloseError(err, websocket.CloseNormalClosure, websocket.CloseGoingAway, websocket.CloseNoStatusReceived):
				c.shut("client_closed", websocket.CloseNormalClosure)
			default:
				c.shut("read_failed", websocket.CloseAbnormalClosure)
			}
			return
		}
		if mt != websocket.BinaryMessage {
			c.fail(wire.CodeBadMessage, "text frame: messages are binary MessagePack frames")
			return
		}
		m, err := wire.Decode(data)
		if err != nil {
			var we *wire.Error
			errors.As(err, &we)
			c.fail(we.Code, "%s", we.Message)
			return
		}
		if m.Type != wire.THello {
			c.fail(wire.CodeBadMessage, "%s message from a client: clients send hello only", m.Type)
			return
		}
		greeted = true
		c.extendRead(cfg.IdleTimeout)
		if !c.s.hello(c, m.Hello) {
			return // shut meanwhile: hellos still buffered are not served
		}
	}
}

var errTooLarge = errors.New("frame too large")

// readFrame reads one message of at most MaxClientMessage bytes. It reads
// no further than one byte past the limit, and leaves the answer to the
// caller (gorilla's own read limit would close the connection itself,
// before the server could say why).
func (c *conn) readFrame() (int, []byte, error) {
	mt, r, err := c.ws.NextReader()
	if err != nil {
		return 0, nil, err
	}
	data, err := io.ReadAll(io.LimitReader(r, c.s.cfg.MaxClientMessage+1))
	if err != nil {
		return 0, nil, err
	}
	if int64(len(data)) > c.s.cfg.MaxClientMessage {
		return 0, nil, errTooLarge
	}
	return mt, data, nil
}

// shut ends the connection once, telling the client why in the close
// frame when it can, and releases its subscriptions. The reader closes
// the socket (end), at the latest lingerTimeout from now.
func (c *conn) shut(reason string, code int) {
	c.closeOnce.Do(func() {
		c.mu.Lock()
		c.closed = true
		c.queue = nil
		c.ws.SetReadDeadline(time.Now().Add(lingerTimeout))
		c.mu.Unlock()
		c.ws.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(code, reason), time.Now().Add(time.Second))
		close(c.shutDone)
		c.s.hub.remove(c)
		c.s.m.disconnects.WithLabelValues(reason).Inc()
	})
}
