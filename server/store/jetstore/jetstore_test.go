package jetstore

import (
	"errors"
	"fmt"
	"reflect"
	"testing"
	"time"

	"voile/server/store"
)

func version(pub, list string, v uint64) (*store.Version, *store.ListInfo) {
	return &store.Version{Publisher: pub, List: list, Version: v, Published: int64(v), Bundle: []byte(fmt.Sprintf("bundle %s/%s v%d", pub, list, v))},
		&store.ListInfo{Publisher: pub, List: list, Latest: v, Name: "n", Langs: []string{"en"}, Published: int64(v)}
}

func fill(t *testing.T, s store.Store) {
	t.Helper()
	for _, p := range []string{"ngo-b", "ngo-a"} {
		if err := s.PutPublisher(&store.Publisher{ID: p, Name: p, PublicKey: "voile-pub-" + p, TokenHash: []byte{1, 2}}); err != nil {
			t.Fatal(err)
		}
	}
	for v := uint64(1); v <= 3; v++ {
		for _, l := range []string{"en", "fr"} {
			if err := s.Append(version("ngo-a", l, v)); err != nil {
				t.Fatal(err)
			}
		}
	}
}

func TestStore(t *testing.T) {
	path := t.TempDir()
	s, err := OpenDir(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	fill(t, s)

	// Stale and repeated versions are refused and change nothing.
	for _, v := range []uint64{3, 2, 0} {
		if err := s.Append(version("ngo-a", "en", v)); !errors.Is(err, store.ErrStale) {
			t.Errorf("append v%d over v3: got %v, want ErrStale", v, err)
		}
	}
	if err := s.Append(version("ngo-a", "en", 9)); err != nil {
		t.Fatal(err)
	}
	if _, err := OpenDir(path, nil); err == nil {
		t.Error("a second Open of a store in use succeeded")
	}
	s.Close()

	s, err = OpenDir(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	check(t, s)

	// The flat snapshot reads the same as the store, without token hashes.
	kv, err := store.Export(s)
	if err != nil {
		t.Fatal(err)
	}
	bulk, err := store.BulkJSON(kv)
	if err != nil {
		t.Fatal(err)
	}
	parsed, err := store.ParseBulkJSON(bulk)
	if err != nil {
		t.Fatal(err)
	}
	flat := store.MapReader(parsed)
	check(t, flat)
	p, err := flat.Publisher("ngo-a")
	if err != nil || len(p.TokenHash) != 0 {
		t.Errorf("flat publisher: %+v, %v; want it without token hash", p, err)
	}
	for _, r := range []store.Reader{s, flat} {
		l1, _ := s.Lists()
		l2, _ := r.Lists()
		if !reflect.DeepEqual(l1, l2) {
			t.Errorf("%T lists differ: %+v", r, l2)
		}
	}
}

func check(t *testing.T, r store.Reader) {
	t.Helper()
	pubs, err := r.Publishers()
	if err != nil || len(pubs) != 2 || pubs[0].ID != "ngo-a" {
		t.Errorf("%T publishers: %+v, %v", r, pubs, err)
	}
	lists, err := r.Lists()
	if err != nil || len(lists) != 2 || lists[0].List != "en" || lists[0].Latest != 9 || lists[1].Latest != 3 {
		t.Errorf("%T lists: %+v, %v", r, lists, err)
	}
	latest, err := r.Version("ngo-a", "en", 0)
	if err != nil || latest.Version != 9 || string(latest.Bundle) != "bundle ngo-a/en v9" {
		t.Errorf("%T latest: %+v, %v", r, latest, err)
	}
	v2, err := r.Version("ngo-a", "fr", 2)
	if err != nil || string(v2.Bundle) != "bundle ngo-a/fr v2" {
		t.Errorf("%T v2: %+v, %v", r, v2, err)
	}
	h, err := r.History("ngo-a", "en")
	if err != nil || len(h) != 4 || h[3].Version != 9 || len(h[0].Bundle) != 0 {
		t.Errorf("%T history: %+v, %v", r, h, err)
	}
	for _, q := range [][3]any{{"ngo-a", "en", uint64(5)}, {"ngo-a", "de", uint64(0)}, {"nobody", "en", uint64(1)}} {
		if _, err := r.Version(q[0].(string), q[1].(string), q[2].(uint64)); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("%T version %v: got %v, want ErrNotFound", r, q, err)
		}
	}
	if _, err := r.Publisher("nobody"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("%T unknown publisher: %v", r, err)
	}
}

func TestAdaptersSurviveReopen(t *testing.T) {
	path := t.TempDir()
	s, err := OpenDir(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := s.AllAdapters(); err != nil || len(got) != 0 {
		t.Fatalf("fresh store: %v %v, want none", got, err)
	}
	for _, a := range []store.Adapters{
		{Publisher: "ngo-b", Document: []byte(`{"b":1}`), Sig: []byte{1}, Published: 1},
		{Publisher: "ngo-a", Document: []byte(`{"a":1}`), Sig: []byte{2}, Published: 2},
		{Publisher: "ngo-a", Document: []byte(`{"a":2}`), Sig: []byte{3}, Published: 3},
	} {
		if err := s.PutAdapters(&a); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.PutAdapters(&store.Adapters{Publisher: "ngo-c"}); err == nil {
		t.Error("stored an empty adapter document")
	}
	s.Close()
	s, err = OpenDir(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got, err := s.AllAdapters()
	if err != nil {
		t.Fatal(err)
	}
	want := []store.Adapters{
		{Publisher: "ngo-a", Document: []byte(`{"a":2}`), Sig: []byte{3}, Published: 3},
		{Publisher: "ngo-b", Document: []byte(`{"b":1}`), Sig: []byte{1}, Published: 1},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("after reopen: %+v, want %+v", got, want)
	}
}

// A consumer that stops delivering (as one whose NATS server went away
// and whose recreation is still backing off) is replaced: the view
// catches up with what another node wrote meanwhile, and misses nothing.
func TestGuardReplacesStalledConsumer(t *testing.T) {
	a, err := OpenDir(t.TempDir(), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := Open(Options{Server: a.owned, Name: "b"})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if err := a.Append(version("ngo", "en", 1)); err != nil {
		t.Fatal(err)
	}
	b.waitSeq(1, 5*time.Second)
	b.stopConsumer()
	for v := uint64(2); v <= 4; v++ {
		if err := a.Append(version("ngo", "en", v)); err != nil {
			t.Fatal(err)
		}
		if err := a.Append(version("ngo", "fr", v)); err != nil {
			t.Fatal(err)
		}
	}
	if !b.waitSeq(7, stallAfter+5*guardEvery) {
		t.Fatalf("view still behind the stream after %v", stallAfter+5*guardEvery)
	}
	h, err := b.History("ngo", "en")
	if err != nil {
		t.Fatal(err)
	}
	if len(h) != 4 || h[3].Version != 4 {
		t.Errorf("history after the consumer was replaced: %+v, want versions 1-4", h)
	}
	if v, err := b.Version("ngo", "fr", 0); err != nil || v.Version != 4 {
		t.Errorf("latest fr: %v, %v; want v4", v, err)
	}
}
