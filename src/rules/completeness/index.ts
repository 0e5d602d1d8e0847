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
import { emptyNoteWithFigures } from './empty-note.js';
import { spendingPlanFilled } from './project-tables.js';

export const completenessRules: Rule[] = [
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
];
