import { test } from 'node:test';
import assert from 'node:assert/strict';
import { JSDOM } from 'jsdom';
import { openAdapterUpdate, publicKeyBytes } from '../src/common/adapter-updates.js';
import { builtin } from './helpers.js';

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

test('a signed adapter fix from a trusted publisher opens', async () => {
  const p = await publisher();
  const fix = structuredClone(builtin);
  fix.version = 2;
  fix.adapters[0].posts[0].container = 'article[data-testid="tweet"], div[data-testid="post"]';
  const doc = await openAdapterUpdate(await signed(p, fix), { 'voile-demo': p.key }, isSelector);
  assert.equal(doc.version, 2);
  assert.equal(doc.adapters[0].posts[0].container, fix.adapters[0].posts[0].container);
});

test('forged, untrusted or invalid updates are refused with the reason', async () => {
  const p = await publisher();
  const other = await publisher();
  const fix = { ...builtin, version: 2 };
  await assert.rejects(openAdapterUpdate(await signed(other, fix), { 'voile-demo': p.key }, isSelector), /bad signature for publisher voile-demo/);
  await assert.rejects(openAdapterUpdate(await signed(p, fix, 'stranger'), { 'voile-demo': p.key }, isSelector), /publisher "stranger" is not trusted/);
  const tampered = await signed(p, fix);
  tampered.document = b64(new TextEncoder().encode(JSON.stringify({ ...fix, never: '*' })));
  await assert.rejects(openAdapterUpdate(tampered, { 'voile-demo': p.key }, isSelector), /bad signature/);
  const broken = structuredClone(fix);
  broken.adapters[0].posts[0].container = 'article[';
  await assert.rejects(openAdapterUpdate(await signed(p, broken), { 'voile-demo': p.key }, isSelector), /adapter update refused: .*invalid selector/);
  assert.throws(() => publicKeyBytes('voile-priv-abc'), /not a voile-pub- key/);
});
