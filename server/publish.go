package server

import (
	"bytes"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"time"

	"golang.org/x/time/rate"

	"voile/server/listing"
	"voile/server/store"
	"voile/shared/bundle"
	"voile/shared/rules"
	"voile/shared/wire"
)

// tokenPrefix marks Voile API tokens, so a leaked one is recognisable.
const tokenPrefix = "voile-tok-"

// NewPublisher returns a publisher record for registration and its API
// token, which is shown once: the store keeps only its hash.
func NewPublisher(id, name, publicKey string) (*store.Publisher, string, error) {
	if !rules.ValidID(id) {
		return nil, "", fmt.Errorf("publisher id %q: want 1 to 64 lower-case letters, digits, '.', '_' or '-'", id)
	}
	if len(name) > listing.MaxPublisherName {
		return nil, "", fmt.Errorf("publisher %q: name of %d bytes, more than the limit of %d", id, len(name), listing.MaxPublisherName)
	}
	if _, err := bundle.ParsePublicKey(publicKey); err != nil {
		return nil, "", fmt.Errorf("publisher %q: %w", id, err)
	}
	raw := make([]byte, 32)
	rand.Read(raw)
	token := tokenPrefix + base64.RawURLEncoding.EncodeToString(raw)
	return &store.Publisher{
		ID: id, Name: name, PublicKey: strings.TrimSpace(publicKey),
		TokenHash: HashToken(token), Created: time.Now().Unix(),
	}, token, nil
}

// HashToken is how tokens are kept: a SHA-256, enough for 256-bit random
// tokens, which need no slow hash.
func HashToken(token string) []byte {
	h := sha256.Sum256([]byte(token))
	return h[:]
}

// apiError is a failed request: HTTP status, wire code and message.
type apiError struct {
	status int
	code   string
	msg    string
}

func (e *apiError) Error() string { return e.code + ": " + e.msg }

func apiErr(status int, code, format string, args ...any) *apiError {
	return &apiError{status, code, fmt.Sprintf(format, args...)}
}

// authenticate returns the publisher whose token the request bears.
func (s *Server) authenticate(r *http.Request) (*store.Publisher, error) {
	token, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok || token == "" {
		return nil, apiErr(http.StatusUnauthorized, wire.CodeUnauthorized, "want an Authorization: Bearer <token> header")
	}
	h := HashToken(strings.TrimSpace(token))
	pubs, err := s.store.Publishers()
	if err != nil {
		return nil, err
	}
	var found *store.Publisher
	for i := range pubs {
		if subtle.ConstantTimeCompare(pubs[i].TokenHash, h) == 1 {
			found = &pubs[i]
		}
	}
	if found == nil {
		return nil, apiErr(http.StatusUnauthorized, wire.CodeUnauthorized, "unknown token")
	}
	return found, nil
}

func (s *Server) limiter(id string) *rate.Limiter {
	l, _ := s.limiters.LoadOrStore(id, rate.NewLimiter(rate.Limit(s.cfg.PublishRate), s.cfg.PublishBurst))
	return l.(*rate.Limiter)
}

// writeErr answers with err's status and code; any error that is not an
// apiError is the server's own failure, logged and not detailed.
func (s *Server) writeErr(w http.ResponseWriter, what string, err error) string {
	var ae *apiError
	if errors.As(err, &ae) {
		listing.Error(w, ae.status, ae.code, "%s", ae.msg)
		return ae.code
	}
	listing.Internal(w, s.log, what, err)
	return wire.CodeInternal
}

// PublishResult is the answer to a publish or rollback.
type PublishResult struct {
	Publisher  string `json:"publisher"`
	List       string `json:"list"`
	Version    uint64 `json:"version"`
	RollbackOf uint64 `json:"rollback_of,omitempty"`
}

// handlePublish serves POST /v1/publish and POST /v1/rollback?to=N.
func (s *Server) handlePublish(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	res, err := s.publishRequest(w, r)
	if err != nil {
		code := s.writeErr(w, "publish", err)
		s.m.publishes.WithLabelValues(code).Inc()
		s.log.Warn("publish refused", "code", code, "err", err)
		return
	}
	s.m.publishes.WithLabelValues("ok").Inc()
	s.m.publishTime.Observe(time.Since(start).Seconds())
	s.log.Info("published", "publisher", res.Publisher, "list", res.List, "version", res.Version, "rollback_of", res.RollbackOf)
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(res)
}

