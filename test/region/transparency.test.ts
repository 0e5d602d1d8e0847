/** The transparency score: points from the profile, every lost point with its reason, unjudged items left out. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadTransparencyProfile, scoreTransparency, TransparencyProfileError, type ScoreInput } from '../../src/region/transparency.js';
import { synthetic, QINGSHAN_2022 } from '../fixtures/store/build.js';

function input(): ScoreInput {
  const { result } = synthetic(QINGSHAN_2022);
  return JSON.parse(JSON.stringify(result)) as ScoreInput;
}

test('a disclosure without dates: timeliness not judged, the other items scored with reasons', () => {
  const profile = loadTransparencyProfile();
  const s = scoreTransparency(input(), profile);
  assert.equal(s.max, 85);
  assert.equal(s.items.find((i) => i.id === 'timeliness.deadline')?.score, null);
  for (const i of s.items) if (i.score !== null && i.score < i.max) assert.ok(i.reasons.length > 0, `${i.id} lost points without a reason`);
  // Two standard tables of eight: 2/8 of 15 points.
  const tables = s.items.find((i) => i.id === 'completeness.tables')!;
  assert.equal(tables.score, 3.75);
  assert.ok(tables.reasons.includes('未见收支总表'));
  // The fixture's one error finding (t3/row-sum) is no rule family the profile scores: accuracy full.
  assert.equal(s.dimensions.accuracy.earned, 20);
  assert.equal(s.score, Math.round((s.earned / s.max) * 10000) / 100);
});

test('timeliness: 20 days after approval is in time, 21 is not', () => {
  const profile = loadTransparencyProfile();
  const inTime = scoreTransparency({ ...input(), timeliness: { approvedOn: '2024-01-31', publishedOn: '2024-02-20' } }, profile);
  assert.equal(inTime.items.find((i) => i.id === 'timeliness.deadline')?.score, 15);
  const late = scoreTransparency({ ...input(), timeliness: { approvedOn: '2024-01-31', publishedOn: '2024-02-21' } }, profile);
  const item = late.items.find((i) => i.id === 'timeliness.deadline')!;
  assert.equal(item.score, 0);
  assert.deepEqual(item.reasons, ['批复 2024-01-31，公开 2024-02-21，用时 21 日，超过 20 日']);
  assert.equal(late.max, 100);
});

test('error findings cost points in their family, named by rule', () => {
  const i = input();
  i.findings = [
    { rule: 'arithmetic/row-sum', severity: 'error', message: 'x' },
    { rule: 'arithmetic/row-sum', severity: 'error', message: 'y' },
    { rule: 'narrative/total', severity: 'warning', message: 'z' },
  ];
  const s = scoreTransparency(i, loadTransparencyProfile());
  assert.deepEqual(s.items.find((x) => x.id === 'accuracy.identities')?.reasons, ['arithmetic/row-sum：错误 2 处，扣 4 分']);
  assert.equal(s.items.find((x) => x.id === 'accuracy.narrative')?.score, 5.5);
});

test('an unknown profile is refused in one line', () => {
  assert.throws(() => loadTransparencyProfile('nope'), (e: Error) => e instanceof TransparencyProfileError && /透明度评分配置 nope 不存在/.test(e.message));
});
