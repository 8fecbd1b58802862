// A reader trusts a publisher that is not built into the extension: a new
// NGO registers with the sync server and publishes a list; the reader's
// extension sees it in the catalog but uses none of its rules until the
// reader presses Trust on the options page and confirms the key
// fingerprint the NGO gave (as `voile fingerprint KEY.pub` prints it); the
// list then reaches the reader's open tab without a reload, and the veil's
// "Why?" names the list, the NGO and the rule.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { renderPost } from '../lib/feeds.js';
import { E2E } from '../lib/setup.js';
import { BROWSERS, TITLE, skipReason, startEnv } from './helpers.js';

const NGO = 'ngo-reader-test';
const list = {
  id: 'ngo-list', version: 1, name: 'An NGO’s list', langs: ['en'],
  rules: [{ id: 'racism-snerkles', kind: 'term', text: 'snerkles', category: 'racism', weight: 0.9 }],
};
const post = { id: 'x-ngo', lang: 'en', label: 'hate', expect: 'racism', author: 'someone', handle: 'someone', text: 'The snerkles ruin everything around here.' };

for (const browser of BROWSERS) describe(`a reader trusts a new publisher in ${TITLE[browser]}`, { skip: skipReason(browser) }, () => {
  let env;
  let h;
  let server;
  let page;
  let ngo;
  before(async () => {
    env = await startEnv({
      browser,
      prepare: async s => {
        ngo = await s.addPublisher(NGO, 'A test NGO');
        await s.publish(list, { publisher: NGO });
      },
    });
    ({ h, server } = env);
    page = await h.openFeed('x');
    await page.evaluate(html => {
      document.querySelector('[aria-label="Timeline: Your Home Timeline"]').insertAdjacentHTML('beforeend', html);
      window.voileTestNoReload = 1;
    }, renderPost('x', post));
  });
  after(async () => { await env?.close(); });

  it('an untrusted publisher\'s list is in the catalog but hides nothing', async () => {
    assert.ok((await server.catalog()).lists.some(l => l.publisher === NGO && l.list === list.id), 'the server lists it');
    await h.waitForVerdict(page, post.id, 'shown', { timeoutMs: 10000 });
  });

  it('Trust on the options page asks in the page, with the fingerprint the publisher gives, and the list reaches the open tab', async t => {
    const fingerprint = execFileSync(path.join(E2E, 'bin', 'voile'), ['fingerprint', ngo.pub], { encoding: 'utf8' }).trim().split('\n').pop().trim();
    assert.match(fingerprint, /^[0-9a-f]{4}( [0-9a-f]{4}){7}$/, `voile fingerprint printed ${fingerprint}`);
    const t0 = Date.now();
    const confirmation = await h.trustPublisher(NGO, { fingerprint });
    assert.match(confirmation, /A test NGO/);
    const ms = await h.waitForVerdict(page, post.id, 'blurred', { timeoutMs: 15000 });
    t.diagnostic(`trusted to blurred: ${Date.now() - t0} ms (${ms} ms waited)`);
    assert.equal(await page.evaluate(() => window.voileTestNoReload), 1, 'the page was not reloaded');
  });

  it('the veil\'s Why? names the list, the publisher and the rule', async () => {
    let p = (await h.posts(page)).find(x => x.id === post.id);
    assert.deepEqual(p.veil.buttons, ['Show', 'Not hate', 'Why?'], 'one layout of buttons');
    assert.equal(p.veil.details, null, 'closed until pressed');
    await h.press(page, post.id, 'Why?');
    p = (await h.posts(page)).find(x => x.id === post.id);
    assert.deepEqual(p.veil.buttons, ['Show', 'Not hate', 'Why?'], 'the buttons stay where they were');
    const why = (p.veil.details || []).join('\n');
    assert.match(why, new RegExp(`List: ${list.id}`));
    assert.match(why, new RegExp(`Publisher: ${NGO}`));
    assert.match(why, /Rule: racism-snerkles/);
  });
});
