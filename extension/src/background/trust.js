// The reader trusts or distrusts a publisher (options page).

import { Keys } from '../common/settings.js';
import { HostOp } from '../common/protocol.js';
import { forgetAdaptersOf } from '../common/adapters.js';
import { update } from './store.js';
import { trustedAtBuild } from './keys.js';
import { callHost, restartHost } from './host-control.js';

// The host decides: it holds every trusted key (the build's and the
// reader's) and refuses another key for a pinned publisher. Only a key it
// took is stored.
export async function trustPublisher(publisher, key) {
  await callHost(HostOp.trust, { publisher, key });
  await update(Keys.publishers, pubs => {
    const all = { ...(pubs || {}) };
    all[publisher] = { ...(all[publisher] || {}), key, trusted: true, pinnedAt: Date.now() };
    return all;
  });
}

export async function untrustPublisher(publisher) {
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
