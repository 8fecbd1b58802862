#!/usr/bin/env python3
"""Battery 3: a blind, templated functional battery for Voile (EN + FR).

Written by the Voile developers for this project on 2026-12-01, in their own
words. Nothing here is copied from any dataset or published functional test
suite. See battery3.md for provenance, the content warning and the split rule.

Run from anywhere:  python3 shared/eval/testdata/battery3.py
It writes battery3-en.jsonl and battery3-fr.jsonl next to this file. The
output is fully deterministic (no randomness, fixed ordering).

Split rule: within each function, templates are numbered from 0 in the order
they appear below; even-numbered templates go to "b3-dev", odd-numbered ones
to "b3-test". All fillings of one template therefore share one split.
"""

import json
import os
import re
import sys
from types import SimpleNamespace

HERE = os.path.dirname(os.path.abspath(__file__))
FILLS_PER_TEMPLATE = 10


def cap(s):
    return s[:1].upper() + s[1:]


# --------------------------------------------------------------------------
# English groups
# --------------------------------------------------------------------------

def en_group(G, g1, a, place, cat):
    return SimpleNamespace(G=G, Gc=cap(G), g1=g1, a=a, place=place, cat=cat)


EN_GROUPS = [
    en_group("women", "woman", "a woman", "the women's shelter", "sexism"),
    en_group("trans people", "trans person", "a trans person", "the Pride march", "lgbtphobia"),
    en_group("gay men", "gay man", "a gay man", "the gay bar", "lgbtphobia"),
    en_group("lesbians", "lesbian", "a lesbian", "the lesbian bar", "lgbtphobia"),
    en_group("Black people", "Black person", "a Black person", "the Black church", "racism"),
    en_group("disabled people", "disabled person", "a disabled person", "the disability day centre", "disability"),
    en_group("Muslims", "Muslim", "a Muslim", "the mosque", "islamophobia"),
    en_group("Jews", "Jew", "a Jew", "the synagogue", "antisemitism"),
    en_group("immigrants", "immigrant", "an immigrant", "the migrant centre", "xenophobia"),
    en_group("refugees", "refugee", "a refugee", "the refugee camp", "xenophobia"),
    en_group("Roma", "Roma person", "a Roma person", "the Roma camp", "racism"),
    en_group("Asian people", "Asian person", "an Asian person", "the Asian supermarket", "racism"),
]


# --------------------------------------------------------------------------
# French groups (explicit forms: agreement, elision, contraction)
# --------------------------------------------------------------------------

def fr_group(bare, sg, fem, place, cat, vowel=False):
    les = "les " + bare
    g = SimpleNamespace()
    g.bare = bare
    g.les = les
    g.Les = cap(les)
    g.des = "des " + bare          # indefinite plural, and de + les
    g.aux = "aux " + bare          # à + les
    g.de = ("d'" if vowel else "de ") + bare
    g.tous_les = ("toutes les " if fem else "tous les ") + bare
    g.sg = sg
    g.un = ("une " if fem else "un ") + sg
    g.prochain = "la prochaine" if fem else "le prochain"
    g.Prochain = cap(g.prochain)
    g.premier = "la première" if fem else "le premier"
    g.Premier = cap(g.premier)
    g.un_seul = "une seule" if fem else "un seul"
    g.aucun = "aucune" if fem else "aucun"
    g.Aucun = cap(g.aucun)
    g.tout = "toute" if fem else "tout"
    g.lo = "la" if fem else "le"
    g.ils = "elles" if fem else "ils"
    g.Ils = cap(g.ils)
    g.eux = "elles" if fem else "eux"
    g.tous = "toutes" if fem else "tous"
    g.si_ils = "si elles" if fem else "s'ils"
    g.a = (lambda m, f: f if fem else m)   # plural agreement
    g.s = (lambda m, f: f if fem else m)   # singular agreement
    g.place = place
    g.cat = cat
    return g


FR_GROUPS = [
    fr_group("femmes", "femme", True, "le planning familial", "sexism"),
    fr_group("personnes trans", "personne trans", True, "le centre LGBT", "lgbtphobia"),
    fr_group("gays", "gay", False, "le bar gay", "lgbtphobia"),
    fr_group("lesbiennes", "lesbienne", True, "le bar lesbien", "lgbtphobia"),
    fr_group("Noirs", "Noir", False, "le salon de coiffure afro", "racism"),
    fr_group("handicapés", "handicapé", False, "le foyer pour handicapés", "disability"),
    fr_group("musulmans", "musulman", False, "la mosquée", "islamophobia"),
    fr_group("juifs", "juif", False, "la synagogue", "antisemitism"),
    fr_group("immigrés", "immigré", False, "le foyer de travailleurs immigrés", "xenophobia", vowel=True),
    fr_group("réfugiés", "réfugié", False, "le camp de réfugiés", "xenophobia"),
    fr_group("Roms", "Rom", False, "le camp de Roms", "racism"),
    fr_group("Arabes", "Arabe", False, "le centre culturel arabe", "racism", vowel=True),
    fr_group("Asiatiques", "Asiatique", False, "le supermarché asiatique", "racism", vowel=True),
]


def fr_a(np):
    """à + noun phrase, with contraction."""
    if np.startswith("le "):
        return "au " + np[3:]
    if np.startswith("les "):
        return "aux " + np[4:]
    return "à " + np


