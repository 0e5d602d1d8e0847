import { B, claimRule } from '../lib/vs-tables.js';

export const procurementTotal = claimRule(
  {
    id: 'narrative/procurement-total',
    title: '说明中的政府采购预算总额与采购表一致',
    basis: B,
    description: '说明所写政府采购预算总额 = 政府采购预算表合计金额（无合计行时为各明细之和；元已折算为万元）。',
    example: { bad: '说明“安排政府采购预算46.00万元”，采购表（单位：元）合计 459,928.00 元', message: '说明中政府采购预算 46.00 万元，与政府采购预算表合计金额 45.9928 万元不一致，相差 0.0072 万元。' },
    messages: {
      differs: '{{a}} {{actual}} 万元，与{{b}} {{expected}} 万元不一致，相差 {{difference}} 万元。',
      otherScope: '{{a}} {{actual}} 万元，与{{b}} {{expected}} 万元不一致，但与{{other}}相同：文字所说可能是另一口径，请核对。',
    },
  },
  { subject: 'procurement.total', key: 'procurementTotal', messageId: 'differs', otherScopeMessageId: 'otherScope' },
);
