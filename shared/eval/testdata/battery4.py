#!/usr/bin/env python3
"""Battery 4: a templated, casual-register evaluation battery for Voile.

Written by the Voile developers for this project on 2026-12-01, in their
own words, blind to the project's lexicons, frames, training data and
earlier test files. Nothing here is copied or adapted from any dataset or
published functional test suite (HateCheck and Multilingual HateCheck
were not consulted). See battery4.md.

CONTENT WARNING: the templates below contain slurs, dehumanising language
and threats against protected groups. They exist only to measure a
classifier.

Run from anywhere:  python3 shared/eval/testdata/battery4.py
Writes battery4-en.jsonl and battery4-fr.jsonl next to this file.
Deterministic, standard library only.

Template syntax
  {field}         a field of the fill (group, slur, object, person...)
  {field.l}       the same, lower-cased;  {field.c}: first letter upper-cased
  {masc/fem}      chosen by the fill's grammatical gender (French)
  <<span>>        (function "spelling" only) the one word altered in the post

Split rule: within each function, templates are numbered from 0 in the
order written here; even-numbered templates go to b4-dev, odd to b4-test.
"""

import json
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))

HATEFUL = [
    "derogation", "dehumanisation", "implicit_derogation", "threat_direct",
    "threat_normative", "slur", "profanity_hate", "pronoun_reference",
    "negated_positive", "question", "opinion", "spelling",
]
NON_HATEFUL = [
    "negated_hate", "neutral_identity", "positive_identity", "counter_quote",
    "counter_reference", "abuse_object", "abuse_individual",
    "abuse_nonprotected", "profanity_nohate", "reclaimed_slur", "homonym",
    "news",
]

# What each function's templates are filled with (default: protected groups).
FILL_KIND = {
    "slur": "slur",
    "abuse_object": "obj",
    "abuse_individual": "person",
    "abuse_nonprotected": "ng",
    "reclaimed_slur": "rec",
    "homonym": "person",
}

# ---------------------------------------------------------------- English


def en_group(pl, sg, cat):
    art = "an" if sg[0].lower() in "aeiou" else "a"
    return {"pl": pl, "sg": sg, "a": art + " " + sg, "cat": cat, "g": "m"}


EN_GROUPS = [
    en_group("Black people", "Black guy", "racism"),
    en_group("Asians", "Asian guy", "racism"),
    en_group("Roma", "Roma guy", "racism"),
    en_group("Arabs", "Arab", "racism"),
    en_group("Jews", "Jew", "antisemitism"),
    en_group("Muslims", "Muslim", "islamophobia"),
    en_group("immigrants", "immigrant", "xenophobia"),
    en_group("refugees", "refugee", "xenophobia"),
    en_group("Mexicans", "Mexican", "xenophobia"),
    en_group("women", "woman", "sexism"),
    en_group("gay people", "gay guy", "lgbtphobia"),
    en_group("trans people", "trans person", "lgbtphobia"),
    en_group("lesbians", "lesbian", "lgbtphobia"),
    en_group("disabled people", "disabled person", "disability"),
    en_group("autistic people", "autistic person", "disability"),
]

EN_SLURS = [
    {"s": s, "s1": s1, "cat": c, "g": "m"} for s, s1, c in [
        ("niggers", "nigger", "racism"),
        ("kikes", "kike", "antisemitism"),
        ("spics", "spic", "racism"),
        ("chinks", "chink", "racism"),
        ("pakis", "paki", "racism"),
        ("towelheads", "towelhead", "islamophobia"),
        ("faggots", "faggot", "lgbtphobia"),
        ("trannies", "tranny", "lgbtphobia"),
        ("dykes", "dyke", "lgbtphobia"),
        ("retards", "retard", "disability"),
        ("wetbacks", "wetback", "xenophobia"),
        ("gypos", "gypo", "racism"),
    ]
]

EN_OBJECTS = [{"o": o, "g": "m"} for o in [
    "printer", "laptop", "phone", "router", "kettle", "app", "update",
    "car", "microwave", "bike", "toaster", "game",
]]

EN_PEOPLE = [{"n": n, "h": h, "g": g} for n, h, g in [
    ("Kevin", "kev_lfc", "m"), ("Sharon", "shaz_xo", "f"),
    ("Dave", "davey88", "m"), ("Jess", "jessbxo", "f"),
    ("Tom", "tommo_b", "m"), ("Laura", "lau_rrr", "f"),
    ("Mike", "mikey_w", "m"), ("Chloe", "chlo_e", "f"),
    ("Ryan", "ry_an99", "m"), ("Becky", "beckss", "f"),
    ("Gaz", "gazza_mufc", "m"), ("Nat", "natxlie", "f"),
]]

EN_NONPROTECTED = [{"ng": x, "g": "m"} for x in [
    "landlords", "cyclists", "politicians", "bankers", "referees",
    "estate agents", "influencers", "vegans", "Tories", "crypto bros",
    "Chelsea fans", "traffic wardens",
]]

EN_RECLAIMED = [{"r": r, "rs": rs, "g": "m"} for r, rs in [
    ("queer", "queers"), ("dyke", "dykes"), ("fag", "fags"),
    ("homo", "homos"), ("crip", "crips"), ("nigga", "niggas"),
    ("bitch", "bitches"), ("slut", "sluts"),
]]

