package match_test

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"voile/shared/match"
)

func TestImage(t *testing.T) {
	lists := testLists(t)
	texts := append(suiteTexts(t), "1488 words", "kiiill all of them", "queer studies", "a queer")
	e, err := match.Compile(lists...)
	if err != nil {
		t.Fatal(err)
	}
	img := e.AppendImage(nil)
	if len(img) != e.ImageSize() {
		t.Errorf("an image of %d bytes, ImageSize %d", len(img), e.ImageSize())
	}
	loaded, err := match.LoadImage(img, lists...)
	if err != nil {
		t.Fatal(err)
	}
	// The image holds every table of an Engine: the same bytes, the same
	// Engine.
	if !bytes.Equal(loaded.AppendImage(nil), img) {
		t.Error("an engine loaded from its image makes another image")
	}
	want, got := hits(e, texts), hits(loaded, texts)
	n := 0
	for i := range texts {
		n += len(want[i])
		if !reflect.DeepEqual(want[i], got[i]) {
			t.Errorf("%q: compiled %v, loaded %v", texts[i], want[i], got[i])
		}
	}
	if n < 100 {
		t.Errorf("only %d hits on %d texts: the test checks too little", n, len(texts))
	}
	// Off an address of eight, LoadImage copies the arrays.
	odd := make([]byte, len(img)+1)[1:]
	copy(odd, img)
	copied, err := match.LoadImage(odd, lists...)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(hits(copied, texts), want) {
		t.Error("an engine loaded from an unaligned image gives other hits")
	}
	t.Logf("image of %d bytes", len(img))

	empty, err := match.Compile()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := match.LoadImage(empty.AppendImage(nil)); err != nil {
		t.Errorf("no lists: %v", err)
	}
}

// An image cut short, of other lists, or of another format is refused.
func TestLoadImageRefuses(t *testing.T) {
	lists := testLists(t)
	e, err := match.Compile(lists...)
	if err != nil {
		t.Fatal(err)
	}
	img := e.AppendImage(nil)
	// Every length short of the whole, in steps that reach into every
	// section, and the last bytes one by one.
	for n := 0; n < len(img); n += 1 + n/64 {
		if _, err := match.LoadImage(img[:n:n], lists...); err == nil {
			t.Fatalf("an image cut to %d of %d bytes was loaded", n, len(img))
		}
	}
	for n := len(img) - 64; n < len(img); n++ {
		if _, err := match.LoadImage(img[:n:n], lists...); err == nil {
			t.Fatalf("an image cut to %d of %d bytes was loaded", n, len(img))
		}
	}
	if _, err := match.LoadImage(append(img[:len(img):len(img)], 0, 0, 0, 0, 0, 0, 0, 0), lists...); err == nil {
		t.Error("an image with trailing bytes was loaded")
	}
	if _, err := match.LoadImage(img, lists[:len(lists)-1]...); err == nil || !strings.Contains(err.Error(), "lists") {
		t.Errorf("an image of other lists: %v", err)
	}
	other := append([]byte(nil), img...)
	other[0] ^= 0xff
	if _, err := match.LoadImage(other, lists...); err == nil {
		t.Error("an image of another format was loaded")
	}
}
