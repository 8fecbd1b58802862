package frames

import (
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"voile/shared/match"
	"voile/shared/normalize"
	"voile/shared/rules"
)

// Context is why a frame or a match does not count, or None.
type Context string

const (
	None Context = ""
	// Negated: a negation in the clause ("not", « ne … pas »).
	Negated Context = "negation"
	// Countered: the post argues against hate ("stop calling …").
	Countered Context = "counter"
	// Quoted: the words stand in quotation marks inside a post that says
	// more than the quotation.
	Quoted Context = "quote"
	// Reported: news or reported speech ("was sentenced for …").
	Reported Context = "report"
	// Reclaimed: a slur right after words of its own group ("we're", « on
	// est »).
	Reclaimed Context = "reclaimed"
	// Doubted: a weak match or frame that the model found unlikely to be
	// hate. Package verdict, which weighs the model, sets it.
	Doubted Context = "model"
	// Praised: a good thing said of the group ("T deserve respect"), which
	// no frame of hate can be, and which the model must not read as one.
	Praised Context = "praise"
	// Homonym: a slur in its innocent sense, which a sense cue of its
	// category gives in the post ("a faggot of sticks for the fire").
	Homonym Context = "homonym"
)

// Contexts lists every context but None, in a stable order.
var Contexts = []Context{Negated, Countered, Quoted, Reported, Reclaimed, Doubted, Praised, Homonym}

// A Frame is a target and a predicate in a hateful construction.
type Frame struct {
	// Target is the hit of the target rule, or of the anaphor cue that
	// stands for it; Antecedent is then the index in the hits of the
	// target it refers to, else -1.
	Target     match.Hit
	Antecedent int32
	Predicate  match.Hit
	Class      rules.Class
	// Category is the predicate's if it sets one, else the target's.
	Category rules.Category
	// Weight is the geometric mean of the predicate's weight and the
	// target's: a frame is as strong as both its parts together.
	Weight float64
	// Context, when not None, cancels the frame.
	Context Context
}

// Limits of a construction, in words between the target and the
// predicate.
const (
	maxGap       = 8 // "after", "before", "any"
	maxCopulaGap = 6 // "T are P": the linking word and what follows it
	maxNextTo    = 1 // "filthy T", « T sales »: P right beside T
	maxInverted  = 3 // "are T so P?": the linking word before T
	// maxAlternative: the article between an alternative cue and the
	// predicate it offers (« ou de la vermine »).
	maxAlternative = 2
	negReach       = 3 // a negation up to this many words before the predicate
	negBefore      = 2 // or before the start of the construction ("not all T …")
	maxIntent      = 6 // an intent cue up to this many words before a violent act
)

// Analyzer finds frames and contexts. It reuses its memory between calls
// and is not safe for concurrent use.
type Analyzer struct {
	res Result

	words  []wordInfo
	cues   [][]int32 // hit indexes of each cue class, by cueIndex
	target []int32   // hit indexes of targets
	pred   []int32   // hit indexes of predicates
	// after has the hit indexes of the in-group cues that follow the
	// slur they reclaim (order after: « et fière », « que je suis »);
	// cues[cueIngroup] has those that precede it.
	after []int32
	// heads has the hit indexes of the counter cues of order before,
	// which join cues[cueCounter] once segment has found that no group
	// stands right before them as their subject (atHead).
	heads []int32
	// restricted has the hit indexes of the negation cues that a
	// restriction holds (restrict), dropped from cues[cueNegation].
	restricted []int32
	// senses has the hit indexes of the sense cues (homonym).
	senses []int32
	// answers has the hit indexes of the challenge cues of order after,
	// which answer a challenge just asked (challenged).
	answers []int32
	// attachAt[k] is the first word of the attach cue that target
	// res.Attached[k] hangs from.
	attachAt []int32
}

type wordInfo struct {
	clause int32 // clauses end at sentence punctuation and contrast cues
	// phrase numbers the parts of the post between commas, colons,
	// dashes and brackets, and the clauses: a negation bears on its own
	// phrase ("T are not P, they are Q" says nothing against Q).
	phrase   int32
	first    int32 // the index of the first word of the phrase
	quoted   bool
	question bool // the sentence ends with a question mark
}

// Result is what Analyze found. It is valid until the next call.
type Result struct {
	// Ingroup is the category of a group named right after in-group
	// words ("we are a group of T"): its speaker belongs to it, and a slur
	// of that category in the post is reclaimed. Empty when none is.
	Ingroup rules.Category
	// Context is what cancels a reason that reads the whole post, the
	// model's: counter-speech or reported speech anywhere in it, a
	// negation that bears on a group it names, in-group words; None when
	// nothing does.
	Context Context
	Frames  []Frame
	// HitContext[i] is the context of hits[i] when it is a hit of a
	// flagging rule; None for the others.
	HitContext []Context
	// Attached has the indexes of the target hits that hang from a noun
	// before them by an attach cue ("tattoos on T"): the post names the
	// group without being about it.
	Attached []int32
}

