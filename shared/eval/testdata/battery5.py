#!/usr/bin/env python3
"""battery5: a templated development set (split b5-dev) for Voile.

Written by the Voile developers for this project on 2026-12-01, in their own
words, blind to the classifier's lexicons, frames and training data. Nothing
here is copied from any dataset or published functional test suite.

Functions (about 25 templates each, per language):
  threat_direct        hateful   the speaker's own threats of violence
  negated_hate         not       negations, denials, refusals to hate or harm
  counter_quote        not       hateful words quoted to reject, mock or report
  homonym              not       innocent senses of slurs and group words
  positive_identity    not       praise, thanks, support of the group
  implicit_derogation  hateful   derogation without slurs or obvious insults
  question             hateful   hate phrased as a (rhetorical) question

Each group template is filled with 9 protected groups: three always (women,
Jews, Muslims) and a window of six of the eleven others, moved along from one
template to the next. Homonym templates name no group: their slots take
people and times instead.

Template syntax:
  {key}    a form of the group (see EN_KEYS / FR_KEYS); {Key} capitalised
  <a|b|c>  by the gender of the singular form: EN neutral|feminine|masculine
           (two options: neutral|gendered); FR masculine|feminine
  [a|b]    FR only: by the gender of the plural form, masculine|feminine

Stdlib only, deterministic. Run from anywhere:
  python3 shared/eval/testdata/battery5.py
"""

import json
import os
import re

SPLIT = "b5-dev"
HERE = os.path.dirname(os.path.abspath(__file__))

# ---------------------------------------------------------------- groups

# EN: pl, sg (noun for one member), adj, g (n/f/m: pronouns of sg), place.
EN_CORE = [
    dict(cat="sexism", pl="women", sg="woman", adj="female", g="f",
         place="the women's shelter"),
    dict(cat="antisemitism", pl="Jews", sg="Jew", adj="Jewish", g="n",
         place="the synagogue"),
    dict(cat="islamophobia", pl="Muslims", sg="Muslim", adj="Muslim", g="n",
         place="the mosque"),
]
EN_REST = [
    dict(cat="racism", pl="Black people", sg="Black person", adj="Black", g="n",
         place="the Black church on Elm Street"),
    dict(cat="lgbtphobia", pl="gay people", sg="gay man", adj="gay", g="m",
         place="the gay bar downtown"),
    dict(cat="xenophobia", pl="immigrants", sg="immigrant", adj="immigrant", g="n",
         place="the migrant hostel"),
    dict(cat="disability", pl="disabled people", sg="disabled person", adj="disabled", g="n",
         place="the care home"),
    dict(cat="lgbtphobia", pl="trans people", sg="trans woman", adj="trans", g="f",
         place="the trans support group"),
    dict(cat="racism", pl="Asians", sg="Asian", adj="Asian", g="n",
         place="the Asian supermarket"),
    dict(cat="xenophobia", pl="refugees", sg="refugee", adj="refugee", g="n",
         place="the refugee centre"),
    dict(cat="disability", pl="autistic people", sg="autistic person", adj="autistic", g="n",
         place="the autism unit at the school"),
    dict(cat="lgbtphobia", pl="lesbians", sg="lesbian", adj="lesbian", g="f",
         place="that lesbian bar"),
    dict(cat="racism", pl="Roma", sg="Roma man", adj="Roma", g="m",
         place="the Roma camp by the river"),
    dict(cat="xenophobia", pl="Mexicans", sg="Mexican", adj="Mexican", g="n",
         place="the Mexican bakery"),
]

# FR: pl (bare), g (gender of pl), sg (bare), sgg, el (elides: vowel or
# h muet), attr (after « être »), lieu.
FR_CORE = [
    dict(cat="sexism", pl="femmes", g="f", sg="femme", sgg="f", el=False,
         attr="une femme", lieu="le foyer pour femmes"),
    dict(cat="antisemitism", pl="Juifs", g="m", sg="Juif", sgg="m", el=False,
         attr="juif", lieu="la synagogue"),
    dict(cat="islamophobia", pl="musulmans", g="m", sg="musulman", sgg="m", el=False,
         attr="musulman", lieu="la mosquée du quartier"),
]
FR_REST = [
    dict(cat="racism", pl="Noirs", g="m", sg="Noir", sgg="m", el=False,
         attr="noir", lieu="le salon de coiffure afro de la rue Myrha"),
    dict(cat="lgbtphobia", pl="homosexuels", g="m", sg="homosexuel", sgg="m", el=True,
         attr="homosexuel", lieu="le bar gay du Marais"),
    dict(cat="xenophobia", pl="immigrés", g="m", sg="immigré", sgg="m", el=True,
         attr="immigré", lieu="le foyer de travailleurs immigrés"),
    # « handicapé »: h aspiré, so no elision (le handicapé, de handicapés).
    dict(cat="disability", pl="handicapés", g="m", sg="handicapé", sgg="m", el=False,
         attr="handicapé", lieu="le centre pour handicapés"),
    dict(cat="lgbtphobia", pl="personnes trans", g="f", sg="personne trans", sgg="f", el=False,
         attr="trans", lieu="l'association trans du centre-ville"),
    dict(cat="racism", pl="Arabes", g="m", sg="Arabe", sgg="m", el=True,
         attr="arabe", lieu="le centre culturel arabe"),
    dict(cat="xenophobia", pl="réfugiés", g="m", sg="réfugié", sgg="m", el=False,
         attr="réfugié", lieu="le centre d'accueil des réfugiés"),
    dict(cat="disability", pl="autistes", g="m", sg="autiste", sgg="m", el=True,
         attr="autiste", lieu="l'hôpital de jour pour autistes"),
    dict(cat="lgbtphobia", pl="lesbiennes", g="f", sg="lesbienne", sgg="f", el=False,
         attr="lesbienne", lieu="le bar lesbien de la rue Keller"),
    dict(cat="racism", pl="Roms", g="m", sg="Rom", sgg="m", el=False,
         attr="rom", lieu="le campement rom"),
    dict(cat="xenophobia", pl="étrangers", g="m", sg="étranger", sgg="m", el=True,
         attr="étranger", lieu="le centre de demandeurs d'asile"),
]


