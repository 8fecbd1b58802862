#!/usr/bin/env python3
"""Writes identity2-en.jsonl and identity2-fr.jsonl: non-hateful posts that
name a protected group, or one person of it, around the generic words the
default model had learnt to read as hate, for training it (make model).

After identity.py, everyday.py and plain.py, the model still flagged
ordinary mentions of a group that use words common in hateful posts:
"every", "all over", "this country", "live in", "how many", "should", "our
town", "neighbours", quantities, places, and one person described by their
group. These templates put those words in plain, friendly or curious
sentences, in eight families (FAMILY_NAMES below): the group as the subject of
everyday verbs in many tenses; quantities and places; contributions and
praise; one person described by their group; questions for school, work or
curiosity; history, culture, food, sport, music and language; modal verbs
in benign senses; and loaded generic words ("every", "all", "always", "this
country", "our streets", "these people") used in a friendly way. No
sentence is hateful, insulting, sarcastic, dehumanising or threatening, not
even as a quotation or a denial; there are no slurs and no profanity.

The Voile developers wrote these templates and person forms for this
purpose on 2026-12-01; the French ones were written in French, not
translated. Nothing comes from a dataset, a corpus or a published
functional test suite for hate speech. The group lists come from
identity.py, the French elision and contraction from everyday.py. Each
template takes a fixed sample of PER_TEMPLATE groups or person forms
(random.Random with a fixed seed), so every run writes the same rows.
Run it from this folder: python3 identity2.py
"""
import random
import re

from identity import EN_GROUPS, FR_GROUPS
from everyday import EN_CATS, FR_CATS, FR_FEM, VOWEL, cap, en_article, fix_fr, write

SEED = 20261201
PER_TEMPLATE = 11

# ---------------------------------------------------------------- English

# A template is a string, or (string, codes) where each letter of codes
# drops the groups for which the sentence would make no sense.
EN_DROP = {
    "a": {"girls"},                                   # adults only
    "g": {"women", "girls"},                          # a share of a street or a staff, not half of everyone
    "b": {"blind people"},                            # needs sight
    "d": {"deaf people"},                             # needs hearing
    "w": {"wheelchair users"},                        # needs walking or climbing
    "m": {"migrants", "asylum seekers"},              # spans decades: newcomers would be settled by then
    "c": set(EN_CATS["gen"] + EN_CATS["lgbt"] + EN_CATS["dis"]),  # languages, faiths, origins
}

