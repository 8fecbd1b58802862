// The host's start-up cache: read while the wasm loads, handed to voile
// before the bundles, saved when the one in use is not current. voile
// itself decides what to trust (wasm/test checks that with the real
// classifier); here a fake voile keys its cache by build and lists.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Host } from '../src/host/host.js';
import { bytesToBase64 } from '../src/common/base64.js';
import { fakeVoile, fakeBundle } from './fake-voile.js';

const KEY = 'voile-pub-' + 'A'.repeat(43);
const enc = o => new TextEncoder().encode(JSON.stringify(o));
const tick = (ms = 0) => new Promise(r => setTimeout(r, ms));

// cachingVoile adds the cache API to the fake: a cache is JSON {build,
// lists}; restoreCache refuses other builds and anything undecodable.
function cachingVoile(build = 'build-1') {
  const v = fakeVoile({ lists: [] });
  let restored = null, compiled = false;
  const key = () => `${build}:${v.lists().map(l => `${l.id}@${l.version}`).join(',')}`;
  const load = v.loadBundle.bind(v);
  const calls = { restore: 0, export: 0 };
  return Object.assign(v, {
    build, calls,
    loadBundle(b) { compiled = false; return load(b); },
    restoreCache(bytes) {
      calls.restore++;
      let c;
      try { c = JSON.parse(new TextDecoder().decode(bytes)); } catch { throw new Error('voile: restore cache: damaged'); }
      if (c.build !== build) throw new Error('voile: restore cache: made by another build of the classifier');
      restored = c.key;
    },
    exportCache() { calls.export++; compiled = true; return enc({ build, key: key() }); },
    cacheInfo() { return { key: key(), used: compiled && restored === key() }; },
  });
}

function memoryCache(entry = null) {
  return {
    entry, puts: 0,
    async get() { return this.entry; },
    async put(e) { this.puts++; this.entry = { key: e.key, bytes: new Uint8Array(e.bytes) }; },
  };
}

async function start({ voile = cachingVoile(), cache, bundles = ['demo-en', 'demo-fr'] }) {
  const events = [];
  const host = new Host({ load: async () => voile, post: e => events.push(e), cache, cacheDelayMs: 0 });
  await host.init({ keys: { 'voile-demo': KEY }, bundles: bundles.map(id => bytesToBase64(fakeBundle({ id }))), config: {} });
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
  for (const entry of [
    { key: 'k', bytes: new Uint8Array([1, 2, 3]) },
    { key: 'k', bytes: enc({ build: 'build-0', key: 'build-0:demo-en@1,demo-fr@1' }) },
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

  await host.handle({ op: 'unload', ref: 'voile-demo/demo-fr', reqId: 1 });
  await tick(5);
  assert.equal(cache.puts, 3);
  assert.equal(cache.entry.key, voile.cacheInfo().key);
  await host.handle({ op: 'load', bundle: bytesToBase64(fakeBundle({ id: 'demo-fr', version: 2 })), reqId: 2 });
  await tick(5);
  assert.equal(cache.puts, 4);
  assert.match(cache.entry.key, /demo-fr@2/);
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
  const voile = cachingVoile('');
  await start({ cache, voile });
  assert.equal(cache.puts, 0);
});
