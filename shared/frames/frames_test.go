package frames_test

import (
	"strings"
	"testing"

	"voile/shared/frames"
	"voile/shared/match"
	"voile/shared/rules"
)

// lexicon is a small list of every role, enough to exercise each
// construction and context; the starter lists are much larger.
func lexicon() *rules.List {
	r := func(id string, role rules.Role, class rules.Class, order rules.Order, cat rules.Category, text string) rules.Rule {
		kind := rules.Term
		if strings.Contains(text, " ") {
			kind = rules.Phrase
		}
		return rules.Rule{ID: id, Kind: kind, Role: role, Class: class, Order: order, Category: cat, Text: text, Weight: 0.9}
	}
	tg := func(id string, cat rules.Category, text string) rules.Rule {
		return r(id, rules.Target, "", "", cat, text)
	}
	pr := func(id string, class rules.Class, order rules.Order, text string) rules.Rule {
		return r(id, rules.Predicate, class, order, "", text)
	}
	cue := func(id string, class rules.Class, text string) rules.Rule {
		return r(id, rules.Cue, class, "", "", text)
	}
	return &rules.List{
		ID: "lex", Publisher: "p", Version: 1, Langs: []string{"en", "fr"},
		Rules: []rules.Rule{
			tg("t-immigrants", rules.Xenophobia, "immigrant"),
			tg("t-women", rules.Sexism, "woman"),
			tg("t-women-pl", rules.Sexism, "women"),
			tg("t-musulmans", rules.Islamophobia, "musulman"),
			pr("p-vermin", rules.Dehumanise, "", "vermin"),
			pr("p-comme-la-peste", rules.Dehumanise, "", "comme la peste"),
			cue("c-comme", rules.Link, "comme"),
			pr("p-parasites", rules.Dehumanise, "", "parasite"),
			pr("p-stupid", rules.Derogate, "", "stupid"),
			pr("p-hate", rules.Contempt, rules.Before, "hate"),
			pr("p-deported", rules.Exclude, rules.After, "should be deported"),
			pr("p-human", rules.Positive, "", "human"),
			{ID: "p-kill", Kind: rules.Term, Role: rules.Predicate, Class: rules.Threaten, Category: rules.Threat, Text: "kill", Weight: 1},
			cue("c-are", rules.Link, "are"),
			cue("c-sont", rules.Link, "sont"),
			cue("c-not", rules.Negation, "not"),
			cue("c-no-one", rules.Negation, "no one"),
			cue("c-dont", rules.Negation, "don t"),
			cue("c-pas", rules.Negation, "pas"),
			cue("c-jamais", rules.Negation, "jamais"),
			pr("p-bossent", rules.Positive, rules.After, "bossent"),
			cue("c-calling", rules.Counter, "calling"),
			{ID: "c-attacking", Kind: rules.Term, Role: rules.Cue, Class: rules.Counter, Order: rules.Before, Text: "attacking"},
			cue("c-sentenced", rules.Report, "was sentenced"),
			cue("c-my-uncle-says", rules.Report, "my uncle says"),
			cue("c-he-s-right", rules.Agree, "he s right"),
			cue("c-never-in-a-million-years", rules.Refusal, "never in a million years"),
			cue("c-nope", rules.Refusal, "nope"),
			cue("c-they", rules.Anaphor, "they"),
			cue("c-them", rules.Anaphor, "them"),
			cue("c-but", rules.Contrast, "but"),
			cue("c-were", rules.Ingroup, "we re"),
			{ID: "c-and-proud", Kind: rules.Phrase, Role: rules.Cue, Class: rules.Ingroup, Order: rules.After, Text: "and proud"},
			cue("c-ill", rules.Intent, "i ll"),
			cue("c-should", rules.Intent, "should"),
			{ID: "p-beat", Kind: rules.Term, Role: rules.Predicate, Class: rules.Violence, Category: rules.Threat, Text: "beat", Weight: 0.9},
			{ID: "p-beaten", Kind: rules.Term, Role: rules.Predicate, Class: rules.Violence, Category: rules.Threat, Text: "beaten", Weight: 0.9},
			cue("c-les", rules.Clitic, "les"),
			pr("p-hais", rules.Contempt, rules.Any, "je les hais"),
			pr("p-rob", rules.Derogate, rules.After, "rob"),
			pr("p-ruin", rules.Derogate, rules.After, "ruin"),
			pr("p-whine", rules.Derogate, rules.After, "whine"),
			pr("p-lock", rules.Exclude, rules.Any, "lock them up"),
			pr("p-duo", rules.Derogate, rules.Any, "name a more unlikely duo"),
			pr("p-mocks", rules.Derogate, rules.Before, "mocks"),
			pr("p-what-a-surprise", rules.Derogate, rules.After, "what a surprise"),
			tg("t-slurword", rules.Racism, "slurword"),
			cue("c-arent", rules.Negation, "aren t"),
			cue("c-never", rules.Negation, "never"),
			cue("c-can-t", rules.Inability, "can t"),
			cue("c-a-single", rules.Challenge, "a single"),
			cue("c-one", rules.Challenge, "one"),
			pr("p-honest", rules.Positive, rules.Before, "honest"),
			{ID: "c-neither-did-i", Kind: rules.Phrase, Role: rules.Cue, Class: rules.Challenge, Order: rules.After, Text: "neither did i"},
			cue("c-isn-t", rules.Negation, "isn t"),
			cue("c-isn", rules.Link, "isn"),
			pr("p-apportent-rien", rules.Derogate, "", "apportent rien"),
			cue("c-n", rules.Negation, "n"),
			cue("c-rien", rules.Negation, "rien"),
			cue("c-will-never", rules.Inability, "will never"),
			cue("c-ne-sont-que", rules.Restrict, "ne sont que"),
			cue("c-ne-sont-pas-que", rules.Restrict, "ne sont pas que"),
			cue("c-ne-peuvent-etre-qu", rules.Restrict, "ne peuvent etre qu"),
			cue("c-ne-peuvent-etre", rules.Inability, "ne peuvent etre"),
			cue("c-ne-peuvent-pas-etre", rules.Inability, "ne peuvent pas etre"),
			cue("c-etre", rules.Link, "etre"),
			pr("p-un-probleme", rules.Derogate, "", "un probleme"),
			cue("c-ne", rules.Negation, "ne"),
			cue("c-on", rules.Attach, "on"),
			cue("c-sont-ils-pas", rules.Ask, "sont ils pas"),
			tg("t-les-juifs", rules.Antisemitism, "les juifs"),
			pr("p-nique-les", rules.Contempt, rules.Before, "nique les"),
			tg("t-personnes-trans", rules.LGBTphobia, "personnes trans"),
			pr("p-des-personnes", rules.Positive, "", "des personnes"),
			cue("c-sur", rules.Attach, "sur"),
			pr("p-trusted", rules.Positive, rules.After, "be trusted"),
			pr("p-deserve", rules.Positive, rules.After, "deserve"),
			cue("c-deserve-to-be", rules.Intent, "deserve to be"),
			cue("c-really", rules.Doubt, "really"),
			cue("c-or", rules.Alternative, "or"),
			cue("c-i-m-not-saying", rules.Outer, "i m not saying"),
			cue("c-aren", rules.Link, "aren"),
			cue("c-ce-sont", rules.Anaphor, "ce sont"),
			cue("c-who", rules.Relative, "who"),
			pr("p-decent-neighbours", rules.Positive, "", "decent neighbours like us"),
			{ID: "p-be-punished", Kind: rules.Phrase, Role: rules.Predicate, Class: rules.Violence, Category: rules.Threat, Text: "be punished", Weight: 0.9},
			{ID: "slur", Kind: rules.Term, Text: "slurword", Category: rules.Racism, Weight: 0.9},
			{ID: "slogan", Kind: rules.Phrase, Text: "racists rule", Category: rules.Racism, Weight: 0.9},
			{ID: "statement", Kind: rules.Phrase, Text: "women are property", Category: rules.Sexism, Weight: 0.9},
			{ID: "c-firewood", Kind: rules.Term, Role: rules.Cue, Class: rules.Sense, Category: rules.Racism, Text: "firewood"},
			{ID: "c-gearbox", Kind: rules.Term, Role: rules.Cue, Class: rules.Sense, Category: rules.Sexism, Text: "gearbox"},
		},
	}
}