# --------------------------------------------------------------------------
# Non-protected targets (for threat_nonprotected)
# --------------------------------------------------------------------------

def en_target(np, sg, kind, pl=False, person=False):
    t = SimpleNamespace()
    t.np, t.Np, t.sg, t.kind = np, cap(np), sg, kind
    t.pl = pl
    t.it = "them" if (pl or person) else "it"
    t.it_s = "they're" if (pl or person) else "it's"
    t.It_s = cap(t.it_s)
    t.is_ = "are" if pl else "is"
    t.has = "have" if pl else "has"
    t.v = (lambda s, p: p if pl else s)
    return t


EN_TARGETS = [
    en_target("the printer", "printer", "obj"),
    en_target("my laptop", "laptop", "obj"),
    en_target("my alarm clock", "alarm clock", "obj"),
    en_target("the self-checkout machine", "self-checkout", "obj"),
    en_target("the router", "router", "obj"),
    en_target("this spreadsheet", "spreadsheet", "obj"),
    en_target("the lawnmower", "lawnmower", "obj"),
    en_target("the coffee machine at work", "coffee machine", "obj"),
    en_target("the wasps", "wasp", "pest", pl=True),
    en_target("the mosquitoes", "mosquito", "pest", pl=True),
    en_target("the slugs in my garden", "slug", "pest", pl=True),
    en_target("the pigeons on my balcony", "pigeon", "pest", pl=True),
    en_target("the final boss", "boss", "game"),
    en_target("the zombies on level 4", "zombie", "game", pl=True),
    en_target("that referee", "referee", "person", person=True),
    en_target("the other team's goalkeeper", "goalkeeper", "person", person=True),
]


def fr_target(np, sg, kind, fem=False, pl=False, vowel=False):
    t = SimpleNamespace()
    t.np, t.Np, t.sg, t.kind = np, cap(np), sg, kind
    t.pl = pl
    t.lo = "les" if pl else ("la" if fem else "le")
    t.il = ("elles" if fem else "ils") if pl else ("elle" if fem else "il")
    t.prochain = "la prochaine" if fem else "le prochain"
    t.Prochain = cap(t.prochain)
    t.a_np = fr_a(np)
    t.de_sg = ("d'" if vowel else "de ") + sg
    t.v = (lambda s, p: p if pl else s)
    t.ag = (lambda m, f: (f if fem else m) + ("s" if pl else ""))
    t.s = (lambda m, f: f if fem else m)
    return t


FR_TARGETS = [
    fr_target("l'imprimante", "imprimante", "obj", fem=True, vowel=True),
    fr_target("mon ordi", "ordi", "obj", vowel=True),
    fr_target("mon réveil", "réveil", "obj"),
    fr_target("la caisse automatique", "caisse automatique", "obj", fem=True),
    fr_target("la box internet", "box", "obj", fem=True),
    fr_target("ce tableur Excel", "tableur", "obj"),
    fr_target("la tondeuse", "tondeuse", "obj", fem=True),
    fr_target("la machine à café du bureau", "machine à café", "obj", fem=True),
    fr_target("le lave-vaisselle", "lave-vaisselle", "obj"),
    fr_target("les guêpes", "guêpe", "pest", fem=True, pl=True),
    fr_target("les moustiques", "moustique", "pest", pl=True),
    fr_target("les limaces du potager", "limace", "pest", fem=True, pl=True),
    fr_target("les pigeons du balcon", "pigeon", "pest", pl=True),
    fr_target("le boss final", "boss", "game"),
    fr_target("les zombies du niveau 4", "zombie", "game", pl=True),
    fr_target("cet arbitre", "arbitre", "person", vowel=True),
    fr_target("le gardien d'en face", "gardien", "person"),
]

ALL = {"obj", "pest", "game", "person"}
NOPERSON = {"obj", "pest", "game"}
OBJ = {"obj"}


# --------------------------------------------------------------------------
# English templates
# --------------------------------------------------------------------------

EN = {}

EN["threat_direct"] = [
    lambda g: f"I'm going to find every one of those {g.G} in this town and make them bleed.",
    lambda g: f"Swear to god the next {g.g1} I see on my street is getting their head kicked in.",
    lambda g: f"If one more {g.g1} moves into my building I will burn the whole place down with them inside.",
    lambda g: f"Mark my words, I'm going to walk into {g.place} and put a bullet in as many {g.G} as I can.",
    lambda g: f"Tonight I'm taking my dad's shotgun down to {g.place}. {g.Gc} have had this coming for years.",
    lambda g: f"Who's with me? This weekend we go round and beat every {g.g1} we can find until they stop moving.",
    lambda g: f"You {g.G} have one week to get out of this neighbourhood. After that I start breaking bones.",
    lambda g: f"You {g.G} will all end up in a ditch, I promise you that, and I'll dig it myself.",
    lambda g: f"I swear I'll stab the first {g.g1} who looks at me wrong tomorrow.",
    lambda g: f"gonna drive my truck straight into the next crowd of {g.G} i see, not even joking",
    lambda g: f"I will personally strangle any {g.g1} who comes near my kids.",
    lambda g: f"Rope's ready. The first {g.g1} who walks past my house tonight is swinging from the oak tree.",
    lambda g: f"Done talking. Next time I catch {g.G} hanging around outside {g.place} I'm torching the lot of them.",
    lambda g: f"We're going to drag {g.G} out of their homes one by one and make them pay. Car park at 9, bring bats.",
    lambda g: f"Keep it up, {g.G}, and I'll put every single one of you in the ground myself.",
    lambda g: f"I'll be waiting outside {g.place} with a knife on Friday. Any {g.g1} who walks out is getting cut.",
    lambda g: f"Every {g.g1} in this city had better sleep with one eye open, because I'm coming for them.",
    lambda g: f"If {g.G} show up at my local again I swear I'll firebomb their cars with them still inside.",
]

