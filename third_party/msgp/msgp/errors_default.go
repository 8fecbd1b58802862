//go:build !tinygo

package msgp

import (
	"strconv"
)

// ctxString converts the incoming interface{} slice into a single string.
// Patched for Voile (VOILE.md): without fmt, which it alone linked into
// programs that use msgp.
func ctxString(ctx []any) string {
	out := ""
	for idx, cv := range ctx {
		if idx > 0 {
			out += "/"
		}
		out += ctxValue(cv)
	}
	return out
}

// ctxValue writes a context value as fmt's %v does for the kinds that
// generated code passes (field names and indexes) and a few more.
func ctxValue(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case int:
		return strconv.Itoa(v)
	case int64:
		return strconv.FormatInt(v, 10)
	case int32:
		return strconv.FormatInt(int64(v), 10)
	case uint:
		return strconv.FormatUint(uint64(v), 10)
	case uint64:
		return strconv.FormatUint(v, 10)
	case uint32:
		return strconv.FormatUint(uint64(v), 10)
	case bool:
		return strconv.FormatBool(v)
	case error:
		return v.Error()
	case interface{ String() string }:
		return v.String()
	}
	return "?"
}

func quoteStr(s string) string {
	return strconv.Quote(s)
}
