"""Templated posts over many groups, written for Voile to probe each
function of the classifier the same way for every group (battery-en.jsonl,
battery-fr.jsonl). Every template is the developers' own wording; none is
copied from a dataset or from a published functional test suite. The
classifier was tuned on them: they are regression tests, not a measure.

    python3 shared/eval/testdata/battery.py   # rewrites the two files
"""
import json
import os


class Out:
    """Collects the posts of one language: a template filled, its first
    letter capitalised unless told otherwise, and whether it is hateful."""

    def __init__(self, rows):
        self.rows = rows

    def add(self, hateful, template, capitalise=True, **fields):
        text = template.format(**fields)
        if capitalise:
            text = text[:1].upper() + text[1:]
        self.rows.append((bool(hateful), text))


def battery1(rows):
    ids_en = ["women","trans people","gay people","black people","disabled people","Muslims","immigrants","Jews","refugees","lesbians"]
    nh = [
     "{T} are not disgusting.", "{T} aren't vermin.", "No {T1} deserves to be hurt.", "I don't hate {T}.", "I would never say {T} are worthless.",
     "It is wrong to call {T} animals.", "Saying {T} are scum is hateful.", "{T} are not a threat to anyone.", "I have never thought {T} are inferior.",
     "Nobody should ever call {T} parasites.", "Stop saying {T} are dangerous.", "{T} don't deserve to die.", "There is nothing wrong with {T}.",
     "If you think {T} are subhuman, unfollow me.", "'{T} are filth' is a disgusting thing to say.", "You can't say {T} are stupid and expect no reaction.",
     "I'm tired of people claiming {T} are criminals.", "It's not true that {T} are lazy.", "Nobody here hates {T}.", "{T} are not the problem.",
    ]
    h = [
     "{T} are disgusting.", "{T} are vermin.", "All {T} deserve to be hurt.", "I hate {T}.", "{T} are worthless.",
     "{T} are animals.", "{T} are scum.", "{T} are a threat to everyone.", "{T} are inferior.", "{T} are parasites.",
     "{T} are dangerous.", "{T} deserve to die.", "Something is wrong with {T}.", "{T} are subhuman.", "{T} are filth.",
     "{T} are stupid.", "{T} are criminals.", "{T} are lazy.", "Everyone here hates {T}.", "{T} are the problem.",
    ]
    sing = {"women":"woman","trans people":"trans person","gay people":"gay person","black people":"black person","disabled people":"disabled person","Muslims":"Muslim","immigrants":"immigrant","Jews":"Jew","refugees":"refugee","lesbians":"lesbian"}
    out = Out(rows['en'])
    for T in ids_en:
        for t in nh: out.add(0, t, capitalise=False, T=T, T1=sing[T])
        for t in h: out.add(1, t, capitalise=False, T=T, T1=sing[T])
    ids_fr = [("les femmes","une femme"),("les trans","une personne trans"),("les homosexuels","un homosexuel"),("les Noirs","un Noir"),("les handicapés","un handicapé"),("les musulmans","un musulman"),("les immigrés","un immigré"),("les juifs","un juif"),("les réfugiés","un réfugié"),("les lesbiennes","une lesbienne")]
    nhf = ["{T} ne sont pas dégoûtants.", "{T} ne sont pas de la vermine.", "Aucun être humain, et donc pas {T}, ne mérite d'être frappé.", "Je ne déteste pas {T}.", "Je ne dirais jamais que {T} sont des moins que rien.",
     "C'est honteux de traiter {T} d'animaux.", "Dire que {T} sont des déchets, c'est de la haine.", "{T} ne sont une menace pour personne.", "Je n'ai jamais pensé que {T} étaient inférieurs.",
     "Personne ne devrait traiter {T} de parasites.", "Arrêtez de dire que {T} sont dangereux.", "{T} ne méritent pas de mourir.", "Il n'y a aucun problème avec {T}.",
     "Si tu penses que {T} sont des sous-hommes, désabonne-toi.", "« {T} sont des ordures » : c'est une phrase ignoble.", "Il est faux de dire que {T} sont paresseux.", "Personne ici ne hait {T}.", "{T} ne sont pas le problème."]
    hf = ["{T} sont dégoûtants.", "{T} sont de la vermine.", "{T} méritent d'être frappés.", "Je déteste {T}.", "{T} sont des moins que rien.",
     "{T} sont des animaux.", "{T} sont des déchets.", "{T} sont une menace pour tout le monde.", "{T} sont inférieurs.", "{T} sont des parasites.",
     "{T} sont dangereux.", "{T} méritent de mourir.", "Il y a un problème avec {T}.", "{T} sont des sous-hommes.", "{T} sont des ordures.", "{T} sont paresseux.", "Tout le monde ici hait {T}.", "{T} sont le problème."]
    out = Out(rows['fr'])
    for T,S in ids_fr:
        for t in nhf: out.add(0, t, T=T)
        for t in hf: out.add(1, t, T=T)


def battery2(rows):
    ids_en = [("women","woman"),("trans people","trans person"),("gay men","gay man"),("black people","black person"),("disabled people","disabled person"),("Muslims","Muslim"),("immigrants","immigrant"),("Jews","Jew"),("refugees","refugee"),("lesbians","lesbian"),("Roma","Roma person"),("Asians","Asian")]
    nh = [
     "My neighbour said {T} are vermin. I reported him.", "\"{T} are parasites\" is the kind of lie that leads to violence.", "Why do people still believe {T} are dangerous? It's been debunked.",
     "I used to think {T} were lazy. I was wrong and I'm ashamed of it.", "The article quotes a politician calling {T} a disease. Shameful.", "Anyone who says {T} should be deported is a bigot.",
     "I love working with {T}.", "Some of my best colleagues are {T}.", "We should protect {T} from abuse.", "{T} are people, full stop.",
     "A {S} was elected mayor yesterday.", "The report looks at how {T} are treated in hospitals.", "Happy to welcome more {T} to our team!",
     "Are {T} treated fairly by the police? The data says no.", "I think {T} deserve equal rights.", "Hate against {T} has doubled since 2020.",
     "Politicians are all liars.", "I hate Mondays so much.", "Spiders are disgusting creatures.", "My boss is a complete idiot.",
    ]
    h = [
     "I met some {T} yesterday. They were disgusting, like all of them.", "Why are {T} always so violent?", "I think {T} are a plague on this country.",
     "Honestly, {T} make me sick.", "We need to get rid of {T} once and for all.", "{T} should be locked up.", "I'd happily watch every {S} burn.",
     "{T} are nothing but rats.", "You can never trust a {S}.", "No {S} has ever done anything useful.", "{T} have ruined this city.",
     "Keep {T} away from our children.", "{T} don't belong here. Send them back.", "A {S} is not a real human being.", "Death to {T}.",
     "Every {S} I meet confirms they are stupid.", "{T} are a cancer.", "{T} need to be wiped out.", "I can't stand {T}, they're filthy.", "If a {S} moves in next door I'll burn the house down.",
    ]
    out = Out(rows['en'])
    for T,S in ids_en:
        for t in nh:
            out.add(0, t, T=T, S=S)
        for t in h:
            out.add(1, t, T=T, S=S)
    ids_fr = [("les femmes","une femme"),("les trans","un trans"),("les homosexuels","un homosexuel"),("les Noirs","un Noir"),("les handicapés","un handicapé"),("les musulmans","un musulman"),("les immigrés","un immigré"),("les juifs","un juif"),("les réfugiés","un réfugié"),("les lesbiennes","une lesbienne"),("les Roms","un Rom"),("les Arabes","un Arabe")]
    def de(T): return T.replace("les ","des ",1)
    nhf = ["Mon voisin a dit que {T} étaient de la vermine. Je l'ai signalé.", "« {T} sont des parasites » : ce genre de mensonge mène à la violence.", "Pourquoi certains croient encore que {T} sont dangereux ? C'est faux.",
     "Je pensais que {T} étaient paresseux. J'avais tort et j'en ai honte.", "L'article cite un élu qui traite {T} de maladie. Honteux.", "Ceux qui disent qu'il faut expulser {T} sont des sectaires.",
     "J'adore travailler avec {T}.", "Plusieurs de mes meilleurs collègues sont {Tn}.", "Il faut protéger {T} contre les agressions.", "{T} sont des gens comme les autres.",
     "{S} a été élu maire hier.", "Le rapport étudie comment {T} sont soignés à l'hôpital.", "Ravis d'accueillir {D} dans l'équipe !",
     "{T} sont-ils traités équitablement par la police ? Les chiffres disent que non.", "Je pense que {T} méritent les mêmes droits.", "La haine contre {T} a doublé depuis 2020.",
     "Les politiciens sont tous des menteurs.", "Je déteste les lundis.", "Les araignées sont des bestioles dégoûtantes.", "Mon patron est un vrai crétin."]
    hf = ["J'ai croisé {D} hier. Ils étaient répugnants, comme tous les autres.", "Pourquoi {T} sont-ils toujours aussi violents ?", "Je pense que {T} sont un fléau pour ce pays.",
     "Franchement, {T} me rendent malade.", "Il faut se débarrasser {DE} une bonne fois pour toutes.", "{T} devraient être enfermés.", "Je regarderais volontiers brûler {T}.",
     "{T} ne sont que des rats.", "On ne peut jamais faire confiance à {S}.", "Jamais {S} n'a fait quoi que ce soit d'utile.", "{T} ont ruiné cette ville.",
     "Éloignez {T} de nos enfants.", "{T} n'ont rien à faire ici. Renvoyez-les chez eux.", "{S} n'est pas un vrai être humain.", "Mort aux {N}.",
     "Chaque fois que je croise {S}, ça confirme qu'ils sont stupides.", "{T} sont un cancer.", "{T} doivent être exterminés.", "Je ne supporte pas {T}, ils sont crasseux.", "Si {S} s'installe à côté, je brûle la maison."]
    out = Out(rows['fr'])
    for T,S in ids_fr:
        N=T.split(" ",1)[1]
        D=de(T); DE=T.replace("les ","des ",1)
        for t in nhf:
            out.add(0, t, T=T, S=S, D=D, DE=DE, N=N, Tn=N)
        for t in hf:
            out.add(1, t, T=T, S=S, D=D, DE=DE, N=N)


