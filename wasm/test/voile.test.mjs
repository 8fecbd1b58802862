// The JavaScript API of voile.wasm, loaded as the extension loads it: the
// real build/wasm/voile.wasm, wasm_exec.js and voile.js, with fixtures that
// `go run ./wasm/internal/fixtures` writes (make test-wasm does both).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createPublicKey, verify as cryptoVerify } from 'node:crypto';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const wasmDir = path.resolve(root, process.env.VOILE_WASM_DIR || 'build/wasm');
const fixDir = path.resolve(root, process.env.VOILE_FIXTURES || 'build/wasm-test');

let loadVoile, wasmBytes, fx;
const bundles = {}, messages = {};

before(async () => {
  await import(pathToFileURL(path.join(wasmDir, 'wasm_exec.js')));
  ({ loadVoile } = await import(pathToFileURL(path.join(wasmDir, 'voile.js'))));
  wasmBytes = await readFile(path.join(wasmDir, 'voile.wasm'));
  fx = JSON.parse(await readFile(path.join(fixDir, 'fixtures.json'), 'utf8'));
  for (const [name, file] of Object.entries(fx.bundles)) bundles[name] = new Uint8Array(await readFile(path.join(fixDir, file)));
  for (const [name, file] of Object.entries(fx.messages)) messages[name] = new Uint8Array(await readFile(path.join(fixDir, file)));
});

// fresh returns a new instance trusting the fixtures' publishers.
async function fresh(...load) {
  const v = await loadVoile(wasmBytes);
  for (const [pub, key] of Object.entries(fx.keys)) v.trust(pub, key);
  for (const name of load) v.loadBundle(bundles[name]);
  return v;
}

