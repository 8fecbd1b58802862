// The veil's "Why?" and its one layout of buttons, on the veil alone, and
// the list and publisher compactVerdict carries for it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { JSDOM } from 'jsdom';
import { createVeil, veilRoot } from '../src/content/veil.js';
import { compactVerdict } from '../src/common/verdicts.js';
import { translator } from '../src/common/i18n.js';
import { catalogs, loadFixture, guardFor, settle } from './helpers.js';

const names = { veil: 'voile-veil-test' };

function veil(language = 'en') {
  const { document } = new JSDOM('<!doctype html><body><div id="post"></div></body>').window;
  const calls = [];
  const actions = Object.fromEntries(['show', 'hide', 'notHate', 'undo', 'neverRules'].map(a => [a, () => calls.push(a)]));
  const v = createVeil(document, names, translator({ language, catalogs }), actions);
  document.getElementById('post').appendChild(v.host);
  const root = veilRoot(v.host);
  // The three button slots, as [text or null for an empty slot].
  const slots = () => [...root.querySelector('.buttons').children].map(c => (c.tagName === 'BUTTON' ? c.textContent : null));
  const press = text => [...root.querySelectorAll('button')].find(b => b.textContent === text).click();
  return { v, root, slots, press, calls };
}

const ruleWhy = { kind: 'rule', rule: 'demo-en/racism-n-word', list: 'demo-en', publisher: 'voile-demo' };

test('compactVerdict names the list and publisher of the reason that weighed most', () => {
  const base = { flagged: true, category: 'racism', score: 0.9, fingerprint: 'ab', allowed: false };
  const rule = compactVerdict({ ...base, reasons: [
    { kind: 'rule', list: 'a', publisher: 'ngo-1', rule: 'weak', weight: 0.3 },
    { kind: 'rule', list: 'b', publisher: 'ngo-2', rule: 'strong', weight: 0.9 },
  ] });
  assert.deepEqual(rule.why, { kind: 'rule', rule: 'b/strong', list: 'b', publisher: 'ngo-2' });
  const frame = compactVerdict({ ...base, reasons: [{ kind: 'frame', class: 'dehumanise', list: 'demo-en', publisher: 'voile-demo', rule: 'pred-vermin', weight: 0.8 }] });
  assert.deepEqual(frame.why, { kind: 'frame', class: 'dehumanise', rule: 'demo-en/pred-vermin', list: 'demo-en', publisher: 'voile-demo' });
  const model = compactVerdict({ ...base, reasons: [{ kind: 'model', list: 'demo-fr', publisher: 'voile-demo', rule: 'model', weight: 0.917 }] });
  assert.deepEqual(model.why, { kind: 'model', p: 0.92, list: 'demo-fr', publisher: 'voile-demo' });
});

test('Why? shows the list, its publisher and the rule, and hides them again', () => {
  const { v, root, press } = veil();
  v.render('blurred', { category: 'racism', why: ruleWhy });
  assert.equal(root.querySelector('.details'), null, 'closed at first');
  const why = [...root.querySelectorAll('button')].find(b => b.textContent === 'Why?');
  assert.equal(why.getAttribute('aria-expanded'), 'false');
  press('Why?');
  const text = root.querySelector('.details').textContent;
  assert.match(text, /List: demo-en/);
  assert.match(text, /Publisher: voile-demo/);
  assert.match(text, /Rule: racism-n-word/);
  assert.equal([...root.querySelectorAll('button')].find(b => b.textContent === 'Why?').getAttribute('aria-expanded'), 'true');
  // Still open once the post is shown.
  v.render('revealed', { category: 'racism', why: ruleWhy });
  assert.match(root.querySelector('.details').textContent, /Publisher: voile-demo/);
  press('Why?');
  assert.equal(root.querySelector('.details'), null);
});

test('Why? explains a frame and the model, in French too', () => {
  const { v, root, press } = veil('fr');
  v.render('blurred', { category: 'racism', why: { kind: 'frame', class: 'dehumanise', rule: 'demo-fr/pred-vermine', list: 'demo-fr', publisher: 'voile-demo' } });
  press('Pourquoi\u00A0?');
  let text = root.querySelector('.details').textContent;
  assert.match(text, /Liste\u00A0: demo-fr/);
  assert.match(text, /Éditeur\u00A0: voile-demo/);
  assert.match(text, /Type de propos\u00A0: propos déshumanisant/);
  assert.match(text, /Règle\u00A0: pred-vermine/);
  v.render('blurred', { category: 'racism', why: { kind: 'model', p: 0.92, list: 'demo-fr', publisher: 'voile-demo' } });
  text = root.querySelector('.details').textContent;
  assert.match(text, /92\u00A0%/);
  assert.match(text, /Éditeur\u00A0: voile-demo/);
});

test('the buttons keep one order and place in every state', () => {
  const { v, slots, press, calls } = veil();
  const info = { category: 'racism', why: ruleWhy };
  v.render('blurred', info);
  assert.deepEqual(slots(), ['Show', 'Not hate', 'Why?']);
  v.render('revealed', info);
  assert.deepEqual(slots(), ['Hide', 'Not hate', 'Why?']);
  v.render('waiting', {});
  assert.deepEqual(slots(), ['Show', null, null]);
  v.render('allowed', { rules: 1 });
  assert.deepEqual(slots(), ['Undo', 'Never flag this rule again', null]);
  v.render('allowed', { rules: 0 });
  assert.deepEqual(slots(), ['Undo', null, null]);
  press('Undo');
  assert.deepEqual(calls, ['undo']);
});

test('a flagged post of a page offers Why? with the list and publisher', async () => {
  const { doc, win, host } = loadFixture('x');
  const { guard, names } = guardFor(doc, host);
  guard.start();
  await settle(win);
  const post = doc.querySelector('[data-fixture-expect="xenophobia"]');
  const root = veilRoot(post.querySelector(`:scope > ${names.veil}`));
  [...root.querySelectorAll('button')].find(b => b.textContent === 'Why?').click();
  assert.match(root.querySelector('.details').textContent, /List: demo-en.*Publisher: voile-demo.*Rule: /s);
});
