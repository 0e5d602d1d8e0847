/**
 * Every rule of the catalog, one file each: `src/rules/<category>/<name>.ts` holds the rule whose id
 * is `<category>/<name>`. The order here is the order findings and docs/rules.md list them in.
 * test/rules/registry.test.ts fails when a rule file is missing here or its path and id disagree.
 */
import type { Rule } from './types.js';
import { t1RevenueTotal } from './arithmetic/t1-revenue-total.js';
import { t1ExpenditureTotal } from './arithmetic/t1-expenditure-total.js';
import { t1RevenueGrandTotal } from './arithmetic/t1-revenue-grand-total.js';
import { t1ExpenditureGrandTotal } from './arithmetic/t1-expenditure-grand-total.js';
import { t1Balance } from './arithmetic/t1-balance.js';
import { t2RowTotal } from './arithmetic/t2-row-total.js';
import { t2Sources } from './arithmetic/t2-sources.js';
import { t3RowTotal } from './arithmetic/t3-row-total.js';
import { t4RevenueTotal } from './arithmetic/t4-revenue-total.js';
import { t4ExpenditureTotal } from './arithmetic/t4-expenditure-total.js';
import { t4RowFunds } from './arithmetic/t4-row-funds.js';
import { t4GrandTotals } from './arithmetic/t4-grand-totals.js';
import { t4Balance } from './arithmetic/t4-balance.js';
import { basicProjectRowTotal } from './arithmetic/basic-project-row-total.js';
import { t6RowTotal } from './arithmetic/t6-row-total.js';
import { t6PersonnelEconomic } from './arithmetic/t6-personnel-economic.js';
import { t6PublicEconomic } from './arithmetic/t6-public-economic.js';
import { functionalHierarchy } from './arithmetic/functional-hierarchy.js';
import { economicHierarchy } from './arithmetic/economic-hierarchy.js';
import { totalRowClasses } from './arithmetic/total-row.js';
import { threePublicTotal } from './arithmetic/three-public-total.js';
import { threePublicVehicle } from './arithmetic/three-public-vehicle.js';
import { threePublicChange as arithmeticThreePublicChange } from './arithmetic/three-public-change.js';
import { operatingCostsItems } from './arithmetic/operating-costs-items.js';
import { procurementLineAmount } from './arithmetic/procurement-line-amount.js';
import { procurementSources } from './arithmetic/procurement-sources.js';
import { procurementTotal as arithmeticProcurementTotal } from './arithmetic/procurement-total.js';
import { procurementWithinProject } from './arithmetic/procurement-within-project.js';
import { assetsTotal as arithmeticAssetsTotal } from './arithmetic/assets-total.js';
import { projectFunds } from './arithmetic/project-funds.js';
import { selfEvalExecutionRate } from './arithmetic/self-eval-execution-rate.js';
import { selfEvalExecutionActual } from './arithmetic/self-eval-execution-actual.js';
import { selfEvalExecutionScore } from './arithmetic/self-eval-execution-score.js';
import { selfEvalTotalScore } from './arithmetic/self-eval-total-score.js';
import { selfEvalLevel1Weight } from './arithmetic/self-eval-level1-weight.js';
import { selfEvalWeightsSum } from './arithmetic/self-eval-weights-sum.js';
import { selfEvalGrade } from './arithmetic/self-eval-grade.js';
import { selfEvalDepartmentScore } from './arithmetic/self-eval-department-score.js';
import { selfEvalFunds } from './arithmetic/self-eval-funds.js';
import { t1T2Revenue } from './cross-table/t1-t2-revenue.js';
import { t1T3Expenditure } from './cross-table/t1-t3-expenditure.js';
import { t2T3Codes } from './cross-table/t2-t3-codes.js';
import { t3T5Codes } from './cross-table/t3-t5-codes.js';
import { t4FundTables } from './cross-table/t4-fund-tables.js';
import { t4T1Revenue } from './cross-table/t4-t1-revenue.js';
import { t5T6Basic } from './cross-table/t5-t6-basic.js';
import { pensionContribution } from './cross-table/pension-contribution.js';
import { occupationalAnnuity } from './cross-table/occupational-annuity.js';
import { housingFund } from './cross-table/housing-fund.js';
import { medicalInsurance } from './cross-table/medical-insurance.js';
import { threePublicEconomic } from './cross-table/three-public-economic.js';
import { operatingCostsPublic } from './cross-table/operating-costs-public.js';
import { emptyTableHasMoney } from './cross-table/empty-table-has-money.js';
import { vehicleRunningCost } from './cross-table/vehicle-running-cost.js';
import { plannedPurchasesProcurement } from './cross-table/planned-purchases-procurement.js';
import { procurementWithinSpending } from './cross-table/procurement-within-spending.js';
import { revenueTotal } from './narrative/revenue-total.js';
import { revenueSource } from './narrative/revenue-source.js';
import { expenditureTotal } from './narrative/expenditure-total.js';
import { basicExpenditure } from './narrative/basic-expenditure.js';
import { personnel } from './narrative/personnel.js';
import { publicFunds } from './narrative/public-funds.js';
import { projectExpenditure } from './narrative/project-expenditure.js';
import { operatingCosts } from './narrative/operating-costs.js';
import { threePublic } from './narrative/three-public.js';
import { procurementTotal as narrativeProcurementTotal } from './narrative/procurement-total.js';
import { assetsTotal as narrativeAssetsTotal } from './narrative/assets-total.js';
import { revenueSourcesSum } from './narrative/revenue-sources-sum.js';
import { expenditurePartsSum } from './narrative/expenditure-parts-sum.js';
import { basicPartsSum } from './narrative/basic-parts-sum.js';
import { projectListSum } from './narrative/project-list-sum.js';
import { projectItemBudget } from './narrative/project-item-budget.js';
import { changeSum } from './narrative/change-sum.js';
import { changeDirection } from './narrative/change-direction.js';
import { operatingCostsItemsSum } from './narrative/operating-costs-items-sum.js';
import { threePublicPartsSum } from './narrative/three-public-parts-sum.js';
import { threePublicVehicleSum } from './narrative/three-public-vehicle-sum.js';
import { threePublicChange as narrativeThreePublicChange } from './narrative/three-public-change.js';
import { share } from './narrative/share.js';
import { claimYear } from './narrative/claim-year.js';
import { plannedPurchasesListed } from './narrative/planned-purchases-listed.js';
import { nameMismatch } from './classification/name-mismatch.js';
import { unknownCode } from './classification/unknown-code.js';
import { malformedCode } from './classification/malformed-code.js';
import { orphanCode } from './classification/orphan-code.js';
import { misplacedCode } from './classification/misplaced-code.js';
import { standardTables } from './completeness/standard-tables.js';
import { noTables } from './completeness/no-tables.js';
import { emptyTableNote } from './completeness/empty-table-note.js';
import { emptyNoteWithFigures } from './completeness/empty-note-with-figures.js';
import { sections } from './completeness/sections.js';
import { performanceTables } from './completeness/performance-tables.js';
import { projectBudgetsWithin } from './completeness/project-budgets-within.js';
import { spendingPlanFilled } from './completeness/spending-plan.js';
import { functionalDetail } from './completeness/functional-detail.js';
import { economicDetail } from './completeness/economic-detail.js';
import { threePublicSplit } from './completeness/three-public-split.js';
import { levelPair } from './indicator/level-pair.js';
import { missingLevel3 } from './indicator/missing-level3.js';
import { malformedTarget } from './indicator/malformed-target.js';
import { gradeScaleTarget } from './indicator/grade-scale-target.js';
import { unparsedTarget } from './indicator/unparsed-target.js';
import { missingUnit } from './indicator/missing-unit.js';
import { nameAsTarget } from './indicator/name-as-target.js';
import { nameDescriptionMismatch } from './indicator/name-description-mismatch.js';
import { missingBasis } from './indicator/missing-basis.js';
import { duplicate } from './indicator/duplicate.js';
import { missingCost } from './indicator/missing-cost.js';
import { missingSatisfaction } from './indicator/missing-satisfaction.js';
import { costAboveBudget } from './indicator/cost-above-budget.js';
import { spendingPlan } from './indicator/spending-plan.js';
import { standardWeights } from './indicator/standard-weights.js';
import { templateInstruction } from './text-quality/template-instruction.js';
import { placeholder } from './text-quality/placeholder.js';
import { duplicateParagraph } from './text-quality/duplicate-paragraph.js';
import { wrongLevelGlossary } from './text-quality/wrong-level-glossary.js';
import { wrongLevelText } from './text-quality/wrong-level-text.js';
import { titleYear } from './text-quality/title-year.js';
import { goalRestatesDuties } from './text-quality/goal-restates-duties.js';
import { duplicateGoal } from './text-quality/duplicate-goal.js';
import { foreignTopic } from './text-quality/foreign-topic.js';
import { mobileNumber } from './privacy/mobile-number.js';
import { idNumber } from './privacy/id-number.js';
import { rescoredExecutionRate } from './arithmetic/rescored-execution-rate.js';
import { rescoredIndicatorScore } from './indicator/rescored-score.js';
import { rescoredProjectTotal } from './arithmetic/rescored-project-total.js';
import { rescoredDepartmentScore } from './arithmetic/rescored-department-score.js';
import { rescoredGrade } from './arithmetic/rescored-grade.js';
import { basicSplit } from './arithmetic/final-basic-split.js';
import { completionRate } from './arithmetic/final-completion-rate.js';
import { comparisonWords } from './narrative/final-vs-budget-comparison.js';
import { differenceReason } from './narrative/final-vs-budget-reason.js';
import { finalVsTables } from './narrative/final-vs-tables.js';
import { changePercent } from './narrative/change-percent.js';
import { threePublicCounts } from './narrative/three-public-counts.js';
import { vehiclesByUse } from './arithmetic/vehicles-by-use.js';
import { procurementSplit } from './arithmetic/procurement-split.js';
import { procurementSme } from './arithmetic/procurement-sme.js';

