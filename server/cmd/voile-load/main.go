// Command voile-load measures the sync server under many subscribers on
// loopback: it starts a voile-server process on a fresh store, connects N
// WebSocket subscribers that follow one list, measures the server's memory
// per idle connection, then publishes new versions and times how long each
// takes to reach every subscriber.
//
// With -nodes 3 it runs a cluster instead: three NATS servers with
// JetStream inside this process (clustered on loopback, the stream
// replicated three times) and three voile-server processes joined to it
// with -nats; subscribers are spread evenly over the nodes and versions are
// published on the first, so most deliveries cross the cluster.
//
// Usage:
//
//	voile-load -server-bin build/voile-server [-n 10000] [-runs 5] [-nodes 1]
//
// It raises its file-descriptor limit (inherited by the server) to the
// hard limit, spreads connections over source addresses 127.0.0.1-127.0.0.8
// so that ephemeral ports never run out, and stops the server when done.
// Everything stays on loopback, and every wait is bounded.
package main

import (
	"bufio"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/gorilla/websocket"

	"voile/server/client"
	"voile/server/store/jetstore"
	"voile/shared/bundle"
	"voile/shared/rules"
	"voile/shared/wire"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "voile-load:", err)
		os.Exit(1)
	}
}

type options struct {
	bin      string
	n        int
	runs     int
	rules    int
	dialers  int
	nodes    int
	deadline time.Duration
}

func run() error {
	var o options
	flag.StringVar(&o.bin, "server-bin", "build/voile-server", "voile-server binary to start")
	flag.IntVar(&o.n, "n", 10000, "subscribers")
	flag.IntVar(&o.runs, "runs", 5, "publishes to time")
	flag.IntVar(&o.rules, "rules", 300, "rules in the published list")
	flag.IntVar(&o.dialers, "dialers", 64, "connections opened at once")
	flag.IntVar(&o.nodes, "nodes", 1, "sync nodes: 1 (embedded store) or more over a 3-server NATS cluster run in this process")
	flag.DurationVar(&o.deadline, "timeout", 60*time.Second, "bound on each phase")
	subscribe := flag.String("subscribe", "", "(internal) hold -n subscribers of the server at this address and time deliveries as the parent asks on stdin")
	flag.Parse()
	if *subscribe != "" {
		return subscriberProcess(*subscribe, o)
	}

	// The server, a process of its own, inherits the same limit.
	if err := raiseFileLimit(uint64(o.n/max(o.nodes, 1)) + 1024); err != nil {
		return err
	}
	dir, err := os.MkdirTemp("", "voile-load-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)

	c := &cluster{dir: dir, o: o}
	defer c.stop()
	if err := c.start(); err != nil {
		return err
	}
	fmt.Printf("%d server(s) %v at %v; %d subscribers, %d publishes, list of %d rules\n", o.nodes, c.pids, c.bases, o.n, o.runs, o.rules)
	if err := c.publish(1); err != nil {
		return err
	}

	time.Sleep(500 * time.Millisecond)
	before, err := c.memory()
	if err != nil {
		return err
	}
	// Subscribers are held by one child process per node: a process may
	// not have descriptors enough for them all.
	groups, err := startGroups(c.bases, o)
	defer func() {
		for _, g := range groups {
			g.stop()
		}
	}()
	if err != nil {
		return err
	}
	fmt.Printf("%d subscribers connected and synced\n", o.n)
	time.Sleep(2 * time.Second) // let the servers settle with every connection idle
	after, err := c.memory()
	if err != nil {
		return err
	}
	fmt.Printf("memory per idle connection: %.1f KiB Go heap+stacks in use, %.1f KiB RSS (%d goroutines for %d connections over %d node(s))\n",
		float64(after.goMem-before.goMem)/float64(o.n)/1024, float64(after.rss-before.rss)/float64(o.n)/1024,
		after.goroutines, o.n, o.nodes)
	return timePublishes(c, groups, o)
}

// cluster is the servers under test: one voile-server on an embedded
// store, or several over a NATS cluster run in this process, with the
// publisher "load" registered.
type cluster struct {
	dir      string
	o        options
	natsURLs string // "" for one node on an embedded store
	bases    []string
	pids     []int
	stops    []func() // in the order to run them
	client   *client.Client
	key      ed25519.PrivateKey
}

// start starts the NATS cluster if there are several nodes, registers
// the publisher, then starts the servers and waits for their addresses.
func (c *cluster) start() error {
	if c.o.nodes > 1 {
		urls, stop, err := startNATSCluster(c.dir)
		if err != nil {
			return err
		}
		c.stops = append(c.stops, stop)
		c.natsURLs = strings.Join(urls, ",")
		fmt.Printf("NATS cluster of 3 at %s\n", c.natsURLs)
	}
	token, err := c.addPublisher()
	if err != nil {
		return err
	}
	for node := 0; node < c.o.nodes; node++ {
		if err := c.startServer(node); err != nil {
			return err
		}
	}
	c.client = &client.Client{Base: "http://" + c.bases[0], Token: func() (string, error) { return token, nil }}
	return nil
}

func (c *cluster) storeArgs(node int) []string {
	if c.natsURLs != "" {
		return []string{"-data", filepath.Join(c.dir, fmt.Sprintf("node%d", node)), "-nats", c.natsURLs}
	}
	return []string{"-data", c.dir}
}

// addPublisher makes the publisher's key and registers it; it returns
// the publisher's API token.
func (c *cluster) addPublisher() (string, error) {
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return "", fmt.Errorf("publisher key: %w", err)
	}
	c.key = priv
	pubFile := filepath.Join(c.dir, "load.pub")
	if err := os.WriteFile(pubFile, []byte(bundle.FormatPublicKey(pub)), 0o644); err != nil {
		return "", fmt.Errorf("publisher key: %w", err)
	}
	args := append(append([]string{"add-publisher"}, c.storeArgs(0)...), "-id", "load", "-name", "Load test", "-pub", pubFile)
	out, err := exec.Command(c.o.bin, args...).Output()
	if err != nil {
		return "", fmt.Errorf("%s add-publisher: %w", c.o.bin, err)
	}
	return strings.TrimSpace(string(out)), nil
}

