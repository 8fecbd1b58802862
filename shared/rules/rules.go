// Decoding refuses arrays and maps longer than a valid list can hold, so a
// hostile bundle cannot make a client allocate without bound.
//msgp:limit arrays:50000 maps:64

// A decoded list's strings are views of the bytes it was decoded from
// (Decode says what that asks of them); so are those of the types of
// sets.go and expr.go.
//msgp:zerocopy List Rule Threshold

package rules

//go:generate go tool msgp -tests=false

// Kind says how a rule's text is matched.
type Kind string

const (
	// Term matches one word of the normalised text, and its plural forms.
	Term Kind = "term"
	// Phrase matches a sequence of words of the normalised text.
	Phrase Kind = "phrase"
	// Pattern matches a finite set of phrases of the normalised text,
	// written as an RE2 pattern between word boundaries (expr.go).
	Pattern Kind = "pattern"
)

// Category is the kind of hate a rule detects.
type Category string

// The categories a rule may have. Clients let readers turn each on or off.
const (
	Racism       Category = "racism"
	Antisemitism Category = "antisemitism"
	Islamophobia Category = "islamophobia"
	LGBTphobia   Category = "lgbtphobia" // homophobia and transphobia
	Sexism       Category = "sexism"
	Disability   Category = "disability"
	Xenophobia   Category = "xenophobia" // hate for someone's origin
	Threat       Category = "threat"     // threats and calls to violence
)

// Categories lists every known category in a stable order.
// It is an array, so that its length is a constant (verdict.NumCategories).
var Categories = [...]Category{Racism, Antisemitism, Islamophobia, LGBTphobia, Sexism, Disability, Xenophobia, Threat}

// Known reports whether c is one of Categories.
func (c Category) Known() bool {
	for _, k := range Categories {
		if c == k {
			return true
		}
	}
	return false
}

// Role says what a match of a rule means. A rule with no role flags a post
// by itself (a slur, a hateful phrase). Targets, predicates and cues are
// lexicon entries: none flags anything alone, and the frames phase
// (package frames) combines them: a target and a predicate in a hateful
// construction of one clause, unless a cue (negation, counter-speech,
// reported speech) says otherwise.
type Role string

const (
	// Flagging is the role of a rule that flags by itself; it is written
	// as no role at all.
	Flagging Role = ""
	// Target names a protected group or one of its members ("muslims",
	// "trans people"); its category is the group's.
	Target Role = "target"
	// Predicate is something hateful said of a target; its Class says
	// what kind, its Order where it stands.
	Predicate Role = "predicate"
	// Cue is a word of context; its Class says which.
	Cue Role = "cue"
)

// Roles lists every role, in a stable order.
var Roles = []Role{Flagging, Target, Predicate, Cue}

// Class refines a predicate's or a cue's role.
type Class string

// Predicate classes.
const (
	Dehumanise Class = "dehumanise" // vermin, parasites, a disease
	Derogate   Class = "derogate"   // negative attributes and generalisations
	Contempt   Class = "contempt"   // the speaker's hatred or disgust
	Threaten   Class = "threat"     // violence
	Exclude    Class = "exclude"    // expulsion, denial of rights
	// Positive is a good thing said of a target ("human", "trusted"):
	// nothing by itself, hate when negated.
	Positive Class = "positive"
	// Violence is a violent act ("hurt", « tabasser ») that is a threat
	// only when an intent or obligation cue stands before it in its
	// clause ("I'll", "should be", « je vais »): "a man was beaten" is
	// none.
	Violence Class = "violence"
)

