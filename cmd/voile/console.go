package main

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/subtle"
	"embed"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"sync"
	"syscall"

	"gopkg.in/yaml.v3"

	"voile/server/client"
	"voile/shared/bundle"
	"voile/shared/eval"
	"voile/shared/rules"
	"voile/shared/verdict"
	"voile/shared/wire"
)

// The console is a web page, served by this process on 127.0.0.1 only,
// where a publisher writes a list, sees its problems as they type, tests
// it on sample posts, compares it with the published version, and signs
// and publishes it. The page holds no key: it sends the list's source to
// this process, which validates, classifies and signs with the same Go
// code as the other commands. Only the page this process served may use
// its API: every request must carry the run's secret (given in the
// address's fragment, which the browser never sends) and this origin.

//go:embed console
var consoleFiles embed.FS

// consoleCSP allows the page its own script and style, and nothing else:
// no inline script, no third-party code, nothing loaded from elsewhere.
const consoleCSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; " +
	"form-action 'none'; frame-ancestors 'none'; base-uri 'none'"

// maxConsoleBody bounds a request to the console's API: a list source
// and sample posts.
const maxConsoleBody = rules.MaxSourceBytes + 8<<20

// maxSamples bounds the posts tested at once.
const maxSamples = 5000

// consoleServer is the state of one console session.
type consoleServer struct {
	r      *remote
	key    ed25519.PrivateKey
	pub    string // the public key's text
	secret string
	host   string // "127.0.0.1:PORT", the only Host accepted
	origin string // "http://127.0.0.1:PORT", the only Origin accepted
	file   string // the list source opened and saved, if any

	mu sync.Mutex // guards r.tok and the file
}

func console(args []string) error {
	fs := newFlags("console", "[flags] -key NAME.key [LIST.yaml]", `Serves, on 127.0.0.1 only, a web page to write a list (as YAML or with a
form), see its problems as you type, test it on sample posts (pasted, or a
labelled JSONL file), compare it with the published version, then sign,
publish and roll back. LIST.yaml is opened, and saved from the page. The
private key never leaves this process; the API token (-token-file, or typed
in the page) is held in memory only. Open the address it prints.`)
	var r remote
	r.flags(fs, true)
	keyFile := fs.String("key", "", "publisher private key file (voile keygen)")
	addr := fs.String("addr", "127.0.0.1:0", "loopback address to serve on (port 0: any free port)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *keyFile == "" || fs.NArg() > 1 {
		return usage(fs)
	}
	key, err := readPrivateKey(*keyFile)
	if err != nil {
		return err
	}
	if r.tokenFile != "" || os.Getenv("VOILE_TOKEN") != "" {
		tok, err := r.token()
		if err != nil {
			return err
		}
		r.tok, r.tokenFile = tok, ""
	}
	ln, err := listenLoopback(*addr)
	if err != nil {
		return err
	}
	c := newConsole(&r, key, ln.Addr().String(), fs.Arg(0))
	fmt.Printf("Voile console for the key of fingerprint %s\nserver %s\n", bundle.KeyFingerprint(key.Public().(ed25519.PublicKey)), r.Base)
	if c.file != "" {
		fmt.Printf("list file %s\n", c.file)
	}
	fmt.Printf("\nopen this address in your browser (it holds this session's secret: do not share it):\n\n  %s\n\nCtrl-C stops the console.\n", c.url())
	hs := &http.Server{Handler: c.handler(), ReadHeaderTimeout: 10e9}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGINT, syscall.SIGTERM)
	select {
	case err := <-errc:
		return err
	case <-sig:
		return hs.Close()
	}
}

// listenLoopback listens on addr, which must be a loopback address.
func listenLoopback(addr string) (net.Listener, error) {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, fmt.Errorf("-addr %q: %v", addr, err)
	}
	if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() || ip.To4() == nil {
		return nil, fmt.Errorf("-addr %q: the console serves on a 127.x.x.x address only", addr)
	}
	return net.Listen("tcp", addr)
}

// newConsole returns a console session for the key, to be served at
// host ("127.0.0.1:PORT"), opening and saving file if not empty.
func newConsole(r *remote, key ed25519.PrivateKey, host, file string) *consoleServer {
	raw := make([]byte, 32)
	rand.Read(raw)
	return &consoleServer{
		r: r, key: key, pub: bundle.FormatPublicKey(key.Public().(ed25519.PublicKey)),
		secret: base64.RawURLEncoding.EncodeToString(raw),
		host:   host, origin: "http://" + host, file: file,
	}
}

