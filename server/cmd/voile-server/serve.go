package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/http/pprof"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"voile/server"
	"voile/server/store/jetstore"
)

// envFlags sets each flag not given on the command line from its VOILE_
// variable, if set.
func envFlags(fs *flag.FlagSet) error {
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	var err error
	fs.VisitAll(func(f *flag.Flag) {
		name := "VOILE_" + strings.ToUpper(strings.ReplaceAll(f.Name, "-", "_"))
		if v, ok := os.LookupEnv(name); ok && !given[f.Name] && err == nil {
			if e := fs.Set(f.Name, v); e != nil {
				err = fmt.Errorf("%s=%q: %v", name, v, e)
			}
		}
	})
	return err
}

// openStore opens the store: on the NATS cluster at natsURLs
// (comma-separated) when given, else on a NATS server with JetStream run
// inside this process on dir/jetstream.
func openStore(dir, natsURLs string, log *slog.Logger) (*jetstore.Store, error) {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	if natsURLs != "" {
		return jetstore.Open(jetstore.Options{URLs: strings.Split(natsURLs, ","), Name: "voile-server", Log: log})
	}
	return jetstore.OpenDir(dir, log)
}

func serve(args []string) error {
	d := server.DefaultConfig()
	fs := flag.NewFlagSet("voile-server", flag.ContinueOnError)
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), `usage:
  voile-server [flags]          serve (flags below, or VOILE_* variables)
  voile-server add-publisher -data DIR -id ID -name NAME -pub FILE.pub [-out FILE.token]
                                register a publisher in a stopped server's store
                                (with -operator-token-file, 'voile admin add-publisher'
                                registers one over HTTP while the server runs)
  voile-server export-kv -data DIR -out FILE.json
                                write the store as Cloudflare KV bulk JSON, for the edge worker

'voile-server COMMAND -h' shows a command's flags.

flags:
`)
		fs.PrintDefaults()
	}
	addr := fs.String("addr", "127.0.0.1:8787", "listen address")
	addrFile := fs.String("addr-file", "", "write the bound address to this file once listening (for -addr with port 0)")
	data := fs.String("data", ".run/server", "data folder: the embedded store (jetstream/), and demo keys with -demo")
	natsURLs := fs.String("nats", "", "comma-separated NATS URLs of a cluster with JetStream to keep the store on and share with other sync nodes (default: a NATS server inside this process, on -data)")
	demo := fs.Bool("demo", false, "register the demo publisher and publish the demo lists if missing")
	origins := fs.String("origins", "", "comma-separated browser origins allowed besides extensions")
	adapterPubs := fs.String("adapter-publishers", "", "comma-separated publishers whose signed site-adapter documents are stored and relayed (the project's adapter key; none by default)")
	logLevel := fs.String("log-level", "info", "debug, info, warn or error")
	logJSON := fs.Bool("log-json", false, "log JSON lines instead of text")
	operatorFile := fs.String("operator-token-file", "", "file holding the operator's token, which registers publishers over HTTP (voile admin add-publisher); created with a new token if missing. Only its hash is kept")
	pprofOn := fs.Bool("pprof", false, "serve /debug/pprof/ too (for load tests and profiling; keep it off where the address is public)")
	var cfg server.Config
	fs.IntVar(&cfg.MaxConnsPerIP, "max-conns-per-ip", d.MaxConnsPerIP, "WebSocket connections per source, an IPv4 address or an IPv6 /64 (-1: no limit)")
	fs.IntVar(&cfg.MaxConnsPerSource, "max-conns-per-source", d.MaxConnsPerSource, "connections of any kind per source, an IPv4 address or an IPv6 /64 (-1: no limit)")
	fs.IntVar(&cfg.MaxConns, "max-conns", 0, "connections in all (0: the descriptor limit less room for the store and the spare connections)")
	fs.IntVar(&cfg.SpareConns, "spare-conns", d.SpareConns, "connections beyond -max-conns kept for /healthz, /metrics and publishers")
	fs.DurationVar(&cfg.HTTPIdleTimeout, "http-idle-timeout", d.HTTPIdleTimeout, "how long an idle plain HTTP connection is kept")
	fs.IntVar(&cfg.SendQueue, "send-queue", d.SendQueue, "messages queued per connection before it is dropped as slow")
	fs.Int64Var(&cfg.MaxClientMessage, "max-client-message", d.MaxClientMessage, "largest frame a client may send, in bytes")
	fs.DurationVar(&cfg.HandshakeTimeout, "handshake-timeout", d.HandshakeTimeout, "time for a client to upgrade and send its hello")
	fs.DurationVar(&cfg.PingInterval, "ping-interval", d.PingInterval, "how often each connection is pinged")
	fs.DurationVar(&cfg.IdleTimeout, "idle-timeout", d.IdleTimeout, "how long a silent connection is kept")
	fs.DurationVar(&cfg.WriteTimeout, "write-timeout", d.WriteTimeout, "bound on one write to a client")
	fs.Float64Var(&cfg.PublishRate, "publish-rate", d.PublishRate, "publishes per second allowed to each publisher, on average")
	fs.IntVar(&cfg.PublishBurst, "publish-burst", d.PublishBurst, "publishes allowed to each publisher in a burst")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if err := envFlags(fs); err != nil {
		return err
	}
	if *adapterPubs != "" {
		cfg.AdapterPublishers = strings.Split(*adapterPubs, ",")
	}
	if *origins != "" {
		cfg.AllowedOrigins = strings.Split(*origins, ",")
	}
	if *operatorFile != "" {
		tok, err := operatorToken(*operatorFile)
		if err != nil {
			return err
		}
		cfg.OperatorTokenHash = server.HashToken(tok)
	}
	var level slog.Level
	if err := level.UnmarshalText([]byte(*logLevel)); err != nil {
		return fmt.Errorf("-log-level %q: %v", *logLevel, err)
	}
	opts := &slog.HandlerOptions{Level: level}
	log := slog.New(slog.NewTextHandler(os.Stderr, opts))
	if *logJSON {
		log = slog.New(slog.NewJSONHandler(os.Stderr, opts))
	}

	// Connections are descriptors: take every one the system allows, and
	// let the server's connection bound sit below it.
	if n, err := server.RaiseFileLimit(); err != nil {
		log.Warn("raise the open-file limit", "err", err, "limit", n)
	}

	db, err := openStore(*data, *natsURLs, log)
	if err != nil {
		return err
	}
	defer db.Close()
	srv, err := server.New(cfg, db, log)
	if err != nil {
		return err
	}
	if *demo {
		if err := seedDemo(srv, db, *data, log); err != nil {
			return fmt.Errorf("demo: %w", err)
		}
	}

	tcp, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	ln := srv.Listener(tcp)
	if *addrFile != "" {
		if err := os.WriteFile(*addrFile, []byte(ln.Addr().String()), 0o644); err != nil {
			return err
		}
	}
	handler := srv.Handler()
	if *pprofOn {
		mux := http.NewServeMux()
		mux.Handle("/", handler)
		mux.HandleFunc("/debug/pprof/", pprof.Index)
		mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
		handler = mux
	}
	hs := srv.HTTPServer(handler)
	hs.ErrorLog = slog.NewLogLogger(log.Handler(), slog.LevelWarn)
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, syscall.SIGINT)
	defer stop()
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	log.Info("listening", "addr", ln.Addr().String(), "data", *data, "nats", *natsURLs)

	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	herr := hs.Shutdown(sctx)
	serr := srv.Shutdown(sctx)
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return errors.Join(herr, serr)
}

// operatorToken reads the operator's token from path, or writes a new one
// there (mode 0600) if the file does not exist.
func operatorToken(path string) (string, error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		tok := server.NewOperatorToken()
		if err := os.WriteFile(path, []byte(tok+"\n"), 0o600); err != nil {
			return "", err
		}
		fmt.Fprintf(os.Stderr, "voile-server: wrote a new operator token to %s\n", path)
		return tok, nil
	}
	if err != nil {
		return "", err
	}
	tok := strings.TrimSpace(string(b))
	if len(tok) < 20 {
		return "", fmt.Errorf("-operator-token-file %s: a token of %d characters is too short to guess safely (want 20 or more)", path, len(tok))
	}
	return tok, nil
}
