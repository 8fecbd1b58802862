// The Voile console's page. It holds no key: the console process on this
// machine validates, tests, signs and publishes; this page sends it the
// list's source with the session's secret, which it reads once from the
// address's fragment.

const STRINGS = {
  en: {
    title: 'Voile console', whoTitle: 'What readers see', publisher: 'Publisher', fingerprint: 'Key fingerprint', server: 'Server',
    fingerprintHelp: 'Readers press Trust beside your name in Voile\'s options and are asked to check this fingerprint. Publish it where your readers know it is you (your website, a newsletter): it is how they know the lists come from you.',
    tokenLabel: 'API token (from the server\'s operator; kept in memory only)', tokenUse: 'Use this token',
    tokenOk: 'Token accepted for publisher {publisher}.', tokenNeeded: 'Enter your API token to compare, publish and see your readers.',
    keyMismatch: 'The key this console signs with (fingerprint {mine}) is not the key registered for your publisher (fingerprint {registered}): the server will refuse what you publish. Start the console with the registered key.',
    listTitle: 'The list', newList: 'New list', openFile: 'Open a file…', download: 'Download', save: 'Save to {file}', saved: 'Saved to {file}.',
    listFields: 'List', fId: 'Identifier', fName: 'Name', fVersion: 'Version', fLangs: 'Languages (en, fr…)', fDescription: 'Description',
    rId: 'Id', rKind: 'Kind', rText: 'Words', rRole: 'Role', rClass: 'Class', rOrder: 'Where, relative to the group', rCategory: 'Category',
    rWeight: 'Weight (0 to 1)', rExceptions: 'Allowed in these phrases (one per line)',
    kindTerm: 'a word', kindPhrase: 'a phrase', kindPattern: 'a pattern (RE2: alternatives of words)',
    roleFlag: 'flags a post by itself', roleTarget: 'names a group (target)', rolePredicate: 'says something hateful of a group (predicate)', roleCue: 'context word (cue)',
    ruleForm: 'Add or change a rule', ruleAdd: 'Add the rule', ruleUpdate: 'Change the rule', ruleCancel: 'Cancel', edit: 'Change', remove: 'Remove',
    none: '(none)', defaultOrder: '(the class\'s default)',
    sourceLabel: 'Source (YAML): edit here or with the form', checkOk: 'The list is valid.', line: 'line {line}',
    fixFirst: 'The source does not parse: fix it before using the form.',
    testTitle: 'Test on posts', postsLabel: 'Posts, one per line (a line may be a labelled JSON post: {"text": "…", "hateful": true})',
    jsonlLabel: 'Labelled posts (JSONL)…', jsonlLoaded: '{name}: {n} lines', sensitivity: 'Sensitivity', runTest: 'Test',
    verdict: 'Verdict', label: 'Label', post: 'Post', why: 'Why', flagged: 'hidden', notFlagged: 'shown', hateful: 'hateful', notHateful: 'not hateful',
    cancelled: 'cancelled: ', summary: '{flagged} of {n} posts would be hidden.',
    metrics: 'On {n} labelled posts: precision {precision}, recall {recall}, F1 {f1} ({tp} hateful posts hidden, {fn} missed, {fp} wrongly hidden).',
    publishTitle: 'Compare and publish', runDiff: 'Compare with the published version',
    changedNone: 'No sample post changes verdict.', changedTitle: '{n} of {tested} sample posts change verdict:', nowFlagged: 'now hidden', nowShown: 'now shown',
    bump: 'Publish as the next version', runPublish: 'Sign and publish',
    published: 'Published {list} version {version}. Readers who follow it and trust your key ({fingerprint}) receive it now.',
    readersTitle: 'Your published lists', refresh: 'Refresh', list: 'List', version: 'Version', followers: 'Readers following', rollbackTo: 'Roll back to version',
    rollback: 'Roll back', rolledBack: 'Rolled {list} back to the content of version {to}, as version {version}.', noLists: 'No list published yet.',
    noSecret: 'This page lacks the console\'s secret: open the address that `voile console` printed.',
    err_stale_version: 'Version {version} of {list} is not newer than the published one: tick "Publish as the next version" (or raise the version) and publish again.',
    err_bad_signature: 'The server refused the signature: this console signs with the key of fingerprint {mine}, which is not the key registered for your publisher{registered_part}.',
    err_unauthorized: 'The server knows no publisher with this API token: check the token the operator gave you.',
    err_no_token: 'No API token: enter the token the server\'s operator gave you.',
  },
  fr: {
    title: 'Console Voile', whoTitle: 'Ce que voient les lecteurs', publisher: 'Éditeur', fingerprint: 'Empreinte de la clé', server: 'Serveur',
    fingerprintHelp: 'Les lecteurs appuient sur « Approuver » à côté de votre nom dans les options de Voile, et doivent vérifier cette empreinte. Publiez-la là où vos lecteurs savent que c’est vous (votre site, une lettre d’information) : c’est ainsi qu’ils savent que les listes viennent de vous.',
    tokenLabel: 'Jeton d’API (donné par l’opérateur du serveur ; gardé en mémoire seulement)', tokenUse: 'Utiliser ce jeton',
    tokenOk: 'Jeton accepté pour l’éditeur {publisher}.', tokenNeeded: 'Saisissez votre jeton d’API pour comparer, publier et voir vos lecteurs.',
    keyMismatch: 'La clé avec laquelle cette console signe (empreinte {mine}) n’est pas celle enregistrée pour votre éditeur (empreinte {registered}) : le serveur refusera vos publications. Relancez la console avec la clé enregistrée.',
    listTitle: 'La liste', newList: 'Nouvelle liste', openFile: 'Ouvrir un fichier…', download: 'Télécharger', save: 'Enregistrer dans {file}', saved: 'Enregistré dans {file}.',
    listFields: 'Liste', fId: 'Identifiant', fName: 'Nom', fVersion: 'Version', fLangs: 'Langues (en, fr…)', fDescription: 'Description',
    rId: 'Id', rKind: 'Type', rText: 'Mots', rRole: 'Rôle', rClass: 'Classe', rOrder: 'Position par rapport au groupe', rCategory: 'Catégorie',
    rWeight: 'Poids (0 à 1)', rExceptions: 'Permis dans ces expressions (une par ligne)',
    kindTerm: 'un mot', kindPhrase: 'une expression', kindPattern: 'un motif (RE2 : mots en alternative)',
    roleFlag: 'masque un message à lui seul', roleTarget: 'nomme un groupe (cible)', rolePredicate: 'dit une chose haineuse d’un groupe (prédicat)', roleCue: 'mot de contexte (indice)',
    ruleForm: 'Ajouter ou modifier une règle', ruleAdd: 'Ajouter la règle', ruleUpdate: 'Modifier la règle', ruleCancel: 'Annuler', edit: 'Modifier', remove: 'Supprimer',
    none: '(aucune)', defaultOrder: '(celle de la classe)',
    sourceLabel: 'Source (YAML) : modifiez-la ici ou avec le formulaire', checkOk: 'La liste est valide.', line: 'ligne {line}',
    fixFirst: 'La source ne se lit pas : corrigez-la avant d’utiliser le formulaire.',
    testTitle: 'Tester sur des messages', postsLabel: 'Messages, un par ligne (une ligne peut être un message étiqueté en JSON : {"text": "…", "hateful": true})',
    jsonlLabel: 'Messages étiquetés (JSONL)…', jsonlLoaded: '{name} : {n} lignes', sensitivity: 'Sensibilité', runTest: 'Tester',
    verdict: 'Verdict', label: 'Étiquette', post: 'Message', why: 'Pourquoi', flagged: 'masqué', notFlagged: 'affiché', hateful: 'haineux', notHateful: 'non haineux',
    cancelled: 'annulé : ', summary: '{flagged} messages sur {n} seraient masqués.',
    metrics: 'Sur {n} messages étiquetés : précision {precision}, rappel {recall}, F1 {f1} ({tp} messages haineux masqués, {fn} manqués, {fp} masqués à tort).',
    publishTitle: 'Comparer et publier', runDiff: 'Comparer avec la version publiée',
    changedNone: 'Aucun message d’essai ne change de verdict.', changedTitle: '{n} messages d’essai sur {tested} changent de verdict :', nowFlagged: 'désormais masqué', nowShown: 'désormais affiché',
    bump: 'Publier comme version suivante', runPublish: 'Signer et publier',
    published: '{list} publiée en version {version}. Les lecteurs qui la suivent et approuvent votre clé ({fingerprint}) la reçoivent maintenant.',
    readersTitle: 'Vos listes publiées', refresh: 'Actualiser', list: 'Liste', version: 'Version', followers: 'Lecteurs abonnés', rollbackTo: 'Revenir à la version',
    rollback: 'Revenir', rolledBack: '{list} est revenue au contenu de la version {to}, en version {version}.', noLists: 'Aucune liste publiée.',
    noSecret: 'Cette page n’a pas le secret de la console : ouvrez l’adresse affichée par `voile console`.',
    err_stale_version: 'La version {version} de {list} n’est pas plus récente que la version publiée : cochez « Publier comme version suivante » (ou augmentez la version) et publiez à nouveau.',
    err_bad_signature: 'Le serveur a refusé la signature : cette console signe avec la clé d’empreinte {mine}, qui n’est pas celle enregistrée pour votre éditeur{registered_part}.',
    err_unauthorized: 'Le serveur ne connaît aucun éditeur avec ce jeton d’API : vérifiez le jeton donné par l’opérateur.',
    err_no_token: 'Pas de jeton d’API : saisissez celui que l’opérateur du serveur vous a donné.',
  },
};