EN = {
    # ---------------------------------------------------------- hateful
    "derogation": [
        "ngl {pl.l} are the most useless ppl i've ever had to deal with",
        "{pl.c} ruin every single neighbourhood they move into. every. single. one. 🙄",
        "@dan_k94 lmao you actually think {pl.l} can be trusted? they're liars, the lot of them",
        "the thing about {pl.l} is they're just thick. not even joking, thick as a brick",
        "{pl.l}? lazy, dirty, entitled. pick all three tbh",
        "name one thing {pl.l} have ever contributed. i'll wait ⏳ (spoiler: nothing, they're worthless)",
        "met loads of {pl.l} in my life and every last one was a cheat. no exceptions fr",
        "honestly {pl.l} stink. like genuinely. sit next to them on a bus and tell me i'm wrong",
    ],
    "dehumanisation": [
        "{pl.l} aren't people, they're vermin with phones",
        "swear {pl.l} breed like rats. look at any estate",
        "{pl.c} = cockroaches. squash one and twenty more crawl out 🪳",
        "imo {pl.l} are a disease this country caught and never bothered to treat",
        "treating {pl.l} like humans was the first mistake tbh. livestock at best",
        "not being funny but {pl.l} act like animals because that's what they are",
    ],
    "implicit_derogation": [
        "funny how every time something gets nicked round here there's {a.l} nearby. just saying 🤷",
        "lock your bikes up lads, {pl.l} just moved in on our street",
        "hired {a.l} once. never again. you'll learn the hard way like i did",
        "\"diversity is our strength\" ok so why does every street full of {pl.l} look like a warzone",
        "put {pl.l} in charge of anything and watch it collapse within a week. history doesn't lie",
        "there's a reason landlords won't rent to {pl.l} and it's not 'prejudice' lol",
        "my nan always said count your change twice when {a.l} serves you. she wasn't wrong",
        "{pl.l} only ever turn up when there's free stuff going. wonder why 🤔",
    ],
    "threat_direct": [
        "if i see {a.l} on my street again i'm bringing the bat. not a joke",
        "@mods ban me idc, i'm gonna find where those {pl.l} meet and burn the place down",
        "we know where you {pl.l} live. sleep well 🙂",
        "next {sg.l} who talks to me on the train is getting their teeth kicked in fr",
        "gonna start hunting {pl.l} for sport this summer, who's in",
        "swear on my mum i'll put {a.l} in hospital before the weekend's out",
    ],
    "threat_normative": [
        "{pl.l} should all be rounded up and shipped off. simple as",
        "honestly someone needs to just shoot {pl.l} on sight and be done with it",
        "bring back the camps for {pl.l} tbh. nobody would miss them",
        "if i were pm every last {sg.l} would be strung up by friday",
        "{pl.l} deserve a proper beating, every single one. someone sort it",
        "only sensible thing to do with {pl.l} is wipe them out. there i said it #truth",
    ],
    "slur": [
        "{s} everywhere in this town now smh",
        "bunch of {s} outside the shop again. disgusting",
        "lmao look at this {s1} trying to act normal 😂",
        "@ref_watch yeah cos you're a {s1} lover obviously",
        "can't go anywhere without running into {s} these days",
        "my cousin married a {s1}. family dinners are ruined ffs",
    ],
    "profanity_hate": [
        "fuck {pl.l}. fuck every last one of them",
        "{pl.l} are shit people and always will be",
        "god i hate {pl.l} so fucking much",
        "can {pl.l} just piss off and disappear already",
        "{pl.l}? useless bastards, the lot of them",
        "honestly {pl.l} can go fuck themselves, sick of them",
    ],
    "pronoun_reference": [
        "saw a documentary about {pl.l} last night. they're honestly subhuman, i'm sorry",
        "just found out my new flatmates are {pl.l} 🙄 they're all the same, filthy and loud, every one of them",
        "people keep defending {pl.l} online but tbh they are a plague",
        "went to a meeting full of {pl.l}. they should never have been let in, parasites the lot of them",
        "ok so about {pl.l}: can't trust them, never could, never will",
        "the company hired {a.l} again... they're all the same, lazy and dim",
    ],
    "negated_positive": [
        "{pl.l} are not smart. sorry not sorry",
        "never met {a.l} who was worth anything tbh",
        "nah {pl.l} aren't equal to us and never will be",
        "{pl.l} have never been decent people and they won't start now",
        "i don't think {pl.l} deserve any respect at all",
        "nothing good has ever come from {pl.l}. not one thing",
    ],
    "question": [
        "why are {pl.l} so thick? genuine question",
        "is it just me or are {pl.l} the most annoying species on earth?",
        "who actually thinks {pl.l} are anything but a burden on the rest of us??",
        "how are {pl.l} even allowed to vote when they can barely think lol",
        "why do we still let {pl.l} near our kids? serious q",
        "anyone else think {pl.l} should be kept out of schools? or just me",
    ],
    "opinion": [
        "imo {pl.l} are ruining this country and i'm done pretending otherwise",
        "unpopular opinion but {pl.l} just shouldn't have rights. there i said it",
        "tbh i think {pl.l} are genetically inferior and science is too scared to say it",
        "hot take: life would be so much better without {pl.l} around",
        "i feel like {pl.l} are a cancer and nobody's brave enough to say it",
        "personally? i'd never let {a.l} near my family. they're trash",
    ],
    "spelling": [
        "{pl.l} are <<disgusting>> tbh",
        "<<kill all>> {pl.l}",
        "{pl.l} are <<vermin>> and always will be",
        "ngl i <<hate>> {pl.l} so much",
        "<<{pl.l}>> are parasites lmao",
        "all {pl.l} should <<go to hell>>",
        "{pl.l} = <<trash>>, no debate",
        "@jamie_x nah mate <<{pl.l}>> are filthy, always have been",
    ],
    # ------------------------------------------------------ non-hateful
    "negated_hate": [
        "i don't hate {pl.l}, never have. idk why ppl assume i do",
        "{pl.l} are not dangerous, stop spreading that nonsense",
        "no one should ever say {pl.l} are less than human. ever",
        "nah {pl.l} aren't a threat to anyone, get a grip",
        "never said {pl.l} were the problem lol read my post again",
        "it's not true that {pl.l} are lazy, like at all",
    ],
    "neutral_identity": [
        "my neighbours are {pl.l} and they lent me a ladder today 👍",
        "anyone know a good podcast about the history of {pl.l} in the uk?",
        "there's a meetup for {pl.l} at the library on thursday if anyone's interested",
        "just finished a uni module on {pl.l} and housing policy. tough essay ngl",
        "my best mate is {a.l}. we're going to watch the match later",
        "the council finally put out a survey for {pl.l} in the borough, link below",
        "went to a talk by {a.l} about working in tech, was pretty interesting tbh",
        "we're {pl.l}, we pay taxes, we queue for the bus like everyone else lol",
    ],
    "positive_identity": [
        "{pl.l} are honestly some of the kindest ppl i know ❤️",
        "shoutout to all the {pl.l} who made this city what it is today 🙌",
        "love seeing {pl.l} thrive, this made my day",
        "raised by {pl.l}, proud of it, wouldn't change a thing",
        "so many brilliant {pl.l} in science rn and they deserve way more credit",
        "@sam_r {pl.l} are amazing and your thread is spot on",
    ],
    "counter_quote": [
        "\"{pl.l} are vermin\" - someone actually said this to me today. blocked and reported",
        "my uncle said {pl.l} should be shipped off and i walked out of dinner. not tolerating that",
        "saw a guy post 'i hate {pl.l}' and get 2k likes?? what is wrong with this site",
        "if your take is '{pl.l} are subhuman' please unfollow me now",
        "\"nobody wants you here\" is what {a.l} heard at my kid's school today. the boy who said it got suspended, good",
        "stop repeating 'all {pl.l} are criminals' like it's a fact. it's bigotry, full stop",
    ],
    "counter_reference": [
        "the stuff people are posting about {pl.l} in these replies is vile. report it",
        "calling {pl.l} animals is dehumanising and you know it",
        "every time there's a crisis someone blames {pl.l}. lazy scapegoating as usual",
        "@tomB that tweet about {pl.l} was straight up hate speech, delete it",
        "if you think threatening {pl.l} is 'banter' you're part of the problem",
        "the comments under that article about {pl.l}... jesus. humanity is cooked",
    ],
    "abuse_object": [
        "this {o} is absolute garbage, worst purchase of my life",
        "i hate this stupid {o} so much, wanna chuck it out the window",
        "whoever designed this {o} should be ashamed lmao",
        "{o} = trash. returning it tomorrow",
        "my {o} died AGAIN. piece of crap",
        "burn it. burn this cursed {o} 🔥",
    ],
    "abuse_individual": [
        "@{h} you're genuinely the dumbest person on this app",
        "lmao {n} is such a loser, can't believe we were ever friends",
        "@{h} shut up nobody asked you, clown 🤡",
        "my ex {n} is a lying snake and i hope everyone knows it",
        "{n} from accounts is a useless prick honestly",
        "@{h} you're wrong, you're annoying and you're boring. pick a lane",
    ],
    "abuse_nonprotected": [
        "{ng} are parasites, change my mind",
        "honestly {ng} should all be locked up lol",
        "i can't stand {ng}. every single one is a smug idiot",
        "why are {ng} like this?? genuinely the worst ppl",
        "fuck {ng} fr",
        "{ng} ruin everything they touch ngl",
    ],
    "profanity_nohate": [
        "holy shit the food at that festival was so fucking good, thank you to all the {pl.l} who cooked 😭",
        "fuck me, {a.l} just beat me at chess in 9 moves lmao",
        "damn {a.l} just won the whole damn tournament, what a legend",
        "shit day but hanging out with the {pl.l} from my choir fixed it 🙏",
        "@lou_p fucking hell, a documentary about {pl.l} that's actually good?? finally",
        "the {pl.l} in my class are fucking hilarious lmao love them",
    ],
    "reclaimed_slur": [
        "proud {r} and not going anywhere 💅",
        "{r} and thriving, thanks for asking 😌",
        "as a {r} myself i'm allowed to say it lol",
        "my fellow {rs}, the group chat is popping off tonight",
        "called myself a {r} in front of my mum and she just laughed. growth",
        "we're {rs}, we're here, get used to it ✨",
    ],
    "homonym": [
        "{n} brought round faggots and mushy peas for tea, proper northern scran 😋",
        "went for a walk along the old dyke by the river with {n}, lovely views tbh",
        "{n} from the safety team says the new coating will retard the fire for 30 mins",
        "@{h} found the chink in their defence, 3-0 at half time lets gooo ⚽",
        "{n}'s greyhound bitch just had six puppies omg 🐶",
        "{n} nipped out for a fag, back in 5",
    ],
    "news": [
        "BREAKING: report finds hate crimes against {pl.l} up 20% this year",
        "council votes to fund new housing support for {pl.l}, local paper reports",
        "study: {pl.l} more likely to face discrimination at job interviews",
        "police investigating graffiti targeting {pl.l} in the town centre",
        "new exhibition on the history of {pl.l} opens at the museum this weekend (via @citynews)",
        "minister apologises after remarks about {pl.l} spark backlash",
    ],
}

