/**
 * The scoring engine: re-scores a self-evaluation (绩效自评) under a scoring profile and lays the
 * result beside what the document states. Used by `gongkai score`, the re-scoring rules and the
 * self-evaluation report generator.
 */
import type { Disclosure, SelfEvaluation } from '../model/disclosure.js';
import { scoreDepartment, type DepartmentScore } from './department.js';
import { scoreProject, type ProjectScore } from './project.js';
import { scoringProfileFor, type ScoringProfile } from './profile.js';

export interface Scorecard {
  profile: { name: string; description: string };
  projects: ProjectScore[];
  department: DepartmentScore;
}

export function scoreSelfEvaluation(se: SelfEvaluation, profile: ScoringProfile): Scorecard {
  const projects = se.projects.map((p) => scoreProject(p, profile));
  return { profile: { name: profile.name, description: profile.description }, projects, department: scoreDepartment(se, projects, profile) };
}

/** Null when the document has no self-evaluation tables. `profile`: a name, a path or `auto`. */
export function scoreDisclosure(doc: Disclosure, profile?: string): Scorecard | null {
  if (!doc.selfEvaluation || !doc.selfEvaluation.projects.length) return null;
  return scoreSelfEvaluation(doc.selfEvaluation, scoringProfileFor(profile, doc));
}

export { judge, type Achievement, type Judgement } from './judge.js';
export { scoreIndicator, roundScore, SCORE_TOLERANCE, type IndicatorScore } from './indicator.js';
export { scoreProject, executionScore, level1Key, splitEqually, EXECUTION_KEY, type ProjectScore, type Level1Score, type ExecutionScore } from './project.js';
export { scoreDepartment, means, type DepartmentScore, type Means, type MeanKind } from './department.js';
export { gradeOf, gradeOfText, describeGrades, type GradeInfo } from './grade.js';
export {
  loadScoringProfile,
  scoringProfileFor,
  autoScoringProfileName,
  listScoringProfiles,
  ScoringProfileError,
  ScoringProfileSchema,
  type ScoringProfile,
} from './profile.js';
