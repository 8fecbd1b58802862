package engine

import (
	"bytes"
	"encoding/binary"
	"encoding/hex"
	"errors"

	"github.com/cespare/xxhash/v2"

	"voile/shared/match"
)

// The start-up cache. Opening the stored lists validates each of them and
// compiling them expands their patterns into thousands of phrases: most of
// the time from start to first verdict. ExportCache saves what that work
// produced, and a later instance of the same build starts from it
// (RestoreCache before loading the bundles):
//
//   - bundles whose signature is in the cache were validated when first
//     opened, on this device: they are opened without validating again, but
//     their signatures are checked as always;
//   - if the lists loaded are those of the cache, with the same signatures
//     in the same order, the compiled automaton is imported instead of
//     compiled.
//
// A cache is refused whole unless its checksum matches its bytes and it was
// made by this very build (the build id of voile.wasm: another build may
// compile the same lists differently, and lays the automaton out in memory
// its own way); the automaton is used only for exactly the lists it was
// compiled from. Anything refused is compiled from the bundles as if there
// were no cache.
//
// The automaton is its memory image (match.Engine.AppendImage), which
// match.LoadImage uses in place without a loop over its states: a
// portable export checked index by index cost 90 to 180 ms of the first
// verdict in WebAssembly. LoadImage trusts the
// values of the arrays, so the checksum is what stands between a damaged
// cache and a wrong automaton.
//
// Format: magic, build, the signatures of the loaded bundles in load order,
// the length of the image (eight bytes, little-endian, so that the image
// is written in place before its length is known), zeros up to a multiple
// of eight bytes, the image
// (so that LoadImage can use its arrays in place), then the XXH64 of all
// that, little-endian. The checksum is for damage, which it detects but
// for a chance of 2^-64; it is no defence against whoever can write the
// extension's storage, who could as well change its code. It is on the
// way to the first verdict, over megabytes: XXH64 reads 32 bytes a round
// with four multiplications, where the CRC-64 it replaces cost 10-22 ms in
// wasm for 1.7 MB, a table look-up per byte.

var cacheMagic = [8]byte{'v', 'o', 'i', 'l', 'e', 'c', 0, 4}

// cache is what RestoreCache accepted. It stays for the life of the
// engine: lists unloaded and loaded again use it again.
type cache struct {
	sigs     [][]byte // in load order
	compiled []byte   // match.Engine.AppendImage
}

// SetBuild names the build of the running classifier, which keys the
// cache; with none, there is no cache.
func (e *Engine) SetBuild(build string) { e.build = build }

