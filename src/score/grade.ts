/** Grades from totals, and the grade a report's own words name (优秀, 良好, 合格 …). */
import type { Money } from '../model/money.js';
import type { ScoringProfile } from './profile.js';

export interface GradeInfo {
  grade: string;
  label: string;
}

/** The first grade (highest line first) whose line the total reaches. */
export function gradeOf(total: Money, profile: ScoringProfile): GradeInfo {
  const g = profile.grades.find((x) => total.greaterThanOrEqualTo(String(x.min))) ?? profile.grades[profile.grades.length - 1];
  return { grade: g.grade, label: g.label };
}

/** Words reports use for grades outside the profile's own labels. */
const SYNONYMS: [RegExp, string][] = [
  [/不合格|不及格|较差/, '差'],
  [/合格|及格|一般|中等/, '中'],
];

/** The profile grade a stated grade means, or null when the words name none. */
export function gradeOfText(text: string, profile: ScoringProfile): string | null {
  const s = text.replace(/\s+/g, '');
  for (const g of profile.grades) if (s === g.label || s === g.grade) return g.grade;
  for (const [re, grade] of SYNONYMS) if (re.test(s) && profile.grades.some((g) => g.grade === grade)) return grade;
  const byLength = [...profile.grades].sort((a, b) => b.label.length - a.label.length);
  for (const g of byLength) if (s.includes(g.label)) return g.grade;
  for (const g of profile.grades) if (s.includes(g.grade)) return g.grade;
  return null;
}

export function describeGrades(profile: ScoringProfile): string {
  const gs = profile.grades;
  return gs
    .map((g, i) => (i === 0 ? `${g.grade} ≥ ${g.min}` : i === gs.length - 1 && g.min <= 0 ? `${g.grade} < ${gs[i - 1].min}` : `${g.grade} ${g.min}–${gs[i - 1].min}`))
    .join('、');
}

