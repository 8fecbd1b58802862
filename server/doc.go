// Package server is Voile's rule-sync server: publishers (NGOs) publish
// signed list versions over HTTP, the server checks each against the
// publisher's registered key, stores it durably, and pushes it live over
// WebSockets to every subscribed client (PROTOCOL.md).
//
// The server relays, it does not vouch: clients verify every bundle with the
// publisher's key themselves. It knows nothing of its subscribers but a
// count per list. A client that does not keep up is disconnected rather
// than allowed to hold others back; it resumes from the versions it holds.
package server
