package verdict

import (
	"errors"
	"math"
	"slices"
	"strconv"

	"voile/shared/frames"
	"voile/shared/match"
	"voile/shared/model"
	"voile/shared/rules"
)

// Options are a reader's settings for one classification.
type Options struct {
	// Sensitivity in [0, 1]; see the package documentation.
	Sensitivity float64
	// Categories enabled; nil enables all.
	Categories []rules.Category
	// Allow holds the reader's own corrections.
	Allow Allow
}

// DefaultSensitivity applies each list's thresholds as written.
const DefaultSensitivity = 0.5

// Allow holds what a reader has said is not hate.
type Allow struct {
	// Rules turned off, as "publisher/list/rule": two publishers may
	// both have a list of the same id, and a rule of one is not the
	// other's.
	Rules []string `json:"rules,omitempty"`
	// Posts whose Fingerprint the reader marked.
	Posts []Fingerprint `json:"posts,omitempty"`
}

// ReasonKind says what a reason is.
type ReasonKind string

const (
	// ByRule: a flagging rule matched (a slur, a hateful phrase).
	ByRule ReasonKind = "rule"
	// ByFrame: a target and a predicate in a hateful construction
	// (package frames). Rule is the predicate's, Target the target's.
	ByFrame ReasonKind = "frame"
	// ByModel: the list's trained model (package model). Weight is its
	// probability, Features what weighed most.
	ByModel ReasonKind = "model"
)

// ReasonKinds lists every kind of reason, in a stable order.
var ReasonKinds = []ReasonKind{ByRule, ByFrame, ByModel}

// A Reason is one thing found in the post, at one place: a matched
// flagging rule or a frame. A reason with a Context did not count.
type Reason struct {
	Kind      ReasonKind `json:"kind"`
	List      string     `json:"list"`
	Publisher string     `json:"publisher"`
	Version   uint64     `json:"version"`
	// Rule is the flagging rule, or a frame's predicate rule.
	Rule     string         `json:"rule"`
	Category rules.Category `json:"category"`
	Weight   float64        `json:"weight"`
	// Start and End are the byte span in the post of the match, or of a
	// frame's predicate.
	Start int `json:"start"`
	End   int `json:"end"`
	// Class is a frame's predicate class ("dehumanise", "threat", …).
	Class rules.Class `json:"class,omitempty"`
	// Target is a frame's target rule, as "publisher/list/rule", and TargetStart
	// and TargetEnd its byte span in the post (a pronoun's, when the
	// target is referred back to).
	Target      string `json:"target,omitempty"`
	TargetStart int    `json:"targetStart,omitempty"`
	TargetEnd   int    `json:"targetEnd,omitempty"`
	// Context, when set, is why the reason did not count: a negation,
	// counter-speech, a quotation or reported speech.
	Context frames.Context `json:"context,omitempty"`
	// Features are the model's features that weighed most toward hate.
	Features []string `json:"features,omitempty"`
}

// A Verdict is the classification of one post.
type Verdict struct {
	Flagged bool `json:"flagged"`
	// Score is the highest score of an enabled category.
	Score float64 `json:"score"`
	// Category is the enabled category with the highest score, if any.
	Category rules.Category `json:"category,omitempty"`
	// Scores holds each category's score, in the order of rules.Categories.
	Scores [NumCategories]float64 `json:"scores"`
	// Reasons lists every match, allowed or not.
	Reasons []Reason `json:"reasons"`
	// Fingerprint identifies the normalised text of a post the verdict
	// flags (or allowed), for Allow.Posts; 0 for the others, which the
	// reader has no way to mark and whose hash, a pass over every byte of
	// every post, was 2 % of a feed post's instructions.
	Fingerprint Fingerprint `json:"fingerprint"`
	// Allowed is set when the reader's corrections cleared a post that
	// would otherwise have been flagged.
	Allowed bool `json:"allowed,omitempty"`
}

// NumCategories is the number of categories, for arrays indexed by them.
const NumCategories = len(rules.Categories)

// Classifier classifies posts against one compiled set of lists. It reuses
// memory between calls and is not safe for concurrent use.
type Classifier struct {
	m       *match.Matcher
	e       *match.Engine
	frames  frames.Analyzer
	feats   features
	seen    map[[2]int32]bool
	v       Verdict
	targets []string // per list and rule: "publisher/list/rule", made once (ruleRef)

	// The model of the last list that carries one, or nil.
	model      *model.Model
	modelList  *rules.List
	scorer     *model.Scorer
	thresholds [2]float64 // sensitivity and the model threshold it gives
}