def article(word):
    return "an" if word[0].lower() in "aeiou" else "a"


def en_keys(g):
    pro = {"n": ("they", "them", "their"), "f": ("she", "her", "her"),
           "m": ("he", "him", "his")}[g["g"]]
    return {
        "pl": g["pl"], "sg": g["sg"], "adj": g["adj"], "place": g["place"],
        "a": article(g["sg"]) + " " + g["sg"],
        "a_adj": article(g["adj"]) + " " + g["adj"],
        "subj": pro[0], "obj": pro[1], "poss": pro[2],
    }


def fr_keys(g):
    pl, sg, el, f = g["pl"], g["sg"], g["el"], g["sgg"] == "f"
    return {
        "pl": pl, "sg": sg, "attr": g["attr"], "lieu": g["lieu"],
        "les": "les " + pl, "des": "des " + pl, "aux": "aux " + pl,
        "ces": "ces " + pl,
        "de": ("d'" if el else "de ") + pl,
        "ils": "elles" if g["g"] == "f" else "ils",
        "eux": "elles" if g["g"] == "f" else "eux",
        "un": ("une " if f else "un ") + sg,
        "le": ("l'" if el else ("la " if f else "le ")) + sg,
        "du": ("de l'" if el else ("de la " if f else "du ")) + sg,
        "au": ("à l'" if el else ("à la " if f else "au ")) + sg,
        "ce": ("cette " if f else ("cet " if el else "ce ")) + sg,
    }


def cap(s):
    return s[:1].upper() + s[1:]


def fill(tpl, keys, sg_idx=None, pl_idx=None):
    """Renders tpl with keys; <..> picks by sg_idx, [..] by pl_idx."""
    def angle(m):
        opts = m.group(1).split("|")
        if len(opts) == 2 and sg_idx is not None and sg_idx >= 2:
            return opts[1]  # EN two options: neutral|gendered
        return opts[min(sg_idx, len(opts) - 1)]

    def square(m):
        return m.group(1).split("|")[pl_idx]

    def key(m):
        k = m.group(1)
        if k in keys:
            return keys[k]
        if k[:1].isupper() and k[:1].lower() + k[1:] in keys:
            return cap(keys[k[:1].lower() + k[1:]])
        raise KeyError(k + " in " + tpl)

    s = tpl
    if sg_idx is not None:
        s = re.sub(r"<([^<>]*)>", angle, s)
    if pl_idx is not None:
        s = re.sub(r"\[([^\[\]]*)\]", square, s)
    s = re.sub(r"\{(\w+)\}", key, s)
    assert not re.search(r"[{}<>\[\]]", s), s
    return s


# ---------------------------------------------------------------- EN

EN = {}

EN["threat_direct"] = (True, [
    "I'm going to burn down {place} with every last one of those {pl} inside it.",
    "The next {sg} I see on my street gets a bullet. Simple as that.",
    "If one more {sg} moves onto our block, I will personally drag <them|her|him> out and break every bone in <their|her|his> body.",
    "Mark my words: by Christmas I'll have put a few {pl} in the ground.",
    "You {pl} had better start sleeping with one eye open, because I know where you live.",
    "Me and the lads are paying {place} a little visit on Saturday night. Bring bats.",
    "Machete's sharpened. Tomorrow I start on the {pl} in my building.",
    "Leave town by Friday or I'll make sure you {pl} leave it in body bags.",
    "Honestly, I'd happily strangle every {sg} I come across with my bare hands, and one day I will.",
    "Rifle's cleaned, the list of {pl} is written. Monday is the day.",
    "I will hunt {pl} down one by one until there are none left in this county.",
    "Yes, I mean you, the {sg} at number twelve: walk past my house once more and see what happens to your face.",
    "Should any {pl} turn up at the meeting tonight, I'll be waiting in the car park with a crowbar.",
    "We're going to take care of the {pl} on Elm Street once and for all. Quietly, at night.",
    "i swear to god the next {sg} who talks to me at work is getting stabbed",
    "I've been patient long enough. From this week on, any {sg} who crosses my path gets beaten until <they|she|he> can't stand.",
    "Give me ten minutes alone with a room full of {pl} and a can of petrol.",
    "We know which houses the {pl} live in. Expect us.",
    "One of these days I'm driving my truck straight into a crowd of {pl}, and I won't touch the brakes.",
    "To every {sg} reading this: set foot in my village and you'll be leaving it on a stretcher.",
    "They'll fish the {pl} from the third floor out of the canal. I'll see to that myself.",
    "Once I'm out on parole, I'm settling the score with every {sg} in this town.",
    "Pretty soon {place} is going to have a fire nobody can put out. I've already bought the fuel.",
    "You {pl} are going to pay for this, and I'll be the one collecting. With a hammer.",
    "Had I a gun on me right now, I'd empty it into the {pl} queueing outside.",
    "First {sg} I catch on the night bus, I'm kicking <their|her|his> teeth in. Promise.",
])

