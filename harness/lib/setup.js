// What the end-to-end tests and the report command need around the
// browser: the built extension and the sync server with publishers the
// extension trusts. `make e2e-build` makes, under build/e2e/:
//
//   bin/voile, bin/voile-server        the command line and the server
//   keys/demo.{key,pub}                the demo publisher's key pair
//   keys/harness.{key,pub}             a test publisher's key pair
//   trust.json                         {"voile-demo": ..., "voile-harness": ...}
//   extension/chromium/                the extension, trusting both keys
//
// Private keys are made afresh by each build and never committed.

import { spawn, execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const run = promisify(execFile);

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const E2E = process.env.VOILE_E2E_DIR || path.join(ROOT, 'build', 'e2e');
export const TEST_PUBLISHER = 'voile-harness';
export const DEMO_PUBLISHER = 'voile-demo';

/** The extension build the tests load: build/e2e/extension/chromium (or firefox). */
export function defaultExtensionDir(browser = 'chromium') {
  if (browser === 'firefox') return process.env.VOILE_EXTENSION_FIREFOX || path.join(E2E, 'extension', 'firefox');
  return process.env.VOILE_EXTENSION || path.join(E2E, 'extension', 'chromium');
}

/** What is missing for the end-to-end tests, as a sentence, or ''. */
export function missing(browser = 'chromium') {
  const need = [
    [path.join(defaultExtensionDir(browser), 'manifest.json'), 'the extension build (make e2e-build)'],
    [path.join(E2E, 'bin', 'voile-server'), 'the server binary (make e2e-build)'],
    [path.join(E2E, 'bin', 'voile'), 'the voile command (make e2e-build)'],
    [path.join(E2E, 'keys', 'harness.key'), 'the test publisher key (make e2e-build)'],
  ];
  return need.filter(([f]) => !existsSync(f)).map(([f, what]) => `${what}: ${f}`).join('; ');
}

const procs = new Set();
process.once('exit', () => { for (const p of procs) { try { p.kill('SIGKILL'); } catch { /* gone */ } } });

/**
 * A voile-server on 127.0.0.1, on a free port, with a fresh data folder in
 * which the demo publisher (with the demo lists) and the test publisher are
 * registered under the keys the test extension trusts. stop() and start()
 * restart it on the same port with the same data.
 */
export class VoileServer {
  constructor({ demo = true, dataDir = null, log = false } = {}) {
    this.demo = demo;
    this.dir = dataDir || mkdtempSync(path.join(tmpdir(), 'voile-server-'));
    this.ownDir = !dataDir;
    this.log = log;
    this.host = '127.0.0.1';
    this.port = 0;
    this.proc = null;
    this.output = '';
  }

  get wsUrl() { return `ws://${this.host}:${this.port}/v1/sync`; }
  get httpUrl() { return `http://${this.host}:${this.port}`; }

  /** Registers the publishers (first start only), then serves. */
  async start() {
    const bin = path.join(E2E, 'bin');
    if (!this.token) {
      if (this.demo) {
        copyFileSync(path.join(E2E, 'keys', 'demo.key'), path.join(this.dir, 'demo.key'));
        await run(path.join(bin, 'voile-server'), ['add-publisher', '-data', this.dir, '-id', DEMO_PUBLISHER, '-name', 'Voile demo', '-pub', path.join(E2E, 'keys', 'demo.pub')]);
      }
      const { stdout } = await run(path.join(bin, 'voile-server'), ['add-publisher', '-data', this.dir, '-id', TEST_PUBLISHER, '-name', 'Voile harness', '-pub', path.join(E2E, 'keys', 'harness.pub')]);
      this.token = stdout.trim();
    }
    const addrFile = path.join(this.dir, 'addr');
    rmSync(addrFile, { force: true });
    const args = ['-addr', `127.0.0.1:${this.port}`, '-addr-file', addrFile, '-data', this.dir, '-log-level', 'debug', '-publish-rate', '100', '-publish-burst', '100'];
    if (this.demo) args.push('-demo');
    const proc = spawn(path.join(bin, 'voile-server'), args, { stdio: ['ignore', 'ignore', 'pipe'] });
    this.proc = proc;
    procs.add(proc);
    proc.stderr.on('data', d => {
      this.output += d;
      if (this.output.length > 400000) this.output = this.output.slice(-200000);
      if (this.log) process.stderr.write(d);
    });
    this.exited = new Promise(resolve => proc.once('exit', code => { procs.delete(proc); resolve(code); }));
    const deadline = Date.now() + 20000;
    for (;;) {
      if (existsSync(addrFile)) {
        const addr = readFileSync(addrFile, 'utf8').trim();
        if (addr) {
          this.port = Number(addr.split(':').pop());
          break;
        }
      }
      if (proc.exitCode !== null) throw new Error(`voile-server exited (${proc.exitCode}):\n${this.output.slice(-3000)}`);
      if (Date.now() > deadline) throw new Error(`voile-server did not start within 20 s:\n${this.output.slice(-3000)}`);
      await new Promise(r => setTimeout(r, 20));
    }
    // Ready once it answers.
    for (;;) {
      try {
        const res = await fetch(`${this.httpUrl}/healthz`);
        if (res.ok) break;
      } catch { /* not yet */ }
      if (Date.now() > deadline) throw new Error(`voile-server did not answer within 20 s:\n${this.output.slice(-3000)}`);
      await new Promise(r => setTimeout(r, 20));
    }
    return this;
  }

  /** Stops the server (SIGTERM, then SIGKILL after 5 s). */
  async stop() {
    const p = this.proc;
    if (!p || p.exitCode !== null) return;
    p.kill('SIGTERM');
    const done = await Promise.race([this.exited.then(() => true), new Promise(r => setTimeout(() => r(false), 5000))]);
    if (!done) { p.kill('SIGKILL'); await this.exited; }
    this.proc = null;
  }

  /** Stops the server and removes its data. */
  async close() {
    await this.stop();
    if (this.ownDir) rmSync(this.dir, { recursive: true, force: true });
  }

  /**
   * Registers another publisher, one the test extension does not trust:
   * a key pair made afresh in the data folder, registered while the server
   * is stopped (and started again on the same port if it ran). publish(list,
   * {publisher: id}) then signs with its key. Returns {id, pub, key, token,
   * publicKey}.
   */
  async addPublisher(id, name = id) {
    const bin = path.join(E2E, 'bin');
    const keyBase = path.join(this.dir, `${id}-key`);
    await run(path.join(bin, 'voile'), ['keygen', '-out', keyBase]);
    const running = this.proc && this.proc.exitCode === null;
    if (running) await this.stop();
    const { stdout } = await run(path.join(bin, 'voile-server'), ['add-publisher', '-data', this.dir, '-id', id, '-name', name, '-pub', `${keyBase}.pub`]);
    const p = { id, name, key: `${keyBase}.key`, pub: `${keyBase}.pub`, token: stdout.trim(), publicKey: readFileSync(`${keyBase}.pub`, 'utf8').trim() };
    (this.publishers ||= new Map()).set(id, p);
    if (running) await this.start();
    return p;
  }

  /** The catalog, as JSON. */
  async catalog() {
    const res = await fetch(`${this.httpUrl}/v1/catalog?format=json`);
    if (!res.ok) throw new Error(`catalog: HTTP ${res.status}`);
    return res.json();
  }

  /**
   * Signs a list (an object in the rule list format, publisher
   * voile-harness) with the test key and publishes it; with publisher, as
   * a publisher addPublisher registered. It runs `voile publish`, the
   * publisher's own command, so that the tests publish as a publisher
   * does and the server's client is the Go one (server/client). Returns
   * what the command printed.
   */
  async publish(list, { publisher = TEST_PUBLISHER } = {}) {
    const other = publisher !== TEST_PUBLISHER ? this.publishers?.get(publisher) : null;
    if (publisher !== TEST_PUBLISHER && !other) throw new Error(`publish: no publisher ${publisher} (addPublisher registers one)`);
    const dir = mkdtempSync(path.join(tmpdir(), 'voile-list-'));
    try {
      const src = path.join(dir, 'list.json');
      writeFileSync(src, JSON.stringify({ publisher, ...list }));
      const key = other ? other.key : path.join(E2E, 'keys', 'harness.key');
      const env = { ...process.env, VOILE_TOKEN: other ? other.token : this.token };
      try {
        const { stdout } = await run(path.join(E2E, 'bin', 'voile'), ['publish', '-server', this.httpUrl, '-key', key, src], { env });
        return stdout.trim();
      } catch (e) {
        throw new Error(`publish ${publisher}/${list.id} version ${list.version}: ${(e.stderr || e.message).trim()}`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

/** Starts a VoileServer (see there). */
export async function startVoileServer(opts) {
  const s = new VoileServer(opts);
  try {
    return await s.start();
  } catch (e) {
    await s.close();
    throw e;
  }
}