// url is the page's address, with the session's secret in the fragment.
func (c *consoleServer) url() string { return c.origin + "/#" + c.secret }

func (c *consoleServer) handler() http.Handler {
	static, _ := fs.Sub(consoleFiles, "console")
	files := http.FileServerFS(static)
	mux := http.NewServeMux()
	mux.Handle("GET /{$}", files)
	mux.Handle("GET /console.js", files)
	mux.Handle("GET /console.css", files)
	mux.HandleFunc("GET /favicon.ico", func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusNoContent) })
	api := map[string]func(*http.Request, []byte) (any, error){
		"session":   c.apiSession,
		"token":     c.apiToken,
		"check":     c.apiCheck,
		"format":    c.apiFormat,
		"test":      c.apiTest,
		"diff":      c.apiDiff,
		"publish":   c.apiPublish,
		"rollback":  c.apiRollback,
		"status":    c.apiStatus,
		"save":      c.apiSave,
		"published": c.apiPublished,
	}
	for name, f := range api {
		mux.HandleFunc("POST /api/"+name, c.apiHandler(f))
	}
	return c.guard(mux)
}

// guard sets the page's security headers and refuses requests for
// another host name (DNS rebinding): the page and its API answer only at
// their own address.
func (c *consoleServer) guard(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", consoleCSP)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Cache-Control", "no-store")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("Cross-Origin-Resource-Policy", "same-origin")
		if r.Host != c.host {
			consoleError(w, http.StatusForbidden, &consoleErr{Code: "bad_host", Msg: fmt.Sprintf("the console answers at %s only", c.origin)})
			return
		}
		next.ServeHTTP(w, r)
	})
}

// A consoleErr is an API error the page shows: a code the page may
// translate, with params, and an English message.
type consoleErr struct {
	Code   string            `json:"code"`
	Msg    string            `json:"error"`
	Params map[string]string `json:"params,omitempty"`
}

func (e *consoleErr) Error() string { return e.Msg }

func consoleError(w http.ResponseWriter, status int, e *consoleErr) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(e)
}

// apiHandler checks that a request comes from the console's own page,
// then answers it with f's result as JSON.
func (c *consoleServer) apiHandler(f func(*http.Request, []byte) (any, error)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if origin := r.Header.Get("Origin"); origin != c.origin {
			consoleError(w, http.StatusForbidden, &consoleErr{Code: "bad_origin", Msg: fmt.Sprintf("requests from origin %q are refused: only the console's own page may use it", origin)})
			return
		}
		if got := r.Header.Get("X-Voile-Console"); subtle.ConstantTimeCompare([]byte(got), []byte(c.secret)) != 1 {
			consoleError(w, http.StatusForbidden, &consoleErr{Code: "bad_secret", Msg: "this page does not hold the console's secret: open the address the console printed"})
			return
		}
		if ct := r.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
			consoleError(w, http.StatusUnsupportedMediaType, &consoleErr{Code: "bad_request", Msg: "want a JSON body"})
			return
		}
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxConsoleBody))
		if err != nil {
			consoleError(w, http.StatusRequestEntityTooLarge, &consoleErr{Code: "too_large", Msg: fmt.Sprintf("request over %d bytes", maxConsoleBody)})
			return
		}
		res, err := f(r, body)
		if err != nil {
			var ce *consoleErr
			if !errors.As(err, &ce) {
				ce = &consoleErr{Code: "error", Msg: err.Error()}
				var se *client.Error
				if errors.As(err, &se) {
					ce.Code = se.Code
					if ce.Code == "" {
						ce.Code = "server"
					}
				}
			}
			consoleError(w, http.StatusBadRequest, ce)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(res)
	}
}

// decode reads a JSON request body into v.
func decode(body []byte, v any) error {
	if err := json.Unmarshal(body, v); err != nil {
		return &consoleErr{Code: "bad_request", Msg: "bad request: " + err.Error()}
	}
	return nil
}