EN["negated_hate"] = (False, [
    "I would never hurt {a}, no matter what anyone told me to do.",
    "No {sg} deserves to be beaten up for simply walking home.",
    "It's not true that {pl} are dangerous. It never was.",
    "I don't hate {pl}. I never have, and I never will.",
    "Nobody should have to fear for their life just for being {a}.",
    "I refuse to believe that {pl} are any less honest than the rest of us.",
    "There's nothing wrong with {pl}, and I'm tired of people pretending there is.",
    "I'm not saying {pl} aren't welcome here. They absolutely are.",
    "{Pl} are not a threat to this country, and they never were.",
    "You will never hear me call {pl} vermin. Not once, not ever.",
    "Not for a moment have I thought {pl} were inferior, and I'm not starting now.",
    "I won't be joining any march against {pl}. Count me out.",
    "Hating {pl} is not something I was raised to do.",
    "Nothing about being {a} makes someone a worse parent.",
    "Contrary to what the tabloids say, {pl} aren't stealing anyone's jobs.",
    "I don't think {pl} should be pushed out of anywhere, least of all their own homes.",
    "No way am I voting for a candidate who wants {pl} kept out of public office.",
    "It's false that {pl} are more violent than anyone else, and the data shows it.",
    "None of the {pl} I grew up with were anything other than decent, kind people.",
    "I'm not afraid of {pl}, and I don't want my kids to be either.",
    "Never would I let anyone lay a finger on {a} in my shop.",
    "The {pl} in our town are not the reason the factory closed. Stop blaming them.",
    "There is no reason at all to treat {pl} as second-class citizens.",
    "I don't believe for a second that {pl} are out to get us.",
    "It's not that I don't like {pl}; I genuinely like them a lot.",
    "Can't say I've ever had a problem with {pl}, and I've lived next door to them for years.",
])

EN["counter_quote"] = (False, [
    "Someone spray-painted \"{Pl} out\" on the bus shelter. Reported it to the council and they're cleaning it off today.",
    "My uncle said \"{pl} are ruining everything\" at dinner, and I told him he was talking nonsense.",
    "The claim that {pl} are more likely to commit crimes has been debunked again and again.",
    "Anyone who says that {pl} are subhuman needs to take a long look in the mirror.",
    "\"All {pl} are parasites\" - imagine typing that and thinking you're the smart one.",
    "Reported a comment saying {pl} should be shot. Disgusting, and it's still up.",
    "Saying that {pl} don't belong here is exactly the kind of talk that gets people hurt.",
    "Police are investigating leaflets reading \"{Pl} go home\" that were pushed through doors in the area.",
    "Funny how the guys yelling \"the {pl} are taking over\" can't even take over their own lives.",
    "The idea that {pl} are a disease on society belongs in the bin of history.",
    "Heard a man on the train call {pl} \"animals\". I said something. You should too.",
    "\"Send the {pl} back\" was chanted at the rally. Shameful. That isn't who we are.",
    "Stop sharing that post claiming {pl} started the fires. It's a lie.",
    "Teacher here: a kid repeated \"{pl} are stupid\" today, so we spent the lesson unpacking why that's wrong.",
    "The minister's line that {pl} \"bring nothing but trouble\" should cost him his job.",
    "People who think {pl} are dirty clearly haven't met any.",
    "My screenshot shows the account writing \"death to {pl}\". I've sent it to the moderators.",
    "lol at the guy in the comments saying {pl} are \"destroying the West\". mate you can't even spell West",
    "Those who claim {pl} are all liars should try being honest themselves for once.",
    "The court heard the defendant shouted \"I hate {pl}\" before the assault. He was convicted on Tuesday.",
    "\"{Pl} can't be trusted\" - no, Brian, it's you who can't be trusted with a keyboard.",
    "The pamphlet says {pl} are \"a threat to our children\". It's the pamphlet that's the threat.",
    "Whenever someone tells me {pl} are lazy, I ask how many hours they worked this week.",
    "A viral video pushing the myth that {pl} are invading Europe has been taken down.",
    "Some loudmouth wrote \"{pl} should disappear\" online. That's hate, nothing more. Report and move on.",
    "Grandpa still thinks \"{pl} are bad luck\". We love him, but no.",
])

EN["positive_identity"] = (False, [
    "{Pl} make this city a better place, full stop.",
    "Thank you to all the {adj} nurses who kept our ward running this winter.",
    "So proud to stand alongside {pl} in the fight for equal rights.",
    "My {adj} neighbours are some of the kindest people I've ever known.",
    "Huge respect to {pl}: you've been through so much and you still show up for everyone.",
    "I love {pl}. There, I said it.",
    "Our company is better because of the {adj} engineers on the team.",
    "What would our music, our food and our culture be without {pl}? Poorer, that's what.",
    "Growing up, the {sg} next door taught me to ride a bike. I'll never forget <their|her|his> patience.",
    "Standing ovation for the {adj} athletes at last night's games. Absolutely brilliant.",
    "{Pl} deserve every bit of happiness this world has to offer.",
    "If you're {a} reading this: you are welcome here, and you are loved.",
    "Local charity celebrates ten years of {adj} volunteers running the food bank.",
    "Honestly, some of the sharpest minds I know belong to {pl}.",
    "Wishing all {pl} a peaceful and joyful holiday season.",
    "I've learned so much from {pl} over the years, and I'm grateful for every lesson.",
    "{Pl}, keep being yourselves. The world needs you.",
    "The courage of {pl} who speak out against injustice leaves me in awe.",
    "Our town just elected {a_adj} mayor and I couldn't be happier.",
    "Big love to {pl} everywhere \u2764\ufe0f",
    "Books by {adj} authors have shaped who I am. Recommend me more!",
    "There's a quiet strength in {pl} that I've always admired.",
    "We stand with {pl}. Today, tomorrow, always.",
    "The {adj} owners of the new bakery downstairs have made the whole street friendlier.",
    "Every {sg} I've worked with has been sharp, generous and a joy to be around.",
    "Respect and gratitude to {pl}, who built more of this country than the history books admit.",
])