EN_FAMILIES = {
    "verbs": [
        "Plenty of {G} commute into the city on the 7:15 train with me.",
        ("{G} have lived in this valley for generations and still run the summer fête.", "am"),
        ("{G} will be voting at the primary school on Thursday, like the rest of the street.", "a"),
        "{G} cooked for three hundred people at the harvest supper last night.",
        "{G} in my year are studying law, chemistry and architecture.",
        ("{G} run small businesses all along Station Road: a barber, a florist and two cafés.", "a"),
        "Some {G} pray every day and some never set foot in a place of worship, as in any group.",
        "{G} celebrated the new year with fireworks over the harbour.",
        ("{G} moved to the estate in the sixties, and their grandchildren still live there.", "am"),
        "{G} travel from all over the region to play in the Sunday league.",
        ("{G} will be working the late shift at the hospital over Christmas, thank you all.", "a"),
        ("{G} had already opened three shops on the high street by the time I moved here.", "a"),
        "{G} who commute by bus will benefit from the new night service.",
        ("{G} taught at the village school for decades.", "am"),
        ("{G} have been farming this land since before the railway came.", "am"),
        "{G} will move into the new housing co-op in the spring.",
        ("{G} drive the buses, stock the shelves and teach the kids in this town.", "ab"),
        "{G} celebrated their festival in the park and invited the whole street.",
        "{G} shop at the Saturday market, walk their dogs in the park and moan about the weather.",
        "{G} were dancing until two in the morning at my cousin's wedding.",
        "{G} are going to start a beginners' swimming club at the leisure centre.",
        ("{G} have worked at the biscuit factory since it opened in 1962.", "am"),
        "{G} will be studying abroad next term through the exchange scheme.",
        ("{G} were already commuting between Lille and Brussels long before the fast train.", "am"),
        ("{G} rehearse with the town brass band every Thursday.", "d"),
        "{G} moved to Bristol last year and they love the city.",
    ],
    "places": [
        "You will find {G} in every county, from Cornwall to Northumberland.",
        "{G} have made their homes all over Europe, from Lisbon to Helsinki.",
        "{G} live in every big city in this country, and in plenty of villages too.",
        "How many {G} live in Birmingham? I need a rough figure for my geography homework.",
        "The census shows {G} living in every ward of the city.",
        ("Most of our neighbours are {G}, and the street has never been friendlier.", "g"),
        ("The residents' survey found {G} in about one household in ten on our street.", "g"),
        "There are {G} in every school, every office and every football team in the land.",
        "A new atlas maps where {G} live across the country, region by region.",
        ("A big share of the nurses at our local hospital are {G}.", "g"),
        ("{G} work in every part of the economy, from farming to finance.", "a"),
        "{G} came from all over the country for the national conference in Leeds.",
        "How many {G} are there in Wales? Curious after a documentary last night.",
        "{G} live on both sides of the river and cross the bridge every morning.",
        "{G} have lived all over this city, from the docks to the university quarter.",
        "Every town I've lived in had a lively community of {G}.",
        ("The number of {G} studying at the university has doubled in ten years.", "a"),
        "{G} are among the nine million people who call London home.",
        "Where do most {G} in Canada live? It's for a presentation on population.",
        ("There are more {G} in our choir this year than ever, which is great.", "d"),
        "{G} are spread across the whole country, in cities, towns and farms.",
        "Our village has {G} living in almost every lane.",
        "According to the census, {G} live in all 32 London boroughs.",
    ],
    "praise": [
        "{G} have contributed so much to this city's hospitals, schools and parks.",
        "Our town is richer, livelier and kinder for the {G} who live here.",
        "We should celebrate {G} for everything they've given this community.",
        "We should welcome {G} into the choir, the club and the council, not just the street party.",
        "Let's thank the {G} who kept the corner shops open through the lockdowns.",
        "This country owes a great deal to {G}, in science, in sport and in the arts.",
        "{G} made our streets greener by planting a hundred trees last autumn.",
        "The {G} on our street are a big reason this town feels like home.",
        "A huge thank-you to the {G} who staffed the vaccination centre every weekend.",
        ("{G} have given so much to British music that the charts would be dull without them.", "d"),
        ("The city should honour the {G} who rebuilt the harbour after the war.", "a"),
        ("Our football club would not exist without the {G} who founded it in 1921.", "am"),
        "{G} bring energy, skill and great food to every festival in this town.",
        ("Grateful every day for the {G} who work in our care homes.", "a"),
        "The best ideas this town has had in ten years came from {G} on the residents' panel.",
        "{G} have added so much to this country's culture, and we are better for it.",
        "Let's celebrate the {G} of our town at the heritage festival next month.",
        ("A statue honouring the {G} who worked in the mills will be unveiled on Sunday.", "a"),
    ],
    "questions": [
        "I'm doing a school project on {G} in Britain: does anyone know a good book to start with?",
        ("Where can I find figures on how many {G} work in teaching? It's for a report at work.", "a"),
        ("Which famous scientists were {G}? My son needs three names for his homework.", "a"),
        "Are there good podcasts made by {G} about everyday life? Asking out of curiosity.",
        "What's the right word to use when writing about {G}? I want my article to be respectful.",
        ("Does anyone have data on {G} in apprenticeships? I'm preparing a presentation for my team.", "a"),
        ("How many {G} sit on the city council at the moment? Just curious.", "a"),
        ("What do {G} wish their colleagues knew? We're planning an inclusion workshop at work.", "a"),
        "Is there a museum that tells the story of {G} in this country? We're visiting in May.",
        "For my dissertation: has anyone surveyed {G} about how they get to work or school?",
        "Quick question for a school assignment: where do most {G} in Scotland live?",
        "Which novels have {G} as the main characters? I'm building a reading list for my class.",
        "Teacher here: how can I invite {G} from the community to talk to my class?",
        "Is it true that more {G} go to university than ten years ago? Just wondering.",
    ],
    "culture": [
        ("The history of {G} in this port goes back at least three hundred years.", "c"),
        ("Tonight's documentary is about {G} who worked on the railways in the 1950s.", "a"),
        "The food festival has a whole tent of dishes cooked by {G} from the neighbourhood.",
        "{G} at our athletics club have won more medals than anyone can count.",
        "The exhibition on {G} and the trade unions is free on Sundays.",
        ("Our library now lends books in the languages that {G} in the area speak.", "c"),
        "The local history society is collecting memories from {G} who grew up here.",
        ("{G} in the city choir sang at the cathedral on Christmas Eve.", "d"),
        "A new cookbook gathers recipes from {G} all across the region.",
        "The film festival is showing ten films made by {G} this year.",
        "A theatre company founded by {G} is touring schools with a play about friendship.",
        "The archive holds letters written by {G} during the war, and they are very moving.",
        "{G} from the boxing gym won three regional titles this year.",
        "The street food market is full of stalls run by {G}, and the dumplings are unreal.",
    ],
    "modals": [
        "{G} should have a voice when the council sets next year's budget.",
        "{G} must be consulted before the new health centre is designed.",
        ("{G} should be able to rent a flat without being turned away at the first viewing.", "a"),
        "{G} can join the rowing club for free during the first month.",
        "{G} ought to be on the panel that chooses the new curriculum.",
        "{G} will have to be asked what they think of the new timetable, that's only fair.",
        ("{G} should be paid the same as everyone else for the same work.", "a"),
        "{G} might want to know that the advice centre now opens on Saturdays.",
        "{G} must feel welcome at every event this club runs, that's the rule.",
        "{G} may apply for the neighbourhood grant until the end of March.",
        "Local {G} should be the ones telling their own story in the new museum.",
        "{G} shouldn't have to wait months to see a doctor, and nobody else should either.",
        "We should ask {G} to help plan the new youth centre, they know what works.",
    ],
    "loaded": [
        "Every year, {G} from all over the county run the Christmas toy appeal.",
        "All the {G} in my evening class brought cakes on the last day.",
        "{G} have always been welcome at our kitchen table.",
        ("There have always been {G} in this town, and the town is all the better for it.", "gm"),
        "This country would be poorer without {G}, in every sense.",
        ("Our streets filled with music when {G} from the steel band marched past.", "d"),
        "{G} kept the food bank open all winter. These people are the reason this town works.",
        "Every one of the {G} I worked with in Bristol was a pleasure to know.",
        "{G} all over the country are getting ready for the holidays. Have a lovely break, everyone!",
        "All across the country, {G} got a standing ovation tonight, and they earned it.",
        "Our streets feel friendlier since {G} from the new flats started the Sunday coffee morning.",
        "These people deserve a medal: the {G} who run the homework club every single evening.",
        ("All over the city, {G} opened their doors to families who lost their homes in the fire.", "a"),
        "Our door is always open to {G} looking for a quiet place to study.",
    ],
}

