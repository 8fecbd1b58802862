// The fixture feeds of every supported site through the built extension,
// with the demo lists from a real sync server: the right posts are
// blurred, with the right reason, and the others are not; Show reveals a
// post and Hide covers it again; "Not hate" sticks across a reload; posts
// added after load are classified too; the reader's own editor is left
// alone; and a site the reader has not turned on is not touched.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { SITES, expectedPosts, renderPost, posts as fixtures } from '../lib/feeds.js';
import { BROWSERS, TITLE, skipReason, startEnv, messages, verdictProblems } from './helpers.js';


for (const browser of BROWSERS) describe(`fixture feeds in headless ${TITLE[browser]}`, { skip: skipReason(browser) }, () => {
  let env;
  let h;
  const t = messages();
  before(async () => {
    env = await startEnv({ browser });
    h = env.h;
  });
  after(async () => { await env?.close(); });

  for (const site of Object.keys(SITES)) {
    it(`${site}: blurs the hateful posts with their reason and shows the others`, async () => {
      const page = await h.openFeed(site);
      try {
        const posts = await h.posts(page);
        const expected = expectedPosts(site);
        const problems = verdictProblems(posts, expected, t);
        assert.deepEqual(problems, [], `${site}:\n${problems.join('\n')}`);
        assert.ok(expected.some(e => e.expect !== 'ok') && expected.some(e => e.expect === 'ok'), 'a feed has posts of both kinds');
        assert.deepEqual(await h.markedUntouched(page), [], 'the reader\'s own editor is left alone');
      } finally {
        await page.close();
      }
    });
  }

  it('Show reveals one post, Hide covers it again, and the others stay blurred', async () => {
    const page = await h.openFeed('x');
    try {
      await h.reveal(page, 'x-2');
      await h.waitForVerdict(page, 'x-2', 'revealed', { timeoutMs: 5000 });
      let posts = await h.posts(page);
      const x2 = posts.find(p => p.id === 'x-2');
      assert.equal(x2.blurredOnScreen, false, 'a revealed post is not blurred');
      assert.ok(x2.reason.includes(t('cat_antisemitism')), `the bar still names the reason: ${x2.reason}`);
      assert.ok(x2.veil.buttons.includes(t('hideAgain')), `the bar offers Hide: ${x2.veil.buttons}`);
      for (const id of ['x-5', 'x-7']) assert.equal(posts.find(p => p.id === id).verdict, 'blurred', `${id} stays blurred`);

      await h.press(page, 'x-2', t('hideAgain'));
      await h.waitForVerdict(page, 'x-2', 'blurred', { timeoutMs: 5000 });
      posts = await h.posts(page);
      assert.equal(posts.find(p => p.id === 'x-2').blurredOnScreen, true);
    } finally {
      await page.close();
    }
  });

  it('"Not hate" shows the post for this reader, also after a reload', async () => {
    const page = await h.openFeed('youtube');
    try {
      await h.press(page, 'yt-2', t('notHate'));
      const deadline = Date.now() + 5000;
      let allow;
      do {
        allow = (await h.storage(['allow'])).allow;
        if (allow?.posts?.length) break;
        await new Promise(r => setTimeout(r, 50));
      } while (Date.now() < deadline);
      assert.equal(allow?.posts?.length, 1, `the correction is stored: ${JSON.stringify(allow)}`);
      await page.reload();
      await h.settled(page);
      const posts = await h.posts(page);
      assert.equal(posts.find(p => p.id === 'yt-2').verdict, 'shown', 'the corrected post is shown after a reload');
      assert.equal(posts.find(p => p.id === 'yt-4').verdict, 'blurred', 'other posts are not affected');
    } finally {
      await page.close();
      await h.setStorage({ allow: { rules: [], posts: [] } });
    }
  });

  it('classifies posts added after the page loaded (infinite scroll)', async () => {
    const page = await h.openFeed('reddit');
    try {
      const added = [
        { id: 'rd-late-1', lang: 'en', label: 'hate', expect: 'islamophobia', author: 'u/late', title: 'Late post', text: 'Islam is a cancer on Europe.' },
        { id: 'rd-late-2', lang: 'fr', label: 'clean', expect: 'ok', author: 'u/tard', title: 'Marché', text: 'Le marché du dimanche revient place de la mairie.' },
      ];
      const html = added.map(p => renderPost('reddit', p)).join('\n');
      await page.evaluate(markup => {
        document.querySelector('shreddit-feed').insertAdjacentHTML('beforeend', markup);
      }, html);
      await h.settled(page);
      const problems = verdictProblems(await h.posts(page), [...expectedPosts('reddit'), ...added.map(p => ({ ...p }))], t);
      assert.deepEqual(problems, [], problems.join('\n'));
    } finally {
      await page.close();
    }
  });

  it('leaves a site alone until the reader turns Voile on there', async () => {
    // The generic feed under a host the extension was not granted.
    h.proxy.allow('elsewhere.example.net:443', { host: '127.0.0.1', port: h.feeds.httpsPort });
    const { renderFeed } = await import('../lib/feeds.js');
    const url = h.feeds.addPage('elsewhere.example.net', '/', renderFeed('generic'));
    const page = await h.newPage();
    try {
      await page.goto(url);
      const gn4 = page.locator('[data-fixture-id="gn-4"]');
      await gn4.waitFor({ state: 'visible', timeout: 5000 });
      const posts = await h.posts(page);
      assert.equal(posts.length, 0, 'no post is marked');
      assert.equal(await gn4.evaluate(el => getComputedStyle(el).visibility), 'visible');
    } finally {
      await page.close();
    }
  });

  it('recognises a Mastodon instance by its markup on any host', async () => {
    const { renderFeed } = await import('../lib/feeds.js');
    const page = await h.openHtml(renderFeed('mastodon'), { host: 'saved.example.org', path: '/mastodon' });
    try {
      const posts = await h.posts(page);
      const problems = verdictProblems(posts, expectedPosts('mastodon'), t);
      assert.deepEqual(problems, [], problems.join('\n'));
      assert.deepEqual(posts.filter(p => !p.id).map(p => p.text), [], 'only statuses are posts');
    } finally {
      await page.close();
    }
  });

  it('every fixture post is in its feed once', () => {
    const ids = Object.keys(SITES).flatMap(s => expectedPosts(s).map(p => p.id));
    assert.equal(new Set(ids).size, ids.length, 'fixture ids are unique');
    for (const p of fixtures.update.posts) assert.ok(p.id && !ids.includes(p.id), p.id);
  });
});
