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
	// MaxConnsPerIP bounds open WebSockets from one remote address; -1
	// means no bound (load tests).
	MaxConnsPerIP int
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
	// PublishRate and PublishBurst bound each publisher's publishes
	// (per second, and in a burst).
	PublishRate  float64
	PublishBurst int
}

// DefaultConfig returns the production defaults.
func DefaultConfig() Config {
	return Config{
		MaxConnsPerIP:    32,
		SendQueue:        16,
		MaxClientMessage: 64 << 10,
		MaxPublishBytes:  bundle.MaxSize + 4<<10,
		HandshakeTimeout: 10 * time.Second,
		PingInterval:     30 * time.Second,
		IdleTimeout:      75 * time.Second,
		WriteTimeout:     10 * time.Second,
		PublishRate:      0.2, // one every 5 s on average
		PublishBurst:     10,
	}
}

func (c Config) withDefaults() Config {
	d := DefaultConfig()
	orDefault(&c.MaxConnsPerIP, d.MaxConnsPerIP)
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
