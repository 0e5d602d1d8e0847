import { B, claimRule } from '../lib/vs-tables.js';

export const projectExpenditure = claimRule(
  {
    id: 'narrative/project-expenditure',
    title: '支出说明中的项目支出与支出表一致',
    basis: B,
    description: '说明所写项目支出 = 支出总表合计行项目支出（无支出总表时取一般公共预算财政拨款支出表）。',
    example: { bad: '说明“项目支出73.85万元”，支出总表项目支出 63.85', message: '说明中项目支出 73.85 万元，与《部门预算支出总表》“合计”行“项目支出”列 63.85 万元不一致，相差 10.00 万元。' },
    messages: {
      differs: '{{a}} {{actual}} 万元，与{{b}} {{expected}} 万元不一致，相差 {{difference}} 万元。',
      otherScope: '{{a}} {{actual}} 万元，与{{b}} {{expected}} 万元不一致，但与{{other}}相同：文字所说可能是另一口径，请核对。',
    },
  },
  { subject: 'expenditure.project', key: 'project', messageId: 'differs', otherScopeMessageId: 'otherScope' },
);
