package wire_test

import (
	"fmt"

	"voile/shared/wire"
)

// A client says which lists it follows and which versions it holds;
// whatever arrives is decoded with bounds, and a malformed message is an
// error with a stable code.
func ExampleDecode() {
	hello := wire.NewHello([]wire.ListRef{{Publisher: "ngo", List: "en"}}, []wire.Held{{Publisher: "ngo", List: "en", Version: 3}})
	m, err := wire.Decode(hello.Encode())
	if err != nil {
		panic(err)
	}
	fmt.Println(m.Type, m.Hello.Follow[0].Publisher+"/"+m.Hello.Follow[0].List, m.Hello.Held[0].Version)

	_, err = wire.Decode([]byte{0x81, 0xa4, 't', 'y', 'p', 'e'})
	fmt.Println(err != nil)
	// Output:
	// hello ngo/en 3
	// true
}
