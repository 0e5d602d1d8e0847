/**
 * A row of column numbers (栏次 1 2 3 …, or `**` in the name cell) is part of the header, never
 * figures. Many templates print one under the column titles; read as an amount row it would make
 * every identity of the table fail. Known by what it says: the amounts are the whole numbers n,
 * n+1, n+2 … in column order, printed without decimals, and the name cell is blank or a marker.
 */
import type { Row, StdTable } from '../model/disclosure.js';

const MARKER = /^(\**|栏次|行次|序号|编号|[甲乙丙丁]|[a-zA-Z])$/;

export function isColumnNumberRow(r: Row): boolean {
  if (r.code && !/^\d{1,2}$/.test(r.code)) return false;
  if (!MARKER.test(r.name.replace(/\s+/g, ''))) return false;
  const printed = Object.values(r.values).filter((f) => f && f.raw.trim());
  if (printed.length < 2) return false;
  const nums = printed.map((f) => f!.raw.trim());
  if (!nums.every((n) => /^\d{1,2}$/.test(n))) return false;
  return nums.every((n, i) => i === 0 || Number(n) === Number(nums[i - 1]) + 1);
}

/** Drops column-number rows; a table left without a figure is then an empty table. */
export function dropColumnNumberRows(t: StdTable): boolean {
  const before = t.rows.length;
  t.rows = t.rows.filter((r) => !isColumnNumberRow(r));
  if (t.rows.length === before) return false;
  if (!t.rows.some((r) => Object.values(r.values).some((f) => f?.value))) t.empty = true;
  return true;
}

/**
 * A 款 printed as its own two digits under its 类 (201, then 10, then 2011007): the full code is the
 * 类's followed by them. Taken so only when the 项 printed next starts with the code it makes.
 */
export function completeSectionCodes(t: StdTable): void {
  let cls: string | null = null;
  t.rows.forEach((r, i) => {
    if (!r.code) return;
    if (/^\d{3}$/.test(r.code)) cls = r.code;
    else if (/^\d{2}$/.test(r.code) && cls) {
      const next = t.rows.slice(i + 1).find((x) => x.code && /^\d+$/.test(x.code));
      const full = cls + r.code;
      if (next?.code && next.code.length === 7 && next.code.startsWith(full)) {
        r.code = full;
        r.level = 'section';
      }
    }
  });
}
