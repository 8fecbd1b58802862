package engine

import (
	"bytes"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"voile/shared/bundle"
	"voile/shared/rules"
	"voile/shared/wire"
	"voile/wasm/internal/testlists"
)

func TestHello(t *testing.T) {
	e, p := setup(t)
	mustLoad(t, e, p.Sign(smallList(p, 4)))
	data, err := e.Hello(map[string]uint64{"small": 4, "other/x": 2}, []string{"small", "other/x"})
	if err != nil {
		t.Fatal(err)
	}
	m, err := wire.Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	h := m.Hello
	wantFollow := []wire.ListRef{{Publisher: "ngo", List: "small"}, {Publisher: "other", List: "x"}}
	wantHeld := []wire.Held{{Publisher: "other", List: "x", Version: 2}, {Publisher: "ngo", List: "small", Version: 4}}
	if m.Type != wire.THello || len(h.Follow) != 2 || h.Follow[0] != wantFollow[0] || h.Follow[1] != wantFollow[1] ||
		len(h.Held) != 2 || h.Held[0] != wantHeld[0] || h.Held[1] != wantHeld[1] {
		t.Errorf("hello = %+v", h)
	}

	// Before any catalog, an empty follow asks for the catalog alone.
	data, _ = e.Hello(nil, nil)
	if m, _ := wire.Decode(data); len(m.Hello.Follow) != 0 {
		t.Errorf("hello before a catalog follows %+v", m.Hello.Follow)
	}
	for _, c := range []struct {
		held   map[string]uint64
		follow []string
		want   string
	}{
		{nil, []string{"unknown"}, `list "unknown" is neither loaded nor in the last catalog`},
		{map[string]uint64{"unknown": 1}, nil, `held: list "unknown"`},
		{nil, []string{"a/b/c"}, `want "publisher/list"`},
		{nil, []string{"/b"}, `want "publisher/list"`},
	} {
		if _, err := e.Hello(c.held, c.follow); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Hello(%v, %v) = %v, want an error containing %q", c.held, c.follow, err, c.want)
		}
	}
}

func TestCatalogNamesLists(t *testing.T) {
	e := New()
	cat := &wire.Message{Type: wire.TCatalog, Catalog: &wire.Catalog{Lists: []wire.Entry{
		{Publisher: "a", List: "one", PublicKey: "voile-pub-x", Langs: []string{"en"}, Version: 3, Published: 1700000000},
		{Publisher: "a", List: "two"},
		{Publisher: "b", List: "two"},
	}}}
	got, err := e.DecodeMessage(cat.Encode())
	if err != nil {
		t.Fatal(err)
	}
	lists := got["lists"].([]any)
	first := lists[0].(map[string]any)
	if got["type"] != "catalog" || len(lists) != 3 || first["public_key"] != "voile-pub-x" || first["version"] != uint64(3) ||
		first["published"] != int64(1700000000) || first["langs"].([]any)[0] != "en" {
		t.Errorf("catalog = %#v", got)
	}
	// A catalog entry has the wire's field names, every one of them.
	var names []string
	for f := range reflect.TypeFor[wire.Entry]().Fields() {
		names = append(names, strings.Split(f.Tag.Get("json"), ",")[0])
	}
	var keys []string
	for k := range first {
		keys = append(keys, k)
	}
	slices.Sort(names)
	slices.Sort(keys)
	if !slices.Equal(keys, names) {
		t.Errorf("catalog entry fields %v, want wire.Entry's json names %v", keys, names)
	}
	data, err := e.Hello(nil, []string{"one"})
	if err != nil {
		t.Fatal(err)
	}
	if m, _ := wire.Decode(data); m.Hello.Follow[0] != (wire.ListRef{Publisher: "a", List: "one"}) {
		t.Errorf("follow one = %+v", m.Hello.Follow)
	}
	if _, err := e.Hello(nil, []string{"two"}); err == nil || !strings.Contains(err.Error(), "published by a and b") {
		t.Errorf("ambiguous id: %v", err)
	}
	data, _ = e.Hello(nil, nil)
	if m, _ := wire.Decode(data); len(m.Hello.Follow) != 3 {
		t.Errorf("nil follow after a catalog follows %+v, want every list", m.Hello.Follow)
	}
	data, _ = e.Hello(nil, []string{})
	if m, _ := wire.Decode(data); len(m.Hello.Follow) != 0 {
		t.Errorf("empty follow after a catalog follows %+v, want none", m.Hello.Follow)
	}
}

