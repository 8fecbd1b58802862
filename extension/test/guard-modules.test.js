// The page guard's modules and the boundary between them: discovery.js
// finds posts and reads their text, batcher.js has them classified, and
// each field of a post's record has one module that writes it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SRC, emptyPage, settle, waitFor, adapterFor, sourceLines } from './helpers.js';
import { POST_FIELDS, PostState, newPost } from '../src/content/post-state.js';
import { PostFinder } from '../src/content/discovery.js';
import { Batcher } from '../src/content/batcher.js';
import { randomNames } from '../src/content/styles.js';

test('each field of a post\'s record is written by its one owner module, and only there', () => {
  assert.deepEqual(Object.keys(newPost({})).sort(), Object.keys(POST_FIELDS).sort(), 'the record has the fields the table lists');
  const fields = Object.keys(POST_FIELDS).join('|');
  // An assignment to a field of another object than the module's own
  // (this.x): post.text = …, info.veil ||= …, ++post.seq.
  const write = new RegExp(`(?<!\\bthis)\\.(${fields})\\s*(?:=(?!=)|\\|\\|=|&&=|\\?\\?=|\\+\\+|--|\\+=|-=)|(?:\\+\\+|--)\\s*[\\w.]+\\.(${fields})\\b`);
  const content = file => file.startsWith('content' + path.sep);
  const found = sourceLines(write, file => !content(file));
  assert.ok(found.length > 0, 'the pattern finds the writes');
  const wrong = found.filter(line => {
    const [, file] = /^content[\\/]([^:]+):/.exec(line);
    const m = write.exec(line.slice(line.indexOf(': ') + 2));
    return POST_FIELDS[m[1] || m[2]] !== file;
  });
  assert.deepEqual(wrong, [], 'a field written outside its owner module (post-state.js POST_FIELDS)');
});

test('discovery and batching meet only in guard.js', () => {
  const imports = file => [...readFileSync(path.join(SRC, 'content', file), 'utf8').matchAll(/^import .* from '\.\/([\w-]+\.js)';$/gm)].map(m => m[1]);
  assert.ok(!imports('discovery.js').includes('batcher.js'), 'discovery.js imports batcher.js');
  assert.ok(!imports('batcher.js').includes('discovery.js'), 'batcher.js imports discovery.js');
  assert.deepEqual(imports('discovery.js').filter(f => !['posts.js', 'post-state.js'].includes(f)), [], 'discovery.js neither shows nor classifies posts');
  assert.ok(imports('guard.js').includes('discovery.js') && imports('guard.js').includes('batcher.js'));
});

test('the finder alone reports posts found, left alone and changed, and changes nothing on the page', async () => {
  const { doc, win } = emptyPage('x.com');
  await waitFor(win, () => doc.readyState === 'complete'); // parsed: the finder observes the document
  doc.body.innerHTML = '<div contenteditable="true"><article data-testid="tweet"><div data-testid="tweetText">A draft of mine</div></article></div>'
    + '<article data-testid="tweet" id="a"><div data-testid="tweetText"><span>Hello there</span></div><button data-testid="like">1</button></article>';
  const names = randomNames();
  const posts = new WeakMap();
  const calls = [];
  const finder = new PostFinder({
    doc, names, compiled: adapterFor(doc, 'x.com'), posts,
    on: {
      found: (el, post) => calls.push(['found', el.id, post.text]),
      wordless: el => calls.push(['wordless', el.id]),
      excluded: el => calls.push(['excluded', el.id]),
      scanned: () => calls.push(['scanned']),
    },
  });
  const before = doc.body.innerHTML;
  finder.start();
  assert.deepEqual(calls, [['excluded', ''], ['found', 'a', 'Hello there'], ['scanned']]);
  const a = doc.getElementById('a');
  assert.equal(posts.get(a).text, 'Hello there');
  calls.length = 0;
  a.querySelector('[data-testid="like"]').textContent = '2';
  await settle(win);
  assert.deepEqual(calls, [['scanned']], 'a like count is not a change of words');
  calls.length = 0;
  a.querySelector('span').textContent = 'Hello again';
  await settle(win);
  assert.deepEqual(calls, [['found', 'a', 'Hello again'], ['scanned']]);
  finder.stop();
  a.querySelector('span').textContent = 'Hello once more';
  await settle(win);
  assert.equal(calls.length, 2, 'nothing once stopped');
  a.querySelector('span').textContent = 'Hello there';
  a.querySelector('[data-testid="like"]').textContent = '1';
  assert.equal(doc.body.innerHTML, before, 'the finder only reads the page');
});

test('the batcher sends one batch and drops a verdict that is no longer the post\'s latest', async () => {
  const { doc, win } = emptyPage('x.com');
  doc.body.innerHTML = '<p id="one"></p><p id="two"></p>';
  const [one, two] = [doc.getElementById('one'), doc.getElementById('two')];
  const posts = new WeakMap([[one, { ...newPost({}), text: 'first' }], [two, { ...newPost({}), text: 'second' }]]);
  const shown = [];
  const presenter = { present: (el, post, state) => shown.push([el.id, state]) };
  const sent = [];
  let answer;
  const batcher = new Batcher({
    doc, names: randomNames(), posts, presenter, waitMs: 60000, onFlagged: () => {},
    classify: texts => { sent.push(texts); return new Promise(r => { answer = r; }); },
  });
  assert.equal(batcher.sentAny, false);
  batcher.add(one);
  batcher.add(two);
  batcher.flush();
  batcher.flush();
  assert.deepEqual(sent, [['first', 'second']], 'one batch, sent once');
  batcher.cancel(posts.get(one)); // decided otherwise meanwhile
  answer([{ flagged: false, fingerprint: 'a' }, { flagged: false, fingerprint: 'b' }]);
  await settle(win);
  assert.deepEqual(shown, [['two', PostState.shown]]);
  assert.equal(posts.get(one).verdict, null);
  assert.equal(posts.get(two).verdict.fingerprint, 'b');
  batcher.stop();
});
