// Package verdict decides, at the reader's sensitivity, whether to hide a
// post and why. It is the last phase: normalise, match, frames and
// context, the model's features and score, then the verdict.
//
// Each matched flagging rule and each frame (package frames) counts once
// per post, unless a context cancelled it; a slur that is also a frame's
// predicate of its category counts once, by the heavier of the two. A
// category's score combines the
// weights w of what counted as 1 − ∏(1 − w): one severe match is enough,
// several mild ones add up, and the score never passes 1. A post is
// flagged when an enabled category reaches its threshold: the lowest that
// the lists of what counted set, scaled by sensitivity (0.5 is the lists'
// own threshold, 1 flags any match, 0 only the most severe).
//
// A list may carry a model (package model). The model adds a reason when
// a post names a group and its probability reaches the model's threshold
// (τ at the default sensitivity, τ^(2s) at sensitivity s; the square root
// of that where nothing is said of the group), unless a cue of context in
// the post cancels it: the model reads words, not negations. It also
// weighs the weak matches: a rule or frame of weight below Strong counts
// only if the model gives the post at least VetoShare of its threshold,
// so a word that is mostly banter flags only in a hateful post. Threats
// are not the model's to doubt.
package verdict