// New returns a Classifier for e. Of the lists that carry a model, the
// last one's is used.
func New(e *match.Engine) *Classifier {
	c := &Classifier{m: e.NewMatcher(), e: e, seen: make(map[[2]int32]bool)}
	c.v.Reasons = make([]Reason, 0, 8) // an empty list, not null, in JSON
	for _, l := range e.Lists {
		if len(l.Model) == 0 {
			continue
		}
		// Validation decoded it already: a list whose model does not
		// decode is never compiled.
		if m, err := model.Decode(l.Model); err == nil {
			c.model, c.modelList, c.scorer = m, l, m.NewScorer()
			c.scorer.KeepTop(modelFeatures)
		}
	}
	return c
}

// HasModel reports whether the classifier uses a model.
func (c *Classifier) HasModel() bool { return c.model != nil }

// scores accumulates one post's category scores.
type scores struct {
	miss      [NumCategories]float64 // ∏(1 − w) per category
	threshold [NumCategories]float64
}

func (s *scores) add(c rules.Category, w, threshold float64) {
	ci := categoryIndex(c)
	s.miss[ci] *= 1 - w
	s.threshold[ci] = min(s.threshold[ci], threshold)
}

// Classify returns the verdict on text. The verdict is valid until the next
// call; its Reasons slice is reused.
func (c *Classifier) Classify(text string, o *Options) *Verdict {
	hits := c.m.Match(text)
	v := &c.v
	*v = Verdict{Reasons: v.Reasons[:0]}
	if !c.counts(hits) {
		return v
	}
	res := c.frames.Analyze(text, c.m.Text, hits, c.e.Lists)
	clear(c.seen)
	var sc scores
	for i := range sc.miss {
		sc.miss[i], sc.threshold[i] = 1, 1
	}
	p := c.modelScore(hits, res)
	doubted := func(w float64, cat rules.Category) bool {
		return p >= 0 && w < Strong && cat != rules.Threat && p < c.modelThreshold(o.Sensitivity)*VetoShare
	}
	// One word is one piece of evidence: a slur that is also the
	// predicate of a frame of its category ("girls are hoes", « les T
	// sont des salopes ») counts once, by the heavier of its two readings,
	// and only that reading is a reason. Counted twice, two readings too
	// weak to flag alone flagged together. counting returns the weights
	// of the heaviest slur and of the heaviest frame of category cat on
	// the words [start, end) that count (no context, not doubted), -1
	// where none does.
	counting := func(start, end int, cat rules.Category) (slur, frame float64) {
		slur, frame = -1, -1
		for i, h := range hits {
			r := &c.e.Lists[h.List].Rules[h.Rule]
			if r.Role == rules.Flagging && r.Category == cat && h.Start == start && h.End == end && res.HitContext[i] == frames.None && !doubted(r.Weight, cat) {
				slur = max(slur, r.Weight)
			}
		}
		for _, f := range res.Frames {
			if f.Context == frames.None && f.Category == cat && f.Predicate.Start == start && f.Predicate.End == end && !doubted(f.Weight, cat) {
				frame = max(frame, f.Weight)
			}
		}
		return slur, frame
	}
	for i, h := range hits {
		l := c.e.Lists[h.List]
		r := &l.Rules[h.Rule]
		if r.Role != rules.Flagging {
			continue
		}
		ctx := res.HitContext[i]
		if ctx == frames.None && doubted(r.Weight, r.Category) {
			ctx = frames.Doubted
		}
		if ctx == frames.None {
			if _, frame := counting(h.Start, h.End, r.Category); frame >= r.Weight {
				continue
			}
		}
		v.Reasons = append(v.Reasons, Reason{
			Kind: ByRule, List: l.ID, Publisher: l.Publisher, Version: l.Version, Rule: r.ID,
			Category: r.Category, Weight: r.Weight, Start: h.Start, End: h.End, Context: ctx,
		})
		k := [2]int32{h.List, h.Rule}
		if ctx != frames.None || c.seen[k] || o.ruleAllowed(l.Publisher, l.ID, r.ID) {
			continue
		}
		c.seen[k] = true
		sc.add(r.Category, r.Weight, l.Threshold(r.Category))
	}
	for _, f := range res.Frames {
		l := c.e.Lists[f.Predicate.List]
		r := &l.Rules[f.Predicate.Rule]
		if f.Context == frames.None && doubted(f.Weight, f.Category) {
			f.Context = frames.Doubted
		}
		if f.Context == frames.None {
			if slur, _ := counting(f.Predicate.Start, f.Predicate.End, f.Category); slur > f.Weight {
				continue
			}
		}
		v.Reasons = append(v.Reasons, Reason{
			Kind: ByFrame, List: l.ID, Publisher: l.Publisher, Version: l.Version, Rule: r.ID,
			Category: f.Category, Weight: f.Weight, Start: f.Predicate.Start, End: f.Predicate.End,
			Class: f.Class, Target: c.ruleRef(f.Target), TargetStart: f.Target.Start, TargetEnd: f.Target.End,
			Context: f.Context,
		})
		k := [2]int32{f.Predicate.List, f.Predicate.Rule}
		if f.Context != frames.None || c.seen[k] || o.ruleAllowed(l.Publisher, l.ID, r.ID) {
			continue
		}
		c.seen[k] = true
		sc.add(f.Category, f.Weight, l.Threshold(f.Category))
	}
	if p >= 0 {
		c.applyModel(hits, res, p, o, &sc)
	}
	s := o.Sensitivity
	for i, cat := range rules.Categories {
		v.Scores[i] = 1 - sc.miss[i]
		if !o.enabled(cat) || v.Scores[i] <= v.Score {
			continue
		}
		v.Score, v.Category = v.Scores[i], cat
		if v.Scores[i] >= min(1, sc.threshold[i]*2*(1-s)) {
			v.Flagged = true
		}
	}
	if v.Flagged {
		v.Fingerprint = c.fingerprint()
		if slices.Contains(o.Allow.Posts, v.Fingerprint) {
			v.Flagged, v.Allowed = false, true
		}
	}
	return v
}

