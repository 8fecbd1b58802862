// The one wrapper of the browser's extension API (as uBlock Origin's
// vAPI): every part of the extension reaches the browser through it.
// Firefox provides chrome.* too, with promises as well as callbacks.

import { Target } from './protocol.js';

export const api = globalThis.chrome ?? globalThis.browser;

/**
 * Chromium runs the classifier host in an offscreen document; Firefox, which
 * has none, in a worker of its background page.
 */
export const isChromium = typeof globalThis.chrome?.offscreen?.createDocument === 'function';

/** The browser's name where the two differ (host permission patterns, the options page). */
export const browserName = isChromium ? 'chromium' : 'firefox';

/** Sends a request (protocol.js Request) to the background; resolves to its answer, rejects with its error. */
export async function ask(type, fields = {}) {
  const answer = await api.runtime.sendMessage({ target: Target.background, type, ...fields });
  if (answer && answer.error) throw new Error(answer.error);
  return answer;
}

/**
 * Tells the background something, wanting no answer: from a content
 * script whose extension may have been reloaded meanwhile (nothing to tell
 * then), with the browser's error read so that it is not logged.
 */
export function tell(type, fields = {}, done = () => {}) {
  try {
    api.runtime.sendMessage({ target: Target.background, type, ...fields }, () => { void api.runtime.lastError; done(); });
  } catch {
    done(); // extension reloaded: nothing to tell
  }
}
