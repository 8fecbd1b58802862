// Starts Debian's Chromium headless with the extension loaded, all its
// traffic sent through the harness proxy, and Playwright connected over
// the DevTools protocol. The harness never downloads a browser: it uses
// /usr/bin/chromium (VOILE_CHROMIUM or CHROMIUM to use another).

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

export function chromiumPath() {
  const p = process.env.VOILE_CHROMIUM || process.env.CHROMIUM || '/usr/bin/chromium';
  if (!existsSync(p)) {
    throw new Error(`no Chromium at ${p}: run "make chromium" (installs Debian's chromium), or set VOILE_CHROMIUM`);
  }
  return p;
}

// Every process this module started, killed if node exits without closing them.
const live = new Set();
process.once('exit', () => {
  for (const pid of live) { try { process.kill(-pid, 'SIGKILL'); } catch { /* gone */ } }
});
// Interrupted (Ctrl-C, a test runner's timeout): exit, which runs the above.
for (const [sig, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) {
  process.once(sig, () => process.exit(code));
}

/**
 * Launches Chromium. extensionDir: the unpacked extension (optional).
 * proxyPort: the harness proxy every request goes through. Returns
 * {browser, context, wsEndpoint, userDataDir, close()}.
 */
export async function launchChromium({ extensionDir, proxyPort, headless = true, lang = 'en-US', timeoutMs = 30000, extraArgs = [] } = {}) {
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'voile-chromium-'));
  const args = [
    headless ? '--headless' : null,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-default-apps',
    '--disable-domain-reliability',
    '--disable-client-side-phishing-detection',
    '--disable-breakpad',
    '--disable-dev-shm-usage',
    '--disable-features=NetworkTimeServiceQuerying,Translate,OptimizationHints,MediaRouter,DialMediaRouteProvider,AutofillServerCommunication,CertificateTransparencyComponentUpdater',
    '--metrics-recording-only',
    '--password-store=basic',
    '--use-mock-keychain',
    '--mute-audio',
    '--hide-scrollbars',
    '--window-size=1280,1000',
    `--lang=${lang}`,
    `--user-data-dir=${userDataDir}`,
    '--remote-debugging-address=127.0.0.1',
    '--remote-debugging-port=0',
    // The fixture sites are served with a throwaway certificate.
    '--ignore-certificate-errors',
    extensionDir ? `--disable-extensions-except=${extensionDir}` : null,
    extensionDir ? `--load-extension=${extensionDir}` : null,
    proxyPort ? `--proxy-server=http://127.0.0.1:${proxyPort}` : null,
    // Loopback addresses go through the proxy too, so that it sees all.
    proxyPort ? '--proxy-bypass-list=<-loopback>' : null,
    ...extraArgs,
    'about:blank',
  ].filter(Boolean);
  const proc = spawn(chromiumPath(), args, {
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true, // its own process group, killed whole at the end
    env: { ...process.env, LANG: lang.replace('-', '_') + '.UTF-8', LANGUAGE: lang.split('-')[0] },
  });
  live.add(proc.pid);
  let stderr = '';
  const exited = new Promise(resolve => proc.once('exit', code => { live.delete(proc.pid); resolve(code); }));
  const kill = () => { try { process.kill(-proc.pid, 'SIGKILL'); } catch { /* gone */ } };
  let wsEndpoint;
  try {
    wsEndpoint = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`Chromium did not start within ${timeoutMs} ms:\n${stderr.slice(-2000)}`)), timeoutMs);
      proc.stderr.on('data', d => {
        stderr += d;
        if (stderr.length > 200000) stderr = stderr.slice(-100000);
        const m = /DevTools listening on (ws:\/\/\S+)/.exec(stderr);
        if (m) { clearTimeout(timer); resolve(m[1]); }
      });
      exited.then(code => { clearTimeout(timer); reject(new Error(`Chromium exited (${code}) before it was ready:\n${stderr.slice(-2000)}`)); });
    });
  } catch (e) {
    kill();
    rmSync(userDataDir, { recursive: true, force: true });
    throw e;
  }
  const browser = await chromium.connectOverCDP(wsEndpoint, { timeout: timeoutMs });
  const context = browser.contexts()[0];
  return {
    browser,
    context,
    wsEndpoint,
    userDataDir,
    proc,
    stderr: () => stderr,
    async close() {
      await Promise.race([browser.close().catch(() => {}), new Promise(r => setTimeout(r, 3000))]);
      proc.kill('SIGTERM');
      const done = await Promise.race([exited.then(() => true), new Promise(r => setTimeout(() => r(false), 3000))]);
      kill(); // the rest of its process group, and the browser itself if it lingered
      if (!done) await Promise.race([exited, new Promise(r => setTimeout(r, 2000))]);
      rmSync(userDataDir, { recursive: true, force: true, maxRetries: 3 });
    },
  };
}
