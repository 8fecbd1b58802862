// Package jetstore is the sync server's store on NATS JetStream: one
// stream, VOILE, holds every publisher record, every adapter document and
// every version of every list, and is both the store of record and the bus
// by which every sync node learns of what any node wrote.
//
// Subjects (IDs with '.' written '~', as NATS splits subjects on '.'):
//
//	voile.pub.<publisher>          a publisher record (the latest counts)
//	voile.adp.<publisher>          an adapter document (the latest counts)
//	voile.ver.<publisher>.<list>   a version of a list, with its list info
//
// A write is acknowledged by JetStream once stored: synced to disk on a
// single server (jetstore.StartNode), held by a majority of the stream's
// replicas in a cluster. Append refuses a version not above the latest in
// the same step that stores it: it expects the list subject's last
// sequence to be the one it read, and JetStream refuses the write if
// another node appended meanwhile.
//
// Each Store keeps a view of the stream in memory, fed by an ordered
// consumer that reads headers only: publishers, adapter documents and the
// latest version of each list (with its bundle) are held whole; older
// versions are read from JetStream by sequence when asked for. A guard
// replaces the consumer when the view stays behind the stream (see guard).
package jetstore

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	natsserver "github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"voile/server/store"
)

// StreamName is the JetStream stream holding everything.
const StreamName = "VOILE"

const (
	hdrPublisher  = "Voile-Publisher"
	hdrList       = "Voile-List"
	hdrVersion    = "Voile-Version"
	hdrPublished  = "Voile-Published"
	hdrRollbackOf = "Voile-Rollback-Of"
)

// Options says how to reach JetStream.
type Options struct {
	// URLs are the NATS servers of an external cluster, any of them
	// enough to join it. Without URLs, Server is used in-process.
	URLs   []string
	Server *natsserver.Server
	// Replicas of the stream when it is created: 3 by default with URLs,
	// 1 in-process.
	Replicas int
	// Name names the connection, as NATS monitoring shows it.
	Name string
	// Timeout bounds each request to JetStream; 5 s by default.
	Timeout time.Duration
	Log     *slog.Logger
}

// Store is a store.Store on JetStream.
type Store struct {
	nc      *nats.Conn
	js      jetstream.JetStream
	stream  jetstream.Stream
	timeout time.Duration
	log     *slog.Logger
	done    chan struct{}
	// life ends when Close begins, so that the guard's requests stop
	// waiting then rather than after their timeout.
	life    context.Context
	endLife context.CancelFunc
	guarded chan struct{} // closed when the guard has stopped the consumer
	once    sync.Once
	owned   *natsserver.Server // the in-process server OpenDir started
	lock    *os.File           // OpenDir's lock on its folder

	// The view, under mu: fed by the consumer (handle), read by every
	// reader. advanced is closed and replaced each time seq moves.
	mu       sync.Mutex
	seq      uint64
	known    uint64                   // the highest sequence known to be in the stream
	cc       jetstream.ConsumeContext // the consumer feeding the view
	gen      uint64                   // the consumer feeding the view; messages of older ones are dropped
	advanced chan struct{}
	live     bool // the first catch-up is done: changes are delivered
	pubs     map[string]*pubView
	adapters map[string]*adpView
	lists    map[string]*listView
	pending  map[string]bool // lists whose latest version is to be loaded
	watchers map[*watcher]bool
}

type watcher struct {
	ch   chan store.Change
	stop chan struct{}
}

type pubView struct {
	seq uint64
	p   store.Publisher
}

type adpView struct {
	seq uint64
	a   store.Adapters
}

type listView struct {
	versions []verMeta // in stream order, so by version
	info     store.ListInfo
	latest   *store.Version // the last of versions, with its bundle, once loaded
}

type verMeta struct {
	version, rollbackOf uint64
	published           int64
	seq                 uint64
}

var _ store.Store = (*Store)(nil)

