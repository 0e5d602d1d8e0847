/**
 * What to change: from the finding's own figures (应为 / 应不超过, in the unit the message prints)
 * or from the rule's meta.fix; nothing when neither says it.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Finding } from '../../src/model/disclosure.js';
import { Money } from '../../src/model/money.js';
import { checkFile } from '../../src/pipeline.js';
import { fixFor, messageWithFix, readable } from '../../src/report/fix.js';
import { SEED, seed, sharedOnly } from '../helpers/shared.js';

const finding = (over: Partial<Finding>): Finding => ({ rule: 'narrative/change-sum', severity: 'error', message: '', location: {}, ...over });

test('from the figures: the expected value in the unit the message states it', () => {
  const m = '说明中基本支出 248.42 万元，与一般公共预算财政拨款基本支出表合计 238.42 万元不一致，相差 10.00 万元。';
  assert.equal(fixFor(finding({ message: m, expected: new Money('238.42'), actual: new Money('248.42') })), '应为 238.42 万元');
  const score = '项目“甲”绩效自评表总分 70 分，按计分办法重新计分应为 95.78 分，相差 25.78 分。';
  assert.equal(fixFor(finding({ rule: 'x/y', message: score, expected: new Money('95.78') })), '应为 95.78 分');
  const cap = '政府采购预算表合计金额 45.9928 万元，超过人员经费以外的全部支出 40.41 万元，超出 5.5828 万元。';
  assert.equal(fixFor(finding({ rule: 'x/y', message: cap, expected: new Money('40.41'), actual: new Money('45.9928') })), '应不超过 40.41 万元');
  // A figure the message does not print gives no advice.
  assert.equal(fixFor(finding({ rule: 'x/y', message: '某表不平。', expected: new Money('1') })), undefined);
  assert.equal(messageWithFix(m, '应为 238.42 万元'), `${m}改正：应为 238.42 万元。`);
});

test('rule texts: paragraph counts and internal keys are not what a person reads', () => {
  assert.equal(readable('说明第 53 段（assets）残留模板填写说明：“…”。'), '说明残留模板填写说明：“…”。');
});

test('the seeds: every error and warning with an expected value, and the rules that say their fix, end with it', sharedOnly, async () => {
  for (const s of Object.values(SEED)) {
    const r = await checkFile(seed(`${s}.pdf`));
    for (const f of r.findings) {
      if (f.severity === 'info') continue;
      if (/privacy|template-instruction|level-pair|missing-satisfaction|grade-scale-target|missing-unit/.test(f.rule)) assert.ok(f.fix, `${f.rule} has a fix`);
      if (f.expected && /万元/.test(f.message) && !/超过|超出/.test(f.message)) assert.match(f.fix ?? '', /^应为 -?[\d,]+\.\d+ 万元$/, `${f.rule}: ${f.message}`);
    }
  }
  const r = await checkFile(seed(`${SEED.yuanshi}.docx`));
  assert.ok(r.findings.some((f) => f.fix === '将二级指标“满意度指标”改为“服务对象满意度指标”'));
});
