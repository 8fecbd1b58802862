// The host's start-up cache: read while the wasm loads, handed to voile
// before the bundles, saved when the one in use is not current. voile
// itself decides what to trust (wasm/test checks that in detail); here the
// host's part, with the real classifier.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Host } from '../src/host/host.js';
import { realVoile, storedBundle, otherBuildCache, withoutBuildId, KEY } from './voile.js';

const tick = (ms = 0) => new Promise(r => setTimeout(r, ms));

// The real classifier, counting its restores.
async function cachingVoile({ wasm } = {}) {
  const v = await realVoile({ lists: [], wasm });
  const restore = v.restoreCache;
  v.calls = { restore: 0 };
  v.restoreCache = bytes => { v.calls.restore++; return restore.call(v, bytes); };
  return v;
}

function memoryCache(entry = null) {
  return {
    entry, puts: 0,
    async get() { return this.entry; },
    async put(e) { this.puts++; this.entry = { key: e.key, bytes: new Uint8Array(e.bytes) }; },
  };
}

async function start({ voile, cache, bundles = ['demo-en', 'demo-fr'] }) {
  voile ??= await cachingVoile();
  const events = [];
  const host = new Host({ load: async () => voile, post: e => events.push(e), cache, cacheDelayMs: 0 });
  await host.init({ keys: { 'voile-demo': KEY }, bundles: bundles.map(storedBundle), config: {} });
  await tick(5);
  return { host, voile, events };
}

test('the first start saves a cache; the next one uses it and writes nothing', async () => {
  const cache = memoryCache();
  const first = await start({ cache });
  assert.equal(first.host.cacheStatus, 'none');
  assert.equal(cache.puts, 1);
  assert.equal(cache.entry.key, first.voile.cacheInfo().key);

  const second = await start({ cache });
  assert.equal(second.voile.calls.restore, 1);
  assert.equal(second.host.cacheStatus, 'restored');
  assert.equal(cache.puts, 1, 'a cache in use is not written again');
  assert.ok(second.voile.cacheInfo().used);
});

test('a damaged cache, or one of another build, is replaced', async () => {
  const damaged = otherBuildCache();
  damaged[damaged.length >> 1] ^= 1;
  for (const entry of [
    { key: 'k', bytes: damaged },
    { key: 'k', bytes: otherBuildCache() },
  ]) {
    const cache = memoryCache(entry);
    const { host, voile } = await start({ cache });
    assert.match(host.cacheStatus, /restore cache: (damaged|made by another build)/);
    assert.equal(cache.puts, 1);
    assert.equal(cache.entry.key, voile.cacheInfo().key);
  }
});

test('a cache of other lists is replaced; so is the cache when the lists change', async () => {
  const cache = memoryCache();
  await start({ cache, bundles: ['demo-en'] });
  assert.equal(cache.puts, 1);
  const { host, voile } = await start({ cache });
  assert.equal(host.cacheStatus, 'restored');
  assert.equal(cache.puts, 2, 'restored but for other lists: written anew');

  await host.handle({ type: 'unload', ref: 'voile-demo/demo-fr', reqId: 1 });
  await tick(5);
  assert.equal(cache.puts, 3);
  assert.equal(cache.entry.key, voile.cacheInfo().key);
  const before = cache.entry.key;
  await host.handle({ type: 'load', bundle: storedBundle('demo-fr-v2'), reqId: 2 });
  await tick(5);
  assert.equal(cache.puts, 4);
  assert.notEqual(cache.entry.key, before, 'the cache is for the new version of demo-fr');
  assert.equal(cache.entry.key, voile.cacheInfo().key);
});

test('without a working cache the host starts all the same', async () => {
  for (const cache of [
    { get: async () => { throw new Error('no IndexedDB'); }, put: async () => { throw new Error('no IndexedDB'); } },
    { get: () => new Promise(() => {}), put: async () => {} }, // never answers
  ]) {
    const { host, voile } = await start({ cache });
    assert.deepEqual(voile.lists().map(l => l.id), ['demo-en', 'demo-fr']);
    assert.equal(host.cacheStatus, 'none');
  }
  // A classifier that does not know its build has no cache.
  const cache = memoryCache();
  const voile = await cachingVoile({ wasm: withoutBuildId() });
  assert.equal(voile.build, '', 'the module has no build id');
  await start({ cache, voile });
  assert.equal(cache.puts, 0);
});

test('the classifier is built as soon as the lists are in, from the cache when it fits', async () => {
  const cache = memoryCache();
  await start({ cache });
  for (const warm of [true, false]) {
    const voile = await cachingVoile();
    const classify = voile.classify;
    voile.calls.classify = 0;
    voile.classify = (...args) => { voile.calls.classify++; return classify.apply(voile, args); };
    const host = new Host({ load: async () => voile, post: () => {}, cache: warm ? cache : null, cacheDelayMs: 60_000 });
    await host.init({ keys: { 'voile-demo': KEY }, bundles: ['demo-en', 'demo-fr'].map(storedBundle), config: {} });
    clearTimeout(host.cacheTimer);
    assert.equal(voile.calls.classify, 1, 'one verdict at start, before any page asks');
    assert.equal(voile.cacheInfo().used, warm, warm ? 'built from the cache' : 'compiled: no cache');
  }
});
