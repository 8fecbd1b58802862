// Shared by the end-to-end tests: one sync server and one browser per test
// file, and the extension's own strings to check what the veils say.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Harness } from '../lib/harness.js';
import { startVoileServer, defaultExtensionDir, missing } from '../lib/setup.js';
import { chromiumPath } from '../lib/chromium.js';
import { firefoxPath } from '../lib/firefox.js';

/**
 * The browsers the end-to-end tests run in: both, or those VOILE_BROWSERS
 * names ("chromium", "firefox", "chromium firefox").
 */
export const BROWSERS = (process.env.VOILE_BROWSERS || 'chromium firefox').split(/[\s,]+/).filter(Boolean);

/** A browser's name in test titles. */
export const TITLE = { chromium: 'Chromium', firefox: 'Firefox' };

/** Why the end-to-end tests cannot run here, or false. Printed as the skip reason. */
export function skipReason(browser = 'chromium') {
  try {
    if (browser === 'firefox') firefoxPath();
    else chromiumPath();
  } catch (e) {
    return e.message;
  }
  const m = missing(browser);
  return m ? `not built: ${m}` : false;
}

/**
 * Starts a sync server (demo lists and the test publisher) and a browser
 * pointed at it. prepare(server) runs before the browser starts.
 */
export async function startEnv({ server: withServer = true, prepare = null, ...opts } = {}) {
  const server = withServer ? await startVoileServer() : null;
  let h;
  try {
    if (prepare) await prepare(server);
    h = await Harness.launch({ extensionDir: defaultExtensionDir(opts.browser), server, ...opts });
  } catch (e) {
    await server?.close();
    throw e;
  }
  return {
    h,
    server,
    async close() {
      await h.close();
      await server?.close();
    },
  };
}

/** The extension's English strings (its _locales/en/messages.json), by key. */
export function messages(lang = 'en') {
  const file = path.join(defaultExtensionDir(), '_locales', lang, 'messages.json');
  const m = JSON.parse(readFileSync(file, 'utf8'));
  return key => m[key]?.message ?? '';
}

/**
 * Compares Voile's verdicts on a page with the fixtures' expectations;
 * returns one line for each difference (empty when all is right).
 */
export function verdictProblems(posts, expected, t = messages()) {
  const problems = [];
  for (const e of expected) {
    const p = posts.find(x => x.id === e.id);
    if (!p) { problems.push(`${e.id}: not marked by Voile`); continue; }
    if (e.expect === 'ok') {
      if (p.verdict !== 'shown') problems.push(`${e.id}: ${p.verdict}${p.reason ? ` (${p.reason})` : ''}, want shown: "${e.text}"`);
      else if (!p.visible) problems.push(`${e.id}: shown but hidden by the page stylesheet`);
    } else {
      const label = t(`cat_${e.expect}`) || e.expect;
      if (p.verdict !== 'blurred') problems.push(`${e.id}: ${p.verdict}, want blurred for ${e.expect}: "${e.text}"`);
      else if (!p.blurredOnScreen) problems.push(`${e.id}: blurred state but not blurred on screen`);
      else if (!p.reason || !p.reason.includes(label)) problems.push(`${e.id}: veil says "${p.reason}", want the reason "${label}"`);
    }
  }
  for (const p of posts) {
    if (!p.id && p.verdict !== 'shown') problems.push(`post #${p.index} (not a fixture post) is ${p.verdict}: "${p.text.slice(0, 80)}"`);
  }
  return problems;
}
