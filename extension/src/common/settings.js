// The reader's settings and corrections, as kept in extension storage
// (storage.local only: nothing here is synced to a browser account), and
// the classifier options derived from them. Everything read from storage
// goes through normalize*, so a damaged or older value cannot break a page.

import { CATEGORIES } from './categories.js';

export { CATEGORIES };

export const DEFAULT_SERVER = 'ws://127.0.0.1:8787/v1/sync';

/** Storage keys. */
export const Keys = Object.freeze({
  settings: 'settings',
  allow: 'allow', // {rules: ["publisher/list/rule"], posts: [fingerprint]}
  stats: 'stats', // {flagged, categories: {cat: n}, since}
  lists: 'lists', // {"publisher/list": {bundle: base64, version, ...}}
  publishers: 'publishers', // {publisher: {key, name, trusted, pinnedAt}}
  catalog: 'catalog', // last catalog from the server
  sync: 'syncStatus', // {state, message, at}
  adapters: 'adapters', // last verified adapter document
});

export const DEFAULT_SETTINGS = Object.freeze({
  enabled: true,
  sensitivity: 0.5,
  categories: Object.freeze(Object.fromEntries(CATEGORIES.map(c => [c, true]))),
  // Per-site switch, by site key (host without "www."): false turns it off.
  sites: Object.freeze({}),
  server: DEFAULT_SERVER,
  // 'auto' follows the browser; else one of i18n LANGUAGES.
  language: 'auto',
  // Lists followed, as "publisher/list"; empty follows every list.
  follow: Object.freeze([]),
  // Lists the reader turned off, as "publisher/list".
  disabledLists: Object.freeze([]),
  // Opt-in to prepare reports for publishers; off by default.
  reportOptIn: false,
});

const MAX_ALLOW = 20000;
const FINGERPRINT = /^[0-9a-f]{16}$/;
// A rule the reader turned off: "publisher/list/rule". Corrections stored
// before lists were named by publisher are "list/rule" (OLD_RULE_REF):
// they are kept in storage until migrateAllow names their publisher, and
// never sent to the classifier, which would not know whose list they mean.
const RULE_REF = /^[^/\s]{1,128}\/[^/\s]{1,128}\/[^/\s]{1,128}$/;
const OLD_RULE_REF = /^[^/\s]{1,128}\/[^/\s]{1,128}$/;
const STORED_RULE_REF = { test: r => RULE_REF.test(r) || OLD_RULE_REF.test(r) };
const LIST_REF = /^[^/\s]{1,128}\/[^/\s]{1,128}$/;

/** Settings with every field present and of the right type. */
export function normalizeSettings(raw) {
  const s = raw && typeof raw === 'object' ? raw : {};
  const d = DEFAULT_SETTINGS;
  const categories = {};
  for (const c of CATEGORIES) {
    categories[c] = typeof s.categories?.[c] === 'boolean' ? s.categories[c] : true;
  }
  const sites = {};
  if (s.sites && typeof s.sites === 'object') {
    for (const [k, v] of Object.entries(s.sites)) if (typeof v === 'boolean' && k.length <= 253) sites[k] = v;
  }
  const sens = Number(s.sensitivity);
  let server = d.server;
  try { if (s.server !== undefined) server = normalizeServerUrl(s.server); } catch { /* keep default */ }
  const refs = (a, re) => (Array.isArray(a) ? [...new Set(a.filter(x => typeof x === 'string' && re.test(x)))] : []);
  return {
    enabled: typeof s.enabled === 'boolean' ? s.enabled : d.enabled,
    sensitivity: Number.isFinite(sens) ? Math.min(1, Math.max(0, sens)) : d.sensitivity,
    categories,
    sites,
    server,
    language: ['auto', 'en', 'fr'].includes(s.language) ? s.language : 'auto',
    follow: refs(s.follow, LIST_REF),
    disabledLists: refs(s.disabledLists, LIST_REF),
    reportOptIn: s.reportOptIn === true,
  };
}

/** Corrections with valid, distinct entries only, newest kept when too many. */
export function normalizeAllow(raw) {
  const a = raw && typeof raw === 'object' ? raw : {};
  const keep = (arr, re) => {
    const v = Array.isArray(arr) ? [...new Set(arr.filter(x => typeof x === 'string' && re.test(x)))] : [];
    return v.length > MAX_ALLOW ? v.slice(v.length - MAX_ALLOW) : v;
  };
  return { rules: keep(a.rules, STORED_RULE_REF), posts: keep(a.posts, FINGERPRINT) };
}

/**
 * Corrections with every "list/rule" entry of an older version named by
 * its publisher: it becomes "publisher/list/rule" for each stored list
 * (listRefs, "publisher/list") of that id. Before lists were named by
 * publisher, only one list of an id could be loaded, so there is one in
 * all but odd cases; where there are several, the entry turns the rule
 * off in each, as it did. An entry of a list no longer stored is dropped:
 * it turned nothing off, and whose it was cannot be told.
 */
