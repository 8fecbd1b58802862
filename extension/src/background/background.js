// The background: Chromium's service worker, or Firefox's background page.
// It owns extension storage (store.js: settings, corrections, counts,
// verified list bundles, pinned publisher keys), starts the classifier host
// (host-control.js: an offscreen document in Chromium, a worker of this page
// in Firefox), registers the content script on the sites the reader turned
// on (sites.js), and answers the popup, the options page and content
// scripts (messaging.js: each request's handler and who may send it,
// through status.js and trust.js). This file wires the browser's events
// to them. Pages talk to the classifier host directly, not through here,
// so a page load does not wake the service worker.

import { Keys, normalizeSettings, normalizeAllow, addStats, migrateAllow, needsMigration } from '../common/settings.js';
import { HostOp, HostEvent } from '../common/protocol.js';
import { api } from '../common/browser.js';
import { get, set, update } from './store.js';
import { hostConfig, onHostEvent, ensureHost, callHost, forgetEarlyState } from './host-control.js';
import { syncUserSites } from './sites.js';
import { onRequest } from './messaging.js';

// The requests' handlers, and who may send each, are messaging.js's table.
api.runtime.onMessage.addListener(onRequest);

api.storage.onChanged.addListener(forgetEarlyState);
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
});

api.runtime.onStartup.addListener(() => { migrateCorrections(); });

// Rules turned off by an older version are "list/rule": each is named by
// the publisher of the stored list of that id (settings.js migrateAllow).
// Until then, pages leave them out of what they send the classifier.
async function migrateCorrections() {
  const stored = await get([Keys.allow]);
  if (!needsMigration(stored[Keys.allow])) return;
  const { [Keys.lists]: lists = {} } = await get(Keys.lists);
  await update(Keys.allow, a => migrateAllow(a, Object.keys(lists)));
}

// The background starts the classifier host as it loads, whatever woke it:
// at a browser's start or an install, pages that load meanwhile wait for
// it. Started after onInstalled's work (settings, registered sites), it
// came 50-160 ms later at an update. Chromium's offscreen document
// outlives the service worker: a later wake finds it running (a ping).
ensureHost();
