/**
 * Many distinct documents from a few real ones, for the import and API benchmarks: the county or
 * district is renamed (to made-up names) and the years are moved back, so each variant is another
 * entity-year and the store keeps it as a document of its own, not as a version of another.
 */

const FIRST = '安平青云宁和兴丰广长嘉瑞泰康德永';
const SECOND = '阳山河城林泉源川华溪峰岭坪湖原江';

/** 256 made-up two-character place stems (suffixed with 区/县 as the original is). */
export const STEMS: string[] = [...FIRST].flatMap((a) => [...SECOND].map((b) => a + b));

export interface Variant {
  stem: string;
  /** Years are moved back by this many (0, 1, 2, …) once every stem has been used. */
  yearsBack: number;
}

export function variant(j: number): Variant {
  return { stem: STEMS[j % STEMS.length], yearsBack: Math.floor(j / STEMS.length) };
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