// Cue classes.
const (
	Negation Class = "negation" // not, never, ne … pas
	// Counter is counter-speech ("stop calling", « arrêtez de »); it
	// speaks for the whole post. With the order Before, only at the head
	// of a statement about a group: before every group its sentence names
	// ("Attacking T is cowardly", not "T keep attacking us").
	Counter  Class = "counter"
	Report   Class = "report"   // news and reported speech: "was sentenced", « selon »
	Anaphor  Class = "anaphor"  // they, them, ces gens: a target named before
	Link     Class = "link"     // are, is, sont: the copula of "T are P"
	Contrast Class = "contrast" // but, mais: a clause break
	// Ingroup marks a speaker of the group a slur names, right before it
	// ("we're", « on est »), or right after it with the order After
	// (« et fière », « que je suis »): a reclaimed use, which does not
	// count.
	Ingroup Class = "ingroup"
	// Intent is a speaker's intent or an obligation ("I'll", "gonna",
	// "should", « je vais », « faut »), which makes a violent act a threat.
	Intent Class = "intent"
	// Clitic is an object pronoun ("them", « les ») that stands for a
	// group named earlier only inside a predicate's own words ("lock
	// them up", « je les hais »): elsewhere it is an article or nothing.
	Clitic Class = "clitic"
	// Inability denies what a group can do, will ever be or should get
	// ("can't", "will never", « ne peuvent pas », « seront jamais »), also
	// as a rhetorical question ("since when", "why should", « depuis
	// quand »). It negates a predicate as Negation does ("T can't be
	// trusted"), even at the head of a question ("Can't T ever be
	// normal?"), where "Aren't T …?" asks for agreement; and unlike "T
	// are not …" it does not make a post about the group a denial of
	// hate: "T can't V" is most often said against them.
	Inability Class = "inability"
	// Challenge dares the reader to find one member of a group who is
	// not what the post says they all are: "a single", "one" before the
	// group in a question ("Is there a single T who isn't P?", « Citez-moi
	// un T qui ne soit pas P ? »). The negation after the group is then
	// the challenge's, and says P of them all. A challenge of more than
	// one word dares the reader to find the good the question says of the
	// group, and denies it ("Have you ever met an honest T?"). A
	// challenge cue of order after answers such a question at once ("Did
	// you hear about the T who wasn't P? Neither did I.").
	Challenge Class = "challenge"
	// Person introduces one person by the group they belong to, just
	// before the group's name: "my brother is", "she's", « mon cousin
	// est », « elle est ». A post that says no more than that of one
	// person says nothing of the group, and the model alone must be sure
	// to flag it.
	Person Class = "person"
	// Restrict is a restriction that holds a negation particle: French
	// « ne … que » means "only" (« je n'ai que du mépris pour eux », « ils
	// ne font que voler »). The particle inside denies nothing, unless
	// another negation stands inside too (« ils ne sont pas que … »).
	Restrict Class = "restrict"
	// Sense gives the slurs of its rule's category their innocent sense
	// in the post: "bundle of sticks" a faggot of wood, "gearbox" a
	// tranny, « mouche » a tapette. It is the one cue with a category.
	Sense Class = "sense"
	// Attach is a preposition that ties a group's name to the noun
	// before it ("tattoos on T", "jokes about T", « les lois sur les
	// T »): what the sentence says after the group it says of that noun,
	// not of the group.
	Attach Class = "attach"
	// Ask is a verb and its subject pronoun inverted before « pas », as
	// French asks a question (« sont-ils pas »): the negation right
	// before it and inside it asks for agreement and denies nothing
	// (« Les T ne sont-ils pas des P ? »), as "Aren't T P?" does at the
	// head of an English question; so does a question that complains
	// nobody says it ("Why is nobody saying T are P?").
	Ask Class = "ask"
	// Agree is the speaker's agreement with speech a report cue before
	// it reports ("and I believe her", "he's right", « il a raison »):
	// the report then says it too.
	Agree Class = "agree"
	// Refusal is a short answer that refuses what the question just
	// before it asks, at the head of its sentence ("Never in a million
	// years", « Jamais de la vie », "No"): "Want T dead? Never." denies
	// the harm the question names, "Are T human? No." the good.
	Refusal Class = "refusal"
	// Doubt is an adverb that doubts, in a question, the good said right
	// after it ("really", « vraiment »): "Can you really trust a T?",
	// « Les T sont-elles vraiment capables de diriger ? » say the group is
	// not what the question asks, as a dare does.
	Doubt Class = "doubt"
	// Alternative joins two predicates of one link as a choice ("or",
	// « ou »): "Are T human beings or vermin?" says the second of T as
	// the link says the first, however long the first is.
	Alternative Class = "alternative"
	// Outer is a negation of the statement that follows it as a whole
	// ("I'm not saying", "don't tell me", « ce n'est pas que »): it denies
	// the statement as a negation would, unless the statement holds a
	// negation of its own, which it then cancels ("I'm not saying T
	// aren't welcome" welcomes them, "Don't tell me T aren't P" says P).
	Outer Class = "outer"
	// Relative opens a clause that describes the group named right
	// before it ("who", « qui »): a good said there ("every T who worked
	// hard") describes the members meant, and is no praise of the group.
	Relative Class = "relative"
)

