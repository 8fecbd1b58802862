package server

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"sort"
	"strings"
	"time"

	"github.com/gorilla/websocket"

	"voile/server/store"
	"voile/shared/bundle"
	"voile/shared/wire"
)

// A publisher's site adapters travel like its lists: signed by the
// publisher (bundle.SignAdapters), stored durably, sent after a hello and
// pushed live, so that a fix for a site whose markup changed reaches every
// reader without an extension release. The server keeps only the latest
// document of each publisher.

// adapterState is a publisher's latest adapter document, encoded once for
// every connection. seq orders the documents the hub has held, so that a
// connection never gets an older one after a newer one.
type adapterState struct {
	publisher string
	seq       uint64
	pm        *websocket.PreparedMessage
	doc, sig  []byte
}

// setAdapters makes a the publisher's latest document and returns its
// state, or nil when the hub holds that document already (this node
// stored it, and the store reports it again).
func (h *hub) setAdapters(a *store.Adapters) *adapterState {
	pm, _ := prepare(&wire.Message{Type: wire.TAdapters, Adapters: &wire.Adapters{Publisher: a.Publisher, Document: a.Document, Sig: a.Sig}})
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.adapters == nil {
		h.adapters = map[string]*adapterState{}
	}
	if cur := h.adapters[a.Publisher]; cur != nil && bytes.Equal(cur.doc, a.Document) && bytes.Equal(cur.sig, a.Sig) {
		return nil
	}
	h.adapterSeq++
	st := &adapterState{publisher: a.Publisher, seq: h.adapterSeq, pm: pm, doc: a.Document, sig: a.Sig}
	h.adapters[a.Publisher] = st
	return st
}

// allAdapters returns every publisher's latest document, ordered by
// publisher.
func (h *hub) allAdapters() []*adapterState {
	h.mu.Lock()
	defer h.mu.Unlock()
	out := make([]*adapterState, 0, len(h.adapters))
	for _, st := range h.adapters {
		out = append(out, st)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].publisher < out[j].publisher })
	return out
}

func (h *hub) adapterCount() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.adapters)
}

// sendAdapters queues a publisher's adapter document to a connection that
// has sent a hello, unless it was sent this one or a newer one.
func (c *conn) sendAdapters(st *adapterState) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.greeted || c.adapters[st.publisher] >= st.seq {
		return
	}
	if c.enqueueLocked(out{pm: st.pm, kind: string(wire.TAdapters)}) {
		if c.adapters == nil {
			c.adapters = map[string]uint64{}
		}
		c.adapters[st.publisher] = st.seq
	}
}

// SignedAdapters is the body of POST /v1/adapters, the form the extension
// reads (extension/src/common/adapter-updates.js): the document and its
// signature in base64.
type SignedAdapters struct {
	Publisher string `json:"publisher"`
	Document  string `json:"document"`
	Sig       string `json:"sig"`
}

// AdaptersResult is the answer to POST /v1/adapters.
type AdaptersResult struct {
	Publisher string `json:"publisher"`
	Bytes     int    `json:"bytes"`
}

// maxAdaptersBody bounds the request: the document in base64, its
// signature, and room for the JSON around them.
const maxAdaptersBody = int64(bundle.MaxAdapters)*4/3 + 4<<10

func (s *Server) handleAdapters(w http.ResponseWriter, r *http.Request) {
	res, err := s.adaptersRequest(w, r)
	if err != nil {
		code := s.writeErr(w, "adapters", err)
		s.log.Warn("adapters refused", "code", code, "err", err)
		return
	}
	s.log.Info("adapters published", "publisher", res.Publisher, "bytes", res.Bytes)
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(res)
}

func (s *Server) adaptersRequest(w http.ResponseWriter, r *http.Request) (*AdaptersResult, error) {
	p, err := s.authenticate(r)
	if err != nil {
		return nil, err
	}
	if err := s.allowPublish(p); err != nil {
		return nil, err
	}
	data, err := readBody(w, r, maxAdaptersBody, "body")
	if err != nil {
		return nil, err
	}
	var in SignedAdapters
	if err := json.Unmarshal(data, &in); err != nil {
		return nil, apiErr(http.StatusBadRequest, wire.CodeBadMessage, "want JSON {\"publisher\", \"document\", \"sig\"}: %v", err)
	}
	doc, err := decodeBase64(in.Document)
	if err != nil {
		return nil, apiErr(http.StatusBadRequest, wire.CodeBadMessage, "document: %v", err)
	}
	sig, err := decodeBase64(in.Sig)
	if err != nil {
		return nil, apiErr(http.StatusBadRequest, wire.CodeBadMessage, "sig: %v", err)
	}
	return s.PublishAdapters(p, in.Publisher, doc, sig)
}