func TestDecodeMessages(t *testing.T) {
	e, p := setup(t)
	v1 := smallList(p, 1)
	b1, _ := bundle.Sign(v1, p.Key)
	mustLoad(t, e, b1.Encode())

	snap := &wire.Message{Type: wire.TSnapshot, Snapshot: &wire.Snapshot{Bundle: *b1, Live: true}}
	got, err := e.DecodeMessage(snap.Encode())
	if err != nil {
		t.Fatal(err)
	}
	if got["type"] != "snapshot" || got["list"] != "small" || got["publisher"] != "ngo" || got["version"] != uint64(1) ||
		got["live"] != true || !bytes.Equal(got["bundle"].([]byte), b1.Encode()) {
		t.Errorf("snapshot = %#v", got)
	}

	v2 := smallList(p, 2)
	v2.Rules = append(v2.Rules, testlists.Term("new", "scum", rules.Racism, 0.9))
	b2, _ := bundle.Sign(v2, p.Key)
	d, err := wire.Diff(b1, b2)
	if err != nil {
		t.Fatal(err)
	}
	got, err = e.DecodeMessage((&wire.Message{Type: wire.TDelta, Delta: d}).Encode())
	if err != nil {
		t.Fatal(err)
	}
	if got["from"] != uint64(1) || got["version"] != uint64(2) || got["error"] != nil {
		t.Fatalf("delta = %#v", got)
	}
	if info := mustLoad(t, e, got["bundle"].([]byte)); info.Version != 2 || info.Rules != 4 {
		t.Errorf("rebuilt bundle loads as %+v", info)
	}
	// The base is now version 2: the same delta no longer applies.
	got, _ = e.DecodeMessage((&wire.Message{Type: wire.TDelta, Delta: d}).Encode())
	if got["bundle"] != nil || !strings.Contains(got["error"].(string), "starts from version 1") {
		t.Errorf("stale delta = %#v", got)
	}

	got, _ = e.DecodeMessage(wire.NewError(wire.CodeUnknownList, "no list %q", "x").Encode())
	if got["type"] != "error" || got["code"] != "unknown_list" || got["message"] != `no list "x"` {
		t.Errorf("error = %#v", got)
	}
	synced := &wire.Message{Type: wire.TSynced, Synced: &wire.Synced{Lists: []wire.Held{{Publisher: "ngo", List: "small", Version: 2}}}}
	got, _ = e.DecodeMessage(synced.Encode())
	if l := got["lists"].([]any)[0].(map[string]any); l["version"] != uint64(2) || l["list"] != "small" {
		t.Errorf("synced = %#v", got)
	}
	doc := []byte(`{"version":1,"adapters":[]}`)
	sig, _ := bundle.SignAdapters(doc, p.Key)
	adapters := &wire.Message{Type: wire.TAdapters, Adapters: &wire.Adapters{Publisher: "ngo", Document: doc, Sig: sig}}
	got, err = e.DecodeMessage(adapters.Encode())
	if err != nil {
		t.Fatal(err)
	}
	if got["type"] != "adapters" || got["publisher"] != "ngo" || !bytes.Equal(got["document"].([]byte), doc) || !bytes.Equal(got["sig"].([]byte), sig) {
		t.Errorf("adapters = %#v", got)
	}
	for _, bad := range [][]byte{nil, []byte("junk"), append(synced.Encode(), 0)} {
		if _, err := e.DecodeMessage(bad); err == nil || !strings.HasPrefix(err.Error(), "decode message: bad_message") {
			t.Errorf("DecodeMessage(%q) = %v", bad, err)
		}
	}
}

// A catalog that names a publisher replaces that publisher's lists alone:
// the server sends one per publisher.
func TestCatalogByPublisher(t *testing.T) {
	e := New()
	send := func(c *wire.Catalog) map[string]any {
		t.Helper()
		got, err := e.DecodeMessage((&wire.Message{Type: wire.TCatalog, Catalog: c}).Encode())
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	got := send(&wire.Catalog{Publisher: "a", More: true, Lists: []wire.Entry{{Publisher: "a", List: "one"}}})
	if got["publisher"] != "a" || got["more"] != true {
		t.Errorf("catalog of a = %#v", got)
	}
	send(&wire.Catalog{Publisher: "b", Lists: []wire.Entry{{Publisher: "b", List: "two"}}})
	send(&wire.Catalog{Publisher: "a", Lists: []wire.Entry{{Publisher: "a", List: "three"}}})
	data, _ := e.Hello(nil, nil)
	m, _ := wire.Decode(data)
	var refs []string
	for _, f := range m.Hello.Follow {
		refs = append(refs, f.Publisher+"/"+f.List)
	}
	sort.Strings(refs)
	if strings.Join(refs, " ") != "a/three b/two" {
		t.Errorf("following %v, want a/three b/two", refs)
	}
}

// A bare id that two loaded lists share names neither in a hello; the
// qualified names name each.
func TestHelloNamesSameIDListsByPublisher(t *testing.T) {
	e, ngo := setup(t)
	other := testlists.NewPublisher("other")
	if err := e.Trust(other.ID, other.Public); err != nil {
		t.Fatal(err)
	}
	mustLoad(t, e, ngo.Sign(smallList(ngo, 2)))
	mustLoad(t, e, other.Sign(other.List("small", 5, testlists.Term("slur", "scum", rules.Racism, 0.9))))
	if _, err := e.Hello(map[string]uint64{"small": 2}, nil); err == nil || !strings.Contains(err.Error(), `list "small" is published by ngo and other`) {
		t.Errorf("Hello(held small) = %v, want an ambiguity error", err)
	}
	data, err := e.Hello(map[string]uint64{"ngo/small": 2, "other/small": 5}, []string{"ngo/small", "other/small"})
	if err != nil {
		t.Fatal(err)
	}
	m, _ := wire.Decode(data)
	if len(m.Hello.Held) != 2 || m.Hello.Held[0].Publisher != "ngo" || m.Hello.Held[1].Publisher != "other" || m.Hello.Held[1].Version != 5 {
		t.Errorf("hello = %+v", m.Hello)
	}
}
