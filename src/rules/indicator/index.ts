import type { Rule } from '../types.js';
import { missingBasis, nameDescriptionMismatch } from './descriptions.js';
import {
  costAboveBudget,
  duplicate,
  gradeScaleTarget,
  levelPair,
  malformedTarget,
  missingCost,
  missingLevel3,
  missingSatisfaction,
  missingUnit,
  nameAsTarget,
  spendingPlan,
  standardWeights,
  unparsedTarget,
} from './indicators.js';

export const indicatorRules: Rule[] = [
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
];
