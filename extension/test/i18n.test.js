import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { formatMessage, translator, effectiveLanguage, localizePage } from '../src/common/i18n.js';
import { renderLocales } from '../tools/strings.mjs';
import { JSDOM } from 'jsdom';
import { catalogs, SRC } from './helpers.js';

test('English and French have the same messages, and the files match tools/strings.mjs', () => {
  assert.deepEqual(Object.keys(catalogs.fr).sort(), Object.keys(catalogs.en).sort());
  const rendered = renderLocales();
  for (const lang of ['en', 'fr']) {
    assert.equal(readFileSync(path.join(SRC, '_locales', lang, 'messages.json'), 'utf8'), rendered[lang], `run node tools/strings.mjs (${lang})`);
  }
  for (const [key, e] of Object.entries(catalogs.fr)) {
    assert.ok(e.message.trim(), `fr ${key} is empty`);
    const want = (catalogs.en[key].message.match(/\$[A-Z_]+\$/g) || []).sort();
    assert.deepEqual((e.message.match(/\$[A-Z_]+\$/g) || []).sort(), want, `fr ${key} keeps the placeholders`);
  }
});

test('store limits: the description fits in 132 characters in each language', () => {
  for (const lang of ['en', 'fr']) assert.ok(catalogs[lang].extDescription.message.length <= 132, lang);
});

test('every string the code and pages use exists', () => {
  const used = new Set();
  const walk = dir => {
    for (const f of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, f.name);
      if (f.isDirectory()) { if (f.name !== '_locales') walk(p); continue; }
      const text = readFileSync(p, 'utf8');
      for (const m of text.matchAll(/\bt\('([A-Za-z_]+)'/g)) if (!m[1].endsWith('_')) used.add(m[1]);
      for (const m of text.matchAll(/data-i18n="([A-Za-z_]+)"/g)) used.add(m[1]);
      for (const m of text.matchAll(/__MSG_([A-Za-z_]+)__/g)) used.add(m[1]);
    }
  };
  walk(SRC);
  for (const c of ['racism', 'antisemitism', 'islamophobia', 'lgbtphobia', 'sexism', 'disability', 'xenophobia', 'threat']) used.add('cat_' + c);
  for (const c of ['dehumanise', 'derogate', 'contempt', 'threat', 'exclude', 'positive']) used.add('class_' + c);
  for (const st of ['connected', 'connecting', 'offline', 'error']) used.add('optSync_' + st);
  for (const st of ['active', 'untrusted', 'invalid']) used.add('optListState_' + st);
  for (const k of used) assert.ok(catalogs.en[k], `missing message ${k}`);
});

test('placeholders are filled the way chrome.i18n fills them', () => {
  assert.equal(formatMessage(catalogs.en, 'veilHidden', ['racism']), 'Hidden by Voile: racism');
  assert.equal(formatMessage(catalogs.fr, 'optTrustConfirm', ['Demo', 'ab12']), 'Approuver l’éditeur Demo, clé ab12 ? Ses listes décideront de ce qui est masqué.');
  assert.equal(formatMessage({ k: { message: 'costs $$5 for $WHO$', placeholders: { who: { content: '$1' } } } }, 'k', ['you']), 'costs $5 for you');
  assert.equal(formatMessage(catalogs.en, 'noSuchKey'), '');
});

test('the chosen language wins over the browser, which wins over English', () => {
  const browserFr = (key, subs) => formatMessage(catalogs.fr, key, subs);
  assert.equal(translator({ language: 'en', catalogs, getMessage: browserFr })('show'), 'Show');
  assert.equal(translator({ language: 'auto', catalogs, getMessage: browserFr })('show'), 'Afficher');
  assert.equal(translator({ language: 'auto', catalogs, getMessage: () => '' })('show'), 'Show');
  assert.equal(effectiveLanguage('auto', 'fr-CA'), 'fr');
  assert.equal(effectiveLanguage('auto', 'de'), 'en');
});

test('pages are filled from data-i18n attributes', () => {
  const { document } = new JSDOM('<p data-i18n="popupOptions"></p><input data-i18n-attr="aria-label:show, title:notHate">').window;
  localizePage(document, translator({ language: 'fr', catalogs }));
  assert.equal(document.querySelector('p').textContent, 'Listes et options');
  assert.equal(document.querySelector('input').getAttribute('aria-label'), 'Afficher');
  assert.equal(document.querySelector('input').getAttribute('title'), 'Pas haineux');
});
