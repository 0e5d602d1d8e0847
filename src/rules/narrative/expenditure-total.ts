import { B, claimRule } from '../lib/vs-tables.js';

export const expenditureTotal = claimRule(
  {
    id: 'narrative/expenditure-total',
    title: '支出说明中的支出总额与收支总表一致',
    basis: B,
    description: '说明所写支出预算总额 = 收支总表本年支出合计（也接受支出总计）；无收支总表时取支出总表合计。',
    example: { bad: '说明“部门支出预算为300.27万元”，本年支出合计 302.27', message: '说明中支出预算 300.27 万元，与《部门预算收支总表》本年支出合计 302.27 万元不一致，相差 2.00 万元。' },
    messages: {
      differs: '{{a}} {{actual}} 万元，与{{b}} {{expected}} 万元不一致，相差 {{difference}} 万元。',
      otherScope: '{{a}} {{actual}} 万元，与{{b}} {{expected}} 万元不一致，但与{{other}}相同：文字所说可能是另一口径，请核对。',
    },
  },
  { subject: 'expenditure.total', key: 'expenditureTotal', alt: ['expenditureGrand'], messageId: 'differs', otherScopeMessageId: 'otherScope' },
);
