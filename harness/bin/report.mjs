#!/usr/bin/env node
// voile-report: runs pages through Voile in headless Chromium or Firefox and writes,
// for each, a JSON report (every post Voile marked, its verdict, the reason
// on its veil, how long it stayed hidden) and a screenshot.
//
//   node harness/bin/report.mjs [options] TARGET...
//
// A TARGET is a fixture feed (facebook, x, reddit, youtube, mastodon,
// generic), a saved page (a .html file), or a URL. Run with --help for the
// options.

import { parseArgs } from 'node:util';
import { readFileSync, mkdirSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SITES } from '../lib/feeds.js';
import { defaultExtensionDir, startVoileServer, missing, ROOT } from '../lib/setup.js';

// The harness's npm packages (the browser drivers), checked before they are
// imported so that a missing one gets the command that installs it.
const HARNESS = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
for (const dep of ['playwright-core', 'puppeteer-core', 'ws']) {
  if (!existsSync(path.join(HARNESS, 'node_modules', dep, 'package.json'))) {
    console.error(`voile-report: the harness's packages are not installed (no ${dep}): run "make harness-deps" (or "cd harness && npm ci")`);
    process.exit(2);
  }
}
const { Harness } = await import('../lib/harness.js');
const REPO = ROOT.replace(/[\\/]+$/, ''); // the repository, where make runs

const HELP = `usage: node harness/bin/report.mjs [options] TARGET...

TARGET is a fixture feed (${Object.keys(SITES).join(', ')}), a saved page
(path to an .html file) or a URL.

options:
  --out DIR          where reports and screenshots go (default: voile-report)
  --browser NAME     chromium (the default) or firefox
  --extension DIR    the built extension (default: ${path.relative(process.cwd(), defaultExtensionDir()) || '.'},
                     or ${path.relative(process.cwd(), defaultExtensionDir('firefox'))} for Firefox, which
                     "make e2e-build" builds; "make run" builds
                     build/extension/chromium, trusting its server)
  --server URL       a running sync server (ws://HOST:PORT/v1/sync) the
                     extension is pointed at, as "make run" starts one
                     (ws://127.0.0.1:8787/v1/sync)
  --demo-server      start a throwaway sync server with the demo lists
                     (needs "make e2e-build")
  --host NAME        the host a saved page is served under (default: the
                     page's data-fixture-host, else saved.example.org, which
                     gets the generic adapter); www.facebook.com, x.com,
                     www.reddit.com, www.youtube.com and mastodon.social get
                     their site's adapter
  --sensitivity N    the sensitivity setting, 0 to 1
  --settings JSON    more settings, as stored (see extension/src/common/settings.js)
  --lang LANG        the browser's language (default: en-US)
  --timeout MS       how long to wait for classification to settle (default: 20000)
  --network          let the browser reach the network (off: only this
                     machine's fixture server and sync server)
  --check            exit 1 when a post with data-fixture-expect got another verdict
  -h, --help         this text

Each TARGET gives OUT/NAME.json and OUT/NAME.png.

With "make run" running in another terminal (from the repository root):
  node harness/bin/report.mjs --extension build/extension/chromium \\
    --server ws://127.0.0.1:8787/v1/sync --out build/report x reddit

Alone, after "make e2e-build chromium harness-deps":
  node harness/bin/report.mjs --demo-server --out build/report x saved.html`;