# ----------------------------------------------------------------- French


def fr_group(pl, sg, g, cat, h_aspire=False):
    vowel = pl[0].lower() in "aeiouyéèêh" and not h_aspire
    art_sg = ("un " if g == "m" else "une ") + sg
    if vowel:
        le = "l'" + sg
    else:
        le = ("le " if g == "m" else "la ") + sg
    return {
        "pl": pl, "sg": sg, "g": g, "cat": cat,
        "les": "les " + pl,
        "des": "des " + pl,
        "aux": "aux " + pl,
        "de": ("d'" if vowel else "de ") + pl,
        "un": art_sg,
        "le": le,
    }


FR_GROUPS = [
    fr_group("Noirs", "Noir", "m", "racism"),
    fr_group("Arabes", "Arabe", "m", "racism"),
    fr_group("Roms", "Rom", "m", "racism"),
    fr_group("Asiatiques", "Asiatique", "m", "racism"),
    fr_group("juifs", "juif", "m", "antisemitism"),
    fr_group("musulmans", "musulman", "m", "islamophobia"),
    fr_group("immigrés", "immigré", "m", "xenophobia"),
    fr_group("migrants", "migrant", "m", "xenophobia"),
    fr_group("réfugiés", "réfugié", "m", "xenophobia"),
    fr_group("femmes", "femme", "f", "sexism"),
    fr_group("homos", "homo", "m", "lgbtphobia"),
    fr_group("lesbiennes", "lesbienne", "f", "lgbtphobia"),
    fr_group("personnes trans", "personne trans", "f", "lgbtphobia"),
    fr_group("handicapés", "handicapé", "m", "disability", h_aspire=True),
    fr_group("autistes", "autiste", "m", "disability"),
]