# One person. pred follows "is"; adj goes before a noun (None where it does
# not); sexes says which nouns it goes with: m a man's, f a woman's, n any.
EN_PERSON = [
    ("Muslim", "Muslim", "mfn"), ("Jewish", "Jewish", "mfn"), ("Black", "Black", "mfn"),
    ("Asian", "Asian", "mfn"), ("Arab", "Arab", "mfn"), ("Roma", "Roma", "mfn"),
    ("Mexican", "Mexican", "mfn"), ("an immigrant", "immigrant", "mfn"), ("a refugee", "refugee", "mfn"),
    ("gay", "gay", "mfn"), ("a lesbian", "lesbian", "fn"), ("bisexual", "bisexual", "mfn"),
    ("trans", "trans", "mfn"), ("non-binary", "non-binary", "n"),
    ("queer", "queer", "mfn"), ("disabled", "disabled", "mfn"), ("deaf", "deaf", "mfn"),
    ("blind", "blind", "mfn"), ("autistic", "autistic", "mfn"), ("a wheelchair user", None, "mfn"),
]

# (sex of the sentence's noun or pronoun, text[, preds that make no sense]);
# {pred} after "is", {a} the adjective with its article.
EN_PEOPLE = [
    ("n", "The person upstairs is {pred} and plays the cello every evening.", {"deaf"}),
    ("n", "My new colleague is {pred} and a brilliant cook."),
    ("f", "The woman across the landing is {pred} and chairs the residents' association."),
    ("m", "Our new GP is {pred}, and he's the most thorough doctor I've ever seen."),
    ("n", "The person who lives by the bakery is {pred} and knows everyone's name."),
    ("f", "My daughter's maths teacher is {pred} and the kids adore her."),
    ("m", "The guy who fixed my bike is {pred} and wouldn't take any money for it."),
    ("n", "Just learned that my favourite author is {pred}. Rereading everything now."),
    ("n", "Our new flatmate is {pred}, studies architecture and makes great coffee."),
    ("f", "The captain of our hockey team is {pred} and an incredible leader."),
    ("m", "My brother-in-law is {pred} and the funniest person at every family dinner."),
    ("n", "The person who runs the repair café is {pred} and can fix any toaster."),
    ("f", "We have a new neighbour downstairs, {a} woman who teaches yoga."),
    ("n", "Our new postie is {a} former athlete who always has time for a chat.", {"blind"}),
    ("f", "The new headteacher is {a} woman who grew up on this estate."),
    ("m", "Our new neighbour is {a} dad of three who plays in a brass band.", {"deaf"}),
    ("n", "The pharmacist at the corner is {pred} and always takes time to explain things."),
    ("f", "My new boss is {pred}; in six months she has settled every dispute in the team."),
]

