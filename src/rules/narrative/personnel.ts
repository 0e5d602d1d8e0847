import { B, claimRule } from '../lib/vs-tables.js';

export const personnel = claimRule(
  {
    id: 'narrative/personnel',
    title: '说明中的人员经费与基本支出表一致',
    basis: B,
    description: '说明所写人员经费 = 一般公共预算财政拨款基本支出表合计行人员经费。',
    example: { bad: '说明“人员经费219.64万元”，基本支出表人员经费 209.64', message: '说明中人员经费 219.64 万元，与《部门预算一般公共预算财政拨款基本支出表》“合计”行“人员经费”列 209.64 万元不一致，相差 10.00 万元。' },
    messages: {
      differs: '{{a}} {{actual}} 万元，与{{b}} {{expected}} 万元不一致，相差 {{difference}} 万元。',
      otherScope: '{{a}} {{actual}} 万元，与{{b}} {{expected}} 万元不一致，但与{{other}}相同：文字所说可能是另一口径，请核对。',
    },
  },
  { subject: 'expenditure.personnel', key: 'personnel', messageId: 'differs', otherScopeMessageId: 'otherScope' },
);