EN["implicit_derogation"] = (True, [
    "Put {pl} in charge of anything and watch it fall apart within a month.",
    "You can always tell when {pl} have moved into a neighbourhood. The house prices tell you first.",
    "Funny how the crime figures jump every time a few more {pl} arrive.",
    "{Pl} are like weeds: let one in and soon they're everywhere.",
    "I'm not saying {pl} can't be doctors, I'm just saying I'd ask for a second opinion.",
    "Hire {a} if you enjoy doing twice the work yourself.",
    "Lock your car when {pl} are around. Just a friendly tip.",
    "There's a reason {pl} have never built anything that lasted.",
    "Every society that welcomed {pl} came to regret it eventually.",
    "{Pl} have their place, and it isn't in parliament.",
    "My grandad always counted his change twice after dealing with {pl}. Smart man.",
    "Scratch the surface of any scandal and you'll find {pl} somewhere underneath.",
    "A street with {pl} on it is a street you walk down a little faster.",
    "Letting {pl} vote was the beginning of the end.",
    "{Pl} are fine, as long as they stay in their own part of town.",
    "The day they started letting {pl} teach our kids, standards went straight down the drain.",
    "Our neighbourhood used to be lovely. Then the {pl} came.",
    "Just once I'd like to meet {a} who pulls <their|her|his> weight.",
    "Statistically speaking, {pl} are a bad investment for any employer.",
    "Some people bring flowers when they move in. {Pl} bring problems.",
    "Leaving {a} alone with the cash register is a lesson you only need to learn once.",
    "{Pl} are basically children in adult bodies. Somebody has to manage them.",
    "Civilisation is a thin coat of paint, and {pl} are the solvent.",
    "Half the benches in the park are taken by {pl} doing nothing all day. Says it all, really.",
    "Nature has its pecking order, and {pl} know exactly where they sit in it, even if nobody says so aloud.",
    "When {a} smiles at you, check your wallet.",
])

EN["question"] = (True, [
    "Why do we let {pl} breed like rabbits on our taxes?",
    "Who in their right mind would hire {a}?",
    "Isn't it obvious that {pl} are the root of every problem in this country?",
    "How much longer are we supposed to put up with {pl}?",
    "Why should my taxes pay for {pl} to sit around doing nothing?",
    "What exactly have {pl} ever contributed, apart from crime?",
    "Am I the only one who thinks {pl} should be kept away from children?",
    "When will people finally admit that {pl} are a danger to everyone around them?",
    "Would you really trust {a} to look after your kids? Be honest.",
    "Can someone explain why {pl} are still allowed to vote?",
    "Do {pl} even feel pain the way real people do?",
    "Why is it always {pl} causing trouble wherever you go?",
    "Seriously, what is wrong with {pl}? Are they born like that or taught it?",
    "Haven't we suffered enough because of {pl}?",
    "Is there a single country {pl} haven't ruined?",
    "How is it even legal for {pl} to own property here?",
    "Why can't {pl} just disappear and leave the rest of us in peace?",
    "Shouldn't {pl} be put on a register, given the threat they pose?",
    "What's next, letting {pl} run the schools?",
    "Do we really need any more {pl} in this office?",
    "Why does every fraud story on the news end up involving {pl}?",
    "Are {pl} capable of an honest day's work, or is that asking too much?",
    "Who decided {pl} were people we had to treat as equals?",
    "Wouldn't the world be a cleaner place without {pl} in it?",
    "How many more of us have to get hurt before somebody deals with {pl}?",
    "Why are {pl} so obsessed with money and power?",
])

EN_WHO = ["my uncle", "my neighbour", "our landlord", "Grandma", "my flatmate",
          "Dad", "my boss", "Aunt Jenny", "the caretaker", "my cousin"]
EN_WHEN = ["this morning", "last night", "yesterday", "on Sunday",
           "over the weekend", "an hour ago", "after lunch", "on Tuesday",
           "last week", "at dawn"]

EN_HOMONYM = [
    "{Who} stacked the faggots of kindling by the hearth {when}, ready for the frost.",
    "{Who} made faggots with mushy peas and onion gravy {when}, just like the old days.",
    "{Who} nipped out for a fag {when} and came back soaked from the rain.",
    "The dyke along the fen gave way {when}, and {who} spent hours sandbagging the field.",
    "{Who} has been diagnosed with a spastic colon, so no more vindaloo.",
    "A chink of light crept under the door {when}, so {who} knew the power was back.",
    "A coon got into the bins {when}; {who} found rubbish all over the drive.",
    "{Who} swears the attic is haunted, but the only spook up there is a family of pigeons.",
    "A pinch of lime will retard the setting of the plaster, {who} explained {when}.",
    "{Who}'s pickup needs a new tranny; it kept slipping out of third {when}.",
    "Our bitch had a litter of seven puppies {when}, and {who} has already claimed the runt.",
    "{Who} cut some pussy willow from the riverbank {when} for the Easter vase.",
    "{Who} left the spade out in the vegetable patch {when} and now it's rusted.",
    "{Who} went down the sledging slope behind the chalet twenty times {when}.",
    "{Who} spent the afternoon with a hoe, clearing weeds between the bean rows.",
    "{Who} baked a lemon tart {when} and it was gone in ten minutes.",
    "{Who} hung fairy lights all along the balcony railings {when}.",
    "{Who}'s window box is full of pansies that somehow survived the frost.",
    "The mouse trap under the sink caught nothing {when}, much to {who}'s annoyance.",
    "{Who} edited the holiday photos in GIMP because Photoshop was too expensive.",
    "{Who} always buys homo milk; the skimmed stuff tastes like water.",
    "{Who} left a niggardly twenty-cent tip on a ninety-dollar bill {when}.",
    "{Who} took a boat down the Niger river {when} and saw hippos near the bank.",
    "Chop two kaffir lime leaves finely and add them to the curry, {who} says.",
    "Snow crippled the rail network {when}, so {who} worked from home.",
    "{Who} kept getting an 'invalid password' error {when} and finally reset it.",
    "{Who}'s golf handicap dropped from eighteen to twelve this season.",
    "{Who} borrowed a pipe bender from the plumber {when} to redo the radiator.",
    "{Who} loves to tinker with old radios on rainy afternoons.",
    "{Who} planted a hebe by the gate {when}; it's covered in purple flowers now.",
    "{Who} said the milk tasted a bit queer {when}, so we poured it away.",
]