EN["question"] = [
    lambda g: f"Why do {g.G} always have to ruin everything they touch?",
    lambda g: f"How many more of our towns have to be wrecked by {g.G} before we admit they're a disease?",
    lambda g: f"Isn't it obvious by now that {g.G} are just less intelligent than the rest of us?",
    lambda g: f"Why are {g.G} so completely incapable of being decent human beings?",
    lambda g: f"Does anyone actually believe {g.G} are fully human?",
    lambda g: f"Can someone explain why we let {g.G} breed like rats?",
    lambda g: f"Who in their right mind would want {g.G} living next door to their kids?",
    lambda g: f"Is there a single {g.g1} out there who isn't a parasite?",
    lambda g: f"Why should we treat {g.G} as equals when they're obviously vermin?",
    lambda g: f"What's the point of {g.G} anyway, apart from spreading disease?",
    lambda g: f"How come every {g.g1} I meet turns out to be a liar and a thief?",
    lambda g: f"Aren't {g.G} basically just animals wearing clothes?",
    lambda g: f"How long until we all admit {g.G} are a plague on this country?",
    lambda g: f"seriously why do {g.G} even exist?? what are they good for??",
    lambda g: f"Am I the only one who thinks {g.G} should be kept well away from decent people?",
    lambda g: f"Wouldn't the world be better off without any {g.G} in it?",
    lambda g: f"Why does anyone still pretend {g.G} can be trusted with anything?",
    lambda g: f"When are we going to stop pretending {g.G} aren't a danger to everyone around them?",
]

EN["pronoun_clause"] = [
    lambda g: f"I've lived next to {g.G} for years and they are the most disgusting people on earth.",
    lambda g: f"My cousin works with {g.G}, and honestly they're all lazy parasites.",
    lambda g: f"Whenever I see {g.G} on the bus I remember that they are nothing but vermin.",
    lambda g: f"People keep telling me to be nice to {g.G}, but they don't deserve to be treated like humans.",
    lambda g: f"{g.Gc} keep demanding respect, but they are a cancer on this society.",
    lambda g: f"Some {g.G} moved in downstairs and they're exactly the subhuman trash I expected.",
    lambda g: f"I don't care what the law says about {g.G}, they should all be locked up.",
    lambda g: f"There were {g.G} at the park today and they should have been thrown out like rubbish.",
    lambda g: f"Schools keep hiring {g.G} even though they're too stupid to teach anyone anything.",
    lambda g: f"Say what you want about {g.G}, they're a plague and they always will be.",
    lambda g: f"My feed is full of {g.G} lately and I wish they would all just disappear for good.",
    lambda g: f"{g.Gc} were on TV again last night, and I swear they get more disgusting every year.",
    lambda g: f"Every time I walk past {g.G} I'm reminded that they don't belong in a civilised country.",
    lambda g: f"Someone at work stuck up for {g.G} today, as if they weren't the scum of the earth.",
    lambda g: f"I used to have nothing against {g.G}, but now I know they're all liars who should be thrown out.",
    lambda g: f"The council opened a new centre for {g.G}, which is a shame because they rot every place they go.",
    lambda g: f"My sister hangs around with {g.G}, even though they're clearly inferior to us in every way.",
]

EN["counter_quote"] = [
    lambda g: f"Someone in the comments wrote \"{g.G} are vermin\" and got 200 likes. Disgusting. Report that account.",
    lambda g: f"My uncle said \"all {g.G} should be locked up\" at dinner and I walked out. Not sitting at that table again.",
    lambda g: f"\"{g.Gc} are subhuman\" is not an opinion, it's hate, and I'm tired of people pretending otherwise.",
    lambda g: f"If your reaction to the news is \"kill all {g.G}\", you are the problem, not them.",
    lambda g: f"Saw a banner today saying {g.G} are a disease. No. Just no. Whoever made it should be ashamed.",
    lambda g: f"People saying that {g.G} are less intelligent should look at the actual research, because it says the opposite.",
    lambda g: f"\"I'd shoot every {g.g1} I see\" is what a local candidate posted. How is he still on the ballot??",
    lambda g: f"Stop telling me \"{g.G} ruin everything\". They don't. Your prejudice does.",
    lambda g: f"A guy on the train yelled \"{g.G} belong in the sewer\" and nobody said a word. I wish I had.",
    lambda g: f"Reminder that \"{g.G} are animals\" was said by an MP last week and he still hasn't apologised.",
    lambda g: f"Every time someone posts 'the next {g.g1} I see is dead' the platform just shrugs. Do better.",
    lambda g: f"Teaching my kids that when someone tells them {g.G} are dangerous, they should ask who gains from that lie.",
    lambda g: f"The graffiti on the school wall said \"{g.G} out\". We painted over it this morning, all of us together.",
    lambda g: f"'{g.Gc} don't deserve rights' - no. Every person deserves rights. End of discussion.",
    lambda g: f"Heard a colleague say {g.G} are parasites. Reported it to HR. That kind of talk has no place here.",
    lambda g: f"Imagine thinking \"{g.G} should be wiped out\" is a normal thing to tweet. Blocked and reported.",
    lambda g: f"Grandad used to say {g.G} were filth. I loved him, but he was wrong, and I won't pass that on to my kids.",
]

