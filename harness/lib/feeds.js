// Fixture feeds: full pages that imitate the markup of each site Voile has
// an adapter for (extension/src/adapters/builtin.json), rendered from the
// posts in fixtures/posts.json. Every post container carries the same test
// attributes as the extension's own fixtures (extension/test/fixtures):
// data-fixture-expect (ok, or the category it is blurred for),
// data-fixture-lang, plus data-fixture-id and data-fixture-label (what a
// person would call the post). The adapters never read these attributes.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

/** The fixture posts document (fixtures/posts.json). */
export const posts = JSON.parse(readFileSync(path.join(FIXTURES, 'posts.json'), 'utf8'));

/**
 * The host each feed is served under (through the harness proxy), so that
 * the extension picks the adapter the real site gets, and the path.
 */
export const SITES = Object.freeze({
  facebook: { host: 'www.facebook.com', path: '/' },
  x: { host: 'x.com', path: '/home' },
  reddit: { host: 'www.reddit.com', path: '/r/voile/' },
  youtube: { host: 'www.youtube.com', path: '/watch?v=voile' },
  mastodon: { host: 'mastodon.social', path: '/home' },
  generic: { host: 'news.example.org', path: '/2026/youth-clubs' },
});

/** Every expected post of a site's feed, comments included, in page order. */
export function expectedPosts(site, extra = []) {
  const out = [];
  const add = p => {
    out.push({ id: p.id, lang: p.lang, label: p.label, expect: p.expect, text: postText(p), note: p.note });
    for (const c of p.comments || []) add(c);
  };
  for (const p of posts.sites[site] || []) add(p);
  for (const p of extra) add(p);
  return out;
}

/** The words of a post as the classifier reads them (with its quote). */
export function postText(p) {
  return p.quote ? `${p.text}\n${p.quote.text}` : p.text;
}

const esc = s => String(s).replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
const attrs = p => `data-fixture-id="${esc(p.id)}" data-fixture-expect="${esc(p.expect)}" data-fixture-lang="${esc(p.lang)}" data-fixture-label="${esc(p.label)}"`;

// ---- one renderer a site: a post (or comment) as the site marks it up --------

