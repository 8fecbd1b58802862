// The build, with stand-in wasm files: manifests, CSP, permissions, the
// bundled content script and the zip packages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { readTrust } from '../build.mjs';
import { CSP } from '../tools/manifest.mjs';
import { crc32 } from '../tools/zip.mjs';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');

function buildOnce() {
  const dir = mkdtempSync(path.join(tmpdir(), 'voile-ext-build-'));
  const wasm = path.join(dir, 'wasm');
  mkdirSync(wasm);
  writeFileSync(path.join(wasm, 'voile.wasm'), Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
  writeFileSync(path.join(wasm, 'wasm_exec.js'), '// stand-in\n');
  writeFileSync(path.join(wasm, 'voile.js'), 'export async function loadVoile() { throw new Error("stand-in"); }\n');
  const trust = path.join(dir, 'trust.json');
  writeFileSync(trust, JSON.stringify({ 'voile-demo': 'voile-pub-' + 'A'.repeat(43) }));
  const out = path.join(dir, 'out');
  execFileSync(process.execPath, [path.join(root, 'build.mjs'), '--wasm', wasm, '--out', out, '--trust', trust], { cwd: root, stdio: 'pipe' });
  return out;
}

const out = buildOnce();
const manifest = b => JSON.parse(readFileSync(path.join(out, b, 'manifest.json'), 'utf8'));

// Reads a zip written by tools/zip.mjs back into {name: Buffer}.
function unzip(buf) {
  const files = {};
  let o = 0;
  while (buf.readUInt32LE(o) === 0x04034b50) {
    const method = buf.readUInt16LE(o + 8);
    const crc = buf.readUInt32LE(o + 14);
    const size = buf.readUInt32LE(o + 18);
    const nameLen = buf.readUInt16LE(o + 26);
    const name = buf.toString('utf8', o + 30, o + 30 + nameLen);
    const body = buf.subarray(o + 30 + nameLen, o + 30 + nameLen + size);
    const data = method === 8 ? inflateRawSync(body) : body;
    assert.equal(crc32(data), crc, `crc of ${name}`);
    files[name] = data;
    o += 30 + nameLen + size;
  }
  return files;
}

test('both manifests are MV3 with the same content script and the minimal CSP', () => {
  for (const b of ['chromium', 'firefox']) {
    const m = manifest(b);
    assert.equal(m.manifest_version, 3);
    assert.equal(m.content_security_policy.extension_pages, CSP);
    assert.equal(CSP, "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'");
    assert.equal(m.content_scripts[0].run_at, 'document_start');
    assert.deepEqual(m.content_scripts[0].js, ['content.js']);
    assert.ok(m.content_scripts[0].matches.includes('*://*.reddit.com/*'));
    assert.ok(!m.content_scripts[0].matches.some(x => x.includes('*://*/*')), 'not every site by default');
    assert.ok(!m.web_accessible_resources, 'nothing is exposed to pages');
    for (const f of [m.background.service_worker, m.background.page, m.action.default_popup, m.options_ui.page].filter(Boolean)) {
      assert.ok(existsSync(path.join(out, b, f)), `${b}: ${f} exists`);
    }
  }
});

test('permissions are the fewest that work', () => {
  assert.deepEqual(manifest('chromium').permissions.sort(), ['activeTab', 'offscreen', 'scripting', 'storage']);
  assert.deepEqual(manifest('firefox').permissions.sort(), ['activeTab', 'scripting', 'storage']);
  const hosts = manifest('chromium').host_permissions;
  assert.ok(hosts.includes('http://127.0.0.1/*'), 'the default sync server');
  assert.ok(hosts.every(h => h !== '<all_urls>' && h !== '*://*/*'));
  assert.equal(manifest('firefox').browser_specific_settings.gecko.data_collection_permissions.required[0], 'none');
  assert.equal(manifest('chromium').background.type, 'module');
});

test('the content script is one classic script: no import, no remote code', () => {
  const js = readFileSync(path.join(out, 'chromium', 'content.js'), 'utf8');
  assert.doesNotMatch(js, /^\s*import\s/m);
  assert.doesNotMatch(js, /\beval\(|new Function\(/);
  assert.doesNotMatch(js, /https?:\/\/(?!www\.w3\.org)/, 'no address outside the extension');
  assert.doesNotMatch(js, /innerHTML/, 'page text never goes through innerHTML');
});

test('the build carries the wasm files, the trusted keys and the locales; the zip holds the same files', () => {
  for (const b of ['chromium', 'firefox']) {
    for (const f of ['wasm/voile.wasm', 'wasm/wasm_exec.js', 'wasm/voile.js', '_locales/fr/messages.json', 'icons/icon128.png', 'host/worker.js']) {
      assert.ok(existsSync(path.join(out, b, f)), `${b}: ${f}`);
    }
    assert.deepEqual(JSON.parse(readFileSync(path.join(out, b, 'trust.json'), 'utf8')), { 'voile-demo': 'voile-pub-' + 'A'.repeat(43) });
    const files = unzip(readFileSync(path.join(out, `${b}.zip`)));
    assert.deepEqual(files['manifest.json'], readFileSync(path.join(out, b, 'manifest.json')));
    assert.ok(files['content.js'] && files['wasm/voile.wasm']);
  }
  assert.ok(existsSync(path.join(out, 'chromium', 'host', 'offscreen.html')));
  assert.ok(!existsSync(path.join(out, 'firefox', 'host', 'offscreen.html')), 'no offscreen document in Firefox');
  assert.ok(existsSync(path.join(out, 'firefox', 'background', 'background.html')));
});

test('a bad trust file is refused with what is wrong', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'voile-trust-'));
  const f = path.join(dir, 't.json');
  writeFileSync(f, JSON.stringify({ 'voile-demo': 'voile-priv-xyz' }));
  assert.throws(() => readTrust(f), /key of voile-demo is not a voile-pub- public key/);
  writeFileSync(f, '[1]');
  assert.throws(() => readTrust(f), /want an object/);
  assert.deepEqual(readTrust(''), {});
});
