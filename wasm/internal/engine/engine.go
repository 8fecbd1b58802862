package engine

import (
	"bytes"
	"errors"
	"strconv"
	"strings"

	"voile/shared/bundle"
	"voile/shared/match"
	"voile/shared/rules"
	"voile/shared/verdict"
)

// Info describes one loaded list.
type Info struct {
	ID        string
	Publisher string
	Version   uint64
	Name      string
	Langs     []string
	Demo      bool
	Rules     int
}

func infoOf(l *rules.List) Info {
	return Info{ID: l.ID, Publisher: l.Publisher, Version: l.Version, Name: l.Name, Langs: l.Langs, Demo: l.Demo, Rules: len(l.Rules)}
}

// loaded is one list in use, with the bundle it came from: deltas are
// applied to the bundle's signed bytes.
type loaded struct {
	list   *rules.List
	bundle *bundle.Bundle
}

// Engine holds the state of one wasm instance. It is not safe for
// concurrent use; a wasm instance is single-threaded.
type Engine struct {
	keys    map[string]bundle.PublicKey // publisher → trusted key
	loaded  []loaded                    // in load order
	matcher *match.Engine
	cls     *verdict.Classifier
	catalog []catalogEntry // of the last catalog message decoded

	// The start-up cache (cache.go).
	build     string
	cache     *cache          // until the first compilation
	validated map[string]bool // signatures of bundles validated before
	fromCache bool            // the lists in use come from the cache

	// Reused between Classify calls.
	opts verdict.Options
	out  []byte
}

// New returns an Engine with no lists loaded: it classifies every post as
// clean until a list is loaded.
func New() *Engine {
	return &Engine{keys: make(map[string]bundle.PublicKey)}
}

// Trust records the public key of a publisher, in the text form of
// bundle.FormatPublicKey. A publisher is pinned to its first key: trusting
// it again with the same key does nothing, and another key is refused,
// so that no catalog, server or page can have a key replaced; this is the
// extension's one check of that rule (a reader who distrusts a publisher
// gets a new instance, without its key).
func (e *Engine) Trust(publisher, keyText string) error {
	if publisher == "" {
		return errors.New("trust: empty publisher id")
	}
	k, err := bundle.ParsePublicKey(keyText)
	if err != nil {
		return errors.New("trust publisher " + strconv.Quote(publisher) + ": " + err.Error())
	}
	if old, ok := e.keys[publisher]; ok && !bytes.Equal(old, k) {
		return errors.New("trust publisher " + strconv.Quote(publisher) + ": it is pinned to another key; a key change is refused")
	}
	e.keys[publisher] = k
	return nil
}

// Load decodes a bundle, verifies it with its publisher's trusted key,
// validates the list and recompiles all loaded lists with it. A newer
// version replaces the loaded one; the version already loaded is accepted
// again if it is the same signed list. On any error nothing changes.
func (e *Engine) Load(data []byte) (Info, error) {
	b, err := bundle.Decode(data)
	if err != nil {
		return Info{}, errors.New("load bundle: " + err.Error())
	}
	return e.loadBundle(b)
}

func (e *Engine) loadBundle(b *bundle.Bundle) (Info, error) {
	// Made for an error only: on the way of every start otherwise.
	name := func() string {
		return "list " + strconv.Quote(b.ListID) + " version " + strconv.FormatUint(b.Version, 10) + " of publisher " + strconv.Quote(b.Publisher)
	}
	key, ok := e.keys[b.Publisher]
	if !ok {
		return Info{}, errors.New("load " + name() + ": unknown publisher " + strconv.Quote(b.Publisher) + ": trust its key first")
	}
	var l *rules.List
	var err error
	if e.validated[string(b.Sig)] {
		l, err = b.OpenValidated(key)
	} else {
		l, err = b.Open(key)
	}
	if err != nil {
		return Info{}, errors.New("load " + name() + ": " + err.Error())
	}
	// A list is its publisher's: another publisher's list of the same id
	// is another list, loaded beside it.
	i := e.find(l.Publisher, l.ID)
	if i >= 0 {
		cur := e.loaded[i].list
		switch {
		case l.Version < cur.Version:
			return Info{}, errors.New("load " + name() + ": older than the loaded version " + strconv.FormatUint(cur.Version, 10))
		case l.Version == cur.Version && bytes.Equal(b.Sig, e.loaded[i].bundle.Sig):
			return infoOf(cur), nil // the same signed list: nothing to do
		case l.Version == cur.Version:
			return Info{}, errors.New("load " + name() + ": differs from the loaded list of the same version")
		}
	}
	next := make([]loaded, 0, len(e.loaded)+1)
	next = append(next, e.loaded...)
	if i >= 0 {
		next[i] = loaded{l, b}
	} else {
		next = append(next, loaded{l, b})
	}
	e.use(next)
	return infoOf(l), nil
}

// Unload removes the list named "publisher/list", or by its id alone when
// one loaded list has that id, and reports whether it was loaded.
func (e *Engine) Unload(id string) bool {
	i := e.lookup(id)
	if i < 0 {
		return false
	}
	next := make([]loaded, 0, len(e.loaded))
	next = append(append(next, e.loaded[:i]...), e.loaded[i+1:]...)
	e.use(next)
	return true
}

// Lists describes the loaded lists in the order they were first loaded.
func (e *Engine) Lists() []Info {
	out := make([]Info, len(e.loaded))
	for i, ld := range e.loaded {
		out[i] = infoOf(ld.list)
	}
	return out
}

// find returns the index of the loaded list id of publisher pub, or -1.
func (e *Engine) find(pub, id string) int {
	for i, ld := range e.loaded {
		if ld.list.Publisher == pub && ld.list.ID == id {
			return i
		}
	}
	return -1
}

// lookup returns the index of the loaded list named "publisher/list", or
// named by its id alone when exactly one loaded list has that id; else -1.
func (e *Engine) lookup(name string) int {
	if pub, id, ok := strings.Cut(name, "/"); ok {
		return e.find(pub, id)
	}
	found := -1
	for i, ld := range e.loaded {
		if ld.list.ID == name {
			if found >= 0 {
				return -1 // two publishers' lists: which one is not said
			}
			found = i
		}
	}
	return found
}

// use makes lists the lists in use. The automaton itself is built at
// the next classification (classifier), so that loading the stored lists
// one by one at start-up compiles once, not once per list. That cannot
// fail later: every list was opened, so validated, and match.Compile
// refuses nothing that validation accepts.
func (e *Engine) use(lists []loaded) {
	e.loaded, e.matcher, e.cls, e.fromCache = lists, nil, nil, false
}

// lists returns the lists in use, in load order.
func (e *Engine) lists() []*rules.List {
	rl := make([]*rules.List, len(e.loaded))
	for i, ld := range e.loaded {
		rl[i] = ld.list
	}
	return rl
}

// classifier returns the classifier of the lists in use, compiling them if
// they changed since the last call.
func (e *Engine) classifier() (*verdict.Classifier, error) {
	if e.cls != nil {
		return e.cls, nil
	}
	m := e.fromCacheFor()
	e.fromCache = m != nil
	if m == nil {
		var err error
		if m, err = match.Compile(e.lists()...); err != nil {
			return nil, errors.New("compile the loaded lists: " + err.Error())
		}
	}
	e.matcher, e.cls = m, verdict.New(m)
	return e.cls, nil
}