EN["counter_reference"] = [
    lambda g: f"Three {g.G} were attacked outside the station last night. This has to stop. Thinking of them.",
    lambda g: f"The abuse {g.G} get online every single day is sickening. I stand with them.",
    lambda g: f"If you see {g.G} being harassed on the bus, step in or at least film it. Silence only helps the bullies.",
    lambda g: f"Disgusted by the graffiti targeting {g.G} on our street. Not in our name.",
    lambda g: f"Hate crimes against {g.G} went up again this year. Why isn't this front page news?",
    lambda g: f"Solidarity with all the {g.G} who woke up to threats in their inbox this morning. You're not alone.",
    lambda g: f"The way {g.G} are being treated in this country right now is shameful. Nobody should have to live in fear.",
    lambda g: f"Our club is holding a vigil for the {g.G} hurt in Saturday's attack. Please come if you can.",
    lambda g: f"Reading the replies under that post about {g.G} made me feel physically ill. So much hatred.",
    lambda g: f"Proud of my town for turning out to protect {g.G} after last week's threats.",
    lambda g: f"Every time {g.G} speak up about harassment they get dogpiled. Maybe listen to them instead.",
    lambda g: f"The attack on {g.place} was pure cowardice. My heart goes out to every one of the {g.G} affected.",
    lambda g: f"Landlords turning away {g.G} is discrimination, plain and simple, and it's illegal.",
    lambda g: f"Can we talk about how normal it's become to mock {g.G} in comment sections? It's not okay.",
    lambda g: f"Standing outside {g.place} tonight with friends so {g.G} feel safe there. Bring a candle.",
    lambda g: f"Teachers, please take the bullying of {g.G} at school seriously. It ruins lives.",
    lambda g: f"To whoever sent those threats to {g.G} at the community centre: we will not let you scare them away.",
]

EN["negated_hate"] = [
    lambda g: f"I would never hurt {g.a}, and I'd step in if anyone else tried.",
    lambda g: f"No {g.g1} deserves to be spat at in the street. None.",
    lambda g: f"{g.Gc} are not vermin. They're people, same as you and me.",
    lambda g: f"I don't think {g.G} are a problem at all, and I never have.",
    lambda g: f"I'm not going to threaten {g.G} just because some guy on the internet told me to.",
    lambda g: f"Nobody is saying {g.G} should be thrown out. Nobody sane, anyway.",
    lambda g: f"It's not true that {g.G} are dangerous, and repeating it won't make it true.",
    lambda g: f"I will never raise a hand to {g.a}, and I'll never teach my kids to either.",
    lambda g: f"No one should ever want {g.G} dead. What is wrong with people?",
    lambda g: f"{g.Gc} aren't less intelligent, they aren't less human, they aren't less anything.",
    lambda g: f"I don't hate {g.G}. I never have and I never will.",
    lambda g: f"Not a single {g.g1} has ever done me any harm, so why would I wish them any?",
    lambda g: f"You won't ever hear me say {g.G} are inferior, because they're not.",
    lambda g: f"There's no way I'd ever attack {g.a}. That's not who I am.",
    lambda g: f"Never believed the lie that {g.G} are a threat to this country, and I never will.",
    lambda g: f"{g.Gc} don't deserve any of the abuse they get. Not one bit of it.",
    lambda g: f"Nobody deserves to be beaten up just for being {g.a}.",
]

EN["threat_nonprotected"] = [
    (ALL, lambda t: f"I'm going to smash {t.np} to pieces with a hammer tonight, I swear."),
    (ALL, lambda t: f"Mark my words, {t.np} {t.is_} going down this weekend."),
    (NOPERSON, lambda t: f"If {t.np} {t.v('does', 'do')} that one more time I will set {t.it} on fire."),
    (ALL, lambda t: f"The next {t.sg} that gets in my way is dead. Dead."),
    (ALL, lambda t: f"Who's with me? We go after {t.np} at midnight and destroy {t.it}."),
    (ALL, lambda t: f"gonna kill {t.np} tonight, been waiting all week for this"),
    (OBJ, lambda t: f"{t.Np} {t.has} one week to start working properly or {t.it_s} going out the window."),
    (ALL, lambda t: f"You stupid {t.sg}, I will end you."),
    (ALL, lambda t: f"I promise you I'm taking a baseball bat to {t.np} first thing tomorrow."),
    (ALL, lambda t: f"Bringing the flamethrower for {t.np} this weekend. No mercy."),
    (ALL, lambda t: f"Honestly I could strangle {t.np} right now."),
    (OBJ, lambda t: f"One more error and {t.np} {t.v('gets', 'get')} thrown off the balcony."),
    (ALL, lambda t: f"It's decided. {t.Np} won't survive the night."),
    (ALL, lambda t: f"I'm going to wreck {t.np} so hard {t.it_s} not going to know what hit {t.it}."),
    (ALL, lambda t: f"Tonight's the night {t.np} finally {t.v('dies', 'die')}."),
    (ALL, lambda t: f"Watch me absolutely destroy {t.np} in under five minutes."),
]