// startServer starts the voile-server of a node and waits for its address.
func (c *cluster) startServer(node int) error {
	addrFile := filepath.Join(c.dir, fmt.Sprintf("addr%d", node))
	args := append(c.storeArgs(node), "-addr", "127.0.0.1:0", "-addr-file", addrFile,
		"-max-conns-per-ip", "-1", "-max-conns-per-source", "-1", "-publish-rate", "1000", "-publish-burst", "1000", "-log-level", "warn", "-pprof")
	srv := exec.Command(c.o.bin, args...)
	srv.Stderr = os.Stderr
	if err := srv.Start(); err != nil {
		return fmt.Errorf("start %s for node %d: %w", c.o.bin, node, err)
	}
	// Servers stop before the NATS cluster they use.
	c.stops = append([]func(){func() { stopProcess(srv, 15*time.Second) }}, c.stops...)
	b, err := waitAddr(addrFile, c.o.deadline)
	if err != nil {
		return fmt.Errorf("node %d: %w", node, err)
	}
	c.bases, c.pids = append(c.bases, b), append(c.pids, srv.Process.Pid)
	return nil
}

// stopProcess asks a process to stop (SIGTERM) and kills it after wait.
func stopProcess(cmd *exec.Cmd, wait time.Duration) {
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		return // it has exited
	}
	done := make(chan struct{})
	go func() { cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(wait):
		cmd.Process.Kill()
	}
}

func (c *cluster) stop() {
	for _, f := range c.stops {
		f()
	}
	c.stops = nil
}

