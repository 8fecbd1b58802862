package server

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"encoding/json"
	"errors"
	"net/http"
	"strings"

	"voile/server/store"
	"voile/shared/bundle"
	"voile/shared/wire"
)

// The operator of a server registers publishers over HTTP with its own
// credential, an operator token set at start (Config.OperatorTokenHash):
// the server need not be stopped, and the publisher's token is given to
// the operator once, for the publisher.

// CodeExists answers the registration of a publisher id already taken.
const CodeExists = "publisher_exists"

// NewPublisherRequest is the body of POST /v1/publishers.
type NewPublisherRequest struct {
	ID        string `json:"id"`
	Name      string `json:"name"`
	PublicKey string `json:"public_key"`
}

// NewPublisherResult is the answer: the publisher, its key's fingerprint
// (what readers check when they trust it), and its API token, shown once.
type NewPublisherResult struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	PublicKey   string `json:"public_key"`
	Fingerprint string `json:"fingerprint"`
	Token       string `json:"token"`
}

func (s *Server) handleNewPublisher(w http.ResponseWriter, r *http.Request) {
	res, err := s.newPublisher(w, r)
	if err != nil {
		code := s.writeErr(w, "register publisher", err)
		s.log.Warn("publisher registration refused", "code", code, "err", err)
		return
	}
	s.log.Info("publisher registered", "publisher", res.ID, "fingerprint", res.Fingerprint)
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	json.NewEncoder(w).Encode(res)
}

func (s *Server) newPublisher(w http.ResponseWriter, r *http.Request) (*NewPublisherResult, error) {
	if len(s.cfg.OperatorTokenHash) == 0 {
		return nil, apiErr(http.StatusForbidden, wire.CodeForbidden, "this server has no operator token: start it with -operator-token-file to register publishers over HTTP")
	}
	token, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok || subtle.ConstantTimeCompare(HashToken(strings.TrimSpace(token)), s.cfg.OperatorTokenHash) != 1 {
		return nil, apiErr(http.StatusUnauthorized, wire.CodeUnauthorized, "want the operator's token in an Authorization: Bearer header")
	}
	data, err := readBody(w, r, 16<<10, "registration")
	if err != nil {
		return nil, err
	}
	var req NewPublisherRequest
	if err := json.Unmarshal(data, &req); err != nil {
		return nil, apiErr(http.StatusBadRequest, wire.CodeBadMessage, "want {\"id\", \"name\", \"public_key\"}: %v", err)
	}
	p, tok, err := NewPublisher(req.ID, req.Name, req.PublicKey)
	if err != nil {
		return nil, apiErr(http.StatusBadRequest, wire.CodeBadMessage, "%v", err)
	}
	// Under the publish lock, the check that the id is free and the
	// registration are one step.
	s.pubMu.Lock()
	defer s.pubMu.Unlock()
	if _, err := s.store.Publisher(p.ID); err == nil {
		return nil, apiErr(http.StatusConflict, CodeExists, "publisher %q is registered already", p.ID)
	} else if !errors.Is(err, store.ErrNotFound) {
		return nil, err
	}
	if err := s.store.PutPublisher(p); err != nil {
		return nil, err
	}
	return &NewPublisherResult{ID: p.ID, Name: p.Name, PublicKey: p.PublicKey, Fingerprint: bundle.Fingerprint(p.PublicKey), Token: tok}, nil
}

// NewOperatorToken returns a fresh random operator token.
func NewOperatorToken() string {
	raw := make([]byte, 32)
	rand.Read(raw)
	return "voile-op-" + base64.RawURLEncoding.EncodeToString(raw)
}
