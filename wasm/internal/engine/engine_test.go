package engine

import (
	"crypto/ed25519"
	"strings"
	"testing"

	"voile/shared/bundle"
	"voile/shared/rules"
	"voile/wasm/internal/testlists"
)

// setup returns an engine trusting one publisher, and that publisher.
func setup(t *testing.T) (*Engine, *testlists.Publisher) {
	t.Helper()
	e := New()
	p := testlists.NewPublisher("ngo")
	if err := e.Trust(p.ID, p.Public); err != nil {
		t.Fatal(err)
	}
	return e, p
}

func smallList(p *testlists.Publisher, version uint64) *rules.List {
	return p.List("small", version,
		testlists.Term("slur", "vermin", rules.Racism, 0.9, "vermin control"),
		testlists.Phrase("go-back", "go back where you came from", rules.Xenophobia, 0.7),
		testlists.Pattern("num", `\b14 ?88\b`, rules.Antisemitism, 0.8),
	)
}

func mustLoad(t *testing.T, e *Engine, data []byte) Info {
	t.Helper()
	info, err := e.Load(data)
	if err != nil {
		t.Fatal(err)
	}
	return info
}

func classify(t *testing.T, e *Engine, q *Request) []Verdict {
	t.Helper()
	res, err := e.Classify(AppendRequest(nil, q))
	if err != nil {
		t.Fatal(err)
	}
	vs, err := ParseResponse(res)
	if err != nil {
		t.Fatal(err)
	}
	if len(vs) != len(q.Texts) {
		t.Fatalf("%d verdicts for %d texts", len(vs), len(q.Texts))
	}
	return vs
}

// loadedVersion returns the version of the loaded list id, or 0.
func loadedVersion(e *Engine, id string) uint64 {
	for _, l := range e.Lists() {
		if l.ID == id {
			return l.Version
		}
	}
	return 0
}

func TestLoadAndList(t *testing.T) {
	e, p := setup(t)
	info := mustLoad(t, e, p.Sign(smallList(p, 3)))
	want := Info{ID: "small", Publisher: "ngo", Version: 3, Name: "Test list small", Langs: []string{"en"}, Rules: 3}
	if info.ID != want.ID || info.Publisher != want.Publisher || info.Version != want.Version || info.Rules != want.Rules || info.Name != want.Name {
		t.Errorf("Load = %+v, want %+v", info, want)
	}
	if got := e.Lists(); len(got) != 1 || got[0].ID != "small" {
		t.Errorf("Lists = %+v", got)
	}
}

func TestRefusedBundlesKeepPreviousLists(t *testing.T) {
	e, p := setup(t)
	good := p.Sign(smallList(p, 2))
	mustLoad(t, e, good)

	otherKey := testlists.NewPublisher("ngo") // same id, key not trusted
	invalid := smallList(p, 5)
	invalid.Rules[0].Weight = 7
	twin := smallList(p, 2)
	twin.Name = "changed"

	cases := []struct {
		name, want string
		data       []byte
	}{
		{"garbage", "decode bundle", []byte("not a bundle")},
		{"empty", "decode bundle", nil},
		{"unknown publisher", `unknown publisher "nobody"`, testlists.NewPublisher("nobody").Sign(smallList(testlists.NewPublisher("nobody"), 4))},
		{"tampered", "bad signature", testlists.Tampered(p.Sign(smallList(p, 4)))},
		{"wrong key", "bad signature", otherKey.Sign(smallList(otherKey, 4))},
		{"invalid list", "weight", p.SignUnchecked(invalid)},
		{"older", "older than the loaded version 2", p.Sign(smallList(p, 1))},
		{"same version, other content", "differs from the loaded list", p.Sign(twin)},
	}
	for _, c := range cases {
		_, err := e.Load(c.data)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: Load error %v, want one containing %q", c.name, err, c.want)
		}
		if v := loadedVersion(e, "small"); v != 2 || len(e.Lists()) != 1 {
			t.Errorf("%s: after a refused bundle, lists are %+v, want small v2 alone", c.name, e.Lists())
		}
		vs := classify(t, e, &Request{Sensitivity: 0.5, Texts: []string{"vermin"}})
		if !vs[0].Flagged {
			t.Errorf("%s: the previous list no longer flags", c.name)
		}
	}
	// The same signed list again is accepted and changes nothing.
	if info := mustLoad(t, e, good); info.Version != 2 {
		t.Errorf("reload: version %d", info.Version)
	}
}

func TestNewerVersionReplaces(t *testing.T) {
	e, p := setup(t)
	mustLoad(t, e, p.Sign(smallList(p, 1)))
	v2 := p.List("small", 2, testlists.Term("other", "scum", rules.Racism, 0.9))
	mustLoad(t, e, p.Sign(v2))
	vs := classify(t, e, &Request{Sensitivity: 0.5, Texts: []string{"vermin", "scum"}})
	if vs[0].Flagged || !vs[1].Flagged {
		t.Errorf("after v2: vermin flagged %v, scum flagged %v; want false, true", vs[0].Flagged, vs[1].Flagged)
	}
	if len(e.Lists()) != 1 {
		t.Errorf("Lists = %+v, want one list", e.Lists())
	}
}

