// Shared helpers of the unit tests: fixture pages in jsdom, the built-in
// adapters, and a page guard wired to the real classifier (voile.js) with
// the demo lists.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { adapterForHost, compileAdapter, detectingAdapters } from '../src/common/adapters.js';
import { compactVerdict } from '../src/common/verdicts.js';
import { PageGuard } from '../src/content/guard.js';
import { randomNames } from '../src/content/styles.js';
import { translator } from '../src/common/i18n.js';
import { realVoile } from './voile.js';

const here = path.dirname(fileURLToPath(import.meta.url));
export const SRC = path.join(here, '..', 'src');
export const FIXTURES = path.join(here, 'fixtures');
export const FIXTURE_NAMES = ['x', 'facebook', 'reddit', 'reddit-old', 'youtube', 'mastodon', 'generic'];

/** One classifier with the demo lists, shared by the tests: classify keeps no state between calls. */
export const demoVoile = await realVoile();

export const builtin = JSON.parse(readFileSync(path.join(SRC, 'adapters', 'builtin.json'), 'utf8'));
export const catalogs = {
  en: JSON.parse(readFileSync(path.join(SRC, '_locales', 'en', 'messages.json'), 'utf8')),
  fr: JSON.parse(readFileSync(path.join(SRC, '_locales', 'fr', 'messages.json'), 'utf8')),
};

export function fixtureHtml(name) {
  return readFileSync(path.join(FIXTURES, name + '.html'), 'utf8');
}

/** The host a fixture stands for (data-fixture-host on <html>). */
export function fixtureHost(html) {
  return /data-fixture-host="([^"]+)"/.exec(html)[1];
}

/** A fixture page, parsed, in a jsdom window at its site's address. */
export function loadFixture(name) {
  const html = fixtureHtml(name);
  const host = fixtureHost(html);
  const dom = new JSDOM(html, { url: `https://${host}/`, pretendToBeVisual: true });
  return { dom, doc: dom.window.document, win: dom.window, host };
}

/** An empty page at host, to be filled after the guard starts (document_start). */
export function emptyPage(host) {
  const dom = new JSDOM('<!doctype html><html><head></head><body></body></html>', { url: `https://${host}/`, pretendToBeVisual: true });
  return { dom, doc: dom.window.document, win: dom.window, host };
}

/** The compiled adapter the content script would use for doc. */
export function adapterFor(doc, host) {
  let a = adapterForHost(builtin, host);
  if (a.hosts.includes('*')) {
    const d = detectingAdapters(builtin).find(x => doc.querySelector(x.detect));
    if (d) a = d;
  }
  return compileAdapter(a, builtin.never);
}

/**
 * A PageGuard on doc with the real classifier and the demo lists. Options:
 * opts, the classify options {sensitivity, categories, allow}; hold: the
 * verdicts wait for release(). voile.calls counts the classify calls and
 * the texts classified. classify: another classifier, instead of the real one.
 */
export function guardFor(doc, host, { opts = {}, language = 'en', waitMs = 2000, compiled, allowLog = [], hold = false, classify: instead } = {}) {
  const names = randomNames();
  const pending = [];
  const voile = { calls: { classify: 0, texts: 0 } };
  const classify = texts => {
    voile.calls.classify++;
    voile.calls.texts += texts.length;
    const run = () => demoVoile.classify(texts, opts).map(compactVerdict);
    if (!hold) return Promise.resolve().then(run);
    return new Promise(resolve => pending.push(() => resolve(run())));
  };
  const guard = new PageGuard({
    doc,
    compiled: compiled || adapterFor(doc, host),
    names,
    classify: instead || classify,
    t: translator({ language, catalogs }),
    allow: change => allowLog.push(change),
    waitMs,
  });
  return { guard, names, voile, allowLog, release: () => { while (pending.length) pending.shift()(); } };
}

/** Waits for queued microtasks and a macrotask turn. */
export function settle(win) {
  return new Promise(resolve => win.setTimeout(resolve, 0));
}

/** Waits until cond() holds, checking every few milliseconds, for at most ms. */
export async function waitFor(win, cond, ms = 3000) {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) return false;
    await new Promise(r => win.setTimeout(r, 5));
  }
  return true;
}

/**
 * Every line of the extension's sources (src/, .js and .mjs) that matches
 * re, as "file:line: text", for tests of what the code must not hold.
 * skip(file) leaves a file out (a path relative to src/).
 */
export function sourceLines(re, skip = () => false) {
  const found = [];
  const walk = dir => {
    for (const f of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, f.name);
      if (f.isDirectory()) { walk(p); continue; }
      const rel = path.relative(SRC, p);
      if (!/\.m?js$/.test(f.name) || skip(rel)) continue;
      readFileSync(p, 'utf8').split('\n').forEach((line, i) => {
        if (re.test(line)) found.push(`${rel}:${i + 1}: ${line.trim()}`);
      });
    }
  };
  walk(SRC);
  return found;
}
