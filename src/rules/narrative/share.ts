import { BASIS } from '../lib/basis.js';
import { amount, halfStep, Money, percent } from '../lib/figures.js';
import { where } from '../lib/tables.js';
import { defineRule } from '../types.js';

export const share = defineRule({
  meta: {
    id: 'narrative/share',
    title: '说明中的占比等于部分除以整体',
    severity: 'error',
    category: 'narrative',
    basis: BASIS.identities('11'),
    description: '说明写“占……的 x%”时：x = 部分 ÷ 整体 × 100，按百分比与金额的打印精度容差。需要识别器提供占比陈述（见 docs/rules.md 的模型扩展说明）。整体读出来就是部分本身时（句中所说的整体在文件中没有打印），不判断。',
    example: { bad: '“公务接待费支出101.26万元，占“三公”经费（418.26万元）的34.2%”', message: '说明中公务接待费占“三公”经费的比例写作 34.2%，按 101.26 ÷ 418.26 应为 24.21%，相差 9.99 个百分点。' },
    messages: {
      share: '说明中{{part}}占{{whole}}的比例写作 {{percent}}%，按 {{partValue}} ÷ {{wholeValue}} 应为 {{computed}}，相差 {{diff}} 个百分点。',
    },
    appliesTo: ['budget', 'final-accounts'],
  },
  check(doc, ctx) {
    for (const s of doc.shares) {
      if (!s.partValue || !s.wholeValue || s.wholeValue.isZero()) continue;
      // A whole that came out as the part's own figure was not found: the whole the sentence names
      // (e.g. “财政性资金（…除外）总额”) is printed nowhere, so the share cannot be judged.
      if (s.partValue.equals(s.wholeValue) && !s.percent.equals(100)) continue;
      const computed = s.partValue.div(s.wholeValue).times(100);
      const diff = s.percent.minus(computed);
      if (diff.isZero()) continue;
      const hp = new Money('0.005');
      const tol = halfStep(s.percent.toString()).plus(hp.div(s.wholeValue).plus(s.partValue.times(hp).div(s.wholeValue.times(s.wholeValue))).times(100));
      ctx.report({
        messageId: 'share', data: { part: s.part, whole: s.whole, percent: s.percent.toString(), partValue: amount(s.partValue), wholeValue: amount(s.wholeValue), computed: percent(computed), diff: diff.abs().toDecimalPlaces(2).toString() },
        location: { ...s.loc, where: s.loc.sentence ? `说明：“${s.loc.sentence}”` : '说明' },
        figures: { 部分: s.partValue, 整体: s.wholeValue, 占比: s.percent },
        expected: computed.toDecimalPlaces(2),
        actual: s.percent,
        difference: diff.toDecimalPlaces(2),
        rounding: diff.abs().lessThanOrEqualTo(tol),
      });
    }
  },
});
