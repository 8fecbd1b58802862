// Arrays and maps are bounded on decode, so a hostile peer cannot make the
// other side allocate without bound: 100000 covers the delta operations of
// the largest list (rules.MaxRules rules) and every other array is far
// smaller.
//msgp:limit arrays:100000 maps:32

package wire

import (
	"voile/shared/bundle"
)

//go:generate go tool msgp -tests=false

// Proto is the protocol version this package speaks. A peer that speaks
// another version is answered with CodeProto.
const Proto = 1

// MaxMessage bounds one encoded message: the largest bundle plus room for
// the envelope. Both sides refuse larger frames before decoding them.
const MaxMessage = bundle.MaxSize + 64<<10

// Type names what a message carries.
type Type string

// The message types. Hello goes from client to server; the others from
// server to client.
const (
	// THello is a client's subscription: the lists it follows and the
	// versions it holds. A client may send it again at any time to change
	// what it follows; each hello replaces the previous one.
	THello Type = "hello"
	// TCatalog lists the lists the server carries, with their publisher's
	// public key: over a WebSocket, one message per publisher.
	TCatalog Type = "catalog"
	// TSnapshot is a whole signed list version.
	TSnapshot Type = "snapshot"
	// TDelta is a list version as the difference from a version the client
	// holds.
	TDelta Type = "delta"
	// TSynced ends the answer to a hello: every followed list is now at
	// the version it names. Live updates follow it.
	TSynced Type = "synced"
	// TError reports a problem; see the Code constants.
	TError Type = "error"
	// TAdapters is a publisher's signed site-adapter document, sent after
	// each hello for every publisher that has one and pushed live when a
	// publisher replaces it.
	TAdapters Type = "adapters"
)

// Message is the envelope of every frame: the protocol version, the type,
// and exactly the one body that the type names.
type Message struct {
	Proto    uint32    `msg:"proto"`
	Type     Type      `msg:"type"`
	Hello    *Hello    `msg:"hello,omitempty"`
	Catalog  *Catalog  `msg:"catalog,omitempty"`
	Snapshot *Snapshot `msg:"snapshot,omitempty"`
	Delta    *Delta    `msg:"delta,omitempty"`
	Synced   *Synced   `msg:"synced,omitempty"`
	Error    *Error    `msg:"error,omitempty"`
	Adapters *Adapters `msg:"adapters,omitempty"`
}

// ListRef names one list: lists are named within their publisher.
type ListRef struct {
	Publisher string `msg:"publisher" json:"publisher"`
	List      string `msg:"list" json:"list"`
}

// Held is a list version a client has, and so can take deltas against.
type Held struct {
	Publisher string `msg:"publisher" json:"publisher"`
	List      string `msg:"list" json:"list"`
	Version   uint64 `msg:"version" json:"version"`
}

// MaxFollow bounds the lists one hello may follow.
const MaxFollow = 256

// Hello is the client's subscription. The server answers with a snapshot
// or a delta for each followed list the client does not hold at its latest
// version, then a Synced, then pushes every new version of those lists.
// Held entries for lists not followed are ignored. A hello with no Follow
// asks for the catalog alone.
type Hello struct {
	Follow []ListRef `msg:"follow"`
	Held   []Held    `msg:"held"`
}

// Entry describes one list the server carries.
type Entry struct {
	Publisher string `msg:"publisher" json:"publisher"`
	// PublisherName is the publisher's readable name, for display.
	PublisherName string `msg:"publisher_name" json:"publisher_name"`
	// PublicKey is the publisher's Ed25519 key as bundle.FormatPublicKey
	// writes it. A client pins it the first time and never lets the server
	// replace a pinned key.
	PublicKey   string   `msg:"public_key" json:"public_key"`
	List        string   `msg:"list" json:"list"`
	Name        string   `msg:"name" json:"name"`
	Description string   `msg:"description" json:"description"`
	Langs       []string `msg:"langs" json:"langs"`
	Demo        bool     `msg:"demo" json:"demo"`
	// Version is the latest published version.
	Version uint64 `msg:"version" json:"version"`
	// Published is when Version was stored, in Unix seconds.
	Published int64 `msg:"published" json:"published"`
}

