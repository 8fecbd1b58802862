package main

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"voile/server"
	"voile/shared/bundle"
	"voile/shared/rules"
)

// The test binary doubles as the server: with VOILE_TEST_SERVE set it
// runs voile-server's main with its arguments, so the crash test can kill
// a real server process without building one.
func TestMain(m *testing.M) {
	if os.Getenv("VOILE_TEST_SERVE") == "1" {
		if err := run(os.Args[1:]); err != nil {
			fmt.Fprintln(os.Stderr, "voile-server:", err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// startServer starts the server process on dir and returns it with its
// base URL once it answers /healthz.
func startServer(t *testing.T, dir string, extra ...string) (*exec.Cmd, string) {
	t.Helper()
	addrFile := filepath.Join(dir, "addr")
	os.Remove(addrFile)
	args := append([]string{"-data", dir, "-addr", "127.0.0.1:0", "-addr-file", addrFile,
		"-publish-rate", "10000", "-publish-burst", "10000", "-log-level", "warn"}, extra...)
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "VOILE_TEST_SERVE=1")
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	for i := 0; i < 500; i++ {
		if a, err := os.ReadFile(addrFile); err == nil && len(a) > 0 {
			url := "http://" + string(a)
			if resp, err := http.Get(url + "/healthz"); err == nil {
				resp.Body.Close()
				return cmd, url
			}
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatal("server did not start")
	return nil, ""
}

func register(t *testing.T, dir string) (ed25519.PrivateKey, string) {
	t.Helper()
	pub, priv, _ := ed25519.GenerateKey(rand.Reader)
	p, token, err := server.NewPublisher("ngo", "NGO", bundle.FormatPublicKey(pub))
	if err != nil {
		t.Fatal(err)
	}
	db, err := openStore(dir, "", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.PutPublisher(p); err != nil {
		t.Fatal(err)
	}
	return priv, token
}

func crashList(id string, v uint64) *rules.List {
	l := &rules.List{ID: id, Publisher: "ngo", Version: v, Langs: []string{"en"}}
	for i := 0; i < 200; i++ {
		l.Rules = append(l.Rules, rules.Rule{ID: fmt.Sprintf("r%d", i), Kind: rules.Term,
			Text: fmt.Sprintf("word%dv%d", i, v), Category: rules.Racism, Weight: 0.7})
	}
	return l
}

// TestCrashKeepsAcknowledgedVersions kills the server with SIGKILL while
// two lists are being published as fast as it acknowledges, restarts it,
// and checks that every acknowledged version is stored intact.
func TestCrashKeepsAcknowledgedVersions(t *testing.T) {
	dir := t.TempDir()
	priv, token := register(t, dir)
	acked := map[string]map[uint64][]byte{"a": {}, "b": {}}
	next := map[string]uint64{"a": 1, "b": 1}
	var mu sync.Mutex

	for round := 0; round < 3; round++ {
		cmd, url := startServer(t, dir)
		var wg sync.WaitGroup
		stop := make(chan struct{})
		for _, id := range []string{"a", "b"} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for {
					select {
					case <-stop:
						return
					default:
					}
					mu.Lock()
					v := next[id]
					mu.Unlock()
					b, err := bundle.Sign(crashList(id, v), priv)
					if err != nil {
						t.Error(err)
						return
					}
					data := b.Encode()
					req, _ := http.NewRequest("POST", url+"/v1/publish", bytes.NewReader(data))
					req.Header.Set("Authorization", "Bearer "+token)
					resp, err := http.DefaultClient.Do(req)
					if err != nil {
						return // killed
					}
					resp.Body.Close()
					mu.Lock()
					switch resp.StatusCode {
					case 200:
						acked[id][v] = data
						next[id] = v + 1
					case http.StatusConflict:
						// Stored but not acknowledged before the kill:
						// allowed, and the next version follows it.
						next[id] = v + 1
					default:
						t.Errorf("publish %s v%d: status %d", id, v, resp.StatusCode)
					}
					mu.Unlock()
				}
			}()
		}
		time.Sleep(time.Duration(150+100*round) * time.Millisecond)
		cmd.Process.Kill() // SIGKILL
		cmd.Wait()
		close(stop)
		wg.Wait()
	}

	_, url := startServer(t, dir)
	total := 0
	for id, versions := range acked {
		if len(versions) == 0 {
			t.Errorf("list %s: no version acknowledged", id)
		}
		for v, want := range versions {
			resp, err := http.Get(fmt.Sprintf("%s/v1/lists/ngo/%s/%d", url, id, v))
			if err != nil {
				t.Fatal(err)
			}
			var got bytes.Buffer
			got.ReadFrom(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != 200 || !bytes.Equal(got.Bytes(), want) {
				t.Errorf("list %s v%d: status %d, %d bytes; acknowledged %d bytes", id, v, resp.StatusCode, got.Len(), len(want))
			}
			total++
		}
	}
	t.Logf("%d acknowledged versions intact after 3 kills", total)
	if t.Failed() {
		return
	}
	// The store still takes the next versions.
	resp, err := http.Get(url + "/v1/catalog?format=json")
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("catalog after crashes: %v", err)
	}
	var body bytes.Buffer
	body.ReadFrom(resp.Body)
	resp.Body.Close()
	if !strings.Contains(body.String(), `"list":"a"`) {
		t.Errorf("catalog lacks list a: %s", body.String())
	}
}
