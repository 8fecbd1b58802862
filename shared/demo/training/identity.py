#!/usr/bin/env python3
"""Writes identity-en.jsonl and identity-fr.jsonl: non-hateful posts that
name a protected group, for training the default model (make model).

Hateful posts name groups far more often than other posts do in the
corpora, so a model learns that naming a group is hate. These posts, each a
group named in an ordinary or friendly sentence, teach it otherwise. The
Voile developers wrote the templates and group names below for this
purpose; nothing comes from a dataset or a published test suite. Run it
from this folder: python3 identity.py
"""
import json

EN_GROUPS = ["Muslims", "Jews", "Jewish people", "Black people", "black folks", "Asians", "Asian people",
             "Arabs", "Roma", "Mexicans", "immigrants", "migrants", "refugees", "asylum seekers", "foreigners",
             "women", "girls", "gay men", "gay people", "lesbians", "bisexual people", "trans people",
             "trans women", "non-binary people", "queer people", "disabled people", "wheelchair users",
             "deaf people", "blind people", "autistic people", "people with Down syndrome"]
EN_ONE = ["a Muslim", "a Jewish", "a Black", "an Asian", "an Arab", "a Roma", "an immigrant", "a refugee",
          "a gay", "a lesbian", "a trans", "a disabled", "a deaf", "a blind", "an autistic"]
EN_T = [
    "We had dinner with some {G} from the new community centre last night.",
    "The museum has a new exhibition on the history of {G} in Europe.",
    "My cousin is writing her thesis on {G} in the labour market.",
    "A lot of {G} live in our street and the neighbourhood is lovely.",
    "The council is asking {G} what they need from the new library.",
    "{G} are part of every walk of life here.",
    "Our football team has several {G} and we're top of the league.",
    "Happy holidays to all the {G} celebrating this week!",
    "Shout out to the {G} who organised the charity run.",
    "So grateful for the {G} in my life.",
    "The podcast interviewed three {G} about their first jobs.",
    "Statistics show {G} are underrepresented in local politics.",
    "I learned so much from the {G} in my book club.",
    "Proud to stand with {G} in our town.",
    "The new survey asks how {G} experience public transport.",
    "{G} deserve to feel safe and respected, like everyone.",
    "Two {G} opened a bakery on the corner and the bread is amazing.",
    "The documentary follows {G} who moved to the city in the 1960s.",
    "My best friends growing up were {G}.",
    "Our school invited {G} to talk about their careers.",
    "Local {G} raised money for the flood victims.",
    "There's a great community choir for {G} on Thursdays.",
    "I'm so happy to see more {G} on television.",
    "Can anyone recommend books written by {G}?",
    "The conference had speakers who are {G} and it was brilliant.",
    "Many {G} volunteer at the food bank every weekend.",
    "The hospital hired more staff to help {G} get appointments.",
    "Welcome to all the {G} joining our club this year.",
    "Research on {G} and mental health got new funding.",
    "I spent the afternoon with {G} from the neighbourhood association.",
    # The group first, then what it is or does, in plain words: hateful
    # posts mostly take this form ("T are ..."), so without these the
    # model reads the form itself as hate.
    "{G} are neighbours, colleagues and parents like anyone else.",
    "{G} are among the volunteers at the hospital every Sunday.",
    "{G} are often the first to help when the river floods.",
    "{G} are running the stall at the summer fair this year.",
    "{G} are a big part of the history of this port town.",
    "{G} are on the committee that chose the new playground.",
    "{G} are people with jobs, families and bad jokes, like all of us.",
    "{G} are coming to the open day at the college on Saturday.",
    "{G} are my colleagues and we get on really well.",
    "{G} are the nicest regulars at the café where I work.",
    "{G} are just as varied as any other group of people.",
    "{G} are often left out of health research, sadly.",
    "{G} work in every hospital in this country.",
    "{G} run half the shops on our high street and they're great.",
    "{G} have been part of this city for centuries.",
    "{G} pay taxes, vote and queue for the bus like everyone.",
    "{G} organised the best street party we've had in years.",
    "{G} keep our local football club going.",
    "{G} taught me how to cook properly, thank you!",
    "{G} deserve the same chances at work as anyone.",
    "{G} can be anything: doctors, bakers, pilots, artists.",
    "{G} should feel at home here, and most do.",
    "{G} were the heart of the strike committee in 1984.",
    "{G} make up a fifth of the students at my college.",
    "{G} I know are funny, stubborn and kind.",
    "Honestly {G} are some of the most generous people I know.",
    "Yes, {G} are allowed to be tired and grumpy too.",
    "I think {G} are underrated as writers.",
    "Why are {G} so rarely shown in adverts? Weird.",
    "Are {G} represented on the new board? I hope so.",
]
EN_ONE_T = [
    "I work with {o} engineer who is brilliant at her job.",
    "My neighbour is {o} teacher and she helps everyone on the street.",
    "{O} friend of mine just got married, congratulations to them!",
    "The best doctor I ever had was {o} woman.",
]
FR_GROUPS = ["les musulmans", "les musulmanes", "les juifs", "les Noirs", "les Asiatiques", "les Arabes", "les Roms",
             "les immigrés", "les migrants", "les réfugiés", "les demandeurs d'asile", "les étrangers",
             "les femmes", "les filles", "les gays", "les homos", "les lesbiennes", "les personnes bisexuelles",
             "les personnes trans", "les femmes trans", "les personnes non binaires", "les personnes handicapées",
             "les handicapés", "les sourds", "les aveugles", "les autistes", "les personnes en fauteuil roulant"]
