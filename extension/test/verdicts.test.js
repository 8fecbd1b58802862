import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compactVerdict } from '../src/common/verdicts.js';

const reason = (kind, rule, weight, extra = {}) => ({ kind, list: 'l', publisher: 'p', rule, weight, category: 'racism', ...extra });

test('why names the rule or frame that weighed most, the model only when nothing else counted', () => {
  const v = { flagged: true, category: 'racism', score: 0.95, fingerprint: '0123456789abcdef', reasons: [
    reason('model', 'model', 0.93),
    reason('rule', 'slur', 0.85),
    reason('frame', 'vermin', 0.9, { class: 'dehumanise' }),
    reason('rule', 'cancelled', 0.99, { context: 'negation' }),
  ] };
  const c = compactVerdict(v);
  assert.deepEqual(c.why, { kind: 'frame', class: 'dehumanise', rule: 'l/vermin', list: 'l', publisher: 'p' });
  assert.deepEqual(c.rules, ['p/l/model', 'p/l/slur', 'p/l/vermin'], 'a cancelled reason is no rule to turn off');
  const m = compactVerdict({ ...v, reasons: [reason('model', 'model', 0.8), reason('rule', 'x', 0.9, { context: 'quote' })] });
  assert.deepEqual(m.why, { kind: 'model', p: 0.8, list: 'l', publisher: 'p' });
  assert.equal(compactVerdict({ flagged: false, reasons: [] }), null);
});