// counts reports whether something among hits can make a reason: a
// flagging rule's match, or a target, which a frame and the model need.
// Predicates and cues alone make none, and the frames phase is skipped.
func (c *Classifier) counts(hits []match.Hit) bool {
	for _, h := range hits {
		if role := c.e.Lists[h.List].Rules[h.Rule].Role; role == rules.Flagging || role == rules.Target {
			return true
		}
	}
	return false
}

// Strong is the weight from which a rule or a frame counts whatever the
// model says; below it, a match counts only if the model gives the post
// at least VetoShare of its threshold. Slurs and set phrases that are
// hate in any sentence weigh more; words that are often banter or
// profanity ("hoe", a reclaimed slur) weigh less, and the model, which
// has read many such posts, decides. Threats are not the model's to
// doubt: it learnt hate against groups, and a threat against one person
// ("I know where you live") is none of that.
const (
	Strong    = 0.8
	VetoShare = 0.8
)

// modelScore returns the model's probability for the post, or -1 when
// there is no model or nothing in the post that it could confirm or add
// to: no match of a flagging rule, no frame and no target.
func (c *Classifier) modelScore(hits []match.Hit, res *frames.Result) float64 {
	if c.model == nil {
		return -1
	}
	for _, h := range hits {
		if role := c.e.Lists[h.List].Rules[h.Rule].Role; role == rules.Flagging || role == rules.Target {
			c.feats.collect(hits, c.e.Lists, res)
			return c.scorer.Score(c.feats.mask(c.m.Text, hits, c.e.Lists), c.feats.hashes)
		}
	}
	return -1
}

// applyModel adds the model's reason, of probability p, when the post
// names a group (a target, or a flagging rule's match) and p reaches the
// model's threshold at the reader's sensitivity; a higher one when
// nothing is said of the group (no predicate, frame or flagging match).
// The model adds recall where the lexicons name the parts of a statement
// but no frame joined them. It cannot read context: in a post with a
// negation, counter-speech, a quotation or reported speech, its reason is
// cancelled by that context; a negation, only while the model is unsure
// (NegatedModelFloor).
func (c *Classifier) applyModel(hits []match.Hit, res *frames.Result, p float64, o *Options, sc *scores) {
	about, said := c.modelSubject(hits, res)
	if about < 0 {
		return
	}
	// Only a negation asks whether the post holds something to deny.
	ctx := modelContext(res.Context, p, res.Context == frames.Negated && c.deniable(hits))
	if res.Context == frames.Negated && harmDenied(res) {
		// "I would never hurt a T", « personne ne mérite de mourir »:
		// a harm denied is no hate however sure the model is.
		ctx = frames.Negated
	}
	threshold := c.modelThreshold(o.Sensitivity)
	if !said {
		// A group named and nothing the lexicons know said of it: the
		// model must be surer; and surer still when the group is named
		// only as one person's ("my cousin is trans").
		threshold = math.Pow(threshold, NamedOnlyExponent)
		if c.introduced(hits, about) {
			threshold = max(threshold, PersonModelFloor)
		}
	}
	if p < threshold {
		return
	}
	h := hits[about]
	r := &c.e.Lists[h.List].Rules[h.Rule]
	l := c.modelList
	c.v.Reasons = append(c.v.Reasons, Reason{
		Kind: ByModel, List: l.ID, Publisher: l.Publisher, Version: l.Version, Rule: "model",
		Category: r.Category, Weight: p, Start: h.Start, End: h.End, Context: ctx,
		// modelScore's Score read these last: it kept the text's best
		// features, and naming them reads the text no more.
		Features: c.scorer.TopAfterScore(&c.feats.masked, c.feats.hashes, c.feats.names, modelFeatures),
	})
	if ctx == frames.None && !o.ruleAllowed(l.Publisher, l.ID, "model") {
		sc.add(r.Category, p, 0) // the sensitivity is in the model's threshold
	}
}