# --------------------------------------------------------------------------
# French templates
# --------------------------------------------------------------------------

FR = {}

FR["threat_direct"] = [
    lambda g: f"Je vais retrouver {g.les} {g.a('un par un', 'une par une')} et leur faire la peau, je le jure.",
    lambda g: f"{g.Prochain} {g.sg} que je croise dans ma rue, je lui éclate la tête contre le trottoir.",
    lambda g: f"Si encore {g.un} s'installe dans mon immeuble, je fous le feu à tout l'étage.",
    lambda g: f"Retenez bien ce que je dis : je vais aller {fr_a(g.place)} avec un fusil et descendre un maximum {g.de}.",
    lambda g: f"Ce soir je descends {fr_a(g.place)} avec le fusil de mon père. {g.Les} l'ont bien cherché.",
    lambda g: f"Qui vient avec moi ce week-end ? On va tabasser {g.tous_les} qu'on trouve jusqu'à ce qu'{g.ils} ne bougent plus.",
    lambda g: f"Vous, {g.les}, vous avez une semaine pour dégager du quartier. Après ça je commence à casser des os.",
    lambda g: f"Vous {g.les}, vous finirez {g.tous} dans un fossé, je vous le promets, et c'est moi qui creuserai.",
    lambda g: f"Je vous jure que je plante {g.premier} {g.sg} qui me regarde de travers demain.",
    lambda g: f"jvais foncer avec mon camion dans le prochain groupe {g.de} que je vois, même pas je rigole",
    lambda g: f"J'étranglerai de mes propres mains {g.tout} {g.sg} qui s'approche de mes gosses.",
    lambda g: f"La corde est prête. {g.Premier} {g.sg} qui passe devant chez moi ce soir finira {g.s('pendu', 'pendue')} au chêne.",
    lambda g: f"J'ai fini de parler. La prochaine fois que je vois {g.des} devant {g.place}, je les crame {g.tous}.",
    lambda g: f"On va aller chercher {g.les} chez {g.eux} {g.a('un par un', 'une par une')} et leur faire payer. Rendez-vous au parking à 21h, ramenez des battes.",
    lambda g: f"Continuez comme ça, {g.les}, et je vous mets {g.tous} six pieds sous terre moi-même.",
    lambda g: f"Vendredi je serai devant {g.place} avec un couteau. {g.Premier} {g.sg} qui sort, je {g.lo} saigne.",
    lambda g: f"Que {g.les} de cette ville dorment avec un œil ouvert : je vais venir les chercher, {g.a('un par un', 'une par une')}.",
    lambda g: f"Si {g.des} se pointent encore au bar du coin, je jure que je crame leurs bagnoles, et {g.eux} avec.",
]

FR["question"] = [
    lambda g: f"Pourquoi {g.les} sont-{g.ils} toujours aussi {g.a('menteurs', 'menteuses')} ?",
    lambda g: f"Combien de quartiers faudra-t-il encore que {g.les} détruisent avant qu'on admette que c'est une maladie ?",
    lambda g: f"C'est pas évident, à force, que {g.les} sont {g.a('moins intelligents', 'moins intelligentes')} que nous ?",
    lambda g: f"Quelqu'un croit vraiment que {g.les} sont des êtres humains à part entière ?",
    lambda g: f"Pourquoi on laisse {g.les} se reproduire comme des rats ?",
    lambda g: f"Qui, franchement, voudrait {g.des} comme voisins de ses enfants ?",
    lambda g: f"Il existe {g.un_seul} {g.sg} qui ne soit pas un parasite ?",
    lambda g: f"Pourquoi traiter {g.les} comme nos égaux alors qu'{g.ils} ne sont que de la vermine ?",
    lambda g: f"À quoi servent {g.les}, à part répandre des maladies ?",
    lambda g: f"Comment ça se fait que chaque {g.sg} que je croise soit {g.s('un menteur et un voleur', 'une menteuse et une voleuse')} ?",
    lambda g: f"{g.Les} ne sont-{g.ils} pas juste des animaux habillés ?",
    lambda g: f"Combien de temps avant qu'on reconnaisse que {g.les} sont une plaie pour ce pays ?",
    lambda g: f"sérieux pourquoi {g.les} existent ?? {g.ils} servent à quoi ??",
    lambda g: f"Je suis le seul à penser qu'il faudrait tenir {g.les} à l'écart des gens normaux ?",
    lambda g: f"Le monde ne serait-il pas meilleur sans {g.les} ?",
    lambda g: f"Pourquoi tout le monde fait encore semblant qu'on peut faire confiance {g.aux} ?",
    lambda g: f"On arrête quand de faire semblant que {g.les} ne sont pas un danger pour tout le monde ?",
    lambda g: f"Pourquoi {g.les} sont-{g.ils} incapables de se comporter comme des êtres humains normaux ?",
]

