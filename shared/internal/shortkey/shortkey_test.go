package shortkey

import "testing"

func TestOf(t *testing.T) {
	words := []string{"a", "ab", "abcdefg", "abcdefgh", "abcdefghi", "abcdefghijklmnop", "b", "abcdefgi", "abcdefghj"}
	seen := map[Key]string{}
	for _, w := range words {
		k, ok := Of([]byte(w))
		if !ok || k.N != uint64(len(w)) {
			t.Fatalf("%q: %+v %v", w, k, ok)
		}
		if other, dup := seen[k]; dup {
			t.Errorf("%q and %q share a key", w, other)
		}
		seen[k] = w
	}
	// The zero byte is a byte too: "a" and "a\x00" differ by length.
	if a, _ := Of([]byte("a")); a == (Key{}) {
		t.Error("a word has the empty slot's key")
	}
	for _, w := range []string{"", "abcdefghijklmnopq"} {
		if _, ok := Of([]byte(w)); ok {
			t.Errorf("%q has a key", w)
		}
	}
}