// modelFeatures is how many features a model's reason names.
const modelFeatures = 3

// modelSubject returns the hit that names the group a post is about for
// the model (the target of the first frame that counts, else the first
// flagging match that counts, else the first target), or -1 when the post
// names no group; and whether the post says something of it (a frame, a
// flagging match or a predicate). What cancels the model's reason is
// res.Context, which the frames phase read for the whole post.
func (c *Classifier) modelSubject(hits []match.Hit, res *frames.Result) (subject int, said bool) {
	subject = -1
	for _, f := range res.Frames {
		if f.Context == frames.None && subject < 0 {
			subject = c.hitIndex(hits, f.Target, f.Antecedent)
		}
		said = true
	}
	target := -1
	for i, h := range hits {
		r := &c.e.Lists[h.List].Rules[h.Rule]
		switch r.Role {
		case rules.Flagging:
			// A slur names a group and says something of it; a word
			// that is often innocent ("monkey", "illegal") does neither:
			// the model may confirm or doubt it, not speak of it alone.
			strong := r.Weight >= Strong
			said = said || strong
			if subject < 0 && strong && res.HitContext[i] == frames.None {
				subject = i
			}
		case rules.Target:
			// Not a group that hangs from a noun before it ("the laws on
			// T are stupid"): the post is about the noun.
			if target < 0 && !slices.Contains(res.Attached, int32(i)) {
				target = i
			}
		case rules.Predicate:
			said = said || r.Class != rules.Positive
		case rules.Cue:
			// "T are …", "T should …", « les T sont … », « les T
			// devraient … »: something is said of the group, in words the
			// lexicons may not hold (in its clause: "… a Muslim. We're
			// going to …" says nothing of Muslims).
			if (r.Class == rules.Link || r.Class == rules.Intent) && target >= 0 && h.Words[0]-hits[target].Words[1] <= 1 && h.Words[0] >= hits[target].Words[1] && c.frames.SameClause(h, hits[target]) {
				said = true
			}
		}
	}
	if subject < 0 {
		subject = target
	}
	return subject, said
}

// hitIndex returns the index of the target of a frame: its antecedent
// when the frame's target is a pronoun.
func (c *Classifier) hitIndex(hits []match.Hit, t match.Hit, antecedent int32) int {
	if antecedent >= 0 {
		return int(antecedent)
	}
	for i, h := range hits {
		if h == t {
			return i
		}
	}
	return -1
}

// NamedOnlyExponent raises the model's threshold t to t^0.8 for a post
// that names a group and says nothing of it in words the lexicons hold:
// hate in new words ("I feel nothing but bile for T") has only the model
// to find it, and a neutral mention must not be read as hate for naming a
// group.
const NamedOnlyExponent = 0.8

// PersonModelFloor is the probability the model must reach to flag, by
// itself, a post that names a group only as one person's, introduced by a
// person cue ("my brother is autistic and lives on his own", « elle est
// bisexuelle et travaille dans une banque »): such a post describes
// someone, and the model, which reads the group's name as the group, gave
// these 0.35 to 0.65.
const PersonModelFloor = 0.75

// maxPersonGap is how many words may stand between a person's
// introduction and the group's name: an article and a noun ("my cousin
// is a trans man", « mon cousin est un homme trans »).
const maxPersonGap = 2

