// The names of the messages between the extension's parts, each once.
// Every message says what it is in one field, `type`: runtime messages,
// a page's port to the classifier host, the host's operations and its
// events alike, so that a relay passes them on without translating.
//
//   popup, options ──Request──▶ background ──HostOp──▶ host (worker)
//   content script ──Request (those declared From.pages)──▶ background
//   content script ◀──PortMessage──▶ relay ◀──HostOp, HostEvent──▶ host
//   popup ──PageRequest──▶ content script

/** The runtime port a page opens to the classifier host. */
export const PORT_NAME = 'voile-classify';

/** Who a runtime message is for: extension messages reach every listener. */
export const Target = Object.freeze({ background: 'background', host: 'host', page: 'page' });

/**
 * Requests the background answers: background/messaging.js declares each
 * one's handler together with who may send it.
 */
export const Request = Object.freeze({
  wake: 'wake', // start the classifier host if it is not running
  correction: 'correction', // {change}: the reader's correction of a verdict
  stats: 'stats', // {categories}: flagged posts to count
  status: 'status',
  trust: 'trust', // {publisher, key}
  untrust: 'untrust', // {publisher}
  syncNow: 'sync-now',
  userSites: 'user-sites', // register the content script on the granted sites
  resetStats: 'reset-stats',
  hostState: 'host-state', // the offscreen document asks what to start with
  hostReady: 'host-ready', // {started}
  hostEvent: 'host-event', // {event}: a HostEvent for the background
});

/** What the popup asks a page's content script. */
export const PageRequest = Object.freeze({ counts: 'counts' });

/** Over a page's port: opts, classify and alive go to the host; the rest come back. */
export const PortMessage = Object.freeze({
  opts: 'opts', // {opts}: the page's classify options
  classify: 'classify', // {id, texts}
  alive: 'alive', // keeps Firefox's background page from being suspended
  ready: 'ready', // the host's relay took the port
  verdicts: 'verdicts', // {id, verdicts, ms}
  error: 'error', // {id, message}: the request failed
  recheck: 'recheck', // the lists changed: classify every post again
});

/** Operations of the classifier host (host.js); those with reqId are answered by a reply event. */
export const HostOp = Object.freeze({
  init: 'init', ping: 'ping', lists: 'lists',
  opts: PortMessage.opts, close: 'close', classify: PortMessage.classify,
  trust: 'trust', configure: 'configure', unload: 'unload', load: 'load', syncNow: 'sync-now',
  // From the worker's starter (start-worker.js), first: voile.wasm compiled,
  // {module} or {error}, and the start-up cache read, {entry} (null if none).
  wasm: 'wasm', startupCache: 'startup-cache',
});

/** Events of the classifier host: the relay routes verdicts, errors and rechecks to pages, replies to callers, the rest to the background. */
export const HostEvent = Object.freeze({
  reply: 'reply', // {reqId, result} or {reqId, error}
  verdicts: PortMessage.verdicts, // {portId, id, verdicts, ms}
  error: PortMessage.error, // {portId, id, message}
  recheck: PortMessage.recheck,
  problem: 'problem', // {message}
  syncStatus: 'sync-status', // {state, message, at}
  catalog: 'catalog', // {lists, keyChanged: {publisher: key the catalog shows instead of the pinned one}}
  storeBundle: 'store-bundle', // {ref, version, info, bundle}
  listRefused: 'list-refused', // {ref, version, message}
  adapters: 'adapters', // {signed}
});
