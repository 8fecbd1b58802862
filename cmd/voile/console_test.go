package main

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"voile/server"
	"voile/server/client"
	"voile/server/store/jetstore"
	"voile/shared/bundle"
	"voile/shared/rules"
)

// consoleEnv is a sync server on loopback with publisher "ngo", and a
// console for ngo's key in front of it.
type consoleEnv struct {
	t       *testing.T
	c       *consoleServer
	page    *httptest.Server
	token   string
	file    string
	other   ed25519.PrivateKey // a key the server does not know
	sync    *httptest.Server
	secret  string
	pubText string
}

func newConsoleEnv(t *testing.T) *consoleEnv {
	t.Helper()
	dir := t.TempDir()
	db, err := jetstore.OpenDir(filepath.Join(dir, "store"), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	pub, priv, _ := ed25519.GenerateKey(rand.Reader)
	p, token, err := server.NewPublisher("ngo", "An NGO", bundle.FormatPublicKey(pub))
	if err != nil {
		t.Fatal(err)
	}
	db.PutPublisher(p)
	srv, err := server.New(server.Config{PublishRate: 100, PublishBurst: 100}, db, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(srv.Handler())
	t.Cleanup(func() { srv.Shutdown(t.Context()); hs.Close() })

	e := &consoleEnv{t: t, token: token, file: filepath.Join(dir, "list.yaml"), sync: hs, pubText: bundle.FormatPublicKey(pub)}
	_, e.other, _ = ed25519.GenerateKey(rand.Reader)
	os.WriteFile(e.file, []byte(listV1), 0o644)
	e.page = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { e.c.handler().ServeHTTP(w, r) }))
	t.Cleanup(e.page.Close)
	r := &remote{}
	r.Base, r.Token = hs.URL, r.token // as flags sets them
	e.c = newConsole(r, priv, strings.TrimPrefix(e.page.URL, "http://"), e.file)
	e.secret = e.c.secret
	return e
}

// call posts body to the console's API as its page does, and decodes
// the answer into out; it returns the status and the error code.
func (e *consoleEnv) call(name string, body any, out any) (int, string) {
	e.t.Helper()
	return e.callAs(e.page.URL, e.secret, name, body, out)
}

