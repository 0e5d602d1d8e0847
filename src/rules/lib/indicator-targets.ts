/**
 * Performance indicators (domain.md §6): the 一级/二级 framework, well-formed targets, no duplicate
 * rows, the indicators every project needs, a 成本 ceiling within the budget, a spending plan that
 * grows to 100%, and the standard self-evaluation weights.
 */
import type { Indicator, Value } from '../../model/disclosure.js';
import { VALUE_PROBLEMS } from '../../model/value.js';
import { squash } from './owners.js';

const GRADE_SCALE = /^[优良中差]([.、．·,，/\s]+[优良中差]){2,}$/;

/** Malformations our own reading sees in a raw value when the value grammar reported none. */
function ownProblems(raw: string): string[] {
  const s = raw.replace(/\s+/g, '');
  const out: string[] = [];
  if (/(?:[≥≤><=]|大于|小于|不低于|不高于|不少于|不超过|达到)0\d/.test(s)) out.push('数值前多余的 0');
  if (/\d百分比/.test(s)) out.push('单位写作“百分比”，应为 %');
  if (/(20\d{2})\1/.test(s)) out.push('年份重复');
  if (/\d+(?:\.\d+){2,}/.test(s)) out.push('数字中有多个小数点');
  if (/%%|％％/.test(s)) out.push('百分号重复');
  return out;
}

/** Problems other rules of this catalog report on their own (scale, unit, operator, unmeasurable). */
const ELSEWHERE = new Set<string>([VALUE_PROBLEMS.empty, VALUE_PROBLEMS.scale, VALUE_PROBLEMS.noOperator, VALUE_PROBLEMS.noUnit, VALUE_PROBLEMS.unmeasurable]);

/** How the value is written wrong: the value grammar's problems, else what our own reading sees. */
export function valueProblems(v: Value): string[] {
  const own = v.problems.filter((p) => !ELSEWHERE.has(p));
  return v.problems.length ? own : ownProblems(v.raw);
}

export function isScale(v: Value): boolean {
  return GRADE_SCALE.test(v.raw.trim()) || v.problems.includes(VALUE_PROBLEMS.scale);
}

/** The value only repeats the indicator's name or description. */
export function repeatsName(i: Indicator): boolean {
  const t = squash(i.target.raw);
  if (t.length < 2 || i.target.value !== null) return false;
  const names = [squash(i.level3), squash(i.description)].filter((n) => n.length >= 2);
  return names.some((n) => n === t || n === `${t}率` || n.replace(/率$/, '') === t);
}
