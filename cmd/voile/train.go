package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"voile/shared/eval"
	"voile/shared/model"
	"voile/shared/normalize"
	"voile/shared/rules"

	"gopkg.in/yaml.v3"
)

// extraFeatures, when set, gives the extra features of a post (hashes from
// model.Feature, such as model.Feature("frame:dehumanise")) from its raw
// text and its normalised form t (valid only during the call). `voile
// train` passes them to model.Train for every training row and to
// Scorer.Score for every dev row; whoever scores with the trained model
// must pass the same features. nil means no extra features. The -lexicon
// flag replaces it with the features of the frames phase over its lists,
// which is what package verdict gives the model.
var extraFeatures func(text string, t *normalize.Text) []uint64

// trainStdout receives `voile train`'s report (tests silence it).
var trainStdout io.Writer = os.Stdout

type trainLabelled struct {
	file  string
	text  string
	hate  bool
	lang  string
	extra []uint64
}

func train(args []string) error {
	fs := flag.NewFlagSet("train", flag.ContinueOnError)
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: voile train [flags] FILE.jsonl...\n\nTrains the hashed logistic-regression model on rows of the -train-splits\n(and rows without a split), chooses its threshold on rows of the\n-dev-splits, reports dev precision/recall/F1 of the hate class per file and\nwrites the model. Rows are {\"text\", \"label\": hate|offensive|normal} or\n{\"text\", \"hateful\": bool}, with optional \"lang\" and \"split\".\n\nFlags:")
		fs.PrintDefaults()
	}
	bits := fs.Int("bits", model.DefaultBits, "hash bits: the model has 1<<bits int8 weights")
	epochs := fs.Int("epochs", 0, "training passes (0: the default, 8)")
	seed := fs.Int64("seed", 1, "shuffle seed")
	l2 := fs.Float64("l2", 0, "L2 penalty")
	lr := fs.Float64("lr", 0, "AdaGrad learning rate (0: the default, 0.03)")
	posWeight := fs.Float64("pos-weight", 0, "weight of a hate row against a non-hate one (0: balanced)")
	balance := fs.Float64("balance", 1, "multiplies the balanced hate weight (when -pos-weight is 0)")
	features := fs.String("features", "words,bigrams,chars,placeholders", "text features: words, bigrams, chars; placeholders: the masked group word (model.Placeholder) counts only in bigrams")
	ngrams := fs.String("ngrams", "3-5", "character n-gram lengths MIN-MAX")
	trainSplits := fs.String("train-splits", "train", "comma-separated splits to train on (rows without a split are always trained on)")
	devSplits := fs.String("dev-splits", "dev", "comma-separated splits to choose the threshold on and report")
	out := fs.String("out", "model.bin", "where to write the encoded model (\"\" for nowhere)")
	devOut := fs.String("dev-out", "", "also write the dev report to this file")
	lexicon := fs.String("lexicon", "starter", "lists whose targets, predicates, cues and frames give the model's extra features: \"starter\", \"none\", or comma-separated list files; score with the same lists")
	listID := fs.String("list", "", "write -out as a list source carrying the model, with this list id (publish it like any list)")
	publisher := fs.String("publisher", "", "with -list: the publisher id")
	version := fs.Uint64("version", 1, "with -list: the list version")
	name := fs.String("name", "", "with -list: the list's name")
	demoList := fs.Bool("demo", false, "with -list: mark the list as written to show and test Voile")
	if err := fs.Parse(args); err != nil {
		return err
	}
	norm := normalize.New()
	// prepare gives a row's text as the model reads it and its extra
	// features: with the lexicons, each group named masked
	// (verdict.MaskWord) and the frames phase's features, in one pass.
	extras := extraFeatures != nil
	prepare := func(text string) (string, []uint64) {
		if extraFeatures == nil {
			return text, nil
		}
		return text, extraFeatures(text, norm.Normalize(text))
	}
	if *lexicon != "none" {
		var paths []string
		if *lexicon != "starter" {
			paths = strings.Split(*lexicon, ",")
		}
		lists, err := listsOrStarter(paths, "")
		if err != nil {
			return fmt.Errorf("-lexicon: %v", err)
		}
		c, err := classifierOf(lists)
		if err != nil {
			return fmt.Errorf("-lexicon: %v", err)
		}
		extras = true
		prepare = func(text string) (string, []uint64) {
			t, x := c.Features(text)
			return string(t.Norm), slices.Clone(x)
		}
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return fmt.Errorf("no JSONL file given")
	}
	cfg := model.Config{Bits: *bits, Epochs: *epochs, Seed: *seed, L2: *l2, LearningRate: *lr, PosWeight: *posWeight, Balance: *balance}
	for _, f := range strings.Split(*features, ",") {
		switch strings.TrimSpace(f) {
		case "words":
			cfg.Features |= model.Words
		case "bigrams":
			cfg.Features |= model.Bigrams
		case "chars":
			cfg.Features |= model.Chars
		case "placeholders":
			cfg.Features |= model.Placeholders
		default:
			return fmt.Errorf("-features: unknown feature %q (want words, bigrams, chars, placeholders)", f)
		}
	}
	if cfg.Features&model.Chars != 0 {
		if _, err := fmt.Sscanf(*ngrams, "%d-%d", &cfg.MinN, &cfg.MaxN); err != nil {
			return fmt.Errorf("-ngrams %q: want MIN-MAX, such as 3-5", *ngrams)
		}
	}
	if *balance <= 0 {
		return fmt.Errorf("-balance %v: want a number > 0", *balance)
	}
	isTrain, isDev := trainSplitSet(*trainSplits), trainSplitSet(*devSplits)

	var trainRows, devRows []trainLabelled
	langs := map[string]bool{}
	var names []string
	for _, path := range fs.Args() {
		name := filepath.Base(path)
		names = append(names, name)
		err := readTrainRows(path, func(r trainLabelled, split string) {
			r.text, r.extra = prepare(r.text)
			switch {
			case split == "" || isTrain[split]:
				trainRows = append(trainRows, r)
				if r.lang != "" {
					langs[r.lang] = true
				}
			case isDev[split]:
				devRows = append(devRows, r)
			}
		})
		if err != nil {
			return err
		}
	}
	if len(trainRows) == 0 {
		return fmt.Errorf("no training rows (splits %q or none)", *trainSplits)
	}
	ex := make([]model.Example, len(trainRows))
	nhate := 0
	for i, r := range trainRows {
		ex[i] = model.Example{Text: r.text, Hate: r.hate, Extra: r.extra}
		if r.hate {
			nhate++
		}
	}
	for l := range langs {
		cfg.Langs = append(cfg.Langs, l)
	}
	slices.Sort(cfg.Langs)
	cfg.Trained = fmt.Sprintf("%s; trained on %d rows (%d hate) of %s, splits %s", cfg.Describe(), len(trainRows), nhate, strings.Join(names, ", "), *trainSplits)
	if extras {
		cfg.Trained += ", with extra features"
	}

	start := time.Now()
	m, err := model.Train(ex, norm, cfg)
	if err != nil {
		return err
	}
	took := time.Since(start)

	var rep strings.Builder
	fmt.Fprintf(os.Stderr, "voile train: trained in %.1fs\n", took.Seconds())
	fmt.Fprintf(&rep, "%s\n", m.Trained)
	if len(devRows) > 0 {
		s := m.NewScorer()
		scores := make([]float64, len(devRows))
		labels := make([]bool, len(devRows))
		for i, r := range devRows {
			scores[i] = s.Score(norm.Normalize(r.text), r.extra)
			labels[i] = r.hate
		}
		m.Threshold = model.ChooseThreshold(scores, labels)
		fmt.Fprintf(&rep, "threshold %.4f chosen on %d dev rows (splits %s)\n", m.Threshold, len(devRows), *devSplits)
		fmt.Fprintf(&rep, "%-24s %6s %5s %9s %6s %6s %9s\n", "dev file", "rows", "hate", "precision", "recall", "F1", "best F1")
		report := func(name string, keep func(trainLabelled) bool) {
			var sc []float64
			var lb []bool
			nh := 0
			for i, r := range devRows {
				if keep(r) {
					sc, lb = append(sc, scores[i]), append(lb, labels[i])
					if labels[i] {
						nh++
					}
				}
			}
			if len(sc) == 0 {
				return
			}
			p, rc, f1 := model.F1(sc, lb, m.Threshold)
			_, _, best := model.F1(sc, lb, model.ChooseThreshold(sc, lb))
			fmt.Fprintf(&rep, "%-24s %6d %5d %9.3f %6.3f %6.3f %9.3f\n", name, len(sc), nh, p, rc, f1, best)
		}
		for _, name := range names {
			report(name, func(r trainLabelled) bool { return r.file == name })
		}
		report("all", func(trainLabelled) bool { return true })
	} else {
		fmt.Fprintf(&rep, "no dev rows (splits %s): threshold %.2f\n", *devSplits, m.Threshold)
	}
	enc := m.Encode()
	fmt.Fprintf(&rep, "encoded model: %d bytes\n", len(enc))
	fmt.Fprint(trainStdout, rep.String())
	if *devOut != "" {
		if err := os.WriteFile(*devOut, []byte(rep.String()), 0o644); err != nil {
			return err
		}
	}
	if *out == "" {
		return nil
	}
	if *listID == "" {
		return os.WriteFile(*out, enc, 0o644)
	}
	l := &rules.List{ID: *listID, Publisher: *publisher, Version: *version, Name: *name, Langs: cfg.Langs,
		Description: m.Trained, Demo: *demoList, Model: enc}
	if err := l.Validate(); err != nil {
		return err
	}
	src, err := yaml.Marshal(l)
	if err != nil {
		return err
	}
	header := "# A list that carries a model trained by voile train; publish it like any\n# list. The model is base64 of package model's encoding.\n"
	return os.WriteFile(*out, append([]byte(header), src...), 0o644)
}

func trainSplitSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, x := range strings.Split(s, ",") {
		if x = strings.TrimSpace(x); x != "" {
			m[x] = true
		}
	}
	return m
}

// readTrainRows calls fn for each row of a labelled JSONL file, read as
// voile eval reads it, with its split.
func readTrainRows(path string, fn func(r trainLabelled, split string)) error {
	cases, err := eval.ReadFile(path)
	if err != nil {
		return err
	}
	name := filepath.Base(path)
	for _, c := range cases {
		fn(trainLabelled{file: name, text: c.Text, hate: c.Hateful, lang: c.Lang}, c.Split)
	}
	return nil
}
