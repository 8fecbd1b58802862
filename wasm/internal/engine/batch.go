package engine

import (
	"encoding/binary"
	"errors"
	"math"
	"slices"
	"strconv"
	"strings"
	"unsafe"

	"voile/shared/frames"
	"voile/shared/rules"
	"voile/shared/verdict"
)

// The batch formats. All integers are little-endian; str16 is a uint16
// byte length and UTF-8 bytes, str8 a uint8 length and ASCII bytes (ids
// are ASCII by validation).
//
// A request, written by voile.js from classify(texts, opts):
//
//	sensitivity  f64
//	hasCats      u8           0: every category; 1: those listed next
//	ncats u16, str16...       categories (none when hasCats is 0)
//	nrules u32, str16...      allow.rules, "publisher/list/rule"
//	nposts u32, str16...      allow.posts, 16 hex digits
//	ntexts u32, (len u32, UTF-8 bytes)...
//
// The response, read by voile.js:
//
//	n u32, then n verdicts:
//	flags     u8   1 flagged, 2 allowed
//	category  u8   index into rules.Categories, 255 for none
//	scoreMask u8   bit i set: category i has a non-zero score, which follows
//	scores    f64 per set bit, in category order
//	fp        u64  fingerprint
//	nreasons  u16, then each reason:
//	  list str8, publisher str8, version f64, rule str8,
//	  category u8, weight f64, start u32, end u32,
//	  kind u8       index into verdict.ReasonKinds
//	  context u8    0 none, else 1 + index into frames.Contexts
//	  class str8, target str8, targetStart u32, targetEnd u32
//	  nfeatures u8, then features as str8 (UTF-8)
//
// Reason offsets are UTF-16 code units, as JavaScript strings count them.
// voile.js encodes texts with TextEncoder, which writes valid UTF-8 only,
// so converting byte offsets back is exact.

// NoCategory marks a verdict with no category in the response.
const NoCategory = 255

// MaxTexts bounds one batch, so a bad call fails clearly instead of
// exhausting memory.
const MaxTexts = 100000

// Classify decodes a request, classifies every text and returns the
// response. The result is valid until the next call.
func (e *Engine) Classify(req []byte) ([]byte, error) {
	cls, err := e.classifier()
	if err != nil {
		return nil, errors.New("classify: " + err.Error())
	}
	r := reader{b: req}
	if err := e.readOptions(&r); err != nil {
		return nil, errors.New("classify: " + err.Error())
	}
	n := r.u32()
	if r.err == nil && n > MaxTexts {
		return nil, errors.New("classify: " + strconv.FormatUint(uint64(n), 10) + " texts in one batch, more than the limit of " + strconv.Itoa(MaxTexts))
	}
	out := binary.LittleEndian.AppendUint32(e.out[:0], n)
	for range n {
		text := r.bytes(int(r.u32()))
		if r.err != nil {
			break
		}
		// The text is only read during the call, and req outlives it.
		s := unsafe.String(unsafe.SliceData(text), len(text))
		out = appendVerdict(out, cls.Classify(s, &e.opts), s)
	}
	if r.err == nil && len(r.b) != 0 {
		r.err = errors.New(strconv.Itoa(len(r.b)) + " trailing bytes")
	}
	if r.err != nil {
		return nil, errors.New("classify: malformed request: " + r.err.Error())
	}
	e.out = out
	return out, nil
}

func (e *Engine) readOptions(r *reader) error {
	o := &e.opts
	o.Sensitivity = r.f64()
	if r.err == nil && !(o.Sensitivity >= 0 && o.Sensitivity <= 1) {
		return errors.New("sensitivity " + strconv.FormatFloat(o.Sensitivity, 'g', -1, 64) + ": want a number in [0, 1]")
	}
	// A nil list enables every category, an empty one none.
	o.Categories = o.Categories[:0]
	if o.Categories == nil {
		o.Categories = []rules.Category{}
	}
	every := r.u8() == 0
	for i := range int(r.u16()) {
		c := rules.Category(r.str16())
		if r.err != nil {
			break // a count past the request's end: stop at the end
		}
		if !c.Known() {
			return errors.New("categories[" + strconv.Itoa(i) + "]: unknown category " + strconv.Quote(string(c)) + " (known: " + categoryNames() + ")")
		}
		o.Categories = append(o.Categories, c)
	}
	if every {
		if len(o.Categories) > 0 {
			return errors.New("categories listed but not enabled")
		}
		o.Categories = nil
	}
	o.Allow.Rules = o.Allow.Rules[:0]
	for i := range int(r.u32()) {
		s := r.str16()
		if r.err != nil {
			// A count past the request's end (up to 2³² - 1) must not
			// run on: the error is the truncation.
			break
		}
		if p := strings.Split(s, "/"); len(p) != 3 || p[0] == "" || p[1] == "" || p[2] == "" {
			return errors.New("allow.rules[" + strconv.Itoa(i) + "] " + strconv.Quote(s) + ": want \"publisher/list/rule\"")
		}
		o.Allow.Rules = append(o.Allow.Rules, s)
	}
	o.Allow.Posts = o.Allow.Posts[:0]
	for i := range int(r.u32()) {
		s := r.str16()
		if r.err != nil {
			break
		}
		var f verdict.Fingerprint
		if err := f.UnmarshalText([]byte(s)); err != nil {
			return errors.New("allow.posts[" + strconv.Itoa(i) + "]: " + err.Error())
		}
		o.Allow.Posts = append(o.Allow.Posts, f)
	}
	return nil
}

