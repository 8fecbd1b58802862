package engine

import (
	"encoding/binary"
	"errors"
	"math"

	"voile/shared/frames"
	"voile/shared/rules"
	"voile/shared/verdict"
)

// Request is a classify call as Go values. voile.js writes the same bytes
// from JavaScript; Go callers and tests use AppendRequest.
type Request struct {
	Sensitivity float64
	Categories  []string // nil enables every category
	AllowRules  []string
	AllowPosts  []string
	Texts       []string
}

// AppendRequest appends the encoding of q to dst.
func AppendRequest(dst []byte, q *Request) []byte {
	dst = binary.LittleEndian.AppendUint64(dst, math.Float64bits(q.Sensitivity))
	if q.Categories == nil {
		dst = append(dst, 0)
	} else {
		dst = append(dst, 1)
	}
	dst = binary.LittleEndian.AppendUint16(dst, uint16(len(q.Categories)))
	for _, c := range q.Categories {
		dst = appendStr16(dst, c)
	}
	for _, l := range [][]string{q.AllowRules, q.AllowPosts} {
		dst = binary.LittleEndian.AppendUint32(dst, uint32(len(l)))
		for _, s := range l {
			dst = appendStr16(dst, s)
		}
	}
	dst = binary.LittleEndian.AppendUint32(dst, uint32(len(q.Texts)))
	for _, t := range q.Texts {
		dst = binary.LittleEndian.AppendUint32(dst, uint32(len(t)))
		dst = append(dst, t...)
	}
	return dst
}

func appendStr16(dst []byte, s string) []byte {
	s = s[:min(len(s), math.MaxUint16)]
	return append(binary.LittleEndian.AppendUint16(dst, uint16(len(s))), s...)
}

// Verdict is one verdict of a response as Go values, in the shape that
// voile.js gives JavaScript.
type Verdict struct {
	Flagged     bool               `json:"flagged"`
	Score       float64            `json:"score"`
	Category    string             `json:"category"`
	Scores      map[string]float64 `json:"scores"`
	Fingerprint string             `json:"fingerprint"`
	Allowed     bool               `json:"allowed"`
	Reasons     []Reason           `json:"reasons"`
}

// Reason is one reason of a Verdict; Start and End count UTF-16 code units.
type Reason struct {
	List      string  `json:"list"`
	Publisher string  `json:"publisher"`
	Version   uint64  `json:"version"`
	Rule      string  `json:"rule"`
	Category  string  `json:"category"`
	Weight    float64 `json:"weight"`
	Start     int     `json:"start"`
	End       int     `json:"end"`

	Kind        string   `json:"kind"`
	Class       string   `json:"class"`
	Target      string   `json:"target"`
	TargetStart int      `json:"targetStart"`
	TargetEnd   int      `json:"targetEnd"`
	Context     string   `json:"context"`
	Features    []string `json:"features"`
}

// ParseResponse decodes a response as voile.js does.
func ParseResponse(b []byte) ([]Verdict, error) {
	r := reader{b: b}
	n := r.u32()
	if n > MaxTexts {
		return nil, errors.New("parse response: too many verdicts")
	}
	var out []Verdict
	for range n {
		v := Verdict{Scores: make(map[string]float64, len(rules.Categories)), Reasons: []Reason{}}
		flags, cat, mask := r.u8(), r.u8(), r.u8()
		v.Flagged, v.Allowed = flags&1 != 0, flags&2 != 0
		for i, c := range rules.Categories {
			v.Scores[string(c)] = 0
			if mask&(1<<i) != 0 {
				v.Scores[string(c)] = r.f64()
			}
		}
		if int(cat) < len(rules.Categories) {
			v.Category = string(rules.Categories[cat])
			v.Score = v.Scores[v.Category]
		}
		v.Fingerprint = verdict.Fingerprint(r.u64()).String()
		for range int(r.u16()) {
			var rs Reason
			rs.List = string(r.bytes(int(r.u8())))
			rs.Publisher = string(r.bytes(int(r.u8())))
			rs.Version = uint64(r.f64())
			rs.Rule = string(r.bytes(int(r.u8())))
			if c := r.u8(); int(c) < len(rules.Categories) {
				rs.Category = string(rules.Categories[c])
			}
			rs.Weight = r.f64()
			rs.Start, rs.End = int(r.u32()), int(r.u32())
			if k := int(r.u8()); k < len(verdict.ReasonKinds) {
				rs.Kind = string(verdict.ReasonKinds[k])
			}
			if c := int(r.u8()); c >= 1 && c <= len(frames.Contexts) {
				rs.Context = string(frames.Contexts[c-1])
			}
			rs.Class = string(r.bytes(int(r.u8())))
			rs.Target = string(r.bytes(int(r.u8())))
			rs.TargetStart, rs.TargetEnd = int(r.u32()), int(r.u32())
			rs.Features = make([]string, r.u8())
			for i := range rs.Features {
				rs.Features[i] = string(r.bytes(int(r.u8())))
			}
			v.Reasons = append(v.Reasons, rs)
		}
		if r.err != nil {
			break
		}
		out = append(out, v)
	}
	if r.err == nil && len(r.b) != 0 {
		r.err = errors.New("trailing bytes")
	}
	if r.err != nil {
		return nil, errors.New("parse response: " + r.err.Error())
	}
	return out, nil
}
