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
	featRule  = table("rule:", rules.Categories[:])     // a flagging rule of the category that counted
	featPred  = table("pred:", rules.PredicateClasses)  // a predicate of the class
	featFrame = table("frame:", rules.PredicateClasses) // a frame of the class that counted
	featCtx   = table("context:", frames.Contexts)      // a frame or rule cancelled by the context
	featCue   = table("cue:", rules.CueClasses)         // a cue of the class
)

// cuesNoFeature are the cue classes whose words are no feature of the
// model. A challenge's words are among the commonest ("one", « un »), as
// a restriction's are (« que »): alone they say nothing. A person's
// introduction the verdict reads (PersonModelFloor); a slur's sense, a
// preposition's attachment, an inverted question, an agreement with
// reported speech, a refusal, a doubt, an alternative, an outer negation
// and a relative clause the frames read.
var cuesNoFeature = []rules.Class{rules.Challenge, rules.Restrict, rules.Person, rules.Sense, rules.Attach, rules.Ask, rules.Agree, rules.Refusal, rules.Doubt, rules.Alternative, rules.Outer, rules.Relative}

// table runs at package init, once per start. Not inlined, so that its
// loop does not make V8 recompile all of the package's init
// (wasm/README.md, functions a start runs once).
//
//go:noinline
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
	masked normalize.Text // the text the model reads: see mask
	owner  []int32        // mask's per-word target hit

	// byRule[l][r] is the feature of a hit of rule r of list l, when it
	// counts: its category's for a flagging rule, its class's for a
	// predicate or a cue; nil for a target. Found once, where finding it
	// per hit compared strings (a category, a class) with each of a table;
	// made at the first collect, which lists without a model never reach.
	byRule [][]*feature
}

// init fills f.byRule for lists, those of every call of collect.
func (f *features) init(lists []*rules.List) {
	f.byRule = make([][]*feature, len(lists))
	for l, list := range lists {
		f.byRule[l] = make([]*feature, len(list.Rules))
		for r := range list.Rules {
			rule := &list.Rules[r]
			var t []feature
			i := -1
			switch rule.Role {
			case rules.Flagging:
				t, i = featRule, categoryIndex(rule.Category)
			case rules.Predicate:
				t, i = featPred, slices.Index(rules.PredicateClasses, rule.Class)
			case rules.Cue:
				if !slices.Contains(cuesNoFeature, rule.Class) {
					t, i = featCue, slices.Index(rules.CueClasses, rule.Class)
				}
			}
			if i >= 0 && i < len(t) {
				f.byRule[l][r] = &t[i]
			}
		}
	}
}

func (f *features) reset() {
	f.hashes, f.names = f.hashes[:0], f.names[:0]
}

// add adds feature i of table t, if it is one and not there yet: a post
// has a few dozen at most.
func (f *features) add(t []feature, i int) {
	if i >= 0 && i < len(t) {
		f.addFeature(&t[i])
	}
}

// addFeature adds ft, if it is one and not there yet.
func (f *features) addFeature(ft *feature) {
	if ft == nil || slices.Contains(f.hashes, ft.hash) {
		return
	}
	f.hashes = append(f.hashes, ft.hash)
	f.names = append(f.names, ft.name)
}

