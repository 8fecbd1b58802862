package verdict

import (
	"slices"

	"voile/shared/frames"
	"voile/shared/match"
	"voile/shared/model"
	"voile/shared/normalize"
	"voile/shared/rules"
)

// The model's extra features: what the lexicons and frames found in a
// post, beside its words and character n-grams, so that a model learns
// how much a frame, a target or a context weighs. Each is present or not;
// names and hashes are made once.
type feature struct {
	name string
	hash uint64
}

func newFeature(name string) feature { return feature{name, model.Feature(name)} }

var (
	featTarget = table("target:", rules.Categories[:])   // a target of the category
	featRule   = table("rule:", rules.Categories[:])     // a flagging rule of the category that counted
	featPred   = table("pred:", rules.PredicateClasses)  // a predicate of the class
	featFrame  = table("frame:", rules.PredicateClasses) // a frame of the class that counted
	featCtx    = table("context:", frames.Contexts)      // a frame or rule cancelled by the context
	featCue    = table("cue:", rules.CueClasses)         // a cue of the class
)

func table[T ~string](prefix string, xs []T) []feature {
	out := make([]feature, len(xs))
	for i, x := range xs {
		out[i] = newFeature(prefix + string(x))
	}
	return out
}

// features collects a post's extra features, each once.
type features struct {
	hashes []uint64
	names  []string
}

func (f *features) reset() {
	f.hashes, f.names = f.hashes[:0], f.names[:0]
}

// add adds feature i of table t, if it is one and not there yet: a post
// has a few dozen at most.
func (f *features) add(t []feature, i int) {
	if i < 0 || i >= len(t) || slices.Contains(f.hashes, t[i].hash) {
		return
	}
	f.hashes = append(f.hashes, t[i].hash)
	f.names = append(f.names, t[i].name)
}

func (f *features) collect(hits []match.Hit, lists []*rules.List, res *frames.Result) {
	f.reset()
	for i, h := range hits {
		r := &lists[h.List].Rules[h.Rule]
		switch r.Role {
		case rules.Flagging:
			if res.HitContext[i] == frames.None {
				f.add(featRule, categoryIndex(r.Category))
			} else {
				f.add(featCtx, slices.Index(frames.Contexts, res.HitContext[i]))
			}
		case rules.Target:
			f.add(featTarget, categoryIndex(r.Category))
		case rules.Predicate:
			f.add(featPred, slices.Index(rules.PredicateClasses, r.Class))
		case rules.Cue:
			f.add(featCue, slices.Index(rules.CueClasses, r.Class))
		}
	}
	for _, fr := range res.Frames {
		if fr.Context == frames.None {
			f.add(featFrame, slices.Index(rules.PredicateClasses, fr.Class))
		} else {
			f.add(featCtx, slices.Index(frames.Contexts, fr.Context))
		}
	}
}

// Features runs the phases before the model on text and returns its
// normalised form and extra features, as Classify gives them to the
// model: what a model must be trained on. Both are valid until the next
// call.
func (c *Classifier) Features(text string) (*normalize.Text, []uint64) {
	hits := c.m.Match(text)
	res := c.frames.Analyze(text, c.m.Text, hits, c.e.Lists)
	c.feats.collect(hits, c.e.Lists, res)
	return c.m.Text, c.feats.hashes
}

// ModelScore returns the model's probability of hate for text whatever
// the post names, and its own threshold (the one training chose), for
// measuring the model alone; ok is false when the lists carry no model.
func (c *Classifier) ModelScore(text string) (p, threshold float64, ok bool) {
	if c.model == nil {
		return 0, 0, false
	}
	t, x := c.Features(text)
	return c.scorer.Score(t, x), float64(c.model.Threshold), true
}
