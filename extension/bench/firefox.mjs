// Measures the built extension in headless Debian Firefox ESR (make
// bench-extension BROWSER=firefox), the same feeds as run.mjs measures in
// Chromium, driven through the harness (puppeteer-core over WebDriver
// BiDi; harness/lib): the feed pages are served by the harness's fixture
// server at https://x.com/ through its proxy, on loopback. Medians over
// --runs runs of:
//
//  1. load: a 1,000-post X-like feed, time from DOMContentLoaded until
//     every post is shown or blurred, and animation frames (just before a
//     paint) with a hateful post displayed unblurred;
//  2. insert: a hateful post added after load, time until it is blurred and
//     its state at the first frame after it was added;
//  3. memory: PSS of all of Firefox's processes with five tabs of a
//     200-post feed, with the extension and without.
//
// Chromium's cold start (offscreen document closed) and its per-tab
// classifier comparison have no Firefox counterpart: the background page
// holds the classifier for as long as the extension runs.
//
//   node bench/firefox.mjs --extension ../build/extension/firefox [--runs 7] [--posts 1000]

import { readFileSync, readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { REPO, median, startDemoServer, extensionWithTrust, feedPage, tweetHtml } from './lib.mjs';
import { Harness } from '../../harness/lib/harness.js';
import { firefoxPath } from '../../harness/lib/firefox.js';

function args() {
  const a = { extension: path.join(REPO, 'build', 'extension', 'firefox'), runs: 7, posts: 1000, inserts: 40 };
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i += 2) {
    const k = argv[i].replace(/^--/, '');
    if (!(k in a)) throw new Error(`unknown argument ${argv[i]}`);
    a[k] = k === 'extension' ? path.resolve(argv[i + 1]) : Number(argv[i + 1]);
  }
  return a;
}

const round = x => Math.round(x * 10) / 10;
const sleep = ms => new Promise(r => setTimeout(r, ms));
const FEED_URL = 'https://x.com/home';

async function launch(ext, server) {
  const u = new URL(server.url);
  const h = await Harness.launch({
    browser: 'firefox', extensionDir: ext, grantSites: [],
    server: ext ? { host: u.hostname, port: Number(u.port), wsUrl: server.url } : null,
  });
  if (ext) {
    // The demo lists, verified and stored.
    for (let i = 0; ; i++) {
      const { lists = {} } = await h.storage(['lists']);
      if (Object.keys(lists).length >= 2) break;
      if (i > 120) throw new Error(`the extension did not receive the demo lists within 30 s: ${JSON.stringify(await h.storage(['syncStatus']))}`);
      await sleep(250);
    }
  }
  return h;
}

// A plain tab (no harness timing script), at url, once the probe is done.
async function openProbed(h, url) {
  const page = await h.firefox.browser.newPage();
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await page.waitForFunction(() => window.__voileProbe && window.__voileProbe.done > 0, { timeout: 30000, polling: 50 });
  return page;
}

async function loadRun(h, { check, hostile = false }) {
  const page = await openProbed(h, hostile ? FEED_URL + '?hostile' : check ? FEED_URL + '?check' : FEED_URL);
  const r = await page.evaluate(() => {
    const P = window.__voileProbe;
    P.stopFrames = true;
    const unblurred = [...document.querySelectorAll('article[data-bench-hate="1"]')].filter(a => {
      const inner = a.querySelector('[data-testid="tweetText"]');
      return a.getAttribute(P.attr) === 'b' && !/blur/.test(getComputedStyle(inner.parentElement).filter);
    }).length;
    return { afterDcl: P.done - P.dcl, dcl: P.dcl, unsafeFrames: P.unsafeFrames, frames: P.frames, unblurred, unsafe: P.unsafe || [] };
  });
  await page.close();
  return r;
}

async function insertRuns(h, n) {
  const page = await openProbed(h, FEED_URL);
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
          requestAnimationFrame(() => resolve({ ms, firstFrame }));
        }
      });
      mo.observe(article, { attributes: true });
      requestAnimationFrame(() => {
        firstFrame = { state: article.getAttribute(P.attr), hidden: getComputedStyle(article).visibility === 'hidden' };
      });
      document.querySelector('section').appendChild(holder.firstElementChild);
    }), html));
    await sleep(50);
  }
  await page.close();
  return results;
}