func (s *Server) publishRequest(w http.ResponseWriter, r *http.Request) (*PublishResult, error) {
	p, err := s.authenticate(r)
	if err != nil {
		return nil, err
	}
	var rollbackOf uint64
	if r.URL.Path == "/v1/rollback" {
		to, err := strconv.ParseUint(r.URL.Query().Get("to"), 10, 64)
		if err != nil || to == 0 {
			return nil, apiErr(http.StatusBadRequest, wire.CodeBadMessage, "rollback: want ?to=VERSION, a positive integer")
		}
		rollbackOf = to
	}
	if err := s.allowPublish(p); err != nil {
		return nil, err
	}
	data, err := readBody(w, r, s.cfg.MaxPublishBytes, "bundle")
	if err != nil {
		return nil, err
	}
	return s.Publish(p, data, rollbackOf)
}

// allowPublish spends one of publisher p's publishes: lists and adapter
// documents share one budget.
func (s *Server) allowPublish(p *store.Publisher) error {
	if !s.limiter(p.ID).Allow() {
		return apiErr(http.StatusTooManyRequests, wire.CodeRateLimited, "publisher %q: more than %d publishes in a burst or %.2g a second", p.ID, s.cfg.PublishBurst, s.cfg.PublishRate)
	}
	return nil
}

// readBody reads a request body of at most limit bytes; what names the
// body in the error when it is larger.
func readBody(w http.ResponseWriter, r *http.Request, limit int64, what string) ([]byte, error) {
	data, err := io.ReadAll(http.MaxBytesReader(w, r.Body, limit))
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		return nil, apiErr(http.StatusRequestEntityTooLarge, wire.CodeTooLarge, "%s over the limit of %d bytes", what, limit)
	}
	if err != nil {
		return nil, apiErr(http.StatusBadRequest, wire.CodeBadMessage, "read body: %v", err)
	}
	return data, nil
}

// Publish verifies an encoded bundle with publisher p's key, stores it
// durably as the list's new latest version, and pushes it to subscribers.
// With rollbackOf set, the bundle must carry exactly the list of that
// older version, re-signed under a new version. Nothing is stored unless
// every check passes.
func (s *Server) Publish(p *store.Publisher, data []byte, rollbackOf uint64) (*PublishResult, error) {
	b, err := bundle.Decode(data)
	if err != nil {
		return nil, apiErr(http.StatusBadRequest, wire.CodeBadMessage, "%v", err)
	}
	if b.Publisher != p.ID {
		return nil, apiErr(http.StatusForbidden, wire.CodeForbidden, "bundle of publisher %q, token of publisher %q", b.Publisher, p.ID)
	}
	key, err := bundle.ParsePublicKey(p.PublicKey)
	if err != nil {
		return nil, fmt.Errorf("publisher %q has a bad registered key: %w", p.ID, err)
	}
	l, err := b.Open(key)
	if errors.Is(err, bundle.ErrSignature) {
		return nil, apiErr(http.StatusBadRequest, wire.CodeBadSignature, "%v", err)
	}
	if err != nil {
		var rerr *rules.Error
		if errors.As(err, &rerr) {
			return nil, apiErr(http.StatusBadRequest, wire.CodeInvalidList, "%v", err)
		}
		return nil, apiErr(http.StatusBadRequest, wire.CodeBadMessage, "%v", err)
	}

	s.pubMu.Lock()
	defer s.pubMu.Unlock()
	if err := s.checkListCount(p.ID, l.ID); err != nil {
		return nil, err
	}
	if rollbackOf != 0 {
		if err := s.checkRollback(l, b, rollbackOf); err != nil {
			return nil, err
		}
	}
	now := time.Now().Unix()
	v := &store.Version{Publisher: p.ID, List: l.ID, Version: l.Version, Published: now, RollbackOf: rollbackOf, Bundle: data}
	info := &store.ListInfo{Publisher: p.ID, List: l.ID, Name: l.Name, Description: l.Description,
		Langs: l.Langs, Demo: l.Demo, Latest: l.Version, Published: now}
	if err := s.store.Append(v, info); err != nil {
		if errors.Is(err, store.ErrStale) {
			return nil, apiErr(http.StatusConflict, wire.CodeStale, "%v", err)
		}
		return nil, storeErr(err)
	}
	// Stored durably: from here on the version is acknowledged, and what
	// remains only informs subscribers (other nodes learn of it from the
	// store).
	s.apply(b)
	return &PublishResult{Publisher: p.ID, List: l.ID, Version: l.Version, RollbackOf: rollbackOf}, nil
}

