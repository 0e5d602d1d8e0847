/**
 * Many distinct documents from a few real ones, for the import and API benchmarks: the county or
 * district gets a made-up name of its own in every variant (and, past the 10,648 names, the
 * years move back), so each variant is another entity and the store keeps it as a document of
 * its own, not as a version of another. One name per variant, not per variant of one base: two
 * bases from the same city a year or two apart would otherwise meet under the same name and year.
 */

const FIRST = '安平青云宁和兴丰广长嘉瑞泰康德永新明东南西北';
const SECOND = '阳山河城林泉源川华溪峰岭坪湖原江桥岗塘洲湾口';
const THIRD = '乐安宁昌盛兴丰泰和顺德福裕隆康庆祥瑞春秋文武';

/** 10,648 made-up three-character place stems (suffixed with 区/县 as the original is). */
export const STEMS: string[] = [...FIRST].flatMap((a) => [...SECOND].flatMap((b) => [...THIRD].map((c) => a + b + c)));

export interface Variant {
  stem: string;
  /** Years are moved back by this many (0, 1, 2, …) once every name has been used. */
  yearsBack: number;
}

export function variant(i: number): Variant {
  return { stem: STEMS[i % STEMS.length], yearsBack: Math.floor(i / STEMS.length) };
}

/** The stem of a document's county or district (`保定市徐水区` → `徐水`), or null. */
export function regionStem(region: string | null | undefined): string | null {
  const m = /([^省市州盟]{2,})[区县旗]$/u.exec(region ?? '');
  return m ? m[1] : null;
}

export function moveYears(text: string, yearsBack: number): string {
  if (yearsBack === 0) return text;
  return text.replace(/(?<!\d)(20[0-4]\d)(?=\s*年)/g, (y) => String(Number(y) - yearsBack));
}

export function renameStem(text: string, from: string, to: string): string {
  return text.split(from).join(to);
}

export function varyText(text: string, from: string, v: Variant): string {
  return moveYears(renameStem(text, from, v.stem), v.yearsBack);
}
