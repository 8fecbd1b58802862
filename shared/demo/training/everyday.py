#!/usr/bin/env python3
"""Writes everyday-en.jsonl and everyday-fr.jsonl: non-hateful posts that
name a protected group, or one of its members, in everyday sentences, for
training the default model (make model).

identity.py already writes ordinary and friendly posts that name a group,
but in a few forms only. The model still read many ordinary mentions of a
group as hate when the group, or one person of it, is the subject of a verb
those templates lack ("A Muslim won the election", « Je soutiens les
réfugiés »). These templates add such forms: the group or one member doing
things in many verbs and tenses, modal verbs in benign senses, single
people ("my Muslim colleague", « ma voisine sourde »), support and
solidarity, the group as victims in news style without any slur or hateful
predicate, benign questions and opinions, everyday life, and a little
profanity that aims at nobody. No sentence here is hateful, insulting or
threatening, not even as a quotation.

The Voile developers wrote these templates and person forms for this
purpose on 2026-11-30; nothing comes from a dataset, a corpus or a
published test suite. Each template is paired with a fixed sample of nine
groups (random.Random(SEED)), so the output does not change from one
run to the next. Run it from this folder: python3 everyday.py
"""
import json
import random
import re

from identity import EN_GROUPS, FR_GROUPS

SEED = 20261130
PER_TEMPLATE = 9

# ---------------------------------------------------------------- English

EN_CATS = {
    "rel": ["Muslims", "Jews", "Jewish people"],
    "eth": ["Black people", "black folks", "Asians", "Asian people", "Arabs", "Roma", "Mexicans"],
    "mig": ["immigrants", "migrants", "refugees", "asylum seekers", "foreigners"],
    "gen": ["women", "girls"],
    "lgbt": ["gay men", "gay people", "lesbians", "bisexual people", "trans people", "trans women",
             "non-binary people", "queer people"],
    "dis": ["disabled people", "wheelchair users", "deaf people", "blind people", "autistic people",
            "people with Down syndrome"],
}
assert sorted(g for v in EN_CATS.values() for g in v) == sorted(EN_GROUPS)

# One person: the adjective, placed before a noun ("my {o} colleague",
# "{a} woman" → "an Asian woman").
EN_PERSON = ["Muslim", "Jewish", "Black", "Asian", "Arab", "Roma", "Mexican", "immigrant", "refugee",
             "gay", "lesbian", "bisexual", "trans", "non-binary", "queer", "disabled", "deaf", "blind",
             "autistic"]
# Adjectives that do not go with a man's or a woman's noun.
EN_NOT = {"m": {"lesbian", "non-binary"}, "f": {"non-binary"}, "n": set()}


def en_article(adj):
    return ("an " if adj[0].lower() in "aeiou" else "a ") + adj