// introduced reports whether target hit i names one person's group: it
// follows a person cue, right after it ("my Muslim neighbour", "she's
// trans") or after the link that follows it ("my brother is autistic",
// « mes voisins sont un couple gay »), and no anaphor after it makes the
// person stand for the group ("he's Black, they run on their own clock").
// A person cue followed by another verb introduces no one: "my daughter
// brings home a T" says something of T.
func (c *Classifier) introduced(hits []match.Hit, i int) bool {
	t := hits[i]
	person := false
	for _, p := range hits {
		r := &c.e.Lists[p.List].Rules[p.Rule]
		if r.Role != rules.Cue {
			continue
		}
		if r.Class == rules.Anaphor && p.Words[0] >= t.Words[1] {
			return false
		}
		if r.Class != rules.Person || p.Words[0] >= t.Words[0] || p.Words[1] > t.Words[0] {
			continue
		}
		if p.Words[1] == t.Words[0] {
			person = true
			continue
		}
		for _, l := range hits {
			lr := &c.e.Lists[l.List].Rules[l.Rule]
			if lr.Role == rules.Cue && lr.Class == rules.Link && l.Words[0] == p.Words[1] && l.Words[1] <= t.Words[0] && t.Words[0]-l.Words[1] <= maxPersonGap {
				person = true
			}
		}
	}
	return person
}

// NegatedModelFloor is the probability from which a negation near the
// group does not cancel the model's reason. The negation is read by
// distance only, which cannot tell "T are not thieves" from hate said by
// denying a good ("No T has ever earned what he has", « les T ne
// servent à rien »); the model, trained on both, can when it is sure.
// Chosen on the dev halves of the fresh sets and the suites' build
// split: from 0.8 down to 1.0 no case got worse there; at 0.8 four
// hateful posts more were found, and on the unseen halves three (make
// eval, 2026-11-30); below 0.75 negated hate began to be flagged.
const NegatedModelFloor = 0.8

// NegatedGoodFloor is the probability from which a negation does not
// cancel the model's reason in a post where the lexicons find nothing bad
// for it to deny: the negation there most often denies a good ("T have
// never given the world anything good", « les T n'ont pas la moindre
// dignité »), which is hate. Chosen among 0.4 to 0.6 on the fresh sets'
// dev halves and the suites' build third, then measured on the unseen
// halves and holdout third: 0.5 found 7 more hateful posts there than
// none (1.0) net of the denials of hate it flags (make eval,
// 2026-12-01); at 0.4 the denials cost more than it found. Raised to 0.6
// for the model of version 11, surer than the earlier ones after 32
// passes: chosen among 0.5 to 0.7 on the read halves (nat-dev, the
// batteries' dev templates, fresh5-9 dev, battery5: 6 posts more right
// than 0.5; 0.7 lost on the templated ones what it won on nat-dev). On
// what is never read: natural's test half 0.845 → 0.858 EN, 0.850 →
// 0.860 FR; the functional test halves recall 0.9423 → 0.9406,
// specificity 0.9447 → 0.9470.
const NegatedGoodFloor = 0.6

// modelContext is the context that cancels the model's reason of
// probability p in a post of context ctx; deniable says whether the post
// holds something bad (a predicate that is no praise, a slur) that its
// negation may deny.
func modelContext(ctx frames.Context, p float64, deniable bool) frames.Context {
	if ctx == frames.Negated && (p >= NegatedModelFloor || !deniable && p >= NegatedGoodFloor) {
		return frames.None
	}
	return ctx
}

// harmDenied reports whether the post denies a harm and says none: a
// frame of it is a threat or a violent act that a negation denies, or
// it denies something bad and says something good of the group ("Nobody
// should deport T, they belong here", « les T ne sont pas des voleurs,
// ce sont des gens honnêtes »). Hate that denies a good says no good:
// a good denied is a frame that counts.
func harmDenied(res *frames.Result) bool {
	denied, negated, praised := false, false, false
	for _, f := range res.Frames {
		if f.Context == frames.None {
			return false
		}
		denied = denied || f.Context == frames.Negated && (f.Class == rules.Threaten || f.Class == rules.Violence)
		negated = negated || f.Context == frames.Negated
		praised = praised || f.Context == frames.Praised
	}
	return denied || negated && praised
}

// deniable reports whether hits hold a predicate that is no praise or a
// flagging match: something bad that a negation in the post may deny.
func (c *Classifier) deniable(hits []match.Hit) bool {
	for _, h := range hits {
		r := &c.e.Lists[h.List].Rules[h.Rule]
		if r.Role == rules.Flagging || r.Role == rules.Predicate && r.Class != rules.Positive {
			return true
		}
	}
	return false
}

