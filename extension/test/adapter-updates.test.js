import { test } from 'node:test';
import assert from 'node:assert/strict';
import { JSDOM } from 'jsdom';
import { openAdapterUpdate, publicKeyBytes } from '../src/common/adapter-updates.js';
import { builtin } from './helpers.js';
import { adaptersInUse, forgetAdaptersOf, MAX_ADAPTER_VERSION } from '../src/common/adapters.js';

const { subtle } = globalThis.crypto;
const { document } = new JSDOM('').window;
const isSelector = s => { try { document.querySelector(s); return true; } catch { return false; } };
const b64 = bytes => Buffer.from(bytes).toString('base64');
const b64url = bytes => Buffer.from(bytes).toString('base64url');

async function publisher() {
  const k = await subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify']);
  const raw = new Uint8Array(await subtle.exportKey('raw', k.publicKey));
  return { key: 'voile-pub-' + b64url(raw), sign: async bytes => new Uint8Array(await subtle.sign({ name: 'Ed25519' }, k.privateKey, bytes)) };
}

async function signed(p, doc, name = 'voile-demo') {
  const bytes = new TextEncoder().encode(JSON.stringify(doc));
  const msg = new Uint8Array([...new TextEncoder().encode('voile adapters v1\u0000'), ...bytes]);
  return { publisher: name, document: b64(bytes), sig: b64(await p.sign(msg)) };
}

/** A fix of the built-in adapters, as the project would sign it. */
function fixOf(version = builtin.version + 1) {
  const fix = structuredClone(builtin);
  fix.base = builtin.version;
  fix.version = version;
  return fix;
}

test('a signed adapter fix from an adapter key of the build opens', async () => {
  const p = await publisher();
  const fix = fixOf();
  fix.adapters[0].posts.unshift({ kind: 'post', container: 'div[data-testid="post"]', text: ['[data-testid="postText"]'] });
  const doc = await openAdapterUpdate(await signed(p, fix, 'voile'), { voile: p.key }, isSelector, builtin);
  assert.equal(doc.version, builtin.version + 1);
  assert.equal(doc.signedBy, 'voile');
  assert.equal(doc.adapters[0].posts[0].container, 'div[data-testid="post"]');
  assert.equal(adaptersInUse(builtin, doc, isSelector), doc, 'pages use it');
});

test('forged, unknown-key or invalid updates are refused with the reason', async () => {
  const p = await publisher();
  const other = await publisher();
  const fix = fixOf();
  await assert.rejects(openAdapterUpdate(await signed(other, fix, 'voile'), { voile: p.key }, isSelector, builtin), /bad signature for publisher voile/);
  await assert.rejects(openAdapterUpdate(await signed(p, fix, 'stranger'), { voile: p.key }, isSelector, builtin), /"stranger" holds no adapter key/);
  await assert.rejects(openAdapterUpdate(await signed(p, fix, 'toString'), { voile: p.key }, isSelector, builtin), /holds no adapter key/);
  const tampered = await signed(p, fix, 'voile');
  tampered.document = b64(new TextEncoder().encode(JSON.stringify({ ...fix, never: '*' })));
  await assert.rejects(openAdapterUpdate(tampered, { voile: p.key }, isSelector, builtin), /bad signature/);
  const broken = fixOf();
  broken.adapters[0].posts[0].container = 'article[';
  await assert.rejects(openAdapterUpdate(await signed(p, broken, 'voile'), { voile: p.key }, isSelector, builtin), /adapter update refused: .*invalid selector/);
  assert.throws(() => publicKeyBytes('voile-priv-abc'), /not a voile-pub- key/);
});

// The attack: a list publisher the reader trusts signs adapters that switch
// checking off everywhere. Its key is a list key, not an adapter key.
test('a trusted list publisher cannot ship adapters', async () => {
  const ngo = await publisher();
  const project = await publisher();
  const off = fixOf();
  off.adapters = off.adapters.map(a => ({ ...a, posts: [{ kind: 'post', container: 'voile-nothing', text: [':scope'] }] }));
  await assert.rejects(openAdapterUpdate(await signed(ngo, off, 'ngo'), { voile: project.key }, isSelector, builtin), /"ngo" holds no adapter key/);
});

test('an update cannot weaken protection, even signed with the adapter key', async () => {
  const p = await publisher();
  const refused = async (change, reason) => {
    const doc = fixOf();
    change(doc);
    await assert.rejects(openAdapterUpdate(await signed(p, doc, 'voile'), { voile: p.key }, isSelector, builtin), reason);
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
  const p = await publisher();
  const doc = await openAdapterUpdate(await signed(p, fixOf(builtin.version + 500), 'voile'), { voile: p.key }, isSelector, builtin);
  assert.equal(adaptersInUse(builtin, doc, isSelector), doc);
  const newer = { ...structuredClone(builtin), version: builtin.version + 1 };
  assert.equal(adaptersInUse(newer, doc, isSelector), newer, 'the update names another build');
  await assert.rejects(openAdapterUpdate(await signed(p, fixOf(builtin.version + 500), 'voile'), { voile: p.key }, isSelector, newer), /made for built-in adapters/);
});

test('untrusting the key that signed an update removes it', async () => {
  const p = await publisher();
  const doc = await openAdapterUpdate(await signed(p, fixOf(), 'voile'), { voile: p.key }, isSelector, builtin);
  assert.equal(forgetAdaptersOf(doc, 'voile'), undefined);
  assert.equal(forgetAdaptersOf(doc, 'someone-else'), doc);
  assert.equal(adaptersInUse(builtin, forgetAdaptersOf(doc, 'voile'), isSelector), builtin);
});
