package wire

import (
	"bytes"
	"crypto/ed25519"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/tinylib/msgp/msgp"

	"voile/shared/bundle"
	"voile/shared/rules"
)

func testList(version uint64, n int) *rules.List {
	l := &rules.List{ID: "test-en", Publisher: "ngo", Version: version, Name: "Test", Langs: []string{"en"}}
	for i := 0; i < n; i++ {
		l.Rules = append(l.Rules, rules.Rule{
			ID: fmt.Sprintf("r%d", i), Kind: rules.Term, Text: fmt.Sprintf("badword%d", i),
			Category: rules.Racism, Weight: 0.8,
		})
	}
	return l
}

func testKey(t testing.TB) (ed25519.PublicKey, ed25519.PrivateKey) {
	pub, priv, err := ed25519.GenerateKey(bytes.NewReader(make([]byte, 64)))
	if err != nil {
		t.Fatal(err)
	}
	return pub, priv
}

func TestRoundTrip(t *testing.T) {
	_, priv := testKey(t)
	b, err := bundle.Sign(testList(3, 5), priv)
	if err != nil {
		t.Fatal(err)
	}
	msgs := []*Message{
		NewHello([]ListRef{{"ngo", "test-en"}}, []Held{{"ngo", "test-en", 2}}),
		{Type: TCatalog, Catalog: &Catalog{Lists: []Entry{{Publisher: "ngo", PublicKey: "voile-pub-x", List: "test-en", Langs: []string{"en"}, Version: 3}}}},
		{Type: TSnapshot, Snapshot: &Snapshot{Bundle: *b, Live: true}},
		{Type: TSynced, Synced: &Synced{Lists: []Held{{"ngo", "test-en", 3}}}},
		NewError(CodeStale, "version %d", 2),
		{Type: TAdapters, Adapters: &Adapters{Publisher: "ngo", Document: []byte(`{"version":1}`), Sig: make([]byte, 64)}},
	}
	for _, m := range msgs {
		got, err := Decode(m.Encode())
		if err != nil {
			t.Fatalf("%s: %v", m.Type, err)
		}
		if !bytes.Equal(got.Encode(), m.Encode()) {
			t.Errorf("%s: round trip changed the message", m.Type)
		}
	}
}

func TestDecodeRefuses(t *testing.T) {
	hello := NewHello(nil, nil).Encode()
	oldProto := NewHello(nil, nil)
	oldProto.Proto = 0
	raw, _ := oldProto.MarshalMsg(nil)
	many := make([]ListRef, MaxFollow+1)
	overLimit := msgp.AppendMapHeader(nil, 3)
	overLimit = msgp.AppendString(overLimit, "proto")
	overLimit = msgp.AppendUint32(overLimit, Proto)
	overLimit = msgp.AppendString(overLimit, "type")
	overLimit = msgp.AppendString(overLimit, "hello")
	overLimit = msgp.AppendString(overLimit, "hello")
	overLimit = msgp.AppendMapHeader(overLimit, 1)
	overLimit = msgp.AppendString(overLimit, "follow")
	overLimit = msgp.AppendArrayHeader(overLimit, 1<<30) // then nothing: must fail before allocating
	cases := []struct {
		name string
		data []byte
		code string
	}{
		{"empty", nil, CodeBadMessage},
		{"not msgpack", []byte("hello"), CodeBadMessage},
		{"truncated", hello[:len(hello)-1], CodeBadMessage},
		{"trailing", append(append([]byte{}, hello...), 0xc0), CodeBadMessage},
		{"other protocol", raw, CodeProto},
		{"unknown type", (&Message{Type: "gossip", Hello: &Hello{}}).Encode(), CodeBadMessage},
		{"missing body", (&Message{Type: THello}).Encode(), CodeBadMessage},
		{"two bodies", (&Message{Type: THello, Hello: &Hello{}, Synced: &Synced{}}).Encode(), CodeBadMessage},
		{"too many follows", NewHello(many, nil).Encode(), CodeBadMessage},
		{"array over the limit", overLimit, CodeBadMessage},
		{"too large", make([]byte, MaxMessage+1), CodeTooLarge},
		{"adapters without body", (&Message{Type: TAdapters}).Encode(), CodeBadMessage},
		{"adapters with a short signature", (&Message{Type: TAdapters, Adapters: &Adapters{Publisher: "ngo", Document: []byte("{}"), Sig: make([]byte, 63)}}).Encode(), CodeBadMessage},
		{"adapter document over the limit", (&Message{Type: TAdapters, Adapters: &Adapters{Publisher: "ngo", Document: make([]byte, bundle.MaxAdapters+1), Sig: make([]byte, 64)}}).Encode(), CodeBadMessage},
		{"adapter document over the decoder's limit", adaptersOverLimit(), CodeBadMessage},
	}
	for _, c := range cases {
		_, err := Decode(c.data)
		var we *Error
		if !errors.As(err, &we) || we.Code != c.code {
			t.Errorf("%s: got %v, want code %s", c.name, err, c.code)
		}
	}
	if _, err := Decode(overLimit); err == nil || !strings.Contains(err.Error(), "limit") {
		t.Errorf("array over the limit: got %v, want the decoder's limit error", err)
	}
}

