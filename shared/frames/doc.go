// Package frames is the phase between matching and the verdict that
// recognises hate statements, not only hateful words.
//
// Lists hold lexicons as rules with a role (package rules): targets name a
// protected group ("immigrants", « les juives »), predicates say something
// hateful of one ("are vermin", "should be deported", "I hate"), and cues
// give context (negations, counter-speech, reported speech, pronouns that
// refer back, linking verbs). None of them flags a post alone. A frame is
// a target and a predicate standing in a hateful construction in one
// clause: "T are P" (a linking word between them, or P right beside T),
// "P … T" and "T … P" for predicates whose direction the list gives, and a
// pronoun ("they", « ces gens ») standing for a target named earlier in
// the post.
//
// Context then decides whether a frame, or a match of a flagging rule,
// counts: a negation in the clause cancels it ("immigrants are not a
// threat") except for a positive predicate, which a negation makes
// hateful ("they are not human"); counter-speech ("stop calling …",
// « arrêtez de traiter … »), a quotation inside a post that comments on
// it, and news or reported speech cancel it too. Each cancelled frame
// says which context applied, so the verdict can explain it.
//
// The phase finds and explains; package verdict alone decides.
package frames
