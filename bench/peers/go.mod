module voile/bench/peers

go 1.26.8

require voile v0.0.0

require filippo.io/edwards25519 v1.2.0 // indirect

require (
	github.com/petar-dambovaliev/aho-corasick v0.0.0-20250424160509-463d218d4745
	github.com/philhofer/fwd v1.2.0 // indirect
	github.com/tinylib/msgp v1.6.5 // indirect
	gopkg.in/yaml.v3 v3.0.1 // indirect
)

replace voile => ../..
