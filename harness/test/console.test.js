// A publisher's console (voile console) drives a list from the page to a
// reader's open tab: the publisher writes a list, fixes the error the
// console reports, tests it on posts, publishes it, and the reader's open
// feed blurs the post without a reload. The reader's extension trusts the
// test publisher; the list exists (version 1, a rule that matches nothing)
// before the browser starts, as in sync.test.js.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { posts as fixtures } from '../lib/feeds.js';
import { E2E, TEST_PUBLISHER } from '../lib/setup.js';
import { skipReason, startEnv } from './helpers.js';

const skip = skipReason();
if (skip) console.log(`# end-to-end console tests skipped: ${skip}`);

const { list } = fixtures.update;
const [glorpers] = list.rules;
const placeholder = { id: 'placeholder-zindlewop', kind: 'term', text: 'zindlewop', category: 'xenophobia', weight: 0.9 };
const livePost = fixtures.update.posts.find(p => p.id === 'x-live').text;

// The list as the publisher types it: version 1 as published, with the
// new rule, at first with a weight the console refuses.
const source = weight => `id: ${list.id}
publisher: ${TEST_PUBLISHER}
version: 1
name: ${list.name}
langs: [en]
rules:
  - {id: ${placeholder.id}, kind: term, text: ${placeholder.text}, category: xenophobia, weight: 0.9}
  - {id: ${glorpers.id}, kind: term, text: ${glorpers.text}, category: ${glorpers.category}, weight: ${weight}}
`;

/** Starts voile console and resolves with its address and the process. */
function startConsole(server, dir) {
  const tokenFile = path.join(dir, 'token');
  writeFileSync(tokenFile, server.token + '\n', { mode: 0o600 });
  const proc = spawn(path.join(E2E, 'bin', 'voile'), ['console', '-key', path.join(E2E, 'keys', 'harness.key'),
    '-server', server.httpUrl, '-token-file', tokenFile, '-addr', '127.0.0.1:0', path.join(dir, 'list.yaml')], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`voile console printed no address: ${out}`)), 10000);
    proc.stdout.on('data', d => {
      out += d;
      const m = out.match(/http:\/\/127\.0\.0\.1:(\d+)\/#\S+/);
      if (m) { clearTimeout(timer); resolve({ proc, url: m[0], port: Number(m[1]) }); }
    });
    proc.stderr.on('data', d => { out += d; });
    proc.on('exit', code => reject(new Error(`voile console exited ${code}: ${out}`)));
  });
}

const text = (page, sel) => page.$eval(sel, e => e.textContent);

async function setSource(page, src) {
  await page.$eval('#source', (e, v) => { e.value = v; e.dispatchEvent(new Event('input', { bubbles: true })); }, src);
}

describe('a publisher\'s console reaches a reader\'s open tab', { skip }, () => {
  let env;
  let h;
  let server;
  let feed;
  let con;
  let page;
  let dir;
  const pageErrors = [];
  before(async () => {
    env = await startEnv({ prepare: s => s.publish({ id: list.id, version: 1, name: list.name, langs: list.langs, rules: [placeholder] }) });
    ({ h, server } = env);
    dir = mkdtempSync(path.join(tmpdir(), 'voile-console-'));
    feed = await h.openFeed('x', { live: true });
    await feed.evaluate(() => { window.voileTestNoReload = 1; });
    con = await startConsole(server, dir);
    h.proxy.allow(`127.0.0.1:${con.port}`);
    page = await h.newPage();
    // A script error, or anything the CSP blocks, shows here.
    page.on('pageerror', e => pageErrors.push(String(e)));
    page.on('console', m => { if (m.type() === 'error') pageErrors.push(m.text()); });
    await page.goto(con.url, { waitUntil: 'domcontentloaded' });
  });
  after(async () => {
    con?.proc.kill('SIGTERM');
    await env?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('shows the publisher and the fingerprint readers check', async () => {
    const fp = execFileSync(path.join(E2E, 'bin', 'voile'), ['fingerprint', path.join(E2E, 'keys', 'harness.pub')], { encoding: 'utf8' }).trim();
    await page.waitForFunction(() => document.getElementById('pub-id').textContent !== '', { timeout: 10000 });
    assert.equal(await text(page, '#fingerprint'), fp);
    assert.equal(await text(page, '#pub-id'), TEST_PUBLISHER);
    assert.equal(await text(page, '#pub-name'), 'Voile harness');
    assert.equal(await page.evaluate(() => location.hash), '', 'the secret is taken out of the address bar');
  });

  it('reports an error as the publisher types, and clears it once fixed', async () => {
    await setSource(page, source(1.5));
    await page.waitForFunction(() => /weight: 1\.5/.test(document.getElementById('problems').textContent), { timeout: 5000 });
    assert.match(await text(page, '#problems'), /line 8/);
    await setSource(page, source(0.9));
    await page.waitForFunction(() => !document.getElementById('check-ok').hidden, { timeout: 5000 });
    assert.equal(await text(page, '#problems'), '');
  });

  it('tests the list on posts, with the matched word highlighted', async () => {
    await page.$eval('#posts', (e, v) => { e.value = v; }, `${livePost}\nWhat a lovely morning.`);
    await page.click('#run-test');
    await page.waitForFunction(() => document.querySelectorAll('#results tbody tr').length === 2, { timeout: 5000 });
    const rows = await page.$$eval('#results tbody tr', trs => trs.map(tr => ({ cls: tr.className, mark: tr.querySelector('mark.hit')?.textContent || '' })));
    assert.deepEqual(rows, [{ cls: 'flagged', mark: 'glorpers' }, { cls: 'clean', mark: '' }]);
  });

  it('publishes, and the reader\'s open tab blurs the post without a reload', async t => {
    assert.equal((await h.posts(feed)).find(p => p.id === 'x-live')?.verdict, 'shown', 'not blurred before');
    const t0 = Date.now();
    await page.click('#run-publish');
    await page.waitForFunction(() => /version 2/.test(document.getElementById('publish-msg').textContent), { timeout: 10000 });
    assert.match(await page.$eval('#source', e => e.value), /^version: 2$/m, 'the page\'s source says the published version');
    await h.waitForVerdict(feed, 'x-live', 'blurred', { timeoutMs: 5000 });
    t.diagnostic(`console publish to blurred: ${Date.now() - t0} ms`);
    assert.equal(await feed.evaluate(() => window.voileTestNoReload), 1, 'the page was not reloaded');
  });

  it('says what to do when the version is stale', async () => {
    await setSource(page, source(0.9)); // version 1 again
    await page.$eval('#bump', e => { e.checked = false; });
    await page.click('#run-publish');
    await page.waitForFunction(() => !document.getElementById('publish-error').hidden, { timeout: 5000 });
    assert.match(await text(page, '#publish-error'), /Publish as the next version/);
    if (process.env.VOILE_CONSOLE_SCREENSHOT) await page.screenshot({ path: process.env.VOILE_CONSOLE_SCREENSHOT, fullPage: true });
  });

  it('shows it in French', async () => {
    await page.click('#lang-fr');
    assert.equal(await text(page, '#run-publish'), 'Signer et publier');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'fr');
  });

  it('has no script error and nothing blocked by its CSP', () => {
    // The stale publish's 400 answer is logged by the browser as a failed
    // resource; anything else is a fault.
    assert.deepEqual(pageErrors.filter(e => !/status of 400/.test(e)), []);
  });
});
