// Adapter updates, as a sync server delivers them: the classifier host
// checks the signature with the real voile.wasm and an adapter key of the
// build, the background reads what the verified document changes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync, sign } from 'node:crypto';
import { JSDOM } from 'jsdom';
import { readAdapterUpdate } from '../src/common/adapter-updates.js';
import { Host } from '../src/host/host.js';
import { HostEvent } from '../src/common/protocol.js';
import { builtin, sourceLines } from './helpers.js';
import { realVoile } from './voile.js';
import { adaptersInUse, forgetAdaptersOf, MAX_ADAPTER_VERSION } from '../src/common/adapters.js';

const { document } = new JSDOM('').window;
const isSelector = s => { try { document.querySelector(s); return true; } catch { return false; } };

// A key pair of the tests (node's crypto, not the extension's code).
function publisher() {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return { key: 'voile-pub-' + publicKey.export({ format: 'jwk' }).x, sign: bytes => new Uint8Array(sign(null, bytes, privateKey)) };
}

// An adapters message as voile.decodeMessage gives it.
function signed(p, doc, name = 'voile-demo') {
  const bytes = new TextEncoder().encode(JSON.stringify(doc));
  const msg = new Uint8Array([...new TextEncoder().encode('voile adapters v1\u0000'), ...bytes]);
  return { type: 'adapters', publisher: name, document: bytes, sig: p.sign(msg) };
}

const voile = await realVoile({ lists: [] });

// What the extension does with an update: the host verifies it with the
// build's adapter keys, the background reads the verified document.
async function openAdapterUpdate(message, adapterKeys, isSel, base) {
  const events = [];
  const host = new Host({ load: async () => voile, post: e => events.push(e) });
  await host.init({ adapterKeys, config: {} });
  host.receiveAdapters(message);
  const verified = events.find(e => e.type === HostEvent.adapters)?.verified;
  if (!verified) throw new Error(events.find(e => e.type === HostEvent.problem)?.message ?? `no event: ${JSON.stringify(events)}`);
  return readAdapterUpdate(verified, isSel, base);
}

/** A fix of the built-in adapters, as the project would sign it. */
function fixOf(version = builtin.version + 1) {
  const fix = structuredClone(builtin);
  fix.base = builtin.version;
  fix.version = version;
  return fix;
}

test('a signed adapter fix from an adapter key of the build opens', async () => {
  const p = publisher();
  const fix = fixOf();
  fix.adapters[0].posts.unshift({ kind: 'post', container: 'div[data-testid="post"]', text: ['[data-testid="postText"]'] });
  const doc = await openAdapterUpdate(signed(p, fix, 'voile'), { voile: p.key }, isSelector, builtin);
  assert.equal(doc.version, builtin.version + 1);
  assert.equal(doc.signedBy, 'voile');
  assert.equal(doc.adapters[0].posts[0].container, 'div[data-testid="post"]');
  assert.equal(adaptersInUse(builtin, doc, isSelector), doc, 'pages use it');
});

test('forged, unknown-key or invalid updates are refused with the reason', async () => {
  const p = publisher();
  const other = publisher();
  const fix = fixOf();
  await assert.rejects(openAdapterUpdate(signed(other, fix, 'voile'), { voile: p.key }, isSelector, builtin), /adapter update of publisher voile: .*bad signature/);
  await assert.rejects(openAdapterUpdate(signed(p, fix, 'stranger'), { voile: p.key }, isSelector, builtin), /"stranger" holds no adapter key/);
  await assert.rejects(openAdapterUpdate(signed(p, fix, 'toString'), { voile: p.key }, isSelector, builtin), /holds no adapter key/);
  const tampered = signed(p, fix, 'voile');
  tampered.document = new TextEncoder().encode(JSON.stringify({ ...fix, never: '*' }));
  await assert.rejects(openAdapterUpdate(tampered, { voile: p.key }, isSelector, builtin), /bad signature/);
  const broken = fixOf();
  broken.adapters[0].posts[0].container = 'article[';
  await assert.rejects(openAdapterUpdate(signed(p, broken, 'voile'), { voile: p.key }, isSelector, builtin), /adapter update refused: .*invalid selector/);
  await assert.rejects(openAdapterUpdate(signed(p, fix, 'voile'), { voile: 'voile-priv-abc' }, isSelector, builtin), /want a key starting with "voile-pub-"/);
});