let lang = localStorage.getItem('voile-console-lang') || (/^fr\b/i.test(navigator.language || '') ? 'fr' : 'en');

function t(key, params = {}) {
  let s = STRINGS[lang][key] ?? STRINGS.en[key] ?? key;
  for (const [k, v] of Object.entries(params)) s = s.split(`{${k}}`).join(String(v));
  return s;
}

const $ = id => document.getElementById(id);

function el(tag, attrs = {}, ...kids) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'text') e.textContent = v;
    else if (k === 'class') e.className = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  e.append(...kids);
  return e;
}

function show(node, on) { node.hidden = !on; }

// The session's secret: from the address's fragment the first time, then
// from this tab's session storage, so that a reload keeps working.
let secret = location.hash.slice(1);
if (secret) {
  sessionStorage.setItem('voile-console-secret', secret);
  history.replaceState(null, '', location.pathname);
} else {
  secret = sessionStorage.getItem('voile-console-secret') || '';
}

class ApiError extends Error {
  constructor(body) {
    super(body.error || 'error');
    this.code = body.code || '';
    this.params = body.params || {};
  }
}

async function api(name, body = {}) {
  const res = await fetch('/api/' + name, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Voile-Console': secret },
    body: JSON.stringify(body),
  });
  const data = await res.json().catch(() => ({ error: res.statusText }));
  if (!res.ok) throw new ApiError(data);
  return data;
}

