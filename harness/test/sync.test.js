// Rule updates through a running sync server reach a tab that is already
// open: a new version of a list the extension follows, published while the
// page is open, blurs the matching post within 5 s, without a reload;
// after the server restarts, and after a version the extension missed
// while it was cut off, it catches up; and live updates flow again
// afterwards. The test publisher's list exists (version 1, a rule that
// matches nothing) before the browser starts.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { posts as fixtures, renderPost } from '../lib/feeds.js';
import { BROWSERS, TITLE, skipReason, startEnv, verdictProblems } from './helpers.js';


const LIVE_MS = 5000;
const { list } = fixtures.update;
const [glorpers, blorfs] = list.rules;
const version = (v, rules) => ({ id: list.id, version: v, name: list.name, description: list.description, langs: list.langs, rules });
const placeholder = { id: 'placeholder-zindlewop', kind: 'term', text: 'zindlewop', category: 'xenophobia', weight: 0.9 };

for (const browser of BROWSERS) describe(`rule updates reach open tabs in ${TITLE[browser]}`, { skip: skipReason(browser) }, () => {
  let env;
  let h;
  let server;
  let page;
  before(async () => {
    env = await startEnv({ browser, prepare: s => s.publish(version(1, [placeholder])) });
    ({ h, server } = env);
    page = await h.openFeed('x', { live: true });
    // Set in the page: gone if the page were reloaded.
    await page.evaluate(() => { window.voileTestNoReload = 1; });
  });
  after(async () => { await env?.close(); });

  const stillSamePage = async () => assert.equal(await page.evaluate(() => window.voileTestNoReload), 1, 'the page was not reloaded');

  it('shows the posts no list matches yet', async () => {
    // A cold classifier may veil them as unchecked first (it compiles the
    // starter lists); their verdict then shows them.
    for (const id of ['x-live', 'x-live-2']) await h.waitForVerdict(page, id, 'shown', { timeoutMs: 10000 });
    const posts = await h.posts(page);
    for (const id of ['x-live', 'x-live-2']) assert.equal(posts.find(p => p.id === id)?.verdict, 'shown', id);
  });

  it(`a published rule blurs the matching post of an open tab within ${LIVE_MS / 1000} s`, async t => {
    const t0 = Date.now();
    await server.publish(version(2, [glorpers]));
    const ms = await h.waitForVerdict(page, 'x-live', 'blurred', { timeoutMs: LIVE_MS });
    t.diagnostic(`publish to blurred: ${Date.now() - t0} ms (${ms} ms after the server stored it)`);
    await stillSamePage();
    const posts = await h.posts(page);
    const p = posts.find(x => x.id === 'x-live');
    assert.ok(p.blurredOnScreen, 'blurred on screen');
    assert.equal(posts.find(x => x.id === 'x-live-2').verdict, 'shown', 'the other post is untouched');
    // The fixture posts keep their verdicts.
    const problems = verdictProblems(posts.filter(x => !x.id?.startsWith('x-live')), [], undefined);
    assert.deepEqual(problems, []);
  });

  it('survives a server restart and catches up on a version it missed', async t => {
    // Cut the browser off from the server, restart the server, and publish
    // a version while the extension cannot reach it.
    h.proxy.block(server);
    await server.stop();
    await server.start();
    await server.publish(version(3, [glorpers, blorfs]));
    const offline = await h.storage(['syncStatus']);
    assert.notEqual(offline.syncStatus?.state, 'synced', `the extension noticed it is cut off: ${JSON.stringify(offline.syncStatus)}`);
    assert.equal((await h.posts(page)).find(x => x.id === 'x-live-2').verdict, 'shown', 'not there yet');
    assert.equal((await h.posts(page)).find(x => x.id === 'x-live').verdict, 'blurred', 'the lists it holds still apply');

    const t0 = Date.now();
    h.proxy.unblock(server);
    // It reconnects on its own schedule (a growing delay, from 1 s).
    await h.waitForVerdict(page, 'x-live-2', 'blurred', { timeoutMs: 30000 });
    t.diagnostic(`reconnected and caught up in ${Date.now() - t0} ms`);
    await stillSamePage();
  });

  it(`after the restart, live updates flow again within ${LIVE_MS / 1000} s`, async t => {
    await h.waitForSync({ timeoutMs: 10000 });
    const t0 = Date.now();
    await server.publish(version(4, [blorfs]));
    await h.waitForVerdict(page, 'x-live', 'shown', { timeoutMs: LIVE_MS });
    t.diagnostic(`publish to shown: ${Date.now() - t0} ms`);
    assert.equal((await h.posts(page)).find(x => x.id === 'x-live-2').verdict, 'blurred');
    await stillSamePage();
  });

  it('a plain server restart, with the browser connected, is survived too', async t => {
    await server.stop();
    await server.start();
    const t0 = Date.now();
    await h.waitForSync({ since: t0, timeoutMs: 30000 });
    t.diagnostic(`resynced ${Date.now() - t0} ms after the restart`);
    await server.publish(version(5, [glorpers, blorfs]));
    await h.waitForVerdict(page, 'x-live', 'blurred', { timeoutMs: LIVE_MS });
    await stillSamePage();
  });

  it(`after 40 s without activity (Firefox suspends an idle background page after 30 s), a published rule still arrives within ${LIVE_MS / 1000} s`, async t => {
    await new Promise(r => setTimeout(r, 40000));
    const t0 = Date.now();
    await server.publish(version(6, [blorfs]));
    await h.waitForVerdict(page, 'x-live', 'shown', { timeoutMs: LIVE_MS });
    t.diagnostic(`publish to shown after 40 s idle: ${Date.now() - t0} ms`);
    await stillSamePage();
  });

  it('a list first published after the extension connected reaches it without a reconnect', async () => {
    await server.publish({ id: 'harness-new', version: 1, name: 'A new list', langs: ['en'], rules: [{ id: 'racism-snerkles', kind: 'term', text: 'snerkles', category: 'racism', weight: 0.9 }] });
    const post = { id: 'x-new', lang: 'en', label: 'hate', expect: 'racism', author: 'newcomer', handle: 'newcomer', text: 'The snerkles ruin everything around here.' };
    await page.evaluate(html => {
      document.querySelector('[aria-label="Timeline: Your Home Timeline"]').insertAdjacentHTML('beforeend', html);
    }, renderPost('x', post));
    await h.waitForVerdict(page, 'x-new', 'blurred', { timeoutMs: LIVE_MS });
  });
});