// signedPair returns two signed versions of a list, the second edited.
func signedPair(t testing.TB, priv ed25519.PrivateKey, n int) (*bundle.Bundle, *bundle.Bundle) {
	old, next := testList(1, n), testList(2, n)
	next.Rules[n/2].Text = "changedword"
	next.Rules = append(next.Rules[:n/3], next.Rules[n/3+1:]...)
	next.Rules = append(next.Rules, rules.Rule{ID: "new", Kind: rules.Phrase, Text: "a new phrase", Category: rules.Sexism, Weight: 0.5})
	next.Description = "edited"
	a, err := bundle.Sign(old, priv)
	if err != nil {
		t.Fatal(err)
	}
	b, err := bundle.Sign(next, priv)
	if err != nil {
		t.Fatal(err)
	}
	return a, b
}

func TestDeltaRebuildsSignedVersion(t *testing.T) {
	pub, priv := testKey(t)
	a, b := signedPair(t, priv, 1000)
	d, err := Diff(a, b)
	if err != nil {
		t.Fatal(err)
	}
	msg := (&Message{Type: TDelta, Delta: d}).Encode()
	snap := (&Message{Type: TSnapshot, Snapshot: &Snapshot{Bundle: *b}}).Encode()
	if len(msg)*10 > len(snap) {
		t.Errorf("delta message is %d bytes, snapshot %d: want a tenth or less", len(msg), len(snap))
	}
	got, err := Decode(msg)
	if err != nil {
		t.Fatal(err)
	}
	rebuilt, err := got.Delta.Apply(a)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(rebuilt.Encode(), b.Encode()) {
		t.Fatal("rebuilt bundle differs from the signed one")
	}
	l, err := rebuilt.Open(pub)
	if err != nil {
		t.Fatal(err)
	}
	if l.Version != 2 || l.Description != "edited" {
		t.Errorf("opened version %d %q", l.Version, l.Description)
	}
}

func TestDeltaTamperedFailsSignature(t *testing.T) {
	pub, priv := testKey(t)
	a, b := signedPair(t, priv, 50)
	d, err := Diff(a, b)
	if err != nil {
		t.Fatal(err)
	}
	// Replace the first literal with other bytes of the same length.
	for i, op := range d.Ops {
		if len(op.Data) > 0 {
			d.Ops[i].Data = bytes.Repeat([]byte{'x'}, len(op.Data))
			break
		}
	}
	rebuilt, err := d.Apply(a)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := rebuilt.Open(pub); !errors.Is(err, bundle.ErrSignature) {
		t.Fatalf("tampered delta opened: %v", err)
	}
}

func TestApplyRefusesBadDeltas(t *testing.T) {
	_, priv := testKey(t)
	a, b := signedPair(t, priv, 20)
	good, err := Diff(a, b)
	if err != nil {
		t.Fatal(err)
	}
	cases := map[string]func(d *Delta){
		"other list":          func(d *Delta) { d.List = "other" },
		"other base version":  func(d *Delta) { d.From = 7 },
		"version not above":   func(d *Delta) { d.Version = d.From },
		"copy past base":      func(d *Delta) { d.Ops = []Op{{Off: uint32(len(a.List)), Len: 1}} },
		"copy overflows":      func(d *Delta) { d.Ops = []Op{{Off: ^uint32(0), Len: 2}} },
		"empty copy":          func(d *Delta) { d.Ops = []Op{{}} },
		"data and range":      func(d *Delta) { d.Ops = []Op{{Off: 1, Data: []byte("x")}} },
		"past announced size": func(d *Delta) { d.Size = 1 },
		"short of size":       func(d *Delta) { d.Size++ },
		"huge size":           func(d *Delta) { d.Size = bundle.MaxSize + 1 },
	}
	for name, mutate := range cases {
		d := *good
		d.Ops = append([]Op(nil), good.Ops...)
		mutate(&d)
		if _, err := d.Apply(a); err == nil {
			t.Errorf("%s: applied", name)
		}
	}
	if _, err := Diff(b, a); err == nil {
		t.Error("diff to an older version succeeded")
	}
}

func TestDiffEdgeCases(t *testing.T) {
	cases := [][2]string{
		{"", ""},
		{"", "abcdefghijklmnopqrstuvwxyz0123456789"},
		{"abcdefghijklmnopqrstuvwxyz0123456789", ""},
		{"abcdefghijklmnopqrstuvwxyz0123456789", "abcdefghijklmnopqrstuvwxyz0123456789"},
		{"0123456789abcdef0123456789abcdef", "xx0123456789abcdef0123456789abcdefyy0123456789abcdef"},
	}
	for _, c := range cases {
		a := &bundle.Bundle{ListID: "l", Publisher: "p", Version: 1, List: []byte(c[0])}
		b := &bundle.Bundle{ListID: "l", Publisher: "p", Version: 2, List: []byte(c[1])}
		d, err := Diff(a, b)
		if err != nil {
			t.Fatal(err)
		}
		got, err := d.Apply(a)
		if err != nil {
			t.Fatalf("%q -> %q: %v", c[0], c[1], err)
		}
		if !bytes.Equal(got.List, b.List) {
			t.Errorf("%q -> %q: rebuilt %q", c[0], c[1], got.List)
		}
	}
}