// CacheKey returns a digest of the build and of the signatures of the
// loaded bundles, in load order: what a cache made now would be for.
//
// It is their XXH64, not a cryptographic hash: the key only tells the
// extension whether the stored cache may already be the one a save would
// write (extension/src/host/host.js, saveCache), and nothing is trusted
// for it: RestoreCache checks the build and the checksum, and the
// automaton is used only for the very signatures the cache lists. Keys
// alike by chance (2^-64) would at worst leave a stale cache stored, which
// the next start refuses and compiles anew. A SHA-256 here linked the
// standard library's FIPS 140 module into voile.wasm (see
// shared/bundle/verify.go).
func (e *Engine) CacheKey() string {
	h := xxhash.New()
	h.Write([]byte(e.build))
	for _, ld := range e.loaded {
		h.Write(binary.AppendUvarint(nil, uint64(len(ld.bundle.Sig))))
		h.Write(ld.bundle.Sig)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// CacheUsed reports whether the lists in use were compiled from the cache
// rather than from the bundles: a cache is then up to date.
func (e *Engine) CacheUsed() bool { return e.fromCache && e.cls != nil }

// ExportCache compiles the loaded lists if need be and returns the cache
// of this build for them.
func (e *Engine) ExportCache() ([]byte, error) {
	if e.build == "" {
		return nil, errors.New("export cache: the classifier's build is unknown")
	}
	if _, err := e.classifier(); err != nil {
		return nil, err
	}
	// One buffer of the right size, the image written in place: it is
	// megabytes, and in WebAssembly memory once grown stays the program's.
	size := len(cacheMagic) + binary.MaxVarintLen64 + len(e.build) + binary.MaxVarintLen64 + 8 + 8 + e.matcher.ImageSize() + 8
	for _, ld := range e.loaded {
		size += binary.MaxVarintLen64 + len(ld.bundle.Sig)
	}
	out := append(make([]byte, 0, size), cacheMagic[:]...)
	out = appendBytes(out, []byte(e.build))
	out = binary.AppendUvarint(out, uint64(len(e.loaded)))
	for _, ld := range e.loaded {
		out = appendBytes(out, ld.bundle.Sig)
	}
	at := len(out)
	out = binary.LittleEndian.AppendUint64(out, 0) // the image's length, once known
	out = append(out, make([]byte, pad8(len(out)))...)
	start := len(out)
	out = e.matcher.AppendImage(out)
	binary.LittleEndian.PutUint64(out[at:], uint64(len(out)-start))
	return binary.LittleEndian.AppendUint64(out, digest(out)), nil
}

// RestoreCache checks a cache that ExportCache made and, if it is sound
// and of this build, uses it for the bundles loaded from then on. It is
// meant to be called once, before the stored bundles are loaded. On error,
// nothing changes.
func (e *Engine) RestoreCache(data []byte) error {
	c, err := e.readCache(data)
	if err != nil {
		return errors.New("restore cache: " + err.Error())
	}
	e.cache = c
	e.validated = make(map[string]bool, len(c.sigs))
	for _, s := range c.sigs {
		e.validated[string(s)] = true
	}
	return nil
}

func (e *Engine) readCache(data []byte) (*cache, error) {
	if e.build == "" {
		return nil, errors.New("the classifier's build is unknown")
	}
	if len(data) < len(cacheMagic)+8 || !bytes.Equal(data[:len(cacheMagic)], cacheMagic[:]) {
		return nil, errors.New("not a cache of this format")
	}
	body := data[:len(data)-8]
	if digest(body) != binary.LittleEndian.Uint64(data[len(body):]) {
		return nil, errors.New("damaged: its checksum does not match")
	}
	r := cacheReader{b: body[len(cacheMagic):]}
	if build := r.bytes(); r.err == nil && string(build) != e.build {
		return nil, errors.New("made by another build of the classifier")
	}
	c := &cache{}
	n := r.uvarint()
	for i := uint64(0); i < n && r.err == nil; i++ {
		c.sigs = append(c.sigs, r.bytes())
	}
	c.compiled = r.aligned(len(body))
	if r.err == nil && len(r.b) != 0 {
		r.err = errors.New("trailing bytes")
	}
	if r.err != nil {
		return nil, r.err
	}
	return c, nil
}

// cacheFits reports whether the next verdict is to load the compiled lists
// from the restored cache rather than compile them: the lists are not
// compiled yet, and the cache is for the loaded lists, with the same
// signatures in the same order.
func (e *Engine) cacheFits() bool {
	return e.cacheAhead() && len(e.cache.sigs) == len(e.loaded)
}

// cacheAhead reports whether the start is on its way to using the
// restored cache: the lists are not compiled yet, and those loaded are the
// first of the cache's, in its order. Then every list loaded so far was
// opened without validation, and cacheFits once the rest are loaded.
func (e *Engine) cacheAhead() bool {
	c := e.cache
	if e.cls != nil || c == nil || len(e.loaded) > len(c.sigs) {
		return false
	}
	for i, ld := range e.loaded {
		if !bytes.Equal(ld.bundle.Sig, c.sigs[i]) {
			return false
		}
	}
	return true
}

// fromCacheFor returns the compiled lists of the cache if they are for the
// loaded lists, or nil.
func (e *Engine) fromCacheFor() *match.Engine {
	if !e.cacheFits() {
		return nil
	}
	c := e.cache
	// An image LoadImage refuses is compiled again from the lists: the
	// reason is of no use to the reader.
	m, err := match.LoadImage(c.compiled, e.lists()...)
	if err != nil {
		return nil
	}
	return m
}

// digest returns the XXH64 of b, hashed a block at a time: in
// WebAssembly a function runs in the engine's baseline tier until it is
// called again after being optimised, and one call over megabytes would
// never leave it. A call per block lets the hashing loop be optimised
// after a few blocks: in node, 2 to 2.6 ms for 8 MB against 8 to 9.5 ms
// in one call.
func digest(b []byte) uint64 {
	const block = 64 << 10
	d := xxhash.New()
	for len(b) > block {
		d.Write(b[:block])
		b = b[block:]
	}
	d.Write(b)
	return d.Sum64()
}

// pad8 returns how many bytes take n to a multiple of eight.
func pad8(n int) int { return -n & 7 }

func appendBytes(dst, b []byte) []byte {
	return append(binary.AppendUvarint(dst, uint64(len(b))), b...)
}

type cacheReader struct {
	b   []byte
	err error
}

func (r *cacheReader) uvarint() uint64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.err = errors.New("truncated")
		return 0
	}
	r.b = r.b[n:]
	return v
}

// aligned reads a length (eight bytes, little-endian), zeros to a multiple
// of eight bytes from the start of the cache, whose body has size bytes,
// then that many bytes.
func (r *cacheReader) aligned(size int) []byte {
	if r.err == nil && len(r.b) < 8 {
		r.err = errors.New("truncated")
	}
	if r.err != nil {
		return nil
	}
	n := binary.LittleEndian.Uint64(r.b)
	r.b = r.b[8:]
	pad := pad8(size - len(r.b))
	if pad > len(r.b) || !bytes.Equal(r.b[:pad], make([]byte, pad)) {
		r.err = errors.New("bad padding before the compiled lists")
		return nil
	}
	r.b = r.b[pad:]
	if n > uint64(len(r.b)) {
		r.err = errors.New("truncated")
		return nil
	}
	out := r.b[:n:n]
	r.b = r.b[n:]
	return out
}

func (r *cacheReader) bytes() []byte {
	n := r.uvarint()
	if r.err != nil || n > uint64(len(r.b)) {
		r.err = errors.New("truncated")
		return nil
	}
	out := r.b[:n:n]
	r.b = r.b[n:]
	return out
}