# ----------------------------------------------------------------- French

FR_DROP = {
    "a": {"les filles"},
    "g": {"les femmes", "les filles"},
    "b": {"les aveugles"},
    "d": {"les sourds"},
    "w": {"les personnes en fauteuil roulant"},
    "m": {"les migrants", "les demandeurs d'asile"},
    "c": set(FR_CATS["gen"] + FR_CATS["lgbt"] + FR_CATS["dis"]),
}


def fr_agree(g):
    """The words that agree with the group g: {G} the group, {N} its noun
    without the article (« de {N} » → « d'immigrés »), {e} the feminine
    ending, {ils} and {eux} the pronouns, {tous} and {nx} the quantifiers."""
    f = g in FR_FEM
    return {"G": g, "N": g[len("les "):], "e": "e" if f else "", "ils": "elles" if f else "ils",
            "eux": "elles" if f else "eux", "tous": "toutes" if f else "tous",
            "nx": "nombreuses" if f else "nombreux"}


FR_FAMILIES = {
    "verbs": [
        "{G} du quartier prennent le TER de 7 h 12 avec moi tous les matins.",
        ("{G} vivent dans cette vallée depuis des générations et tiennent toujours la fête du village.", "am"),
        ("{G} iront voter dimanche à l'école primaire, comme le reste de la rue.", "a"),
        "{G} ont cuisiné pour trois cents personnes au repas des vendanges.",
        "{G} de ma promo étudient le droit, la chimie ou l'architecture.",
        ("{G} tiennent des petits commerces tout le long de l'avenue : un coiffeur, une fleuriste et deux cafés.", "a"),
        "Certain{e}s {N} prient tous les jours, d'autres jamais, comme dans n'importe quel groupe.",
        "{G} ont fêté le nouvel an avec un feu d'artifice sur le port.",
        ("{G} se sont installé{e}s dans la cité dans les années 60, et leurs petits-enfants y vivent encore.", "am"),
        "{G} viennent de toute la région pour jouer dans le championnat du dimanche.",
        ("{G} travailleront de nuit à l'hôpital pendant les fêtes, merci à {eux}.", "a"),
        ("{G} avaient déjà ouvert trois boutiques dans la grand-rue quand je suis arrivé ici.", "a"),
        "{G} qui prennent le bus profiteront de la nouvelle ligne de nuit.",
        ("{G} ont enseigné à l'école du village pendant des décennies.", "am"),
        ("{G} cultivent ces terres depuis avant l'arrivée du chemin de fer.", "am"),
        "{G} emménageront dans l'habitat participatif au printemps.",
        ("{G} conduisent les bus, remplissent les rayons et font la classe dans cette ville.", "ab"),
        "{G} ont célébré leur fête au parc et ont invité toute la rue.",
        "{G} font leur marché le samedi, promènent leur chien et râlent contre la météo.",
        "{G} ont dansé jusqu'à deux heures du matin au mariage de ma cousine.",
        "{G} vont lancer un club de natation pour débutants à la piscine municipale.",
        ("{G} travaillent à la biscuiterie depuis son ouverture en 1962.", "am"),
        "{G} partiront étudier à l'étranger au prochain semestre avec Erasmus.",
        ("{G} faisaient déjà la navette entre Lille et Bruxelles bien avant le TGV.", "am"),
        "{G} rentraient chez {eux} pour les fêtes quand les trains ont été annulés, comme tout le monde.",
        ("{G} répètent avec la fanfare municipale tous les jeudis.", "d"),
        "{G} ont déménagé à Nantes l'an dernier et adorent la ville.",
    ],
    "places": [
        "On trouve des {N} dans tous les départements, de la Bretagne à l'Alsace.",
        "{G} se sont installé{e}s un peu partout en Europe, de Lisbonne à Helsinki.",
        "{G} vivent dans toutes les grandes villes du pays, et dans plein de villages aussi.",
        "Il y a combien de {N} à Toulouse, à peu près ? C'est pour un exposé de géo.",
        "D'après le recensement de la Ville, {G} habitent dans tous les quartiers.",
        ("La plupart de nos voisins sont des {N}, et la rue n'a jamais été aussi sympa.", "g"),
        "Il y a des {N} dans chaque école, chaque bureau et chaque club de foot du pays.",
        "Un nouvel atlas montre où vivent {G} en Europe, région par région.",
        ("Une bonne partie du personnel soignant de notre hôpital, ce sont des {N}.", "g"),
        ("{G} travaillent dans tous les secteurs, de l'agriculture à la finance.", "a"),
        "{G} sont venu{e}s de tout le pays pour le congrès national à Lyon.",
        "Combien de {N} vivent en Belgique ? Je me pose la question depuis un docu.",
        "{G} habitent des deux côtés du fleuve et traversent le pont chaque matin.",
        "{G} ont vécu un peu partout dans cette ville, du port au quartier de la fac.",
        "Chaque ville où j'ai vécu avait une belle communauté de {N}.",
        ("Le nombre de {N} inscrit{e}s à l'université a doublé en dix ans.", "a"),
        "Où vivent la plupart de {G} au Canada ? C'est pour un exposé sur la population.",
        "Le nouvel atlas consacre un chapitre à {G} en Europe, c'est passionnant.",
        "{G} sont réparti{e}s dans tout le pays, en ville comme à la campagne.",
        "Dans notre village, il y a des {N} dans presque chaque rue.",
        ("Il y a plus de {N} que jamais dans notre chorale cette année, et c'est chouette.", "d"),
        "Dans ce pays, {G} sont {nx} à donner de leur temps aux associations, selon une enquête régionale.",
        "Il y a des {N} partout en France, dans les métropoles comme dans les petits bourgs.",
    ],
    "praise": [
        "{G} ont tant apporté aux hôpitaux, aux écoles et aux parcs de cette ville.",
        "Notre ville est plus riche et plus vivante grâce à {G} qui y habitent.",
        "On devrait fêter {G} pour tout ce qu'{ils} ont donné à ce quartier.",
        "Il faudrait accueillir {G} dans la chorale, au club et au conseil, pas seulement à la fête de quartier.",
        "Merci à {G} qui ont gardé les commerces ouverts pendant les confinements.",
        "Ce pays doit beaucoup à {G}, en sciences, en sport et dans les arts.",
        "{G} ont rendu nos rues plus vertes en plantant cent arbres l'automne dernier.",
        "Si on se sent si bien dans cette ville, c'est en grande partie grâce à {G} de notre rue.",
        "Un immense merci à {G} qui ont tenu le centre de vaccination tous les week-ends.",
        ("{G} ont tellement apporté à la chanson française qu'on l'imagine mal sans {eux}.", "d"),
        ("La ville devrait rendre hommage à {G} qui ont reconstruit le port après la guerre.", "a"),
        ("Notre club de foot n'existerait pas sans {G} qui l'ont fondé en 1921.", "am"),
        "{G} apportent de l'énergie, du talent et de la bonne cuisine à chaque fête du village.",
        ("Reconnaissant chaque jour pour {G} qui travaillent dans nos Ehpad.", "a"),
        "Les meilleures idées de la ville ces dix dernières années sont venues de {G} du conseil citoyen.",
        "{G} ont enrichi la culture de ce pays, et on s'en porte mieux.",
        "Célébrons {G} de notre ville au festival du patrimoine le mois prochain.",
        ("Une statue en hommage à {G} qui ont travaillé dans les filatures sera inaugurée dimanche.", "a"),
    ],
    "questions": [
        "Je prépare un exposé sur {G} en France : vous auriez un bon livre pour commencer ?",
        ("Où trouver des chiffres sur le nombre de {N} dans l'enseignement ? C'est pour un rapport au boulot.", "a"),
        ("Quels grands scientifiques étaient des {N} ? Mon fils doit citer trois noms pour un devoir.", "a"),
        "Vous connaissez des podcasts faits par des {N} sur la vie de tous les jours ? Simple curiosité.",
        "Quel est le bon mot pour parler de {G} dans un article ? Je veux être respectueux.",
        ("Quelqu'un a des données sur {G} en apprentissage ? Je prépare une présentation pour mon équipe.", "a"),
        ("Combien de {N} siègent au conseil municipal en ce moment ? Juste par curiosité.", "a"),
        ("Qu'est-ce que {G} aimeraient que leurs collègues sachent ? On prépare un atelier sur l'inclusion au travail.", "a"),
        "Il existe un musée qui raconte l'histoire de {G} dans ce pays ? On y va en mai.",
        "Pour mon mémoire : quelqu'un a déjà interrogé {G} sur leurs trajets quotidiens ?",
        "Petite question pour un devoir : dans quelles régions vivent surtout {G} en Suisse ?",
        "Quels romans ont des {N} comme personnages principaux ? Je monte une liste de lecture pour ma classe.",
        "Prof ici : comment inviter {G} du quartier à venir parler à mes élèves ?",
        "C'est vrai que de plus en plus de {N} font des études supérieures ? Je me demandais.",
    ],
    "culture": [
        ("L'histoire de {G} dans ce port remonte à au moins trois siècles.", "c"),
        ("Le documentaire de ce soir parle de {G} qui ont travaillé sur les chantiers du rail dans les années 50.", "a"),
        "Au festival gourmand, un chapiteau entier propose des plats cuisinés par des {N} du quartier.",
        "{G} du club d'athlétisme ont remporté plus de médailles qu'on ne peut en compter.",
        "L'expo sur {G} et le mouvement syndical est gratuite le dimanche.",
        ("La médiathèque prête maintenant des livres dans les langues que parlent {G} du quartier.", "c"),
        "La société d'histoire locale recueille les souvenirs de {G} qui ont grandi ici.",
        ("{G} de la chorale municipale ont chanté à la cathédrale le soir de Noël.", "d"),
        "Un nouveau livre de cuisine rassemble des recettes de {N} de toute la région.",
        "Le festival de cinéma projette cette année dix films réalisés par des {N}.",
        "Une troupe de théâtre fondée par des {N} tourne dans les écoles avec une pièce sur l'amitié.",
        "Les archives conservent des lettres écrites par des {N} pendant la guerre, c'est bouleversant.",
        "{G} de la salle de boxe ont remporté trois titres régionaux cette année.",
        "Le marché de street food est plein de stands tenus par des {N}, et les raviolis sont dingues.",
    ],
    "modals": [
        "{G} devraient avoir voix au chapitre quand la mairie vote le budget.",
        "{G} devraient être consulté{e}s avant qu'on dessine le nouveau centre de santé.",
        ("{G} devraient pouvoir louer un appartement sans être recalé{e}s dès la première visite.", "a"),
        "{G} peuvent s'inscrire gratuitement au club d'aviron le premier mois.",
        "{G} devraient faire partie du jury qui choisit le nouveau programme.",
        "Il faudra demander à {G} ce qu'{ils} pensent des nouveaux horaires, c'est la moindre des choses.",
        ("{G} devraient être payé{e}s autant que tout le monde pour le même travail.", "a"),
        "{G} voudront peut-être savoir que la maison du droit ouvre maintenant le samedi.",
        "{G} doivent se sentir les bienvenu{e}s à chaque événement du club, c'est la règle.",
        "{G} peuvent déposer un dossier pour la subvention de quartier jusqu'à fin mars.",
        "Ce sont {G} du coin qui devraient raconter leur propre histoire dans le nouveau musée.",
        "{G} ne devraient pas attendre des mois pour voir un médecin, et personne d'autre non plus.",
        "On devrait demander à {G} de nous aider à concevoir la maison des jeunes, {ils} savent ce qui marche.",
    ],
    "loaded": [
        "Chaque année, {G} de tout le département organisent la collecte de jouets de Noël.",
        "{G} de mon cours du soir ont {tous} apporté un gâteau pour la dernière séance.",
        "{G} ont toujours été les bienvenu{e}s à notre table.",
        ("Il y a toujours eu des {N} dans cette ville, et elle s'en porte très bien.", "gm"),
        "Ce pays serait bien plus pauvre sans {G}, dans tous les sens du terme.",
        ("Nos rues se sont remplies de musique quand {G} de la fanfare sont passé{e}s.", "d"),
        "{G} ont tenu la banque alimentaire ouverte tout l'hiver. Ces gens-là, c'est le cœur de la ville.",
        "Chacun{e} des {N} avec qui j'ai travaillé à Bordeaux était un plaisir à côtoyer.",
        "{G} de tout le pays préparent les fêtes. Bonnes vacances à tous !",
        "Dans tout le pays, {G} ont été applaudi{e}s ce soir, et c'était mérité.",
        "Nos rues sont plus conviviales depuis que {G} de la nouvelle résidence ont lancé le café du dimanche.",
        "Ces gens méritent une médaille : {G} qui tiennent l'aide aux devoirs tous les soirs.",
        ("Partout en ville, {G} ont ouvert leur porte aux familles qui ont perdu leur logement dans l'incendie.", "a"),
        "Toutes les assos de la ville accueillent {G} à bras ouverts.",
    ],
}