// The attack: a list publisher the reader trusts signs adapters that switch
// checking off everywhere. Its key is a list key, not an adapter key.
test('a trusted list publisher cannot ship adapters', async () => {
  const ngo = publisher();
  const project = publisher();
  const off = fixOf();
  off.adapters = off.adapters.map(a => ({ ...a, posts: [{ kind: 'post', container: 'voile-nothing', text: [':scope'] }] }));
  await assert.rejects(openAdapterUpdate(signed(ngo, off, 'ngo'), { voile: project.key }, isSelector, builtin), /"ngo" holds no adapter key/);
});

test('an update cannot weaken protection, even signed with the adapter key', async () => {
  const p = publisher();
  const refused = async (change, reason) => {
    const doc = fixOf();
    change(doc);
    await assert.rejects(openAdapterUpdate(signed(p, doc, 'voile'), { voile: p.key }, isSelector, builtin), reason);
    doc.signedBy = 'voile';
    assert.equal(adaptersInUse(builtin, doc, isSelector), builtin, 'pages keep the built-in adapters');
  };
  await refused(d => { d.version = Number.MAX_SAFE_INTEGER; }, /version .* is not an integer from 1 to/);
  await refused(d => { d.version = MAX_ADAPTER_VERSION + 1; }, /version/);
  await refused(d => { d.version = builtin.version; }, /not above the built-in/);
  await refused(d => { for (const a of d.adapters) for (const t of a.posts) t.minLength = 10000; }, /minLength must be an integer from 0 to 20/);
  await refused(d => { d.adapters.at(-1).posts[0].minLength = 20; d.adapters[0].posts[0].minLength = 20; }, /minLength of .* above the built-in/);
  await refused(d => { d.adapters = d.adapters.filter(a => a.id !== 'facebook'); }, /adapter facebook: built-in site removed/);
  await refused(d => { d.adapters[0].hosts = ['x.com']; }, /built-in host twitter.com removed/);
  await refused(d => { d.adapters[0].posts[0].container = 'voile-nothing'; }, /built-in post container .* removed/);
  await refused(d => { d.never = '*'; }, /never differs/);
  await refused(d => { delete d.never; }, /never differs/);
  await refused(d => { d.adapters[0].posts[0].skip = '*'; }, /skip of .* differs/);
  await refused(d => { d.adapters.unshift({ id: 'evil', hosts: ['x.com'], posts: [{ container: 'voile-nothing', text: [':scope'] }] }); }, /host x.com belongs to a built-in adapter/);
  await refused(d => { d.adapters.unshift({ id: 'evil', hosts: ['*'], posts: [{ container: 'p', text: [':scope'] }] }); }, /may not take every host/);
  await refused(d => { d.adapters.unshift({ id: 'evil', hosts: ['example.org'], detect: 'body', posts: [{ container: 'p', text: [':scope'] }] }); }, /may not detect sites/);
});

test('a newer extension build\'s adapters win over an update made for an older one', async () => {
  const p = publisher();
  const doc = await openAdapterUpdate(signed(p, fixOf(builtin.version + 500), 'voile'), { voile: p.key }, isSelector, builtin);
  assert.equal(adaptersInUse(builtin, doc, isSelector), doc);
  const newer = { ...structuredClone(builtin), version: builtin.version + 1 };
  assert.equal(adaptersInUse(newer, doc, isSelector), newer, 'the update names another build');
  await assert.rejects(openAdapterUpdate(signed(p, fixOf(builtin.version + 500), 'voile'), { voile: p.key }, isSelector, newer), /made for built-in adapters/);
});

test('untrusting the key that signed an update removes it', async () => {
  const p = publisher();
  const doc = await openAdapterUpdate(signed(p, fixOf(), 'voile'), { voile: p.key }, isSelector, builtin);
  assert.equal(forgetAdaptersOf(doc, 'voile'), undefined);
  assert.equal(forgetAdaptersOf(doc, 'someone-else'), doc);
  assert.equal(adaptersInUse(builtin, forgetAdaptersOf(doc, 'voile'), isSelector), builtin);
});

test('signatures are checked in Go alone: the extension has no WebCrypto signature code', () => {
  assert.deepEqual(sourceLines(/\bsubtle\.(verify|importKey|sign)\b|['"]Ed25519['"]/), []);
});
