package main

import (
	"log/slog"
	"net/http"

	"voile/server/listing"
	"voile/server/store"
	"voile/shared/wire"
)

// handler serves the edge's routes over r.
func handler(r store.Reader, log *slog.Logger) http.Handler {
	mux := http.NewServeMux()
	listing.Register(mux, r, log)
	notHere := func(w http.ResponseWriter, req *http.Request) {
		listing.Error(w, http.StatusNotImplemented, wire.CodeUnavailable,
			"%s is served by the origin sync server, not at the edge", req.URL.Path)
	}
	for _, p := range []string{"/v1/sync", "/v1/publish", "/v1/rollback", "/v1/status"} {
		mux.HandleFunc(p, notHere)
	}
	return mux
}
