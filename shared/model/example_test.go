package model_test

import (
	"fmt"
	"log"

	"voile/shared/model"
	"voile/shared/normalize"
)

func Example() {
	// A toy task: posts about "grobs" are the class to flag.
	var ex []model.Example
	for _, who := range []string{"the baker", "my neighbour", "a teacher", "our friend", "the mayor", "a driver"} {
		ex = append(ex,
			model.Example{Text: who + " talks about the grobs", Hate: true},
			model.Example{Text: who + " talks about the weather", Hate: false},
			model.Example{Text: who + " walks to the station", Hate: false})
	}
	norm := normalize.New()
	m, err := model.Train(ex, norm, model.Config{Bits: 16, Epochs: 10, LearningRate: 0.3, Seed: 1, Langs: []string{"en"}})
	if err != nil {
		log.Fatal(err)
	}

	data := m.Encode() // ship this
	fmt.Printf("%d bytes, %q\n", len(data), data[:8])

	m2, err := model.Decode(data)
	if err != nil {
		log.Fatal(err)
	}
	s := m2.NewScorer()
	for _, post := range []string{"The GROBS again!", "Lovely weather today"} {
		p := s.Score(norm.Normalize(post), nil)
		fmt.Printf("%-22q flagged=%v\n", post, p >= float64(m2.Threshold))
	}
	top := s.Explain(norm.Normalize("The GROBS again!"), nil, nil, 3)
	for _, c := range top {
		fmt.Println(c.Kind, c.Name)
	}
	// Output:
	// 65731 bytes, "VOILEMDL"
	// "The GROBS again!"     flagged=true
	// "Lovely weather today" flagged=false
	// word grobs
	// bigram the grobs
	// chars  gr
}
