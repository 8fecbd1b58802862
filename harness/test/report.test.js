// The testers' report command: a fixture feed and a saved page go through
// the harness, and each gives a JSON report (posts, verdicts, reasons,
// timings) and a PNG screenshot.

import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderFeed, expectedPosts } from '../lib/feeds.js';
import { BROWSERS, TITLE, skipReason } from './helpers.js';

const run = promisify(execFile);
const REPORT = fileURLToPath(new URL('../bin/report.mjs', import.meta.url));

for (const browser of BROWSERS) describe(`voile-report in ${TITLE[browser]}`, { skip: skipReason(browser) }, () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'voile-report-test-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a JSON report and a screenshot for a feed and for a saved page', async () => {
    // A saved page without the fixture's host: served as saved.example.org, the generic adapter.
    const saved = path.join(dir, 'saved news.html');
    writeFileSync(saved, renderFeed('generic').replace(/ data-fixture-host="[^"]*"/, ''));
    const out = path.join(dir, 'out');
    const { stdout } = await run(process.execPath, [REPORT, '--browser', browser, '--demo-server', '--check', '--out', out, 'reddit', saved], { timeout: 120000 });
    assert.match(stdout, /reddit: \d+ posts, 2 blurred/);

    const reddit = JSON.parse(readFileSync(path.join(out, 'reddit.json'), 'utf8'));
    assert.equal(reddit.url, 'https://www.reddit.com/r/voile/');
    assert.equal(reddit.expectations.mismatched, 0);
    const rd2 = reddit.posts.find(p => p.id === 'rd-2');
    assert.equal(rd2.verdict, 'blurred');
    assert.match(rd2.reason, /homophobia and transphobia/);
    assert.match(rd2.text, /mentally ill/);
    assert.ok(Number.isFinite(rd2.timing.hiddenMs), 'each post has its time hidden');
    assert.ok(reddit.timings.settleMs > 0 && reddit.timings.launchMs > 0);

    const news = JSON.parse(readFileSync(path.join(out, 'saved-news.json'), 'utf8'));
    assert.equal(news.url, 'https://saved.example.org/saved%20news.html');
    const want = expectedPosts('generic');
    assert.equal(news.expectations.checked, want.length);
    assert.equal(news.expectations.mismatched, 0, JSON.stringify(news.expectations.misses));
    assert.deepEqual(news.requests.byExtension.filter(r => !/^(http (chrome|moz)-extension:|websocket ws:|ws-handshake ws:|ws-frame ws:)/.test(r)), []);

    for (const name of ['reddit', 'saved-news']) {
      const png = readFileSync(path.join(out, `${name}.png`));
      assert.equal(png.subarray(1, 4).toString(), 'PNG', `${name}.png is a PNG`);
      assert.ok(png.length > 10000, `${name}.png has content`);
    }
  });

  it('exits 1 with --check when a post gets another verdict than it expects', async () => {
    const page = path.join(dir, 'wrong.html');
    writeFileSync(page, '<!doctype html><html lang="en"><body><main><p data-fixture-id="w-1" data-fixture-expect="ok">Typical spic, always stealing our jobs, says a reader.</p></main></body></html>');
    const err = await run(process.execPath, [REPORT, '--browser', browser, '--demo-server', '--check', '--out', path.join(dir, 'out2'), page], { timeout: 120000 }).then(() => null, e => e);
    assert.ok(err, 'the command failed');
    assert.equal(err.code, 1);
    assert.match(err.stdout, /1 of 1 expectations missed/);
  });
});