// storeErr answers a write the store could not take for want of the
// store itself (NATS unreachable, or JetStream without a quorum) with 503:
// nothing was stored, and the publisher may try again.
func storeErr(err error) error {
	if errors.Is(err, store.ErrUnavailable) {
		return apiErr(http.StatusServiceUnavailable, wire.CodeUnavailable, "not stored, try again: %v", err)
	}
	return err
}

// checkListCount refuses a new list to a publisher that already has
// listing.MaxListsPerPublisher: every reader's catalog carries them all.
func (s *Server) checkListCount(publisher, list string) error {
	lists, err := s.store.Lists()
	if err != nil {
		return err
	}
	n := 0
	for _, l := range lists {
		if l.Publisher != publisher {
			continue
		}
		if l.List == list {
			return nil // a new version of a list it has
		}
		n++
	}
	if n >= listing.MaxListsPerPublisher {
		return apiErr(http.StatusForbidden, wire.CodeTooMany, "publisher %q has %d lists, the limit: publish new versions of them, or ask the operator to remove one", publisher, n)
	}
	return nil
}

// checkRollback checks that l, signed in b, is version `to` of the same
// list with only its version changed.
func (s *Server) checkRollback(l *rules.List, b *bundle.Bundle, to uint64) error {
	old, err := s.store.Version(l.Publisher, l.ID, to)
	if errors.Is(err, store.ErrNotFound) {
		return apiErr(http.StatusNotFound, wire.CodeUnknownList, "rollback: %v", err)
	}
	if err != nil {
		return err
	}
	ob, err := bundle.Decode(old.Bundle)
	if err != nil {
		return err
	}
	ol, err := rules.Decode(ob.List)
	if err != nil {
		return err
	}
	ol.Version = l.Version
	if !bytes.Equal(ol.Encode(), b.List) {
		return apiErr(http.StatusBadRequest, wire.CodeBadMessage, "rollback: the bundle's list is not version %d's with a new version number", to)
	}
	return nil
}

// Status is what a publisher sees of its lists.
type Status struct {
	Publisher store.Publisher `json:"publisher"`
	Lists     []ListStatus    `json:"lists"`
}

// ListStatus is one list's versions and subscriber count.
type ListStatus struct {
	store.ListInfo
	Subscribers int             `json:"subscribers"`
	Versions    []store.Version `json:"versions"`
}

func (s *Server) handleStatus(w http.ResponseWriter, r *http.Request) {
	st, err := s.status(r)
	if err != nil {
		s.writeErr(w, "status", err)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(st)
}

func (s *Server) status(r *http.Request) (*Status, error) {
	p, err := s.authenticate(r)
	if err != nil {
		return nil, err
	}
	lists, err := s.store.Lists()
	if err != nil {
		return nil, err
	}
	counts := s.hub.counts()
	st := &Status{Publisher: *p, Lists: []ListStatus{}}
	for _, l := range lists {
		if l.Publisher != p.ID {
			continue
		}
		h, err := s.store.History(l.Publisher, l.List)
		if err != nil {
			return nil, err
		}
		st.Lists = append(st.Lists, ListStatus{ListInfo: l, Subscribers: counts[store.Key(l.Publisher, l.List)], Versions: h})
	}
	sort.Slice(st.Lists, func(i, j int) bool { return st.Lists[i].List < st.Lists[j].List })
	return st, nil
}