// session is what the page shows of the publisher and the server.
type session struct {
	Fingerprint string `json:"fingerprint"`
	PublicKey   string `json:"publicKey"`
	Server      string `json:"server"`
	File        string `json:"file,omitempty"`
	Source      string `json:"source,omitempty"`
	HasToken    bool   `json:"hasToken"`
	// From the server, with a token: the publisher registered for it,
	// and the fingerprint of its registered key when it is not this
	// console's key.
	Publisher     string        `json:"publisher,omitempty"`
	Name          string        `json:"name,omitempty"`
	KeyMismatch   string        `json:"keyMismatch,omitempty"`
	Status        *statusReport `json:"status,omitempty"`
	StatusProblem string        `json:"statusProblem,omitempty"`
	// Schema is what the rule form offers.
	Schema schema `json:"schema"`
}

// schema lists the values of a rule's fields, for the page's form.
type schema struct {
	Categories       []rules.Category `json:"categories"`
	PredicateClasses []rules.Class    `json:"predicateClasses"`
	CueClasses       []rules.Class    `json:"cueClasses"`
	Orders           []rules.Order    `json:"orders"`
}

var ruleSchema = schema{rules.Categories[:], rules.PredicateClasses, rules.CueClasses, rules.Orders}

func (c *consoleServer) apiSession(*http.Request, []byte) (any, error) {
	s := &session{Fingerprint: bundle.Fingerprint(c.pub), PublicKey: c.pub, Server: c.r.Base, File: c.file, Schema: ruleSchema}
	c.mu.Lock()
	s.HasToken = c.r.tok != ""
	if c.file != "" {
		if b, err := os.ReadFile(c.file); err == nil {
			s.Source = string(b)
		}
	}
	c.mu.Unlock()
	if s.HasToken {
		st, err := c.status()
		if err != nil {
			s.StatusProblem = err.Error()
		} else {
			c.fillSession(s, st)
		}
	}
	return s, nil
}

func (c *consoleServer) fillSession(s *session, st *statusReport) {
	s.Publisher, s.Name, s.Status = st.Publisher.ID, st.Publisher.Name, st
	if strings.TrimSpace(st.Publisher.PublicKey) != c.pub {
		s.KeyMismatch = bundle.Fingerprint(st.Publisher.PublicKey)
	}
}

func (c *consoleServer) status() (*statusReport, error) {
	var st statusReport
	c.mu.Lock()
	r := *c.r
	c.mu.Unlock()
	if r.tok == "" {
		return nil, &consoleErr{Code: "no_token", Msg: "no API token: enter the token the server's operator gave you"}
	}
	if err := r.Call("GET", "/v1/status", nil, &st); err != nil {
		if client.Code(err) == wire.CodeUnauthorized {
			return nil, &consoleErr{Code: "unauthorized", Msg: "the server knows no publisher with this API token: check the token the operator gave you"}
		}
		return nil, err
	}
	return &st, nil
}

// apiToken takes the publisher's API token, for this session only, once
// the server has accepted it.
func (c *consoleServer) apiToken(_ *http.Request, body []byte) (any, error) {
	var req struct {
		Token string `json:"token"`
	}
	if err := decode(body, &req); err != nil {
		return nil, err
	}
	tok := strings.TrimSpace(req.Token)
	if tok == "" {
		return nil, &consoleErr{Code: "no_token", Msg: "no API token given"}
	}
	c.mu.Lock()
	old := c.r.tok
	c.r.tok = tok
	c.mu.Unlock()
	st, err := c.status()
	if err != nil {
		c.mu.Lock()
		c.r.tok = old
		c.mu.Unlock()
		return nil, err
	}
	s := &session{Fingerprint: bundle.Fingerprint(c.pub), PublicKey: c.pub, Server: c.r.Base, File: c.file, HasToken: true, Schema: ruleSchema}
	c.fillSession(s, st)
	return s, nil
}

func (c *consoleServer) apiStatus(*http.Request, []byte) (any, error) { return c.status() }

// A checkProblem is one validation problem, with the source line of its
// rule or field when known.
type checkProblem struct {
	Rule  string `json:"rule,omitempty"`
	Field string `json:"field,omitempty"`
	Msg   string `json:"msg"`
	Line  int    `json:"line,omitempty"`
	Text  string `json:"text"` // as voile validate prints it
}

// checkResult is a list source checked: the list as far as it parsed
// (for the form), and every problem.
type checkResult struct {
	OK       bool           `json:"ok"`
	Error    string         `json:"error,omitempty"` // the source does not parse
	Problems []checkProblem `json:"problems"`
	List     *rules.List    `json:"list,omitempty"`
}