// Open connects to JetStream, creates the stream if missing, and returns
// once the view holds everything the stream held at the start.
func Open(o Options) (*Store, error) {
	if o.Timeout == 0 {
		o.Timeout = 5 * time.Second
	}
	if o.Log == nil {
		o.Log = slog.New(slog.DiscardHandler)
	}
	log := o.Log
	opts := []nats.Option{
		nats.Name(o.Name),
		nats.MaxReconnects(-1),
		nats.ReconnectWait(200 * time.Millisecond),
		// A publish made while disconnected fails at once rather than
		// waiting in a buffer: what is not acknowledged is not stored.
		nats.ReconnectBufSize(-1),
		nats.DisconnectErrHandler(func(_ *nats.Conn, err error) {
			if err != nil { // nil: closed by Close
				log.Warn("nats: disconnected", "err", err)
			}
		}),
		nats.ReconnectHandler(func(nc *nats.Conn) {
			log.Info("nats: reconnected", "server", nc.ConnectedUrlRedacted())
		}),
	}
	var nc *nats.Conn
	var err error
	replicas := o.Replicas
	switch {
	case len(o.URLs) > 0:
		nc, err = nats.Connect(strings.Join(o.URLs, ","), opts...)
		if replicas == 0 {
			replicas = 3
		}
	case o.Server != nil:
		nc, err = nats.Connect("", append(opts, nats.InProcessServer(o.Server))...)
		if replicas == 0 {
			replicas = 1
		}
	default:
		return nil, errors.New("jetstore: no NATS URL and no in-process server")
	}
	if err != nil {
		return nil, fmt.Errorf("connect to NATS: %w", err)
	}
	js, err := jetstream.New(nc)
	if err != nil {
		nc.Close()
		return nil, err
	}
	life, endLife := context.WithCancel(context.Background())
	s := &Store{
		nc: nc, js: js, timeout: o.Timeout, log: log, life: life, endLife: endLife,
		done:     make(chan struct{}),
		guarded:  make(chan struct{}),
		watchers: map[*watcher]bool{},
		advanced: make(chan struct{}),
		pubs:     map[string]*pubView{}, adapters: map[string]*adpView{}, lists: map[string]*listView{}, pending: map[string]bool{},
	}
	if err := s.start(replicas); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

func (s *Store) start(replicas int) error {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cfg := jetstream.StreamConfig{
		Name:        StreamName,
		Description: "Voile publishers, adapter documents and list versions",
		Subjects:    []string{"voile.>"},
		Storage:     jetstream.FileStorage,
		Replicas:    replicas,
		MaxMsgSize:  MaxPayload,
		Duplicates:  2 * time.Minute,
	}
	var err error
	// The stream may take a moment to be created while a new cluster
	// elects its leaders: each attempt is bounded, and tried again.
	for {
		actx, acancel := context.WithTimeout(ctx, 2*time.Second)
		s.stream, err = s.js.Stream(actx, StreamName)
		if errors.Is(err, jetstream.ErrStreamNotFound) {
			s.stream, err = s.js.CreateStream(actx, cfg)
		}
		acancel()
		if err == nil || ctx.Err() != nil {
			break
		}
		s.log.Warn("jetstore: waiting for the stream", "err", err)
		time.Sleep(100 * time.Millisecond)
	}
	if err != nil {
		return fmt.Errorf("JetStream stream %s: %w", StreamName, err)
	}
	var info *jetstream.StreamInfo
	for {
		actx, acancel := context.WithTimeout(ctx, 3*time.Second)
		var cc jetstream.ConsumeContext
		if info, err = s.stream.Info(actx); err == nil {
			cc, err = s.subscribe(actx, 1, 0)
		}
		s.mu.Lock()
		s.cc = cc
		s.mu.Unlock()
		acancel()
		if err == nil || ctx.Err() != nil {
			break
		}
		s.log.Warn("jetstore: waiting for the consumer", "err", err)
		time.Sleep(100 * time.Millisecond)
	}
	if err != nil {
		return fmt.Errorf("JetStream stream %s: %w", StreamName, err)
	}
	if !s.waitSeq(info.State.LastSeq, 60*time.Second) {
		return fmt.Errorf("JetStream stream %s: not read up to sequence %d within 60s", StreamName, info.State.LastSeq)
	}
	// From here the consumer loads each new version itself; what it
	// marked pending until now is loaded here.
	s.mu.Lock()
	s.live = true // and the guard runs: Close waits for it
	pending := s.takePendingLocked()
	s.mu.Unlock()
	go s.guard(guardEvery, stallAfter)
	for _, k := range pending {
		if err := s.loadLatest(k); err != nil {
			return err
		}
	}
	return nil
}

// subscribe starts a consumer feeding the view from stream sequence from;
// its messages are applied while the view's generation is gen.
func (s *Store) subscribe(ctx context.Context, from, gen uint64) (jetstream.ConsumeContext, error) {
	cfg := jetstream.OrderedConsumerConfig{HeadersOnly: true}
	if from > 1 {
		cfg.DeliverPolicy, cfg.OptStartSeq = jetstream.DeliverByStartSequencePolicy, from
	}
	cons, err := s.stream.OrderedConsumer(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("consumer: %w", err)
	}
	// Short heartbeats: a consumer whose NATS server went away is
	// recreated on another within seconds.
	cc, err := cons.Consume(func(m jetstream.Msg) { s.handle(gen, m) },
		jetstream.PullExpiry(4*time.Second), jetstream.PullHeartbeat(time.Second),
		jetstream.ConsumeErrHandler(func(_ jetstream.ConsumeContext, err error) {
			s.log.Warn("jetstore: consumer", "err", err)
		}))
	if err != nil {
		return nil, fmt.Errorf("consumer: %w", err)
	}
	return cc, nil
}

// How often the guard looks, and how long the view may stay behind the
// stream without moving before its consumer is replaced.
const (
	guardEvery = time.Second
	stallAfter = 4 * time.Second
)

// guard replaces the view's consumer when the view stays behind what the
// stream is known to hold. The client library recreates an ordered
// consumer itself when its server goes away, but with a backoff that
// grows to ten seconds a try while a cluster elects new leaders, and a
// sync node whose view is behind serves old versions and makes every
// write it acknowledges wait. The new consumer starts after the last
// sequence the view applied, so nothing is skipped.
func (s *Store) guard(every, stall time.Duration) {
	defer close(s.guarded)
	defer s.stopConsumer()
	tick := time.NewTicker(every)
	defer tick.Stop()
	var lastSeq uint64
	var since time.Time // when the view was first seen behind at lastSeq
	for {
		select {
		case <-s.done:
			return
		case now := <-tick.C:
			ctx, cancel := context.WithTimeout(s.life, s.timeout)
			if info, err := s.stream.Info(ctx); err == nil {
				s.note(info.State.LastSeq)
			}
			cancel()
			s.mu.Lock()
			seq, behind := s.seq, s.seq < s.known
			s.mu.Unlock()
			switch {
			case !behind || seq != lastSeq || since.IsZero():
				lastSeq, since = seq, now
				if !behind {
					since = time.Time{}
				}
			case now.Sub(since) >= stall:
				s.resubscribe()
				since = now
			}
		}
	}
}

func (s *Store) stopConsumer() {
	s.mu.Lock()
	cc := s.cc
	s.mu.Unlock()
	if cc != nil {
		cc.Stop()
	}
}

// note records that the stream holds sequence seq.
func (s *Store) note(seq uint64) {
	s.mu.Lock()
	s.known = max(s.known, seq)
	s.mu.Unlock()
}

// resubscribe replaces the view's consumer with one starting after the
// last sequence the view applied.
func (s *Store) resubscribe() {
	s.mu.Lock()
	s.gen++
	gen, from, old := s.gen, s.seq+1, s.cc
	s.mu.Unlock()
	old.Stop()
	ctx, cancel := context.WithTimeout(s.life, s.timeout)
	defer cancel()
	cc, err := s.subscribe(ctx, from, gen)
	if err != nil {
		// The stopped consumer is kept, to be stopped again: the guard
		// tries once more after the next stall.
		s.log.Warn("jetstore: replace a stalled consumer", "from", from, "err", err)
		return
	}
	s.mu.Lock()
	s.cc = cc
	s.mu.Unlock()
	s.log.Warn("jetstore: consumer replaced: the view was behind the stream", "from", from)
}

// OpenDir runs a single NATS server with JetStream on dir inside this
// process, reachable by no other (it listens on no port), and opens the
// store on it. Every acknowledged write is synced to disk. Close shuts the
// server down.
func OpenDir(dir string, log *slog.Logger) (*Store, error) {
	lock, err := lockDir(dir)
	if err != nil {
		return nil, err
	}
	ns, err := StartNode(NodeConfig{Name: "voile", Dir: filepath.Join(dir, "jetstream")})
	if err != nil {
		lock.Close()
		return nil, err
	}
	s, err := Open(Options{Server: ns, Name: "voile-server", Log: log})
	if err != nil {
		ns.Shutdown()
		ns.WaitForShutdown()
		lock.Close()
		return nil, err
	}
	s.owned, s.lock = ns, lock
	return s, nil
}

// Close stops the consumer and closes the connection (not an in-process
// server, whose owner shuts it down).
func (s *Store) Close() error {
	s.once.Do(func() {
		close(s.done)
		s.endLife()
		s.mu.Lock()
		guarded := s.live
		s.mu.Unlock()
		if guarded {
			<-s.guarded // the guard stops the consumer
		} else {
			s.stopConsumer() // start failed before the guard
		}
		s.nc.Close()
		if s.owned != nil {
			s.owned.Shutdown()
			s.owned.WaitForShutdown()
		}
		if s.lock != nil {
			s.lock.Close()
		}
	})
	return nil
}

// Watch delivers each change once the view holds it. The channel is
// never closed.
func (s *Store) Watch() (<-chan store.Change, func()) {
	w := &watcher{ch: make(chan store.Change, 64), stop: make(chan struct{})}
	s.mu.Lock()
	s.watchers[w] = true
	s.mu.Unlock()
	var once sync.Once
	return w.ch, func() {
		once.Do(func() {
			s.mu.Lock()
			delete(s.watchers, w)
			s.mu.Unlock()
			close(w.stop)
		})
	}
}

// Health says whether JetStream can be reached.
func (s *Store) Health() error {
	if !s.nc.IsConnected() {
		return fmt.Errorf("%w: not connected to NATS (%s)", store.ErrUnavailable, s.nc.Status())
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	if _, err := s.stream.Info(ctx); err != nil {
		return fmt.Errorf("%w: JetStream stream %s: %v", store.ErrUnavailable, StreamName, err)
	}
	return nil
}

// token writes an ID as one subject token.
func token(id string) (string, error) {
	if id == "" || strings.ContainsAny(id, " \t\r\n*>~") {
		return "", fmt.Errorf("id %q cannot be stored", id)
	}
	return strings.ReplaceAll(id, ".", "~"), nil
}

func (s *Store) ctx() (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.Background(), s.timeout)
}

// unavailable wraps a failed request to JetStream.
func (s *Store) unavailable(what string, err error) error {
	if !s.nc.IsConnected() {
		return fmt.Errorf("%s: %w: not connected to NATS (%s)", what, store.ErrUnavailable, s.nc.Status())
	}
	return fmt.Errorf("%s: %w: JetStream: %v", what, store.ErrUnavailable, err)
}

// write publishes m and waits until the view holds it.
func (s *Store) write(what string, m *nats.Msg, opts ...jetstream.PublishOpt) error {
	ctx, cancel := s.ctx()
	defer cancel()
	ack, err := s.js.PublishMsg(ctx, m, opts...)
	if err != nil {
		return err
	}
	s.note(ack.Sequence)
	if !s.waitSeq(ack.Sequence, s.timeout) {
		// Stored and acknowledged all the same; the view follows later.
		s.log.Warn("jetstore: view behind an acknowledged write", "what", what, "seq", ack.Sequence)
	}
	return nil
}

func (s *Store) PutPublisher(p *store.Publisher) error {
	tok, err := token(p.ID)
	if err != nil {
		return fmt.Errorf("put publisher: %w", err)
	}
	m := nats.NewMsg("voile.pub." + tok)
	m.Header.Set(hdrPublisher, p.ID)
	if m.Data, err = p.MarshalMsg(nil); err != nil {
		return err
	}
	if err := s.write("publisher", m); err != nil {
		return s.unavailable("put publisher "+p.ID, err)
	}
	return nil
}

func (s *Store) PutAdapters(a *store.Adapters) error {
	if a.Publisher == "" || len(a.Document) == 0 {
		return fmt.Errorf("put adapters: without publisher or document")
	}
	tok, err := token(a.Publisher)
	if err != nil {
		return fmt.Errorf("put adapters: %w", err)
	}
	m := nats.NewMsg("voile.adp." + tok)
	m.Header.Set(hdrPublisher, a.Publisher)
	if m.Data, err = a.MarshalMsg(nil); err != nil {
		return err
	}
	if err := s.write("adapters", m); err != nil {
		return s.unavailable("put adapters of "+a.Publisher, err)
	}
	return nil
}

// encodeEntry is a version's record: its list info, then the version.
func encodeEntry(info *store.ListInfo, v *store.Version) ([]byte, error) {
	ib, err := info.MarshalMsg(nil)
	if err != nil {
		return nil, err
	}
	out := binary.AppendUvarint(nil, uint64(len(ib)))
	out = append(out, ib...)
	return v.MarshalMsg(out)
}

// errBadRecord marks a record that cannot be decoded.
var errBadRecord = errors.New("bad record")

func decodeEntry(data []byte) (*store.ListInfo, *store.Version, error) {
	n, k := binary.Uvarint(data)
	if k <= 0 || n > uint64(len(data)-k) {
		return nil, nil, fmt.Errorf("version record: %w: bad length", errBadRecord)
	}
	var info store.ListInfo
	if _, err := info.UnmarshalMsg(data[k : k+int(n)]); err != nil {
		return nil, nil, fmt.Errorf("version record: %w: %v", errBadRecord, err)
	}
	var v store.Version
	if _, err := v.UnmarshalMsg(data[k+int(n):]); err != nil {
		return nil, nil, fmt.Errorf("version record: %w: %v", errBadRecord, err)
	}
	return &info, &v, nil
}

func (s *Store) Append(v *store.Version, info *store.ListInfo) error {
	if err := store.CheckAppend(v, info); err != nil {
		return err
	}
	key := store.Key(v.Publisher, v.List)
	pt, err := token(v.Publisher)
	if err != nil {
		return fmt.Errorf("append %s: %w", key, err)
	}
	lt, err := token(v.List)
	if err != nil {
		return fmt.Errorf("append %s: %w", key, err)
	}
	subject := "voile.ver." + pt + "." + lt
	data, err := encodeEntry(info, v)
	if err != nil {
		return err
	}
	if len(data) > MaxPayload-4096 {
		return fmt.Errorf("append %s v%d: record of %d bytes, over the NATS payload limit", key, v.Version, len(data))
	}
	for attempt := 0; ; attempt++ {
		ctx, cancel := s.ctx()
		last, err := s.stream.GetLastMsgForSubject(ctx, subject)
		cancel()
		var lastSeq uint64
		switch {
		case errors.Is(err, jetstream.ErrMsgNotFound):
		case err != nil:
			return s.unavailable("append "+key, err)
		default:
			cur, _ := strconv.ParseUint(last.Header.Get(hdrVersion), 10, 64)
			if v.Version <= cur {
				return fmt.Errorf("list %s: version %d is not above the latest, %d: %w", key, v.Version, cur, store.ErrStale)
			}
			lastSeq = last.Sequence
		}
		m := nats.NewMsg(subject)
		m.Header.Set(hdrPublisher, v.Publisher)
		m.Header.Set(hdrList, v.List)
		m.Header.Set(hdrVersion, strconv.FormatUint(v.Version, 10))
		m.Header.Set(hdrPublished, strconv.FormatInt(v.Published, 10))
		if v.RollbackOf != 0 {
			m.Header.Set(hdrRollbackOf, strconv.FormatUint(v.RollbackOf, 10))
		}
		m.Data = data
		err = s.write("version", m, jetstream.WithExpectLastSequencePerSubject(lastSeq))
		var apiErr *jetstream.APIError
		if errors.As(err, &apiErr) && (apiErr.ErrorCode == jetstream.JSErrCodeStreamWrongLastSequence ||
			apiErr.ErrorCode == jetstream.JSErrCodeStreamWrongLastSequenceConstant) && attempt < 5 {
			continue // another node appended to this list: read its latest again
		}
		if err != nil {
			return s.unavailable(fmt.Sprintf("append %s v%d", key, v.Version), err)
		}
		return nil
	}
}

// waitSeq waits until the view has applied stream sequence seq.
func (s *Store) waitSeq(seq uint64, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	for {
		s.mu.Lock()
		ok, ch := s.seq >= seq, s.advanced
		s.mu.Unlock()
		if ok {
			return true
		}
		select {
		case <-ch:
		case <-t.C:
			return false
		case <-s.done:
			return false
		}
	}
}

// handle applies one message of the stream (headers only) to the view,
// unless a newer consumer (generation) has replaced the one it came from.
func (s *Store) handle(gen uint64, m jetstream.Msg) {
	md, err := m.Metadata()
	if err != nil {
		s.log.Error("jetstore: message without metadata", "err", err)
		return
	}
	seq := md.Sequence.Stream
	h := m.Headers()
	var changes []store.Change
	switch {
	case strings.HasPrefix(m.Subject(), "voile.ver."):
		key := store.Key(h.Get(hdrPublisher), h.Get(hdrList))
		vm := verMeta{seq: seq}
		vm.version, _ = strconv.ParseUint(h.Get(hdrVersion), 10, 64)
		vm.published, _ = strconv.ParseInt(h.Get(hdrPublished), 10, 64)
		vm.rollbackOf, _ = strconv.ParseUint(h.Get(hdrRollbackOf), 10, 64)
		s.mu.Lock()
		if gen != s.gen {
			s.mu.Unlock()
			return
		}
		lv := s.lists[key]
		if lv == nil {
			lv = &listView{}
			s.lists[key] = lv
		}
		if n := len(lv.versions); n == 0 || lv.versions[n-1].seq < seq {
			lv.versions = append(lv.versions, vm)
			s.pending[key] = true
		}
		live := s.live
		s.mu.Unlock()
		if live {
			// Loaded now, so that reads see the version once seq moves.
			if s.retry("load "+key, func() error { return s.loadLatest(key) }) {
				changes = append(changes, store.Change{Publisher: h.Get(hdrPublisher), List: h.Get(hdrList)})
			}
		}
	case strings.HasPrefix(m.Subject(), "voile.pub."):
		var p store.Publisher
		if s.retry("read publisher", func() error { return s.getRecord(seq, &p) }) {
			s.mu.Lock()
			if cur := s.pubs[p.ID]; cur == nil || cur.seq < seq {
				s.pubs[p.ID] = &pubView{seq: seq, p: p}
			}
			s.mu.Unlock()
			changes = append(changes, store.Change{Publisher: p.ID})
		}
	case strings.HasPrefix(m.Subject(), "voile.adp."):
		var a store.Adapters
		if s.retry("read adapters", func() error { return s.getRecord(seq, &a) }) {
			s.mu.Lock()
			if cur := s.adapters[a.Publisher]; cur == nil || cur.seq < seq {
				s.adapters[a.Publisher] = &adpView{seq: seq, a: a}
			}
			s.mu.Unlock()
			changes = append(changes, store.Change{Publisher: a.Publisher, Adapters: true})
		}
	}
	s.mu.Lock()
	if gen != s.gen {
		s.mu.Unlock()
		return
	}
	if seq > s.seq {
		s.seq = seq
		close(s.advanced)
		s.advanced = make(chan struct{})
	}
	live := s.live
	watchers := make([]*watcher, 0, len(s.watchers))
	for w := range s.watchers {
		watchers = append(watchers, w)
	}
	s.mu.Unlock()
	if !live {
		return
	}
	for _, c := range changes {
		for _, w := range watchers {
			select {
			case w.ch <- c:
			case <-w.stop:
			case <-s.done:
				return
			}
		}
	}
}

// retry runs f until it succeeds or the store is closed: a message of
// the stream is never skipped for a passing outage.
func (s *Store) retry(what string, f func() error) bool {
	for wait := 50 * time.Millisecond; ; wait = min(2*wait, 2*time.Second) {
		err := f()
		if err == nil {
			return true
		}
		if errors.Is(err, errBadRecord) {
			// Not a passing fault: waiting would stop the view for good.
			s.log.Error("jetstore: "+what+": record skipped", "err", err)
			return false
		}
		s.log.Warn("jetstore: "+what, "err", err)
		select {
		case <-s.done:
			return false
		case <-time.After(wait):
		}
	}
}

type record interface {
	UnmarshalMsg([]byte) ([]byte, error)
}

func (s *Store) getRecord(seq uint64, r record) error {
	ctx, cancel := s.ctx()
	defer cancel()
	raw, err := s.stream.GetMsg(ctx, seq)
	if err != nil {
		return err
	}
	if _, err := r.UnmarshalMsg(raw.Data); err != nil {
		return fmt.Errorf("record %d (%s): %w: %v", seq, raw.Subject, errBadRecord, err)
	}
	return nil
}

func (s *Store) takePendingLocked() []string {
	out := make([]string, 0, len(s.pending))
	for k := range s.pending {
		out = append(out, k)
	}
	clear(s.pending)
	return out
}

// loadLatest reads the latest version of a list known to the view, with
// its info and bundle.
func (s *Store) loadLatest(key string) error {
	s.mu.Lock()
	lv := s.lists[key]
	last := lv.versions[len(lv.versions)-1]
	loaded := lv.latest != nil && lv.latest.Version == last.version
	delete(s.pending, key)
	s.mu.Unlock()
	if loaded {
		return nil
	}
	ctx, cancel := s.ctx()
	defer cancel()
	raw, err := s.stream.GetMsg(ctx, last.seq)
	if err != nil {
		return fmt.Errorf("read %s v%d: %w", key, last.version, err)
	}
	info, v, err := decodeEntry(raw.Data)
	if err != nil {
		return fmt.Errorf("read %s v%d: %w", key, last.version, err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if lv.latest == nil || lv.latest.Version < v.Version {
		lv.latest, lv.info = v, *info
	}
	return nil
}

func (s *Store) Publisher(id string) (*store.Publisher, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	pv := s.pubs[id]
	if pv == nil {
		return nil, fmt.Errorf("publisher %q: %w", id, store.ErrNotFound)
	}
	p := pv.p
	return &p, nil
}

func (s *Store) Publishers() ([]store.Publisher, error) {
	s.mu.Lock()
	out := make([]store.Publisher, 0, len(s.pubs))
	for _, pv := range s.pubs {
		out = append(out, pv.p)
	}
	s.mu.Unlock()
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}

func (s *Store) Lists() ([]store.ListInfo, error) {
	s.mu.Lock()
	out := make([]store.ListInfo, 0, len(s.lists))
	for _, lv := range s.lists {
		if lv.latest != nil {
			out = append(out, lv.info)
		}
	}
	s.mu.Unlock()
	sort.Slice(out, func(i, j int) bool {
		return store.Key(out[i].Publisher, out[i].List) < store.Key(out[j].Publisher, out[j].List)
	})
	return out, nil
}

func (s *Store) Version(publisher, list string, version uint64) (*store.Version, error) {
	key := store.Key(publisher, list)
	s.mu.Lock()
	lv := s.lists[key]
	if lv == nil || lv.latest == nil {
		s.mu.Unlock()
		return nil, fmt.Errorf("list %s: %w", key, store.ErrNotFound)
	}
	if version == 0 || version == lv.latest.Version {
		v := *lv.latest
		s.mu.Unlock()
		return &v, nil
	}
	i := sort.Search(len(lv.versions), func(i int) bool { return lv.versions[i].version >= version })
	if i == len(lv.versions) || lv.versions[i].version != version {
		s.mu.Unlock()
		return nil, fmt.Errorf("list %s version %d: %w", key, version, store.ErrNotFound)
	}
	seq := lv.versions[i].seq
	s.mu.Unlock()
	ctx, cancel := s.ctx()
	defer cancel()
	raw, err := s.stream.GetMsg(ctx, seq)
	if err != nil {
		return nil, s.unavailable(fmt.Sprintf("read %s v%d", key, version), err)
	}
	_, v, err := decodeEntry(raw.Data)
	if err != nil {
		return nil, fmt.Errorf("read %s v%d: %w", key, version, err)
	}
	return v, nil
}

func (s *Store) History(publisher, list string) ([]store.Version, error) {
	key := store.Key(publisher, list)
	s.mu.Lock()
	defer s.mu.Unlock()
	lv := s.lists[key]
	if lv == nil || lv.latest == nil {
		return nil, fmt.Errorf("list %s: %w", key, store.ErrNotFound)
	}
	out := make([]store.Version, 0, len(lv.versions))
	for _, vm := range lv.versions {
		out = append(out, store.Version{Publisher: publisher, List: list, Version: vm.version, Published: vm.published, RollbackOf: vm.rollbackOf})
	}
	return out, nil
}

func (s *Store) AllAdapters() ([]store.Adapters, error) {
	s.mu.Lock()
	out := make([]store.Adapters, 0, len(s.adapters))
	for _, av := range s.adapters {
		a := av.a
		a.Document = bytes.Clone(a.Document)
		out = append(out, a)
	}
	s.mu.Unlock()
	sort.Slice(out, func(i, j int) bool { return out[i].Publisher < out[j].Publisher })
	return out, nil
}
