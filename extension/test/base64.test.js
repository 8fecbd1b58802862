import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bytesToBase64, base64ToBytes } from '../src/common/base64.js';

test('bundle bytes survive base64 both ways, at every length and byte value', () => {
  const lengths = [0, 1, 2, 3, 4, 0x7fff, 0x8000, 0x8001, 100003];
  for (const n of lengths) {
    const bytes = new Uint8Array(n);
    for (let i = 0; i < n; i++) bytes[i] = (i * 131 + (i >> 8) * 7) & 255;
    const text = bytesToBase64(bytes);
    assert.equal(text, Buffer.from(bytes).toString('base64'), `length ${n}: the base64 text`);
    assert.deepEqual(base64ToBytes(text), bytes, `length ${n}: the bytes back`);
  }
});

test('text that is no base64 is refused, not read as bytes', () => {
  assert.throws(() => base64ToBytes('not base64!'));
});
