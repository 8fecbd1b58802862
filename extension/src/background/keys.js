// The publishers' keys the background knows: those the build ships
// (trust.json), the adapter keys of the build (adapter-keys.json), and the
// ones the reader pinned (storage). The classifier host decides which
// keys are accepted (trust.js); these are what it is started with.

import { Keys } from '../common/settings.js';
import { get } from './store.js';

// A file of keys the build ships, {publisher: key}, read once; none when
// the build has no such file.
function keysFile(name) {
  let keys = null;
  return async () => {
    if (!keys) {
      try {
        const res = await fetch(new URL(`../${name}`, import.meta.url));
        keys = res.ok ? await res.json() : {};
      } catch {
        keys = {};
      }
    }
    return keys;
  };
}

/** The list publishers' keys the build trusts. */
export const trustedAtBuild = keysFile('trust.json');

/**
 * The keys whose adapter updates this build accepts: the project's own,
 * shipped in the build, apart from every list publisher's.
 */
export const adapterKeysAtBuild = keysFile('adapter-keys.json');

/** Every trusted key: those the build ships, then those the reader pinned. */
export async function trustedKeys() {
  const keys = { ...(await trustedAtBuild()) };
  const { [Keys.publishers]: pubs = {} } = await get(Keys.publishers);
  for (const [publisher, p] of Object.entries(pubs)) {
    if (p && p.trusted && typeof p.key === 'string' && !keys[publisher]) keys[publisher] = p.key;
  }
  return keys;
}
