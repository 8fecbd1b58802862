// The manifest of each browser's build, from one description. Chromium
// runs the background as a service worker and the classifier in an
// offscreen document; Firefox runs both in a background page.

import { hostsToMatches } from '../src/common/sites.js';
import { DEFAULT_SERVER, serverOriginPattern } from '../src/common/settings.js';

/** The CSP of extension pages: 'self' plus WebAssembly compilation, nothing else. */
export const CSP = "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'";

export function manifestFor(browser, { version, adapters }) {
  const sites = hostsToMatches(adapters.adapters.flatMap(a => a.hosts));
  const icons = { 16: 'icons/icon16.png', 32: 'icons/icon32.png', 48: 'icons/icon48.png', 128: 'icons/icon128.png' };
  const m = {
    manifest_version: 3,
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    version,
    default_locale: 'en',
    icons,
    action: { default_title: '__MSG_actionTitle__', default_popup: 'popup/popup.html', default_icon: icons },
    options_ui: { page: 'options/options.html', open_in_tab: true },
    // storage: settings and lists; scripting: the content script on sites
    // the reader turns on; activeTab: the popup's "check this site".
    permissions: ['storage', 'scripting', 'activeTab'],
    host_permissions: [...sites, serverOriginPattern(DEFAULT_SERVER, browser)],
    // Other sites, and another sync server, only when the reader asks.
    optional_host_permissions: browser === 'firefox' ? ['*://*/*', 'ws://*/*', 'wss://*/*'] : ['*://*/*'],
    content_scripts: [{ matches: sites, js: ['content.js'], run_at: 'document_start', all_frames: false }],
    content_security_policy: { extension_pages: CSP },
  };
  if (browser === 'chromium') {
    m.permissions.push('offscreen');
    m.background = { service_worker: 'background/background.js', type: 'module' };
    m.minimum_chrome_version = '120';
  } else if (browser === 'firefox') {
    m.background = { page: 'background/background.html' };
    m.browser_specific_settings = {
      gecko: {
        id: 'voile@voile.invalid',
        // 140: data_collection_permissions (and Ed25519 in WebCrypto, 129).
        strict_min_version: '140.0',
        data_collection_permissions: { required: ['none'] },
      },
      gecko_android: { strict_min_version: '142.0' },
    };
  } else {
    throw new Error(`manifest: unknown browser ${browser}`);
  }
  return m;
}