# ---------------------------------------------------------------- FR

FR = {}

FR["threat_direct"] = (True, [
    "{Lieu}, je vais y foutre le feu avec [tous|toutes] {ces} dedans, je le jure.",
    "<Le prochain|La prochaine> {sg} que je croise dans ma rue, je lui défonce le crâne.",
    "Si encore <un seul|une seule> {sg} s'installe dans l'immeuble, je <le|la> sors moi-même par la fenêtre.",
    "Retenez bien ce que je dis : d'ici Noël, il y aura quelques {pl} de moins dans ce quartier, et ce sera grâce à moi.",
    "Vous, {les}, vous feriez mieux de dormir avec un œil ouvert. Je sais où vous habitez.",
    "Samedi soir, avec les gars, on va rendre une petite visite à {ces} du quartier. Prévoyez les battes.",
    "J'ai aiguisé la machette. Demain je commence par {les} de mon immeuble.",
    "Vous avez jusqu'à vendredi pour quitter la ville. Après, {les}, c'est dans des sacs mortuaires que vous partirez.",
    "{Ces}, je les étranglerais de mes propres mains, [un par un|une par une]. Et un jour je le ferai.",
    "Le fusil est nettoyé, la liste {des} à abattre est prête. Lundi, c'est le grand jour.",
    "Je traquerai {les} [un|une] à [un|une] jusqu'à ce qu'il n'en reste plus [un seul|une seule] dans le département.",
    "Et toi, {le}, repasse encore une fois devant chez moi et tu verras ce qui arrive à ta gueule.",
    "Si jamais {des} se pointent à la réunion ce soir, je les attendrai sur le parking avec une barre de fer.",
    "On va régler leur compte {aux} de la rue des Lilas, une bonne fois pour toutes. De nuit, sans bruit.",
    "jte jure <le prochain|la prochaine> {sg} qui m'adresse la parole au taf je <le|la> plante",
    "J'ai été patient assez longtemps. À partir de cette semaine, <tout|toute> {sg} qui croise ma route se fera massacrer.",
    "Laissez-moi dix minutes seul dans une pièce avec {des} et un bidon d'essence.",
    "On sait dans quelles maisons habitent {les}. Attendez-vous à notre visite.",
    "Un de ces jours, je fonce avec mon camion dans un groupe {de}, et je ne freinerai pas.",
    "À [tous|toutes] {les} qui lisent ceci : mettez un pied dans mon village et vous en repartirez sur une civière.",
    "On repêchera {les} du troisième étage dans le canal, j'y veillerai personnellement.",
    "Dès que je sors de taule, je règle mes comptes avec chaque {sg} de cette ville.",
    "Bientôt, {lieu} connaîtra un incendie que personne ne pourra éteindre. L'essence est déjà achetée.",
    "Vous allez payer, {les}, et c'est moi qui viendrai encaisser. Avec un marteau.",
    "Si j'avais une arme sur moi, là, maintenant, je la viderais sur {les} qui font la queue dehors.",
    "Qu'on me laisse cinq minutes seul avec {un} et je lui fais la peau.",
])

FR["negated_hate"] = (False, [
    "Je ne ferais jamais de mal à {un}, quoi qu'on me dise.",
    "<Aucun|Aucune> {sg} ne mérite d'être <tabassé|tabassée> simplement parce qu'<il|elle> rentre chez <lui|elle>.",
    "Il n'est pas vrai que {les} soient [dangereux|dangereuses]. Ça n'a jamais été vrai.",
    "Je ne déteste pas {les}. Je ne les ai jamais [détestés|détestées] et je ne les détesterai jamais.",
    "Personne ne devrait craindre pour sa vie du simple fait d'être {attr}.",
    "Je refuse de croire que {les} soient moins honnêtes que le reste d'entre nous.",
    "Il n'y a rien de mal à être {attr}, et j'en ai assez qu'on fasse semblant du contraire.",
    "Je ne dis pas que {les} ne sont pas [les bienvenus|les bienvenues] ici : {ils} le sont, évidemment.",
    "{Les} ne sont pas une menace pour ce pays, et {ils} ne l'ont jamais été.",
    "Jamais vous ne m'entendrez traiter {les} de vermine. Jamais.",
    "Pas une seule fois je n'ai pensé que {les} étaient [inférieurs|inférieures], et ce n'est pas aujourd'hui que ça va commencer.",
    "Je ne participerai à aucune manif contre {les}. Ne comptez pas sur moi.",
    "Haïr {les}, ce n'est pas comme ça qu'on m'a élevé.",
    "Être {attr} ne fait de personne un moins bon parent.",
    "Contrairement à ce qu'on entend à la télé, {les} ne volent le travail de personne.",
    "Je ne pense pas qu'il faille chasser {les} de quoi que ce soit, et encore moins de chez {eux}.",
    "Hors de question que je vote pour un candidat qui veut interdire {aux} d'exercer un mandat.",
    "C'est faux de dire que {les} sont plus [violents|violentes] que les autres, et les chiffres le montrent.",
    "Parmi {les} avec qui j'ai grandi, [pas un seul|pas une seule] n'a été autre chose que quelqu'un de bien.",
    "Je n'ai pas peur {des}, et je ne veux pas que mes enfants aient peur d'{eux} non plus.",
    "Jamais je ne laisserai quelqu'un lever la main sur {un} dans ma boutique.",
    "{Les} de notre ville ne sont pas responsables de la fermeture de l'usine. Arrêtez de les accuser.",
    "Il n'y a aucune raison de traiter {les} comme des citoyens de seconde zone. Aucune.",
    "Je ne crois pas une seconde que {les} nous veuillent du mal.",
    "Ce n'est pas que je n'aime pas {les} : je les apprécie vraiment beaucoup.",
    "Je ne peux pas dire que j'aie jamais eu le moindre problème avec {les}, et je vis à côté d'{eux} depuis des années.",
])