FR["pronoun_clause"] = [
    lambda g: f"J'ai vécu à côté {g.des} pendant des années et {g.ils} sont vraiment les gens les plus répugnants qui existent.",
    lambda g: f"Mon cousin bosse avec {g.des}, et franchement {g.ils} sont {g.tous} des parasites.",
    lambda g: f"Chaque fois que je vois {g.des} dans le bus, je me rappelle qu'{g.ils} ne sont que de la vermine.",
    lambda g: f"On me dit d'être gentil avec {g.les}, mais {g.ils} ne méritent pas d'être {g.a('traités', 'traitées')} comme des humains.",
    lambda g: f"{g.Les} réclament du respect, mais {g.ils} sont un cancer pour la société.",
    lambda g: f"{cap(g.des)} ont emménagé en bas de chez moi et {g.ils} sont exactement les déchets que j'imaginais.",
    lambda g: f"Je me fiche de ce que dit la loi sur {g.les}, {g.ils} devraient {g.a('tous être enfermés', 'toutes être enfermées')}.",
    lambda g: f"Il y avait {g.des} au parc aujourd'hui et {g.ils} auraient dû être {g.a('jetés', 'jetées')} dehors comme des ordures.",
    lambda g: f"Les écoles embauchent {g.des} maintenant alors qu'{g.ils} sont trop bêtes pour enseigner quoi que ce soit.",
    lambda g: f"Dites ce que vous voulez sur {g.les}, {g.ils} restent une plaie et le resteront toujours.",
    lambda g: f"Mon fil d'actu est plein {g.de} en ce moment et j'aimerais qu'{g.ils} disparaissent {g.tous} pour de bon.",
    lambda g: f"{g.Les} étaient encore à la télé hier soir, et je vous jure qu'{g.ils} sont de plus en plus {g.a('répugnants', 'répugnantes')}.",
    lambda g: f"Chaque fois que je passe devant {g.des}, je me dis qu'{g.ils} n'ont rien à faire dans un pays civilisé.",
    lambda g: f"Un collègue a défendu {g.les} aujourd'hui, comme {g.si_ils} n'étaient pas la lie de l'humanité.",
    lambda g: f"Avant je n'avais rien contre {g.les}, mais maintenant je sais qu'{g.ils} sont {g.a('tous des menteurs', 'toutes des menteuses')} qu'il faut virer.",
    lambda g: f"La mairie a ouvert un nouveau centre pour {g.les}, dommage, parce qu'{g.ils} pourrissent tout ce qu'{g.ils} touchent.",
    lambda g: f"Ma sœur traîne avec {g.des}, alors qu'{g.ils} sont clairement {g.a('inférieurs', 'inférieures')} à nous en tout.",
]

FR["counter_quote"] = [
    lambda g: f"Quelqu'un a écrit « {g.Les} sont de la vermine » en commentaire et a eu 200 likes. Dégueulasse. Signalez ce compte.",
    lambda g: f"Mon oncle a sorti « il faudrait enfermer {g.tous_les} » au repas, je suis partie. Plus jamais à cette table.",
    lambda g: f"« {g.Les} sont des sous-hommes », ce n'est pas une opinion, c'est de la haine, et j'en ai marre qu'on fasse semblant du contraire.",
    lambda g: f"Si ta réaction à l'actu c'est « mort {g.aux} », le problème c'est toi, pas {g.eux}.",
    lambda g: f"Vu une banderole qui disait que {g.les} sont une maladie. Non. Juste non. Honte à ceux qui l'ont faite.",
    lambda g: f"Ceux qui disent que {g.les} sont {g.a('moins intelligents', 'moins intelligentes')} devraient lire les études, elles disent exactement l'inverse.",
    lambda g: f"« Je flinguerais {g.tous_les} que je croise » : voilà ce qu'a posté un candidat local. Comment il peut encore se présenter ??",
    lambda g: f"Arrêtez de me dire que « {g.les} gâchent tout ». C'est faux. Ce sont vos préjugés qui gâchent tout.",
    lambda g: f"Un type dans le métro a crié « {g.les}, retournez dans vos égouts » et personne n'a bronché. J'aurais dû dire quelque chose.",
    lambda g: f"Rappel : « {g.les} sont des animaux », c'est un député qui l'a dit la semaine dernière, et il ne s'est toujours pas excusé.",
    lambda g: f"À chaque fois que quelqu'un poste « {g.prochain} {g.sg} que je vois, je {g.lo} tue », la plateforme s'en fiche. Faites mieux.",
    lambda g: f"J'apprends à mes enfants que quand on leur dit que {g.les} sont {g.a('dangereux', 'dangereuses')}, il faut se demander à qui profite ce mensonge.",
    lambda g: f"Sur le mur de l'école, quelqu'un avait tagué « Dehors {g.les} ». On l'a repeint ce matin, tous ensemble.",
    lambda g: f"« {g.Les} ne méritent pas de droits » — non. Tout le monde mérite des droits. Fin de la discussion.",
    lambda g: f"J'ai entendu un collègue dire que {g.les} sont des parasites. Signalé aux RH. Ce genre de propos n'a rien à faire ici.",
    lambda g: f"Faut vraiment être atteint pour trouver normal de tweeter « il faut exterminer {g.les} ». Bloqué et signalé.",
    lambda g: f"Mon grand-père disait que {g.les} étaient de la racaille. Je l'aimais, mais il avait tort, et je ne répéterai pas ça à mes enfants.",
]