// Analyze finds the frames among hits, the matches in t (normalised from
// text) of the rules of lists, and the context of every flagging hit.
func (a *Analyzer) Analyze(text string, t *normalize.Text, hits []match.Hit, lists []*rules.List) *Result {
	r := &a.res
	r.Frames = r.Frames[:0]
	r.HitContext = r.HitContext[:0]
	r.Attached = r.Attached[:0]
	r.Ingroup, r.Context = "", None
	a.target, a.pred, a.after, a.senses, a.answers, a.heads = a.target[:0], a.pred[:0], a.after[:0], a.senses[:0], a.answers[:0], a.heads[:0]
	if a.cues == nil {
		a.cues = make([][]int32, len(rules.CueClasses))
	}
	for i := range a.cues {
		a.cues[i] = a.cues[i][:0]
	}
	flagging := false
	for i, h := range hits {
		r.HitContext = append(r.HitContext, None)
		rule := &lists[h.List].Rules[h.Rule]
		switch rule.Role {
		case rules.Flagging:
			flagging = true
		case rules.Target:
			a.target = append(a.target, int32(i))
		case rules.Predicate:
			a.pred = append(a.pred, int32(i))
		case rules.Cue:
			if rule.Class == rules.Ingroup && rule.Order == rules.After {
				a.after = append(a.after, int32(i))
			} else if rule.Class == rules.Challenge && rule.Order == rules.After {
				a.answers = append(a.answers, int32(i))
			} else if rule.Class == rules.Sense {
				a.senses = append(a.senses, int32(i))
			} else if rule.Class == rules.Counter && rule.Order == rules.Before {
				a.heads = append(a.heads, int32(i))
			} else if c := cueIndex(rule.Class); c >= 0 {
				a.cues[c] = append(a.cues[c], int32(i))
			}
		}
	}
	if !flagging && len(a.pred) == 0 && len(a.target) == 0 {
		return r // nothing can count: save the work
	}
	a.restrict(hits)
	a.segment(text, t, hits)
	for _, ci := range a.heads {
		if a.atHead(hits, hits[ci]) {
			a.cues[cueCounter] = append(a.cues[cueCounter], ci)
		}
	}
	a.attachAt = a.attachAt[:0]
	if len(a.cues[cueAttach]) > 0 {
		for _, ti := range a.target {
			if w := a.attached(hits, hits[ti]); w >= 0 {
				r.Attached = append(r.Attached, ti)
				a.attachAt = append(a.attachAt, w)
			}
		}
	}
	for _, ti := range a.target {
		if r.Ingroup == "" && a.reclaimed(hits, hits[ti], nil) {
			r.Ingroup = lists[hits[ti].List].Rules[hits[ti].Rule].Category
		}
	}
	quotes := a.hasUnquoted(len(t.Words))
	for i, h := range hits {
		rule := &lists[h.List].Rules[h.Rule]
		if rule.Role == rules.Flagging {
			r.HitContext[i] = a.context(hits, h, h, quotes)
			if r.HitContext[i] == None && (a.reclaimed(hits, h, nil) || rule.Category == r.Ingroup) {
				r.HitContext[i] = Reclaimed
			}
			if r.HitContext[i] == None && a.statementDenied(hits, h) {
				r.HitContext[i] = Negated
			}
			if r.HitContext[i] == None && a.sensed(lists, hits, h) {
				r.HitContext[i] = Homonym
			}
		}
	}
	for _, pi := range a.pred {
		p := hits[pi]
		pr := &lists[p.List].Rules[p.Rule]
		// A violent act is a threat after an intent; otherwise it counts
		// only denied ("I would never do anything to hurt a T"), which
		// says no harm is meant.
		act := pr.Class == rules.Violence && !a.intended(hits, p) && !a.refused(hits, p, true)
		if pr.Class == rules.Positive && a.insulted(lists, hits, p) {
			continue // "shitty human beings": the insult is what is said
		}
		if pr.Class == rules.Positive && a.disclaimed(hits, p) {
			continue // "I've nothing against T, but …": what follows is said
		}
		if pr.Class == rules.Positive && a.harmDeserved(lists, hits, p) {
			continue // « méritent d'être battus »: the harm is what is said
		}
		ti, ante := a.findTarget(hits, p, pr.PredicateOrder(), pr.Class == rules.Positive)
		if ti < 0 {
			continue
		}
		tg := hits[ti]
		if pr.Class == rules.Positive && a.described(hits, tg, p) {
			continue // "every T who worked hard": the members meant, not praise
		}
		if pr.Class == rules.Contempt && a.harmWatched(lists, hits, p, tg) {
			continue // « je ne veux plus voir les T mourir »: the harm is what is refused
		}
		named := tg
		if ante >= 0 {
			named = hits[ante]
		}
		tr := &lists[named.List].Rules[named.Rule]
		f := Frame{Target: tg, Antecedent: ante, Predicate: p, Class: pr.Class, Category: pr.Category, Weight: math.Sqrt(pr.Strength() * tr.Strength())}
		if f.Category == "" {
			f.Category = tr.Category
		}
		// An insult standing before its group ("lazy immigrants") is said
		// whatever the clause denies: "Why should we feed lazy
		// immigrants?" still calls them lazy. Not a predicate that must
		// stand before it, a verb and its object ("never … blames T").
		attributive := p.Words[1] == tg.Words[0] && (pr.Class == rules.Derogate || pr.Class == rules.Dehumanise) && pr.PredicateOrder() != rules.Before
		harm := pr.Class == rules.Violence || pr.Class == rules.Threaten
		negated := !attributive && a.negated(hits, tg, p, harm)
		if pr.Class == rules.Positive && !negated {
			// "Have you ever met an honest T?", "Can you really trust a T?"
			negated = a.dared(hits, tg) || a.doubted(hits, p)
		}
		if !negated && ante >= 0 && a.words[named.Words[0]].clause == a.words[tg.Words[0]].clause {
			// A pronoun that repeats its group in the clause, as
			// French questions do (« depuis quand une femme a-t-elle
			// … ? »): a negation before the group denies it too.
			negated = !attributive && a.negated(hits, named, p, harm)
		}
		if act && (!negated || a.words[p.Words[0]].question) {
			// A violent act, not a threat; in a question a negation
			// wishes it ("Why don't T just disappear?").
			continue
		}
		var done *match.Hit // what the cue's subject does to the group, not says of itself
		if pr.Class == rules.Threaten || pr.Class == rules.Violence || pr.Class == rules.Exclude || pr.Class == rules.Contempt {
			done = &p
		}
		if a.reclaimed(hits, named, done) && !negated {
			f.Context = Reclaimed // "we're dykes and …"
			r.Frames = append(r.Frames, f)
			continue
		}
		if a.homonym(lists, hits, named) {
			f.Context = Homonym // "the dyke held through the storm"
			r.Frames = append(r.Frames, f)
			continue
		}
		switch {
		case pr.Class == rules.Positive && !negated:
			f.Context = Praised // a good thing said: no hate
		case pr.Class != rules.Positive && negated:
			f.Context = Negated
		default:
			f.Context = a.context(hits, tg, p, quotes)
		}
		r.Frames = append(r.Frames, f)
	}
	r.Context = a.postContext(hits, quotes)
	return r
}

// postContext returns the context of the post as a whole: the first
// counter or report cue, a quoted group (where quotes says that a post
// comments on its quotations), a negation that bears on a named group,
// in-group words; None when no frame or match has one. A post where a frame counts
// has none: its hate is said whatever else the post holds. Where every
// frame is negated and the post holds counter-speech, it is countered.
func (a *Analyzer) postContext(hits []match.Hit, quotes bool) Context {
	r := &a.res
	for _, f := range r.Frames {
		if f.Context == None {
			return None
		}
	}
	// Every frame negated, and counter-speech in the post: the negation
	// is the counter-speech's ("Nobody should ever hurt T", « Personne ne
	// devrait tuer les T »), not a denial of a good that hate may be.
	if len(a.cues[cueCounter]) > 0 {
		negated := len(r.Frames) > 0
		for _, f := range r.Frames {
			negated = negated && f.Context == Negated
		}
		if negated {
			return Countered
		}
	}
	for _, f := range r.Frames {
		if f.Context != None {
			return f.Context
		}
	}
	for _, c := range r.HitContext {
		if c != None {
			return c
		}
	}
	if len(a.cues[cueCounter]) > 0 {
		return Countered
	}
	if a.reportsAll(hits) {
		return Reported
	}
	// A speaker of the group ("I'm gay and it changes nothing") speaks
	// of their own, whatever a negation denies.
	if r.Ingroup != "" {
		return Reclaimed
	}
	for _, ti := range a.target {
		tg := hits[ti]
		if quotes && a.words[tg.Words[0]].quoted {
			return Quoted // "« T are … »: that's racist"
		}
		for _, ni := range a.cues[cueNegation] {
			if a.negates(hits[ni], tg) && !a.inability(hits, hits[ni]) && !a.challenged(hits, hits[ni], tg) && !a.particleOf(hits, hits[ni]) {
				return Negated
			}
		}
	}
	return None
}

// Reach of a negation over a named group, for the model, which reads the
// post's words but not their scope: "not all T", "I don't think T …",
// "T are not …", « les T ne sont pas … ».
const (
	negTargetBefore = 3
	negTargetAfter  = 3
)

// negates reports whether negation n bears on target tg: in its phrase,
// just before it or a few words after it, or anywhere before it when n
// opens the phrase.
func (a *Analyzer) negates(n, tg match.Hit) bool {
	if overlaps(n, tg) || a.words[n.Words[0]].phrase != a.words[tg.Words[0]].phrase || a.asks(n) {
		return false
	}
	if n.Words[1] <= tg.Words[0] {
		// A negation that opens its phrase bears on all of it: "No one
		// should ever hurt T", « Personne ne devrait faire de mal aux T ».
		return tg.Words[0]-n.Words[1] <= negTargetBefore || n.Words[0]-a.words[n.Words[0]].first <= 1
	}
	return n.Words[0] >= tg.Words[1] && n.Words[0]-tg.Words[1] <= negTargetAfter
}

