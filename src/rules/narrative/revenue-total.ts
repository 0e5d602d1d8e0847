import { B, claimRule } from '../lib/vs-tables.js';

export const revenueTotal = claimRule(
  {
    id: 'narrative/revenue-total',
    title: '收入说明中的收入总额与收支总表一致',
    basis: B,
    description: '说明所写收入预算总额 = 收支总表本年收入合计（也接受收入总计）；无收支总表时取收入总表合计行，再无则取摘要（摘要与说明中另一处同名数字相同时，说明它取自正文本身，不再比较）。',
    example: { bad: '说明“2022年预算收入312.27万元”，收支总表本年收入合计 302.27', message: '说明中收入预算 312.27 万元，与《部门预算收支总表》本年收入合计 302.27 万元不一致，相差 10.00 万元。' },
    messages: {
      differs: '{{a}} {{actual}} 万元，与{{b}} {{expected}} 万元不一致，相差 {{difference}} 万元。',
      otherScope: '{{a}} {{actual}} 万元，与{{b}} {{expected}} 万元不一致，但与{{other}}相同：文字所说可能是另一口径，请核对。',
    },
  },
  { subject: 'revenue.total', key: 'revenueTotal', alt: ['revenueGrand'], messageId: 'differs', otherScopeMessageId: 'otherScope' },
);
