package server

import (
	"net/url"
	"strings"
	"time"

	"voile/shared/bundle"
)

// Config sets the server's limits. Zero fields take the defaults of
// DefaultConfig.
type Config struct {
	// AllowedOrigins are browser origins allowed besides browser
	// extensions (chrome-extension://, moz-extension://), for example
	// "https://voile.example". Requests without an Origin (programs, not
	// browsers) are always allowed.
	AllowedOrigins []string
	// MaxConnsPerIP bounds open WebSockets from one source (an IPv4
	// address or an IPv6 /64); -1 means no bound (load tests).
	MaxConnsPerIP int
	// MaxConnsPerSource bounds every open connection from one source,
	// plain HTTP and WebSocket alike, at the listener (Server.Listener);
	// -1 means no bound (load tests).
	MaxConnsPerSource int
	// MaxConns bounds every open connection at the listener; zero takes
	// the process's descriptor limit less room for the store, the logs
	// and SpareConns. SpareConns more connections are accepted for
	// /healthz, /metrics and authenticated publishing routes only, one
	// request each.
	MaxConns   int
	SpareConns int
	// HTTPIdleTimeout is how long a plain HTTP connection is kept between
	// requests; ReadHeaderTimeout bounds the reading of a request's
	// headers.
	HTTPIdleTimeout   time.Duration
	ReadHeaderTimeout time.Duration
	// SendQueue bounds the messages waiting for one connection, beyond one
	// per followed list; a client that lets it fill up is disconnected.
	SendQueue int
	// MaxClientMessage bounds a frame from a client (a hello).
	MaxClientMessage int64
	// MaxPublishBytes bounds a published bundle.
	MaxPublishBytes int64
	// HandshakeTimeout is how long a client has to send its hello.
	HandshakeTimeout time.Duration
	// PingInterval is how often the server pings each connection;
	// IdleTimeout is how long it waits for any frame or pong.
	PingInterval time.Duration
	IdleTimeout  time.Duration
	// WriteTimeout bounds one write to a client.
	WriteTimeout time.Duration
	// AdapterPublishers are the publishers whose site-adapter documents
	// the server stores and relays: the project's own adapter key, apart
	// from list publishers (the extension accepts adapter fixes only from
	// the adapter keys of its build). None by default.
	AdapterPublishers []string
	// PublishRate and PublishBurst bound each publisher's publishes
	// (per second, and in a burst).
	PublishRate  float64
	PublishBurst int
	// OperatorTokenHash is the HashToken of the operator's token, which
	// registers publishers over HTTP (POST /v1/publishers); none, and
	// publishers are registered only with the store offline.
	OperatorTokenHash []byte
}

// DefaultConfig returns the production defaults.
func DefaultConfig() Config {
	return Config{
		MaxConnsPerIP: 32,
		// A few readers behind one NAT, each with a WebSocket and a
		// request or two in flight.
		MaxConnsPerSource: 64,
		SpareConns:        32,
		HTTPIdleTimeout:   5 * time.Second,
		ReadHeaderTimeout: 5 * time.Second,
		SendQueue:         16,
		MaxClientMessage:  64 << 10,
		MaxPublishBytes:   bundle.MaxSize + 4<<10,
		HandshakeTimeout:  10 * time.Second,
		PingInterval:      30 * time.Second,
		IdleTimeout:       75 * time.Second,
		WriteTimeout:      10 * time.Second,
		PublishRate:       0.2, // one every 5 s on average
		PublishBurst:      10,
	}
}

func (c Config) withDefaults() Config {
	d := DefaultConfig()
	orDefault(&c.MaxConnsPerIP, d.MaxConnsPerIP)
	orDefault(&c.MaxConnsPerSource, d.MaxConnsPerSource)
	orDefault(&c.SpareConns, d.SpareConns)
	orDefault(&c.HTTPIdleTimeout, d.HTTPIdleTimeout)
	orDefault(&c.ReadHeaderTimeout, d.ReadHeaderTimeout)
	if c.MaxConns == 0 {
		c.MaxConns = maxConnsFor(fileLimit(), c.SpareConns)
	}
	orDefault(&c.SendQueue, d.SendQueue)
	orDefault(&c.MaxClientMessage, d.MaxClientMessage)
	orDefault(&c.MaxPublishBytes, d.MaxPublishBytes)
	orDefault(&c.HandshakeTimeout, d.HandshakeTimeout)
	orDefault(&c.PingInterval, d.PingInterval)
	orDefault(&c.IdleTimeout, d.IdleTimeout)
	orDefault(&c.WriteTimeout, d.WriteTimeout)
	orDefault(&c.PublishRate, d.PublishRate)
	orDefault(&c.PublishBurst, d.PublishBurst)
	return c
}

// adapterPublisher reports whether publisher may ship adapter documents.
func (c Config) adapterPublisher(publisher string) bool {
	for _, p := range c.AdapterPublishers {
		if p == publisher {
			return true
		}
	}
	return false
}

// fdHeadroom is the descriptors kept for what is not a connection: the
// store, logs, the listener itself.
const fdHeadroom = 64

// maxConnsFor is the connection bound for a descriptor limit: below it by
// fdHeadroom and the spare connections.
func maxConnsFor(fileLimit uint64, spare int) int {
	if fileLimit == 0 || fileLimit > 1<<20 {
		return 1 << 16 // unknown or huge: bounded by memory instead
	}
	return max(int(fileLimit)-fdHeadroom-spare, 16)
}

// orDefault sets a zero *v to d.
func orDefault[T comparable](v *T, d T) {
	var zero T
	if *v == zero {
		*v = d
	}
}

// originAllowed reports whether a browser with this Origin header may
// connect. Extensions are identified by their scheme: the extension's own
// pages and service worker carry chrome-extension:// or moz-extension://.
func (c Config) originAllowed(origin string) bool {
	if origin == "" {
		return true
	}
	u, err := url.Parse(origin)
	if err != nil || u.Host == "" {
		return false
	}
	switch u.Scheme {
	case "chrome-extension", "moz-extension":
		return true
	}
	for _, o := range c.AllowedOrigins {
		if strings.EqualFold(strings.TrimSuffix(o, "/"), origin) {
			return true
		}
	}
	return false
}
