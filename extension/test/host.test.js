import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Host } from '../src/host/host.js';
import { compactVerdict } from '../src/common/verdicts.js';
import { realVoile, storedBundle, message, KEY, OTHER } from './voile.js';

// Reads the hellos the host sends, with the real classifier's decoder.
const decoder = await realVoile({ lists: [] });

// A WebSocket stand-in: the test plays the server, with messages of the
// fixtures encoded as the server encodes them.
class FakeSocket {
  static last = null;
  constructor(url) {
    this.url = url;
    this.sent = [];
    this.readyState = 0;
    FakeSocket.last = this;
    queueMicrotask(() => { this.readyState = 1; this.onopen?.(); });
  }
  // A hello as {type, follow: ["publisher/list"], held: {"publisher/list": version}}.
  send(bytes) {
    const m = decoder.decodeMessage(bytes);
    this.sent.push({
      type: m.type,
      held: Object.fromEntries((m.held || []).map(h => [`${h.publisher}/${h.list}`, h.version])),
      follow: (m.follow || []).map(f => `${f.publisher}/${f.list}`),
    });
  }
  close() { this.readyState = 3; }
  serve(name) { this.onmessage({ data: message(name).buffer }); }
  drop() { this.readyState = 3; this.onclose({ code: 1006, reason: '' }); }
}

async function makeHost({ lists = [] } = {}) {
  const events = [];
  const voile = await realVoile({ lists });
  const host = new Host({ load: async () => voile, post: e => events.push(e), WebSocket: FakeSocket });
  return { host, events, voile };
}

const tick = () => new Promise(r => setTimeout(r, 0));

test('starts from stored bundles, verified with the pinned keys; a bad one is left out', async () => {
  const { host, voile } = await makeHost();
  const good = storedBundle('demo-en');
  const forged = storedBundle('demo-fr-forged');
  const started = await host.init({ keys: { 'voile-demo': KEY }, bundles: [good, forged], config: {} });
  assert.deepEqual(voile.lists().map(l => l.id), ['demo-en']);
  assert.equal(started.refused.length, 1);
  assert.match(started.refused[0], /bad signature/);
});

test('classifies with the options of each page and answers compact verdicts', async () => {
  const { host, events, voile } = await makeHost({ lists: ['demo-en'] });
  await host.handle({ type: 'init', keys: {}, bundles: [], config: {} });
  await host.handle({ type: 'opts', portId: 1, opts: { sensitivity: 0.5 } });
  await host.handle({ type: 'opts', portId: 2, opts: { sensitivity: 0.5, categories: ['racism'] } });
  const texts = ['Women are inferior and should stay quiet.', 'Nice weather today.'];
  await host.handle({ type: 'classify', portId: 1, id: 7, texts });
  await host.handle({ type: 'classify', portId: 2, id: 8, texts });
  const [a, b] = events.filter(e => e.type === 'verdicts');
  assert.equal(a.id, 7);
  assert.equal(a.verdicts[0].flagged, true);
  assert.equal(a.verdicts[0].category, 'sexism');
  assert.ok(a.verdicts[0].rules.includes('voile-demo/demo-en/sexism-inferior'), `a rule is named with its publisher: ${a.verdicts[0].rules}`);
  assert.deepEqual(a.verdicts[0].rules, compactVerdict(voile.classify(texts)[0]).rules, 'with every rule that counted');
  assert.match(a.verdicts[0].fingerprint, /^[0-9a-f]{16}$/);
  assert.equal(a.verdicts[1], null, 'a post that is fine travels as null');
  assert.equal(b.verdicts[0], null, 'a category the page turned off does not flag');
});

test('a classify error is answered to the page that asked', async () => {
  const { host, events } = await makeHost();
  await host.handle({ type: 'init', keys: {}, bundles: [], config: {} });
  await host.handle({ type: 'classify', portId: 3, id: 1, texts: 'not an array' });
  assert.deepEqual(events.at(-1), { type: 'error', portId: 3, id: 1, message: 'classify: texts must be an array' });
});

