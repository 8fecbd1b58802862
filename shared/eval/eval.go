package eval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"slices"
	"sort"
	"strings"

	"voile/shared/rules"
	"voile/shared/verdict"
)

// A Case is one labelled post.
type Case struct {
	ID       string `json:"id,omitempty"`
	Text     string `json:"text"`
	Lang     string `json:"lang,omitempty"`
	Hateful  bool   `json:"hateful"`
	Function string `json:"function,omitempty"`
	// Category is the group a hateful post attacks, if labelled.
	Category rules.Category `json:"category,omitempty"`
	Split    string         `json:"split,omitempty"`
}

// MaxLine bounds one line of a labelled file.
const MaxLine = 1 << 20

// Read reads labelled posts, one JSON object a line, in either shape (see
// the package documentation). name says where they come from, for errors.
func Read(name string, r io.Reader) ([]Case, error) {
	in := bufio.NewScanner(r)
	in.Buffer(make([]byte, 64<<10), MaxLine)
	var cases []Case
	for n := 1; in.Scan(); n++ {
		line := strings.TrimSpace(in.Text())
		if line == "" {
			continue
		}
		var raw struct {
			Case
			Hateful *bool   `json:"hateful"`
			Label   *string `json:"label"`
			ID      any     `json:"id"`
		}
		if err := json.Unmarshal([]byte(line), &raw); err != nil {
			return nil, fmt.Errorf("%s:%d: %v", name, n, err)
		}
		c := raw.Case
		if c.Text == "" {
			return nil, fmt.Errorf("%s:%d: no \"text\" string", name, n)
		}
		switch {
		case raw.Hateful != nil:
			c.Hateful = *raw.Hateful
		case raw.Label != nil:
			switch *raw.Label {
			case "hate":
				c.Hateful = true
			case "offensive", "normal":
			default:
				return nil, fmt.Errorf("%s:%d: label %q, want hate, offensive or normal", name, n, *raw.Label)
			}
		default:
			return nil, fmt.Errorf("%s:%d: want a \"label\" or a \"hateful\" field", name, n)
		}
		if raw.ID != nil {
			c.ID = fmt.Sprint(raw.ID)
		}
		cases = append(cases, c)
	}
	if err := in.Err(); err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	return cases, nil
}

// ReadFile reads the labelled posts of the file at path, as Read does.
func ReadFile(path string) ([]Case, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return Read(path, f)
}

// Select returns the cases of the given splits (all when none is given).
func Select(cases []Case, splits ...string) []Case {
	if len(splits) == 0 {
		return cases
	}
	var out []Case
	for _, c := range cases {
		if slices.Contains(splits, c.Split) {
			out = append(out, c)
		}
	}
	return out
}

// An Outcome is one case classified.
type Outcome struct {
	Case
	Flagged  bool
	Got      rules.Category // the verdict's category when flagged
	Why      string         // the reasons that counted, in short
	Score    float64
	Contexts string // the contexts that cancelled reasons, in short
}

// Right reports whether the verdict agrees with the label.
func (o *Outcome) Right() bool { return o.Flagged == o.Hateful }

// Classify runs c on every case with opts.
func Classify(c *verdict.Classifier, cases []Case, opts *verdict.Options) []Outcome {
	out := make([]Outcome, len(cases))
	for i, k := range cases {
		v := c.Classify(k.Text, opts)
		o := Outcome{Case: k, Flagged: v.Flagged, Score: v.Score}
		if v.Flagged {
			o.Got = v.Category
		}
		var why, ctx []string
		for _, r := range v.Reasons {
			s := Explain(&r, k.Text)
			if r.Context != "" {
				ctx = append(ctx, s)
			} else {
				why = append(why, s)
			}
		}
		o.Why, o.Contexts = strings.Join(why, "; "), strings.Join(ctx, "; ")
		out[i] = o
	}
	return out
}

// ClassifyModel runs the model of c's lists alone on every case: a case
// is flagged when the model's probability reaches the threshold training
// chose. It is how the model compares with other models; the verdict
// uses it otherwise (package verdict).
func ClassifyModel(c *verdict.Classifier, cases []Case) ([]Outcome, error) {
	out := make([]Outcome, len(cases))
	for i, k := range cases {
		p, threshold, ok := c.ModelScore(k.Text)
		if !ok {
			return nil, fmt.Errorf("the lists carry no model")
		}
		out[i] = Outcome{Case: k, Flagged: p >= threshold, Score: p, Why: fmt.Sprintf("model p=%.2f", p)}
	}
	return out, nil
}

// Explain says in one line what a reason found in text.
func Explain(r *verdict.Reason, text string) string {
	span := func(a, b int) string {
		if a < 0 || b > len(text) || a >= b {
			return ""
		}
		return text[a:b]
	}
	var s string
	switch r.Kind {
	case verdict.ByFrame:
		s = fmt.Sprintf("%s frame %q→%q (%s) %.2f", r.Category, span(r.TargetStart, r.TargetEnd), span(r.Start, r.End), r.Rule, r.Weight)
	case verdict.ByModel:
		s = fmt.Sprintf("%s model p=%.2f [%s]", r.Category, r.Weight, strings.Join(r.Features, ", "))
	default:
		s = fmt.Sprintf("%s rule %s %q %.2f", r.Category, r.Rule, span(r.Start, r.End), r.Weight)
	}
	if r.Context != "" {
		s += " cancelled by " + string(r.Context)
	}
	return s
}

// Counts are a confusion matrix of the hateful class.
type Counts struct{ TP, FP, FN, TN int }