// publish signs and publishes version v of the list "load", on the first
// node; the rule at v's place differs from the previous version's.
func (c *cluster) publish(v uint64) error {
	l := &rules.List{ID: "load", Publisher: "load", Version: v, Langs: []string{"en"}}
	for i := 0; i < c.o.rules; i++ {
		text := fmt.Sprintf("slur%d", i)
		if i == int(v)%c.o.rules {
			text = fmt.Sprintf("edited%d", v)
		}
		l.Rules = append(l.Rules, rules.Rule{ID: fmt.Sprintf("r%d", i), Kind: rules.Term, Text: text, Category: rules.Racism, Weight: 0.8})
	}
	b, err := bundle.Sign(l, c.key)
	if err != nil {
		return fmt.Errorf("sign version %d: %w", v, err)
	}
	if _, err := c.client.Publish(b.Encode()); err != nil {
		return fmt.Errorf("publish version %d: %w", v, err)
	}
	return nil
}

// memory sums the memory of every node.
func (c *cluster) memory() (memory, error) {
	var sum memory
	for i, b := range c.bases {
		m, err := serverMemory(b, c.pids[i])
		if err != nil {
			return sum, fmt.Errorf("memory of node %d: %w", i, err)
		}
		sum.rss, sum.goMem, sum.goroutines = sum.rss+m.rss, sum.goMem+m.goMem, sum.goroutines+m.goroutines
	}
	return sum, nil
}

// startGroups starts one subscriber process per node, with the node's
// share of the subscribers, and waits until every one is synced. It
// returns the groups started, also on error, for the caller to stop.
func startGroups(bases []string, o options) ([]*group, error) {
	var groups []*group
	for node, b := range bases {
		n := o.n / o.nodes
		if node < o.n%o.nodes {
			n++
		}
		g, err := startGroup(b, n, o)
		if err != nil {
			return groups, err
		}
		groups = append(groups, g)
	}
	for _, g := range groups {
		if err := g.expect("ready"); err != nil {
			return groups, err
		}
	}
	return groups, nil
}

// timePublishes publishes o.runs new versions and prints, for each, how
// long until every subscriber had it, then the medians.
func timePublishes(c *cluster, groups []*group, o options) error {
	var p99s, p50s, maxes []time.Duration
	for r := 0; r < o.runs; r++ {
		v := uint64(r + 2)
		lat, acked, err := timePublish(c, groups, v)
		if err != nil {
			return fmt.Errorf("run %d: %w", r+1, err)
		}
		p50, p99, max := lat[len(lat)/2], lat[len(lat)*99/100], lat[len(lat)-1]
		p50s, p99s, maxes = append(p50s, p50), append(p99s, p99), append(maxes, max)
		fmt.Printf("run %d: version %d acknowledged after %v; delivered to all %d: p50 %v, p99 %v, max %v\n",
			r+1, v, acked.Round(time.Microsecond), len(lat), p50.Round(time.Microsecond), p99.Round(time.Microsecond), max.Round(time.Microsecond))
		time.Sleep(500 * time.Millisecond)
	}
	fmt.Printf("median over %d runs: p50 %v, p99 %v, max %v\n", o.runs,
		median(p50s).Round(time.Microsecond), median(p99s).Round(time.Microsecond), median(maxes).Round(time.Microsecond))
	return nil
}

