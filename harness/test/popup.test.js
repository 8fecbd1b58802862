// The popup's controls change what is blurred on open pages, without a
// reload: the sensitivity slider, the category boxes and "Pause
// everywhere" (the popup page opened in a tab and driven there), and the
// per-site switch (the real toolbar popup, opened for the feed's tab).

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BROWSERS, TITLE, skipReason, startEnv, messages } from './helpers.js';


const verdictOf = (posts, id) => posts.find(p => p.id === id)?.verdict ?? 'unmarked';

for (const browser of BROWSERS) describe(`the popup's controls in ${TITLE[browser]}`, { skip: skipReason(browser) }, () => {
  let env;
  let h;
  let feed;
  let popup;
  const t = messages();
  before(async () => {
    env = await startEnv({ browser });
    h = env.h;
    // yt-2 is racism (score 0.8), yt-4 a threat (score 0.6).
    feed = await h.openFeed('youtube');
    popup = await h.openPopup();
  });
  after(async () => { await env?.close(); });

  it('the sensitivity slider: lower shows the milder post, back to the default blurs it again', async () => {
    await popup.locator('#sensitivity').fill('0.3');
    let posts = await h.waitForPosts(feed, ps => verdictOf(ps, 'yt-4') === 'shown', { what: 'yt-4 to be shown at sensitivity 0.3' });
    assert.equal(verdictOf(posts, 'yt-2'), 'blurred', 'the stronger post stays blurred');
    assert.equal((await h.settings()).sensitivity, 0.3);
    await popup.locator('#sensitivity').fill('0.5');
    posts = await h.waitForPosts(feed, ps => verdictOf(ps, 'yt-4') === 'blurred', { what: 'yt-4 to be blurred again at 0.5' });
    assert.equal(verdictOf(posts, 'yt-2'), 'blurred');
  });

  it('a category box: unticking racism shows the racist post only', async () => {
    const box = popup.getByLabel(t('cat_racism'), { exact: true });
    await box.uncheck();
    const posts = await h.waitForPosts(feed, ps => verdictOf(ps, 'yt-2') === 'shown', { what: 'yt-2 to be shown without racism' });
    assert.equal(verdictOf(posts, 'yt-4'), 'blurred', 'the threat stays blurred');
    await box.check();
    await h.waitForPosts(feed, ps => verdictOf(ps, 'yt-2') === 'blurred', { what: 'yt-2 to be blurred again' });
  });

  it('"Pause everywhere" lifts every veil, "Resume" puts them back', async () => {
    await popup.locator('#pause').click();
    await h.waitForPosts(feed, ps => ps.length === 0, { what: 'the page to be left alone while paused' });
    const visible = await feed.locator('[data-fixture-id="yt-2"]').evaluate(el => getComputedStyle(el).visibility);
    assert.equal(visible, 'visible');
    assert.equal((await h.settings()).enabled, false);
    assert.equal(await popup.locator('#pause').textContent(), t('popupResumeAll'));
    await popup.locator('#pause').click();
    const posts = await h.waitForPosts(feed, ps => verdictOf(ps, 'yt-2') === 'blurred' && verdictOf(ps, 'yt-4') === 'blurred', { what: 'the veils to come back' });
    assert.ok(posts.find(p => p.id === 'yt-2').blurredOnScreen);
  });

  const noToolbarPopup = browser === 'firefox' && 'Firefox draws the toolbar popup as browser chrome, which WebDriver BiDi can neither open nor drive';
  it('the toolbar popup on a feed: its counts, and the switch for this site only', { skip: noToolbarPopup }, async () => {
    const other = await h.openFeed('x');
    const view = await h.openActionPopup(feed);
    try {
      assert.equal(await view.waitFor(() => document.querySelector('#host').textContent), 'www.youtube.com');
      assert.equal(await view.evaluate(() => document.querySelector('#site-toggle').hidden), false, 'the site switch is shown');
      const blurred = (await h.blurred(feed)).length;
      assert.equal(await view.waitFor(() => document.querySelector('#count-page').textContent.replace('–', '')), String(blurred), 'the popup counts this page\'s blurred posts');
      await view.click('#site-on');
      await h.waitForPosts(feed, ps => ps.length === 0, { what: 'YouTube to be left alone' });
      assert.equal((await h.settings()).sites['youtube.com'], false);
      assert.ok((await h.blurred(other)).length > 0, 'other sites stay guarded');
      await view.click('#site-on');
      await h.waitForPosts(feed, ps => verdictOf(ps, 'yt-2') === 'blurred', { what: 'YouTube to be guarded again' });
    } finally {
      await view.close();
      await other.close();
    }
  });
});
