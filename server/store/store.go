// Records come from the store's own disk or a copy of it, but are still
// bounded on decode so a damaged file cannot make the server allocate
// without bound.
//msgp:limit arrays:100000 maps:32

package store

//go:generate go tool msgp -tests=false -unexported

import (
	"errors"
	"fmt"
)

// ErrNotFound says that a publisher, list or version does not exist.
var ErrNotFound = errors.New("not found")

// ErrStale says that a version is not above the latest of its list.
var ErrStale = errors.New("stale version")

// ErrUnavailable says that a write was not stored because the store
// could not be reached: nothing was acknowledged, and the write may be
// tried again.
var ErrUnavailable = errors.New("store unavailable")

// Publisher is a registered publisher (an NGO). Its API token is kept only
// as a SHA-256 hash.
type Publisher struct {
	ID   string `msg:"id" json:"id"`
	Name string `msg:"name" json:"name"`
	// PublicKey is the publisher's Ed25519 key as bundle.FormatPublicKey
	// writes it.
	PublicKey string `msg:"public_key" json:"public_key"`
	TokenHash []byte `msg:"token_hash" json:"-"`
	Created   int64  `msg:"created" json:"created"`
}

// ListInfo describes a list at its latest version.
type ListInfo struct {
	Publisher   string   `msg:"publisher" json:"publisher"`
	List        string   `msg:"list" json:"list"`
	Name        string   `msg:"name" json:"name"`
	Description string   `msg:"description" json:"description"`
	Langs       []string `msg:"langs" json:"langs"`
	Demo        bool     `msg:"demo" json:"demo"`
	Latest      uint64   `msg:"latest" json:"latest"`
	Published   int64    `msg:"published" json:"published"` // Unix seconds
}

// Version is one stored version of a list.
type Version struct {
	Publisher string `msg:"publisher" json:"publisher"`
	List      string `msg:"list" json:"list"`
	Version   uint64 `msg:"version" json:"version"`
	Published int64  `msg:"published" json:"published"` // Unix seconds
	// RollbackOf is the older version whose content this one restores, or 0.
	RollbackOf uint64 `msg:"rollback_of" json:"rollback_of,omitempty"`
	// Bundle is the signed bundle as the publisher sent it
	// (bundle.Bundle.Encode); History leaves it empty.
	Bundle []byte `msg:"bundle,limit=8388608" json:"-"` // bundle.MaxSize
}

// Adapters is a publisher's latest signed site-adapter document
// (bundle.SignAdapters), kept as the publisher sent it.
type Adapters struct {
	Publisher string `msg:"publisher" json:"publisher"`
	Document  []byte `msg:"document" json:"-"`
	Sig       []byte `msg:"sig" json:"-"`
	Published int64  `msg:"published" json:"published"` // Unix seconds
}

// Reader is what serving clients needs of a store.
type Reader interface {
	// Publisher returns the publisher with this ID, or ErrNotFound.
	Publisher(id string) (*Publisher, error)
	// Publishers returns every publisher, ordered by ID.
	Publishers() ([]Publisher, error)
	// Lists returns every list that has a version, ordered by publisher
	// and list ID.
	Lists() ([]ListInfo, error)
	// Version returns one version of a list with its bundle; version 0
	// means the latest. It returns ErrNotFound for an unknown list or
	// version.
	Version(publisher, list string, version uint64) (*Version, error)
	// History returns every version of a list, oldest first, without
	// bundles.
	History(publisher, list string) ([]Version, error)
}

// Store is a Reader that also records publishers and versions. Writes are
// durable when they return: a version acknowledged to a publisher survives
// a crash of the server.
type Store interface {
	Reader
	// PutPublisher registers a publisher, or replaces one with the same
	// ID (a new key or token).
	PutPublisher(p *Publisher) error
	// Append stores v as the new latest version of its list, described by
	// info (whose Latest must be v.Version). It returns an error wrapping
	// ErrStale, and stores nothing, if v.Version is not above the list's
	// latest version.
	Append(v *Version, info *ListInfo) error
	// PutAdapters stores a as its publisher's adapter document, replacing
	// the previous one.
	PutAdapters(a *Adapters) error
	// AllAdapters returns every publisher's adapter document, ordered by
	// publisher.
	AllAdapters() ([]Adapters, error)
	// Watch delivers every change from now on, made here or by another
	// process sharing the store, after reads reflect it, until stop is
	// called. A watcher must keep reading until then: the store waits
	// for it.
	Watch() (changes <-chan Change, stop func())
	// Health returns nil while writes can be stored, or why they cannot.
	Health() error
	Close() error
}

// Key names a list within the store: "publisher/list". Publisher and list
// IDs cannot contain '/' (rules validation allows [a-z0-9._-]).
func Key(publisher, list string) string { return publisher + "/" + list }

// CheckAppend checks the arguments of Append that do not depend on what
// is stored, so every implementation refuses the same things.
func CheckAppend(v *Version, info *ListInfo) error {
	switch {
	case v.Publisher == "" || v.List == "":
		return fmt.Errorf("append: version without publisher or list")
	case info.Publisher != v.Publisher || info.List != v.List || info.Latest != v.Version:
		return fmt.Errorf("append %s v%d: list info says %s v%d", Key(v.Publisher, v.List), v.Version, Key(info.Publisher, info.List), info.Latest)
	case v.Version == 0:
		return fmt.Errorf("append %s: version 0: %w", Key(v.Publisher, v.List), ErrStale)
	case len(v.Bundle) == 0:
		return fmt.Errorf("append %s v%d: empty bundle", Key(v.Publisher, v.List), v.Version)
	}
	return nil
}

// publisherSet and listSet are the records of a flat snapshot.
type publisherSet struct {
	Publishers []Publisher `msg:"publishers"`
}

type listSet struct {
	Lists []ListInfo `msg:"lists"`
}

type history struct {
	Versions []Version `msg:"versions"`
}