func (f *features) collect(hits []match.Hit, lists []*rules.List, res *frames.Result) {
	f.reset()
	if f.byRule == nil {
		f.init(lists)
	}
	for i, h := range hits {
		if lists[h.List].Rules[h.Rule].Role == rules.Flagging && res.HitContext[i] != frames.None {
			f.add(featCtx, slices.Index(frames.Contexts, res.HitContext[i]))
			continue
		}
		f.addFeature(f.byRule[h.List][h.Rule])
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
// normalised form, each group it names masked, and its extra features, as
// Classify gives them to the model: what a model must be trained on. Both
// are valid until the next call.
func (c *Classifier) Features(text string) (*normalize.Text, []uint64) {
	hits := c.m.Match(text)
	res := c.frames.Analyze(text, c.m.Text, hits, c.e.Lists)
	c.feats.collect(hits, c.e.Lists, res)
	return c.feats.mask(c.m.Text, hits, c.e.Lists), c.feats.hashes
}

// MaskWord stands, in the words the model reads, for the words of every
// target the lexicons found (one per group named). The model then learns
// what is said of a group, not which groups are named in hateful posts:
// trained on the groups' names themselves, it read "I love spending time
// with T" as hate because T is named mostly in hate. It is the model's
// Placeholder, which a model trained with model.Placeholders weighs only
// by its neighbours, and for the same reason no extra feature says which
// kind of group is named. Normalising a masked text gives it back
// unchanged, so a trainer may keep it as a string (string(t.Norm)).
const MaskWord = model.Placeholder

// mask returns t with the words of each target hit among hits replaced by
// one MaskWord, in a Text owned by f and valid until the next call. A
// word is masked only when the target covers it whole (not the "muslims"
// of "ihatemuslims").
func (f *features) mask(t *normalize.Text, hits []match.Hit, lists []*rules.List) *normalize.Text {
	m := &f.masked
	m.Norm, m.Words = m.Norm[:0], m.Words[:0]
	// owner[i] is the target hit that covers word i whole, or -1.
	f.owner = f.owner[:0]
	for range t.Words {
		f.owner = append(f.owner, -1)
	}
	for j, h := range hits {
		if lists[h.List].Rules[h.Rule].Role != rules.Target {
			continue
		}
		for i := h.Words[0]; i < h.Words[1] && int(i) < len(t.Words); i++ {
			w := t.Words[i]
			if s, e := t.Orig(int(w.Start), int(w.End)); s >= h.Start && e <= h.End && f.owner[i] < 0 {
				f.owner[i] = int32(j)
			}
		}
	}
	// Words kept as they are, one space apart in t as in m, are copied
	// in runs, [runLo, runHi) of t.Norm, written at m's length plus
	// shift: one copy for the words between two targets.
	last := int32(-1) // the target hit that masked the previous word
	runLo, runHi, shift := int32(0), int32(-1), int32(0)
	size := int32(0) // len(m.Norm) once the run is written
	for i, w := range t.Words {
		hi := f.owner[i]
		if hi >= 0 && hi == last {
			continue // one MaskWord for a target of several words
		}
		last = hi
		if hi < 0 && runHi >= 0 && w.Start == runHi+1 && t.Norm[runHi] == ' ' {
			runHi, size = w.End, size+1+w.End-w.Start
			appendWord(&m.Words, w.Start+shift, w.End+shift, w.Flags)
			continue
		}
		if runHi >= 0 {
			m.Norm = append(m.Norm, t.Norm[runLo:runHi]...)
			runHi = -1
		}
		if len(m.Norm) > 0 {
			m.Norm = append(m.Norm, ' ')
		}
		start := int32(len(m.Norm))
		if hi >= 0 {
			m.Norm = append(m.Norm, MaskWord...)
			size = int32(len(m.Norm))
		} else {
			runLo, runHi, shift = w.Start, w.End, start-w.Start
			size = start + w.End - w.Start
		}
		appendWord(&m.Words, start, size, w.Flags)
	}
	if runHi >= 0 {
		m.Norm = append(m.Norm, t.Norm[runLo:runHi]...)
	}
	return m
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

// appendWord appends a word to ws field by field: a Word built on the
// stack and copied in stalls the copy's wide loads on the narrow stores
// just made (mask took 4.2 % of a classification natively, 2.6 % since,
// by CPU profile of BenchmarkClassifyStarter).
func appendWord(ws *[]normalize.Word, start, end int32, flags normalize.Flags) {
	*ws = append(*ws, normalize.Word{})
	w := &(*ws)[len(*ws)-1]
	w.Start, w.End, w.Flags = start, end, flags
}
