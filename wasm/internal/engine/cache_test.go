//go:build !(js && wasm)

// The demo lists are parsed from YAML, which the js/wasm build leaves out;
// wasm/test drives the same checks through voile.js on the built voile.wasm.

package engine

import (
	"bytes"
	"encoding/binary"
	"reflect"
	"strings"
	"testing"

	"github.com/cespare/xxhash/v2"

	"voile/shared/demo"
	"voile/shared/eval"
	"voile/shared/rules"
	"voile/wasm/internal/testlists"
)

const testBuild = "build-1"

// cacheFixture is a publisher, the bundles of the demo lists and of a
// small list with a term and a pattern, and posts.
type cacheFixture struct {
	pub     *testlists.Publisher
	bundles [][]byte
	texts   []string
}

func newCacheFixture(t *testing.T) *cacheFixture {
	t.Helper()
	f := &cacheFixture{pub: testlists.NewPublisher("voile-demo")}
	lists, err := demo.Lists()
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range lists {
		l.Publisher = f.pub.ID
		f.bundles = append(f.bundles, f.pub.Sign(l))
	}
	f.bundles = append(f.bundles, f.pub.Sign(f.pub.List("small", 1,
		testlists.Term("slur", "vermin", rules.Racism, 0.9, "vermin control"),
		testlists.Pattern("num", `\b14 ?88\b`, rules.Antisemitism, 0.8),
	)))
	f.texts = []string{"they are vermin", "vermin control works", "1488 forever", "14 88", "musliminvaders", "muslms go home"}
	for _, name := range []string{"../../../shared/demo/testdata/examples.jsonl", "../../../shared/eval/testdata/suite-en.jsonl", "../../../shared/eval/testdata/suite-fr.jsonl"} {
		cases, err := eval.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range cases {
			f.texts = append(f.texts, c.Text)
		}
	}
	return f
}

// start returns an engine of build that restored cache (if any) and
// loaded bundles, with the error of RestoreCache.
func (f *cacheFixture) start(t *testing.T, build string, cache []byte, bundles ...[]byte) (*Engine, error) {
	t.Helper()
	e := New()
	e.SetBuild(build)
	if err := e.Trust(f.pub.ID, f.pub.Public); err != nil {
		t.Fatal(err)
	}
	var err error
	if cache != nil {
		err = e.RestoreCache(cache)
	}
	for _, b := range bundles {
		mustLoad(t, e, b)
	}
	return e, err
}

func (f *cacheFixture) verdicts(t *testing.T, e *Engine) []Verdict {
	t.Helper()
	return classify(t, e, &Request{Sensitivity: 0.5, Texts: f.texts})
}

func TestCacheGivesTheSameVerdicts(t *testing.T) {
	f := newCacheFixture(t)
	fresh, _ := f.start(t, testBuild, nil, f.bundles...)
	want := f.verdicts(t, fresh)
	if fresh.CacheUsed() {
		t.Error("no cache, yet CacheUsed")
	}
	cache, err := fresh.ExportCache()
	if err != nil {
		t.Fatal(err)
	}
	// Written into one buffer of its size, not grown: megabytes of
	// WebAssembly memory once grown stay the program's.
	if cap(cache) > len(cache)+64 {
		t.Errorf("a cache of %d bytes in a buffer of %d", len(cache), cap(cache))
	}
	flagged := 0
	for _, v := range want {
		if v.Flagged {
			flagged++
		}
	}
	if flagged < 50 {
		t.Fatalf("%d of %d posts flagged: the test checks too little", flagged, len(want))
	}

	e, err := f.start(t, testBuild, cache, f.bundles...)
	if err != nil {
		t.Fatal(err)
	}
	if !e.cacheFits() || !e.cacheAhead() {
		t.Error("cacheFits or cacheAhead is false for the lists of the cache, before the first verdict")
	}
	if got := f.verdicts(t, e); !reflect.DeepEqual(got, want) {
		t.Error("the cached engine's verdicts differ")
	}
	if !e.CacheUsed() {
		t.Error("the cache was not used")
	}
	if e.cacheFits() {
		t.Error("cacheFits is true once the lists are in use")
	}
	// match.LoadImage uses the image's arrays in place only if they are
	// aligned: the cache puts the image at a multiple of eight bytes.
	if at := len(cache) - 8 - len(e.cache.compiled); at%8 != 0 || !bytes.Equal(cache[at:len(cache)-8], e.cache.compiled) {
		t.Errorf("the compiled lists are not at an aligned offset of the cache (%d)", at)
	}
	if e.CacheKey() != fresh.CacheKey() {
		t.Error("the same build and bundles have two cache keys")
	}
	again, err := e.ExportCache()
	if err != nil || !bytes.Equal(again, cache) {
		t.Errorf("a cached engine exports another cache (%v)", err)
	}
	t.Logf("cache of %d bytes for %d lists; %d posts, %d flagged", len(cache), len(f.bundles), len(want), flagged)
}

