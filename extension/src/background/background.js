// The background: Chromium's service worker, or Firefox's background page.
// It owns extension storage (settings, corrections, counts, verified list
// bundles, pinned publisher keys), starts the classifier host (an offscreen
// document in Chromium, a worker of this page in Firefox), registers the
// content script on the sites the reader turned on, and answers the popup
// and the options page. Pages talk to the classifier host directly, not
// through here, so a page load does not wake the service worker.

import {
  Keys, normalizeSettings, normalizeAllow, applyCorrection, addStats, serverOriginPatterns,
  migrateAllow, needsMigration,
} from '../common/settings.js';
import { Target, Request, HostOp, HostEvent, allowedSender } from '../common/protocol.js';
import { api, isChromium } from '../common/browser.js';
import { hostsToMatches, userSiteMatches } from '../common/sites.js';
import { openAdapterUpdate } from '../common/adapter-updates.js';
import { forgetAdaptersOf } from '../common/adapters.js';

const browserName = isChromium ? 'chromium' : 'firefox';
const OFFSCREEN_URL = 'host/offscreen.html';
const USER_SITES_SCRIPT = 'voile-user-sites';

// ---- storage -------------------------------------------------------------------

async function get(keys) {
  return api.storage.local.get(keys);
}

async function set(items) {
  return api.storage.local.set(items);
}

// One read-modify-write at a time: corrections and counts from several
// tabs must not overwrite each other.
let chain = Promise.resolve();
function update(key, fn) {
  const run = chain.then(async () => {
    const stored = (await get(key))[key];
    const next = fn(stored);
    await set({ [key]: next });
    return next;
  });
  chain = run.catch(() => {});
  return run;
}

let builtinKeys = null;
async function trustedAtBuild() {
  if (!builtinKeys) {
    try {
      const res = await fetch(new URL('../trust.json', import.meta.url));
      builtinKeys = res.ok ? await res.json() : {};
    } catch {
      builtinKeys = {};
    }
  }
  return builtinKeys;
}

// The keys whose adapter updates this build accepts: the project's own,
// shipped in the build, apart from every list publisher's.
let adapterKeys = null;
async function adapterKeysAtBuild() {
  if (!adapterKeys) {
    try {
      const res = await fetch(new URL('../adapter-keys.json', import.meta.url));
      adapterKeys = res.ok ? await res.json() : {};
    } catch {
      adapterKeys = {};
    }
  }
  return adapterKeys;
}

/** Every trusted key: those the build ships, then those the reader pinned. */
async function trustedKeys() {
  const keys = { ...(await trustedAtBuild()) };
  const { [Keys.publishers]: pubs = {} } = await get(Keys.publishers);
  for (const [publisher, p] of Object.entries(pubs)) {
    if (p && p.trusted && typeof p.key === 'string' && !keys[publisher]) keys[publisher] = p.key;
  }
  return keys;
}

async function hostState() {
  const stored = await get([Keys.settings, Keys.lists]);
  const settings = normalizeSettings(stored[Keys.settings]);
  const keys = await trustedKeys();
  const bundles = Object.entries(stored[Keys.lists] || {})
    .filter(([ref, l]) => l && typeof l.bundle === 'string' && !settings.disabledLists.includes(ref) && keys[l.publisher])
    .map(([, l]) => l.bundle);
  return { keys, bundles, config: hostConfig(settings) };
}

function hostConfig(settings) {
  return { server: settings.server, follow: settings.follow, disabledLists: settings.disabledLists };
}

// ---- the classifier host ---------------------------------------------------

let hostReady = null; // resolves once the host has started
let readyWaiters = [];

function hostStarted(started) {
  for (const w of readyWaiters) w(started);
  readyWaiters = [];
}

// Chromium: an offscreen document holds the worker.
async function ensureOffscreen() {
  const contexts = await api.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] });
  if (contexts.length > 0) {
    const alive = await callOffscreen(HostOp.ping).then(() => true, () => false);
    if (alive) return;
  }
  const ready = new Promise(resolve => readyWaiters.push(resolve));
  if (contexts.length === 0) {
    try {
      await api.offscreen.createDocument({
        url: OFFSCREEN_URL,
        reasons: ['WORKERS'],
        justification: 'Runs the hate speech classifier (WebAssembly) in a worker, kept warm between page loads.',
      });
    } catch (err) {
      // Another call created it meanwhile.
      if (!/single offscreen/i.test(err.message)) throw err;
    }
  }
  await ready;
}