type found struct {
	class   rules.Class
	cat     rules.Category
	target  string // the words of the target (or pronoun) in the post
	context frames.Context
}

func analyze(t *testing.T, text string) []found {
	t.Helper()
	l := lexicon()
	if err := l.Validate(); err != nil {
		t.Fatal(err)
	}
	e, err := match.Compile(l)
	if err != nil {
		t.Fatal(err)
	}
	m := e.NewMatcher()
	var a frames.Analyzer
	hits := m.Match(text)
	res := a.Analyze(text, m.Text, hits, e.Lists)
	var out []found
	for _, f := range res.Frames {
		out = append(out, found{f.Class, f.Category, text[f.Target.Start:f.Target.End], f.Context})
	}
	return out
}

func TestFrames(t *testing.T) {
	tests := []struct {
		text string
		want []found
	}{
		{"Immigrants are vermin", []found{{rules.Dehumanise, rules.Xenophobia, "Immigrants", ""}}},
		{"women are just too stupid to vote", []found{{rules.Derogate, rules.Sexism, "women", ""}}},
		{"Why are women so stupid?", []found{{rules.Derogate, rules.Sexism, "women", ""}}},
		{"stupid women everywhere", []found{{rules.Derogate, rules.Sexism, "women", ""}}},
		{"I hate immigrants", []found{{rules.Contempt, rules.Xenophobia, "immigrants", ""}}},
		{"immigrants hate the rain", nil}, // "hate" stands before its target
		{"immigrants should be deported", []found{{rules.Exclude, rules.Xenophobia, "immigrants", ""}}},
		// Innuendo (order any) that opens the phrase right after the
		// group's comments on it; not further, nor a predicate of
		// another order, nor one inside its phrase.
		{"immigrants and hard work, name a more unlikely duo", []found{{rules.Derogate, rules.Xenophobia, "immigrants", ""}}},
		{"immigrants and hard work, the rain today, name a more unlikely duo", nil},
		{"immigrants and hard work, what a surprise", nil},
		{"immigrants and hard work, I said name a more unlikely duo", nil},
		{"immigrants and hard work. name a more unlikely duo", nil},
		// A group named alone at the end of its sentence, with a pronoun
		// for it in the phrase before, is that phrase's.
		{"I hate them, the immigrants.", []found{{rules.Contempt, rules.Xenophobia, "immigrants", ""}}},
		{"I hate, the immigrants.", nil},
		{"I hate them, the immigrants and the rain.", nil},
		{"I hate them, the immigrants here.", nil},
		{"name a more unlikely duo, immigrants and hard work", []found{{rules.Derogate, rules.Xenophobia, "immigrants", ""}}},
		{"name a more unlikely duo I said, immigrants and hard work", nil},
		{"name a more unlikely duo, hard work and immigrants", nil},
		// A pronoun alone between commas opens the phrase after it.
		{"the immigrants, they, should be deported", []found{{rules.Exclude, rules.Xenophobia, "they", ""}}},
		{"the immigrants. They, should be deported", nil},
		{"kill every immigrant", []found{{rules.Threaten, rules.Threat, "immigrant", ""}}},
		// Inability denies a harm it states, not one it asks about: a
		// question why the harm cannot be done wishes it.
		{"we can't kill every immigrant", []found{{rules.Threaten, rules.Threat, "immigrant", frames.Negated}}},
		{"why can't we kill every immigrant?", []found{{rules.Threaten, rules.Threat, "immigrant", ""}}},
		{"Les musulmans sont des parasites", []found{{rules.Dehumanise, rules.Islamophobia, "musulmans", ""}}},
		{"women are vermin because the sky is blue", []found{{rules.Dehumanise, rules.Sexism, "women", ""}}},
		{"the women I met think the soup is stupid really", nil}, // no link between them
		// Context.
		// A group that hangs from a noun before it by an attach cue:
		// what follows is said of the noun, not of the group; a pronoun
		// that stands for the group, or a link before the cue, still
		// says it of the group.
		// A predicate that ends with the article the group's name
		// starts with.
		{"nique les juifs", []found{{rules.Contempt, rules.Antisemitism, "les juifs", ""}}},
		{"il y a des personnes trans ici", nil}, // « personnes » is no article
		{"the laws on immigrants are stupid", nil},
		{"les lois sur les musulmans sont stupid", nil},
		{"the laws on immigrants, they are vermin", []found{{rules.Dehumanise, rules.Xenophobia, "they", ""}}},
		{"on immigrants are vermin", []found{{rules.Dehumanise, rules.Xenophobia, "immigrants", ""}}},
		{"they are on immigrants are vermin", []found{{rules.Dehumanise, rules.Xenophobia, "immigrants", ""}}},
		{"I hate the laws on immigrants", nil},
		{"I hate stupid laws on immigrants", nil},
		{"I hate on immigrants", []found{{rules.Contempt, rules.Xenophobia, "immigrants", ""}}},
		// A predicate that opens with its own link (« comme la peste »).
		{"Les musulmans se répandent dans la ville comme la peste", []found{{rules.Dehumanise, rules.Islamophobia, "musulmans", ""}}},
		{"Immigrants are not vermin", []found{{rules.Dehumanise, rules.Xenophobia, "Immigrants", frames.Negated}}},
		// An insult right before the group is said whatever the clause
		// denies; a verb before its object is not an insult standing there.
		{"he never mocks immigrants", []found{{rules.Derogate, rules.Xenophobia, "immigrants", frames.Negated}}},
		// A refusal that answers a question denies what it asks,
		// whatever its class; in the same sentence it refuses only a harm.
		{"are immigrants human? Nope.", []found{{rules.Positive, rules.Xenophobia, "immigrants", ""}}},
		{"are immigrants stupid? Nope.", []found{{rules.Derogate, rules.Xenophobia, "immigrants", frames.Negated}}},
		{"immigrants are stupid, nope", []found{{rules.Derogate, rules.Xenophobia, "immigrants", ""}}},
		{"never stupid immigrants", []found{{rules.Derogate, rules.Xenophobia, "immigrants", ""}}},
		{"I don't hate immigrants", []found{{rules.Contempt, rules.Xenophobia, "immigrants", frames.Negated}}},
		{"Les musulmans ne sont pas des parasites", []found{{rules.Dehumanise, rules.Islamophobia, "musulmans", frames.Negated}}},
		// A French inverted question asks for agreement: its negation
		// denies nothing.
		{"Les musulmans ne sont-ils pas des parasites ?", []found{{rules.Dehumanise, rules.Islamophobia, "musulmans", ""}}},
		{"Les musulmans ne sont-ils pas des parasites.", []found{{rules.Dehumanise, rules.Islamophobia, "musulmans", frames.Negated}}},
		// A pronoun that repeats its group in the clause: a negation
		// before the group denies the pronoun's frame too.
		{"not even one immigrant they are vermin", []found{{rules.Dehumanise, rules.Xenophobia, "they", frames.Negated}}},
		// « ne … que » says "only": the « n » inside denies nothing,
		// unless another negation stands inside too.
		{"Les musulmans ne sont que des parasites", []found{{rules.Dehumanise, rules.Islamophobia, "musulmans", ""}}},
		{"Les musulmans ne sont pas que des parasites", []found{{rules.Dehumanise, rules.Islamophobia, "musulmans", frames.Negated}}},
		{"Les musulmans ne peuvent être qu'un problème", []found{{rules.Derogate, rules.Islamophobia, "musulmans", ""}}},
		{"Les musulmans ne peuvent pas être un problème", []found{{rules.Derogate, rules.Islamophobia, "musulmans", frames.Negated}}},
		// A group's name is no slur because a flagging phrase holds it:
		// a sense cue nearby leaves the frame alone ("women belong in the
		// kitchen, not in the garden").
		{"women are property and stupid by the gearbox", []found{{rules.Derogate, rules.Sexism, "women", ""}}},
		{"immigrants are not human", []found{{rules.Positive, rules.Xenophobia, "immigrants", ""}}},
		{"immigrants can't be trusted", []found{{rules.Positive, rules.Xenophobia, "immigrants", ""}}},
		{"immigrants will never be trusted", []found{{rules.Positive, rules.Xenophobia, "immigrants", ""}}},
		// At the head of a question, an inability still denies; a negation
		// asks for agreement.
		{"Can't immigrants ever be trusted?", []found{{rules.Positive, rules.Xenophobia, "immigrants", ""}}},
		{"Aren't immigrants human?", []found{{rules.Positive, rules.Xenophobia, "immigrants", frames.Praised}}},
		// Spoken French drops « ne »: the negation follows its verb.
		{"les musulmans bossent jamais", []found{{rules.Positive, rules.Islamophobia, "musulmans", ""}}},
		{"les musulmans bossent", []found{{rules.Positive, rules.Islamophobia, "musulmans", frames.Praised}}},
		{"immigrants are human", []found{{rules.Positive, rules.Xenophobia, "immigrants", frames.Praised}}},
		// A challenge of more than one word right before the group, in a
		// question, dares the reader to find the good said of it, and so
		// denies it; a tag of a word or two after a comma still asks.
		{"Is there a single honest immigrant?", []found{{rules.Positive, rules.Xenophobia, "immigrant", ""}}},
		{"Is there a single honest immigrant, seriously?", []found{{rules.Positive, rules.Xenophobia, "immigrant", ""}}},
		{"There is a single honest immigrant here.", []found{{rules.Positive, rules.Xenophobia, "immigrant", frames.Praised}}},
		{"a single honest immigrant, why would I even ask?", []found{{rules.Positive, rules.Xenophobia, "immigrant", frames.Praised}}},
		{"Is one honest immigrant coming?", []found{{rules.Positive, rules.Xenophobia, "immigrant", frames.Praised}}},
		{"Calling immigrants vermin is wrong", []found{{rules.Dehumanise, rules.Xenophobia, "immigrants", frames.Countered}}},
		// What follows a contrast is said whatever came before it.
		{"Calling immigrants vermin is wrong but immigrants are stupid", []found{
			{rules.Dehumanise, rules.Xenophobia, "immigrants", frames.Countered},
			{rules.Derogate, rules.Xenophobia, "immigrants", ""}}},
		{`"Immigrants are vermin" is a vile thing to say`, []found{{rules.Dehumanise, rules.Xenophobia, "Immigrants", frames.Quoted}}},
		{`He said 'women are stupid' and left`, []found{{rules.Derogate, rules.Sexism, "women", frames.Quoted}}},
		{"> women are stupid\nno, you are", []found{{rules.Derogate, rules.Sexism, "women", frames.Quoted}}},
		{"ok\n> women are stupid\nno, you are", []found{{rules.Derogate, rules.Sexism, "women", frames.Quoted}}},
		{"5 > 3 and women are stupid", []found{{rules.Derogate, rules.Sexism, "women", ""}}},
		{"A man was sentenced for shouting that immigrants are vermin", []found{{rules.Dehumanise, rules.Xenophobia, "immigrants", frames.Reported}}},
		// Pronouns refer back to a target named before.
		{"I met some immigrants yesterday. They are vermin", []found{{rules.Dehumanise, rules.Xenophobia, "They", ""}}},
		{"They are vermin", nil},
		{"I don't hate women but they are stupid", []found{{rules.Contempt, rules.Sexism, "women", frames.Negated}, {rules.Derogate, rules.Sexism, "they", ""}}},
		// Spelling variants of lexicon words.
		{"Imigrants are vermin", []found{{rules.Dehumanise, rules.Xenophobia, "Imigrants", ""}}},
		{"immigarnts are vermin", []found{{rules.Dehumanise, rules.Xenophobia, "immigarnts", ""}}},
		{"immigrants are vermmin", []found{{rules.Dehumanise, rules.Xenophobia, "immigrants", ""}}},
		{"ihate immigrants", []found{{rules.Contempt, rules.Xenophobia, "immigrants", ""}}},
		{"imm igrants are vermin", []found{{rules.Dehumanise, rules.Xenophobia, "imm igrants", ""}}},
		{"ihateimmigrants so much", []found{{rules.Contempt, rules.Xenophobia, "immigrants", ""}}},
		{"immigrantsarevermin!", []found{{rules.Dehumanise, rules.Xenophobia, "immigrants", ""}}},
		{"unfortunately the weather", nil},
		{"immigrants are vermon", nil}, // a letter replaced is not a variant
		{"muzulmans sont des parasites", []found{{rules.Dehumanise, rules.Islamophobia, "muzulmans", ""}}}, // but a z for an s is
		{"i mmig rants are vermin", []found{{rules.Dehumanise, rules.Xenophobia, "i mmig rants", ""}}},
		{"the mig rants are vermin", nil}, // three words joined make a longer word only
		// A negation that asks for agreement is none.
		{"Aren't immigrants just vermin?", []found{{rules.Dehumanise, rules.Xenophobia, "immigrants", ""}}},
		// Inflected verbs of the lexicons.
		{"immigrants keep robbing us", []found{{rules.Derogate, rules.Xenophobia, "immigrants", ""}}},
		{"women ruined it, women whining again", []found{{rules.Derogate, rules.Sexism, "women", ""}, {rules.Derogate, rules.Sexism, "women", ""}}},
		{"immigrants keep robin hood films alive", nil},
		// A violent act is a threat after an intent or an obligation.
		{"I'll beat the next immigrant I see", []found{{rules.Violence, rules.Threat, "immigrant", ""}}},
		{"immigrants should be beaten", []found{{rules.Violence, rules.Threat, "immigrants", ""}}},
		{"an immigrant was beaten last night", nil},
		// Denied, a violent act says no harm is meant; in a question, a
		// negation wishes it.
		{"I never beat immigrants", []found{{rules.Violence, rules.Threat, "immigrants", frames.Negated}}},
		{"why are immigrants not beaten?", nil},
		// A good whose complement is a harm says the harm: deserving a
		// beating is no good said, and denying it no good denied.
		{"immigrants deserve respect", []found{{rules.Positive, rules.Xenophobia, "immigrants", frames.Praised}}},
		{"immigrants deserve to be beaten", []found{{rules.Violence, rules.Threat, "immigrants", ""}}},
		{"immigrants don't deserve to be beaten", []found{{rules.Violence, rules.Threat, "immigrants", frames.Negated}}},
		{"immigrants don't deserve in any way to be beaten", []found{{rules.Violence, rules.Threat, "immigrants", frames.Negated}}},
		{"immigrants don't deserve respect", []found{{rules.Positive, rules.Xenophobia, "immigrants", ""}}},
		// A doubt before a good in a question denies it; not outside a
		// question, nor before a tag, which asks for agreement.
		{"can immigrants really be trusted?", []found{{rules.Positive, rules.Xenophobia, "immigrants", ""}}},
		{"immigrants can really be trusted", []found{{rules.Positive, rules.Xenophobia, "immigrants", frames.Praised}}},
		{"immigrants can really be trusted, right?", []found{{rules.Positive, rules.Xenophobia, "immigrants", frames.Praised}}},
		// A predicate offered as the alternative of one that completes
		// the link is said of the group however long the first is; not
		// one that follows it without the cue.
		{"are immigrants decent neighbours like us or vermin?", []found{{rules.Positive, rules.Xenophobia, "immigrants", frames.Praised}, {rules.Dehumanise, rules.Xenophobia, "immigrants", ""}}},
		{"are immigrants decent neighbours like us and vermin?", []found{{rules.Positive, rules.Xenophobia, "immigrants", frames.Praised}}},
		// An outer negation denies the statement after it, or cancels
		// the statement's own negation.
		{"I'm not saying immigrants are vermin", []found{{rules.Dehumanise, rules.Xenophobia, "immigrants", frames.Negated}}},
		{"I'm not saying immigrants aren't vermin", []found{{rules.Dehumanise, rules.Xenophobia, "immigrants", ""}}},
		{"I'm not saying immigrants aren't human", []found{{rules.Positive, rules.Xenophobia, "immigrants", frames.Praised}}},
		{"I'm not saying it, immigrants are vermin", []found{{rules.Dehumanise, rules.Xenophobia, "immigrants", ""}}}, // a comma ends its reach
		// A good in a relative clause right after the group says which
		// members are meant, no praise; not when the clause denies it.
		{"immigrants who are human", nil},
		{"immigrants are human", []found{{rules.Positive, rules.Xenophobia, "immigrants", frames.Praised}}},
		{"immigrants who aren't human", []found{{rules.Positive, rules.Xenophobia, "immigrants", ""}}},
		// A counter cue of order before judges the act it heads, not
		// one a group right before it does.
		{"attacking immigrants is wrong, they are human", []found{{rules.Positive, rules.Xenophobia, "they", frames.Praised}}},
		{"immigrants keep attacking us, they are vermin", []found{{rules.Dehumanise, rules.Xenophobia, "they", ""}}},
		{"attacking us all day, immigrants are vermin", []found{{rules.Dehumanise, rules.Xenophobia, "immigrants", frames.Countered}}},
		{"immigrants spend all day long attacking us, they are vermin", []found{{rules.Dehumanise, rules.Xenophobia, "they", ""}}}, // the group opens the phrase
		{"we saw people spend all day attacking immigrants, they are human", []found{{rules.Positive, rules.Xenophobia, "they", frames.Praised}}},
		// Contempt for the sight of a harm done to the group is no
		// contempt for the group.
		{"I hate seeing immigrants beaten", nil},
		{"I hate seeing immigrants", []found{{rules.Contempt, rules.Xenophobia, "immigrants", ""}}},
		// A good said before "but" in its sentence is a disclaimer.
		{"immigrants are human but whatever", nil},
		{"immigrants are human. But whatever", []found{{rules.Positive, rules.Xenophobia, "immigrants", frames.Praised}}},
		// An intent cue may end inside the act it announces.
		{"immigrants deserve to be punished", []found{{rules.Violence, rules.Threat, "immigrants", ""}}},
		{"immigrants don't deserve to be punished", []found{{rules.Violence, rules.Threat, "immigrants", frames.Negated}}},
		{"immigrants be punished", nil},
		{"I'll not beat an immigrant", []found{{rules.Violence, rules.Threat, "immigrant", frames.Negated}}},
		{"No one should ever be allowed to beat an immigrant", []found{{rules.Violence, rules.Threat, "immigrant", frames.Negated}}}, // a harm denied from the head of its phrase
		{"immigrants are vermin and no one should think otherwise", []found{{rules.Dehumanise, rules.Xenophobia, "immigrants", ""}}},
		// A pronoun of two words (« ce sont ») stands for the group named before.
		{"Des musulmans partout. Ce sont des parasites", []found{{rules.Dehumanise, rules.Islamophobia, "Ce sont", ""}}},
		// A pronoun inside the predicate stands for the group named last.
		{"Immigrants? Lock them up.", []found{{rules.Exclude, rules.Xenophobia, "them", ""}}},
		{"Les musulmans ? Je les hais.", []found{{rules.Contempt, rules.Islamophobia, "les", ""}}},
		{"Je les hais.", nil},
		{"Les musulmans sont là. Les parasites sont partis", nil}, // « les » outside a predicate is an article
		// A slur named by its own group is reclaimed, in a frame too.
		{"we're slurwords and we are not stupid", []found{{rules.Derogate, rules.Racism, "slurwords", frames.Negated}}},
		{"we're stupid slurwords and proud", []found{{rules.Derogate, rules.Racism, "slurwords", frames.Reclaimed}}},
		// A clause ends at a sentence break.
		{"I saw immigrants. Vermin, all of it", nil},
		// An insult before its group is said whatever the clause denies.
		{"I don't want stupid immigrants here", []found{{rules.Derogate, rules.Xenophobia, "immigrants", ""}}},
		{"I don't want immigrants here, they are not stupid", []found{{rules.Derogate, rules.Xenophobia, "they", frames.Negated}}},
		// A quality named by an insult is no praise.
		{"immigrants are stupid humans", []found{{rules.Derogate, rules.Xenophobia, "immigrants", ""}}},
		// Speech is reported in the clause that says so.
		{"A man was sentenced. Immigrants are vermin", []found{{rules.Dehumanise, rules.Xenophobia, "Immigrants", ""}}},
		{"A man was sentenced for saying that immigrants are vermin", []found{{rules.Dehumanise, rules.Xenophobia, "immigrants", frames.Reported}}},
		// The « n' » of a predicate that holds its own negation is its own.
		{"les musulmans n'apportent rien", []found{{rules.Derogate, rules.Islamophobia, "musulmans", ""}}},
		// A dare to name one who is not P says P of them all.
		{"Is there a single immigrant who isn't stupid?", []found{{rules.Derogate, rules.Xenophobia, "immigrant", ""}}},
		{"There is a single immigrant who isn't stupid.", []found{{rules.Derogate, rules.Xenophobia, "immigrant", frames.Negated}}},
		{"Is there a single immigrant out there who isn't stupid?", []found{{rules.Derogate, rules.Xenophobia, "immigrant", ""}}},
		// A negation bears on its own phrase only.
		{"Immigrants are not vermin, they are human", []found{{rules.Dehumanise, rules.Xenophobia, "Immigrants", frames.Negated}, {rules.Positive, rules.Xenophobia, "they", frames.Praised}}},
		{"women are stupid, not a doubt", []found{{rules.Derogate, rules.Sexism, "women", ""}}},
		// Only a negation that opens a question asks for agreement.
		{"Why aren't women stupid?", []found{{rules.Derogate, rules.Sexism, "women", ""}}},
		{"I don't hate immigrants, why would I?", []found{{rules.Contempt, rules.Xenophobia, "immigrants", frames.Negated}}},
		// A link governs the phrases after it until another link.
		{"women are vermin, stupid and loud", []found{{rules.Dehumanise, rules.Sexism, "women", ""}, {rules.Derogate, rules.Sexism, "women", ""}}},
		{"Les musulmans sont là, les parasites sont partis", nil},
		// Outside "T are P", a predicate bears on its phrase's group.
		{"immigrants came, I'll beat the record", nil},
	}
	for _, tt := range tests {
		got := analyze(t, tt.text)
		if len(got) != len(tt.want) {
			t.Errorf("%q: frames %+v, want %+v", tt.text, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("%q: frame %d is %+v, want %+v", tt.text, i, got[i], tt.want[i])
			}
		}
	}
}

