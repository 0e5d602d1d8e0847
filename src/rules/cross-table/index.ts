import type { Rule } from '../types.js';
import { housingFund, medicalInsurance, occupationalAnnuity, pensionContribution, threePublicEconomic } from './classification-pairs.js';
import { procurementWithinSpending } from './procurement.js';
import { emptyTableHasMoney, operatingCostsPublic, plannedPurchasesProcurement, vehicleRunningCost } from './sections.js';
import { t1T2Revenue, t1T3Expenditure, t2T3Codes, t3T5Codes, t4FundTables, t4T1Revenue, t5T6Basic } from './tables.js';

export const crossTableRules: Rule[] = [
  t1T2Revenue,
  t1T3Expenditure,
  t2T3Codes,
  t3T5Codes,
  t4FundTables,
  t4T1Revenue,
  t5T6Basic,
  pensionContribution,
  occupationalAnnuity,
  housingFund,
  medicalInsurance,
  threePublicEconomic,
  operatingCostsPublic,
  emptyTableHasMoney,
  vehicleRunningCost,
  plannedPurchasesProcurement,
  procurementWithinSpending,
];
