package verdict

import (
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
	featTarget = table("target:", rules.Categories)      // a target of the category
	featRule   = table("rule:", rules.Categories)        // a flagging rule of the category that counted
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

// features collects a post's extra features.
type features struct {
	hashes []uint64
	names  []string
	seen   uint64 // bits of the features present, by offset below
}

func (f *features) reset() {
	f.hashes, f.names, f.seen = f.hashes[:0], f.names[:0], 0
}

func (f *features) add(t []feature, i, offset int) {
	if i < 0 || i >= len(t) || f.seen&(1<<(offset+i)) != 0 {
		return
	}
	f.seen |= 1 << (offset + i)
	f.hashes = append(f.hashes, t[i].hash)
	f.names = append(f.names, t[i].name)
}

// Offsets of each table in features.seen.
const (
	offTarget = 0
	offRule   = offTarget + 8
	offPred   = offRule + 8
	offFrame  = offPred + 8
	offCtx    = offFrame + 8
	offCue    = offCtx + 8
)

func (f *features) collect(hits []match.Hit, lists []*rules.List, res *frames.Result) {
	f.reset()
	for i, h := range hits {
		r := &lists[h.List].Rules[h.Rule]
		switch r.Role {
		case rules.Flagging:
			if res.HitContext[i] == frames.None {
				f.add(featRule, categoryIndex(r.Category), offRule)
			} else {
				f.add(featCtx, index(frames.Contexts, res.HitContext[i]), offCtx)
			}
		case rules.Target:
			f.add(featTarget, categoryIndex(r.Category), offTarget)
		case rules.Predicate:
			f.add(featPred, index(rules.PredicateClasses, r.Class), offPred)
		case rules.Cue:
			f.add(featCue, index(rules.CueClasses, r.Class), offCue)
		}
	}
	for _, fr := range res.Frames {
		if fr.Context == frames.None {
			f.add(featFrame, index(rules.PredicateClasses, fr.Class), offFrame)
		} else {
			f.add(featCtx, index(frames.Contexts, fr.Context), offCtx)
		}
	}
}

func index[T comparable](xs []T, x T) int {
	for i, y := range xs {
		if y == x {
			return i
		}
	}
	return -1
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