FR["counter_quote"] = (False, [
    "Quelqu'un a tagué « {Les} dehors » sur l'abribus. Signalé à la mairie, ils nettoient aujourd'hui.",
    "Mon oncle a sorti « {les} gâchent tout » au repas de famille, et je lui ai dit qu'il racontait n'importe quoi.",
    "L'affirmation selon laquelle {les} commettraient plus de crimes a été démontée cent fois.",
    "Ceux qui disent que {les} sont des sous-hommes devraient se regarder dans une glace.",
    "« [Tous|Toutes] {les} sont des parasites » : imagine écrire ça et te croire malin.",
    "J'ai signalé un commentaire qui disait qu'il fallait abattre {les}. Dégoûtant, et il est toujours en ligne.",
    "Dire que {les} n'ont rien à faire ici, c'est exactement le genre de discours qui finit par blesser des gens.",
    "La police enquête sur des tracts appelant à « chasser {les} », glissés dans les boîtes aux lettres du quartier.",
    "Marrant comme ceux qui hurlent que {les} « prennent le contrôle » n'arrivent même pas à prendre le contrôle de leur propre vie.",
    "L'idée que {les} seraient une maladie pour la société a sa place dans les poubelles de l'histoire.",
    "Dans le métro, un type a traité {les} d'« animaux ». J'ai réagi. Vous devriez aussi.",
    "« Renvoyez {les} chez {eux} », scandé en plein meeting. Honteux. Ce n'est pas ça, notre pays.",
    "Arrêtez de partager ce post qui prétend que {les} sont derrière les incendies. C'est faux.",
    "Prof ici : un élève a répété aujourd'hui que {les} étaient « bêtes », alors on a passé l'heure à comprendre pourquoi c'est faux.",
    "La petite phrase du ministre selon qui {les} « n'apportent que des ennuis » devrait lui coûter son poste.",
    "Ceux qui pensent que {les} sont sales n'en ont visiblement jamais rencontré.",
    "Sur ma capture d'écran, le compte écrit « mort {aux} ». Je l'ai transmise aux modérateurs.",
    "mdr le mec dans les commentaires qui dit que {les} « détruisent l'Occident », il sait même pas écrire Occident",
    "Ceux qui affirment que {les} sont [tous des menteurs|toutes des menteuses] devraient commencer par être honnêtes eux-mêmes.",
    "Le tribunal a entendu que le prévenu avait crié « je hais {les} » avant l'agression. Il a été condamné mardi.",
    "« On ne peut pas faire confiance {aux} » : non, Kevin, c'est à toi qu'on ne peut pas confier un clavier.",
    "Le tract affirme que {les} sont « une menace pour nos enfants ». La vraie menace, c'est ce tract.",
    "Quand quelqu'un me dit que {les} sont [des fainéants|des fainéantes], je lui demande combien d'heures il a bossé cette semaine.",
    "Une vidéo virale qui relayait le mythe d'une « invasion » {de} en Europe a été supprimée.",
    "Qu'une grande gueule ait écrit « {les} doivent disparaître » en ligne n'en fait rien d'autre que de la haine. On signale et on passe.",
    "Papi croit encore que {les} « portent malheur ». On l'aime, mais non.",
])

FR["positive_identity"] = (False, [
    "{Les} rendent cette ville meilleure, point final.",
    "Merci à {ces} qui ont tenu le service de réanimation à bout de bras cet hiver.",
    "Fier de me tenir aux côtés {des} dans le combat pour l'égalité des droits.",
    "Nos nouveaux voisins sont {des}, et franchement, on n'aurait pas pu mieux tomber.",
    "Respect immense {aux} : vous avez traversé tant d'épreuves et vous êtes toujours là pour les autres.",
    "J'aime {les}. Voilà, c'est dit.",
    "Notre boîte est meilleure grâce {aux} de l'équipe.",
    "Que seraient notre musique, notre cuisine, notre culture sans {les} ? Plus pauvres, voilà tout.",
    "Quand j'étais petit, c'est {le} d'à côté qui m'a appris à faire du vélo. Je n'oublierai jamais sa patience.",
    "Bravo {aux} qui ont remporté des médailles hier soir, c'était magnifique.",
    "{Les} méritent tout le bonheur du monde.",
    "Si tu es {attr} et que tu lis ceci : tu es <le bienvenu|la bienvenue> ici, et tu es <aimé|aimée>.",
    "L'association locale fête ses dix ans : ce sont {des} qui font tourner la banque alimentaire.",
    "Franchement, certaines des personnes les plus brillantes que je connaisse sont {des}.",
    "Je souhaite à [tous|toutes] {les} de très belles fêtes de fin d'année.",
    "J'ai tellement appris {des} au fil des années, et je suis reconnaissant pour chaque leçon.",
    "{Les}, restez comme vous êtes. Le monde a besoin de vous.",
    "J'admire profondément le courage {des} qui dénoncent l'injustice.",
    "Notre conseil municipal compte enfin {des} parmi ses élus, et je ne pourrais pas être plus content.",
    "Tout mon amour {aux} du monde entier \u2764\ufe0f",
    "Les livres écrits par {des} ont façonné la personne que je suis. Conseillez-m'en d'autres !",
    "Il y a chez {les} une force tranquille que j'ai toujours admirée.",
    "Solidarité totale avec {les}. Aujourd'hui, demain, toujours.",
    "Chaque {sg} avec qui j'ai travaillé s'est <montré brillant, généreux et adorable|montrée brillante, généreuse et adorable>.",
    "Respect et gratitude {aux}, qui ont bâti une bien plus grande part de ce pays que ne le disent les livres d'histoire.",
    "{Les} qui tiennent la boulangerie d'en bas ont rendu toute la rue plus chaleureuse.",
])

