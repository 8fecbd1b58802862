package server

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gorilla/websocket"
	natsserver "github.com/nats-io/nats-server/v2/server"

	"voile/server/store"
	"voile/server/store/jetstore"
	"voile/shared/bundle"
	"voile/shared/wire"
)

// cluster is three NATS servers with JetStream, clustered on loopback,
// and three sync nodes, each with its own connection to the cluster.
type cluster struct {
	t     *testing.T
	nats  []*natsserver.Server
	urls  []string
	nodes []*node
	pub   *store.Publisher
	priv  ed25519.PrivateKey
}

type node struct {
	srv   *Server
	http  *httptest.Server
	store *jetstore.Store
	once  sync.Once
}

// stop ends a sync node as a crash would for its clients: their
// connections drop.
func (n *node) stop() {
	n.once.Do(func() {
		n.http.CloseClientConnections()
		n.http.Close()
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		n.srv.Shutdown(ctx)
		n.store.Close()
	})
}

func freePort(t *testing.T) int {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

func newCluster(t *testing.T) *cluster {
	t.Helper()
	if testing.Short() {
		t.Skip("starts a NATS cluster")
	}
	c := &cluster{t: t}
	var routes []string
	var clusterAddrs []string
	for i := 0; i < 3; i++ {
		a := fmt.Sprintf("127.0.0.1:%d", freePort(t))
		clusterAddrs = append(clusterAddrs, a)
		routes = append(routes, "nats-route://"+a)
	}
	for i := 0; i < 3; i++ {
		ns, err := jetstore.StartNode(jetstore.NodeConfig{
			Name: fmt.Sprintf("n%d", i+1), Dir: t.TempDir(), ClientAddr: "127.0.0.1:0",
			Cluster: "voile-test", ClusterAddr: clusterAddrs[i], Routes: routes,
		})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { ns.Shutdown(); ns.WaitForShutdown() })
		c.nats = append(c.nats, ns)
		c.urls = append(c.urls, ns.ClientURL())
	}
	pub, priv, _ := ed25519.GenerateKey(rand.Reader)
	p, _, err := NewPublisher("ngo", "An NGO", bundle.FormatPublicKey(pub))
	if err != nil {
		t.Fatal(err)
	}
	c.pub, c.priv = p, priv
	for i := 0; i < 3; i++ {
		c.startNode()
		if i == 0 {
			if err := c.nodes[0].store.PutPublisher(p); err != nil {
				t.Fatal(err)
			}
		}
	}
	return c
}

func (c *cluster) startNode() *node {
	c.t.Helper()
	st, err := jetstore.Open(jetstore.Options{URLs: c.urls, Name: fmt.Sprintf("sync%d", len(c.nodes)+1), Timeout: 3 * time.Second,
		Log: slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))})
	if err != nil {
		c.t.Fatal(err)
	}
	srv, err := New(Config{PublishRate: 1e6, PublishBurst: 1e6}, st, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		c.t.Fatal(err)
	}
	n := &node{srv: srv, http: httptest.NewServer(srv.Handler()), store: st}
	c.t.Cleanup(n.stop)
	c.nodes = append(c.nodes, n)
	return n
}

func (c *cluster) sign(id string, v uint64, salt string) []byte {
	b, err := bundle.Sign(list(id, v, 200, salt), c.priv)
	if err != nil {
		c.t.Fatal(err)
	}
	return b.Encode()
}

// waitPublisher waits until every node knows the publisher.
func (c *cluster) ready() {
	c.t.Helper()
	for _, n := range c.nodes {
		deadline := time.Now().Add(10 * time.Second)
		for {
			if _, err := n.store.Publisher("ngo"); err == nil {
				break
			}
			if time.Now().After(deadline) {
				c.t.Fatal("publisher not seen by every node")
			}
			time.Sleep(10 * time.Millisecond)
		}
	}
}