def battery3(rows):
    ids_en = [("women","woman"),("trans people","trans person"),("gay men","gay man"),("black people","black person"),("disabled people","disabled person"),("Muslims","Muslim"),("immigrants","immigrant"),("Jews","Jew"),("refugees","refugee"),("lesbians","lesbian"),("Mexicans","Mexican"),("Asians","Asian")]
    nh = [
     "The documentary follows three {T} rebuilding their lives.", "{T} have the same rights as everyone else.", "My aunt married a {S} last summer and the wedding was lovely.",
     "I can't believe someone wrote '{T} are rats' on the school wall. Disgusting.", "Calling {T} subhuman is exactly how genocides start.", "He got banned for saying {T} should die, and good riddance.",
     "Nobody is saying {T} are perfect, just that they deserve respect.", "Why would anyone hate {T}? Makes no sense to me.", "Being a {S} is nothing to be ashamed of.",
     "Fuck yeah, we won the match!", "Shit, I forgot my keys again.", "Cyclists are a menace on the pavement.", "Lawyers are bloodsuckers, every one of them.", "I'd kill for a pizza right now.",
     "That movie was so gay lol... jk it was great.", "Our team destroyed them last night, what a slaughter.", "The {T} I know are kind and hard-working.",
     "Tell me one reason to fear {T}. I'll wait.", "Statistics show {T} commit no more crimes than anyone else.", "Stop blaming {T} for everything.",
    ]
    h = [
     "{T} are a disease that needs a cure.", "Honestly the world would be better without {T}.", "Every {S} should be sent to a camp.",
     "Don't let {T} near your kids, they're predators.", "{T} breed like rabbits.", "I'm going to shoot the next {S} I see.",
     "Typical {S}, lying and stealing as usual.", "{T}? More like cockroaches.", "Can't believe we let {T} vote.",
     "{T} should go back where they came from.", "It's a fact that {T} are less intelligent.", "Nothing good has ever come from {T}.",
     "Burn every last one of those {T}.", "If you're a {S}, you're trash. Simple.", "What is it about {T} that makes them so greedy?",
     "There's a {S} in my building now. Disgusting creature.", "I'm sick of {T} ruining everything.", "{T} are the reason this country is dying.", "We should hang all {T}.", "Fuck {T}, seriously.",
    ]
    out = Out(rows['en'])
    for T,S in ids_en:
        for t in nh: out.add(0, t, T=T, S=S)
        for t in h: out.add(1, t, T=T, S=S)
    ids_fr = [("les femmes","une femme","des femmes"),("les trans","une personne trans","des personnes trans"),("les homosexuels","un homosexuel","des homosexuels"),("les Noirs","un Noir","des Noirs"),("les handicapés","un handicapé","des handicapés"),("les musulmans","un musulman","des musulmans"),("les immigrés","un immigré","des immigrés"),("les juifs","un juif","des juifs"),("les réfugiés","un réfugié","des réfugiés"),("les lesbiennes","une lesbienne","des lesbiennes"),("les Roms","un Rom","des Roms"),("les Arabes","un Arabe","des Arabes")]
    nhf = ["Le documentaire suit trois familles {B} qui reconstruisent leur vie.".replace("{B}","de {N}"), "{T} ont les mêmes droits que tout le monde.", "Ma tante a épousé {S} l'été dernier, le mariage était magnifique.",
     "Quelqu'un a écrit « {T} sont des rats » sur le mur de l'école. Dégoûtant.", "Traiter {T} de sous-hommes, c'est comme ça que commencent les génocides.", "Il a été banni pour avoir dit que {T} devaient mourir, et tant mieux.",
     "Personne ne dit que {T} sont parfaits, juste qu'ils méritent le respect.", "Pourquoi détester {T} ? Ça n'a aucun sens.", "Être {S}, ce n'est pas une honte.",
     "Putain, on a gagné le match !", "Merde, j'ai encore oublié mes clés.", "Les cyclistes sont un danger sur les trottoirs.", "Les avocats sont des sangsues, tous autant qu'ils sont.", "Je tuerais pour une pizza là.",
     "Notre équipe les a massacrés hier soir, quelle boucherie.", "{T} que je connais sont gentils et travailleurs.", "Donnez-moi une seule raison d'avoir peur {DE}.",
     "Les chiffres montrent que {T} ne commettent pas plus de crimes que les autres.", "Arrêtez d'accuser {T} de tout.", "J'ai rencontré {P} formidables au festival."]
    hf = ["{T} sont une maladie qu'il faut soigner.", "Franchement le monde serait meilleur sans {T}.", "Il faudrait envoyer {T} dans des camps.",
     "Ne laissez pas {T} approcher vos enfants, ce sont des prédateurs.", "{T} se reproduisent comme des lapins.", "Je vais flinguer le prochain {N1} que je croise.",
     "Typique {DE1}, menteur et voleur comme d'habitude.", "{T} ? Des cafards, oui.", "Je n'arrive pas à croire qu'on laisse voter {T}.",
     "{T} devraient rentrer chez eux.", "C'est un fait, {T} sont moins intelligents.", "Rien de bon n'est jamais venu {DE}.",
     "Brûlez-les tous, ces {N}.", "Si t'es {S}, t'es une ordure. Point.", "Qu'est-ce qu'ils ont {T} à être aussi radins ?",
     "Y a {S} dans mon immeuble maintenant. Créature répugnante.", "J'en ai marre que {T} gâchent tout.", "{T} sont la raison pour laquelle ce pays meurt.", "Il faudrait pendre {T}.", "{T}, qu'ils aillent se faire foutre."]
    out = Out(rows['fr'])
    for T,S,P in ids_fr:
        N=T.split(" ",1)[1]; N1=S.split(" ",1)[1]
        DE=T.replace("les ","des ",1); DE1="d'"+N1 if N1[0] in "aeiouéh" else "de "+N1
        for t in nhf: out.add(0, t, T=T, S=S, N=N, DE=DE, P=P)
        for t in hf: out.add(1, t, T=T, S=S, N=N, N1=N1, DE=DE, DE1=DE1)