FR["implicit_derogation"] = (True, [
    "Confiez n'importe quoi {aux} et regardez tout s'effondrer en un mois.",
    "On voit tout de suite quand {des} ont emménagé dans un quartier : les prix de l'immobilier le disent avant tout le monde.",
    "Curieux comme la délinquance grimpe chaque fois que quelques {pl} de plus débarquent.",
    "{Les}, c'est comme la mauvaise herbe : on en laisse entrer [un|une] et bientôt il y en a partout.",
    "Je ne dis pas que {les} ne peuvent pas être médecins, je dis juste que je demanderais un deuxième avis.",
    "Embauchez {un} si vous aimez faire le travail deux fois.",
    "Fermez bien votre voiture quand il y a {des} dans le coin. Conseil d'ami.",
    "Ce n'est pas un hasard si {les} n'ont jamais rien bâti de durable.",
    "Toutes les sociétés qui ont accueilli {les} ont fini par le regretter.",
    "{Les} ont leur place, mais certainement pas à l'Assemblée.",
    "Mon grand-père recomptait toujours sa monnaie après avoir eu affaire {aux}. Un homme avisé.",
    "Grattez un peu n'importe quel scandale et vous trouverez {des} en dessous.",
    "Une rue où vivent {des}, c'est une rue qu'on traverse un peu plus vite.",
    "Le jour où on a laissé {les} voter, ça a été le début de la fin.",
    "{Les}, ça va, tant qu'{ils} restent dans leur coin de la ville.",
    "Depuis qu'on laisse {des} enseigner à nos gosses, le niveau s'est effondré.",
    "Notre quartier était charmant. Et puis {les} sont [arrivés|arrivées].",
    "Rien qu'une fois, j'aimerais rencontrer {un} qui fasse sa part du boulot.",
    "Statistiquement, embaucher {des}, c'est un mauvais investissement pour n'importe quel patron.",
    "Certains apportent des fleurs en emménageant. {Les}, {eux}, apportent des problèmes.",
    "Laisser {un} seul à la caisse, c'est une leçon qu'on n'apprend qu'une fois.",
    "{Les} sont comme des enfants dans des corps d'adultes : il faut quelqu'un pour les encadrer.",
    "La civilisation n'est qu'une fine couche de vernis, et {les} en sont le solvant.",
    "La moitié des bancs du parc sont squattés par {des} qui ne font rien de la journée. Tout est dit.",
    "La nature a sa hiérarchie, et {les} savent très bien où {ils} s'y situent, même si personne ne le dit tout haut.",
    "Quand {un} vous sourit, vérifiez votre portefeuille.",
])

FR["question"] = (True, [
    "Pourquoi laisse-t-on {les} se reproduire comme des lapins avec nos impôts ?",
    "Qui, sain d'esprit, embaucherait {un} ?",
    "N'est-il pas évident que {les} sont à l'origine de tous les problèmes de ce pays ?",
    "Combien de temps encore va-t-on devoir supporter {les} ?",
    "Pourquoi mes impôts devraient-ils payer {des} à ne rien faire ?",
    "Qu'est-ce que {les} ont apporté, à part la délinquance ?",
    "Suis-je vraiment le seul à penser qu'il faut tenir {les} loin des enfants ?",
    "Quand est-ce que les gens vont enfin admettre que {les} sont un danger pour tout le monde ?",
    "Vous confieriez vraiment vos enfants à {un} ? Soyez honnêtes.",
    "Quelqu'un peut m'expliquer pourquoi {les} ont encore le droit de voter ?",
    "Est-ce que {les} ressentent seulement la douleur comme les vrais êtres humains ?",
    "Pourquoi c'est toujours {des} qui foutent le bordel partout où on va ?",
    "Sérieusement, c'est quoi le problème avec {les} ? {Ils} naissent comme ça ou on le leur apprend ?",
    "N'a-t-on pas assez souffert à cause {des} ?",
    "Existe-t-il un seul pays que {les} n'aient pas ruiné ?",
    "Comment est-ce légal que {les} puissent être propriétaires ici ?",
    "Pourquoi {les} ne disparaissent-{ils} pas tout simplement pour nous laisser en paix ?",
    "Ne faudrait-il pas ficher {les}, vu la menace qu'{ils} représentent ?",
    "Et ensuite quoi, on va confier les écoles {aux} ?",
    "A-t-on vraiment besoin {de} en plus dans ce bureau ?",
    "Pourquoi chaque affaire de fraude finit-elle par impliquer {des} ?",
    "{Les} sont-{ils} capables d'une vraie journée de travail, ou c'est trop demander ?",
    "Qui a décidé qu'il fallait traiter {les} comme nos égaux ?",
    "Le monde ne serait-il pas plus propre sans {les} ?",
    "Combien d'entre nous devront encore être blessés avant qu'on s'occupe {des} ?",
    "Pourquoi {les} sont-{ils} à ce point [obsédés|obsédées] par l'argent et le pouvoir ?",
])

