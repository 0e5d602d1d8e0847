/**
 * Stated changes in percent (domain.md §5.11–12): "增加 12.40 万元，增长 6.89%" — the percentage is
 * the change over last year's figure (this year's less the change), and its direction agrees.
 */
import { Money } from '../../model/money.js';
import { BASIS } from '../lib/basis.js';
import { amount, percent } from '../lib/figures.js';
import { percentStep, ratioTolerance, statementWhere } from '../lib/final-statements.js';
import { defineRule } from '../types.js';

const HALF_CENT = new Money('0.005');

export const changePercent = defineRule({
  meta: {
    id: 'narrative/change-percent',
    title: '增长（下降）百分比与增减额一致',
    severity: 'error',
    category: 'narrative',
    basis: BASIS.identities('11, §5.12'),
    description:
      '说明写“X 万元……增加（减少）c 万元，增长（下降）p%”时：上年数 = X − c，p = c ÷ 上年数 × 100（容差为百分比与金额的打印精度）；“增加”与“下降”、“减少”与“增长”连用也报告。本年数取同句或前文所写的该项金额，找不到时不比较。',
    example: {
      bad: '“收入支出总计192.40万元……增加12.40万元，增长7.40%”',
      message: '说明中“收入支出总计”增长 7.40%，按增减额 12.40 万元、上年 180.00 万元应为 6.89%，相差 0.51 个百分点。',
    },
    messages: {
      directionMismatch: '说明中“{{what}}”{{direction}} {{change}} 万元，却写{{word}} {{percent}}%。',
      percentMismatch: '说明中“{{what}}”{{word}} {{percent}}%，按增减额 {{change}} 万元、上年 {{prior}} 万元应为 {{computed}}，相差 {{diff}} 个百分点。',
    },
    appliesTo: ['budget', 'final-accounts'],
  },
  check(doc, ctx) {
    for (const c of doc.percentChanges) {
      if (!c.change) continue;
      const where = statementWhere(c.loc);
      const word = c.percent.isNegative() ? '下降' : '增长';
      if (!c.change.isZero() && !c.percent.isZero() && c.change.isNegative() !== c.percent.isNegative()) {
        ctx.report({
          messageId: 'directionMismatch', data: { what: c.what, direction: c.change.isNegative() ? '减少' : '增加', change: amount(c.change.abs()), word, percent: c.percent.abs().toString() },
          location: where,
          figures: { 增减额: c.change, 百分比: c.percent },
        });
        continue;
      }
      if (!c.current) continue;
      const prior = c.current.minus(c.change);
      if (!prior.greaterThan(0)) continue;
      const computed = c.change.div(prior).times(100);
      const diff = c.percent.minus(computed);
      if (diff.toDecimalPlaces(6).isZero()) continue;
      const tol = percentStep(c.raw).plus(ratioTolerance(c.change, prior, HALF_CENT, HALF_CENT.times(2)));
      ctx.report({
        messageId: 'percentMismatch', data: { what: c.what, word, percent: c.percent.abs().toString(), change: amount(c.change.abs()), prior: amount(prior), computed: percent(computed.abs()), diff: diff.abs().toDecimalPlaces(2).toFixed(2) },
        location: where,
        figures: { 本年: c.current, 增减额: c.change, 上年: prior, 百分比: c.percent },
        expected: computed.toDecimalPlaces(2),
        actual: c.percent,
        difference: diff.toDecimalPlaces(2),
        rounding: diff.abs().lessThanOrEqualTo(tol),
      });
    }
  },
});
