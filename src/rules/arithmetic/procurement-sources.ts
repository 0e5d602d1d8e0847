import { BASIS } from '../lib/basis.js';
import { checkSum } from '../lib/compare.js';
import { amount } from '../lib/figures.js';
import { label } from '../lib/procurement.js';
import { KEY_NAMES } from '../lib/tables.js';
import { defineRule } from '../types.js';

/** bySource keys that are not funding sources (预留中小企业份额 is a share of the amount, not money of its own). */
const NOT_SOURCES = new Set(['smeReserve', 'total', 'amount', 'subtotal']);

const FUNDS = ['generalBudget', 'govFund', 'stateCapital'];

const SOURCE_NAMES: Record<string, string> = {
  ...KEY_NAMES,
  fiscalCarryOver: '财政拨款结转',
  nonFiscalCarryOver: '非财政拨款结转结余',
  fiscalSpecial: '财政专户核拨',
};

export const procurementSources = defineRule({
  meta: {
    id: 'arithmetic/procurement-sources',
    title: '政府采购金额等于各资金来源之和',
    severity: 'error',
    category: 'arithmetic',
    basis: BASIS.identities('16'),
    description: '政府采购预算表每一行（含合计、小计）：政府采购金额合计 = 一般公共预算拨款 + 基金预算拨款 + 国有资本经营预算拨款 + 财政专户核拨 + 单位资金 + 结转。预留中小企业份额不是资金来源，不计入。',
    example: { bad: '合计 45.99，一般公共预算拨款 40.00', message: '政府采购预算表“电子政务网维护”金额 45.99 万元，一般公共预算之和为 40.00 万元，相差 5.99 万元。' },
    messages: {
      sumDiffers: '{{where}}金额 {{total}} 万元，{{parts}}之和{{detail}}为 {{sum}} 万元，相差 {{difference}} 万元。',
    },
    appliesTo: ['budget'],
    tables: ['procurement'],
  },
  check(doc, ctx) {
    for (const it of doc.procurement.items) {
      let keys = Object.keys(it.bySource).filter((k) => !NOT_SOURCES.has(k));
      // 财政拨款 / 小计 over 一般公共预算 | 政府性基金 | 国有资本经营 is their total, not one more source.
      if (keys.includes('fiscal') && keys.some((k) => FUNDS.includes(k))) keys = keys.filter((k) => k !== 'fiscal');
      checkSum(ctx, {
        messageId: 'sumDiffers',
        where: label(it),
        totalLabel: '金额',
        total: it.amount,
        parts: keys.map((k) => ({ label: SOURCE_NAMES[k] ?? k, figure: it.bySource[k] ?? null })),
        location: { ...it.loc, where: label(it) },
      });
    }
  },
});