// Two trusted publishers that both name a list "small" do not block each
// other: both lists load, both classify, each is replaced, unloaded and
// corrected as its own.
func TestSameListIDOfTwoPublishers(t *testing.T) {
	e, ngo := setup(t)
	other := testlists.NewPublisher("other")
	if err := e.Trust(other.ID, other.Public); err != nil {
		t.Fatal(err)
	}
	mustLoad(t, e, ngo.Sign(smallList(ngo, 2)))
	theirs := func(v uint64) []byte {
		return other.Sign(other.List("small", v, testlists.Term("slur", "scum", rules.Racism, 0.9)))
	}
	if info := mustLoad(t, e, theirs(1)); info.Publisher != "other" || info.ID != "small" {
		t.Errorf("Load = %+v", info)
	}
	if got := e.Lists(); len(got) != 2 || got[0].Publisher != "ngo" || got[1].Publisher != "other" {
		t.Fatalf("Lists = %+v, want ngo/small and other/small", got)
	}
	texts := []string{"vermin", "scum"}
	vs := classify(t, e, &Request{Sensitivity: 0.5, Texts: texts})
	if !vs[0].Flagged || !vs[1].Flagged || vs[0].Reasons[0].Publisher != "ngo" || vs[1].Reasons[0].Publisher != "other" {
		t.Errorf("both lists: %+v", vs)
	}
	// The same rule id in both lists: turning off one publisher's leaves
	// the other's counting.
	vs = classify(t, e, &Request{Sensitivity: 0.5, AllowRules: []string{"other/small/slur"}, Texts: texts})
	if !vs[0].Flagged || vs[1].Flagged {
		t.Errorf("other/small/slur off: flagged %v %v, want true false", vs[0].Flagged, vs[1].Flagged)
	}
	vs = classify(t, e, &Request{Sensitivity: 0.5, AllowRules: []string{"ngo/small/slur"}, Texts: texts})
	if vs[0].Flagged || !vs[1].Flagged {
		t.Errorf("ngo/small/slur off: flagged %v %v, want false true", vs[0].Flagged, vs[1].Flagged)
	}
	// A version of one is compared with that publisher's list alone.
	mustLoad(t, e, theirs(3))
	if _, err := e.Load(ngo.Sign(smallList(ngo, 1))); err == nil || !strings.Contains(err.Error(), "older than the loaded version 2") {
		t.Errorf("ngo/small v1 after other/small v3: %v", err)
	}
	// A bare id names neither; the qualified name names one.
	if e.Unload("small") {
		t.Error(`Unload("small") removed one of two lists of that id`)
	}
	if !e.Unload("other/small") {
		t.Error(`Unload("other/small") = false`)
	}
	if got := e.Lists(); len(got) != 1 || got[0].Publisher != "ngo" {
		t.Errorf("after unloading other/small: %+v", got)
	}
	vs = classify(t, e, &Request{Sensitivity: 0.5, Texts: texts})
	if !vs[0].Flagged || vs[1].Flagged {
		t.Errorf("after unloading other/small: flagged %v %v, want true false", vs[0].Flagged, vs[1].Flagged)
	}
}

func TestUnload(t *testing.T) {
	e, p := setup(t)
	mustLoad(t, e, p.Sign(smallList(p, 1)))
	mustLoad(t, e, p.Sign(p.List("second", 1, testlists.Term("s", "scum", rules.Racism, 0.9))))
	if ok := e.Unload("nope"); ok {
		t.Errorf("Unload(nope) = %v", ok)
	}
	if ok := e.Unload("ngo/small"); !ok {
		t.Errorf("Unload(ngo/small) = %v", ok)
	}
	vs := classify(t, e, &Request{Sensitivity: 0.5, Texts: []string{"vermin", "scum"}})
	if vs[0].Flagged || !vs[1].Flagged {
		t.Errorf("after unloading small: %v %v", vs[0].Flagged, vs[1].Flagged)
	}
	if ok := e.Unload("second"); !ok || len(e.Lists()) != 0 {
		t.Errorf("Unload(second) = %v, lists %+v", ok, e.Lists())
	}
}

func TestTrustRefusesBadKeys(t *testing.T) {
	e := New()
	p := testlists.NewPublisher("ngo")
	for _, c := range []struct{ pub, key, want string }{
		{"", p.Public, "empty publisher"},
		{"ngo", "", "voile-pub-"},
		{"ngo", "voile-pub-AAAA", "bytes, want 32"},
		{"ngo", "voile-pub-!!!", "illegal"},
		{"ngo", strings.Replace(p.Public, "pub", "priv", 1), "voile-pub-"},
	} {
		err := e.Trust(c.pub, c.key)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Trust(%q, %q) = %v, want an error containing %q", c.pub, c.key, err, c.want)
		}
	}
	if err := e.Trust("ngo", "  "+p.Public+"\n"); err != nil {
		t.Errorf("Trust with surrounding space: %v", err)
	}
	if err := e.Trust("ngo", p.Public); err != nil {
		t.Errorf("Trust again with the same key: %v", err)
	}
	// A pinned publisher keeps its key.
	other := testlists.NewPublisher("ngo")
	if err := e.Trust("ngo", other.Public); err == nil || !strings.Contains(err.Error(), "pinned to another key; a key change is refused") {
		t.Errorf("Trust with another key = %v, want a refusal", err)
	}
	if !e.keys["ngo"].Equal(mustKey(t, p.Public)) {
		t.Error("the refused key replaced the pinned one")
	}
}

func mustKey(t *testing.T, text string) ed25519.PublicKey {
	t.Helper()
	k, err := bundle.ParsePublicKey(text)
	if err != nil {
		t.Fatal(err)
	}
	return k
}
