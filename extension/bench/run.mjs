// Measures the built extension in headless Debian Chromium (make
// bench-extension). Reports medians over --runs runs of:
//
//  1. load: a 1,000-post X-like feed, time from DOMContentLoaded until
//     every post is shown or blurred (page-side MutationObserver), and
//     whether any animation frame (just before a paint) had a hateful post
//     displayed unblurred;
//  2. insert: a post added after load (infinite scroll), time until it is
//     blurred, and whether it was blurred at the first frame after it was
//     added (blurred before the next paint) or still hidden pending;
//  3. placement: memory (PSS of all of Chromium's processes) and start-up
//     latency of one classifier per browser (the extension's worker in the
//     offscreen document) against one per tab (voile.wasm instantiated in
//     each page), with five tabs open;
//  4. cold: a page loaded when the classifier host is not running (the
//     offscreen document closed): what a first page after browser start pays;
//  5. restart: the browser started again on a profile that holds the
//     extension and its lists, and the feed opened at once: time from
//     DOMContentLoaded (and from the browser's launch) until the first post
//     is blurred, with the classifier's start-up cache in IndexedDB (warm)
//     and without it (cold).
//
//   node bench/run.mjs --extension ../build/extension/chromium [--runs 7] [--posts 1000]

import { readFileSync, readdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { chromium } from 'playwright-core';
import {
  REPO, CHROMIUM, median, startDemoServer, extensionWithTrust, launch, servePage, feedPage, tweetHtml, post,
} from './lib.mjs';

function args() {
  const a = { extension: path.join(REPO, 'build', 'extension', 'chromium'), runs: 7, posts: 1000, inserts: 40, only: '' };
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i += 2) {
    const k = argv[i].replace(/^--/, '');
    if (!(k in a)) throw new Error(`unknown argument ${argv[i]}`);
    a[k] = k === 'extension' ? path.resolve(argv[i + 1]) : k === 'only' ? argv[i + 1] : Number(argv[i + 1]);
  }
  return a;
}

const round = x => Math.round(x * 10) / 10;
const FEED_URL = 'https://x.com/home';

// Points the extension at the demo server and waits for its lists. The
// setting is written again if the extension's first start wrote its
// defaults over it.
async function useServer(worker, url, n = 2) {
  for (let i = 0; i < 120; i++) {
    const count = await worker.evaluate(async url => {
      const { settings = {}, lists = {} } = await chrome.storage.local.get(['settings', 'lists']);
      if (settings.server !== url) await chrome.storage.local.set({ settings: { ...settings, server: url } });
      return Object.keys(lists).length;
    }, url);
    if (count >= n) return;
    await new Promise(r => setTimeout(r, 250));
  }
  const status = await worker.evaluate(async () => JSON.stringify(await chrome.storage.local.get(['syncStatus', 'settings', 'catalog'])));
  throw new Error(`the extension did not receive the demo lists from the sync server within 30 s: ${status}`);
}

async function loadRun(context, { check, hostile = false }) {
  const page = await context.newPage();
  await page.goto(hostile ? FEED_URL + '?hostile' : check ? FEED_URL + '?check' : FEED_URL);
  await page.waitForFunction(() => window.__voileProbe.done > 0, null, { timeout: 30000 });
  const r = await page.evaluate(() => {
    const P = window.__voileProbe;
    P.stopFrames = true;
    const batches = performance.getEntriesByName('voile:batch').map(m => ({ posts: m.detail.posts, ms: m.duration, hostMs: m.detail.hostMs }));
    // Is each blurred post's content really blurred, whatever the site's styles say?
    const unblurred = [...document.querySelectorAll('article[data-bench-hate="1"]')].filter(a => {
      const inner = a.querySelector('[data-testid="tweetText"]');
      return a.getAttribute(P.attr) === 'b' && !/blur/.test(getComputedStyle(inner.parentElement).filter);
    }).length;
    return { afterDcl: P.done - P.dcl, dcl: P.dcl, unsafeFrames: P.unsafeFrames, frames: P.frames, batches, unblurred };
  });
  await page.close();
  return r;
}

