import { BASIS } from '../lib/basis.js';
import { claimWhere } from '../lib/claims.js';
import { amount, val } from '../lib/figures.js';
import { cellLocation, where } from '../lib/tables.js';
import { threePublicTables } from '../lib/three-public.js';
import { defineRule } from '../types.js';

const DIRECTION_WORDS = { increase: '增加', decrease: '减少', flat: '持平' } as const;

export const changeDirection = defineRule({
  meta: {
    id: 'narrative/change-direction',
    title: '增加/减少/持平与数字方向一致',
    severity: 'error',
    category: 'narrative',
    basis: BASIS.identities('12'),
    description: '说明中“增加/减少/持平”须与所述数字方向一致：写“持平/无增减变化”的增减额须为零，写“增加”的不应为负，写“减少”的不应为正；三公表“变化原因”写“无增减变化/持平”的行，增减额须为零。',
    example: { bad: '三公表公务用车运行费增减 -0.57，原因“无增减变化”', message: '《“三公”经费预算表》“公务用车运行经费”行增减额 -0.57 万元，而变化原因写“无增减变化”。' },
    messages: {
      wordsAgainstChange: '说明中写“{{words}}”，但所述增减额为 {{change}} 万元。',
      reasonAgainstChange: '{{where}}增减额 {{change}} 万元，而变化原因写“{{reason}}”。',
    },
    appliesTo: ['budget', 'final-accounts'],
  },
  check(doc, ctx) {
    for (const c of doc.claims) {
      if (!c.direction || !c.value) continue;
      const v = c.value;
      const bad = (c.direction === 'flat' && !v.isZero()) || (c.direction === 'increase' && v.isNegative() && !v.isZero()) || (c.direction === 'decrease' && v.isPositive() && !v.isZero());
      if (!bad) continue;
      ctx.report({
        messageId: 'wordsAgainstChange', data: { words: DIRECTION_WORDS[c.direction], change: amount(v) },
        location: claimWhere(c),
        actual: v,
      });
    }
    for (const t of threePublicTables(doc)) {
      for (const r of t.rows) {
        const reason = r.texts?.reason ?? '';
        const ch = val(r.values.change);
        if (!ch) continue;
        const saysFlat = /无增减|持平|无变化|没有变化/.test(reason);
        const saysUp = /^(增加|增长|上升)/.test(reason);
        const saysDown = /^(减少|下降|压减|降低)/.test(reason);
        if ((saysFlat && !ch.isZero()) || (saysUp && !ch.greaterThan(0)) || (saysDown && !ch.lessThan(0))) {
          ctx.report({
            messageId: 'reasonAgainstChange', data: { where: where(t, r), change: amount(ch), reason },
            location: cellLocation(t, r, 'change'),
            actual: ch,
          });
        }
      }
    }
  },
});