FR["counter_reference"] = [
    lambda g: f"Trois {g.bare} ont été {g.a('agressés', 'agressées')} devant la gare hier soir. Ça doit cesser. Toutes mes pensées vont vers {g.eux}.",
    lambda g: f"Le harcèlement que subissent {g.les} en ligne tous les jours est écœurant. Soutien total.",
    lambda g: f"Si vous voyez {g.des} se faire harceler dans le bus, intervenez ou au moins filmez. Le silence aide les harceleurs.",
    lambda g: f"Écœuré par les tags visant {g.les} dans notre rue. Pas en notre nom.",
    lambda g: f"Les agressions contre {g.les} ont encore augmenté cette année. Pourquoi ce n'est pas à la une ?",
    lambda g: f"Solidarité avec {g.tous_les} qui ont reçu des menaces ce matin. Vous n'êtes pas {g.a('seuls', 'seules')}.",
    lambda g: f"La façon dont on traite {g.les} dans ce pays en ce moment est une honte. Personne ne devrait vivre dans la peur.",
    lambda g: f"Notre asso organise un rassemblement pour {g.les} {g.a('blessés', 'blessées')} lors de l'attaque de samedi. Venez nombreux.",
    lambda g: f"Lire les réponses sous ce post sur {g.les} m'a rendu malade. Tant de haine.",
    lambda g: f"Fier de ma ville qui s'est mobilisée pour protéger {g.les} après les menaces de la semaine dernière.",
    lambda g: f"Chaque fois que {g.les} parlent du harcèlement qu'{g.ils} subissent, on leur tombe dessus. Écoutez-les plutôt.",
    lambda g: f"L'attaque contre {g.place} est un acte de lâcheté. Pensées pour {g.les} {g.a('touchés', 'touchées')}.",
    lambda g: f"Un proprio qui refuse de louer {g.aux}, c'est de la discrimination, point, et c'est illégal.",
    lambda g: f"On peut parler du fait que c'est devenu normal de se moquer {g.des} dans les commentaires ? Ce n'est pas ok.",
    lambda g: f"Ce soir on sera devant {g.place} avec des amis pour que {g.les} s'y sentent en sécurité. Ramenez une bougie.",
    lambda g: f"Profs, prenez au sérieux le harcèlement dont {g.les} sont victimes à l'école. Ça détruit des vies.",
    lambda g: f"À celui qui a envoyé ces menaces {g.aux} du centre social : on ne te laissera pas les faire fuir.",
]

FR["negated_hate"] = [
    lambda g: f"Je ne ferais jamais de mal à {g.un}, et j'interviendrais si quelqu'un essayait.",
    lambda g: f"{g.Aucun} {g.sg} ne mérite de se faire cracher dessus dans la rue. {g.Aucun}.",
    lambda g: f"{g.Les} ne sont pas de la vermine, ce sont des gens comme vous et moi.",
    lambda g: f"Je ne pense pas du tout que {g.les} soient un problème, et je ne l'ai jamais pensé.",
    lambda g: f"Je ne vais pas menacer {g.les} juste parce qu'un type sur internet me le demande.",
    lambda g: f"Personne ne dit qu'il faut virer {g.les}. Personne de sensé, en tout cas.",
    lambda g: f"C'est faux de dire que {g.les} sont {g.a('dangereux', 'dangereuses')}, et le répéter ne le rendra pas vrai.",
    lambda g: f"Jamais je ne lèverai la main sur {g.un}, et j'apprendrai à mes enfants à faire pareil.",
    lambda g: f"Personne ne devrait souhaiter la mort {g.des}. Mais qu'est-ce qui ne va pas chez les gens ?",
    lambda g: f"{g.Les} ne sont pas {g.a('moins intelligents', 'moins intelligentes')}, pas {g.a('moins humains', 'moins humaines')}, pas moins quoi que ce soit.",
    lambda g: f"Je ne déteste pas {g.les}. Je ne les ai jamais {g.a('détestés', 'détestées')} et je ne les détesterai jamais.",
    lambda g: f"Pas {g.un_seul} {g.sg} ne m'a jamais fait de mal, alors pourquoi je leur voudrais du mal ?",
    lambda g: f"Vous ne m'entendrez jamais dire que {g.les} sont {g.a('inférieurs', 'inférieures')}, parce que c'est faux.",
    lambda g: f"Il n'y a aucune chance que je m'en prenne à {g.un}. Ce n'est pas moi, ça.",
    lambda g: f"Je n'ai jamais cru à ce mensonge selon lequel {g.les} menaceraient ce pays, et je n'y croirai jamais.",
    lambda g: f"{g.Les} ne méritent rien de toute la haine qu'{g.ils} reçoivent. Rien.",
    lambda g: f"Personne ne mérite d'être tabassé juste parce qu'il se trouve être {g.un}.",
]