func (c *Counts) add(o *Outcome) {
	switch {
	case o.Hateful && o.Flagged:
		c.TP++
	case o.Hateful:
		c.FN++
	case o.Flagged:
		c.FP++
	default:
		c.TN++
	}
}

// N is the number of cases counted.
func (c Counts) N() int { return c.TP + c.FP + c.FN + c.TN }

// Accuracy is the share of cases classified right.
func (c Counts) Accuracy() float64 { return ratio(c.TP+c.TN, c.N()) }

// Recall is the share of hateful cases flagged.
func (c Counts) Recall() float64 { return ratio(c.TP, c.TP+c.FN) }

// Specificity is the share of non-hateful cases left alone.
func (c Counts) Specificity() float64 { return ratio(c.TN, c.TN+c.FP) }

// Precision is the share of flagged cases that are hateful.
func (c Counts) Precision() float64 { return ratio(c.TP, c.TP+c.FP) }

// F1 is the harmonic mean of precision and recall.
func (c Counts) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// A Report sums outcomes up.
type Report struct {
	All        Counts
	ByLang     map[string]*Counts
	ByFunction map[string]*Counts
	// ByCategory counts, per labelled category, the hateful cases (TP,
	// FN), and per flagged category the non-hateful ones flagged (FP).
	ByCategory map[rules.Category]*Counts
}

// Summarise counts outcomes.
func Summarise(outs []Outcome) *Report {
	r := &Report{ByLang: map[string]*Counts{}, ByFunction: map[string]*Counts{}, ByCategory: map[rules.Category]*Counts{}}
	get := func(m map[string]*Counts, k string) *Counts {
		if m[k] == nil {
			m[k] = &Counts{}
		}
		return m[k]
	}
	for i := range outs {
		o := &outs[i]
		r.All.add(o)
		get(r.ByLang, o.Lang).add(o)
		if o.Function != "" {
			get(r.ByFunction, o.Function).add(o)
		}
		cat := o.Category
		if !o.Hateful {
			cat = o.Got
		}
		if cat != "" {
			if r.ByCategory[cat] == nil {
				r.ByCategory[cat] = &Counts{}
			}
			r.ByCategory[cat].add(o)
		}
	}
	return r
}

// Print writes the report as plain-text tables.
func (r *Report) Print(w io.Writer, title string) {
	fmt.Fprintf(w, "%s\n", title)
	fmt.Fprintf(w, "  %-28s %5s %6s %6s %6s %6s %6s\n", "", "n", "acc", "recall", "spec", "prec", "F1")
	row := func(name string, c *Counts) {
		fmt.Fprintf(w, "  %-28s %5d %6.3f %6.3f %6.3f %6.3f %6.3f\n", name, c.N(), c.Accuracy(), c.Recall(), c.Specificity(), c.Precision(), c.F1())
	}
	row("all", &r.All)
	for _, k := range sortedKeys(r.ByLang) {
		if len(r.ByLang) > 1 {
			row("lang "+k, r.ByLang[k])
		}
	}
	cats := make([]string, 0, len(r.ByCategory))
	for k := range r.ByCategory {
		cats = append(cats, string(k))
	}
	sort.Strings(cats)
	for _, k := range cats {
		row("category "+k, r.ByCategory[rules.Category(k)])
	}
	for _, k := range sortedKeys(r.ByFunction) {
		row("function "+k, r.ByFunction[k])
	}
}

func sortedKeys(m map[string]*Counts) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// PrintRowHeader writes the header of PrintRows' table.
func PrintRowHeader(w io.Writer) {
	fmt.Fprintf(w, "%-52s %-4s %5s %6s %6s %6s %6s %6s\n", "file", "lang", "n", "acc", "recall", "spec", "prec", "F1")
}

// PrintRows writes one row per language of the report.
func (r *Report) PrintRows(w io.Writer, name string) {
	for _, k := range sortedKeys(r.ByLang) {
		c := r.ByLang[k]
		fmt.Fprintf(w, "%-52s %-4s %5d %6.3f %6.3f %6.3f %6.3f %6.3f\n", name, k, c.N(), c.Accuracy(), c.Recall(), c.Specificity(), c.Precision(), c.F1())
	}
}

// PrintErrors writes the false positives and the misses, at most max of
// each (all when max < 0).
func PrintErrors(w io.Writer, outs []Outcome, max int) {
	for _, want := range []bool{false, true} {
		name := "false positives"
		if want {
			name = "misses"
		}
		n := 0
		for i := range outs {
			o := &outs[i]
			if o.Right() || o.Hateful != want {
				continue
			}
			if n == 0 {
				fmt.Fprintf(w, "%s:\n", name)
			}
			if n++; max >= 0 && n > max {
				continue
			}
			fmt.Fprintf(w, "  %s [%s %s] %q\n", o.ID, o.Lang, o.Function, o.Text)
			if o.Why != "" {
				fmt.Fprintf(w, "      why: %s\n", o.Why)
			}
			if o.Contexts != "" {
				fmt.Fprintf(w, "      cancelled: %s\n", o.Contexts)
			}
		}
		if max >= 0 && n > max {
			fmt.Fprintf(w, "  ... and %d more\n", n-max)
		}
	}
}

// Changed returns the indexes of the cases whose verdict (flagged or not)
// differs between before and after, outcomes of the same cases.
func Changed(before, after []Outcome) []int {
	var out []int
	for i := range before {
		if i < len(after) && before[i].Flagged != after[i].Flagged {
			out = append(out, i)
		}
	}
	return out
}
