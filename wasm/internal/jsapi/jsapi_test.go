//go:build js && wasm

package jsapi

import (
	"math"
	"runtime"
	"runtime/debug"
	"strings"
	"syscall/js"
	"testing"

	"voile/shared/rules"
	"voile/shared/wire"
	"voile/wasm/internal/engine"
	"voile/wasm/internal/testlists"
)

// call invokes a function of the API object as voile.js does.
func call(api js.Value, name string, args ...any) js.Value {
	return api.Call(name, args...)
}

func isError(v js.Value) bool { return v.Type() == js.TypeObject && v.InstanceOf(jsError) }

func wantError(t *testing.T, v js.Value, want string) {
	t.Helper()
	if !isError(v) {
		t.Fatalf("got %v, want an Error containing %q", v, want)
	}
	if msg := v.Get("message").String(); !strings.Contains(msg, want) || !strings.HasPrefix(msg, "voile: ") {
		t.Errorf("error %q, want one starting with \"voile: \" and containing %q", msg, want)
	}
}

func wantOK(t *testing.T, v js.Value) js.Value {
	t.Helper()
	if isError(v) {
		t.Fatalf("unexpected error: %s", v.Get("message").String())
	}
	return v
}

func bytesJS(b []byte) js.Value {
	u := jsUint8Array.New(len(b))
	js.CopyBytesToJS(u, b)
	return u
}

func bytesGo(v js.Value) []byte {
	b := make([]byte, v.Length())
	js.CopyBytesToGo(b, v)
	return b
}

func setup(t *testing.T) (js.Value, *testlists.Publisher) {
	t.Helper()
	api := New(engine.New())
	p := testlists.NewPublisher("ngo")
	wantOK(t, call(api, "trust", p.ID, p.Public))
	return api, p
}

func TestLoadListUnload(t *testing.T) {
	api, p := setup(t)
	l := p.List("small", 7, testlists.Term("slur", "vermin", rules.Racism, 0.9))
	info := wantOK(t, call(api, "loadBundle", bytesJS(p.Sign(l))))
	if info.Get("id").String() != "small" || info.Get("publisher").String() != "ngo" || info.Get("version").Int() != 7 || info.Get("rules").Int() != 1 {
		t.Errorf("loadBundle = %v", jsObject.Get("entries").Invoke(info))
	}
	lists := wantOK(t, call(api, "lists"))
	if lists.Length() != 1 || lists.Index(0).Get("langs").Index(0).String() != "en" || lists.Index(0).Get("demo").Bool() {
		t.Errorf("lists = %v", lists)
	}
	wantError(t, call(api, "loadBundle", bytesJS(testlists.Tampered(p.Sign(p.List("small", 8, l.Rules...))))), "bad signature")
	if v := wantOK(t, call(api, "lists")).Index(0).Get("version").Int(); v != 7 {
		t.Errorf("after a refused bundle, version %d is loaded", v)
	}
	if !wantOK(t, call(api, "unloadList", "small")).Bool() || wantOK(t, call(api, "unloadList", "small")).Bool() {
		t.Error("unloadList does not report what it removed")
	}
}

func TestArgumentsAreChecked(t *testing.T) {
	api, _ := setup(t)
	wantError(t, call(api, "trust", "ngo"), "trust: publicKey must be a string, got nothing")
	wantError(t, call(api, "trust", "ngo", "voile-pub-xx"), `trust publisher "ngo": parse key`)
	wantError(t, call(api, "loadBundle", "text"), "loadBundle: bundle must be a Uint8Array, got string")
	wantError(t, call(api, "loadBundle", js.Global().Get("Array").New()), "got an array")
	wantError(t, call(api, "loadBundle", jsObject.New()), "got an Object")
	wantError(t, call(api, "loadBundle", bytesJS([]byte("junk"))), "load bundle: decode bundle")
	wantError(t, call(api, "unloadList", 3), "unloadList: id must be a string, got number")
	wantError(t, call(api, "classify", "x"), "classify: request must be a Uint8Array")
	wantError(t, call(api, "classify", bytesJS([]byte{1, 2})), "classify: malformed request")
	wantError(t, call(api, "encodeHello", "x"), "held must be an object")
	wantError(t, call(api, "encodeHello", map[string]any{"a": 1.5}), `held["a"] must be a version number`)
	wantError(t, call(api, "encodeHello", nil, []any{1}), "follow[0] must be a string, got number")
	wantError(t, call(api, "decodeMessage", bytesJS(nil)), "decode message: bad_message")
}

