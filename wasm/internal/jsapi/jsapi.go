//go:build js && wasm

package jsapi

import (
	"errors"
	"math"
	"strconv"
	"strings"
	"syscall/js"

	"voile/shared/bundle"
	"voile/shared/frames"
	"voile/shared/rules"
	"voile/shared/verdict"
	"voile/wasm/internal/engine"
)

var (
	jsObject     = js.Global().Get("Object")
	jsArray      = js.Global().Get("Array")
	jsError      = js.Global().Get("Error")
	jsUint8Array = js.Global().Get("Uint8Array")
)

// api holds the engine and the buffers reused between calls.
type api struct {
	e   *engine.Engine
	req []byte
	gc  startGC
}

// New returns the object of functions that voile.js wraps. Its functions
// are meant to live as long as the wasm instance and are never released.
func New(e *engine.Engine) js.Value {
	a := &api{e: e}
	obj := jsObject.New()
	set(obj, "trust", a.trust)
	set(obj, "loadBundle", a.loadBundle)
	set(obj, "verifyAdapters", verifyAdapters)
	set(obj, "unloadList", a.unloadList)
	set(obj, "lists", a.lists)
	set(obj, "classify", a.classify)
	set(obj, "encodeHello", a.encodeHello)
	set(obj, "decodeMessage", a.decodeMessage)
	set(obj, "restoreCache", a.restoreCache)
	set(obj, "exportCache", a.exportCache)
	set(obj, "cacheInfo", a.cacheInfo)
	obj.Set("categories", names(rules.Categories[:]))
	obj.Set("reasonKinds", names(verdict.ReasonKinds))
	obj.Set("contexts", names(frames.Contexts))
	return obj
}

// set makes f the function name of obj: its error becomes a JS Error
// returned (a Go callback cannot throw), and so does a panic. A function
// of its own: as a closure in New it was inlined at each call, with a
// copy of the callback each time (11 copies, 33 KB of voile.wasm).
func set(obj js.Value, name string, f func(args []js.Value) (any, error)) {
	obj.Set(name, js.FuncOf(func(_ js.Value, args []js.Value) (result any) {
		defer func() {
			if p := recover(); p != nil {
				result = jsError.New("voile: " + name + ": internal error: " + panicText(p))
			}
		}()
		r, err := f(args)
		if err != nil {
			return jsError.New("voile: " + err.Error())
		}
		return r
	}))
}

// strings converts the names of an enumeration for JavaScript, which
// checks them against its own copy of the wire indexes.
func names[T ~string](xs []T) []any {
	out := make([]any, len(xs))
	for i, x := range xs {
		out[i] = string(x)
	}
	return out
}

func (a *api) trust(args []js.Value) (any, error) {
	pub, err := stringArg("trust", "publisherId", args, 0)
	if err != nil {
		return nil, err
	}
	key, err := stringArg("trust", "publicKey", args, 1)
	if err != nil {
		return nil, err
	}
	return js.Undefined(), a.e.Trust(pub, key)
}

func (a *api) loadBundle(args []js.Value) (any, error) {
	data, err := bytesArg("loadBundle", "bundle", args, 0, nil)
	if err != nil {
		return nil, err
	}
	a.gc.begin() // a start without a start-up cache, or a list after it: see startGC
	info, err := a.e.Load(data)
	if err != nil {
		return nil, err
	}
	return map[string]any{"id": info.ID, "publisher": info.Publisher, "version": float64(info.Version), "rules": info.Rules}, nil
}