test('sync: follows only lists of pinned publishers, verifies each bundle, then has it stored and pages rechecked', async () => {
  const { host, events, voile } = await makeHost();
  await host.init({ keys: { 'voile-demo': KEY }, bundles: [], config: { server: 'ws://127.0.0.1:1/v1/sync' } });
  await tick();
  const ws = FakeSocket.last;
  assert.equal(ws.url, 'ws://127.0.0.1:1/v1/sync');
  assert.deepEqual(ws.sent[0], { type: 'hello', held: {}, follow: [] }, 'first hello asks for the catalog');
  ws.serve('catalog');
  assert.deepEqual(ws.sent[1].follow, ['voile-demo/demo-en'], 'an unpinned publisher is not followed');
  // The answer to the first hello, which followed nothing.
  ws.serve('synced');
  assert.ok(!events.some(e => e.state === 'synced'), 'the catalog alone is not "synced": the lists are still to come');
  const cat = events.find(e => e.type === 'catalog');
  assert.equal(cat.lists.length, 2, 'the catalog goes to the options page');
  assert.equal(cat.lists[0].public_key, KEY, 'with each publisher\'s key, for pinning');
  assert.deepEqual(cat.keyChanged, {}, 'the pinned key is the catalog\'s');
  ws.serve('snapshot-en-v2');
  const stored = events.find(e => e.type === 'store-bundle');
  assert.equal(stored.ref, 'voile-demo/demo-en');
  assert.equal(stored.version, 2);
  assert.equal(stored.bundle, storedBundle('demo-en-v2'));
  assert.ok(events.some(e => e.type === 'recheck'));
  assert.deepEqual(voile.lists().map(l => l.version), [2]);
  ws.serve('synced-en-v2');
  assert.equal(events.at(-1).state, 'synced');
});

test('sync: a catalog sent one publisher at a time is used once whole', async () => {
  const { host, events } = await makeHost();
  await host.init({ keys: { 'voile-demo': KEY }, bundles: [], config: { server: 'ws://127.0.0.1:1/v1/sync' } });
  await tick();
  const ws = FakeSocket.last;
  ws.serve('catalog-someone-more');
  assert.equal(ws.sent.length, 1, 'no hello before the catalog is whole');
  assert.ok(!events.some(e => e.type === 'catalog'));
  ws.serve('catalog-demo-last');
  assert.deepEqual(ws.sent[1].follow, ['voile-demo/demo-en']);
  assert.deepEqual(events.filter(e => e.type === 'catalog').at(-1).lists.map(e => e.list).sort(), ['demo-en', 'other-list']);
  // A publisher's catalog pushed alone replaces its lists and no other's.
  ws.serve('catalog-demo-en-fr');
  assert.deepEqual(events.filter(e => e.type === 'catalog').at(-1).lists.map(e => e.list).sort(), ['demo-en', 'demo-fr', 'other-list']);
  assert.deepEqual(ws.sent.at(-1).follow, ['voile-demo/demo-en', 'voile-demo/demo-fr']);
});

test('sync: a forged bundle is refused and the previous version stays in use', async () => {
  const { host, events, voile } = await makeHost();
  await host.init({ keys: { 'voile-demo': KEY }, bundles: [storedBundle('demo-en')], config: { server: 'ws://s/v1/sync' } });
  await tick();
  const ws = FakeSocket.last;
  ws.serve('catalog-en');
  assert.deepEqual(ws.sent.at(-1).held, { 'voile-demo/demo-en': 1 }, 'the hello says which version is held');
  ws.serve('snapshot-en-v2-forged');
  const refused = events.find(e => e.type === 'list-refused');
  assert.match(refused.message, /bad signature/);
  assert.ok(!events.some(e => e.type === 'store-bundle'));
  assert.deepEqual(voile.lists().map(l => l.version), [1]);
});

