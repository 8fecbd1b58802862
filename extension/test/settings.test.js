import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  normalizeSettings, normalizeAllow, applyCorrection, siteEnabled, siteKey, classifyOptions,
  normalizeServerUrl, serverOriginPattern, serverOriginPatterns, addStats, DEFAULT_SETTINGS, CATEGORIES,
} from '../src/common/settings.js';
import { userSiteMatches, hostsToMatches, sitePattern } from '../src/common/sites.js';
import { prepareReport, keyFingerprint } from '../src/common/publishers.js';

test('missing or damaged settings fall back to the defaults, field by field', () => {
  assert.deepEqual(normalizeSettings(undefined), normalizeSettings(DEFAULT_SETTINGS));
  const s = normalizeSettings({ enabled: 'yes', sensitivity: 7, categories: { racism: false, bogus: true }, sites: { 'a.example': false, 'b.example': 'no' }, server: 'http://evil.example', language: 'de', follow: ['voile-demo/demo-en', 'bad ref', 3], reportOptIn: 1 });
  assert.equal(s.enabled, true);
  assert.equal(s.sensitivity, 1, 'clamped');
  assert.equal(s.categories.racism, false);
  assert.equal(s.categories.sexism, true);
  assert.ok(!('bogus' in s.categories));
  assert.deepEqual(s.sites, { 'a.example': false });
  assert.equal(s.server, DEFAULT_SETTINGS.server, 'a non-WebSocket address is refused');
  assert.equal(s.language, 'auto');
  assert.deepEqual(s.follow, ['voile-demo/demo-en']);
  assert.equal(s.reportOptIn, false, 'the report opt-in is off unless set to true');
});

test('per-site switch and the global pause', () => {
  const s = normalizeSettings({ sites: { 'reddit.com': false } });
  assert.equal(siteKey('WWW.Reddit.com.'), 'reddit.com');
  assert.equal(siteEnabled(s, 'www.reddit.com'), false);
  assert.equal(siteEnabled(s, 'x.com'), true);
  assert.equal(siteEnabled({ ...s, enabled: false }, 'x.com'), false);
});

test('classify options follow the settings and the corrections', () => {
  const s = normalizeSettings({ sensitivity: 0.8, categories: { threat: false } });
  const o = classifyOptions(s, { posts: ['0123456789abcdef', 'nope'], rules: ['demo-en/racism-monkey'] });
  assert.equal(o.sensitivity, 0.8);
  assert.deepEqual(o.categories, CATEGORIES.filter(c => c !== 'threat'));
  assert.deepEqual(o.allow, { rules: ['demo-en/racism-monkey'], posts: ['0123456789abcdef'] });
});

test('corrections: add, undo, rules on and off, no duplicates', () => {
  let a = applyCorrection(undefined, { post: '0123456789abcdef' });
  a = applyCorrection(a, { post: '0123456789abcdef' });
  assert.deepEqual(a.posts, ['0123456789abcdef']);
  a = applyCorrection(a, { rules: ['demo-en/x', 'demo-en/x', 'not a rule'] });
  assert.deepEqual(a.rules, ['demo-en/x']);
  a = applyCorrection(a, { unpost: '0123456789abcdef', unrules: ['demo-en/x'] });
  assert.deepEqual(a, { rules: [], posts: [] });
  assert.deepEqual(normalizeAllow({ posts: 'x' }), { rules: [], posts: [] });
});

test('server addresses: ws and wss only, no credentials, default path', () => {
  assert.equal(normalizeServerUrl(' wss://sync.example '), 'wss://sync.example/v1/sync');
  assert.equal(normalizeServerUrl('ws://127.0.0.1:8787/v1/sync'), 'ws://127.0.0.1:8787/v1/sync');
  assert.throws(() => normalizeServerUrl('https://sync.example'), /must use ws: or wss:, not https:/);
  assert.throws(() => normalizeServerUrl('ws://user:pw@sync.example'), /user name or password/);
  assert.throws(() => normalizeServerUrl('not a url'), /is not a URL/);
  assert.equal(serverOriginPattern('wss://sync.example/v1/sync', 'chromium'), 'https://sync.example/*');
  assert.equal(serverOriginPattern('ws://127.0.0.1:9/v1/sync', 'firefox'), 'ws://127.0.0.1/*');
});

test('counts add up per category and ignore unknown ones', () => {
  let s = addStats(undefined, ['racism', 'racism', 'bogus']);
  s = addStats(s, ['threat']);
  assert.equal(s.flagged, 3);
  assert.deepEqual(s.categories, { racism: 2, threat: 1 });
});

test('sites the reader turned on are registered; built-in ones and the server are not', () => {
  const manifest = hostsToMatches(['x.com', '*']);
  assert.deepEqual(manifest, ['*://x.com/*', '*://*.x.com/*']);
  const granted = ['*://x.com/*', '*://blog.example/*', 'http://127.0.0.1/*', '<all_urls>', 'ws://127.0.0.1/*'];
  assert.deepEqual(userSiteMatches(granted, manifest, 'http://127.0.0.1/*'), ['*://blog.example/*', '*://*/*']);
  assert.equal(sitePattern('Blog.Example'), '*://blog.example/*');
});

test('the opt-in report holds rules and a count, never a post or a fingerprint', () => {
  const r = prepareReport({ rules: ['demo-en/racism-monkey'], posts: ['0123456789abcdef', 'fedcba9876543210'] },
    [{ id: 'demo-en', publisher: 'voile-demo', version: 3 }]);
  assert.deepEqual(r.lists, [{ list: 'demo-en', publisher: 'voile-demo', version: 3, rulesTurnedOff: ['racism-monkey'] }]);
  assert.equal(r.postsMarkedNotHate, 2);
  assert.doesNotMatch(JSON.stringify(r), /0123456789abcdef/);
});

test('a key fingerprint is the one `voile fingerprint` prints (shared/bundle/fingerprint_test.go)', async () => {
  assert.equal(await keyFingerprint('voile-pub-AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8'), 'a4b8 a555 5cd5 6947 0ec5 bc60 97b8 1a3f');
});

test('a server setting may name several sync nodes, each checked, each with its permission', () => {
  assert.equal(normalizeServerUrl(' wss://a.example, wss://b.example/v1/sync  ws://c.example:8787 '),
    'wss://a.example/v1/sync wss://b.example/v1/sync ws://c.example:8787/v1/sync');
  assert.throws(() => normalizeServerUrl('wss://a.example https://b.example'), /ws: or wss:/);
  assert.throws(() => normalizeServerUrl('  '), /no server address/);
  assert.deepEqual(serverOriginPatterns('wss://a.example/v1/sync wss://b.example/v1/sync wss://a.example/x'),
    ['https://a.example/*', 'https://b.example/*']);
  assert.deepEqual(userSiteMatches(['https://a.example/*', 'https://b.example/*', 'https://news.example/*'], [],
    serverOriginPatterns('wss://a.example wss://b.example')), ['https://news.example/*']);
});
