import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allowedSender, Request, PageRequest, PortMessage, HostOp, HostEvent } from '../src/common/protocol.js';

const ID = 'abcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;
const contentScript = { id: ID, url: 'https://x.com/home', tab: { id: 3 } };
const options = { id: ID, url: ORIGIN + 'options/options.html', tab: { id: 4 } };
const offscreen = { id: ID, url: ORIGIN + 'host/offscreen.html' };

test('a content script may only wake the classifier and record corrections and counts', () => {
  for (const t of ['wake', 'correction', 'stats']) assert.ok(allowedSender(t, contentScript, ID, ORIGIN), t);
  for (const t of ['trust', 'untrust', 'host-event', 'host-state', 'host-ready', 'status', 'sync-now', 'user-sites']) {
    assert.equal(allowedSender(t, contentScript, ID, ORIGIN), false, t);
  }
});

test('the extension\'s pages may ask the rest; another extension nothing', () => {
  assert.ok(allowedSender('trust', options, ID, ORIGIN));
  assert.ok(allowedSender('host-event', offscreen, ID, ORIGIN));
  assert.equal(allowedSender('wake', { ...contentScript, id: 'other' }, ID, ORIGIN), false);
  assert.equal(allowedSender('trust', { id: ID, url: `chrome-extension://${ID}.evil.example/` }, ID, ORIGIN), false);
});

test('catalog fields are spelled as the wire spells them (public_key), nowhere in camelCase', async () => {
  const { readdirSync, readFileSync } = await import('node:fs');
  const path = await import('node:path');
  const { SRC } = await import('./helpers.js');
  const found = [];
  const walk = dir => {
    for (const f of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, f.name);
      if (f.isDirectory()) { walk(p); continue; }
      if (!/\.m?js$/.test(f.name)) continue;
      readFileSync(p, 'utf8').split('\n').forEach((line, i) => {
        if (/\b(publicKey|publisherName)\b/.test(line)) found.push(`${path.relative(SRC, p)}:${i + 1}: ${line.trim()}`);
      });
    }
  };
  walk(SRC);
  assert.deepEqual(found, [], 'another spelling of a catalog field');
});

test('message names are written once, in protocol.js: the other parts use its constants', async () => {
  const { readdirSync, readFileSync } = await import('node:fs');
  const path = await import('node:path');
  const { SRC } = await import('./helpers.js');
  const names = new Set([Request, PageRequest, PortMessage, HostOp, HostEvent].flatMap(o => Object.values(o)));
  const alt = [...names].map(n => n.replace(/-/g, '\\-')).join('|');
  // A name where a message's type is written, compared or sent.
  const uses = new RegExp(`(?:\\b(?:type|op|event)\\s*:\\s*|\\.(?:type|op|event)\\s*[!=]==\\s*|\\b(?:ask|tell|callHost|callOffscreen|call)\\(\\s*)'(${alt})'`);
  const found = [];
  const walk = dir => {
    for (const f of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, f.name);
      if (f.isDirectory()) { walk(p); continue; }
      if (!/\.m?js$/.test(f.name) || p.endsWith(path.join('common', 'protocol.js'))) continue;
      readFileSync(p, 'utf8').split('\n').forEach((line, i) => {
        if (uses.test(line)) found.push(`${path.relative(SRC, p)}:${i + 1}: ${line.trim()}`);
      });
    }
  };
  walk(SRC);
  assert.deepEqual(found, [], 'a message named by a string literal');
});
