// Adapter updates: a site changes its markup, and a fix ships as data, not
// as a new extension release. An update is the adapter document signed by
// an adapter key: the project's own, shipped in the build
// (adapter-keys.json), separate from the keys of list publishers. A list
// publisher the reader trusts decides what its lists hide, never which
// parts of pages are checked. So no server, network or list publisher can
// make Voile skip parts of pages:
//
//   {"publisher": "voile",
//    "document": "<base64 of the adapter document's UTF-8 JSON>",
//    "sig": "<base64 of the Ed25519 signature of
//             'voile adapters v1\0' followed by those bytes>"}
//
// Even then an update cannot weaken the built-in adapters
// (weakeningProblems in adapters.js), and applies to the build it names
// only. The browser's WebCrypto verifies it (Ed25519: Chromium 137+,
// Firefox 129+).

import { adapterProblems, weakeningProblems } from './adapters.js';

const DOMAIN = 'voile adapters v1\u0000';

function b64(text) {
  const s = atob(String(text).replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(String(text).length / 4) * 4, '='));
  return Uint8Array.from(s, c => c.charCodeAt(0));
}

/** The raw 32 bytes of a "voile-pub-..." key; throws when malformed. */
export function publicKeyBytes(keyText) {
  const m = /^voile-pub-([A-Za-z0-9_-]{43})$/.exec(String(keyText).trim());
  if (!m) throw new Error('public key is not a voile-pub- key');
  const raw = b64(m[1]);
  if (raw.length !== 32) throw new Error(`public key is ${raw.length} bytes, want 32`);
  return raw;
}

/**
 * Verifies and opens a signed adapter update with the adapter keys
 * {publisher: key} of this build (never the keys of list publishers), and
 * checks it against the build's built-in adapters. Returns the adapter
 * document, with signedBy naming its publisher; throws an Error that says
 * what failed. isSelector checks selectors (see adapterProblems).
 */
export async function openAdapterUpdate(signed, adapterKeys, isSelector, builtin, subtle = globalThis.crypto.subtle) {
  if (!signed || typeof signed !== 'object') throw new Error('adapter update: not an object');
  const key = Object.hasOwn(adapterKeys, signed.publisher) ? adapterKeys[signed.publisher] : undefined;
  if (!key) throw new Error(`adapter update: ${JSON.stringify(signed.publisher)} holds no adapter key of this build`);
  const doc = b64(signed.document || '');
  const sig = b64(signed.sig || '');
  const message = new Uint8Array([...new TextEncoder().encode(DOMAIN), ...doc]);
  const cryptoKey = await subtle.importKey('raw', publicKeyBytes(key), { name: 'Ed25519' }, false, ['verify']);
  if (!(await subtle.verify({ name: 'Ed25519' }, cryptoKey, sig, message))) {
    throw new Error(`adapter update: bad signature for publisher ${signed.publisher}`);
  }
  let parsed;
  try {
    parsed = JSON.parse(new TextDecoder().decode(doc));
  } catch (err) {
    throw new Error(`adapter update: document is not JSON: ${err.message}`);
  }
  const problems = adapterProblems(parsed, isSelector);
  if (!problems.length) problems.push(...weakeningProblems(parsed, builtin));
  if (problems.length) throw new Error(`adapter update refused: ${problems.join('; ')}`);
  return { ...parsed, signedBy: String(signed.publisher) };
}