FR_T = [
    "On a dîné avec {G} du nouveau centre social hier soir.",
    "Le musée ouvre une expo sur l'histoire de {G} en France.",
    "Ma cousine écrit sa thèse sur {G} et le marché du travail.",
    "Beaucoup de {G} habitent notre rue et le quartier est super.",
    "La mairie demande à {G} ce qu'ils attendent de la médiathèque.",
    "Notre club de foot compte plusieurs joueurs parmi {G} et on est premiers.",
    "Bonnes fêtes à {G} qui célèbrent cette semaine !",
    "Merci à {G} qui ont organisé la course solidaire.",
    "Tellement reconnaissant pour {G} de ma vie.",
    "Le podcast a interviewé {G} sur leur premier emploi.",
    "Les chiffres montrent que {G} sont sous-représentés en politique locale.",
    "J'apprends énormément avec {G} de mon club de lecture.",
    "Fier d'être aux côtés de {G} dans notre ville.",
    "La nouvelle enquête demande comment {G} vivent les transports.",
    "{G} méritent de se sentir en sécurité et respectés, comme tout le monde.",
    "Le documentaire suit {G} arrivés en ville dans les années 60.",
    "Mes meilleurs amis d'enfance font partie de {G}.",
    "L'école a invité {G} à parler de leur métier.",
    "{G} du quartier ont récolté des fonds pour les sinistrés.",
    "Il y a une super chorale pour {G} le jeudi.",
    "Trop content de voir plus de {G} à la télé.",
    "Vous avez des livres écrits par {G} à me conseiller ?",
    "Le colloque avait des intervenants parmi {G}, c'était génial.",
    "Beaucoup de {G} font du bénévolat à la banque alimentaire.",
    "L'hôpital a embauché pour aider {G} à obtenir des rendez-vous.",
    "Bienvenue à {G} qui rejoignent l'association cette année.",
    "La recherche sur {G} et la santé mentale a obtenu des fonds.",
    "J'ai passé l'après-midi avec {G} de l'association du quartier.",
    # Le groupe d'abord, puis ce qu'il est ou fait, en mots simples : les
    # messages haineux prennent surtout cette forme (« les T sont … »),
    # et sans ces phrases le modèle lit la forme elle-même comme haine.
    "{G} sont des voisins, des collègues et des parents comme les autres.",
    "{G} sont nombreux parmi les bénévoles de l'hôpital le dimanche.",
    "{G} sont souvent les premiers à aider quand la rivière déborde.",
    "{G} tiennent le stand de la fête de l'été cette année.",
    "{G} font partie de l'histoire de cette ville portuaire.",
    "{G} siègent au comité qui a choisi la nouvelle aire de jeux.",
    "{G} ont des boulots, des familles et des blagues nulles, comme nous tous.",
    "{G} viennent à la journée portes ouvertes du lycée samedi.",
    "{G} sont mes collègues et on s'entend super bien.",
    "{G} sont les habitués les plus sympas du café où je bosse.",
    "{G} sont aussi variés que n'importe quel groupe de gens.",
    "{G} sont souvent oubliés par la recherche médicale, hélas.",
    "{G} travaillent dans tous les hôpitaux du pays.",
    "{G} tiennent la moitié des commerces de la rue et ils sont top.",
    "{G} font partie de cette ville depuis des siècles.",
    "{G} paient des impôts, votent et attendent le bus comme tout le monde.",
    "{G} ont organisé la meilleure fête de quartier depuis des années.",
    "{G} font vivre notre club de foot.",
    "{G} m'ont appris à cuisiner, merci à eux !",
    "{G} devraient avoir les mêmes chances au travail que tout le monde.",
    "{G} peuvent être médecins, boulangers, pilotes ou artistes.",
    "{G} devraient se sentir chez eux ici, et la plupart s'y sentent bien.",
    "{G} étaient le cœur du comité de grève en 1995.",
    "{G} représentent un cinquième des étudiants de ma fac.",
    "{G} que je connais sont drôles, têtus et gentils.",
    "Franchement, {G} sont parmi les gens les plus généreux que je connaisse.",
    "Oui, {G} ont le droit d'être fatigués et grognons aussi.",
    "Je pense que {G} sont sous-estimés comme écrivains.",
    "Pourquoi {G} sont si rarement dans les pubs ? Bizarre.",
    "Est-ce que {G} sont représentés au nouveau conseil ? J'espère.",
]

def fix_fr(s):
    for a, b in (("à les ", "aux "), ("de les ", "des "), ("À les ", "Aux "), ("De les ", "Des ")):
        s = s.replace(a, b)
    return s[0].upper() + s[1:]

def write(path, lang, rows):
    with open(path, "w", encoding="utf-8") as f:
        for text in rows:
            f.write(json.dumps({"text": text, "label": "normal", "lang": lang, "split": "train"}, ensure_ascii=False) + "\n")

if __name__ == "__main__":
    en = [t.format(G=g) for t in EN_T for g in EN_GROUPS]
    en += [t.format(o=o, O=o[0].upper() + o[1:]) for t in EN_ONE_T for o in EN_ONE]
    en = [s[0].upper() + s[1:] for s in en]
    fr = [fix_fr(t.format(G=g)) for t in FR_T for g in FR_GROUPS]
    write("identity-en.jsonl", "en", en)
    write("identity-fr.jsonl", "fr", fr)
    print(len(en), len(fr))