// verifyAdapters(document, sig, publicKey) checks the signature of an
// adapter document (bundle.VerifyAdapters) with a key given as text: the
// extension checks every signature here, in Go, and has no other
// implementation of Ed25519.
func verifyAdapters(args []js.Value) (any, error) {
	doc, err := bytesArg("verifyAdapters", "document", args, 0, nil)
	if err != nil {
		return nil, err
	}
	sig, err := bytesArg("verifyAdapters", "sig", args, 1, nil)
	if err != nil {
		return nil, err
	}
	keyText, err := stringArg("verifyAdapters", "publicKey", args, 2)
	if err != nil {
		return nil, err
	}
	key, err := bundle.ParsePublicKey(keyText)
	if err != nil {
		return nil, errors.New("verifyAdapters: " + err.Error())
	}
	if err := bundle.VerifyAdapters(doc, sig, key); err != nil {
		return nil, errors.New("verifyAdapters: " + err.Error())
	}
	return true, nil
}

func (a *api) unloadList(args []js.Value) (any, error) {
	a.gc.end() // no part of a start
	id, err := stringArg("unloadList", "id", args, 0)
	if err != nil {
		return nil, err
	}
	return a.e.Unload(id), nil
}

func (a *api) lists(args []js.Value) (any, error) {
	infos := a.e.Lists()
	out := make([]any, len(infos))
	for i, l := range infos {
		langs := make([]any, len(l.Langs))
		for j, lang := range l.Langs {
			langs[j] = lang
		}
		out[i] = map[string]any{
			"id": l.ID, "publisher": l.Publisher, "version": float64(l.Version), "name": l.Name,
			"langs": langs, "demo": l.Demo, "rules": l.Rules,
		}
	}
	return out, nil
}

// classify takes the request that voile.js encodes and returns the
// response as a Uint8Array; see engine's batch formats.
func (a *api) classify(args []js.Value) (any, error) {
	req, err := bytesArg("classify", "request", args, 0, a.req[:0])
	if err != nil {
		return nil, err
	}
	a.req = req
	res, err := a.e.Classify(req)
	a.gc.light() // the first verdict ends a start
	if err != nil {
		return nil, err
	}
	out := jsUint8Array.New(len(res))
	js.CopyBytesToJS(out, res)
	return out, nil
}

func (a *api) encodeHello(args []js.Value) (any, error) {
	a.gc.light() // no part of a start: ends one like a verdict
	held := map[string]uint64{}
	if len(args) > 0 && !isNullish(args[0]) {
		h := args[0]
		if h.Type() != js.TypeObject || jsArray.Call("isArray", h).Bool() {
			return nil, errors.New("encodeHello: held must be an object {listId: version}, got " + describe(h))
		}
		keys := jsObject.Call("keys", h)
		for i := range keys.Length() {
			k := keys.Index(i).String()
			v := h.Get(k)
			f := 0.0
			if v.Type() == js.TypeNumber {
				f = v.Float()
			}
			if v.Type() != js.TypeNumber || f < 0 || f != math.Trunc(f) || f > 1<<53 {
				return nil, errors.New("encodeHello: held[" + strconv.Quote(k) + "] must be a version number, got " + describe(v))
			}
			held[k] = uint64(f)
		}
	}
	var follow []string // nil: every list of the catalog
	if len(args) > 1 && !isNullish(args[1]) {
		f := args[1]
		follow = []string{}
		if !jsArray.Call("isArray", f).Bool() {
			return nil, errors.New("encodeHello: follow must be an array of list ids, got " + describe(f))
		}
		for i := range f.Length() {
			v := f.Index(i)
			if v.Type() != js.TypeString {
				return nil, errors.New("encodeHello: follow[" + strconv.Itoa(i) + "] must be a string, got " + describe(v))
			}
			follow = append(follow, v.String())
		}
	}
	data, err := a.e.Hello(held, follow)
	if err != nil {
		return nil, err
	}
	out := jsUint8Array.New(len(data))
	js.CopyBytesToJS(out, data)
	return out, nil
}

func (a *api) decodeMessage(args []js.Value) (any, error) {
	a.gc.light() // no part of a start: ends one like a verdict; its bundles are loaded by loadBundle
	data, err := bytesArg("decodeMessage", "message", args, 0, nil)
	if err != nil {
		return nil, err
	}
	m, err := a.e.DecodeMessage(data)
	if err != nil {
		return nil, err
	}
	return toJS(m), nil
}

