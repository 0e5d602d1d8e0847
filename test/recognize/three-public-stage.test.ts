/**
 * The 三公 total in the 说明, in a budget's and a 决算's wording: “三公”经费预算…, 支出…, (财政拨款)
 * 支出决算(数)为… are the document's own figure; a 决算's 年初预算 (预算数) beside its 决算, or a
 * budget citing last year's 决算, is not. Our own sentences and figures.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DocumentKind } from '../../src/model/disclosure.js';
import { claimsOf } from '../../src/recognize/narrative.js';

const claims = (text: string, kind: DocumentKind) =>
  claimsOf({ type: 'paragraph', text, loc: { block: 0 } }, 'threePublic', kind)
    .filter((c) => c.subject !== 'threePublic.change')
    .map((c) => `${c.subject}=${c.value?.toFixed(2)}`);

test('a 决算 states its 三公 total as 支出决算, 决算数, 财政拨款支出决算', () => {
  for (const s of [
    '2031年度“三公”经费支出决算为23.45万元。',
    '2031年度“三公”经费财政拨款支出决算为23.45万元，比上年减少1.20万元。',
    '“三公”经费决算数为23.45万元。',
    '“三公”经费支出决算数23.45万元。',
    '本部门“三公”经费支出共计23.45万元。',
  ]) {
    assert.deepEqual(claims(s, 'final-accounts'), ['threePublic.total=23.45'], s);
  }
});

test('a budget states its 三公 total as 预算, 预算数, 支出预算, 财政拨款预算', () => {
  for (const s of ['2031年“三公”经费预算23.45万元。', '“三公”经费预算数为23.45万元。', '“三公”经费支出预算为23.45万元。', '“三公”经费财政拨款预算安排23.45万元。']) {
    assert.deepEqual(claims(s, 'budget'), ['threePublic.total=23.45'], s);
  }
});

test("the other stage's figure is not the document's: a 决算's 年初预算, a budget's citation of last year's 决算", () => {
  // The 决算 template's own sentence: the 年初预算 first, then the 决算 (read as a budget-vs-final statement).
  assert.deepEqual(claims('“三公”经费财政拨款支出年初预算为30.00万元，支出决算为23.45万元，完成预算的78.17%。', 'final-accounts'), []);
  assert.deepEqual(claims('“三公”经费预算数为30.00万元，因公出国（境）费预算数为5.00万元，公务接待费决算数为2.10万元。', 'final-accounts'), ['threePublic.reception=2.10']);
  assert.deepEqual(claims('“三公”经费预算25.00万元，上年“三公”经费决算数为23.45万元，公务接待费决算为2.10万元。', 'budget'), ['threePublic.total=25.00']);
});
