package eval_test

import (
	"errors"
	"io/fs"
	"path/filepath"
	"testing"

	"voile/shared/demo"
	"voile/shared/eval"
	"voile/shared/match"
	"voile/shared/verdict"
)

// floors are the figures the starter lists and the default model must
// keep on the project's functional suites and on the fresh cases (written
// apart, never trained on) at the default sensitivity, set just below
// those achieved, so that quality cannot drop silently. `make eval`
// prints the figures themselves.
var floors = map[string]struct {
	accuracy, recall, specificity float64
	min                           int // cases the file must hold
}{
	"suite-en.jsonl":  {0.965, 0.975, 0.95, 600},
	"suite-fr.jsonl":  {0.965, 0.965, 0.96, 600},
	"fresh-en.jsonl":  {0.955, 0.935, 0.985, 220},
	"fresh-fr.jsonl":  {0.925, 0.92, 0.935, 220},
	"fresh3-en.jsonl": {0.97, 0.975, 0.96, 418},
	"fresh3-fr.jsonl": {0.96, 0.955, 0.97, 418},
	"fresh4-en.jsonl": {0.94, 0.915, 0.96, 412},
	"fresh4-fr.jsonl": {0.94, 0.915, 0.97, 421},
	"fresh5-en.jsonl": {0.955, 0.95, 0.96, 440},
	"fresh5-fr.jsonl": {0.98, 0.98, 0.975, 440},
	"fresh6-en.jsonl": {0.945, 0.945, 0.945, 440},
	"fresh6-fr.jsonl": {0.945, 0.95, 0.95, 440},
	"fresh7-en.jsonl": {0.975, 0.975, 0.98, 440},
	"fresh7-fr.jsonl": {0.975, 0.97, 0.97, 440},
	"fresh8-en.jsonl": {0.955, 0.95, 0.965, 440},
	"fresh8-fr.jsonl": {0.955, 0.95, 0.955, 440},
	"fresh9-en.jsonl": {0.945, 0.925, 0.955, 440},
	"fresh9-fr.jsonl": {0.93, 0.905, 0.955, 440},
	// Tuned on (testdata/battery.py): a regression test of the fixes.
	"battery-en.jsonl": {0.975, 0.965, 0.98, 6000},
	"battery-fr.jsonl": {0.97, 0.97, 0.96, 6000},
	// Written blind to the lexicons (testdata/battery2.py); its b2-dev
	// templates were tuned on, its b2-test templates never.
	"battery2-en.jsonl": {0.965, 0.965, 0.96, 2300},
	"battery2-fr.jsonl": {0.965, 0.965, 0.975, 2300},
	// The same, on threats, questions, pronouns and counter-speech
	// (testdata/battery3.py).
	"battery3-en.jsonl": {0.97, 0.975, 0.965, 1150},
	"battery3-fr.jsonl": {0.945, 0.955, 0.96, 1150},
	// In a casual register (testdata/battery4.py).
	"battery4-en.jsonl": {0.98, 0.99, 0.97, 1450},
	"battery4-fr.jsonl": {0.94, 0.93, 0.955, 1450},
	// A development set, all tuned on (testdata/battery5.py).
	"battery5-en.jsonl": {0.925, 0.91, 0.94, 1600},
	"battery5-fr.jsonl": {0.925, 0.87, 0.965, 1600},
	// Every function in a social-media register (testdata/battery6.md);
	// its b6-dev templates tuned on, its b6-test templates never.
	"battery6-en.jsonl": {0.95, 0.95, 0.955, 1450},
	"battery6-fr.jsonl": {0.925, 0.94, 0.92, 1450},
	// Posts each written on its own (testdata/README.md, natural); its
	// nat-dev half read, its nat-test half never.
	"natural-en.jsonl": {0.87, 0.845, 0.885, 800},
	"natural-fr.jsonl": {0.89, 0.91, 0.88, 800},
}

// starterClassifier is what the extension ships: the starter lists and
// the default model.
func starterClassifier(t *testing.T) *verdict.Classifier {
	t.Helper()
	lists, err := demo.Lists()
	if err != nil {
		t.Fatal(err)
	}
	e, err := match.Compile(lists...)
	if err != nil {
		t.Fatal(err)
	}
	return verdict.New(e)
}

func TestSuiteFloors(t *testing.T) {
	c := starterClassifier(t)
	for name, floor := range floors {
		cases, err := eval.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		if len(cases) < floor.min {
			t.Errorf("%s: %d cases, want at least %d", name, len(cases), floor.min)
		}
		r := eval.Summarise(eval.Classify(c, cases, &verdict.Options{Sensitivity: verdict.DefaultSensitivity}))
		a := r.All
		t.Logf("%s: accuracy %.3f, recall %.3f, specificity %.3f", name, a.Accuracy(), a.Recall(), a.Specificity())
		if a.Accuracy() < floor.accuracy || a.Recall() < floor.recall || a.Specificity() < floor.specificity {
			t.Errorf("%s: accuracy %.3f, recall %.3f, specificity %.3f; floors %.3f, %.3f, %.3f",
				name, a.Accuracy(), a.Recall(), a.Specificity(), floor.accuracy, floor.recall, floor.specificity)
		}
	}
}

// corpusFloors are the hate-class F1 the starter lists and the default
// model must keep on the dev splits of the team's labelled corpora
// (../shared/data beside the checkout: the brief's targets, Davidson's
// 0.50 and above MLMA French's baseline of 0.18).
var corpusFloors = map[string]float64{
	"davidson.en.jsonl": 0.50,
	"mlma.fr.jsonl":     0.20,
}

// TestCorpusFloors skips when the corpora are not beside the checkout:
// they are the team's data, never copied into the project.
func TestCorpusFloors(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "data")
	dev := map[string][]eval.Case{}
	for name := range corpusFloors {
		cases, err := eval.ReadFile(filepath.Join(dir, name))
		if errors.Is(err, fs.ErrNotExist) {
			t.Skipf("%s: no corpus beside the checkout", name)
		}
		if err != nil {
			t.Fatal(err)
		}
		dev[name] = eval.Select(cases, "dev")
	}
	c := starterClassifier(t)
	for name, floor := range corpusFloors {
		r := eval.Summarise(eval.Classify(c, dev[name], &verdict.Options{Sensitivity: verdict.DefaultSensitivity}))
		t.Logf("%s dev: hate F1 %.3f (precision %.3f, recall %.3f)", name, r.All.F1(), r.All.Precision(), r.All.Recall())
		if r.All.F1() < floor {
			t.Errorf("%s dev: hate F1 %.3f, floor %.2f", name, r.All.F1(), floor)
		}
	}
}