test('sync: a delta that does not apply asks for a snapshot', async () => {
  const { host, events } = await makeHost();
  await host.init({ keys: { 'voile-demo': KEY }, bundles: [storedBundle('demo-en')], config: { server: 'ws://s/v1/sync' } });
  await tick();
  const ws = FakeSocket.last;
  ws.serve('catalog-en');
  const before = ws.sent.length;
  ws.serve('delta-en-3-4'); // from version 3: it does not apply to version 1
  assert.equal(ws.sent.length, before + 1);
  assert.deepEqual(ws.sent.at(-1).held, {}, 'the held version is dropped so the server sends the whole list');
  assert.match(events.find(e => e.type === 'list-refused').message, /starts from version 3, the base is version 1/);
});

test('sync: a key change for a pinned publisher is reported and refused', async () => {
  const { host, events } = await makeHost();
  await host.init({ keys: { 'voile-demo': KEY }, bundles: [], config: { server: 'ws://s/v1/sync' } });
  await tick();
  FakeSocket.last.serve('catalog-en-other-key');
  assert.deepEqual(events.find(e => e.type === 'catalog')?.keyChanged, { 'voile-demo': OTHER }, 'the key change is reported with the catalog');
  assert.deepEqual(FakeSocket.last.sent.at(-1).follow, [], 'lists under the new key are not followed');
  await assert.rejects(host.trust('voile-demo', OTHER), /pinned to another key; a key change is refused/);
});

test('trusting a publisher follows its lists at once', async () => {
  const { host } = await makeHost();
  await host.init({ keys: {}, bundles: [], config: { server: 'ws://s/v1/sync' } });
  await tick();
  const ws = FakeSocket.last;
  ws.serve('catalog-en');
  assert.deepEqual(ws.sent.at(-1).follow, []);
  await host.trust('voile-demo', KEY);
  assert.deepEqual(ws.sent.at(-1).follow, ['voile-demo/demo-en']);
});

test('a list the reader turns off is unloaded and no longer followed', async () => {
  const { host, events, voile } = await makeHost();
  await host.init({ keys: { 'voile-demo': KEY }, bundles: [storedBundle('demo-en')], config: { server: 'ws://s/v1/sync' } });
  await tick();
  FakeSocket.last.serve('catalog-en');
  host.configure({ disabledLists: ['voile-demo/demo-en'] });
  assert.deepEqual(voile.lists(), []);
  assert.ok(events.some(e => e.type === 'recheck'));
  assert.deepEqual(FakeSocket.last.sent.at(-1).follow, []);
});

test('offline: the connection comes back with a growing delay and the lists stay', async () => {
  const { host, events, voile } = await makeHost();
  await host.init({ keys: { 'voile-demo': KEY }, bundles: [storedBundle('demo-en')], config: { server: 'ws://s/v1/sync' } });
  await tick();
  const timers = [];
  host.sync.setTimeout = (fn, ms) => { timers.push(ms); return 0; };
  host.sync.clearTimeout = () => {};
  FakeSocket.last.drop();
  FakeSocket.last.onclose = null;
  host.sync.later();
  assert.equal(events.filter(e => e.type === 'sync-status').at(-1).state, 'offline');
  assert.ok(timers[0] >= 750 && timers[0] <= 1250, `first retry after about a second (${timers[0]})`);
  assert.ok(timers[1] > timers[0] * 1.2, 'then longer');
  assert.deepEqual(voile.lists().map(l => l.id), ['demo-en']);
  host.sync.stop();
});

test('several sync nodes: when one goes away the next is tried within about a second, with the versions held', async () => {
  const { host } = await makeHost();
  await host.init({ keys: { 'voile-demo': KEY }, bundles: [storedBundle('demo-en')], config: { server: 'ws://a/v1/sync, ws://b/v1/sync' } });
  await tick();
  assert.equal(FakeSocket.last.url, 'ws://a/v1/sync');
  const timers = [];
  host.sync.setTimeout = (fn, ms) => { timers.push({ fn, ms }); return 0; };
  host.sync.clearTimeout = () => {};
  const held = FakeSocket.last.sent.at(-1).held;
  FakeSocket.last.drop();
  assert.ok(timers[0].ms >= 750 && timers[0].ms <= 1250, `next node after about a second (${timers[0].ms})`);
  timers[0].fn();
  await tick();
  assert.equal(FakeSocket.last.url, 'ws://b/v1/sync');
  const hello = FakeSocket.last.sent.at(-1);
  assert.equal(hello.type, 'hello');
  assert.deepEqual(hello.held, held, 'the hello names the versions held');
  // Both nodes gone: once each has failed in turn, the delay grows as
  // with one.
  FakeSocket.last.drop();
  for (const i of [1, 2]) {
    timers[i].fn();
    FakeSocket.last.onopen = null;
    FakeSocket.last.drop();
  }
  assert.equal(FakeSocket.last.url, 'ws://b/v1/sync');
  assert.ok(timers[3].ms > timers[1].ms * 1.2, `then longer (${timers.map(t => Math.round(t.ms))})`);
  host.sync.stop();
});