// timePublish arms every subscriber for version v, publishes it and
// returns each subscriber's latency, sorted, and how long the publish
// took to be acknowledged.
func timePublish(c *cluster, groups []*group, v uint64) ([]time.Duration, time.Duration, error) {
	for _, g := range groups {
		if err := g.send("arm %d", v); err != nil {
			return nil, 0, err
		}
	}
	for _, g := range groups {
		if err := g.expect("armed"); err != nil {
			return nil, 0, err
		}
	}
	start := time.Now()
	if err := c.publish(v); err != nil {
		return nil, 0, err
	}
	acked := time.Since(start)
	for _, g := range groups {
		if err := g.send("start %d", start.UnixNano()); err != nil {
			return nil, 0, err
		}
	}
	var lat []time.Duration
	for _, g := range groups {
		line, err := g.line()
		if err != nil {
			return nil, 0, err
		}
		f := strings.Fields(line)
		if len(f) == 0 || f[0] != "lat" {
			return nil, 0, fmt.Errorf("subscriber process: %s", line)
		}
		for _, x := range f[1:] {
			us, err := strconv.ParseInt(x, 10, 64)
			if err != nil {
				return nil, 0, fmt.Errorf("subscriber process: latency %q: %w", x, err)
			}
			lat = append(lat, time.Duration(us)*time.Microsecond)
		}
	}
	if len(lat) == 0 {
		return nil, 0, fmt.Errorf("no subscriber reported a latency")
	}
	slices.Sort(lat)
	return lat, acked, nil
}

// group is a child process holding some of the subscribers.
type group struct {
	cmd *exec.Cmd
	in  io.WriteCloser
	out *bufio.Reader
}

func startGroup(base string, n int, o options) (*group, error) {
	self, err := os.Executable()
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(self, "-subscribe", base, "-n", strconv.Itoa(n), "-dialers", strconv.Itoa(o.dialers), "-timeout", o.deadline.String())
	cmd.Stderr = os.Stderr
	in, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	return &group{cmd: cmd, in: in, out: bufio.NewReaderSize(out, 1<<20)}, nil
}

func (g *group) send(format string, args ...any) error {
	if _, err := fmt.Fprintf(g.in, format+"\n", args...); err != nil {
		return fmt.Errorf("subscriber process: %w", err)
	}
	return nil
}

func (g *group) line() (string, error) {
	l, err := g.out.ReadString('\n')
	if err != nil {
		return "", fmt.Errorf("subscriber process: %w", err)
	}
	return strings.TrimSpace(l), nil
}

func (g *group) expect(want string) error {
	l, err := g.line()
	if err == nil && l != want {
		err = fmt.Errorf("subscriber process: %q, want %q", l, want)
	}
	return err
}

func (g *group) stop() {
	g.in.Close() // the child ends on end of input
	done := make(chan struct{})
	go func() { g.cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		g.cmd.Process.Kill()
	}
}

// subscriberProcess holds o.n subscribers of the server at base and
// answers its parent: "ready" once synced; to "arm V", "armed" once
// waiting for version V; to "start NANOS" (when the publish began), the
// latency of each subscriber in microseconds once every one has V.
func subscriberProcess(base string, o options) error {
	if err := raiseFileLimit(uint64(o.n) + 256); err != nil {
		return err
	}
	subs, err := connectAll([]string{base}, o)
	if err != nil {
		return err
	}
	defer func() {
		for _, s := range subs {
			s.ws.Close()
		}
	}()
	fmt.Println("ready")
	in := bufio.NewScanner(os.Stdin)
	var wg *sync.WaitGroup
	for in.Scan() {
		f := strings.Fields(in.Text())
		if len(f) != 2 {
			continue
		}
		x, err := strconv.ParseInt(f[1], 10, 64)
		if err != nil {
			return fmt.Errorf("from the parent: %q: %w", in.Text(), err)
		}
		switch f[0] {
		case "arm":
			wg = &sync.WaitGroup{}
			wg.Add(len(subs))
			for _, s := range subs {
				s.arm(uint64(x), wg)
			}
			fmt.Println("armed")
		case "start":
			done := make(chan struct{})
			go func() { wg.Wait(); close(done) }()
			select {
			case <-done:
			case <-time.After(o.deadline):
				fmt.Printf("error: not every subscriber got the version within %v\n", o.deadline)
				continue
			}
			var b strings.Builder
			b.WriteString("lat")
			for _, s := range subs {
				fmt.Fprintf(&b, " %d", (s.arrived.Load()-x)/1000)
			}
			fmt.Println(b.String())
		}
	}
	return nil
}

