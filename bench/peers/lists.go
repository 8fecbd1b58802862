package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"unicode/utf16"

	"voile/shared/demo"
	"voile/shared/rules"
	"voile/shared/rules/rulestest"
)

// A bench list: the rules Voile compiles and the literal words and
// phrases the peers look for.
type benchList struct {
	name  string
	lists []*rules.List
	terms []string
}

// lists returns the lists every contestant runs on: the starter lists,
// the generated list of 10,001 invented words that the verdict benchmark
// uses (all start with "zq"), and 10,001 invented words that start with
// every letter.
func lists() ([]benchList, error) {
	starter, err := demo.Lists()
	if err != nil {
		return nil, err
	}
	gen := rulestest.Generated("big", "bench", 1, 10000)
	gen.Rules = append(gen.Rules, rules.Rule{ID: "zz", Kind: rules.Term, Text: "zzword", Category: rules.Racism, Weight: 0.9})
	varied := variedList(10001)
	out := []benchList{
		{name: "starter", lists: starter},
		{name: "generated-10001", lists: []*rules.List{gen}},
		{name: "varied-10001", lists: []*rules.List{varied}},
	}
	for i := range out {
		for _, l := range out[i].lists {
			l.Publisher = "bench"
			if err := l.Validate(); err != nil {
				return nil, fmt.Errorf("list %s: %v", l.ID, err)
			}
			for _, r := range l.Rules {
				if r.Kind == rules.Term || r.Kind == rules.Phrase {
					out[i].terms = append(out[i].terms, strings.ToLower(r.Text))
				}
			}
		}
	}
	return out, nil
}

// variedList returns n invented words of four to nine letters that start
// with any letter, built from syllables so that they look like words,
// without the letters that the matcher reads as endings or runs of one
// letter.
func variedList(n int) *rules.List {
	const cons, vowels = "bcdfghjklmnpqrtvwz", "aeiouy"
	r := rand.New(rand.NewPCG(3, 4))
	l := &rules.List{ID: "varied", Publisher: "bench", Version: 1, Name: "Invented words", Langs: []string{"en"}}
	seen := map[string]bool{}
	for len(l.Rules) < n {
		var b []byte
		for size := 4 + r.IntN(6); len(b) < size; {
			b = append(b, cons[r.IntN(len(cons))], vowels[r.IntN(len(vowels))])
		}
		if r.IntN(2) == 0 {
			b = b[1:] // start with a vowel
		}
		w := string(b)
		if seen[w] {
			continue
		}
		seen[w] = true
		i := len(l.Rules)
		l.Rules = append(l.Rules, rules.Rule{ID: fmt.Sprintf("v%d", i), Kind: rules.Term, Text: w, Category: rules.Categories[i%len(rules.Categories)], Weight: 0.6})
	}
	return l
}

type example struct {
	Text    string `json:"text"`
	Hateful bool   `json:"hateful"`
}

// ordinary is everyday text that fills posts, in both languages of the
// starter lists (as in wasm/internal/fixtures).
var ordinary = []string{
	"Just got back from the market, the strawberries are finally in season",
	"Does anyone know a good plumber near the station? Ours retired last year",
	"The match last night was incredible, what a save in the last minute",
	"Reading a great book about the history of bridges, highly recommend it",
	"Our train was delayed again this morning, forty minutes on the platform",
	"Happy birthday to my little sister, twenty years old today!",
	"New photos from the hike are up, the view from the top was worth it",
	"Remember to vote on Sunday, polling stations open at eight",
	"On a enfin fini de repeindre la cuisine, quel chantier",
	"Quelqu'un a une bonne recette de tarte aux pommes sans beurre ?",
	"Le concert de ce soir est complet, on se rattrapera la semaine prochaine",
	"Il pleut depuis trois jours, les enfants tournent en rond à la maison",
	"Super conférence ce matin sur l'énergie solaire et les réseaux locaux",
	"Les horaires de la bibliothèque changent à partir du mois prochain",
	"Thanks everyone for the kind messages, the recovery is going well 😊",
	"Coffee first, then emails, then maybe the world makes sense",
}

// posts returns n posts of 280 UTF-16 code units as a feed has them, the
// way the wasm benchmark makes them: one in ten opens with a hateful
// example of the starter lists, one in five with a benign near miss, and
// the rest is everyday text.
func posts(examples string, n int) ([]string, error) {
	data, err := os.ReadFile(examples)
	if err != nil {
		return nil, err
	}
	var benign, hateful []string
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		var ex example
		if json.Unmarshal(sc.Bytes(), &ex) == nil && ex.Text != "" {
			if ex.Hateful {
				hateful = append(hateful, ex.Text)
			} else {
				benign = append(benign, ex.Text)
			}
		}
	}
	const size = 280
	r := rand.New(rand.NewPCG(1, 2))
	out := make([]string, n)
	for i := range out {
		var u []uint16
		switch i % 10 {
		case 0:
			u = utf16.Encode([]rune(hateful[r.IntN(len(hateful))] + ". "))
		case 1, 2:
			u = utf16.Encode([]rune(benign[r.IntN(len(benign))] + ". "))
		}
		for len(u) < size {
			u = append(u, utf16.Encode([]rune(ordinary[r.IntN(len(ordinary))]+". "))...)
		}
		u = u[:size]
		if u[size-1] >= 0xD800 && u[size-1] < 0xDC00 {
			u[size-1] = ' '
		}
		out[i] = string(utf16.Decode(u))
	}
	return out, nil
}
