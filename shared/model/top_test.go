package model

import (
	"slices"
	"strconv"
	"testing"

	"voile/shared/normalize"
)

// topReference is Top as it was first written: every feature of the text
// and the extras, with its origin, then the best k occurrences whose
// packed indexes differ. Top finds its text features during Score's pass
// instead; both must name the same features in the same order.
func topReference(s *Scorer, t *normalize.Text, extra []uint64, extraNames []string, k int) []string {
	f := newFeaturizer(s.m.Bits, s.m.Features, s.m.MinN, s.m.MaxN)
	f.explain = true
	n := f.text(t)
	f.extras(extra)
	k = min(k, MaxTop)
	var best [MaxTop]struct {
		j int
		c float64
	}
	got := 0
	tv := textValue(n)
	for j, p := range f.feats {
		c := float64(signed(s.m.Weights, p))
		if j < n {
			c *= tv
		}
		if c <= 0 {
			continue
		}
		dup := -1
		for b := range got {
			if f.feats[best[b].j] == p {
				dup = b
				break
			}
		}
		if dup >= 0 {
			if c <= best[dup].c {
				continue
			}
			copy(best[dup:got], best[dup+1:got])
			got--
		} else if got == k {
			if c <= best[got-1].c {
				continue
			}
			got--
		}
		at := got
		for at > 0 && best[at-1].c < c {
			best[at] = best[at-1]
			at--
		}
		best[at].j, best[at].c = j, c
		got++
	}
	var out []string
	for b := range got {
		out = append(out, string(s.appendName(nil, t, f.origins[best[b].j], extraNames)))
	}
	return out
}

func TestTopMatchesReference(t *testing.T) {
	texts := []string{
		post280, "Ça va, les élèves? Très bien", "a b", "", "zorbs zorbs zorbs and more zorbs",
		"My neighbour likes the ZORBS today", "Les œufs sont dans le réfrigérateur, ou pas", "x",
		"the the the the the the the the the the the the", "ab cd ef gh ij kl mn op qr st uv wx yz",
		"i hate " + Placeholder + " they are " + Placeholder + " " + Placeholder, Placeholder,
	}
	for _, cfg := range []Config{{Seed: 1}, {Seed: 1, MinN: 2, MaxN: 4}, {Seed: 1, Features: Words | Chars}, {Seed: 1, Features: Bigrams}, {Seed: 1, Bits: 10}, {Seed: 1, Features: AllFeatures &^ Placeholders}} {
		m := trainToy(t, cfg)
		r := splitmix(5)
		for i := range m.Weights {
			m.Weights[i] = byte(r.next())
			if i%7 == 0 {
				m.Weights[i] = 9 // ties between features
			}
		}
		n, s := normalize.New(), m.NewScorer()
		bits := uint(m.Bits)
		for _, text := range texts {
			tx := n.Normalize(text)
			// Extras: some that share a packed index with a text feature
			// (the same weight, a contribution of another size), some not.
			f := newFeaturizer(m.Bits, m.Features, m.MinN, m.MaxN)
			f.text(tx)
			var extra []uint64
			var names []string
			for i := 0; len(extra) < 6 && i < 1<<18; i++ {
				h := Feature("x" + strconv.Itoa(i))
				if len(f.feats) > 0 && !slices.Contains(f.feats, bucket(h, bits)) && i >= 3 {
					continue
				}
				extra, names = append(extra, h), append(names, "x"+strconv.Itoa(i))
			}
			for _, ex := range [][]uint64{nil, extra[:1], extra} {
				for k := 1; k <= MaxTop; k++ {
					want := topReference(s, tx, ex, names, k)
					got := slices.Clone(s.Top(tx, ex, names, k))
					if !slices.Equal(got, want) && !(len(got) == 0 && len(want) == 0) {
						t.Errorf("%+v %q %d extras, k=%d: Top = %q, want %q", cfg, text, len(ex), k, got, want)
					}
					for _, keep := range []int{1, 3, MaxTop} {
						s.KeepTop(keep)
						s.Score(tx, ex)
						got = s.TopAfterScore(tx, ex, names, k)
						if !slices.Equal(got, want) && !(len(got) == 0 && len(want) == 0) {
							t.Errorf("%+v %q %d extras, k=%d, keeping %d: TopAfterScore = %q, want %q", cfg, text, len(ex), k, keep, got, want)
						}
					}
					s.KeepTop(MaxTop)
				}
			}
		}
	}
}

// A Scorer that has met the words before (its cache of n-gram sums) gives
// the same scores and names the same features as a new one.
func TestScoreCacheAgrees(t *testing.T) {
	m := trainToy(t, Config{Seed: 2})
	texts := []string{post280, "zorbs zorbs zorbs and more zorbs", "My neighbour likes the ZORBS today", "the the the", post280}
	n, warm := normalize.New(), m.NewScorer()
	warm.KeepTop(3)
	for round := range 2 {
		for _, text := range texts {
			tx := n.Normalize(text)
			cold := m.NewScorer()
			cold.KeepTop(3)
			if got, want := warm.Score(tx, nil), cold.Score(tx, nil); got != want {
				t.Errorf("round %d %q: Score = %v after other texts, %v afresh", round, text, got, want)
			}
			got := slices.Clone(warm.TopAfterScore(tx, nil, nil, 3))
			if want := cold.TopAfterScore(tx, nil, nil, 3); !slices.Equal(got, want) {
				t.Errorf("round %d %q: Top = %q after other texts, %q afresh", round, text, got, want)
			}
		}
	}
}
