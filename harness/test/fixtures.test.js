// The fixture feeds' expectations hold for the reference classifier (the
// voile command line, the same Go code as the extension's wasm) with the
// demo lists at the default settings, so that a feed test that fails
// points at the extension, not at a fixture that drifted from the lists.
// No browser here.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SITES, expectedPosts, posts as fixtures } from '../lib/feeds.js';
import { ROOT, E2E } from '../lib/setup.js';

// The built command when there is one, else go run.
function classify(texts, lists) {
  const bin = path.join(E2E, 'bin', 'voile');
  const [cmd, args] = existsSync(bin) ? [bin, ['classify']] : ['go', ['run', './cmd/voile', 'classify']];
  const input = texts.map(text => JSON.stringify({ text })).join('\n') + '\n';
  const out = execFileSync(cmd, [...args, ...lists], { cwd: ROOT, input, encoding: 'utf8', timeout: 120000 });
  return out.trim().split('\n').map(l => JSON.parse(l));
}

const DEMO = ['shared/demo/en.yaml', 'shared/demo/fr.yaml'];

describe('fixture expectations against the reference classifier', () => {
  it('every feed post gets the verdict and category its fixture expects', () => {
    const all = Object.keys(SITES).flatMap(s => expectedPosts(s));
    const verdicts = classify(all.map(p => p.text), DEMO);
    const wrong = all.map((p, i) => {
      const v = verdicts[i];
      const got = v.flagged ? v.category : 'ok';
      return got === p.expect ? null : `${p.id}: the classifier says ${got} (score ${v.score}), the fixture expects ${p.expect}: "${p.text}"`;
    }).filter(Boolean);
    assert.deepEqual(wrong, [], wrong.join('\n'));
  });

  it('the feeds hold hate, clean posts, counter-speech, quotes and news in English and French', () => {
    const all = Object.keys(SITES).flatMap(s => expectedPosts(s));
    for (const label of ['hate', 'clean', 'counter', 'quote', 'news']) assert.ok(all.some(p => p.label === label), label);
    for (const lang of ['en', 'fr']) {
      assert.ok(all.some(p => p.lang === lang && p.expect === 'ok'), `${lang} shown`);
      assert.ok(all.some(p => p.lang === lang && p.expect !== 'ok'), `${lang} blurred`);
    }
    for (const p of all) if (p.expect !== 'ok' && p.label !== 'hate') assert.ok(p.note, `${p.id} says why a ${p.label} post is blurred`);
  });

  it('the live-update posts match no demo rule, and the test list\'s rules match them', () => {
    const { posts, list } = fixtures.update;
    assert.deepEqual(classify(posts.map(p => p.text), DEMO).map(v => v.flagged), posts.map(() => false));
    const dir = mkdtempSync(path.join(tmpdir(), 'voile-fixture-list-'));
    try {
      const file = path.join(dir, 'list.json');
      writeFileSync(file, JSON.stringify({ publisher: 'voile-harness', version: 1, ...list }));
      const vs = classify(posts.map(p => p.text), [file]);
      assert.deepEqual(vs.map(v => (v.flagged ? v.category : 'ok')), posts.map(p => p.expectAfter));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