// check parses and validates a list source as voile validate does, and
// keeps the list when it parses, so that the page's form can show it.
func check(src string) *checkResult {
	res := &checkResult{Problems: []checkProblem{}}
	var l rules.List
	dec := yaml.NewDecoder(strings.NewReader(src))
	dec.KnownFields(true)
	if err := dec.Decode(&l); err != nil {
		if errors.Is(err, io.EOF) {
			res.Error = "empty rule list"
		} else {
			res.Error = err.Error()
		}
		return res
	}
	res.List = &l
	if err := l.Validate(); err != nil {
		var ve *rules.Error
		if !errors.As(err, &ve) {
			res.Error = err.Error()
			return res
		}
		lines := sourceLines(src, &l)
		for _, p := range ve.Problems {
			line := lines[p.Rule]
			if p.Rule == "" {
				line = lines[":"+p.Field]
			}
			res.Problems = append(res.Problems, checkProblem{Rule: p.Rule, Field: p.Field, Msg: p.Msg, Line: line, Text: p.Error()})
		}
		return res
	}
	// The command's own path, so that the page and voile validate can
	// never disagree.
	if _, err := rules.Parse("list", []byte(src)); err != nil {
		res.Error = err.Error()
		return res
	}
	res.OK = true
	return res
}

// sourceLines maps each rule (by id, and by "#N" for its position) and
// each top-level field (":field") to its line in src.
func sourceLines(src string, l *rules.List) map[string]int {
	lines := map[string]int{}
	var doc yaml.Node
	if yaml.Unmarshal([]byte(src), &doc) != nil || len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return lines
	}
	m := doc.Content[0]
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		lines[":"+k.Value] = k.Line
		if k.Value != "rules" || v.Kind != yaml.SequenceNode {
			continue
		}
		for j, item := range v.Content {
			lines[fmt.Sprintf("#%d", j+1)] = item.Line
			if j < len(l.Rules) && l.Rules[j].ID != "" {
				if _, seen := lines[l.Rules[j].ID]; !seen {
					lines[l.Rules[j].ID] = item.Line
				}
			}
		}
	}
	return lines
}

func (c *consoleServer) apiCheck(_ *http.Request, body []byte) (any, error) {
	var req struct {
		Source string `json:"source"`
	}
	if err := decode(body, &req); err != nil {
		return nil, err
	}
	return check(req.Source), nil
}

// apiFormat writes the page form's list as a YAML source, and checks it.
func (c *consoleServer) apiFormat(_ *http.Request, body []byte) (any, error) {
	var req struct {
		List rules.List `json:"list"`
	}
	if err := decode(body, &req); err != nil {
		return nil, err
	}
	src, err := formatList(&req.List)
	if err != nil {
		return nil, err
	}
	return struct {
		Source string       `json:"source"`
		Check  *checkResult `json:"check"`
	}{src, check(src)}, nil
}

// formatList writes a list as YAML, one rule a line.
func formatList(l *rules.List) (string, error) {
	head := *l
	head.Rules = nil
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(&head); err != nil {
		return "", err
	}
	enc.Close()
	out := strings.Replace(b.String(), "rules: []\n", "", 1)
	if len(l.Rules) == 0 {
		return out + "rules: []\n", nil
	}
	var sb strings.Builder
	sb.WriteString(out)
	sb.WriteString("rules:\n")
	for _, r := range l.Rules {
		r.Text = rules.PatternText(&r) // a published pattern's, from its tree
		n := &yaml.Node{}
		if err := n.Encode(&r); err != nil {
			return "", err
		}
		n.Style = yaml.FlowStyle
		line, err := yaml.Marshal(n)
		if err != nil {
			return "", err
		}
		sb.WriteString("  - ")
		sb.WriteString(strings.TrimSpace(string(line)))
		sb.WriteString("\n")
	}
	return sb.String(), nil
}

// parseList parses and validates a source, as voile validate does.
func parseList(src string) (*rules.List, error) {
	l, err := rules.Parse("list", []byte(src))
	if err != nil {
		return nil, &consoleErr{Code: "invalid_list", Msg: err.Error()}
	}
	return l, nil
}

// samples are the posts the page tests a list on: pasted (one a line;
// a line that is a JSON object is a labelled post, as in voile eval's
// files) and a labelled JSONL file's content.
type samples struct {
	Posts       string  `json:"posts"`
	JSONL       string  `json:"jsonl"`
	Sensitivity float64 `json:"sensitivity"`
}

