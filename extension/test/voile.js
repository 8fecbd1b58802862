// The real classifier for the unit tests: build/wasm/voile.wasm with its
// voile.js and wasm_exec.js, loaded as the extension's worker loads them,
// and the fixtures wasm/internal/extfixtures writes into
// build/extension-test (the demo lists signed by a key made for the
// tests, bundles to refuse, sync messages as the server sends them).
// `make test-extension` builds both.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const wasmDir = path.resolve(root, process.env.VOILE_WASM_DIR || 'build/wasm');
const fixFile = path.resolve(root, process.env.VOILE_EXTENSION_FIXTURES || 'build/extension-test', 'fixtures.json');
for (const [file, make] of [[path.join(wasmDir, 'voile.wasm'), 'make wasm'], [fixFile, 'make extension-fixtures']]) {
  if (!existsSync(file)) throw new Error(`the extension's tests need ${file}: run ${make} (make test-extension does)`);
}

await import(pathToFileURL(path.join(wasmDir, 'wasm_exec.js')));
const { loadVoile } = await import(pathToFileURL(path.join(wasmDir, 'voile.js')));

export const wasmBytes = readFileSync(path.join(wasmDir, 'voile.wasm'));
const fx = JSON.parse(readFileSync(fixFile, 'utf8'));
const bytes = b64 => new Uint8Array(Buffer.from(b64, 'base64'));

/** The demo publisher's key (the tests' own), and another publisher's. */
export const KEY = fx.keys['voile-demo'];
export const OTHER = fx.keys.someone;

/** A bundle of the fixtures, in base64 as storage keeps it: demo-en, demo-en-v2, demo-fr-forged... */
export function storedBundle(name) {
  if (!fx.bundles[name]) throw new Error(`no bundle ${name} in ${fixFile}`);
  return fx.bundles[name];
}

/** A sync message of the fixtures, as the server sends it: catalog, snapshot-en-v2, synced... */
export function message(name) {
  if (!fx.messages[name]) throw new Error(`no message ${name} in ${fixFile}`);
  return bytes(fx.messages[name]);
}

/** A start-up cache of demo-en and demo-fr made by another build of the classifier. */
export const otherBuildCache = () => bytes(fx.otherBuildCache);

/**
 * A new voile instance that trusts the demo publisher and has loaded
 * lists (fixture bundle names). wasm: the module's bytes.
 */
export async function realVoile({ lists = ['demo-en', 'demo-fr', 'demo-model'], wasm = wasmBytes } = {}) {
  const v = await loadVoile(wasm);
  v.trust('voile-demo', KEY);
  for (const name of lists) v.loadBundle(bytes(storedBundle(name)));
  return v;
}

/**
 * The module without its go:buildid section: a classifier that does not
 * know its build, as a build made without one.
 */
export function withoutBuildId(wasm = wasmBytes) {
  const out = [wasm.subarray(0, 8)];
  let at = 8;
  const leb = () => {
    let n = 0, shift = 0, b;
    do { b = wasm[at++]; n |= (b & 0x7f) << shift; shift += 7; } while (b & 0x80);
    return n >>> 0;
  };
  while (at < wasm.length) {
    const start = at;
    const id = wasm[at++];
    const size = leb();
    const body = at;
    at = body + size;
    if (id === 0) {
      const save = at;
      at = body;
      const nameLen = leb();
      const name = new TextDecoder().decode(wasm.subarray(at, at + nameLen));
      at = save;
      if (name === 'go:buildid') continue;
    }
    out.push(wasm.subarray(start, at));
  }
  return Buffer.concat(out);
}
