package server

import (
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
)

// metrics are the server's Prometheus metrics, on a registry of its own so
// that several servers (in tests) do not collide.
type metrics struct {
	reg         *prometheus.Registry
	connections prometheus.Gauge
	subscribers *prometheus.GaugeVec
	refused     *prometheus.CounterVec
	disconnects *prometheus.CounterVec
	sent        *prometheus.CounterVec
	publishes   *prometheus.CounterVec
	publishTime prometheus.Histogram
}

func newMetrics() *metrics {
	m := &metrics{
		reg: prometheus.NewRegistry(),
		connections: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "voile_connections", Help: "Open WebSocket connections.",
		}),
		subscribers: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "voile_subscribers", Help: "Connections following each list.",
		}, []string{"list"}),
		refused: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "voile_connections_refused_total", Help: "WebSocket upgrades refused, by error code.",
		}, []string{"code"}),
		disconnects: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "voile_disconnects_total", Help: "Connections closed, by reason.",
		}, []string{"reason"}),
		sent: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "voile_messages_queued_total", Help: "Messages queued to clients, by type.",
		}, []string{"type"}),
		publishes: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "voile_publishes_total", Help: "Publish and rollback requests, by result code (ok or an error code).",
		}, []string{"result"}),
		publishTime: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name: "voile_publish_seconds", Help: "Time to verify, store durably and queue a publish to every subscriber.",
			Buckets: prometheus.ExponentialBuckets(0.001, 2, 14),
		}),
	}
	m.reg.MustRegister(m.connections, m.subscribers, m.refused, m.disconnects, m.sent, m.publishes, m.publishTime,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}