// challenged reports whether negation n follows target tg in a question
// that a challenge cue opens just before tg: "Is there a single T who
// isn't P?" dares the reader to name one, and so says P of them all. A
// challenge cue of order after may instead answer the question at once,
// in the next words: "Did you hear about the T who wasn't P? Neither did
// I."
func (a *Analyzer) challenged(hits []match.Hit, n, tg match.Hit) bool {
	if !a.words[tg.Words[0]].question || n.Words[0] < tg.Words[1] || n.Words[0]-tg.Words[1] > maxChallengeGap ||
		a.words[n.Words[0]].clause != a.words[tg.Words[0]].clause {
		return false
	}
	if a.challengeBefore(hits, tg) {
		return true
	}
	for _, ci := range a.answers {
		if c := hits[ci]; c.Words[0] > n.Words[0] && !a.words[c.Words[0]].question && c.Words[0]-n.Words[0] <= maxChallengeGap+answerReach {
			return true
		}
	}
	return false
}

// dared reports whether a challenge cue stands right before target tg
// in a question: what the question says of the group ("Is there a
// single honest T?", "Ever met a T who works?", « Tu as déjà vu une T
// intelligente ? ») is a good it dares the reader to find, and denies.
func (a *Analyzer) dared(hits []match.Hit, tg match.Hit) bool {
	if !a.words[tg.Words[0]].question {
		return false
	}
	for _, ci := range a.cues[cueChallenge] {
		// An article alone (« un », "one") dares only when a negation
		// follows the group (challenged): "Do you know a gay bar?"
		// doubts nothing.
		if c := hits[ci]; c.Words[1]-c.Words[0] > 1 && c.Words[1] <= tg.Words[0] && tg.Words[0]-c.Words[1] <= 1 && a.words[c.Words[0]].clause == a.words[tg.Words[0]].clause {
			return true
		}
	}
	return false
}

// doubted reports whether a doubt cue stands before positive predicate p
// in its clause, at most maxDoubtGap words before it, in a question: "Can
// you really trust a T?", "Are T really capable of leading?", « Les T
// sont-elles vraiment capables de diriger ? ».
func (a *Analyzer) doubted(hits []match.Hit, p match.Hit) bool {
	w := a.words[p.Words[0]]
	if !w.question {
		return false
	}
	// A tag after the phrase ("… really great, right?", « … vraiment
	// géniales, non ? ») asks for agreement: "really" only insists.
	for i := int(p.Words[0]); i < len(a.words) && a.words[i].clause == w.clause; i++ {
		if a.words[i].phrase != w.phrase {
			return false
		}
	}
	for _, ci := range a.cues[cueDoubt] {
		if c := hits[ci]; c.Words[1] <= p.Words[0] && p.Words[0]-c.Words[1] <= maxDoubtGap && a.words[c.Words[0]].clause == a.words[p.Words[0]].clause {
			return true
		}
	}
	return false
}

// maxDoubtGap is how many words may stand between a doubt and the good it
// doubts: "really be trusted". Further, the doubt is another verb's ("Are
// you really surprised that T are great?").
const maxDoubtGap = 2

// answerReach is how many words past a question's reach an answer that
// challenges it may stand ("… wasn't P? Neither did I.").
const answerReach = 4

// particleOf reports whether negation n stands just before a predicate
// that holds a negation of its own: the « ne » of « n'apportent rien », «
// ne servent à rien », whose second half, and meaning, are the
// predicate's.
func (a *Analyzer) particleOf(hits []match.Hit, n match.Hit) bool {
	for _, pi := range a.pred {
		p := hits[pi]
		if p.Words[0] != n.Words[1] {
			continue
		}
		for _, mi := range a.cues[cueNegation] {
			if m := hits[mi]; m.Words[0] >= p.Words[0] && m.Words[1] <= p.Words[1] {
				return true
			}
		}
	}
	return false
}

// maxChallengeGap is how many words may stand between the group and the
// negation of a challenge: "who", « qui », "on earth who", "out there
// that", "in this town who".
const maxChallengeGap = 4

// asks reports whether negation n opens a question ("Aren't T …?", "Why
// can't T …?"): such a question asks for agreement and negates nothing.
func (a *Analyzer) asks(n match.Hit) bool {
	w := a.words[n.Words[0]]
	return w.question && n.Words[0]-w.first <= 1
}

// segment fills a.words: each word's clause and phrase, whether it is
// quoted or in a question, from the punctuation of the original text
// between words.
func (a *Analyzer) segment(text string, t *normalize.Text, hits []match.Hit) {
	n := len(t.Words)
	a.words = a.words[:0]
	clause, phrase, first, quoted := int32(0), int32(0), int32(0), false
	lineQuoted := false // a line of a reply that starts with '>' quotes what it answers
	prevEnd := 0
	for i := range n {
		start, end := t.Orig(int(t.Words[i].Start), int(t.Words[i].End))
		if start < prevEnd { // a guess of the normaliser spanning words
			start = prevEnd
		}
		if gap := text[prevEnd:start]; !plainGap(gap) {
			ends := i > 0 && breaksSentence(gap)
			if ends {
				clause++
			}
			if ends || i > 0 && breaksPhrase(gap) {
				phrase++
				first = int32(i)
			}
			if i > 0 && strings.ContainsRune(gap, '?') {
				a.markQuestion()
			}
			quoted = toggleQuotes(gap, quoted, i == 0)
			lineQuoted = quotesLine(gap, lineQuoted, i == 0)
		}
		a.words = append(a.words, wordInfo{clause: clause, phrase: phrase, first: first, quoted: quoted || lineQuoted})
		prevEnd = max(prevEnd, end)
	}
	if strings.ContainsRune(text[prevEnd:], '?') {
		a.markQuestion()
	}
	// A pronoun set off alone between commas, inside a clause, repeats
	// the group before it as the subject of what follows (« Les T,
	// elles, apportent des problèmes »): it opens the next phrase.
	for _, hi := range a.cues[cueAnaphor] {
		h := hits[hi]
		w, e := h.Words[0], h.Words[1]
		if int(e) >= n || w == 0 || w != a.words[w].first || a.words[e].first != e ||
			a.words[e].clause != a.words[w].clause || a.words[w-1].clause != a.words[w].clause {
			continue
		}
		for j := int(e); j < n && a.words[j].phrase == a.words[e].phrase; j++ {
			a.words[j].phrase, a.words[j].first = a.words[w].phrase, w
		}
	}
	// A group's name alone in the last phrase of its sentence, after at
	// most a preposition and an article, and a pronoun for it in the
	// phrase before: the name is that phrase's, moved to the end (« Je ne
	// vais pas leur faire de mal, aux T », "I can't stand them, T"),
	// and joins it.
	for _, ti := range a.target {
		tg := hits[ti]
		f := a.words[tg.Words[0]].first
		if f == 0 || tg.Words[0]-f > 2 || a.words[f-1].clause != a.words[f].clause ||
			int(tg.Words[1]) < n && a.words[tg.Words[1]].clause == a.words[f].clause {
			continue
		}
		prev := a.words[f-1]
		if !a.pronounIn(hits, prev.first, f) {
			continue
		}
		for j := int(f); j < n && a.words[j].first == f; j++ {
			a.words[j].phrase, a.words[j].first = prev.phrase, prev.first
		}
	}
	// A contrast cue ("but", « mais ») starts a new clause.
	for _, hi := range a.cues[cueContrast] {
		w := hits[hi].Words[0]
		for j := int(w); j < n; j++ {
			a.words[j].clause++
			a.words[j].phrase++
			if a.words[j].phrase == a.words[w].phrase {
				a.words[j].first = w
			}
		}
	}
}

