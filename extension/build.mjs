// Builds the extension for Chromium and for Firefox from the same source:
// build/extension/{chromium,firefox}/ (load unpacked) and a .zip of each.
//
//   node build.mjs [--wasm ../build/wasm] [--out ../build/extension] [--trust trust.json] [--adapter-keys keys.json]
//
// Only the content script is bundled (esbuild): content scripts cannot be
// ES modules, and one classic script runs synchronously at document_start.
// Everything else is copied as plain ES modules. The classifier comes from
// `make wasm` (voile.wasm, wasm_exec.js, voile.js); the trusted publisher
// keys from a JSON file {"publisher": "voile-pub-..."}, and the adapter
// keys (the project's own, whose signed adapter fixes the build accepts;
// none by default) from another of the same form.

import { build } from 'esbuild';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { manifestFor } from './tools/manifest.mjs';
import { makeZip } from './tools/zip.mjs';
import { iconPng } from './tools/icon.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const src = path.join(here, 'src');

function args() {
  const a = { wasm: path.join(here, '..', 'build', 'wasm'), out: path.join(here, '..', 'build', 'extension'), trust: '', 'adapter-keys': '' };
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i += 2) {
    const k = argv[i].replace(/^--/, '');
    if (!(k in a) || argv[i + 1] === undefined) throw new Error(`usage: node build.mjs [--wasm DIR] [--out DIR] [--trust FILE] [--adapter-keys FILE]; bad argument ${argv[i]}`);
    a[k] = path.resolve(argv[i + 1]);
  }
  return a;
}

/** Reads and checks the trusted keys file: {publisher: "voile-pub-<43 base64url>"}. */
export function readTrust(file) {
  if (!file) return {};
  let doc;
  try {
    doc = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`trust file ${file}: ${err.message}`);
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw new Error(`trust file ${file}: want an object {"publisher": "voile-pub-..."}`);
  for (const [pub, key] of Object.entries(doc)) {
    if (!/^[A-Za-z0-9._-]{1,128}$/.test(pub)) throw new Error(`trust file ${file}: bad publisher id ${JSON.stringify(pub)}`);
    if (typeof key !== 'string' || !/^voile-pub-[A-Za-z0-9_-]{43}$/.test(key.trim())) {
      throw new Error(`trust file ${file}: key of ${pub} is not a voile-pub- public key`);
    }
    doc[pub] = key.trim();
  }
  return doc;
}

const WASM_FILES = ['voile.wasm', 'wasm_exec.js', 'voile.js'];

async function buildFor(browser, opts, trust, version, adapterKeys = {}) {
  const dir = path.join(opts.out, browser);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const part of ['common', 'host', 'background', 'popup', 'options', 'adapters', '_locales']) {
    cpSync(path.join(src, part), path.join(dir, part), { recursive: true });
  }
  if (browser === 'firefox') {
    rmSync(path.join(dir, 'host', 'offscreen.html'));
    rmSync(path.join(dir, 'host', 'offscreen.js'));
  } else {
    rmSync(path.join(dir, 'background', 'background.html'));
  }
  mkdirSync(path.join(dir, 'wasm'));
  for (const f of WASM_FILES) cpSync(path.join(opts.wasm, f), path.join(dir, 'wasm', f));
  await build({
    entryPoints: [path.join(src, 'content', 'main.js')],
    bundle: true,
    format: 'iife',
    target: browser === 'firefox' ? 'firefox140' : 'chrome120',
    outfile: path.join(dir, 'content.js'),
    legalComments: 'none',
    logLevel: 'warning',
  });
  mkdirSync(path.join(dir, 'icons'));
  for (const size of [16, 32, 48, 128]) writeFileSync(path.join(dir, 'icons', `icon${size}.png`), iconPng(size));
  writeFileSync(path.join(dir, 'trust.json'), JSON.stringify(trust, null, 2) + '\n');
  writeFileSync(path.join(dir, 'adapter-keys.json'), JSON.stringify(adapterKeys, null, 2) + '\n');
  const adapters = JSON.parse(readFileSync(path.join(src, 'adapters', 'builtin.json'), 'utf8'));
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifestFor(browser, { version, adapters }), null, 2) + '\n');
  writeFileSync(path.join(opts.out, `${browser}.zip`), makeZip(listFiles(dir).map(f => ({ name: path.relative(dir, f).split(path.sep).join('/'), data: readFileSync(f) }))));
  return dir;
}

function listFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) out.push(...listFiles(p));
    else out.push(p);
  }
  return out;
}

async function main() {
  const opts = args();
  for (const f of WASM_FILES) {
    if (!existsSync(path.join(opts.wasm, f))) throw new Error(`${path.join(opts.wasm, f)} is missing: run make wasm first`);
  }
  const trust = readTrust(opts.trust);
  const adapterKeys = readTrust(opts['adapter-keys']);
  const { version } = JSON.parse(readFileSync(path.join(here, 'package.json'), 'utf8'));
  for (const browser of ['chromium', 'firefox']) {
    const dir = await buildFor(browser, opts, trust, version, adapterKeys);
    console.log(`built ${path.relative(process.cwd(), dir)} and ${browser}.zip (${Object.keys(trust).length} trusted publisher keys, ${Object.keys(adapterKeys).length} adapter keys)`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch(err => {
    console.error(`extension build: ${err.message}`);
    process.exit(1);
  });
}