// sample is one post, with its label when it has one.
type sample struct {
	eval.Case
	Labelled bool
}

func (s *samples) read() ([]sample, error) {
	var out []sample
	for i, line := range strings.Split(s.Posts, "\n") {
		line = strings.TrimSpace(line)
		switch {
		case line == "":
		case strings.HasPrefix(line, "{"):
			cs, err := eval.Read(fmt.Sprintf("pasted posts line %d", i+1), strings.NewReader(line))
			if err != nil {
				return nil, &consoleErr{Code: "bad_samples", Msg: err.Error()}
			}
			for _, c := range cs {
				out = append(out, sample{c, true})
			}
		default:
			out = append(out, sample{eval.Case{Text: line}, false})
		}
	}
	if strings.TrimSpace(s.JSONL) != "" {
		cs, err := eval.Read("the JSONL file", strings.NewReader(s.JSONL))
		if err != nil {
			return nil, &consoleErr{Code: "bad_samples", Msg: err.Error()}
		}
		for _, c := range cs {
			out = append(out, sample{c, true})
		}
	}
	if len(out) > maxSamples {
		return nil, &consoleErr{Code: "bad_samples", Msg: fmt.Sprintf("%d posts, more than the %d the console tests at once", len(out), maxSamples)}
	}
	return out, nil
}

func (s *samples) options() *verdict.Options {
	o := &verdict.Options{Sensitivity: verdict.DefaultSensitivity}
	if s.Sensitivity > 0 && s.Sensitivity <= 1 {
		o.Sensitivity = s.Sensitivity
	}
	return o
}

// A segment is a piece of a post's text; Mark is "hit" for words that
// counted toward the verdict, "cancelled" for matches a context
// cancelled, "" for the rest.
type segment struct {
	Text string `json:"t"`
	Mark string `json:"m,omitempty"`
}

// testedPost is one post's verdict as the page shows it.
type testedPost struct {
	Text     string         `json:"text"`
	ID       string         `json:"id,omitempty"`
	Label    *bool          `json:"label,omitempty"`
	Flagged  bool           `json:"flagged"`
	Category rules.Category `json:"category,omitempty"`
	Score    float64        `json:"score"`
	Segments []segment      `json:"segments"`
	Why      []string       `json:"why"`
	Context  []string       `json:"context"`
}