// intended reports whether an intent cue stands before the predicate p,
// at most maxIntent words before it, in its clause.
func (a *Analyzer) intended(hits []match.Hit, p match.Hit) bool {
	for _, ci := range a.cues[cueIntent] {
		c := hits[ci]
		// A cue may end inside the act it announces: « méritent d'être »
		// and « d'être battus ».
		before := c.Words[1] <= p.Words[0] || c.Words[0] < p.Words[0] && c.Words[1] <= p.Words[1]
		if before && p.Words[0]-min(c.Words[1], p.Words[0]) <= maxIntent && a.words[c.Words[0]].clause == a.words[p.Words[0]].clause {
			return true
		}
	}
	return false
}

// pronounIn reports whether an anaphor or clitic cue starts in the
// words [from, to).
func (a *Analyzer) pronounIn(hits []match.Hit, from, to int32) bool {
	for _, c := range [...]int{cueAnaphor, cueClitic} {
		for _, ci := range a.cues[c] {
			if w := hits[ci].Words[0]; from <= w && w < to {
				return true
			}
		}
	}
	return false
}

// markQuestion marks the words of the last phrase segmented as a
// question's: in "I don't hate T, why would I?" only "why would I" asks.
// A last phrase of a word or two is a tag on the question before it,
// in its clause: "Ever seen a smart T, seriously?", « Tu as déjà vu une
// T intelligente, toi ? ».
func (a *Analyzer) markQuestion() {
	n := len(a.words)
	if n == 0 {
		return
	}
	last := a.words[n-1].phrase
	i := n - 1
	for ; i >= 0 && a.words[i].phrase == last && !a.words[i].question; i-- {
		a.words[i].question = true
	}
	if tag := n - 1 - i; tag > maxQuestionTag || i < 0 || a.words[i].question || a.words[i].clause != a.words[n-1].clause {
		return
	}
	for last = a.words[i].phrase; i >= 0 && a.words[i].phrase == last && !a.words[i].question; i-- {
		a.words[i].question = true
	}
}

// maxQuestionTag is how many words a phrase may have to be a question's
// tag ("…, seriously?", "…, right?", « …, toi ? ») rather than a
// question of its own ("…, why would I?").
const maxQuestionTag = 2

// reclaimed reports whether an in-group cue stands in the three words
// before the hit h (a slur, or a frame's target), in its clause, and
// p, when not nil, not between them: a threat, exclusion or contempt
// that the cue's subject turns on the group ("we're coming for the
// arabs"), where "we're stupid dykes" and « on est une bande de gouines »
// describe the speakers. An in-group cue of order after may stand in the
// two words after h instead (« tarlouze et fier », « la gouine que je
// suis »).
func (a *Analyzer) reclaimed(hits []match.Hit, h match.Hit, p *match.Hit) bool {
	for _, ci := range a.cues[cueIngroup] {
		c := hits[ci]
		if c.Words[1] <= h.Words[0] && h.Words[0]-c.Words[1] <= 3 && a.words[c.Words[0]].clause == a.words[h.Words[0]].clause &&
			(p == nil || p.Words[1] <= c.Words[0] || h.Words[0] < p.Words[1]) {
			return true
		}
	}
	for _, ci := range a.after {
		c := hits[ci]
		if c.Words[0] >= h.Words[1] && c.Words[0]-h.Words[1] <= 2 && a.words[c.Words[0]].clause == a.words[h.Words[0]].clause &&
			(p == nil || p.Words[1] <= h.Words[0] || c.Words[0] < p.Words[1]) && !a.qualified(hits, h) {
			return true
		}
	}
	return false
}

// minStatement is how many words a flagging match must span to be a
// statement ("gay people are sick", "women should not vote") rather than
// a slur: a statement may be denied, a slur is thrown whatever the
// clause says of it.
const minStatement = 3

// statementDenied reports whether flagging hit h is a statement that a
// negation just before it denies ("I don't think gay people are sick").
func (a *Analyzer) statementDenied(hits []match.Hit, h match.Hit) bool {
	if h.Words[1]-h.Words[0] < minStatement {
		return false
	}
	for _, ni := range a.cues[cueNegation] {
		n := hits[ni]
		if n.Words[1] <= h.Words[0] && h.Words[0]-n.Words[1] <= negBefore && a.words[n.Words[0]].clause == a.words[h.Words[0]].clause && !a.inability(hits, n) {
			return true
		}
	}
	return false
}

// homonym reports whether target hit t is a slur (a flagging rule of the
// target's list and category matches the same words) in its innocent
// sense (sensed).
func (a *Analyzer) homonym(lists []*rules.List, hits []match.Hit, t match.Hit) bool {
	if len(a.senses) == 0 {
		return false
	}
	cat := lists[t.List].Rules[t.Rule].Category
	for _, h := range hits {
		r := &lists[h.List].Rules[h.Rule]
		if r.Role == rules.Flagging && r.Category == cat && h.List == t.List && h.Words == t.Words {
			return a.sensed(lists, hits, t)
		}
	}
	return false
}

// maxSenseGap is how many words may stand between a slur and the sense
// cue that gives its innocent sense: "the dyke held through the storm",
// « son bouquin a été écrit par un nègre ».
const maxSenseGap = 8

// sensed reports whether hit h is one word, a sense cue of its list and
// category stands within maxSenseGap words of it in its clause, and no
// insult qualifies it
// ("sale nègre" is an insult whatever books the post names). A list's
// senses are in its languages, and speak for its own slurs.
func (a *Analyzer) sensed(lists []*rules.List, hits []match.Hit, h match.Hit) bool {
	if h.Words[1]-h.Words[0] != 1 {
		return false // a phrase says more than a word with another sense
	}
	cat := lists[h.List].Rules[h.Rule].Category
	for _, si := range a.senses {
		c := hits[si]
		if c.List != h.List || lists[c.List].Rules[c.Rule].Category != cat {
			continue
		}
		if a.words[c.Words[0]].clause != a.words[h.Words[0]].clause {
			continue
		}
		if c.Words[0] >= h.Words[1] && c.Words[0]-h.Words[1] <= maxSenseGap || h.Words[0] >= c.Words[1] && h.Words[0]-c.Words[1] <= maxSenseGap {
			return !a.qualified(hits, h)
		}
	}
	return false
}

// qualified reports whether a predicate ends right where hit h starts: an
// insult before a slur ("sale pédé et fier de l'être") throws the slur at
// someone, whatever follows it.
func (a *Analyzer) qualified(hits []match.Hit, h match.Hit) bool {
	for _, pi := range a.pred {
		if hits[pi].Words[1] == h.Words[0] {
			return true
		}
	}
	return false
}

// plainGap reports whether the text between two words is ASCII without
// any of the punctuation that breaksSentence, breaksPhrase, a question or
// toggleQuotes reads: most gaps are one space, and need no look.
func plainGap(gap string) bool {
	for i := 0; i < len(gap); i++ {
		if !plainByte[gap[i]] {
			return false
		}
	}
	return true
}

// plainByte[b]: b is ASCII and none of . ! ? ; \n " ' , : ( ) [ ] - >.
// Every other rune those functions read is outside ASCII.
var plainByte = func() (t [256]bool) {
	for b := range utf8.RuneSelf {
		t[b] = true
	}
	for _, b := range []byte(".!?;\n\"',:()[]->") {
		t[b] = false
	}
	return t
}()

// breaksSentence reports whether the text between two words ends a
// sentence.
func breaksSentence(gap string) bool {
	for _, c := range gap {
		switch c {
		case '.', '!', '?', ';', '\n', '…', '¿', '¡':
			return true
		}
	}
	return false
}

