// The harness: Debian's Chromium, headless, with the built Voile extension
// loaded, the fixture feeds served on 127.0.0.1 under the sites' own host
// names, every request of the browser recorded, and helpers to drive it
// the way a reader or a tester would.
//
//   const h = await Harness.launch({ extensionDir, server });
//   const page = await h.openFeed('x');          // waits until settled
//   const blurred = await h.blurred(page);       // [{id, reason, ...}]
//   await h.reveal(page, 'x-2');
//   await h.setSettings({ sensitivity: 0.2 });
//   await h.close();

import { launchChromium } from './chromium.js';
import { startFeedServer, startProxy } from './net.js';
import { Recorder } from './recorder.js';
import { SITES } from './feeds.js';
import { listPosts, blurredPosts, waitSettled, waitForVerdict, pressVeilButton } from './page.js';

export class Harness {
  /**
   * Starts everything. extensionDir: the built extension (make extension).
   * server: a running sync server ({host, port}, e.g. a VoileServer), or
   * null to run without one. lang: the browser's language.
   */
  static async launch({ extensionDir, server = null, lang = 'en-US', headless = true, timeoutMs = 30000 } = {}) {
    const h = new Harness();
    try {
      h.feeds = await startFeedServer();
      h.proxy = await startProxy();
      for (const s of Object.values(SITES)) h.proxy.allow(`${s.host}:443`, { host: '127.0.0.1', port: h.feeds.httpsPort });
      h.proxy.allow(`127.0.0.1:${h.feeds.httpPort}`);
      if (server) h.allowServer(server);
      h.server = server;
      h.chromium = await launchChromium({ extensionDir, proxyPort: h.proxy.port, headless, lang, timeoutMs });
      h.context = h.chromium.context;
      h.recorder = await Recorder.attach(h.chromium.wsEndpoint);
      if (extensionDir) {
        const sw = h.context.serviceWorkers().find(w => w.url().startsWith('chrome-extension://'))
          || await h.context.waitForEvent('serviceworker', { predicate: w => w.url().startsWith('chrome-extension://'), timeout: timeoutMs });
        h.extensionId = new URL(sw.url()).host;
      }
      return h;
    } catch (e) {
      await h.close();
      throw e;
    }
  }

  /** Lets the browser reach a sync server at {host, port}. */
  allowServer(server) {
    this.proxy.allow(`${server.host}:${server.port}`);
  }

  /** The extension's service worker (started again if the browser stopped it). */
  async serviceWorker() {
    const find = () => this.context.serviceWorkers().find(w => w.url().startsWith(`chrome-extension://${this.extensionId}/`));
    let sw = find();
    if (!sw) {
      // Opening an extension page wakes the worker.
      const p = await this.context.newPage();
      await p.goto(`chrome-extension://${this.extensionId}/popup.html`).catch(() => {});
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
  newPage() {
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

  /** Opens the popup page in a tab (chrome-extension://ID/popup.html). */
  async openPopup() {
    const page = await this.newPage();
    await page.goto(`chrome-extension://${this.extensionId}/popup.html`);
    return page;
  }

  /** Opens the options page in a tab. */
  async openOptions() {
    const page = await this.newPage();
    await page.goto(`chrome-extension://${this.extensionId}/options.html`);
    return page;
  }

  /** Every request recorded so far (see recorder.js), and every proxied connection. */
  get requests() { return this.recorder?.requests || []; }
  get connections() { return this.proxy?.log || []; }

  /** Stops the browser and the servers the harness started (not the sync server). */
  async close() {
    this.recorder?.close();
    await this.chromium?.close().catch(() => {});
    await this.proxy?.close().catch(() => {});
    await this.feeds?.close().catch(() => {});
  }
}
