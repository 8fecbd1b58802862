// Starting and calling the classifier host: an offscreen document in
// Chromium, a worker of this page in Firefox (see host/), and what the
// host reports (bundles to store, sync status, adapter updates).

import { Keys, normalizeSettings } from '../common/settings.js';
import { Target, HostOp, HostEvent } from '../common/protocol.js';
import { api, isChromium } from '../common/browser.js';
import { readAdapterUpdate } from '../common/adapter-updates.js';
import { get, set, update } from './store.js';
import { trustedKeys, adapterKeysAtBuild } from './keys.js';

const OFFSCREEN_URL = 'host/offscreen.html';

// ---- what the host starts with ---------------------------------------------

export async function hostState() {
  const [stored, keys, adapterKeys] = await Promise.all([get([Keys.settings, Keys.lists]), trustedKeys(), adapterKeysAtBuild()]);
  const settings = normalizeSettings(stored[Keys.settings]);
  const bundles = Object.entries(stored[Keys.lists] || {})
    .filter(([ref, l]) => l && typeof l.bundle === 'string' && !settings.disabledLists.includes(ref) && keys[l.publisher])
    .map(([, l]) => l.bundle);
  return { keys, adapterKeys, bundles, config: hostConfig(settings) };
}

// The state the offscreen document asks for as it starts, read while
// Chromium creates it (ensureOffscreen): at a browser's start, reading it
// took 100-130 ms, and the document asked 100-150 ms after its creation
// began. Dropped if the storage changes before it is asked for
// (background.js calls forgetEarlyState).
let earlyState = null;

/** The host's start state: the one read early if it is still current. */
export function takeHostState() {
  const state = earlyState ?? hostState();
  earlyState = null;
  return state;
}

export function forgetEarlyState() { earlyState = null; }

export function hostConfig(settings) {
  return { server: settings.server, follow: settings.follow, disabledLists: settings.disabledLists };
}

// ---- the classifier host ---------------------------------------------------

let hostReady = null; // resolves once the host has started
let readyWaiters = [];

export function hostStarted(started) {
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
    earlyState = hostState();
    earlyState.catch(() => {}); // reported when asked for
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
  const [{ Relay }, { startWorker }] = await Promise.all([import('../host/relay.js'), import('../host/start-worker.js')]);
  const worker = startWorker();
  relay = new Relay({ runtime: api.runtime, worker, toBackground: onHostEvent });
  const started = await relay.call(HostOp.init, await hostState());
  await recordStart(started);
}

// Chromium may close the offscreen document (or a test does): each call
// checks that it is there, sharing one check among concurrent callers.
// Firefox's worker lives as long as this page.
export function ensureHost() {
  if (!hostReady) {
    hostReady = (isChromium ? ensureOffscreen() : startWorkerHere()).then(
      () => { if (isChromium) hostReady = null; },
      err => { hostReady = null; throw err; },
    );
  }
  return hostReady;
}

export async function callHost(op, args = {}) {
  await ensureHost();
  return isChromium ? callOffscreen(op, args) : relay.call(op, args);
}

export async function restartHost() {
  if (isChromium) {
    try { await api.offscreen.closeDocument(); } catch { /* none open */ }
  } else if (relay) {
    relay.worker.terminate();
    relay = null;
  }
  hostReady = null;
  await ensureHost();
}

export async function recordStart(started) {
  if (started?.refused?.length) {
    await update(Keys.sync, s => ({ ...(s || {}), startRefused: started.refused, at: Date.now() }));
  }
}

// Events from the host: lists it verified, what the server said.
export async function onHostEvent(e) {
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
      await set({ [Keys.catalog]: { lists: e.lists, keyChanged: e.keyChanged || {}, at: Date.now() } });
      break;
    case HostEvent.syncStatus:
      await update(Keys.sync, s => ({ ...(s || {}), state: e.state, message: e.message, at: e.at, ...(e.state === 'synced' ? { lastSynced: e.at } : {}) }));
      break;
    case HostEvent.listRefused:
      await update(Keys.sync, s => ({ ...(s || {}), refused: { ...(s?.refused || {}), [e.ref]: { version: e.version, message: e.message, at: Date.now() } } }));
      break;
    case HostEvent.adapters:
      await acceptAdapters(e.verified).catch(err => update(Keys.sync, st => ({ ...(st || {}), problem: err.message, at: Date.now() })));
      break;
    case HostEvent.problem:
      console.warn('Voile classifier host:', e.message);
      await update(Keys.sync, s => ({ ...(s || {}), problem: e.message, at: Date.now() }));
      break;
    default:
      break;
  }
}

// An adapter update the host verified (signed with an adapter key of this
// build) and made for the built-in adapters replaces an older one. An
// update stored by an older build counts for nothing. Selectors are checked
// again by each page, which has a DOM to parse them.
async function acceptAdapters(verified) {
  const builtin = await (await fetch(new URL('../adapters/builtin.json', import.meta.url))).json();
  const doc = readAdapterUpdate(verified, () => true, builtin);
  await update(Keys.adapters, current => {
    const mine = current?.base === builtin.version ? current : null;
    return doc.version > (mine?.version ?? builtin.version) ? doc : mine;
  });
}
