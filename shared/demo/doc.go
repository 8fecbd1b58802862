// Package demo holds Voile's demo rule lists, one English (demo-en) and
// one French (demo-fr), written for the project to show and test Voile:
// `make run` publishes them and tests classify with them. They are marked
// demo: true and are not reviewed lists for real moderation.
//
// Each list covers every category with a few dozen terms, phrases and RE2
// patterns. Unambiguous slurs weigh 0.8–0.95; words with common innocent or
// reclaimed uses weigh 0.25–0.45, so that alone they flag only at a high
// sensitivity; exceptions allow known innocent phrases ("chink in the
// armour", "queer studies", "raton laveur", the French "en retard").
//
// testdata/examples.jsonl holds labelled example posts in both languages,
// and the package test measures the lists' recall and false-positive rate
// on them.
package demo