export const RULES: Rule[] = [
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
  arithmeticThreePublicChange,
  operatingCostsItems,
  procurementLineAmount,
  procurementSources,
  arithmeticProcurementTotal,
  procurementWithinProject,
  arithmeticAssetsTotal,
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
  revenueTotal,
  revenueSource,
  expenditureTotal,
  basicExpenditure,
  personnel,
  publicFunds,
  projectExpenditure,
  operatingCosts,
  threePublic,
  narrativeProcurementTotal,
  narrativeAssetsTotal,
  revenueSourcesSum,
  expenditurePartsSum,
  basicPartsSum,
  projectListSum,
  projectItemBudget,
  changeSum,
  changeDirection,
  operatingCostsItemsSum,
  threePublicPartsSum,
  threePublicVehicleSum,
  narrativeThreePublicChange,
  share,
  claimYear,
  plannedPurchasesListed,
  nameMismatch,
  unknownCode,
  malformedCode,
  orphanCode,
  misplacedCode,
  standardTables,
  noTables,
  emptyTableNote,
  emptyNoteWithFigures,
  sections,
  performanceTables,
  projectBudgetsWithin,
  spendingPlanFilled,
  functionalDetail,
  economicDetail,
  threePublicSplit,
  levelPair,
  missingLevel3,
  malformedTarget,
  gradeScaleTarget,
  unparsedTarget,
  missingUnit,
  nameAsTarget,
  nameDescriptionMismatch,
  missingBasis,
  duplicate,
  missingCost,
  missingSatisfaction,
  costAboveBudget,
  spendingPlan,
  standardWeights,
  templateInstruction,
  placeholder,
  duplicateParagraph,
  wrongLevelGlossary,
  wrongLevelText,
  titleYear,
  goalRestatesDuties,
  duplicateGoal,
  foreignTopic,
  mobileNumber,
  idNumber,
  rescoredExecutionRate,
  rescoredIndicatorScore,
  rescoredProjectTotal,
  rescoredDepartmentScore,
  rescoredGrade,
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