// breaksPhrase reports whether the text between two words of a sentence
// separates two of its phrases.
func breaksPhrase(gap string) bool {
	for _, c := range gap {
		switch c {
		case ',', ':', '(', ')', '[', ']', '–', '—':
			return true
		case '-':
			if strings.Contains(gap, " -") || strings.Contains(gap, "- ") {
				return true // a dash, not a hyphen
			}
		}
	}
	return false
}

// toggleQuotes returns whether the next word is quoted, after the
// punctuation gap: double quotes and guillemets open and close
// quotations; a single quote does only when it touches a word on one side
// alone, since between two letters it is an apostrophe ("can't",
// « l'arabe »): before a word it opens, after one it closes, whatever
// space or punctuation stands on its other side ("‘Gays are perverts’,
// said the preacher").
func toggleQuotes(gap string, quoted, atStart bool) bool {
	for i, c := range gap {
		switch c {
		case '"', '＂':
			quoted = !quoted
		case '“', '«', '„':
			quoted = true
		case '”', '»':
			quoted = false
		case '\'', '‘', '’':
			afterWord := i == 0 && !atStart
			beforeWord := i+utf8.RuneLen(c) == len(gap)
			switch {
			case beforeWord && !afterWord:
				quoted = true
			case afterWord && !beforeWord:
				quoted = false
			}
		}
	}
	return quoted
}

// quotesLine returns whether the words after gap stand in a line that
// starts with '>', the quotation of a reply ("> women belong in the
// kitchen\nit's 2026, log off"): a line break ends one, a '>' after it
// (or at the start of the post), with nothing but spaces before, starts
// one.
func quotesLine(gap string, quoted, atStart bool) bool {
	lineStart := atStart
	for i := 0; i < len(gap); i++ {
		switch c := gap[i]; {
		case c == '\n':
			quoted, lineStart = false, true
		case c == '>' && lineStart:
			quoted = true
		case c != ' ' && c != '\t' && c != '\r':
			lineStart = false
		}
	}
	return quoted
}

func isSpace(b byte) bool { return b == ' ' || b == '\t' || b == '\n' || b == '\r' }

// hasUnquoted reports whether at least two words stand outside quotation
// marks: only then is a quotation part of a larger post that may comment
// on it.
func (a *Analyzer) hasUnquoted(n int) bool {
	quotedAny, out := false, 0
	for i := range n {
		if a.words[i].quoted {
			quotedAny = true
		} else {
			out++
		}
	}
	return quotedAny && out >= 2
}

// context returns why the match from x to y (target and predicate, or one
// hit twice) does not count, or None.
func (a *Analyzer) context(hits []match.Hit, x, y match.Hit, quotes bool) Context {
	if quotes && (a.words[x.Words[0]].quoted || a.words[y.Words[0]].quoted) {
		return Quoted
	}
	for _, hi := range a.cues[cueCounter] {
		if !within(hits[hi], x) && !within(hits[hi], y) && !a.contrasted(hits, hits[hi], min(x.Words[0], y.Words[0])) {
			return Countered
		}
	}
	// Speech is reported in the clause that says so: "He told me he was
	// gay. These people make me sick" reports the first clause only, and
	// "They claim to be oppressed, but they're just P" the first.
	for _, hi := range a.cues[cueReport] {
		c := hits[hi]
		if !within(c, x) && !within(c, y) && a.sameClause(c, x, y) && a.reporting(hits, c) {
			return Reported
		}
	}
	return None
}

// reportsAll reports whether the post is news or reported speech: a
// report cue that no agreement follows, and one in the clause of each
// anaphor that opens its phrase as its subject. "My cousin says he's bi.
// They're all liars" says the second clause itself; "… they get
// dogpiled. Listen to them" does not. A group named again outside the
// report is most often part of the news ("Attacks on T are rising.
// Look after your T friends").
func (a *Analyzer) reportsAll(hits []match.Hit) bool {
	reported := func(x match.Hit) bool {
		for _, hi := range a.cues[cueReport] {
			if c := hits[hi]; a.SameClause(c, x) && a.reporting(hits, c) {
				return true
			}
		}
		return false
	}
	if !slices.ContainsFunc(a.cues[cueReport], func(hi int32) bool { return a.reporting(hits, hits[hi]) }) {
		return false
	}
	for _, ai := range a.cues[cueAnaphor] {
		if an := hits[ai]; an.Words[0]-a.words[an.Words[0]].first <= 1 && !reported(an) {
			return false
		}
	}
	return true
}

// reporting reports whether report cue c reports speech the post does
// not make its own: no agree cue follows it ("she says they're animals
// and honestly I believe her" says it too).
func (a *Analyzer) reporting(hits []match.Hit, c match.Hit) bool {
	for _, gi := range a.cues[cueAgree] {
		if hits[gi].Words[0] >= c.Words[1] {
			return false
		}
	}
	return true
}

// insulted reports whether positive predicate p is the noun of an insult
// just before it ("shitty human beings", "vile humans").
func (a *Analyzer) insulted(lists []*rules.List, hits []match.Hit, p match.Hit) bool {
	for _, qi := range a.pred {
		q := hits[qi]
		c := lists[q.List].Rules[q.Rule].Class
		if q.Words[1] == p.Words[0] && a.words[q.Words[0]].phrase == a.words[p.Words[0]].phrase && (c == rules.Derogate || c == rules.Dehumanise) && !a.names(hits, q) {
			return true
		}
	}
	return false
}

// harmDeserved reports whether positive predicate p is a verb whose
// complement is a harm: a violent act, a threat or contempt that begins
// inside it or at most maxComplementGap words after it, in its phrase
// (« méritent d'être battus », « ne méritent pas le mépris », "deserve
// to be beaten"). What is deserved is the harm, and the harm's own frame
// says whether it is wished or denied; the verb alone, read as a good,
// would make its negation a good denied. Not an exclusion: "I don't want
// T near my kids" wishes one.
func (a *Analyzer) harmDeserved(lists []*rules.List, hits []match.Hit, p match.Hit) bool {
	return a.harmFrom(lists, hits, p.Words[0], p.Words[1]+maxComplementGap, true)
}

// harmFrom reports whether a threat or a violent act (or contempt, when
// contempt) begins in the words [from, to] of the phrase of word from.
func (a *Analyzer) harmFrom(lists []*rules.List, hits []match.Hit, from, to int32, contempt bool) bool {
	for _, qi := range a.pred {
		q := hits[qi]
		c := lists[q.List].Rules[q.Rule].Class
		harm := c == rules.Violence || c == rules.Threaten || contempt && c == rules.Contempt
		if harm && q.Words[0] >= from && q.Words[0] <= to && a.words[q.Words[0]].phrase == a.words[from].phrase {
			return true
		}
	}
	return false
}

// atHead reports whether counter cue c heads the act it names rather
// than says it of a group before it, its subject: "Attacking T is
// cowardly" judges the act, "T keep attacking us" and « Les T passent
// leur temps à insulter … » say it of them. The subject is a group of
// the cue's phrase that opens it (after at most an article) or stands at
// most maxSubjectGap words before the cue.
func (a *Analyzer) atHead(hits []match.Hit, c match.Hit) bool {
	for _, ti := range a.target {
		tg := hits[ti]
		if tg.Words[1] > c.Words[0] || a.words[tg.Words[0]].phrase != a.words[c.Words[0]].phrase {
			continue
		}
		if c.Words[0]-tg.Words[1] <= maxSubjectGap || tg.Words[0]-a.words[tg.Words[0]].first <= 1 {
			return false
		}
	}
	return true
}

// maxSubjectGap: "are always" between a group and what it does.
const maxSubjectGap = 2