async function callOffscreen(op, args = {}) {
  const answer = await api.runtime.sendMessage({ target: Target.host, type: op, args });
  if (!answer) throw new Error(`classifier host did not answer ${op}`);
  if (answer.error !== undefined) throw new Error(answer.error);
  return answer.result;
}

// Firefox: this page holds the worker.
let relay = null;
async function startWorkerHere() {
  const { Relay } = await import('../host/relay.js');
  const worker = new Worker(new URL('../host/worker.js', import.meta.url), { type: 'module' });
  relay = new Relay({ runtime: api.runtime, worker, toBackground: onHostEvent });
  const started = await relay.call(HostOp.init, await hostState());
  await recordStart(started);
}

// Chromium may close the offscreen document (or a test does): each call
// checks that it is there, sharing one check among concurrent callers.
// Firefox's worker lives as long as this page.
function ensureHost() {
  if (!hostReady) {
    hostReady = (isChromium ? ensureOffscreen() : startWorkerHere()).then(
      () => { if (isChromium) hostReady = null; },
      err => { hostReady = null; throw err; },
    );
  }
  return hostReady;
}

async function callHost(op, args = {}) {
  await ensureHost();
  return isChromium ? callOffscreen(op, args) : relay.call(op, args);
}

async function restartHost() {
  if (isChromium) {
    try { await api.offscreen.closeDocument(); } catch { /* none open */ }
  } else if (relay) {
    relay.worker.terminate();
    relay = null;
  }
  hostReady = null;
  await ensureHost();
}

async function recordStart(started) {
  if (started?.refused?.length) {
    await update(Keys.sync, s => ({ ...(s || {}), startRefused: started.refused, at: Date.now() }));
  }
}

// Events from the host: lists it verified, what the server said.
async function onHostEvent(e) {
  switch (e.type) {
    case HostEvent.storeBundle:
      await update(Keys.lists, lists => {
        const all = { ...(lists || {}) };
        const old = all[e.ref];
        if (old && old.version >= e.version) return all;
        all[e.ref] = { bundle: e.bundle, version: e.version, id: e.info.id, publisher: e.info.publisher, rules: e.info.rules, storedAt: Date.now() };
        return all;
      });
      await update(Keys.sync, s => {
        const next = { ...(s || {}), lastUpdate: Date.now() };
        if (next.refused) delete next.refused[e.ref];
        return next;
      });
      break;
    case HostEvent.catalog:
      await set({ [Keys.catalog]: { lists: e.lists, at: Date.now() } });
      break;
    case HostEvent.syncStatus:
      await update(Keys.sync, s => ({ ...(s || {}), state: e.state, message: e.message, at: e.at, ...(e.state === 'synced' ? { lastSynced: e.at } : {}) }));
      break;
    case HostEvent.listRefused:
      await update(Keys.sync, s => ({ ...(s || {}), refused: { ...(s?.refused || {}), [e.ref]: { version: e.version, message: e.message, at: Date.now() } } }));
      break;
    case HostEvent.keyChanged:
      await update(Keys.publishers, pubs => {
        const all = { ...(pubs || {}) };
        all[e.publisher] = { ...(all[e.publisher] || {}), keyChanged: e.key };
        return all;
      });
      break;
    case HostEvent.adapters:
      await acceptAdapters(e.signed).catch(err => update(Keys.sync, st => ({ ...(st || {}), problem: err.message, at: Date.now() })));
      break;
    case HostEvent.problem:
      console.warn('Voile classifier host:', e.message);
      await update(Keys.sync, s => ({ ...(s || {}), problem: e.message, at: Date.now() }));
      break;
    default:
      break;
  }
}

// A verified adapter update, signed with an adapter key of this build and
// made for its built-in adapters, replaces an older one. An update stored
// by an older build counts for nothing. Selectors are checked again by each
// page, which has a DOM to parse them.
async function acceptAdapters(signed) {
  const builtin = await (await fetch(new URL('../adapters/builtin.json', import.meta.url))).json();
  const doc = await openAdapterUpdate(signed, await adapterKeysAtBuild(), () => true, builtin);
  await update(Keys.adapters, current => {
    const mine = current?.base === builtin.version ? current : null;
    return doc.version > (mine?.version ?? builtin.version) ? doc : mine;
  });
}