# The group (plural) in a sentence; an optional second item lists groups
# for which the sentence would make no sense.
EN_G = [
    # the group as the subject of many verbs and tenses
    "{G} won three of the five seats on the town council this year.",
    "{G} from our street organised a clean-up of the riverbank on Sunday.",
    "{G} will host the open evening at the community hall next Friday.",
    "{G} have faced a lot of unfair treatment from landlords, and it's finally being studied.",
    "{G} have been running the Saturday repair café for two years now.",
    ("{G} helped us push the car out of the snow this morning, absolute legends.", {"wheelchair users"}),
    "{G} brought so much food to the street party that we're eating leftovers all week.",
    "{G} started a book swap at the station and the shelves are already full.",
    "{G} took part in the city marathon and raised money for the children's ward.",
    "{G} can apply for the new apprenticeship scheme from Monday.",
    "{G} should get a proper say in how the new park is designed.",
    "{G} might be interested in the free coding course at the library, pass it on.",
    "{G} must be consulted when the council redraws the bus routes.",
    "{G} could teach the rest of us a thing or two about community spirit.",
    "{G} would make brilliant members of the youth board, so I hope some apply.",
    "{G} were at the front of the climate march yesterday.",
    "{G} had a stall at the farmers' market with the best jam I've ever tasted.",
    "{G} are going to be on local radio tomorrow talking about the housing co-op.",
    ("{G} painted the mural under the bridge and it looks stunning.", {"blind people"}),
    "{G} set up a free homework club at the youth centre.",
    "{G} spoke to the Year 10 class about careers in engineering.",
    "{G} cheered louder than anyone at the under-12s final.",
    "{G} founded the food co-op that half the town now shops at.",
    "{G} keep winning the pub quiz on Tuesdays and we want a rematch.",
    "{G} visited the care home to play board games with the residents.",
    "{G} joined the union in big numbers this year.",
    "{G} in my year got some of the best exam results in the school.",
    "{G} have always been part of the fishing community here.",
    "{G} will be leading the lantern parade this winter.",
    "{G} voted in record numbers in the local election.",
    "{G} gave evidence to the parliamentary committee on fair housing.",
    "{G} wrote some of the best novels I read this year.",
    "{G} I met at the conference were incredibly welcoming.",
    "{G} often volunteer as mentors at the careers fair.",
    "{G} helped build the new climbing wall at the sports centre.",
    "{G} recorded a podcast about growing up in the north of England.",
    "{G} hosted a free breakfast for the nurses after the night shift.",
    "{G} are planting a community garden behind the old post office.",
    "{G} have shaped the music scene in this city since the seventies.",
    "{G} are finally getting the recognition they deserve in science.",
    "{G} ran the first-aid tent at the music festival all weekend.",
    "{G} on the parents' council got the school a new library.",
    "{G} have coached the under-10s for years without asking for a penny.",
    "{G} taught half the street how to bake sourdough at the winter fair.",
    "{G} from the climbing club are off to the Alps next month, safe travels!",
    "{G} are organising a free bike-repair morning outside the station.",
    "{G} in our family group chat send the best holiday photos.",
    "{G} from the youth orchestra played a sold-out concert at the cathedral.",
    "{G} had been campaigning for a pedestrian crossing for years before the council agreed.",
    "{G} may soon get their own seat on the hospital's patient board.",
    "{G} sat on the jury of the short film festival this year.",
    "{G} from the building put compost bins in the courtyard.",
    # support, protection and solidarity
    "We should protect {G} from harassment at work, no ifs or buts.",
    "I support {G} who are fighting for fair pay in the care sector.",
    "Let's welcome {G} to the neighbourhood with a proper potluck.",
    "Our union stands behind {G} in the fight for equal treatment.",
    "The new law will protect {G} against discrimination by landlords.",
    "I'm donating to a fund that helps {G} pay their legal fees.",
    "Teachers need more training to support {G} in the classroom.",
    "We must make sure {G} can reach the polling station without any trouble.",
    "Signed the petition for better protection of {G} at work. Please share.",
    "Solidarity with {G} who marched through the city centre today.",
    "Every school should have a quiet room where {G} feel welcome.",
    "Proud that my company now has a network for {G} and their allies.",
    "Employers should do more to hire and promote {G}.",
    "We're raising money so {G} at the shelter get warm coats this winter.",
    "Standing up for {G} is part of what this club is about.",
    "Glad the council finally listened to {G} about the night buses.",
    # the group as victims, news style
    "Attacks on {G} rose last year, according to a new police report.",
    "A report on discrimination against {G} in hiring was published today.",
    "Reported incidents targeting {G} have doubled since 2020, the charity says.",
    "Police are appealing for witnesses after {G} were harassed on the night bus.",
    "A new study finds {G} wait longer for hospital appointments.",
    "The inquiry heard that {G} were often refused housing in the 1970s.",
    "Survey: most {G} say they have been treated unfairly at work at least once.",
    "The minister promised more funding to keep {G} safe online.",
    "The tribunal ruled that the firm had passed over {G} for promotion.",
    "Volunteers cleaned the graffiti off the centre used by {G} within an hour.",
    "Researchers found {G} are paid less than colleagues doing the same job.",
    # benign questions and opinions
    "Do {G} get enough support at uni? Asking for my sister's project.",
    "I think {G} are underrepresented in science and engineering.",
    "How can our club make {G} feel more welcome at training?",
    "Are there any support groups in Leeds run by {G}? Asking for a friend.",
    "Honest question: what would make the library more useful for {G}?",
    "In my opinion {G} deserve far more airtime on the national news.",
    "Does anyone know if {G} can get free legal advice around here?",
    "Why don't more films have {G} as the heroes? I'd watch every one.",
    "Is it just me or are {G} the funniest people on this forum?",
    "What's the best way to learn about the history of {G} in Wales?",
    "Do you think {G} find it easy to get an internship in this area?",
    # everyday life
    "{G} on my team made the release go smoothly, drinks are on me.",
    "The chess club has loads of {G} this term and the matches are intense.",
    "Our netball team has signed two {G} and they're brilliant.",
    "We cooked with {G} from the community kitchen and made far too much soup.",
    "The jazz night featured {G} from all over the region.",
    "{G} on the allotments gave me half their courgettes again.",
    "The summer camp hires {G} as counsellors every year.",
    "My daughter's class went on a trip with {G} from the twin school.",
    "Spent the bank holiday hiking with {G} from the walking club.",
    "Our office quiz team is mostly {G} and we came second!",
    "The bakery run by {G} near the station does the best cinnamon buns.",
    "Grandma met {G} at her knitting group and now they come round for tea.",
    "{G} in the five-a-side league are seriously good at football.",
    "The new comedy night has {G} on the line-up and tickets are selling fast.",
    "We had {G} from across the road over for Sunday lunch and they brought pudding.",
    "{G} will be teaching salsa at the community hall on Wednesdays.",
    # casual profanity that aims at nobody
    "Fucking brilliant gig tonight, the whole band were {G} from Glasgow.",
    "Bloody hell, {G} at the bakery made a cake the size of my car.",
    "Damn, {G} in our running club smashed the relay record.",
    "Fuck yes, {G} got the funding for the youth centre!",
]

