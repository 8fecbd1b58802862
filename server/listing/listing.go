package listing

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"voile/server/store"
	"voile/shared/rules"
	"voile/shared/wire"
)

// Limits on what one publisher puts in the catalog, with rules.MaxNameLen
// and rules.MaxDescriptionLen for each list: together they bound one
// publisher's catalog message far below wire.MaxMessage.
const (
	// MaxListsPerPublisher bounds the lists of one publisher; a publish
	// of one more is refused.
	MaxListsPerPublisher = 64
	// MaxPublisherName bounds a publisher's readable name, in bytes.
	MaxPublisherName = 200
)

// Catalog builds the catalog of every list r holds, with each publisher's
// name and public key, ordered by publisher and list. Whatever the store
// holds (lists stored before the limits, say), each publisher brings at
// most MaxListsPerPublisher entries, each within the metadata limits.
func Catalog(r store.Reader) (*wire.Catalog, error) {
	lists, err := r.Lists()
	if err != nil {
		return nil, err
	}
	pubs, err := r.Publishers()
	if err != nil {
		return nil, err
	}
	byID := make(map[string]*store.Publisher, len(pubs))
	for i := range pubs {
		byID[pubs[i].ID] = &pubs[i]
	}
	sort.Slice(lists, func(i, j int) bool {
		if lists[i].Publisher != lists[j].Publisher {
			return lists[i].Publisher < lists[j].Publisher
		}
		return lists[i].List < lists[j].List
	})
	c := &wire.Catalog{Lists: make([]wire.Entry, 0, len(lists))}
	perPublisher := map[string]int{}
	for _, l := range lists {
		p := byID[l.Publisher]
		if p == nil {
			return nil, fmt.Errorf("catalog: list %s has no registered publisher", store.Key(l.Publisher, l.List))
		}
		if perPublisher[l.Publisher]++; perPublisher[l.Publisher] > MaxListsPerPublisher {
			continue
		}
		langs := l.Langs
		if len(langs) > rules.MaxLangs {
			langs = langs[:rules.MaxLangs]
		}
		c.Lists = append(c.Lists, wire.Entry{
			Publisher: l.Publisher, PublisherName: clip(p.Name, MaxPublisherName), PublicKey: p.PublicKey,
			List: l.List, Name: clip(l.Name, rules.MaxNameLen), Description: clip(l.Description, rules.MaxDescriptionLen),
			Langs: langs, Demo: l.Demo, Version: l.Latest, Published: l.Published,
		})
	}
	return c, nil
}

// ByPublisher splits a catalog into one catalog per publisher, in order,
// as the sync server sends it: each names its publisher and all but the
// last have More set. A catalog without lists gives one empty catalog.
func ByPublisher(c *wire.Catalog) []*wire.Catalog {
	var out []*wire.Catalog
	for _, e := range c.Lists {
		if n := len(out); n == 0 || out[n-1].Publisher != e.Publisher {
			out = append(out, &wire.Catalog{Publisher: e.Publisher, More: true})
		}
		last := out[len(out)-1]
		last.Lists = append(last.Lists, e)
	}
	if len(out) == 0 {
		return []*wire.Catalog{{Lists: []wire.Entry{}}}
	}
	out[len(out)-1].More = false
	return out
}

// clip cuts s to at most n bytes, at a UTF-8 boundary.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// Register adds the read-only routes to mux:
//
//	GET /v1/catalog                          catalog message (msgpack, or JSON with ?format=json)
//	GET /v1/lists/{publisher}/{list}         latest bundle
//	GET /v1/lists/{publisher}/{list}/{version}
//	GET /healthz
func Register(mux *http.ServeMux, r store.Reader, log *slog.Logger) {
	mux.HandleFunc("GET /v1/catalog", func(w http.ResponseWriter, req *http.Request) {
		c, err := Catalog(r)
		if err != nil {
			Internal(w, log, "build catalog", err)
			return
		}
		if req.URL.Query().Get("format") == "json" {
			w.Header().Set("Content-Type", "application/json")
			json.NewEncoder(w).Encode(c)
			return
		}
		w.Header().Set("Content-Type", "application/msgpack")
		w.Write((&wire.Message{Type: wire.TCatalog, Catalog: c}).Encode())
	})
	serveBundle := func(w http.ResponseWriter, req *http.Request) {
		var version uint64
		if s := req.PathValue("version"); s != "" {
			v, err := strconv.ParseUint(s, 10, 64)
			if err != nil || v == 0 {
				Error(w, http.StatusBadRequest, wire.CodeBadMessage, "version %q: want a positive integer", s)
				return
			}
			version = v
		}
		v, err := r.Version(req.PathValue("publisher"), req.PathValue("list"), version)
		if errors.Is(err, store.ErrNotFound) {
			Error(w, http.StatusNotFound, wire.CodeUnknownList, "%v", err)
			return
		}
		if err != nil {
			Internal(w, log, "read bundle", err)
			return
		}
		// A version's bundle never changes: a CDN or browser may keep it
		// for good. The latest is revalidated each time, cheaply, by ETag.
		sum := sha256.Sum256(v.Bundle)
		etag := `"` + hex.EncodeToString(sum[:16]) + `"`
		w.Header().Set("ETag", etag)
		if version != 0 {
			w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
		} else {
			w.Header().Set("Cache-Control", "no-cache")
		}
		w.Header().Set("X-Voile-Version", strconv.FormatUint(v.Version, 10))
		if inm := req.Header.Get("If-None-Match"); inm != "" && (inm == etag || inm == "*" || strings.Contains(inm, etag)) {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Content-Type", "application/msgpack")
		w.Write(v.Bundle)
	}
	mux.HandleFunc("GET /v1/lists/{publisher}/{list}", serveBundle)
	mux.HandleFunc("GET /v1/lists/{publisher}/{list}/{version}", serveBundle)
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, req *http.Request) {
		// A store shared over the network (JetStream) says whether it
		// can take writes; subscribers are still served meanwhile.
		if h, ok := r.(interface{ Health() error }); ok {
			if err := h.Health(); err != nil {
				Error(w, http.StatusServiceUnavailable, wire.CodeUnavailable, "store: %v", err)
				return
			}
		}
		if _, err := r.Lists(); err != nil {
			Error(w, http.StatusServiceUnavailable, wire.CodeUnavailable, "store: %v", err)
			return
		}
		w.Write([]byte("ok\n"))
	})
}

// Error writes an HTTP error with a wire error code as JSON
// {"code": ..., "message": ...}.
func Error(w http.ResponseWriter, status int, code, format string, args ...any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(&wire.Error{Code: code, Message: fmt.Sprintf(format, args...)})
}

// Internal logs a server-side failure and answers with CodeInternal,
// without the details, which stay in the log.
func Internal(w http.ResponseWriter, log *slog.Logger, what string, err error) {
	log.Error(what, "err", err)
	Error(w, http.StatusInternalServerError, wire.CodeInternal, "%s failed", what)
}