// waitVersion waits until node n holds version v of list id.
func waitVersion(t *testing.T, n *node, id string, v uint64) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		if st := n.srv.hub.state(store.Key("ngo", id)); st != nil && st.version >= v {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("node never got %s v%d", id, v)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func dialNode(t *testing.T, n *node) (*client, error) {
	url := "ws" + strings.TrimPrefix(n.http.URL, "http") + "/v1/sync"
	ws, _, err := websocket.DefaultDialer.Dial(url, nil)
	if err != nil {
		return nil, err
	}
	t.Cleanup(func() { ws.Close() })
	return &client{t: t, ws: ws}, nil
}

// A version published on node 1 reaches a subscriber of node 3 within a
// second, as a live delta from the version it held.
func TestClusterPublishReachesEveryNode(t *testing.T) {
	c := newCluster(t)
	c.ready()
	if _, err := c.nodes[0].srv.Publish(c.pub, c.sign("en", 1, "a"), 0); err != nil {
		t.Fatal(err)
	}
	waitVersion(t, c.nodes[2], "en", 1)
	sub, err := dialNode(t, c.nodes[2])
	if err != nil {
		t.Fatal(err)
	}
	sub.hello(nil, "en")
	sub.expect(wire.TCatalog)
	sub.expect(wire.TSnapshot)
	sub.expect(wire.TSynced)

	for v := uint64(2); v <= 4; v++ {
		start := time.Now()
		if _, err := c.nodes[0].srv.Publish(c.pub, c.sign("en", v, "a"), 0); err != nil {
			t.Fatal(err)
		}
		m := sub.expect(wire.TDelta)
		took := time.Since(start)
		if m.Delta.Version != v || m.Delta.From != v-1 {
			t.Fatalf("delta %d->%d, want %d->%d", m.Delta.From, m.Delta.Version, v-1, v)
		}
		if took > time.Second {
			t.Errorf("v%d reached node 3 after %v, want under 1s", v, took)
		}
		t.Logf("v%d: published on node 1, received on node 3 after %v", v, took)
	}
}

// Publishing without a pause while one of the three NATS servers stops:
// every version acknowledged, before or after, is stored intact on the
// cluster and served by every node.
func TestClusterLosesNoAcknowledgedVersionWhenNATSServerDies(t *testing.T) {
	c := newCluster(t)
	c.ready()
	acked := map[uint64][]byte{}
	var failed int
	killAt, stopAt := 15, 50
	v := uint64(1)
	for len(acked) < stopAt && v < 2000 {
		if len(acked) == killAt && c.nats[0].Running() {
			// The first server, where the stream was created: often its
			// leader.
			c.nats[0].Shutdown()
			t.Logf("NATS server n1 stopped after %d acknowledged versions", len(acked))
		}
		data := c.sign("en", v, fmt.Sprint(v))
		n := c.nodes[int(v)%3]
		_, err := n.srv.Publish(c.pub, data, 0)
		var ae *apiError
		switch {
		case err == nil:
			acked[v] = data
			v++
		case errors.As(err, &ae) && ae.code == wire.CodeStale:
			v++ // stored, though its acknowledgement was lost
		case errors.As(err, &ae) && ae.code == wire.CodeUnavailable:
			failed++ // not stored: the same version again
			time.Sleep(50 * time.Millisecond)
		default:
			t.Fatalf("publish v%d: %v", v, err)
		}
	}
	if len(acked) < stopAt {
		t.Fatalf("only %d versions acknowledged; %d refused as unavailable", len(acked), failed)
	}
	t.Logf("%d versions acknowledged, %d publishes refused while the cluster recovered", len(acked), failed)
	for i, n := range c.nodes {
		waitVersion(t, n, "en", v-1)
		for ver, want := range acked {
			got, err := n.store.Version("ngo", "en", ver)
			if err != nil || !bytes.Equal(got.Bundle, want) {
				t.Fatalf("node %d: v%d: %v (intact: %v)", i+1, ver, err, err == nil && bytes.Equal(got.Bundle, want))
			}
		}
	}
}

// A sync node stops: its subscribers connect to another with the versions
// they hold, and get what was published meanwhile as deltas, missing
// nothing.
func TestClusterSubscribersMoveWhenNodeDies(t *testing.T) {
	c := newCluster(t)
	c.ready()
	if _, err := c.nodes[0].srv.Publish(c.pub, c.sign("en", 1, "a"), 0); err != nil {
		t.Fatal(err)
	}
	waitVersion(t, c.nodes[1], "en", 1)
	const subs = 20
	var clients []*client
	held := make([]*bundle.Bundle, subs)
	for i := 0; i < subs; i++ {
		cl, err := dialNode(t, c.nodes[1])
		if err != nil {
			t.Fatal(err)
		}
		cl.hello(nil, "en")
		cl.expect(wire.TCatalog)
		b := cl.expect(wire.TSnapshot).Snapshot.Bundle
		held[i] = &b
		cl.expect(wire.TSynced)
		clients = append(clients, cl)
	}
	c.nodes[1].stop()
	for _, cl := range clients {
		if _, err := cl.read(); err == nil {
			t.Fatal("connection to the stopped node still open")
		}
	}
	// Published while the subscribers are away.
	for v := uint64(2); v <= 3; v++ {
		if _, err := c.nodes[0].srv.Publish(c.pub, c.sign("en", v, "a"), 0); err != nil {
			t.Fatal(err)
		}
	}
	waitVersion(t, c.nodes[2], "en", 3)
	want, _ := c.nodes[0].store.Version("ngo", "en", 3)
	for i := range clients {
		cl, err := dialNode(t, c.nodes[2])
		if err != nil {
			t.Fatal(err)
		}
		cl.hello(map[string]uint64{"en": held[i].Version}, "en")
		cl.expect(wire.TCatalog)
		d := cl.expect(wire.TDelta).Delta // only what it missed
		if d.From != 1 || d.Version != 3 {
			t.Fatalf("resumed with delta %d->%d, want 1->3", d.From, d.Version)
		}
		b, err := d.Apply(held[i])
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(b.Encode(), want.Bundle) {
			t.Fatalf("subscriber %d rebuilt v3 unlike the stored v3", i)
		}
		if s := cl.expect(wire.TSynced).Synced; s.Lists[0].Version != 3 {
			t.Fatalf("synced at v%d", s.Lists[0].Version)
		}
	}
}

// While NATS is unreachable, publishes fail with 503 and nothing is
// acknowledged, /healthz says why, and subscribers keep their lists and
// connections; once NATS is back, publishing resumes and reaches them.
func TestNATSOutage(t *testing.T) {
	dir := t.TempDir()
	addr := fmt.Sprintf("127.0.0.1:%d", freePort(t))
	ns, err := jetstore.StartNode(jetstore.NodeConfig{Name: "solo", Dir: dir, ClientAddr: addr})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ns.Shutdown() })
	c := &cluster{t: t, urls: []string{ns.ClientURL()}}
	pub, priv, _ := ed25519.GenerateKey(rand.Reader)
	c.pub, _, _ = NewPublisher("ngo", "An NGO", bundle.FormatPublicKey(pub))
	c.priv = priv
	st, err := jetstore.Open(jetstore.Options{URLs: c.urls, Replicas: 1, Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	st.PutPublisher(c.pub)
	srv, err := New(Config{PublishRate: 1e6, PublishBurst: 1e6}, st, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	n := &node{srv: srv, http: httptest.NewServer(srv.Handler()), store: st}
	t.Cleanup(n.stop)
	if _, err := srv.Publish(c.pub, c.sign("en", 1, "a"), 0); err != nil {
		t.Fatal(err)
	}
	sub, err := dialNode(t, n)
	if err != nil {
		t.Fatal(err)
	}
	sub.hello(nil, "en")
	sub.expect(wire.TCatalog)
	sub.expect(wire.TSnapshot)
	sub.expect(wire.TSynced)

	ns.Shutdown()
	ns.WaitForShutdown()
	_, err = srv.Publish(c.pub, c.sign("en", 2, "a"), 0)
	var ae *apiError
	if !errors.As(err, &ae) || ae.status != 503 || ae.code != wire.CodeUnavailable || !strings.Contains(ae.msg, "not stored") {
		t.Fatalf("publish during the outage: %v", err)
	}
	t.Logf("publish during the outage: %v", err)
	resp, err := http.Get(n.http.URL + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 503 || !strings.Contains(string(body), "NATS") {
		t.Fatalf("healthz during the outage: %d %s", resp.StatusCode, body)
	}
	t.Logf("healthz during the outage: %s", body)
	// The subscriber is still served from what the node holds.
	sub.hello(map[string]uint64{"en": 1}, "en")
	sub.expect(wire.TCatalog)
	if s := sub.expect(wire.TSynced).Synced; s.Lists[0].Version != 1 {
		t.Fatalf("synced at v%d during the outage", s.Lists[0].Version)
	}

	ns2, err := jetstore.StartNode(jetstore.NodeConfig{Name: "solo", Dir: dir, ClientAddr: addr})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ns2.Shutdown() })
	deadline := time.Now().Add(15 * time.Second)
	for {
		_, err := srv.Publish(c.pub, c.sign("en", 2, "a"), 0)
		if err == nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("publish after NATS came back: %v", err)
		}
		time.Sleep(100 * time.Millisecond)
	}
	if d := sub.expect(wire.TDelta).Delta; d.Version != 2 {
		t.Fatalf("after the outage: delta to v%d", d.Version)
	}
}
