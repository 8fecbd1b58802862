package wire

import (
	"errors"
	"strconv"

	"voile/shared/bundle"
)

// block is the length of the base's indexed blocks: a run shorter than
// about two blocks is sent as literal bytes rather than copied.
const block = 16

// MaxOps bounds a delta's operations; it matches the decoding limit on
// arrays.
const MaxOps = 100000

// ErrNoDelta says that a delta would not be worth sending: it has too
// many operations. The sender sends a snapshot instead.
var ErrNoDelta = errors.New("no useful delta")

// Diff returns the delta that rebuilds next from base, two versions of the
// same list. It works on the signed encodings as bytes, so the rebuilt
// encoding is exactly the one the publisher signed, whatever the encoder
// did. It returns ErrNoDelta when the delta would need more than MaxOps
// operations; the caller also compares sizes before preferring a delta.
func Diff(base, next *bundle.Bundle) (*Delta, error) {
	if base.Publisher != next.Publisher || base.ListID != next.ListID {
		return nil, errors.New("diff: base is " + base.Publisher + "/" + base.ListID + ", next is " + next.Publisher + "/" + next.ListID)
	}
	if next.Version <= base.Version {
		return nil, errors.New("diff " + base.Publisher + "/" + base.ListID + ": next version " + strconv.FormatUint(uint64(next.Version), 10) + " is not above base version " + strconv.FormatUint(uint64(base.Version), 10))
	}
	if len(next.List) > bundle.MaxSize || len(base.List) > bundle.MaxSize {
		return nil, errors.New("diff " + base.Publisher + "/" + base.ListID + ": list over the bundle limit of " + itoa(bundle.MaxSize) + " bytes")
	}
	ops, err := diffBytes(base.List, next.List)
	if err != nil {
		return nil, err
	}
	return &Delta{
		Publisher: next.Publisher,
		List:      next.ListID,
		From:      base.Version,
		Version:   next.Version,
		Size:      uint32(len(next.List)),
		Ops:       ops,
		Sig:       next.Sig,
	}, nil
}

// diffBytes finds runs of b that occur in a, greedily from the start of b,
// using an index of a's aligned blocks: any common run of at least
// 2*block-1 bytes contains a whole aligned block of a and is found.
func diffBytes(a, b []byte) ([]Op, error) {
	idx := make(map[string]uint32, len(a)/block)
	for i := 0; i+block <= len(a); i += block {
		k := string(a[i : i+block])
		if _, ok := idx[k]; !ok {
			idx[k] = uint32(i)
		}
	}
	var ops []Op
	lit := 0 // start of the bytes of b not yet covered by an op
	for j := 0; j+block <= len(b); {
		i0, ok := idx[string(b[j:j+block])]
		if !ok {
			j++
			continue
		}
		i := int(i0)
		for j > lit && i > 0 && a[i-1] == b[j-1] {
			i--
			j--
		}
		n := 0
		for i+n < len(a) && j+n < len(b) && a[i+n] == b[j+n] {
			n++
		}
		if j > lit {
			ops = append(ops, Op{Data: b[lit:j]})
		}
		ops = append(ops, Op{Off: uint32(i), Len: uint32(n)})
		j += n
		lit = j
		if len(ops) > MaxOps {
			return nil, ErrNoDelta
		}
	}
	if lit < len(b) {
		ops = append(ops, Op{Data: b[lit:]})
	}
	if len(ops) > MaxOps {
		return nil, ErrNoDelta
	}
	return ops, nil
}

// Apply rebuilds the bundle of version d.Version from base, the bundle of
// version d.From that the client holds. It checks every operation against
// the base and the announced size, so a hostile delta fails here or, if
// well-formed, fails the signature check that the caller must still make
// with bundle.Bundle.Open.
func (d *Delta) Apply(base *bundle.Bundle) (*bundle.Bundle, error) {
	name := d.Publisher + "/" + d.List
	if base.Publisher != d.Publisher || base.ListID != d.List {
		return nil, errors.New("apply delta for " + name + " to a bundle of " + base.Publisher + "/" + base.ListID)
	}
	if base.Version != d.From {
		return nil, errors.New("apply delta for " + name + ": it starts from version " + strconv.FormatUint(uint64(d.From), 10) + ", the base is version " + strconv.FormatUint(uint64(base.Version), 10))
	}
	if d.Version <= d.From {
		return nil, errors.New("apply delta for " + name + ": version " + strconv.FormatUint(uint64(d.Version), 10) + " is not above its base " + strconv.FormatUint(uint64(d.From), 10))
	}
	if d.Size > bundle.MaxSize {
		return nil, errors.New("apply delta for " + name + ": size " + strconv.FormatUint(uint64(d.Size), 10) + " over the bundle limit of " + itoa(bundle.MaxSize))
	}
	out := make([]byte, 0, d.Size)
	for k, op := range d.Ops {
		if len(op.Data) > 0 {
			if op.Off != 0 || op.Len != 0 {
				return nil, errors.New("apply delta for " + name + ": op " + itoa(k) + " has both data and a copy range")
			}
			if len(out)+len(op.Data) > int(d.Size) {
				return nil, errors.New("apply delta for " + name + ": op " + itoa(k) + " goes past the announced size " + strconv.FormatUint(uint64(d.Size), 10))
			}
			out = append(out, op.Data...)
			continue
		}
		end := uint64(op.Off) + uint64(op.Len)
		switch {
		case op.Len == 0:
			return nil, errors.New("apply delta for " + name + ": op " + itoa(k) + " is empty")
		case end > uint64(len(base.List)):
			return nil, errors.New("apply delta for " + name + ": op " + itoa(k) + " copies bytes " + strconv.FormatUint(uint64(op.Off), 10) + ".." + strconv.FormatUint(uint64(end), 10) + " of a " + itoa(len(base.List)) + "-byte base")
		case len(out)+int(op.Len) > int(d.Size):
			return nil, errors.New("apply delta for " + name + ": op " + itoa(k) + " goes past the announced size " + strconv.FormatUint(uint64(d.Size), 10))
		}
		out = append(out, base.List[op.Off:end]...)
	}
	if len(out) != int(d.Size) {
		return nil, errors.New("apply delta for " + name + ": rebuilt " + itoa(len(out)) + " bytes, announced " + strconv.FormatUint(uint64(d.Size), 10))
	}
	return &bundle.Bundle{
		List:      out,
		ListID:    d.List,
		Publisher: d.Publisher,
		Version:   d.Version,
		Sig:       d.Sig,
	}, nil
}
