import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fromUnits, toUnits } from '../../src/store/units.js';
import { gramsOf, gramToken } from '../../src/store/grams.js';

test('amounts become integer millionths only when that is exact and safe', () => {
  assert.equal(toUnits('1.5'), 1_500_000);
  assert.equal(toUnits('-0.000001'), -1);
  assert.equal(toUnits('238.42'), 238_420_000);
  assert.equal(toUnits('12.3400000'), 12_340_000, 'trailing zeros are no extra decimals');
  assert.equal(toUnits(7), 7_000_000);
  assert.equal(toUnits('9007199254.740991'), Number.MAX_SAFE_INTEGER);
  assert.equal(toUnits('9007199254.740992'), null, 'past a safe integer');
  assert.equal(toUnits('0.1234567'), null, 'seven decimals');
  assert.equal(toUnits(null), null);
  assert.equal(toUnits('1e5'), null);
  assert.equal(fromUnits('600125000000').toFixed(2), '600125.00');
  assert.equal(fromUnits('-1').toFixed(), '-0.000001');
});

test('gram tokens: every character and adjacent pair per field, none across whitespace, Latin folded', () => {
  const grams = gramsOf([
    { field: 'entity', text: '宣传部' },
    { field: 'paragraph', text: 'Ab 宣' },
  ]).split(' ');
  assert.deepEqual(grams.sort(), [
    gramToken('entity', '宣'),
    gramToken('entity', '宣传'),
    gramToken('entity', '传'),
    gramToken('entity', '传部'),
    gramToken('entity', '部'),
    gramToken('paragraph', 'a'),
    gramToken('paragraph', 'ab'),
    gramToken('paragraph', 'b'),
    gramToken('paragraph', '宣'),
  ].sort());
  assert.equal(gramToken('entity', '宣传'), 'e' + (0x5ba3).toString(36).padStart(4, '0') + (0x4f20).toString(36).padStart(4, '0'));
  assert.equal(gramToken('paragraph', 'AB'), gramToken('paragraph', 'ab'));
  assert.ok(!grams.includes(gramToken('paragraph', 'b宣')));
});
