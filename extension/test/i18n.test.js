import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { formatMessage, translator, effectiveLanguage, localizePage, formatDateTime, browserLanguage } from '../src/common/i18n.js';
import { renderLocales } from '../tools/strings.mjs';
import { JSDOM } from 'jsdom';
import { catalogs, SRC } from './helpers.js';
import { CATEGORIES } from '../src/common/categories.js';

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
  for (const c of CATEGORIES) used.add('cat_' + c);
  for (const c of ['dehumanise', 'derogate', 'contempt', 'threat', 'exclude', 'positive']) used.add('class_' + c);
  for (const st of ['connected', 'connecting', 'offline', 'error']) used.add('optSync_' + st);
  for (const st of ['active', 'untrusted', 'invalid']) used.add('optListState_' + st);
  for (const k of used) assert.ok(catalogs.en[k], `missing message ${k}`);
});

test('placeholders are filled the way chrome.i18n fills them', () => {
  assert.equal(formatMessage(catalogs.en, 'veilHidden', ['racism']), 'Hidden by Voile: racism');
  assert.equal(formatMessage(catalogs.fr, 'optTrustConfirm', ['Demo', 'ab12']), 'Approuver l’éditeur Demo, clé ab12\u00A0? Ses listes décideront de ce qui est masqué.');
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

test('French typography: a non-breaking space before : ; ! ? % and », after «', () => {
  for (const [key, e] of Object.entries(catalogs.fr)) {
    const m = e.message;
    // A colon in an address (ws://) is not punctuation.
    const text = m.replace(/[a-z]+:\/\//g, '');
    for (const [i, ch] of [...text].entries()) {
      const before = [...text][i - 1];
      if (':;!?%»'.includes(ch)) assert.equal(before, '\u00A0', `fr ${key}: "${m}" wants U+00A0 before ${ch}`);
      if (ch === '«') assert.equal([...text][i + 1], '\u00A0', `fr ${key}: "${m}" wants U+00A0 after «`);
    }
    assert.doesNotMatch(m, /[ \t\u202F][:;!?%»]|«[ \t\u202F]/, `fr ${key}: a plain space by punctuation`);
  }
  assert.equal(catalogs.fr.why.message, 'Pourquoi\u00A0?');
  assert.match(catalogs.fr.whyWrong.message, /«\u00A0Pas haineux\u00A0»/);
});

test('a browser in any French (fr-FR, fr-CA, fr_BE) gets French; others get English', () => {
  for (const ui of ['fr', 'fr-FR', 'fr-CA', 'fr_BE', 'FR-ch']) {
    assert.equal(effectiveLanguage('auto', ui), 'fr', ui);
    // Even where the browser's own lookup would not answer in French.
    assert.equal(translator({ language: 'auto', uiLanguage: ui, catalogs, getMessage: () => '' })('show'), 'Afficher', ui);
  }
  for (const ui of ['en-GB', 'de-DE', '']) assert.equal(translator({ language: 'auto', uiLanguage: ui, catalogs, getMessage: () => '' })('show'), 'Show', ui);
  // A language chosen in the options wins over the browser's.
  assert.equal(translator({ language: 'en', uiLanguage: 'fr-CA', catalogs })('show'), 'Show');
  assert.equal(browserLanguage({ i18n: { getUILanguage: () => 'fr-CA' } }, { language: 'en-US' }), 'fr-CA');
  assert.equal(browserLanguage({}, { language: 'fr-FR' }), 'fr-FR');
});

test('the default language setting follows the browser', async () => {
  const { DEFAULT_SETTINGS } = await import('../src/common/settings.js');
  assert.equal(DEFAULT_SETTINGS.language, 'auto');
});

test('dates follow the interface language', () => {
  const when = Date.UTC(2026, 2, 12, 14, 5);
  const fr = formatDateTime(when, 'fr');
  const en = formatDateTime(when, 'en');
  assert.match(fr, /mars 2026/);
  assert.match(en, /Mar 12, 2026/);
  assert.notEqual(fr, en);
  assert.equal(formatDateTime(when, 'fr'), new Intl.DateTimeFormat('fr', { dateStyle: 'medium', timeStyle: 'short' }).format(when));
  // An unknown language falls back to English, as the strings do.
  assert.equal(formatDateTime(when, 'xx'), en);
});