test('the sync client calls timers bare, as browsers require', async () => {
  const { SyncClient } = await import('../src/host/sync.js');
  const calls = [];
  function strictTimer(f, ms) { if (this !== undefined && this !== globalThis) throw new TypeError('Illegal invocation'); calls.push(ms); return 1; }
  function strictClear() { if (this !== undefined && this !== globalThis) throw new TypeError('Illegal invocation'); }
  const s = new SyncClient({ url: 'ws://s', WebSocket: FakeSocket, hello: () => new Uint8Array(), onMessage() {}, onStatus() {}, setTimeout: strictTimer, clearTimeout: strictClear });
  s.stopped = false;
  s.later();
  assert.equal(calls.length, 1);
  s.stop();
});

test('a settings change that arrives while the host starts is not lost', async () => {
  FakeSocket.last = null;
  const events = [];
  let release;
  const gate = new Promise(r => { release = r; });
  const voile = await realVoile({ lists: [] });
  const host = new Host({ load: async () => { await gate; return voile; }, post: e => events.push(e), WebSocket: FakeSocket });
  // Before init.
  await host.handle({ type: 'configure', config: { server: 'ws://early/v1/sync' } });
  const started = host.handle({ type: 'init', keys: {}, bundles: [], config: { server: 'ws://stale/v1/sync' } });
  // During init.
  const during = host.handle({ type: 'configure', config: { server: 'ws://new/v1/sync' } });
  release();
  await started;
  await during;
  await tick();
  assert.equal(host.config.server, 'ws://new/v1/sync');
  assert.equal(FakeSocket.last.url, 'ws://new/v1/sync');
  host.sync.stop();
});

test('on a first start, verdicts wait for the lists of the first sync', async () => {
  const { host, events } = await makeHost();
  await host.init({ keys: { 'voile-demo': KEY }, bundles: [], config: { server: 'ws://s/v1/sync' } });
  await tick();
  const ws = FakeSocket.last;
  const asked = host.handle({ type: 'classify', portId: 1, id: 1, texts: ['Women are inferior and should stay quiet.'] });
  ws.serve('catalog-en');
  ws.serve('synced'); // the first hello's: the catalog alone
  await tick();
  assert.ok(!events.some(e => e.type === 'verdicts'), `answered before the lists came: ${JSON.stringify(events.find(e => e.type === 'verdicts'))}`);
  ws.serve('snapshot-en-v2');
  ws.serve('synced-en-v2');
  await asked;
  const v = events.find(e => e.type === 'verdicts');
  assert.equal(v?.verdicts[0]?.category, 'sexism', `the post is judged with the synced lists: ${JSON.stringify(v)}`);
  host.sync.stop();
});

test('on a first start offline, verdicts come from the lists loaded (none) once the connection fails', async () => {
  const { host, events } = await makeHost();
  await host.init({ keys: { 'voile-demo': KEY }, bundles: [], config: { server: 'ws://s/v1/sync' } });
  await tick();
  host.sync.setTimeout = () => 0;
  const asked = host.handle({ type: 'classify', portId: 1, id: 1, texts: ['Nice weather today.'] });
  await tick();
  assert.ok(!events.some(e => e.type === 'verdicts'), 'not answered while the first sync may bring lists');
  FakeSocket.last.drop();
  await asked;
  assert.deepEqual(events.find(e => e.type === 'verdicts')?.verdicts, [null]);
  host.sync.stop();
});