export function migrateAllow(allow, listRefs) {
  const a = normalizeAllow(allow);
  const rules = [];
  for (const r of a.rules) {
    if (RULE_REF.test(r)) {
      rules.push(r);
      continue;
    }
    const [list, rule] = r.split('/');
    for (const ref of listRefs || []) {
      const [publisher, id] = String(ref).split('/');
      if (id === list && publisher) rules.push(`${publisher}/${list}/${rule}`);
    }
  }
  return normalizeAllow({ rules, posts: a.posts });
}

/** Whether corrections hold entries that migrateAllow would rewrite. */
export function needsMigration(allow) {
  return normalizeAllow(allow).rules.some(r => !RULE_REF.test(r));
}

/** Applies one correction from a page: {post}, {unpost} or {rules}. */
export function applyCorrection(allow, change) {
  const a = normalizeAllow(allow);
  if (change.post && FINGERPRINT.test(change.post) && !a.posts.includes(change.post)) a.posts.push(change.post);
  if (change.unpost) a.posts = a.posts.filter(p => p !== change.unpost);
  if (Array.isArray(change.rules)) {
    for (const r of change.rules) if (RULE_REF.test(r) && !a.rules.includes(r)) a.rules.push(r);
  }
  if (Array.isArray(change.unrules)) a.rules = a.rules.filter(r => !change.unrules.includes(r));
  return normalizeAllow(a);
}

/** The key a site's switch is stored under: its host without "www.". */
export function siteKey(hostname) {
  return String(hostname || '').toLowerCase().replace(/\.$/, '').replace(/^www\./, '');
}

/** Whether Voile guards pages of this host. */
export function siteEnabled(settings, hostname) {
  if (!settings.enabled) return false;
  return settings.sites[siteKey(hostname)] !== false;
}

/** The options object of voile.classify for these settings. */
export function classifyOptions(settings, allow) {
  const a = normalizeAllow(allow);
  return {
    sensitivity: settings.sensitivity,
    categories: CATEGORIES.filter(c => settings.categories[c]),
    allow: { rules: a.rules.filter(r => RULE_REF.test(r)), posts: a.posts },
  };
}

/**
 * Checks a sync server setting: one address, or several sync nodes of one
 * service separated by spaces or commas. Returns them normalised, joined
 * by a space; throws an Error saying what is wrong.
 */
export function normalizeServerUrl(text) {
  const urls = String(text).split(/[\s,]+/).filter(Boolean);
  if (urls.length === 0) throw new Error('no server address');
  return urls.map(normalizeOneServerUrl).join(' ');
}

/** Checks one sync server address: ws: or wss:, a host, no credentials. */
function normalizeOneServerUrl(text) {
  let u;
  try {
    u = new URL(String(text).trim());
  } catch {
    throw new Error(`server address ${JSON.stringify(String(text))} is not a URL`);
  }
  if (u.protocol !== 'ws:' && u.protocol !== 'wss:') {
    throw new Error(`server address ${u.href} must use ws: or wss:, not ${u.protocol}`);
  }
  if (u.username || u.password) throw new Error('server address must not hold a user name or password');
  if (!u.hostname) throw new Error(`server address ${u.href} has no host`);
  if (u.pathname === '/' || u.pathname === '') u.pathname = '/v1/sync';
  u.hash = '';
  return u.href;
}

/**
 * The host permission pattern for a sync server. Firefox matches ws: and
 * wss: URLs; Chromium's patterns know only http(s), which cover the
 * WebSocket handshake of the same host.
 */
export function serverOriginPattern(serverUrl, browser = 'chromium') {
  const u = new URL(serverUrl);
  const secure = u.protocol === 'wss:';
  const scheme = browser === 'firefox' ? (secure ? 'wss' : 'ws') : (secure ? 'https' : 'http');
  return `${scheme}://${u.hostname}/*`;
}

/** The host permission patterns of every address of a server setting. */
export function serverOriginPatterns(serverSetting, browser = 'chromium') {
  return [...new Set(String(serverSetting).split(/[\s,]+/).filter(Boolean).map(u => serverOriginPattern(u, browser)))];
}

/** Stats after adding flagged posts of the given categories. */
export function addStats(stats, categories) {
  const s = {
    flagged: Number.isSafeInteger(stats?.flagged) ? stats.flagged : 0,
    categories: { ...(stats?.categories || {}) },
    since: stats?.since || Date.now(),
  };
  for (const c of categories) {
    if (!CATEGORIES.includes(c)) continue;
    s.flagged++;
    s.categories[c] = (Number.isSafeInteger(s.categories[c]) ? s.categories[c] : 0) + 1;
  }
  return s;
}