# Sentences for some groups only.
EN_G_TAGGED = [
    ("lgbt", "{G} led the Pride parade this year and the whole town came out to watch."),
    ("lgbt", "Happy Pride to {G} celebrating in the park this weekend!"),
    ("lgbt", "The rugby club is hosting a Pride match with {G} from across the county."),
    ("lgbt", "{G} should be able to hold hands in the street without a second thought."),
    ("lgbt", "The library's Pride reading list was picked by {G} from the youth group."),
    ("dis", "The theatre added ramps and captions so {G} can enjoy the shows."),
    ("dis", "{G} have campaigned for step-free stations for decades."),
    ("dis", "The new audio guide at the museum was designed with {G}."),
    ("dis", "Accessible changing rooms at the pool are a big win for {G}."),
    ("dis", "{G} competed at the regional athletics meet and set two records."),
    ("mig", "{G} who arrived last spring have started their English classes."),
    ("mig", "The village threw a big shared dinner to welcome {G} who arrived this winter."),
    ("mig", "{G} opened a restaurant on the high street and it's always packed."),
    ("mig", "The volunteers help {G} fill in the forms for school places."),
    ("mig", "We put up {G} at our house over the holidays and it was lovely."),
    ("rel", "{G} on our street invited us to break the fast with them, what an evening."),
    ("rel", "{G} in town opened their place of worship to visitors for the heritage weekend."),
    ("rel", "{G} in our building shared the sweets from their festival with everyone."),
    ("rel", "The interfaith football match between {G} and the parish team ended 3-3."),
    ("eth", "The festival this weekend celebrates the music and food of {G} in the city."),
    ("eth", "{G} have run the carnival committee here for three generations."),
    ("gen", "{G} should be encouraged into engineering from primary school."),
    ("gen", "{G} deserve proper changing rooms at the football ground."),
]

# One person. The first item says which nouns the sentence uses: "m" for a
# man's, "f" for a woman's, "n" for any; the third, if any, which
# adjectives make no sense there.
EN_P = [
    ("n", "My {o} colleague fixed the printer that's been broken since March."),
    ("f", "{a} woman from my class won the poetry prize."),
    ("n", "The {o} doctor who treated my dad was incredibly kind."),
    ("n", "{a} candidate won the mayoral election by a wide margin."),
    ("m", "The {o} guy next door helped me carry my sofa up three flights of stairs."),
    ("n", "My {o} neighbour fixed our fence after the storm."),
    ("f", "{a} student from our school got into medical school, so proud of her."),
    ("n", "The {o} nurse on the night shift made sure my mum was comfortable."),
    ("n", "Our new {o} manager is the best boss I've ever had."),
    ("n", "{a} teenager from the estate just won a national science award."),
    ("n", "I had coffee with {a} writer whose books I've loved for years."),
    ("f", "The {o} woman who runs the corner shop always saves me a newspaper."),
    ("n", "{a} firefighter rescued a cat from the tree on our street today.", {"blind"}),
    ("n", "My {o} flatmate makes the best pancakes on Sunday mornings."),
    ("n", "The {o} coach of my son's team never misses a training session."),
    ("f", "{a} volunteer organised the whole toy drive almost by herself."),
    ("f", "My {o} grandmother taught me to knit."),
    ("n", "Our {o} MP held a surgery at the library and listened to everyone."),
    ("n", "The {o} pilot made the smoothest landing I've ever felt.", {"blind"}),
    ("n", "{a} chef from our town just got a Michelin star."),
    ("m", "The {o} lad in my class aced the maths exam."),
    ("n", "I met {a} couple at the park and our dogs became best friends."),
    ("n", "My {o} mate and I are doing a charity bike ride next month."),
    ("n", "{a} artist painted the new mural at the train station.", {"blind"}),
    ("n", "The {o} bus driver waited for me when I was running late.", {"blind"}),
    ("m", "My {o} cousin is getting married in June and I'm his best man."),
    ("m", "Our {o} postman knows every dog on the street by name."),
    ("f", "{a} scientist on our team just published her first paper."),
    ("f", "Huge congratulations to my {o} friend who just passed her driving test!", {"blind"}),
    ("n", "The {o} lawyer who helped us with the lease was fantastic."),
    ("n", "My {o} boss let everyone go home early for the match."),
    ("m", "{a} man from my gym ran his first marathon on Sunday."),
    ("n", "The {o} librarian recommended a book I couldn't put down."),
    ("n", "My {o} neighbour's garden is the prettiest on the street."),
    ("f", "{a} woman in my running club beat her personal best by five minutes."),
    ("m", "{a} dad from the school gate organised the whole sports day."),
    ("n", "Met {a} engineer at the conference who explained bridges better than any textbook."),
    ("n", "The {o} kid on my street taught me how to skateboard at forty.", {"blind"}),
    ("f", "Should my {o} colleague apply for the promotion? I think she'd be great."),
    ("n", "My {o} teammate scored the winning goal in the last minute!"),
    ("n", "Our {o} landlord fixed the boiler within an hour, unheard of."),
    ("n", "The {o} comedian at the festival had the whole tent crying with laughter."),
    ("m", "I'm backing my {o} brother all the way in his run for the council."),
    ("f", "My {o} piano teacher is the most patient person in the world.", {"deaf"}),
    ("n", "Holy shit, my {o} mate just won the karaoke final at the pub!", {"deaf"}),
    ("f", "Bloody hell, my {o} sister-in-law just ran a marathon in under three hours."),
]

