import { B, claimRule } from '../lib/vs-tables.js';

export const publicFunds = claimRule(
  {
    id: 'narrative/public-funds',
    title: '说明中的公用经费与基本支出表一致',
    basis: B,
    description: '说明所写（日常）公用经费 = 一般公共预算财政拨款基本支出表合计行公用经费。',
    example: { bad: '说明“日常公用经费27.78万元”，基本支出表公用经费 28.78', message: '说明中公用经费 27.78 万元，与《部门预算一般公共预算财政拨款基本支出表》“合计”行“公用经费”列 28.78 万元不一致，相差 1.00 万元。' },
    messages: {
      differs: '{{a}} {{actual}} 万元，与{{b}} {{expected}} 万元不一致，相差 {{difference}} 万元。',
      otherScope: '{{a}} {{actual}} 万元，与{{b}} {{expected}} 万元不一致，但与{{other}}相同：文字所说可能是另一口径，请核对。',
    },
  },
  { subject: 'expenditure.public', key: 'public', messageId: 'differs', otherScopeMessageId: 'otherScope' },
);
