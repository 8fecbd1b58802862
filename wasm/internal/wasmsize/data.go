package main

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"sort"
)

// A segment is one data segment of the module: where it is loaded in
// linear memory, and its bytes in the file (header and content).
type segment struct {
	addr int
	raw  []byte // as in the file: header, then data
	data []byte
}

// readData reads the data section: active segments of memory 0 at an
// i32.const address, the only kind the Go linker writes.
func (m *module) readData(b []byte) error {
	c := cursor{b: b}
	for range c.uint() {
		before := len(c.b)
		if flags := c.uint(); flags != 0 && c.err == nil {
			return errors.New("a segment of kind " + fmt.Sprint(flags) + ", not an active one of memory 0")
		}
		if op := c.skip(1); c.err == nil && op[0] != 0x41 {
			return errors.New("a segment whose address is not an i32.const")
		}
		addr := c.sint()
		if end := c.skip(1); c.err == nil && end[0] != 0x0b {
			return errors.New("a segment address of more than one instruction")
		}
		data := c.skip(c.uint())
		if c.err != nil {
			return c.err
		}
		m.segments = append(m.segments, segment{addr: int(addr), raw: b[len(b)-before : len(b)-len(c.b)], data: data})
	}
	return c.err
}

func (c *cursor) sint() int64 {
	if c.err != nil {
		return 0
	}
	v, n := sleb128(c.b)
	if n <= 0 {
		c.err = errShort
		return 0
	}
	c.b = c.b[n:]
	return v
}

func sleb128(b []byte) (int64, int) {
	var v int64
	var shift uint
	for i, x := range b {
		if i == 10 {
			return 0, -1
		}
		v |= int64(x&0x7f) << shift
		shift += 7
		if x < 0x80 {
			if shift < 64 && x&0x40 != 0 {
				v |= -1 << shift
			}
			return v, i + 1
		}
	}
	return 0, 0
}

// memory returns the linear memory that the data segments initialise,
// up to the end of the last.
func (m *module) memory() []byte {
	end := 0
	for _, s := range m.segments {
		end = max(end, s.addr+len(s.data))
	}
	mem := make([]byte, end)
	for _, s := range m.segments {
		copy(mem[s.addr:], s.data)
	}
	return mem
}

// A part is a stretch of linear memory that the runtime's moduledata
// names: [start, end).
type part struct {
	name       string
	start, end int
}

// dataParts splits the data section into the parts the Go runtime knows
// it by, read from the module's moduledata: it is found as the record
// that points at the pclntab header (magic 0xfffffff1, Go 1.20 and
// later) and at the function names that follow it. The field order is
// runtime.moduledata's as of Go 1.26; a layout it does not recognise is
// an error, not a guess.
func dataParts(mem []byte) ([]part, error) {
	pcl := bytes.Index(mem, []byte{0xf1, 0xff, 0xff, 0xff, 0, 0})
	if pcl < 0 || pcl+72 > len(mem) || mem[pcl+7] != 8 {
		return nil, errors.New("no pclntab header of 64-bit pointers")
	}
	names := binary.LittleEndian.Uint64(mem[pcl+32:])
	var key [16]byte
	binary.LittleEndian.PutUint64(key[:], uint64(pcl))
	binary.LittleEndian.PutUint64(key[8:], uint64(pcl)+names)
	md := bytes.Index(mem, key[:])
	if md < 0 || md+42*8 > len(mem) {
		return nil, errors.New("no moduledata pointing at the pclntab")
	}
	f := func(i int) int { return int(binary.LittleEndian.Uint64(mem[md+8*i:])) }
	// Indexes of runtime.moduledata's words: slices take three.
	const (
		funcnametab, cutab, filetab, pctab, pclntable = 1, 4, 7, 10, 13
		findfunctab                                   = 19
		noptrdata, edata                              = 24, 27
		types                                         = 37
		gofunc, epclntab                              = 40, 41
	)
	parts := []part{
		{"types, strings, read-only tables", f(types), pcl},
		{"pclntab: header", pcl, f(funcnametab)},
		{"pclntab: function names", f(funcnametab), f(funcnametab) + f(funcnametab+1)},
		{"pclntab: pc tables (frame size, file, line, inlining and stack map indexes)", f(pctab), f(pctab) + f(pctab+1)},
		{"pclntab: function records", f(pclntable), f(gofunc)},
		{"funcdata: stack maps, inlining trees", f(gofunc), f(findfunctab)},
		{"findfunctab: pc to function, 16 buckets a function in wasm", f(findfunctab), f(epclntab)},
		{"type and itab links", f(epclntab), f(noptrdata)},
		{"pclntab: compilation units, files", f(funcnametab) + f(funcnametab+1), f(pctab)},
		{"variables (noptrdata, data)", f(noptrdata), f(edata)},
	}
	sort.Slice(parts, func(i, j int) bool { return parts[i].start < parts[j].start })
	for i, p := range parts {
		if p.start > p.end || i > 0 && p.start < parts[i-1].end {
			return nil, errors.New("moduledata of another layout than Go 1.26's")
		}
	}
	return parts, nil
}

// reportData prints the data section by part: the bytes each spans in
// memory, its bytes in the file (the segments' content in it, and the
// headers of those that start in it: the linker starts a new segment
// after each run of 8 zero bytes), and those compressed alone.
func (m *module) reportData() {
	if len(m.segments) == 0 {
		return
	}
	fmt.Printf("\ndata section, %d segments, by part: bytes in memory, in the file, and compressed alone (flate -9):\n", len(m.segments))
	parts, err := dataParts(m.memory())
	if err != nil {
		fmt.Printf("  (%v)\n", err)
		return
	}
	for _, p := range parts {
		var file []byte
		n := 0
		for _, s := range m.segments {
			if p.start <= s.addr && s.addr < p.end {
				file = append(file, s.raw[:len(s.raw)-len(s.data)]...)
				n++
			}
			lo, hi := max(p.start, s.addr), min(p.end, s.addr+len(s.data))
			if lo < hi {
				file = append(file, s.data[lo-s.addr:hi-s.addr]...)
			}
		}
		fmt.Printf("%10d %8d %8d  %s (%d segments)\n", p.end-p.start, len(file), deflated(file), p.name, n)
	}
}