FR_SLURS = [
    {"s": s, "s1": s1, "g": g, "cat": c,
     "un": ("un " if g == "m" else "une ") + s1,
     "ce": ("ce " if g == "m" else "cette ") + s1}
    for s, s1, g, c in [
        ("bougnoules", "bougnoule", "m", "racism"),
        ("bicots", "bicot", "m", "racism"),
        ("négros", "négro", "m", "racism"),
        ("bamboulas", "bamboula", "m", "racism"),
        ("crouilles", "crouille", "m", "racism"),
        ("chinetoques", "chinetoque", "m", "racism"),
        ("youpins", "youpin", "m", "antisemitism"),
        ("youtres", "youtre", "m", "antisemitism"),
        ("pédés", "pédé", "m", "lgbtphobia"),
        ("tapettes", "tapette", "f", "lgbtphobia"),
        ("gouines", "gouine", "f", "lgbtphobia"),
        ("travelos", "travelo", "m", "lgbtphobia"),
        ("gogols", "gogol", "m", "disability"),
    ]
]

FR_OBJECTS = [
    {"o": o, "g": g, "ce": ce, "mon": mon}
    for o, g, ce, mon in [
        ("imprimante", "f", "cette imprimante", "mon imprimante"),
        ("ordi", "m", "cet ordi", "mon ordi"),
        ("téléphone", "m", "ce téléphone", "mon téléphone"),
        ("box", "f", "cette box", "ma box"),
        ("bouilloire", "f", "cette bouilloire", "ma bouilloire"),
        ("appli", "f", "cette appli", "mon appli"),
        ("mise à jour", "f", "cette mise à jour", "ma mise à jour"),
        ("voiture", "f", "cette voiture", "ma voiture"),
        ("micro-ondes", "m", "ce micro-ondes", "mon micro-ondes"),
        ("vélo", "m", "ce vélo", "mon vélo"),
        ("grille-pain", "m", "ce grille-pain", "mon grille-pain"),
        ("console", "f", "cette console", "ma console"),
    ]
]

FR_PEOPLE = [{"n": n, "h": h, "g": g} for n, h, g in [
    ("Kevin", "kev_du94", "m"), ("Sandrine", "sandrine_b", "f"),
    ("Jérôme", "jeje_r", "m"), ("Léa", "lea_lbn", "f"),
    ("Thomas", "tom_tmt", "m"), ("Julie", "juju_xo", "f"),
    ("Nico", "nico_ss", "m"), ("Mélanie", "mel_anie", "f"),
    ("Fabrice", "fab_ri", "m"), ("Chloé", "chlo_chlo", "f"),
    ("Yanis", "yanis_13", "m"), ("Manon", "manon_lpt", "f"),
]]

