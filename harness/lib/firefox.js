// Starts Debian's Firefox ESR headless with the extension installed as a
// temporary add-on, all its traffic sent through the harness proxy, and
// puppeteer-core connected over WebDriver BiDi (Firefox has no DevTools
// protocol and Debian packages no geckodriver). The harness never
// downloads a browser: it uses /usr/bin/firefox-esr (VOILE_FIREFOX to use
// another).
//
// What differs from Chromium, and how the harness deals with it:
//  - extension pages (moz-extension://) can be opened only with
//    --remote-allow-system-access, and BiDi never reports their load: the
//    harness starts the navigation without waiting and polls;
//  - the add-on's address is random unless the pref
//    extensions.webextensions.uuids fixes it at launch;
//  - the background page is not a BiDi target: extension storage and APIs
//    are reached from an empty page of the extension's own (harness.html,
//    added to the harness's copy of the build), open in a tab.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import puppeteer from 'puppeteer-core';

export function firefoxPath() {
  const p = process.env.VOILE_FIREFOX || '/usr/bin/firefox-esr';
  if (!existsSync(p)) {
    throw new Error(`no Firefox at ${p}: run "make firefox" (installs Debian's firefox-esr), or set VOILE_FIREFOX`);
  }
  return p;
}

/** The empty extension page the harness evaluates extension code in. */
export const HELPER_PAGE = 'harness.html';

/** Adds the helper page to a copy of the built extension. */
export function addHelperPage(extensionDir) {
  writeFileSync(path.join(extensionDir, HELPER_PAGE), '<!doctype html><html><head><meta charset="utf-8"><title>Voile harness</title></head><body></body></html>\n');
}

/**
 * Launches Firefox. extensionDir: the unpacked Firefox build (optional).
 * proxyPort: the harness proxy. Returns {browser, extensionId (the
 * moz-extension host), close()}.
 */
export async function launchFirefox({ extensionDir, proxyPort, headless = true, lang = 'en-US', timeoutMs = 30000 } = {}) {
  const uuid = randomUUID();
  const gecko = extensionDir ? JSON.parse(readFileSync(path.join(extensionDir, 'manifest.json'), 'utf8')).browser_specific_settings?.gecko?.id : null;
  const prefs = {
    'devtools.console.stdout.content': true,
    'intl.locale.requested': lang,
    'intl.accept_languages': lang,
    // Firefox's own services: off, as far as prefs go (the proxy refuses the rest).
    'services.settings.server': 'http://127.0.0.1:9/settings',
    'app.normandy.enabled': false,
    'browser.region.update.enabled': false,
    'browser.safebrowsing.update.enabled': false,
    'browser.safebrowsing.provider.mozilla.updateURL': '',
    'extensions.getAddons.cache.enabled': false,
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    'network.dns.disablePrefetch': true,
    'network.http.speculative-parallel-limit': 0,
    // The extension's pages and background keep running while the tests wait.
    'dom.min_background_timeout_value': 10,
  };
  if (gecko) prefs['extensions.webextensions.uuids'] = JSON.stringify({ [gecko]: uuid });
  if (proxyPort) {
    Object.assign(prefs, {
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': proxyPort,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': proxyPort,
      'network.proxy.no_proxies_on': '',
      // Loopback addresses go through the proxy too, so that it sees all.
      'network.proxy.allow_hijacking_localhost': true,
    });
  }
  let output = '';
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless,
    // The fixture sites are served with a throwaway certificate.
    acceptInsecureCerts: true,
    args: ['--remote-allow-system-access', '--width=1280', '--height=1000'],
    extraPrefsFirefox: prefs,
    env: { ...process.env, LANG: lang.replace('-', '_') + '.UTF-8', LANGUAGE: lang.split('-')[0], MOZ_CRASHREPORTER_DISABLE: '1' },
    timeout: timeoutMs,
    protocolTimeout: Math.max(timeoutMs, 60000),
  });
  const proc = browser.process();
  for (const s of [proc?.stdout, proc?.stderr]) {
    s?.on('data', d => { output += d; if (output.length > 200000) output = output.slice(-100000); });
  }
  let extensionId = null;
  try {
    if (extensionDir) {
      await browser.installExtension(extensionDir);
      extensionId = uuid;
    }
  } catch (e) {
    await browser.close().catch(() => {});
    throw e;
  }
  return {
    browser,
    extensionId,
    proc,
    output: () => output,
    async close() {
      await Promise.race([browser.close().catch(() => {}), new Promise(r => setTimeout(r, 5000))]);
      try { proc?.kill('SIGKILL'); } catch { /* gone */ }
    },
  };
}