// errText says what went wrong in the page's language when the console
// gave a code the page knows, else in the console's English words.
function errText(err) {
  const key = 'err_' + (err.code || '');
  if (err.code && STRINGS.en[key]) {
    const p = { ...err.params };
    p.registered_part = p.registered ? ` (${p.registered})` : '';
    return t(key, p);
  }
  return err.message;
}

function setError(node, err) {
  node.textContent = err ? errText(err) : '';
  show(node, !!err);
}

// ---- state -----------------------------------------------------------------

let session = null;
let current = null; // the list as last parsed, or null
let editing = -1; // the rule the form changes, or -1 to add one
let jsonl = '';

function applyLang() {
  document.documentElement.lang = lang;
  for (const n of document.querySelectorAll('[data-i18n]')) n.textContent = t(n.dataset.i18n);
  if (session?.file) $('save').textContent = t('save', { file: session.file });
  fillSelects();
  renderRules();
}

function fillSelects() {
  if (!session) return;
  const s = session.schema;
  const role = $('r-role').value;
  const keep = (sel, values, blank) => {
    const was = sel.value;
    sel.replaceChildren(...(blank ? [el('option', { value: '', text: blank })] : []), ...values.map(v => el('option', { value: v, text: v })));
    if ([...sel.options].some(o => o.value === was)) sel.value = was;
  };
  keep($('r-category'), s.categories, role === 'predicate' ? t('none') : '');
  keep($('r-class'), role === 'cue' ? s.cueClasses : s.predicateClasses);
  keep($('r-order'), s.orders, t('defaultOrder'));
  show($('r-class-label'), role === 'predicate' || role === 'cue');
  show($('r-order-label'), role === 'predicate');
  show($('r-category-label'), role !== 'cue');
}

// ---- identity and token -----------------------------------------------------

