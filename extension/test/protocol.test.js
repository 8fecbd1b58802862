import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { sourceLines } from './helpers.js';
import { Request, PageRequest, PortMessage, HostOp, HostEvent } from '../src/common/protocol.js';
import { allowedSender, handlers, From } from '../src/background/messaging.js';

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

test('every request has exactly one handler, declared with who may send it, in messaging.js', () => {
  const requests = Object.values(Request);
  assert.deepEqual(Object.keys(handlers).sort(), [...requests].sort(), 'one entry for each request, none for anything else');
  for (const r of requests) {
    assert.equal(typeof handlers[r].handle, 'function', r);
    assert.ok(Object.values(From).includes(handlers[r].from), `${r}: a declared privilege`);
  }
  // An object literal keeps the last of two entries with the same key:
  // the source shows whether a request was declared twice, or elsewhere.
  const declared = sourceLines(/\[Request\.\w+\]\s*:/);
  const where = path.join('background', 'messaging.js');
  assert.deepEqual(declared.filter(l => !l.startsWith(where + ':')), [], 'a request handled outside messaging.js');
  const keys = declared.map(l => /\[Request\.(\w+)\]/.exec(l)[1]);
  assert.deepEqual([...keys].sort(), Object.keys(Request).sort(), 'each request declared once');
  // Its privilege is in that one declaration, not in a list elsewhere.
  assert.deepEqual(sourceLines(/FROM_PAGES|Request\.\w+\s*,\s*Request\.\w+/), [], 'a second list of requests');
});

test('catalog fields are spelled as the wire spells them (public_key), nowhere in camelCase', () => {
  assert.deepEqual(sourceLines(/\b(publicKey|publisherName)\b/), [], 'another spelling of a catalog field');
});

test('message names are written once, in protocol.js: the other parts use its constants', () => {
  const names = new Set([Request, PageRequest, PortMessage, HostOp, HostEvent].flatMap(o => Object.values(o)));
  const alt = [...names].map(n => n.replace(/-/g, '\\-')).join('|');
  // A name where a message's type is written, compared or sent.
  const uses = new RegExp(`(?:\\b(?:type|op|event)\\s*:\\s*|\\.(?:type|op|event)\\s*[!=]==\\s*|\\b(?:ask|tell|callHost|callOffscreen|call)\\(\\s*)'(${alt})'`);
  assert.deepEqual(sourceLines(uses, file => file === path.join('common', 'protocol.js')), [], 'a message named by a string literal');
});