// described reports whether positive predicate p stands in a relative
// clause that a relative cue opens right after target tg: it says which
// members are meant ("every T who worked hard will regret it"). Not when
// the clause denies it or a challenge names the member ("I've never met
// a T who didn't love football", "name one T who has done any good"):
// the good is then what the post says of the group.
func (a *Analyzer) described(hits []match.Hit, tg, p match.Hit) bool {
	for _, ri := range a.cues[cueRelative] {
		r := hits[ri]
		if r.Words[0] != tg.Words[1] || r.Words[1] > p.Words[0] || p.Words[0]-r.Words[1] > maxRelativeGap || a.words[r.Words[0]].clause != a.words[p.Words[0]].clause {
			continue
		}
		for _, c := range [...]int{cueNegation, cueInability} {
			for _, ni := range a.cues[c] {
				if n := hits[ni]; n.Words[0] >= r.Words[1] && n.Words[1] <= p.Words[1] {
					return false
				}
			}
		}
		return !a.challengeBefore(hits, tg)
	}
	return false
}

// challengeBefore reports whether a challenge cue ends right before
// target tg, at most an article between them ("a single T", "name one
// T").
func (a *Analyzer) challengeBefore(hits []match.Hit, tg match.Hit) bool {
	for _, ci := range a.cues[cueChallenge] {
		if c := hits[ci]; c.Words[1] <= tg.Words[0] && tg.Words[0]-c.Words[1] <= 1 {
			return true
		}
	}
	return false
}

// maxRelativeGap: the good is the relative clause's own verb, a few
// words after the cue ("who have always worked so hard"); further on it
// may be the main clause's ("T who arrive here have a courage …").
const maxRelativeGap = 3

// harmWatched reports whether contempt predicate p, before target tg,
// is said of a harm done to the group rather than of the group: a
// threat or a violent act begins right after the group's name, in its
// phrase, as the verb the predicate's "see" takes (« je ne veux plus voir
// les T mourir en mer », "I can't stand seeing T beaten").
func (a *Analyzer) harmWatched(lists []*rules.List, hits []match.Hit, p, tg match.Hit) bool {
	return p.Words[1] <= tg.Words[0] && int(tg.Words[1]) < len(a.words) && a.words[tg.Words[1]].phrase == a.words[tg.Words[0]].phrase &&
		a.harmFrom(lists, hits, tg.Words[1], tg.Words[1]+1, false)
}

// maxComplementGap is how many words may stand between a verb and the
// harm it takes as complement: a negation, an adverb and « d'être »
// (« pas du tout d'être battus », « en aucun cas d'être maltraités »),
// "in any way to be".
const maxComplementGap = 5

// names reports whether hit q shares words with a target: « les malades
// mentaux méritent… » names a group, and insults no one.
func (a *Analyzer) names(hits []match.Hit, q match.Hit) bool {
	return overlapsAny(hits, a.target, q)
}

// overlapsAny reports whether one of the hits at indexes among shares
// words with h.
func overlapsAny(hits []match.Hit, among []int32, h match.Hit) bool {
	return slices.ContainsFunc(among, func(i int32) bool { return overlaps(hits[i], h) })
}

// inverted reports whether negation cue n stands right before an ask cue
// or inside it (the « ne » and the « pas » of « ne sont-ils pas ») in a
// question.
func (a *Analyzer) inverted(hits []match.Hit, n match.Hit) bool {
	if !a.words[n.Words[0]].question {
		return false
	}
	for _, ci := range a.cues[cueAsk] {
		if c := hits[ci]; c.Words[0] == n.Words[1] || c.Words[0] <= n.Words[0] && n.Words[1] <= c.Words[1] {
			return true
		}
	}
	return false
}

// SameClause reports whether hits x and y of the last Analyze begin in
// the same clause (clauses end at sentence punctuation and contrast cues).
func (a *Analyzer) SameClause(x, y match.Hit) bool {
	return int(x.Words[0]) < len(a.words) && int(y.Words[0]) < len(a.words) && a.words[x.Words[0]].clause == a.words[y.Words[0]].clause
}

// disclaimed reports whether a contrast cue follows positive predicate p
// in its sentence: the good said before "but" (« mais ») is a disclaimer,
// and the post says what follows it ("I've nothing against T, but it's
// not natural", « J'ai rien contre les T mais c'est pas naturel »).
func (a *Analyzer) disclaimed(hits []match.Hit, p match.Hit) bool {
	c := a.words[p.Words[0]].clause
	for _, ki := range a.cues[cueContrast] {
		if k := hits[ki]; k.Words[0] >= p.Words[1] && a.words[k.Words[0]].clause == c+1 && a.words[k.Words[0]-1].clause == c {
			return true
		}
	}
	return false
}

// contrasted reports whether a contrast cue stands between cue c and
// word w after it: "I have nothing against T, but they are P" says what
// follows "but" whatever the disclaimer before it.
func (a *Analyzer) contrasted(hits []match.Hit, c match.Hit, w int32) bool {
	for _, ki := range a.cues[cueContrast] {
		if k := hits[ki]; k.Words[0] >= c.Words[1] && k.Words[1] <= w {
			return true
		}
	}
	return false
}

// sameClause reports whether cue c stands in the clause of x or of y.
func (a *Analyzer) sameClause(c, x, y match.Hit) bool {
	return a.SameClause(c, x) || a.SameClause(c, y)
}

// within reports whether cue c lies inside the words of hit h and is
// shorter: then it is part of what h says ("calling for" in a predicate
// is no "calling T P"). A cue as long as h or longer is read as the cue:
// in "Hating T is wrong" and "you're the problem" the words say what the
// post condemns.
func within(c, h match.Hit) bool {
	return c.Start >= h.Start && c.End <= h.End && c.End-c.Start < h.End-h.Start
}

// findTarget returns the index of the target hit that predicate p is said
// of, the closest in its clause that its order allows, or -1; and for an
// anaphor, the index of the named target it stands for, else -1.
func (a *Analyzer) findTarget(hits []match.Hit, p match.Hit, order rules.Order, positive bool) (best, ante int32) {
	best, ante = -1, -1
	bestGap := int32(1 << 30)
	try := func(ti, named int32) {
		tg := hits[ti]
		if a.words[tg.Words[0]].clause != a.words[p.Words[0]].clause {
			return
		}
		// A predicate may end with the article the group's name starts
		// with (« nique les » + « les juifs »), an article the lists know
		// as a clitic; otherwise words shared are one reading or the
		// other (« des personnes » is no praise of « personnes trans »).
		if overlaps(tg, p) && !(p.Words[0] < tg.Words[0] && p.Words[1] == tg.Words[0]+1 && p.Words[1] < tg.Words[1] && a.cliticAt(hits, tg.Words[0])) {
			return
		}
		// Outside "T are P" (which fits reads), a predicate bears on a
		// group of its own phrase: in "T don't get P, I'm sick of Q" the
		// second phrase says nothing of T. Praise may reach further: it
		// only ever cancels.
		if order != rules.Copula && !positive && a.words[tg.Words[0]].phrase != a.words[p.Words[0]].phrase && !a.comments(tg, p, order) {
			return
		}
		// "Tattoos on T are P", "I hate the laws on T": P is said of
		// the noun the group's name hangs from. Not "I spit on T": the
		// cue right after P is P's own.
		if k := slices.Index(a.res.Attached, ti); named < 0 && k >= 0 && (tg.Words[1] <= p.Words[0] || p.Words[1] < a.attachAt[k]) {
			return
		}
		gap, ok := a.fits(hits, tg, p, order)
		if ok && gap < bestGap {
			best, ante, bestGap = ti, named, gap
		}
	}
	for _, ti := range a.target {
		try(ti, -1)
	}
	for _, ci := range a.cues[cueAnaphor] {
		if named := a.antecedent(hits, hits[ci]); named >= 0 {
			try(ci, named)
		}
	}
	if best >= 0 {
		return best, ante
	}
	// A pronoun inside the predicate's own words is its object, and
	// stands for the group named last before it, in any sentence
	// ("Muslims? Lock them up", « Les trans ? Je les hais »).
	for _, c := range [...]int{cueAnaphor, cueClitic} {
		for _, ci := range a.cues[c] {
			c := hits[ci]
			if c.Words[0] < p.Words[0] || c.Words[1] > p.Words[1] {
				continue
			}
			if named := a.antecedent(hits, p); named >= 0 {
				return ci, named
			}
		}
	}
	return -1, -1
}

