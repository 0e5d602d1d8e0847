import { B, claimRule } from '../lib/vs-tables.js';

export const assetsTotal = claimRule(
  {
    id: 'narrative/assets-total',
    title: '说明中的固定资产总额与资产表一致',
    basis: B,
    description: '说明所写上年末固定资产总额 = 固定资产占用情况表资产总额。',
    example: { bad: '说明“上年末固定资产总金额为38.12万元”，资产表总额 40.12', message: '说明中固定资产总额 38.12 万元，与固定资产占用情况表资产总额 40.12 万元不一致，相差 2.00 万元。' },
    messages: {
      differs: '{{a}} {{actual}} 万元，与{{b}} {{expected}} 万元不一致，相差 {{difference}} 万元。',
      otherScope: '{{a}} {{actual}} 万元，与{{b}} {{expected}} 万元不一致，但与{{other}}相同：文字所说可能是另一口径，请核对。',
    },
  },
  { subject: 'assets.total', key: 'assetsTotal', messageId: 'differs', otherScopeMessageId: 'otherScope' },
);
