/** The 决算 rules (domain.md §3, §5.18): statements of the 说明 against their figures and tables. */
import type { Rule } from '../types.js';
import { basicSplit } from './basic-split.js';
import { comparisonWords, completionRate, differenceReason, finalVsTables } from './budget-vs-final.js';
import { changePercent } from './changes.js';
import { threePublicCounts, vehiclesByUse } from './counts.js';
import { procurementSme, procurementSplit } from './procurement.js';

export const finalAccountsRules: Rule[] = [
  basicSplit,
  completionRate,
  comparisonWords,
  differenceReason,
  finalVsTables,
  changePercent,
  threePublicCounts,
  vehiclesByUse,
  procurementSplit,
  procurementSme,
];
