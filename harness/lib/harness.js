// The harness: Debian's Chromium or Firefox ESR, headless, with the built
// Voile extension loaded, the fixture feeds served on 127.0.0.1 under the sites' own host
// names, every request of the browser recorded, and helpers to drive it
// the way a reader or a tester would.
//
//   const h = await Harness.launch({ extensionDir, server });
//   const page = await h.openFeed('x');          // waits until settled
//   const blurred = await h.blurred(page);       // [{id, reason, ...}]
//   await h.reveal(page, 'x-2');
//   await h.setSettings({ sensitivity: 0.2 });
//   await h.close();

import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launchChromium } from './chromium.js';
import { launchFirefox, addHelperPage, gotoExtensionPage, FirefoxPage, ProxyRecorder, HELPER_PAGE } from './firefox.js';
import { startFeedServer, startProxy } from './net.js';
import { Recorder } from './recorder.js';
import { View } from './view.js';
import { SITES } from './feeds.js';
import { DEFAULT_SERVER } from '../../extension/src/common/settings.js';
import { listPosts, blurredPosts, waitSettled, waitForVerdict, pressVeilButton, timingScript, markedUntouched } from './page.js';

export class Harness {
  /**
   * Starts everything. extensionDir: the built extension (make extension).
   * server: a running sync server ({host, port}, e.g. a VoileServer), or
   * null to run without one. lang: the browser's language. openNetwork:
   * let the browser reach any address (a tester's machine with a network;
   * off by default, and in the tests). grantSites: hosts the extension
   * may run on beyond its built-in sites, as if the reader had turned it on
   * there with the popup's "Check this site" (whose permission prompt a
   * headless browser cannot answer); by default the generic feed's host
   * and saved.example.org, where openHtml serves saved pages.
   * browser: 'chromium' (the default) or 'firefox'; extensionDir is then
   * that browser's build.
   */
  static async launch({
    extensionDir, server = null, lang = 'en-US', headless = true, timeoutMs = 30000, openNetwork = false,
    grantSites = [SITES.generic.host, 'saved.example.org'], browser = 'chromium',
  } = {}) {
    const h = new Harness();
    h.browserName = browser;
    try {
      if (extensionDir && (grantSites.length || browser === 'firefox')) {
        h.tmpExtension = grantedCopy(extensionDir, grantSites);
        extensionDir = h.tmpExtension;
        if (browser === 'firefox') addHelperPage(extensionDir);
      }
      h.feeds = await startFeedServer();
      if (browser === 'firefox') h.recorder = new ProxyRecorder();
      h.proxy = await startProxy(new Map(), { passThrough: openNetwork, record: h.recorder?.add });
      for (const s of Object.values(SITES)) h.proxy.allow(`${s.host}:443`, { host: '127.0.0.1', port: h.feeds.httpsPort });
      h.proxy.allow(`127.0.0.1:${h.feeds.httpPort}`);
      h.server = server;
      if (server) {
        h.allowServer(server);
        // Until it is told the test server's address, the extension syncs
        // with its default one: the proxy takes that to the test server too.
        const d = new URL(DEFAULT_SERVER);
        h.proxy.allow(`${d.hostname}:${d.port || 80}`, { host: server.host, port: server.port });
      }
      if (browser === 'firefox') {
        h.firefox = await launchFirefox({ extensionDir, proxyPort: h.proxy.port, headless, lang, timeoutMs });
        await h.recorder.attach(h.firefox.browser);
        h.extensionId = h.firefox.extensionId;
      } else {
        h.chromium = await launchChromium({ extensionDir, proxyPort: h.proxy.port, headless, lang, timeoutMs });
        h.context = h.chromium.context;
        await h.context.addInitScript(timingScript);
        h.recorder = await Recorder.attach(h.chromium.wsEndpoint);
      }
      if (extensionDir) {
        h.extensionDir = extensionDir;
        h.manifest = JSON.parse(readFileSync(path.join(extensionDir, 'manifest.json'), 'utf8'));
        if (browser !== 'firefox') {
          const sw = h.context.serviceWorkers().find(w => w.url().startsWith('chrome-extension://'))
            || await h.context.waitForEvent('serviceworker', { predicate: w => w.url().startsWith('chrome-extension://'), timeout: timeoutMs });
          h.extensionId = new URL(sw.url()).host;
        }
        if (grantSites.length) await h.waitForUserSites(grantSites, timeoutMs);
        if (server) {
          // As the options page does: the server address setting.
          const since = Date.now();
          await h.setSettings({ server: server.wsUrl });
          await h.waitForSync({ since, timeoutMs });
        }
      }
      return h;
    } catch (e) {
      await h.close();
      throw e;
    }
  }

