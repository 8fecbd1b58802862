package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"voile/shared/model"
	"voile/shared/normalize"
)

func init() { trainStdout = io.Discard }

// writeToy writes a toy corpus of neutral sentences in both row shapes:
// the "hate" class is any sentence about zorbs.
func writeToy(t *testing.T, dir string) (labelledPath, hatefulPath string) {
	t.Helper()
	var a, b strings.Builder
	who := []string{"the baker", "my neighbour", "a teacher", "our friend", "the mayor", "a driver", "the nurse", "a pilot"}
	for i, w := range who {
		split := "train"
		if i%4 == 3 {
			split = "dev"
		}
		fmt.Fprintf(&a, `{"text": "%s visits the zorbs", "label": "hate", "lang": "en", "split": %q}`+"\n", w, split)
		fmt.Fprintf(&a, `{"text": "%s visits the garden", "label": "normal", "lang": "en", "split": %q}`+"\n", w, split)
		fmt.Fprintf(&a, `{"text": "%s hates the rain", "label": "offensive", "lang": "en", "split": %q}`+"\n", w, split)
		fmt.Fprintf(&b, `{"text": "%s aime les zorbs", "hateful": true, "lang": "fr"}`+"\n", w)
		fmt.Fprintf(&b, `{"text": "%s aime le jardin", "hateful": false, "lang": "fr"}`+"\n", w)
	}
	labelledPath, hatefulPath = filepath.Join(dir, "a.jsonl"), filepath.Join(dir, "b.jsonl")
	if err := os.WriteFile(labelledPath, []byte(a.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(hatefulPath, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return labelledPath, hatefulPath
}

func TestTrainCommand(t *testing.T) {
	dir := t.TempDir()
	a, b := writeToy(t, dir)
	out, rep := filepath.Join(dir, "m.bin"), filepath.Join(dir, "report.txt")
	args := []string{"-bits", "14", "-epochs", "10", "-lr", "0.3", "-seed", "3", "-out", out, "-dev-out", rep, a, b}
	if err := train(args); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	m, err := model.Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	if m.Bits != 14 || strings.Join(m.Langs, ",") != "en,fr" || !strings.Contains(m.Trained, "a.jsonl, b.jsonl") {
		t.Errorf("model: bits %d, langs %v, trained %q", m.Bits, m.Langs, m.Trained)
	}
	report, err := os.ReadFile(rep)
	if err != nil {
		t.Fatal(err)
	}
	// The dev rows are all in a.jsonl: 2 zorbs rows, 4 others, all right.
	if !strings.Contains(string(report), "a.jsonl                       6     2     1.000  1.000  1.000") {
		t.Errorf("report lacks a perfect a.jsonl dev line:\n%s", report)
	}
	n := normalize.New()
	s := m.NewScorer()
	if p := s.Score(n.Normalize("the baker visits the zorbs"), nil); p < float64(m.Threshold) {
		t.Errorf("a training zorbs row scores %.3f < threshold %.3f", p, m.Threshold)
	}

	// Same seed, same bytes.
	out2 := filepath.Join(dir, "m2.bin")
	args[len(args)-5] = out2
	if err := train(args); err != nil {
		t.Fatal(err)
	}
	if data2, _ := os.ReadFile(out2); string(data2) != string(data) {
		t.Error("two runs with one seed wrote different models")
	}
}

func TestTrainCommandExtraFeatures(t *testing.T) {
	dir := t.TempDir()
	a, _ := writeToy(t, dir)
	var calls int
	extraFeatures = func(text string, tx *normalize.Text) []uint64 {
		calls++
		if strings.Contains(string(tx.Norm), "zorbs") {
			return []uint64{model.Feature("frame:zorbs")}
		}
		return nil
	}
	defer func() { extraFeatures = nil }()
	if err := train([]string{"-bits", "12", "-lexicon", "none", "-out", "", a}); err != nil {
		t.Fatal(err)
	}
	if calls != 24 {
		t.Errorf("extraFeatures called %d times, want 24 (every row)", calls)
	}
}

func TestTrainCommandErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.jsonl")
	for _, c := range []struct{ data, want string }{
		{`{"text": "x", "label": "rude"}`, `label "rude"`},
		{`{"text": "x"}`, `want a "label" or a "hateful" field`},
		{`{"label": "hate"}`, `no "text" string`},
		{`{"text": "x", "label": "hate", "split": "dev"}`, "no training rows"},
		{`not json`, "bad.jsonl:1"},
	} {
		os.WriteFile(bad, []byte(c.data+"\n"), 0o644)
		if err := train([]string{"-out", "", bad}); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want %q", c.data, err, c.want)
		}
	}
	if err := train([]string{"-features", "letters", "-out", "", bad}); err == nil {
		t.Error("-features letters accepted")
	}
}