// Catalog is the lists the server carries. Over a WebSocket it comes one
// publisher at a time, so that no publisher's lists can make a catalog
// message outgrow MaxMessage or crowd out another's: Publisher names
// whose lists these are, and they replace what the client knew of that
// publisher's lists. More is true while further catalog messages of the
// same answer follow; a client acts on the catalog it has put together
// when one arrives with More false. A catalog with no Publisher (as
// GET /v1/catalog serves it) is every list, and replaces everything.
type Catalog struct {
	Lists     []Entry `msg:"lists" json:"lists"`
	Publisher string  `msg:"publisher,omitempty" json:"publisher,omitempty"`
	More      bool    `msg:"more,omitempty" json:"more,omitempty"`
}

// Snapshot carries a whole signed list version.
type Snapshot struct {
	Bundle bundle.Bundle `msg:"bundle"`
	// Live is true when the version was pushed after the client was
	// synced, false when it answers a hello.
	Live bool `msg:"live"`
}

// Op is one step of rebuilding a list's encoding from its base: either a
// copy of Len bytes of the base starting at Off (Data empty), or the
// literal bytes Data (Off and Len zero).
type Op struct {
	Off  uint32 `msg:"o"`
	Len  uint32 `msg:"n"`
	Data []byte `msg:"d,limit=8388608"` // bundle.MaxSize: one literal may be a whole list
}

// Delta carries list version Version as the difference from version From
// of the same list, with the publisher's signature of the new version.
// Delta.Apply rebuilds the new bundle; the client then opens it with the
// publisher's key like any bundle.
type Delta struct {
	Publisher string `msg:"publisher"`
	List      string `msg:"list"`
	From      uint64 `msg:"from"`
	Version   uint64 `msg:"version"`
	// Size is the length of the rebuilt list encoding.
	Size uint32 `msg:"size"`
	Ops  []Op   `msg:"ops"`
	Sig  []byte `msg:"sig"`
	Live bool   `msg:"live"`
}

// Synced ends the answer to a hello, naming the version the client now
// holds of each followed list (0 for a followed list without versions).
type Synced struct {
	Lists []Held `msg:"lists"`
}

// Adapters is a publisher's latest site-adapter document (the JSON the
// extension reads as its adapters, as bytes) with the publisher's Ed25519
// signature over "voile adapters v1\x00" followed by Document
// (bundle.VerifyAdapters). The server relays it as the publisher signed
// it; a client verifies it with the publisher's pinned key before use.
type Adapters struct {
	Publisher string `msg:"publisher"`
	Document  []byte `msg:"document"`
	Sig       []byte `msg:"sig"`
}

// Error is a problem the peer caused or met. Codes are stable and meant
// for programs; messages are for people and may change.
type Error struct {
	Code    string `msg:"code" json:"code"`
	Message string `msg:"message" json:"message"`
}

// Error codes, shared by the WebSocket protocol and the HTTP API.
const (
	CodeBadMessage   = "bad_message" // undecodable or inconsistent message
	CodeProto        = "unsupported_protocol"
	CodeTooLarge     = "too_large"     // message or body over the size limit
	CodeUnknownList  = "unknown_list"  // no such publisher or list
	CodeBadSignature = "bad_signature" // bundle not signed by the publisher's key
	CodeStale        = "stale_version" // version not above the latest published
	CodeInvalidList  = "invalid_list"  // list fails rules validation
	CodeUnauthorized = "unauthorized"  // missing or bad API token
	CodeForbidden    = "forbidden"     // token does not allow this (another publisher's list)
	CodeOrigin       = "bad_origin"    // browser Origin not allowed
	CodeRateLimited  = "rate_limited"  // too many publishes or connections
	CodeTooMany      = "too_many"      // a publisher's lists over the limit
	CodeSlowClient   = "slow_client"   // send queue full: the client did not keep up
	CodeTimeout      = "timeout"       // handshake or idle timeout
	CodeUnavailable  = "unavailable"   // the server is shutting down
	CodeInternal     = "internal"      // the server failed; nothing was changed
)

func (e *Error) Error() string { return e.Code + ": " + e.Message }
