import type { Rule } from '../types.js';
import { assetsTotal } from './assets.js';
import { economicHierarchy, functionalHierarchy, totalRowClasses } from './hierarchy.js';
import { operatingCostsItems } from './operating-costs.js';
import { procurementLineAmount, procurementSources, procurementTotal, procurementWithinProject } from './procurement.js';
import { projectFunds } from './project-funds.js';
import { basicProjectRowTotal, t2RowTotal, t2Sources, t3RowTotal, t4RowFunds, t6RowTotal } from './row-sums.js';
import {
  selfEvalDepartmentScore,
  selfEvalExecutionRate,
  selfEvalExecutionActual,
  selfEvalExecutionScore,
  selfEvalFunds,
  selfEvalGrade,
  selfEvalLevel1Weight,
  selfEvalTotalScore,
  selfEvalWeightsSum,
} from './self-eval.js';
import {
  t1Balance,
  t1ExpenditureGrandTotal,
  t1ExpenditureTotal,
  t1RevenueGrandTotal,
  t1RevenueTotal,
  t4Balance,
  t4ExpenditureTotal,
  t4GrandTotals,
  t4RevenueTotal,
} from './summary-tables.js';
import { t6PersonnelEconomic, t6PublicEconomic } from './t6-economic.js';
import { threePublicChange, threePublicTotal, threePublicVehicle } from './three-public.js';

export const arithmeticRules: Rule[] = [
  t1RevenueTotal,
  t1ExpenditureTotal,
  t1RevenueGrandTotal,
  t1ExpenditureGrandTotal,
  t1Balance,
  t2RowTotal,
  t2Sources,
  t3RowTotal,
  t4RevenueTotal,
  t4ExpenditureTotal,
  t4RowFunds,
  t4GrandTotals,
  t4Balance,
  basicProjectRowTotal,
  t6RowTotal,
  t6PersonnelEconomic,
  t6PublicEconomic,
  functionalHierarchy,
  economicHierarchy,
  totalRowClasses,
  threePublicTotal,
  threePublicVehicle,
  threePublicChange,
  operatingCostsItems,
  procurementLineAmount,
  procurementSources,
  procurementTotal,
  procurementWithinProject,
  assetsTotal,
  projectFunds,
  selfEvalExecutionRate,
  selfEvalExecutionActual,
  selfEvalExecutionScore,
  selfEvalTotalScore,
  selfEvalLevel1Weight,
  selfEvalWeightsSum,
  selfEvalGrade,
  selfEvalDepartmentScore,
  selfEvalFunds,
];