# ----------------------------------------------------------------- French

FR_CATS = {
    "rel": ["les musulmans", "les musulmanes", "les juifs"],
    "mig": ["les immigrés", "les migrants", "les réfugiés", "les demandeurs d'asile", "les étrangers"],
    "lgbt": ["les gays", "les homos", "les lesbiennes", "les personnes bisexuelles", "les personnes trans",
             "les femmes trans", "les personnes non binaires"],
    "dis": ["les personnes handicapées", "les handicapés", "les sourds", "les aveugles", "les autistes",
            "les personnes en fauteuil roulant"],
    "eth": ["les Noirs", "les Asiatiques", "les Arabes", "les Roms"],
    "gen": ["les femmes", "les filles"],
}
assert sorted(g for v in FR_CATS.values() for g in v) == sorted(FR_GROUPS)

FR_FEM = {"les musulmanes", "les femmes", "les filles", "les lesbiennes", "les personnes bisexuelles",
          "les personnes trans", "les femmes trans", "les personnes non binaires",
          "les personnes handicapées", "les personnes en fauteuil roulant"}


def fr_agree(g):
    """The words that agree with the group g in a sentence."""
    f = g in FR_FEM
    return {"G": g, "N": g[len("les "):], "ils": "elles" if f else "ils", "eux": "elles" if f else "eux",
            "e": "e" if f else ""}


# One person: noun for a man, noun for a woman, adjective for a man,
# adjective for a woman (None where the form is not used). The noun takes
# « un »/« une » ({un}) or « le »/« la »/« l' » ({le}); the adjective comes
# after a noun of the template (« ma voisine {adj} »).
FR_PERSON = [
    ("musulman", "musulmane", "musulman", "musulmane"),
    ("juif", "juive", "juif", "juive"),
    ("Noir", "Noire", "noir", "noire"),
    ("Asiatique", "Asiatique", "asiatique", "asiatique"),
    ("Arabe", "Arabe", "arabe", "arabe"),
    ("Rom", "Rom", "rom", "rom"),
    ("immigré", "immigrée", "immigré", "immigrée"),
    ("migrant", "migrante", None, "migrante"),
    ("réfugié", "réfugiée", "réfugié", "réfugiée"),
    ("demandeur d'asile", "demandeuse d'asile", None, None),
    ("étranger", "étrangère", "étranger", "étrangère"),
    (None, "femme", None, None),
    ("gay", None, "gay", None),
    ("homo", "homo", "homo", "homo"),
    (None, "lesbienne", None, "lesbienne"),
    ("bisexuel", "bisexuelle", "bisexuel", "bisexuelle"),
    ("homme trans", "femme trans", "trans", "trans"),
    (None, "personne non binaire", None, None),
    (None, "personne handicapée", "handicapé", "handicapée"),
    ("sourd", "sourde", "sourd", "sourde"),
    ("aveugle", "aveugle", "aveugle", "aveugle"),
    ("autiste", "autiste", "autiste", "autiste"),
    (None, "personne en fauteuil roulant", "en fauteuil roulant", "en fauteuil roulant"),
]