FR_NONPROTECTED = [{"ng": x, "g": "m"} for x in [
    "les proprios", "les cyclistes", "les politiciens", "les banquiers",
    "les arbitres", "les agents immobiliers", "les influenceurs",
    "les végans", "les macronistes", "les cryptobros",
    "les supporters du PSG", "les contrôleurs",
]]

# g: the speaker's gender when the term names oneself.
FR_RECLAIMED = [{"r": r, "rs": rs, "g": g} for r, rs, g in [
    ("pédé", "pédés", "m"), ("PD", "PD", "m"), ("gouine", "gouines", "f"),
    ("goudou", "goudous", "f"), ("folle", "folles", "m"),
    ("tarlouze", "tarlouzes", "m"), ("tapette", "tapettes", "m"),
    ("travelo", "travelos", "f"),
]]

FR = {
    # ---------------------------------------------------------- hateful
    "derogation": [
        "franchement {les.l} c'est les pires, {tous/toutes} des incapables",
        "{les.c}, toujours à se plaindre, jamais à bosser. classique",
        "@karim_93 mdr tu crois vraiment qu'on peut faire confiance {aux.l} ? {ils/elles} mentent comme {ils/elles} respirent",
        "perso j'ai jamais croisé {un.l} honnête. jamais.",
        "wsh {les.l} sont trop sales, sérieux c'est une honte",
        "{les.l}, bêtes comme leurs pieds. voilà c'est dit",
        "dès qu'il y a {des.l} quelque part ça devient invivable, jsp comment vous faites",
        "{les.l} sont {menteurs, voleurs et fainéants/menteuses, voleuses et fainéantes}. la totale",
    ],
    "dehumanisation": [
        "{les.l} c'est pas des humains, c'est de la vermine",
        "{les.l} se reproduisent comme des rats, regardez autour de vous",
        "{les.l} = des cafards. t'en écrases un, dix autres sortent 🪳",
        "la france a attrapé une maladie et elle s'appelle {les.l}",
        "{les.l} c'est du bétail, faut arrêter de les traiter comme des gens",
        "sans vouloir etre mechant {les.l} se comportent comme des bêtes parce que c'est ce qu'{ils/elles} sont",
    ],
    "implicit_derogation": [
        "bizarre comme à chaque fois qu'un truc disparaît y a {un.l} pas loin 🤷",
        "fermez bien vos portes, {des.l} viennent d'emménager dans la rue",
        "j'ai embauché {un.l} une fois. plus jamais. vous apprendrez",
        "« le vivre-ensemble » ok mais pourquoi chaque quartier plein {de.l} finit en zone de non-droit ?",
        "mettez {des.l} aux commandes et tout s'écroule en une semaine, l'histoire ment pas",
        "y a une raison si les proprios veulent pas louer {aux.l} et c'est pas des « préjugés » lol",
        "ma grand-mère disait toujours de recompter sa monnaie quand c'est {un.l} qui sert. elle avait pas tort",
        "{les.l} on les voit que quand y a des trucs gratuits à prendre. tiens donc 🤔",
    ],
    "threat_direct": [
        "si je revois {un.l} dans ma rue je sors la batte, c'est pas une blague",
        "@modos bannissez-moi jm'en fous, je vais trouver où {les.l} se réunissent et foutre le feu",
        "on sait où vous habitez, {les.l}. dormez bien 🙂",
        "{le prochain/la prochaine} {sg.l} qui me parle dans le métro je lui pète les dents, vrai de vrai",
        "cet été on part à la chasse {aux.l}, qui est chaud ?",
        "je le jure sur ma mère, j'envoie {un.l} à l'hosto avant la fin de la semaine",
    ],
    "threat_normative": [
        "{les.l} faudrait {tous/toutes} les rafler et les virer. point.",
        "quelqu'un devrait tirer sur {les.l} à vue et basta",
        "rouvrez les camps pour {les.l}, personne les regrettera",
        "si j'étais président, {les.l} seraient {tous pendus/toutes pendues} avant vendredi",
        "{les.l} méritent une bonne raclée, {tous/toutes} sans exception. que qqn s'en occupe",
        "la seule solution pour {les.l} c'est de les exterminer. voilà je l'ai dit #verite",
    ],
    "slur": [
        "y a des {s} partout dans cette ville maintenant, ça me dégoûte",
        "encore une bande de {s} devant le tabac. pathétique",
        "mdr regardez-moi {ce} sur la photo 😂 la honte",
        "@arbitre_nul ouais t'es pote avec des {s}, ça explique tout",
        "impossible de sortir sans croiser des {s} maintenant",
        "mon cousin s'est mis avec {un}. les repas de famille c'est mort",
    ],
    "profanity_hate": [
        "nique {les.l}. {tous/toutes} autant {qu'ils/qu'elles} sont",
        "{les.l} c'est des gens de merde et ça changera jamais",
        "putain qu'est-ce que je hais {les.l}, bordel",
        "{les.l} peuvent aller se faire foutre, j'en ai ma claque",
        "{les.l} ? bande de {connards/connasses}, voilà",
        "fait chier {les.l}, {tous/toutes} des merdes",
    ],
    "pronoun_reference": [
        "vu un docu sur {les.l} hier soir. franchement {ils/elles} sont {sous-humains/sous-humaines}, désolé",
        "je viens d'apprendre que mes colocs sont {des.l} 🙄 {ils sont tous pareils, crades et bruyants/elles sont toutes pareilles, crades et bruyantes}",
        "tout le monde défend {les.l} sur twitter mais {ils/elles} sont une plaie",
        "réunion pleine {de.l} aujourd'hui. on aurait jamais dû les laisser entrer, bande de parasites",
        "bon, parlons {des.l}. on peut pas leur faire confiance, jamais pu, jamais pourra",
        "la boîte a encore embauché {un.l}... {ils sont tous pareils, feignants et cons/elles sont toutes pareilles, feignantes et connes}",
    ],
    "negated_positive": [
        "{les.l} ne sont pas {intelligents/intelligentes}. désolé pas désolé",
        "j'ai jamais rencontré {un.l} qui valait quelque chose",
        "non {les.l} sont pas nos égaux et le seront jamais",
        "{les.l} n'ont jamais été des gens bien et ça va pas commencer maintenant",
        "je pense pas que {les.l} méritent le moindre respect",
        "rien de bon n'est jamais venu {des.l}. rien.",
    ],
    "question": [
        "pourquoi {les.l} sont aussi {cons/connes} ? vraie question",
        "c'est moi ou {les.l} sont l'espèce la plus chiante sur terre ?",
        "qui pense sérieusement que {les.l} sont autre chose qu'un fardeau pour nous ??",
        "comment ça se fait qu'on laisse encore voter {les.l} alors {qu'ils/qu'elles} savent à peine réfléchir mdr",
        "pourquoi on laisse encore {les.l} approcher nos gosses ? sérieux",
        "y a que moi qui pense qu'il faudrait interdire l'école {aux.l} ?",
    ],
    "opinion": [
        "perso {les.l} détruisent ce pays et j'en ai marre de faire semblant",
        "avis impopulaire mais {les.l} devraient pas avoir de droits. voilà",
        "je pense sincèrement que {les.l} sont {inférieurs/inférieures} génétiquement, la science ose juste pas le dire",
        "franchement la vie serait tellement mieux sans {les.l}",
        "j'ai l'impression que {les.l} sont un cancer et personne ose le dire",
        "moi jamais je laisserai {un.l} approcher ma famille. c'est des déchets",
    ],
    "spelling": [
        "{les.l} sont <<dégueulasses>> franchement",
        "<<mort aux>> {pl.l}",
        "{les.l} c'est de la <<vermine>> et ça le restera",
        "j'avoue je <<déteste>> {les.l}",
        "les <<{pl.l}>> c'est des parasites mdr",
        "{les.l} devraient {tous/toutes} <<aller en enfer>>",
        "{les.l} = des <<ordures>>, pas de débat",
        "@juju_x non mais les <<{pl.l}>> sont {crasseux/crasseuses}, ça a toujours été le cas",
    ],
    # ------------------------------------------------------ non-hateful
    "negated_hate": [
        "je déteste pas {les.l}, jamais. jsp pourquoi les gens croient ça",
        "{les.l} sont pas {dangereux/dangereuses}, arrêtez avec ces bêtises",
        "personne devrait dire que {les.l} sont moins que des humains. personne.",
        "non {les.l} menacent personne, calmez-vous",
        "j'ai jamais dit que {les.l} étaient le problème mdr relis mon post",
        "c'est faux de dire que {les.l} sont {fainéants/fainéantes}, mais genre pas du tout",
    ],
    "neutral_identity": [
        "mes voisins sont {des.l} et ils m'ont prêté une échelle aujourd'hui 👍",
        "qqn connaît un bon podcast sur l'histoire {des.l} en france ?",
        "y a une rencontre pour {les.l} à la médiathèque jeudi si ça intéresse qqn",
        "je viens de finir un partiel sur {les.l} et le logement, dur de ouf",
        "j'ai bossé avec {un.l} tout l'été, ce soir on va voir le match ensemble",
        "la mairie a enfin lancé une enquête auprès {des.l} du quartier, lien en dessous",
        "conf super intéressante hier par {un.l} qui bosse dans la tech",
        "on est {des.l}, on paie nos impôts, on fait la queue pour le bus comme tout le monde mdr",
    ],
    "positive_identity": [
        "{les.l} sont vraiment parmi les gens les plus gentils que je connaisse ❤️",
        "big up à {tous/toutes} {les.l} qui ont fait de cette ville ce qu'elle est 🙌",
        "ça fait plaisir de voir {les.l} réussir, ça m'a fait ma journée",
        "élevé par {des.l}, fier de l'être, je changerais rien",
        "y a tellement {de.l} {brillants/brillantes} en sciences en ce moment, faut plus les mettre en avant",
        "@sam_r {les.l} sont {géniaux/géniales} et ton thread est parfait",
    ],
    "counter_quote": [
        "« {les.l} c'est de la vermine » — un mec m'a sorti ça aujourd'hui. bloqué et signalé",
        "mon oncle a dit qu'il fallait se débarrasser {des.l} et je suis partie du repas. je tolère pas ça",
        "un type poste « je hais {les.l} » et il a 2k likes ?? c'est quoi ce site",
        "si ton avis c'est « {les.l} sont des sous-hommes » désabonne-toi svp",
        "« personne veut de toi ici » c'est ce qu'{un.l} a entendu au collège de mon fils aujourd'hui. le gamin qui a dit ça a été exclu, tant mieux",
        "arrêtez de répéter « {les.l} sont {tous des criminels/toutes des criminelles} » comme si c'était un fait. c'est de la haine, point",
    ],
    "counter_reference": [
        "ce que les gens postent sur {les.l} dans les réponses c'est immonde. signalez",
        "traiter {les.l} d'animaux c'est déshumanisant et tu le sais très bien",
        "à chaque crise y a quelqu'un pour accuser {les.l}. bouc émissaire facile, comme d'hab",
        "@tomB ton tweet sur {les.l} c'était clairement un discours de haine, supprime",
        "si tu trouves que menacer {les.l} c'est de « l'humour » t'es le problème",
        "les commentaires sous l'article sur {les.l}... wsh. l'humanité est foutue",
    ],
    "abuse_object": [
        "{ce.c} c'est une vraie daube, pire achat de ma vie",
        "je déteste {ce} de merde, envie de {le/la} jeter par la fenêtre",
        "celui qui a conçu {ce} devrait avoir honte mdr",
        "{ce.c} = poubelle. je {le/la} ramène demain",
        "{mon.c} a encore lâché. quelle merde",
        "brûlez-moi {ce} de malheur 🔥",
    ],
    "abuse_individual": [
        "@{h} t'es sérieusement la personne la plus débile de l'appli",
        "mdr {n} quel loser, j'arrive pas à croire qu'on était potes",
        "@{h} ferme-la personne t'a rien demandé, clown 🤡",
        "mon ex {n} est une vraie ordure et j'espère que tout le monde le sait",
        "{n} de la compta, quelle plaie, incompétence totale",
        "@{h} t'as tort, t'es relou et tu saoules. choisis",
    ],
    "abuse_nonprotected": [
        "{ng} sont des parasites, changez-moi d'avis",
        "franchement faudrait enfermer {ng} mdr",
        "je supporte pas {ng}. tous des abrutis prétentieux",
        "pourquoi {ng} sont comme ça ?? vraiment les pires",
        "nique {ng} sérieux",
        "jsp, {ng} gâchent tout ce qu'ils touchent",
    ],
    "profanity_nohate": [
        "putain la bouffe à la fête de quartier était trop bonne, merci à l'asso {des.l} qui a tout cuisiné 😭",
        "putain {un.l} vient de me battre aux échecs en 9 coups mdr",
        "bordel {un.l} a gagné tout le tournoi, quelle légende",
        "journée de merde mais la soirée avec {les.l} de ma chorale a tout rattrapé 🙏",
        "@lou_p putain enfin un docu sur {les.l} qui est bien fait",
        "{les.l} de ma classe sont trop {marrants/marrantes} putain, je les adore",
    ],
    "reclaimed_slur": [
        "{r} et {fier/fière}, et je bouge pas 💅",
        "{r} et {épanoui/épanouie}, merci de demander 😌",
        "en tant que {r} moi-même j'ai le droit de le dire mdr",
        "les {rs} du groupe, ce soir on sort 🏳️‍🌈",
        "je me suis {traité/traitée} de {r} devant ma mère et elle a rigolé. progrès",
        "on est des {rs}, on est là, habituez-vous ✨",
    ],
    "homonym": [
        "@{h} t'aurais pas une tapette à mouches ? y a une mouche énorme dans ma chambre",
        "week-end chez ma tante avec {n}, trop bien, elle fait les meilleures crêpes",
        "{n} revient de mongolie, {il/elle} dit que le barbecue mongol là-bas c'est incroyable",
        "la caisse de {n} est bridée à 110, c'est relou sur l'autoroute",
        "{n} a pété la pédale de son vélo en descendant, grosse gamelle mdr",
        "suis allé à la Folle Journée de Nantes avec {n}, que du Mozart 🎻",
    ],
    "news": [
        "INFO : les agressions contre {les.l} en hausse de 20 % cette année selon un rapport",
        "le conseil municipal vote un budget logement pour {les.l}, rapporte le journal local",
        "étude : {les.l} plus {exposés/exposées} aux discriminations à l'embauche",
        "la police enquête sur des tags visant {les.l} dans le centre-ville",
        "une expo sur l'histoire {des.l} ouvre ce week-end au musée (via @infolocale)",
        "le ministre s'excuse après des propos sur {les.l} qui ont fait polémique",
    ],
}