test('loadVoile takes bytes, an ArrayBuffer, a Response and a URL', async () => {
  const ab = wasmBytes.buffer.slice(wasmBytes.byteOffset, wasmBytes.byteOffset + wasmBytes.byteLength);
  const server = createServer((req, res) => {
    if (req.url !== '/voile.wasm') { res.writeHead(404).end(); return; }
    res.writeHead(200, { 'content-type': 'application/wasm' }).end(wasmBytes);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}/voile.wasm`;
  try {
    const sources = [
      new Uint8Array(wasmBytes), ab,
      new Response(wasmBytes, { headers: { 'content-type': 'application/wasm' } }),
      new Response(wasmBytes), // no wasm MIME type: not streamed
      url, new URL(url),
    ];
    for (const src of sources) {
      const v = await loadVoile(src);
      assert.deepEqual(v.lists(), []);
      assert.equal(v.classify(['hello'])[0].flagged, false);
    }
    await assert.rejects(loadVoile(url.replace('voile.wasm', 'missing.wasm')), /HTTP 404/);
  } finally {
    server.close();
  }
  await assert.rejects(loadVoile(42), /source must be a URL, a Response, an ArrayBuffer or a Uint8Array, got number/);
  await assert.rejects(loadVoile(new Uint8Array([0, 1, 2, 3])), WebAssembly.CompileError);
  const Go = globalThis.Go;
  delete globalThis.Go;
  try {
    await assert.rejects(loadVoile(wasmBytes), /load wasm_exec.js before voile.js/);
  } finally {
    globalThis.Go = Go;
  }
});

test('trust refuses malformed keys', async () => {
  const v = await loadVoile(wasmBytes);
  assert.throws(() => v.trust('ngo', 'voile-pub-AAAA'), { name: 'Error', message: /trust publisher "ngo": parse key: 3 bytes, want 32/ });
  assert.throws(() => v.trust('ngo', 'hello'), /want a key starting with "voile-pub-"/);
  assert.throws(() => v.trust('ngo'), /trust: publicKey must be a string, got undefined/);
  assert.throws(() => v.trust(7, fx.keys.ngo), /trust: publisherId must be a string, got number/);
  v.trust('ngo', fx.keys.ngo);
});

test('loadBundle verifies, loads and lists', async () => {
  const v = await fresh();
  assert.deepEqual(v.loadBundle(bundles['small-v1']), { id: 'small', publisher: 'ngo', version: 1, rules: 4 });
  assert.deepEqual(v.loadBundle(bundles['demo-en']).id, 'demo-en');
  assert.deepEqual(v.lists(), [
    { id: 'small', publisher: 'ngo', version: 1, name: 'Test list small', langs: ['en'], demo: false, rules: 4 },
    { ...v.lists()[1], id: 'demo-en', publisher: 'voile-demo', version: 1, demo: true },
  ]);
  assert.deepEqual(v.loadBundle(bundles['small-v2']), { id: 'small', publisher: 'ngo', version: 2, rules: 5 });
  assert.equal(v.lists().length, 2);
  assert.throws(() => v.loadBundle('bytes'), /loadBundle: bundle must be a Uint8Array, got string/);
  assert.throws(() => v.loadBundle([1, 2]), /loadBundle: bundle must be a Uint8Array, got an array/);
});

test('a refused bundle leaves the loaded lists in use', async () => {
  const v = await fresh('small-v2');
  const before = v.lists();
  const flagged = () => v.classify(['You are VERMIN.'])[0].flagged;
  assert.equal(flagged(), true);
  const refusals = {
    'small-v1': /list "small" version 1 of publisher "ngo": older than the loaded version 2/,
    'small-v2-twin': /differs from the loaded list of the same version/,
    'small-v3-invalid': /invalid rule list "small".*unknown category "rudeness"/s,
    'small-v3-bad-tree': /invalid rule list "small".*rule "num": text: node with 9 children, where 1 nodes follow/s,
    'small-v3-tampered': /bad signature for publisher "ngo"/,
    'small-unknown-publisher': /unknown publisher "nobody": trust its key first/,
  };
  for (const [name, want] of Object.entries(refusals)) {
    assert.throws(() => v.loadBundle(bundles[name]), { name: 'Error', message: want }, name);
    assert.deepEqual(v.lists(), before, name);
    assert.equal(flagged(), true, name);
  }
  assert.throws(() => v.loadBundle(new Uint8Array([1, 2, 3])), /load bundle: decode bundle/);
  assert.throws(() => v.loadBundle(new Uint8Array(0)), /load bundle: decode bundle/);
  assert.deepEqual(v.lists(), before);
  // The same bundle again is accepted and changes nothing.
  assert.equal(v.loadBundle(bundles['small-v2']).version, 2);
});

test('two publishers\' lists of the same id load side by side, and each is corrected and unloaded as its own', async () => {
  const v = await fresh('small-v2', 'small-stranger');
  assert.deepEqual(v.lists().map((l) => `${l.publisher}/${l.id}`), ['ngo/small', 'stranger/small']);
  const text = ['You are VERMIN.'];
  const [both] = v.classify(text);
  assert.deepEqual(both.reasons.map((r) => `${r.publisher}/${r.list}/${r.rule}`), ['ngo/small/slur', 'stranger/small/slur']);
  assert.equal(v.classify(text, { allow: { rules: ['ngo/small/slur'] } })[0].flagged, true, 'one publisher\'s rule off leaves the other\'s');
  assert.equal(v.classify(text, { allow: { rules: ['ngo/small/slur', 'stranger/small/slur'] } })[0].flagged, false);
  assert.equal(v.unloadList('small'), false, 'an id alone names neither');
  assert.equal(v.unloadList('stranger/small'), true);
  assert.deepEqual(v.lists().map((l) => `${l.publisher}/${l.id}`), ['ngo/small']);
});

test('verdicts equal those of the Go engine', async () => {
  for (const c of fx.cases) {
    const v = await fresh(...c.loaded);
    assert.deepEqual(v.classify(c.texts, c.opts), c.want, c.name);
  }
  const demo = fx.cases.find((c) => c.name === 'demo lists');
  assert.ok(demo.want.filter((w) => w.flagged).length >= 10, 'the demo lists flag demo posts');
});

test('a start-up cache gives the same verdicts, and a bad one is refused', async () => {
  const first = await fresh();
  assert.match(first.build, /\S{20,}/, 'voile.js reads the build id of voile.wasm');
  for (const c of fx.cases) {
    const v = await fresh(...c.loaded);
    const cache = v.exportCache();
    assert.ok(cache instanceof Uint8Array && cache.length > 40);
    const key = v.cacheInfo().key;

    // A later start of the same build, with the same bundles: cache used.
    const w = await loadVoile(wasmBytes);
    for (const [pub, k] of Object.entries(fx.keys)) w.trust(pub, k);
    w.restoreCache(cache);
    for (const name of c.loaded) w.loadBundle(bundles[name]);
    assert.deepEqual(w.classify(c.texts, c.opts), c.want, c.name);
    assert.deepEqual(w.cacheInfo(), { key, used: true }, c.name);
  }

  const v = await fresh('demo-en', 'demo-fr');
  const cache = v.exportCache();
  const demo = fx.cases.find((c) => c.name === 'demo lists');
  const damaged = [
    cache.subarray(0, cache.length - 1), cache.subarray(0, 100), new Uint8Array(0),
    ...[3, 20, 200, cache.length >> 1, cache.length - 2].map((i) => { const d = cache.slice(); d[i] ^= 4; return d; }),
  ];
  for (const d of damaged) {
    const w = await loadVoile(wasmBytes);
    for (const [pub, k] of Object.entries(fx.keys)) w.trust(pub, k);
    assert.throws(() => w.restoreCache(d), /voile: restore cache: /);
    w.loadBundle(bundles['demo-en']); w.loadBundle(bundles['demo-fr']);
    assert.deepEqual(w.classify(demo.texts, demo.opts), demo.want);
    assert.equal(w.cacheInfo().used, false);
  }
  // Other bundles: accepted, not used.
  const w = await fresh();
  w.restoreCache(cache);
  w.loadBundle(bundles['demo-fr']); w.loadBundle(bundles['demo-en']);
  const ref = await fresh('demo-fr', 'demo-en');
  assert.deepEqual(w.classify(demo.texts, demo.opts), ref.classify(demo.texts, demo.opts));
  assert.equal(w.cacheInfo().used, false);
  assert.notEqual(w.cacheInfo().key, v.cacheInfo().key);
  assert.throws(() => w.restoreCache('x'), /restoreCache: cache must be a Uint8Array, got string/);
});

test('reason offsets are UTF-16 code units of the JavaScript string', async () => {
  const v = await fresh('small-v1');
  const texts = [
    '😀😀 v.e.r.m.i.n 😀 and 1488 🇫🇷',
    '中文 VÉRMIN 中文',
    'lone \ud800 surrogate then vermin \udc00 and 😀 vermin',
    'v\u200be\u200brmin',
  ];
  const want = [['v.e.r.m.i.n', '1488'], ['VÉRMIN'], ['vermin', 'vermin'], ['v\u200be\u200brmin']];
  const vs = v.classify(texts);
  texts.forEach((t, i) => {
    assert.deepEqual(vs[i].reasons.map((r) => t.slice(r.start, r.end)), want[i], t);
  });
});

test('options select categories, allow rules and posts', async () => {
  const v = await fresh('small-v1');
  const texts = ['You are VERMIN.', 'Go back where you came from'];
  const base = v.classify(texts);
  assert.deepEqual(base.map((x) => x.flagged), [true, true]);
  assert.deepEqual(base.map((x) => x.category), ['racism', 'xenophobia']);
  assert.equal(base[0].scores.racism, 0.9);
  assert.equal(base[0].score, 0.9);
  assert.match(base[0].fingerprint, /^[0-9a-f]{16}$/);
  assert.deepEqual(v.classify(texts, { categories: ['xenophobia'] }).map((x) => x.flagged), [false, true]);
  assert.deepEqual(v.classify(texts, { categories: [] }).map((x) => x.flagged), [false, false]);
  assert.deepEqual(v.classify(texts, { allow: { rules: ['ngo/small/slur'] } }).map((x) => x.flagged), [false, true]);
  const allowed = v.classify(texts, { allow: { posts: [base[0].fingerprint] } });
  assert.deepEqual(allowed.map((x) => [x.flagged, x.allowed]), [[false, true], [true, false]]);
  assert.deepEqual(v.classify(texts, { sensitivity: 0 }).map((x) => x.flagged), [false, false]);
  assert.deepEqual(v.classify([]), []);
});

test('bad calls to classify throw clear errors', async () => {
  const v = await fresh('small-v1');
  const bad = [
    [() => v.classify('text'), TypeError, /texts must be an array of strings, got string/],
    [() => v.classify(['a', 5]), TypeError, /texts\[1\] must be a string, got number/],
    [() => v.classify(['a'], null), TypeError, /opts must be an object, got null/],
    [() => v.classify(['a'], { sensitivity: '0.5' }), TypeError, /opts.sensitivity must be a number in \[0, 1\], got string/],
    [() => v.classify(['a'], { sensitivity: 2 }), Error, /classify: sensitivity 2: want a number in \[0, 1\]/],
    [() => v.classify(['a'], { sensitivity: NaN }), Error, /sensitivity NaN/],
    [() => v.classify(['a'], { categories: 'racism' }), TypeError, /opts.categories must be an array of strings/],
    [() => v.classify(['a'], { categories: ['racism', 'rudeness'] }), Error, /categories\[1\]: unknown category "rudeness" \(known: racism,/],
    [() => v.classify(['a'], { allow: { rules: ['slur'] } }), Error, /allow.rules\[0\] "slur": want "publisher\/list\/rule"/],
    [() => v.classify(['a'], { allow: { posts: ['abc'] } }), Error, /allow.posts\[0\]: fingerprint "abc": want 16 hexadecimal digits/],
    [() => v.classify(['a'], { allow: { posts: [1] } }), TypeError, /opts.allow.posts\[0\] must be a string, got number/],
  ];
  for (const [call, type, message] of bad) {
    assert.throws(call, (err) => err instanceof type && message.test(err.message) ? true : assert.fail(`${err.name}: ${err.message} does not match ${message}`));
  }
  // The instance still works after refusing calls.
  assert.equal(v.classify(['VERMIN'])[0].flagged, true);
});

test('a large batch grows the request buffer', async () => {
  const v = await fresh('small-v1');
  const texts = Array.from({ length: 3000 }, (_, i) => (i % 3 === 0 ? 'so much vermin here ' : 'a calm post ').repeat(20) + i);
  const vs = v.classify(texts);
  assert.equal(vs.length, texts.length);
  vs.forEach((x, i) => assert.equal(x.flagged, i % 3 === 0));
  assert.equal(vs[0].reasons.length, 20);
});

test('unloadList removes a list', async () => {
  const v = await fresh('small-v1', 'other');
  assert.equal(v.unloadList('nope'), false);
  assert.equal(v.unloadList('ngo/small'), true);
  assert.deepEqual(v.lists().map((l) => l.id), ['other']);
  assert.equal(v.classify(['VERMIN'])[0].flagged, false);
  assert.equal(v.unloadList('other'), true);
  assert.throws(() => v.unloadList(), /unloadList: id must be a string, got undefined/);
});

test('instances are independent', async () => {
  const a = await fresh('small-v1');
  const b = await fresh();
  assert.equal(a.classify(['VERMIN'])[0].flagged, true);
  assert.equal(b.classify(['VERMIN'])[0].flagged, false);
});

test('sync messages: catalog, hello, snapshot, delta, synced, error, adapters', async () => {
  const v = await fresh();
  // Before a catalog, an empty follow asks for the catalog alone.
  const first = v.decodeMessage(v.encodeHello({}, []));
  assert.deepEqual(first, { type: 'hello', follow: [], held: [] });

  const cat = v.decodeMessage(messages.catalog);
  assert.equal(cat.type, 'catalog');
  assert.deepEqual(cat.lists[1], {
    publisher: 'ngo', publisher_name: 'An NGO', public_key: fx.keys.ngo, list: 'other', name: 'Other',
    description: '', langs: ['en', 'fr'], demo: true, version: 1, published: 1767225601,
  });
  const all = v.decodeMessage(v.encodeHello({}, null));
  assert.deepEqual(all.follow, [{ publisher: 'ngo', list: 'small' }, { publisher: 'ngo', list: 'other' }]);
  // After a catalog too, an empty follow follows nothing.
  assert.deepEqual(v.decodeMessage(v.encodeHello({}, [])).follow, []);

  const snap = v.decodeMessage(messages.snapshot);
  assert.equal(snap.type, 'snapshot');
  assert.ok(snap.bundle instanceof Uint8Array);
  assert.deepEqual([snap.publisher, snap.list, snap.version, snap.live], ['ngo', 'small', 1, false]);
  assert.equal(v.loadBundle(snap.bundle).version, 1);

  const hello = v.decodeMessage(v.encodeHello({ small: 1 }, ['small', 'ngo/other']));
  assert.deepEqual(hello.held, [{ publisher: 'ngo', list: 'small', version: 1 }]);
  assert.deepEqual(hello.follow, [{ publisher: 'ngo', list: 'small' }, { publisher: 'ngo', list: 'other' }]);

  const delta = v.decodeMessage(messages.delta);
  assert.deepEqual([delta.type, delta.from, delta.version, delta.error], ['delta', 1, 2, undefined]);
  assert.equal(v.loadBundle(delta.bundle).version, 2);
  const stale = v.decodeMessage(messages.delta);
  assert.equal(stale.bundle, null);
  assert.match(stale.error, /starts from version 1, the base is version 2/);

  assert.deepEqual(v.decodeMessage(messages.synced), { type: 'synced', lists: [{ publisher: 'ngo', list: 'small', version: 2 }] });
  assert.deepEqual(v.decodeMessage(messages.error), { type: 'error', code: 'unknown_list', message: 'no list ngo/missing' });

  const ad = v.decodeMessage(messages.adapters);
  assert.deepEqual([ad.type, ad.publisher], ['adapters', 'ngo']);
  assert.ok(ad.document instanceof Uint8Array && ad.sig instanceof Uint8Array);
  assert.equal(new TextDecoder().decode(ad.document), '{"version":1,"adapters":[]}');
  // The signature is the publisher's over the extension's domain string.
  const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: fx.keys.ngo.replace(/^voile-pub-/, '') }, format: 'jwk' });
  const signed = Buffer.concat([Buffer.from('voile adapters v1\0'), ad.document]);
  assert.ok(cryptoVerify(null, signed, key, ad.sig));

  assert.throws(() => v.decodeMessage(new Uint8Array([1, 2, 3])), /decode message: bad_message/);
  assert.throws(() => v.decodeMessage('x'), /decodeMessage: message must be a Uint8Array, got string/);
  assert.throws(() => v.encodeHello({ small: -1 }, []), /held\["small"\] must be a version number, got number/);
  assert.throws(() => v.encodeHello({}, ['nowhere']), /list "nowhere" is neither loaded nor in the last catalog/);
  assert.throws(() => v.encodeHello({}, 'small'), /follow must be an array of list ids, got string/);
});

test('verifyAdapters checks an adapter document with a publisher key given as text', async () => {
  const v = await fresh();
  const m = v.decodeMessage(messages.adapters);
  v.verifyAdapters(m.document, m.sig, fx.keys.ngo);
  assert.throws(() => v.verifyAdapters(m.document, m.sig, fx.keys.stranger), /verifyAdapters: adapter document: bad signature/);
  const tampered = Uint8Array.from(m.document);
  tampered[0] ^= 1;
  assert.throws(() => v.verifyAdapters(tampered, m.sig, fx.keys.ngo), /bad signature/);
  assert.throws(() => v.verifyAdapters(m.document, m.sig, 'voile-priv-x'), /want a key starting with "voile-pub-"/);
  assert.throws(() => v.verifyAdapters('doc', m.sig, fx.keys.ngo), /verifyAdapters: document must be a Uint8Array, got string/);
});