// PredicateClasses and CueClasses list the classes of each role.
var (
	PredicateClasses = []Class{Dehumanise, Derogate, Contempt, Threaten, Exclude, Positive, Violence}
	CueClasses       = []Class{Negation, Counter, Report, Anaphor, Link, Contrast, Ingroup, Clitic, Intent, Inability, Challenge, Person, Restrict, Sense, Attach, Ask, Agree, Refusal, Doubt, Alternative, Outer, Relative}
)

// Order says where a predicate may stand relative to its target in a
// clause.
type Order string

const (
	// Copula: after the target with a linking word between them ("T are
	// P"), or right next to it ("filthy T", « T sales »). The default for
	// dehumanising, derogating and positive predicates.
	Copula Order = "copula"
	// After: anywhere after the target ("T should be deported").
	After Order = "after"
	// Before: anywhere before the target ("I hate T").
	Before Order = "before"
	// Any: either side. The default for the other classes.
	Any Order = "any"
)

// Orders lists every order.
var Orders = []Order{Copula, After, Before, Any}

// A Rule is one thing a list matches.
type Rule struct {
	ID   string `msg:"id" json:"id" yaml:"id"`
	Kind Kind   `msg:"kind" json:"kind" yaml:"kind"`
	// Role is what a match means; see Role. Omitted, the rule flags by
	// itself.
	Role Role `msg:"role,omitempty" json:"role,omitempty" yaml:"role,omitempty"`
	// Class refines a predicate or a cue.
	Class Class `msg:"class,omitempty" json:"class,omitempty" yaml:"class,omitempty"`
	// Order is where a predicate stands relative to its target; empty is
	// the class's default (DefaultOrder). An in-group cue may have the
	// order After: it follows the slur it reclaims; a challenge cue too:
	// it answers the question just asked.
	Order Order `msg:"order,omitempty" json:"order,omitempty" yaml:"order,omitempty"`
	// Text is the term, the phrase, or the RE2 pattern. Terms and phrases
	// are normalised like the text they are matched against, so authors
	// write them plainly; patterns apply to the normalised text, which is
	// lower-case, without diacritics, with words separated by one space.
	// A bundle carries a pattern without it, as its tree (Expr).
	Text string `msg:"text" json:"text" yaml:"text"`
	// Expr is a pattern's syntax tree (expr.go), which the publisher's
	// tools write from Text (ParsePatterns) and clients match by: they
	// carry no parser of patterns' text. Authors never write it; a bundle
	// carries it instead of Text (ForBundle, PatternText).
	Expr Tree `msg:"expr,omitzero" json:"expr,omitempty" yaml:"-"`
	// Category is what a flagging rule detects, and the group a target
	// names. A predicate may set it to decide its frames' category
	// (threats: Threat); otherwise a frame takes its target's. Cues have
	// none.
	Category Category `msg:"category" json:"category,omitempty" yaml:"category,omitempty"`
	// Weight is the severity of one match, in (0, 1]. A post's score for a
	// category combines the weights of the rules it matches. For a target
	// it is how surely the words name the group, and a frame weighs the
	// geometric mean of its predicate's weight and its target's. Targets
	// and cues may omit it (Strength).
	Weight float64 `msg:"weight" json:"weight,omitempty" yaml:"weight,omitempty"`
	// Langs are the languages (ISO 639-1) the rule is written for; empty
	// means the list's languages.
	Langs Texts `msg:"langs" json:"langs,omitempty" yaml:"langs,omitempty"`
	// Exceptions are phrases in which a match of this rule is allowed: a
	// match that lies inside an occurrence of an exception does not count.
	Exceptions Texts `msg:"exceptions" json:"exceptions,omitempty" yaml:"exceptions,omitempty"`
}

