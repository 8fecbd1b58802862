// Source of the _locales messages: one table, English and French side by
// side, so a string is never added in one language only. `node
// tools/strings.mjs` writes src/_locales/{en,fr}/messages.json; a test
// checks that the files are up to date.
import { writeFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const C = { CATEGORY: { content: '$1', example: 'racism' } };
const N = { COUNT: { content: '$1', example: '3' } };

// key: [English, French, placeholders?, description?]
// French is written here with ordinary spaces; frenchTypography() puts the
// non-breaking space (U+00A0) French typography wants before : ; ! ? % and
// inside « », so that a line never starts with one of them.
export const STRINGS = {
  extName: ['Voile', 'Voile'],
  extDescription: ['Hides hate speech on the pages you read. Posts are checked on your computer; nothing you read is sent anywhere.',
    'Masque les propos haineux des pages lues. Tout est vérifié sur votre ordinateur ; rien de ce que vous lisez n’est envoyé.'],
  actionTitle: ['Voile', 'Voile'],

  // Veil over a flagged post (content script).
  veilGroup: ['Voile', 'Voile'],
  veilHidden: ['Hidden by Voile: $CATEGORY$', 'Masqué par Voile : $CATEGORY$', C],
  veilWaiting: ['Voile has not checked this post yet', 'Voile n’a pas encore vérifié ce message'],
  veilShown: ['Shown: $CATEGORY$', 'Affiché : $CATEGORY$', C],
  show: ['Show', 'Afficher'],
  showLabel: ['Show the post hidden for $CATEGORY$', 'Afficher le message masqué pour $CATEGORY$', C],
  notHate: ['Not hate', 'Pas haineux'],
  hideAgain: ['Hide', 'Masquer'],
  undo: ['Undo', 'Annuler'],
  neverRule: ['Never flag this rule again', 'Ne plus signaler cette règle'],
  markedNotHate: ['Marked as not hate, for you only', 'Marqué comme non haineux, pour vous seulement'],

  cat_racism: ['racism', 'racisme'],
  cat_antisemitism: ['antisemitism', 'antisémitisme'],
  cat_islamophobia: ['islamophobia', 'islamophobie'],
  cat_lgbtphobia: ['homophobia and transphobia', 'homophobie et transphobie'],
  cat_sexism: ['sexism', 'sexisme'],
  cat_disability: ['ableism', 'validisme'],
  cat_xenophobia: ['xenophobia', 'xénophobie'],
  cat_threat: ['threats', 'menaces'],

  // Why a post is hidden, under the veil's label: the rule that matched,
  // the kind of statement (a frame: a group and something hateful said of
  // it), or the model.
  whyRule: ['matched rule $RULE$', 'règle $RULE$', { RULE: { content: '$1', example: 'demo-en/racism-n-word' } }],
  whyFrame: ['$CLASS$ ($RULE$)', '$CLASS$ ($RULE$)', { CLASS: { content: '$1', example: 'dehumanising statement' }, RULE: { content: '$2', example: 'demo-en/pred-vermin' } }],
  whyModel: ['model, $P$ % sure', 'modèle, sûr à $P$ %', { P: { content: '$1', example: '92' } }],
  // "Why?" on the veil: the list, its publisher and the reason, at length.
  why: ['Why?', 'Pourquoi ?'],
  whyTitle: ['Which list hid this post, and why', 'Quelle liste a masqué ce message, et pourquoi'],
  whyListLine: ['List: $LIST$', 'Liste : $LIST$', { LIST: { content: '$1', example: 'demo-en' } }],
  whyPublisherLine: ['Publisher: $PUBLISHER$', 'Éditeur : $PUBLISHER$', { PUBLISHER: { content: '$1', example: 'voile-demo' } }],
  whyRuleLine: ['Rule: $RULE$', 'Règle : $RULE$', { RULE: { content: '$1', example: 'racism-n-word' } }],
  whyFrameLine: ['Kind of statement: $CLASS$', 'Type de propos : $CLASS$', { CLASS: { content: '$1', example: 'dehumanising statement' } }],
  whyModelLine: ['The list’s model is $P$ % sure this is hateful', 'Le modèle de la liste en est sûr à $P$ %', { P: { content: '$1', example: '92' } }],
  whyWrong: ['A mistake? Press “Not hate”. Voile’s options can prepare a report for the publisher.',
    'Une erreur ? Appuyez sur « Pas haineux ». Les options de Voile peuvent préparer un signalement pour l’éditeur.'],
  class_dehumanise: ['dehumanising statement', 'propos déshumanisant'],
  class_derogate: ['derogatory generalisation', 'généralisation dénigrante'],
  class_contempt: ['expressed hatred', 'haine exprimée'],
  class_threat: ['threat or call to violence', 'menace ou appel à la violence'],
  class_exclude: ['call for exclusion', 'appel à l’exclusion'],
  class_positive: ['denied humanity or rights', 'humanité ou droits niés'],

  // Popup.
  popupOnHere: ['On for this site', 'Actif sur ce site'],
  popupAllOff: ['Voile is paused everywhere', 'Voile est en pause partout'],
  popupPauseAll: ['Pause everywhere', 'Mettre en pause partout'],
  popupResumeAll: ['Resume', 'Reprendre'],
  popupNoAccess: ['Voile does not check this site yet.', 'Voile ne vérifie pas encore ce site.'],
  popupGrant: ['Check this site', 'Vérifier ce site'],
  popupNotAPage: ['Voile works on web pages.', 'Voile fonctionne sur les pages web.'],
  popupSensitivity: ['Sensitivity', 'Sensibilité'],
  popupSensitivityLow: ['Only the worst', 'Le pire seulement'],
  popupSensitivityHigh: ['Anything listed', 'Tout ce qui est listé'],
  popupCategories: ['Hide', 'Masquer'],
  popupCountPage: ['Hidden on this page', 'Masqués sur cette page'],
  popupCountTotal: ['Hidden in all', 'Masqués au total'],
  popupOptions: ['Lists and options', 'Listes et options'],
  popupClassifierFailed: ['Voile could not check the posts of this page: $ERROR$', 'Voile n’a pas pu vérifier les messages de cette page : $ERROR$', { ERROR: { content: '$1', example: 'classifier host unreachable after 6 attempts' } }],
  popupNoLists: ['No rule list is loaded yet: nothing is hidden.', 'Aucune liste de règles n’est chargée : rien n’est masqué.'],

  // Options.
  optionsTitle: ['Voile options', 'Options de Voile'],
  optListsHeading: ['Rule lists', 'Listes de règles'],
  optListsNone: ['No list yet. Lists arrive from the sync server.', 'Aucune liste pour l’instant. Les listes viennent du serveur de synchronisation.'],
  optListName: ['List', 'Liste'],
  optListPublisher: ['Publisher', 'Éditeur'],
  optListVersion: ['Version', 'Version'],
  optListRules: ['Rules', 'Règles'],
  optListFollow: ['Use', 'Utiliser'],
  optListDemo: ['demo', 'démo'],
  optListState_active: ['in use', 'utilisée'],
  optListState_untrusted: ['publisher not trusted', 'éditeur non approuvé'],
  optListState_invalid: ['refused: $REASON$', 'refusée : $REASON$', { REASON: { content: '$1' } }],
  optPublishersHeading: ['Publishers', 'Éditeurs'],
  optPublisherKey: ['Key fingerprint', 'Empreinte de la clé'],
  optPublisherTrusted: ['trusted', 'approuvé'],
  optPublisherBuiltIn: ['trusted (built in)', 'approuvé (intégré)'],
  optPublisherUntrusted: ['not trusted', 'non approuvé'],
  optPublisherKeyChanged: ['key changed: refused', 'clé modifiée : refusée'],
  optTrust: ['Trust', 'Approuver'],
  optTrustConfirm: ['Trust publisher $NAME$ with key $KEY$? Its lists will decide what is hidden.',
    'Approuver l’éditeur $NAME$, clé $KEY$ ? Ses listes décideront de ce qui est masqué.',
    { NAME: { content: '$1' }, KEY: { content: '$2' } }],
  optTrustYes: ['Trust this key', 'Approuver cette clé'],
  optTrustCancel: ['Cancel', 'Annuler'],
  optUntrust: ['Stop trusting', 'Ne plus approuver'],
  optServerHeading: ['Sync server', 'Serveur de synchronisation'],
  optServerAddress: ['Server address', 'Adresse du serveur'],
  optServerSave: ['Save', 'Enregistrer'],
  optServerBad: ['The address must start with ws:// or wss://', 'L’adresse doit commencer par ws:// ou wss://'],
  optServerDenied: ['Voile was not allowed to reach this server.', 'Voile n’a pas eu le droit de joindre ce serveur.'],
  optSync_connected: ['Connected', 'Connecté'],
  optSync_connecting: ['Connecting…', 'Connexion…'],
  optSync_offline: ['Offline: using the last good lists', 'Hors ligne : les dernières listes valides sont utilisées'],
  optSync_error: ['Error: $MESSAGE$', 'Erreur : $MESSAGE$', { MESSAGE: { content: '$1' } }],
  optSyncLast: ['Last update: $TIME$', 'Dernière mise à jour : $TIME$', { TIME: { content: '$1' } }],
  optSyncNow: ['Update now', 'Mettre à jour'],
  optLanguageHeading: ['Interface language', 'Langue de l’interface'],
  optLanguageAuto: ['Same as the browser', 'Celle du navigateur'],
  optSitesHeading: ['Sites', 'Sites'],
  optSitesAll: ['Check every site I visit', 'Vérifier tous les sites visités'],
  optSitesAllHelp: ['Asks the browser for access to every site. Otherwise Voile checks the supported sites and those you turn on from its button.',
    'Demande l’accès à tous les sites. Sinon Voile vérifie les sites pris en charge et ceux que vous activez depuis son bouton.'],
  optSitesOff: ['Turned off on', 'Désactivé sur'],
  optSitesTurnOn: ['Turn on', 'Activer'],
  optCorrectionsHeading: ['Your corrections', 'Vos corrections'],
  optCorrectionsPosts: ['$COUNT$ posts marked as not hate', '$COUNT$ messages marqués comme non haineux', N],
  optCorrectionsRules: ['Rules you turned off', 'Règles que vous avez désactivées'],
  optCorrectionsClear: ['Forget all corrections', 'Oublier toutes les corrections'],
  optCorrectionsRestore: ['Turn back on', 'Réactiver'],
  optReportHeading: ['Reports to publishers', 'Signalements aux éditeurs'],
  optReportOptIn: ['Let me prepare a report of my corrections for a list’s publisher (nothing is sent by Voile: you send it yourself)',
    'Me permettre de préparer un signalement de mes corrections pour l’éditeur d’une liste (Voile n’envoie rien : vous l’envoyez vous-même)'],
  optReportPrepare: ['Prepare report', 'Préparer le signalement'],
  optReportHelp: ['The report names the rules you turned off and how many posts you marked. It holds no post text and no address.',
    'Le signalement nomme les règles désactivées et le nombre de messages marqués. Il ne contient aucun texte ni adresse.'],
  optPrivacy: ['Voile checks posts on this computer. It sends the sync server only which lists you follow and the versions you hold, never what you read.',
    'Voile vérifie les messages sur cet ordinateur. Il n’envoie au serveur que les listes suivies et leurs versions, jamais ce que vous lisez.'],
  optStatsHeading: ['Counts', 'Compteurs'],
  optStatsReset: ['Reset counts', 'Remettre à zéro'],
  optSaved: ['Saved', 'Enregistré'],
  // A label and its value, in a list of counts or details.
  labelValue: ['$LABEL$: $VALUE$', '$LABEL$ : $VALUE$', { LABEL: { content: '$1', example: 'Hidden in all' }, VALUE: { content: '$2', example: '12' } }],
};

/** French spacing: U+00A0 before : ; ! ? % and » and after «. */
export function frenchTypography(s) {
  return s.replace(/[ \u202F]+([:;!?%»])/g, '\u00A0$1').replace(/«[ \u202F]+/g, '«\u00A0');
}

function messages(lang) {
  const i = lang === 'en' ? 0 : 1;
  const out = {};
  for (const [key, [en, fr, placeholders]] of Object.entries(STRINGS)) {
    out[key] = { message: i === 0 ? en : frenchTypography(fr) };
    if (placeholders) out[key].placeholders = placeholders;
  }
  return out;
}

export function renderLocales() {
  return { en: JSON.stringify(messages('en'), null, 2) + '\n', fr: JSON.stringify(messages('fr'), null, 2) + '\n' };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'src', '_locales');
  for (const [lang, text] of Object.entries(renderLocales())) {
    mkdirSync(path.join(dir, lang), { recursive: true });
    writeFileSync(path.join(dir, lang, 'messages.json'), text);
  }
}