function renderSession(s) {
  session = s;
  $('fingerprint').textContent = s.fingerprint;
  $('server').textContent = s.server;
  $('pub-name').textContent = s.name || '–';
  $('pub-id').textContent = s.publisher || '';
  show($('token-form'), !s.hasToken);
  $('token-msg').textContent = s.hasToken ? (s.publisher ? t('tokenOk', { publisher: s.publisher }) : (s.statusProblem || '')) : t('tokenNeeded');
  const mismatch = $('key-mismatch');
  mismatch.textContent = s.keyMismatch ? t('keyMismatch', { mine: s.fingerprint, registered: s.keyMismatch }) : '';
  show(mismatch, !!s.keyMismatch);
  show($('save'), !!s.file);
  if (s.status) renderStatus(s.status);
  applyLang();
}

$('token-form').addEventListener('submit', async e => {
  e.preventDefault();
  try {
    const s = await api('token', { token: $('token').value });
    $('token').value = '';
    renderSession(s);
  } catch (err) {
    $('token-msg').textContent = errText(err);
  }
});

// ---- the source and the form --------------------------------------------------

let checkTimer = 0;
let checkSeq = 0;

function scheduleCheck() {
  clearTimeout(checkTimer);
  checkTimer = setTimeout(runCheck, 250);
}

async function runCheck() {
  const seq = ++checkSeq;
  try {
    const res = await api('check', { source: $('source').value });
    if (seq === checkSeq) renderCheck(res);
  } catch (err) {
    if (seq === checkSeq) renderCheck({ ok: false, error: errText(err), problems: [] });
  }
}

function renderCheck(res) {
  show($('check-ok'), res.ok);
  $('check-error').textContent = res.error || '';
  show($('check-error'), !!res.error);
  $('problems').replaceChildren(...res.problems.map(p => el('li', { class: 'problem' },
    p.line ? el('span', { class: 'line', text: t('line', { line: p.line }) + ' · ' }) : '',
    p.text)));
  if (res.list) {
    current = res.list;
    renderListFields();
    renderRules();
  } else {
    current = null;
  }
}

function renderListFields() {
  const l = current;
  const set = (id, v) => { if (document.activeElement !== $(id)) $(id).value = v ?? ''; };
  set('f-id', l.id);
  set('f-name', l.name);
  set('f-version', l.version || '');
  set('f-langs', (l.langs || []).join(', '));
  set('f-description', l.description);
}

function renderRules() {
  const body = $('rules-table').tBodies[0];
  if (!current) { body.replaceChildren(); return; }
  body.replaceChildren(...(current.rules || []).map((r, i) => el('tr', {},
    el('td', { text: r.id || '' }), el('td', { text: r.kind || '' }), el('td', { class: 'text', text: r.text || '' }),
    el('td', { text: r.role || '' }), el('td', { text: [r.class, r.order].filter(Boolean).join(' / ') }),
    el('td', { text: r.category || '' }), el('td', { text: r.weight ?? '' }),
    el('td', {},
      el('button', { type: 'button', class: 'edit', text: t('edit'), onclick: () => editRule(i) }), ' ',
      el('button', { type: 'button', class: 'remove', text: t('remove'), onclick: () => changeRules(rules => rules.splice(i, 1)) })))));
}

// reformat writes the form's list as the source, through the console.
async function reformat(list) {
  try {
    const res = await api('format', { list });
    $('source').value = res.source;
    renderCheck(res.check);
  } catch (err) {
    renderCheck({ ok: false, error: errText(err), problems: [] });
  }
}

function needList() {
  if (!current) {
    renderCheck({ ok: false, error: t('fixFirst'), problems: [] });
    return false;
  }
  return true;
}

for (const id of ['f-id', 'f-name', 'f-version', 'f-langs', 'f-description']) {
  $(id).addEventListener('change', () => {
    if (!needList()) return;
    const l = structuredClone(current);
    l.id = $('f-id').value.trim();
    l.name = $('f-name').value.trim();
    l.version = Number($('f-version').value) || 0;
    l.langs = $('f-langs').value.split(/[\s,]+/).filter(Boolean);
    l.description = $('f-description').value.trim();
    reformat(l);
  });
}