const render = {
  facebook: {
    page: body => `<div id="mount_0_0_Vo"><div role="banner"><a href="/" aria-label="Facebook">facebook</a><input type="search" placeholder="Search Facebook" aria-label="Search Facebook"></div>
<div role="main"><div role="feed"><h3 class="x1lliihq">News Feed posts</h3>
${body}
</div></div></div>`,
    post: (p, i) => `<div class="x1yztbdb x1n2onr6" aria-posinset="${i + 1}" aria-setsize="-1" aria-describedby=":r${i}:" ${attrs(p)}>
  <div class="x1lliihq"><div class="html-div">
    <h4 class="x1heor9g"><span><a href="#" role="link"><strong><span>${esc(p.author)}</span></strong></a></span></h4>
    <span class="x4k7w5x"><a href="#" role="link"><span>${i + 2} h</span></a> · <span aria-label="Shared with Public">🌐</span></span>
    <div data-ad-rendering-role="story_message"><div data-ad-preview="message" data-ad-comet-preview="message" id=":r${i}:"><div class="xdj266r"><div dir="auto" style="text-align: start;">${esc(p.text)}</div></div></div></div>
    <div role="toolbar"><div role="button" tabindex="0">Like</div><div role="button" tabindex="0">Comment</div><div role="button" tabindex="0">Share</div></div>
    ${p.comments ? `<div class="x1jx94hy"><ul>${p.comments.map(c => render.facebook.comment(c)).join('\n')}</ul>
    <div contenteditable="true" role="textbox" aria-label="Write a comment…" aria-placeholder="Write a comment…" data-fixture-untouched><p><br></p></div></div>` : ''}
  </div></div>
</div>`,
    comment: c => `<li><div role="article" aria-label="Comment by ${esc(c.author)}" tabindex="-1" ${attrs(c)}>
      <div class="x1r8uery"><span><a href="#" role="link"><span>${esc(c.author)}</span></a></span>
      <div class="xdj266r"><div dir="auto" style="text-align: start;">${esc(c.text)}</div></div>
      <ul class="x1n0m28w"><li><div role="button" tabindex="0">Like</div></li><li><div role="button" tabindex="0">Reply</div></li></ul></div>
    </div></li>`,
  },

  x: {
    page: body => `<div id="react-root"><div class="css-175oi2r r-13awgt0"><header role="banner"><nav role="navigation" aria-label="Primary"><a href="/home" aria-label="Home">Home</a><a href="/explore" aria-label="Search and explore">Explore</a></nav></header>
<main role="main"><div data-testid="primaryColumn"><div data-testid="tweetTextarea_0" contenteditable="true" role="textbox" aria-label="Post text" data-fixture-untouched><span>What is happening?!</span></div>
<section role="region" aria-labelledby="accessible-list-1"><h1 id="accessible-list-1">Your Home Timeline</h1><div aria-label="Timeline: Your Home Timeline">
${body}
</div></section></div></main></div></div>`,
    post: p => `<div data-testid="cellInnerDiv"><div class="css-175oi2r"><article aria-labelledby="id__${esc(p.id)}" role="article" tabindex="0" data-testid="tweet" ${attrs(p)}>
  <div class="css-175oi2r r-eqz5dr"><div data-testid="Tweet-User-Avatar"><img alt="" src="data:,"></div>
  <div class="css-175oi2r r-1iusvr4"><div data-testid="User-Name"><a href="#" role="link"><span>${esc(p.author)}</span></a> <a href="#" role="link" tabindex="-1"><span>@${esc(p.handle || p.author)}</span></a> · <time datetime="2026-11-01T10:00:00.000Z">1h</time></div>
  <div data-testid="tweetText" lang="${esc(p.lang)}" dir="auto" id="id__${esc(p.id)}"><span>${esc(p.text)}</span></div>
  ${p.quote ? `<div role="link" tabindex="0" class="css-175oi2r r-adacv"><div data-testid="User-Name"><span>${esc(p.quote.author)}</span> <span>@${esc(p.quote.handle)}</span></div>
    <div data-testid="tweetText" lang="${esc(p.lang)}" dir="auto"><span>${esc(p.quote.text)}</span></div></div>` : ''}
  <div role="group" aria-label="Replies, reposts, likes"><button data-testid="reply" type="button" aria-label="Reply">2</button><button data-testid="retweet" type="button" aria-label="Repost">5</button><button data-testid="like" type="button" aria-label="Like">17</button></div></div></div>
</article></div></div>`,
  },

  reddit: {
    page: body => `<shreddit-app><reddit-header-large><nav aria-label="Primary"><a href="/">reddit</a><input type="search" placeholder="Search in r/voile"></nav></reddit-header-large>
<div id="main-content" class="main w-full"><shreddit-feed>
${body}
</shreddit-feed></div></shreddit-app>`,
    post: p => `<article class="w-full m-0" aria-label="${esc(p.title)}"><shreddit-post id="t3_${esc(p.id)}" post-title="${esc(p.title)}" author="${esc(p.author.replace(/^u\//, ''))}" ${attrs(p)}>
  <span slot="credit-bar"><a href="#">r/voile</a> · <faceplate-timeago>5 hr. ago</faceplate-timeago> · <a href="#">${esc(p.author)}</a></span>
  <a slot="title" id="post-title-t3_${esc(p.id)}" href="#">${esc(p.title)}</a>
  <div slot="text-body"><div class="md text-14" id="t3_${esc(p.id)}-post-rtjson-content"><p>${esc(p.text)}</p></div></div>
  <div slot="actionRow"><button type="button" aria-label="Upvote">↑</button><span>42</span><button type="button" aria-label="Downvote">↓</button></div>
</shreddit-post></article>
${p.comments ? `<shreddit-comment-tree>${p.comments.map(c => render.reddit.comment(c)).join('\n')}</shreddit-comment-tree>` : ''}`,
    comment: c => `<shreddit-comment thingid="t1_${esc(c.id)}" author="${esc(c.author.replace(/^u\//, ''))}" depth="0">
    <div slot="commentMeta"><a href="#">${esc(c.author)}</a> · <faceplate-timeago>2h</faceplate-timeago></div>
    <div slot="comment" id="t1_${esc(c.id)}-comment-rtjson-content" ${attrs(c)}><p>${esc(c.text)}</p></div>
    <div slot="actionRow"><button type="button">Reply</button></div>
  </shreddit-comment>`,
  },

  youtube: {
    page: body => `<ytd-app><div id="content"><ytd-masthead><div id="search"><input placeholder="Search" aria-label="Search"></div></ytd-masthead>
<ytd-watch-flexy><div id="primary"><div id="player" style="width:640px;height:200px;background:#000"></div>
<ytd-watch-metadata><h1><yt-formatted-string>Easy weeknight curry in 20 minutes</yt-formatted-string></h1>
<div id="description"><yt-attributed-string><span>Ingredients and steps below. Recette en français dans les commentaires.</span></yt-attributed-string></div></ytd-watch-metadata>
<ytd-comments id="comments"><ytd-comments-header-renderer><h2>Comments</h2><div id="placeholder-area" contenteditable="true" role="textbox" aria-label="Add a comment…" data-fixture-untouched></div></ytd-comments-header-renderer>
<ytd-item-section-renderer><div id="contents">
${body}
</div></ytd-item-section-renderer></ytd-comments></div></ytd-watch-flexy></div></ytd-app>`,
    post: p => `<ytd-comment-thread-renderer class="style-scope ytd-item-section-renderer">
  <ytd-comment-view-model id="comment" class="style-scope ytd-comment-thread-renderer" ${attrs(p)}><div id="body"><div id="author-thumbnail"><img alt="" src="data:,"></div><div id="main">
    <div id="header"><div id="header-author"><h3><a id="author-text" href="#"><span>${esc(p.author)}</span></a></h3><span id="published-time-text"><a href="#">3 days ago</a></span></div></div>
    <div id="expander"><div id="content"><yt-attributed-string id="content-text" class="style-scope ytd-comment-view-model"><span class="yt-core-attributed-string" role="text">${esc(p.text)}</span></yt-attributed-string></div></div>
    <div id="toolbar"><button aria-label="Like this comment">👍</button><span id="vote-count-middle">12</span><button aria-label="Reply">Reply</button></div>
  </div></div></ytd-comment-view-model>
</ytd-comment-thread-renderer>`,
  },

  mastodon: {
    page: body => `<div class="app-holder" id="mastodon" data-props="{&quot;locale&quot;:&quot;en&quot;}"><div class="ui"><div class="columns-area__panels">
<div class="columns-area__panels__pane"><div class="navigation-panel"><a href="/home" class="column-link">Home</a><a href="/notifications" class="column-link">Notifications</a></div></div>
<div class="columns-area__panels__main"><div class="column" role="region" aria-label="Home"><div class="compose-form"><textarea class="autosuggest-textarea__textarea" placeholder="What's on your mind?" data-fixture-untouched></textarea></div>
<div class="scrollable"><div class="item-list" role="feed">
${body}
</div></div></div></div></div></div></div>`,
    post: (p, i) => `<article data-id="${i + 1}" aria-posinset="${i + 1}" aria-setsize="-1"><div tabindex="-1"><div class="status__wrapper status__wrapper-public focusable" tabindex="0">
  <div class="status status-public" data-id="${i + 1}" ${attrs(p)}>
    <div class="status__info"><a href="#" class="status__relative-time"><time datetime="2026-11-01T10:00:00.000Z">1h</time></a>
    <a href="#" class="status__display-name"><span class="display-name"><bdi><strong class="display-name__html">${esc(p.author)}</strong></bdi> <span class="display-name__account">@${esc(p.handle)}</span></span></a></div>
    <div class="status__content status__content--with-action" tabindex="0"><div class="status__content__text status__content__text--visible translate" lang="${esc(p.lang)}"><p>${esc(p.text)}</p></div></div>
    <div class="status__action-bar"><button type="button" aria-label="Reply" class="status__action-bar__button">↩</button><button type="button" aria-label="Boost">⟳</button><button type="button" aria-label="Favorite">★</button></div>
  </div>
</div></div></article>`,
  },

  generic: {
    page: body => `<header><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News from the city and the region</a></li><li><a href="/opinion">Opinion and readers' letters</a></li></ul></nav></header>
<main>${body}</main>
<footer><p>© City Herald. Reporting on hate crime follows our editorial guidelines.</p></footer>`,
    post: p => `<${p.kind} ${attrs(p)}>${esc(p.text)}</${p.kind}>`,
    feed: ps => `<article><h1>Youth clubs to open in every district</h1><p class="byline">By the City Herald newsroom</p>
${ps.filter(p => p.kind !== 'li').map(p => render.generic.post(p)).join('\n')}
</article>
<section id="comments"><h2>Readers' comments</h2><ol>
${ps.filter(p => p.kind === 'li').map(p => render.generic.post(p)).join('\n')}
</ol><form><label for="c">Your comment</label><textarea id="c" data-fixture-untouched></textarea><button type="submit">Post</button></form></section>`,
  },
};