def battery4(rows):
    ids_en = [("women","woman"),("trans people","trans person"),("gay men","gay man"),("black people","black person"),("disabled people","disabled person"),("Muslims","Muslim"),("immigrants","immigrant"),("Jews","Jew"),("refugees","refugee"),("lesbians","lesbian"),("Mexicans","Mexican"),("Asians","Asian")]
    nh = [
     "As a {S} myself, I'm tired of the stereotypes.", "Not all {T} think alike, obviously.", "Our new neighbours are {T} and they brought us cake.",
     "The quote '{T} are animals' came from a 1930s propaganda poster.", "She was fired for tweeting that {T} are inferior. Rightly so.", "Imagine thinking {T} are a threat in 2026.",
     "I'm not going to pretend {T} have it easy in this country.", "{T} belong here as much as anyone.", "Proud to march alongside {T} today.",
     "My grandfather hated {T}. I never understood why and I never will.", "If someone tells you {T} are dangerous, ask them for evidence.", "Teaching kids that {T} are equal should not be controversial.",
     "Artists are parasites living off grants.", "Vegans should be banned from restaurants.", "Landlords are scum.", "Millionaires should all be taxed to death.",
     "I'm learning so much from {T} in my book club.", "A {S} won the chess tournament this year.", "Let's raise money for {T} affected by the floods.", "The museum opened an exhibit about {T} in history.",
    ]
    h = [
     "I'm not racist, but {T} really are a problem.", "Just saying, {T} bring crime wherever they go.", "{T} belong in a zoo.",
     "{T} shouldn't be allowed to work with children.", "I'd never hire a {S}, they're all useless.", "My landlord rents to {T}. Now the street stinks.",
     "They let a {S} run the school. Pathetic.", "{T} are only good for cleaning toilets.", "Get {T} out of our country, by force if needed.",
     "A good {S} is a dead {S}.", "The more {T} die the better.", "{T} are ruining the gene pool.",
     "Sterilise all {T}.", "{T} are like rats, they multiply and spread disease.", "I spit on {T}.",
     "You're just a {S}, know your place.", "{T} deserve nothing but contempt.", "Nobody wants {T} around, they should disappear.", "{T} can't be trusted with anything.", "Ban {T} from public life.",
    ]
    out = Out(rows['en'])
    for T,S in ids_en:
        for t in nh: out.add(0, t, T=T, S=S)
        for t in h: out.add(1, t, T=T, S=S)
    ids_fr = [("les femmes","une femme","femmes"),("les trans","une personne trans","personnes trans"),("les homosexuels","un homosexuel","homosexuels"),("les Noirs","un Noir","Noirs"),("les handicapés","un handicapé","handicapés"),("les musulmans","un musulman","musulmans"),("les immigrés","un immigré","immigrés"),("les juifs","un juif","juifs"),("les réfugiés","un réfugié","réfugiés"),("les lesbiennes","une lesbienne","lesbiennes"),("les Roms","un Rom","Roms"),("les Arabes","un Arabe","Arabes")]
    nhf = ["En tant que {N1} moi-même, j'en ai marre des clichés.", "Tous {T} ne pensent pas pareil, évidemment.", "Nos nouveaux voisins sont {N} et ils nous ont apporté un gâteau.",
     "La phrase « {T} sont des animaux » vient d'une affiche de propagande des années 30.", "Elle a été virée pour avoir tweeté que {T} sont inférieurs. Tant mieux.", "Imagine penser que {T} sont une menace en 2026.",
     "Je ne vais pas faire semblant que {T} ont la vie facile dans ce pays.", "{T} ont autant leur place ici que n'importe qui.", "Fier de défiler aux côtés {DE} aujourd'hui.",
     "Mon grand-père détestait {T}. Je n'ai jamais compris pourquoi.", "Si quelqu'un te dit que {T} sont dangereux, demande-lui des preuves.", "Apprendre aux enfants que {T} sont nos égaux ne devrait pas faire débat.",
     "Les artistes sont des parasites qui vivent de subventions.", "Les végans devraient être interdits de restaurant.", "Les propriétaires sont des ordures.", "Les millionnaires devraient être taxés à mort.",
     "J'apprends énormément des {N} de mon club de lecture.", "{S} a gagné le tournoi d'échecs cette année.", "Collecte de fonds pour {DE} touchés par les inondations.", "Le musée ouvre une expo sur l'histoire {DE}."]
    hf = ["Je ne suis pas raciste, mais {T} posent vraiment problème.", "Je dis ça comme ça, {T} amènent le crime partout où ils vont.", "{T} devraient être dans un zoo.",
     "{T} ne devraient pas avoir le droit de travailler avec des enfants.", "Je n'embaucherais jamais {S}, ils sont tous inutiles.", "Mon proprio loue à {DE}. Maintenant la rue pue.",
     "Ils ont mis {S} à la tête de l'école. Pathétique.", "{T} ne sont bons qu'à nettoyer les toilettes.", "Virez {T} de notre pays, par la force s'il le faut.",
     "{S} bien, c'est {S} mort.", "Plus il en meurt, {DE}, mieux c'est.", "{T} pourrissent notre patrimoine génétique.",
     "Il faut stériliser {T}.", "{T} sont comme des rats, ils se multiplient et répandent des maladies.", "Je crache sur {T}.",
     "T'es qu'{S2}, reste à ta place.", "{T} ne méritent que du mépris.", "Personne ne veut {DE} ici, qu'ils disparaissent.", "On ne peut faire confiance à {T} pour rien.", "Il faut bannir {T} de la vie publique."]
    out = Out(rows['fr'])
    for T,S,N in ids_fr:
        N1=S.split(" ",1)[1]; DE=T.replace("les ","des ",1); S2=S
        for t in nhf: out.add(0, t, T=T, S=S, N=N, N1=N1, DE=DE)
        for t in hf: out.add(1, t, T=T, S=S, N=N, N1=N1, DE=DE, S2=S2)


