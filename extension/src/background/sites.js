// The sites the content script runs on beyond the built-in ones: those
// the reader granted (popup's "Check this site", options), registered
// with scripting.registerContentScripts.

import { normalizeSettings, serverOriginPatterns, Keys } from '../common/settings.js';
import { api, browserName } from '../common/browser.js';
import { hostsToMatches, userSiteMatches } from '../common/sites.js';
import { get } from './store.js';

const USER_SITES_SCRIPT = 'voile-user-sites';

let manifestMatches = null;
async function builtInMatches() {
  if (!manifestMatches) {
    const doc = await (await fetch(new URL('../adapters/builtin.json', import.meta.url))).json();
    manifestMatches = hostsToMatches(doc.adapters.flatMap(a => a.hosts));
  }
  return manifestMatches;
}

/** Registers the content script on the sites the reader granted beyond the built-in ones. */
export async function syncUserSites() {
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