func appendVerdict(out []byte, v *verdict.Verdict, text string) []byte {
	var flags byte
	if v.Flagged {
		flags |= 1
	}
	if v.Allowed {
		flags |= 2
	}
	cat := byte(NoCategory)
	for i, c := range rules.Categories {
		if c == v.Category && c != "" {
			cat = byte(i)
		}
	}
	var mask byte
	for i, s := range v.Scores {
		if s != 0 {
			mask |= 1 << i
		}
	}
	out = append(out, flags, cat, mask)
	for _, s := range v.Scores {
		if s != 0 {
			out = binary.LittleEndian.AppendUint64(out, math.Float64bits(s))
		}
	}
	out = binary.LittleEndian.AppendUint64(out, uint64(v.Fingerprint))
	out = binary.LittleEndian.AppendUint16(out, uint16(min(len(v.Reasons), math.MaxUint16)))
	for _, rs := range v.Reasons[:min(len(v.Reasons), math.MaxUint16)] {
		out = appendStr8(out, rs.List)
		out = appendStr8(out, rs.Publisher)
		out = binary.LittleEndian.AppendUint64(out, math.Float64bits(float64(rs.Version)))
		out = appendStr8(out, rs.Rule)
		out = append(out, byte(categoryIndex(rs.Category)))
		out = binary.LittleEndian.AppendUint64(out, math.Float64bits(rs.Weight))
		start := UTF16Len(text[:rs.Start])
		end := start + UTF16Len(text[rs.Start:rs.End])
		out = binary.LittleEndian.AppendUint32(out, uint32(start))
		out = binary.LittleEndian.AppendUint32(out, uint32(end))
		out = append(out, byte(slices.Index(verdict.ReasonKinds, rs.Kind)), byte(slices.Index(frames.Contexts, rs.Context)+1))
		out = appendStr8(out, string(rs.Class))
		out = appendStr8(out, rs.Target)
		start = UTF16Len(text[:rs.TargetStart])
		end = start + UTF16Len(text[rs.TargetStart:rs.TargetEnd])
		out = binary.LittleEndian.AppendUint32(out, uint32(start))
		out = binary.LittleEndian.AppendUint32(out, uint32(end))
		feats := rs.Features[:min(len(rs.Features), math.MaxUint8)]
		out = append(out, byte(len(feats)))
		for _, f := range feats {
			out = appendStr8(out, f)
		}
	}
	return out
}

// UTF16Len returns the length in UTF-16 code units of valid UTF-8 text:
// one per rune, two for runes outside the Basic Multilingual Plane, which
// are exactly those encoded in four bytes.
func UTF16Len(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c&0xC0 != 0x80 { // not a continuation byte: a rune starts
			n++
		}
		if c >= 0xF0 {
			n++
		}
	}
	return n
}

func appendStr8(out []byte, s string) []byte {
	s = s[:min(len(s), math.MaxUint8)] // ids are at most rules.MaxIDLen bytes
	return append(append(out, byte(len(s))), s...)
}

func categoryIndex(c rules.Category) int {
	for i, k := range rules.Categories {
		if k == c {
			return i
		}
	}
	return NoCategory
}

func categoryNames() string {
	var b strings.Builder
	for i, c := range rules.Categories {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(string(c))
	}
	return b.String()
}

var errShort = errors.New("request ends early")

// reader reads a request; the first error sticks and later reads return
// zero values.
type reader struct {
	b   []byte
	err error
}

func (r *reader) bytes(n int) []byte {
	if r.err != nil {
		return nil
	}
	if n < 0 || n > len(r.b) {
		r.err = errShort
		return nil
	}
	out := r.b[:n:n]
	r.b = r.b[n:]
	return out
}

func (r *reader) u8() byte {
	if b := r.bytes(1); b != nil {
		return b[0]
	}
	return 0
}

func (r *reader) u16() uint16 {
	if b := r.bytes(2); b != nil {
		return binary.LittleEndian.Uint16(b)
	}
	return 0
}

func (r *reader) u32() uint32 {
	if b := r.bytes(4); b != nil {
		return binary.LittleEndian.Uint32(b)
	}
	return 0
}

func (r *reader) u64() uint64 {
	if b := r.bytes(8); b != nil {
		return binary.LittleEndian.Uint64(b)
	}
	return 0
}

func (r *reader) f64() float64 {
	if b := r.bytes(8); b != nil {
		return math.Float64frombits(binary.LittleEndian.Uint64(b))
	}
	return 0
}

func (r *reader) str16() string {
	return string(r.bytes(int(r.u16())))
}