# Une personne : l'adjectif au masculin et au féminin (None s'il ne se dit
# pas), attribut (« est sourde ») ou épithète (« une voisine sourde »).
# « non binaire » ne va qu'avec « la personne » (genre « p »), pas avec un
# nom ou un pronom genré.
FR_PERSON = [
    ("musulman", "musulmane"), ("juif", "juive"), ("noir", "noire"), ("asiatique", "asiatique"),
    ("arabe", "arabe"), ("rom", "rom"), ("immigré", "immigrée"), ("réfugié", "réfugiée"),
    ("étranger", "étrangère"), ("gay", None), (None, "lesbienne"), ("homo", "homo"),
    ("bisexuel", "bisexuelle"), ("trans", "trans"), ("non binaire", "non binaire"),
    ("handicapé", "handicapée"), ("sourd", "sourde"), ("aveugle", "aveugle"), ("autiste", "autiste"),
    ("en fauteuil roulant", "en fauteuil roulant"),
]

# (genre du nom de la phrase : « m », « f », ou « p » pour « la personne »,
# texte[, adjectifs qui n'y ont pas de sens]) ; {adj} s'accorde avec ce nom.
FR_PEOPLE = [
    ("p", "La personne qui habite au-dessus est {adj} et joue du violoncelle tous les soirs.", {"sourde"}),
    ("m", "Mon nouveau collègue est {adj} et c'est un cuisinier hors pair."),
    ("f", "La voisine du palier est {adj} et préside l'association des locataires."),
    ("m", "Notre nouveau médecin traitant est {adj}, et c'est le plus consciencieux que j'aie eu."),
    ("p", "La personne qui habite en face est {adj} et connaît tout le monde dans la rue."),
    ("f", "La prof de maths de ma fille est {adj} et les élèves l'adorent."),
    ("m", "Le gars qui a réparé mon vélo est {adj} et n'a pas voulu que je le paie."),
    ("m", "Je viens d'apprendre que mon auteur préféré est {adj}. Du coup, je relis tout."),
    ("m", "Notre nouveau coloc est {adj}, étudie l'architecture et fait un café incroyable."),
    ("f", "La capitaine de notre équipe de hand est {adj} et c'est une meneuse incroyable."),
    ("m", "Mon beau-frère est {adj} et c'est le plus drôle à tous les repas de famille."),
    ("p", "La personne qui tient le repair café est {adj} et répare n'importe quel grille-pain."),
    ("f", "Une nouvelle voisine {adj} s'est installée au rez-de-chaussée, elle donne des cours de pilates."),
    ("f", "La nouvelle directrice de l'école est {adj} et a grandi dans la cité."),
    ("m", "Notre nouveau voisin est {adj}, papa de trois enfants, et joue dans une fanfare.", {"sourd"}),
    ("f", "La pharmacienne du coin est {adj} et prend toujours le temps d'expliquer."),
    ("f", "Ma nouvelle cheffe est {adj} ; en six mois, elle a apaisé tous les conflits de l'équipe."),
    ("m", "Le nouveau facteur est {adj} et il a toujours un mot gentil pour mamie.", {"aveugle"}),
]

