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

export const completenessRules: Rule[] = [
  standardTables,
  noTables,
  emptyTableNote,
  sections,
  performanceTables,
  projectBudgetsWithin,
  functionalDetail,
  economicDetail,
  threePublicSplit,
];