// compiled returns a matcher of the lexicon, and the lexicon.
func compiled(t *testing.T) (*match.Matcher, *match.Engine, *rules.List) {
	t.Helper()
	l := lexicon()
	e, err := match.Compile(l)
	if err != nil {
		t.Fatal(err)
	}
	return e.NewMatcher(), e, l
}

func TestHitContexts(t *testing.T) {
	m, e, l := compiled(t)
	var a frames.Analyzer
	for text, want := range map[string]frames.Context{
		"you slurword":                                frames.None,
		"we're slurwords and proud of it":             frames.Reclaimed,
		"slurwords, we're coming for you":             frames.None,
		"slurword and proud, that's me":               frames.Reclaimed, // the cue after the slur
		"stupid slurword and proud, that's you":       frames.None,      // an insult throws it
		"slurword, you are a proud man and proud":     frames.None,      // too far after
		"stop calling people slurword":                frames.Countered,
		"calling people slurword is vile":             frames.Countered,
		`he wrote "slurword" on the wall, police say`: frames.Quoted,
		"‘slurword’, said the preacher":               frames.Quoted, // a single quote closes before a comma
		"a man was sentenced for shouting slurword":   frames.Reported,
		// A sense cue of the slur's category nearby in its clause gives
		// it its innocent sense, unless an insult qualifies it.
		"a slurword of sticks for the firewood":                           frames.Homonym,
		"firewood, a slurword":                                            frames.Homonym,
		"a stupid slurword of sticks for the firewood":                    frames.None,
		"a slurword of sticks for the gearbox":                            frames.None, // another category
		"a slurword. firewood":                                            frames.None, // another sentence
		"a slurword and one two three four five six seven eight firewood": frames.None, // too far
		// Only a slur of one word: a flagging phrase of the category
		// keeps its sense ("women belong in the kitchen, not in the
		// garden" is no garden tool).
		"racists rule, said the firewood seller": frames.None,
		// A flagging statement of several words is denied by a negation
		// just before it in its clause; a slur is not.
		"women are property":                       frames.None,
		"I don't think women are property":         frames.Negated,
		"I don't know why, but women are property": frames.None, // another clause
		"don't you slurword":                       frames.None, // a slur
	} {
		hits := m.Match(text)
		res := a.Analyze(text, m.Text, hits, e.Lists)
		got := frames.Context("missing")
		for i, h := range hits {
			if id := l.Rules[h.Rule].ID; id == "slur" || id == "slogan" || id == "statement" {
				got = res.HitContext[i]
			}
		}
		if got != want {
			t.Errorf("%q: flagging context %q, want %q", text, got, want)
		}
	}
}