function ruleFromForm() {
  const role = $('r-role').value;
  const text = $('r-text').value.trim();
  let id = $('r-id').value.trim();
  if (!id) {
    const base = text.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'rule';
    const taken = new Set((current.rules || []).map(r => r.id));
    id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  }
  const r = { id, kind: $('r-kind').value, text };
  if (role) r.role = role;
  if (role === 'predicate' || role === 'cue') r.class = $('r-class').value;
  if (role === 'predicate' && $('r-order').value) r.order = $('r-order').value;
  if (role !== 'cue' && $('r-category').value) r.category = $('r-category').value;
  const w = Number($('r-weight').value);
  if ($('r-weight').value !== '' && !(role === 'cue' && w === 1)) r.weight = w;
  const ex = $('r-exceptions').value.split('\n').map(s => s.trim()).filter(Boolean);
  if (ex.length) r.exceptions = ex;
  return r;
}

function changeRules(f) {
  if (!needList()) return;
  const l = structuredClone(current);
  l.rules = l.rules || [];
  f(l.rules);
  reformat(l);
}

function editRule(i) {
  const r = current.rules[i];
  editing = i;
  $('r-kind').value = r.kind || 'term';
  $('r-text').value = r.text || '';
  $('r-role').value = r.role || '';
  fillSelects();
  $('r-class').value = r.class || '';
  $('r-order').value = r.order || '';
  $('r-category').value = r.category || '';
  $('r-weight').value = r.weight ?? '';
  $('r-id').value = r.id || '';
  $('r-exceptions').value = (r.exceptions || []).join('\n');
  show($('rule-add'), false);
  show($('rule-update'), true);
  show($('rule-cancel'), true);
  $('r-text').focus();
}

function resetRuleForm() {
  editing = -1;
  $('r-text').value = '';
  $('r-id').value = '';
  $('r-exceptions').value = '';
  show($('rule-add'), true);
  show($('rule-update'), false);
  show($('rule-cancel'), false);
}

$('r-role').addEventListener('change', fillSelects);
$('rule-add').addEventListener('click', () => {
  if (!needList()) return;
  const r = ruleFromForm();
  changeRules(rules => rules.push(r));
  resetRuleForm();
});
$('rule-update').addEventListener('click', () => {
  if (!needList() || editing < 0) return;
  const i = editing;
  const r = ruleFromForm();
  changeRules(rules => { rules[i] = r; });
  resetRuleForm();
});
$('rule-cancel').addEventListener('click', resetRuleForm);
$('source').addEventListener('input', scheduleCheck);

$('new-list').addEventListener('click', () => {
  const publisher = session?.publisher || 'my-ngo';
  $('source').value = `id: my-list\npublisher: ${publisher}\nversion: 1\nname: My list\nlangs: [en, fr]\nrules: []\n`;
  runCheck();
});

$('open-file').addEventListener('change', async e => {
  const f = e.target.files[0];
  if (!f) return;
  $('source').value = await f.text();
  $('file-msg').textContent = f.name;
  runCheck();
});

$('download').addEventListener('click', () => {
  const blob = new Blob([$('source').value], { type: 'application/yaml' });
  const a = el('a', { href: URL.createObjectURL(blob), download: (current?.id || 'list') + '.yaml' });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
});

$('save').addEventListener('click', async () => {
  try {
    const res = await api('save', { source: $('source').value });
    $('file-msg').textContent = t('saved', { file: res.saved });
  } catch (err) {
    $('file-msg').textContent = errText(err);
  }
});

// ---- tests --------------------------------------------------------------------

function samples() {
  return { posts: $('posts').value, jsonl, sensitivity: Number($('sensitivity').value) };
}

$('sensitivity').addEventListener('input', () => { $('sensitivity-out').textContent = $('sensitivity').value; });

$('jsonl-file').addEventListener('change', async e => {
  const f = e.target.files[0];
  jsonl = f ? await f.text() : '';
  $('jsonl-msg').textContent = f ? t('jsonlLoaded', { name: f.name, n: jsonl.split('\n').filter(s => s.trim()).length }) : '';
});

const pct = x => (100 * x).toFixed(1) + ' %';