// adaptersOverLimit is an adapters message whose document claims 1 GiB:
// the decoder must refuse it before allocating.
func adaptersOverLimit() []byte {
	b := msgp.AppendMapHeader(nil, 3)
	b = msgp.AppendString(b, "proto")
	b = msgp.AppendUint32(b, Proto)
	b = msgp.AppendString(b, "type")
	b = msgp.AppendString(b, string(TAdapters))
	b = msgp.AppendString(b, "adapters")
	b = msgp.AppendMapHeader(b, 1)
	b = msgp.AppendString(b, "document")
	return append(b, 0xc6, 0x40, 0, 0, 0) // bin32 header of 1 GiB, then nothing
}

func FuzzDecode(f *testing.F) {
	_, priv := testKey(f)
	a, b := signedPair(f, priv, 10)
	d, _ := Diff(a, b)
	f.Add(NewHello([]ListRef{{"ngo", "l"}}, []Held{{"ngo", "l", 1}}).Encode())
	f.Add((&Message{Type: TDelta, Delta: d}).Encode())
	f.Add((&Message{Type: TSnapshot, Snapshot: &Snapshot{Bundle: *b}}).Encode())
	f.Add((&Message{Type: TAdapters, Adapters: &Adapters{Publisher: "ngo", Document: []byte("{}"), Sig: make([]byte, 64)}}).Encode())
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := Decode(data)
		if err != nil {
			return
		}
		if m.Delta != nil {
			m.Delta.Apply(a) // must not panic, whatever it says
		}
		if _, err := Decode(m.Encode()); err != nil {
			t.Fatalf("re-encoded message does not decode: %v", err)
		}
	})
}

func FuzzDiff(f *testing.F) {
	f.Add([]byte("0123456789abcdef0123456789abcdef"), []byte("xx0123456789abcdef0123456789abcdef"))
	f.Fuzz(func(t *testing.T, x, y []byte) {
		a := &bundle.Bundle{ListID: "l", Publisher: "p", Version: 1, List: x}
		b := &bundle.Bundle{ListID: "l", Publisher: "p", Version: 2, List: y}
		d, err := Diff(a, b)
		if err != nil {
			t.Fatal(err)
		}
		got, err := d.Apply(a)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.List, y) {
			t.Fatalf("rebuilt %q, want %q", got.List, y)
		}
	})
}

// A hello of many empty items is refused before the decoder allocates
// room for them: decoding a hello costs about its own size, not 60 times
// more.
func TestHelloDecodingBoundedByFrame(t *testing.T) {
	const items = 64<<10 - 64
	var b []byte
	b = msgp.AppendMapHeader(b, 3)
	b = msgp.AppendString(b, "proto")
	b = msgp.AppendUint32(b, Proto)
	b = msgp.AppendString(b, "type")
	b = msgp.AppendString(b, string(THello))
	b = msgp.AppendString(b, "hello")
	b = msgp.AppendMapHeader(b, 2)
	b = msgp.AppendString(b, "follow")
	b = msgp.AppendArrayHeader(b, 0)
	b = msgp.AppendString(b, "held")
	b = msgp.AppendArrayHeader(b, items)
	for range items {
		b = msgp.AppendMapHeader(b, 0)
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	_, err := Decode(b)
	runtime.ReadMemStats(&after)
	if err == nil {
		t.Error("a hello holding 65000 lists decoded")
	}
	if cost := after.TotalAlloc - before.TotalAlloc; cost > 4*uint64(len(b)) {
		t.Errorf("decoding a %d-byte hello allocated %d bytes", len(b), cost)
	}
}

// TestLargeListsTravel sends a list far above the array limit of decoding
// (a starter list, or a list carrying a model) as a snapshot and as a
// delta whose one literal is the whole new part.
func TestLargeListsTravel(t *testing.T) {
	_, priv := testKey(t)
	small, err := bundle.Sign(testList(1, 3), priv)
	if err != nil {
		t.Fatal(err)
	}
	big := testList(2, 9000)
	b, err := bundle.Sign(big, priv)
	if err != nil {
		t.Fatal(err)
	}
	if len(b.List) < 200_000 {
		t.Fatalf("list of %d bytes, want one above 200,000", len(b.List))
	}
	d, err := Diff(small, b)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range []*Message{{Type: TSnapshot, Snapshot: &Snapshot{Bundle: *b}}, {Type: TDelta, Delta: d}} {
		if _, err := Decode(m.Encode()); err != nil {
			t.Errorf("%s of a %d-byte list: %v", m.Type, len(b.List), err)
		}
	}
}