// comments reports whether predicate p, of order any, is said of tg
// across the comma between their phrases: p opens the phrase right
// after the one that names tg, a comment on a topic ("T and hard work,
// name a more unlikely duo", « Les T au volant, comme par hasard … »),
// or p ends the phrase right before the one that tg opens, which
// addresses or names whom it is said of ("We're coming for you, T",
// « Attendez-vous à une balle, les T »). Predicates of order any are
// the lexicons' innuendo and veiled threats, which say nothing until
// they are said of a group.
func (a *Analyzer) comments(tg, p match.Hit, order rules.Order) bool {
	if order != rules.Any {
		return false
	}
	pw, tw := a.words[p.Words[0]], a.words[tg.Words[0]]
	if pw.phrase == tw.phrase+1 {
		return pw.first == p.Words[0]
	}
	return tw.phrase == pw.phrase+1 && tw.first == tg.Words[0] && a.endsPhrase(p)
}

// endsPhrase reports whether hit h ends its phrase: no word of the
// phrase follows it.
func (a *Analyzer) endsPhrase(h match.Hit) bool {
	return int(h.Words[1]) == len(a.words) || a.words[h.Words[1]].phrase != a.words[h.Words[0]].phrase
}

// attached returns the first word of the attach cue that target tg hangs
// from a noun before it by, or -1: the cue ends at most one word (an
// article: "on the T", « sur les T ») before tg, after another word of
// its phrase ("tattoos on") that is no link ("I'm against T", « je suis
// contre les T » say something of T).
func (a *Analyzer) attached(hits []match.Hit, tg match.Hit) int32 {
	for _, ci := range a.cues[cueAttach] {
		c := hits[ci]
		if c.Words[1] > tg.Words[0] || tg.Words[0]-c.Words[1] > 1 ||
			c.Words[0] <= a.words[c.Words[0]].first || a.words[c.Words[0]].phrase != a.words[tg.Words[0]].phrase {
			continue
		}
		if !slices.ContainsFunc(a.cues[cueLink], func(li int32) bool { return hits[li].Words[1] == c.Words[0] }) {
			return c.Words[0]
		}
	}
	return -1
}

// cliticAt reports whether a clitic cue is the one word w (« les »).
func (a *Analyzer) cliticAt(hits []match.Hit, w int32) bool {
	for _, ci := range a.cues[cueClitic] {
		if c := hits[ci]; c.Words[0] == w && c.Words[1] == w+1 {
			return true
		}
	}
	return false
}

// antecedent returns the index of the closest target hit before the
// anaphor hit x, or -1.
func (a *Analyzer) antecedent(hits []match.Hit, x match.Hit) int32 {
	best := int32(-1)
	for _, ti := range a.target {
		if hits[ti].Words[1] <= x.Words[0] && (best < 0 || hits[ti].Words[0] > hits[best].Words[0]) {
			best = ti
		}
	}
	return best
}

// fits reports whether target tg and predicate p stand in the order's
// construction, and how many words lie between them.
func (a *Analyzer) fits(hits []match.Hit, tg, p match.Hit, order rules.Order) (int32, bool) {
	after := tg.Words[1] <= p.Words[0] // T … P
	var gap int32
	if after {
		gap = p.Words[0] - tg.Words[1]
	} else {
		gap = tg.Words[0] - p.Words[1]
	}
	switch order {
	case rules.After:
		return gap, after && gap <= maxGap
	case rules.Before:
		return gap, !after && gap <= maxGap
	case rules.Any:
		return gap, gap <= maxGap
	}
	// Copula.
	if gap <= maxNextTo {
		return gap, a.words[tg.Words[0]].phrase == a.words[p.Words[0]].phrase
	}
	if !after {
		return gap, false
	}
	if gap <= maxCopulaGap {
		for _, li := range a.cues[cueLink] {
			l := hits[li]
			if l.Words[0] >= tg.Words[1] && l.Words[1] <= p.Words[0] && a.linked(hits, l, p) { // T are P
				return gap, true
			}
			if l.Words[0] == p.Words[0] && l.Words[1] < p.Words[1] { // T spread … like P: P opens with its link
				return gap, true
			}
			if l.Words[1] <= tg.Words[0] && tg.Words[0]-l.Words[1] <= 1 && gap <= maxInverted { // are T so P?
				return gap, true
			}
		}
	}
	// "Are T human beings or vermin?": P offered as the alternative of a
	// predicate that completes the link is said of T as well, however
	// long the first one is.
	for _, ci := range a.cues[cueAlternative] {
		c := hits[ci]
		if c.Words[1] > p.Words[0] || p.Words[0]-c.Words[1] > maxAlternative || a.words[c.Words[0]].phrase != a.words[p.Words[0]].phrase {
			continue
		}
		for _, qi := range a.pred {
			if q := hits[qi]; q.Words[0] >= tg.Words[1] && q.Words[1] == c.Words[0] {
				if _, ok := a.fits(hits, tg, q, rules.Copula); ok {
					return gap, true
				}
			}
		}
	}
	return gap, false
}

// linked reports whether predicate p completes link l: in its phrase, or
// in a later phrase that has no link of its own ("T are P, Q and R", but
// not "T are P, it is Q" or "T are here, Q are P").
func (a *Analyzer) linked(hits []match.Hit, l, p match.Hit) bool {
	ph := a.words[p.Words[0]].phrase
	if a.words[l.Words[0]].phrase == ph {
		return true
	}
	for _, li := range a.cues[cueLink] {
		if a.words[hits[li].Words[0]].phrase == ph {
			return false
		}
	}
	return true
}

// negated reports whether a negation in the clause bears on the
// construction of target tg and predicate p: between them, just before the
// predicate, or just before the construction. A negation inside the
// predicate's own words ("can't stand") does not count. A negation that
// opens the phrase bears on a harm (harm: a threat or a violent act)
// anywhere after it. A refusal that answers the question p stands in
// denies p, whatever its class ("Are T human? No.").
func (a *Analyzer) negated(hits []match.Hit, tg, p match.Hit, harm bool) bool {
	first := min(tg.Words[0], p.Words[0])
	last := max(tg.Words[1], p.Words[1])
	clause := a.words[p.Words[0]].clause
	outer := a.outerBefore(hits, first, a.words[p.Words[0]].phrase)
	for k, cues := range [2][]int32{a.cues[cueNegation], a.cues[cueInability]} {
		for _, ni := range cues {
			if a.insideOuter(hits, hits[ni]) {
				continue // the « ne » of « je ne dis pas que »: the outer cue's own
			}
			if k == 0 && a.challenged(hits, hits[ni], tg) {
				continue // "Is there a single T who isn't P?" says P of them all
			}
			if k == 0 && a.inverted(hits, hits[ni]) {
				continue // « Les T ne sont-ils pas P ? » asks for agreement
			}
			if a.particleOf(hits, hits[ni]) {
				continue // « ils n'apportent rien »: the « n' » is the predicate's
			}
			if k == 1 && harm && a.words[p.Words[0]].question {
				continue // "Why can't T just die?" wishes the harm it asks about
			}
			if a.negatedBy(hits[ni], tg, p, first, last, clause, harm, k == 1) {
				return !outer // an outer negation cancels the statement's own
			}
		}
	}
	return outer || a.refused(hits, p, harm)
}

