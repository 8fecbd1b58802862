// The options page: lists and their publishers (with key pinning), the sync
// server, the interface language, sites, the reader's corrections, the
// opt-in report for publishers, and the counts.
import { Keys, CATEGORIES, normalizeSettings, normalizeAllow, normalizeServerUrl, serverOriginPatterns } from '../common/settings.js';
import { pageTranslator, applyStrings, pageLanguage } from '../common/page-strings.js';
import { api, ask } from '../common/browser.js';
import { Request } from '../common/protocol.js';
import { formatDateTime } from '../common/i18n.js';
import { keyFingerprint, prepareReport } from '../common/publishers.js';

const $ = id => document.getElementById(id);
const el = (tag, props = {}, ...children) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'text') e.textContent = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  e.append(...children);
  return e;
};

let settings = normalizeSettings((await api.storage.local.get(Keys.settings))[Keys.settings]);
let t = await pageTranslator(api, settings.language);
let status = null;
let confirming = null; // the publisher whose Trust awaits confirmation

async function saveSettings(change) {
  settings = normalizeSettings({ ...settings, ...change });
  await api.storage.local.set({ [Keys.settings]: settings });
  $('saved').textContent = t('optSaved');
}

async function refresh() {
  status = await ask(Request.status);
  settings = status.settings;
  render();
}

function render() {
  applyStrings(document, t, settings.language);
  renderLists();
  renderPublishers();
  renderServer();
  $('language').value = settings.language;
  renderSites();
  renderCorrections();
  $('report-opt-in').checked = settings.reportOptIn;
  $('report-block').hidden = !settings.reportOptIn;
  renderStats();
}

function renderLists() {
  const rows = new Map();
  const loaded = new Map(status.loaded.map(l => [`${l.publisher}/${l.id}`, l]));
  for (const e of status.catalog?.lists || []) rows.set(`${e.publisher}/${e.list}`, { ref: `${e.publisher}/${e.list}`, name: e.name || e.list, publisher: e.publisher, version: e.version, demo: e.demo });
  for (const [ref, l] of Object.entries(status.lists)) rows.set(ref, { ...(rows.get(ref) || { name: l.id }), ref, publisher: l.publisher, version: l.version, rules: l.rules });
  for (const [ref, l] of loaded) rows.set(ref, { ...(rows.get(ref) || {}), ref, name: l.name || l.id, publisher: l.publisher, version: l.version, rules: l.rules, demo: l.demo });
  const body = $('lists').querySelector('tbody');
  body.replaceChildren();
  $('lists').hidden = rows.size === 0;
  $('lists-none').hidden = rows.size > 0;
  for (const r of rows.values()) {
    const pub = status.publishers[r.publisher];
    const off = settings.disabledLists.includes(r.ref);
    const refused = status.sync.refused?.[r.ref];
    let state;
    if (!pub?.trusted) state = t('optListState_untrusted');
    else if (refused) state = t('optListState_invalid', [refused.message]);
    else if (loaded.has(r.ref)) state = t('optListState_active');
    else state = '';
    const box = el('input', { type: 'checkbox', 'aria-label': `${t('optListFollow')} ${r.name}` });
    box.checked = !off;
    box.disabled = !pub?.trusted;
    box.addEventListener('change', () => saveSettings({
      disabledLists: box.checked ? settings.disabledLists.filter(x => x !== r.ref) : [...settings.disabledLists, r.ref],
    }).then(refresh));
    const name = el('td', {}, r.name || r.ref);
    if (r.demo) name.append(el('span', { class: 'badge', text: t('optListDemo') }));
    body.append(el('tr', {}, el('td', {}, box), name, el('td', { text: pub?.name || r.publisher }),
      el('td', { text: String(loaded.get(r.ref)?.version ?? r.version ?? '') }), el('td', { text: String(loaded.get(r.ref)?.rules ?? r.rules ?? '') }),
      el('td', { class: 'state', text: state })));
  }
}

async function renderPublishers() {
  // Fingerprints first, then one replaceChildren: two refreshes in flight
  // must not interleave their items.
  const entries = Object.entries(status.publishers);
  const fps = await Promise.all(entries.map(([, p]) => (p.key ? keyFingerprint(p.key) : '')));
  const items = [];
  for (const [i, [id, p]] of entries.entries()) {
    const fp = fps[i];
    const li = el('li', {}, el('strong', { text: p.name ? `${p.name} (${id})` : id }), ' ');
    let state = p.trusted ? (p.builtIn ? t('optPublisherBuiltIn') : t('optPublisherTrusted')) : t('optPublisherUntrusted');
    if (p.keyChanged && p.trusted) state = t('optPublisherKeyChanged');
    li.append(el('span', { class: p.keyChanged && p.trusted ? 'state warn' : 'state', text: state }), el('br'),
      el('span', { class: 'note', text: t('labelValue', [t('optPublisherKey'), '']) }), el('span', { class: 'fp', text: fp }));
    if (!p.trusted && p.key) {
      // Trust asks again in the page, with the fingerprint to check against
      // the one the publisher gives (voile fingerprint KEY.pub).
      const box = el('div', { class: 'confirm', role: 'alertdialog', 'aria-label': t('optTrust'), 'data-publisher': id },
        el('p', { text: t('optTrustConfirm', [p.name || id, fp]) }),
        el('button', {
          type: 'button', class: 'trust-yes', text: t('optTrustYes'),
          onclick: async () => {
            confirming = null;
            await ask(Request.trust, { publisher: id, key: p.key });
            await refresh();
          },
        }), ' ',
        el('button', { type: 'button', class: 'trust-cancel', text: t('optTrustCancel'), onclick: () => { confirming = null; box.hidden = true; trust.focus(); } }));
      box.hidden = confirming !== id; // open across a refresh
      const trust = el('button', {
        type: 'button', class: 'trust', 'data-publisher': id, text: t('optTrust'),
        onclick: () => { confirming = id; box.hidden = false; box.querySelector('.trust-cancel').focus(); },
      });
      li.append(' ', trust, box);
    } else if (p.trusted && !p.builtIn) {
      li.append(' ', el('button', { type: 'button', text: t('optUntrust'), onclick: async () => { await ask(Request.untrust, { publisher: id }); await refresh(); } }));
    }
    items.push(li);
  }
  $('publishers').replaceChildren(...items);
}