# ------------------------------------------------------------- machinery

FILLS = {
    "en": {"grp": EN_GROUPS, "slur": EN_SLURS, "obj": EN_OBJECTS,
           "person": EN_PEOPLE, "ng": EN_NONPROTECTED, "rec": EN_RECLAIMED},
    "fr": {"grp": FR_GROUPS, "slur": FR_SLURS, "obj": FR_OBJECTS,
           "person": FR_PEOPLE, "ng": FR_NONPROTECTED, "rec": FR_RECLAIMED},
}

SLOT = re.compile(r"\{([^{}]*)\}")
MARK = re.compile(r"<<(.*?)>>")
ALTERATIONS = ["swap", "drop", "nospace", "spaced", "leet"]
LEET = {"a": "4", "e": "3", "i": "1", "o": "0"}
NOT_IDENTITY = {"people", "person", "personnes", "personne"}


def fill(template, f):
    def sub(m):
        body = m.group(1)
        if "/" in body:
            masc, fem = body.split("/", 1)
            return masc if f["g"] == "m" else fem
        name, _, mod = body.partition(".")
        val = f[name]
        if mod == "l":
            val = val.lower()
        elif mod == "c":
            val = val[0].upper() + val[1:]
        elif mod:
            raise ValueError("bad modifier in %r" % template)
        return val
    return SLOT.sub(sub, template)