/**
 * Navigates a puppeteer page to an extension page (moz-extension://),
 * whose load BiDi never reports: starts the navigation, then polls until
 * the document is there and complete.
 */
export async function gotoExtensionPage(page, url, { timeoutMs = 10000 } = {}) {
  page.goto(url, { timeout: timeoutMs }).catch(() => { /* never reported; polled below */ });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    // page.url() is not updated either: the document says where it is.
    const at = await page.evaluate(() => [location.href, document.readyState]).catch(() => null);
    if (at && at[0] === url && at[1] === 'complete') return;
    if (Date.now() > deadline) throw new Error(`${url} did not load within ${timeoutMs} ms (at ${at?.[0]})`);
    await new Promise(r => setTimeout(r, 50));
  }
}

/**
 * A Firefox tab with the few Playwright Page methods the tests use, so
 * that one test drives both browsers: goto, reload, evaluate, locator,
 * getByLabel, mouse, screenshot... page: a puppeteer-core Page.
 */
export class FirefoxPage {
  constructor(page, harness) {
    this.raw = page;
    this.harness = harness;
    this.mouse = page.mouse;
    this.isFirefox = true;
  }

  get contextId() { return this.raw.mainFrame().browsingContext.id; }
  url() { return this.extensionUrl || this.raw.url(); }
  title() { return this.raw.title(); }
  evaluate(fn, arg) { return this.raw.evaluate(fn, arg); }
  bringToFront() { return this.raw.bringToFront(); }
  close() { return this.raw.close().catch(() => {}); }
  waitForTimeout(ms) { return new Promise(r => setTimeout(r, ms)); }
  waitForFunction(fn, arg, { timeout = 30000 } = {}) { return this.raw.waitForFunction(fn, { timeout, polling: 50 }, arg); }
  screenshot({ path: file, fullPage = false } = {}) { return this.raw.screenshot({ path: file, fullPage }); }
  on(event, fn) { this.raw.on(event, fn); return this; }
  once(event, fn) { this.raw.once(event, fn); return this; }

  async goto(url, { waitUntil = 'load', timeout = 30000 } = {}) {
    if (/^moz-extension:/.test(url)) {
      await gotoExtensionPage(this.raw, url, { timeoutMs: timeout });
      this.extensionUrl = url;
      return null;
    }
    this.extensionUrl = null;
    return this.raw.goto(url, { waitUntil: waitUntil === 'domcontentloaded' ? 'domcontentloaded' : 'load', timeout });
  }

  async reload({ waitUntil = 'load', timeout = 30000 } = {}) {
    return this.raw.reload({ waitUntil: waitUntil === 'domcontentloaded' ? 'domcontentloaded' : 'load', timeout });
  }

  async waitForLoadState() {
    const deadline = Date.now() + 10000;
    while ((await this.raw.evaluate(() => document.readyState).catch(() => null)) !== 'complete') {
      if (Date.now() > deadline) throw new Error(`${this.url()} did not load`);
      await new Promise(r => setTimeout(r, 50));
    }
  }

  locator(selector) { return new FirefoxLocator(this, { selector }); }

  /** The form control whose label's text is text. */
  getByLabel(text, { exact = false } = {}) { return new FirefoxLocator(this, { label: text, exact }); }
}