function renderServer() {
  if (document.activeElement !== $('server')) $('server').value = settings.server;
  const s = status.sync;
  const state = s.state === 'synced' ? 'connected' : s.state || 'connecting';
  $('sync-state').textContent = state === 'error' ? t('optSync_error', [s.message || '']) : t('optSync_' + state) || state;
  $('sync-last').textContent = s.lastUpdate ? t('optSyncLast', [formatDateTime(s.lastUpdate, pageLanguage(api, settings.language))]) : '';
}

async function renderSites() {
  const { origins = [] } = await api.permissions.getAll();
  $('all-sites').checked = origins.includes('*://*/*') || origins.includes('<all_urls>');
  const off = Object.entries(settings.sites).filter(([, on]) => on === false).map(([site]) => site);
  $('sites-off-block').hidden = off.length === 0;
  $('sites-off').replaceChildren(...off.map(site => el('li', {}, site, ' ', el('button', {
    type: 'button', text: t('optSitesTurnOn'),
    onclick: () => { const sites = { ...settings.sites }; delete sites[site]; saveSettings({ sites }).then(refresh); },
  }))));
}

function renderCorrections() {
  const allow = normalizeAllow(status.allow);
  $('corrections-posts').textContent = t('optCorrectionsPosts', [String(allow.posts.length)]);
  $('rules-off-block').hidden = allow.rules.length === 0;
  $('rules-off').replaceChildren(...allow.rules.map(r => el('li', {}, el('span', { class: 'fp', text: r }), ' ', el('button', {
    type: 'button', text: t('optCorrectionsRestore'),
    onclick: async () => { await ask(Request.correction, { change: { unrules: [r] } }); await refresh(); },
  }))));
}

function renderStats() {
  const s = status.stats;
  $('stats').replaceChildren(el('li', { text: t('labelValue', [t('popupCountTotal'), String(s.flagged || 0)]) }),
    ...CATEGORIES.filter(c => s.categories?.[c]).map(c => el('li', { text: t('labelValue', [t('cat_' + c), String(s.categories[c])]) })));
}

$('server-form').addEventListener('submit', async e => {
  e.preventDefault();
  $('server-error').hidden = true;
  let url;
  try {
    url = normalizeServerUrl($('server').value);
  } catch {
    $('server-error').textContent = t('optServerBad');
    $('server-error').hidden = false;
    return;
  }
  // Reaching another server needs the reader's leave.
  const granted = await api.permissions.request({ origins: serverOriginPatterns(url, status.browser) });
  if (!granted) {
    $('server-error').textContent = t('optServerDenied');
    $('server-error').hidden = false;
    return;
  }
  await saveSettings({ server: url });
  await refresh();
});
$('sync-now').addEventListener('click', async () => { await ask(Request.syncNow); setTimeout(refresh, 500); });
$('language').addEventListener('change', async e => {
  await saveSettings({ language: e.target.value });
  t = await pageTranslator(api, settings.language);
  render();
});
$('all-sites').addEventListener('change', async e => {
  const origins = ['*://*/*'];
  if (e.target.checked) {
    if (!(await api.permissions.request({ origins }))) e.target.checked = false;
  } else {
    await api.permissions.remove({ origins });
  }
  await ask(Request.userSites);
});
$('corrections-clear').addEventListener('click', async () => {
  await api.storage.local.set({ [Keys.allow]: normalizeAllow({}) });
  await refresh();
});
$('report-opt-in').addEventListener('change', e => saveSettings({ reportOptIn: e.target.checked }).then(render));
$('report-prepare').addEventListener('click', () => {
  const area = $('report');
  area.value = JSON.stringify(prepareReport(normalizeAllow(status.allow), status.loaded), null, 2);
  area.hidden = false;
  area.select();
});
$('stats-reset').addEventListener('click', async () => { await ask(Request.resetStats); await refresh(); });

api.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && (changes[Keys.sync] || changes[Keys.lists] || changes[Keys.catalog] || changes[Keys.publishers])) refresh();
});

await refresh();