// Strength is the rule's weight, where targets and cues that omit it
// weigh 1.
func (r *Rule) Strength() float64 {
	if r.Weight == 0 && (r.Role == Target || r.Role == Cue) {
		return 1
	}
	return r.Weight
}

// DefaultOrder returns the order of a predicate of class c that sets none.
func DefaultOrder(c Class) Order {
	switch c {
	case Dehumanise, Derogate, Positive:
		return Copula
	}
	return Any
}

// PredicateOrder returns the rule's order, or its class's default.
func (r *Rule) PredicateOrder() Order {
	if r.Order != "" {
		return r.Order
	}
	return DefaultOrder(r.Class)
}

// A List is a publisher's set of rules at one version.
type List struct {
	ID        string `msg:"id" json:"id" yaml:"id"`
	Publisher string `msg:"publisher" json:"publisher" yaml:"publisher"`
	// Version grows with every publication of the list.
	Version     uint64   `msg:"version" json:"version" yaml:"version"`
	Name        string   `msg:"name" json:"name,omitempty" yaml:"name,omitempty"`
	Description string   `msg:"description" json:"description,omitempty" yaml:"description,omitempty"`
	Langs       []string `msg:"langs" json:"langs" yaml:"langs"`
	// Demo marks a list written to show and test Voile, not for real use.
	Demo bool `msg:"demo" json:"demo,omitempty" yaml:"demo,omitempty"`
	// Thresholds sets, per category, the score at which a post is flagged
	// at the default sensitivity. Categories not named use DefaultThreshold.
	// It is a list, not a map, so that a list always encodes to the same
	// bytes and a rebuilt list still matches its signature.
	Thresholds []Threshold `msg:"thresholds" json:"thresholds,omitempty" yaml:"thresholds,omitempty"`
	Rules      RuleSet     `msg:"rules" json:"rules" yaml:"rules"`
	// Known are words of the list's languages that the engine never reads
	// as a misspelling of a lexicon word: "wore" is no "whore",
	// "latrines" no "latinos", « rations » no « ratons ». They match
	// nothing themselves. `voile known` finds the words of a dictionary
	// that the lists' spelling variants read as lexicon words.
	Known Texts `msg:"known,omitzero" json:"known,omitempty" yaml:"known,omitempty"`
	// Model is a trained model in the encoding of package model, carried
	// by a list so that it is signed, versioned, published and synced
	// like one. A list may hold a model and no rules.
	Model ModelData `msg:"model,omitempty,limit=4194304" json:"model,omitempty" yaml:"model,omitempty"`
}

// ModelData is an encoded model. In a list's source it is written in
// base64 (standard encoding, line breaks allowed), as `voile train -list`
// writes it.
type ModelData []byte

// DefaultThreshold is the score at which a post is flagged, at the default
// sensitivity, in a category whose lists set no threshold.
const DefaultThreshold = 0.5

// A Threshold is the score at which a post is flagged in one category.
type Threshold struct {
	Category Category `msg:"category" json:"category" yaml:"category"`
	Score    float64  `msg:"score" json:"score" yaml:"score"`
}

// Threshold returns the list's threshold for category c.
func (l *List) Threshold(c Category) float64 {
	for _, t := range l.Thresholds {
		if t.Category == c {
			return t.Score
		}
	}
	return DefaultThreshold
}
