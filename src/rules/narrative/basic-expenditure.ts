import { B, claimRule } from '../lib/vs-tables.js';

export const basicExpenditure = claimRule(
  {
    id: 'narrative/basic-expenditure',
    title: '支出说明中的基本支出与支出表一致',
    basis: B,
    description: '说明所写基本支出 = 支出总表合计行基本支出（无支出总表时取一般公共预算财政拨款支出表）。',
    example: { bad: '说明“基本支出248.42万元”，支出总表基本支出合计 238.42', message: '说明中基本支出 248.42 万元，与《部门预算支出总表》“合计”行“基本支出”列 238.42 万元不一致，相差 10.00 万元。' },
    messages: {
      differs: '{{a}} {{actual}} 万元，与{{b}} {{expected}} 万元不一致，相差 {{difference}} 万元。',
      otherScope: '{{a}} {{actual}} 万元，与{{b}} {{expected}} 万元不一致，但与{{other}}相同：文字所说可能是另一口径，请核对。',
    },
  },
  { subject: 'expenditure.basic', key: 'basic', messageId: 'differs', otherScopeMessageId: 'otherScope' },
);
