// Shared helpers of the unit tests: fixture pages in jsdom, the built-in
// adapters, and a page guard wired to the fake classifier.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { adapterForHost, compileAdapter, detectingAdapters } from '../src/common/adapters.js';
import { compactVerdict } from '../src/common/verdicts.js';
import { PageGuard } from '../src/content/guard.js';
import { randomNames } from '../src/content/styles.js';
import { translator } from '../src/common/i18n.js';
import { fakeVoile } from './fake-voile.js';

const here = path.dirname(fileURLToPath(import.meta.url));
export const SRC = path.join(here, '..', 'src');
export const FIXTURES = path.join(here, 'fixtures');
export const FIXTURE_NAMES = ['x', 'facebook', 'reddit', 'reddit-old', 'youtube', 'mastodon', 'generic'];

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
 * A PageGuard on doc with the fake classifier. Options: sync (answer in
 * the same microtask chain), settings {sensitivity, categories, allow}.
 */
export function guardFor(doc, host, { voile = fakeVoile(), opts = {}, language = 'en', waitMs = 2000, compiled, allowLog = [], hold = false } = {}) {
  const names = randomNames();
  const pending = [];
  const classify = texts => {
    const run = () => voile.classify(texts, opts).map(compactVerdict);
    if (!hold) return Promise.resolve().then(run);
    return new Promise(resolve => pending.push(() => resolve(run())));
  };
  const guard = new PageGuard({
    doc,
    compiled: compiled || adapterFor(doc, host),
    names,
    classify,
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
