// Helpers of the browser measurements: a demo sync server, headless
// Chromium with the built extension, and generated feed pages. Nothing
// leaves the machine: the server listens on loopback, and the feed pages
// are answered by Playwright's request routing inside the browser, at the
// real sites' addresses, so the content script runs as it would there.

import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, cpSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const REPO = path.join(here, '..', '..');
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

/** Median of numbers. */
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * Builds and starts voile-server with the demo publisher and lists on a
 * free loopback port. Returns {url, publicKey, stop()}.
 */
export async function startDemoServer() {
  const dir = mkdtempSync(path.join(tmpdir(), 'voile-bench-server-'));
  const bin = path.join(dir, 'voile-server');
  execFileSync('go', ['build', '-o', bin, './server/cmd/voile-server'], { cwd: REPO, stdio: 'inherit' });
  const addrFile = path.join(dir, 'addr');
  const proc = spawn(bin, ['-demo', '-data', dir, '-addr', '127.0.0.1:0', '-addr-file', addrFile, '-log-level', 'warn'], { stdio: ['ignore', 'inherit', 'inherit'] });
  const deadline = Date.now() + 20000;
  while (!existsSync(addrFile) || !readFileSync(addrFile, 'utf8').trim()) {
    if (Date.now() > deadline) { proc.kill(); throw new Error('voile-server did not start within 20 s'); }
    if (proc.exitCode !== null) throw new Error(`voile-server exited with ${proc.exitCode}`);
    await new Promise(r => setTimeout(r, 50));
  }
  // An interrupted benchmark (Ctrl-C, a timeout) must not leave the server running.
  const kill = () => { if (proc.exitCode === null) proc.kill('SIGTERM'); };
  process.once('exit', kill);
  for (const sig of ['SIGINT', 'SIGTERM']) process.once(sig, () => { kill(); process.exit(130); });
  const addr = readFileSync(addrFile, 'utf8').trim();
  const publicKey = readFileSync(path.join(dir, 'demo.pub'), 'utf8').trim();
  return {
    url: `ws://${addr}/v1/sync`,
    publicKey,
    stop() {
      proc.kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A copy of the built extension with trust.json pinning the given keys. */
export function extensionWithTrust(built, keys) {
  const dir = mkdtempSync(path.join(tmpdir(), 'voile-bench-ext-'));
  cpSync(built, dir, { recursive: true });
  writeFileSync(path.join(dir, 'trust.json'), JSON.stringify(keys));
  return dir;
}

/**
 * Headless Chromium with the extension. Returns {context, extensionId,
 * worker (the service worker), close()}.
 */
export async function launch(extensionDir, { extraArgs = [], profile = mkdtempSync(path.join(tmpdir(), 'voile-bench-profile-')) } = {}) {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-default-apps',
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      ...extraArgs,
    ],
    viewport: { width: 1280, height: 900 },
  });
  // Nothing but the routed pages may load: any other request is refused.
  await context.route(/^https?:\/\//, route => route.abort('blockedbyclient'));
  let worker = context.serviceWorkers()[0];
  if (!worker) worker = await context.waitForEvent('serviceworker', { timeout: 20000 });
  const extensionId = new URL(worker.url()).host;
  return {
    context, worker, extensionId, profile,
    /** Closes the browser; keep: leave the profile for another start. */
    async close({ keep = false } = {}) {
      await context.close();
      if (!keep) rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Serves html at url inside the browser (no network). */
export async function servePage(context, url, html) {
  await context.route(url, route => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
}

// ---- feeds -----------------------------------------------------------------

// Sentences that the demo lists flag, and ordinary ones, in both languages.
export const HATE = [
  'Go back to your country, nobody wants you here.',
  'Honestly the jews control the media, everyone knows it.',
  'Women are inferior and should stay quiet.',
  'Gays are disgusting, keep them away from kids.',
  'People like that should be shot.',
  'Rentre dans ton pays, on ne veut pas de toi ici.',
  'Les juifs contrôlent les banques, réveillez-vous.',
  'Les femmes sont inférieures, c’est la nature.',
  'Tu mérites une balle, sale type.',
  'L’islam est un cancer pour la France.',
];
export const FINE = [
  'Just finished a 10k run along the river, the weather was perfect today!',
  'Our Maine coon learned to open the fridge. Send help.',
  'Great thread on the history of the Paris metro, thanks for sharing.',
  'Does anyone have a good recipe for sourdough that works in a cold kitchen?',
  'The new library opening hours are a real improvement for students.',
  'Quelle belle journée au marché ce matin, les fraises étaient délicieuses.',
  'J’ai vu un raton laveur au zoo de Vincennes, trop mignon !',
  'Merci pour cet article passionnant sur l’histoire du cinéma français.',
  'Le concert de ce soir était incroyable, quelle énergie sur scène.',
  'Quelqu’un connaît un bon garagiste près de Lyon ?',
];

/** Deterministic post i: every tenth is hateful. */
export function post(i) {
  const hate = i % 10 === 3;
  const pool = hate ? HATE : FINE;
  const base = pool[(i * 7) % pool.length];
  return { hate, text: `${base} #${i}` };
}

/** One X-like post's markup (the x adapter: article[data-testid=tweet]). */
export function tweetHtml(i) {
  const p = post(i);
  return `<div data-testid="cellInnerDiv"><article data-testid="tweet" data-bench-hate="${p.hate ? 1 : 0}" tabindex="0"><div><div data-testid="User-Name"><span>user${i}</span> <span>@user${i}</span></div><div data-testid="tweetText" lang="${/[éèçà’]/.test(p.text) ? 'fr' : 'en'}" dir="auto"><span>${p.text}</span></div><div role="group"><button type="button" data-testid="like">${i % 50}</button></div></div></article></div>`;
}

/**
 * A feed page of n posts with the page-side probe: it times
 * DOMContentLoaded and the moment every post has its final state (shown or
 * blurred), and checks at every animation frame (just before paint) that
 * no hateful post is displayed unblurred.
 */
export function feedPage(n, { probe = true, check = false, hostile = false } = {}) {
  const posts = [];
  for (let i = 0; i < n; i++) posts.push(tweetHtml(i));
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Home / X</title>
<style>body{font-family:sans-serif;margin:0}main{max-width:600px;margin:0 auto}article{display:block;padding:12px 16px;border-bottom:1px solid #eee}</style>
${hostile ? HOSTILE_CSS : ''}
${probe ? `<script>window.__voileCheck = ${check};${PROBE}</script>` : ''}
</head><body><main role="main" id="feed"><section aria-label="Timeline">${posts.join('\n')}</section></main></body></html>`;
}

// A site that fights the extension's styles with its own !important
// rules, ids included.
const HOSTILE_CSS = `<style>
#feed article[data-testid="tweet"], #feed article[data-testid="tweet"] * { visibility: visible !important; opacity: 1 !important; filter: none !important; color: #000 !important; text-shadow: none !important; }
</style>`;

// Runs in the page (main world). It only reads the extension's marks, as
// any page could; the extension's names have a random suffix, which the
// probe learns from the first mark it sees.
const PROBE = `
(() => {
  const P = window.__voileProbe = { dcl: 0, done: 0, firstBlur: 0, marks: 0, unsafeFrames: 0, frames: 0, attr: '', total: 0 };
  document.addEventListener('DOMContentLoaded', () => {
    P.dcl = performance.now();
    P.total = document.querySelectorAll('article[data-testid="tweet"]').length;
  });
  const isState = n => /^data-voile-[a-z]{8}$/.test(n);
  const final = new Set(['s', 'b']);
  const seen = new Map();
  new MutationObserver(records => {
    for (const r of records) {
      if (r.type !== 'attributes' || !isState(r.attributeName) || r.target.tagName !== 'ARTICLE') continue;
      P.attr = r.attributeName;
      const v = r.target.getAttribute(r.attributeName);
      const was = seen.get(r.target);
      seen.set(r.target, v);
      if (v === 'b' && !P.firstBlur) P.firstBlur = performance.now(); // blurred
      if (final.has(v) && !final.has(was)) P.marks++;
      else if (!final.has(v) && final.has(was)) P.marks--;
    }
    if (P.total && P.marks >= P.total && !P.done) P.done = performance.now();
  }).observe(document, { attributes: true, subtree: true });
  // Before each paint: a hateful post must be pending (hidden) or blurred.
  // The check runs in a ResizeObserver callback, which comes after every
  // animation-frame callback (the extension's included) and after layout,
  // just before the paint; a probe element's width changes each frame to
  // make it fire.
  const dummy = document.createElement('div');
  dummy.style.cssText = 'position:absolute;left:-10px;top:0;height:1px;width:1px';
  let wide = false;
  const check = () => {
    P.frames++;
    if (!window.__voileCheck) return;
    for (const a of document.querySelectorAll('article[data-bench-hate="1"]')) {
      // Blurred (flagged, or veiled while waiting for a verdict) is safe,
      // and so is a container whose words the parser has not added yet.
      const st = P.attr ? a.getAttribute(P.attr) : null;
      if (st === 'b' || !a.textContent.trim()) continue;
      if (getComputedStyle(a).visibility !== 'hidden') {
        P.unsafeFrames++;
        (P.unsafe ||= []).push({ at: Math.round(performance.now()), state: P.attr ? a.getAttribute(P.attr) : null, text: a.textContent.slice(-30) });
        break;
      }
    }
  };
  new ResizeObserver(check).observe(dummy);
  const frame = () => {
    if (!dummy.isConnected && document.documentElement) document.documentElement.appendChild(dummy);
    wide = !wide;
    dummy.style.width = wide ? '2px' : '1px';
    if (!P.stopFrames) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})();
`;
