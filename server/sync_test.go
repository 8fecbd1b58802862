package server

import (
	"bytes"
	"testing"
	"time"

	"voile/shared/bundle"
	"voile/shared/wire"
)

func TestSnapshotThenLiveDelta(t *testing.T) {
	e := newEnv(t, Config{})
	e.publish(list("en", 1, 500, "a"))
	c := e.connect()
	c.hello(nil, "en")
	cat := c.expect(wire.TCatalog).Catalog
	if len(cat.Lists) != 1 || cat.Lists[0].PublicKey != bundle.FormatPublicKey(e.pub) || cat.Lists[0].Version != 1 {
		t.Fatalf("catalog %+v", cat)
	}
	snap := c.expect(wire.TSnapshot).Snapshot
	if snap.Live {
		t.Error("snapshot answering a hello is marked live")
	}
	l, err := snap.Bundle.Open(e.pub)
	if err != nil || l.Version != 1 {
		t.Fatalf("open snapshot: %v", err)
	}
	if s := c.expect(wire.TSynced).Synced; len(s.Lists) != 1 || s.Lists[0].Version != 1 {
		t.Fatalf("synced %+v", s)
	}

	next := list("en", 2, 500, "a")
	next.Rules[7].Text = "edited"
	e.publish(next)
	d := c.expect(wire.TDelta).Delta
	if !d.Live || d.From != 1 || d.Version != 2 {
		t.Fatalf("delta %+v", d)
	}
	rebuilt, err := d.Apply(&snap.Bundle)
	if err != nil {
		t.Fatal(err)
	}
	l, err = rebuilt.Open(e.pub)
	if err != nil || l.Rules[7].Text != "edited" {
		t.Fatalf("open rebuilt v2: %v", err)
	}
}

func TestResumeFromHeldVersion(t *testing.T) {
	e := newEnv(t, Config{})
	e.publish(list("en", 1, 300, "a"))
	_, v1 := e.latest("en")
	e.publish(list("en", 2, 301, "a"))
	e.publish(list("en", 3, 302, "a"))
	e.publish(list("fr", 1, 10, "b"))
	base, _ := bundle.Decode(v1)

	c := e.connect()
	c.hello(map[string]uint64{"en": 1, "fr": 1}, "en", "fr")
	c.expect(wire.TCatalog)
	d := c.expect(wire.TDelta).Delta // fr is current: nothing for it
	if d.Live || d.From != 1 || d.Version != 3 {
		t.Fatalf("delta %+v", d)
	}
	rebuilt, err := d.Apply(base)
	if err != nil {
		t.Fatal(err)
	}
	_, v3 := e.latest("en")
	if !bytes.Equal(rebuilt.Encode(), v3) {
		t.Fatal("rebuilt v3 differs from the stored bundle")
	}
	if _, err := rebuilt.Open(e.pub); err != nil {
		t.Fatal(err)
	}
	s := c.expect(wire.TSynced).Synced
	if len(s.Lists) != 2 || s.Lists[0].Version != 3 || s.Lists[1].Version != 1 {
		t.Fatalf("synced %+v", s)
	}

	// A second hello changes what the connection follows: fr only.
	c.hello(map[string]uint64{"fr": 1}, "fr")
	c.expect(wire.TCatalog)
	c.expect(wire.TSynced)
	e.publish(list("en", 4, 303, "a"))
	e.publish(list("fr", 2, 11, "b"))
	m := c.next()
	if m.Type == wire.TSnapshot && m.Snapshot.Bundle.ListID != "fr" || m.Type == wire.TDelta && m.Delta.List != "fr" {
		t.Fatalf("got %s for a list no longer followed", m.Type)
	}
}

func TestPushReachesEverySubscriberOnce(t *testing.T) {
	e := newEnv(t, Config{})
	e.publish(list("en", 1, 50, "a"))
	var cs []*client
	for i := 0; i < 20; i++ {
		c := e.subscribe("en")
		cs = append(cs, c)
	}
	if n := e.srv.hub.counts()["ngo/en"]; n != 20 {
		t.Fatalf("subscriber count %d, want 20", n)
	}
	for v := uint64(2); v <= 4; v++ {
		e.publish(list("en", v, 50, "a"))
	}
	for _, c := range cs {
		for v := uint64(2); v <= 4; v++ {
			if d := c.expect(wire.TDelta).Delta; d.Version != v {
				t.Fatalf("got version %d, want %d", d.Version, v)
			}
		}
	}
	cs[0].ws.Close()
	deadline := 100
	for e.srv.hub.counts()["ngo/en"] != 19 && deadline > 0 {
		deadline--
		cs[1].ws.SetReadDeadline(time.Now().Add(10e6))
		cs[1].ws.ReadMessage()
	}
	if n := e.srv.hub.counts()["ngo/en"]; n != 19 {
		t.Errorf("subscriber count after a close %d, want 19", n)
	}
}

// A list published for the first time is announced to every connection
// by a catalog, so clients can follow it without reconnecting.
func TestNewListAnnounced(t *testing.T) {
	e := newEnv(t, Config{})
	e.publish(list("en", 1, 5, "a"))
	c := e.subscribe("en")
	e.publish(list("fr", 1, 5, "b"))
	cat := c.expect(wire.TCatalog).Catalog
	if len(cat.Lists) != 2 || cat.Lists[1].List != "fr" {
		t.Fatalf("catalog %+v", cat.Lists)
	}
	c.hello(map[string]uint64{"en": 1}, "en", "fr")
	c.expect(wire.TCatalog)
	if s := c.expect(wire.TSnapshot).Snapshot; s.Bundle.ListID != "fr" {
		t.Fatalf("snapshot of %s, want fr", s.Bundle.ListID)
	}
	c.expect(wire.TSynced)
	// A new version of a known list is not announced to others.
	e.publish(list("en", 2, 5, "a"))
	if d := c.expect(wire.TDelta).Delta; d.List != "en" || d.Version != 2 {
		t.Fatalf("delta %+v", d)
	}
}
