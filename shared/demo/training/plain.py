#!/usr/bin/env python3
"""Writes plain-en.jsonl and plain-fr.jsonl: short non-hateful statements
that name a protected group first and say one plain thing of it, a fact,
an activity or praise ("Muslims are fasting this month.", "Women are half
the population.", « Les Roms sont installés ici depuis 1950. »), for
training the default model (make model).

The model values each of a text's features at 1/sqrt(n): in a post of a
few words, the group's masked name followed by "are" (« sont ») weighs as
much as everything else, and in the corpora that form is mostly hate. Before
these rows the model flagged 14 of 16 such neutral statements on that form
alone. The Voile developers wrote the predicates and templates below for
this purpose on 2026-12-01; the group names come from identity.py. Nothing
comes from a dataset, a corpus or a published functional test suite for
hate speech. Each predicate takes a fixed sample of groups (random.Random
with a fixed seed), so every run writes the same rows. Run it from this
folder: python3 plain.py
"""
import random

from identity import EN_GROUPS, FR_GROUPS, fix_fr, write

EN_SAID = [
    # facts and numbers
    "are a minority in this country", "are a minority in most of Europe", "are about a tenth of the town",
    "are half the population", "are the majority in this district", "are a small group here",
    "are a religious community", "are a community of about two million people", "are counted in the census",
    "are voters too", "are taxpayers", "are citizens of many countries", "are spread across every region",
    "are younger on average than the rest of the population", "are less likely to own a home, the report says",
    "are underrepresented in parliament", "are more likely to be renters", "are often on low incomes",
    "are often self-employed", "are found in every profession", "are a growing share of students",
    # doing things
    "are fasting this month", "are celebrating tonight", "are marching in the parade on Saturday",
    "are arriving by boat and by train", "are fleeing war", "are waiting for their papers",
    "are moving into the new flats", "are opening a bakery on the high street", "are playing in the final",
    "are organising a food drive", "are running for the council", "are meeting at the library on Thursday",
    "are learning the language at evening classes", "are looking for work", "are starting school next week",
    "are visiting the museum today", "are hosting the festival this year", "are protesting outside city hall",
    "are volunteering at the shelter", "are building a new community centre", "are on the radio tonight",
    "are everywhere in the tech industry now", "are everywhere in this neighbourhood", "are here for the summer",
    "are back from the pilgrimage", "are coming to dinner", "are on the guest list",
    # praise
    "are strong", "are brave", "are kind", "are creative", "are caring", "are helpful", "are polite",
    "are respectful", "are patient", "are successful", "are an inspiration", "are fellow citizens",
    "are our neighbours", "are family to me", "are just people", "are people like anyone else",
]
EN_T = ["{G} {S}.", "{G} {S}.", "{G} {S}!", "So, {G} {S}.", "Fun fact: {G} {S}."]

# A predicate, or its masculine and feminine forms for the groups in
# FR_FEMININE.
FR_SAID = [
    "sont minoritaires en France", "sont minoritaires en Europe", "sont environ un dixième de la ville",
    "sont la moitié de la population", ("sont majoritaires dans ce quartier", "sont majoritaires dans ce quartier"),
    "sont un petit groupe ici", "sont une communauté d'environ deux millions de personnes",
    ("sont comptés dans le recensement", "sont comptées dans le recensement"), "votent aussi",
    "paient des impôts", "vivent dans toutes les régions", ("sont plus jeunes en moyenne", "sont plus jeunes en moyenne"),
    ("sont moins souvent propriétaires, selon le rapport", "sont moins souvent propriétaires, selon le rapport"),
    ("sont sous-représentés au Parlement", "sont sous-représentées au Parlement"), "sont souvent locataires",
    "ont souvent de petits revenus", ("sont souvent indépendants", "sont souvent indépendantes"),
    "sont dans tous les métiers", ("sont de plus en plus nombreux à l'université", "sont de plus en plus nombreuses à l'université"),
    ("sont nombreux dans ce quartier", "sont nombreuses dans ce quartier"),
    "font le ramadan ce mois-ci", "sont en fête ce soir", "défilent samedi", ("sont arrivés par bateau et par train", "sont arrivées par bateau et par train"),
    "fuient la guerre", "attendent leurs papiers", "emménagent dans les nouveaux immeubles",
    "ouvrent une boulangerie dans la grand-rue", "jouent la finale", "organisent une collecte alimentaire",
    "se présentent aux municipales", "se retrouvent à la médiathèque jeudi", "apprennent le français aux cours du soir",
    "cherchent du travail", "font leur rentrée la semaine prochaine", "visitent le musée aujourd'hui",
    "accueillent le festival cette année", "manifestent devant la mairie", "font du bénévolat au refuge",
    "construisent un nouveau centre social", "passent à la radio ce soir", "sont partout dans la tech maintenant",
    ("sont installés ici depuis 1950", "sont installées ici depuis 1950"), ("sont là pour l'été", "sont là pour l'été"),
    ("sont rentrés du pèlerinage", "sont rentrées du pèlerinage"), "viennent dîner ce soir", "sont sur la liste des invités",
    ("sont forts", "sont fortes"), ("sont courageux", "sont courageuses"), ("sont gentils", "sont gentilles"),
    ("sont créatifs", "sont créatives"), ("sont attentionnés", "sont attentionnées"), "sont serviables",
    ("sont polis", "sont polies"), ("sont respectueux", "sont respectueuses"), ("sont patients", "sont patientes"),
    "sont une inspiration", ("sont nos concitoyens", "sont nos concitoyennes"), ("sont nos voisins", "sont nos voisines"),
    "sont des gens comme les autres",
]
FR_T = ["{G} {S}.", "{G} {S}.", "{G} {S} !", "Bref, {G} {S}.", "Le saviez-vous : {G} {S}."]
FR_FEMININE = {"les musulmanes", "les femmes", "les filles", "les lesbiennes", "les personnes bisexuelles",
               "les personnes trans", "les femmes trans", "les personnes non binaires", "les personnes handicapées",
               "les personnes en fauteuil roulant"}


def rows(groups, said, templates, rng, per, fix):
    out = []
    for s in said:
        for g in rng.sample(groups, per):
            form = s
            if isinstance(s, tuple):
                form = s[1] if g in FR_FEMININE else s[0]
            out.append(fix(rng.choice(templates).format(G=g, S=form)))
    return out


def cap(s):
    return s[0].upper() + s[1:]


if __name__ == "__main__":
    rng = random.Random(20261201)
    en = rows(EN_GROUPS, EN_SAID, EN_T, rng, 10, cap)
    fr = rows(FR_GROUPS, FR_SAID, FR_T, rng, 10, lambda s: fix_fr(cap(s)))
    write("plain-en.jsonl", "en", en)
    write("plain-fr.jsonl", "fr", fr)
    print(len(en), len(fr))
