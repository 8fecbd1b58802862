package store

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
)

// A flat snapshot is a store's content as key-value pairs, for key-value
// stores that are read at the edge (Cloudflare KV): "publishers" and
// "lists" hold every publisher (without token hashes) and list,
// "history/P/L" a list's versions and "version/P/L/N" each version with its
// bundle.

func flatHistoryKey(publisher, list string) string { return "history/" + Key(publisher, list) }

func flatVersionKey(publisher, list string, v uint64) string {
	return "version/" + Key(publisher, list) + "/" + strconv.FormatUint(v, 10)
}

// Export returns the flat snapshot of everything r holds. Token hashes are
// left out: the edge only serves, and needs no secret.
func Export(r Reader) (map[string][]byte, error) {
	out := map[string][]byte{}
	pubs, err := r.Publishers()
	if err != nil {
		return nil, err
	}
	for i := range pubs {
		pubs[i].TokenHash = nil
	}
	if out["publishers"], err = (&publisherSet{Publishers: pubs}).MarshalMsg(nil); err != nil {
		return nil, err
	}
	lists, err := r.Lists()
	if err != nil {
		return nil, err
	}
	if out["lists"], err = (&listSet{Lists: lists}).MarshalMsg(nil); err != nil {
		return nil, err
	}
	for _, l := range lists {
		h, err := r.History(l.Publisher, l.List)
		if err != nil {
			return nil, err
		}
		if out[flatHistoryKey(l.Publisher, l.List)], err = (&history{Versions: h}).MarshalMsg(nil); err != nil {
			return nil, err
		}
		for _, hv := range h {
			v, err := r.Version(l.Publisher, l.List, hv.Version)
			if err != nil {
				return nil, err
			}
			if out[flatVersionKey(l.Publisher, l.List, v.Version)], err = v.MarshalMsg(nil); err != nil {
				return nil, err
			}
		}
	}
	return out, nil
}

// Flat is a Reader over a flat snapshot. Get returns the value of a key,
// or an error wrapping ErrNotFound when there is none.
type Flat struct {
	Get func(key string) ([]byte, error)
}

type msg interface {
	UnmarshalMsg([]byte) ([]byte, error)
}

func (f Flat) load(key string, into msg) error {
	b, err := f.Get(key)
	if err != nil {
		return err
	}
	if _, err := into.UnmarshalMsg(b); err != nil {
		return fmt.Errorf("snapshot key %q: %w", key, err)
	}
	return nil
}

func (f Flat) Publishers() ([]Publisher, error) {
	var s publisherSet
	if err := f.load("publishers", &s); err != nil && !errors.Is(err, ErrNotFound) {
		return nil, err
	}
	sort.Slice(s.Publishers, func(i, j int) bool { return s.Publishers[i].ID < s.Publishers[j].ID })
	return s.Publishers, nil
}

func (f Flat) Publisher(id string) (*Publisher, error) {
	pubs, err := f.Publishers()
	if err != nil {
		return nil, err
	}
	for i := range pubs {
		if pubs[i].ID == id {
			return &pubs[i], nil
		}
	}
	return nil, fmt.Errorf("publisher %q: %w", id, ErrNotFound)
}

func (f Flat) Lists() ([]ListInfo, error) {
	var s listSet
	if err := f.load("lists", &s); err != nil && !errors.Is(err, ErrNotFound) {
		return nil, err
	}
	return s.Lists, nil
}

func (f Flat) Version(publisher, list string, version uint64) (*Version, error) {
	if version == 0 {
		lists, err := f.Lists()
		if err != nil {
			return nil, err
		}
		for _, l := range lists {
			if l.Publisher == publisher && l.List == list {
				version = l.Latest
			}
		}
		if version == 0 {
			return nil, fmt.Errorf("list %s: %w", Key(publisher, list), ErrNotFound)
		}
	}
	var v Version
	if err := f.load(flatVersionKey(publisher, list, version), &v); err != nil {
		return nil, fmt.Errorf("list %s version %d: %w", Key(publisher, list), version, err)
	}
	return &v, nil
}

func (f Flat) History(publisher, list string) ([]Version, error) {
	var h history
	if err := f.load(flatHistoryKey(publisher, list), &h); err != nil {
		return nil, fmt.Errorf("list %s: %w", Key(publisher, list), err)
	}
	return h.Versions, nil
}
