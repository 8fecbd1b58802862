// What the popup and the options page show: the lists loaded and
// stored, the publishers and their keys, the catalog, the sync status,
// the counts and the settings, in one answer.

import { Keys, normalizeSettings, normalizeAllow } from '../common/settings.js';
import { HostOp } from '../common/protocol.js';
import { browserName } from '../common/browser.js';
import { get } from './store.js';
import { trustedAtBuild } from './keys.js';
import { callHost } from './host-control.js';


export async function status() {
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
  const catalog = stored[Keys.catalog];
  for (const e of catalog?.lists || []) {
    const p = publishers[e.publisher] ||= { key: e.public_key, trusted: false };
    p.name ||= e.publisher_name;
    if (!p.trusted) p.key = e.public_key;
  }
  // Key changes as the host found them, in the last catalog.
  for (const [id, key] of Object.entries(catalog?.keyChanged || {})) {
    if (publishers[id]?.trusted) publishers[id].keyChanged = key;
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