// decodeBase64 reads standard or URL-safe base64, padded or not, as the
// extension does.
func decodeBase64(s string) ([]byte, error) {
	s = strings.TrimRight(strings.TrimSpace(s), "=")
	s = strings.NewReplacer("-", "+", "_", "/").Replace(s)
	return base64.RawStdEncoding.DecodeString(s)
}

// PublishAdapters verifies an adapter document with publisher p's key,
// stores it durably as p's latest, and pushes it to every connection.
// Nothing is stored unless every check passes.
func (s *Server) PublishAdapters(p *store.Publisher, publisher string, doc, sig []byte) (*AdaptersResult, error) {
	if publisher != p.ID {
		return nil, apiErr(http.StatusForbidden, wire.CodeForbidden, "adapters of publisher %q, token of publisher %q", publisher, p.ID)
	}
	if !s.cfg.adapterPublisher(p.ID) {
		return nil, apiErr(http.StatusForbidden, wire.CodeForbidden, "publisher %q does not hold an adapter key: site adapters come from the publishers the operator names (-adapter-publishers)", p.ID)
	}
	if len(doc) > bundle.MaxAdapters {
		return nil, apiErr(http.StatusRequestEntityTooLarge, wire.CodeTooLarge, "adapter document of %d bytes, more than the limit of %d", len(doc), bundle.MaxAdapters)
	}
	key, err := bundle.ParsePublicKey(p.PublicKey)
	if err != nil {
		return nil, fmt.Errorf("publisher %q has a bad registered key: %w", p.ID, err)
	}
	if err := bundle.VerifyAdapters(doc, sig, key); err != nil {
		return nil, apiErr(http.StatusBadRequest, wire.CodeBadSignature, "%v", err)
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(doc, &obj); err != nil {
		return nil, apiErr(http.StatusBadRequest, wire.CodeBadMessage, "adapter document is not a JSON object: %v", err)
	}

	a := &store.Adapters{Publisher: p.ID, Document: doc, Sig: sig, Published: time.Now().Unix()}
	// Serialised with publishes, so the hub's order is the store's.
	s.pubMu.Lock()
	defer s.pubMu.Unlock()
	if err := s.store.PutAdapters(a); err != nil {
		return nil, storeErr(err)
	}
	s.pushAdapters(a)
	return &AdaptersResult{Publisher: p.ID, Bytes: len(doc)}, nil
}

// pushAdapters makes a the hub's document of its publisher and sends it
// to every connection, unless the hub holds it already.
func (s *Server) pushAdapters(a *store.Adapters) {
	s.applyMu.Lock()
	defer s.applyMu.Unlock()
	st := s.hub.setAdapters(a)
	if st == nil {
		return
	}
	for _, c := range s.hub.snapshotConns() {
		c.sendAdapters(st)
	}
}

// applyAdapters pushes a publisher's stored adapter document, stored by
// this node or another.
func (s *Server) applyAdapters(publisher string) error {
	if !s.cfg.adapterPublisher(publisher) {
		return nil
	}
	all, err := s.store.AllAdapters()
	if err != nil {
		return err
	}
	for i := range all {
		if all[i].Publisher == publisher {
			s.pushAdapters(&all[i])
		}
	}
	return nil
}

// loadAdapters makes the stored adapter documents the hub's.
func (s *Server) loadAdapters() error {
	all, err := s.store.AllAdapters()
	if err != nil {
		return fmt.Errorf("load adapters: %w", err)
	}
	for i := range all {
		// Documents of a publisher no longer named are kept but not sent.
		if s.cfg.adapterPublisher(all[i].Publisher) {
			s.hub.setAdapters(&all[i])
		}
	}
	return nil
}
