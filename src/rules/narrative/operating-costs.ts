import { B, claimRule } from '../lib/vs-tables.js';

export const operatingCosts = claimRule(
  {
    id: 'narrative/operating-costs',
    title: '说明中的机关运行经费与表格一致',
    basis: B,
    description: '说明所写机关运行经费 = 机关运行经费表合计（无该表时取摘要）。',
    example: { bad: '说明“机关运行经费共计安排26.78万元”，机关运行经费表合计 28.78', message: '说明中机关运行经费 26.78 万元，与《机关运行经费预算表》合计 28.78 万元不一致，相差 2.00 万元。' },
    messages: {
      differs: '{{a}} {{actual}} 万元，与{{b}} {{expected}} 万元不一致，相差 {{difference}} 万元。',
      otherScope: '{{a}} {{actual}} 万元，与{{b}} {{expected}} 万元不一致，但与{{other}}相同：文字所说可能是另一口径，请核对。',
    },
  },
  { subject: 'operatingCosts.total', key: 'operatingCosts', messageId: 'differs', otherScopeMessageId: 'otherScope' },
);