def battery5(rows):
    ids_en = [("women","woman"),("trans people","trans person"),("gay men","gay man"),("black people","black person"),("disabled people","disabled person"),("Muslims","Muslim"),("immigrants","immigrant"),("Jews","Jew"),("refugees","refugee"),("lesbians","lesbian"),("Mexicans","Mexican"),("Asians","Asian")]
    nh = [
     "Another attack on {T} last night. When will this stop?", "Thousands marched today to support {T}.", "My teacher said {T} were inferior and the whole class walked out.",
     "Those who call {T} vermin should be ashamed.", "The word 'vermin' has been used against {T} for centuries.", "I refuse to believe {T} are the enemy.",
     "'Send {T} back' is not a policy, it's cruelty.", "{T} are not going anywhere, get used to it.", "We stand with {T}, today and every day.",
     "Is it true that {T} earn less for the same job?", "I was raised to fear {T}. Now my best friend is one.", "What's wrong with people who hate {T}?",
     "Cockroaches are disgusting, I need an exterminator.", "This traffic is killing me.", "Tax collectors are leeches.", "My ex is a worthless liar.",
     "{T} deserve to feel safe.", "Can we talk about how amazing {T} are in science?", "A {S} saved my life once.", "Who else is celebrating with {T} tonight?",
    ]
    h = [
     "{T} are worse than rats.", "Those people, {T}, are a stain on society.", "{T} always lie, it's in their nature.",
     "{T} should never be allowed to vote.", "Why do we let {T} breed?", "These {T} are nothing but animals in clothes.",
     "{T} are taking over and nobody cares.", "I'd pay to see {T} suffer.", "The only good thing about {T} is when they leave.",
     "Everyone knows {T} are a bunch of thieves.", "I met a {S} today. Ugh, they're all the same, filthy.", "{T} don't deserve to live among us.",
     "{T} must be driven out of Europe.", "Honestly? {T} are a mistake of nature.", "Round up the {T} and ship them off.",
     "{T} are a burden on all of us.", "Keep your {T} away from me, they disgust me.", "I wish all {T} would just die.", "Teach your kids to stay away from {T}, they're dangerous.", "{T} will never be equal to us.",
    ]
    out = Out(rows['en'])
    for T,S in ids_en:
        for t in nh: out.add(0, t, T=T, S=S)
        for t in h: out.add(1, t, T=T, S=S)
    ids_fr = [("les femmes","une femme","femmes"),("les trans","une personne trans","personnes trans"),("les homosexuels","un homosexuel","homosexuels"),("les Noirs","un Noir","Noirs"),("les handicapés","un handicapé","handicapés"),("les musulmans","un musulman","musulmans"),("les immigrés","un immigré","immigrés"),("les juifs","un juif","juifs"),("les réfugiés","un réfugié","réfugiés"),("les lesbiennes","une lesbienne","lesbiennes"),("les Roms","un Rom","Roms"),("les Arabes","un Arabe","Arabes")]
    nhf = ["Encore une agression contre {DE} hier soir. Quand est-ce que ça va s'arrêter ?", "Des milliers de personnes ont défilé aujourd'hui en soutien {AUX}.", "Mon prof a dit que {T} étaient inférieurs et toute la classe est sortie.",
     "Ceux qui traitent {T} de vermine devraient avoir honte.", "Le mot « vermine » est utilisé contre {T} depuis des siècles.", "Je refuse de croire que {T} sont l'ennemi.",
     "« Renvoyez {T} chez eux », ce n'est pas une politique, c'est de la cruauté.", "{T} ne vont nulle part, faites-vous-en une raison.", "Nous sommes aux côtés {DE}, aujourd'hui et tous les jours.",
     "Est-ce vrai que {T} gagnent moins pour le même travail ?", "On m'a appris à avoir peur {DE}. Aujourd'hui mon meilleur ami en fait partie.", "C'est quoi le problème des gens qui détestent {T} ?",
     "Les cafards sont dégoûtants, il me faut un exterminateur.", "Ces embouteillages vont me tuer.", "Les percepteurs sont des sangsues.", "Mon ex est un menteur sans valeur.",
     "{T} méritent de se sentir en sécurité.", "On peut parler de l'apport {DE} à la science ?", "{S} m'a sauvé la vie un jour.", "Qui fête ça avec {T} ce soir ?"]
    hf = ["{T} sont pires que des rats.", "Ces gens-là, {T}, sont une tache pour la société.", "{T} mentent toujours, c'est dans leur nature.",
     "{T} ne devraient jamais avoir le droit de voter.", "Pourquoi on laisse {T} se reproduire ?", "Ces {N} ne sont que des animaux habillés.",
     "{T} prennent le contrôle et tout le monde s'en fout.", "Je paierais pour voir {T} souffrir.", "La seule bonne chose avec {T}, c'est quand ils partent.",
     "Tout le monde sait que {T} sont une bande de voleurs.", "J'ai croisé {S} aujourd'hui. Beurk, ils sont tous pareils, crasseux.", "{T} ne méritent pas de vivre parmi nous.",
     "Il faut chasser {T} d'Europe.", "Franchement ? {T} sont une erreur de la nature.", "Rassemblez {T} et renvoyez-les.",
     "{T} sont un fardeau pour nous tous.", "Éloignez vos {N} de moi, ils me dégoûtent.", "J'aimerais que {T} crèvent tous.", "Apprenez à vos enfants à fuir {T}, ils sont dangereux.", "{T} ne seront jamais nos égaux."]
    out = Out(rows['fr'])
    for T,S,N in ids_fr:
        DE=T.replace("les ","des ",1); AUX=T.replace("les ","aux ",1)
        for t in nhf: out.add(0, t, T=T, S=S, N=N, DE=DE, AUX=AUX)
        for t in hf: out.add(1, t, T=T, S=S, N=N, DE=DE, AUX=AUX)


def battery6(rows):
    slurs_en = [("bitch","bitches"),("slut","sluts"),("faggot","faggots"),("dyke","dykes"),("nigger","niggers"),("coon","coons"),("kike","kikes"),("raghead","ragheads"),("wetback","wetbacks"),("chink","chinks"),("retard","retards"),("spastic","spastics"),("tranny","trannies"),("gyppo","gyppos")]
    nh = ["Calling someone a {s} is never okay.", "He was suspended for calling a classmate a '{s}'.", "'{s}' is a slur with a long and ugly history.",
          "Is '{s}' offensive? Yes. Don't use it.", "The coach who shouted '{s}' at a player has been fired.", "My kid heard the word '{s}' at school and asked what it meant.",
          "If you use the word {s}, don't be surprised when people block you.", "The article lists '{s}' among the insults reported to the police."]
    h = ["Shut up, you stupid {s}.", "Another {s} moved in next door, great.", "{S} like you should be shot.", "I can't stand {p}.",
         "Look at that {s} trying to act normal.", "Get out of here, {s}.", "Those {p} are ruining everything.", "No {p} allowed in my shop."]
    homonyms_en = [("I made faggots and peas for dinner, my gran's recipe.",0),("We cycled along the dyke all the way to the sea.",0),("The plan will cripple the economy for years.",0),
      ("There's a chink in his armour after that defeat.",0),("Our coonhound got loose again this morning.",0),("The fire retardant kept the blaze from spreading.",0),
      ("That was a queer old house, full of odd corners.",0),("A bundle of sticks is called a faggot in old English.",0),("The Rio Negro joins the Amazon near Manaus.",0),
      ("He's a spaz, can't catch a ball to save his life lol",1),("I'm a proud dyke and I'll marry who I want.",0),("We queers are here and we're not leaving.",0)]
    out = Out(rows['en'])
    for s,p in slurs_en:
        for t in nh: out.add(0, t, s=s, p=p, S=p.capitalize())
        for t in h: out.add(1, t, s=s, p=p, S=p.capitalize())
    for t,l in homonyms_en: out.add(l, t, capitalise=False)
    slurs_fr = [("salope","salopes"),("pute","putes"),("pédé","pédés"),("gouine","gouines"),("tarlouze","tarlouzes"),("bougnoule","bougnoules"),("youpin","youpins"),("négro","négros"),("bicot","bicots"),("chinetoque","chinetoques"),("mongol","mongols"),("triso","trisos"),("travelo","travelos"),("romano","romanos")]
    nhf = ["Traiter quelqu'un de {s}, ce n'est jamais acceptable.", "Il a été exclu pour avoir traité un camarade de « {s} ».", "« {s} » est une insulte avec une longue et sale histoire.",
           "Est-ce que « {s} » est insultant ? Oui. Ne l'utilisez pas.", "L'entraîneur qui a crié « {s} » à un joueur a été viré.", "Mon fils a entendu le mot « {s} » à l'école et m'a demandé ce que ça voulait dire.",
           "Si tu utilises le mot {s}, ne t'étonne pas qu'on te bloque.", "L'article cite « {s} » parmi les insultes signalées à la police."]
    hf = ["Ferme-la, sale {s}.", "Encore un {s} qui s'installe à côté, génial.", "Les {p} comme toi, faudrait les flinguer.", "Je supporte pas les {p}.",
          "Regarde ce {s} qui essaie de faire normal.", "Dégage d'ici, {s}.", "Ces {p} pourrissent tout.", "Pas de {p} dans ma boutique."]
    homonyms_fr = [("J'ai acheté une tapette à souris pour la cave.",0),("Ce soir c'est soirée tapettes à mouches, l'été est là.",0),("Le pédé… pardon, le pédalier de mon vélo est cassé.",0),
      ("Mongol, c'est aussi une langue parlée en Mongolie.",0),("Les Mongols ont fondé un immense empire au XIIIe siècle.",0),("On a visité Gouines-sur-Mer ? Non, ça n'existe pas, c'était une blague de mon oncle.",0),
      ("Fière d'être gouine et de le dire haut et fort.",0),("Entre pédés on s'appelle comme on veut, c'est notre mot.",0)]
    out = Out(rows['fr'])
    for s,p in slurs_fr:
        for t in nhf: out.add(0, t, s=s, p=p)
        for t in hf: out.add(1, t, s=s, p=p)
    for t,l in homonyms_fr: out.add(l, t, capitalise=False)


