package jetstore

import (
	"fmt"
	"net/url"
	"time"

	natsserver "github.com/nats-io/nats-server/v2/server"
)

// MaxPayload is the largest NATS message the store writes: a bundle
// (bundle.MaxSize, 8 MiB) with its record around it. An external cluster
// must allow it too (max_payload: 16MB in its configuration).
const MaxPayload = 16 << 20

// NodeConfig describes a NATS server run inside this process.
type NodeConfig struct {
	// Name names the server; it must be unique within a cluster.
	Name string
	// Dir is where JetStream keeps its files.
	Dir string
	// ClientAddr is "host:port" for NATS clients (port 0: any free
	// port, as ns.ClientURL() says), or "" to take none:
	// the process's own store then connects in-process.
	ClientAddr string
	// Cluster, when set, makes the server one of a cluster named Cluster,
	// listening for routes on ClusterAddr and joining the servers at
	// Routes (nats-route://host:port).
	Cluster     string
	ClusterAddr string
	Routes      []string
	// Log, when set, makes the NATS server log its notices and errors.
	Log bool
}

// StartNode starts a NATS server with JetStream and waits until it takes
// connections. Alone (no Cluster), every acknowledged write is synced to
// disk before the acknowledgement; in a cluster, writes are acknowledged
// once a majority of the stream's replicas hold them.
func StartNode(cfg NodeConfig) (*natsserver.Server, error) {
	opts := &natsserver.Options{
		ServerName: cfg.Name,
		JetStream:  true,
		StoreDir:   cfg.Dir,
		MaxPayload: MaxPayload,
		// A publish needs its bundle and the records around it in one
		// pending buffer.
		MaxPending: 4 * MaxPayload,
		NoSigs:     true,
		NoLog:      !cfg.Log,
		SyncAlways: cfg.Cluster == "",
	}
	if cfg.ClientAddr == "" {
		opts.DontListen = true
	} else {
		host, port, err := splitHostPort(cfg.ClientAddr)
		if err != nil {
			return nil, fmt.Errorf("nats client address: %w", err)
		}
		if port == 0 {
			port = natsserver.RANDOM_PORT
		}
		opts.Host, opts.Port = host, port
	}
	if cfg.Cluster != "" {
		host, port, err := splitHostPort(cfg.ClusterAddr)
		if err != nil {
			return nil, fmt.Errorf("nats cluster address: %w", err)
		}
		opts.Cluster = natsserver.ClusterOpts{Name: cfg.Cluster, Host: host, Port: port}
		for _, r := range cfg.Routes {
			u, err := url.Parse(r)
			if err != nil {
				return nil, fmt.Errorf("nats route %q: %w", r, err)
			}
			opts.Routes = append(opts.Routes, u)
		}
	}
	ns, err := natsserver.NewServer(opts)
	if err != nil {
		return nil, fmt.Errorf("nats server: %w", err)
	}
	if cfg.Log {
		ns.ConfigureLogger()
	}
	ns.Start()
	if !ns.ReadyForConnections(30 * time.Second) {
		ns.Shutdown()
		return nil, fmt.Errorf("nats server %s: not ready after 30s", cfg.Name)
	}
	return ns, nil
}

func splitHostPort(addr string) (string, int, error) {
	u, err := url.Parse("nats://" + addr)
	if err != nil {
		return "", 0, err
	}
	port := 0
	if p := u.Port(); p != "" {
		if _, err := fmt.Sscanf(p, "%d", &port); err != nil {
			return "", 0, fmt.Errorf("port %q", p)
		}
	}
	return u.Hostname(), port, nil
}
