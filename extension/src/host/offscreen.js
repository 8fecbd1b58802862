// Chromium's offscreen document: it outlives the service worker, so the
// classifier worker it starts stays warm between page loads, and the sync
// connection stays open. It relays pages' ports and the background's
// requests to the worker (see relay.js).

import { Relay } from './relay.js';
import { startWorker } from './start-worker.js';
import { api, ask, tell } from '../common/browser.js';
import { Target, Request, HostOp, HostEvent } from '../common/protocol.js';

const worker = startWorker();
const toBackground = event => tell(Request.hostEvent, { event });
const relay = new Relay({ runtime: api.runtime, worker, toBackground });

// The background's operations of the host: {target: host, type, args}.
api.runtime.onMessage.addListener((msg, sender, reply) => {
  if (msg?.target !== Target.host) return false;
  // Only the service worker commands the host; content scripts have their port.
  if (sender.id !== api.runtime.id || sender.tab || !String(sender.url || '').startsWith(api.runtime.getURL(''))) return false;
  relay.call(msg.type, msg.args).then(result => reply({ result }), err => reply({ error: err.message }));
  return true;
});

// Ask the background for the keys, lists and settings, then start.
(async () => {
  const state = await ask(Request.hostState);
  const started = await relay.call(HostOp.init, state);
  await ask(Request.hostReady, { started });
})().catch(err => toBackground({ type: HostEvent.problem, message: `classifier start: ${err.message}` }));