func TestClassify(t *testing.T) {
	api, p := setup(t)
	wantOK(t, call(api, "loadBundle", bytesJS(p.Sign(p.List("small", 1, testlists.Term("slur", "vermin", rules.Racism, 0.9))))))
	req := engine.AppendRequest(nil, &engine.Request{Sensitivity: 0.5, Texts: []string{"calm", "😀 VERMIN"}})
	res := wantOK(t, call(api, "classify", bytesJS(req)))
	vs, err := engine.ParseResponse(bytesGo(res))
	if err != nil {
		t.Fatal(err)
	}
	if len(vs) != 2 || vs[0].Flagged || !vs[1].Flagged || vs[1].Reasons[0].Start != 3 || vs[1].Reasons[0].End != 9 {
		t.Errorf("verdicts = %+v", vs)
	}
	bad := engine.AppendRequest(nil, &engine.Request{Sensitivity: 3})
	wantError(t, call(api, "classify", bytesJS(bad)), "classify: sensitivity 3")
}

func TestSyncMessages(t *testing.T) {
	api, p := setup(t)
	wantOK(t, call(api, "loadBundle", bytesJS(p.Sign(p.List("small", 4, testlists.Term("slur", "vermin", rules.Racism, 0.9))))))
	hello := wantOK(t, call(api, "encodeHello", map[string]any{"small": 4}, []any{"small"}))
	m := wantOK(t, call(api, "decodeMessage", hello))
	if m.Get("type").String() != "hello" || m.Get("held").Index(0).Get("version").Int() != 4 ||
		m.Get("follow").Index(0).Get("publisher").String() != "ngo" {
		t.Errorf("hello round trip = %v", m)
	}
	doc := []byte(`{"version":1}`)
	adapters := (&wire.Message{Type: wire.TAdapters, Adapters: &wire.Adapters{Publisher: "ngo", Document: doc, Sig: make([]byte, 64)}}).Encode()
	m = wantOK(t, call(api, "decodeMessage", bytesJS(adapters)))
	if m.Get("type").String() != "adapters" || m.Get("publisher").String() != "ngo" ||
		!m.Get("document").InstanceOf(js.Global().Get("Uint8Array")) || string(bytesGo(m.Get("document"))) != string(doc) ||
		m.Get("sig").Length() != 64 {
		t.Errorf("adapters = %v", m)
	}
}

func TestCategories(t *testing.T) {
	api := New(engine.New())
	cats := api.Get("categories")
	if cats.Length() != len(rules.Categories) || cats.Index(0).String() != string(rules.Categories[0]) {
		t.Errorf("categories = %v", cats)
	}
}

// collecting reports whether the collector runs as it does outside a
// start: GOGC 100, no memory limit.
func collecting() bool {
	p := debug.SetGCPercent(100)
	debug.SetGCPercent(p)
	return p == 100 && debug.SetMemoryLimit(-1) == math.MaxInt64
}

// heldForStart reports whether startGC holds the collector.
func heldForStart() bool {
	p := debug.SetGCPercent(-1)
	debug.SetGCPercent(p)
	return p < 0 && debug.SetMemoryLimit(-1) == startLimit
}