func median(d []time.Duration) time.Duration {
	s := slices.Clone(d)
	slices.Sort(s)
	return s[len(s)/2]
}

// sub is one subscriber.
type sub struct {
	ws      *websocket.Conn
	want    atomic.Uint64
	arrived atomic.Int64 // when want arrived, Unix nanoseconds
	mu      sync.Mutex
	done    *sync.WaitGroup
}

func (s *sub) arm(v uint64, done *sync.WaitGroup) {
	s.mu.Lock()
	s.done = done
	s.mu.Unlock()
	s.want.Store(v)
}

// readLoop records when each wanted version arrives.
func (s *sub) readLoop() {
	for {
		_, data, err := s.ws.ReadMessage()
		if err != nil {
			return
		}
		m, err := wire.Decode(data)
		if err != nil {
			fmt.Fprintln(os.Stderr, "voile-load: bad message:", err)
			continue
		}
		var v uint64
		switch {
		case m.Delta != nil:
			v = m.Delta.Version
		case m.Snapshot != nil:
			v = m.Snapshot.Bundle.Version
		default:
			continue
		}
		if v == s.want.Load() && v > 1 {
			s.arrived.Store(time.Now().UnixNano())
			s.mu.Lock()
			done := s.done
			s.mu.Unlock()
			done.Done()
		}
	}
}

// connectAll opens n subscribers, spread evenly over the nodes at bases.
func connectAll(bases []string, o options) ([]*sub, error) {
	subs := make([]*sub, o.n)
	errs := make(chan error, o.n)
	sem := make(chan struct{}, o.dialers)
	var wg sync.WaitGroup
	start := time.Now()
	for i := range subs {
		sem <- struct{}{}
		wg.Add(1)
		go func() {
			defer func() { <-sem; wg.Done() }()
			s, err := connect(bases[i%len(bases)], i, o.deadline)
			if err != nil {
				errs <- fmt.Errorf("subscriber %d: %w", i, err)
				return
			}
			subs[i] = s
		}()
	}
	wg.Wait()
	close(errs)
	if err := <-errs; err != nil {
		return nil, err
	}
	fmt.Fprintf(os.Stderr, "%d subscribers of %s connected and synced in %v\n", o.n, bases[0], time.Since(start).Round(time.Millisecond))
	for _, s := range subs {
		go s.readLoop()
	}
	return subs, nil
}

func connect(base string, i int, timeout time.Duration) (*sub, error) {
	local := &net.TCPAddr{IP: net.IPv4(127, 0, 0, byte(1+i%8))}
	d := websocket.Dialer{
		HandshakeTimeout: timeout,
		ReadBufferSize:   1024,
		WriteBufferSize:  1024,
		NetDialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			return (&net.Dialer{LocalAddr: local}).DialContext(ctx, network, addr)
		},
	}
	ws, _, err := d.Dial("ws://"+base+"/v1/sync", nil)
	if err != nil {
		return nil, err
	}
	hello := wire.NewHello([]wire.ListRef{{Publisher: "load", List: "load"}}, nil)
	if err := ws.WriteMessage(websocket.BinaryMessage, hello.Encode()); err != nil {
		ws.Close()
		return nil, err
	}
	ws.SetReadDeadline(time.Now().Add(timeout))
	for {
		_, data, err := ws.ReadMessage()
		if err != nil {
			ws.Close()
			return nil, err
		}
		m, err := wire.Decode(data)
		if err != nil {
			ws.Close()
			return nil, err
		}
		if m.Type == wire.TError {
			ws.Close()
			return nil, m.Error
		}
		if m.Type == wire.TSynced {
			break
		}
	}
	ws.SetReadDeadline(time.Time{})
	return &sub{ws: ws}, nil
}

