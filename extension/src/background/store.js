// The background's storage: everything the extension keeps is in
// storage.local (common/settings.js Keys), read and written here.

import { api } from '../common/browser.js';

export async function get(keys) {
  return api.storage.local.get(keys);
}

export async function set(items) {
  return api.storage.local.set(items);
}

// One read-modify-write at a time: corrections and counts from several
// tabs must not overwrite each other.
let chain = Promise.resolve();
export function update(key, fn) {
  const run = chain.then(async () => {
    const stored = (await get(key))[key];
    const next = fn(stored);
    await set({ [key]: next });
    return next;
  });
  chain = run.catch(() => {});
  return run;
}