def alter_word(w, kind):
    if kind == "swap":
        i = max(1, len(w) // 2 - 1)
        if i + 1 >= len(w):
            i = len(w) - 2
        while i + 1 < len(w) and w[i] == w[i + 1]:
            i += 1
        if i + 1 >= len(w):
            i = 0
        return w[:i] + w[i + 1] + w[i] + w[i + 2:]
    if kind == "drop":
        # one of a doubled letter if there is one, else the last but one
        for i in range(len(w) - 1):
            if w[i] == w[i + 1]:
                return w[:i] + w[i + 1:]
        i = len(w) - 2
        return w[:i] + w[i + 1:]
    if kind == "spaced":
        return " ".join(w)
    if kind == "leet":
        out = "".join(LEET.get(c, c) for c in w)
        if out == w:
            out = w.replace("s", "5").replace("t", "7")
        return out
    raise ValueError(kind)


def alter(span, kind):
    """Alters one word of span (or, for nospace, joins two of its words)."""
    words = span.split(" ")
    if kind == "nospace":
        return "".join(words[:2]) + (" " + " ".join(words[2:]) if len(words) > 2 else "")
    cands = [i for i, w in enumerate(words) if w.lower() not in NOT_IDENTITY]
    i = max(cands, key=lambda j: len(words[j]))
    words[i] = alter_word(words[i], kind)
    return " ".join(words)


def spell(text, n):
    m = MARK.search(text)
    assert m and len(MARK.findall(text)) == 1, text
    span = m.group(1)
    words = span.split(" ")
    w = max((x for x in words if x.lower() not in NOT_IDENTITY), key=len)
    doubled = any(a == b for a, b in zip(w, w[1:]))
    kinds = []
    for kind in ALTERATIONS:
        if kind == "nospace" and " " not in span:
            continue
        if kind == "drop" and not (len(w) >= 6 or (doubled and len(w) >= 4)):
            continue  # dropping from a short word makes it unreadable or another word
        kinds.append(kind)
    kind = kinds[n % len(kinds)]
    return text[:m.start()] + alter(span, kind) + text[m.end():]


def build(lang, table):
    rows, counter, templates = [], 0, {"b4-dev": 0, "b4-test": 0}
    k = 0  # global template number, for choosing fills
    functions = [(f, True) for f in HATEFUL] + [(f, False) for f in NON_HATEFUL]
    for func, hateful in functions:
        for t_idx, tmpl in enumerate(table[func]):
            split = "b4-dev" if t_idx % 2 == 0 else "b4-test"
            templates[split] += 1
            pool = FILLS[lang][FILL_KIND.get(func, "grp")]
            n = min(8 + k % 5, len(pool))
            start = (k * 7) % len(pool)
            chosen = [pool[(start + j) % len(pool)] for j in range(n)]
            seen = set()
            for j, f in enumerate(chosen):
                text = fill(tmpl, f)
                if func == "spelling":
                    text = spell(text, k + j)
                else:
                    assert "<<" not in text, text
                assert "{" not in text and "}" not in text, text
                if text in seen:
                    raise ValueError("duplicate post %r" % text)
                seen.add(text)
                counter += 1
                rows.append({
                    "id": "b4-%s-%04d" % (lang, counter),
                    "text": text,
                    "lang": lang,
                    "hateful": hateful,
                    "function": func,
                    "category": f["cat"] if hateful else "none",
                    "split": split,
                })
            k += 1
    return rows, templates


def main():
    for lang, table in (("en", EN), ("fr", FR)):
        assert set(table) == set(HATEFUL) | set(NON_HATEFUL), lang
        rows, templates = build(lang, table)
        path = os.path.join(HERE, "battery4-%s.jsonl" % lang)
        with open(path, "w", encoding="utf-8") as out:
            for r in rows:
                out.write(json.dumps(r, ensure_ascii=False) + "\n")
        posts = {s: sum(1 for r in rows if r["split"] == s) for s in templates}
        hate = {s: sum(1 for r in rows if r["split"] == s and r["hateful"]) for s in templates}
        print("%s: %d templates, %d posts -> %s" % (lang, sum(templates.values()), len(rows), os.path.relpath(path)))
        for s in sorted(templates):
            print("  %-8s %3d templates %4d posts (%d hateful)" % (s, templates[s], posts[s], hate[s]))


if __name__ == "__main__":
    main()