type memory struct {
	rss, goMem int64
	goroutines int64
}

// serverMemory collects the server's garbage (through pprof's heap
// handler, which runs a GC first), then reads its resident set from /proc
// and its Go heap and stacks in use from /metrics.
func serverMemory(base string, pid int) (memory, error) {
	var m memory
	resp, err := http.Get("http://" + base + "/debug/pprof/heap?gc=1")
	if err != nil {
		return m, err
	}
	_, err = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if err != nil {
		return m, fmt.Errorf("%s/debug/pprof/heap: %w", base, err)
	}
	status, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return m, err
	}
	for _, line := range strings.Split(string(status), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmRSS:" {
			kb, err := strconv.ParseInt(f[1], 10, 64)
			if err != nil {
				return m, fmt.Errorf("/proc/%d/status: VmRSS %q: %w", pid, f[1], err)
			}
			m.rss = kb * 1024
		}
	}
	resp, err = http.Get("http://" + base + "/metrics")
	if err != nil {
		return m, err
	}
	defer resp.Body.Close()
	sc := bufio.NewScanner(resp.Body)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) != 2 {
			continue
		}
		switch f[0] {
		case "go_memstats_heap_inuse_bytes", "go_memstats_stack_inuse_bytes", "go_goroutines":
		default:
			continue
		}
		v, err := strconv.ParseFloat(f[1], 64)
		if err != nil {
			return m, fmt.Errorf("%s/metrics: %s %q: %w", base, f[0], f[1], err)
		}
		if f[0] == "go_goroutines" {
			m.goroutines = int64(v)
		} else {
			m.goMem += int64(v)
		}
	}
	return m, sc.Err()
}

func waitAddr(path string, timeout time.Duration) (string, error) {
	end := time.Now().Add(timeout)
	for time.Now().Before(end) {
		if a, err := os.ReadFile(path); err == nil && len(a) > 0 {
			return string(a), nil
		}
		time.Sleep(20 * time.Millisecond)
	}
	return "", fmt.Errorf("server did not start within %v", timeout)
}

func raiseFileLimit(want uint64) error {
	var l syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_NOFILE, &l); err != nil {
		return err
	}
	if l.Cur >= want {
		return nil
	}
	l.Cur = min(want, l.Max)
	if err := syscall.Setrlimit(syscall.RLIMIT_NOFILE, &l); err != nil {
		return fmt.Errorf("raise the file limit to %d: %w", l.Cur, err)
	}
	if l.Cur < want {
		return fmt.Errorf("file limit %d (hard limit) is below the %d needed: raise it with ulimit -n", l.Cur, want)
	}
	return nil
}

// startNATSCluster runs three NATS servers with JetStream in this process,
// clustered over loopback ports, and returns their client URLs.
func startNATSCluster(dir string) ([]string, func(), error) {
	var routes, clusterAddrs []string
	for i := 0; i < 3; i++ {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return nil, nil, err
		}
		a := l.Addr().String()
		l.Close()
		clusterAddrs = append(clusterAddrs, a)
		routes = append(routes, "nats-route://"+a)
	}
	var urls []string
	var stops []func()
	stop := func() {
		for _, f := range stops {
			f()
		}
	}
	for i := 0; i < 3; i++ {
		ns, err := jetstore.StartNode(jetstore.NodeConfig{
			Name: fmt.Sprintf("nats%d", i+1), Dir: filepath.Join(dir, fmt.Sprintf("nats%d", i+1)), ClientAddr: "127.0.0.1:0",
			Cluster: "voile-load", ClusterAddr: clusterAddrs[i], Routes: routes,
		})
		if err != nil {
			stop()
			return nil, nil, err
		}
		stops = append(stops, func() { ns.Shutdown(); ns.WaitForShutdown() })
		urls = append(urls, ns.ClientURL())
	}
	return urls, stop, nil
}