// outerBefore reports whether an outer cue ("I'm not saying", « ce
// n'est pas que ») stands before word first, in phrase: what a comma
// sets apart after it is said anew ("It's not that I don't like T, I love
// them").
func (a *Analyzer) outerBefore(hits []match.Hit, first, phrase int32) bool {
	for _, oi := range a.cues[cueOuter] {
		if o := hits[oi]; o.Words[1] <= first && a.words[o.Words[0]].phrase == phrase {
			return true
		}
	}
	return false
}

// insideOuter reports whether negation cue n lies inside the words of an
// outer cue, or is the same words read as a negation.
func (a *Analyzer) insideOuter(hits []match.Hit, n match.Hit) bool {
	for _, oi := range a.cues[cueOuter] {
		if o := hits[oi]; n.Start >= o.Start && n.End <= o.End {
			return true
		}
	}
	return false
}

// refused reports whether predicate p stands in a question that a refusal
// answers at once, at the head of the next sentence: "Want T dead? Never
// in a million years.", « Les frapper ? Jamais de la vie. » deny the harm
// the question names; or whether a refusal is all the phrase right after
// p's (« Leur faire du mal, jamais de la vie »).
func (a *Analyzer) refused(hits []match.Hit, p match.Hit, harm bool) bool {
	w := a.words[p.Words[0]]
	for _, ri := range a.cues[cueRefusal] {
		r := a.words[hits[ri].Words[0]]
		// Part of a challenge's answer ("Neither did I", « Moi jamais »),
		// it agrees with the question rather than refusing it.
		if hits[ri].Words[0]-r.first > 1 || r.question || overlapsAny(hits, a.answers, hits[ri]) {
			continue
		}
		if w.question && r.clause == w.clause+1 {
			return true
		}
		// In p's sentence, the refusal must be all its phrase: "Kill
		// T, never let them back" refuses nothing; and refuses only a
		// harm: « … rien de bon, jamais » insists.
		if harm && r.clause == w.clause && r.phrase == w.phrase+1 && a.endsPhrase(hits[ri]) {
			return true
		}
	}
	return false
}

// negatedBy reports whether negation n (an inability cue when inability)
// negates the frame of tg and p, which span the words [first, last) of a
// clause.
func (a *Analyzer) negatedBy(n, tg, p match.Hit, first, last, clause int32, harm, inability bool) bool {
	if overlaps(n, p) || overlaps(n, tg) || a.words[n.Words[0]].clause != clause || a.words[n.Words[0]].phrase != a.words[p.Words[0]].phrase {
		return false
	}
	if !inability && a.asks(n) && n.Words[1] <= tg.Words[0] && n.Words[1] <= p.Words[0] {
		// "Aren't T just P?" asks for agreement: no negation. "Can't T
		// ever be P?", "Why should T be P?" deny it.
		return false
	}
	switch {
	case n.Words[0] >= first && n.Words[1] <= last: // between them
		return true
	case n.Words[1] <= p.Words[0] && p.Words[0]-n.Words[1] <= negReach:
		return true
	case n.Words[1] <= first && first-n.Words[1] <= negBefore:
		return true
	case n.Words[0] == p.Words[1] && p.Words[0] >= tg.Words[1]:
		// Right after its verb, as spoken French drops « ne »: « ils
		// bossent jamais », « elle mérite pas son siège ».
		return true
	case harm && n.Words[1] <= p.Words[0] && n.Words[0]-a.words[n.Words[0]].first <= 1:
		// A harm denied from the head of its phrase: "No one should
		// ever be allowed to hurt T", « Personne ne devrait frapper
		// les T ».
		return true
	}
	return false
}

// inability reports whether negation n is part of an inability cue
// ("will never", « ne peuvent pas »), which does not deny hate.
func (a *Analyzer) inability(hits []match.Hit, n match.Hit) bool {
	for _, ii := range a.cues[cueInability] {
		if i := hits[ii]; i.Words[0] <= n.Words[0] && n.Words[1] <= i.Words[1] {
			return true
		}
	}
	return false
}

// overlaps reports whether two hits share words, or, for the parts of one
// word read as several ("ihatemuslims"), bytes.
func overlaps(x, y match.Hit) bool {
	return x.Words[0] < y.Words[1] && y.Words[0] < x.Words[1] && x.Start < y.End && y.Start < x.End
}

// restrict drops from the negation cues those that stand inside a
// restriction cue alone: « ne … que » says "only", and denies nothing;
// with a second negation inside (« ne sont pas que »), both stay. An
// inability cue inside such a restriction goes too: « ne peuvent être
// qu'un problème » says what T can only be, not what they cannot.
func (a *Analyzer) restrict(hits []match.Hit) {
	neg, res := a.cues[cueNegation], a.cues[cueRestrict]
	if len(neg) == 0 || len(res) == 0 {
		return
	}
	a.restricted = a.restricted[:0]
	inside := func(h, r match.Hit) bool { return r.Words[0] <= h.Words[0] && h.Words[1] <= r.Words[1] }
	for _, ri := range res {
		r, alone, n := hits[ri], int32(-1), 0
		for _, ni := range neg {
			if inside(hits[ni], r) {
				alone = ni
				n++
			}
		}
		if n == 1 {
			a.restricted = append(a.restricted, alone)
		}
	}
	kept := neg[:0]
	for _, ni := range neg {
		if !slices.Contains(a.restricted, ni) {
			kept = append(kept, ni)
		}
	}
	a.cues[cueNegation] = kept
	if len(a.restricted) == 0 {
		return
	}
	inab := a.cues[cueInability][:0]
	for _, ii := range a.cues[cueInability] {
		if !slices.ContainsFunc(a.restricted, func(ni int32) bool {
			return inside(hits[ni], hits[ii]) && slices.ContainsFunc(res, func(ri int32) bool { return inside(hits[ii], hits[ri]) })
		}) {
			inab = append(inab, ii)
		}
	}
	a.cues[cueInability] = inab
}

func cueIndex(c rules.Class) int { return slices.Index(rules.CueClasses, c) }

// The index of each cue class that the analysis reads, found once:
// cueIndex compares strings.
var (
	cueAgree       = cueIndex(rules.Agree)
	cueAnaphor     = cueIndex(rules.Anaphor)
	cueAsk         = cueIndex(rules.Ask)
	cueAttach      = cueIndex(rules.Attach)
	cueContrast    = cueIndex(rules.Contrast)
	cueDoubt       = cueIndex(rules.Doubt)
	cueAlternative = cueIndex(rules.Alternative)
	cueOuter       = cueIndex(rules.Outer)
	cueRelative    = cueIndex(rules.Relative)
	cueCounter     = cueIndex(rules.Counter)
	cueIngroup     = cueIndex(rules.Ingroup)
	cueInability   = cueIndex(rules.Inability)
	cueChallenge   = cueIndex(rules.Challenge)
	cueClitic      = cueIndex(rules.Clitic)
	cueIntent      = cueIndex(rules.Intent)
	cueLink        = cueIndex(rules.Link)
	cueNegation    = cueIndex(rules.Negation)
	cueRefusal     = cueIndex(rules.Refusal)
	cueReport      = cueIndex(rules.Report)
	cueRestrict    = cueIndex(rules.Restrict)
)