const { values: opt, positionals: targets } = parseArgs({
  allowPositionals: true,
  options: {
    out: { type: 'string', default: 'voile-report' },
    browser: { type: 'string', default: 'chromium' },
    extension: { type: 'string' },
    server: { type: 'string' },
    'demo-server': { type: 'boolean', default: false },
    host: { type: 'string' },
    sensitivity: { type: 'string' },
    settings: { type: 'string' },
    lang: { type: 'string', default: 'en-US' },
    timeout: { type: 'string', default: '20000' },
    network: { type: 'boolean', default: false },
    check: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (opt.help || targets.length === 0) {
  console.log(HELP);
  process.exit(opt.help ? 0 : 2);
}

if (!['chromium', 'firefox'].includes(opt.browser)) {
  console.error(`voile-report: --browser is chromium or firefox, not ${opt.browser}`);
  process.exit(2);
}
const extensionDir = path.resolve(opt.extension || defaultExtensionDir(opt.browser));
if (!existsSync(path.join(extensionDir, 'manifest.json'))) {
  console.error(`voile-report: no built extension in ${extensionDir}: ${buildHint(extensionDir)}`);
  process.exit(2);
}
if (opt['demo-server']) {
  // The throwaway server needs the e2e build's binaries and keys.
  const m = missing(opt.browser);
  if (m) {
    console.error(`voile-report: --demo-server needs what "make e2e-build" builds (from ${REPO}); missing ${m}`);
    process.exit(2);
  }
}
const timeoutMs = Number(opt.timeout);
const out = path.resolve(opt.out);
mkdirSync(out, { recursive: true });

let server = null;
let ownServer = null;
if (opt['demo-server']) {
  ownServer = await startVoileServer({ demo: true });
  server = ownServer;
} else if (opt.server) {
  const u = new URL(opt.server);
  server = { host: u.hostname, port: Number(u.port || (u.protocol === 'wss:' ? 443 : 80)), wsUrl: u.href };
}

// The extension runs where the reader turned it on: every host a target is
// served under is granted, as the popup's "Check this site" would.
const builtin = new Set(Object.values(SITES).filter(s => s.host !== SITES.generic.host).map(s => s.host));
const grantSites = new Set([SITES.generic.host, 'saved.example.org']);
for (const target of targets) {
  if (SITES[target]) continue;
  const host = /^https?:\/\//.test(target) ? new URL(target).hostname : savedHost(target);
  if (!builtin.has(host)) grantSites.add(host);
}

const started = Date.now();
let h;
try {
  h = await Harness.launch({ browser: opt.browser, extensionDir, server, lang: opt.lang, openNetwork: opt.network, grantSites: [...grantSites] });
} catch (e) {
  await ownServer?.close();
  console.error(`voile-report: ${e.message}`);
  process.exit(2);
}
const launchMs = Date.now() - started;
let failed = 0;
try {
  const settings = {};
  if (server) settings.server = server.wsUrl;
  if (opt.sensitivity !== undefined) settings.sensitivity = Number(opt.sensitivity);
  if (opt.settings) Object.assign(settings, JSON.parse(opt.settings));
  if (Object.keys(settings).length) await h.setSettings(settings);
  if (server) await h.waitForSync().catch(e => console.error(`voile-report: ${e.message}`));

  for (const target of targets) {
    const { name, open } = resolveTarget(target);
    const page = await h.newPage();
    let error = null;
    try {
      await open(page);
    } catch (e) {
      error = e.message;
    }
    const posts = await h.posts(page).catch(() => []);
    const title = await page.title().catch(() => null);
    const report = buildReport({ target, page, title, posts, error, launchMs, settings: await h.settings().catch(() => null), h });
    const shot = path.join(out, `${name}.png`);
    await page.screenshot({ path: shot, fullPage: true }).catch(e => { report.screenshotError = e.message; });
    report.screenshot = path.basename(shot);
    writeFileSync(path.join(out, `${name}.json`), JSON.stringify(report, null, 2) + '\n');
    const c = report.counts;
    const mism = report.expectations ? `, ${report.expectations.mismatched} of ${report.expectations.checked} expectations missed` : '';
    console.log(`${name}: ${c.posts} posts, ${c.blurred} blurred, ${c.shown} shown${c.unchecked ? `, ${c.unchecked} unchecked` : ''}; settled in ${report.timings.settleMs ?? '-'} ms${mism}${error ? `; ERROR ${error}` : ''} -> ${path.join(out, name + '.json')}`);
    if (error || (opt.check && report.expectations?.mismatched)) failed++;
    await page.close();
  }
} finally {
  await h.close();
  await ownServer?.close();
}
process.exit(failed ? 1 : 0);

function resolveTarget(target) {
  if (SITES[target]) {
    return { name: target, open: page => h.openFeed(target, { page, timeoutMs }) };
  }
  if (/^https?:\/\//.test(target)) {
    const u = new URL(target);
    if (!opt.network) h.proxy.allow(`${u.hostname}:${u.port || (u.protocol === 'https:' ? 443 : 80)}`);
    return { name: slug(u.hostname + u.pathname), open: page => h.open(target, { page, timeoutMs, allowEmpty: true }) };
  }
  const file = path.resolve(target);
  const html = readFileSync(file, 'utf8');
  const host = savedHost(target);
  return {
    name: slug(path.basename(file).replace(/\.html?$/i, '')),
    open: page => h.openHtml(html, { host, path: '/' + encodeURIComponent(path.basename(file)), page, timeoutMs, allowEmpty: true }),
  };
}

// The host a saved page is served under.
function savedHost(file) {
  if (opt.host) return opt.host.toLowerCase();
  const html = readFileSync(path.resolve(file), 'utf8');
  return (/<html[^>]*\sdata-fixture-host="([^"]+)"/i.exec(html)?.[1] || 'saved.example.org').toLowerCase();
}

// The command that builds the extension a tester asked for.
function buildHint(dir) {
  const rel = path.relative(ROOT, dir).split(path.sep).join('/');
  const browserDir = opt.browser === 'firefox' ? 'firefox' : 'chromium';
  if (rel === `build/e2e/extension/${browserDir}`) {
    return `run "make e2e-build" from ${REPO} (it builds the extension trusting the test publishers, and the server --demo-server starts)`;
  }
  if (rel === `build/extension/${browserDir}`) {
    return `run "make run" from ${REPO} (it builds the extension trusting the demo server it starts; "make extension" builds it alone)`;
  }
  return `build one with "make e2e-build" (build/e2e/extension/${browserDir}) or "make run" (build/extension/${browserDir}) from ${REPO}, and pass its folder to --extension`;
}

function slug(s) {
  return s.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80) || 'page';
}

function median(xs) {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : Math.round((s[m - 1] + s[m]) / 2);
}

function buildReport({ target, page, title, posts, error, launchMs, settings, h }) {
  const counts = { posts: posts.length, blurred: 0, shown: 0, revealed: 0, unchecked: 0, pending: 0 };
  for (const p of posts) counts[p.verdict] = (counts[p.verdict] || 0) + 1;
  const hidden = posts.map(p => p.timing?.hiddenMs).filter(x => Number.isFinite(x));
  const checked = posts.filter(p => p.expect);
  const met = p => (p.expect === 'ok' ? p.verdict === 'shown' : p.verdict === 'blurred');
  const extensionRequests = h.requests.filter(r => r.target.extension);
  return {
    tool: 'voile-report',
    createdAt: new Date().toISOString(),
    target,
    url: page.url(),
    title,
    error,
    browser: h.browserName,
    extension: { id: h.extensionId },
    settings,
    timings: {
      launchMs,
      loadMs: page.voileLoadMs ?? null,
      settleMs: page.voileSettleMs ?? null,
      settleAfterLoadMs: page.voileSettleAfterLoadMs ?? null,
      hiddenMs: { median: median(hidden), max: hidden.length ? Math.max(...hidden) : null },
    },
    counts,
    expectations: checked.length ? {
      checked: checked.length,
      mismatched: checked.filter(p => !met(p)).length,
      misses: checked.filter(p => !met(p)).map(p => ({ id: p.id, expect: p.expect, verdict: p.verdict, reason: p.reason || null })),
    } : null,
    posts: posts.map(p => ({
      index: p.index,
      id: p.id,
      verdict: p.verdict,
      reason: p.reason || null,
      veil: p.veil || null,
      blurredOnScreen: p.blurredOnScreen,
      expect: p.expect,
      label: p.label,
      lang: p.lang,
      timing: p.timing,
      rect: p.rect,
      text: p.text,
    })),
    requests: {
      total: h.requests.length,
      byExtension: [...new Set(extensionRequests.map(r => `${r.kind} ${r.url.split('?')[0]}`))],
      refusedConnections: h.connections.filter(c => !c.allowed).map(c => c.target),
    },
  };
}
