// A page's port may open before the host is initialised: the relay
// listens as soon as the offscreen document loads, and the background
// sends init only after reading the lists. Such requests wait.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Host } from '../src/host/host.js';
import { realVoile, storedBundle, KEY } from './voile.js';

test('a classify request that arrives before init is answered after it', async () => {
  const events = [];
  const voile = await realVoile({ lists: [] });
  const host = new Host({ load: async () => voile, post: e => events.push(e) });
  await host.handle({ type: 'opts', portId: 1, opts: { sensitivity: 0.5 } });
  const early = host.handle({ type: 'classify', portId: 1, id: 1, texts: ['Women are inferior and should stay quiet.'] });
  await new Promise(r => setTimeout(r, 5));
  assert.deepEqual(events, [], 'nothing answered before the start');
  await host.handle({ type: 'init', keys: { 'voile-demo': KEY }, bundles: [storedBundle('demo-en')], config: {} });
  await early;
  const v = events.find(e => e.type === 'verdicts');
  assert.ok(v, `no verdicts: ${JSON.stringify(events)}`);
  assert.equal(v.id, 1);
  assert.ok(v.verdicts[0], 'the hateful post is flagged');
});

test('if the start fails, a waiting request gets the error', async () => {
  const events = [];
  const host = new Host({ load: async () => { throw new Error('no wasm'); }, post: e => events.push(e) });
  const early = host.handle({ type: 'classify', portId: 1, id: 2, texts: ['x'] });
  await host.handle({ type: 'init', keys: {}, bundles: [], config: {}, reqId: 9 });
  await early;
  assert.match(events.find(e => e.type === 'error')?.message ?? '', /no wasm/);
});