# ------------------------------------------------------------------ rows

FAMILY_NAMES = {
    "verbs": "the group as the subject of everyday verbs, in many tenses",
    "places": "quantities and places: every city, all over Europe, this country, how many, census",
    "praise": "contributions and praise: contributed, owes, should celebrate, welcome, thank",
    "people": "one person described by their group (pred or adjective)",
    "questions": "questions for school, work or curiosity",
    "culture": "history, culture, food, sport, music, language",
    "modals": "modal verbs in benign senses: should, must, can, may, ought to",
    "loaded": "every, all, always, this country, our streets, these people, used kindly",
}


def entry(t):
    """A group template: its text and the codes of the groups it drops."""
    return (t, "") if isinstance(t, str) else t


def sample(rng, items):
    return rng.sample(items, min(PER_TEMPLATE, len(items)))


def english():
    rng = random.Random(SEED)
    rows, fams = [], {}
    for fam, templates in EN_FAMILIES.items():
        for t in templates:
            t, codes = entry(t)
            drop = set().union(*(EN_DROP[c] for c in codes))
            groups = [g for g in EN_GROUPS if g not in drop]
            out = [t.format(G=g) for g in sample(rng, groups)]
            rows += out
            fams[fam] = fams.get(fam, 0) + len(out)
    for e in EN_PEOPLE:
        sex, t, bad = e[0], e[1], (e[2] if len(e) > 2 else set())
        people = [(pred, adj) for pred, adj, sexes in EN_PERSON
                  if sex in sexes and pred not in bad and ("{a}" not in t or adj is not None)]
        out = [t.format(pred=pred, a=en_article(adj) if adj else None) for pred, adj in sample(rng, people)]
        rows += out
        fams["people"] = fams.get("people", 0) + len(out)
    return [cap(s) for s in rows], fams


