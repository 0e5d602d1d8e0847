/**
 * Tables that print a classification in blocks: the 部门预算 economic classes printed once under
 * each 政府预算 class they fall in (301 工资福利支出 under 501 机关工资福利支出 and again under 505
 * 对事业单位经常性补助), each printing with the 款 of its own block under it. Such a table is read
 * block by block: a printing adds up the rows printed under it, and a code's amount is the sum of
 * its printings. Shared by the recogniser (which checks a table's identities) and the rules.
 */
import type { Figure, Row } from './disclosure.js';

const val = (f: Figure | null) => (f && f.value ? f.value : null);

/** Rows with a numeric classification code, in print order. */
export function codedRows(rows: Row[]): Row[] {
  return rows.filter((r) => !!r.code && /^\d+$/.test(r.code));
}

function sameFigures(a: Row, b: Row): boolean {
  const keys = new Set([...Object.keys(a.values), ...Object.keys(b.values)]);
  return [...keys].every((k) => {
    const x = val(a.values[k] ?? null);
    const y = val(b.values[k] ?? null);
    return x === null ? y === null : y !== null && x.equals(y);
  });
}

/** Whether a class (3-digit code) is printed more than once with figures of its own. */
export function repeatsClasses(rows: Row[]): boolean {
  const seen = new Map<string, Row>();
  for (const r of codedRows(rows)) {
    if (r.code!.length !== 3) continue;
    const first = seen.get(r.code!);
    if (first && !sameFigures(first, r)) return true;
    if (!first) seen.set(r.code!, r);
  }
  return false;
}

/**
 * The coded rows, each printed row once: a code printed again with the same figures (a row repeated
 * over a page break) is left out; in a table of class blocks only when it repeats within its block.
 * Without blocks, the first printing of a code stands for it.
 */
export function printedOnce(rows: Row[]): Row[] {
  const blocks = repeatsClasses(rows);
  const seen = new Map<string, Row[]>();
  const out: Row[] = [];
  let block = 0;
  for (const r of codedRows(rows)) {
    if (blocks && r.code!.length === 3) block++;
    const key = blocks ? `${block}:${r.code}` : r.code!;
    const before = seen.get(key) ?? [];
    if (before.some((x) => !blocks || sameFigures(x, r))) continue;
    seen.set(key, [...before, r]);
    out.push(r);
  }
  return out;
}

/** The rows of `rows` under `parent` whose code extends its code, in print order, up to the next row of its level or above. */
export function rowsBelow(rows: Row[], parent: Row): Row[] {
  const out: Row[] = [];
  for (let i = rows.indexOf(parent) + 1; i < rows.length; i++) {
    const r = rows[i];
    if (r.code!.length <= parent.code!.length) break;
    if (r.code!.startsWith(parent.code!)) out.push(r);
  }
  return out;
}

/** The children of a coded row (codes of `childLen` digits that extend its code), as the table prints them. */
export function childrenOf(rows: Row[], parent: Row, childLen: number, blocks: boolean): Row[] {
  const under = blocks ? rowsBelow(rows, parent) : rows;
  return under.filter((r) => r.code!.length === childLen && r.code!.startsWith(parent.code!));
}