FR["threat_nonprotected"] = [
    (ALL, lambda t: f"Ce soir je vais défoncer {t.np} à coups de marteau, je le jure."),
    (ALL, lambda t: f"Retenez bien ce que je dis : {t.np} {t.v('va', 'vont')} y passer ce week-end."),
    (NOPERSON, lambda t: f"Si {t.np} me {t.v('refait', 'refont')} ce coup-là, je {t.lo} crame."),
    (ALL, lambda t: f"{t.Prochain} {t.sg} qui me cherche est {t.s('mort', 'morte')}. {cap(t.s('mort', 'morte'))}."),
    (ALL, lambda t: f"Qui est avec moi ? On attaque {t.np} à minuit et on {t.lo} détruit."),
    (ALL, lambda t: f"jvais buter {t.np} ce soir, ça fait une semaine que j'attends ça"),
    (OBJ, lambda t: f"{t.Np} {t.v('a', 'ont')} une semaine pour marcher correctement, sinon {t.il} {t.v('passe', 'passent')} par la fenêtre."),
    (ALL, lambda t: f"Espèce {t.de_sg} de malheur, je vais te détruire."),
    (ALL, lambda t: f"Je te promets que demain matin je règle {t.v('son', 'leur')} compte {t.a_np} à la batte de baseball."),
    (ALL, lambda t: f"Je ramène le lance-flammes pour {t.np} ce week-end. Aucune pitié."),
    (ALL, lambda t: f"Franchement je pourrais étrangler {t.np} là, tout de suite."),
    (OBJ, lambda t: f"Encore un bug et {t.np} {t.v('finit', 'finissent')} {t.ag('balancé', 'balancée')} du balcon."),
    (ALL, lambda t: f"C'est décidé. {t.Np} ne {t.v('passera', 'passeront')} pas la nuit."),
    (ALL, lambda t: f"Je vais tellement démolir {t.np} qu'{t.il} ne {t.v('saura', 'sauront')} pas ce qui {t.v('lui', 'leur')} est tombé dessus."),
    (ALL, lambda t: f"Ce soir c'est le grand soir, {t.np} {t.v('va', 'vont')} enfin crever."),
    (ALL, lambda t: f"Regardez-moi bien, je vais exploser {t.np} en moins de cinq minutes."),
]


# --------------------------------------------------------------------------
# Generation
# --------------------------------------------------------------------------

FUNCTIONS = [
    ("threat_direct", True),
    ("question", True),
    ("pronoun_clause", True),
    ("counter_quote", False),
    ("counter_reference", False),
    ("negated_hate", False),
    ("threat_nonprotected", False),
]

# Checks for slips in agreement, elision and contraction.
FR_BAD = [
    r"\b(de|à) les\b", r"\b(de|à) le\b(?! handicapé)",
    r"\b(que|de|je|ne|le|la|se|me|te) (?!une \?)[aeiouyéèêàâîôûAEIOUYÉ]",
    r"\b(tous|tout|un) (les )?(femmes?|personnes?|lesbiennes?)\b",
    r"\s{2,}", r"\{|\}",
]
EN_BAD = [r"\ba [aeiouAEIOU]", r"\ban (?!MP\b)[^aeiouAEIOU\s]", r"\s{2,}", r"\{|\}"]


def rotate(items, start, n):
    n = min(n, len(items))
    return [items[(start + k) % len(items)] for k in range(n)]


def build(lang, templates, groups, targets, bad):
    rows = []
    counts = {}
    for fname, hateful in FUNCTIONS:
        tlist = templates[fname]
        for ti, tpl in enumerate(tlist):
            split = "b3-dev" if ti % 2 == 0 else "b3-test"
            if fname == "threat_nonprotected":
                kinds, fn = tpl
                pool = [t for t in targets if t.kind in kinds]
                fills = rotate(pool, ti * 3, FILLS_PER_TEMPLATE)
                if len(fills) < 8:
                    raise SystemExit(f"{lang} {fname} #{ti}: only {len(fills)} targets")
                items = [(fn(t), "none") for t in fills]
            else:
                fills = rotate(groups, ti * 3, FILLS_PER_TEMPLATE)
                items = [(tpl(g), g.cat if hateful else "none") for g in fills]
            for text, cat in items:
                for pat in bad:
                    m = re.search(pat, text)
                    if m:
                        raise SystemExit(f"{lang} {fname} #{ti}: suspicious {m.group(0)!r} in {text!r}")
                rows.append({
                    "text": text,
                    "lang": lang,
                    "hateful": hateful,
                    "function": fname,
                    "category": cat,
                    "split": split,
                })
                key = (fname, split)
                counts[key] = counts.get(key, 0) + 1
    seen = set()
    for r in rows:
        if r["text"] in seen:
            raise SystemExit(f"{lang}: duplicate text {r['text']!r}")
        seen.add(r["text"])
    out = []
    for i, r in enumerate(rows, 1):
        out.append(dict({"id": f"b3-{lang}-{i:04d}"}, **r))
    return out, counts


def main():
    summary = []
    for lang, templates, groups, targets, bad in (
        ("en", EN, EN_GROUPS, EN_TARGETS, EN_BAD),
        ("fr", FR, FR_GROUPS, FR_TARGETS, FR_BAD),
    ):
        rows, counts = build(lang, templates, groups, targets, bad)
        path = os.path.join(HERE, f"battery3-{lang}.jsonl")
        with open(path, "w", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        ntpl = sum(len(templates[f]) for f, _ in FUNCTIONS)
        summary.append(f"{lang}: {ntpl} templates, {len(rows)} posts -> {os.path.basename(path)}")
        for fname, _ in FUNCTIONS:
            summary.append(
                f"  {fname:20s} templates={len(templates[fname]):2d} "
                f"dev={counts.get((fname, 'b3-dev'), 0):3d} test={counts.get((fname, 'b3-test'), 0):3d}")
    print("\n".join(summary))


if __name__ == "__main__":
    sys.exit(main())