$('run-test').addEventListener('click', async () => {
  setError($('test-error'), null);
  try {
    const res = await api('test', { source: $('source').value, ...samples() });
    const m = res.metrics;
    $('metrics').textContent = t('summary', { flagged: res.flagged, n: res.posts.length }) +
      (m ? ' ' + t('metrics', { n: m.n, precision: pct(m.precision), recall: pct(m.recall), f1: m.f1.toFixed(3), tp: m.tp, fn: m.fn, fp: m.fp }) : '');
    show($('metrics'), true);
    $('results').tBodies[0].replaceChildren(...res.posts.map(p => el('tr', { class: p.flagged ? 'flagged' : 'clean' },
      el('td', { class: 'verdict', text: p.flagged ? `${t('flagged')} (${p.category})` : t('notFlagged') }),
      el('td', { class: p.label === undefined ? '' : (p.label === p.flagged ? 'right' : 'wrong'), text: p.label === undefined ? '' : t(p.label ? 'hateful' : 'notHateful') }),
      el('td', { class: 'post' }, ...p.segments.map(s => s.m ? el('mark', { class: s.m, text: s.t }) : s.t)),
      el('td', { class: 'why' }, ...p.why.map(w => el('div', { text: w })), ...p.context.map(w => el('div', { class: 'cancelled', text: t('cancelled') + w }))))));
    show($('results'), true);
  } catch (err) {
    setError($('test-error'), err);
  }
});

// ---- compare, publish, roll back ------------------------------------------------

$('run-diff').addEventListener('click', async () => {
  setError($('publish-error'), null);
  try {
    const res = await api('diff', { source: $('source').value, ...samples() });
    $('diff').textContent = res.diff;
    show($('diff'), true);
    const box = $('changed');
    if (!res.published) {
      box.replaceChildren();
    } else if (!res.changed.length) {
      box.replaceChildren(el('p', { text: t('changedNone') }));
    } else {
      box.replaceChildren(el('p', { text: t('changedTitle', { n: res.changed.length, tested: res.tested }) }),
        el('ul', {}, ...res.changed.map(c => el('li', { class: c.flagged ? 'flagged' : 'clean' },
          el('strong', { text: t(c.flagged ? 'nowFlagged' : 'nowShown') }), ' ',
          c.label === undefined ? '' : `(${t(c.label ? 'hateful' : 'notHateful')}) `, c.text))));
    }
    show(box, true);
  } catch (err) {
    setError($('publish-error'), err);
  }
});

$('run-publish').addEventListener('click', async () => {
  setError($('publish-error'), null);
  $('publish-msg').textContent = '';
  try {
    const res = await api('publish', { source: $('source').value, bump: $('bump').checked });
    if (res.source !== $('source').value) {
      $('source').value = res.source;
      runCheck();
    }
    $('publish-msg').textContent = t('published', { list: `${res.publisher}/${res.list}`, version: res.version, fingerprint: res.fingerprint }) +
      (res.saved ? ' ' + t('saved', { file: res.saved }) : '');
    refreshStatus();
  } catch (err) {
    setError($('publish-error'), err);
  }
});

function renderStatus(st) {
  const rows = (st.lists || []).map(l => {
    const input = el('input', { type: 'number', min: '1', max: String(Math.max(1, l.latest - 1)), class: 'rollback-to' });
    return el('tr', { 'data-list': l.list },
      el('td', {}, el('strong', { text: l.list }), ' ', l.name || ''),
      el('td', { text: String(l.latest) }),
      el('td', { class: 'followers', text: String(l.subscribers) }),
      el('td', {}, input, ' ', el('button', {
        type: 'button', class: 'rollback', text: t('rollback'), onclick: async () => {
          try {
            const res = await api('rollback', { list: `${st.publisher.id}/${l.list}`, to: Number(input.value) });
            $('status-msg').textContent = t('rolledBack', { list: `${res.publisher}/${res.list}`, to: res.rollback_of, version: res.version });
            refreshStatus();
          } catch (err) {
            $('status-msg').textContent = errText(err);
          }
        },
      })));
  });
  $('status-table').tBodies[0].replaceChildren(...rows);
  if (!rows.length) $('status-msg').textContent = t('noLists');
}

async function refreshStatus() {
  try {
    renderStatus(await api('status'));
  } catch (err) {
    $('status-msg').textContent = errText(err);
  }
}
$('refresh-status').addEventListener('click', refreshStatus);

for (const l of ['en', 'fr']) {
  $('lang-' + l).addEventListener('click', () => {
    lang = l;
    localStorage.setItem('voile-console-lang', l);
    applyLang();
  });
}

// ---- start ------------------------------------------------------------------

async function start() {
  applyLang();
  if (!secret) {
    $('fatal').textContent = t('noSecret');
    show($('fatal'), true);
    return;
  }
  try {
    const s = await api('session');
    renderSession(s);
    if (s.source) $('source').value = s.source;
    if ($('source').value) runCheck();
  } catch (err) {
    $('fatal').textContent = errText(err);
    show($('fatal'), true);
  }
}

start();
