package server

import (
	"io"
	"net/http"
	"strings"
	"testing"
)

func TestHealthMetricsAndStatus(t *testing.T) {
	e := newEnv(t, Config{})
	e.publish(list("en", 1, 5, "a"))
	e.publish(list("en", 2, 5, "b"))
	e.subscribe("en")

	get := func(path, token string) (int, string) {
		req, _ := http.NewRequest("GET", e.http.URL+path, nil)
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	if s, body := get("/healthz", ""); s != 200 || body != "ok\n" {
		t.Errorf("healthz: %d %q", s, body)
	}
	_, metrics := get("/metrics", "")
	for _, want := range []string{"voile_connections 1", `voile_subscribers{list="ngo/en"} 1`, `voile_publishes_total{result="ok"} 2`, "go_goroutines"} {
		if !strings.Contains(metrics, want) {
			t.Errorf("metrics lack %q", want)
		}
	}
	s, status := get("/v1/status", e.token)
	for _, want := range []string{`"id":"ngo"`, `"list":"en"`, `"latest":2`, `"subscribers":1`} {
		if !strings.Contains(status, want) {
			t.Errorf("status lacks %s: %s", want, status)
		}
	}
	if strings.Contains(status, "token") {
		t.Errorf("status shows a token field: %s", status)
	}
	if s != 200 {
		t.Errorf("status: %d", s)
	}
	if s, _ := get("/v1/status", "voile-tok-nope"); s != http.StatusUnauthorized {
		t.Errorf("status with a bad token: %d", s)
	}
}