// ---- what the popup and the options page ask ---------------------------------

async function status() {
  const stored = await get([Keys.lists, Keys.publishers, Keys.catalog, Keys.sync, Keys.stats, Keys.settings, Keys.allow]);
  let loaded = [];
  let hostError = '';
  try {
    loaded = await callHost(HostOp.lists);
  } catch (err) {
    hostError = err.message;
  }
  const build = await trustedAtBuild();
  const publishers = {};
  for (const [id, key] of Object.entries(build)) publishers[id] = { key, trusted: true, builtIn: true };
  for (const [id, p] of Object.entries(stored[Keys.publishers] || {})) {
    publishers[id] = { ...p, ...(publishers[id] || {}) };
  }
  for (const e of stored[Keys.catalog]?.lists || []) {
    const p = publishers[e.publisher] ||= { key: e.public_key, trusted: false };
    p.name ||= e.publisher_name;
    if (p.trusted && p.key !== e.public_key) p.keyChanged = e.public_key;
    if (!p.trusted) p.key = e.public_key;
  }
  const lists = Object.fromEntries(Object.entries(stored[Keys.lists] || {}).map(([ref, l]) => [ref, { ...l, bundle: undefined }]));
  return {
    loaded, hostError, publishers, lists,
    catalog: stored[Keys.catalog] || null,
    sync: stored[Keys.sync] || {},
    stats: stored[Keys.stats] || { flagged: 0, categories: {} },
    settings: normalizeSettings(stored[Keys.settings]),
    allow: normalizeAllow(stored[Keys.allow]),
    browser: browserName,
  };
}

// The host decides: it holds every trusted key (the build's and the
// reader's) and refuses another key for a pinned publisher. Only a key it
// took is stored.
async function trustPublisher(publisher, key) {
  await callHost(HostOp.trust, { publisher, key });
  await update(Keys.publishers, pubs => {
    const all = { ...(pubs || {}) };
    all[publisher] = { ...(all[publisher] || {}), key, trusted: true, pinnedAt: Date.now(), keyChanged: undefined };
    return all;
  });
}

async function untrustPublisher(publisher) {
  const build = await trustedAtBuild();
  if (build[publisher]) throw new Error(`publisher ${publisher} is built in and stays trusted`);
  await update(Keys.publishers, pubs => {
    const all = { ...(pubs || {}) };
    delete all[publisher];
    return all;
  });
  await update(Keys.lists, lists => Object.fromEntries(Object.entries(lists || {}).filter(([, l]) => l.publisher !== publisher)));
  // And the adapter update it signed, if any: pages go back to the built-in adapters.
  await update(Keys.adapters, a => forgetAdaptersOf(a, publisher) ?? null);
  // The wasm has no way to forget a key: a new host starts without it.
  await restartHost();
}

// ---- sites -------------------------------------------------------------------

let manifestMatches = null;
async function builtInMatches() {
  if (!manifestMatches) {
    const doc = await (await fetch(new URL('../adapters/builtin.json', import.meta.url))).json();
    manifestMatches = hostsToMatches(doc.adapters.flatMap(a => a.hosts));
  }
  return manifestMatches;
}

/** Registers the content script on the sites the reader granted beyond the built-in ones. */
async function syncUserSites() {
  const { origins = [] } = await api.permissions.getAll();
  const settings = normalizeSettings((await get(Keys.settings))[Keys.settings]);
  const matches = userSiteMatches(origins, await builtInMatches(), serverOriginPatterns(settings.server, browserName));
  const existing = await api.scripting.getRegisteredContentScripts({ ids: [USER_SITES_SCRIPT] });
  if (matches.length === 0) {
    if (existing.length) await api.scripting.unregisterContentScripts({ ids: [USER_SITES_SCRIPT] });
    return;
  }
  // From the extension's root: Firefox resolves a relative path against
  // the background page (background/content.js), Chromium against the root.
  const script = { id: USER_SITES_SCRIPT, matches, js: ['/content.js'], runAt: 'document_start', allFrames: false };
  if (existing.length) await api.scripting.updateContentScripts([script]);
  else await api.scripting.registerContentScripts([script]);
}

// ---- events --------------------------------------------------------------------

