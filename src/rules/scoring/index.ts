import type { Rule } from '../types.js';
import { rescoredDepartmentScore, rescoredExecutionRate, rescoredGrade, rescoredIndicatorScore, rescoredProjectTotal } from './rescore.js';

/** Re-scoring of imported self-evaluations (src/score): what only a recomputation shows. */
export const scoringRules: Rule[] = [rescoredExecutionRate, rescoredIndicatorScore, rescoredProjectTotal, rescoredDepartmentScore, rescoredGrade];