// Runs in the page: the element a locator means.
function locate({ selector, label, exact }) {
  if (selector) return document.querySelector(selector);
  const norm = s => s.replace(/\s+/g, ' ').trim();
  for (const l of document.querySelectorAll('label')) {
    const t = norm(l.textContent);
    if (exact ? t === label : t.toLowerCase().includes(label.toLowerCase())) {
      return l.control || l.querySelector('input,select,textarea');
    }
  }
  for (const el of document.querySelectorAll('[aria-label]')) {
    const t = norm(el.getAttribute('aria-label'));
    if (exact ? t === label : t.toLowerCase().includes(label.toLowerCase())) return el;
  }
  return null;
}

class FirefoxLocator {
  constructor(page, what) {
    this.page = page;
    this.what = what;
  }

  async run(fn, arg) {
    return this.page.raw.evaluate(`(${fn})((${locate})(${JSON.stringify(this.what)}), ${JSON.stringify(arg ?? null)})`);
  }

  async waitFor({ state = 'visible', timeout = 5000 } = {}) {
    const deadline = Date.now() + timeout;
    for (;;) {
      const ok = await this.run((el, state) => {
        if (!el) return state === 'detached';
        if (state !== 'visible') return true;
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
      }, state).catch(() => false);
      if (ok) return;
      if (Date.now() > deadline) throw new Error(`${JSON.stringify(this.what)} not ${state} within ${timeout} ms`);
      await new Promise(r => setTimeout(r, 50));
    }
  }

  async evaluate(fn, arg) {
    await this.waitFor({ state: 'attached' });
    return this.run(fn, arg);
  }

  textContent() { return this.evaluate(el => el.textContent); }

  /** As Playwright's fill: sets the value, then input and change events. */
  async fill(value) {
    await this.evaluate((el, v) => {
      el.focus();
      el.value = v;
      el.dispatchEvent(new Event('input', { bubbles: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
    }, String(value));
  }

  /** A real mouse click in the middle of the element. */
  async click() {
    await this.waitFor();
    const box = await this.run(el => {
      el.scrollIntoView({ block: 'center' });
      const r = el.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    });
    await this.page.mouse.click(box.x, box.y);
  }

  async setChecked(want) {
    if ((await this.evaluate(el => el.checked)) !== want) await this.click();
    const deadline = Date.now() + 5000;
    while ((await this.run(el => el.checked)) !== want) {
      if (Date.now() > deadline) throw new Error(`${JSON.stringify(this.what)} did not become ${want ? 'checked' : 'unchecked'}`);
      await new Promise(r => setTimeout(r, 25));
    }
  }

  check() { return this.setChecked(true); }
  uncheck() { return this.setChecked(false); }
}

/**
 * Records Firefox's requests in the format of recorder.js: what the proxy
 * sees (plain http:// requests with bodies, the WebSocket upgrade and
 * frames, the sender by its Origin), and the requests of tabs as WebDriver
 * BiDi reports them (tabs only: BiDi does not see the background page).
 */
export class ProxyRecorder {
  constructor() {
    this.requests = [];
    this.listeners = new Set();
    this.contexts = new Map(); // BiDi browsing context -> its URL
    this.add = this.add.bind(this);
  }

  add(rec) {
    this.requests.push(rec);
    for (const l of this.listeners) l(rec);
  }

  /** Also records the tabs' requests that BiDi reports. */
  async attach(browser) {
    const c = browser.connection;
    this.connection = c;
    this.onContext = e => { if (e.context) this.contexts.set(e.context, e.url); };
    this.onBidiRequest = e => {
      const url = this.contexts.get(e.context) || '';
      const extension = /^moz-extension:/.test(url);
      this.add({ at: Date.now(), kind: 'http', url: e.request.url, method: e.request.method, body: '', headers: null, target: { type: 'page', url, extension } });
    };
    for (const ev of ['browsingContext.contextCreated', 'browsingContext.navigationStarted', 'browsingContext.navigationCommitted', 'browsingContext.load']) c.on(ev, this.onContext);
    c.on('network.beforeRequestSent', this.onBidiRequest);
    await c.send('session.subscribe', { events: ['network.beforeRequestSent', 'browsingContext.contextCreated', 'browsingContext.navigationStarted', 'browsingContext.navigationCommitted', 'browsingContext.load'] });
  }

  sessionsFor() { return []; }

  onRequest(fn) {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  close() {
    this.listeners.clear();
  }
}
