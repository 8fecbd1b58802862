// Package model is Voile's small statistical text classifier: a logistic
// regression that gives P(hate) for one normalised post, trained offline by
// `voile train` and shipped as a single binary artefact of a few hundred
// kilobytes that the extension (WebAssembly) and the CLI/server (native Go)
// both load with Decode.
//
// # Features
//
// A post is first normalised (package normalize: lower case, no
// diacritics, leetspeak undone, words separated by single spaces). Its
// features are
//
//   - word unigrams ("muslims"),
//   - word bigrams ("muslims are"),
//   - character n-grams of 3 to 5 characters (runes) of each word padded
//     with one space on each side (" mus", "lims "), and
//   - extra features chosen by the caller, given as 64-bit hashes (see
//     Feature), such as "frame:dehumanise" or "cue:negation".
//
// Under Placeholders, the word Placeholder, which a caller writes in place
// of a span it masks (the verdict writes it for each group a post names),
// has no unigram and no n-grams, only its bigrams: the model weighs what
// stands around it, not its presence.
//
// Each feature is hashed with FNV-1a 64 after a one-byte namespace ('w'
// unigram, 'b' bigram, 'c' n-gram, 'x' extra), so that the word "the" and
// the n-gram "the" are different features by construction. The hash is
// mixed by a multiplication; its top Bits bits choose one of 1<<Bits
// weights and the next bit a sign (+1 or -1), so that two features that
// share a bucket tend to cancel rather than add up (the "hashing trick"
// with a signed hash).
//
// The text features of a post each count 1/sqrt(N), N being how many text
// features the post has (its feature vector has unit length when no feature
// repeats), so that long and short posts score on one scale; each extra
// feature counts 1. Training and Explain list features with one
// featuriser; Score uses a fused, allocation-free copy of it, and the tests
// check that the two agree.
//
// # Why
//
//   - Hashing: there is no vocabulary to build, ship or look up; a feature
//     costs one hash and one array read, and the artefact's size is fixed by
//     Bits whatever the data.
//   - int8 weights with one float32 scale: the artefact is 1<<Bits bytes
//     (256 KB at the default 18 bits) and loads without parsing; scoring sums
//     small integers and multiplies once.
//   - Character n-grams: spelling variants, inflections, compounds and
//     obfuscations that survive normalisation ("muzzie", "muslimes") share
//     most n-grams with the forms seen in training, and French and English
//     share one model.
//
// # Use
//
//	m, err := model.Decode(data)
//	s := m.NewScorer()          // one per goroutine; reuse it
//	p := s.Score(n.Normalize(post), nil)
//	if p >= float64(m.Threshold) { ... s.Explain(...) ... }
//
// Score allocates nothing after its first calls. Training (Train) is
// deterministic: the same examples, normaliser and Config give the same
// bytes from Encode.
package model
