package store

// Change names what changed in a store, by this process or by another
// sharing the store, once reads reflect it.
type Change struct {
	// Publisher is the publisher whose record, list or adapter document
	// changed.
	Publisher string
	// List is the list that has a new version, or "".
	List string
	// Adapters is set when the publisher's adapter document changed.
	Adapters bool
}