// TestCacheBadInput: a cache that is damaged, truncated or stale is
// refused or left unused, and the verdicts are those of the bundles.
func TestCacheBadInput(t *testing.T) {
	f := newCacheFixture(t)
	fresh, _ := f.start(t, testBuild, nil, f.bundles...)
	want := f.verdicts(t, fresh)
	cache, err := fresh.ExportCache()
	if err != nil {
		t.Fatal(err)
	}
	rechecksum := func(body []byte) []byte {
		return binary.LittleEndian.AppendUint64(body, xxhash.Sum64(body))
	}
	body := cache[:len(cache)-8]
	flipped := func(i int) []byte {
		c := bytes.Clone(cache)
		c[i] ^= 0x10
		return c
	}

	refused := map[string][]byte{
		"empty":               {},
		"garbage":             []byte(strings.Repeat("voile", 40)),
		"truncated by one":    cache[:len(cache)-1],
		"truncated by half":   cache[:len(cache)/2],
		"header only":         cache[:8],
		"a byte more":         append(bytes.Clone(cache), 0),
		"flipped in magic":    flipped(2),
		"flipped in build":    flipped(10),
		"flipped in sigs":     flipped(40),
		"flipped in middle":   flipped(len(cache) / 2),
		"flipped in checksum": flipped(len(cache) - 1),
		"trailing in body":    rechecksum(append(bytes.Clone(body), 1)),
	}
	other := New()
	other.SetBuild("build-2")
	for _, b := range f.bundles {
		other.Trust(f.pub.ID, f.pub.Public)
		mustLoad(t, other, b)
	}
	refused["another build"], err = other.ExportCache()
	if err != nil {
		t.Fatal(err)
	}
	for name, c := range refused {
		e, err := f.start(t, testBuild, c, f.bundles...)
		if err == nil {
			t.Errorf("%s: cache accepted", name)
		}
		if got := f.verdicts(t, e); !reflect.DeepEqual(got, want) || e.CacheUsed() {
			t.Errorf("%s: verdicts differ or cache used", name)
		}
	}
	if _, err := f.start(t, "", cache, f.bundles...); err == nil {
		t.Error("accepted by a classifier that does not know its build")
	}

	// Sound caches for other lists: accepted, but the automaton is not
	// used. The verdicts are those of the lists loaded.
	stale := map[string][][]byte{
		"a list less":     f.bundles[:len(f.bundles)-1],
		"another order":   {f.bundles[1], f.bundles[0], f.bundles[2]},
		"another version": append(f.bundles[:len(f.bundles)-1:len(f.bundles)-1], f.pub.Sign(f.pub.List("small", 2, testlists.Term("slur", "vermin", rules.Racism, 0.9)))),
	}
	for name, bundles := range stale {
		ref, _ := f.start(t, testBuild, nil, bundles...)
		e, err := f.start(t, testBuild, cache, bundles...)
		if err != nil {
			t.Errorf("%s: %v", name, err)
		}
		if e.cacheFits() {
			t.Errorf("%s: cacheFits", name)
		}
		// The cache's first lists, in its order: on the way to it.
		if ahead := name == "a list less"; e.cacheAhead() != ahead {
			t.Errorf("%s: cacheAhead %v, want %v", name, !ahead, ahead)
		}
		if got := f.verdicts(t, e); !reflect.DeepEqual(got, f.verdicts(t, ref)) || e.CacheUsed() {
			t.Errorf("%s: verdicts differ from an engine without cache, or cache used", name)
		}
		if e.CacheKey() == fresh.CacheKey() {
			t.Errorf("%s: same cache key", name)
		}
	}

	// An automaton that does not load, under a good checksum: compiled.
	// (The checksum is what stands for the automaton's values, which
	// match.LoadImage does not check; it checks its sections' shape.)
	restored, err := f.start(t, testBuild, cache)
	if err != nil {
		t.Fatal(err)
	}
	at := len(body) - len(restored.cache.compiled)
	for name, damage := range map[string]func([]byte) []byte{
		"not an image":        func(b []byte) []byte { b[at] ^= 0xff; return b },
		"a section cut short": func(b []byte) []byte { return b[:len(b)-8] },
	} {
		e, err := f.start(t, testBuild, rechecksum(damage(bytes.Clone(body))), f.bundles...)
		if err != nil && name == "not an image" {
			t.Fatalf("%s: %v", name, err)
		}
		if got := f.verdicts(t, e); !reflect.DeepEqual(got, want) || e.CacheUsed() {
			t.Errorf("%s: verdicts differ or cache used", name)
		}
	}
}

// TestCacheStillValidatesNewBundles: a cache spares the validation of the
// bundles it lists only; any other bundle is validated, and every
// signature is checked.
func TestCacheStillValidatesNewBundles(t *testing.T) {
	f := newCacheFixture(t)
	fresh, _ := f.start(t, testBuild, nil, f.bundles...)
	cache, err := fresh.ExportCache()
	if err != nil {
		t.Fatal(err)
	}
	e, err := f.start(t, testBuild, cache)
	if err != nil {
		t.Fatal(err)
	}
	bad := f.pub.List("bad", 1, testlists.Term("x", "word", "nope", 0.5))
	if _, err := e.Load(f.pub.SignUnchecked(bad)); err == nil {
		t.Error("an invalid list loaded with a cache restored")
	}
	if _, err := e.Load(testlists.Tampered(f.bundles[0])); err == nil {
		t.Error("a tampered bundle loaded with a cache restored")
	}
	if _, err := e.Load(f.bundles[0]); err != nil {
		t.Error(err)
	}
}

func TestExportCacheNeedsBuild(t *testing.T) {
	if _, err := New().ExportCache(); err == nil {
		t.Error("exported a cache without a build")
	}
}

// digest hashes by blocks what xxhash.Sum64 hashes at once: the same sum,
// at and around a block's edge.
func TestDigestIsXXH64(t *testing.T) {
	b := make([]byte, 3<<16+5)
	for i := range b {
		b[i] = byte(i * 131)
	}
	for _, n := range []int{0, 1, 31, 32, 1<<16 - 1, 1 << 16, 1<<16 + 1, 2 << 16, len(b)} {
		if got, want := digest(b[:n]), xxhash.Sum64(b[:n]); got != want {
			t.Errorf("%d bytes: digest %x, XXH64 %x", n, got, want)
		}
	}
}
