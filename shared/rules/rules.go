// Decoding refuses arrays and maps longer than a valid list can hold, so a
// hostile bundle cannot make a client allocate without bound.
//msgp:limit arrays:50000 maps:64

package rules

//go:generate go tool msgp -tests=false

// Kind says how a rule's text is matched.
type Kind string

const (
	// Term matches one word of the normalised text, and its plural forms.
	Term Kind = "term"
	// Phrase matches a sequence of words of the normalised text.
	Phrase Kind = "phrase"
	// Pattern matches an RE2 regular expression against the normalised text.
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
var Categories = []Category{Racism, Antisemitism, Islamophobia, LGBTphobia, Sexism, Disability, Xenophobia, Threat}

// Known reports whether c is one of Categories.
func (c Category) Known() bool {
	for _, k := range Categories {
		if c == k {
			return true
		}
	}
	return false
}

// A Rule is one thing a list matches.
type Rule struct {
	ID   string `msg:"id" json:"id" yaml:"id"`
	Kind Kind   `msg:"kind" json:"kind" yaml:"kind"`
	// Text is the term, the phrase, or the RE2 pattern. Terms and phrases
	// are normalised like the text they are matched against, so authors
	// write them plainly; patterns apply to the normalised text, which is
	// lower-case, without diacritics, with words separated by one space.
	Text     string   `msg:"text" json:"text" yaml:"text"`
	Category Category `msg:"category" json:"category" yaml:"category"`
	// Weight is the severity of one match, in (0, 1]. A post's score for a
	// category combines the weights of the rules it matches.
	Weight float64 `msg:"weight" json:"weight" yaml:"weight"`
	// Langs are the languages (ISO 639-1) the rule is written for; empty
	// means the list's languages.
	Langs []string `msg:"langs" json:"langs,omitempty" yaml:"langs,omitempty"`
	// Exceptions are phrases in which a match of this rule is allowed: a
	// match that lies inside an occurrence of an exception does not count.
	Exceptions []string `msg:"exceptions" json:"exceptions,omitempty" yaml:"exceptions,omitempty"`
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
	Rules      []Rule      `msg:"rules" json:"rules" yaml:"rules"`
}

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