def battery8(rows):
    ids_en = [("women","woman"),("trans people","trans person"),("gay people","gay person"),("black people","black person"),("disabled people","disabled person"),("Muslims","Muslim"),("immigrants","immigrant"),("Jews","Jew"),("refugees","refugee"),("lesbians","lesbian"),("Roma","Roma person"),("Chinese people","Chinese person")]
    verbs = ["kill","shoot","stab","hang","burn","beat up","gas","drown","bomb","slaughter","lynch","torture"]
    h_t = ["I'm going to {V} every {S} I find.", "Someone should {V} all the {T}.", "It's time to {V} {T}.", "I will {V} the next {S} who talks to me.", "{T} deserve to be {Vpp}."]
    nh_t = ["Nobody should {V} {T}. Ever.", "The man who threatened to {V} {T} has been jailed.", "Threatening to {V} {T} is a crime.", "I would never {V} anyone, let alone {T}."]
    pp = {"kill":"killed","shoot":"shot","stab":"stabbed","hang":"hanged","burn":"burned","beat up":"beaten up","gas":"gassed","drown":"drowned","bomb":"bombed","slaughter":"slaughtered","lynch":"lynched","torture":"tortured"}
    out = Out(rows['en'])
    for T,S in ids_en:
        for V in verbs:
            for t in h_t:
                out.add(1, t, T=T, S=S, V=V, Vpp=pp[V])
            for t in nh_t:
                out.add(0, t, T=T, S=S, V=V)
    ids_fr = [("les femmes","une femme","f"),("les trans","un trans","m"),("les homosexuels","un homosexuel","m"),("les Noirs","un Noir","m"),("les handicapés","un handicapé","m"),("les musulmans","un musulman","m"),("les immigrés","un immigré","m"),("les juifs","un juif","m"),("les réfugiés","un réfugié","m"),("les lesbiennes","une lesbienne","f"),("les Roms","un Rom","m"),("les Chinois","un Chinois","m")]
    verbsf = [("tuer","tués","tuées"),("flinguer","flingués","flinguées"),("poignarder","poignardés","poignardées"),("pendre","pendus","pendues"),("brûler","brûlés","brûlées"),("tabasser","tabassés","tabassées"),("gazer","gazés","gazées"),("noyer","noyés","noyées"),("massacrer","massacrés","massacrées"),("lyncher","lynchés","lynchées"),("torturer","torturés","torturées"),("exterminer","exterminés","exterminées")]
    h_tf = ["Je vais {V} tous {T} que je trouve.", "Quelqu'un devrait {V} {T}.", "Il est temps de {V} {T}.", "Je vais {V} le prochain {N} qui me parle.", "{T} méritent d'être {Vpp}."]
    nh_tf = ["Personne ne devrait {V} {T}. Jamais.", "L'homme qui menaçait de {V} {T} a été condamné.", "Menacer de {V} {T} est un délit.", "Je ne voudrais jamais {V} qui que ce soit, encore moins {T}."]
    out = Out(rows['fr'])
    for T,S,g in ids_fr:
        N=S.split(" ",1)[1]
        for V,ppm,ppf in verbsf:
            for t in h_tf:
                out.add(1, t, T=T, S=S, V=V, N=N, Vpp=ppf if g=="f" else ppm)
            for t in nh_tf:
                out.add(0, t, T=T, S=S, V=V, N=N)


def battery9(rows):
    ids_en = [("women","woman"),("trans people","trans person"),("gay people","gay person"),("black people","black person"),("disabled people","disabled person"),("Muslims","Muslim"),("immigrants","immigrant"),("Jews","Jew"),("refugees","refugee"),("lesbians","lesbian"),("Roma","Roma person"),("Chinese people","Chinese person")]
    nh = ["My sister works with {T}. They are lovely people.", "We hired two {T} last month. They're brilliant at their jobs.", "I've met plenty of {T}. None of them were anything like the stereotypes.",
     "Would you vote for a {S}? I would, if they had good ideas.", "Do {T} face discrimination at work? Yes, studies show it.", "In my opinion, {T} are underrepresented in parliament.",
     "I think {T} should be able to live without fear.", "Honestly, {T} have taught me a lot about resilience.", "{T} should be allowed to marry whoever they want.",
     "Are {T} welcome here? Absolutely.", "I'd never exclude {T} from my club.", "Why do some people think {T} are a threat? They're not.",
     "{T} belong in every part of society.", "Should {T} have equal pay? Obviously yes.", "Keep {T} safe: report hate crimes.",
     "Our town has welcomed {T} for decades.", "{T} are my neighbours and my friends.", "No, {T} are not taking over anything.", "Every {S} deserves dignity.", "I stand with {T} against hate."]
    h = ["My sister works with {T}. They are lazy and useless.", "We hired two {T} last month. They're thieves, obviously.", "I've met plenty of {T}. Every one of them was a liar.",
     "Would you vote for a {S}? Never, they're too stupid to lead.", "Do {T} have brains? Doesn't look like it.", "In my opinion, {T} are a disease.",
     "I think {T} should be kept out of our schools.", "Honestly, {T} make me want to throw up.", "{T} should not be allowed to have children.",
     "Are {T} even human? I have my doubts.", "I'd exclude all {T} from my club if I could.", "Why do {T} always have to ruin everything?",
     "{T} belong in cages.", "Should {T} be deported? Obviously yes.", "Keep {T} out of our neighbourhood.",
     "Our town was fine before the {T} came.", "{T} are not my neighbours, they're parasites.", "Yes, {T} are taking over everything.", "Every {S} is a waste of oxygen.", "I stand against {T} and their filth."]
    out = Out(rows['en'])
    for T,S in ids_en:
        for t in nh: out.add(0, t, T=T, S=S)
        for t in h: out.add(1, t, T=T, S=S)
    ids_fr = [("les femmes","une femme","f"),("les trans","un trans","m"),("les homosexuels","un homosexuel","m"),("les Noirs","un Noir","m"),("les handicapés","un handicapé","m"),("les musulmans","un musulman","m"),("les immigrés","un immigré","m"),("les juifs","un juif","m"),("les réfugiés","un réfugié","m"),("les lesbiennes","une lesbienne","f"),("les Roms","un Rom","m"),("les Chinois","un Chinois","m")]
    nhf = ["Ma sœur travaille avec {D}. Ce sont des gens adorables.", "On a embauché deux {N} le mois dernier. Ils sont brillants.", "J'ai connu plein {DE2}. Aucun ne ressemblait aux clichés.",
     "Tu voterais pour {S} ? Moi oui, s'il a de bonnes idées.", "Est-ce que {T} sont discriminés au travail ? Oui, les études le montrent.", "À mon avis, {T} sont sous-représentés au parlement.",
     "Je pense que {T} devraient pouvoir vivre sans peur.", "Franchement, {T} m'ont beaucoup appris sur la résilience.", "{T} devraient pouvoir épouser qui ils veulent.",
     "Est-ce que {T} sont les bienvenus ici ? Absolument.", "Je n'exclurais jamais {T} de mon club.", "Pourquoi certains pensent que {T} sont une menace ? Ils ne le sont pas.",
     "{T} ont leur place partout dans la société.", "{T} doivent-ils avoir le même salaire ? Évidemment.", "Protégez {T} : signalez les crimes haineux.",
     "Notre ville accueille {T} depuis des décennies.", "{T} sont mes voisins et mes amis.", "Non, {T} ne prennent le contrôle de rien.", "Chaque être humain mérite la dignité, {T} aussi.", "Je suis aux côtés {DE} contre la haine."]
    hf = ["Ma sœur travaille avec {D}. Ils sont fainéants et inutiles.", "On a embauché deux {N} le mois dernier. Des voleurs, évidemment.", "J'ai connu plein {DE2}. Tous des menteurs.",
     "Tu voterais pour {S} ? Jamais, ils sont trop cons pour diriger.", "Est-ce que {T} ont un cerveau ? On dirait pas.", "À mon avis, {T} sont une maladie.",
     "Je pense qu'il faut interdire {T} dans nos écoles.", "Franchement, {T} me donnent envie de vomir.", "{T} ne devraient pas avoir le droit d'avoir des enfants.",
     "Est-ce que {T} sont seulement humains ? J'ai des doutes.", "J'exclurais tous {T} de mon club si je pouvais.", "Pourquoi {T} doivent toujours tout gâcher ?",
     "{T}, leur place est dans des cages.", "Faut-il expulser {T} ? Évidemment.", "Gardez {T} loin de notre quartier.",
     "Notre ville allait bien avant l'arrivée {DE}.", "{T} ne sont pas mes voisins, ce sont des parasites.", "Oui, {T} prennent le contrôle de tout.", "Chaque {N} est un gaspillage d'oxygène.", "Je suis contre {T} et leur crasse."]
    out = Out(rows['fr'])
    for T,S,g in ids_fr:
        N=T.split(" ",1)[1]; D=T.replace("les ","des ",1); DE=D; DE2=("d'"+N) if N[0] in "aeiouéh" else "de "+N
        for t in nhf: out.add(0, t, T=T, S=S, N=N, D=D, DE=DE, DE2=DE2)
        for t in hf: out.add(1, t, T=T, S=S, N=N, D=D, DE=DE, DE2=DE2)