// The collector is off from the first call of a start (restoreCache, or
// loadBundle without a cache) through the verdicts after it until a
// collection has run or a call that may allocate much comes (startGC),
// whether the cache is used, refused, or for other lists; once only.
func TestStartGC(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(math.MaxInt64))
	req := bytesJS(engine.AppendRequest(nil, &engine.Request{Sensitivity: 0.5, Texts: []string{"vermin"}}))
	// verdicts until one puts the collector back after a collection: it
	// learns of it from a finalizer, run in its own goroutine.
	collected := func(api js.Value) bool {
		runtime.GC()
		for range 100 {
			runtime.Gosched()
			wantOK(t, call(api, "classify", req))
			if collecting() {
				return true
			}
		}
		return false
	}
	mk := func() (js.Value, []byte, []byte) {
		e := engine.New()
		e.SetBuild("test-build")
		api := New(e)
		p := testlists.NewPublisher("ngo")
		wantOK(t, call(api, "trust", p.ID, p.Public))
		b := p.Sign(p.List("small", 1, testlists.Term("slur", "vermin", rules.Racism, 0.9)))
		wantOK(t, call(api, "loadBundle", bytesJS(b)))
		if !heldForStart() {
			t.Fatal("the collector runs after the first bundle of a start without a cache, want it held")
		}
		cache := bytesGo(wantOK(t, call(api, "exportCache")))
		if !collecting() {
			t.Fatal("the collector is held after exportCache")
		}
		// An instance of the same build, as at the next start.
		e2 := engine.New()
		e2.SetBuild("test-build")
		api2 := New(e2)
		wantOK(t, call(api2, "trust", p.ID, p.Public))
		return api2, cache, b
	}

	api, cache, b := mk()
	wantOK(t, call(api, "restoreCache", bytesJS(cache)))
	if !heldForStart() {
		t.Fatal("the collector runs after restoreCache, want it held")
	}
	wantOK(t, call(api, "loadBundle", bytesJS(b)))
	if !heldForStart() {
		t.Fatal("the collector runs after loading the cached lists, want it held")
	}
	wantOK(t, call(api, "classify", req))
	if !wantOK(t, call(api, "cacheInfo")).Get("used").Bool() {
		t.Fatal("the cache was not used")
	}
	wantOK(t, call(api, "classify", req))
	if !heldForStart() {
		t.Fatal("the collector runs after the first verdicts, with no collection since the start")
	}
	if !collected(api) {
		t.Fatal("the collector is not put back after a collection")
	}
	// Once only: a later restore is no start.
	wantOK(t, call(api, "restoreCache", bytesJS(cache)))
	if !collecting() {
		t.Error("the collector is held after a second restoreCache")
	}

	// A refused cache: the start goes on without it.
	api, cache, b = mk()
	damaged := append([]byte(nil), cache...)
	damaged[len(damaged)/2] ^= 1
	wantError(t, call(api, "restoreCache", bytesJS(damaged)), "damaged")
	wantOK(t, call(api, "loadBundle", bytesJS(b)))
	if !heldForStart() {
		t.Error("the collector runs after a refused cache and a bundle, want it held")
	}
	wantOK(t, call(api, "classify", req))
	if !heldForStart() || !collected(api) {
		t.Error("the collector is not off after the first verdict that compiled the lists, then back after a collection")
	}

	// A cache for other lists: held while they are validated and
	// compiled, and after.
	api, cache, _ = mk()
	wantOK(t, call(api, "restoreCache", bytesJS(cache)))
	p := testlists.NewPublisher("other")
	wantOK(t, call(api, "trust", p.ID, p.Public))
	other := p.Sign(p.List("other", 1, testlists.Term("slur", "vermin", rules.Racism, 0.9)))
	wantOK(t, call(api, "loadBundle", bytesJS(other)))
	if !heldForStart() {
		t.Error("the collector runs after loading a list the cache does not have, want it held")
	}
	wantOK(t, call(api, "classify", req))
	if !heldForStart() {
		t.Error("the collector runs after the first verdict of other lists")
	}
	// A list loaded after the start: the collector is back for it.
	wantOK(t, call(api, "loadBundle", bytesJS(p.Sign(p.List("other", 2, testlists.Term("slur", "vermin", rules.Racism, 0.9))))))
	if !collecting() {
		t.Error("the collector is held after a list loaded once the start was over")
	}

	// The sync messages' encoding, which the extension's host makes as it
	// connects, keeps the collector off like a verdict; an unloaded list
	// or exportCache puts it back.
	api, cache, b = mk()
	wantOK(t, call(api, "restoreCache", bytesJS(cache)))
	wantOK(t, call(api, "loadBundle", bytesJS(b)))
	wantOK(t, call(api, "encodeHello", nil, nil))
	wantOK(t, call(api, "classify", req))
	if !heldForStart() {
		t.Error("the collector runs after encodeHello and a verdict, with no collection since the start")
	}
	wantOK(t, call(api, "unloadList", "ngo/small"))
	if !collecting() {
		t.Error("the collector is held after unloadList")
	}
	api, cache, b = mk()
	wantOK(t, call(api, "restoreCache", bytesJS(cache)))
	wantOK(t, call(api, "loadBundle", bytesJS(b)))
	wantOK(t, call(api, "classify", req))
	wantOK(t, call(api, "exportCache"))
	if !collecting() {
		t.Error("the collector is held after exportCache once the start was over")
	}
}
