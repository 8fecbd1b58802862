// Chromium's offscreen document: it outlives the service worker, so the
// classifier worker it starts stays warm between page loads, and the sync
// connection stays open. It relays pages' ports and the background's
// requests to the worker (see relay.js).

import { Relay } from './relay.js';

const api = globalThis.chrome;
const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
const relay = new Relay({
  runtime: api.runtime,
  worker,
  toBackground: event => api.runtime.sendMessage({ target: 'background', type: 'host-event', event }).catch(() => {}),
});

api.runtime.onMessage.addListener((msg, sender, reply) => {
  if (msg?.target !== 'host') return false;
  // Only the service worker commands the host; content scripts have their port.
  if (sender.id !== api.runtime.id || sender.tab || !String(sender.url || '').startsWith(api.runtime.getURL(''))) return false;
  relay.call(msg.op, msg.args).then(result => reply({ result }), err => reply({ error: err.message }));
  return true;
});

// Ask the background for the keys, lists and settings, then start.
(async () => {
  const state = await api.runtime.sendMessage({ target: 'background', type: 'host-state' });
  const started = await relay.call('init', state);
  await api.runtime.sendMessage({ target: 'background', type: 'host-ready', started });
})().catch(err => api.runtime.sendMessage({ target: 'background', type: 'host-event', event: { event: 'problem', message: `classifier start: ${err.message}` } }));
