// The requests the background answers (protocol.js Request), each declared
// once, here, with who may send it, as uBlock Origin's messaging.js does:
// adding a request means adding one entry to this table, and its privilege
// cannot be forgotten in a second list.

import { Keys, applyCorrection, addStats } from '../common/settings.js';
import { Target, Request, HostOp } from '../common/protocol.js';
import { api } from '../common/browser.js';
import { set, update } from './store.js';
import { takeHostState, hostStarted, recordStart, onHostEvent, ensureHost, callHost } from './host-control.js';
import { status } from './status.js';
import { trustPublisher, untrustPublisher } from './trust.js';
import { syncUserSites } from './sites.js';

/** Who may send a request. */
export const From = Object.freeze({
  pages: 'pages', // content scripts in web pages too
  extension: 'extension', // the extension's own pages only (popup, options, offscreen document)
});

/**
 * Each request's handler and privilege. A content script only wakes the
 * classifier and records corrections and counts; trusting a key, changing
 * the server or reporting host events takes one of the extension's pages.
 */
export const handlers = Object.freeze({
  [Request.wake]: { from: From.pages, handle: async () => { await ensureHost(); return { ok: true }; } },
  [Request.correction]: { from: From.pages, handle: async msg => { await update(Keys.allow, a => applyCorrection(a, msg.change || {})); return { ok: true }; } },
  [Request.stats]: { from: From.pages, handle: async msg => { await update(Keys.stats, s => addStats(s, Array.isArray(msg.categories) ? msg.categories : [])); return { ok: true }; } },
  [Request.status]: { from: From.extension, handle: () => status() },
  [Request.trust]: { from: From.extension, handle: msg => trustPublisher(String(msg.publisher), String(msg.key)).then(() => ({ ok: true })) },
  [Request.untrust]: { from: From.extension, handle: msg => untrustPublisher(String(msg.publisher)).then(() => ({ ok: true })) },
  [Request.syncNow]: { from: From.extension, handle: () => callHost(HostOp.syncNow) },
  [Request.userSites]: { from: From.extension, handle: () => syncUserSites().then(() => ({ ok: true })) },
  [Request.resetStats]: { from: From.extension, handle: async () => { await set({ [Keys.stats]: addStats(null, []) }); return { ok: true }; } },
  [Request.hostState]: { from: From.extension, handle: () => takeHostState() },
  [Request.hostReady]: { from: From.extension, handle: async msg => { await recordStart(msg.started); hostStarted(msg.started); return { ok: true }; } },
  [Request.hostEvent]: { from: From.extension, handle: msg => onHostEvent(msg.event) },
});

/**
 * Whether a runtime message of this type from this sender is allowed, by
 * its handler's privilege: content scripts (whose sender.url is the
 * page's) send only requests declared from pages; the others need a sender
 * whose url is the extension's. Unknown types are refused.
 */
export function allowedSender(type, sender, extensionId, extensionOrigin) {
  if (!sender || sender.id !== extensionId) return false;
  const handler = Object.hasOwn(handlers, type) ? handlers[type] : null;
  if (!handler) return false;
  if (handler.from === From.pages) return true;
  return typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin);
}

/** The background's runtime.onMessage listener: runs the request's handler if its sender may send it. */
export function onRequest(msg, sender, reply) {
  if (msg?.target !== Target.background) return false;
  // Web pages cannot send runtime messages (no externally_connectable):
  // senders are this extension's content scripts and pages.
  if (sender.id !== api.runtime.id) return false;
  if (!Object.hasOwn(handlers, msg.type)) return false;
  // A page's renderer, even compromised, must not pin a publisher.
  if (!allowedSender(msg.type, sender, api.runtime.id, api.runtime.getURL(''))) {
    reply({ error: `${msg.type} is not allowed from a web page` });
    return false;
  }
  const { handle } = handlers[msg.type];
  Promise.resolve()
    .then(() => handle(msg, sender))
    .then(result => reply(result ?? { ok: true }), err => reply({ error: String(err && err.message || err) }));
  return true;
}
