import type { Rule } from '../types.js';
import {
  economicDetail,
  emptyTableNote,
  functionalDetail,
  noTables,
  performanceTables,
  projectBudgetsWithin,
  sections,
  standardTables,
  threePublicSplit,
} from './completeness.js';
import { spendingPlanFilled } from './project-tables.js';

export const completenessRules: Rule[] = [
  standardTables,
  noTables,
  emptyTableNote,
  sections,
  performanceTables,
  projectBudgetsWithin,
  spendingPlanFilled,
  functionalDetail,
  economicDetail,
  threePublicSplit,
];
