#!/usr/bin/env python3
"""Writes battery2-en.jsonl and battery2-fr.jsonl, a blind templated battery.

The Voile developers wrote every template below for this project, in their
own words, without looking at the classifier's lexicons, frames or tests and
without consulting any published functional test suite for hate speech
(HateCheck and Multilingual HateCheck included). See battery2.md.

Content warning: the hateful templates contain insults, slurs, dehumanising
comparisons and threats aimed at protected groups. They exist only to test
the classifier.

Usage: python3 shared/eval/testdata/battery2.py
The output is deterministic (no randomness): running it twice gives the same
files byte for byte.

Split rule: within each function, the templates are numbered from 0 in the
order written here; even-numbered templates go to "b2-dev", odd-numbered
ones to "b2-test". All fillings of one template share its split.
"""

import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

HATEFUL = [
    "derogation", "dehumanisation", "implicit_derogation", "threat_direct",
    "threat_normative", "slur", "profanity_hate", "pronoun_clause",
    "pronoun_sentence", "negated_positive", "question", "opinion",
    "spelling_swap", "spelling_drop", "spelling_noboundary",
    "spelling_spaces", "spelling_leet",
]
NONHATEFUL = [
    "negated_hate", "neutral_identity", "positive_identity", "counter_quote",
    "counter_reference", "abuse_object", "abuse_individual",
    "abuse_nonprotected", "profanity_nohate", "reclaimed_slur", "homonym",
    "news",
]
ORDER = HATEFUL + NONHATEFUL


def cap(s):
    return s[:1].upper() + s[1:] if s else s


# ---------------------------------------------------------------------------
# Spelling alterations (deterministic).

VOWELS = set("aeiouyàâäéèêëîïôöùûüAEIOUYÉÈ")
LEET = {"a": "4", "A": "4", "e": "3", "E": "3", "i": "1", "I": "1",
        "o": "0", "O": "0"}