func (e *consoleEnv) callAs(origin, secret, name string, body any, out any) (int, string) {
	e.t.Helper()
	b, _ := json.Marshal(body)
	req, _ := http.NewRequest("POST", e.page.URL+"/api/"+name, bytes.NewReader(b))
	req.Header.Set("Content-Type", "application/json")
	if origin != "" {
		req.Header.Set("Origin", origin)
	}
	if secret != "" {
		req.Header.Set("X-Voile-Console", secret)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 {
		var ce consoleErr
		json.Unmarshal(data, &ce)
		if out != nil {
			json.Unmarshal(data, out)
		}
		return resp.StatusCode, ce.Code
	}
	if out != nil {
		if err := json.Unmarshal(data, out); err != nil {
			e.t.Fatalf("%s: %v: %s", name, err, data)
		}
	}
	return 200, ""
}

func TestConsolePage(t *testing.T) {
	e := newConsoleEnv(t)
	resp, err := http.Get(e.page.URL + "/")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	csp := resp.Header.Get("Content-Security-Policy")
	if resp.StatusCode != 200 || !strings.Contains(csp, "default-src 'none'") || !strings.Contains(csp, "script-src 'self'") {
		t.Errorf("page: %d, CSP %q", resp.StatusCode, csp)
	}
	// Nothing is loaded from elsewhere, and no script is inline.
	for _, f := range []string{"index.html", "console.js", "console.css"} {
		b, _ := consoleFiles.ReadFile("console/" + f)
		if strings.Contains(string(b), "http://") || strings.Contains(string(b), "https://") {
			t.Errorf("%s names another site", f)
		}
	}
	if strings.Contains(string(body), "<script>") || strings.Contains(string(body), "onclick=") {
		t.Error("the page has inline script")
	}
	if !strings.Contains(string(body), `src="console.js"`) {
		t.Error("the page does not load console.js")
	}
}

// Only the console's own page may use its API: another origin, a missing
// or wrong secret, another host name are all refused.
func TestConsoleRefusesOtherPages(t *testing.T) {
	e := newConsoleEnv(t)
	for _, tc := range []struct {
		name, origin, secret, code string
	}{
		{"another site", "http://evil.example", e.secret, "bad_origin"},
		{"no origin", "", e.secret, "bad_origin"},
		{"same host, other port", "http://127.0.0.1:1", e.secret, "bad_origin"},
		{"no secret", e.page.URL, "", "bad_secret"},
		{"wrong secret", e.page.URL, e.secret + "x", "bad_secret"},
	} {
		if status, code := e.callAs(tc.origin, tc.secret, "session", struct{}{}, nil); status != 403 || code != tc.code {
			t.Errorf("%s: %d %s, want 403 %s", tc.name, status, code, tc.code)
		}
	}
	// DNS rebinding: a name that resolves to 127.0.0.1 is not the console.
	req, _ := http.NewRequest("GET", e.page.URL+"/", nil)
	req.Host = "evil.example:" + strings.Split(e.page.URL, ":")[2]
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 403 {
		t.Errorf("another Host: %d, want 403", resp.StatusCode)
	}
	// A form post (no JSON) is refused even with the secret.
	req, _ = http.NewRequest("POST", e.page.URL+"/api/session", strings.NewReader("a=b"))
	req.Header.Set("Origin", e.page.URL)
	req.Header.Set("X-Voile-Console", e.secret)
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if resp, err = http.DefaultClient.Do(req); err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode == 200 {
		t.Error("a form post was answered")
	}
	if _, err := listenLoopback("0.0.0.0:0"); err == nil {
		t.Error("the console listened on every interface")
	}
}

func TestConsoleCheck(t *testing.T) {
	e := newConsoleEnv(t)
	var res checkResult
	e.call("check", map[string]string{"source": listV1}, &res)
	if !res.OK || len(res.Problems) != 0 || res.List == nil || len(res.List.Rules) != 2 {
		t.Errorf("a valid list: %+v", res)
	}
	bad := strings.Replace(listV1, "weight: 0.8", "weight: 1.8", 1)
	bad = strings.Replace(bad, "langs: [en]", "langs: [en, xx]", 1)
	bad += "  - {id: r3, kind: pattern, text: 'foo(?!bar)', category: racism, weight: 0.5}\n"
	bad += "  - {id: r4, kind: pattern, text: '\\bk+ill them\\b', category: threat, weight: 0.5}\n"
	res = checkResult{}
	e.call("check", map[string]string{"source": bad}, &res)
	if res.OK || res.List == nil {
		t.Fatalf("an invalid list: %+v", res)
	}
	want := map[string]bool{`rule "r2": weight: 1.8`: false, `langs: "xx" is not an ISO 639-1`: false, "RE2 has no lookaround": false,
		`rule "r4": text: pattern holds "k+": a pattern is a finite set of phrases`: false}
	for _, p := range res.Problems {
		for w := range want {
			if strings.Contains(p.Text, w) {
				want[w] = true
			}
		}
		if p.Rule == "r2" && p.Line != 8 {
			t.Errorf("r2's problem on line %d, want 8", p.Line)
		}
	}
	for w, found := range want {
		if !found {
			t.Errorf("no problem %q in %+v", w, res.Problems)
		}
	}
	res = checkResult{}
	e.call("check", map[string]string{"source": "id: x\nbogus: 1\n"}, &res)
	if res.OK || !strings.Contains(res.Error, "bogus") {
		t.Errorf("an unknown field: %+v", res)
	}

	// The form's list comes back as a source that checks the same.
	var f struct {
		Source string       `json:"source"`
		Check  *checkResult `json:"check"`
	}
	res = checkResult{}
	e.call("check", map[string]string{"source": listV1}, &res)
	l := *res.List
	l.Rules = append(l.Rules, l.Rules[0])
	l.Rules[2].ID, l.Rules[2].Text, l.Rules[2].Role, l.Rules[2].Category = "they", "vermin", "predicate", ""
	l.Rules[2].Class = "dehumanise"
	e.call("format", map[string]any{"list": l}, &f)
	if !f.Check.OK || !strings.Contains(f.Source, "role: predicate") {
		t.Errorf("format: %+v\n%s", f.Check, f.Source)
	}
}

func TestConsoleTestOnPosts(t *testing.T) {
	e := newConsoleEnv(t)
	var res struct {
		Posts   []testedPost `json:"posts"`
		Flagged int          `json:"flagged"`
		Metrics *metrics     `json:"metrics"`
	}
	jsonl := `{"text": "what a slurone", "hateful": true}
{"text": "a nice day", "hateful": false}
{"text": "slurtwo again", "hateful": false}
{"text": "a hidden insult", "hateful": true}
`
	e.call("test", map[string]any{"source": listV1, "posts": "you slurone\nhello there", "jsonl": jsonl}, &res)
	if len(res.Posts) != 6 || res.Flagged != 3 {
		t.Fatalf("test: %+v", res)
	}
	p := res.Posts[0]
	if !p.Flagged || p.Category != "racism" || len(p.Why) == 0 || len(p.Segments) != 2 || p.Segments[1].Text != "slurone" || p.Segments[1].Mark != "hit" || p.Label != nil {
		t.Errorf("post 0: %+v", p)
	}
	// As voile eval counts: 1 true positive, 1 false positive, 1 miss.
	m := res.Metrics
	if m == nil || m.N != 4 || m.TP != 1 || m.FP != 1 || m.FN != 1 || m.TN != 1 || m.Precision != 0.5 || m.Recall != 0.5 {
		t.Errorf("metrics: %+v", m)
	}
	if status, code := e.call("test", map[string]any{"source": "id: x\n", "posts": "hi"}, nil); status != 400 || code != "invalid_list" {
		t.Errorf("test of an invalid list: %d %s", status, code)
	}
	if status, code := e.call("test", map[string]any{"source": listV1, "jsonl": "{not json"}, nil); status != 400 || code != "bad_samples" {
		t.Errorf("test on a bad JSONL file: %d %s", status, code)
	}
}

func TestConsolePublish(t *testing.T) {
	e := newConsoleEnv(t)
	var s session
	e.call("session", struct{}{}, &s)
	if s.HasToken || s.Fingerprint != bundle.Fingerprint(e.pubText) || s.Source != listV1 {
		t.Errorf("session before a token: %+v", s)
	}
	if status, code := e.call("publish", map[string]any{"source": listV1}, nil); status != 400 || code != "no_token" {
		t.Errorf("publish with no token: %d %s", status, code)
	}
	// A wrong token is refused, and not kept.
	var ce consoleErr
	if status, code := e.call("token", map[string]string{"token": "voile-tok-wrong"}, &ce); status != 400 || code != "unauthorized" || !strings.Contains(ce.Msg, "token") {
		t.Errorf("a wrong token: %d %s %q", status, code, ce.Msg)
	}
	s = session{}
	e.call("token", map[string]string{"token": e.token}, &s)
	if !s.HasToken || s.Publisher != "ngo" || s.Name != "An NGO" || s.KeyMismatch != "" {
		t.Errorf("session with the token: %+v", s)
	}

	var pub struct {
		Version uint64 `json:"version"`
		Source  string `json:"source"`
		Saved   string `json:"saved"`
	}
	if status, code := e.call("publish", map[string]any{"source": listV1}, &pub); status != 200 || pub.Version != 1 {
		t.Fatalf("publish: %d %s %+v", status, code, pub)
	}
	// Publishing the same version again: stale, with what to do.
	ce = consoleErr{}
	if status, code := e.call("publish", map[string]any{"source": listV1}, &ce); code != "stale_version" || !strings.Contains(ce.Msg, "next version") {
		t.Errorf("a stale version: %d %s %q", status, code, ce.Msg)
	}
	// The diff names the change and the sample verdicts it changes.
	edited := strings.Replace(listV1, "  - {id: r2, kind: term, text: slurtwo, category: sexism, weight: 0.8}\n", "", 1)
	var d struct {
		Published uint64 `json:"published"`
		Diff      string `json:"diff"`
		Changed   []struct {
			Text    string `json:"text"`
			Flagged bool   `json:"flagged"`
		} `json:"changed"`
	}
	e.call("diff", map[string]any{"source": edited, "posts": "slurtwo here\nslurone here"}, &d)
	if d.Published != 1 || !strings.Contains(d.Diff, "- rule r2") || len(d.Changed) != 1 || d.Changed[0].Text != "slurtwo here" || d.Changed[0].Flagged {
		t.Errorf("diff: %+v", d)
	}
	// With bump, the console publishes version 2, writes it into the
	// source and saves the file.
	pub = struct {
		Version uint64 `json:"version"`
		Source  string `json:"source"`
		Saved   string `json:"saved"`
	}{}
	if status, code := e.call("publish", map[string]any{"source": edited, "bump": true}, &pub); status != 200 || pub.Version != 2 || !strings.Contains(pub.Source, "version: 2") || pub.Saved != e.file {
		t.Errorf("publish with bump: %d %s %+v", status, code, pub)
	}
	if b, _ := os.ReadFile(e.file); !strings.Contains(string(b), "version: 2") || strings.Contains(string(b), "slurtwo") {
		t.Errorf("the file after publishing:\n%s", b)
	}
	var st statusReport
	e.call("status", struct{}{}, &st)
	if len(st.Lists) != 1 || st.Lists[0].Latest != 2 || st.Lists[0].Subscribers != 0 {
		t.Errorf("status: %+v", st)
	}
	var rb client.Published
	if status, code := e.call("rollback", map[string]any{"list": "ngo/test-en", "to": 1}, &rb); status != 200 || rb.Version != 3 || rb.RollbackOf != 1 {
		t.Errorf("rollback: %d %s %+v", status, code, rb)
	}

	// A console started with another key: the session says so, and a
	// publish is refused with both fingerprints.
	e.c.key, e.c.pub = e.other, bundle.FormatPublicKey(e.other.Public().(ed25519.PublicKey))
	s = session{}
	e.call("session", struct{}{}, &s)
	if s.KeyMismatch != bundle.Fingerprint(e.pubText) {
		t.Errorf("session with another key: %+v", s)
	}
	ce = consoleErr{}
	src := strings.Replace(listV1, "version: 1", "version: 9", 1)
	if _, code := e.call("publish", map[string]any{"source": src}, &ce); code != "bad_signature" || ce.Params["registered"] != bundle.Fingerprint(e.pubText) || !strings.Contains(ce.Msg, "not the key registered") {
		t.Errorf("publish with another key: %s %+v", code, ce)
	}
}

// A bundle carries a pattern as its tree, without its text: the console
// opens the published list with a text written from the tree, which
// spells the same phrases, and a diff against the source it was published
// from finds no change.
func TestConsolePublishedPattern(t *testing.T) {
	e := newConsoleEnv(t)
	src := listV1 + "  - {id: p1, kind: pattern, text: '\\bgo (back|home)( to (africa|your country))?\\b', category: xenophobia, weight: 0.7}\n"
	e.call("token", map[string]string{"token": e.token}, nil)
	var pub struct {
		Version uint64 `json:"version"`
	}
	if status, code := e.call("publish", map[string]any{"source": src}, &pub); status != 200 || pub.Version != 1 {
		t.Fatalf("publish: %d %s %+v", status, code, pub)
	}
	stored, err := e.c.published("ngo", "test-en")
	if err != nil {
		t.Fatal(err)
	}
	if r := stored.Rules[len(stored.Rules)-1]; r.ID != "p1" || r.Text != "" || len(r.Expr) == 0 {
		t.Fatalf("the bundle carries the pattern as %+v, want its tree alone", r)
	}
	var got struct {
		Source string `json:"source"`
	}
	e.call("published", map[string]any{"list": "ngo/test-en"}, &got)
	l, err := rules.Parse("published", []byte(got.Source))
	if err != nil {
		t.Fatalf("the published source does not parse: %v\n%s", err, got.Source)
	}
	var text string
	for _, r := range l.Rules {
		if r.ID == "p1" {
			text = r.Text
		}
	}
	want, _ := rules.ParsePattern(`\bgo (back|home)( to (africa|your country))?\b`)
	have, msg := rules.ParsePattern(text)
	spell := func(expr []rules.Node) (out []string) {
		rules.EachPhrase(expr, func(p []byte) bool { out = append(out, string(p)); return true })
		slices.Sort(out)
		return out
	}
	if msg != "" || !slices.Equal(spell(have), spell(want)) {
		t.Errorf("the published pattern reads %q (%s): %q, want %q", text, msg, spell(have), spell(want))
	}
	var d struct {
		Diff string `json:"diff"`
	}
	e.call("diff", map[string]any{"source": strings.Replace(src, "version: 1", "version: 2", 1)}, &d)
	if !strings.Contains(d.Diff, "no differences but the version") {
		t.Errorf("diff against the source it was published from:\n%s", d.Diff)
	}
}