const TITLES = {
  facebook: 'Facebook', x: 'Home / X', reddit: 'r/voile', youtube: 'Easy weeknight curry in 20 minutes - YouTube',
  mastodon: 'Home - Mastodon', generic: 'Youth clubs to open in every district - City Herald',
};

/** The HTML of one post or comment, as a site marks it up (for adding posts live). */
export function renderPost(site, p, index = 0) {
  const r = render[site];
  if (!r) throw new Error(`no fixture feed for site ${site}`);
  return r.post(p, index);
}

/**
 * A site's feed as a full HTML page. extra holds more posts (the post of the
 * live-update test), appended after the fixture posts.
 */
export function renderFeed(site, { extra = [] } = {}) {
  const r = render[site];
  if (!r) throw new Error(`no fixture feed for site ${site}`);
  const ps = [...(posts.sites[site] || []), ...extra];
  const body = r.feed ? r.feed(ps) : ps.map((p, i) => r.post(p, i)).join('\n');
  const lang = ps.every(p => p.lang === 'fr') ? 'fr' : 'en';
  return `<!doctype html>
<html lang="${lang}" data-fixture-host="${SITES[site].host}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(TITLES[site])}</title>
<link rel="icon" href="data:,">
<style>
  body { font: 15px/1.4 system-ui, sans-serif; margin: 0; background: #f4f4f6; color: #1b1b1f; }
  main, [role="main"], #main-content, #contents, .item-list, #content { max-width: 640px; margin: 0 auto; }
  [aria-posinset], article[data-testid="tweet"], shreddit-post, shreddit-comment, ytd-comment-view-model, .status, main p, main blockquote, #comments li {
    display: block; background: #fff; margin: 8px 0; padding: 12px 16px; border-radius: 8px; }
  [role="article"] { display: block; margin: 6px 0 6px 24px; padding: 6px 10px; background: #f0f2f5; border-radius: 12px; }
  header, nav, footer, [role="banner"] { padding: 8px 16px; }
  nav ul, nav { display: flex; gap: 16px; list-style: none; }
  ul, ol { padding-left: 0; list-style: none; }
</style>
</head>
<body>
${r.page(body)}
</body>
</html>
`;
}