func (a *api) restoreCache(args []js.Value) (any, error) {
	// Before the cache is copied in: see startGC. A start whose cache
	// is refused goes on without it.
	a.gc.begin()
	data, err := bytesArg("restoreCache", "cache", args, 0, nil)
	if err != nil {
		return nil, err
	}
	if err := a.e.RestoreCache(data); err != nil {
		return nil, err
	}
	return js.Undefined(), nil
}

func (a *api) exportCache(args []js.Value) (any, error) {
	data, err := a.e.ExportCache()
	a.gc.end()
	if err != nil {
		return nil, err
	}
	out := jsUint8Array.New(len(data))
	js.CopyBytesToJS(out, data)
	return out, nil
}

func (a *api) cacheInfo(args []js.Value) (any, error) {
	return map[string]any{"key": a.e.CacheKey(), "used": a.e.CacheUsed()}, nil
}

// toJS converts the plain values of engine.DecodeMessage: js.ValueOf
// handles all but []byte, which become Uint8Arrays, and 64-bit integers,
// which become numbers.
func toJS(v any) js.Value {
	switch v := v.(type) {
	case map[string]any:
		o := jsObject.New()
		for k, x := range v {
			o.Set(k, toJS(x))
		}
		return o
	case []any:
		arr := jsArray.New(len(v))
		for i, x := range v {
			arr.SetIndex(i, toJS(x))
		}
		return arr
	case []byte:
		if v == nil {
			return js.Null()
		}
		u := jsUint8Array.New(len(v))
		js.CopyBytesToJS(u, v)
		return u
	case uint64:
		return js.ValueOf(float64(v))
	case int64:
		return js.ValueOf(float64(v))
	}
	return js.ValueOf(v)
}

func stringArg(fn, name string, args []js.Value, i int) (string, error) {
	if i >= len(args) || args[i].Type() != js.TypeString {
		return "", errors.New(fn + ": " + name + " must be a string, got " + describeArg(args, i))
	}
	return args[i].String(), nil
}

// bytesArg copies a Uint8Array argument into buf, grown as needed.
func bytesArg(fn, name string, args []js.Value, i int, buf []byte) ([]byte, error) {
	if i >= len(args) || args[i].Type() != js.TypeObject || !args[i].InstanceOf(jsUint8Array) {
		return nil, errors.New(fn + ": " + name + " must be a Uint8Array, got " + describeArg(args, i))
	}
	n := args[i].Length()
	if cap(buf) < n {
		buf = make([]byte, n)
	}
	buf = buf[:n]
	js.CopyBytesToGo(buf, args[i])
	return buf, nil
}

func describeArg(args []js.Value, i int) string {
	if i >= len(args) {
		return "nothing"
	}
	return describe(args[i])
}

// describe names a value's type for an error message, without its
// content: it may be a post.
func describe(v js.Value) string {
	switch {
	case v.Type() == js.TypeObject && jsArray.Call("isArray", v).Bool():
		return "an array"
	case v.Type() == js.TypeObject:
		if c := v.Get("constructor"); c.Type() == js.TypeFunction {
			return article(c.Get("name").String())
		}
	}
	return v.Type().String()
}

// article puts "a" or "an" before a type name.
func article(name string) string {
	if name != "" && strings.ContainsRune("AEIOUaeiou", rune(name[0])) {
		return "an " + name
	}
	return "a " + name
}

func isNullish(v js.Value) bool { return v.IsNull() || v.IsUndefined() }

// panicText is the message of a recovered panic: a runtime error, an error
// or a string, as Go panics are in this code.
func panicText(p any) string {
	switch p := p.(type) {
	case error:
		return p.Error()
	case string:
		return p
	}
	return "a panic that is neither an error nor a string"
}