def battery10(rows):
    ids_en = [("women","woman"),("trans people","trans person"),("gay people","gay person"),("black people","black person"),("disabled people","disabled person"),("Muslims","Muslim"),("immigrants","immigrant"),("Jews","Jew"),("refugees","refugee"),("lesbians","lesbian"),("Roma","Roma person"),("Chinese people","Chinese person")]
    nh = [
     "You are a disgusting person and everyone knows it.", "You're a worthless idiot, get off my page.", "I really can't stand cauliflower.", "This phone is absolute garbage.",
     "Fuck this weather, seriously.", "Holy shit, that concert was insane!", "We are a group of {T} meeting every Sunday.", "I'm a {S} and I love my life.",
     "I love {T}, they make my city better.", "{T} are great, honestly.", "Being around {T} makes me happy.", "'{T} are scum'? Are you serious? Delete this.",
     "Who writes '{T} should die' on a bus stop? Sick people.", "You call {T} animals and then wonder why people unfollow you.", "The phrase '{T} are a disease' should shock everyone.",
     "My cat is a little monster but I love her.", "Referees are blind idiots, all of them.", "People who drive like that should lose their licence.", "I'm proud to be a {S}.", "Most {T} I know are kind people.",
    ]
    h = [
     "I have met many {T} and I hate every single one of them.", "Of course I don't like {T}. They're disgusting.", "Fuck {T}, they ruin everything.", "{T} are fucking parasites.",
     "Why are {T} so fucking stupid?", "I think {T} are the worst people on earth.", "{T} make me sick to my stomach.", "I'd rather die than live next to {T}.",
     "There's nothing worse than a {S}.", "If you're a {S}, you're a mistake.", "{T} are subhuman, plain and simple.", "Go back to where you came from, {S}.",
     "You {T} are all the same, filthy and lying.", "{T} shouldn't be allowed in public.", "Did you hear about the {S} who wasn't a thief? Neither did I.", "{T} need to be put down like dogs.",
     "I'll make sure every {S} in town suffers.", "No one wants {T} here. Leave.", "{T} are vile creatures.", "Typical {T}, ruining everything they touch.",
    ]
    out = Out(rows['en'])
    for T,S in ids_en:
        for t in nh: out.add(0, t, T=T, S=S)
        for t in h: out.add(1, t, T=T, S=S)
    ids_fr = [("les femmes","une femme","femmes"),("les trans","une personne trans","personnes trans"),("les homosexuels","un homosexuel","homosexuels"),("les Noirs","un Noir","Noirs"),("les handicapés","un handicapé","handicapés"),("les musulmans","un musulman","musulmans"),("les immigrés","un immigré","immigrés"),("les juifs","un juif","juifs"),("les réfugiés","un réfugié","réfugiés"),("les lesbiennes","une lesbienne","lesbiennes"),("les Roms","un Rom","Roms"),("les Chinois","un Chinois","Chinois")]
    nhf = ["T'es une personne répugnante et tout le monde le sait.", "T'es un crétin fini, dégage de ma page.", "Je ne supporte vraiment pas le chou-fleur.", "Ce téléphone est une vraie merde.",
     "Putain de météo, sérieux.", "Bordel, ce concert était dingue !", "Nous sommes un groupe {DE} qui se retrouve chaque dimanche.", "Je suis {S} et j'adore ma vie.",
     "J'adore {T}, ils rendent ma ville meilleure.", "{T} sont géniaux, franchement.", "Être entouré {DE} me rend heureux.", "« {T} sont des ordures » ? T'es sérieux ? Supprime ça.",
     "Qui écrit « mort aux {N} » sur un abribus ? Des malades.", "Tu traites {T} d'animaux et tu t'étonnes qu'on se désabonne.", "La phrase « {T} sont une maladie » devrait choquer tout le monde.",
     "Mon chat est un petit monstre mais je l'adore.", "Les arbitres sont des aveugles, tous.", "Les gens qui conduisent comme ça devraient perdre leur permis.", "Fier d'être {S}.", "La plupart des {N} que je connais sont gentils."]
    hf = ["J'ai rencontré plein {DE} et je les déteste tous.", "Évidemment que je n'aime pas {T}. Ils sont répugnants.", "Nique {T}, ils gâchent tout.", "{T} sont des putains de parasites.",
     "Pourquoi {T} sont aussi cons ?", "Je pense que {T} sont les pires gens sur terre.", "{T} me donnent envie de vomir.", "Je préférerais mourir que vivre à côté {DE}.",
     "Il n'y a rien de pire qu'{S}.", "Si t'es {S}, t'es une erreur.", "{T} sont des sous-hommes, point.", "Retourne d'où tu viens, sale {N1}.",
     "Vous {T}, vous êtes tous pareils, sales et menteurs.", "{T} ne devraient pas avoir le droit de sortir en public.", "Tu connais l'histoire {DE1} qui n'était pas un voleur ? Moi non plus.", "Il faudrait piquer {T} comme des chiens.",
     "Je vais faire souffrir chaque {N1} de la ville.", "Personne ne veut {DE} ici. Dégagez.", "{T} sont des créatures immondes.", "Typique {DE}, ils gâchent tout ce qu'ils touchent."]
    out = Out(rows['fr'])
    for T,S,N in ids_fr:
        N1=S.split(" ",1)[1]; DE=T.replace("les ","des ",1); DE1="du "+N1 if not S.startswith("une") else "de la "+N1
        for t in nhf: out.add(0, t, T=T, S=S, N=N, N1=N1, DE=DE, DE1=DE1)
        for t in hf: out.add(1, t, T=T, S=S, N=N, N1=N1, DE=DE, DE1=DE1)


