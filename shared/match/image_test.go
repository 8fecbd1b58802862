package match

import (
	"reflect"
	"testing"

	"voile/shared/lang"
	"voile/shared/rules"
)

// The arrays an image holds are used in place, in memory that the
// garbage collector takes for plain bytes: their elements must hold no
// pointer. A field added to one of these types that holds one fails here.
func TestImageTypesHoldNoPointers(t *testing.T) {
	for _, typ := range []reflect.Type{
		reflect.TypeFor[wordSlot](), reflect.TypeFor[pattern](),
		reflect.TypeFor[lang.Lang](), reflect.TypeFor[bool](), reflect.TypeFor[uint32](),
		reflect.TypeFor[int32](), reflect.TypeFor[uint64](),
	} {
		if hasPointers(typ) {
			t.Errorf("%v holds a pointer: AppendImage cannot write it as it is in memory", typ)
		}
	}
	if !hasPointers(reflect.TypeFor[Matcher]()) {
		t.Error("hasPointers misses the pointers of Matcher")
	}
}

func hasPointers(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64, reflect.Complex64, reflect.Complex128:
		return false
	case reflect.Array:
		return t.Len() > 0 && hasPointers(t.Elem())
	case reflect.Struct:
		for i := range t.NumField() {
			if hasPointers(t.Field(i).Type) {
				return true
			}
		}
		return false
	}
	return true
}

// ImageSize is the size of the image, so that AppendImage grows its
// buffer once.
func TestImageSize(t *testing.T) {
	l := &rules.List{ID: "l", Publisher: "p", Version: 1, Langs: []string{"en"}, Rules: []rules.Rule{
		{ID: "a", Kind: rules.Term, Text: "vermin", Role: rules.Predicate, Category: rules.Racism, Weight: 0.9},
		{ID: "b", Kind: rules.Pattern, Text: `\b(kill|kil|kll) (them )?all\b`, Category: rules.Threat, Weight: 0.9},
		{ID: "c", Kind: rules.Phrase, Text: "go back home", Category: rules.Xenophobia, Weight: 0.5, Exceptions: []string{"go back home safely"}},
	}}
	l.ParsePatterns()
	for _, lists := range [][]*rules.List{nil, {l}} {
		e, err := Compile(lists...)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := len(e.AppendImage(nil)), e.ImageSize(); got != want {
			t.Errorf("%d lists: an image of %d bytes, ImageSize %d", len(lists), got, want)
		}
		dst := make([]byte, 3, 3+e.ImageSize())
		if img := e.AppendImage(dst); &img[0] != &dst[0] {
			t.Errorf("%d lists: AppendImage grew a buffer that had room", len(lists))
		}
	}
}

// insertWords looks a pair of words up in contracted only when the second
// is at most two letters long.
func TestContractedSecondWordsAreShort(t *testing.T) {
	for k := range contracted {
		if len(k[1]) > 2 {
			t.Errorf("contraction %q %q: insertWords would never look it up", k[0], k[1])
		}
	}
}
