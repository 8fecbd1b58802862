// The publishers' keys the background knows: those the build ships
// (trust.json), the adapter keys of the build (adapter-keys.json), and the
// ones the reader pinned (storage). The classifier host decides which
// keys are accepted (trust.js); these are what it is started with.

import { Keys } from '../common/settings.js';
import { get } from './store.js';

let builtinKeys = null;
export async function trustedAtBuild() {
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
export async function adapterKeysAtBuild() {
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
export async function trustedKeys() {
  const keys = { ...(await trustedAtBuild()) };
  const { [Keys.publishers]: pubs = {} } = await get(Keys.publishers);
  for (const [publisher, p] of Object.entries(pubs)) {
    if (p && p.trusted && typeof p.key === 'string' && !keys[publisher]) keys[publisher] = p.key;
  }
  return keys;
}