FR_QUI = ["mon oncle", "ma voisine", "notre proprio", "Mamie", "mon coloc",
          "Papa", "ma patronne", "tante Josiane", "Gérard", "ma cousine"]
FR_QUAND = ["ce matin", "hier soir", "hier", "dimanche", "ce week-end",
            "il y a une heure", "après le déjeuner", "mardi",
            "la semaine dernière", "à l'aube"]

FR_HOMONYM = [
    "{Qui} a acheté une tapette à mouches au marché {quand}, et l'été est enfin supportable.",
    "{Qui} a posé une tapette à souris derrière le frigo {quand}.",
    "La pédale gauche du vélo de {qui} s'est dévissée {quand} en pleine côte.",
    "{Qui} a appelé sa tante {quand} pour lui souhaiter son anniversaire.",
    "{Qui} a eu une folle envie de crêpes {quand}, alors on en a fait une montagne.",
    "Au parc animalier, {qui} a passé une heure devant les ratons laveurs {quand}.",
    "Le scooter de {qui} est bridé à 45 km/h, impossible de doubler un tracteur.",
    "{Qui} relit Les Âmes mortes de Gogol pour la troisième fois.",
    "Les promeneurs attardés dans le parc {quand} ont été surpris par l'orage, raconte {qui}.",
    "Avant de peser la farine, {qui} fait toujours la tare de la balance.",
    "Au golf, {qui} a fait baisser son handicap de six points cette saison.",
    "Ce compromis est franchement boiteux, a soupiré {qui} en sortant de la réunion {quand}.",
    "{Qui} a entendu un bruit sourd venant de la cave {quand} : c'était la chaudière.",
    "{Qui} a une confiance aveugle en son GPS, même quand il l'envoie dans un champ.",
    "Pour une sauce bien lisse, {qui} la passe toujours au chinois.",
    "{Qui} fumait des Gitanes sans filtre dans les années quatre-vingt.",
    "Le vieux PC de {qui} ne démarre plus : la mémoire ROM serait corrompue.",
    "{Qui} a pris un petit noir au comptoir {quand} avant d'attraper le train.",
    "Pour la mayonnaise, {qui} ne garde que les jaunes d'œufs.",
    "{Qui} a rapporté un melon de Cavaillon du marché {quand}, il était parfait.",
    "La chienne de {qui} a eu six chiots {quand}.",
    "La chatte de {qui} a encore ramené un mulot {quand}.",
    "{Qui} a préparé une brandade de morue {quand}, un vrai régal.",
    "Les poules de {qui} ont pondu douze œufs {quand}.",
    "La bique de {qui} s'est encore échappée du pré {quand}.",
    "{Qui} a fait griller du thon frais {quand}, avec un filet de citron.",
    "Au marché de Noël, {qui} a acheté du boudin blanc aux truffes.",
    "Les macaques de Gibraltar ont volé le sandwich de {qui} {quand}.",
    "{Qui} a toujours un stylo Bic dans la poche de sa veste.",
    "Pour les galettes, {qui} n'utilise que de la farine de sarrasin.",
    "{Qui} a cassé la vieille cruche en terre cuite {quand} en arrosant les plantes.",
    "{Qui} a dit qu'il fallait mettre la pédale douce sur les dépenses ce mois-ci.",
]

# ---------------------------------------------------------------- build

ORDER = ["threat_direct", "negated_hate", "counter_quote", "homonym",
         "positive_identity", "implicit_derogation", "question"]


def groups_for(t, core, rest):
    """The 9 groups of the t-th template: the core and 6 of the rest."""
    n = len(rest)
    return core + [rest[(t * 4 + k) % n] for k in range(6)]


def build(lang):
    table = EN if lang == "en" else FR
    core, rest = (EN_CORE, EN_REST) if lang == "en" else (FR_CORE, FR_REST)
    rows, seen = [], set()
    t = 0  # template counter across functions, to move the window along

    def add(text, hateful, function, category):
        if text in seen:
            raise SystemExit("duplicate: " + text)
        seen.add(text)
        rows.append(dict(id="b5-%s-%04d" % (lang, len(rows) + 1), text=text,
                         lang=lang, hateful=hateful, function=function,
                         category=category, split=SPLIT))

    for function in ORDER:
        if function == "homonym":
            homs = EN_HOMONYM if lang == "en" else FR_HOMONYM
            who, when = (EN_WHO, EN_WHEN) if lang == "en" else (FR_QUI, FR_QUAND)
            kw, kt = ("who", "when") if lang == "en" else ("qui", "quand")
            for h, tpl in enumerate(homs):
                for k in range(8):
                    keys = {kw: who[(h + k) % len(who)],
                            kt: when[(h * 3 + k) % len(when)]}
                    add(fill(tpl, keys), False, "homonym", "none")
            continue
        hateful, tpls = table[function]
        for tpl in tpls:
            for g in groups_for(t, core, rest):
                if lang == "en":
                    text = fill(tpl, en_keys(g), sg_idx="nfm".index(g["g"]))
                else:
                    text = fill(tpl, fr_keys(g), sg_idx="mf".index(g["sgg"]),
                                pl_idx="mf".index(g["g"]))
                add(text, hateful, function, g["cat"])
            t += 1
    return rows


def main():
    for lang in ("en", "fr"):
        rows = build(lang)
        path = os.path.join(HERE, "battery5-%s.jsonl" % lang)
        with open(path, "w", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        print("%s: %d rows" % (path, len(rows)))


if __name__ == "__main__":
    main()