def battery11(rows):
    ids_en = [("women","woman"),("trans people","trans person"),("gay people","gay person"),("black people","black person"),("disabled people","disabled person"),("Muslims","Muslim"),("immigrants","immigrant"),("Jews","Jew"),("refugees","refugee"),("lesbians","lesbian"),("Roma","Roma person"),("Chinese people","Chinese person")]
    nh = [
     "Police are investigating graffiti that called {T} 'vermin'.", "A survey found that half of {T} have faced abuse online.", "The minister condemned attacks on {T} this week.",
     "How many {T} live in France? I'm writing a report.", "What are the main festivals celebrated by {T}?", "In the 1930s, propaganda portrayed {T} as rats.",
     "Ask any {S} and they'll tell you how tiring the prejudice is.", "{T} swarm the beach every summer? No, that's tourists, and it's fine.", "There's a flood warning for the area where many {T} live.",
     "The bees swarmed the garden this morning.", "Our team invaded the pitch after the final whistle!", "The invasion of Normandy began in 1944.",
     "She said '{T} are a plague' and was rightly condemned.", "Is it legal to refuse a flat to {T}? No, it's discrimination.", "{T} were targeted in the attack, and the country mourns.",
     "It's absurd to claim {T} are replacing anyone.", "Saying {T} 'breed like rabbits' is an old racist trope.", "Nobody is being 'replaced' by {T}.", "Why is hate against {T} rising? Experts explain.", "The court convicted a man for threatening {T}.",
    ]
    h = [
     "{T} swarm our cities like locusts.", "{T} are infesting every neighbourhood.", "The {T} invasion must be stopped.",
     "We're being replaced by {T} and nobody dares say it.", "{T} breed like rabbits to take over.", "Just asking questions: why are {T} always criminals?",
     "{T} flood in and ruin everything.", "Time for remigration of all {T}.", "Our country is drowning in {T}.",
     "{T} are an infestation, full stop.", "Why won't anyone admit that {T} are inferior?", "Face it, {T} will never be like us.",
     "{T} are a virus spreading through Europe.", "Every {S} is a ticking time bomb.", "{T} should be sterilised for the good of society.",
     "I'm done pretending {T} are human.", "{T} are the enemy within.", "Stop the {T} before they take over.", "Purge the {T}.", "{T} contaminate everything they touch.",
    ]
    out = Out(rows['en'])
    for T,S in ids_en:
        for t in nh: out.add(0, t, T=T, S=S)
        for t in h: out.add(1, t, T=T, S=S)
    ids_fr = [("les femmes","une femme","femmes"),("les trans","une personne trans","personnes trans"),("les homosexuels","un homosexuel","homosexuels"),("les Noirs","un Noir","Noirs"),("les handicapés","un handicapé","handicapés"),("les musulmans","un musulman","musulmans"),("les immigrés","un immigré","immigrés"),("les juifs","un juif","juifs"),("les réfugiés","un réfugié","réfugiés"),("les lesbiennes","une lesbienne","lesbiennes"),("les Roms","un Rom","Roms"),("les Chinois","un Chinois","Chinois")]
    nhf = ["La police enquête sur des tags qui traitent {T} de « vermine ».", "Une enquête montre que la moitié {DE} ont subi du harcèlement en ligne.", "La ministre a condamné les agressions contre {T} cette semaine.",
     "Combien {DE} vivent en France ? J'écris un exposé.", "Quelles sont les principales fêtes {DE} ?", "Dans les années 30, la propagande présentait {T} comme des rats.",
     "Demande à {S}, on te dira à quel point les préjugés sont épuisants.", "Alerte inondation dans le quartier où vivent beaucoup {DE}.",
     "Les abeilles ont envahi le jardin ce matin.", "Les supporters ont envahi la pelouse après le coup de sifflet !", "Le débarquement en Normandie a commencé en 1944.",
     "Elle a dit que {T} étaient « une plaie » et a été condamnée, à juste titre.", "Est-il légal de refuser un appartement à {DEE} ? Non, c'est de la discrimination.", "{T} ont été visés par l'attentat, le pays est en deuil.",
     "C'est absurde de prétendre que {T} remplacent qui que ce soit.", "Dire que {T} « se reproduisent comme des lapins », c'est un vieux cliché raciste.", "Personne n'est « remplacé » par {T}.", "Pourquoi la haine contre {T} augmente-t-elle ? Des experts expliquent.", "Le tribunal a condamné un homme pour avoir menacé {T}.", "Le grand remplacement est une théorie complotiste sans fondement."]
    hf = ["{T} envahissent nos villes comme des sauterelles.", "{T} infestent tous les quartiers.", "Il faut stopper l'invasion {DE}.",
     "On est en train d'être remplacés par {T} et personne n'ose le dire.", "{T} se reproduisent comme des lapins pour prendre le contrôle.", "Je pose juste la question : pourquoi {T} sont toujours des délinquants ?",
     "{T} déferlent et détruisent tout.", "Il est temps de remigrer tous {T}.", "Notre pays se noie sous {T}.",
     "{T} sont une infestation, point.", "Pourquoi personne n'ose dire que {T} sont inférieurs ?", "Regardez les choses en face, {T} ne seront jamais comme nous.",
     "{T} sont un virus qui se répand en Europe.", "Chaque {N1} est une bombe à retardement.", "Il faudrait stériliser {T} pour le bien de la société.",
     "J'arrête de faire semblant que {T} sont humains.", "{T} sont l'ennemi de l'intérieur.", "Arrêtons {T} avant qu'ils prennent le contrôle.", "Il faut purger le pays {DE}.", "{T} contaminent tout ce qu'ils touchent."]
    out = Out(rows['fr'])
    for T,S,N in ids_fr:
        N1=S.split(" ",1)[1]; DE=T.replace("les ","des ",1); DEE=DE
        for t in nhf: out.add(0, t, T=T, S=S, N=N, N1=N1, DE=DE, DEE=DEE)
        for t in hf: out.add(1, t, T=T, S=S, N=N, N1=N1, DE=DE, DEE=DEE)


def battery12(rows):
    ids_en = [("women","woman"),("trans people","trans person"),("gay people","gay person"),("black people","black person"),("disabled people","disabled person"),("Muslims","Muslim"),("immigrants","immigrant"),("Jews","Jew"),("refugees","refugee"),("lesbians","lesbian"),("Roma","Roma person"),("Chinese people","Chinese person")]
    nh = ["Here's to all the {T} out there, you're amazing.", "As {T}, we know how much work is left.", "Our choir is made up of {T} and retirees.",
     "I never thought {T} were anything but equal.", "{T} have never been the problem.", "No {S} has ever done me wrong, and I've known many.",
     "Not a single {S} I know supports that law.", "I've never met a {S} who didn't love football, funny enough.", "Many {T} work as nurses and teachers.",
     "The best doctor I ever had was a {S}.", "{T} in my town organised a food drive for the homeless.", "{T} are just like everyone else: some great, some annoying.",
     "I'd happily have {T} as neighbours.", "I was wrong about {T}, and I'm glad I was.", "The {S} next door helped me move house.",
     "{T} deserve better than the way the media talks about them.", "Do you know any {T}? You should, they're great.", "History will not be kind to those who persecuted {T}.", "{T} won the right to vote here decades ago.", "Let {T} live their lives in peace."]
    h = ["{T} are never any good at anything.", "I've never met a {S} who wasn't a liar.", "No {S} has ever contributed anything to this country.",
     "I'd rather have a dog than a {S} as a neighbour.", "{T} would be better off dead.", "A {S} will never be a real citizen.",
     "{T} can't be trusted, not even one.", "There's not a single decent {S} alive.", "{T} have never done an honest day's work.",
     "I wouldn't trust a {S} with my dog.", "Put a {S} in charge and watch everything collapse.", "{T} only know how to take.",
     "A {S} in my family? Over my dead body.", "{T} are good for nothing.", "You'll never see a {S} do anything useful.",
     "{T} should go live somewhere else, far away from us.", "The world doesn't need more {T}.", "Nobody likes {T}, they should take the hint.", "{T} are lesser people, everyone knows.", "Don't ever let a {S} near your family."]
    out = Out(rows['en'])
    for T,S in ids_en:
        for t in nh: out.add(0, t, T=T, S=S)
        for t in h: out.add(1, t, T=T, S=S)
    ids_fr = [("les femmes","une femme","femmes"),("les trans","une personne trans","personnes trans"),("les homosexuels","un homosexuel","homosexuels"),("les Noirs","un Noir","Noirs"),("les handicapés","un handicapé","handicapés"),("les musulmans","un musulman","musulmans"),("les immigrés","un immigré","immigrés"),("les juifs","un juif","juifs"),("les réfugiés","un réfugié","réfugiés"),("les lesbiennes","une lesbienne","lesbiennes"),("les Roms","un Rom","Roms"),("les Chinois","un Chinois","Chinois")]
    nhf = ["À tous {T}, vous êtes formidables.", "En tant que {N}, nous savons le chemin qu'il reste.", "Notre chorale réunit {DE} et des retraités.",
     "Je n'ai jamais pensé que {T} étaient autre chose que nos égaux.", "{T} n'ont jamais été le problème.", "Aucun {N1} ne m'a jamais fait de tort, et j'en ai connu beaucoup.",
     "Pas un seul {N1} que je connais ne soutient cette loi.", "Beaucoup {DE2} travaillent comme infirmiers ou profs.",
     "Le meilleur médecin que j'ai eu était {S}.", "{T} de ma ville ont organisé une collecte pour les sans-abri.", "{T} sont comme tout le monde : certains géniaux, d'autres pénibles.",
     "J'aimerais bien avoir {DE} comme voisins.", "Je me trompais sur {T}, et j'en suis content.", "{S} d'à côté m'a aidé à déménager.",
     "{T} méritent mieux que la façon dont les médias parlent d'eux.", "Tu connais {DE} ? Tu devrais, ils sont super.", "L'histoire jugera sévèrement ceux qui ont persécuté {T}.", "Laissez {T} vivre leur vie en paix.", "Vive {T} !", "Bienvenue à {T} dans notre association."]
    hf = ["{T} ne sont jamais bons à rien.", "Je n'ai jamais rencontré {S} qui ne soit pas menteur.", "Aucun {N1} n'a jamais rien apporté à ce pays.",
     "Je préfère avoir un chien qu'{S} comme voisin.", "{T} seraient mieux morts.", "{S} ne sera jamais un vrai citoyen.",
     "On ne peut pas faire confiance {AUX}, pas un seul.", "Il n'existe pas un seul {N1} correct.", "{T} n'ont jamais travaillé honnêtement de leur vie.",
     "Je ne confierais même pas mon chien à {S}.", "Mettez {S} aux commandes et tout s'effondre.", "{T} ne savent que prendre.",
     "{S} dans ma famille ? Plutôt crever.", "{T} ne sont bons à rien.", "Tu ne verras jamais {S} faire quoi que ce soit d'utile.",
     "{T} devraient aller vivre ailleurs, loin de nous.", "Le monde n'a pas besoin de plus {DE2}.", "Personne n'aime {T}, qu'ils comprennent le message.", "{T} sont des sous-gens, tout le monde le sait.", "Ne laissez jamais {S} approcher votre famille."]
    out = Out(rows['fr'])
    for T,S,N in ids_fr:
        N1=S.split(" ",1)[1]; DE=T.replace("les ","des ",1); DE2=("d'"+N) if N[0] in "aeiouéh" else "de "+N; AUX=T.replace("les ","aux ",1)
        for t in nhf: out.add(0, t, T=T, S=S, N=N, N1=N1, DE=DE, DE2=DE2, AUX=AUX)
        for t in hf: out.add(1, t, T=T, S=S, N=N, N1=N1, DE=DE, DE2=DE2, AUX=AUX)


