/** 政府采购预算表 (domain.md §5.16): 数量 × 单价 = 金额; 金额 = Σ 资金来源; Σ 明细 = 合计; 明细 ≤ 项目预算. */
import type { ProcurementItem } from '../../model/disclosure.js';

export function label(it: ProcurementItem): string {
  return it.role === 'line' ? `政府采购预算表“${it.item || it.project || '（未命名）'}”` : `政府采购预算表“${it.item || it.project || '合计'}”行`;
}
