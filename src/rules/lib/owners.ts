/** The indicator tables of a disclosure — budget 绩效目标表 and 绩效自评表 alike — as rules walk them. */
import type { Disclosure, Figure, Indicator, Loc } from '../../model/disclosure.js';
import { isBlankRow } from './indicators.js';

export interface Owner {
  /** 项目“X”绩效目标表 / 项目“X”绩效自评表 */
  place: string;
  name: string;
  budget: Figure | null;
  indicators: Indicator[];
  loc: Loc;
  kind: 'target' | 'self-evaluation';
  /** The table prints a 指标值确定依据 column; null or undefined when the model does not say. */
  hasBasisColumn?: boolean | null;
}

export function owners(doc: Disclosure): Owner[] {
  return [
    ...doc.projects.map((p) => ({ place: `项目“${p.name}”绩效目标表`, name: p.name, budget: p.budget, indicators: p.indicators, loc: p.loc, kind: 'target' as const, hasBasisColumn: p.hasBasisColumn })),
    ...(doc.selfEvaluation?.projects ?? []).map((p) => ({ place: `项目“${p.name}”绩效自评表`, name: p.name, budget: p.budget, indicators: p.indicators, loc: p.loc, kind: 'self-evaluation' as const })),
  ];
}

/** The rows somebody filled (a template's "指标 1：" with nothing in it is left out). */
export function filled(o: Owner): Indicator[] {
  return o.indicators.filter((i) => !isBlankRow(i.level3, i.target.raw));
}

export function loc(o: Owner, i: Indicator | null, what: string): Record<string, unknown> & { where: string } {
  return { ...o.loc, ...(i?.loc ?? {}), where: i ? `${o.place}“${i.level3 || i.level2}”${what}` : o.place };
}

export function squash(s: string | null | undefined): string {
  return (s ?? '').replace(/\s+/g, '');
}
