package engine

import (
	"errors"
	"slices"
	"sort"
	"strconv"
	"strings"

	"voile/shared/bundle"
	"voile/shared/wire"
)

// catalogEntry is what the engine keeps of a catalog: enough to name a
// list by its id alone.
type catalogEntry struct {
	publisher, list string
}

// Hello returns the encoded hello message of the sync protocol
// (server/PROTOCOL.md). held maps lists to the versions the client holds;
// follow names the lists to follow: nil means every list of the last
// catalog decoded, and an empty follow, like nil before any catalog, none,
// which asks the server for its catalog alone. Lists are named
// "publisher/list", or by their id alone when a loaded list or the last
// catalog says whose it is.
func (e *Engine) Hello(held map[string]uint64, follow []string) ([]byte, error) {
	var refs []wire.ListRef
	if follow == nil {
		for _, c := range e.catalog {
			refs = append(refs, wire.ListRef{Publisher: c.publisher, List: c.list})
		}
	}
	for _, id := range follow {
		ref, err := e.resolve(id)
		if err != nil {
			return nil, errors.New("hello: follow: " + err.Error())
		}
		refs = append(refs, ref)
	}
	if len(refs) > wire.MaxFollow {
		return nil, errors.New("hello: following " + strconv.Itoa(len(refs)) + " lists, more than the limit of " + strconv.Itoa(wire.MaxFollow))
	}
	ids := make([]string, 0, len(held))
	for id := range held {
		ids = append(ids, id)
	}
	sort.Strings(ids) // the same call encodes to the same bytes
	hs := make([]wire.Held, 0, len(held))
	for _, id := range ids {
		ref, err := e.resolve(id)
		if err != nil {
			return nil, errors.New("hello: held: " + err.Error())
		}
		hs = append(hs, wire.Held{Publisher: ref.Publisher, List: ref.List, Version: held[id]})
	}
	return wire.NewHello(refs, hs).Encode(), nil
}

// resolve names a list as "publisher/list" or by an id that the loaded
// lists and the last catalog give one publisher.
func (e *Engine) resolve(id string) (wire.ListRef, error) {
	if pub, list, ok := strings.Cut(id, "/"); ok {
		if pub == "" || list == "" || strings.Contains(list, "/") {
			return wire.ListRef{}, errors.New("list " + strconv.Quote(id) + ": want \"publisher/list\" or a list id")
		}
		return wire.ListRef{Publisher: pub, List: list}, nil
	}
	var found []string
	add := func(pub string) {
		if !slices.Contains(found, pub) {
			found = append(found, pub)
		}
	}
	for _, ld := range e.loaded {
		if ld.list.ID == id {
			add(ld.list.Publisher)
		}
	}
	for _, c := range e.catalog {
		if c.list == id {
			add(c.publisher)
		}
	}
	switch len(found) {
	case 0:
		return wire.ListRef{}, errors.New("list " + strconv.Quote(id) + " is neither loaded nor in the last catalog: name it as \"publisher/list\"")
	case 1:
		return wire.ListRef{Publisher: found[0], List: id}, nil
	}
	return wire.ListRef{}, errors.New("list " + strconv.Quote(id) + " is published by " + strings.Join(found, " and ") + ": name it as \"publisher/list\"")
}

// DecodeMessage decodes a message of the sync protocol into plain values
// for JavaScript: maps with string keys (a catalog entry's are the wire's
// own names, the json tags of wire.Entry, so the extension spells them
// as the protocol does), slices of them, strings, numbers,
// booleans and []byte for bundles and adapter documents. A catalog is remembered, so that later
// hellos can name its lists by id; one that names a publisher replaces
// that publisher's lists only, and says so in "publisher", with "more"
// true when other catalog messages of the same answer follow. A delta is applied to the loaded
// version it starts from: its "bundle" is the rebuilt bundle's encoding,
// still to be verified by Load, or nil with the reason in "error".
func (e *Engine) DecodeMessage(data []byte) (map[string]any, error) {
	m, err := wire.Decode(data)
	if err != nil {
		return nil, errors.New("decode message: " + err.Error())
	}
	out := map[string]any{"type": string(m.Type)}
	switch m.Type {
	case wire.THello:
		follow := make([]any, len(m.Hello.Follow))
		for i, f := range m.Hello.Follow {
			follow[i] = map[string]any{"publisher": f.Publisher, "list": f.List}
		}
		out["follow"] = follow
		out["held"] = heldValues(m.Hello.Held)
	case wire.TCatalog:
		lists := make([]any, len(m.Catalog.Lists))
		cat := make([]catalogEntry, len(m.Catalog.Lists))
		for i, c := range m.Catalog.Lists {
			langs := make([]any, len(c.Langs))
			for j, l := range c.Langs {
				langs[j] = l
			}
			lists[i] = map[string]any{
				"publisher": c.Publisher, "publisher_name": c.PublisherName, "public_key": c.PublicKey,
				"list": c.List, "name": c.Name, "description": c.Description, "langs": langs,
				"demo": c.Demo, "version": c.Version, "published": c.Published,
			}
			cat[i] = catalogEntry{publisher: c.Publisher, list: c.List}
		}
		out["lists"] = lists
		out["publisher"], out["more"] = m.Catalog.Publisher, m.Catalog.More
		if p := m.Catalog.Publisher; p != "" {
			// One publisher's lists: they replace that publisher's alone.
			for _, c := range e.catalog {
				if c.publisher != p {
					cat = append(cat, c)
				}
			}
		}
		e.catalog = cat
	case wire.TSnapshot:
		b := &m.Snapshot.Bundle
		out["publisher"], out["list"], out["version"] = b.Publisher, b.ListID, b.Version
		out["live"] = m.Snapshot.Live
		out["bundle"] = b.Encode()
	case wire.TDelta:
		d := m.Delta
		out["publisher"], out["list"], out["from"], out["version"] = d.Publisher, d.List, d.From, d.Version
		out["live"] = d.Live
		if b, err := e.applyDelta(d); err != nil {
			out["bundle"], out["error"] = nil, err.Error()
		} else {
			out["bundle"] = b.Encode()
		}
	case wire.TSynced:
		out["lists"] = heldValues(m.Synced.Lists)
	case wire.TError:
		out["code"], out["message"] = m.Error.Code, m.Error.Message
	case wire.TAdapters:
		// Passed on as signed: the extension verifies the signature with
		// the publisher's pinned key (extension/src/common/adapter-updates.js).
		a := m.Adapters
		out["publisher"], out["document"], out["sig"] = a.Publisher, a.Document, a.Sig
	}
	return out, nil
}

func heldValues(hs []wire.Held) []any {
	out := make([]any, len(hs))
	for i, h := range hs {
		out[i] = map[string]any{"publisher": h.Publisher, "list": h.List, "version": h.Version}
	}
	return out
}

// applyDelta rebuilds a delta's bundle from the loaded version it starts
// from.
func (e *Engine) applyDelta(d *wire.Delta) (*bundle.Bundle, error) {
	i := e.find(d.Publisher, d.List)
	if i < 0 {
		return nil, errors.New("delta for " + d.Publisher + "/" + d.List + " from version " + strconv.FormatUint(d.From, 10) + ": the list is not loaded")
	}
	return d.Apply(e.loaded[i].bundle)
}