// Each request's handler; who may send it is protocol.js's FROM_PAGES.
const handlers = {
  [Request.hostState]: () => hostState(),
  [Request.hostReady]: async msg => { await recordStart(msg.started); hostStarted(msg.started); return { ok: true }; },
  [Request.hostEvent]: msg => onHostEvent(msg.event),
  [Request.wake]: async () => { await ensureHost(); return { ok: true }; },
  [Request.correction]: async msg => { await update(Keys.allow, a => applyCorrection(a, msg.change || {})); return { ok: true }; },
  [Request.stats]: async msg => { await update(Keys.stats, s => addStats(s, Array.isArray(msg.categories) ? msg.categories : [])); return { ok: true }; },
  [Request.status]: () => status(),
  [Request.trust]: msg => trustPublisher(String(msg.publisher), String(msg.key)).then(() => ({ ok: true })),
  [Request.untrust]: msg => untrustPublisher(String(msg.publisher)).then(() => ({ ok: true })),
  [Request.syncNow]: () => callHost(HostOp.syncNow),
  [Request.userSites]: () => syncUserSites().then(() => ({ ok: true })),
  [Request.resetStats]: async () => { await set({ [Keys.stats]: addStats(null, []) }); return { ok: true }; },
};

api.runtime.onMessage.addListener((msg, sender, reply) => {
  if (msg?.target !== Target.background) return false;
  // Web pages cannot send runtime messages (no externally_connectable):
  // senders are this extension's content scripts and pages.
  if (sender.id !== api.runtime.id) return false;
  const handler = handlers[msg.type];
  if (!handler) return false;
  // A page's renderer, even compromised, must not pin a publisher.
  if (!allowedSender(msg.type, sender, api.runtime.id, api.runtime.getURL(''))) {
    reply({ error: `${msg.type} is not allowed from a web page` });
    return false;
  }
  Promise.resolve()
    .then(() => handler(msg, sender))
    .then(result => reply(result ?? { ok: true }), err => reply({ error: String(err && err.message || err) }));
  return true;
});

api.storage.onChanged.addListener(async (changes, area) => {
  if (area !== 'local' || !changes[Keys.settings]) return;
  const before = normalizeSettings(changes[Keys.settings].oldValue);
  const after = normalizeSettings(changes[Keys.settings].newValue);
  if (JSON.stringify(hostConfig(before)) === JSON.stringify(hostConfig(after))) return;
  await callHost(HostOp.configure, { config: hostConfig(after) });
  // A list turned back on is used again from its stored, verified bundle.
  const { [Keys.lists]: lists = {} } = await get(Keys.lists);
  for (const ref of before.disabledLists) {
    if (!after.disabledLists.includes(ref) && lists[ref]?.bundle) {
      await callHost(HostOp.load, { bundle: lists[ref].bundle }).catch(err => onHostEvent({ type: HostEvent.listRefused, ref, version: lists[ref].version, message: err.message }));
    }
  }
  if (before.server !== after.server) await syncUserSites();
});

api.permissions.onAdded.addListener(() => { syncUserSites(); });
api.permissions.onRemoved.addListener(() => { syncUserSites(); });

api.runtime.onInstalled.addListener(async () => {
  // Fill in what is missing only: writing the whole settings back could
  // undo a change made meanwhile (the reader's, or a test's).
  const stored = await get([Keys.settings, Keys.allow, Keys.stats]);
  const missing = {};
  if (stored[Keys.settings] === undefined) missing[Keys.settings] = normalizeSettings(undefined);
  if (stored[Keys.allow] === undefined) missing[Keys.allow] = normalizeAllow(undefined);
  if (stored[Keys.stats] === undefined) missing[Keys.stats] = addStats(null, []);
  if (Object.keys(missing).length) await set(missing);
  await migrateCorrections();
  await syncUserSites();
  await ensureHost();
});

api.runtime.onStartup.addListener(() => { migrateCorrections(); ensureHost(); });

// Rules turned off by an older version are "list/rule": each is named by
// the publisher of the stored list of that id (settings.js migrateAllow).
// Until then, pages leave them out of what they send the classifier.
async function migrateCorrections() {
  const stored = await get([Keys.allow]);
  if (!needsMigration(stored[Keys.allow])) return;
  const { [Keys.lists]: lists = {} } = await get(Keys.lists);
  await update(Keys.allow, a => migrateAllow(a, Object.keys(lists)));
}

// Firefox's background page starts the host as it loads: pages connect to
// it here. (Chromium's service worker starts it on install and on browser
// start, and on a page's request.)
if (!isChromium) ensureHost();