def french():
    rng = random.Random(SEED + 1)
    rows, fams = [], {}
    for fam, templates in FR_FAMILIES.items():
        for t in templates:
            t, codes = entry(t)
            drop = set().union(*(FR_DROP[c] for c in codes))
            groups = [g for g in FR_GROUPS if g not in drop]
            out = [t.format(**fr_agree(g)) for g in sample(rng, groups)]
            rows += out
            fams[fam] = fams.get(fam, 0) + len(out)
    for e in FR_PEOPLE:
        sex, t, bad = e[0], e[1], (e[2] if len(e) > 2 else set())
        forms = [p[0] if sex == "m" else p[1] for p in FR_PERSON]
        forms = [a for a in forms if a is not None and a not in bad and (sex == "p" or a != "non binaire")]
        out = [t.format(adj=a) for a in sample(rng, forms)]
        rows += out
        fams["people"] = fams.get("people", 0) + len(out)
    return [cap(fix_fr(s)) for s in rows], fams


def check_templates():
    """The French templates must not hold, outside a placeholder, a form
    that fix_fr would change, and every placeholder must be known."""
    bad = re.compile(r"(?<!\w)([àÀ]|[Dd]e) les? |\b([Dd]e|[Ll]e|[Ll]a|[Qq]ue) [" + VOWEL + r"]")
    texts = [entry(t)[0] for ts in FR_FAMILIES.values() for t in ts] + [e[1] for e in FR_PEOPLE]
    for t in texts:
        assert not bad.search(t), t
        assert set(re.findall(r"{(\w+)}", t)) <= {"G", "N", "e", "ils", "eux", "tous", "nx", "adj"}, t
    for ts in EN_FAMILIES.values():
        for t in ts:
            assert set(re.findall(r"{(\w+)}", entry(t)[0])) == {"G"}, t


if __name__ == "__main__":
    check_templates()
    (en, en_fams), (fr, fr_fams) = english(), french()
    for rows in (en, fr):
        assert len(rows) == len(set(rows)), "duplicate texts"
    write("identity2-en.jsonl", "en", en)
    write("identity2-fr.jsonl", "fr", fr)
    n_en = sum(len(ts) for ts in EN_FAMILIES.values()) + len(EN_PEOPLE)
    n_fr = sum(len(ts) for ts in FR_FAMILIES.values()) + len(FR_PEOPLE)
    print(n_en, "English templates,", len(en), "rows;", n_fr, "French templates,", len(fr), "rows")
    for fam in FAMILY_NAMES:
        print(f"  {fam:9s} en {en_fams.get(fam, 0):4d}  fr {fr_fams.get(fam, 0):4d}")