  /**
   * Waits until the background has registered the content script for the
   * granted sites (it does so when the extension is installed).
   */
  async waitForUserSites(hosts, timeoutMs = 10000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const sw = await this.serviceWorker();
      const scripts = await sw.evaluate(() => chrome.scripting.getRegisteredContentScripts()).catch(() => []);
      const matches = scripts.flatMap(s => s.matches || []);
      if (hosts.every(host => matches.some(m => m.includes(`//${host}/`)))) return;
      if (Date.now() > deadline) throw new Error(`the extension did not register its content script for ${hosts.join(', ')} within ${timeoutMs} ms (registered: ${matches.join(', ') || 'none'})`);
      await new Promise(r => setTimeout(r, 50));
    }
  }

  /**
   * Waits until the extension says it is synced with its server (the
   * syncStatus it stores), at or after since (a Date.now() time).
   */
  async waitForSync({ since = 0, timeoutMs = 20000 } = {}) {
    const deadline = Date.now() + timeoutMs;
    let s;
    for (;;) {
      s = (await this.storage(['syncStatus'])).syncStatus || {};
      if (s.state === 'synced' && (s.lastSynced || s.at || 0) >= since) return s;
      if (Date.now() > deadline) throw new Error(`the extension did not sync within ${timeoutMs} ms: ${JSON.stringify(s)}`);
      await new Promise(r => setTimeout(r, 50));
    }
  }

  /** Lets the browser reach a sync server at {host, port}. */
  allowServer(server) {
    this.proxy.allow(`${server.host}:${server.port}`);
  }

  /**
   * The extension's service worker (started again if the browser stopped
   * it): something with evaluate(fn, arg) that runs fn with the extension's
   * APIs. In Firefox, whose background page WebDriver BiDi cannot reach,
   * an empty page of the extension open in a tab of its own.
   */
  async serviceWorker() {
    if (this.firefox) {
      if (!this.helperPage || this.helperPage.isClosed()) {
        this.helperPage = await this.firefox.browser.newPage();
        await gotoExtensionPage(this.helperPage, this.extensionUrl(HELPER_PAGE));
      }
      return this.helperPage;
    }
    const find = () => this.context.serviceWorkers().find(w => w.url().startsWith(`chrome-extension://${this.extensionId}/`));
    let sw = find();
    if (!sw) {
      // Opening an extension page wakes the worker.
      const p = await this.context.newPage();
      await p.goto(this.extensionUrl(this.manifest.action.default_popup)).catch(() => {});
      sw = find() || await this.context.waitForEvent('serviceworker', { timeout: 10000 });
      await p.close();
    }
    return sw;
  }

  /** Reads extension storage (storage.local), all of it or some keys. */
  async storage(keys = null) {
    const sw = await this.serviceWorker();
    return sw.evaluate(k => chrome.storage.local.get(k), keys);
  }

  /** Writes extension storage (storage.local). */
  async setStorage(items) {
    const sw = await this.serviceWorker();
    await sw.evaluate(i => chrome.storage.local.set(i), items);
  }

  /** The reader's settings as stored (see extension/src/common/settings.js). */
  async settings() {
    return (await this.storage(['settings'])).settings || {};
  }

  /**
   * Changes settings the way the popup and options page do: merges patch
   * into the stored settings object.
   */
  async setSettings(patch) {
    const sw = await this.serviceWorker();
    await sw.evaluate(async p => {
      const { settings = {} } = await chrome.storage.local.get('settings');
      const next = { ...settings, ...p };
      if (p.categories) next.categories = { ...(settings.categories || {}), ...p.categories };
      if (p.sites) next.sites = { ...(settings.sites || {}), ...p.sites };
      await chrome.storage.local.set({ settings: next });
    }, patch);
  }

  /** A new tab. */
  async newPage() {
    if (this.firefox) {
      const raw = await this.firefox.browser.newPage();
      await raw.evaluateOnNewDocument(timingScript);
      return new FirefoxPage(raw, this);
    }
    return this.context.newPage();
  }

  /**
   * Opens a fixture feed (facebook, x, reddit, youtube, mastodon, generic)
   * in a new tab and waits until classification has settled. live: true
   * adds the post of the live-update test. Returns the page; its settle
   * time is page.voileSettleMs.
   */
  async openFeed(site, { live = false, settle = true, page = null } = {}) {
    return this.open(this.feeds.feedUrl(site, { live }), { settle, page });
  }

  /** Opens any URL the proxy lets through, and waits until settled. */
  async open(url, { settle = true, page = null, timeoutMs = 15000, allowEmpty = false } = {}) {
    page ||= await this.newPage();
    const t0 = Date.now();
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: timeoutMs });
    page.voileLoadMs = Date.now() - t0;
    if (settle) {
      const { ms } = await waitSettled(page, { timeoutMs, allowEmpty });
      page.voileSettleMs = Date.now() - t0;
      page.voileSettleAfterLoadMs = ms;
    }
    return page;
  }

  /** Serves html at https://host/path and opens it (a saved page, say). */
  async openHtml(html, { host = 'saved.example.org', path = '/', ...opts } = {}) {
    this.proxy.allow(`${host}:443`, { host: '127.0.0.1', port: this.feeds.httpsPort });
    return this.open(this.feeds.addPage(host, path, html), opts);
  }

  /** Waits until classification has settled on page (see page.js). */
  settled(page, opts) { return waitSettled(page, opts); }

  /** Every post Voile marked on page, with its verdict and reason. */
  posts(page, opts) { return listPosts(page, opts); }

  /** Elements of the reader's own (data-fixture-untouched) that Voile marked. */
  markedUntouched(page) { return markedUntouched(page); }

  /** The blurred posts of page, with their reasons. */
  blurred(page) { return blurredPosts(page); }

  /** Presses Show on a blurred post (by fixture id or index), with a real click. */
  async reveal(page, post) {
    await pressVeilButton(page, post, 'show');
  }

  /** Presses another button of a post's veil, by its text ("Not hate", "Hide"). */
  press(page, post, button) { return pressVeilButton(page, post, button); }

  /** Waits until a fixture post has a verdict; resolves to the milliseconds waited. */
  waitForVerdict(page, id, verdict, opts) { return waitForVerdict(page, id, verdict, opts); }

  /** The URL of a file of the extension. */
  extensionUrl(file) {
    return `${this.firefox ? 'moz' : 'chrome'}-extension://${this.extensionId}/${file.replace(/^\//, '')}`;
  }

  /**
   * Waits until predicate(posts) holds for the page's posts (as posts());
   * resolves to the posts.
   */
  async waitForPosts(page, predicate, { timeoutMs = 10000, what = 'the posts to change' } = {}) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      // With the veils: they tell unchecked and revealed posts (page.js).
      const posts = await listPosts(page, { maxText: 0 });
      if (predicate(posts)) return listPosts(page);
      if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; verdicts: ${posts.map(p => `${p.id ?? p.index}:${p.verdict}`).join(' ')}`);
      await new Promise(r => setTimeout(r, 25));
    }
  }

  /** Opens the popup page (the manifest's action popup) in a tab. */
  async openPopup() {
    const page = await this.newPage();
    await page.goto(this.extensionUrl(this.manifest.action.default_popup));
    // The popup's module awaits storage and the page's counts before its
    // listeners exist; a control used earlier would be lost.
    await page.waitForFunction(() => document.body?.dataset.ready === 'true', undefined, { timeout: 10000 });
    return page;
  }

  /**
   * Opens the extension's toolbar popup for page, as a click on the
   * toolbar button would (chrome.action.openPopup), so that it acts on
   * that tab: the per-site switch, the page's counts. Returns a View.
   */
  async openActionPopup(page, { timeoutMs = 10000 } = {}) {
    if (this.firefox) throw new Error('the toolbar popup is browser chrome in Firefox, which WebDriver BiDi cannot open or drive');
    await page.bringToFront();
    const url = this.extensionUrl(this.manifest.action.default_popup);
    const sw = await this.serviceWorker();
    const before = new Set(this.recorder.sessionsFor(url)); // the popup page open in tabs
    const err = await sw.evaluate(() => chrome.action.openPopup().then(() => null, e => String(e.message || e)));
    if (err) throw new Error(`chrome.action.openPopup: ${err}`);
    const deadline = Date.now() + timeoutMs;
    let sessionId;
    while (!(sessionId = this.recorder.sessionsFor(url).find(s => !before.has(s)))) {
      if (Date.now() > deadline) throw new Error(`the popup did not open within ${timeoutMs} ms`);
      await new Promise(r => setTimeout(r, 25));
    }
    const view = new View(this.recorder, sessionId, url);
    await view.waitFor(() => document.body?.dataset.ready === 'true');
    return view;
  }

  /** Opens the options page in a tab. */
  async openOptions() {
    const page = await this.newPage();
    await page.goto(this.extensionUrl(this.manifest.options_ui?.page || this.manifest.options_page));
    return page;
  }

  /**
   * Trusts a publisher as a reader does: opens the options page, presses
   * the publisher's Trust button, checks the confirmation it shows in the
   * page (the publisher's name and key fingerprint; with fingerprint, that
   * it is this one, as `voile fingerprint KEY.pub` prints it), presses
   * "Trust this key", and waits until the extension has pinned the key.
   * The publisher must be in the catalog the extension received. Resolves
   * to the confirmation's text.
   */
  async trustPublisher(publisher, { fingerprint = null, timeoutMs = 15000 } = {}) {
    const page = await this.openOptions();
    try {
      const trust = `button.trust[data-publisher="${publisher}"]`;
      const box = `.confirm[data-publisher="${publisher}"]`;
      await page.waitForFunction(sel => !!document.querySelector(sel), trust, { timeout: timeoutMs })
        .catch(() => { throw new Error(`the options page shows no Trust button for ${publisher} within ${timeoutMs} ms (is it in the catalog, and not trusted yet?)`); });
      await page.locator(trust).click();
      await page.waitForFunction(sel => { const b = document.querySelector(sel); return !!b && !b.hidden; }, box, { timeout: timeoutMs });
      const text = await page.evaluate(sel => document.querySelector(sel).textContent, box);
      if (fingerprint && !text.includes(fingerprint)) throw new Error(`the Trust confirmation shows another fingerprint than ${fingerprint}: ${text}`);
      await page.locator(`${box} .trust-yes`).click();
      const deadline = Date.now() + timeoutMs;
      while (!(await this.storage(['publishers'])).publishers?.[publisher]?.trusted) {
        if (Date.now() > deadline) throw new Error(`${publisher} was not trusted within ${timeoutMs} ms of pressing Trust`);
        await new Promise(r => setTimeout(r, 50));
      }
      return text;
    } finally {
      await page.close();
    }
  }

  /** Every request recorded so far (see recorder.js), and every proxied connection. */
  get requests() { return this.recorder?.requests || []; }
  get connections() { return this.proxy?.log || []; }

  /** Stops the browser and the servers the harness started (not the sync server). */
  async close() {
    this.recorder?.close();
    await this.chromium?.close().catch(() => {});
    await this.firefox?.close().catch(() => {});
    await this.proxy?.close().catch(() => {});
    await this.feeds?.close().catch(() => {});
    if (this.tmpExtension) rmSync(path.dirname(this.tmpExtension), { recursive: true, force: true });
  }
}

// A copy of the built extension whose manifest also grants hosts, which
// is what a reader's "Check this site" leaves behind: a host permission
// the background then registers the content script for.
function grantedCopy(extensionDir, hosts) {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'voile-extension-')), 'extension');
  cpSync(extensionDir, dir, { recursive: true });
  const file = path.join(dir, 'manifest.json');
  const m = JSON.parse(readFileSync(file, 'utf8'));
  m.host_permissions = [...new Set([...(m.host_permissions || []), ...hosts.map(host => `*://${host}/*`)])];
  writeFileSync(file, JSON.stringify(m, null, 2));
  return dir;
}