// TestPostContext checks the context the model's reason takes from the
// whole post.
func TestPostContext(t *testing.T) {
	m, e, _ := compiled(t)
	var a frames.Analyzer
	for text, want := range map[string]frames.Context{
		"immigrants ruin everything":                          frames.None,
		"immigrants are not the problem":                      frames.Negated,
		"not a single immigrant was there":                    frames.Negated,
		"women take every job, not a joke":                    frames.None, // another phrase
		"women get promoted and the tax office will not help": frames.None, // too far
		"Aren't women always late?":                           frames.None, // asks for agreement
		"calling women a burden is sad":                       frames.Countered,
		"a man was sentenced over the immigrant":              frames.Reported,
		`"immigrants take our jobs" they shout. Sad`:          frames.Quoted,
		"women are vermin but women are not stupid":           frames.None, // a frame counts
		"we're women and we run this":                         frames.Reclaimed,
		"we're here to kill immigrants":                       frames.None, // "we" threaten
		"immigrants are human":                                frames.Praised,
		// What a group can't do or will never be is said against it.
		"immigrants can't drive":      frames.None,
		"immigrants will never learn": frames.None,
		"immigrants never learn":      frames.Negated,
		// Every frame negated, and counter-speech in the post: the
		// negation is the counter-speech's.
		"immigrants are not vermin, stop calling them that": frames.Countered,
		// A challenge answered at once: the negation is the question's.
		"Ever met an immigrant who isn't stupid? Neither did I.": frames.None,
		"Ever met an immigrant who isn't stupid?":                frames.Negated,
		// Reported speech, unless the speaker agrees with it or a
		// later clause speaks of the group as its own subject.
		"my uncle says immigrants ruin everything":                frames.Reported,
		"my uncle says immigrants ruin everything and he's right": frames.None,
		"my uncle says he met an immigrant. They are here":        frames.None,
		"my uncle says he met an immigrant. I met them too":       frames.Reported,
		// A harm asked about and refused at once is denied, or refused
		// by a phrase of its own after it in its sentence; asked and not
		// refused, or followed by a phrase that only opens with a
		// refusal, it is not.
		"Should I kill immigrants? Never in a million years.":    frames.Negated,
		"Should I kill immigrants? Yes.":                         frames.None,
		"Should I kill immigrants, never in a million years":     frames.Negated,
		"kill immigrants, never in a million years let them out": frames.None,
		// A speaker of the group speaks of their own, whatever a
		// negation near the group denies.
		"we're immigrants and aren't leaving": frames.Reclaimed,
	} {
		hits := m.Match(text)
		if got := a.Analyze(text, m.Text, hits, e.Lists).Context; got != want {
			t.Errorf("%q: post context %q, want %q", text, got, want)
		}
	}
}
