package match

import (
	"errors"

	"voile/shared/normalize"
)

// builder holds what Compile needs only while building the automaton.
type builder struct {
	e        *Engine
	n        *normalize.Normalizer
	children []map[uint32]uint32 // per state: word id → child state
	own      [][]int32           // per state: patterns ending there
	key      []byte
	ids      []uint32
	expanded int // phrases added for patterns
}

// add inserts the words of text into the trie as pattern p.
func (b *builder) add(text string, p pattern) error {
	t := b.n.Normalize(text)
	if len(t.Words) == 0 {
		return errors.New("no words after normalisation")
	}
	b.ids = b.ids[:0]
	for i := range t.Words {
		b.ids = append(b.ids, b.word(t.WordText(i)))
	}
	s := uint32(0)
	for _, id := range b.ids {
		c, ok := b.children[s][id]
		if !ok {
			c = uint32(len(b.children))
			b.children = append(b.children, map[uint32]uint32{})
			b.children[s][id] = c
		}
		s = c
	}
	for len(b.own) <= int(s) {
		b.own = append(b.own, nil)
	}
	p.words = int32(len(b.ids))
	b.own[s] = append(b.own[s], int32(len(b.e.pats)))
	b.e.pats = append(b.e.pats, p)
	return nil
}

// word returns the id of a normalised word, adding it to the dictionary.
func (b *builder) word(w []byte) uint32 {
	b.key = appendKey(b.key[:0], w)
	if id, ok := b.e.dict[string(b.key)]; ok {
		return id
	}
	id := uint32(len(b.e.dict) + 1)
	b.e.dict[string(b.key)] = id
	b.e.addToFilter(b.key)
	return id
}

// link computes failure links and outputs breadth first, and flattens the
// trie into the Engine's tables.
func (b *builder) link() {
	e := b.e
	nstates := len(b.children)
	for len(b.own) < nstates {
		b.own = append(b.own, nil)
	}
	e.root = make([]uint32, len(e.dict)+1)
	e.next = make(map[uint64]uint32, nstates)
	e.fail = make([]uint32, nstates)
	outs := make([][]int32, nstates)

	queue := make([]uint32, 0, nstates)
	for id, c := range b.children[0] {
		e.root[id] = c
		queue = append(queue, c)
	}
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		outs[s] = append(append([]int32(nil), b.own[s]...), outs[e.fail[s]]...)
		for id, c := range b.children[s] {
			e.next[uint64(s)<<32|uint64(id)] = c
			e.fail[c] = e.step(e.fail[s], id)
			queue = append(queue, c)
		}
	}
	e.outAt = make([]uint32, nstates+1)
	for s := range nstates {
		e.outs = append(e.outs, outs[s]...)
		e.outAt[s+1] = uint32(len(e.outs))
	}
}