async function insertRuns(context, n) {
  const page = await context.newPage();
  await page.goto(FEED_URL);
  await page.waitForFunction(() => window.__voileProbe.done > 0, null, { timeout: 30000 });
  const results = [];
  for (let i = 0; i < n; i++) {
    const html = tweetHtml(10003 + i * 10); // every one hateful (i % 10 === 3)
    results.push(await page.evaluate(html => new Promise(resolve => {
      const P = window.__voileProbe;
      const holder = document.createElement('div');
      holder.innerHTML = html;
      const article = holder.querySelector('article');
      let firstFrame = null;
      const t0 = performance.now();
      const mo = new MutationObserver(() => {
        if (article.getAttribute(P.attr) === 'b') {
          mo.disconnect();
          const ms = performance.now() - t0;
          // Wait for the frame check, then report.
          requestAnimationFrame(() => resolve({ ms, firstFrame }));
        }
      });
      mo.observe(article, { attributes: true });
      requestAnimationFrame(() => {
        firstFrame = { state: article.getAttribute(P.attr), hidden: getComputedStyle(article).visibility === 'hidden' };
      });
      document.querySelector('section').appendChild(holder.firstElementChild);
    }), html));
    await page.waitForTimeout(50);
  }
  await page.close();
  return results;
}

// PSS (proportional set size: shared pages split between processes) of
// every process of the browser using this profile, in MiB.
function browserPss(profileHint, only = '') {
  let kb = 0;
  for (const pid of readdirSync('/proc').filter(d => /^\d+$/.test(d))) {
    let cmd;
    try { cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8'); } catch { continue; }
    if (!cmd.includes(profileHint)) continue;
    if (only && !cmd.includes(only)) continue;
    try {
      const m = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
      if (m) kb += Number(m[1]);
    } catch { /* gone */ }
  }
  return kb / 1024;
}

// A page that runs its own classifier, as a per-tab design would (the
// content script would do this in each tab).
function perTabPage(n, bundlesB64, key) {
  return `<!doctype html><html><head><meta charset="utf-8"><script src="https://x.com/voile/wasm_exec.js"></script></head><body>
<script type="module">
import { loadVoile } from 'https://x.com/voile/voile.js';
const t0 = performance.now();
const voile = await loadVoile('https://x.com/voile/voile.wasm');
const t1 = performance.now();
voile.trust('voile-demo', ${JSON.stringify(key)});
for (const b of ${JSON.stringify(bundlesB64)}) voile.loadBundle(Uint8Array.from(atob(b), c => c.charCodeAt(0)));
const t2 = performance.now();
const texts = ${JSON.stringify(Array.from({ length: n }, (_, i) => post(i).text))};
const v = voile.classify(texts, { sensitivity: 0.5 });
const t3 = performance.now();
window.__perTab = { instantiate: t1 - t0, lists: t2 - t1, classify: t3 - t2, flagged: v.filter(x => x.flagged).length };
</script></body></html>`;
}

async function placement(ext, server, bundlesB64, opts) {
  const TABS = 5;
  const wasmDir = path.join(opts.extension, 'wasm');
  const out = {};

  // One classifier per browser: the extension, five feed tabs.
  {
    const b = await launch(ext);
    await useServer(b.worker, server.url);
    await servePage(b.context, FEED_URL, feedPage(200));
    const pages = [];
    for (let i = 0; i < TABS; i++) {
      const p = await b.context.newPage();
      await p.goto(FEED_URL);
      await p.waitForFunction(() => window.__voileProbe.done > 0, null, { timeout: 30000 });
      pages.push(p);
    }
    await new Promise(r => setTimeout(r, 1500));
    out.extensionPss = browserPss(b.profile);
    // The extension's own renderer: service worker, offscreen document and its worker.
    out.extensionProcessPss = browserPss(b.profile, '--extension-process');
    await b.close();
  }
  // The same five tabs without any extension, for the baseline.
  const plain = async pageFor => {
    const profile = `/tmp/voile-bench-plain-${process.pid}-${Date.now()}`;
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM, headless: true,
      args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    await context.route(/^https?:\/\//, r => r.abort('blockedbyclient'));
    for (const f of ['voile.wasm', 'wasm_exec.js', 'voile.js']) {
      await context.route(`https://x.com/voile/${f}`, r => r.fulfill({ status: 200, contentType: f.endsWith('.wasm') ? 'application/wasm' : 'text/javascript', body: readFileSync(path.join(wasmDir, f)) }));
    }
    await context.route(FEED_URL, r => r.fulfill({ status: 200, contentType: 'text/html', body: pageFor() }));
    const timings = [];
    for (let i = 0; i < TABS; i++) {
      const p = await context.newPage();
      await p.goto(FEED_URL);
      const t = await p.waitForFunction(() => window.__perTab || window.__voileProbe, null, { timeout: 30000 }).then(h => h.jsonValue());
      if (t && t.instantiate !== undefined) timings.push(t);
    }
    await new Promise(r => setTimeout(r, 1500));
    const pss = browserPss(profile);
    await context.close();
    return { pss, timings };
  };
  out.plain = (await plain(() => feedPage(200, { probe: false }) + '<script>window.__voileProbe={}</script>')).pss;
  const perTab = await plain(() => perTabPage(200, bundlesB64, server.publicKey));
  out.perTabPss = perTab.pss;
  out.perTabTimings = perTab.timings;
  out.tabs = TABS;
  return out;
}

// The classifier's start-up cache record (extension/src/host/cache.js),
// read or deleted from the service worker, which shares its origin.
async function cacheRecord(worker, op) {
  return worker.evaluate(op => new Promise((resolve, reject) => {
    const req = indexedDB.open('voile-classifier', 1);
    req.onupgradeneeded = () => req.result.createObjectStore('cache');
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const db = req.result;
      const tx = db.transaction('cache', op === 'delete' ? 'readwrite' : 'readonly');
      const r = op === 'delete' ? tx.objectStore('cache').delete('engine') : tx.objectStore('cache').get('engine');
      tx.oncomplete = () => { db.close(); resolve(op === 'delete' ? null : r.result ? { key: r.result.key, bytes: r.result.bytes.byteLength } : null); };
      tx.onerror = () => reject(tx.error);
    };
  }), op);
}

async function waitForCache(worker) {
  for (let i = 0; i < 80; i++) {
    const r = await cacheRecord(worker, 'get');
    if (r) return r;
    await new Promise(r => setTimeout(r, 250));
  }
  throw new Error('the classifier saved no start-up cache within 20 s');
}

// One browser start on profile: the feed opened as soon as the browser
// runs. Before closing, the cache is left as the next run wants it.
async function restartRun(ext, profile, { warm, nextWarm }) {
  const t0 = Date.now();
  const b = await launch(ext, { profile });
  await servePage(b.context, FEED_URL, feedPage(200));
  // The cache is looked at while the page opens, not before: a reader's
  // page does not wait for the extension's service worker, which is busy
  // starting the classifier (waiting on it moved the navigation 150-300 ms
  // later, a head start the reader does not give).
  const hadCache = cacheRecord(b.worker, 'get');
  hadCache.catch(() => {}); // awaited below, unless the page fails first
  const page = await b.context.newPage();
  await page.goto(FEED_URL);
  const had = await hadCache;
  if (!!had !== warm) throw new Error(`restart: expected ${warm ? 'a' : 'no'} start-up cache, found ${had ? 'one' : 'none'}`);
  try {
    await page.waitForFunction(() => window.__voileProbe.done > 0 && window.__voileProbe.firstBlur > 0, null, { timeout: 30000 });
  } catch (err) {
    const probe = await page.evaluate(() => {
      const P = window.__voileProbe;
      const states = {};
      for (const a of document.querySelectorAll('article[data-testid="tweet"]')) {
        const v = P.attr ? String(a.getAttribute(P.attr)) : 'none';
        states[v] = (states[v] || 0) + 1;
      }
      return JSON.stringify({ ...P, unsafe: undefined, states });
    }).catch(e => e.message);
    const host = await b.worker.evaluate(() => chrome.runtime.sendMessage({ target: 'host', type: 'lists', args: {} }).then(r => JSON.stringify(r).slice(0, 300), e => 'error: ' + e.message)).catch(e => e.message);
    const state = await b.worker.evaluate(async () => JSON.stringify(await chrome.storage.local.get(['syncStatus', 'problems']))).catch(e => e.message);
    await b.close({ keep: true });
    throw new Error(`restart (${warm ? 'warm' : 'cold'}): ${err.message}; probe ${probe}; extension ${state}; host ${host}`);
  }
  const r = await page.evaluate(() => {
    const P = window.__voileProbe;
    return { dcl: P.dcl, firstBlur: P.firstBlur, done: P.done, origin: performance.timeOrigin };
  });
  if (nextWarm) await waitForCache(b.worker);
  else await cacheRecord(b.worker, 'delete');
  await b.close({ keep: true });
  return { warm, firstBlurAfterDcl: r.firstBlur - r.dcl, doneAfterDcl: r.done - r.dcl, firstBlurAfterLaunch: r.origin + r.firstBlur - t0, navAfterLaunch: r.origin - t0 };
}

// coldOnly: cold runs alone, for an extension without the start-up cache.
async function restartRuns(ext, server, runs, coldOnly = false) {
  const profile = mkdtempSync(path.join(tmpdir(), 'voile-bench-restart-'));
  try {
    const b = await launch(ext, { profile });
    await useServer(b.worker, server.url);
    if (coldOnly) {
      await b.close({ keep: true });
      const out = [];
      for (let i = 0; i < runs; i++) out.push(await restartRun(ext, profile, { warm: false, nextWarm: false }));
      return out;
    }
    await waitForCache(b.worker);
    await b.close({ keep: true });
    const out = [];
    // Warm and cold alternate: each run leaves the cache for the next.
    for (let i = 0; i < runs; i++) {
      out.push(await restartRun(ext, profile, { warm: true, nextWarm: false }));
      out.push(await restartRun(ext, profile, { warm: false, nextWarm: true }));
    }
    return out;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

async function main() {
  const opts = args();
  const server = await startDemoServer();
  const ext = extensionWithTrust(opts.extension, { 'voile-demo': server.publicKey });
  const report = [];
  if (opts.only === 'restart' || opts.only === 'restart-cold') { // the restart runs alone
    try {
      const restarts = await restartRuns(ext, server, opts.runs, opts.only === 'restart-cold');
      reportRestarts(report, restarts);
    } finally {
      server.stop();
    }
    console.log(report.join('\n'));
    return;
  }
  try {
    const b = await launch(ext);
    await useServer(b.worker, server.url);
    await servePage(b.context, FEED_URL, feedPage(opts.posts));
    await servePage(b.context, FEED_URL + '?check', feedPage(opts.posts, { check: true }));
    await servePage(b.context, FEED_URL + '?hostile', feedPage(opts.posts, { check: true, hostile: true }));
    await loadRun(b.context, { check: false }); // warm-up: wasm tier-up, caches

    const loads = [];
    for (let i = 0; i < opts.runs; i++) loads.push(await loadRun(b.context, { check: false }));
    const checks = [];
    for (let i = 0; i < Math.max(3, opts.runs >> 1); i++) checks.push(await loadRun(b.context, { check: true }));
    const hostiles = [];
    for (let i = 0; i < 3; i++) hostiles.push(await loadRun(b.context, { check: true, hostile: true }));
    const inserts = await insertRuns(b.context, opts.inserts);

    // Cold: the host is gone (as after a browser start); the page wakes it.
    const colds = [];
    for (let i = 0; i < Math.max(3, opts.runs >> 1); i++) {
      await b.worker.evaluate(() => chrome.offscreen.closeDocument().catch(() => {}));
      colds.push(await loadRun(b.context, { check: false }));
    }
    // The bundles the extension holds, for the per-tab comparison.
    const bundles = await b.worker.evaluate(async () => Object.values((await chrome.storage.local.get('lists')).lists).map(l => l.bundle));
    await b.close();

    const restarts = await restartRuns(ext, server, opts.runs);

    const places = [];
    for (let i = 0; i < 3; i++) places.push(await placement(ext, server, bundles, opts));
    const place = {
      tabs: places[0].tabs,
      plain: median(places.map(p => p.plain)),
      extensionPss: median(places.map(p => p.extensionPss)),
      extensionProcessPss: median(places.map(p => p.extensionProcessPss)),
      perTabPss: median(places.map(p => p.perTabPss)),
      perTabTimings: places.flatMap(p => p.perTabTimings),
    };

    const afterDcl = loads.map(l => l.afterDcl);
    report.push(`Voile extension in headless Chromium (${execVersion()}), ${opts.posts}-post feed, ${opts.runs} runs; load average ${loadAvg()}`);
    report.push('');
    report.push(`load: all ${opts.posts} posts classified and shown or blurred, after DOMContentLoaded: median ${round(median(afterDcl))} ms (runs: ${afterDcl.map(round).join(', ')})`);
    report.push(`      DOMContentLoaded itself: median ${round(median(loads.map(l => l.dcl)))} ms after navigation start`);
    const batchMs = loads.flatMap(l => l.batches.map(x => x.ms));
    const hostMs = loads.flatMap(l => l.batches.map(x => x.hostMs)).filter(x => typeof x === 'number');
    const perPost = loads.flatMap(l => l.batches.filter(x => x.posts >= 50 && typeof x.hostMs === 'number').map(x => (x.hostMs / x.posts) * 1000));
    report.push(`      batches: median round trip ${round(median(batchMs))} ms, of which classifying in the worker ${round(median(hostMs))} ms (${round(median(perPost))} µs a post)`);
    report.push(`safety: animation frames with a hateful post displayed unblurred: ${checks.reduce((s, c) => s + c.unsafeFrames, 0)} of ${checks.reduce((s, c) => s + c.frames, 0)} frames over ${checks.length} loads`);
    report.push(`hostile site (its own !important rules, with ids, unhide and unblur posts): unsafe frames ${hostiles.reduce((s, c) => s + c.unsafeFrames, 0)} of ${hostiles.reduce((s, c) => s + c.frames, 0)}; flagged posts left unblurred ${hostiles.reduce((s, c) => s + c.unblurred, 0)} over ${hostiles.length} loads`);
    const ins = inserts.map(x => x.ms);
    const blurredFirst = inserts.filter(x => x.firstFrame && x.firstFrame.state === 'b').length;
    const hiddenFirst = inserts.filter(x => x.firstFrame && x.firstFrame.state !== 'b' && x.firstFrame.hidden).length;
    report.push(`insert: a hateful post added after load blurred after median ${round(median(ins))} ms (p90 ${round(ins.sort((a, b) => a - b)[Math.floor(ins.length * 0.9)])} ms); at the first frame after insertion ${blurredFirst}/${inserts.length} were already blurred, ${hiddenFirst}/${inserts.length} still hidden pending, ${inserts.length - blurredFirst - hiddenFirst} visible`);
    report.push(`cold: classifier host not running when the page loads (offscreen document closed): all posts done ${round(median(colds.map(c => c.afterDcl)))} ms after DOMContentLoaded (runs: ${colds.map(c => round(c.afterDcl)).join(', ')})`);
    reportRestarts(report, restarts);
    const t = place.perTabTimings;
    report.push(`placement, ${place.tabs} tabs of a 200-post feed, PSS of all Chromium processes (median of 3): no extension ${round(place.plain)} MiB; extension (one classifier per browser) ${round(place.extensionPss)} MiB (+${round(place.extensionPss - place.plain)}; the extension's own process ${round(place.extensionProcessPss)} MiB); a classifier in each tab ${round(place.perTabPss)} MiB (+${round(place.perTabPss - place.plain)}, ${round((place.perTabPss - place.plain) / place.tabs)} MiB a tab)`);
    if (t.length) {
      report.push(`           per-tab classifier start in each page: instantiate voile.wasm median ${round(median(t.map(x => x.instantiate)))} ms, load the demo lists ${round(median(t.map(x => x.lists)))} ms, then classify 200 posts ${round(median(t.map(x => x.classify)))} ms`);
    }
  } finally {
    server.stop();
  }
  console.log(report.join('\n'));
}

function reportRestarts(report, restarts) {
  for (const warm of [true, false]) {
    const rs = restarts.filter(r => r.warm === warm);
    if (!rs.length) continue;
    const fb = rs.map(r => r.firstBlurAfterDcl);
    report.push(`restart, ${warm ? 'warm (start-up cache present)' : 'cold (no start-up cache)'}: browser started, feed of 200 posts opened at once: first post blurred ${round(median(fb))} ms after DOMContentLoaded (runs: ${fb.map(round).join(', ')}), ${round(median(rs.map(r => r.firstBlurAfterLaunch)))} ms after the browser's launch (navigation started at ${round(median(rs.map(r => r.navAfterLaunch)))} ms); all posts done ${round(median(rs.map(r => r.doneAfterDcl)))} ms after DOMContentLoaded`);
  }
}

function execVersion() {
  try {
    return execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return CHROMIUM;
  }
}

function loadAvg() {
  try { return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' '); } catch { return '?'; }
}

main().catch(err => {
  console.error(`bench-extension: ${err.stack || err.message}`);
  process.exit(1);
});