// metrics are precision and recall on the labelled posts, as voile eval
// computes them.
type metrics struct {
	N         int     `json:"n"`
	TP        int     `json:"tp"`
	FP        int     `json:"fp"`
	FN        int     `json:"fn"`
	TN        int     `json:"tn"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	Accuracy  float64 `json:"accuracy"`
}

func (c *consoleServer) apiTest(_ *http.Request, body []byte) (any, error) {
	var req struct {
		Source string `json:"source"`
		samples
	}
	if err := decode(body, &req); err != nil {
		return nil, err
	}
	l, err := parseList(req.Source)
	if err != nil {
		return nil, err
	}
	posts, err := req.read()
	if err != nil {
		return nil, err
	}
	cl, err := classifierOf([]*rules.List{l})
	if err != nil {
		return nil, err
	}
	opts := req.options()
	res := struct {
		Posts   []testedPost `json:"posts"`
		Flagged int          `json:"flagged"`
		Metrics *metrics     `json:"metrics,omitempty"`
	}{Posts: []testedPost{}}
	var labelled []eval.Case
	for _, p := range posts {
		v := cl.Classify(p.Text, opts)
		tp := testedPost{Text: p.Text, ID: p.ID, Flagged: v.Flagged, Score: v.Score, Segments: highlight(p.Text, v.Reasons), Why: []string{}, Context: []string{}}
		if v.Flagged {
			tp.Category = v.Category
			res.Flagged++
		}
		for i := range v.Reasons {
			r := &v.Reasons[i]
			if r.Context != "" {
				tp.Context = append(tp.Context, eval.Explain(r, p.Text))
			} else {
				tp.Why = append(tp.Why, eval.Explain(r, p.Text))
			}
		}
		if p.Labelled {
			h := p.Hateful
			tp.Label = &h
			labelled = append(labelled, p.Case)
		}
		res.Posts = append(res.Posts, tp)
	}
	if len(labelled) > 0 {
		// The same counting as voile eval's.
		all := eval.Summarise(eval.Classify(cl, labelled, opts)).All
		res.Metrics = &metrics{N: all.N(), TP: all.TP, FP: all.FP, FN: all.FN, TN: all.TN,
			Precision: all.Precision(), Recall: all.Recall(), F1: all.F1(), Accuracy: all.Accuracy()}
	}
	return res, nil
}

// highlight cuts text into segments, marking the words the reasons
// matched.
func highlight(text string, reasons []verdict.Reason) []segment {
	mark := make([]string, len(text))
	set := func(a, b int, m string) {
		if a < 0 || b > len(text) || a >= b {
			return
		}
		for i := a; i < b; i++ {
			if mark[i] != "hit" {
				mark[i] = m
			}
		}
	}
	for _, r := range reasons {
		m := "hit"
		if r.Context != "" {
			m = "cancelled"
		}
		set(r.Start, r.End, m)
		if r.Target != "" {
			set(r.TargetStart, r.TargetEnd, m)
		}
	}
	segs := []segment{}
	start := 0
	for i := 1; i <= len(text); i++ {
		if i == len(text) || mark[i] != mark[start] {
			segs = append(segs, segment{Text: text[start:i], Mark: mark[start]})
			start = i
		}
	}
	return segs
}

// published returns the latest published version of a list, opened with
// this console's key, or nil when it is not published.
func (c *consoleServer) published(publisher, list string) (*rules.List, error) {
	b, err := c.r.Bundle(publisher, list, 0)
	if err != nil || b == nil {
		return nil, err
	}
	l, err := b.Open(c.key.Public().(ed25519.PublicKey))
	if err != nil {
		return nil, &consoleErr{Code: "published_key", Msg: fmt.Sprintf("the published version %d of %s/%s does not open with your key: %v", b.Version, publisher, list, err)}
	}
	return l, nil
}

func (c *consoleServer) apiDiff(_ *http.Request, body []byte) (any, error) {
	var req struct {
		Source string `json:"source"`
		samples
	}
	if err := decode(body, &req); err != nil {
		return nil, err
	}
	l, err := parseList(req.Source)
	if err != nil {
		return nil, err
	}
	old, err := c.published(l.Publisher, l.ID)
	if err != nil {
		return nil, err
	}
	type change struct {
		Text  string `json:"text"`
		Label *bool  `json:"label,omitempty"`
		Now   bool   `json:"flagged"`
	}
	res := struct {
		Published uint64   `json:"published"`
		Local     uint64   `json:"local"`
		Diff      string   `json:"diff"`
		Changed   []change `json:"changed"`
		Tested    int      `json:"tested"`
	}{Local: l.Version, Changed: []change{}}
	if old == nil {
		res.Diff = fmt.Sprintf("%s/%s is not published yet: all %d rules are new\n", l.Publisher, l.ID, len(l.Rules))
		return res, nil
	}
	res.Published = old.Version
	var b strings.Builder
	writeDiff(&b, old, l, "published", "this page")
	res.Diff = b.String()
	posts, err := req.read()
	if err != nil {
		return nil, err
	}
	before, err := classifierOf([]*rules.List{old})
	if err != nil {
		return nil, err
	}
	after, err := classifierOf([]*rules.List{l})
	if err != nil {
		return nil, err
	}
	opts := req.options()
	res.Tested = len(posts)
	for _, p := range posts {
		was := before.Classify(p.Text, opts).Flagged
		now := after.Classify(p.Text, opts).Flagged
		if was != now {
			ch := change{Text: p.Text, Now: now}
			if p.Labelled {
				h := p.Hateful
				ch.Label = &h
			}
			res.Changed = append(res.Changed, ch)
		}
	}
	return res, nil
}

// publishErr turns a refused publish into what the page says.
func (c *consoleServer) publishErr(err error, l *rules.List) error {
	var se *client.Error
	if !errors.As(err, &se) {
		return err
	}
	ce := &consoleErr{Code: se.Code, Msg: se.Error(), Params: map[string]string{"list": l.Publisher + "/" + l.ID, "version": fmt.Sprint(l.Version), "mine": bundle.Fingerprint(c.pub)}}
	switch se.Code {
	case wire.CodeStale:
		ce.Msg = fmt.Sprintf("version %d of %s is not newer than the published one: tick \"publish as the next version\" (or raise version:) and publish again", l.Version, ce.Params["list"])
	case wire.CodeBadSignature:
		ce.Msg = fmt.Sprintf("the server refused the signature: the list was signed with your key (fingerprint %s), which is not the key registered for publisher %q", ce.Params["mine"], l.Publisher)
		if st, err := c.status(); err == nil {
			ce.Params["registered"] = bundle.Fingerprint(st.Publisher.PublicKey)
			ce.Msg += fmt.Sprintf(" (fingerprint %s): start the console with that key", ce.Params["registered"])
		}
	case wire.CodeUnauthorized:
		ce.Msg = "the server knows no publisher with this API token: check the token the operator gave you"
	case wire.CodeForbidden:
		ce.Msg = fmt.Sprintf("the server refused: %s. The list's publisher: must be the publisher your token was registered for", se.Message)
	}
	return ce
}

func (c *consoleServer) apiPublish(_ *http.Request, body []byte) (any, error) {
	var req struct {
		Source string `json:"source"`
		Bump   bool   `json:"bump"`
	}
	if err := decode(body, &req); err != nil {
		return nil, err
	}
	l, err := parseList(req.Source)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	r := *c.r
	c.mu.Unlock()
	if r.tok == "" {
		return nil, &consoleErr{Code: "no_token", Msg: "no API token: enter the token the server's operator gave you"}
	}
	written := l.Version
	res, err := r.publishList(l, c.key, req.Bump)
	if err != nil {
		return nil, c.publishErr(err, l)
	}
	out := struct {
		*client.Published
		Source      string `json:"source"`
		Saved       string `json:"saved,omitempty"`
		Fingerprint string `json:"fingerprint"`
	}{Published: res, Source: req.Source, Fingerprint: bundle.Fingerprint(c.pub)}
	if res.Version != written {
		if src, ok := setVersion([]byte(req.Source), res.Version); ok {
			out.Source = string(src)
		}
	}
	if c.file != "" {
		if err := c.save(out.Source); err == nil {
			out.Saved = c.file
		}
	}
	return out, nil
}

func (c *consoleServer) apiRollback(_ *http.Request, body []byte) (any, error) {
	var req struct {
		List string `json:"list"` // PUBLISHER/LIST
		To   uint64 `json:"to"`
	}
	if err := decode(body, &req); err != nil {
		return nil, err
	}
	publisher, list, ok := strings.Cut(req.List, "/")
	if !ok || !rules.ValidID(publisher) || !rules.ValidID(list) || req.To == 0 {
		return nil, &consoleErr{Code: "bad_request", Msg: "want a list as PUBLISHER/LIST and a version to roll back to"}
	}
	c.mu.Lock()
	r := *c.r
	c.mu.Unlock()
	res, err := r.rollbackList(c.key, publisher, list, req.To)
	if err != nil {
		return nil, c.publishErr(err, &rules.List{Publisher: publisher, ID: list})
	}
	return res, nil
}

func (c *consoleServer) save(src string) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.file == "" {
		return &consoleErr{Code: "no_file", Msg: "the console was started without a list file: download the list instead"}
	}
	return os.WriteFile(c.file, []byte(src), 0o644)
}

func (c *consoleServer) apiSave(_ *http.Request, body []byte) (any, error) {
	var req struct {
		Source string `json:"source"`
	}
	if err := decode(body, &req); err != nil {
		return nil, err
	}
	if err := c.save(req.Source); err != nil {
		return nil, err
	}
	return map[string]string{"saved": c.file}, nil
}

// apiPublished returns the source of a published list's latest version,
// to open it in the page.
func (c *consoleServer) apiPublished(_ *http.Request, body []byte) (any, error) {
	var req struct {
		List string `json:"list"`
	}
	if err := decode(body, &req); err != nil {
		return nil, err
	}
	publisher, list, ok := strings.Cut(req.List, "/")
	if !ok {
		return nil, &consoleErr{Code: "bad_request", Msg: "want a list as PUBLISHER/LIST"}
	}
	l, err := c.published(publisher, list)
	if err != nil {
		return nil, err
	}
	if l == nil {
		return nil, &consoleErr{Code: "unknown_list", Msg: fmt.Sprintf("%s is not published", req.List)}
	}
	src, err := formatList(l)
	if err != nil {
		return nil, err
	}
	return map[string]string{"source": src}, nil
}