# Le groupe (au pluriel) dans une phrase ; {N} est le nom sans article
# (« des {N} », « de {N} » → « d'immigrés »), {e} l'accord au féminin
# (« consulté{e}s »), {ils} et {eux} les pronoms. Un second élément, s'il y
# en a un, donne les groupes pour lesquels la phrase n'a pas de sens.
FR_G = [
    # le groupe sujet de verbes et de temps variés
    "{G} du quartier ont remporté le tournoi de pétanque dimanche, bravo à {eux} !",
    "{G} ont monté une épicerie solidaire derrière la gare.",
    "{G} organiseront le repas de fin d'année à la salle des fêtes.",
    "{G} ont longtemps été mal traité{e}s par les bailleurs, et une enquête va enfin le mesurer.",
    "{G} animent l'atelier de réparation de vélos tous les samedis matin.",
    ("{G} nous ont aidés à sortir la voiture de la neige ce matin, au top.", {"les personnes en fauteuil roulant"}),
    "{G} de ma promo ont cartonné aux partiels.",
    "{G} courront le semi-marathon pour financer le service de pédiatrie.",
    "{G} peuvent s'inscrire à la formation gratuite en informatique dès lundi.",
    "{G} devraient avoir leur mot à dire sur l'aménagement du nouveau parc.",
    "{G} pourraient être intéressé{e}s par l'atelier d'écriture de la médiathèque, faites tourner.",
    "{G} doivent être consulté{e}s quand la mairie redessine les lignes de bus.",
    "{G} étaient en tête du cortège de la marche pour le climat hier.",
    "{G} tenaient un stand de confitures au marché, les meilleures que j'aie goûtées.",
    "{G} vont passer à la radio locale demain pour parler de la coopérative d'habitants.",
    ("{G} ont peint la fresque sous le pont, elle est magnifique.", {"les aveugles"}),
    "{G} ont lancé une aide aux devoirs gratuite à la maison de quartier.",
    "{G} ont mis une ambiance de folie pendant la finale des poussins.",
    "{G} ont fondé l'AMAP où la moitié du village achète ses légumes.",
    "{G} gagnent le quiz du bar tous les mardis, on exige une revanche.",
    "{G} sont passé{e}s à l'Ehpad jouer aux cartes avec les résidents.",
    "{G} ont adhéré au syndicat en masse cette année.",
    "{G} ont voté en nombre record aux municipales.",
    "{G} ont été auditionné{e}s par la commission de l'Assemblée sur le logement.",
    "{G} ont écrit certains des plus beaux romans de la rentrée littéraire.",
    "{G} que j'ai rencontré{e}s au colloque étaient super accueillant{e}s.",
    "{G} encadrent souvent les jeunes au forum des métiers.",
    "{G} ont aidé à construire le mur d'escalade du gymnase.",
    "{G} ont enregistré un podcast sur leur enfance à Marseille.",
    "{G} ont offert le petit-déj aux infirmières après la garde de nuit.",
    "{G} vont ouvrir un jardin partagé derrière l'ancienne poste.",
    "{G} ont marqué la scène musicale lyonnaise depuis les années 80.",
    "{G} obtiennent enfin la reconnaissance qu'{ils} méritent dans la recherche.",
    "{G} du coin ont nettoyé les berges de la Loire samedi.",
    "{G} feront partie du jury du festival de courts-métrages.",
    "{G} avaient déjà lancé une radio associative dans les années 90.",
    "{G} de l'immeuble ont installé des bacs à compost dans la cour.",
    "{G} ont décroché trois sièges au conseil municipal cette année.",
    "{G} accueillent les nouveaux au club de randonnée avec un goûter.",
    "{G} du comité des fêtes ont encore fait un boulot incroyable.",
    "{G} se sont relayé{e}s tout le week-end au poste de secours du festival.",
    "{G} du conseil des parents ont obtenu une nouvelle bibliothèque pour l'école.",
    "{G} entraînent les moins de 10 ans depuis des années sans demander un centime.",
    "{G} partent dans les Alpes le mois prochain avec le club d'escalade, bonne route !",
    "{G} de notre groupe WhatsApp familial envoient les plus belles photos de vacances.",
    "{G} auront peut-être bientôt un siège au conseil des usagers de l'hôpital.",
    "{G} se battaient depuis des années pour un passage piéton avant que la mairie cède.",
    "{G} ont appris à toute la rue à faire du pain au levain à la fête d'hiver.",
    # soutien, protection, solidarité
    "Il faut protéger {G} contre le harcèlement au travail, point.",
    "Je soutiens {G} qui se battent pour l'égalité salariale dans le soin.",
    "Notre syndicat est aux côtés de {G} pour l'égalité de traitement.",
    "La nouvelle loi protégera {G} contre les discriminations des bailleurs.",
    "J'ai donné à une cagnotte qui aide {G} à payer leurs frais d'avocat.",
    "Les profs ont besoin de formation pour mieux accompagner {G} en classe.",
    "Il faut que {G} puissent aller voter sans le moindre obstacle.",
    "J'ai signé la pétition pour mieux protéger {G} au travail, partagez !",
    "Solidarité avec {G} qui ont manifesté dans le centre-ville aujourd'hui.",
    "Chaque lycée devrait avoir une salle calme où {G} se sentent en confiance.",
    "Fière que ma boîte ait enfin un réseau pour {G} et leurs alliés.",
    "Les employeurs devraient recruter davantage de {N} aux postes de direction.",
    "On récolte des fonds pour que {G} du foyer aient des manteaux chauds cet hiver.",
    "Défendre {G}, ça fait partie de l'ADN de notre club.",
    "Contente que la mairie ait enfin écouté {G} au sujet des bus de nuit.",
    "Soyons nombreux samedi pour accueillir {G} qui arrivent au centre social.",
    # victimes, style presse
    "Les agressions visant {G} ont augmenté l'an dernier, selon un rapport de police.",
    "Un rapport sur les discriminations à l'embauche que subissent {G} a été publié ce matin.",
    "Selon l'association, les signalements d'actes visant {G} ont doublé depuis 2020.",
    "La police lance un appel à témoins après que {G} ont été harcelé{e}s dans le bus de nuit.",
    "Une étude montre que {G} attendent plus longtemps pour un rendez-vous à l'hôpital.",
    "L'enquête a montré que {G} se voyaient souvent refuser un logement dans les années 70.",
    "Sondage : la plupart de {G} disent avoir déjà été traité{e}s injustement au travail.",
    "La ministre promet des moyens pour protéger {G} du cyberharcèlement.",
    "Les prud'hommes ont jugé que l'entreprise avait écarté {G} des promotions.",
    "Des bénévoles ont effacé en une heure les tags sur le local utilisé par {G}.",
    "Des chercheurs montrent que {G} sont moins bien payé{e}s à poste égal.",
    # questions et opinions
    "Est-ce que {G} sont assez accompagné{e}s à la fac ? C'est pour l'exposé de ma sœur.",
    "Je trouve que {G} sont sous-représenté{e}s dans les métiers scientifiques.",
    "Comment notre club peut-il mieux accueillir {G} aux entraînements ?",
    "Vous connaissez des assos tenues par des {N} à Lille ? C'est pour une amie.",
    "Franchement, qu'est-ce qui rendrait la médiathèque plus utile pour {G} ?",
    "À mon avis, on devrait entendre {G} bien plus souvent au journal de 20 heures.",
    "Quelqu'un sait si {G} peuvent avoir des consultations juridiques gratuites dans le coin ?",
    "Pourquoi si peu de films où {G} tiennent le premier rôle ? Je les regarderais tous.",
    "C'est moi ou {G} de ce forum sont les plus drôles ?",
    "Par où commencer pour découvrir l'histoire de {G} en Bretagne ?",
    "Vous pensez que {G} trouvent facilement un stage dans la région ?",
    # vie quotidienne
    "{G} de mon équipe ont géré la mise en prod comme des chefs, je paie ma tournée.",
    "Le club d'échecs compte plein de {N} cette année et les parties sont tendues.",
    "Notre équipe de hand vient de recruter deux {N} et {ils} assurent.",
    "On a cuisiné avec {G} de la cantine solidaire et on a fait beaucoup trop de soupe.",
    "La soirée jazz accueillait des {N} venu{e}s de toute la région.",
    "{G} des jardins familiaux m'ont encore donné la moitié de leurs courgettes.",
    "La colo recrute des {N} comme anims chaque été.",
    "La classe de ma fille est partie en sortie avec {G} d'une école jumelée.",
    "J'ai passé le pont de mai à randonner avec {G} du club alpin.",
    "Au quiz du boulot, notre équipe c'est surtout des {N}, et on a fini deuxièmes !",
    "La boulangerie tenue par des {N} près de la gare fait les meilleurs pains au chocolat.",
    "Mamie a rencontré {G} de son club de tricot et maintenant {ils} viennent prendre le thé.",
    "{G} de la ligue de futsal ont un niveau de fou.",
    "La nouvelle scène ouverte d'humour programme des {N} et c'est déjà complet.",
    "On a reçu {G} d'en face pour le déjeuner du dimanche, {ils} ont apporté le dessert.",
    "{G} donneront des cours de salsa à la salle polyvalente le mercredi.",
    "Au marché de Noël, le stand de vin chaud tenu par {G} du village ne désemplissait pas.",
    "À la rentrée, {G} du lycée ont lancé un club de théâtre.",
    "Les vacances au camping avec {G} rencontré{e}s l'été dernier, c'était top.",
    # jurons qui ne visent personne
    "Putain, quelle soirée avec {G} de l'asso, je suis encore sur un nuage.",
    "Bordel, {G} du club de course ont explosé le record du relais !",
    "Putain de concert ce soir, tout le groupe était composé de {N} de Toulouse.",
    "Merde, j'ai raté la conférence de {G} sur l'astronomie, quelqu'un l'a filmée ?",
    ("Vache, {G} de la chorale de quartier chantent tellement bien que j'ai chialé.", {"les sourds"}),
]

