import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  normalizeSettings, normalizeAllow, applyCorrection, siteEnabled, siteKey, classifyOptions,
  normalizeServerUrl, serverOriginPattern, serverOriginPatterns, addStats, DEFAULT_SETTINGS, CATEGORIES, migrateAllow, needsMigration,
} from '../src/common/settings.js';
import { compactVerdict } from '../src/common/verdicts.js';
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
  const o = classifyOptions(s, { posts: ['0123456789abcdef', 'nope'], rules: ['voile-demo/demo-en/racism-monkey', 'demo-en/old-rule'] });
  assert.equal(o.sensitivity, 0.8);
  assert.deepEqual(o.categories, CATEGORIES.filter(c => c !== 'threat'));
  assert.deepEqual(o.allow, { rules: ['voile-demo/demo-en/racism-monkey'], posts: ['0123456789abcdef'] },
    'a "list/rule" entry not yet migrated is not sent: it names no publisher');
});

test('corrections: add, undo, rules on and off, no duplicates', () => {
  let a = applyCorrection(undefined, { post: '0123456789abcdef' });
  a = applyCorrection(a, { post: '0123456789abcdef' });
  assert.deepEqual(a.posts, ['0123456789abcdef']);
  a = applyCorrection(a, { rules: ['voile-demo/demo-en/x', 'voile-demo/demo-en/x', 'not a rule', 'demo-en/y', 'a/b/c/d'] });
  assert.deepEqual(a.rules, ['voile-demo/demo-en/x'], 'a page adds rules as "publisher/list/rule" only');
  a = applyCorrection(a, { unpost: '0123456789abcdef', unrules: ['voile-demo/demo-en/x'] });
  assert.deepEqual(a, { rules: [], posts: [] });
  assert.deepEqual(normalizeAllow({ posts: 'x' }), { rules: [], posts: [] });
});

test('"never this rule" names the rule with its publisher and list', () => {
  const reason = (publisher, rule, weight) => ({ kind: 'rule', list: 'en', publisher, version: 1, rule, category: 'racism', weight, start: 0, end: 3 });
  const v = compactVerdict({ flagged: true, category: 'racism', score: 0.9, fingerprint: '0123456789abcdef',
    reasons: [reason('ngo', 'slur', 0.9), reason('other', 'slur', 0.5), { ...reason('ngo', 'model', 0.7), kind: 'model' }] });
  assert.deepEqual(v.rules, ['ngo/en/slur', 'other/en/slur', 'ngo/en/model'], 'two publishers\' lists "en" give two rules');
  const a = applyCorrection(undefined, { rules: v.rules.slice(0, 1) });
  assert.deepEqual(classifyOptions(normalizeSettings({}), a).allow.rules, ['ngo/en/slur'], 'turning off ngo\'s rule leaves other\'s');
});

test('rules turned off by an older version ("list/rule") are named by the publisher of the stored list', () => {
  const old = { rules: ['demo-en/racism-monkey', 'voile-demo/demo-fr/x', 'en/slur', 'gone/rule'], posts: ['0123456789abcdef'] };
  assert.equal(needsMigration(old), true);
  assert.deepEqual(normalizeAllow(old).rules, old.rules, 'kept in storage until migrated');
  const m = migrateAllow(old, ['voile-demo/demo-en', 'voile-demo/demo-fr', 'ngo/en', 'other/en']);
  assert.deepEqual(m, {
    rules: ['voile-demo/demo-en/racism-monkey', 'voile-demo/demo-fr/x', 'ngo/en/slur', 'other/en/slur'],
    posts: ['0123456789abcdef'],
  }, 'one stored list of the id: its publisher; several: each, as the entry did before; none: dropped');
  assert.equal(needsMigration(m), false);
  assert.deepEqual(migrateAllow(m, []), m, 'migrating again changes nothing');
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
  const r = prepareReport({ rules: ['voile-demo/demo-en/racism-monkey', 'other/demo-en/x'], posts: ['0123456789abcdef', 'fedcba9876543210'] },
    [{ id: 'demo-en', publisher: 'voile-demo', version: 3 }, { id: 'demo-en', publisher: 'other', version: 7 }]);
  assert.deepEqual(r.lists, [
    { list: 'demo-en', publisher: 'voile-demo', version: 3, rulesTurnedOff: ['racism-monkey'] },
    { list: 'demo-en', publisher: 'other', version: 7, rulesTurnedOff: ['x'] },
  ]);
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