// PSS of the browser process and every process below it, in MiB.
function treePss(rootPid) {
  const parent = new Map();
  for (const pid of readdirSync('/proc').filter(d => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      parent.set(Number(pid), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch { /* gone */ }
  }
  const inTree = pid => { for (let p = pid; p; p = parent.get(p)) if (p === rootPid) return true; return false; };
  let kb = 0;
  for (const pid of parent.keys()) {
    if (!inTree(pid)) continue;
    try {
      const m = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
      if (m) kb += Number(m[1]);
    } catch { /* gone */ }
  }
  return kb / 1024;
}

async function memory(ext, server, withExtension) {
  const TABS = 5;
  const h = await launch(withExtension ? ext : null, server);
  try {
    h.feeds.addPage('x.com', '/home', feedPage(200, { probe: withExtension }) + (withExtension ? '' : '<script>window.__voileProbe={done:1}</script>'));
    for (let i = 0; i < TABS; i++) await openProbed(h, FEED_URL);
    await sleep(1500);
    return treePss(h.firefox.proc.pid);
  } finally {
    await h.close();
  }
}

async function main() {
  const opts = args();
  firefoxPath();
  const server = await startDemoServer();
  const ext = extensionWithTrust(opts.extension, { 'voile-demo': server.publicKey });
  const report = [];
  try {
    const h = await launch(ext, server);
    let loads; let checks; let hostiles; let inserts;
    try {
      h.feeds.addPage('x.com', '/home', feedPage(opts.posts));
      h.feeds.addPage('x.com', '/home?check', feedPage(opts.posts, { check: true }));
      h.feeds.addPage('x.com', '/home?hostile', feedPage(opts.posts, { check: true, hostile: true }));
      await loadRun(h, { check: false }); // warm-up
      loads = [];
      for (let i = 0; i < opts.runs; i++) loads.push(await loadRun(h, { check: false }));
      checks = [];
      for (let i = 0; i < Math.max(3, opts.runs >> 1); i++) checks.push(await loadRun(h, { check: true }));
      hostiles = [];
      for (let i = 0; i < 3; i++) hostiles.push(await loadRun(h, { check: true, hostile: true }));
      inserts = await insertRuns(h, opts.inserts);
    } finally {
      await h.close();
    }
    const mems = [];
    for (let i = 0; i < 3; i++) mems.push({ plain: await memory(ext, server, false), extension: await memory(ext, server, true) });

    const afterDcl = loads.map(l => l.afterDcl);
    report.push(`Voile extension in headless Firefox (${execVersion()}), ${opts.posts}-post feed, ${opts.runs} runs; load average ${loadAvg()}`);
    report.push('');
    report.push(`load: all ${opts.posts} posts classified and shown or blurred, after DOMContentLoaded: median ${round(median(afterDcl))} ms (runs: ${afterDcl.map(round).join(', ')})`);
    report.push(`      DOMContentLoaded itself: median ${round(median(loads.map(l => l.dcl)))} ms after navigation start`);
    report.push(`safety: animation frames with a hateful post displayed unblurred: ${checks.reduce((s, c) => s + c.unsafeFrames, 0)} of ${checks.reduce((s, c) => s + c.frames, 0)} frames over ${checks.length} loads`);
    report.push(`hostile site (its own !important rules, with ids, unhide and unblur posts): unsafe frames ${hostiles.reduce((s, c) => s + c.unsafeFrames, 0)} of ${hostiles.reduce((s, c) => s + c.frames, 0)}; flagged posts left unblurred ${hostiles.reduce((s, c) => s + c.unblurred, 0)} over ${hostiles.length} loads`);
    const ins = inserts.map(x => x.ms);
    const blurredFirst = inserts.filter(x => x.firstFrame && x.firstFrame.state === 'b').length;
    const hiddenFirst = inserts.filter(x => x.firstFrame && x.firstFrame.state !== 'b' && x.firstFrame.hidden).length;
    report.push(`insert: a hateful post added after load blurred after median ${round(median(ins))} ms (p90 ${round(ins.sort((a, b) => a - b)[Math.floor(ins.length * 0.9)])} ms); at the first frame after insertion ${blurredFirst}/${inserts.length} were already blurred, ${hiddenFirst}/${inserts.length} still hidden pending, ${inserts.length - blurredFirst - hiddenFirst} visible`);
    const plain = median(mems.map(m => m.plain));
    const withExt = median(mems.map(m => m.extension));
    report.push(`memory, 5 tabs of a 200-post feed, PSS of all Firefox processes (median of 3): no extension ${round(plain)} MiB; extension ${round(withExt)} MiB (+${round(withExt - plain)})`);
    const unsafe = checks.flatMap(c => c.unsafe);
    if (unsafe.length) report.push(`unsafe frames: ${JSON.stringify(unsafe.slice(0, 5))}`);
  } finally {
    server.stop();
  }
  console.log(report.join('\n'));
}

function execVersion() {
  try {
    return execFileSync(firefoxPath(), ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return firefoxPath();
  }
}

function loadAvg() {
  try { return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' '); } catch { return '?'; }
}

main().then(() => process.exit(0), err => {
  console.error(`bench-extension (firefox): ${err.stack || err.message}`);
  process.exit(1);
});