// ModelThresholdScale lowers the model's own threshold in the verdict.
// Training chooses that threshold for F1 on the corpora's dev posts, most
// of which are offensive and few name a group; here the model speaks only
// for posts that name one, after the lexicons, and hate in words no
// lexicon holds is for it to find. The scale and NamedOnlyExponent were
// chosen together for the model of version 4 (and kept for 5) on the dev halves of the
// third and fourth fresh sets (shared/eval/testdata): 0.6 and 0.8 left
// every hateful case found that 0.45 and 0.75 found there and 3 to 7
// points more of the others alone; on the unseen halves, specificity rose
// 2 to 8 points and recall fell by at most one case in sixty. A lower
// scale or exponent flags more neutral and positive mentions of a group.
// Measured again for the model of version 7 (make eval, 2026-12-01): with
// the exponent at 0.7, 0.75, 0.85 or 0.9 the dev halves and the suites'
// build third moved by −8 to +3 cases and the unseen halves by −3 to −1;
// 0.8 stays.
const ModelThresholdScale = 0.6

// modelThreshold returns the probability at which the model flags at
// sensitivity s: its threshold τ (the model's own, scaled by
// ModelThresholdScale) at the default sensitivity, τ^(2s) in general,
// so 1 at sensitivity 0 (the model alone never flags) and τ² at
// sensitivity 1.
func (c *Classifier) modelThreshold(s float64) float64 {
	if c.thresholds[0] != s || c.thresholds[1] == 0 {
		c.thresholds = [2]float64{s, math.Pow(float64(c.model.Threshold)*ModelThresholdScale, 2*s)}
	}
	return c.thresholds[1]
}

// ruleRef returns "publisher/list/rule" for the rule of h, made the first
// time a verdict names that rule (a frame's target), so that verdicts
// allocate nothing for it after. Not for every rule at the first frame:
// in WebAssembly that was thousands of strings in the first page's
// verdicts, while its code still ran in V8's baseline tier.
func (c *Classifier) ruleRef(h match.Hit) string {
	if c.targets == nil {
		n := 0
		for _, l := range c.e.Lists {
			n += len(l.Rules)
		}
		c.targets = make([]string, n)
	}
	i := int(h.Rule)
	for _, l := range c.e.Lists[:h.List] {
		i += len(l.Rules)
	}
	if c.targets[i] == "" {
		l := c.e.Lists[h.List]
		c.targets[i] = l.Publisher + "/" + l.ID + "/" + l.Rules[h.Rule].ID
	}
	return c.targets[i]
}

// fingerprint hashes the normalised text (FNV-1a), so that a correction
// holds for the same post however it is spelt or rendered.
func (c *Classifier) fingerprint() Fingerprint { return Fingerprint(c.m.NormHash()) }

// A Fingerprint identifies a post's normalised text. Its text form is 16
// hexadecimal digits, which JavaScript numbers cannot garble.
type Fingerprint uint64

func (f Fingerprint) String() string {
	const zeros = "0000000000000000"
	h := strconv.FormatUint(uint64(f), 16)
	return zeros[len(h):] + h
}

// MarshalText implements encoding.TextMarshaler.
func (f Fingerprint) MarshalText() ([]byte, error) { return []byte(f.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (f *Fingerprint) UnmarshalText(b []byte) error {
	n, err := strconv.ParseUint(string(b), 16, 64)
	if err != nil || len(b) != 16 {
		return errors.New("fingerprint " + strconv.Quote(string(b)) + ": want 16 hexadecimal digits")
	}
	*f = Fingerprint(n)
	return nil
}

func (o *Options) enabled(c rules.Category) bool {
	return o.Categories == nil || slices.Contains(o.Categories, c)
}

// ruleAllowed reports whether the reader turned off rule of the list of
// publisher pub. Only an entry naming all three counts.
func (o *Options) ruleAllowed(pub, list, rule string) bool {
	n := len(pub) + 1 + len(list) + 1 + len(rule)
	for _, r := range o.Allow.Rules {
		if len(r) == n && r[:len(pub)] == pub && r[len(pub)] == '/' &&
			r[len(pub)+1:len(pub)+1+len(list)] == list && r[len(pub)+1+len(list)] == '/' &&
			r[len(pub)+len(list)+2:] == rule {
			return true
		}
	}
	return false
}

func categoryIndex(c rules.Category) int {
	return slices.Index(rules.Categories[:], c)
}
