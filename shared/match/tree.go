package match

import (
	"errors"
	"strings"

	"voile/shared/rules"
)

// A pattern's tree (rules.Node, prefix order) is a sequence and choice of
// literals whose alternatives hold spaces anywhere: "sale|sales" then
// " arabe| noir", then "|s". addTree walks it once, left to right, with
// the set of places its phrases may have reached: a state of the rule's
// automaton where the word being read began, and the letters of that word
// read so far (an item). A space ends the word: an edge by it from the
// item's state to the state of that space. The state of a space is the
// same whatever came before it, as in a tree (no repetition) what may
// follow a place does not depend on the way there: so the phrases of a
// product share the states after each of its parts.
//
// Items are not merged when two are alike (two alternatives spelling the
// same, "(arab|arab)"): the edges they add are the same, and there are at
// most as many items as the tree spells phrases, which validation bounds.

// item is a place a tree's phrases reach: the state where the word being
// read began, and its letters so far.
type item struct {
	state   int32
	partial string
}

// addTree adds the phrases of expr, a tree that validation accepted
// (rules.Validate: each phrase is words separated by single spaces), from
// the rule's start to its end.
func (b *builder) addTree(expr []rules.Node) error {
	t := treeWalk{b: b, expr: expr}
	items, _, err := t.node(0, []item{{state: b.start}})
	if err != nil {
		return err
	}
	for _, it := range items {
		if err := t.word(it.state, it.partial, b.end); err != nil {
			return err
		}
	}
	return nil
}

type treeWalk struct {
	b    *builder
	expr []rules.Node
}

// node walks the subtree at i from items, and returns the items after it
// and the index past the subtree.
func (t *treeWalk) node(i int, items []item) ([]item, int, error) {
	n := t.expr[i]
	switch n.Op {
	case rules.ExprLit:
		out, err := t.literal(n.Text, items)
		return out, i + 1, err
	case rules.ExprCat:
		j := i + 1
		var err error
		for range n.N {
			if items, j, err = t.node(j, items); err != nil {
				return nil, 0, err
			}
		}
		return items, j, nil
	default: // rules.ExprAlt
		j := i + 1
		var out []item
		for range n.N {
			var got []item
			var err error
			if got, j, err = t.node(j, items); err != nil {
				return nil, 0, err
			}
			out = append(out, got...)
		}
		return out, j, nil
	}
}

// word adds the edge by a word of a phrase. Validation forbids a phrase
// that is empty, starts or ends with a space, or holds two in a row: a
// word is never empty.
func (t *treeWalk) word(from int32, w string, to int32) error {
	if w == "" {
		return errors.New("a phrase of the tree is not words separated by single spaces")
	}
	return t.b.addWord(from, w, to)
}

// literal walks a literal's alternatives from items.
func (t *treeWalk) literal(text string, items []item) ([]item, error) {
	b := t.b
	var out []item
	for alt := range strings.SplitSeq(text, "|") {
		sp := strings.IndexByte(alt, ' ')
		if sp < 0 {
			for _, it := range items {
				out = append(out, item{it.state, it.partial + alt})
			}
			continue
		}
		// The alternative's spaces have states of their own, the same
		// for every item.
		s := b.newState()
		for _, it := range items {
			if err := t.word(it.state, it.partial+alt[:sp], s); err != nil {
				return nil, err
			}
		}
		rest := alt[sp+1:]
		for {
			next := strings.IndexByte(rest, ' ')
			if next < 0 {
				break
			}
			to := b.newState()
			if err := t.word(s, rest[:next], to); err != nil {
				return nil, err
			}
			s, rest = to, rest[next+1:]
		}
		out = append(out, item{s, rest})
	}
	return out, nil
}