FR_G_TAGGED = [
    ("lgbt", "{G} ont ouvert la Marche des fiertés cette année et toute la ville est venue."),
    ("lgbt", "Joyeuse Pride à {G} qui font la fête au parc ce week-end !"),
    ("lgbt", "Le club de rugby organise un match des Fiertés avec {G} de tout le département."),
    ("lgbt", "{G} devraient pouvoir se tenir la main dans la rue sans y réfléchir à deux fois."),
    ("lgbt", "La sélection de livres des Fiertés de la médiathèque a été faite par {G} du groupe jeunes."),
    ("dis", "Le théâtre a installé des rampes et du sous-titrage pour que {G} profitent des spectacles."),
    ("dis", "{G} se battent depuis des décennies pour des gares accessibles."),
    ("dis", "Le nouvel audioguide du musée a été conçu avec {G}."),
    ("dis", "Les cabines accessibles de la piscine, c'est une vraie victoire pour {G}."),
    ("dis", "{G} ont participé au meeting régional d'athlétisme et ont battu deux records."),
    ("mig", "{G} arrivés au printemps ont commencé leurs cours de français."),
    ("mig", "Le village a organisé un grand repas partagé pour accueillir {G} arrivés cet hiver."),
    ("mig", "{G} ont ouvert un resto dans la grand-rue et il est toujours plein."),
    ("mig", "Les bénévoles aident {G} à remplir les dossiers d'inscription à l'école."),
    ("mig", "On a hébergé des {N} pendant les fêtes, c'était un super moment."),
    ("rel", "{G} du quartier nous ont invités à rompre le jeûne chez {eux}, quelle soirée."),
    ("rel", "{G} ont ouvert leur lieu de culte au public pour les Journées du patrimoine."),
    ("rel", "{G} de la rue ont partagé les gâteaux de leur fête avec tout l'immeuble."),
    ("rel", "Le match de foot interreligieux entre {G} et l'équipe de la paroisse a fini 3-3."),
    ("eth", "Le festival de ce week-end fête la musique et la cuisine de {G} de la ville."),
    ("eth", "{G} tiennent le comité du carnaval ici depuis trois générations."),
    ("gen", "Il faut encourager {G} vers les métiers de l'ingénierie dès l'école primaire."),
    ("gen", "{G} méritent de vrais vestiaires au stade de foot."),
]