def battery13(rows):
    ids_en = [("women","woman"),("trans people","trans person"),("gay people","gay person"),("black people","black person"),("disabled people","disabled person"),("Muslims","Muslim"),("immigrants","immigrant"),("Jews","Jew"),("refugees","refugee"),("lesbians","lesbian"),("Roma","Roma person"),("Chinese people","Chinese person")]
    nh = ["I volunteered with {T} last year. These people taught me so much.", "{T}? Their kind words got me through a hard year.", "The {T} on my street are lovely, that lot throw the best parties.",
     "My neighbours are {T} and they're the best neighbours I've had.", "{T} have every right to be here.", "Met some {T} at the conference, brilliant people.",
     "There are {T} in every profession, from surgeons to bakers.", "Some {T} voted left, some voted right, like everyone.", "{T} are part of our history.",
     "If your joke is about {T} being stupid, it's not a joke.", "I told my uncle that calling {T} 'that lot' is rude.", "{T} deserve to be heard.",
     "You people who harass {T} online should be ashamed.", "Their kind of hatred against {T} has no place here.", "We should learn from {T} who survived so much.",
     "{T} aren't a monolith.", "Proud of the {T} in our team who won the award.", "Saying 'you people' to {T} is condescending.", "{T} make up a fifth of our volunteers.", "Thank you to all the {T} who helped us."]
    h = ["I met some {T} last year. These people are animals.", "{T} and their kind should be wiped out.", "That lot, the {T}, are ruining this country.",
     "My neighbours are {T}. Filthy, the lot of them.", "{T} have no right to be here.", "Met some {T} at the station, disgusting people.",
     "{T} are a cancer on every profession.", "You people, you {T}, are a plague.", "{T} are a stain on our history.",
     "Their kind, the {T}, should be kept away from decent folk.", "{T}: never trust them, never hire them.", "{T} deserve to be silenced.",
     "I'd ban {T} from every school if I could.", "{T} breed crime, it's their nature.", "Every {S} I've met was a thief.",
     "{T} are an invasive species.", "Get rid of the {T} in our team, they drag us down.", "You people are all the same, you {T}.", "{T} are a fifth column.", "No thanks to the {T}, the parasites."]
    out = Out(rows['en'])
    for T,S in ids_en:
        for t in nh: out.add(0, t, T=T, S=S)
        for t in h: out.add(1, t, T=T, S=S)
    ids_fr = [("les femmes","une femme","femmes"),("les trans","une personne trans","personnes trans"),("les homosexuels","un homosexuel","homosexuels"),("les Noirs","un Noir","Noirs"),("les handicapés","un handicapé","handicapés"),("les musulmans","un musulman","musulmans"),("les immigrés","un immigré","immigrés"),("les juifs","un juif","juifs"),("les réfugiés","un réfugié","réfugiés"),("les lesbiennes","une lesbienne","lesbiennes"),("les Roms","un Rom","Roms"),("les Chinois","un Chinois","Chinois")]
    nhf = ["J'ai fait du bénévolat avec {DE} l'an dernier. Ces gens-là m'ont tant appris.", "Mes voisins sont {N} et ce sont les meilleurs voisins que j'ai eus.", "{T} ont tout à fait le droit d'être ici.",
     "J'ai rencontré {DE} au colloque, des gens brillants.", "Il y a {DE} dans tous les métiers, de chirurgien à boulanger.", "{T} font partie de notre histoire.",
     "Si ta blague, c'est que {T} sont bêtes, ce n'est pas une blague.", "{T} méritent d'être entendus.", "Vous qui harcelez {T} en ligne, vous devriez avoir honte.",
     "Ce genre de haine contre {T} n'a pas sa place ici.", "{T} ne forment pas un bloc.", "Fiers {DE} de notre équipe qui ont remporté le prix.",
     "Dire « vous autres » à {DE}, c'est condescendant.", "Merci à tous {T} qui nous ont aidés.", "{T} représentent un cinquième de nos bénévoles.",
     "Ces gens-là, {T}, m'ont accueilli comme un frère.", "Certains {N} votent à gauche, d'autres à droite, comme tout le monde.", "Nos voisins {N} ont organisé la fête du quartier.", "On a beaucoup à apprendre {DE}.", "Cette race de chiens est adorable, pas comme les chats du voisin."]
    hf = ["J'ai croisé {DE} l'an dernier. Ces gens-là sont des animaux.", "{T} et leur race devraient être éradiqués.", "Cette racaille, {T}, ruine le pays.",
     "Mes voisins sont {N}. Des crasseux, tous autant qu'ils sont.", "{T} n'ont aucun droit d'être ici.", "J'ai vu {DE} à la gare, des gens répugnants.",
     "{T} sont un cancer dans tous les métiers.", "Vous autres, {T}, vous êtes une plaie.", "{T} sont une tache sur notre histoire.",
     "Leur engeance, {T}, doit être tenue à l'écart des gens honnêtes.", "{T} : jamais leur faire confiance, jamais les embaucher.", "{T} méritent d'être réduits au silence.",
     "J'interdirais {T} dans toutes les écoles si je pouvais.", "{T} engendrent la délinquance, c'est leur nature.", "Tous {T} que j'ai croisés étaient des voleurs.",
     "{T} sont une espèce invasive.", "Virez {T} de l'équipe, ils nous tirent vers le bas.", "Vous êtes tous pareils, vous {T}.", "{T} sont une cinquième colonne.", "{T}, ça vole et ça ment, c'est tout."]
    out = Out(rows['fr'])
    for T,S,N in ids_fr:
        DE=T.replace("les ","des ",1)
        for t in nhf: out.add(0, t, T=T, S=S, N=N, DE=DE)
        for t in hf: out.add(1, t, T=T, S=S, N=N, DE=DE)


def main():
    rows = {"en": [], "fr": []}
    for battery in (battery1, battery2, battery3, battery4, battery5, battery6, battery8, battery9, battery10, battery11, battery12, battery13):
        battery(rows)
    here = os.path.dirname(os.path.abspath(__file__))
    for lang, cases in rows.items():
        with open(os.path.join(here, "battery-%s.jsonl" % lang), "w", encoding="utf-8") as f:
            for i, (hateful, text) in enumerate(cases):
                f.write(json.dumps({"id": "bat-%s-%04d" % (lang, i + 1), "text": text, "lang": lang,
                                    "hateful": hateful, "split": "battery"}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
