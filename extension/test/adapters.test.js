import { test } from 'node:test';
import assert from 'node:assert/strict';
import { JSDOM } from 'jsdom';
import { adapterProblems, adapterForHost, compileAdapter } from '../src/common/adapters.js';
import { containersIn, postTypeOf, postText, isExcluded } from '../src/content/posts.js';
import { builtin, loadFixture, adapterFor, FIXTURE_NAMES } from './helpers.js';

const { document } = new JSDOM('').window;
const isSelector = s => { try { document.querySelector(s); return true; } catch { return false; } };

test('the built-in adapters are a valid adapter document', () => {
  assert.deepEqual(adapterProblems(builtin, isSelector), []);
});

test('each host gets its site adapter, others the generic one', () => {
  const cases = {
    'x.com': 'x', 'mobile.twitter.com': 'x', 'twitter.com': 'x',
    'www.facebook.com': 'facebook', 'm.facebook.com': 'facebook',
    'www.reddit.com': 'reddit', 'old.reddit.com': 'reddit',
    'www.youtube.com': 'youtube', 'm.youtube.com': 'youtube',
    'mastodon.social': 'mastodon',
    'blog.example': 'generic', 'notfacebook.com': 'generic', 'facebook.com.evil.example': 'generic',
    'WWW.REDDIT.COM.': 'reddit',
  };
  for (const [host, id] of Object.entries(cases)) {
    assert.equal(adapterForHost(builtin, host).id, id, host);
  }
});

test('adapter problems are reported with where and what', () => {
  const bad = structuredClone(builtin);
  bad.format = 2;
  bad.adapters[0].posts[0].container = 'article[';
  bad.adapters[1].id = 'x';
  bad.adapters[2].posts[0].text = [];
  bad.adapters[3].posts[0].minLength = -1;
  const problems = adapterProblems(bad, isSelector);
  assert.ok(problems.some(p => /format 2, want 1/.test(p)), problems.join('\n'));
  assert.ok(problems.some(p => /adapter x post type 0 container: invalid selector "article\["/.test(p)), problems.join('\n'));
  assert.ok(problems.some(p => /duplicate id/.test(p)), problems.join('\n'));
  assert.ok(problems.some(p => /text must hold 1 to 8 selectors/.test(p)), problems.join('\n'));
  assert.ok(problems.some(p => /minLength/.test(p)), problems.join('\n'));
  assert.deepEqual(adapterProblems(null, isSelector), ['adapter document: not an object']);
});

for (const name of FIXTURE_NAMES) {
  test(`${name}: the adapter finds exactly the fixture's posts, with their own text`, () => {
    const { doc, host } = loadFixture(name);
    const compiled = adapterFor(doc, host);
    const found = containersIn(doc.documentElement, compiled)
      .filter(el => !isExcluded(el, postTypeOf(el, compiled), compiled));
    const expected = [...doc.querySelectorAll('[data-fixture-expect]')];
    // The generic adapter also meets blocks the fixture leaves unmarked
    // (navigation, footer, short text); those are checked in guard tests.
    if (name === 'generic') {
      for (const el of expected) assert.ok(found.includes(el), `missed ${el.outerHTML.slice(0, 80)}`);
    } else {
      assert.deepEqual(found, expected);
    }
    const langs = new Set();
    for (const el of expected) {
      const type = postTypeOf(el, compiled);
      const text = postText(el, type, compiled);
      langs.add(el.dataset.fixtureLang);
      if (el.dataset.fixtureExpect !== 'ok' || text.length >= 20) assert.ok(text.length > 0, `no text in ${el.outerHTML.slice(0, 80)}`);
      assert.doesNotMatch(text, /^\s|\s$|\s\s/, 'whitespace is collapsed');
    }
    assert.ok(langs.has('en') && langs.has('fr'), 'fixture has English and French posts');
    assert.ok(expected.some(e => e.dataset.fixtureExpect === 'ok'), 'fixture has posts that are fine');
    assert.ok(expected.some(e => e.dataset.fixtureExpect !== 'ok'), 'fixture has hateful posts');
  });
}

test('a post does not include the text of the posts nested in it', () => {
  const { doc, host } = loadFixture('facebook');
  const compiled = adapterFor(doc, host);
  const marc = doc.querySelector('[aria-label="Commentaire de Marc"]');
  const text = postText(marc, postTypeOf(marc, compiled), compiled);
  assert.equal(text, 'Les femmes sont inférieures, c’est la nature.');
  const post = doc.querySelector('[aria-posinset="2"]');
  assert.equal(postText(post, postTypeOf(post, compiled), compiled), 'Merci pour cet article passionnant sur l’histoire du cinéma français.');
});

test('generic text skips nested blocks, scripts and styles', () => {
  const { document: d } = new JSDOM('<li id="a">Intro words here <script>var hidden = "go back to your country";</script><p>Nested paragraph with enough words.</p> outro</li>').window;
  const compiled = compileAdapter(builtin.adapters.find(a => a.id === 'generic'), builtin.never);
  const li = d.getElementById('a');
  assert.equal(postText(li, postTypeOf(li, compiled), compiled), 'Intro words here outro');
});

test('mastodon is recognised by its markup on any host', () => {
  const { doc } = loadFixture('mastodon');
  assert.equal(adapterFor(doc, 'social.example').id, 'mastodon');
  const { doc: blog } = loadFixture('generic');
  assert.equal(adapterFor(blog, 'blog.example').id, 'generic');
});