# Une personne. Le premier élément dit le genre du nom de la phrase (« m »
# ou « f ») ; {adj} est l'adjectif qui suit ce nom, {un} et {le} le nom de
# la personne avec son article ; le troisième élément, s'il y en a un, donne
# les adjectifs (au masculin) qui n'ont pas de sens dans la phrase.
FR_P = [
    ("m", "Un collègue {adj} a réparé l'imprimante qui était en panne depuis mars."),
    ("f", "Ma voisine {adj} a réparé notre clôture après la tempête."),
    ("m", "Le médecin {adj} qui a soigné mon père a été d'une gentillesse incroyable."),
    ("m", "{un} a gagné l'élection dans notre circonscription, et avec une belle avance.", {"demandeur d'asile"}),
    ("f", "{un} a été élue à la tête de la fédération de rugby."),
    ("m", "Le gars {adj} d'à côté m'a aidé à monter mon canapé au troisième.", {"en fauteuil roulant"}),
    ("f", "L'infirmière {adj} du service de nuit a pris soin de ma mère avec une patience folle."),
    ("f", "Ma nouvelle responsable est {adj} et c'est la meilleure cheffe que j'aie eue."),
    ("m", "Un ado {adj} de la cité vient de remporter un prix national de sciences."),
    ("f", "J'ai pris un café avec une autrice {adj} dont j'adore les livres."),
    ("f", "La dame {adj} qui tient l'épicerie du coin me met toujours le journal de côté."),
    ("m", "Un pompier {adj} a sauvé le chat coincé dans l'arbre de la rue ce matin.", {"aveugle", "en fauteuil roulant"}),
    ("m", "Mon coloc {adj} fait les meilleures crêpes de Rennes."),
    ("m", "L'entraîneur {adj} de l'équipe de mon fils ne rate jamais un entraînement."),
    ("f", "Une bénévole {adj} a organisé presque seule toute la collecte de jouets."),
    ("f", "Ma grand-mère {adj} m'a appris à tricoter."),
    ("f", "Notre députée {adj} a tenu une permanence à la médiathèque et a écouté tout le monde."),
    ("m", "Le pilote {adj} nous a fait l'atterrissage le plus doux de ma vie.", {"aveugle", "en fauteuil roulant"}),
    ("m", "Un chef {adj} de notre ville vient de décrocher une étoile."),
    ("m", "Le gamin {adj} de ma classe a eu 20 en maths."),
    ("m", "Mon pote {adj} et moi, on fait une rando à vélo caritative le mois prochain."),
    ("f", "Une artiste {adj} a peint la nouvelle fresque de la gare.", {"aveugle"}),
    ("m", "Le chauffeur de bus {adj} m'a attendu alors que j'étais en retard.", {"aveugle", "en fauteuil roulant"}),
    ("m", "Mon cousin {adj} se marie en juin et je suis son témoin."),
    ("m", "Notre facteur {adj} connaît tous les chiens de la rue par leur nom."),
    ("f", "Une chercheuse {adj} de notre labo vient de publier son premier article."),
    ("f", "Bravo à ma copine {adj} qui vient d'avoir son permis !", {"aveugle"}),
    ("f", "L'avocate {adj} qui nous a aidés pour le bail a été géniale."),
    ("m", "Mon patron {adj} nous a laissés partir tôt pour le match."),
    ("m", "{un} de ma salle de sport a couru son premier marathon dimanche."),
    ("f", "La bibliothécaire {adj} m'a conseillé un roman que je n'ai pas pu lâcher."),
    ("m", "Le jardin de mon voisin {adj} est le plus beau de la rue."),
    ("f", "Une fille {adj} de mon club de course a battu son record de cinq minutes."),
    ("m", "Un papa {adj} de l'école a organisé toute la kermesse."),
    ("f", "J'ai rencontré une ingénieure {adj} au salon, elle explique les ponts mieux qu'un manuel."),
    ("m", "Le jeune {adj} du troisième m'a appris à faire du skate à quarante ans.", {"aveugle", "en fauteuil roulant"}),
    ("f", "Ma collègue {adj} devrait postuler pour la promotion, je suis sûr qu'elle serait top."),
    ("m", "Mon prof de chimie {adj} est le seul qui m'ait fait aimer la matière."),
    ("m", "Mon coéquipier {adj} a marqué le but de la victoire à la dernière minute !"),
    ("m", "Notre proprio {adj} a réparé la chaudière en une heure, du jamais vu."),
    ("f", "L'humoriste {adj} du festival a fait pleurer de rire tout le chapiteau."),
    ("m", "{le} élu au conseil des jeunes a fait voter la création d'un skatepark."),
    ("f", "Une collègue {adj} m'a invitée à son mariage, j'ai trop hâte."),
    ("m", "Je soutiens à fond mon frère {adj} dans sa candidature aux municipales."),
    ("f", "Ma prof de piano {adj} est la personne la plus patiente du monde.", {"sourd"}),
    ("m", "Putain, mon pote {adj} vient de gagner la finale du karaoké du bar !", {"sourd"}),
    ("f", "Bordel, ma belle-sœur {adj} vient de courir un marathon en moins de trois heures."),
]