def alt_swap(w):
    """Swaps two adjacent, different letters near the middle of w."""
    n = len(w)
    if n < 3:
        return w[::-1]
    start = max(1, n // 2 - 1)
    order = list(range(start, n - 1)) + list(range(1, start)) + [0]
    for i in order:
        if i + 1 < n and w[i] != w[i + 1] and w[i].isalpha() and w[i + 1].isalpha():
            return w[:i] + w[i + 1] + w[i] + w[i + 2:]
    return w


def alt_drop(w):
    """Drops one letter: one of a doubled pair, else the interior vowel
    nearest the middle (the later one on a tie), else the middle letter."""
    n = len(w)
    for i in range(1, n - 1):
        if w[i] == w[i + 1] and w[i].isalpha():
            return w[:i] + w[i + 1:]
    mid = n // 2
    best = None
    for i in range(1, n - 1):
        if w[i] in VOWELS:
            if best is None or abs(i - mid) <= abs(best - mid):
                best = i
    if best is None:
        best = mid
    return w[:best] + w[best + 1:]


def alt_spaces(w):
    return " ".join(w)


def alt_leet(w):
    out = "".join(LEET.get(c, c) for c in w)
    if out == w:
        out = w.replace("s", "5").replace("S", "5")
    return out


def alt_noboundary(span):
    """Removes the first space of span (two words glued together)."""
    return span.replace(" ", "", 1)


ALTER = {
    "spelling_swap": alt_swap,
    "spelling_drop": alt_drop,
    "spelling_spaces": alt_spaces,
    "spelling_leet": alt_leet,
}


def alter_span(func, span):
    if func == "spelling_noboundary":
        return alt_noboundary(span)
    f = ALTER[func]
    return " ".join(f(tok) for tok in span.split(" "))


def alter_key(func, phrase, key):
    """Alters the group's key word inside phrase."""
    if func == "spelling_noboundary":
        return phrase
    i = phrase.find(key)
    if i < 0:
        raise ValueError("key %r not in %r" % (key, phrase))
    return phrase[:i] + ALTER[func](key) + phrase[i + len(key):]


# ---------------------------------------------------------------------------
# Templates.


class T:
    """One template. text holds {placeholders}; for French, [m|f] picks by
    grammatical gender; <<span>> marks the span a spelling function alters.
    only/excl restrict the groups; per gives a per-group phrase ({st});
    fills replaces the groups with other fillers; form (French) says which
    noun phrase of the group the template uses; gsrc says where the gender
    comes from ("form", "slur" or "fill")."""

    def __init__(self, text, only=None, excl=(), per=None, fills=None,
                 form=None, gsrc=None, slur=False):
        self.text = text
        self.only = only
        self.excl = set(excl)
        self.per = per
        self.fills = fills
        self.form = form
        self.gsrc = gsrc
        self.slur = slur


# ---------------------------------------------------------------------------
# English groups.

EN_GROUPS = [
    dict(key="women", pl="women", sg="a woman", n1="woman", sgn="a woman",
         word="women", cat="sexism", slur1="bitch", slurs="bitches"),
    dict(key="trans", pl="trans people", sg="a trans person", n1="trans person",
         sgn="a trans woman", word="trans", cat="lgbtphobia",
         slur1="tranny", slurs="trannies"),
    dict(key="gay", pl="gay people", sg="a gay guy", n1="gay guy",
         sgn="a gay man", word="gay", cat="lgbtphobia",
         slur1="faggot", slurs="faggots"),
    dict(key="black", pl="Black people", sg="a Black person", n1="Black person",
         sgn="a Black man", word="Black", cat="racism",
         slur1="nigger", slurs="niggers"),
    dict(key="disabled", pl="disabled people", sg="a disabled person",
         n1="disabled person", sgn="a disabled woman", word="disabled",
         cat="disability", slur1="retard", slurs="retards"),
    dict(key="muslims", pl="Muslims", sg="a Muslim", n1="Muslim",
         sgn="a Muslim woman", word="Muslims", cat="islamophobia",
         slur1="raghead", slurs="ragheads"),
    dict(key="immigrants", pl="immigrants", sg="an immigrant", n1="immigrant",
         sgn="an immigrant", word="immigrants", cat="xenophobia"),
    dict(key="jews", pl="Jews", sg="a Jew", n1="Jew", sgn="a Jewish man",
         word="Jews", cat="antisemitism", slur1="kike", slurs="kikes"),
    dict(key="refugees", pl="refugees", sg="a refugee", n1="refugee",
         sgn="a refugee", word="refugees", cat="xenophobia"),
    dict(key="lesbians", pl="lesbians", sg="a lesbian", n1="lesbian",
         sgn="a lesbian", word="lesbians", cat="lgbtphobia",
         slur1="dyke", slurs="dykes"),
    dict(key="roma", pl="Roma", sg="a Roma man", n1="Roma", sgn="a Roma woman",
         word="Roma", cat="racism", slur1="gyppo", slurs="gyppos"),
    dict(key="asian", pl="Asian people", sg="an Asian person",
         n1="Asian person", sgn="an Asian man", word="Asian", cat="racism",
         slur1="chink", slurs="chinks"),
]


def en_vars(g, func):
    v = dict(pl=g["pl"], Pl=cap(g["pl"]), sg=g["sg"], Sg=cap(g["sg"]),
             n1=g["n1"], sgn=g["sgn"], Sgn=cap(g["sgn"]))
    if func.startswith("spelling_") and func != "spelling_noboundary":
        a = alter_key(func, g["pl"], g["word"])
        v["plA"] = a
        v["PlA"] = cap(a)
    if "slurs" in g:
        v.update(slur1=g["slur1"], slurs=g["slurs"], Slurs=cap(g["slurs"]))
    return v


EN_IMPL1 = {
    "women": "should stick to cooking and cleaning and leave the thinking to men",
    "trans": "need a psychiatrist, not a new passport",
    "gay": "should crawl back into the closet and stay there",
    "black": "would still be living in mud huts if it weren't for us",
    "disabled": "should be kept indoors where the rest of us don't have to look at them",
    "muslims": "can take their prayer mats and go back to the desert",
    "immigrants": "should be grateful we let them in and keep their mouths shut",
    "jews": "always end up owning the banks and the newspapers, funny that",
    "refugees": "can afford the latest iPhone but somehow not a ticket home",
    "lesbians": "just need a real man to sort them out",
    "roma": "have your wallet before you've even noticed them",
    "asian": "should go back to eating bats and leave the rest of us alone",
}

EN_IMPL2 = {
    "women": "belong at the stove, not in the boardroom",
    "trans": "are blokes in wigs playing dress-up",
    "gay": "shouldn't be allowed anywhere near children",
    "black": "are good for running and rapping and not much else",
    "disabled": "are a waste of a perfectly good hospital bed",
    "muslims": "all have a cousin who knows how to build a bomb",
    "immigrants": "come here for the benefits, not the weather",
    "jews": "would sell their own grandmother if the price was right",
    "refugees": "are just economic migrants with a sob story",
    "lesbians": "are just women no man wanted",
    "roma": "are born with sticky fingers",
    "asian": "will eat anything that moves, cats and dogs included",
}

EN_OBJECTS_A = ["printer", "phone charger", "blender", "air fryer", "laptop",
                "kettle", "vacuum cleaner", "hairdryer", "router", "toaster"]

EN_NONPROT = ["politicians", "referees", "bankers", "estate agents",
              "landlords", "Chelsea fans", "cyclists", "taxi drivers",
              "traffic wardens", "influencers", "crypto bros", "lawyers"]

EN_PEOPLE = ["Dave", "Kevin", "Sharon", "Gary", "Becky", "Callum",
             "Megan", "Jess", "Tom", "Lisa"]

EN_RECLAIM = [
    dict(m="lesbian", s="dyke", snp="a dyke", spl="dykes"),
    dict(m="butch lesbian", s="dyke", snp="a dyke", spl="dykes"),
    dict(m="gay man", s="fag", snp="a fag", spl="fags"),
    dict(m="gay guy", s="queer", snp="queer", spl="queers"),
    dict(m="nonbinary person", s="queer", snp="queer", spl="queers"),
    dict(m="bi woman", s="queer", snp="queer", spl="queers"),
    dict(m="wheelchair user", s="crip", snp="a crip", spl="crips"),
    dict(m="disabled woman", s="crip", snp="a crip", spl="crips"),
]
for _r in EN_RECLAIM:
    _r["S"] = cap(_r["s"])

EN = {
    "derogation": [
        T("{Pl} are honestly the most pathetic people I've ever had to share a city with."),
        T("Can't put into words how much I despise {pl}, every last one of them."),
        T("{Pl} are lazy, dishonest and a drain on everyone around them."),
        T("Nothing good has ever come from {pl}. Nothing."),
        T("the sheer stupidity of {pl} never stops amazing me"),
        T("{Pl} are a disgrace to this country and they always will be."),
        T("Every {n1} I've ever met was a liar and a cheat."),
        T("{Pl} make me physically sick, I can't even be in the same room as them."),
        T("{Pl} are born liars, it's in their nature."),
        T("sick to death of {pl}. worthless, the whole lot of them"),
    ],
    "dehumanisation": [
        T("{Pl} breed like rats and spread just as fast."),
        T("{Pl} are a disease eating this country from the inside."),
        T("{Pl} are cockroaches. You see one and there's a hundred more behind the skirting board."),
        T("Honestly {pl} are more animal than human."),
        T("{Pl} are filth. Walking, talking filth."),
        T("Any estate that fills up with {pl} turns into a pigsty, because that's what they are: pigs."),
        T("{Pl} spread through a city like mould through a damp flat."),
        T("{Pl} are parasites feeding off the rest of us."),
        T("the stench of {pl} follows them everywhere, like the rodents they are"),
    ],
    "implicit_derogation": [
        T("{Pl} would feel more at home in a zoo enclosure than on my street."),
        T("Put {pl} in charge of anything and watch it fall apart inside a week."),
        T("You can always tell when {pl} have moved onto a street. The bins, the noise, the smell.", excl=["women"]),
        T("I'd never let my daughter bring {sg} home. Never.", excl=["women"]),
        T("{Pl} {st}.", per=EN_IMPL1),
        T("Let's be honest, {pl} {st}.", per=EN_IMPL2),
        T("I cross the road when I see {pl} coming, and so should you.", excl=["women"]),
        T("The day this country has no more {pl} in it, we'll all breathe easier.", excl=["women"]),
    ],
    "threat_direct": [
        T("I will hunt down every one of the {pl} in this town, one by one."),
        T("Next {n1} who looks at me funny is getting my fist through their teeth."),
        T("I'm going to torch the first place I find full of {pl}."),
        T("swear down if I see any {pl} near my kids' school I'm putting them in hospital", excl=["women"]),
        T("I'm going to make life hell for every {n1} on this estate until they leave or end up dead."),
        T("Me and the lads are paying the {pl} round here a visit tonight. Bring the bats."),
        T("I'll run over the next {n1} I see crossing the road, I mean it."),
        T("I've got a rifle and a list of {pl} in this town. Not joking."),
    ],
    "threat_normative": [
        T("{Pl} should be lined up against a wall and shot."),
        T("Someone ought to round up all the {pl} and put them on a one-way boat."),
        T("{Pl} need to be wiped off the face of the earth."),
        T("Honestly {pl} should be locked up in camps, all of them."),
        T("We should burn out every {n1} in this town."),
        T("{Pl} deserve a good beating every time they show their faces."),
        T("It's time {pl} were driven out of this country by force."),
        T("{Pl} should be sterilised so there are fewer of them."),
    ],
    "slur": [
        T("Get these {slurs} out of my sight.", slur=True),
        T("Shut up, you filthy {slur1}.", slur=True),
        T("Another bunch of {slurs} moved onto our road, great.", slur=True),
        T("{Slurs} ruin every single thing they touch.", slur=True),
        T("lol look at that {slur1} trying to act normal", slur=True),
        T("No {slurs} allowed in my pub, simple as.", slur=True),
        T("whole carriage full of {slurs} this morning, nearly gagged", slur=True),
        T("{Slurs} like you shouldn't even be allowed to vote.", slur=True),
    ],
    "profanity_hate": [
        T("Fuck {pl}. Seriously, fuck every last one of them."),
        T("{Pl} are fucking scum, always have been."),
        T("I'm so sick of these shitty {pl} ruining everything."),
        T("Goddamn {pl} can piss off back to whatever hole they crawled out of."),
        T("{Pl} are a shit stain on this country."),
        T("bloody {pl}, worthless fucking lot"),
    ],
    "pronoun_clause": [
        T("I walked past a group of {pl} at the station and honestly they're the most disgusting people alive."),
        T("My landlord keeps renting to {pl}, even though everyone knows they're a bunch of thieves."),
        T("The council wants more {pl} in our area, as if they weren't already a plague on this town."),
        T("Whenever I see {pl} on the news I remember that they're all worthless leeches."),
        T("They keep telling us to be nice to {pl}, but I'd happily see them all locked away."),
        T("People say {pl} are just like us, but they're barely human and never will be."),
    ],
    "pronoun_sentence": [
        T("There's a new bunch of {pl} at work. They're vile, every one of them."),
        T("Just walked past some {pl} on the high street. They make me want to throw up."),
        T("You asked what I think of {pl}? They should all be thrown out of the country."),
        T("My sister's flatmates are {pl} now. They're trash and she needs to move out.", excl=["women"]),
        T("{Pl} were on TV again last night. Honestly, they're the lowest form of life."),
        T("Another article about {pl}. Can't stand them, they're a cancer."),
    ],
    "negated_positive": [
        T("{Pl} are not worth the air they breathe."),
        T("I'll never respect {pl}, not in a million years."),
        T("Not one {n1} has ever contributed anything to this country."),
        T("{Pl} don't deserve the same rights as normal people."),
        T("There's no such thing as a decent {n1}."),
        T("{Pl} will never be equal to the rest of us, and they shouldn't be."),
    ],
    "question": [
        T("Why are {pl} always so dirty?"),
        T("Why do {pl} have to ruin every place they go?"),
        T("Is there anything more useless than {pl}?"),
        T("Can someone explain why we still let {pl} vote?"),
        T("How are {pl} even allowed near children?"),
        T("Why can't {pl} just go and die somewhere quietly?"),
    ],
    "opinion": [
        T("I think {pl} are a menace to society, sorry not sorry."),
        T("Honestly, {pl} are the worst thing that ever happened to this country."),
        T("In my view {pl} are genetically inferior, and the science backs me up."),
        T("Unpopular opinion but {pl} are disgusting and should keep away from the rest of us."),
        T("imo {pl} are subhuman trash"),
        T("Personally I believe {pl} are a stain on humanity."),
    ],
    "spelling_swap": [
        T("{PlA} are the scum of the earth."),
        T("I can't stand {plA}, they're revolting."),
        T("{Pl} are <<disgusting>> animals."),
        T("All {pl} are <<worthless>> and always will be."),
    ],
    "spelling_drop": [
        T("{PlA} should be thrown out of this country."),
        T("I hate {plA} with every fibre of my being."),
        T("{Pl} are <<parasites>>, nothing more."),
        T("{Pl} are <<vermin>>, plain and simple."),
    ],
    "spelling_noboundary": [
        T("Get rid of <<these {pl}>> now."),
        T("I'm so done with <<fucking {pl}>>."),
        T("{Pl} are <<total scum>>."),
        T("{Pl} are <<human garbage>>, all of them."),
    ],
    "spelling_spaces": [
        T("{PlA} out. Now."),
        T("I loathe {plA}, every single one."),
        T("{Pl} are <<vermin>>."),
        T("{Pl} are <<scum>> and everyone knows it."),
    ],
    "spelling_leet": [
        T("{PlA} are a plague on this country."),
        T("Death to {plA}."),
        T("{Pl} are <<animals>>."),
        T("{Pl} are <<disgusting>> and I want them gone."),
    ],
    "negated_hate": [
        T("No {n1} deserves to be treated like dirt."),
        T("I'd never wish harm on {pl}, whatever anyone says."),
        T("{Pl} are not a threat to anyone, stop pretending they are."),
        T("I don't hate {pl}. I never have and I never will."),
        T("Nobody should get beaten up just for being {sgn}."),
        T("It's simply not true that {pl} are lazy."),
        T("I'd never tell a joke that puts {pl} down."),
        T("{Pl} are not animals, and anyone who says so should be ashamed."),
        T("There's nothing wrong with being {sgn}. Nothing at all."),
        T("I'll never understand people who want {pl} gone. I certainly don't."),
    ],
    "neutral_identity": [
        T("My neighbour is {sgn} and works as a nurse."),
        T("There are quite a few {pl} in my evening class."),
        T("I'm {sgn} and I live in Leeds."),
        T("Our book club is reading a memoir by {sgn} this month."),
        T("Are there any {pl} here who'd like to join our five-a-side team?"),
        T("Two {pl} came to our school today to talk about their lives."),
        T("{Pl} live in every city in this country."),
        T("My best mate's new flatmate is {sgn}."),
        T("How many {pl} live in the UK? Asking for a school project."),
        T("Our new manager is {sgn}, starting Monday."),
    ],
    "positive_identity": [
        T("{Pl} are some of the kindest people I know."),
        T("So proud to stand with {pl} today \u2764\ufe0f"),
        T("{Pl} have made this city a better place to live."),
        T("Honestly the world needs more {pl} in positions of power."),
        T("Shoutout to all the {pl} who keep this community going."),
        T("I love {pl}, simple as that."),
        T("{Pl} deserve respect, safety and equal rights, full stop."),
        T("Grew up surrounded by {pl} and I'm better for it."),
        T("{Pl} bring so much to this country, we should celebrate that."),
        T("Nothing but love for {pl} on this timeline \U0001f49c"),
    ],
    "counter_quote": [
        T("\"{Pl} are vermin\"? Imagine typing that and thinking you're the good guy."),
        T("Someone in the replies said {pl} should be deported. No. Just no."),
        T("'I hate {pl}' isn't an opinion, it's bigotry, and I'm reporting you."),
        T("My uncle said {pl} are all criminals at dinner and I walked out. Not having it."),
        T("When you say \"{pl} are disgusting\" you're only telling us about yourself."),
        T("Stop sharing posts that say {pl} should be locked up. It's hateful garbage."),
        T("Someone sprayed 'death to {pl}' on the bus shelter. Reported it and scrubbed it off myself."),
        T("Saw a sticker saying '{pl} out' on my way home and tore it down. Not in my town."),
        T("Anyone who says {pl} are less than human has clearly never sat down with one."),
    ],
    "counter_reference": [
        T("The abuse {pl} get online every day is absolutely disgusting."),
        T("If your jokes need to punch down at {pl}, you're not funny, you're cruel."),
        T("I'm so tired of seeing hate aimed at {pl} on this app. Block and report, everyone."),
        T("Those comments about {pl} under the last post were vile. Mods, please delete them."),
        T("Hating {pl} doesn't make you edgy, it makes you a bigot."),
        T("Every time {pl} are attacked, the silence from our leaders is deafening."),
        T("Standing up for {pl} when people go after them is the bare minimum."),
        T("The slurs people throw at {pl} are never 'just banter'."),
        T("Disgusted by the threats {pl} in our town have received this week."),
    ],
    "abuse_object": [
        T("This {x} is absolute garbage, worst money I've ever spent.", fills=EN_OBJECTS_A),
        T("I hate this stupid {x} so much, it's fucking useless",
          fills=["app", "update", "printer", "keyboard", "umbrella", "lock screen",
                 "coffee machine", "sat nav", "washing machine", "remote"]),
        T("{X} are disgusting. Who even eats them?",
          fills=["olives", "anchovies", "Brussels sprouts", "oysters", "pickled onions",
                 "raisins", "mushrooms", "sardines", "gherkins"]),
        T("I'm going to smash this {x} into a thousand pieces, I swear.",
          fills=["phone", "printer", "alarm clock", "laptop", "controller", "TV",
                 "router", "speaker"]),
        T("{X} are vermin and I want every last one of them dead.",
          fills=["wasps", "rats", "cockroaches", "mosquitoes", "slugs", "bedbugs",
                 "fruit flies", "pigeons", "moths", "fleas"]),
        T("Whoever designed this {x} should be ashamed of themselves, it's vile.",
          fills=["website", "font", "logo", "car park", "roundabout", "building",
                 "app", "menu"]),
        T("I despise {x}, they're a plague on humanity.",
          fills=["Mondays", "group chats", "pop-up ads", "self-checkout machines",
                 "traffic cones", "voicemails", "parking meters", "spam calls",
                 "cookie banners"]),
        T("My {x} is a pathetic, worthless piece of junk.",
          fills=["car", "bike", "laptop", "phone", "desk chair", "washing machine",
                 "boiler", "fridge"]),
    ],
    "abuse_individual": [
        T("{X} is a lying, cheating waste of space.", fills=EN_PEOPLE),
        T("Honestly {x}, you're the most pathetic person I've ever met.", fills=EN_PEOPLE),
        T("{X} is such an idiot, I can't believe anyone still listens.", fills=EN_PEOPLE),
        T("Shut up, {x}, nobody asked for your stupid opinion.", fills=EN_PEOPLE),
        T("{X} is a snake and I hope karma catches up soon.", fills=EN_PEOPLE),
        T("I swear {x} is the most useless human on the planet.", fills=EN_PEOPLE),
        T("{X}, you absolute muppet, you've locked us out again.", fills=EN_PEOPLE),
        T("Can't stand {x}. Two-faced, selfish and rude.", fills=EN_PEOPLE),
    ],
    "abuse_nonprotected": [
        T("{X} are scum, every last one of them.", fills=EN_NONPROT),
        T("I despise {x}, they're all liars.", fills=EN_NONPROT),
        T("{X} are a plague on this country.", fills=EN_NONPROT),
        T("{X} should all be sacked tomorrow.", fills=EN_NONPROT),
        T("Why are {x} always so useless?", fills=EN_NONPROT),
        T("{X} are pathetic, honestly.", fills=EN_NONPROT),
        T("Fuck {x}, seriously.", fills=EN_NONPROT),
        T("{X} are parasites who've never done a day's work.",
          fills=[f for f in EN_NONPROT if f != "bankers"]),
        T("I'll never respect {x}, not after this week.", fills=EN_NONPROT),
        T("Honestly {x} are the worst people on earth.", fills=EN_NONPROT),
    ],
    "profanity_nohate": [
        T("Fuck, I {x} again.",
          fills=["missed the bus", "burnt the toast", "locked myself out",
                 "forgot my lunch", "dropped my phone", "overslept",
                 "spilled coffee on my laptop", "left my umbrella on the train"]),
        T("Holy shit, {x} was amazing!",
          fills=["that gig", "the final", "last night's episode", "that sunset",
                 "the match", "your cooking", "the new album", "that fireworks display"]),
        T("What the fuck is wrong with my {x} today",
          fills=["wifi", "car", "phone", "back", "laptop", "knee", "printer", "brain"]),
        T("This {x} is fucking brutal, stay safe out there.",
          fills=["heatwave", "storm", "snow", "wind", "fog", "frost", "rain", "hail"]),
        T("Damn, {x} was fucking incredible last night.",
          fills=["the band", "the fireworks", "the comedian", "the food", "the DJ",
                 "the keeper", "the show", "the crowd"]),
        T("I'm so fucking tired, {x}.",
          fills=["the baby was up all night", "work was insane",
                 "my flight was delayed six hours", "the neighbours partied till 4",
                 "I've had three exams this week", "the dog woke me at 5",
                 "I pulled a double shift", "the train broke down twice"]),
        T("Bloody hell, {x}!",
          fills=["it's freezing", "that was close", "you scared me",
                 "look at the size of that dog", "my rent went up again",
                 "it's already December", "the kettle's broken", "we actually won"]),
        T("Shit, I forgot {x}.",
          fills=["my keys", "Mum's birthday", "the charger", "to send the email",
                 "the milk", "my passport", "my password", "our anniversary"]),
    ],
    "reclaimed_slur": [
        T("As a {m}, I call myself {snp} and I'm proud of it.", fills=EN_RECLAIM),
        T("speaking as a {m}: yep, I'm {snp}. deal with it \U0001f485", fills=EN_RECLAIM),
        T("Me and the other {spl} from my group chat are taking over the bar tonight. Signed, a proud {m}.", fills=EN_RECLAIM),
        T("Only people like me get to say {s}. I'm a {m}, so yeah, I'm {snp} and I love it.", fills=EN_RECLAIM),
        T("{S} and proud. Signed, a very happy {m}.", fills=EN_RECLAIM),
        T("I'm a {m} and I've taken the word {s} back. It can't hurt me anymore.", fills=EN_RECLAIM),
    ],
    "homonym": [
        T("Our {x} just had puppies, proudest bitch in the village \U0001f436",
          fills=["labrador", "collie", "spaniel", "beagle", "greyhound", "whippet",
                 "boxer", "dachshund"]),
        T("Gasping for a fag after {x}, back in five.",
          fills=["that meeting", "that exam", "the drive", "that phone call",
                 "the shift", "that argument", "the interview", "two hours of traffic"]),
        T("Nan's faggots with {x} are the best Sunday dinner going.",
          fills=["mash and peas", "onion gravy", "chips", "mushy peas", "red cabbage",
                 "roast potatoes", "buttered carrots", "Yorkshire puddings"]),
        T("Took the van in and the tranny's knackered, {x} to fix it.",
          fills=["\u00a3800", "\u00a31,200", "\u00a3650", "\u00a3950", "\u00a32k",
                 "\u00a31,500", "\u00a3700", "\u00a3400"]),
        T("There's a chink in {x}'s armour and we need to exploit it on Saturday.",
          fills=["United", "City", "Arsenal", "Leeds", "Villa", "Spurs", "Celtic",
                 "Everton"]),
        T("We walked along the dyke near {x} at sunset, gorgeous.",
          fills=["Volendam", "Marken", "Kinderdijk", "Edam", "Hoorn", "Urk", "Texel",
                 "Durgerdam"]),
        T("{X} has a flame retardant coating, so it's safe for the kids' room.",
          fills=["the new sofa", "this curtain fabric", "the mattress", "that rug",
                 "the play tent", "this foam", "the beanbag", "the cushion cover"]),
        T("Polish {x} before the guests arrive, please.",
          fills=["the silver", "the table", "your shoes", "the mirror", "the glasses",
                 "the brass door knob", "the candlesticks", "the floor"]),
    ],
    "news": [
        T("Police are investigating after {sgn} was assaulted outside a nightclub in Bristol on Saturday."),
        T("A new report finds that hate crimes against {pl} rose by 12% last year."),
        T("The council has approved funding for a community centre serving {pl} in the east of the city."),
        T("A man has been charged after shouting abuse at {pl} on a train in Manchester."),
        T("MPs will debate a bill on Thursday aimed at protecting {pl} from online harassment."),
        T("A survey of 2,000 {pl} found that most had experienced discrimination at work."),
        T("Charities say {pl} are facing rising rents and longer waiting lists for social housing."),
        T("The court heard that the defendant had posted threats against {pl} on social media."),
        T("Thousands marched through the capital on Sunday in support of {pl}."),
    ],
}


# ---------------------------------------------------------------------------
# French groups. Each noun phrase is (noun, gender, elides): elides is true
# when the noun takes « l' », « d' », « cet » (not for « handicapé », whose
# h is aspirated).

FR_GROUPS = [
    dict(key="femmes", cat="sexism", word="femmes",
         pl=("femmes", "f", False), sg=("femme", "f", False),
         pln=("femmes", "f", False), sgn=("femme", "f", False),
         slur=("salope", "salopes", "f")),
    dict(key="trans", cat="lgbtphobia", word="trans",
         pl=("trans", "m", False), sg=("personne trans", "f", False),
         pln=("personnes trans", "f", False), sgn=("femme trans", "f", False),
         slur=("travelo", "travelos", "m")),
    dict(key="gays", cat="lgbtphobia", word="gays",
         pl=("gays", "m", False), sg=("gay", "m", False),
         pln=("homosexuels", "m", True), sgn=("homme gay", "m", True),
         slur=("pédé", "pédés", "m")),
    dict(key="noirs", cat="racism", word="Noirs",
         pl=("Noirs", "m", False), sg=("Noir", "m", False),
         pln=("personnes noires", "f", False), sgn=("homme noir", "m", True),
         slur=("nègre", "nègres", "m")),
    dict(key="handicapes", cat="disability", word="handicapés",
         pl=("handicapés", "m", False), sg=("handicapé", "m", False),
         pln=("personnes handicapées", "f", False),
         sgn=("personne handicapée", "f", False),
         slur=("gogol", "gogols", "m")),
    dict(key="musulmans", cat="islamophobia", word="musulmans",
         pl=("musulmans", "m", False), sg=("musulman", "m", False),
         pln=("musulmans", "m", False), sgn=("femme musulmane", "f", False)),
    dict(key="immigres", cat="xenophobia", word="immigrés",
         pl=("immigrés", "m", True), sg=("immigré", "m", True),
         pln=("immigrés", "m", True), sgn=("immigré", "m", True)),
    dict(key="juifs", cat="antisemitism", word="juifs",
         pl=("juifs", "m", False), sg=("juif", "m", False),
         pln=("juifs", "m", False), sgn=("homme juif", "m", True),
         slur=("youpin", "youpins", "m")),
    dict(key="refugies", cat="xenophobia", word="réfugiés",
         pl=("réfugiés", "m", False), sg=("réfugié", "m", False),
         pln=("réfugiés", "m", False), sgn=("réfugié", "m", False)),
    dict(key="arabes", cat="racism", word="Arabes",
         pl=("Arabes", "m", True), sg=("Arabe", "m", True),
         pln=("Arabes", "m", True), sgn=("homme d'origine arabe", "m", True),
         slur=("bougnoule", "bougnoules", "m")),
    dict(key="roms", cat="racism", word="Roms",
         pl=("Roms", "m", False), sg=("Rom", "m", False),
         pln=("Roms", "m", False), sgn=("Rom", "m", False),
         slur=("romano", "romanos", "m")),
    dict(key="lesbiennes", cat="lgbtphobia", word="lesbiennes",
         pl=("lesbiennes", "f", False), sg=("lesbienne", "f", False),
         pln=("lesbiennes", "f", False), sgn=("lesbienne", "f", False),
         slur=("gouine", "gouines", "f")),
]


def fr_np(noun, g, el, number):
    """The determiners and pronouns of a French noun phrase."""
    f = g == "f"
    if number == "pl":
        v = dict(N=noun, les="les " + noun, des="des " + noun,
                 ces="ces " + noun, de=("d'" if el else "de ") + noun,
                 aux="aux " + noun, ils="elles" if f else "ils",
                 eux="elles" if f else "eux")
    else:
        v = dict(N=noun,
                 un=("une " if f else "un ") + noun,
                 le=("l'" + noun) if el else (("la " if f else "le ") + noun),
                 ce=("cette " + noun) if f else (("cet " if el else "ce ") + noun),
                 du=("de l'" + noun) if el else (("de la " if f else "du ") + noun),
                 au=("à l'" + noun) if el else (("à la " if f else "au ") + noun),
                 dun=("d'une " if f else "d'un ") + noun,
                 il="elle" if f else "il", lui="elle" if f else "lui")
    for k in list(v):
        if cap(k) != k:
            v[cap(k)] = cap(v[k])
    return v


def fr_vars(g, t, func):
    form = t.form or "pl"
    noun, gender, el = g[form]
    number = "pl" if form in ("pl", "pln") else "sg"
    v = fr_np(noun, gender, el, number)
    if func.startswith("spelling_") and func != "spelling_noboundary":
        a = alter_key(func, noun, g["word"])
        av = fr_np(a, gender, el, number)
        for k, s in av.items():
            v[k + "A"] = s
    if "slur" in g:
        s1, sp, sg_ = g["slur"]
        v.update(slur1=s1, slurs=sp, Slurs=cap(sp))
        if t.gsrc == "slur":
            gender = sg_
    return v, gender


FR_IMPL1 = {
    "femmes": "devraient rester à la cuisine et laisser les hommes réfléchir",
    "trans": "ont besoin d'un psychiatre, pas de nouveaux papiers",
    "gays": "devraient retourner dans leur placard et y rester",
    "noirs": "vivraient encore dans des cases sans nous",
    "handicapes": "devraient rester enfermés chez eux, qu'on n'ait pas à les voir",
    "musulmans": "n'ont qu'à prendre leur tapis de prière et retourner dans le désert",
    "immigres": "devraient déjà dire merci qu'on les accueille et fermer leur gueule",
    "juifs": "se retrouvent toujours à la tête des banques et des médias, comme par hasard",
    "refugies": "ont tous le dernier iPhone mais jamais de quoi se payer un billet retour, bizarre",
    "arabes": "sont toujours au chômage mais roulent en Mercedes, cherchez l'erreur",
    "roms": "te font les poches avant même que tu les aies remarqués",
    "lesbiennes": "ont juste besoin d'un vrai mec pour les remettre dans le droit chemin",
}

FR_IMPL2 = {
    "femmes": "c'est bon pour la vaisselle et les gosses, pas pour diriger",
    "trans": "c'est juste des mecs déguisés",
    "gays": "faut surtout pas les laisser approcher des enfants",
    "noirs": "c'est doué pour courir et danser, pas pour réfléchir",
    "handicapes": "ça coûte une fortune à la Sécu pour rien",
    "musulmans": "ils ont tous un cousin qui sait fabriquer une bombe",
    "immigres": "ils viennent pour les allocs, pas pour le climat",
    "juifs": "ils vendraient leur propre grand-mère si le prix était bon",
    "refugies": "c'est des migrants économiques avec une belle histoire à raconter",
    "arabes": "faut toujours surveiller son portefeuille quand ils traînent dans le coin",
    "roms": "ils ont les doigts crochus de naissance",
    "lesbiennes": "c'est juste des femmes dont aucun homme n'a voulu",
}


def fr_fill(noun, g, el=False):
    """A French filler noun with its determiners."""
    f = g == "f"
    v = dict(N=noun, g=g,
             ce=("cette " + noun) if f else (("cet " if el else "ce ") + noun),
             mon=(("mon " if (el or not f) else "ma ") + noun),
             les="les " + noun, des="des " + noun,
             de=("d'" if el else "de ") + noun)
    for k in list(v):
        if k != "g" and cap(k) != k:
            v[cap(k)] = cap(v[k])
    return v


def fr_person(name, g):
    el = name[0].lower() in "aeiouéèh"
    v = dict(X=cap(name), x=name, g=g, deX=("d'" if el else "de ") + name)
    return v


FR_NONPROT = [fr_fill(*a) for a in [
    ("politiciens", "m"), ("arbitres", "m", True), ("banquiers", "m"),
    ("agents immobiliers", "m", True), ("proprios", "m"),
    ("supporters du PSG", "m"), ("cyclistes", "m"), ("chauffeurs de taxi", "m"),
    ("contrôleurs des impôts", "m"), ("influenceuses", "f", True),
    ("cryptobros", "m"), ("avocats", "m", True)]]

FR_PEOPLE = [fr_person(*a) for a in [
    ("Kevin", "m"), ("Jérôme", "m"), ("Sandrine", "f"), ("Nathalie", "f"),
    ("Thierry", "m"), ("Chloé", "f"), ("Marco", "m"), ("Inès", "f"),
    ("Ludo", "m"), ("Audrey", "f")]]

FR_RECLAIM = [
    dict(m="lesbienne", un="une", s="gouine", snp="une gouine", spl="gouines", g="f"),
    dict(m="meuf lesbienne", un="une", s="gouine", snp="une gouine", spl="gouines", g="f"),
    dict(m="mec gay", un="un", s="pédé", snp="un pédé", spl="pédés", g="m"),
    dict(m="jeune gay", un="un", s="pédé", snp="un pédé", spl="pédés", g="m"),
    dict(m="militant gay", un="un", s="pédé", snp="un pédé", spl="pédés", g="m"),
    dict(m="garçon gay", un="un", s="folle", snp="une folle", spl="folles", g="m"),
    dict(m="mec gay", un="un", s="tapette", snp="une tapette", spl="tapettes", g="m"),
    dict(m="féministe", un="une", s="salope", snp="une salope", spl="salopes", g="f"),
]
for _r in FR_RECLAIM:
    _r["S"] = cap(_r["s"])


def fills(items, g="m"):
    return [dict(x=s, X=cap(s), g=g) for s in items]


FR = {
    "derogation": [
        T("{Les} sont [tous|toutes] des incapables, sans exception."),
        T("J'ai une haine viscérale pour {les}, et je l'assume."),
        T("{Les} sont [fainéants|fainéantes], [menteurs|menteuses] et [profiteurs|profiteuses], point barre."),
        T("Franchement, {les}, c'est la honte de ce pays."),
        T("{Les}, [tous|toutes] des hypocrites, ça m'écœure."),
        T("Chaque fois que je croise {des}, j'ai envie de vomir tellement [ils|elles] me dégoûtent."),
        T("Je méprise {les} du plus profond de mon être."),
        T("{Les} ne sont qu'une bande de [voleurs|voleuses] et de [menteurs|menteuses]."),
        T("Marre {des}, [tous|toutes] aussi [nuls|nulles] les [uns|unes] que les autres."),
        T("{Les} sont une honte pour l'humanité, et je pèse mes mots."),
    ],
    "dehumanisation": [
        T("{Les}, c'est de la vermine, rien d'autre."),
        T("{Les} se reproduisent comme des lapins et envahissent tout."),
        T("{Les} sont un cancer qui ronge le pays de l'intérieur."),
        T("{Les}, c'est des cafards : t'en vois [un|une], y en a cent derrière."),
        T("Franchement, {les} tiennent plus de l'animal que de l'humain."),
        T("{Les} sont des porcs, il suffit de voir comment [ils|elles] vivent."),
        T("Partout où {les} s'installent, ça devient une porcherie."),
        T("{Les} sont des parasites qui vivent sur notre dos."),
        T("{Les} se répandent dans nos villes comme la moisissure sur un mur humide."),
    ],
    "implicit_derogation": [
        T("{Les} seraient plus à leur place dans un enclos au zoo que dans mon immeuble."),
        T("Confiez quoi que ce soit à {des} et regardez tout s'effondrer en une semaine."),
        T("On sait tout de suite quand {des} emménagent dans une rue : les poubelles, le bruit, l'odeur.", excl=["femmes"]),
        T("Jamais je ne laisserai ma fille ramener {un} à la maison. Jamais.", form="sg", excl=["femmes"]),
        T("{Les} {st}.", per=FR_IMPL1),
        T("Soyons honnêtes : {les}, {st}.", per=FR_IMPL2),
        T("Moi, je change de trottoir quand je vois {des} arriver, et vous devriez faire pareil.", excl=["femmes"]),
        T("Le jour où il n'y aura plus {de} dans ce pays, on respirera enfin.", excl=["femmes"]),
    ],
    "threat_direct": [
        T("Je vais traquer {les} [un par un|une par une], [ils|elles] ne seront en sécurité nulle part."),
        T("[Le prochain|La prochaine] {N} qui me regarde de travers, je lui éclate les dents.", form="sg"),
        T("Je vais foutre le feu au premier local plein {de} que je trouve."),
        T("Je te jure, si je vois {des} près de l'école de mes gosses, [ils|elles] finissent à l'hosto.", excl=["femmes"]),
        T("Je vais pourrir la vie de chaque {N} du quartier jusqu'à ce qu'[il|elle] dégage ou crève.", form="sg"),
        T("Ce soir avec les potes on va rendre une petite visite {aux} du coin. Prenez les battes."),
        T("Je vais écraser [le prochain|la prochaine] {N} qui traverse devant ma caisse, je le jure.", form="sg"),
        T("J'ai un fusil et une liste {de} de la ville. Je rigole pas."),
    ],
    "threat_normative": [
        T("{Les}, faudrait [tous les|toutes les] aligner contre un mur et tirer."),
        T("Quelqu'un devrait rafler {les} et les foutre sur un bateau sans retour."),
        T("{Les} devraient être [rayés|rayées] de la carte."),
        T("Franchement, faudrait enfermer {les} dans des camps, [tous|toutes] sans exception."),
        T("On devrait mettre le feu chez [tous|toutes] {les} du quartier."),
        T("{Les} méritent une bonne raclée chaque fois qu'[ils|elles] mettent le nez dehors."),
        T("Il est temps de chasser {les} de ce pays, par la force s'il le faut."),
        T("{Les}, faudrait les stériliser, qu'il y en ait moins."),
    ],
    "slur": [
        T("Dégagez-moi ces {slurs} de ma vue.", slur=True, gsrc="slur"),
        T("Ferme-la, sale {slur1}.", slur=True, gsrc="slur"),
        T("Encore une bande de {slurs} qui s'installe dans notre rue, génial.", slur=True, gsrc="slur"),
        T("Les {slurs} gâchent tout ce qu'[ils|elles] touchent.", slur=True, gsrc="slur"),
        T("mdr regarde [ce|cette] {slur1} qui essaie de faire comme tout le monde", slur=True, gsrc="slur"),
        T("Pas de {slurs} dans mon bar, c'est comme ça.", slur=True, gsrc="slur"),
        T("Un wagon entier de {slurs} ce matin, j'ai failli gerber.", slur=True, gsrc="slur"),
        T("Bande de {slurs}, retournez dans votre trou.", slur=True, gsrc="slur"),
    ],
    "profanity_hate": [
        T("Nique {les}, sérieux, [tous|toutes] autant qu'[ils|elles] sont."),
        T("{Les}, c'est de la merde, ça l'a toujours été."),
        T("J'en ai ras le cul de ces putains {de} qui foutent tout en l'air."),
        T("Que {les} aillent se faire foutre, [jusqu'au dernier|jusqu'à la dernière]."),
        T("{Les}, bande de [bons|bonnes] à rien de merde."),
        T("Putain, encore {des} partout dans le métro, ça me fout la gerbe."),
    ],
    "pronoun_clause": [
        T("J'ai croisé {des} à la gare et franchement [ils|elles] me dégoûtent au plus haut point."),
        T("Mon proprio continue de louer {aux}, alors que tout le monde sait que ce sont des [voleurs|voleuses]."),
        T("La mairie veut plus {de} dans le quartier, [comme s'ils|comme si elles] n'étaient pas déjà une plaie pour cette ville."),
        T("Chaque fois que je vois {des} à la télé, je me rappelle qu'[ils|elles] ne valent rien."),
        T("On nous demande d'être gentils avec {les}, mais moi je les enfermerais [tous|toutes]."),
        T("Il paraît que {les} sont comme nous, alors qu'[ils|elles] sont à peine [humains|humaines]."),
    ],
    "pronoun_sentence": [
        T("Y a une nouvelle bande {de} au boulot. [Ils|Elles] sont immondes, sans exception."),
        T("Je viens de croiser {des} dans la rue. [Ils|Elles] me donnent envie de vomir."),
        T("Tu veux savoir ce que je pense {des} ? Faudrait [tous les|toutes les] foutre dehors."),
        T("Ma sœur vit avec {des} maintenant. C'est de la racaille, elle devrait déménager vite."),
        T("On a encore parlé {des} aux infos hier soir. Franchement, c'est ce qu'il y a de plus bas sur terre."),
        T("Encore un article sur {les}. Je les supporte pas, c'est un cancer."),
    ],
    "negated_positive": [
        T("{Les} ne valent même pas l'air qu'[ils|elles] respirent."),
        T("Je ne respecterai jamais {les}, même pas en rêve."),
        T("Pas [un seul|une seule] {N} n'a jamais rien apporté à ce pays.", form="sg"),
        T("{Les} ne méritent pas les mêmes droits que les gens normaux."),
        T("Ça n'existe pas, {un} honnête.", form="sg"),
        T("{Les} ne seront jamais nos [égaux|égales], et c'est très bien comme ça."),
    ],
    "question": [
        T("Pourquoi {les} sont toujours aussi sales ?"),
        T("Pourquoi faut-il que {les} gâchent tout partout où [ils|elles] passent ?"),
        T("Y a-t-il quelque chose de plus inutile que {les} ?"),
        T("Quelqu'un peut m'expliquer pourquoi on laisse encore voter {les} ?"),
        T("Comment ça se fait qu'on laisse {les} approcher des enfants ?"),
        T("Pourquoi {les} ne vont pas crever ailleurs, loin de nous ?"),
    ],
    "opinion": [
        T("Je pense que {les} sont une menace pour la société, désolé pas désolé."),
        T("Franchement, {les}, c'est ce qui est arrivé de pire à ce pays."),
        T("À mon avis, {les} sont génétiquement [inférieurs|inférieures], et la science me donne raison."),
        T("Avis impopulaire mais {les} sont [répugnants|répugnantes] et devraient rester loin de nous."),
        T("Perso, pour moi {les} sont une tache sur l'humanité."),
        T("Moi je dis que {les} sont [tous|toutes] [tarés|tarées], c'est mon opinion et j'ai le droit."),
    ],
    "spelling_swap": [
        T("{LesA} sont la lie de l'humanité."),
        T("Je ne supporte pas {lesA}, [ils|elles] me répugnent."),
        T("{Les} sont des animaux <<dégoûtants>>."),
        T("{Les} ne sont que des <<parasites>>."),
    ],
    "spelling_drop": [
        T("{LesA} devraient être [virés|virées] de ce pays."),
        T("Je hais {lesA} de tout mon être."),
        T("{Les}, c'est de la <<vermine>>, rien de plus."),
        T("{Les}, c'est des <<déchets>>, point."),
    ],
    "spelling_noboundary": [
        T("Dehors <<{les}>>, et vite."),
        T("Je hais <<{les}>> plus que tout."),
        T("{Les}, c'est une <<sale race>>."),
        T("{Les} sont une <<plaie absolue>> pour ce pays."),
    ],
    "spelling_spaces": [
        T("{LesA} dehors !"),
        T("Je vomis {lesA}, [tous|toutes] autant qu'[ils|elles] sont."),
        T("{Les} sont des <<ordures>>."),
        T("{Les}, quelle <<racaille>>, tout le monde le sait."),
    ],
    "spelling_leet": [
        T("{LesA} sont une plaie pour ce pays."),
        T("Mort {auxA}."),
        T("{Les} sont des <<animaux>>."),
        T("{Les} sont une <<honte>> et je veux qu'[ils|elles] dégagent."),
    ],
    "negated_hate": [
        T("[Aucun|Aucune] {N} ne mérite d'être [traité|traitée] comme un chien.", form="sgn"),
        T("Je ne souhaiterais jamais de mal {aux}, quoi qu'on en dise.", form="pln"),
        T("{Les} ne sont une menace pour personne, arrêtez de faire croire le contraire.", form="pln"),
        T("Je n'ai rien contre {les}, et je n'ai jamais rien eu contre [eux|elles].", form="pln"),
        T("Se faire tabasser juste parce qu'on est {un}, ça ne devrait arriver à personne.", form="sgn"),
        T("C'est tout simplement faux de dire que {les} sont [fainéants|fainéantes]."),
        T("Jamais je ne ferais une blague qui rabaisse {les}.", form="pln"),
        T("{Les} ne sont pas des animaux, et ceux qui disent ça devraient avoir honte."),
        T("Il n'y a rien de mal à être {un}. Rien du tout.", form="sgn"),
        T("Je ne comprendrai jamais ceux qui veulent se débarrasser {des}. Moi, certainement pas.", form="pln"),
    ],
    "neutral_identity": [
        T("La personne qui habite au-dessus de chez moi est {un} et bosse à l'hôpital.", form="sgn"),
        T("Il y a pas mal {de} dans mon cours du soir.", form="pln"),
        T("Je suis {un} et j'habite à Lyon.", form="sgn"),
        T("Ce mois-ci, notre club de lecture lit les mémoires {dun}.", form="sgn"),
        T("Y a-t-il {des} ici qui voudraient rejoindre notre équipe de foot ?", form="pln"),
        T("Aujourd'hui, deux {N} sont [venus|venues] à l'école nous parler de leur parcours.", form="pln"),
        T("{Les} vivent dans toutes les villes du pays.", form="pln"),
        T("Mon meilleur pote s'est mis en coloc avec {un}.", form="sgn"),
        T("Combien {de} vivent en France ? C'est pour un exposé.", form="pln"),
        T("Notre nouvelle recrue est {un} et commence lundi.", form="sgn"),
    ],
    "positive_identity": [
        T("{Les} font partie des gens les plus gentils que je connaisse.", form="pln"),
        T("Aujourd'hui je suis aux côtés {des}, et fier de l'être \u2764\ufe0f", form="pln"),
        T("{Les} ont rendu cette ville plus agréable à vivre.", form="pln"),
        T("Le monde a besoin de plus {de} aux postes de pouvoir.", form="pln"),
        T("Big up à [tous|toutes] {les} qui font vivre ce quartier \U0001f4aa", form="pln"),
        T("J'adore {les}, c'est aussi simple que ça.", form="pln"),
        T("{Les} méritent le respect, la sécurité et l'égalité des droits, point.", form="pln"),
        T("J'ai grandi avec plein {de} autour de moi, et c'est une chance.", form="pln"),
        T("{Les} apportent énormément à ce pays, il faut le dire et le célébrer.", form="pln"),
        T("Que de l'amour pour {les} sur ce fil \U0001f49c", form="pln"),
    ],
    "counter_quote": [
        T("« {Les}, c'est de la vermine » ? Tu écris ça et tu te crois du bon côté ?"),
        T("Quelqu'un en réponse a écrit qu'il faut expulser {les}. Non. Juste non."),
        T("« Je hais {les} », ce n'est pas une opinion, c'est de la haine, et je te signale."),
        T("Mon oncle a sorti à table que {les} sont [tous|toutes] des [délinquants|délinquantes]. Je me suis levé et je suis parti."),
        T("Quand tu dis « {les} sont [dégueulasses|dégueulasses] », tu ne parles que de toi."),
        T("Arrêtez de partager les posts qui disent qu'il faut enfermer {les}. C'est de la haine pure."),
        T("« Mort {aux} » tagué sur l'abribus : j'ai porté plainte et on a tout nettoyé."),
        T("Vu un autocollant « {Les} dehors » en rentrant. Je l'ai arraché, pas chez nous."),
        T("Ceux qui disent que {les} sont des sous-humains n'en ont visiblement jamais rencontré."),
    ],
    "counter_reference": [
        T("Le harcèlement que subissent {les} en ligne tous les jours est écœurant.", form="pln"),
        T("Si tes blagues ont besoin de taper sur {les}, t'es pas drôle, t'es juste cruel.", form="pln"),
        T("J'en ai marre de voir autant de haine envers {les} sur cette appli. Bloquez, signalez.", form="pln"),
        T("Les commentaires sur {les} sous le dernier post étaient ignobles. Les modos, supprimez-les svp.", form="pln"),
        T("Détester {les}, ça ne fait pas de toi un rebelle, ça fait de toi un sectaire.", form="pln"),
        T("À chaque fois que {les} se font agresser, le silence de nos dirigeants est assourdissant.", form="pln"),
        T("Défendre {les} quand on les attaque, c'est le strict minimum.", form="pln"),
        T("Les insultes qu'on balance {aux} ne sont jamais « juste pour rigoler ».", form="pln"),
        T("Écœuré par les menaces qu'ont reçues {les} de notre ville cette semaine.", form="pln"),
    ],
    "abuse_object": [
        T("{Ce} est une vraie daube, pire achat de ma vie.", gsrc="fill",
          fills=[fr_fill(*a) for a in [
              ("imprimante", "f", True), ("chargeur", "m"), ("mixeur", "m"),
              ("friteuse", "f"), ("ordi", "m", True), ("bouilloire", "f"),
              ("aspirateur", "m", True), ("sèche-cheveux", "m"), ("routeur", "m"),
              ("grille-pain", "m")]]),
        T("Je déteste {ce} de tout mon cœur, [il|elle] sert à rien, putain.", gsrc="fill",
          fills=[fr_fill(*a) for a in [
              ("appli", "f", True), ("mise à jour", "f"), ("imprimante", "f", True),
              ("clavier", "m"), ("parapluie", "m"), ("GPS", "m"),
              ("machine à café", "f"), ("télécommande", "f"), ("lave-linge", "m"),
              ("écran tactile", "m", True)]]),
        T("Les {N}, c'est dégueulasse, qui peut bien manger ça ?", gsrc="fill",
          fills=[fr_fill(a, "f") for a in [
              "olives", "anchois", "endives", "choux de Bruxelles", "huîtres",
              "rognons", "betteraves", "cornichons", "sardines à l'huile"]]),
        T("Je vais fracasser {ce} en mille morceaux, je te jure.", gsrc="fill",
          fills=[fr_fill(*a) for a in [
              ("téléphone", "m"), ("imprimante", "f", True), ("réveil", "m"),
              ("ordi", "m", True), ("manette", "f"), ("télé", "f"), ("box", "f"),
              ("enceinte", "f", True)]]),
        T("Les {N}, c'est de la vermine, je veux [tous les|toutes les] voir crever.", gsrc="fill",
          fills=[fr_fill(*a) for a in [
              ("guêpes", "f"), ("moustiques", "m"), ("cafards", "m"), ("rats", "m"),
              ("limaces", "f"), ("punaises de lit", "f"), ("frelons asiatiques", "m"),
              ("pigeons", "m"), ("mites", "f"), ("puces", "f")]]),
        T("Ceux qui ont conçu {ce} devraient avoir honte, c'est une horreur.", gsrc="fill",
          fills=[fr_fill(*a) for a in [
              ("site", "m"), ("logo", "m"), ("rond-point", "m"), ("parking", "m"),
              ("appli", "f", True), ("police d'écriture", "f"), ("bâtiment", "m"),
              ("menu", "m")]]),
        T("Je hais les {N}, c'est une plaie pour l'humanité.", gsrc="fill",
          fills=[fr_fill(a, "m") for a in [
              "lundis", "groupes WhatsApp", "pubs YouTube", "caisses automatiques",
              "messages vocaux", "bouchons du périph", "appels de démarchage",
              "bandeaux de cookies", "réunions Teams"]]),
        T("{Mon} est une pauvre merde inutile.", gsrc="fill",
          fills=[fr_fill(*a) for a in [
              ("voiture", "f"), ("vélo", "m"), ("ordi", "m", True), ("téléphone", "m"),
              ("chaise de bureau", "f"), ("machine à laver", "f"), ("chaudière", "f"),
              ("frigo", "m")]]),
    ],
    "abuse_individual": [
        T("{X} est [un menteur|une menteuse] et [un bon|une bonne] à rien, voilà.", gsrc="fill", fills=FR_PEOPLE),
        T("Franchement {x}, t'es la personne la plus pathétique que je connaisse.", gsrc="fill", fills=FR_PEOPLE),
        T("{X} est [con|conne] comme un balai, je comprends pas qu'on l'écoute encore.", gsrc="fill", fills=FR_PEOPLE),
        T("Ta gueule {x}, personne t'a demandé ton avis de merde.", gsrc="fill", fills=FR_PEOPLE),
        T("{X}, c'est [un vrai serpent|une vraie vipère], j'espère que le karma [le|la] rattrapera.", gsrc="fill", fills=FR_PEOPLE),
        T("Je te jure, {x} est [le mec le plus inutile|la meuf la plus inutile] de la planète.", gsrc="fill", fills=FR_PEOPLE),
        T("{X}, espèce [d'abruti|d'abrutie], t'as encore oublié les clés dans la voiture.", gsrc="fill", fills=FR_PEOPLE),
        T("J'en peux plus {deX}. [Hypocrite, égoïste et malpoli|Hypocrite, égoïste et malpolie].", gsrc="fill", fills=FR_PEOPLE),
    ],
    "abuse_nonprotected": [
        T("{Les}, c'est des ordures, [tous|toutes] autant qu'[ils|elles] sont.", gsrc="fill", fills=FR_NONPROT),
        T("Je méprise {les}, [tous|toutes] des [menteurs|menteuses].", gsrc="fill", fills=FR_NONPROT),
        T("{Les} sont une plaie pour ce pays.", gsrc="fill", fills=FR_NONPROT),
        T("{Les}, faudrait [tous les|toutes les] virer demain matin.", gsrc="fill", fills=FR_NONPROT),
        T("Pourquoi {les} sont toujours aussi [nuls|nulles] ?", gsrc="fill", fills=FR_NONPROT),
        T("{Les} sont pathétiques, franchement.", gsrc="fill", fills=FR_NONPROT),
        T("Nique {les}, sérieux.", gsrc="fill", fills=FR_NONPROT),
        T("{Les} sont des parasites qui n'ont jamais bossé de leur vie.", gsrc="fill",
          fills=[f for f in FR_NONPROT if f["N"] != "banquiers"]),
        T("Je ne respecterai jamais {les}, surtout pas après cette semaine.", gsrc="fill", fills=FR_NONPROT),
        T("Honnêtement, {les}, c'est les pires gens sur terre.", gsrc="fill", fills=FR_NONPROT),
    ],
    "profanity_nohate": [
        T("Putain, j'ai encore {x}.", fills=fills([
            "raté le bus", "cramé les toasts", "laissé mes clés à l'intérieur",
            "oublié mon déj", "fait tomber mon tel", "pas entendu le réveil",
            "renversé du café sur mon ordi", "oublié mon parapluie dans le train"])),
        T("Oh putain, {x} était incroyable !", fills=fills([
            "ce concert", "la finale", "l'épisode d'hier soir", "ce coucher de soleil",
            "le match", "ta bouffe", "le nouvel album", "ce feu d'artifice"])),
        T("Mais bordel, qu'est-ce qu'[il|elle] a, {mon}, aujourd'hui ?", gsrc="fill",
          fills=[fr_fill(*a) for a in [
              ("wifi", "m"), ("voiture", "f"), ("téléphone", "m"), ("dos", "m"),
              ("ordi", "m", True), ("genou", "m"), ("imprimante", "f", True),
              ("cerveau", "m")]]),
        T("Putain, {ce}, c'est n'importe quoi. Faites gaffe à vous dehors.", gsrc="fill",
          fills=[fr_fill(*a) for a in [
              ("canicule", "f"), ("tempête", "f"), ("neige", "f"), ("vent", "m"),
              ("brouillard", "m"), ("verglas", "m"), ("pluie", "f"), ("grêle", "f")]]),
        T("Bordel, {x} hier soir, c'était de la folie.", fills=fills([
            "le groupe", "le feu d'artifice", "l'humoriste", "la bouffe", "le DJ",
            "le gardien", "le spectacle", "le public"])),
        T("Je suis crevé, putain : {x}.", fills=fills([
            "le bébé a pleuré toute la nuit", "le taf était infernal",
            "mon vol a eu six heures de retard",
            "les voisins ont fait la fête jusqu'à 4 h",
            "j'ai eu trois exams cette semaine", "le chien m'a réveillé à 5 h",
            "j'ai enchaîné deux services", "le train est tombé en panne deux fois"])),
        T("Merde alors, {x} !", fills=fills([
            "il caille", "c'était moins une", "tu m'as fait peur",
            "regarde la taille de ce chien", "mon loyer a encore augmenté",
            "on est déjà en décembre", "la bouilloire est morte", "on a gagné"])),
        T("Merde, j'ai oublié {x}.", fills=fills([
            "mes clés", "l'anniv de ma mère", "le chargeur", "d'envoyer le mail",
            "le lait", "mon passeport", "mon mot de passe", "notre anniversaire"])),
    ],
    "reclaimed_slur": [
        T("En tant que {m}, je me revendique {s} et j'en suis [fier|fière].", gsrc="fill", fills=FR_RECLAIM),
        T("Je parle en tant que {m} : oui, je suis {snp}, et alors ? \U0001f485", gsrc="fill", fills=FR_RECLAIM),
        T("Quand mes potes et moi on s'appelle « {spl} » entre nous, c'est de l'amour, pas une insulte. Je suis {un} {m}, je sais de quoi je parle.", gsrc="fill", fills=FR_RECLAIM),
        T("[Fier|Fière] d'être {s}, et c'est moi qui décide de ce que ce mot veut dire. Signé : {un} {m}.", gsrc="fill", fills=FR_RECLAIM),
        T("{S} et [fier|fière] de l'être. Voilà, c'est dit, de la part d'{un} {m} heureu[x|se].", gsrc="fill", fills=FR_RECLAIM),
        T("Moi, {m}, je me réapproprie le mot « {s} » : il ne peut plus me blesser.", gsrc="fill", fills=FR_RECLAIM),
    ],
    "homonym": [
        T("Passe-moi la tapette, il y a {x} dans la cuisine.", fills=fills([
            "une guêpe", "une mouche", "un moustique", "une araignée", "un taon",
            "une mite", "un frelon", "une grosse mouche verte"])),
        T("La pédale de frein de {x} est complètement morte, direction le garage.", fills=fills([
            "ma Clio", "ma Twingo", "mon vieux Kangoo", "ma 206", "la Golf de mon père",
            "mon camion", "ma Zoé", "mon Berlingo"])),
        T("Passe la sauce au chinois avant de servir {x}.", fills=fills([
            "le rôti", "la blanquette", "le bœuf bourguignon", "les asperges",
            "le poisson", "le canard", "la volaille", "les ris de veau"])),
        T("Au zoo de {x}, deux bébés macaques sont nés cette semaine !", fills=fills([
            "Beauval", "Vincennes", "Mulhouse", "Lyon", "Thoiry", "La Flèche",
            "Amnéville", "Montpellier"])),
        T("Je relis {x} de Gogol, c'est toujours aussi génial.", fills=fills([
            "Les Âmes mortes", "Le Manteau", "Le Nez", "Le Revizor", "Tarass Boulba",
            "Le Journal d'un fou", "La Perspective Nevski", "Les Nouvelles de Pétersbourg"])),
        T("Un peu de pecorino romano râpé sur {x}, et c'est parfait.", fills=fills([
            "les pâtes", "la salade", "les courgettes", "le risotto", "les carbonara",
            "la soupe", "les artichauts", "la pizza blanche"])),
        T("Pour {x}, écris les nombres en chiffres arabes, pas en chiffres romains.", fills=fills([
            "le devis", "la facture", "le formulaire", "le rapport", "l'exposé",
            "le tableau", "le mémoire", "la fiche de paie"])),
        T("J'ai enfilé ma salopette pour {x}.", fills=fills([
            "repeindre la cuisine", "bosser au jardin", "nettoyer le garage",
            "réparer la moto", "poncer les volets", "aller à la ferme", "vider la cave",
            "monter les meubles"])),
    ],
    "news": [
        T("Une enquête a été ouverte après l'agression {dun} devant une boîte de nuit de Lille, samedi soir.", form="sgn"),
        T("Selon un nouveau rapport, les actes hostiles envers {les} ont augmenté de 12 % l'an dernier.", form="pln"),
        T("Le conseil municipal a voté le financement d'un centre d'accueil pour {les} de l'est de la ville.", form="pln"),
        T("Un homme a été interpellé après avoir insulté {des} dans un TER près de Nantes.", form="pln"),
        T("Les députés examineront jeudi une proposition de loi visant à protéger {les} du cyberharcèlement.", form="pln"),
        T("Selon une enquête menée auprès de 2 000 {N}, la plupart disent avoir subi des discriminations au travail.", form="pln"),
        T("Les associations alertent sur la hausse des loyers, qui touche particulièrement {les}.", form="pln"),
        T("À l'audience, il a été rappelé que le prévenu avait publié des menaces contre {les} sur les réseaux sociaux.", form="pln"),
        T("Des milliers de personnes ont défilé dimanche à Paris en soutien {aux}.", form="pln"),
    ],
}


# ---------------------------------------------------------------------------
# Rendering.

BRACKET = re.compile(r"\[([^\[\]|]*)\|([^\[\]|]*)\]")
SPAN = re.compile(r"<<(.*?)>>")


def render(text, v, gender, func):
    s = text.format_map(v)
    if gender is not None:
        s = BRACKET.sub(lambda m: m.group(1) if gender == "m" else m.group(2), s)
    if func.startswith("spelling_"):
        s = SPAN.sub(lambda m: alter_span(func, m.group(1)), s)
    for bad in ("{", "}", "<<", ">>", "[", "]"):
        if bad in s:
            raise ValueError("unrendered %r in %r" % (bad, s))
    return s


def fill_vars(f):
    if isinstance(f, str):
        return dict(x=f, X=cap(f)), None
    return dict(f), f.get("g")


def build(lang):
    spec = EN if lang == "en" else FR
    groups = EN_GROUPS if lang == "en" else FR_GROUPS
    rows = []
    ntemplates = {}
    for func in ORDER:
        hateful = func in HATEFUL
        for ti, t in enumerate(spec[func]):
            split = "b2-dev" if ti % 2 == 0 else "b2-test"
            ntemplates[(func, split)] = ntemplates.get((func, split), 0) + 1
            out = []
            if t.fills is not None:
                for f in t.fills:
                    v, g = fill_vars(f)
                    gender = (g or "m") if lang == "fr" else None
                    out.append((render(t.text, v, gender, func), "none"))
            else:
                for g in groups:
                    if t.only and g["key"] not in t.only:
                        continue
                    if g["key"] in t.excl:
                        continue
                    if t.per is not None and g["key"] not in t.per:
                        continue
                    if t.slur and (("slurs" not in g) if lang == "en" else ("slur" not in g)):
                        continue
                    if lang == "en":
                        v, gender = en_vars(g, func), None
                    else:
                        v, gender = fr_vars(g, t, func)
                    if t.per is not None:
                        v["st"] = t.per[g["key"]]
                    cat = g["cat"] if hateful else "none"
                    out.append((render(t.text, v, gender, func), cat))
            if not 8 <= len(out) <= 12:
                raise ValueError("%s %s template %d: %d fillings" % (lang, func, ti, len(out)))
            for text, cat in out:
                rows.append(dict(text=text, lang=lang, hateful=hateful,
                                 function=func, category=cat, split=split))
    seen = set()
    for r in rows:
        k = r["text"].lower()
        if k in seen:
            raise ValueError("duplicate text %r" % r["text"])
        seen.add(k)
    for i, r in enumerate(rows, 1):
        r["id"] = "b2-%s-%04d" % (lang, i)
    return rows, ntemplates


def main():
    for lang in ("en", "fr"):
        rows, nt = build(lang)
        path = os.path.join(HERE, "battery2-%s.jsonl" % lang)
        with open(path, "w", encoding="utf-8") as f:
            for r in rows:
                o = {k: r[k] for k in ("id", "text", "lang", "hateful", "function", "category", "split")}
                f.write(json.dumps(o, ensure_ascii=False) + "\n")
        ntpl = sum(nt.values())
        nh = sum(1 for r in rows if r["hateful"])
        dev = sum(1 for r in rows if r["split"] == "b2-dev")
        tdev = sum(n for (fn, sp), n in nt.items() if sp == "b2-dev")
        thate = sum(n for (fn, sp), n in nt.items() if fn in HATEFUL)
        print("%s: %d templates (%d hateful; %d dev, %d test), %d posts (%d hateful; %d dev, %d test) -> %s"
              % (lang, ntpl, thate, tdev, ntpl - tdev, len(rows), nh, dev, len(rows) - dev,
                 os.path.relpath(path)), file=sys.stderr)


if __name__ == "__main__":
    main()
