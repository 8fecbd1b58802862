// Package verdict scores a post from the rules it matches and decides,
// at the reader's sensitivity, whether to hide it and why.
//
// Each matched rule counts once per post. A category's score combines the
// weights w of its matched rules as 1 − ∏(1 − w): one severe match is
// enough, several mild ones add up, and the score never passes 1. A post is
// flagged when an enabled category reaches its threshold: the lowest that
// the lists of its matched rules set, scaled by sensitivity (0.5 is the
// lists' own threshold, 1 flags any match, 0 only the most severe).
package verdict