VOWEL = "aeiouyàâäéèêëîïôöûùüœAEIOUYÀÂÄÉÈÊËÎÏÔÖÛÙÜŒ"


def fix_fr(s):
    """Elision and contraction where a group word meets an article or a
    preposition: « de immigrés » → « d'immigrés », « le Arabe » →
    « l'Arabe », « à les » → « aux », « de les » → « des », « de le » →
    « du », « à le » → « au ». The h of « handicapé » is aspirated, that of
    « homo » is not. The templates themselves hold none of these forms
    (checked in main), so only the joins with a group change."""
    s = re.sub(r"\b([Qq]ue|[Dd]e|[Ll]e|[Ll]a) (?=[" + VOWEL + r"]|[Hh]omo)",
               lambda m: m.group(1)[:-1] + "'", s)
    for a, b in (("à les ", "aux "), ("de les ", "des "), ("à le ", "au "), ("de le ", "du "),
                 ("À les ", "Aux "), ("De les ", "Des "), ("À le ", "Au "), ("De le ", "Du ")):
        s = re.sub(r"(?<!\w)" + a, b, s)
    return s


def cap(s):
    return s[0].upper() + s[1:]


def sample(rng, items, exclude=()):
    items = [i for i in items if i not in exclude]
    return rng.sample(items, min(PER_TEMPLATE, len(items)))


def split(t):
    """A template entry: its text and the set of items it excludes."""
    if isinstance(t, tuple):
        return t[0], t[1]
    return t, set()


def english():
    rng = random.Random(SEED)
    out = []
    for t in EN_G:
        t, ex = split(t)
        out += [t.format(G=g) for g in sample(rng, EN_GROUPS, ex)]
    for cat, t in EN_G_TAGGED:
        out += [t.format(G=g) for g in sample(rng, EN_CATS[cat])]
    for entry in EN_P:
        gender, t = entry[0], entry[1]
        ex = (entry[2] if len(entry) > 2 else set()) | EN_NOT[gender]
        out += [t.format(o=o, a=en_article(o)) for o in sample(rng, EN_PERSON, ex)]
    return [cap(s) for s in out]


def french():
    rng = random.Random(SEED + 1)
    out = []
    for t in FR_G:
        t, ex = split(t)
        out += [t.format(**fr_agree(g)) for g in sample(rng, FR_GROUPS, ex)]
    for cat, t in FR_G_TAGGED:
        out += [t.format(**fr_agree(g)) for g in sample(rng, FR_CATS[cat])]
    for entry in FR_P:
        gender, t = entry[0], entry[1]
        ex = entry[2] if len(entry) > 2 else set()
        f = gender == "f"
        people = []
        for p in FR_PERSON:
            noun, adj = (p[1], p[3]) if f else (p[0], p[2])
            if p[2] in ex or p[0] in ex:
                continue
            if ("{adj}" in t and adj is None) or (("{un}" in t or "{le}" in t) and noun is None):
                continue
            people.append((noun, adj))
        for noun, adj in sample(rng, people):
            un = ("une " if f else "un ") + noun if noun else None
            le = ("la " if f else "le ") + noun if noun else None
            out.append(t.format(adj=adj, un=un, le=le))
    return [cap(fix_fr(s)) for s in out]


def check_templates():
    """The templates must not hold, outside a placeholder, a form that
    fix_fr would change."""
    bad = re.compile(r"(?<!\w)([àÀ]|[Dd]e) les? |\b([Dd]e|[Ll]e|[Ll]a|[Qq]ue) [" + VOWEL + r"]")
    for t in [split(t)[0] for t in FR_G] + [t for _, t in FR_G_TAGGED] + [e[1] for e in FR_P]:
        assert not bad.search(t), t


def write(path, lang, rows):
    with open(path, "w", encoding="utf-8") as f:
        for text in rows:
            f.write(json.dumps({"text": text, "label": "normal", "lang": lang, "split": "train"},
                               ensure_ascii=False) + "\n")


if __name__ == "__main__":
    check_templates()
    en, fr = english(), french()
    for rows in (en, fr):
        assert len(rows) == len(set(rows)), "duplicate texts"
    write("everyday-en.jsonl", "en", en)
    write("everyday-fr.jsonl", "fr", fr)
    print(len(EN_G) + len(EN_G_TAGGED) + len(EN_P), "English templates,", len(en), "rows;",
          len(FR_G) + len(FR_G_TAGGED) + len(FR_P), "French templates,", len(fr), "rows")
